/**
 * Cervical cancer screening pathway of the national two-cancer programme (两癌筛查, REFERENCE §9), as data:
 * HPV genotyping → colposcopy or cytology (TBS) triage; primary cytology or VIA/VILI as alternatives;
 * colposcopy → biopsy; histopathology → treatment for CIN2+; and the routine re-screening intervals.
 *
 * Every mapping lives in {@link CERVICAL_PATHWAY_NATIONAL} / {@link CERVICAL_INTERVALS_NATIONAL}, each row with its
 * evidence marker, so a province can derive a variant with `deriveWomenRuleSet`.
 */
import type { WomenCodeLabel, WomenEvidenceMarker, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';

/**
 * The 14 high-risk HPV types of the programme's genotyping test: 16 and 18 plus 12 others.
 * "14 types" is confirmed [C]; the exact list (WHO group-1 types plus 66 and 68) is [R].
 */
export const HPV_HIGH_RISK_TYPES = [
  '16',
  '18',
  '31',
  '33',
  '35',
  '39',
  '45',
  '51',
  '52',
  '56',
  '58',
  '59',
  '66',
  '68',
] as const;

/** One of the 14 high-risk HPV types. */
export type HpvHighRiskType = (typeof HPV_HIGH_RISK_TYPES)[number];

/** Result of HPV genotyping as the pathway sees it. */
export type HpvCategory = 'negative' | 'hpv16_18' | 'other_hr';

/** zh/en labels of {@link HpvCategory}. */
export const HPV_CATEGORY_LABELS: Record<HpvCategory, { zh: string; en: string }> = {
  negative: { zh: '高危型HPV阴性', en: 'High-risk HPV negative' },
  hpv16_18: { zh: 'HPV16/18型阳性', en: 'HPV 16/18 positive' },
  other_hr: { zh: '其他高危型HPV阳性', en: 'Other high-risk HPV positive' },
};

/** The Bethesda System (TBS) cytology categories used in the programme. */
export type TbsCategory =
  | 'NILM'
  | 'ASC-US'
  | 'ASC-H'
  | 'LSIL'
  | 'HSIL'
  | 'SCC'
  | 'AGC'
  | 'AGC-FN'
  | 'AIS'
  | 'ADENOCARCINOMA'
  | 'UNSATISFACTORY';

/** TBS categories with zh/en labels, in order of severity (UNSATISFACTORY last). */
export const TBS_CATEGORIES: readonly WomenCodeLabel<TbsCategory>[] = [
  { code: 'NILM', zh: '未见上皮内病变或恶性病变', en: 'Negative for intraepithelial lesion or malignancy' },
  { code: 'ASC-US', zh: '意义不明确的非典型鳞状细胞', en: 'Atypical squamous cells of undetermined significance' },
  {
    code: 'ASC-H',
    zh: '非典型鳞状细胞，不除外高级别鳞状上皮内病变',
    en: 'Atypical squamous cells, cannot exclude HSIL',
  },
  { code: 'LSIL', zh: '低级别鳞状上皮内病变', en: 'Low-grade squamous intraepithelial lesion' },
  { code: 'HSIL', zh: '高级别鳞状上皮内病变', en: 'High-grade squamous intraepithelial lesion' },
  { code: 'SCC', zh: '鳞状细胞癌', en: 'Squamous cell carcinoma' },
  { code: 'AGC', zh: '非典型腺细胞（无具体指定）', en: 'Atypical glandular cells, not otherwise specified' },
  { code: 'AGC-FN', zh: '非典型腺细胞，倾向瘤变', en: 'Atypical glandular cells, favour neoplastic' },
  { code: 'AIS', zh: '宫颈管原位腺癌', en: 'Endocervical adenocarcinoma in situ' },
  { code: 'ADENOCARCINOMA', zh: '腺癌', en: 'Adenocarcinoma' },
  { code: 'UNSATISFACTORY', zh: '标本不满意', en: 'Unsatisfactory for evaluation' },
];

/** VIA/VILI (visual inspection with acetic acid / Lugol's iodine) results. */
export type ViaViliResult = 'negative' | 'positive' | 'suspected_cancer';

/** zh/en labels of {@link ViaViliResult}. */
export const VIA_VILI_LABELS: Record<ViaViliResult, { zh: string; en: string }> = {
  negative: { zh: 'VIA/VILI阴性', en: 'VIA/VILI negative' },
  positive: { zh: 'VIA/VILI阳性', en: 'VIA/VILI positive' },
  suspected_cancer: { zh: '可疑癌', en: 'Suspected cancer' },
};

/** Colposcopy impressions. */
export type ColposcopyResult = 'normal' | 'abnormal' | 'suspected_cancer' | 'unsatisfactory';

/** zh/en labels of {@link ColposcopyResult}. */
export const COLPOSCOPY_LABELS: Record<ColposcopyResult, { zh: string; en: string }> = {
  normal: { zh: '阴道镜检查未见异常', en: 'Colposcopy normal' },
  abnormal: { zh: '阴道镜检查异常', en: 'Colposcopy abnormal' },
  suspected_cancer: { zh: '阴道镜可疑癌', en: 'Colposcopy: suspected cancer' },
  unsatisfactory: {
    zh: '阴道镜检查不满意（转化区不可见）',
    en: 'Colposcopy unsatisfactory (transformation zone not seen)',
  },
};

/** Cervical histopathology results. */
export type CervicalHistology =
  'normal' | 'CIN1' | 'CIN2' | 'CIN3' | 'AIS' | 'squamous_carcinoma' | 'adenocarcinoma' | 'other_malignancy';

/** Lesion grade of a histology result, as the indicators count it. */
export type CervicalLesionGrade = 'none' | 'low_grade' | 'precancer' | 'cancer';

/** Histopathology results with zh/en labels and their lesion grade. */
export const CERVICAL_HISTOLOGY: readonly (WomenCodeLabel<CervicalHistology> & { grade: CervicalLesionGrade })[] = [
  { code: 'normal', zh: '未见病变（含炎症）', en: 'No lesion (incl. inflammation)', grade: 'none' },
  { code: 'CIN1', zh: '低级别鳞状上皮内病变（CIN1）', en: 'Low-grade SIL (CIN1)', grade: 'low_grade' },
  { code: 'CIN2', zh: '高级别鳞状上皮内病变（CIN2）', en: 'High-grade SIL (CIN2)', grade: 'precancer' },
  { code: 'CIN3', zh: '高级别鳞状上皮内病变（CIN3）', en: 'High-grade SIL (CIN3)', grade: 'precancer' },
  { code: 'AIS', zh: '原位腺癌', en: 'Adenocarcinoma in situ', grade: 'precancer' },
  { code: 'squamous_carcinoma', zh: '鳞状细胞癌', en: 'Squamous cell carcinoma', grade: 'cancer' },
  { code: 'adenocarcinoma', zh: '腺癌', en: 'Adenocarcinoma', grade: 'cancer' },
  { code: 'other_malignancy', zh: '其他恶性肿瘤', en: 'Other malignancy', grade: 'cancer' },
];

/** What the pathway asks for next. */
export type CervicalNextStep =
  | 'routine_rescreen'
  | 'repeat_in_12_months'
  | 'repeat_sample'
  | 'cytology_triage'
  | 'hpv_triage'
  | 'colposcopy'
  | 'biopsy'
  | 'treatment';

/** zh/en labels of {@link CervicalNextStep}. */
export const CERVICAL_NEXT_STEP_LABELS: Record<CervicalNextStep, { zh: string; en: string }> = {
  routine_rescreen: { zh: '按常规间隔再次筛查', en: 'Routine re-screening at the usual interval' },
  repeat_in_12_months: { zh: '12个月后复查', en: 'Repeat test in 12 months' },
  repeat_sample: { zh: '重新取材检查', en: 'Take a new sample' },
  cytology_triage: { zh: '宫颈细胞学（TBS）分流', en: 'Cytology (TBS) triage' },
  hpv_triage: { zh: 'HPV检测分流', en: 'HPV triage' },
  colposcopy: { zh: '阴道镜检查', en: 'Colposcopy' },
  biopsy: { zh: '活检，组织病理学检查', en: 'Biopsy for histopathology' },
  treatment: { zh: '治疗', en: 'Treatment' },
};

/** One row of the pathway: the next step and the evidence behind it. */
export interface CervicalPathwayRule {
  next: CervicalNextStep;
  marker: WomenEvidenceMarker;
}

/** A stage of the pathway, each with its own result vocabulary. */
export type CervicalStage =
  'hpv' | 'cytology_after_hpv' | 'cytology_primary' | 'via_vili' | 'colposcopy' | 'histopathology';

/** The cervical pathway as a configurable table, one map per stage. */
export interface CervicalPathwayConfig extends WomenRuleSet {
  hpv: Record<HpvCategory, CervicalPathwayRule>;
  /** Cytology used as triage of an "other high-risk HPV" positive result. */
  cytology_after_hpv: Record<TbsCategory, CervicalPathwayRule>;
  /** Cytology as the first-line test (alternative pathway). */
  cytology_primary: Record<TbsCategory, CervicalPathwayRule>;
  via_vili: Record<ViaViliResult, CervicalPathwayRule>;
  colposcopy: Record<ColposcopyResult, CervicalPathwayRule>;
  histopathology: Record<CervicalHistology, CervicalPathwayRule>;
}

const r = (next: CervicalNextStep, marker: WomenEvidenceMarker): CervicalPathwayRule => ({ next, marker });

/** Any cytology at or above ASC-US sends the woman to colposcopy. */
function abnormalCytology(marker: WomenEvidenceMarker) {
  return {
    'ASC-US': r('colposcopy', marker),
    'ASC-H': r('colposcopy', marker),
    LSIL: r('colposcopy', marker),
    HSIL: r('colposcopy', marker),
    SCC: r('colposcopy', marker),
    AGC: r('colposcopy', marker),
    'AGC-FN': r('colposcopy', marker),
    AIS: r('colposcopy', marker),
    ADENOCARCINOMA: r('colposcopy', marker),
  } as const;
}

/**
 * National cervical pathway (2021 两癌筛查工作方案 as summarised in REFERENCE §9).
 * [C]: 16/18 → colposcopy; other hrHPV → cytology triage; abnormal cytology → colposcopy; abnormal colposcopy →
 * histopathology; CIN2+ → treatment. [R]: negative HPV → routine; NILM after hrHPV+ → repeat in 12 months;
 * the primary-cytology and VIA/VILI alternatives; normal colposcopy, normal histology and CIN1 → repeat in 12 months.
 */
export const CERVICAL_PATHWAY_NATIONAL: CervicalPathwayConfig = {
  meta: nationalMeta(
    'cervical-pathway',
    '2021',
    'R',
    ['宫颈癌筛查工作方案 (2021)', '加速消除宫颈癌行动计划（2023—2030年）', 'REFERENCE §9'],
    'NILM after other-hrHPV → 12-month repeat; primary-cytology ASC-US handling; VIA/VILI rows; follow-up after ' +
      'normal colposcopy/histology and CIN1.',
  ),
  hpv: {
    negative: r('routine_rescreen', 'R'),
    hpv16_18: r('colposcopy', 'C'),
    other_hr: r('cytology_triage', 'C'),
  },
  cytology_after_hpv: {
    NILM: r('repeat_in_12_months', 'R'),
    ...abnormalCytology('C'),
    UNSATISFACTORY: r('repeat_sample', 'R'),
  },
  cytology_primary: {
    NILM: r('routine_rescreen', 'R'),
    ...abnormalCytology('R'),
    UNSATISFACTORY: r('repeat_sample', 'R'),
  },
  via_vili: {
    negative: r('routine_rescreen', 'R'),
    positive: r('colposcopy', 'R'),
    suspected_cancer: r('colposcopy', 'R'),
  },
  colposcopy: {
    normal: r('repeat_in_12_months', 'R'),
    abnormal: r('biopsy', 'C'),
    suspected_cancer: r('biopsy', 'C'),
    unsatisfactory: r('biopsy', 'R'),
  },
  histopathology: {
    normal: r('repeat_in_12_months', 'R'),
    CIN1: r('repeat_in_12_months', 'R'),
    CIN2: r('treatment', 'C'),
    CIN3: r('treatment', 'C'),
    AIS: r('treatment', 'C'),
    squamous_carcinoma: r('treatment', 'C'),
    adenocarcinoma: r('treatment', 'C'),
    other_malignancy: r('treatment', 'C'),
  },
};

/** Successful pathway decision. */
export interface CervicalDecision {
  ok: true;
  stage: CervicalStage;
  result: string;
  next: CervicalNextStep;
  marker: WomenEvidenceMarker;
  /** True when the next step is treatment (CIN2+). */
  treatmentNeeded: boolean;
}

/** Codes of pathway input errors. */
export type CervicalErrorCode = 'UNKNOWN_RESULT' | 'INVALID_HPV_TYPE';

/**
 * Looks up the next step for a result at a stage of the pathway.
 * @example cervicalNextStep('histopathology', 'CIN2') // { ok: true, next: 'treatment', treatmentNeeded: true, ... }
 */
export function cervicalNextStep(
  stage: CervicalStage,
  result: string,
  config: CervicalPathwayConfig = CERVICAL_PATHWAY_NATIONAL,
): CervicalDecision | WomenRuleError<CervicalErrorCode> {
  const table = config[stage] as Record<string, CervicalPathwayRule | undefined>;
  const rule = Object.prototype.hasOwnProperty.call(table, result) ? table[result] : undefined;
  if (!rule) {
    return womenRuleError(
      'UNKNOWN_RESULT',
      `宫颈癌筛查“${stage}”环节没有结果“${result}”`,
      `The cervical pathway has no result "${result}" at stage "${stage}"`,
    );
  }
  return { ok: true, stage, result, next: rule.next, marker: rule.marker, treatmentNeeded: rule.next === 'treatment' };
}

/** Result of {@link classifyHpvGenotyping}. */
export interface HpvClassification {
  ok: true;
  category: HpvCategory;
  /** The positive high-risk types, normalised ('16', '52', …), in list order. */
  highRiskTypes: HpvHighRiskType[];
  /** Positive types outside the 14 high-risk types (e.g. 6, 11); they do not change the pathway. */
  otherTypes: string[];
}

/**
 * Classifies a genotyping report (the list of positive types; empty = negative). Accepts '16', 'HPV16', 'hpv-16'.
 * 16 or 18 present → 'hpv16_18' (even with other types); other high-risk types only → 'other_hr'.
 */
export function classifyHpvGenotyping(
  positiveTypes: readonly string[],
): HpvClassification | WomenRuleError<'INVALID_HPV_TYPE'> {
  const hr = new Set<string>();
  const other: string[] = [];
  for (const raw of positiveTypes) {
    const m = /^(?:hpv)?[-\s]?(\d{1,3})$/i.exec(String(raw).trim());
    if (!m) {
      return womenRuleError('INVALID_HPV_TYPE', `无法识别的HPV型别“${raw}”`, `Unrecognised HPV type "${raw}"`);
    }
    const type = String(Number(m[1]));
    if ((HPV_HIGH_RISK_TYPES as readonly string[]).includes(type)) hr.add(type);
    else if (!other.includes(type)) other.push(type);
  }
  const highRiskTypes = HPV_HIGH_RISK_TYPES.filter((t) => hr.has(t));
  const category: HpvCategory =
    hr.has('16') || hr.has('18') ? 'hpv16_18' : highRiskTypes.length > 0 ? 'other_hr' : 'negative';
  return { ok: true, category, highRiskTypes, otherTypes: other };
}

/**
 * Next step after HPV genotyping, from the list of positive types.
 * @example nextStepAfterHpv(['52']) // { ok: true, next: 'cytology_triage', ... }
 */
export function nextStepAfterHpv(
  positiveTypes: readonly string[],
  config: CervicalPathwayConfig = CERVICAL_PATHWAY_NATIONAL,
): (CervicalDecision & { category: HpvCategory }) | WomenRuleError<CervicalErrorCode> {
  const c = classifyHpvGenotyping(positiveTypes);
  if (!c.ok) return c;
  const d = cervicalNextStep('hpv', c.category, config);
  return d.ok ? { ...d, category: c.category } : d;
}

/** True when the TBS category is ASC-US or worse (UNSATISFACTORY and NILM are not). */
export function isAscUsOrWorse(tbs: TbsCategory): boolean {
  return tbs !== 'NILM' && tbs !== 'UNSATISFACTORY';
}

/** Lesion grade of a histology result (none, low grade, precancer = CIN2/CIN3/AIS, cancer). */
export function cervicalLesionGrade(histology: CervicalHistology): CervicalLesionGrade {
  return CERVICAL_HISTOLOGY.find((h) => h.code === histology)?.grade ?? 'none';
}

/** Cervical screening methods. */
export type CervicalScreeningMethod = 'hpv' | 'cytology' | 'co_test' | 'via_vili';

/** Re-screening and follow-up intervals of cervical screening. */
export interface CervicalIntervalConfig extends WomenRuleSet {
  /** Routine interval after a negative result, per method (months). */
  negativeIntervalMonths: Record<CervicalScreeningMethod, number>;
  /** Follow-up interval for "repeat in 12 months" results (months). */
  followUpMonths: number;
  /**
   * A fixed programme cycle (months) used instead of the method intervals where a city screens on a cycle
   * (e.g. 36); null = use the method intervals.
   */
  programmeCycleMonths: number | null;
}

/**
 * National cervical intervals [R]: 5 years after a negative HPV (and co-test), 3 years after negative cytology;
 * VIA/VILI 3 years [L]; follow-up 12 months [R]. No programme cycle by default.
 */
export const CERVICAL_INTERVALS_NATIONAL: CervicalIntervalConfig = {
  meta: nationalMeta(
    'cervical-intervals',
    '2021',
    'R',
    ['宫颈癌筛查工作方案 (2021)', 'REFERENCE §9'],
    'HPV 5 y and cytology 3 y are recollection; VIA/VILI 3 y and co-test 5 y are convention.',
  ),
  negativeIntervalMonths: { hpv: 60, cytology: 36, co_test: 60, via_vili: 36 },
  followUpMonths: 12,
  programmeCycleMonths: null,
};

/** Months until routine re-screening after a negative result with a method (the programme cycle wins when set). */
export function cervicalRoutineIntervalMonths(
  method: CervicalScreeningMethod,
  config: CervicalIntervalConfig = CERVICAL_INTERVALS_NATIONAL,
): number {
  return config.programmeCycleMonths ?? config.negativeIntervalMonths[method];
}
