import { api } from './client';
import type { AuditEventDto, AuditVerifyDto, Page } from './types';

/** Filters of GET /audit/events. */
export interface AuditFilter {
  username?: string | undefined;
  personId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** GET /audit/events (newest first). */
export function searchAudit(f: AuditFilter): Promise<Page<AuditEventDto>> {
  return api.get('/audit/events', { ...f });
}

/** POST /audit/verify: walks the hash chain. */
export function verifyAudit(): Promise<AuditVerifyDto> {
  return api.post('/audit/verify');
}
