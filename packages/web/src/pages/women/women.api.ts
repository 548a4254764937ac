/** The women's-health API as the pages use it (types mirror the server's DTOs). */
import { api, request, type QueryParams } from '../../api/client';
import type { Page } from '../../api/types';

/** A step of a follow-up case. */
export interface CaseStep {
  seq: number;
  event: string;
  fromState: string;
  toState: string;
  date: string;
  exam: string | null;
  result: string | null;
  method: string | null;
  institutionId: string | null;
  note: string | null;
}

/** A two-cancer follow-up case. */
export interface ScreeningCase {
  id: string;
  personId: string;
  screeningId: string;
  kind: 'cervical' | 'breast';
  state: string;
  openedOn: string;
  enteredOn: Record<string, string>;
  pendingExam: string | null;
  nextStep: string;
  suggestedEvent: string | null;
  allowedEvents: string[];
  dueStep: string | null;
  dueOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  lesionGrade: string | null;
  earlyStage: boolean | null;
  treatmentMethod: string | null;
  treatedOn: string | null;
  lostReason: string | null;
  closedOn: string | null;
  pathwayNextStep: string | null;
  version: number;
  steps: CaseStep[];
}

/** A two-cancer screening record. */
export interface Screening {
  id: string;
  personId: string;
  kind: 'cervical' | 'breast';
  method: string;
  screeningDate: string;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  cohort: string;
  ageAtScreening: number;
  eligible: boolean;
  priority: boolean;
  funded: boolean;
  hpvTypes: string[] | null;
  hpvCategory: string | null;
  cytology: string | null;
  viaVili: string | null;
  colposcopy: string | null;
  histopathology: string | null;
  clinicalFindings: string[];
  highRiskFactors: string[];
  ultrasoundBirads: string | null;
  mammographyBirads: string | null;
  seniorReview: string | null;
  breastPathology: string | null;
  status: 'pending' | 'normal' | 'abnormal';
  awaiting: string | null;
  nextStep: string | null;
  nextStepMarker: string | null;
  nextDueOn: string | null;
  caseId: string | null;
  note: string | null;
  version: number;
  case: ScreeningCase | null;
}

/** A row of the screening list. */
export interface ScreeningListItem extends Omit<Screening, 'case'> {
  womanName: string;
  idNumberMasked: string | null;
  birthDate: string | null;
  residenceRegionName: string | null;
  caseState: string | null;
  caseOverdue: boolean;
}

/** A row of the case list / overdue worklist. */
export interface CaseListItem extends Omit<ScreeningCase, 'steps'> {
  womanName: string;
  idNumberMasked: string | null;
  birthDate: string | null;
  residenceRegionName: string | null;
  screeningDate: string;
  method: string;
  institutionName: string | null;
}

/** A case with its screening and woman (GET /cancer-screening-cases/:id). */
export interface CaseDetail extends ScreeningCase {
  screening: Screening;
  woman: {
    id: string;
    name: string;
    birthDate: string | null;
    idNumberMasked: string | null;
    phoneMasked: string | null;
  };
}

/** Eligibility answer. */
export interface Eligibility {
  eligible: boolean;
  ageAtScreening: number;
  reasons: string[];
  priority: boolean;
  reasonsText?: { zh: string; en: string };
  minAge?: number;
  maxAge?: number;
  cohort: string;
  date: string;
}

/** A woman's screening history. */
export interface ScreeningHistory {
  personId: string;
  eligibility: Eligibility | null;
  nextDue: { cervical: string | null; breast: string | null };
  screenings: Screening[];
}

/** Target population of a county and year. */
export interface Target {
  countyCode: string;
  countyName: string | null;
  year: number;
  women3564: number;
  ruralWomen3564: number | null;
  source: string;
  note: string | null;
  version: number;
}

/** Figures of one cancer. */
export interface CoverageFigures {
  screened: number;
  screenedFunded: number;
  coverage: number | null;
  abnormal: number;
  followed: number;
  followUpRate: number | null;
  lost: number;
  precancer: number;
  cancer: number;
  earlyCancer: number;
  earlyDiagnosisRate: number | null;
  treated: number;
  treatmentRate: number | null;
}

