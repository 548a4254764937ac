/** The annual report and accountability (notices, summons) endpoints as the pages use them. */
import type { ReportHeaderLayout, ReportSource, ReportUnit } from '@fuyou/core';
import { api, buildUrl } from '../../api/client';

/** One cell of a report table. */
export interface ReportCell {
  status: 'ok' | 'no_data' | 'unavailable';
  value: number | null;
  reasonZh?: string;
  reasonEn?: string;
}

/** A leaf column of a computed section. */
export interface ReportLeaf {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: ReportUnit;
  decimals: number;
  source: ReportSource;
}

/** A section of a computed table. */
export interface ReportSection {
  id: string;
  titleZh: string;
  titleEn: string;
  header: ReportHeaderLayout;
  leaves: ReportLeaf[];
}

/** A table computed for one population. */
export interface ReportTable {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string;
  basis: 'hukou' | 'residence' | 'non_hukou';
  basisLabelZh: string;
  basisLabelEn: string;
  sections: ReportSection[];
  rows: { code: string; name: string; total: boolean; cells: Record<string, ReportCell> }[];
  notesZh: string[];
  notesEn: string[];
}

/** The annual report of a region and year. */
export interface AnnualReport {
  region: { code: string; name: string; level: string };
  year: number;
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  tables: ReportTable[];
  dataAsOf: string;
  generatedAt: string;
}

/** A missed indicator of a unit. */
export interface LaggingMiss {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  unit: '%' | '‰' | 'per_100k' | 'per_10k' | 'count';
  value: number;
  numerator: number | null;
  denominator: number | null;
  target: { comparator: string; value: number; source: string; inheritedFrom: string; version: string | null };
  evaluation: 'met' | 'close' | 'not_met' | 'no_data';
  gap: number;
  relativeGap: number;
  smallNumber: boolean;
}

/** A unit that misses targets. */
export interface LaggingUnit {
  code: string;
  name: string;
  kind: 'county' | 'institution';
  countyCode: string;
  countyName: string | null;
  misses: LaggingMiss[];
  checked: number;
  score: number;
  rank: number;
}

/** The lagging units of a region and period. */
export interface LaggingResult {
  region: { code: string; name: string; level: string };
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  unitKind: 'county' | 'institution';
  basis: string;
  include: 'missed' | 'not_met';
  targetYear: number;
  units: LaggingUnit[];
  unitsChecked: number;
  unitsMet: number;
  dataAsOf: string;
}

/** A notice (通报). */
export interface Notice {
  id: string;
  regionCode: string;
  regionName: string | null;
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  unitKind: 'county' | 'institution';
  basis: string;
  title: string;
  docNo: string | null;
  issuedOn: string;
  issuerName: string;
  body?: string;
  units?: LaggingUnit[];
  unitCount?: number;
  countyCodes: string[];
  dataAsOf: string;
  createdAt: string;
}

/** A follow-up action. */
export interface SummonsAction {
  id: string;
  summonsId: string;
  description: string;
  responsible: string;
  dueOn: string;
  completedOn: string | null;
  completionNote: string | null;
  state: 'done' | 'done_late' | 'overdue' | 'due_soon' | 'pending';
  version: number;
}

/** A summons (约谈). */
export interface Summons {
  id: string;
  countyCode: string;
  countyName: string | null;
  issuerRegionCode: string;
  issuerRegionName: string | null;
  unitKind: 'county' | 'institution';
  institutionId: string | null;
  unitName: string;
  noticeId: string | null;
  periodKey: string | null;
  summonedOn: string;
  reason: string;
  indicators: { id: string; nameZh: string; nameEn: string }[];
  attendees: { name: string; position?: string; side: 'issuer' | 'unit' }[];
  summary: string | null;
  state: 'overdue' | 'open' | 'done';
  actions: SummonsAction[];
  actionsTotal: number;
  actionsDone: number;
  actionsOverdue: number;
  nextDueOn: string | null;
  canEdit: boolean;
  canComplete: boolean;
  version: number;
  createdAt: string;
}

/** Filters of the summons list. */
export interface SummonsQuery {
  state?: string | undefined;
  countyCode?: string | undefined;
  unitKind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** The endpoints. */
export const reportsApi = {
  annual: (q: { regionCode: string; year: number; tables?: string }) => api.get<AnnualReport>('/reports/annual', q),
  annualXlsxUrl: (q: { regionCode: string; year: number; tables?: string }) => buildUrl('/reports/annual.xlsx', q),
  annualPdfUrl: (q: { regionCode: string; year: number; tables?: string }) => buildUrl('/reports/annual.pdf', q),
  lagging: (q: { regionCode: string; period: string; unit?: string; basis?: string; include?: string }) =>
    api.get<LaggingResult>('/accountability/lagging', q),
  createNotice: (body: unknown) => api.post<Notice>('/accountability/notices', body),
  notices: (q: { regionCode?: string; page?: number; pageSize?: number }) =>
    api.get<{ items: Notice[]; total: number; page: number; pageSize: number }>('/accountability/notices', q),
  notice: (id: string) => api.get<Notice>(`/accountability/notices/${id}`),
  noticePdfUrl: (id: string) => buildUrl(`/accountability/notices/${id}/notice.pdf`),
  noticeXlsxUrl: (id: string) => buildUrl(`/accountability/notices/${id}/notice.xlsx`),
  summonsList: (q: SummonsQuery) =>
    api.get<{ items: Summons[]; total: number; page: number; pageSize: number; today: string }>(
      '/accountability/summons',
      { ...q },
    ),
  summonsXlsxUrl: (q: SummonsQuery) => buildUrl('/accountability/summons.xlsx', { ...q }),
  summons: (id: string) => api.get<Summons>(`/accountability/summons/${id}`),
  createSummons: (body: unknown) => api.post<Summons>('/accountability/summons', body),
  updateSummons: (id: string, body: unknown) => api.patch<Summons>(`/accountability/summons/${id}`, body),
  addAction: (id: string, body: unknown) => api.post<Summons>(`/accountability/summons/${id}/actions`, body),
  updateAction: (id: string, body: unknown) => api.patch<Summons>(`/accountability/actions/${id}`, body),
};
