/** The data-quality API as the pages use it (types mirror the server's DTOs). */
import type { QualityConfig, QualityRecordType, QualityRuleKind, QualitySeverity } from '@fuyou/core';
import { api, buildUrl, request, type QueryParams } from '../../api/client';

/** The user's landing region and the regions she may pick. */
export interface QualityHome {
  regionCode: string | null;
  regionName: string | null;
  regions: { code: string; name: string; level: string; parentCode: string | null }[];
  canRun: boolean;
  canSeePeople: boolean;
  canConfigure: boolean;
}

/** A run of one county. */
export interface QualityRun {
  id: string;
  countyCode: string;
  countyName: string | null;
  trigger: 'manual' | 'nightly';
  status: 'queued' | 'running' | 'done' | 'failed';
  isCurrent: boolean;
  windowFrom: string;
  windowTo: string;
  asOf: string;
  ruleCount: number;
  requestedByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  checks: number | null;
  failedChecks: number | null;
  score: number | null;
  problemCount: number | null;
  recordsWithProblems: number | null;
  newProblems: number | null;
  resolvedProblems: number | null;
  error: string | null;
}

/** Scores of a county or an institution. */
export interface ScoreRow {
  countyCode: string;
  countyName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  runId: string | null;
  finishedAt: string | null;
  checks: number;
  failedChecks: number;
  weightedChecks: number;
  weightedFailed: number;
  score: number | null;
  problemCount: number;
}

/** A rule of the catalogue with the region's weight and switch. */
export interface QualityRuleRow {
  id: string;
  kind: QualityRuleKind;
  recordType: QualityRecordType;
  severity: QualitySeverity;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  fixZh: string;
  fixEn: string;
  source: string;
  evidence: 'C' | 'R' | 'L';
  config: string[];
  kindZh: string;
  kindEn: string;
  recordTypeZh: string;
  recordTypeEn: string;
  weight: number;
  enabled: boolean;
}

/** Tallies of a rule. */
export interface RuleSummaryRow {
  ruleId: string;
  nameZh: string;
  nameEn: string;
  kind: QualityRuleKind;
  severity: QualitySeverity;
  recordType: QualityRecordType;
  checked: number;
  failed: number;
  failRate: number | null;
  weightedFailed: number;
}

/** A problem of the current list. */
export interface QualityProblem {
  countyCode: string;
  countyName: string | null;
  runId: string;
  ruleId: string;
  ruleNameZh: string;
  ruleNameEn: string;
  kind: QualityRuleKind;
  severity: QualitySeverity;
  recordType: QualityRecordType;
  recordId: string;
  personId: string | null;
  personName: string | null;
  idNumberMasked: string | null;
  institutionId: string | null;
  institutionName: string | null;
  serviceDate: string | null;
  detail: Record<string, unknown>;
  detailZh: string;
  detailEn: string;
  fixZh: string;
  fixEn: string;
  firstSeenAt: string;
  link: string | null;
}

/** Filters of the problem list. */
export interface ProblemFilters extends QueryParams {
  regionCode: string;
  countyCode?: string | undefined;
  ruleId?: string | undefined;
  kind?: string | undefined;
  severity?: string | undefined;
  recordType?: string | undefined;
  institutionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/** The configuration of a region. */
export interface QualityConfigView {
  regionCode: string;
  regionName: string | null;
  chain: string[];
  effective: QualityConfig;
  own: { config: Record<string, unknown>; note: string | null; rowVersion: number } | null;
  inherited: { regionCode: string; config: Record<string, unknown> }[];
  canEdit: boolean;
}

export const qualityApi = {
  home: () => api.get<QualityHome>('/quality/home'),
  rules: (regionCode?: string) => api.get<QualityRuleRow[]>('/quality/rules', { regionCode }),
  run: (regionCode: string) => api.post<QualityRun[]>('/quality/runs', { regionCode }),
  runs: (regionCode: string, page = 1, pageSize = 10) =>
    api.get<{ items: QualityRun[]; total: number }>('/quality/runs', { regionCode, page, pageSize }),
  scores: (regionCode: string, groupBy: 'county' | 'institution') =>
    api.get<{ region: ScoreRow; rows: ScoreRow[] }>('/quality/scores', { regionCode, groupBy }),
  ruleSummary: (regionCode: string, institutionId?: string) =>
    api.get<RuleSummaryRow[]>('/quality/rule-summary', { regionCode, institutionId }),
  trend: (regionCode: string, days: number, institutionId?: string) =>
    api.get<{
      points: { date: string; score: number | null; counties: number; runsThatDay: number }[];
      countiesInRegion: number;
    }>('/quality/trend', { regionCode, days, institutionId }),
  problems: (f: ProblemFilters, page: number, pageSize: number) =>
    api.get<{ items: QualityProblem[]; total: number }>('/quality/problems', { ...f, page, pageSize }),
  problemsXlsxUrl: (f: ProblemFilters) => buildUrl('/quality/problems.xlsx', f),
  config: (regionCode: string) => api.get<QualityConfigView>('/quality/config', { regionCode }),
  setConfig: (body: {
    regionCode: string;
    config: Record<string, unknown> | null;
    note?: string;
    rowVersion?: number;
  }) => request<{ effective: QualityConfig; rowVersion: number | null }>('PUT', '/quality/config', { body }),
};
