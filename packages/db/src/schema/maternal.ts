import type { ColumnType } from 'kysely';
import type { DateString, Timestamp } from './platform';

/** jsonb: read as the parsed value, written as a JSON string. */
type JsonCol<T = unknown> = ColumnType<T, string | undefined, string>;
/** Nullable jsonb. */
type JsonNullable<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;
/** A text[] column with a default. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** A column with a database default. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** numeric read as a number. */
type Num = ColumnType<number | null, number | null | undefined, number | null>;
/** A nullable timestamptz. */
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Status of a pregnancy. */
export type PregnancyStatus = 'antenatal' | 'postpartum' | 'closed';

/** 孕产妇保健册 (one pregnancy of a woman, from registration to the end of the puerperium). */
export interface PregnancyTable {
  county_code: string;
  id: string;
  person_id: string;
  status: Defaulted<PregnancyStatus>;
  registered_on: DateString;
  registering_institution_id: string | null;
  managing_institution_id: string | null;
  handbook_no: string | null;
  lmp: DateString | null;
  edd: DateString;
  edd_method: 'lmp' | 'ultrasound';
  edd_correction: JsonNullable;
  ga_at_registration_days: number;
  early_registration: boolean;
  age_at_lmp: number | null;
  minor_at_lmp: Defaulted<boolean>;
  non_resident: Defaulted<boolean>;
  gravidity: number;
  parity: number;
  previous_caesareans: Defaulted<number>;
  spontaneous_abortions: Defaulted<number>;
  induced_abortions: Defaulted<number>;
  preterm_births: Defaulted<number>;
  stillbirths: Defaulted<number>;
  birth_defects: Defaulted<number>;
  ectopic_pregnancies: Defaulted<number>;
  molar_pregnancies: Defaulted<number>;
  previous_uterine_surgeries: Defaulted<number>;
  last_uterine_surgery_on: DateString | null;
  last_birth_on: DateString | null;
  history_items: TextArray;
  history_note: string | null;
  height_cm: Num;
  pre_pregnancy_weight_kg: Num;
  fetuses: Defaulted<number>;
  screening: JsonNullable;
  risk_colour: 'green' | 'yellow' | 'orange' | 'red' | null;
  risk_purple: Defaulted<boolean>;
  risk_assessed_on: DateString | null;
  assessment_count: Defaulted<number>;
  next_contact: string | null;
  next_due_on: DateString | null;
  /** A contact missed since she was in care and since her last visit (0011). */
  missed_contact: string | null;
  missed_end: DateString | null;
  next_due_end: DateString | null;
  next_appointment: DateString | null;
  /** The contact schedule the pregnancy follows (the region's choice at registration; 0012). */
  schedule_id: Defaulted<string>;
  /** Screen-positive at a primary institution: refer for assessment by this date (0012). */
  screen_referral_due: DateString | null;
  last_visit_on: DateString | null;
  visit_count: Defaulted<number>;
  delivered_on: DateString | null;
  discharged_on: DateString | null;
  ended_on: DateString | null;
  end_reason: string | null;
  end_note: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 产前检查 (one antenatal visit; special-disease results computed at save in `special`). */
export interface AncVisitTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  visit_date: DateString;
  ga_days: number;
  contact_id: string | null;
  institution_id: string | null;
  examiner: string | null;
  weight_kg: Num;
  systolic_mmhg: number | null;
  diastolic_mmhg: number | null;
  fundal_height_cm: Num;
  abdominal_circumference_cm: Num;
  fetal_heart_rates: ColumnType<number[], number[] | undefined, number[]>;
  presentation: string | null;
  oedema: string | null;
  labs: JsonCol;
  ultrasound: string | null;
  findings: string | null;
  advice: string | null;
  referral_id: string | null;
  next_appointment: DateString | null;
  epds_scores: number[] | null;
  /** The intervention or referral for a positive EPDS (0012). */
  epds_action: string | null;
  special: JsonCol;
  risk_assessment_id: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 妊娠风险评估 (one assessment in the pregnancy's sequence). */
export interface RiskAssessmentTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  seq: number;
  stage: 'registration' | 'antenatal' | 'postpartum';
  assessed_on: DateString;
  assessed_at: Timestamp;
  ga_days: number | null;
  institution_id: string | null;
  assessor_id: string | null;
  assessor_name: string | null;
  source_kind: string | null;
  source_id: string | null;
  facts: JsonCol;
  matched: JsonCol;
  ticked_items: TextArray;
  not_evaluated: TextArray;
  suggested_colour: 'green' | 'yellow' | 'orange' | 'red';
  suggested_purple: boolean;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  purple: boolean;
  overridden: Defaulted<boolean>;
  override_reason: string | null;
  catalogue: JsonCol;
  note: string | null;
  created_at: Timestamp;
}

/** 高危孕产妇专案. */
export interface HighRiskCaseTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  status: Defaulted<'open' | 'closed'>;
  opened_on: DateString;
  opened_at: Timestamp;
  source_assessment_id: string | null;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  purple: Defaulted<boolean>;
  reasons: JsonCol;
  managing_institution_id: string | null;
  plan: string | null;
  emergency_plan: string | null;
  delivery_hospital_id: string | null;
  delivery_hospital_on: DateString | null;
  next_follow_up_due: DateString | null;
  report_pending: Defaulted<boolean>;
  report_due_at: TimestampNullable;
  closed_on: DateString | null;
  close_reason: string | null;
  close_note: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 妊娠风险评估分级报告 (sent to the county MCH institute; acknowledged by its supervisor). */
export interface HighRiskReportTable {
  county_code: string;
  id: string;
  case_id: string;
  person_id: string;
  colour: string;
  purple: Defaulted<boolean>;
  assessment_id: string | null;
  reported_at: Timestamp;
  due_at: TimestampNullable;
  deadline: JsonNullable;
  acknowledged_at: TimestampNullable;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
}

/** 专案随访. */
export interface HighRiskFollowupTable {
  county_code: string;
  id: string;
  case_id: string;
  person_id: string;
  followup_date: DateString;
  method: string | null;
  institution_id: string | null;
  condition: string | null;
  management: string | null;
  next_due: DateString | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** 转诊 with its receipt. */
export interface MaternalReferralTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  case_id: string | null;
  source_kind: string;
  source_id: string | null;
  referred_on: DateString;
  from_institution_id: string | null;
  to_institution_id: string | null;
  to_institution_name: string | null;
  reason: string;
  urgency: Defaulted<'routine' | 'urgent' | 'emergency'>;
  status: Defaulted<'sent' | 'received' | 'returned'>;
  receive_due: DateString;
  received_on: DateString | null;
  received_by: string | null;
  outcome_due: DateString;
  outcome: string | null;
  outcome_on: DateString | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** HIV / syphilis / HBsAg test (result encrypted). */
export interface PmtctTestTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  infection: 'hiv' | 'syphilis' | 'hbv';
  tested_on: DateString;
  ga_days: number | null;
  at_labour: Defaulted<boolean>;
  early_test: Defaulted<boolean>;
  result_enc: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** PMTCT record of a positive woman (treatments encrypted). */
export interface PmtctRecordTable {
  county_code: string;
  pregnancy_id: string;
  person_id: string;
  data_enc: string;
  next_action_due: DateString | null;
  closed: Defaulted<boolean>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 产前筛查 and its diagnosis follow-up. */
export interface PrenatalScreeningTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  method: string;
  screened_on: DateString;
  ga_days: number | null;
  institution_id: string | null;
  t21: string | null;
  t18: string | null;
  ntd: string | null;
  result_note: string | null;
  follow_up: Defaulted<'none' | 'open' | 'closed'>;
  follow_up_due: DateString | null;
  diagnosis_method: string | null;
  diagnosis_test: string | null;
  diagnosed_on: DateString | null;
  diagnosis_result: string | null;
  counselling_outcome: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 分娩. */
export interface DeliveryTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  delivery_date: DateString;
  delivery_time: string | null;
  place: string;
  institution_id: string | null;
  ga_days: number;
  mode: string;
  caesarean_indication: string | null;
  caesarean_no_medical_indication: Defaulted<boolean>;
  complications: TextArray;
  blood_loss_ml: number | null;
  maternal_condition: string;
  discharged_on: DateString | null;
  attendant: string | null;
  fetuses: number;
  note: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 妊娠结局 of one baby. */
export interface BirthOutcomeTable {
  county_code: string;
  id: string;
  delivery_id: string;
  mother_id: string;
  birth_order: number;
  outcome: 'live_birth' | 'fetal_death' | 'stillbirth' | 'outside_perinatal_scope';
  sex: 'male' | 'female' | 'unknown';
  weight_g: number | null;
  length_cm: Num;
  apgar_1: number | null;
  apgar_5: number | null;
  apgar_10: number | null;
  defects: TextArray;
  resuscitation: Defaulted<boolean>;
  flags: JsonCol;
  child_person_id: string | null;
  /** A baby born alive who died before leaving the delivery (neonatal death recorded at delivery; 0012). */
  died_on: DateString | null;
  died_time: string | null;
  created_at: Timestamp;
}

/** 产后访视 / 产后42天检查. */
export interface PostpartumVisitTable {
  county_code: string;
  id: string;
  pregnancy_id: string;
  person_id: string;
  kind: 'home_visit' | 'day42_check' | 'extra';
  visit_date: DateString;
  postpartum_day: number;
  institution_id: string | null;
  examiner: string | null;
  temperature_c: Num;
  systolic_mmhg: number | null;
  diastolic_mmhg: number | null;
  hb_gl: number | null;
  breasts: string | null;
  lochia: string | null;
  uterus: string | null;
  wound: string | null;
  findings: string | null;
  breastfeeding: string | null;
  epds_scores: number[] | null;
  epds: JsonNullable;
  epds_action: string | null;
  contraception_counselled: boolean | null;
  contraception_method: string | null;
  pelvic_floor: string | null;
  assessment: string | null;
  advice: string | null;
  referral_id: string | null;
  risk_assessment_id: string | null;
  next_appointment: DateString | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 孕产妇死亡报告卡. */
export interface MaternalDeathTable {
  county_code: string;
  id: string;
  person_id: string;
  pregnancy_id: string | null;
  status: Defaulted<'draft' | 'submitted'>;
  death_date: DateString;
  death_time: string | null;
  death_place: string;
  delivery_place: string | null;
  delivery_date: DateString | null;
  delivery_mode: string | null;
  referred: boolean | null;
  first_institution: string | null;
  antenatal_care: boolean | null;
  first_visit_ga_weeks: number | null;
  visit_count: number | null;
  last_visit_institution: string | null;
  education: string | null;
  income_band: string | null;
  residence_kind: string | null;
  cause_a: string | null;
  cause_b: string | null;
  cause_c: string | null;
  underlying_cause: string;
  icd10: string;
  diagnosis_basis: string | null;
  reporter: string | null;
  /** Family contact phone (encrypted; masked for display; 0012). */
  family_phone_enc: string | null;
  family_phone_masked: string | null;
  /** 户籍本地 (true) or 非本地 (false). */
  hukou_local: boolean | null;
  /** 计划内 (true) or 计划外 (false). */
  planned: boolean | null;
  gravidity: number | null;
  parity: number | null;
  induced_abortions: number | null;
  lmp: DateString | null;
  delivery_time: string | null;
  /** 新法接生. */
  new_method_delivery: boolean | null;
  /** 接生者. */
  birth_attendant: string | null;
  reporting_institution_id: string | null;
  submitted_at: TimestampNullable;
  submitted_by: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** 孕产妇死亡评审. */
export interface MaternalDeathReviewTable {
  county_code: string;
  id: string;
  death_id: string;
  person_id: string;
  level: 'county' | 'city' | 'province';
  reviewed_on: DateString;
  conclusion: 'avoidable' | 'conditionally_avoidable' | 'unavoidable';
  factors: JsonCol;
  actions: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** The review of a perinatal stillbirth / fetal death, keyed by its birth outcome (0013). */
export interface PerinatalDeathReviewTable {
  county_code: string;
  birth_outcome_id: string;
  level: 'county' | 'city' | 'province';
  reviewed_on: DateString;
  conclusion: 'avoidable' | 'conditionally_avoidable' | 'unavoidable';
  factors: JsonCol;
  actions: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** An alert to the county or city MCH supervisors. */
export interface MaternalAlertTable {
  county_code: string;
  id: string;
  kind: 'minor_pregnancy' | 'maternal_death';
  audience: 'county' | 'city';
  person_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  message_zh: string;
  message_en: string;
  created_at: Timestamp;
  acknowledged_at: TimestampNullable;
  acknowledged_by: string | null;
}

/** The antenatal schedule a region chose (inherited by its sub-regions; 0012). */
export interface MaternalScheduleChoiceTable {
  region_code: string;
  schedule_id: string;
  note: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/**
 * 孕产妇保健工作清单的存储行 (migration 0014): one row per open duty of an open pregnancy, with the days it is on the
 * list, kept by the database's triggers from the records a duty is read from (view maternal_work_due), so the
 * worklist answers with one index range.
 */
export interface MaternalWorkTable {
  county_code: string;
  pregnancy_id: string;
  kind:
    | 'visit_due'
    | 'visit_overdue'
    | 'postpartum_due'
    | 'postpartum_overdue'
    | 'unassessed'
    | 'screen_referral'
    | 'report_due'
    | 'case_followup'
    | 'delivery_hospital'
    | 'referral_not_received'
    | 'referral_outcome'
    | 'prenatal_followup'
    | 'pmtct_action';
  /** Which duty of the kind: the report, case, referral or screening id; '' for the pregnancy's own duty. */
  item: string;
  person_id: string;
  /** The pregnancy's managing institution (the institution filter). */
  institution_id: string | null;
  /** The woman's township of residence (9 digits; the township filter). */
  township: string | null;
  /** Listed when on or before today + the horizon ('-infinity': always). */
  list_from: DateString;
  /** Listed only once list_from is on or before today itself (duties that start when a date has passed). */
  from_today: Defaulted<boolean>;
  /** Last day on the list (null: until a write changes it). */
  list_until: DateString | null;
  /** The order of the kind's page: a date, or a report's deadline (due_at). */
  sort_on: DateString | null;
  due_at: TimestampNullable;
  ref_id: string | null;
  /** The date the item shows. */
  day: DateString | null;
  /** A report's colour. */
  rep_colour: string | null;
  /** The pregnancy's columns the list shows (copies, rewritten with every write of the pregnancy). */
  edd: DateString;
  status: string;
  risk_colour: string | null;
  risk_purple: boolean;
  next_contact: string | null;
  next_due_on: DateString | null;
  next_due_end: DateString | null;
  missed_contact: string | null;
  missed_end: DateString | null;
  next_appointment: DateString | null;
  registered_on: DateString;
}

/** Tables of the maternal care pathway (migrations 0010–0019). */
export interface MaternalTables {
  pregnancy: PregnancyTable;
  maternal_schedule_choice: MaternalScheduleChoiceTable;
  anc_visit: AncVisitTable;
  risk_assessment: RiskAssessmentTable;
  high_risk_case: HighRiskCaseTable;
  high_risk_report: HighRiskReportTable;
  high_risk_followup: HighRiskFollowupTable;
  maternal_referral: MaternalReferralTable;
  pmtct_test: PmtctTestTable;
  pmtct_record: PmtctRecordTable;
  prenatal_screening: PrenatalScreeningTable;
  delivery: DeliveryTable;
  birth_outcome: BirthOutcomeTable;
  postpartum_visit: PostpartumVisitTable;
  maternal_death: MaternalDeathTable;
  maternal_death_review: MaternalDeathReviewTable;
  perinatal_death_review: PerinatalDeathReviewTable;
  maternal_alert: MaternalAlertTable;
  maternal_work: MaternalWorkTable;
}
