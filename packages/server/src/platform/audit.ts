import { randomUUID } from 'node:crypto';
import { auditEventWritten, sql, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from './context';

/** One audit event. The chain (seq, hashes, time) is added by the database. */
export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string;
  personId?: string | null;
  countyCode?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

/** Who did it. */
export type AuditActor = Pick<AuthContext, 'userId' | 'username' | 'ip' | 'requestId'> & { role: string };

/** Writes audit events inside the caller's transaction, so the event and the action commit or fail together. */
export interface AuditWriter {
  write(trx: Transaction<Database>, ctx: AuditActor | null, e: AuditInput): Promise<void>;
}

export function createAuditWriter(): AuditWriter {
  return {
    async write(trx, ctx, e) {
      // Migration 0005: the event's transaction commits without waiting for the disk (the chain's lock is then not
      // held through the flush) and withScope waits for the flush after the commit, before the server answers.
      // The setting that asks for it is made by this very statement (evaluated before the chain's trigger sees the
      // row), so no other insert into audit_event, and no transaction outside withScope, commits that way.
      auditEventWritten(trx);
      await trx
        .insertInto('audit_event')
        .values({
          id: randomUUID(),
          user_id: ctx?.userId || null,
          username: ctx?.username ?? null,
          role: ctx?.role ?? null,
          action: e.action,
          entity_type: e.entityType ?? null,
          entity_id: e.entityId ?? null,
          person_id: e.personId ?? null,
          county_code: e.countyCode ?? null,
          outcome: e.outcome ?? 'success',
          ip: ctx?.ip ?? null,
          request_id: ctx?.requestId ?? null,
          details: sql<string>`(select ${JSON.stringify(e.details ?? {})}::jsonb
            where set_config('fuyou.audit_commit', 'flush_after', true) is not null)`,
        })
        .execute();
    },
  };
}
