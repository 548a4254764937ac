/**
 * Configuration of data-quality control: every threshold a rule uses ("entered more than N days after the
 * service", plausible ranges, tolerances, grace periods), the required fields of each record type, the weights of
 * the score and the rules a region switched off. The national default below is versioned data; a province, city
 * or county overrides parts of it (objects merge key by key, arrays replace), and the effective configuration of a
 * county is the default with its ancestors' overrides applied from the top down.
 */
import { z } from 'zod';
import { WHO_IMPLAUSIBLE_LIMITS } from '../growth/index';
import type { QualityGaBand, QualityRange, QualityRecordType, QualitySeverity } from './quality-types';

/** Record types whose rows carry a service date and an entry time (timeliness rules). */
export type QualityTimelinessType =
  'pregnancy' | 'anc_visit' | 'delivery' | 'postpartum_visit' | 'child_checkup' | 'child_death' | 'maternal_death';

/** All record types with a timeliness rule. */
export const QUALITY_TIMELINESS_TYPES: readonly QualityTimelinessType[] = [
  'pregnancy',
  'anc_visit',
  'delivery',
  'postpartum_visit',
  'child_checkup',
  'child_death',
  'maternal_death',
];

/** Record types with a required-fields rule. */
export type QualityCompletenessType = Exclude<QualityRecordType, 'person'>;

