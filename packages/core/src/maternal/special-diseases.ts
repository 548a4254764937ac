/**
 * Special-disease rules in pregnancy (capability M4): gestational diabetes by the 75 g OGTT, anaemia grade,
 * hypertensive disorders (basics), gestational weight gain (WS/T 801-2022) and the EPDS depression screen.
 * Every cut-off is a versioned configuration object; none of them is in the retrieved REFERENCE texts, so all are
 * flagged to confirm unless stated.
 */
import { z } from 'zod';
import type { MaternalLabel, MaternalRuleSetMeta } from './config';
import type { GestationalAge } from './gestational-age';
import { gestationalAgeSchema, gestationalAgeToDays, isValidGestationalAge } from './gestational-age';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';
import { computeBmi } from './risk-grading';

const round2 = (v: number): number => Math.round(v * 100) / 100;

// ---------------------------------------------------------------------------------------------------------------
// Gestational diabetes (妊娠期糖尿病, GDM) by the 75 g OGTT

/** Diagnostic criteria of the 75 g OGTT (any one value at or above its threshold is GDM). */
export interface OgttCriteria extends MaternalRuleSetMeta {
  /** Fasting plasma glucose threshold, mmol/L. */
  fastingMmolL: number;
  /** 1-hour threshold, mmol/L. */
  oneHourMmolL: number;
  /** 2-hour threshold, mmol/L. */
  twoHourMmolL: number;
  /** The test is valid from this gestational age… */
  validFrom: GestationalAge;
  /** …to this one (inclusive). */
  validTo: GestationalAge;
  /** Values suggesting pre-existing (overt) diabetes rather than GDM: fasting ≥7.0 or 2 h ≥11.1 mmol/L. */
  overtFastingMmolL: number;
  overtTwoHourMmolL: number;
}

/**
 * IADPSG 2010 criteria as adopted by 中华医学会《妊娠合并糖尿病诊治指南》(2014) and 《妊娠期高血糖诊治指南》(2022):
 * fasting ≥5.1, 1 h ≥10.0, 2 h ≥8.5 mmol/L, at 24–28 weeks (read as 24+0–28+6). Not in the retrieved REFERENCE
 * texts: to confirm.
 */
export const OGTT_75G_CRITERIA: OgttCriteria = {
  id: 'gdm-ogtt-75g',
  version: '2014.1',
  region: 'CN',
  name: { zh: '75g OGTT 妊娠期糖尿病诊断标准', en: '75 g OGTT criteria for gestational diabetes' },
  source: '中华医学会妇产科学分会《妊娠合并糖尿病诊治指南》(2014); IADPSG 2010',
  confirmed: false,
  status: 'to_confirm',
  fastingMmolL: 5.1,
  oneHourMmolL: 10.0,
  twoHourMmolL: 8.5,
  validFrom: { weeks: 24, days: 0 },
  validTo: { weeks: 28, days: 6 },
  overtFastingMmolL: 7.0,
  overtTwoHourMmolL: 11.1,
};

/** Input of {@link diagnoseGdmByOgtt}: the three plasma glucose values (mmol/L) and the gestational age. */
export interface OgttInput {
  fastingMmolL?: number;
  oneHourMmolL?: number;
  twoHourMmolL?: number;
  gestationalAge?: GestationalAge;
}

/** zod schema of {@link OgttInput}. */
export const ogttInputSchema = z.object({
  fastingMmolL: z.number().min(0.5).max(50).optional(),
  oneHourMmolL: z.number().min(0.5).max(60).optional(),
  twoHourMmolL: z.number().min(0.5).max(60).optional(),
  gestationalAge: gestationalAgeSchema.optional(),
});

/** Which OGTT values are abnormal. */
export type OgttPoint = 'fasting' | 'one_hour' | 'two_hour';

/** Timing of the test against the valid window. */
export type OgttTiming = 'in_window' | 'before_window' | 'after_window' | 'unknown';