/** Coverage of one county. */
export interface CoverageRow {
  countyCode: string;
  countyName: string | null;
  year: number;
  women3564: number | null;
  cervical: CoverageFigures;
  breast: CoverageFigures;
}

/** Calls of the two-cancer screening pages. */
export const screeningApi = {
  create: (body: Record<string, unknown>) => api.post<Screening>('/cancer-screenings', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<Screening>(`/cancer-screenings/${id}`, body),
  get: (id: string) => api.get<Screening>(`/cancer-screenings/${id}`),
  list: (q: QueryParams) => api.get<Page<ScreeningListItem>>('/cancer-screenings', q),
  history: (personId: string) => api.get<ScreeningHistory>(`/people/${personId}/cancer-screenings`),
  eligibility: (personId: string, q: QueryParams) =>
    api.get<Eligibility>(`/people/${personId}/cancer-screening-eligibility`, q),
  cases: (q: QueryParams) => api.get<Page<CaseListItem>>('/cancer-screening-cases', q),
  getCase: (id: string) => api.get<CaseDetail>(`/cancer-screening-cases/${id}`),
  step: (id: string, body: Record<string, unknown>) =>
    api.post<CaseDetail>(`/cancer-screening-cases/${id}/steps`, body),
  targets: (year: number) => api.get<Target[]>('/cancer-screening-targets', { year }),
  putTarget: (body: Record<string, unknown>) => request<Target>('PUT', '/cancer-screening-targets', { body }),
  coverage: (year: number) => api.get<CoverageRow[]>('/cancer-screenings/coverage', { year }),
};

/** One partner of a premarital examination ('restricted' infectious results without permission pmtct). */
export interface PremaritalPartner {
  personId: string;
  name: string;
  birthDate: string | null;
  idNumberMasked: string | null;
  history: Record<string, unknown>;
  exam: Record<string, unknown>;
  tests: Record<string, string>;
  diseases: string[];
  infectious: Record<string, string> | 'restricted' | null;
}

/** A premarital examination. */
export interface PremaritalExam {
  id: string;
  examDate: string;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  funded: boolean;
  registrationOffice: string | null;
  registrationDate: string | null;
  female: PremaritalPartner | null;
  male: PremaritalPartner | null;
  infectiousPositive: boolean | 'restricted';
  findings: string[];
  opinion: string;
  suggestedOpinion: string;
  opinionNote: string | null;
  counsellingGiven: boolean;
  counsellingTopics: string[];
  certificateNo: string | null;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOutcome: string | null;
  followUpOverdue: boolean;
  note: string | null;
  version: number;
}

/** A row of the premarital list. */
export interface PremaritalListItem {
  id: string;
  examDate: string;
  femaleName: string | null;
  femaleIdMasked: string | null;
  maleName: string | null;
  maleIdMasked: string | null;
  opinion: string;
  certificateNo: string | null;
  funded: boolean;
  counsellingGiven: boolean;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOverdue: boolean;
  institutionName: string | null;
}

/** Premarital examination rate of a county. */
export interface PremaritalRate {
  countyCode: string;
  countyName: string | null;
  year: number;
  couplesRegistered: number | null;
  monthsEntered: number;
  femalesExamined: number;
  malesExamined: number;
  femaleRate: number | null;
  maleRate: number | null;
  rate: number | null;
  fundedExamined: number;
}

/** A county-month of marriage registrations. */
export interface MarriageRegistration {
  countyCode: string;
  countyName: string | null;
  year: number;
  month: number;
  couples: number;
  source: string;
  note: string | null;
  version: number;
}

/** Calls of the premarital pages. */
export const premaritalApi = {
  create: (body: Record<string, unknown>) => api.post<PremaritalExam>('/premarital-exams', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<PremaritalExam>(`/premarital-exams/${id}`, body),
  get: (id: string) => api.get<PremaritalExam>(`/premarital-exams/${id}`),
  list: (q: QueryParams) => api.get<Page<PremaritalListItem>>('/premarital-exams', q),
  followUp: (id: string, body: Record<string, unknown>) =>
    api.post<PremaritalExam>(`/premarital-exams/${id}/follow-up`, body),
  history: (personId: string) => api.get<PremaritalExam[]>(`/people/${personId}/premarital-exams`),
  rate: (year: number) => api.get<PremaritalRate[]>('/premarital-exams/rate', { year }),
  registrations: (year: number) => api.get<MarriageRegistration[]>('/marriage-registrations', { year }),
  putRegistration: (body: Record<string, unknown>) =>
    request<MarriageRegistration>('PUT', '/marriage-registrations', { body }),
  importRegistrations: (body: { csv: string; source: string }) =>
    api.post<{ created: number; updated: number }>('/marriage-registrations/import', body),
};

/** One partner of a preconception check. */
export interface PreconceptionPartner {
  personId: string;
  name: string;
  birthDate: string | null;
  idNumberMasked: string | null;
  values: Record<string, unknown>;
  reported: string[];
  items: string[];
  riskLevel: 'low' | 'high' | null;
  riskFactors: string[];
  infectious: { results: Record<string, string>; factors: string[] } | 'restricted' | null;
}

/** A preconception check. */
export interface PreconceptionCheck {
  id: string;
  checkDate: string;
  institutionName: string | null;
  examiner: string | null;
  funded: boolean;
  plannedPregnancyOn: string | null;
  female: PreconceptionPartner;
  male: PreconceptionPartner | null;
  riskLevel: 'low' | 'high';
  advice: string | null;
  referred: boolean;
  referralTo: string | null;
  referralReason: string | null;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOutcome: string | null;
  followUpOverdue: boolean;
  pregnancyId: string | null;
  pregnancyConfirmedOn: string | null;
  note: string | null;
  version: number;
}

/** A row of the preconception list. */
export interface PreconceptionListItem {
  id: string;
  checkDate: string;
  femaleName: string;
  femaleIdMasked: string | null;
  maleName: string | null;
  riskLevel: 'low' | 'high';
  riskFactors: string[];
  referred: boolean;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOverdue: boolean;
  pregnancyConfirmedOn: string | null;
  institutionName: string | null;
}

/** A folic acid dispensing. */
export interface Dispensing {
  id: string;
  personId: string;
  preconceptionCheckId: string | null;
  dispensedOn: string;
  packs: number;
  tablets: number;
  supplyDays: number;
  followUpDue: string;
  programme: string;
  stage: string;
  followedUp: boolean;
  followUpOverdue: boolean;
}

/** A dispensing list row. */
export interface DispensingListItem extends Dispensing {
  womanName: string;
  idNumberMasked: string | null;
  institutionName: string | null;
  lastAdherence: string | null;
}

/** A folic acid follow-up. */
export interface FolicFollowUp {
  id: string;
  dispensingId: string | null;
  followUpDate: string;
  daysTaken: number;
  daysExpected: number;
  adherence: string;
  share: number;
  folateNgMl: number | null;
  pregnant: boolean | null;
  note: string | null;
}

/** A woman's folic acid record. */
export interface FolicHistory {
  dispensings: Dispensing[];
  followUps: FolicFollowUp[];
  schedule: { startDate: string; endDate: string; days: number; packsNeeded: number } | null;
  tabletsDispensed: number;
}

/** Calls of the preconception and folic acid pages. */
export const preconceptionApi = {
  create: (body: Record<string, unknown>) => api.post<PreconceptionCheck>('/preconception-checks', body),
  get: (id: string) => api.get<PreconceptionCheck>(`/preconception-checks/${id}`),
  list: (q: QueryParams) => api.get<Page<PreconceptionListItem>>('/preconception-checks', q),
  followUp: (id: string, body: Record<string, unknown>) =>
    api.post<PreconceptionCheck>(`/preconception-checks/${id}/follow-up`, body),
  pregnancy: (id: string, body: Record<string, unknown>) =>
    api.post<PreconceptionCheck>(`/preconception-checks/${id}/pregnancy`, body),
  history: (personId: string) => api.get<PreconceptionCheck[]>(`/people/${personId}/preconception-checks`),
  dispense: (body: Record<string, unknown>) => api.post<Dispensing>('/folic-acid/dispensings', body),
  dispensings: (q: QueryParams) => api.get<Page<DispensingListItem>>('/folic-acid/dispensings', q),
  folicFollowUp: (body: Record<string, unknown>) => api.post<FolicFollowUp>('/folic-acid/follow-ups', body),
  folicHistory: (personId: string) => api.get<FolicHistory>(`/people/${personId}/folic-acid`),
};

/** A thalassaemia test. */
export interface ThalTest {
  id: string;
  personId: string;
  testDate: string;
  kind: string;
  source: string;
  mcvFl: number | null;
  mchPg: number | null;
  hba2Pct: number | null;
  geneResult: string | null;
  carrierStatus: string;
  suspicion: string | null;
  nextStep: string | null;
  retestReason: string | null;
}

/** A thalassaemia list row. */
export interface ThalTestListItem extends ThalTest {
  personName: string;
  sex: string;
  idNumberMasked: string | null;
  institutionName: string | null;
}

/** A retest decision. */
export interface RetestDecision {
  retest: boolean;
  reason: string;
  reuse: { kind: string; date: string } | null;
}

/** A couple assessment. */
export interface ThalCouple {
  id: string;
  femalePersonId: string;
  malePersonId: string;
  femaleName?: string;
  maleName?: string;
  assessedOn: string;
  femaleStatus: string;
  maleStatus: string;
  risk: string;
  sharedType: string | null;
  actions: string[];
  counsellingOn: string | null;
  prenatalDiagnosisReferred: boolean;
  pending: boolean;
  version: number;
  counsellingDue: string | null;
  counsellingOverdue: boolean;
  femaleIdMasked?: string | null;
  maleIdMasked?: string | null;
}

/** A person's thalassaemia record. */
export interface ThalHistory {
  tests: ThalTest[];
  status: { status: string; confirmed: boolean; basisDate: string | null };
  retest: Record<string, RetestDecision>;
  couples: ThalCouple[];
}

/** Calls of the thalassaemia pages. */
export const thalApi = {
  record: (body: Record<string, unknown>) => api.post<ThalTest>('/thalassaemia-tests', body),
  tests: (q: QueryParams) => api.get<Page<ThalTestListItem>>('/thalassaemia-tests', q),
  history: (personId: string) => api.get<ThalHistory>(`/people/${personId}/thalassaemia`),
  retest: (personId: string, kind: string) =>
    api.get<RetestDecision>(`/people/${personId}/thalassaemia/retest`, { kind }),
  couple: (body: Record<string, unknown>) => api.post<ThalCouple>('/thalassaemia-couples', body),
  couples: (q: QueryParams) => api.get<Page<ThalCouple>>('/thalassaemia-couples', q),
  reassess: (id: string, version: number) => api.post<ThalCouple>(`/thalassaemia-couples/${id}/reassess`, { version }),
  counselling: (id: string, body: Record<string, unknown>) =>
    api.post<ThalCouple>(`/thalassaemia-couples/${id}/counselling`, body),
};

/** Calls of the survey, pelvic-floor and family-planning pages (rows typed loosely: shown as returned). */
export type Row = Record<string, unknown> & { id: string; version?: number };
export const gynFpApi = {
  campaigns: (year?: number) => api.get<Row[]>('/gyn-survey-campaigns', { year }),
  createCampaign: (body: Record<string, unknown>) => api.post<Row>('/gyn-survey-campaigns', body),
  exam: (body: Record<string, unknown>) => api.post<Row>('/gyn-survey-exams', body),
  exams: (q: QueryParams) => api.get<Page<Row>>('/gyn-survey-exams', q),
  examFollowUp: (id: string, body: Record<string, unknown>) => api.post<Row>(`/gyn-survey-exams/${id}/follow-up`, body),
  pelvic: (body: Record<string, unknown>) => api.post<Row>('/pelvic-floor-screenings', body),
  pelvicList: (q: QueryParams) => api.get<Page<Row>>('/pelvic-floor-screenings', q),
  session: (id: string, body: Record<string, unknown>) =>
    api.post<Row>(`/pelvic-floor-screenings/${id}/sessions`, body),
  decline: (id: string, body: Record<string, unknown>) => api.post<Row>(`/pelvic-floor-screenings/${id}/decline`, body),
  gynHistory: (personId: string) => api.get<{ exams: Row[]; pelvic: Row[] }>(`/people/${personId}/gyn-pelvic`),
  fpService: (body: Record<string, unknown>) => api.post<Row>('/family-planning-services', body),
  fpServices: (q: QueryParams) => api.get<Page<Row>>('/family-planning-services', q),
  move: (body: Record<string, unknown>) => api.post<Row>('/contraceptive-stock', body),
  balances: () => api.get<Row[]>('/contraceptive-stock/balances'),
  movements: (q: QueryParams) => api.get<Page<Row>>('/contraceptive-stock/movements', q),
  pac: (body: Record<string, unknown>) => api.post<Row>('/post-abortion-care', body),
  pacList: (q: QueryParams) => api.get<Page<Row>>('/post-abortion-care', q),
  pacFollowUp: (id: string, body: Record<string, unknown>) =>
    api.post<Row>(`/post-abortion-care/${id}/follow-ups`, body),
  fpHistory: (personId: string) =>
    api.get<{ services: Row[]; issues: Row[]; postAbortionCare: Row[] }>(`/people/${personId}/family-planning`),
};

/** One defect on a birth-defect card. */
export interface CardDefect {
  icd10: string;
  category: string;
  description: string | null;
}

/** A birth-defect surveillance report card (出生缺陷儿登记卡). */
export interface BirthDefectReport {
  id: string;
  motherPersonId: string;
  childPersonId: string | null;
  source: 'delivery' | 'prenatal_diagnosis' | 'manual';
  deliveryId: string | null;
  birthOutcomeId: string | null;
  prenatalDiagnosisId: string | null;
  pregnancyId: string | null;
  birthDate: string;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  birthWeightG: number | null;
  sex: string;
  outcome: string;
  deathDate: string | null;
  defects: CardDefect[];
  categories: string[];
  diagnosisBasis: string[];
  diagnosisTime: 'prenatal' | 'after_birth';
  diagnosisDate: string;
  inWindow: boolean;
  institutionId: string | null;
  reporter: string | null;
  note: string | null;
  version: number;
  motherName?: string | null;
  motherIdMasked?: string | null;
  childName?: string | null;
  institutionName?: string | null;
  aidStatuses?: string[];
  aid?: AidApplication[];
}

/** What a card made from a delivery or a prenatal diagnosis would hold. */
export interface BirthDefectDraft {
  values: Partial<Omit<BirthDefectReport, 'defects'>> & {
    defects?: { icd10: string; description?: string }[];
    motherPersonId?: string;
  };
  pregnancyId: string | null;
  fetuses: number | null;
  motherName: string;
  missing: string[];
  unmatchedDefects: string[];
  babies: { id: string; birthOrder: number; outcome: string; defects: string[] }[];
  prenatalResult: string | null;
  pregnancyEnded: boolean;
  existingReportId: string | null;
}

/** Rate per 10,000 perinatal births. */
export interface BirthDefectRate {
  year: number;
  period: 'calendar' | 'report';
  from: string;
  to: string;
  counties: {
    countyCode: string;
    countyName: string | null;
    defectCases: number;
    unlinkedCases: number;
    perinatalBirths: number;
    ratePer10000: number | null;
  }[];
  total: { defectCases: number; perinatalBirths: number; ratePer10000: number | null };
  byCategory: { category: string; no: number; zh: string; en: string; cases: number; ratePer10000: number | null }[];
}

/** A birth (or an abnormal prenatal diagnosis) without a card. */
export interface UnreportedItem {
  kind: 'delivery' | 'prenatal_diagnosis';
  personId: string;
  motherName: string;
  motherIdMasked: string | null;
  deliveryId: string | null;
  birthOutcomeId: string | null;
  prenatalDiagnosisId: string | null;
  pregnancyId: string;
  birthDate: string;
  gestationalAge: string | null;
  birthOrder: number | null;
  outcome: string | null;
  what: string;
  institutionName: string | null;
  dueOn: string;
  overdue: boolean;
}

/** An aid application (救助申请). */
export interface AidApplication {
  id: string;
  personId: string;
  birthDefectReportId: string | null;
  programme: string;
  condition: string;
  appliedOn: string;
  amountRequested: number | null;
  status: 'submitted' | 'approved' | 'rejected' | 'paid';
  decidedOn: string | null;
  approvedAmount: number | null;
  decisionNote: string | null;
  paidOn: string | null;
  institutionId: string | null;
  note: string | null;
  allowedDecisions: ('approve' | 'reject' | 'pay')[];
  dueOn: string | null;
  overdue: boolean;
  version: number;
  personName?: string;
  idNumberMasked?: string | null;
  institutionName?: string | null;
}

/** Calls of the birth-defect and aid pages. */
export const birthDefectApi = {
  draft: (q: QueryParams) => api.get<BirthDefectDraft>('/birth-defect-reports/draft', q),
  create: (body: Record<string, unknown>) => api.post<BirthDefectReport>('/birth-defect-reports', body),
  update: (id: string, body: Record<string, unknown>) =>
    api.patch<BirthDefectReport>(`/birth-defect-reports/${id}`, body),
  get: (id: string) => api.get<BirthDefectReport>(`/birth-defect-reports/${id}`),
  list: (q: QueryParams) => api.get<Page<BirthDefectReport>>('/birth-defect-reports', q),
  rate: (year: number, period: string) => api.get<BirthDefectRate>('/birth-defect-reports/rate', { year, period }),
  unreported: (q: QueryParams) =>
    api.get<Page<UnreportedItem> & { overdue: number }>('/birth-defect-reports/unreported', q),
  history: (personId: string) =>
    api.get<{ reports: BirthDefectReport[]; aid: AidApplication[] }>(`/people/${personId}/birth-defects`),
  apply: (body: Record<string, unknown>) => api.post<AidApplication>('/aid-applications', body),
  aidList: (q: QueryParams) =>
    api.get<Page<AidApplication> & { requestedAmount: number; approvedAmount: number; paidAmount: number }>(
      '/aid-applications',
      q,
    ),
  decide: (id: string, body: Record<string, unknown>) =>
    api.post<AidApplication>(`/aid-applications/${id}/decision`, body),
};

/** One programme's figures in a county. */
export interface ProgrammeCell {
  programmeId: string;
  zh: string;
  en: string;
  unit: string;
  countsZh: string;
  countsEn: string;
  targetCount: number | null;
  targetVersion: number | null;
  targetSource: string | null;
  completed: number | null;
  share: number | null;
  met: boolean | null;
  remaining: number | null;
}

/** Progress of the funded programmes in a year. */
export interface ProgrammeProgress {
  year: number;
  programmes: {
    id: string;
    zh: string;
    en: string;
    funding: string;
    unit: string;
    countsZh: string;
    countsEn: string;
    exampleTargets: { comparator: string; value: number; unit: string; zh: string }[];
  }[];
  counties: { countyCode: string; countyName: string | null; inScope: boolean; programmes: ProgrammeCell[] }[];
  total: { programmeId: string; targetCount: number | null; completed: number | null; share: number | null }[];
}

/** Calls of the programme page. */
export const programmeApi = {
  progress: (year: number) => api.get<ProgrammeProgress>('/programmes/progress', { year }),
  putTarget: (body: Record<string, unknown>) => request<unknown>('PUT', '/programme-targets', { body }),
  deleteTarget: (q: QueryParams) => request<unknown>('DELETE', '/programme-targets', { query: q }),
};
