/**
 * High-risk newborns and preterm infants (REFERENCE §5.4):
 * - 高危新生儿 criteria (新生儿访视技术规范 2012) [R]: preterm (<37 weeks) or low birth weight (<2500 g); asphyxia,
 *   hypoxic-ischaemic encephalopathy, intracranial haemorrhage; hyperbilirubinaemia; severe infection; birth defects
 *   or inherited metabolic disease affecting life; mother with an abnormal pregnancy/delivery history, age ≥35 or a
 *   disability affecting childcare. Gestation, birth weight and maternal age are computed; asphyxia is computed from
 *   an Apgar score ≤7 ([L]: the Apgar-only definition is a convention) or ticked; everything else is ticked.
 * - 早产儿 risk grading (早产儿保健工作规范 2017) [R]: low = ≥34 weeks and ≥2000 g with no serious complication and
 *   no feeding difficulty or poor weight gain; high otherwise.
 * - Follow-up by corrected age [R]: low risk every 1–2 months to CA 6 months, every 2–3 months at CA 7–12 months, at
 *   least every 6 months after CA 12 months; high risk every 2 weeks to CA 1 month, monthly at CA 1–6 months, every
 *   2 months at CA 7–12 months, every 3 months at CA 13–24 months, every 6 months after CA 24 months. The end of the
 *   follow-up (CA 36 months) is [L].
 */