/** All record types with a required-fields rule. */
export const QUALITY_COMPLETENESS_TYPES: readonly QualityCompletenessType[] = [
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

/** A field a required-fields rule can ask for. */
export interface QualityField {
  recordType: QualityCompletenessType;
  /** Stable id (camelCase, as the API names the field). */
  id: string;
  zh: string;
  en: string;
  /** When the field is required only for some records, in words. */
  whenZh?: string;
  whenEn?: string;
}

/**
 * The fields the required-fields rules know, per record type (WS 377.4 孕产期保健服务与高危管理, WS 376.1/376.2/376.5
 * and the 基本公卫 forms list them; REFERENCE §4). Which of them are required is configuration
 * ({@link QualityConfig.requiredFields}).
 */
export const QUALITY_FIELDS: readonly QualityField[] = [
  { recordType: 'pregnancy', id: 'phone', zh: '联系电话', en: 'Phone' },
  { recordType: 'pregnancy', id: 'idNumber', zh: '证件号码', en: 'ID number' },
  { recordType: 'pregnancy', id: 'hukouRegionCode', zh: '户籍地', en: 'Household registration' },
  { recordType: 'pregnancy', id: 'address', zh: '详细地址', en: 'Address' },
  {
    recordType: 'pregnancy',
    id: 'lmp',
    zh: '末次月经',
    en: 'LMP',
    whenZh: '按末次月经推算预产期时',
    whenEn: 'when the EDD is dated from the LMP',
  },
  { recordType: 'pregnancy', id: 'heightCm', zh: '身高', en: 'Height' },
  { recordType: 'pregnancy', id: 'prePregnancyWeightKg', zh: '孕前体重', en: 'Pre-pregnancy weight' },
  { recordType: 'pregnancy', id: 'registeringInstitutionId', zh: '建册机构', en: 'Registering institution' },
  { recordType: 'pregnancy', id: 'handbookNo', zh: '母子健康手册编号', en: 'Handbook number' },
  { recordType: 'anc_visit', id: 'weightKg', zh: '体重', en: 'Weight' },
  { recordType: 'anc_visit', id: 'systolicMmHg', zh: '收缩压', en: 'Systolic BP' },
  { recordType: 'anc_visit', id: 'diastolicMmHg', zh: '舒张压', en: 'Diastolic BP' },
  { recordType: 'anc_visit', id: 'institutionId', zh: '检查机构', en: 'Institution' },
  {
    recordType: 'anc_visit',
    id: 'fundalHeightCm',
    zh: '宫底高度',
    en: 'Fundal height',
    whenZh: '孕20周及以后',
    whenEn: 'from 20 weeks',
  },
  {
    recordType: 'anc_visit',
    id: 'fetalHeartRates',
    zh: '胎心率',
    en: 'Fetal heart rate',
    whenZh: '孕20周及以后',
    whenEn: 'from 20 weeks',
  },
  {
    recordType: 'delivery',
    id: 'institutionId',
    zh: '分娩机构',
    en: 'Delivery institution',
    whenZh: '住院分娩时',
    whenEn: 'for facility deliveries',
  },
  { recordType: 'delivery', id: 'deliveryTime', zh: '分娩时间', en: 'Time of delivery' },
  { recordType: 'delivery', id: 'bloodLossMl', zh: '产时出血量', en: 'Blood loss' },
  { recordType: 'delivery', id: 'attendant', zh: '接生者', en: 'Birth attendant' },
  {
    recordType: 'birth_outcome',
    id: 'weightG',
    zh: '出生体重',
    en: 'Birth weight',
    whenZh: '活产',
    whenEn: 'live births',
  },
  {
    recordType: 'birth_outcome',
    id: 'lengthCm',
    zh: '出生身长',
    en: 'Birth length',
    whenZh: '活产',
    whenEn: 'live births',
  },
  {
    recordType: 'birth_outcome',
    id: 'apgar1',
    zh: 'Apgar评分（1分钟）',
    en: 'Apgar 1 min',
    whenZh: '活产',
    whenEn: 'live births',
  },
  {
    recordType: 'birth_outcome',
    id: 'apgar5',
    zh: 'Apgar评分（5分钟）',
    en: 'Apgar 5 min',
    whenZh: '活产',
    whenEn: 'live births',
  },
  { recordType: 'birth_outcome', id: 'sex', zh: '性别', en: 'Sex' },
  { recordType: 'postpartum_visit', id: 'systolicMmHg', zh: '收缩压', en: 'Systolic BP' },
  { recordType: 'postpartum_visit', id: 'diastolicMmHg', zh: '舒张压', en: 'Diastolic BP' },
  {
    recordType: 'postpartum_visit',
    id: 'temperatureC',
    zh: '体温',
    en: 'Temperature',
    whenZh: '产后访视（家访）',
    whenEn: 'home visits',
  },
  { recordType: 'postpartum_visit', id: 'institutionId', zh: '访视机构', en: 'Institution' },
  { recordType: 'maternal_death', id: 'reportingInstitutionId', zh: '报告单位', en: 'Reporting institution' },
  { recordType: 'maternal_death', id: 'diagnosisBasis', zh: '诊断依据', en: 'Basis of diagnosis' },
  { recordType: 'maternal_death', id: 'antenatalCare', zh: '有无产前检查', en: 'Antenatal care (yes/no)' },
  { recordType: 'child_profile', id: 'gestationalWeeks', zh: '出生孕周', en: 'Gestational age at birth' },
  { recordType: 'child_profile', id: 'birthWeightG', zh: '出生体重', en: 'Birth weight' },
  { recordType: 'child_profile', id: 'birthLengthCm', zh: '出生身长', en: 'Birth length' },
  { recordType: 'child_profile', id: 'managingInstitutionId', zh: '管理机构', en: 'Managing institution' },
  { recordType: 'child_profile', id: 'healthHandbookNo', zh: '儿童保健手册编号', en: 'Child handbook number' },
  { recordType: 'child_checkup', id: 'weightKg', zh: '体重', en: 'Weight' },
  { recordType: 'child_checkup', id: 'lengthCm', zh: '身长/身高', en: 'Length/height' },
  {
    recordType: 'child_checkup',
    id: 'headCm',
    zh: '头围',
    en: 'Head circumference',
    whenZh: '3岁以下',
    whenEn: 'under 3',
  },
  { recordType: 'child_checkup', id: 'institutionId', zh: '体检机构', en: 'Institution' },
  { recordType: 'child_death', id: 'birthWeightG', zh: '出生体重', en: 'Birth weight' },
  { recordType: 'child_death', id: 'gestationalWeeks', zh: '出生孕周', en: 'Gestational age at birth' },
  { recordType: 'child_death', id: 'reportingInstitutionId', zh: '报告单位', en: 'Reporting institution' },
  { recordType: 'child_death', id: 'diagnosisBasis', zh: '诊断依据', en: 'Basis of diagnosis' },
];

/** The field `id` of `recordType`, if the catalogue knows it. */
export function getQualityField(recordType: string, id: string): QualityField | undefined {
  return QUALITY_FIELDS.find((f) => f.recordType === recordType && f.id === id);
}

/** A z-score limit pair (flag when z < below or z > above). */
export interface QualityZLimit {
  below: number;
  above: number;
}

/** The whole configuration of data-quality control. */
export interface QualityConfig {
  /** Version of the national default this configuration derives from. */
  version: string;
  /** A run checks the records whose service date falls in the last `windowDays` days. */
  windowDays: number;
  /** A record entered more than N days after its service date is late (per record type). */
  lateEntryDays: Record<QualityTimelinessType, number>;
  /**
   * Records created before this moment (ISO timestamp) are not checked for timeliness: a back-fill at go-live or an
   * import has its import time, not its entry time. Null: every record is checked.
   */
  timelinessCheckedFrom: string | null;
  /** |EDD − (LMP + 280 d)| above which the EDD is inconsistent, by dating method. */
  eddToleranceDays: { lmp: number; ultrasound: number };
  /** |gestational age at delivery − gestational age by the EDD| above which the two disagree. */
  deliveryGaToleranceDays: number;
  /** Plausible birth weight (g) by completed gestational week. */
  birthWeightBands: QualityGaBand[];
  /** Plausible birth weight (g) when the gestational age is unknown. */
  birthWeightRange: QualityRange;
  /** Plausible birth length (cm) by completed gestational week. */
  birthLengthBands: QualityGaBand[];
  /** Plausible age of a mother at the birth of her child (years). */
  motherAgeYears: QualityRange;
  /** Plausible antenatal vital signs and weight. */
  antenatalVitals: { systolicMmHg: QualityRange; diastolicMmHg: QualityRange; weightKg: QualityRange };
  /** Plausible postpartum vital signs and haemoglobin. */
  postpartumVitals: {
    systolicMmHg: QualityRange;
    diastolicMmHg: QualityRange;
    temperatureC: QualityRange;
    hbGL: QualityRange;
  };
  /** Plausible child measurements: WHO z-score flags and absolute ranges (0–6 years). */
  childAnthropometry: {
    zLimits: { waz: QualityZLimit; lhaz: QualityZLimit; wlhz: QualityZLimit; bmiz: QualityZLimit; hcz: QualityZLimit };
    weightKg: QualityRange;
    lengthCm: QualityRange;
    headCm: QualityRange;
  };
  /** Two deliveries of one woman closer than this many days are one pregnancy recorded twice. */
  duplicateDeliveryWithinDays: number;
  /** Days after the event before a missing linked record counts as a problem. */
  graceDays: { childRecord: number; newbornScreening: number; deathCard: number };
  /** Required fields per record type (ids of {@link QUALITY_FIELDS}). */
  requiredFields: Record<QualityCompletenessType, string[]>;
  /** Weight of a rule in the score, by severity. */
  severityWeights: Record<QualitySeverity, number>;
  /** Weights of single rules (override the severity weight). */
  ruleWeights: Record<string, number>;
  /** Rules switched off. */
  disabledRules: string[];
  /** Hour of the nightly run, China time (0–23). Read from the national configuration only. */
  nightlyHour: number;
}

const who = WHO_IMPLAUSIBLE_LIMITS;

/**
 * The national default (version 2026.1). Sources of each value:
 * - birth weight/length bands and ranges: plausibility limits of this system [L] — well outside the Chinese
 *   birth-weight-for-gestational-age curves (2015) so that only entry errors (a decimal slip, a weight in kg, a
 *   wrong week) are caught; to be confirmed with the provincial MCH centre;
 * - z-score limits: WHO's flags for biologically implausible values [C] ({@link WHO_IMPLAUSIBLE_LIMITS});
 * - EDD tolerance for LMP dating: Naegele's rule, EDD = LMP + 280 d (REFERENCE §1, 基本公卫 孕产妇健康管理) [C];
 *   3 days allow the calendar form (LMP + 9 months + 7 days); ultrasound dating may move the EDD, 42 days is a
 *   convention [L];
 * - late entry: 14 days for routine services, 7 days for deliveries and death cards [L] (the 基本公卫 and death
 *   surveillance texts ask for timely entry without a single national figure retrieved);
 * - mother's age 12–60, vital ranges, the 140-day duplicate window and grace periods: conventions [L].
 */
export const QUALITY_CONFIG_DEFAULT: QualityConfig = {
  version: '2026.1',
  windowDays: 730,
  lateEntryDays: {
    pregnancy: 14,
    anc_visit: 14,
    delivery: 7,
    postpartum_visit: 14,
    child_checkup: 14,
    child_death: 7,
    maternal_death: 7,
  },
  timelinessCheckedFrom: null,
  eddToleranceDays: { lmp: 3, ultrasound: 42 },
  deliveryGaToleranceDays: 14,
  birthWeightBands: [
    { fromWeek: 20, toWeek: 27, min: 300, max: 2000 },
    { fromWeek: 28, toWeek: 31, min: 500, max: 3000 },
    { fromWeek: 32, toWeek: 33, min: 700, max: 3500 },
    { fromWeek: 34, toWeek: 36, min: 1000, max: 4500 },
    { fromWeek: 37, toWeek: 45, min: 1200, max: 6500 },
  ],
  birthWeightRange: { min: 300, max: 6500 },
  birthLengthBands: [
    { fromWeek: 20, toWeek: 27, min: 20, max: 42 },
    { fromWeek: 28, toWeek: 33, min: 28, max: 50 },
    { fromWeek: 34, toWeek: 36, min: 36, max: 56 },
    { fromWeek: 37, toWeek: 45, min: 40, max: 62 },
  ],
  motherAgeYears: { min: 12, max: 60 },
  antenatalVitals: {
    systolicMmHg: { min: 60, max: 260 },
    diastolicMmHg: { min: 30, max: 160 },
    weightKg: { min: 30, max: 200 },
  },
  postpartumVitals: {
    systolicMmHg: { min: 60, max: 260 },
    diastolicMmHg: { min: 30, max: 160 },
    temperatureC: { min: 34, max: 42.5 },
    hbGL: { min: 30, max: 200 },
  },
  childAnthropometry: {
    zLimits: { waz: who.waz, lhaz: who.lhaz, wlhz: who.wlhz, bmiz: who.bmiz, hcz: who.hcz },
    weightKg: { min: 0.4, max: 60 },
    lengthCm: { min: 25, max: 150 },
    headCm: { min: 18, max: 60 },
  },
  duplicateDeliveryWithinDays: 140,
  graceDays: { childRecord: 7, newbornScreening: 30, deathCard: 7 },
  requiredFields: {
    pregnancy: [
      'phone',
      'idNumber',
      'hukouRegionCode',
      'lmp',
      'heightCm',
      'prePregnancyWeightKg',
      'registeringInstitutionId',
    ],
    anc_visit: ['weightKg', 'systolicMmHg', 'diastolicMmHg', 'institutionId', 'fundalHeightCm', 'fetalHeartRates'],
    delivery: ['institutionId', 'deliveryTime', 'bloodLossMl'],
    birth_outcome: ['weightG', 'lengthCm', 'apgar1', 'apgar5', 'sex'],
    postpartum_visit: ['systolicMmHg', 'diastolicMmHg', 'temperatureC', 'institutionId'],
    maternal_death: ['reportingInstitutionId', 'diagnosisBasis', 'antenatalCare'],
    child_profile: ['gestationalWeeks', 'birthWeightG', 'birthLengthCm', 'managingInstitutionId'],
    child_checkup: ['weightKg', 'lengthCm', 'headCm', 'institutionId'],
    child_death: ['birthWeightG', 'gestationalWeeks', 'reportingInstitutionId', 'diagnosisBasis'],
  },
  severityWeights: { error: 3, warning: 1 },
  ruleWeights: {},
  disabledRules: [],
  nightlyHour: 2,
};

// ---------------------------------------------------------------- overrides: schema, merge, validation

const num = z.number({ error: '应为数字' }).finite('应为有限数字');
const days = z.number({ error: '应为天数' }).int('应为整数天数').min(0, '不能为负数').max(3650, '不能超过3650天');
const range = z
  .object({ min: num, max: num })
  .strict()
  .refine((r) => r.min < r.max, { message: '下限应小于上限', path: ['max'] });
const band = z
  .object({
    fromWeek: z.number().int('孕周应为整数').min(20, '孕周应在20–45周之间').max(45, '孕周应在20–45周之间'),
    toWeek: z.number().int('孕周应为整数').min(20, '孕周应在20–45周之间').max(45, '孕周应在20–45周之间'),
    min: num,
    max: num,
  })
  .strict()
  .refine((b) => b.fromWeek <= b.toWeek, { message: '起始孕周应不大于结束孕周', path: ['toWeek'] })
  .refine((b) => b.min < b.max, { message: '下限应小于上限', path: ['max'] });
const zLimit = z
  .object({ below: num, above: num })
  .strict()
  .refine((r) => r.below < r.above, { message: '下限应小于上限', path: ['above'] });
const weight = z.number({ error: '应为数字' }).min(0, '权重不能为负数').max(100, '权重不能超过100');

const lateEntryShape = Object.fromEntries(QUALITY_TIMELINESS_TYPES.map((t) => [t, days.optional()])) as Record<
  QualityTimelinessType,
  z.ZodOptional<typeof days>
>;
const requiredShape = Object.fromEntries(
  QUALITY_COMPLETENESS_TYPES.map((t) => [t, z.array(z.string()).max(40).optional()]),
) as Record<QualityCompletenessType, z.ZodOptional<z.ZodArray<z.ZodString>>>;

/**
 * Schema of an override of the configuration (every key optional; nested objects partial; arrays whole). Unknown
 * keys are refused so that a typo does not silently do nothing. Messages are zh-CN (the field is in the path).
 */
export const qualityConfigOverrideSchema = z
  .object({
    windowDays: z.number().int('应为整数天数').min(30, '至少30天').max(3650, '不能超过3650天').optional(),
    lateEntryDays: z.object(lateEntryShape).strict().optional(),
    timelinessCheckedFrom: z.iso.datetime({ offset: true, error: '应为ISO时间' }).nullable().optional(),
    eddToleranceDays: z.object({ lmp: days.optional(), ultrasound: days.optional() }).strict().optional(),
    deliveryGaToleranceDays: days.optional(),
    birthWeightBands: z.array(band).min(1, '至少一个孕周段').max(30).optional(),
    birthWeightRange: range.optional(),
    birthLengthBands: z.array(band).min(1, '至少一个孕周段').max(30).optional(),
    motherAgeYears: range.optional(),
    antenatalVitals: z
      .object({ systolicMmHg: range.optional(), diastolicMmHg: range.optional(), weightKg: range.optional() })
      .strict()
      .optional(),
    postpartumVitals: z
      .object({
        systolicMmHg: range.optional(),
        diastolicMmHg: range.optional(),
        temperatureC: range.optional(),
        hbGL: range.optional(),
      })
      .strict()
      .optional(),
    childAnthropometry: z
      .object({
        zLimits: z
          .object({
            waz: zLimit.optional(),
            lhaz: zLimit.optional(),
            wlhz: zLimit.optional(),
            bmiz: zLimit.optional(),
            hcz: zLimit.optional(),
          })
          .strict()
          .optional(),
        weightKg: range.optional(),
        lengthCm: range.optional(),
        headCm: range.optional(),
      })
      .strict()
      .optional(),
    duplicateDeliveryWithinDays: days.optional(),
    graceDays: z
      .object({ childRecord: days.optional(), newbornScreening: days.optional(), deathCard: days.optional() })
      .strict()
      .optional(),
    requiredFields: z.object(requiredShape).strict().optional(),
    severityWeights: z.object({ error: weight.optional(), warning: weight.optional() }).strict().optional(),
    ruleWeights: z.record(z.string(), weight).optional(),
    disabledRules: z.array(z.string()).max(200).optional(),
    nightlyHour: z.number().int('应为整数').min(0, '应在0–23之间').max(23, '应在0–23之间').optional(),
  })
  .strict();

/** An override of the configuration, as stored for a region. */
export type QualityConfigOverride = z.infer<typeof qualityConfigOverrideSchema>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeInto(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const cur = out[k];
    // ruleWeights is a map: merged by key; other objects merge recursively; arrays and scalars replace
    out[k] = isPlainObject(v) && isPlainObject(cur) ? mergeInto(cur, v) : v;
  }
  return out;
}

