/** The indicators API as the pages use it (types mirror the server's DTOs). */
import { api, buildUrl, type QueryParams } from '../../api/client';

/** Population basis of a request. */
export type Basis = 'default' | 'residence' | 'hukou' | 'facility';

/** The user's landing region and the regions she may pick. */
export interface IndicatorHome {
  regionCode: string | null;
  regionName: string | null;
  regions: { code: string; name: string; level: string; parentCode: string | null }[];
  reportYear: number;
  role: string;
  canSeePeople: boolean;
  canEditTargets: boolean;
}

/** Figures of one county or institution. */
export interface FigureRow {
  countyCode: string;
  countyName: string | null;
  institutionId?: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** One indicator for one region and period. */
export interface IndicatorValue {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  unit: '%' | '‰' | 'per_100k' | 'per_10k' | 'count';
  direction: 'higher_better' | 'lower_better';
  area: string;
  version: string | null;
  versionFrom: string;
  confirmed: boolean;
  numeratorMeasure: string;
  denominatorMeasure: string | null;
  numeratorZh: string;
  numeratorEn: string;
  denominatorZh: string | null;
  denominatorEn: string | null;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  basis: 'residence' | 'hukou' | 'facility';
  status: 'ok' | 'no_data' | 'unavailable';
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci: { lower: number; upper: number; level: number } | null;
  smallNumberWarning: { messageZh: string; messageEn: string } | null;
  byCounty: FigureRow[];
  byInstitution?: FigureRow[];
  unavailable: { measureId: string; reasonZh: string; reasonEn: string }[];
  dataAsOf: string;
}

/** A catalogue entry (subset the pages use). */
export interface CatalogueEntry {
  id: string;
  nameZh: string;
  nameEn: string;
  area: string;
  unit: IndicatorValue['unit'];
  direction: IndicatorValue['direction'];
  numeratorZh: string;
  numeratorEn: string;
  denominatorZh: string | null;
  denominatorEn: string | null;
  period: string;
  populationBasis: string;
  status: string;
  confirmed: boolean;
  toConfirmZh?: string;
  toConfirmEn?: string;
  source: string;
  versions?: { id: string; labelZh: string; labelEn: string }[];
  defaultVersion?: string;
  measures: {
    id: string;
    zh: string;
    status: 'implemented' | 'unavailable';
    noteZh?: string | null;
    reasonZh?: string | null;
  }[];
}

/** One person of a drill-down list. */
export interface Member {
  personId: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  countyCode: string;
  countyName: string | null;
  eventDate: string | null;
  pregnancyId: string | null;
  institutionId: string | null;
  institutionName: string | null;
  link: string | null;
}

/** A page of a drill-down list. */
export interface MemberPage {
  indicatorId: string;
  list: 'numerator' | 'denominator' | 'missed';
  measureId: string;
  level: string;
  matchedBy: string | null;
  items: Member[];
  total: number;
  page: number;
  pageSize: number;
}

/** A target that applies to a region. */
export interface AppliedTarget {
  id: string;
  regionCode: string;
  regionName: string | null;
  year: number;
  indicatorId: string;
  indicatorNameZh: string;
  indicatorNameEn: string;
  unit: string;
  version: string | null;
  comparator: '>=' | '>' | '<=' | '<' | 'no_avoidable_maternal_death';
  value: number;
  source: string;
  note: string | null;
  noteEn: string | null;
  textZh: string | null;
  status: string | null;
  confirmed: boolean;
  preloaded: boolean;
  rowVersion: number;
  inheritedFrom?: string;
  carriedFromYear?: number | null;
}

/** The indicator endpoints. */
export const indicatorsApi = {
  home: () => api.get<IndicatorHome>('/indicators/home'),
  catalogue: () => api.get<CatalogueEntry[]>('/indicators/catalogue'),
  values: (q: { regionCode: string; period: string; basis?: Basis; indicators?: string; groupBy?: string }) =>
    api.get<IndicatorValue[]>('/indicators/values', q),
  value: (id: string, q: { regionCode: string; period: string; basis?: Basis; version?: string }) =>
    api.get<IndicatorValue>(`/indicators/values/${id}`, q),
  members: (id: string, q: QueryParams) => api.get<MemberPage>(`/indicators/values/${id}/members`, q),
  membersXlsxUrl: (id: string, q: QueryParams) => buildUrl(`/indicators/values/${id}/members.xlsx`, q),
  appliedTargets: (regionCode: string, year: number) =>
    api.get<{ regionCode: string; year: number; applied: AppliedTarget[]; own: AppliedTarget[] }>(
      '/indicator-targets/applied',
      { regionCode, year },
    ),
  targets: (q: { regionCode?: string; year?: number }) => api.get<AppliedTarget[]>('/indicator-targets', q),
  saveTarget: (body: unknown) => api.post<AppliedTarget>('/indicator-targets', body),
  deleteTarget: (id: string, rowVersion: number) =>
    api.del<{ removed: true }>(`/indicator-targets/${id}?rowVersion=${rowVersion}`),
};

/** Met / close / not met / no data. */
export type Evaluation = 'met' | 'close' | 'not_met' | 'no_data';

/** One card of the dashboard. */
export interface DashboardCard {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  area: string;
  unit: IndicatorValue['unit'];
  direction: IndicatorValue['direction'];
  status: IndicatorValue['status'];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ci: IndicatorValue['ci'];
  smallNumberWarning: IndicatorValue['smallNumberWarning'];
  basis: string;
  version: string | null;
  target: AppliedTarget | null;
  evaluation: Evaluation;
  previous: { periodKey: string; value: number | null } | null;
  change: number | null;
  byCounty: FigureRow[];
  unavailable: IndicatorValue['unavailable'];
}

/** The dashboard of a region and period. */
export interface Dashboard {
  region: { code: string; name: string; level: string };
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  targetYear: number;
  cards: DashboardCard[];
  children: { code: string; name: string }[];
  dataAsOf: string;
}

/** Monthly values of an indicator. */
export interface Trend {
  indicatorId: string;
  regionCode: string;
  points: {
    periodKey: string;
    from: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }[];
  dataAsOf: string;
}

/** Child regions (or a county's institutions) ranked on an indicator. */
export interface Ranking {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  unit: IndicatorValue['unit'];
  direction: IndicatorValue['direction'];
  regionCode: string;
  regionName: string;
  by: 'region' | 'institution';
  value: number | null;
  rows: {
    code: string;
    name: string;
    kind: 'region' | 'institution';
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    target: AppliedTarget | null;
    evaluation: Evaluation;
  }[];
  dataAsOf: string;
}

/** One cell of the side-by-side table. */
export interface CompareCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: { comparator: AppliedTarget['comparator']; value: number; inheritedFrom: string } | null;
  evaluation: Evaluation;
}

/** The child regions of a region side by side. */
export interface Compare {
  region: { code: string; name: string; level: string };
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  indicators: {
    id: string;
    nameZh: string;
    nameEn: string;
    unit: IndicatorValue['unit'];
    direction: IndicatorValue['direction'];
    status: string;
  }[];
  rows: { code: string; name: string; cells: Record<string, CompareCell> }[];
  total: { code: string; name: string; cells: Record<string, CompareCell> };
  dataAsOf: string;
}

/** The dashboard endpoints. */
export const dashboardApi = {
  cards: (q: { regionCode: string; period: string; basis?: Basis }) => api.get<Dashboard>('/indicators/dashboard', q),
  xlsxUrl: (q: QueryParams) => buildUrl('/indicators/dashboard.xlsx', q),
  trend: (q: { indicatorId: string; regionCode: string; period: string; basis?: Basis }) =>
    api.get<Trend>('/indicators/trend', q),
  ranking: (q: { indicatorId: string; regionCode: string; period: string; basis?: Basis }) =>
    api.get<Ranking>('/indicators/ranking', q),
  compare: (q: { regionCode: string; period: string; basis?: Basis; indicators?: string }) =>
    api.get<Compare>('/indicators/compare', q),
};
