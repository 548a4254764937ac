/**
 * Shapes of data-quality control (数据质控, seed G3): the kinds of rule, the record types they check, severities,
 * and the labels the UI shows. Everything here is data; the server turns each rule into set-based SQL.
 */

/** What a rule looks for. */
export type QualityRuleKind = 'completeness' | 'timeliness' | 'logic' | 'duplicates' | 'cross_source';

/** All rule kinds, in display order. */
export const QUALITY_RULE_KINDS: readonly QualityRuleKind[] = [
  'completeness',
  'timeliness',
  'logic',
  'duplicates',
  'cross_source',
];

/** zh-CN and en-US labels of each kind. */
export const QUALITY_RULE_KIND_LABELS: Readonly<Record<QualityRuleKind, { zh: string; en: string }>> = {
  completeness: { zh: '完整性', en: 'Completeness' },
  timeliness: { zh: '及时性', en: 'Timeliness' },
  logic: { zh: '逻辑性', en: 'Logic' },
  duplicates: { zh: '重复', en: 'Duplicates' },
  cross_source: { zh: '跨业务一致性', en: 'Cross-source' },
};

/** The record a rule checks (one row of a care table). */
export type QualityRecordType =
  | 'person'
  | 'pregnancy'
  | 'anc_visit'
  | 'delivery'
  | 'birth_outcome'
  | 'postpartum_visit'
  | 'maternal_death'
  | 'child_profile'
  | 'child_checkup'
  | 'child_death';

/** All record types, in display order. */
export const QUALITY_RECORD_TYPES: readonly QualityRecordType[] = [
  'person',
  'pregnancy',
  'anc_visit',
  'delivery',
  'birth_outcome',
  'postpartum_visit',
  'maternal_death',
  'child_profile',
  'child_checkup',
  'child_death',
];

/** zh-CN and en-US labels of each record type. */
export const QUALITY_RECORD_TYPE_LABELS: Readonly<Record<QualityRecordType, { zh: string; en: string }>> = {
  person: { zh: '人员档案', en: 'Person record' },
  pregnancy: { zh: '孕产妇建册', en: 'Pregnancy registration' },
  anc_visit: { zh: '产前检查', en: 'Antenatal visit' },
  delivery: { zh: '分娩记录', en: 'Delivery' },
  birth_outcome: { zh: '新生儿（分娩结局）', en: 'Birth outcome' },
  postpartum_visit: { zh: '产后访视', en: 'Postpartum visit' },
  maternal_death: { zh: '孕产妇死亡报告卡', en: 'Maternal death card' },
  child_profile: { zh: '儿童档案', en: 'Child record' },
  child_checkup: { zh: '儿童健康检查', en: 'Child check-up' },
  child_death: { zh: '5岁以下儿童死亡报告卡', en: 'Under-5 death card' },
};

/**
 * How bad a problem is: `error` — impossible or contradictory data that must be corrected (it distorts the
 * indicators); `warning` — missing, late or suspicious data to complete or verify.
 */
export type QualitySeverity = 'error' | 'warning';

/** All severities. */
export const QUALITY_SEVERITIES: readonly QualitySeverity[] = ['error', 'warning'];

/** zh-CN and en-US labels of each severity. */
export const QUALITY_SEVERITY_LABELS: Readonly<Record<QualitySeverity, { zh: string; en: string }>> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提示', en: 'Warning' },
};

/**
 * Evidence marker of REFERENCE.md: C = confirmed in a retrieved source, R = the researcher's recollection,
 * L = local practice or a convention of this system, to confirm with the region.
 */
export type QualityEvidence = 'C' | 'R' | 'L';

/** One rule of the catalogue. */
export interface QualityRule {
  /** Stable id, snake_case (stored with every problem; never renamed). */
  id: string;
  kind: QualityRuleKind;
  recordType: QualityRecordType;
  severity: QualitySeverity;
  nameZh: string;
  nameEn: string;
  /** What the rule finds, in words, with the configured thresholds named (not their values). */
  descriptionZh: string;
  descriptionEn: string;
  /** What the user should do on the record's page to fix it. */
  fixZh: string;
  fixEn: string;
  /** Where the rule comes from. */
  source: string;
  evidence: QualityEvidence;
  /** Keys of {@link QualityConfig} the rule reads (for the catalogue page). */
  config: readonly string[];
}

/** An inclusive numeric range. */
export interface QualityRange {
  min: number;
  max: number;
}

/** A gestational-age band with a plausible range of a measurement (inclusive weeks and values). */
export interface QualityGaBand {
  fromWeek: number;
  toWeek: number;
  min: number;
  max: number;
}
