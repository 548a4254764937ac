import type { ColumnType } from 'kysely';
import type { DateString, Timestamp } from './platform';

/** jsonb: read as the parsed value, written as a JSON string. */
type WJson<T = unknown> = ColumnType<T, string | undefined, string>;
/** A text[] column with a default. */
type WTextArray = ColumnType<string[], string[] | undefined, string[]>;
/** A version column. */
type WVersion = ColumnType<number, number | undefined, number>;
/** A column with a database default. */
type WDefault<T> = ColumnType<T, T | undefined, T>;

/** 两癌筛查记录: one screening (cervical or breast) of a woman with its results and the pathway's next step. */
export interface CancerScreeningTable {
  county_code: string;
  id: string;
  person_id: string;
  kind: 'cervical' | 'breast';
  method: string;
  screening_date: DateString;
  institution_id: string | null;
  examiner: string | null;
  cohort: string;
  age_at_screening: number;
  eligible: boolean;
  priority: WDefault<boolean>;
  funded: WDefault<boolean>;
  hpv_types: string[] | null;
  hpv_category: string | null;
  cytology: string | null;
  via_vili: string | null;
  colposcopy: string | null;
  histopathology: string | null;
  clinical_findings: WTextArray;
  high_risk_factors: WTextArray;
  ultrasound_birads: string | null;
  mammography_birads: string | null;
  senior_review: string | null;
  breast_pathology: string | null;
  status: 'pending' | 'normal' | 'abnormal';
  awaiting: string | null;
  next_step: string | null;
  next_step_marker: string | null;
  next_due_on: DateString | null;
  case_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 两癌异常随访个案: the follow-up case of an abnormal screening result (state machine of @fuyou/core). */
export interface CancerScreeningCaseTable {
  county_code: string;
  id: string;
  person_id: string;
  screening_id: string;
  kind: 'cervical' | 'breast';
  state: string;
  opened_on: DateString;
  entered_on: WJson<Record<string, string>>;
  pending_exam: string | null;
  due_step: string | null;
  due_on: DateString | null;
  lesion_grade: string | null;
  early_stage: boolean | null;
  treatment_method: string | null;
  treated_on: DateString | null;
  lost_reason: string | null;
  closed_on: DateString | null;
  institution_id: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** One step (transition) of a follow-up case, with the examination result it brought. */
export interface CancerScreeningCaseStepTable {
  county_code: string;
  id: string;
  case_id: string;
  person_id: string;
  seq: number;
  event: string;
  from_state: string;
  to_state: string;
  step_date: DateString;
  exam: string | null;
  result: string | null;
  method: string | null;
  institution_id: string | null;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** Women aged 35–64 of a county in a year (census figures): the coverage denominator. */
export interface CancerScreeningTargetTable {
  county_code: string;
  year: number;
  women_35_64: number;
  rural_women_35_64: number | null;
  source: string;
  note: string | null;
  version: WVersion;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** 婚前医学检查: a couple's (or one partner's) premarital examination. Infectious results are encrypted. */
export interface PremaritalExamTable {
  county_code: string;
  id: string;
  exam_date: DateString;
  institution_id: string | null;
  examiner: string | null;
  funded: WDefault<boolean>;
  registration_office: string | null;
  registration_date: DateString | null;
  female_person_id: string | null;
  female_history: WJson<Record<string, unknown>>;
  female_exam: WJson<Record<string, unknown>>;
  female_tests: WJson<Record<string, unknown>>;
  female_diseases: WTextArray;
  female_infectious_enc: string | null;
  male_person_id: string | null;
  male_history: WJson<Record<string, unknown>>;
  male_exam: WJson<Record<string, unknown>>;
  male_tests: WJson<Record<string, unknown>>;
  male_diseases: WTextArray;
  male_infectious_enc: string | null;
  infectious_positive: WDefault<boolean>;
  findings: WTextArray;
  opinion: string;
  suggested_opinion: string;
  opinion_note: string | null;
  counselling_given: WDefault<boolean>;
  counselling_topics: WTextArray;
  certificate_no: string | null;
  follow_up_due: DateString | null;
  follow_up_done_on: DateString | null;
  follow_up_outcome: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** Marriages registered in a county and month (couples). */
export interface MarriageRegistrationCountTable {
  county_code: string;
  year: number;
  month: number;
  couples: number;
  source: string;
  note: string | null;
  version: WVersion;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** 孕前优生健康检查: a couple's preconception check with the risk assessment; later pregnancy linked by id. */
export interface PreconceptionCheckTable {
  county_code: string;
  id: string;
  check_date: DateString;
  institution_id: string | null;
  examiner: string | null;
  funded: WDefault<boolean>;
  planned_pregnancy_on: DateString | null;
  female_person_id: string;
  female_values: WJson<Record<string, unknown>>;
  female_reported: WTextArray;
  female_items: WTextArray;
  female_infectious_enc: string | null;
  female_risk_level: 'low' | 'high';
  female_risk_factors: WTextArray;
  male_person_id: string | null;
  male_values: WJson<Record<string, unknown>>;
  male_reported: WTextArray;
  male_items: WTextArray;
  male_infectious_enc: string | null;
  male_risk_level: 'low' | 'high' | null;
  male_risk_factors: WTextArray;
  risk_level: 'low' | 'high';
  advice: string | null;
  referred: WDefault<boolean>;
  referral_institution_id: string | null;
  referral_to: string | null;
  referral_reason: string | null;
  follow_up_due: DateString | null;
  follow_up_done_on: DateString | null;
  follow_up_outcome: string | null;
  pregnancy_id: string | null;
  pregnancy_confirmed_on: DateString | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** Folic acid given to a woman (增补叶酸). */
export interface FolicAcidDispensingTable {
  county_code: string;
  id: string;
  person_id: string;
  preconception_check_id: string | null;
  dispensed_on: DateString;
  packs: number;
  tablets: number;
  supply_days: number;
  follow_up_due: DateString;
  programme: 'folic_acid_supplementation' | 'other';
  stage: 'preconception' | 'early_pregnancy';
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** Adherence follow-up of folic acid (and folate level where tested). */
export interface FolicAcidFollowUpTable {
  county_code: string;
  id: string;
  person_id: string;
  dispensing_id: string | null;
  follow_up_date: DateString;
  days_taken: number;
  days_expected: number;
  adherence: 'adherent' | 'non_adherent' | 'not_taken';
  share: number;
  folate_ng_ml: number | null;
  pregnant: boolean | null;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** A thalassaemia test result of a person (any programme). */
export interface ThalassaemiaTestTable {
  county_code: string;
  id: string;
  person_id: string;
  test_date: DateString;
  kind: 'blood_indices' | 'hb_analysis' | 'gene_test';
  source: WDefault<string>;
  source_id: string | null;
  mcv_fl: number | null;
  mch_pg: number | null;
  hba2_pct: number | null;
  gene_result: string | null;
  carrier_status: string;
  suspicion: string | null;
  next_step: string | null;
  retest_reason: string | null;
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** A couple's thalassaemia risk assessment and counselling. */
export interface ThalassaemiaCoupleTable {
  county_code: string;
  id: string;
  female_person_id: string;
  male_person_id: string;
  assessed_on: DateString;
  female_status: string;
  male_status: string;
  risk: 'high' | 'low' | 'undetermined';
  shared_type: string | null;
  actions: WTextArray;
  counselling_on: DateString | null;
  prenatal_diagnosis_referred: WDefault<boolean>;
  counselling_note: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 妇女常见病筛查 campaign with its target population. */
export interface GynSurveyCampaignTable {
  county_code: string;
  id: string;
  name: string;
  year: number;
  start_date: DateString;
  end_date: DateString;
  target_population: number;
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** One woman's examination in a survey campaign. */
export interface GynSurveyExamTable {
  county_code: string;
  id: string;
  campaign_id: string;
  person_id: string;
  exam_date: DateString;
  age: number;
  in_target: boolean;
  findings: WTextArray;
  disposition: 'none' | 'treated' | 'referred' | 'follow_up';
  treatment: string | null;
  referral_to: string | null;
  follow_up_due: DateString | null;
  follow_up_done_on: DateString | null;
  follow_up_outcome: string | null;
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** Postpartum pelvic-floor screening. */
export interface PelvicFloorScreeningTable {
  county_code: string;
  id: string;
  person_id: string;
  screening_date: DateString;
  delivery_id: string | null;
  delivery_date: DateString | null;
  postpartum_days: number | null;
  muscle_strength: number;
  pop_stage: number;
  stress_incontinence: WDefault<boolean>;
  rehab_indicated: boolean;
  reasons: WTextArray;
  planned_sessions: number | null;
  status: 'no_rehab' | 'rehab_planned' | 'in_rehab' | 'completed' | 'declined';
  first_session_due: DateString | null;
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** A pelvic-floor rehabilitation session. */
export interface PelvicFloorSessionTable {
  county_code: string;
  id: string;
  screening_id: string;
  person_id: string;
  session_date: DateString;
  session_no: number;
  modality: string;
  muscle_strength_after: number | null;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** A family-planning technical service. */
export interface FamilyPlanningServiceTable {
  county_code: string;
  id: string;
  person_id: string;
  service_date: DateString;
  service: string;
  institution_id: string | null;
  complications: WTextArray;
  complication_note: string | null;
  adverse_reaction: string | null;
  last_menstrual_period: DateString | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** A free-contraceptive stock movement of an institution (issues may name the person). */
export interface ContraceptiveStockMovementTable {
  county_code: string;
  id: string;
  institution_id: string;
  item: string;
  movement_date: DateString;
  kind: 'receipt' | 'issue' | 'adjustment';
  quantity: number;
  person_id: string | null;
  batch_no: string | null;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** 流产后关爱: care after an abortion with contraception and follow-up contacts. */
export interface PostAbortionCareTable {
  county_code: string;
  id: string;
  person_id: string;
  abortion_date: DateString;
  abortion_service: 'surgical_abortion' | 'medical_abortion' | 'mid_trimester_termination';
  family_planning_service_id: string | null;
  care_items: WTextArray;
  contraception_method: string | null;
  contraception_class: 'highly_effective' | 'other_method' | 'none';
  follow_ups: WJson<{ month: number; date: string; method: string | null; note: string | null }[]>;
  next_follow_up_due: DateString | null;
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  created_by: string | null;
}

/** 出生缺陷儿登记卡: a birth-defect surveillance report. */
export interface BirthDefectReportTable {
  county_code: string;
  id: string;
  mother_person_id: string;
  child_person_id: string | null;
  source: 'delivery' | 'prenatal_diagnosis' | 'manual';
  delivery_id: string | null;
  birth_outcome_id: string | null;
  prenatal_diagnosis_id: string | null;
  /** The pregnancy of the delivery or prenatal diagnosis (migration 0036). */
  pregnancy_id: WDefault<string | null>;
  birth_date: DateString;
  gestational_weeks: number | null;
  gestational_days: number | null;
  birth_weight_g: number | null;
  sex: WDefault<'male' | 'female' | 'unknown'>;
  outcome: 'live_birth' | 'stillbirth' | 'termination' | 'early_neonatal_death';
  defects: WJson<{ icd10: string; category: string; description: string | null }[]>;
  categories: string[];
  diagnosis_basis: string[];
  diagnosis_time: 'prenatal' | 'after_birth';
  diagnosis_date: DateString;
  /** Date of death for 7天内死亡 (migration 0036). */
  death_date: WDefault<DateString | null>;
  in_window: boolean;
  institution_id: string | null;
  reporter: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 救助 application for a child with a birth defect or metabolic disease. */
export interface AidApplicationTable {
  county_code: string;
  id: string;
  person_id: string;
  birth_defect_report_id: string | null;
  programme: string;
  condition: string;
  applied_on: DateString;
  amount_requested: number | null;
  status: 'submitted' | 'approved' | 'rejected' | 'paid';
  decided_on: DateString | null;
  approved_amount: number | null;
  decision_note: string | null;
  paid_on: DateString | null;
  institution_id: string | null;
  note: string | null;
  version: WVersion;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** Annual quantity target of a funded programme (G7) for a county and year (migration 0036). */
export interface ProgrammeTargetTable {
  region_code: string;
  year: number;
  programme_id: string;
  target_count: number;
  source: string;
  note: string | null;
  version: WVersion;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Tables of the women's health and pre-pregnancy programmes (migrations 0030–0039). */
export interface WomenTables {
  cancer_screening: CancerScreeningTable;
  cancer_screening_case: CancerScreeningCaseTable;
  cancer_screening_case_step: CancerScreeningCaseStepTable;
  cancer_screening_target: CancerScreeningTargetTable;
  premarital_exam: PremaritalExamTable;
  marriage_registration_count: MarriageRegistrationCountTable;
  preconception_check: PreconceptionCheckTable;
  folic_acid_dispensing: FolicAcidDispensingTable;
  folic_acid_follow_up: FolicAcidFollowUpTable;
  thalassaemia_test: ThalassaemiaTestTable;
  thalassaemia_couple: ThalassaemiaCoupleTable;
  gyn_survey_campaign: GynSurveyCampaignTable;
  gyn_survey_exam: GynSurveyExamTable;
  pelvic_floor_screening: PelvicFloorScreeningTable;
  pelvic_floor_session: PelvicFloorSessionTable;
  family_planning_service: FamilyPlanningServiceTable;
  contraceptive_stock_movement: ContraceptiveStockMovementTable;
  post_abortion_care: PostAbortionCareTable;
  birth_defect_report: BirthDefectReportTable;
  aid_application: AidApplicationTable;
  programme_target: ProgrammeTargetTable;
}
