/** The maternal-care API as the pages use it (types mirror the server's DTOs). */
import { api, request, type QueryParams } from '../../api/client';
import type { Page, PersonDto } from '../../api/types';

export type Colour = 'green' | 'yellow' | 'orange' | 'red';

export interface Pregnancy {
  id: string;
  personId: string;
  countyCode: string;
  womanName: string;
  status: 'antenatal' | 'postpartum' | 'closed';
  registeredOn: string;
  registeringInstitutionName: string | null;
  managingInstitutionId: string | null;
  managingInstitutionName: string | null;
  handbookNo: string | null;
  lmp: string | null;
  edd: string;
  eddMethod: 'lmp' | 'ultrasound';
  eddCorrection: { reasonLabel?: { zh: string; en: string }; corrected?: boolean } | null;
  gestationalAge: string | null;
  gaAtRegistration: string;
  earlyRegistration: boolean;
  ageAtLmp: number | null;
  minorAtLmp: boolean;
  nonResident: boolean;
  gravidity: number;
  parity: number;
  previousCaesareans: number;
  heightCm: number | null;
  prePregnancyWeightKg: number | null;
  bmi: number | null;
  fetuses: number;
  screening: { positive: boolean; matched: { code: string; zh: string; en: string }[] } | null;
  riskColour: Colour | null;
  riskPurple: boolean;
  riskAssessedOn: string | null;
  assessmentCount: number;
  nextContact: string | null;
  nextDueOn: string | null;
  nextDueEnd: string | null;
  missedContact: string | null;
  nextAppointment: string | null;
  scheduleId: string;
  screenReferralDue: string | null;
  overdue: boolean;
  visitCount: number;
  deliveredOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  version: number;
}

export interface ScheduleContact {
  id: string;
  kind: string;
  label: { zh: string; en: string };
  status: 'done' | 'due' | 'upcoming' | 'missed' | 'not_applicable';
  windowStart: string;
  windowEnd: string;
  visitDate: string | null;
}

export interface Duty {
  kind: string;
  zh: string;
  en: string;
  due: string | null;
  overdue: boolean;
  action: string;
  refId?: string;
}

export interface WomanPage {
  woman: PersonDto;
  pregnancies: Pregnancy[];
  current: null | {
    pregnancy: Pregnancy;
    schedule: { contacts: ScheduleContact[] };
    timeline: {
      date: string;
      kind: string;
      zh: string;
      en: string;
      colour?: string;
      purple?: boolean;
      refId?: string;
    }[];
    colours: { seq: number; date: string; stage: string; colour: Colour; purple: boolean; overridden: boolean }[];
    cases: { id: string; status: string; colour: Colour; purple: boolean; openedOn: string; closedOn: string | null }[];
    charts: {
      weightGain: {
        category: string | null;
        bmi: number | null;
        band: { week: number; minKg: number; maxKg: number }[];
        points: { date: string; weeks: number; gainKg: number }[];
      };
      bloodPressure: { date: string; weeks: number; systolic: number; diastolic: number }[];
      hb: { date: string; weeks: number; hbGL: number }[];
    };
    duties: Duty[];
    delivered: boolean;
    pmtctVisible: boolean;
  };
}

export interface Special {
  gdm?: { gdm: boolean; status: string; abnormal: string[]; timing: string };
  anaemia?: { grade: string; anaemic: boolean; label: { zh: string; en: string } };
  bloodPressure?: string;
  hypertension?: { category: string; label: { zh: string; en: string } };
  weightGain?: { gainKg: number; status: string; recommended: { minKg: number; maxKg: number } };
  epds?: { total: number; positive: boolean; urgent: boolean };
}

export interface AncVisit {
  id: string;
  visitDate: string;
  gestationalAge: string;
  contactId: string | null;
  institutionName: string | null;
  weightKg: number | null;
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  fundalHeightCm: number | null;
  abdominalCircumferenceCm: number | null;
  fetalHeartRates: number[];
  presentation: string | null;
  oedema: string | null;
  labs: Record<string, unknown>;
  ultrasound: string | null;
  findings: string | null;
  advice: string | null;
  epdsScores: number[] | null;
  epdsAction: string | null;
  nextAppointment: string | null;
  special: Special;
  version: number;
}

export interface Matched {
  code: string;
  colour: string;
  zh: string;
  en?: string;
  via?: string;
}

export interface Assessment {
  id: string;
  seq: number;
  stage: string;
  assessedOn: string;
  gestationalAge: string | null;
  institutionName: string | null;
  assessorName: string | null;
  matched: Matched[];
  suggestedColour: Colour;
  suggestedPurple: boolean;
  colour: Colour;
  purple: boolean;
  overridden: boolean;
  overrideReason: string | null;
}

