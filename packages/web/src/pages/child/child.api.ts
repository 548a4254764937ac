/** The child-health API as the pages use it (types mirror the server's DTOs). */
import { api, request, type QueryParams } from '../../api/client';
import type { Page, PersonDto } from '../../api/types';

export interface ChildProfile {
  personId: string;
  source: 'delivery' | 'direct';
  registrationReason: string | null;
  deliveryId: string | null;
  birthTime: string | null;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  birthWeightG: number | null;
  birthLengthCm: number | null;
  birthHeadCm: number | null;
  apgar1: number | null;
  apgar5: number | null;
  apgar10: number | null;
  birthDefects: string[];
  multipleBirth: number;
  birthOrder: number | null;
  birthInstitutionName: string | null;
  birthPlace: string | null;
  neonatalConditions: string[];
  dischargedOn: string | null;
  healthHandbookNo: string | null;
  vaccinationHandbookNo: string | null;
  managingInstitutionName: string | null;
  status: string;
  version: number;
}

export interface ChildListItem {
  personId: string;
  name: string;
  sex: string;
  birthDate: string | null;
  ageDays: number | null;
  residenceRegionName: string | null;
  gestationalWeeks: number | null;
  birthWeightG: number | null;
  managingInstitutionName: string | null;
  healthHandbookNo: string | null;
}

export interface NutritionFinding {
  condition: string;
  severity?: string;
  zh: string;
  en: string;
  basis: string;
  value: number;
  remeasure?: boolean;
}

export interface CaseProposal {
  kind: string;
  severity: string | null;
  subtypes: string[];
  criteria: { code: string; zh: string; en: string; value?: number }[];
  caseId?: string;
  existing?: boolean;
}

export interface Checkup {
  id: string;
  visitDate: string;
  kind: string;
  ageDays: number;
  correctedAgeDays: number | null;
  weightKg: number | null;
  lengthCm: number | null;
  measuredLying: boolean | null;
  headCm: number | null;
  bmi: number | null;
  hbGL: number | null;
  /** The altitude adjustment applied before the Hb cut-offs (海拔校正 +N g/L), null when none. */
  hbAltitude: { altitudeM: number; adjustmentGL: number } | null;
  feeding: string | null;
  exclusiveBreastfeeding: boolean | null;
  hearing: string | null;
  zscores: { waz: number | null; lhaz: number | null; wlhz: number | null; bmiz: number | null; hcz: number | null };
  growthFlags: string[];
  nutrition: NutritionFinding[];
  proposals: CaseProposal[];
  warningSigns: { checked?: string[]; regression?: boolean; positive?: boolean };
  nextAppointment: string | null;
  version: number;
}

export interface ChildCase {
  id: string;
  personId: string;
  kind: string;
  severity: string | null;
  subtypes: string[];
  status: string;
  proposedOn: string;
  openedOn: string | null;
  nextFollowUpDue: string | null;
  overdue: boolean;
  closedOn: string | null;
  outcome: string | null;
  version: number;
}

export interface LedgerItem extends ChildCase {
  childName: string;
  sex: string;
  birthDate: string | null;
  idNumberMasked: string | null;
  residenceRegionName: string | null;
  institutionName: string | null;
  followups: number;
}

export interface GrowthChartData {
  indicator: string;
  titleZh: string;
  titleEn: string;
  available: boolean;
  curves: { xUnit: string; yUnit: string; lines: { name: string; sd: number; data: [number, number][] }[] };
  points: { checkupId: string; date: string; x: number; y: number; z: number | null; flagged: boolean }[];
}

export interface ChildPage {
  person: PersonDto;
  profile: ChildProfile;
  mother: { id: string; name: string; idNumberMasked: string | null } | null;
  ageDays: number | null;
  schedule: ScheduleItem[] | null;
  warningSigns: { ageMonths: number; signs: { code: string; zh: string; en: string }[] } | null;
  checkups: Checkup[];
  cases: ChildCase[];
  screenings: { newborn: NewbornScreening[]; child: ChildScreening[] };
  exposure: unknown;
}

export interface ScheduleItem {
  key: string;
  zh: string;
  en: string;
  status: string;
  windowStart?: string | null;
  windowEnd?: string | null;
  doneOn?: string | null;
  corrected?: boolean;
  hb?: boolean;
}

export interface NewbornScreening {
  id: string | null;
  kind: string;
  status: string;
  label?: { zh: string; en: string };
  flags: string[];
  nextStep: string | null;
  nextDue: string | null;
  overdue: boolean;
  closed: boolean;
  data: Record<string, unknown>;
  events: { step: string; date?: string; at?: string; result?: string }[];
  version: number;
}

export interface ChildScreening {
  id: string;
  kind: string;
  screenedOn: string;
  tool: string | null;
  score: number | null;
  result: string;
  followUpDue: string | null;
}

export const childApi = {
  list: (q: QueryParams) => api.get<Page<ChildListItem>>('/children', q),
  register: (body: unknown) => api.post<{ person: PersonDto; profile: ChildProfile }>('/children', body),
  putProfile: (personId: string, body: unknown) =>
    request<ChildProfile>('PUT', `/children/${personId}/profile`, { body }),
  page: (personId: string) => api.get<ChildPage>(`/children/${personId}`),
  checkups: (personId: string) => api.get<Checkup[]>(`/children/${personId}/checkups`),
  addCheckup: (personId: string, body: unknown) => api.post<Checkup>(`/children/${personId}/checkups`, body),
  growth: (personId: string) => api.get<{ sex: string; charts: GrowthChartData[] }>(`/children/${personId}/growth`),
  cases: (personId: string) => api.get<{ cases: ChildCase[] }>(`/children/${personId}/cases`),
  ledger: (q: QueryParams) => api.get<Page<LedgerItem>>('/child-cases', q),
  confirmCase: (caseId: string, body: unknown) => api.post<ChildCase>(`/child-cases/${caseId}/confirm`, body),
  dismissCase: (caseId: string, body: unknown) => api.post<ChildCase>(`/child-cases/${caseId}/dismiss`, body),
  worklist: (q: QueryParams) => api.get<Worklist>('/child-worklist', q),
};

export interface WorkItem {
  kind: string;
  personId: string;
  childName: string;
  birthDate: string | null;
  what: string;
  whatEn: string;
  due: string | null;
  overdue: boolean;
  refId?: string;
}
export interface Worklist {
  today: string;
  items: WorkItem[];
  total: number;
  overdue: number;
  counts: Record<string, number>;
  page: number;
  pageSize: number;
}