/** Result of {@link diagnoseGdmByOgtt}. */
export interface OgttResult {
  /** 'gdm' when any value is abnormal; 'normal' when all three are below; 'incomplete' when values are missing. */
  status: 'gdm' | 'normal' | 'incomplete';
  gdm: boolean;
  abnormal: OgttPoint[];
  timing: OgttTiming;
  /** True when the test was done outside the valid window (or the gestational age is unknown): interpret with care. */
  outsideWindow: boolean;
  /** True when fasting ≥7.0 or 2 h ≥11.1 mmol/L: suspect pre-existing diabetes (PGDM), not GDM. */
  overtDiabetesSuspected: boolean;
  criteria: { id: string; version: string };
}

/** Diagnoses GDM by the one-step 75 g OGTT: any one value at or above its threshold. */
export function diagnoseGdmByOgtt(input: OgttInput, criteria: OgttCriteria = OGTT_75G_CRITERIA): OgttResult {
  const points: Array<[OgttPoint, number | undefined, number]> = [
    ['fasting', input.fastingMmolL, criteria.fastingMmolL],
    ['one_hour', input.oneHourMmolL, criteria.oneHourMmolL],
    ['two_hour', input.twoHourMmolL, criteria.twoHourMmolL],
  ];
  const abnormal = points.filter(([, v, t]) => v !== undefined && Number.isFinite(v) && v >= t).map(([p]) => p);
  const complete = points.every(([, v]) => v !== undefined && Number.isFinite(v));
  let timing: OgttTiming = 'unknown';
  if (input.gestationalAge && isValidGestationalAge(input.gestationalAge)) {
    const d = gestationalAgeToDays(input.gestationalAge);
    if (d < gestationalAgeToDays(criteria.validFrom)) timing = 'before_window';
    else if (d > gestationalAgeToDays(criteria.validTo)) timing = 'after_window';
    else timing = 'in_window';
  }
  const gdm = abnormal.length > 0;
  return {
    status: gdm ? 'gdm' : complete ? 'normal' : 'incomplete',
    gdm,
    abnormal,
    timing,
    outsideWindow: timing !== 'in_window',
    overtDiabetesSuspected:
      (input.fastingMmolL ?? 0) >= criteria.overtFastingMmolL ||
      (input.twoHourMmolL ?? 0) >= criteria.overtTwoHourMmolL,
    criteria: { id: criteria.id, version: criteria.version },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Anaemia in pregnancy

/** Anaemia grades. */
export type PregnancyAnaemiaGrade = 'none' | 'mild' | 'moderate' | 'severe' | 'very_severe';

/** Labels of {@link PregnancyAnaemiaGrade}. */
export const PREGNANCY_ANAEMIA_GRADE_LABELS: Record<PregnancyAnaemiaGrade, MaternalLabel> = {
  none: { zh: '无贫血', en: 'no anaemia' },
  mild: { zh: '轻度贫血', en: 'mild anaemia' },
  moderate: { zh: '中度贫血', en: 'moderate anaemia' },
  severe: { zh: '重度贫血', en: 'severe anaemia' },
  very_severe: { zh: '极重度贫血', en: 'very severe anaemia' },
};

/** A grade band: lowerGL ≤ Hb < upperGL (lowerGL absent = no lower end). */
export interface PregnancyAnaemiaBand {
  grade: Exclude<PregnancyAnaemiaGrade, 'none'>;
  lowerGL?: number;
  upperGL: number;
}

/** Anaemia grading criteria in pregnancy. */
export interface PregnancyAnaemiaCriteria extends MaternalRuleSetMeta {
  /** Anaemia when Hb < this (g/L). */
  thresholdGL: number;
  bands: PregnancyAnaemiaBand[];
}

/**
 * WHO grading for pregnant women, also used in China: anaemia Hb <110 g/L; mild 100–109, moderate 70–99, severe <70.
 * To confirm against the national text.
 */
export const WHO_PREGNANCY_ANAEMIA_CRITERIA: PregnancyAnaemiaCriteria = {
  id: 'pregnancy-anaemia-who',
  version: '2011.1',
  region: 'CN',
  name: { zh: '妊娠期贫血分度（WHO）', en: 'Anaemia in pregnancy (WHO grades)' },
  source:
    'WHO Haemoglobin concentrations for the diagnosis of anaemia (2011); REFERENCE §5.2 cites WHO 100–109/70–99/<70',
  confirmed: false,
  status: 'to_confirm',
  thresholdGL: 110,
  bands: [
    { grade: 'mild', lowerGL: 100, upperGL: 110 },
    { grade: 'moderate', lowerGL: 70, upperGL: 100 },
    { grade: 'severe', upperGL: 70 },
  ],
};

/**
 * Alternative: 中华医学会《妊娠期铁缺乏和缺铁性贫血诊治指南》(2014) grades: mild 100–109, moderate 70–99,
 * severe 40–69, very severe <40 g/L. To confirm.
 */
export const CMA_2014_PREGNANCY_ANAEMIA_CRITERIA: PregnancyAnaemiaCriteria = {
  id: 'pregnancy-anaemia-cma-2014',
  version: '2014.1',
  region: 'CN',
  name: { zh: '妊娠期贫血分度（2014指南）', en: 'Anaemia in pregnancy (CMA 2014 grades)' },
  source: '中华医学会围产医学分会《妊娠期铁缺乏和缺铁性贫血诊治指南》(2014)',
  confirmed: false,
  status: 'to_confirm',
  thresholdGL: 110,
  bands: [
    { grade: 'mild', lowerGL: 100, upperGL: 110 },
    { grade: 'moderate', lowerGL: 70, upperGL: 100 },
    { grade: 'severe', lowerGL: 40, upperGL: 70 },
    { grade: 'very_severe', upperGL: 40 },
  ],
};

/** Result of {@link gradePregnancyAnaemia}. */
export interface PregnancyAnaemiaResult {
  anaemic: boolean;
  grade: PregnancyAnaemiaGrade;
  label: MaternalLabel;
  /** True for moderate or worse (the 孕产期中重度贫血率 numerator). */
  moderateOrSevere: boolean;
  criteria: { id: string; version: string };
}

/** Grades anaemia in pregnancy from Hb (g/L). Fails with `invalid_number` for a negative or non-finite Hb. */
export function gradePregnancyAnaemia(
  hbGL: number,
  criteria: PregnancyAnaemiaCriteria = WHO_PREGNANCY_ANAEMIA_CRITERIA,
): MaternalResult<PregnancyAnaemiaResult> {
  if (!Number.isFinite(hbGL) || hbGL < 0) return maternalFailure('invalid_number', 'hbGL');
  let grade: PregnancyAnaemiaGrade = 'none';
  if (hbGL < criteria.thresholdGL) {
    const band = criteria.bands.find((b) => hbGL < b.upperGL && (b.lowerGL === undefined || hbGL >= b.lowerGL));
    grade = band?.grade ?? 'mild';
  }
  return maternalOk({
    anaemic: grade !== 'none',
    grade,
    label: PREGNANCY_ANAEMIA_GRADE_LABELS[grade],
    moderateOrSevere: grade === 'moderate' || grade === 'severe' || grade === 'very_severe',
    criteria: { id: criteria.id, version: criteria.version },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Hypertensive disorders of pregnancy (妊娠期高血压疾病), basics

/** Blood-pressure thresholds in pregnancy. */
export interface PregnancyBloodPressureCriteria extends MaternalRuleSetMeta {
  systolicMmHg: number;
  diastolicMmHg: number;
  severeSystolicMmHg: number;
  severeDiastolicMmHg: number;
  /** Hypertension first found before this gestational age counts as chronic (慢性高血压). */
  chronicBefore: GestationalAge;
}

/**
 * Hypertension ≥140 and/or ≥90 mmHg (附件1 screens BP ≥140/90 [C]); severe ≥160 and/or ≥110 mmHg and the 20-week
 * boundary per 中华医学会《妊娠期高血压疾病诊治指南》(2020) — to confirm.
 */
export const PREGNANCY_BLOOD_PRESSURE_CRITERIA: PregnancyBloodPressureCriteria = {
  id: 'pregnancy-bp-cma-2020',
  version: '2020.1',
  region: 'CN',
  name: { zh: '妊娠期血压分级', en: 'Blood pressure in pregnancy' },
  source: '国卫办妇幼发〔2017〕35号 附件1 (≥140/90); 中华医学会《妊娠期高血压疾病诊治指南》(2020) (≥160/110, 20 weeks)',
  confirmed: false,
  status: 'to_confirm',
  systolicMmHg: 140,
  diastolicMmHg: 90,
  severeSystolicMmHg: 160,
  severeDiastolicMmHg: 110,
  chronicBefore: { weeks: 20, days: 0 },
};

/** Blood-pressure level. */
export type PregnancyBloodPressureLevel = 'normal' | 'hypertension' | 'severe_hypertension';

/** Classifies one blood-pressure reading: ≥160 or ≥110 severe; ≥140 or ≥90 hypertension; else normal. */
export function classifyPregnancyBloodPressure(
  reading: { systolicMmHg: number; diastolicMmHg: number },
  criteria: PregnancyBloodPressureCriteria = PREGNANCY_BLOOD_PRESSURE_CRITERIA,
): PregnancyBloodPressureLevel {
  const { systolicMmHg: s, diastolicMmHg: d } = reading;
  if (s >= criteria.severeSystolicMmHg || d >= criteria.severeDiastolicMmHg) return 'severe_hypertension';
  if (s >= criteria.systolicMmHg || d >= criteria.diastolicMmHg) return 'hypertension';
  return 'normal';
}

/** Categories of hypertensive disorder. */
export type HypertensiveDisorderCategory =
  | 'none'
  | 'gestational_hypertension'
  | 'preeclampsia'
  | 'severe_preeclampsia'
  | 'eclampsia'
  | 'chronic_hypertension'
  | 'chronic_with_superimposed_preeclampsia'
  | 'hypertension_unclassified';

/** Labels of {@link HypertensiveDisorderCategory}. */
export const HYPERTENSIVE_DISORDER_LABELS: Record<HypertensiveDisorderCategory, MaternalLabel> = {
  none: { zh: '无妊娠期高血压疾病', en: 'no hypertensive disorder' },
  gestational_hypertension: { zh: '妊娠期高血压', en: 'gestational hypertension' },
  preeclampsia: { zh: '子痫前期', en: 'preeclampsia' },
  severe_preeclampsia: { zh: '重度子痫前期', en: 'severe preeclampsia' },
  eclampsia: { zh: '子痫', en: 'eclampsia' },
  chronic_hypertension: { zh: '妊娠合并慢性高血压', en: 'chronic hypertension' },
  chronic_with_superimposed_preeclampsia: {
    zh: '慢性高血压并发子痫前期',
    en: 'chronic hypertension with superimposed preeclampsia',
  },
  hypertension_unclassified: { zh: '高血压（待分类）', en: 'hypertension (to classify)' },
};

/** Input of {@link classifyHypertensiveDisorder}. */
export interface HypertensiveDisorderInput {
  /** Highest reading (confirmed on repeat measurement by the clinician). */
  systolicMmHg?: number;
  diastolicMmHg?: number;
  /** Known hypertension before pregnancy. */
  hypertensionBeforePregnancy?: boolean;
  /** Gestational age at which raised BP was first found. */
  onsetGestationalAge?: GestationalAge;
  /** Proteinuria (≥0.3 g/24 h or equivalent). */
  proteinuria?: boolean;
  /** Severe features / organ involvement (headache, visual disturbance, liver or renal dysfunction, PLT <100, HELLP, pulmonary oedema, FGR…). */
  severeFeatures?: boolean;
  /** Seizures not explained by another cause. */
  seizures?: boolean;
  /** Gestational age now, when proteinuria or severe features are observed (for superimposed preeclampsia). */
  currentGestationalAge?: GestationalAge;
}

/** Result of {@link classifyHypertensiveDisorder}. */
export interface HypertensiveDisorderResult {
  category: HypertensiveDisorderCategory;
  label: MaternalLabel;
  bloodPressure: PregnancyBloodPressureLevel | null;
  /** True when the BP reaches the severe level. */
  severeRange: boolean;
  /** The 附件2 item this suggests: orange 3.7 for severe or superimposed preeclampsia and eclampsia, else the yellow hypertensive-disorder item; null for none. */
  riskItemCode: string | null;
}

/**
 * Basic classification of hypertensive disorders of pregnancy (四类): gestational hypertension, preeclampsia (severe
 * when BP ≥160/110 or severe features), eclampsia, chronic hypertension (known before pregnancy or found before
 * 20+0 weeks), and chronic hypertension with superimposed preeclampsia (proteinuria or severe features at ≥20 weeks,
 * assumed when the current gestational age is not given). A helper for the clinician, not a diagnosis.
 */
export function classifyHypertensiveDisorder(
  input: HypertensiveDisorderInput,
  criteria: PregnancyBloodPressureCriteria = PREGNANCY_BLOOD_PRESSURE_CRITERIA,
): HypertensiveDisorderResult {
  const bp =
    input.systolicMmHg !== undefined && input.diastolicMmHg !== undefined
      ? classifyPregnancyBloodPressure(
          { systolicMmHg: input.systolicMmHg, diastolicMmHg: input.diastolicMmHg },
          criteria,
        )
      : null;
  const raised = bp !== null && bp !== 'normal';
  const severeRange = bp === 'severe_hypertension';
  const onsetBefore20 =
    input.onsetGestationalAge !== undefined &&
    gestationalAgeToDays(input.onsetGestationalAge) < gestationalAgeToDays(criteria.chronicBefore);
  const chronic = input.hypertensionBeforePregnancy === true || (raised && onsetBefore20);
  const pePicture = input.proteinuria === true || input.severeFeatures === true;
  let category: HypertensiveDisorderCategory;
  if (input.seizures === true && (raised || chronic || pePicture)) category = 'eclampsia';
  else if (chronic) {
    const now = input.currentGestationalAge;
    const after20 = now === undefined || gestationalAgeToDays(now) >= gestationalAgeToDays(criteria.chronicBefore);
    category = pePicture && after20 ? 'chronic_with_superimposed_preeclampsia' : 'chronic_hypertension';
  } else if (!raised) category = 'none';
  else if (input.onsetGestationalAge === undefined) category = 'hypertension_unclassified';
  else if (pePicture) category = severeRange || input.severeFeatures === true ? 'severe_preeclampsia' : 'preeclampsia';
  else category = 'gestational_hypertension';
  const orange: HypertensiveDisorderCategory[] = [
    'severe_preeclampsia',
    'eclampsia',
    'chronic_with_superimposed_preeclampsia',
  ];
  return {
    category,
    label: HYPERTENSIVE_DISORDER_LABELS[category],
    bloodPressure: bp,
    severeRange,
    riskItemCode:
      category === 'none'
        ? null
        : orange.includes(category)
          ? 'orange.severe_preeclampsia'
          : 'yellow.hypertensive_disorder',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Gestational weight gain (WS/T 801-2022 妊娠期妇女体重增长推荐值标准)

/** Pre-pregnancy BMI categories of WS/T 801-2022. */
export type PrePregnancyBmiCategory = 'underweight' | 'normal' | 'overweight' | 'obese';

/** Recommended gain for one BMI category. */
export interface GestationalWeightGainBand {
  category: PrePregnancyBmiCategory;
  label: MaternalLabel;
  /** BMI lower bound (inclusive); absent for the lowest category. */
  bmiFrom?: number;
  /** BMI upper bound (exclusive); absent for the highest category. */
  bmiBelow?: number;
  totalMinKg: number;
  totalMaxKg: number;
  /** Gain over the first trimester (before 14+0 weeks). */
  earlyMinKg: number;
  earlyMaxKg: number;
  /** Weekly gain in the second and third trimesters: median and range. */
  weeklyMedianKg: number;
  weeklyMinKg: number;
  weeklyMaxKg: number;
}

/** A weight-gain standard. */
export interface GestationalWeightGainStandard extends MaternalRuleSetMeta {
  /** The second trimester starts at this gestational age (first-trimester band before it). */
  midStartsAt: GestationalAge;
  bands: GestationalWeightGainBand[];
}

/**
 * WS/T 801-2022 (singleton pregnancy; in force 2022-10-01): underweight <18.5: 11.0–16.0 kg, 0.46 (0.37–0.56)
 * kg/week; normal 18.5–<24.0: 8.0–14.0, 0.37 (0.26–0.48); overweight 24.0–<28.0: 7.0–11.0, 0.30 (0.22–0.37);
 * obese ≥28.0: 5.0–9.0, 0.22 (0.15–0.30); first trimester 0–2.0 kg for all. Totals are from the brief; the weekly
 * rates and first-trimester gain are recollection: to confirm.
 */
export const WST_801_2022_WEIGHT_GAIN: GestationalWeightGainStandard = {
  id: 'gwg-wst-801-2022',
  version: '2022.1',
  region: 'CN',
  name: { zh: '妊娠期妇女体重增长推荐值（WS/T 801—2022）', en: 'Gestational weight gain (WS/T 801-2022)' },
  source: 'WS/T 801—2022 妊娠期妇女体重增长推荐值标准',
  confirmed: false,
  status: 'to_confirm',
  midStartsAt: { weeks: 14, days: 0 },
  bands: [
    {
      category: 'underweight',
      label: { zh: '低体重', en: 'underweight' },
      bmiBelow: 18.5,
      totalMinKg: 11.0,
      totalMaxKg: 16.0,
      earlyMinKg: 0,
      earlyMaxKg: 2.0,
      weeklyMedianKg: 0.46,
      weeklyMinKg: 0.37,
      weeklyMaxKg: 0.56,
    },
    {
      category: 'normal',
      label: { zh: '正常体重', en: 'normal weight' },
      bmiFrom: 18.5,
      bmiBelow: 24.0,
      totalMinKg: 8.0,
      totalMaxKg: 14.0,
      earlyMinKg: 0,
      earlyMaxKg: 2.0,
      weeklyMedianKg: 0.37,
      weeklyMinKg: 0.26,
      weeklyMaxKg: 0.48,
    },
    {
      category: 'overweight',
      label: { zh: '超重', en: 'overweight' },
      bmiFrom: 24.0,
      bmiBelow: 28.0,
      totalMinKg: 7.0,
      totalMaxKg: 11.0,
      earlyMinKg: 0,
      earlyMaxKg: 2.0,
      weeklyMedianKg: 0.3,
      weeklyMinKg: 0.22,
      weeklyMaxKg: 0.37,
    },
    {
      category: 'obese',
      label: { zh: '肥胖', en: 'obese' },
      bmiFrom: 28.0,
      totalMinKg: 5.0,
      totalMaxKg: 9.0,
      earlyMinKg: 0,
      earlyMaxKg: 2.0,
      weeklyMedianKg: 0.22,
      weeklyMinKg: 0.15,
      weeklyMaxKg: 0.3,
    },
  ],
};

/** The band of the standard that a pre-pregnancy BMI falls in. */
export function prePregnancyBmiBand(
  bmi: number,
  standard: GestationalWeightGainStandard = WST_801_2022_WEIGHT_GAIN,
): GestationalWeightGainBand | undefined {
  return standard.bands.find(
    (b) => (b.bmiFrom === undefined || bmi >= b.bmiFrom) && (b.bmiBelow === undefined || bmi < b.bmiBelow),
  );
}

/** The pre-pregnancy BMI category (WS/T 801-2022: <18.5, 18.5–<24.0, 24.0–<28.0, ≥28.0). */
export function prePregnancyBmiCategory(
  bmi: number,
  standard: GestationalWeightGainStandard = WST_801_2022_WEIGHT_GAIN,
): PrePregnancyBmiCategory | undefined {
  return prePregnancyBmiBand(bmi, standard)?.category;
}

/** The recommended cumulative gain at a gestational age. */
export interface WeightGainRange {
  category: PrePregnancyBmiCategory;
  /** 'early' before the second trimester, else 'mid_late'. */
  phase: 'early' | 'mid_late';
  /** Recommended cumulative gain so far, kg (2 decimals). */
  minKg: number;
  maxKg: number;
  /** Recommended total gain for the whole pregnancy, kg. */
  totalMinKg: number;
  totalMaxKg: number;
}

/**
 * Recommended cumulative gain at gestational age `ga`: in the first trimester the first-trimester band; from the
 * second trimester on, that band plus the weekly range times the weeks since 14+0 (min with the weekly minimum, max
 * with the weekly maximum). The whole-pregnancy totals are returned alongside and are not forced onto the weekly
 * arithmetic.
 */
export function recommendedWeightGainAt(
  category: PrePregnancyBmiCategory,
  ga: GestationalAge,
  standard: GestationalWeightGainStandard = WST_801_2022_WEIGHT_GAIN,
): MaternalResult<WeightGainRange> {
  if (!isValidGestationalAge(ga)) return maternalFailure('invalid_gestational_age', 'gestationalAge');
  const band = standard.bands.find((b) => b.category === category);
  if (!band) return maternalFailure('invalid_number', 'category');
  const days = gestationalAgeToDays(ga);
  const midStart = gestationalAgeToDays(standard.midStartsAt);
  const base = { category, totalMinKg: band.totalMinKg, totalMaxKg: band.totalMaxKg };
  if (days < midStart) return maternalOk({ ...base, phase: 'early', minKg: band.earlyMinKg, maxKg: band.earlyMaxKg });
  const weeks = (days - midStart) / 7;
  return maternalOk({
    ...base,
    phase: 'mid_late',
    minKg: round2(band.earlyMinKg + weeks * band.weeklyMinKg),
    maxKg: round2(band.earlyMaxKg + weeks * band.weeklyMaxKg),
  });
}

/** Input of {@link assessGestationalWeightGain}. */
export interface GestationalWeightGainInput {
  heightCm: number;
  prePregnancyWeightKg: number;
  currentWeightKg: number;
  gestationalAge: GestationalAge;
}

/** zod schema of {@link GestationalWeightGainInput}. */
export const gestationalWeightGainInputSchema = z.object({
  heightCm: z.number().min(100).max(230),
  prePregnancyWeightKg: z.number().min(25).max(250),
  currentWeightKg: z.number().min(25).max(300),
  gestationalAge: gestationalAgeSchema,
});

/** Result of {@link assessGestationalWeightGain}. */
export interface GestationalWeightGainResult {
  bmi: number;
  category: PrePregnancyBmiCategory;
  gainKg: number;
  recommended: WeightGainRange;
  /** below / within / above the recommended cumulative range (both ends are within). */
  status: 'below' | 'within' | 'above';
  standard: { id: string; version: string };
}

/** Compares the gain so far with the recommended range at the gestational age. */
export function assessGestationalWeightGain(
  input: GestationalWeightGainInput,
  standard: GestationalWeightGainStandard = WST_801_2022_WEIGHT_GAIN,
): MaternalResult<GestationalWeightGainResult> {
  const bmi = computeBmi(input.heightCm, input.prePregnancyWeightKg);
  if (bmi === null) return maternalFailure('invalid_number', 'heightCm');
  if (!Number.isFinite(input.currentWeightKg) || input.currentWeightKg <= 0) {
    return maternalFailure('invalid_number', 'currentWeightKg');
  }
  const category = prePregnancyBmiCategory(bmi, standard);
  if (category === undefined) return maternalFailure('invalid_number', 'prePregnancyWeightKg');
  const rec = recommendedWeightGainAt(category, input.gestationalAge, standard);
  if (!rec.ok) return rec;
  const gainKg = round2(input.currentWeightKg - input.prePregnancyWeightKg);
  const status = gainKg < rec.value.minKg ? 'below' : gainKg > rec.value.maxKg ? 'above' : 'within';
  return maternalOk({
    bmi,
    category,
    gainKg,
    recommended: rec.value,
    status,
    standard: { id: standard.id, version: standard.version },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Edinburgh Postnatal Depression Scale (EPDS)

/** EPDS scoring configuration. */
export interface EpdsConfig extends MaternalRuleSetMeta {
  /** Positive when total ≥ this. */
  positiveCutOff: number;
  /** 1-based number of the self-harm item. */
  selfHarmItem: number;
}

/** EPDS with the cut-off ≥10 (common Chinese screening practice [L]). */
export const EPDS_CONFIG: EpdsConfig = {
  id: 'epds-cutoff-10',
  version: '1.0',
  region: 'CN',
  name: { zh: '爱丁堡产后抑郁量表（≥10分阳性）', en: 'EPDS (positive at ≥10)' },
  source: 'Cox, Holden & Sagovsky 1987; Chinese screening practice uses ≥10 [L]',
  confirmed: false,
  status: 'to_confirm',
  positiveCutOff: 10,
  selfHarmItem: 10,
};

/** EPDS with the cut-off ≥13 used by some programmes [L]. */
export const EPDS_CONFIG_13: EpdsConfig = {
  ...EPDS_CONFIG,
  id: 'epds-cutoff-13',
  name: { zh: '爱丁堡产后抑郁量表（≥13分阳性）', en: 'EPDS (positive at ≥13)' },
  source: 'Cox, Holden & Sagovsky 1987 (≥13 for probable major depression) [L]',
  positiveCutOff: 13,
};

/** zod schema of EPDS item scores: exactly 10 integers 0–3. */
export const epdsScoresSchema = z.array(z.number().int().min(0).max(3)).length(10);

/** Result of {@link scoreEpds}. */
export interface EpdsResult {
  total: number;
  positive: boolean;
  /** True when the self-harm item (10) scores above 0: urgent assessment, whatever the total. */
  urgent: boolean;
  selfHarmScore: number;
  cutOff: number;
}

/**
 * Scores the EPDS from its 10 item scores (0–3 each, already scored in the item's own direction: items 3 and 5–10
 * are reverse-keyed on the form). Total 0–30; positive at ≥ the cut-off; urgent when item 10 (self-harm) > 0.
 * Fails with `epds_item_count` or `epds_item_value`.
 */
export function scoreEpds(scores: readonly number[], config: EpdsConfig = EPDS_CONFIG): MaternalResult<EpdsResult> {
  if (scores.length !== 10) return maternalFailure('epds_item_count', 'scores');
  for (const [i, s] of scores.entries()) {
    if (!Number.isInteger(s) || s < 0 || s > 3) return maternalFailure('epds_item_value', `scores[${i}]`);
  }
  const total = scores.reduce((a, b) => a + b, 0);
  const selfHarmScore = scores[config.selfHarmItem - 1] ?? 0;
  return maternalOk({
    total,
    positive: total >= config.positiveCutOff,
    urgent: selfHarmScore > 0,
    selfHarmScore,
    cutOff: config.positiveCutOff,
  });
}