export interface Preview {
  suggestedColour: Colour;
  suggestedPurple: boolean;
  highRiskCase: boolean;
  matched: Matched[];
  facts: Record<string, unknown>;
  notEvaluated: string[];
}

export interface CatalogueItem {
  code: string;
  colour: string;
  zh: string;
  en: string;
  kind: 'computed' | 'ticked';
  group: string;
  confirmed: boolean;
}

export interface CaseDto {
  id: string;
  pregnancyId: string;
  personId: string;
  status: string;
  openedOn: string;
  colour: Colour;
  purple: boolean;
  reasons: Matched[];
  managingInstitutionId: string | null;
  managingInstitutionName: string | null;
  plan: string | null;
  emergencyPlan: string | null;
  deliveryHospitalId: string | null;
  deliveryHospitalName: string | null;
  deliveryHospitalDuty: {
    status: 'done' | 'not_yet' | 'due' | 'overdue';
    windowStart: string;
    windowEnd: string;
  } | null;
  nextFollowUpDue: string | null;
  followUpOverdue: boolean;
  reportPending: boolean;
  reportDueAt: string | null;
  reportOverdue: boolean;
  closedOn: string | null;
  closeReason: string | null;
  version: number;
}

export interface Referral {
  id: string;
  pregnancyId: string;
  referredOn: string;
  fromInstitutionName: string | null;
  toInstitutionId: string | null;
  toInstitutionName: string | null;
  reason: string;
  urgency: string;
  status: string;
  receiveDue: string;
  receivedOn: string | null;
  receiptOverdue: boolean;
  outcome: string | null;
  outcomeDue: string;
  outcomeOverdue: boolean;
  version: number;
  womanName?: string;
}

export interface CaseDetail extends CaseDto {
  womanName: string;
  edd: string;
  pregnancyStatus: string;
  reports: {
    id: string;
    colour: string;
    purple: boolean;
    reportedAt: string;
    dueAt: string | null;
    acknowledgedAt: string | null;
    acknowledgedByName: string | null;
    overdue: boolean;
  }[];
  followups: {
    id: string;
    followupDate: string;
    method: string | null;
    condition: string | null;
    management: string | null;
    nextDue: string | null;
  }[];
  referrals: Referral[];
}

export interface LedgerItem extends CaseDto {
  womanName: string;
  idNumberMasked: string | null;
  ageYears: number | null;
  residenceRegionName: string | null;
  edd: string;
  gestationalAge: string | null;
  pregnancyStatus: string;
  nonResident: boolean;
  followups: number;
  referralsPending: number;
}

export interface Delivery {
  id: string;
  deliveryDate: string;
  deliveryTime: string | null;
  place: string;
  institutionName: string | null;
  gestationalAge: string;
  mode: string;
  complications: string[];
  maternalCondition: string;
  babies: {
    id: string;
    birthOrder: number;
    outcome: string;
    sex: string;
    weightG: number | null;
    flags: Record<string, boolean | null>;
    childPersonId: string | null;
    defects: string[];
    diedOn: string | null;
    diedTime: string | null;
  }[];
}

export interface PostpartumVisit {
  id: string;
  kind: string;
  visitDate: string;
  postpartumDay: number;
  findings: string | null;
  breastfeeding: string | null;
  epds: { total: number; positive: boolean; urgent: boolean } | null;
  pelvicFloor: string | null;
  assessment: string | null;
}

export type PmtctView =
  | { restricted: true }
  | {
      restricted: false;
      tests: {
        id: string;
        infection: string;
        testedOn: string;
        gestationalAge: string | null;
        result: string;
        earlyTest: boolean;
        atLabour: boolean;
        titre?: string;
        hbvDnaIuPerMl?: number;
      }[];
      status: {
        infection: string;
        tested: boolean;
        earlyTest: boolean;
        testedAtFirstVisit: boolean;
        positive: boolean | null;
        rapidTestAtLabourNeeded: boolean;
      }[];
      record: null | {
        infections: string[];
        hivExposure: string;
        maternalDuties: { code: string; zh: string; en: string; done: boolean }[];
        treatments: { id: string; infection: string; kind: string; startedOn: string; detail?: string }[];
        hbvAntiviralIndicated: boolean;
        version: number;
      };
      infantPlan: null | {
        duties: { code: string; zh: string; en: string; dueBy: string | null; dueDate: string | null }[];
      };
    };

export interface PrenatalScreening {
  id: string;
  method: string;
  screenedOn: string;
  gestationalAge: string | null;
  t21: string | null;
  t18: string | null;
  ntd: string | null;
  followUp: string;
  followUpDue: string | null;
  followUpOverdue: boolean;
  diagnosisResult: string | null;
  counsellingOutcome: string | null;
  version: number;
}