import type { ChildEvidence, ChildLabel, ChildOffset, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';
import { addMonthsToDay, addOffset, formatDay, parseDay } from './child-dates';

/** Codes of the high-risk newborn criteria. */
export type HighRiskNewbornCode =
  | 'preterm'
  | 'low_birth_weight'
  | 'asphyxia'
  | 'hie'
  | 'intracranial_haemorrhage'
  | 'hyperbilirubinaemia'
  | 'severe_infection'
  | 'birth_defect'
  | 'metabolic_disease'
  | 'maternal_risk';

/** One criterion. */
export interface HighRiskNewbornCriterion {
  code: HighRiskNewbornCode;
  label: ChildLabel;
  /** What can compute it; null = ticked by the clinician only. */
  computedFrom: 'gestation' | 'birth_weight' | 'apgar' | 'maternal_age' | null;
  evidence: ChildEvidence;
}

/** The criteria and their thresholds, as versioned configuration. */
export interface HighRiskNewbornConfig extends ChildRuleSet {
  criteria: readonly HighRiskNewbornCriterion[];
  pretermBelowWeeks: number;
  lowBirthWeightBelowG: number;
  /** Asphyxia when the 1- or 5-minute Apgar is at most this [L]. */
  asphyxiaApgarAtMost: number;
  maternalAgeAtLeast: number;
}

/** The national criteria (新生儿访视技术规范 2012) [R]. */
export const NATIONAL_HIGH_RISK_NEWBORN: HighRiskNewbornConfig = {
  meta: childNationalMeta(
    'high-risk-newborn-cn',
    '2012.1',
    { zh: '高危新生儿判定', en: 'High-risk newborn criteria' },
    'L',
    ['新生儿访视技术规范（卫办妇社发〔2012〕49号附件）'],
    'criteria list [R]; asphyxia computed from Apgar ≤7 [L]',
  ),
  criteria: [
    {
      code: 'preterm',
      label: { zh: '早产儿（胎龄<37周）', en: 'preterm (<37 weeks)' },
      computedFrom: 'gestation',
      evidence: 'R',
    },
    {
      code: 'low_birth_weight',
      label: { zh: '低出生体重儿（出生体重<2500 g）', en: 'low birth weight (<2500 g)' },
      computedFrom: 'birth_weight',
      evidence: 'R',
    },
    { code: 'asphyxia', label: { zh: '新生儿窒息', en: 'birth asphyxia' }, computedFrom: 'apgar', evidence: 'R' },
    {
      code: 'hie',
      label: { zh: '缺氧缺血性脑病', en: 'hypoxic-ischaemic encephalopathy' },
      computedFrom: null,
      evidence: 'R',
    },
    {
      code: 'intracranial_haemorrhage',
      label: { zh: '颅内出血', en: 'intracranial haemorrhage' },
      computedFrom: null,
      evidence: 'R',
    },
    {
      code: 'hyperbilirubinaemia',
      label: { zh: '高胆红素血症', en: 'hyperbilirubinaemia' },
      computedFrom: null,
      evidence: 'R',
    },
    {
      code: 'severe_infection',
      label: { zh: '新生儿肺炎、败血症等严重感染', en: 'severe infection (pneumonia, sepsis)' },
      computedFrom: null,
      evidence: 'R',
    },
    {
      code: 'birth_defect',
      label: { zh: '新生儿患有各种影响生活能力的出生缺陷', en: 'birth defect affecting daily life' },
      computedFrom: null,
      evidence: 'R',
    },
    {
      code: 'metabolic_disease',
      label: { zh: '遗传代谢性疾病', en: 'inherited metabolic disease' },
      computedFrom: null,
      evidence: 'R',
    },
    {
      code: 'maternal_risk',
      label: {
        zh: '母亲有异常妊娠及分娩史、高龄分娩（≥35岁）、患有残疾并且影响养育能力',
        en: 'mother with abnormal pregnancy or delivery history, aged ≥35, or a disability affecting childcare',
      },
      computedFrom: 'maternal_age',
      evidence: 'R',
    },
  ],
  pretermBelowWeeks: 37,
  lowBirthWeightBelowG: 2500,
  asphyxiaApgarAtMost: 7,
  maternalAgeAtLeast: 35,
};

/** Birth facts read by {@link assessHighRiskNewborn}. */
export interface HighRiskNewbornInput {
  gestationalWeeks?: number | null;
  gestationalDays?: number | null;
  birthWeightG?: number | null;
  apgar1?: number | null;
  apgar5?: number | null;
  /** Mother's age at delivery, completed years. */
  maternalAgeYears?: number | null;
  /** Codes ticked by the clinician. */
  ticked?: readonly string[];
}

/** One criterion with its finding. */
export interface HighRiskNewbornFinding {
  code: HighRiskNewbornCode;
  label: ChildLabel;
  present: boolean;
  /** How it was found: computed from the birth data, ticked, or both. */
  by: 'computed' | 'ticked' | 'both' | null;
  evidence: ChildEvidence;
}

/** Result of {@link assessHighRiskNewborn}. */
export interface HighRiskNewbornAssessment {
  highRisk: boolean;
  presentCodes: HighRiskNewbornCode[];
  findings: HighRiskNewbornFinding[];
  /** Ticked codes that are not criteria. */
  unknownCodes: string[];
}

/** Finds the high-risk newborn criteria that apply: computed where the birth data allow, ticked otherwise. */
export function assessHighRiskNewborn(
  input: HighRiskNewbornInput,
  config: HighRiskNewbornConfig = NATIONAL_HIGH_RISK_NEWBORN,
): HighRiskNewbornAssessment {
  const ticked = new Set(input.ticked ?? []);
  const computed = new Set<HighRiskNewbornCode>();
  if (input.gestationalWeeks != null && input.gestationalWeeks < config.pretermBelowWeeks) computed.add('preterm');
  if (input.birthWeightG != null && input.birthWeightG < config.lowBirthWeightBelowG) computed.add('low_birth_weight');
  if (
    (input.apgar1 != null && input.apgar1 <= config.asphyxiaApgarAtMost) ||
    (input.apgar5 != null && input.apgar5 <= config.asphyxiaApgarAtMost)
  )
    computed.add('asphyxia');
  if (input.maternalAgeYears != null && input.maternalAgeYears >= config.maternalAgeAtLeast)
    computed.add('maternal_risk');
  const findings = config.criteria.map((c): HighRiskNewbornFinding => {
    const byC = computed.has(c.code);
    const byT = ticked.has(c.code);
    return {
      code: c.code,
      label: c.label,
      present: byC || byT,
      by: byC && byT ? 'both' : byC ? 'computed' : byT ? 'ticked' : null,
      evidence: c.evidence,
    };
  });
  const known = new Set<string>(config.criteria.map((c) => c.code));
  const presentCodes = findings.filter((f) => f.present).map((f) => f.code);
  return {
    highRisk: presentCodes.length > 0,
    presentCodes,
    findings,
    unknownCodes: [...ticked].filter((c) => !known.has(c)),
  };
}

/** Preterm risk grade. */
export type PretermRiskGrade = 'low' | 'high';

/** One follow-up band on the corrected-age timeline: until `toMonths` corrected (exclusive), every `every`. */
export interface PretermFollowUpBand {
  toMonths: number;
  /** The planned interval (the shorter end of the range). */
  every: ChildOffset;
  /** The longest allowed interval (the longer end of the range). */
  atMost: ChildOffset;
  label: ChildLabel;
}

/** Preterm grading thresholds and follow-up schedules, as versioned configuration. */
export interface PretermConfig extends ChildRuleSet {
  pretermBelowWeeks: number;
  termDays: number;
  lowRiskFromWeeks: number;
  lowRiskFromWeightG: number;
  /** Follow-up ends at this corrected age, months [L]. */
  endCorrectedMonths: number;
  schedule: Record<PretermRiskGrade, readonly PretermFollowUpBand[]>;
}

/** The national preterm rules (早产儿保健工作规范 2017) [R]. */
export const NATIONAL_PRETERM_RULES: PretermConfig = {
  meta: childNationalMeta(
    'preterm-cn',
    '2017.1',
    { zh: '早产儿风险分级与随访', en: 'Preterm risk grading and follow-up' },
    'L',
    ['早产儿保健工作规范（国卫办妇幼发〔2017〕9号）'],
    'risk grading and follow-up intervals [R]; end of follow-up at corrected 36 months [L]',
  ),
  pretermBelowWeeks: 37,
  termDays: 280,
  lowRiskFromWeeks: 34,
  lowRiskFromWeightG: 2000,
  endCorrectedMonths: 36,
  schedule: {
    low: [
      {
        toMonths: 6,
        every: { months: 1 },
        atMost: { months: 2 },
        label: { zh: '矫正6月龄内每1–2个月1次', en: 'every 1–2 months to CA 6 months' },
      },
      {
        toMonths: 12,
        every: { months: 2 },
        atMost: { months: 3 },
        label: { zh: '矫正7–12月龄每2–3个月1次', en: 'every 2–3 months at CA 7–12 months' },
      },
      {
        toMonths: 1000,
        every: { months: 6 },
        atMost: { months: 6 },
        label: { zh: '矫正12月龄后至少每半年1次', en: 'at least every 6 months after CA 12 months' },
      },
    ],
    high: [
      {
        toMonths: 1,
        every: { days: 14 },
        atMost: { days: 14 },
        label: { zh: '矫正1月龄内每2周1次', en: 'every 2 weeks to CA 1 month' },
      },
      {
        toMonths: 6,
        every: { months: 1 },
        atMost: { months: 1 },
        label: { zh: '矫正1–6月龄每月1次', en: 'monthly at CA 1–6 months' },
      },
      {
        toMonths: 12,
        every: { months: 2 },
        atMost: { months: 2 },
        label: { zh: '矫正7–12月龄每2个月1次', en: 'every 2 months at CA 7–12 months' },
      },
      {
        toMonths: 24,
        every: { months: 3 },
        atMost: { months: 3 },
        label: { zh: '矫正13–24月龄每3个月1次', en: 'every 3 months at CA 13–24 months' },
      },
      {
        toMonths: 1000,
        every: { months: 6 },
        atMost: { months: 6 },
        label: { zh: '矫正24月龄后每半年1次', en: 'every 6 months after CA 24 months' },
      },
    ],
  },
};

/** Input of {@link gradePretermRisk}. */
export interface PretermRiskInput {
  gestationalWeeks: number;
  gestationalDays?: number | null;
  /** Unknown weight: the grade cannot be low. */
  birthWeightG?: number | null;
  /** Serious early complication (e.g. BPD, NEC, IVH ≥ III, ROP needing treatment). */
  seriousComplication?: boolean;
  feedingDifficulty?: boolean;
  poorWeightGain?: boolean;
}

/** Result of {@link gradePretermRisk}: null grade for a child born at term. */
export interface PretermRiskResult {
  grade: PretermRiskGrade | null;
  reasons: ChildLabel[];
}

/**
 * 早产儿 risk grade [R]: low = ≥34 weeks and ≥2000 g with no serious complication, no feeding difficulty and no
 * poor weight gain; high otherwise (an unknown birth weight cannot be graded low). Null grade at ≥37 weeks. Fails
 * with `invalid_gestational_age`.
 */
export function gradePretermRisk(
  input: PretermRiskInput,
  config: PretermConfig = NATIONAL_PRETERM_RULES,
): ChildResult<PretermRiskResult> {
  const w = input.gestationalWeeks;
  const d = input.gestationalDays ?? 0;
  if (!Number.isInteger(w) || w < 20 || w > 45 || !Number.isInteger(d) || d < 0 || d > 6)
    return childFailure('invalid_gestational_age', 'gestationalWeeks');
  if (w >= config.pretermBelowWeeks) return childOk({ grade: null, reasons: [] });
  const reasons: ChildLabel[] = [];
  if (w < config.lowRiskFromWeeks)
    reasons.push({ zh: `胎龄<${config.lowRiskFromWeeks}周`, en: `gestation below ${config.lowRiskFromWeeks} weeks` });
  if (input.birthWeightG == null) reasons.push({ zh: '出生体重不详', en: 'birth weight unknown' });
  else if (input.birthWeightG < config.lowRiskFromWeightG)
    reasons.push({
      zh: `出生体重<${config.lowRiskFromWeightG} g`,
      en: `birth weight below ${config.lowRiskFromWeightG} g`,
    });
  if (input.seriousComplication) reasons.push({ zh: '严重并发症', en: 'serious complication' });
  if (input.feedingDifficulty) reasons.push({ zh: '喂养困难', en: 'feeding difficulty' });
  if (input.poorWeightGain) reasons.push({ zh: '体重增长缓慢', en: 'poor weight gain' });
  return childOk({ grade: reasons.length ? 'high' : 'low', reasons });
}

/** Input of {@link pretermFollowUpDates}. */
export interface PretermFollowUpInput {
  birthDate: string;
  gestationalWeeks: number;
  gestationalDays?: number | null;
  grade: PretermRiskGrade;
  /** Follow-up starts from discharge (or from the opening of the case). */
  startDate: string;
}

/** One planned follow-up. */
export interface PretermFollowUpVisit {
  seq: number;
  /** Planned date (the shorter interval after the previous one). */
  date: string;
  /** Latest acceptable date (the longer interval). */
  latestDate: string;
  /** Corrected age on the planned date, days. */
  correctedAgeDays: number;
  /** The band (interval rule) that set this date. */
  band: ChildLabel;
}

/** Result of {@link pretermFollowUpDates}. */
export interface PretermFollowUpPlan {
  grade: PretermRiskGrade;
  termEquivalentDate: string;
  endDate: string;
  visits: PretermFollowUpVisit[];
}

/**
 * The follow-up dates of a preterm infant by corrected age: from `startDate`, each visit is the interval of the band
 * that holds the corrected age at the previous visit, until the end corrected age (36 months [L], the last visit on
 * or before it). Fails on an invalid date or gestational age, or for a child born at term.
 */
export function pretermFollowUpDates(
  input: PretermFollowUpInput,
  config: PretermConfig = NATIONAL_PRETERM_RULES,
): ChildResult<PretermFollowUpPlan> {
  const birth = parseDay(input.birthDate);
  if (birth === null) return childFailure('invalid_date', 'birthDate');
  const start = parseDay(input.startDate);
  if (start === null) return childFailure('invalid_date', 'startDate');
  if (start < birth) return childFailure('date_before_birth', 'startDate');
  const w = input.gestationalWeeks;
  const d = input.gestationalDays ?? 0;
  if (!Number.isInteger(w) || w < 20 || w >= config.pretermBelowWeeks || !Number.isInteger(d) || d < 0 || d > 6)
    return childFailure('invalid_gestational_age', 'gestationalWeeks');
  const term = birth + config.termDays - (w * 7 + d);
  const end = addMonthsToDay(term, config.endCorrectedMonths);
  const bands = config.schedule[input.grade];
  const visits: PretermFollowUpVisit[] = [];
  let prev = start;
  while (visits.length < 200) {
    const band = bands.find((b) => prev < addMonthsToDay(term, b.toMonths)) ?? bands[bands.length - 1];
    if (!band) break;
    const next = addOffset(prev, band.every);
    if (next > end) break;
    visits.push({
      seq: visits.length + 1,
      date: formatDay(next),
      latestDate: formatDay(addOffset(prev, band.atMost)),
      correctedAgeDays: next - term,
      band: band.label,
    });
    prev = next;
  }
  return childOk({ grade: input.grade, termEquivalentDate: formatDay(term), endDate: formatDay(end), visits });
}