/**
 * The effective configuration: `base` with each override applied in order (the first is the topmost region).
 * @example mergeQualityConfig(QUALITY_CONFIG_DEFAULT, [{ lateEntryDays: { anc_visit: 7 } }]).lateEntryDays.anc_visit // 7
 */
export function mergeQualityConfig(
  base: QualityConfig,
  overrides: readonly (QualityConfigOverride | null | undefined)[],
): QualityConfig {
  let out = base as unknown as Record<string, unknown>;
  for (const o of overrides) if (o) out = mergeInto(out, o as Record<string, unknown>);
  return out as unknown as QualityConfig;
}

/** A problem with an override: the dotted path of the key and a zh-CN / en-US message. */
export interface QualityConfigIssue {
  path: string;
  messageZh: string;
  messageEn: string;
}

const HAS_CJK = /[\u4e00-\u9fff]/;

// zod's own messages follow the process-wide locale; the configuration's messages must be zh-CN wherever it runs
function issueOf(i: z.core.$ZodIssue): QualityConfigIssue {
  const path = i.path.map(String).join('.');
  if (i.code === 'unrecognized_keys') {
    const keys = i.keys.join('、');
    return { path, messageZh: `未知的配置项：${keys}`, messageEn: `Unknown key: ${i.keys.join(', ')}` };
  }
  if (i.code === 'invalid_type')
    return { path, messageZh: `类型不正确（应为${i.expected}）`, messageEn: `Expected ${i.expected}` };
  if (HAS_CJK.test(i.message)) return { path, messageZh: i.message, messageEn: 'Invalid value' };
  return { path, messageZh: '取值无效', messageEn: i.message };
}