export interface WorkItem {
  kind: string;
  pregnancyId: string;
  personId: string;
  womanName: string;
  gestationalAge: string | null;
  riskColour: Colour | null;
  riskPurple: boolean;
  what: string;
  whatEn: string;
  due: string | null;
  overdue: boolean;
  refId?: string;
}

export interface Alert {
  id: string;
  kind: string;
  personId: string | null;
  personName: string | null;
  messageZh: string;
  messageEn: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

export interface MaternalDeath {
  id: string;
  personId: string;
  womanName?: string;
  pregnancyId: string | null;
  status: string;
  deathDate: string;
  deathTime: string | null;
  deathPlace: string;
  deliveryPlace: string | null;
  deliveryDate: string | null;
  deliveryTime: string | null;
  deliveryMode: string | null;
  referred: boolean | null;
  firstInstitution: string | null;
  antenatalCare: boolean | null;
  firstVisitGaWeeks: number | null;
  visitCount: number | null;
  lastVisitInstitution: string | null;
  education: string | null;
  incomeBand: string | null;
  residenceKind: string | null;
  causeA: string | null;
  causeB: string | null;
  causeC: string | null;
  underlyingCause: string;
  icd10: string;
  diagnosisBasis: string | null;
  reporter: string | null;
  familyPhoneMasked: string | null;
  hukouLocal: boolean | null;
  planned: boolean | null;
  gravidity: number | null;
  parity: number | null;
  inducedAbortions: number | null;
  lmp: string | null;
  newMethodDelivery: boolean | null;
  birthAttendant: string | null;
  ageYears: number | null;
  submittedAt: string | null;
  reviews: (DeathReview & { id: string })[];
  version: number;
}

/** A committee level's death review (maternal or perinatal); `factors` maps each ticked cell of the grid to its note. */
export interface DeathReview {
  level: string;
  reviewedOn: string;
  conclusion: string;
  factors: Record<string, string> | null;
  actions: string | null;
}

export interface PerinatalDeath {
  id: string;
  kind: 'stillbirth' | 'early_neonatal' | 'late_neonatal';
  perinatal: boolean;
  outcome: string;
  birthOrder: number;
  sex: string;
  weightG: number | null;
  gestationalAge: string | null;
  deliveryDate: string;
  institutionName: string | null;
  diedOn: string | null;
  ageDays: number | null;
  motherId: string;
  motherName: string;
  pregnancyId: string;
  childPersonId: string | null;
  childName: string | null;
  childDeathId: string | null;
  childDeathStatus: string | null;
  /** Stillbirths only (a live-born death is reviewed on the child's death card). */
  reviewStatus: 'pending' | 'reviewed' | null;
  /** The reviews made so far, one per committee level, in level order (county, city, province). */
  reviews: PerinatalReview[];
}

/** One committee level's perinatal death review of a stillbirth / fetal death (versioned per level). */
export interface PerinatalReview extends DeathReview {
  birthOutcomeId: string;
  version: number;
  updatedAt: string | null;
}

export interface ContactSchedule {
  id: string;
  version: string;
  name: { zh: string; en: string };
  source: string;
  confirmed: boolean;
  contacts: { id: string; kind: string; label: { zh: string; en: string }; confirmed: boolean }[];
}

export interface ScheduleChoice {
  regionCode: string;
  regionName: string | null;
  scheduleId: string;
  note: string | null;
  updatedAt: string;
}

const post = <T>(path: string, body: unknown) => api.post<T>(path, body);

export const maternalApi = {
  register: (body: unknown) => post<Pregnancy>('/pregnancies', body),
  pregnancy: (id: string) => api.get<Pregnancy>(`/pregnancies/${id}`),
  updatePregnancy: (id: string, body: unknown) => api.patch<Pregnancy>(`/pregnancies/${id}`, body),
  endPregnancy: (id: string, body: unknown) => post<Pregnancy>(`/pregnancies/${id}/end`, body),
  womanPage: (personId: string, pregnancyId?: string) =>
    api.get<WomanPage>(`/women/${personId}/maternal`, { pregnancyId }),
  visits: (id: string) => api.get<AncVisit[]>(`/pregnancies/${id}/visits`),
  updateVisit: (id: string, body: unknown) => api.patch<AncVisit>(`/anc-visits/${id}`, body),
  addVisit: (id: string, body: unknown) =>
    post<
      AncVisit & { assessment: { assessment: Assessment; case: { caseId: string; opened: boolean } | null } | null }
    >(`/pregnancies/${id}/visits`, body),
  catalogue: () => api.get<{ items: CatalogueItem[]; name: { zh: string; en: string } }>('/maternal/risk-catalogue'),
  preview: (id: string, body: unknown) => post<Preview>(`/pregnancies/${id}/risk-assessments/preview`, body),
  assess: (id: string, body: unknown) =>
    post<{
      assessment: Assessment;
      case: { caseId: string; opened: boolean; escalated: boolean; reportDueAt: string | null } | null;
    }>(`/pregnancies/${id}/risk-assessments`, body),
  assessments: (id: string) => api.get<Assessment[]>(`/pregnancies/${id}/risk-assessments`),
  ledger: (q: QueryParams) => api.get<Page<LedgerItem>>('/high-risk-cases', q),
  caseDetail: (id: string) => api.get<CaseDetail>(`/high-risk-cases/${id}`),
  updateCase: (id: string, body: unknown) => api.patch<CaseDto>(`/high-risk-cases/${id}`, body),
  followup: (id: string, body: unknown) => post<{ case: CaseDto }>(`/high-risk-cases/${id}/followups`, body),
  closeCase: (id: string, body: unknown) => post<CaseDto>(`/high-risk-cases/${id}/close`, body),
  acknowledge: (reportId: string) => post<unknown>(`/high-risk-reports/${reportId}/acknowledge`, {}),
  refer: (pregnancyId: string, body: unknown) => post<Referral>(`/pregnancies/${pregnancyId}/referrals`, body),
  referrals: (q: QueryParams) => api.get<Referral[]>('/maternal-referrals', q),
  receive: (id: string, body: unknown) => post<Referral>(`/maternal-referrals/${id}/receive`, body),
  outcome: (id: string, body: unknown) => post<Referral>(`/maternal-referrals/${id}/outcome`, body),
  deliver: (id: string, body: unknown) => post<Delivery>(`/pregnancies/${id}/delivery`, body),
  delivery: (id: string) => api.get<Delivery>(`/pregnancies/${id}/delivery`),
  postpartumVisits: (id: string) => api.get<PostpartumVisit[]>(`/pregnancies/${id}/postpartum-visits`),
  addPostpartum: (id: string, body: unknown) =>
    post<PostpartumVisit & { pregnancyStatus: string }>(`/pregnancies/${id}/postpartum-visits`, body),
  pmtct: (id: string) => api.get<PmtctView>(`/pregnancies/${id}/pmtct`),
  addPmtctTest: (id: string, body: unknown) => post<unknown>(`/pregnancies/${id}/pmtct-tests`, body),
  addPmtctTreatment: (id: string, body: unknown) =>
    post<{ version: number; pendingTreatments: number }>(`/pregnancies/${id}/pmtct/treatments`, body),
  screenings: (id: string) => api.get<PrenatalScreening[]>(`/pregnancies/${id}/prenatal-screenings`),
  addScreening: (id: string, body: unknown) => post<PrenatalScreening>(`/pregnancies/${id}/prenatal-screenings`, body),
  diagnosis: (id: string, body: unknown) => post<PrenatalScreening>(`/prenatal-screenings/${id}/diagnosis`, body),
  worklist: (q: QueryParams) =>
    api.get<{ today: string; counts: Record<string, number>; overdue: number; items: WorkItem[] }>(
      '/maternal-worklist',
      q,
    ),
  alerts: () => api.get<Alert[]>('/maternal-alerts'),
  ackAlert: (id: string) => post<unknown>(`/maternal-alerts/${id}/acknowledge`, {}),
  deaths: () => api.get<MaternalDeath[]>('/maternal-deaths'),
  createDeath: (body: unknown) => post<MaternalDeath>('/maternal-deaths', body),
  updateDeath: (id: string, body: unknown) => api.patch<MaternalDeath>(`/maternal-deaths/${id}`, body),
  perinatalDeaths: (q: QueryParams) => api.get<PerinatalDeath[]>('/perinatal-deaths', q),
  reviewPerinatalDeath: (birthOutcomeId: string, body: unknown) =>
    request<PerinatalReview>('PUT', `/perinatal-deaths/${birthOutcomeId}/review`, { body }),
  schedules: () =>
    api.get<{ defaultScheduleId: string; schedules: ContactSchedule[]; choices: ScheduleChoice[] }>(
      '/maternal/schedules',
    ),
  setScheduleChoice: (body: unknown) => request<ScheduleChoice>('PUT', '/maternal/schedule-choices', { body }),
  removeScheduleChoice: (regionCode: string) => api.del<unknown>(`/maternal/schedule-choices/${regionCode}`),
  submitDeath: (id: string, version: number) => post<MaternalDeath>(`/maternal-deaths/${id}/submit`, { version }),
  reviewDeath: (id: string, body: unknown) => post<MaternalDeath>(`/maternal-deaths/${id}/reviews`, body),
  /** The ledger as xlsx (a file download through the same session). */
  ledgerExportUrl: (q: QueryParams) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    return `/api/v1/high-risk-cases/export.xlsx${p.toString() ? `?${p.toString()}` : ''}`;
  },
  raw: request,
};
