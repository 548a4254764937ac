import type { ColumnType } from 'kysely';
import type { DateString, Timestamp } from './platform';

/** jsonb: read as the parsed value, written as a JSON string. */
export type Json<T = unknown> = ColumnType<T, string | undefined, string>;
/** A text[] column with a default. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** A version column. */
type Version = ColumnType<number, number | undefined, number>;
/** numeric read as a number (both drivers parse NUMERIC to number). */
type Num = ColumnType<number | null, number | null | undefined, number | null>;

/** 儿童档案: birth data and handbook numbers of a child (a person). */
export interface ChildProfileTable {
  county_code: string;
  person_id: string;
  source: 'delivery' | 'direct';
  registration_reason: string | null;
  delivery_id: string | null;
  birth_outcome_id: string | null;
  birth_time: string | null;
  gestational_weeks: number | null;
  gestational_days: number | null;
  birth_weight_g: number | null;
  birth_length_cm: Num;
  birth_head_cm: Num;
  apgar_1: number | null;
  apgar_5: number | null;
  apgar_10: number | null;
  birth_defects: TextArray;
  multiple_birth: ColumnType<number, number | undefined, number>;
  birth_order: number | null;
  birth_institution_id: string | null;
  birth_place: string | null;
  neonatal_conditions: TextArray;
  discharged_on: DateString | null;
  health_handbook_no: string | null;
  vaccination_handbook_no: string | null;
  managing_institution_id: string | null;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  closed_reason: string | null;
  closed_on: DateString | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 儿童健康检查 (one check-up, with the z-scores computed at save). */
export interface ChildCheckupTable {
  county_code: string;
  id: string;
  person_id: string;
  visit_date: DateString;
  kind: 'newborn_visit' | 'month1' | 'routine' | 'extra';
  contact_key: string | null;
  age_days: number;
  corrected_age_days: number | null;
  institution_id: string | null;
  examiner: string | null;
  weight_kg: Num;
  length_cm: Num;
  measured_lying: boolean | null;
  head_cm: Num;
  bmi: Num;
  temperature_c: Num;
  hb_gl: number | null;
  feeding: string | null;
  exclusive_breastfeeding: boolean | null;
  vitamin_d_iu: number | null;
  outdoor_hours: Num;
  exam: Json;
  warning_signs: Json;
  hearing: string | null;
  eye: Json;
  teeth: Json;
  rickets_signs: TextArray;
  illness: Json;
  guidance: TextArray;
  guidance_note: string | null;
  referral: ColumnType<unknown, string | null | undefined, string | null>;
  next_appointment: DateString | null;
  waz: Num;
  lhaz: Num;
  wlhz: Num;
  bmiz: Num;
  hcz: Num;
  growth_flags: TextArray;
  growth_reference: string | null;
  nutrition: Json;
  proposals: Json;
  /** Altitude of residence the Hb was classified at, m, and the g/L the measured Hb was lowered (migration 0023). */
  hb_altitude_m: ColumnType<number | null, number | null | undefined, number | null>;
  hb_altitude_adjustment_gl: Num;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 体弱儿/高危儿专案: nutrition, high-risk infant and preterm cases. */
export interface ChildCaseTable {
  county_code: string;
  id: string;
  person_id: string;
  kind: 'anaemia' | 'undernutrition' | 'overweight_obesity' | 'rickets' | 'high_risk_infant' | 'preterm';
  severity: string | null;
  subtypes: TextArray;
  criteria: Json;
  status: 'proposed' | 'open' | 'closed' | 'dismissed';
  source_checkup_id: string | null;
  proposed_on: DateString;
  opened_on: DateString | null;
  confirmed_by: string | null;
  institution_id: string | null;
  next_follow_up_due: DateString | null;
  closed_on: DateString | null;
  outcome: string | null;
  closure_note: string | null;
  dismissed_reason: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** One follow-up of a case. */
export interface ChildCaseFollowupTable {
  county_code: string;
  id: string;
  case_id: string;
  person_id: string;
  followup_date: DateString;
  checkup_id: string | null;
  weight_kg: Num;
  length_cm: Num;
  hb_gl: number | null;
  zscores: Json;
  severity: string | null;
  treatment: string | null;
  guidance: string | null;
  note: string | null;
  next_due: DateString | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** 转诊 with its receipt (回执). */
export interface ChildReferralTable {
  county_code: string;
  id: string;
  person_id: string;
  source_kind: 'case' | 'checkup' | 'screening' | 'newborn_screening';
  source_id: string;
  referred_on: DateString;
  to_institution_id: string | null;
  to_institution_name: string | null;
  reason: string;
  status: ColumnType<'sent' | 'received', 'sent' | 'received' | undefined, 'sent' | 'received'>;
  receipt_on: DateString | null;
  receipt_diagnosis: string | null;
  receipt_note: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 新生儿疾病筛查: one row per child and kind (metabolic, hearing, heart) with its steps. */
export interface NewbornScreeningTable {
  county_code: string;
  id: string;
  person_id: string;
  kind: 'metabolic' | 'hearing' | 'heart';
  institution_id: string | null;
  status: string;
  data: Json;
  events: Json;
  next_step: string | null;
  next_due: DateString | null;
  closed: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 儿童筛查: red reflex, hip, autism, development. */
export interface ChildScreeningTable {
  county_code: string;
  id: string;
  person_id: string;
  kind: 'red_reflex' | 'ddh' | 'autism' | 'development';
  screened_on: DateString;
  age_months: number;
  institution_id: string | null;
  tool: string | null;
  score: Num;
  result: 'normal' | 'abnormal' | 'suspected';
  detail: Json;
  follow_up: string | null;
  follow_up_due: DateString | null;
  follow_up_done_on: DateString | null;
  follow_up_result: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 暴露儿童 (HIV, syphilis, HBV): birth doses, follow-up tests, final status. Restricted. */
export interface ExposedInfantTable {
  county_code: string;
  person_id: string;
  /** Plain columns of rows recorded before migration 0048, until the encryption job: never written (null). */
  infections: ColumnType<string[] | null, null | undefined, null>;
  high_exposure: ColumnType<boolean | null, null | undefined, null>;
  doses: ColumnType<unknown, null | undefined, null>;
  tests: ColumnType<unknown, null | undefined, null>;
  final_status: ColumnType<unknown, null | undefined, null>;
  /** AES-256-GCM ciphertext of { infections, highExposure, doses, tests, finalStatus } (null only before the job). */
  data_enc: string | null;
  /** Keyed tags of the facts the PMTCT measures count (FieldCrypto.factTag). */
  facts: ColumnType<string[], string[] | undefined, string[]>;
  next_due: DateString | null;
  closed: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 5岁以下儿童死亡报告卡. */
export interface ChildDeathTable {
  county_code: string;
  id: string;
  person_id: string;
  death_date: DateString;
  death_time: string | null;
  age_days: number;
  age_group: string;
  death_place: string;
  care_before_death: string | null;
  diagnosis_level: string | null;
  diagnosis_basis: string | null;
  cause_a: string | null;
  cause_b: string | null;
  cause_c: string | null;
  underlying_cause: string;
  icd10: string;
  cause_category: string | null;
  birth_weight_g: number | null;
  gestational_weeks: number | null;
  reporter: string | null;
  reporting_institution_id: string | null;
  status: ColumnType<'draft' | 'submitted', 'draft' | 'submitted' | undefined, 'draft' | 'submitted'>;
  submitted_at: Date | string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** Review of a child death (county, city, province panels). */
export interface ChildDeathReviewTable {
  county_code: string;
  id: string;
  death_id: string;
  person_id: string;
  level: 'county' | 'city' | 'province';
  reviewed_on: DateString;
  conclusion: 'avoidable' | 'conditionally_avoidable' | 'unavoidable';
  factors: Json;
  actions: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** An alert to the county supervisors. */
export interface ChildAlertTable {
  county_code: string;
  id: string;
  kind: string;
  person_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  message_zh: string;
  message_en: string;
  created_at: Timestamp;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
}

/** 托幼机构卫生保健评估 (annual). */
export interface ChildcareFacilityEvaluationTable {
  county_code: string;
  id: string;
  institution_id: string;
  year: number;
  evaluated_on: DateString;
  qualified: boolean;
  score: Num;
  assessor: string;
  children_enrolled: number | null;
  note: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/**
 * 儿童保健工作清单的存储行 (migration 0022): one row per pending duty of an active child, with the days it is on the
 * list and when it is overdue, computed by the child module at every write (core's schedule functions), so the
 * worklist answers with index range scans.
 */
export interface ChildWorkTable {
  county_code: string;
  person_id: string;
  kind:
    | 'profile_missing'
    | 'checkup_due'
    | 'hb_due'
    | 'case_followup'
    | 'case_proposed'
    | 'referral_receipt'
    | 'screening_step'
    | 'exposure_duty';
  /** Which duty of the kind: contact key, Hb service code, case/referral/screening id, PMTCT duty code. */
  item: string;
  ref_id: string | null;
  /** The child's managing institution (the worklist's institution filter). */
  institution_id: string | null;
  /** The child's township of residence (9 digits; the township filter), kept by a trigger on person. */
  township: string | null;
  /** First day on the list (listed when it is on or before today + the horizon). */
  list_from: DateString;
  /** Last day on the list (null: until a write changes it). */
  list_until: DateString | null;
  /** The date shown as due. */
  due_on: DateString | null;
  /** China wall-clock instant ('YYYY-MM-DD HH:MM') from which it is overdue; null: never. */
  overdue_at: ColumnType<string | null, string | null, string | null>;
  /** Schedule contacts: hidden while the appointment set at the last check-up is within the horizon. */
  appointment_on: DateString | null;
  what_zh: string;
  what_en: string;
}

/** Tables of the child health pathway (migrations 0020–0029). */
export interface ChildTables {
  child_profile: ChildProfileTable;
  child_checkup: ChildCheckupTable;
  child_case: ChildCaseTable;
  child_case_followup: ChildCaseFollowupTable;
  child_referral: ChildReferralTable;
  newborn_screening: NewbornScreeningTable;
  child_screening: ChildScreeningTable;
  exposed_infant: ExposedInfantTable;
  child_death: ChildDeathTable;
  child_death_review: ChildDeathReviewTable;
  child_alert: ChildAlertTable;
  childcare_facility_evaluation: ChildcareFacilityEvaluationTable;
  child_work: ChildWorkTable;
}
