/**
 * Breast cancer screening pathway of the national two-cancer programme (REFERENCE §9): history and clinical breast
 * exam → ultrasound with BI-RADS; 1–2 → screen again in 3 years; 0 or 3, or a high-risk woman → mammography;
 * mammography 0/3 → senior review, then follow-up or biopsy; 4–5 → biopsy; pathology → treatment.
 */
import type { WomenCodeLabel, WomenEvidenceMarker, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';

/** BI-RADS assessment categories (4 may be reported as 4A/4B/4C). */
export type BiRads = '0' | '1' | '2' | '3' | '4' | '4A' | '4B' | '4C' | '5' | '6';

/** BI-RADS categories with zh/en labels. */
export const BI_RADS_CATEGORIES: readonly WomenCodeLabel<BiRads>[] = [
  { code: '0', zh: '0类：评估不完全，需要其他影像检查', en: '0: Incomplete, needs additional imaging' },
  { code: '1', zh: '1类：阴性', en: '1: Negative' },
  { code: '2', zh: '2类：良性', en: '2: Benign' },
  { code: '3', zh: '3类：可能良性', en: '3: Probably benign' },
  { code: '4', zh: '4类：可疑恶性', en: '4: Suspicious' },
  { code: '4A', zh: '4A类：低度可疑恶性', en: '4A: Low suspicion' },
  { code: '4B', zh: '4B类：中度可疑恶性', en: '4B: Moderate suspicion' },
  { code: '4C', zh: '4C类：高度可疑恶性', en: '4C: High suspicion' },
  { code: '5', zh: '5类：高度提示恶性', en: '5: Highly suggestive of malignancy' },
  { code: '6', zh: '6类：已活检证实为恶性', en: '6: Known biopsy-proven malignancy' },
];

/** Clinical breast exam findings recorded before imaging (they do not change the imaging step: all get ultrasound). */
export const BREAST_CLINICAL_FINDINGS: readonly WomenCodeLabel[] = [
  { code: 'none', zh: '未见异常', en: 'No abnormality' },
  { code: 'lump', zh: '乳房肿块', en: 'Breast lump' },
  { code: 'nipple_discharge', zh: '乳头溢液', en: 'Nipple discharge' },
  { code: 'skin_change', zh: '皮肤改变（橘皮样、酒窝征等）', en: 'Skin change (peau d’orange, dimpling)' },
  { code: 'nipple_retraction', zh: '乳头内陷', en: 'Nipple retraction' },
  { code: 'axillary_node', zh: '腋窝淋巴结肿大', en: 'Enlarged axillary lymph node' },
];

/** Factors that make a woman high-risk for breast cancer in the programme [R]. */
export type BreastHighRiskFactor =
  | 'family_history_first_degree'
  | 'brca_carrier'
  | 'prior_atypical_hyperplasia_or_lcis'
  | 'chest_radiation_before_30'
  | 'personal_history_breast_cancer';

/** zh/en labels of {@link BreastHighRiskFactor} [R]. */
export const BREAST_HIGH_RISK_FACTORS: readonly WomenCodeLabel<BreastHighRiskFactor>[] = [
  {
    code: 'family_history_first_degree',
    zh: '一级亲属患乳腺癌或卵巢癌',
    en: 'First-degree relative with breast/ovarian cancer',
  },
  { code: 'brca_carrier', zh: 'BRCA1/2致病突变携带者', en: 'BRCA1/2 pathogenic variant carrier' },
  {
    code: 'prior_atypical_hyperplasia_or_lcis',
    zh: '既往乳腺不典型增生或小叶原位癌',
    en: 'Prior atypical hyperplasia or LCIS',
  },
  { code: 'chest_radiation_before_30', zh: '30岁前胸部放疗史', en: 'Chest radiotherapy before age 30' },
  { code: 'personal_history_breast_cancer', zh: '既往乳腺癌病史', en: 'Personal history of breast cancer' },
];

/** True when any high-risk factor is present. */
export function isBreastHighRisk(factors: readonly BreastHighRiskFactor[]): boolean {
  return factors.length > 0;
}

/** Senior specialist's decision after a mammography BI-RADS 0 or 3. */
export type BreastSeniorReviewDecision = 'follow_up' | 'biopsy';

/** Breast pathology results. */
export type BreastPathology = 'benign' | 'atypical_hyperplasia' | 'carcinoma_in_situ' | 'invasive_carcinoma';

/** Breast pathology with zh/en labels and whether it is a cancer (in situ or invasive). */
export const BREAST_PATHOLOGY: readonly (WomenCodeLabel<BreastPathology> & { cancer: boolean })[] = [
  { code: 'benign', zh: '良性病变', en: 'Benign lesion', cancer: false },
  { code: 'atypical_hyperplasia', zh: '不典型增生', en: 'Atypical hyperplasia', cancer: false },
  { code: 'carcinoma_in_situ', zh: '原位癌', en: 'Carcinoma in situ', cancer: true },
  { code: 'invasive_carcinoma', zh: '浸润性癌', en: 'Invasive carcinoma', cancer: true },
];

/** What the breast pathway asks for next. */
export type BreastNextStep =
  | 'routine_rescreen'
  | 'mammography'
  | 'senior_review'
  | 'short_interval_follow_up'
  | 'specialist_follow_up'
  | 'biopsy'
  | 'treatment';

/** zh/en labels of {@link BreastNextStep}. */
export const BREAST_NEXT_STEP_LABELS: Record<BreastNextStep, { zh: string; en: string }> = {
  routine_rescreen: { zh: '3年后再次筛查', en: 'Routine re-screening in 3 years' },
  mammography: { zh: '乳腺X线检查', en: 'Mammography' },
  senior_review: { zh: '副高以上专家会诊评估', en: 'Senior specialist review' },
  short_interval_follow_up: { zh: '短期随访复查', en: 'Short-interval follow-up' },
  specialist_follow_up: { zh: '专科随访', en: 'Specialist follow-up' },
  biopsy: { zh: '活检，病理检查', en: 'Biopsy for pathology' },
  treatment: { zh: '治疗', en: 'Treatment' },
};

/** One row of the breast pathway. */
export interface BreastPathwayRule {
  next: BreastNextStep;
  marker: WomenEvidenceMarker;
}

/** Stages of the breast pathway. */
export type BreastStage = 'ultrasound' | 'ultrasound_high_risk' | 'mammography' | 'senior_review' | 'pathology';

/** The breast pathway as a configurable table. */
export interface BreastPathwayConfig extends WomenRuleSet {
  /** Ultrasound BI-RADS for a woman not at high risk. */
  ultrasound: Record<BiRads, BreastPathwayRule>;
  /** Ultrasound BI-RADS for a high-risk woman (1–2 still go to mammography). */
  ultrasound_high_risk: Record<BiRads, BreastPathwayRule>;
  mammography: Record<BiRads, BreastPathwayRule>;
  senior_review: Record<BreastSeniorReviewDecision, BreastPathwayRule>;
  pathology: Record<BreastPathology, BreastPathwayRule>;
}

const b = (next: BreastNextStep, marker: WomenEvidenceMarker): BreastPathwayRule => ({ next, marker });

const SUSPICIOUS_TO_BIOPSY = {
  '4': b('biopsy', 'R'),
  '4A': b('biopsy', 'R'),
  '4B': b('biopsy', 'R'),
  '4C': b('biopsy', 'R'),
  '5': b('biopsy', 'R'),
  '6': b('treatment', 'R'),
} as const;

/**
 * National breast pathway (REFERENCE §9). [C]: US 1–2 → 3 years; US 0/3 or high-risk → mammography; mammography 0/3
 * → senior review. [R]: 4–5 → biopsy; 6 → treatment; pathology rows.
 */
export const BREAST_PATHWAY_NATIONAL: BreastPathwayConfig = {
  meta: nationalMeta(
    'breast-pathway',
    '2021',
    'R',
    ['乳腺癌筛查工作方案 (2021)', 'REFERENCE §9'],
    'BI-RADS 4–5 → biopsy, BI-RADS 6 and pathology → treatment, atypical hyperplasia → specialist follow-up.',
  ),
  ultrasound: {
    '0': b('mammography', 'C'),
    '1': b('routine_rescreen', 'C'),
    '2': b('routine_rescreen', 'C'),
    '3': b('mammography', 'C'),
    ...SUSPICIOUS_TO_BIOPSY,
  },
  ultrasound_high_risk: {
    '0': b('mammography', 'C'),
    '1': b('mammography', 'C'),
    '2': b('mammography', 'C'),
    '3': b('mammography', 'C'),
    ...SUSPICIOUS_TO_BIOPSY,
  },
  mammography: {
    '0': b('senior_review', 'C'),
    '1': b('routine_rescreen', 'R'),
    '2': b('routine_rescreen', 'R'),
    '3': b('senior_review', 'C'),
    ...SUSPICIOUS_TO_BIOPSY,
  },
  senior_review: {
    follow_up: b('short_interval_follow_up', 'C'),
    biopsy: b('biopsy', 'C'),
  },
  pathology: {
    benign: b('routine_rescreen', 'R'),
    atypical_hyperplasia: b('specialist_follow_up', 'R'),
    carcinoma_in_situ: b('treatment', 'R'),
    invasive_carcinoma: b('treatment', 'R'),
  },
};

/** Successful breast pathway decision. */
export interface BreastDecision {
  ok: true;
  stage: BreastStage;
  result: string;
  next: BreastNextStep;
  marker: WomenEvidenceMarker;
  treatmentNeeded: boolean;
}

/**
 * Looks up the next step for a result at a stage of the breast pathway.
 * @example breastNextStep('mammography', '3') // { ok: true, next: 'senior_review', ... }
 */
export function breastNextStep(
  stage: BreastStage,
  result: string,
  config: BreastPathwayConfig = BREAST_PATHWAY_NATIONAL,
): BreastDecision | WomenRuleError<'UNKNOWN_RESULT'> {
  const table = config[stage] as Record<string, BreastPathwayRule | undefined>;
  const rule = Object.prototype.hasOwnProperty.call(table, result) ? table[result] : undefined;
  if (!rule) {
    return womenRuleError(
      'UNKNOWN_RESULT',
      `乳腺癌筛查“${stage}”环节没有结果“${result}”`,
      `The breast pathway has no result "${result}" at stage "${stage}"`,
    );
  }
  return { ok: true, stage, result, next: rule.next, marker: rule.marker, treatmentNeeded: rule.next === 'treatment' };
}

/**
 * Next step after breast ultrasound: the high-risk table applies when the woman has any high-risk factor.
 * @example nextStepAfterBreastUltrasound('2', { highRisk: true }) // next: 'mammography'
 */
export function nextStepAfterBreastUltrasound(
  birads: BiRads,
  woman: { highRisk: boolean },
  config: BreastPathwayConfig = BREAST_PATHWAY_NATIONAL,
): BreastDecision | WomenRuleError<'UNKNOWN_RESULT'> {
  return breastNextStep(woman.highRisk ? 'ultrasound_high_risk' : 'ultrasound', birads, config);
}

/** Breast screening methods. */
export type BreastScreeningMethod = 'breast_ultrasound' | 'mammography';

/** Breast intervals. */
export interface BreastIntervalConfig extends WomenRuleSet {
  /** Routine interval after BI-RADS 1–2 (months). */
  negativeIntervalMonths: number;
  /** Short-interval follow-up after senior review of a BI-RADS 3 (months). */
  shortIntervalFollowUpMonths: number;
  /** Fixed programme cycle (months) used instead of the routine interval; null = none. */
  programmeCycleMonths: number | null;
}

/** National breast intervals: 3 years after BI-RADS 1–2 [C]; 6-month short-interval follow-up [R]. */
export const BREAST_INTERVALS_NATIONAL: BreastIntervalConfig = {
  meta: nationalMeta(
    'breast-intervals',
    '2021',
    'R',
    ['乳腺癌筛查工作方案 (2021)', 'REFERENCE §9'],
    'The 6-month short-interval follow-up.',
  ),
  negativeIntervalMonths: 36,
  shortIntervalFollowUpMonths: 6,
  programmeCycleMonths: null,
};

/** Months until routine breast re-screening (the programme cycle wins when set). */
export function breastRoutineIntervalMonths(config: BreastIntervalConfig = BREAST_INTERVALS_NATIONAL): number {
  return config.programmeCycleMonths ?? config.negativeIntervalMonths;
}

/** True when the pathology result is a cancer (in situ or invasive). */
export function isBreastCancerPathology(result: BreastPathology): boolean {
  return BREAST_PATHOLOGY.find((p) => p.code === result)?.cancer ?? false;
}

/** Used by callers that hold an unknown string: narrows it to a BI-RADS category. */
export function isBiRads(value: string): value is BiRads {
  return BI_RADS_CATEGORIES.some((c) => c.code === value);
}

/** Error returned by {@link parseBiRads}. */
export type BiRadsParseError = WomenRuleError<'INVALID_BI_RADS'>;

/** Parses '4a', 'BI-RADS 3', '4B' etc. into a {@link BiRads} category. */
export function parseBiRads(value: string): { ok: true; birads: BiRads } | BiRadsParseError {
  const v = String(value)
    .trim()
    .toUpperCase()
    .replace(/^BI-?RADS\s*/, '');
  if (isBiRads(v)) return { ok: true, birads: v };
  return womenRuleError(
    'INVALID_BI_RADS',
    `无法识别的BI-RADS分类“${value}”`,
    `Unrecognised BI-RADS category "${value}"`,
  );
}