/**
 * Checks an override against the schema and against the catalogues (required fields and rule ids must exist).
 * Returns the parsed override or the issues. `ruleIds` are the catalogue's rule ids.
 */
export function validateQualityOverride(
  input: unknown,
  ruleIds: readonly string[],
): { ok: true; value: QualityConfigOverride } | { ok: false; issues: QualityConfigIssue[] } {
  const r = qualityConfigOverrideSchema.safeParse(input);
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.map(issueOf),
    };
  }
  const issues: QualityConfigIssue[] = [];
  for (const [type, fields] of Object.entries(r.data.requiredFields ?? {})) {
    (fields ?? []).forEach((f, i) => {
      if (!getQualityField(type, f))
        issues.push({
          path: `requiredFields.${type}.${i}`,
          messageZh: `没有名为 ${f} 的字段`,
          messageEn: `No field ${f} for ${type}`,
        });
    });
  }
  const known = new Set(ruleIds);
  (r.data.disabledRules ?? []).forEach((id, i) => {
    if (!known.has(id))
      issues.push({ path: `disabledRules.${i}`, messageZh: `没有编号为 ${id} 的规则`, messageEn: `No rule ${id}` });
  });
  for (const id of Object.keys(r.data.ruleWeights ?? {})) {
    if (!known.has(id))
      issues.push({ path: `ruleWeights.${id}`, messageZh: `没有编号为 ${id} 的规则`, messageEn: `No rule ${id}` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: r.data };
}
