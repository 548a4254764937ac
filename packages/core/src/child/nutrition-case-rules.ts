/**
 * Case rules of the nutritional diseases (儿童营养性疾病管理技术规范, 卫办妇社发〔2012〕49号; REFERENCE §5.1–§5.3):
 * follow-up intervals, referral criteria and closure criteria, as versioned configuration. Classification itself
 * (z-score bands, Hb cut-offs and grades) is in `growth/` (`classifyNutrition`); this file reuses it for anaemia.
 *
 * - Undernutrition: monthly follow-up until growth is normal [C]; refer severe cases, moderate cases with poor
 *   weight gain after 2 treatment visits, or poor length gain after 3–6 months [C]; close when W/A, L/A(H/A) and
 *   W/L(H) are all ≥ M−2SD [R].
 * - Anaemia: re-check Hb after 2–4 weeks [R]; refer severe cases, or no response after 1 month of iron (Hb rise
 *   < 10 g/L: the size of the rise is [R]); iron continues about 2 months after Hb normalises [R], so a case closes
 *   when Hb is at or above the cut-off for the age and that course is complete [R].
 * - Rickets (初期 → 活动期 → 恢复期 → 后遗症期): monthly in the active stage, every 2 months in recovery [R]; early
 *   stage monthly [L]; sequelae have no routine follow-up (clinician) [L]; close in recovery when the signs have
 *   gone and the biochemistry is normal [L].
 * - Overweight/obesity (<7 years, W/L(H) or BMI ≥ M+1SD): every 3 months for overweight, monthly for obesity [L];
 *   close when the z-score is back below +1 SD [L].
 */
import type { ChildEvidence, ChildLabel, ChildOffset, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';
import { addMonthsToDay, addOffset, formatDay, parseDay } from './child-dates';
import type { AnaemiaRuleSet } from '../growth/nutrition-classification';
import { classifyNutrition, CN_ANAEMIA_RULES } from '../growth/nutrition-classification';

/** Nutritional-disease case types (GLOSSARY nutritionCase). */
export type NutritionCaseType = 'undernutrition' | 'anaemia' | 'rickets' | 'overweight_obesity';

/** The stages (severity or disease stage) of each case type. */
export const NUTRITION_CASE_STAGES: Record<NutritionCaseType, readonly string[]> = {
  undernutrition: ['mild', 'moderate', 'severe'],
  anaemia: ['mild', 'moderate', 'severe'],
  rickets: ['early', 'active', 'recovery', 'sequelae'],
  overweight_obesity: ['overweight', 'obesity'],
};

/** zh/en labels of the case types and stages. */
export const NUTRITION_CASE_LABELS: Record<
  NutritionCaseType,
  { label: ChildLabel; stages: Record<string, ChildLabel> }
> = {
  undernutrition: {
    label: { zh: '营养不良', en: 'undernutrition' },
    stages: {
      mild: { zh: '轻度', en: 'mild' },
      moderate: { zh: '中度', en: 'moderate' },
      severe: { zh: '重度', en: 'severe' },
    },
  },
  anaemia: {
    label: { zh: '营养性缺铁性贫血', en: 'iron-deficiency anaemia' },
    stages: {
      mild: { zh: '轻度', en: 'mild' },
      moderate: { zh: '中度', en: 'moderate' },
      severe: { zh: '重度', en: 'severe' },
    },
  },
  rickets: {
    label: { zh: '维生素D缺乏性佝偻病', en: 'vitamin D deficiency rickets' },
    stages: {
      early: { zh: '初期', en: 'early stage' },
      active: { zh: '活动期', en: 'active stage' },
      recovery: { zh: '恢复期', en: 'recovery stage' },
      sequelae: { zh: '后遗症期', en: 'sequelae' },
    },
  },
  overweight_obesity: {
    label: { zh: '超重/肥胖', en: 'overweight/obesity' },
    stages: { overweight: { zh: '超重', en: 'overweight' }, obesity: { zh: '肥胖', en: 'obesity' } },
  },
};

/** One follow-up rule: for a stage ('*' = any) and an age band, the next visit is `interval` after the last. */
export interface NutritionFollowUpRule {
  stage: string;
  /** Age band in months [from, to); absent = any age. */
  ageMonths?: { from: number; to: number };
  /** Null: no routine follow-up (the clinician decides). */
  interval: ChildOffset | null;
  /** The earliest useful date, when the rule is a range (Hb re-check 2–4 weeks: earliest 2 weeks). */
  earliest?: ChildOffset;
  label: ChildLabel;
  evidence: ChildEvidence;
}

/** The case rules as versioned configuration. */
export interface NutritionCaseRules extends ChildRuleSet {
  /** The first rule matching the stage and age wins. */
  followUp: Record<NutritionCaseType, readonly NutritionFollowUpRule[]>;
  undernutrition: {
    /** Close when every score is ≥ this z [R]. */
    closureMinZ: number;
    /** Refer a moderate case after this many treatment visits with poor weight gain [C]. */
    referPoorWeightGainVisits: number;
    /** Refer a moderate case when length/height gain is still poor after this many months [C: 3–6]. */
    referPoorLengthGainMonths: number;
  };
  anaemia: {
    /** Refer when Hb rose less than this after `noResponseAfterDays` of iron [R]. */
    responseMinRiseGL: number;
    noResponseAfterDays: number;
    /** Iron continues this many months after Hb normalises; closure waits for it [R]. */
    courseAfterNormalMonths: number;
    /** Cut-offs by age (from growth/). */
    anaemiaRules: AnaemiaRuleSet;
  };
  overweightObesity: {
    /** Close when W/L(H) (or BMI) z is below this [L]. */
    closureBelowZ: number;
  };
}

const SRC_2012 = '儿童营养性疾病管理技术规范（卫办妇社发〔2012〕49号）';

/** The national rules (see the file header for the evidence of each value). */
export const NATIONAL_NUTRITION_CASE_RULES: NutritionCaseRules = {
  meta: childNationalMeta(
    'nutrition-case-cn',
    '2012.1',
    { zh: '营养性疾病专案管理规则', en: 'Nutritional-disease case rules' },
    'L',
    [SRC_2012],
    'undernutrition closure at −2SD [R]; anaemia re-check 2–4 weeks, response rise 10 g/L, course 2 months after ' +
      'normal [R]; rickets intervals [R] and closure [L]; overweight/obesity intervals and closure [L]',
  ),
  followUp: {
    undernutrition: [
      { stage: '*', interval: { months: 1 }, label: { zh: '每月随访1次', en: 'monthly' }, evidence: 'C' },
    ],
    anaemia: [
      {
        stage: '*',
        interval: { days: 28 },
        earliest: { days: 14 },
        label: { zh: '治疗2–4周后复查血红蛋白', en: 'Hb re-check 2–4 weeks after starting iron' },
        evidence: 'R',
      },
    ],
    rickets: [
      {
        stage: 'early',
        interval: { months: 1 },
        label: { zh: '初期每月随访1次', en: 'monthly (early stage)' },
        evidence: 'L',
      },
      {
        stage: 'active',
        interval: { months: 1 },
        label: { zh: '活动期每月随访1次', en: 'monthly (active stage)' },
        evidence: 'R',
      },
      {
        stage: 'recovery',
        interval: { months: 2 },
        label: { zh: '恢复期每2个月随访1次', en: 'every 2 months (recovery)' },
        evidence: 'R',
      },
      {
        stage: 'sequelae',
        interval: null,
        label: { zh: '后遗症期：转诊，由医生决定随访', en: 'sequelae: referral, follow-up by the clinician' },
        evidence: 'L',
      },
    ],
    overweight_obesity: [
      {
        stage: 'overweight',
        interval: { months: 3 },
        label: { zh: '超重每3个月随访1次', en: 'every 3 months (overweight)' },
        evidence: 'L',
      },
      {
        stage: 'obesity',
        interval: { months: 1 },
        label: { zh: '肥胖每月随访1次', en: 'monthly (obesity)' },
        evidence: 'L',
      },
    ],
  },
  undernutrition: { closureMinZ: -2, referPoorWeightGainVisits: 2, referPoorLengthGainMonths: 3 },
  anaemia: {
    responseMinRiseGL: 10,
    noResponseAfterDays: 30,
    courseAfterNormalMonths: 2,
    anaemiaRules: CN_ANAEMIA_RULES,
  },
  overweightObesity: { closureBelowZ: 1 },
};

/** A regional example: follow-up of undernutrition monthly under 3 years, every 3 months from 3 years [L]. */
export const UNDERNUTRITION_AGE_BANDED_FOLLOW_UP: readonly NutritionFollowUpRule[] = [
  {
    stage: '*',
    ageMonths: { from: 0, to: 36 },
    interval: { months: 1 },
    label: { zh: '3岁以下每月随访1次', en: 'monthly under 3 years' },
    evidence: 'L',
  },
  {
    stage: '*',
    ageMonths: { from: 36, to: 1000 },
    interval: { months: 3 },
    label: { zh: '3岁及以上每3个月随访1次', en: 'every 3 months from 3 years' },
    evidence: 'L',
  },
];

/** Result of {@link nextFollowUpDue}. */
export interface NutritionFollowUpDue {
  /** The due date, or null when the stage has no routine follow-up. */
  due: string | null;
  /** The earliest useful date of a range rule (Hb re-check from 2 weeks), else null. */
  earliest: string | null;
  label: ChildLabel;
  evidence: ChildEvidence;
}

function stageKnown(caseType: NutritionCaseType, stage: string): boolean {
  return NUTRITION_CASE_STAGES[caseType]?.includes(stage) ?? false;
}

/**
 * The next follow-up of a case after its last visit (or its opening): by the first rule matching the stage and,
 * when the rule has an age band, `options.ageMonths`. Fails with `unknown_code` for an unknown case type or stage
 * and `invalid_date` for a bad date.
 * @example nextFollowUpDue('rickets', 'recovery', '2024-03-31') // due 2024-05-31
 */
export function nextFollowUpDue(
  caseType: NutritionCaseType,
  stage: string,
  lastVisitDate: string,
  options: { ageMonths?: number; config?: NutritionCaseRules } = {},
): ChildResult<NutritionFollowUpDue> {
  const config = options.config ?? NATIONAL_NUTRITION_CASE_RULES;
  if (!(caseType in NUTRITION_CASE_STAGES)) return childFailure('unknown_code', 'caseType');
  if (!stageKnown(caseType, stage)) return childFailure('unknown_code', 'stage');
  const last = parseDay(lastVisitDate);
  if (last === null) return childFailure('invalid_date', 'lastVisitDate');
  const age = options.ageMonths;
  const rule = config.followUp[caseType].find(
    (r) =>
      (r.stage === '*' || r.stage === stage) &&
      (r.ageMonths === undefined || (age !== undefined && age >= r.ageMonths.from && age < r.ageMonths.to)),
  );
  if (!rule) return childFailure('unknown_code', 'stage', { reason: 'no follow-up rule matches the stage and age' });
  return childOk({
    due: rule.interval === null ? null : formatDay(addOffset(last, rule.interval)),
    earliest: rule.earliest === undefined ? null : formatDay(addOffset(last, rule.earliest)),
    label: rule.label,
    evidence: rule.evidence,
  });
}

/** The latest measures a closure check reads (only those of the case type are used). */
export interface NutritionClosureMeasures {
  /** Latest z-scores (growth/ growthZScores). */
  waz?: number | null;
  lhaz?: number | null;
  wlhz?: number | null;
  bmiz?: number | null;
  /** Latest Hb, g/L, age in months (exact) at that test, and altitude of residence. */
  hbGL?: number | null;
  ageMonths?: number | null;
  altitudeM?: number | null;
  /** Date Hb was first found normal again, and the date of the check (for the 2-month course). */
  hbNormalSince?: string | null;
  onDate?: string | null;
  /** Rickets: current stage, signs gone, biochemistry (Ca, P, ALP, 25(OH)D) normal. */
  ricketsStage?: string | null;
  signsResolved?: boolean | null;
  biochemistryNormal?: boolean | null;
}

/** Result of {@link closureMet}. */
export interface NutritionClosureResult {
  met: boolean;
  /** 'rule' when the measures decide; 'clinician' when no rule decides (rickets sequelae). */
  decidedBy: 'rule' | 'clinician';
  /** Why not (or why), zh/en. */
  reasons: ChildLabel[];
  /** Measures that were needed but absent. */
  missing: string[];
  evidence: ChildEvidence;
}

const fmt = (z: number) => (z < 0 ? `−${Math.abs(z)}` : `+${z}`);

/** Whether a case meets its closure criteria from the latest measures. */
export function closureMet(
  caseType: NutritionCaseType,
  latestMeasures: NutritionClosureMeasures,
  config: NutritionCaseRules = NATIONAL_NUTRITION_CASE_RULES,
): NutritionClosureResult {
  const m = latestMeasures;
  const reasons: ChildLabel[] = [];
  const missing: string[] = [];
  const done = (evidence: ChildEvidence): NutritionClosureResult => ({
    met: reasons.length === 0 && missing.length === 0,
    decidedBy: 'rule',
    reasons,
    missing,
    evidence,
  });
  switch (caseType) {
    case 'undernutrition': {
      const min = config.undernutrition.closureMinZ;
      for (const [key, name] of [
        ['waz', 'W/A'],
        ['lhaz', 'L/A (H/A)'],
        ['wlhz', 'W/L (W/H)'],
      ] as const) {
        const z = m[key];
        if (z === null || z === undefined || !Number.isFinite(z)) missing.push(key);
        else if (z < min)
          reasons.push({
            zh: `${name} Z ${fmt(z)} 仍低于 ${fmt(min)}SD`,
            en: `${name} z ${fmt(z)} still below ${fmt(min)} SD`,
          });
      }
      return done('R');
    }
    case 'anaemia': {
      if (m.hbGL == null || !Number.isFinite(m.hbGL)) missing.push('hbGL');
      if (m.ageMonths == null || !Number.isFinite(m.ageMonths)) missing.push('ageMonths');
      if (missing.length) return done('R');
      const anaemic = classifyNutrition(
        {},
        {
          ageMonths: m.ageMonths as number,
          hbGL: m.hbGL as number,
          anaemiaRules: config.anaemia.anaemiaRules,
          ...(m.altitudeM != null ? { altitudeM: m.altitudeM } : {}),
        },
      ).some((f) => f.condition === 'anaemia');
      if (anaemic)
        reasons.push({
          zh: `Hb ${m.hbGL} g/L 仍低于该年龄界值`,
          en: `Hb ${m.hbGL} g/L still below the cut-off for the age`,
        });
      else if (config.anaemia.courseAfterNormalMonths > 0) {
        const since = m.hbNormalSince ? parseDay(m.hbNormalSince) : null;
        const on = m.onDate ? parseDay(m.onDate) : null;
        if (since === null) missing.push('hbNormalSince');
        if (on === null) missing.push('onDate');
        if (since !== null && on !== null && on < addMonthsToDay(since, config.anaemia.courseAfterNormalMonths))
          reasons.push({
            zh: `Hb恢复正常后需继续补铁${config.anaemia.courseAfterNormalMonths}个月`,
            en: `iron continues ${config.anaemia.courseAfterNormalMonths} months after Hb is normal`,
          });
      }
      return done('R');
    }
    case 'rickets': {
      if (m.ricketsStage === 'sequelae')
        return {
          met: false,
          decidedBy: 'clinician',
          reasons: [{ zh: '后遗症期由医生决定', en: 'sequelae: the clinician decides' }],
          missing,
          evidence: 'L',
        };
      if (!m.ricketsStage) missing.push('ricketsStage');
      else if (m.ricketsStage !== 'recovery')
        reasons.push({ zh: '尚未进入恢复期', en: 'not yet in the recovery stage' });
      if (m.signsResolved == null) missing.push('signsResolved');
      else if (!m.signsResolved) reasons.push({ zh: '症状体征未消失', en: 'signs have not gone' });
      if (m.biochemistryNormal == null) missing.push('biochemistryNormal');
      else if (!m.biochemistryNormal) reasons.push({ zh: '血生化未恢复正常', en: 'biochemistry not yet normal' });
      return done('L');
    }
    case 'overweight_obesity': {
      const z = m.wlhz ?? m.bmiz;
      const below = config.overweightObesity.closureBelowZ;
      if (z == null || !Number.isFinite(z)) missing.push('wlhz');
      else if (z >= below)
        reasons.push({
          zh: `身长（身高）别体重/BMI Z ${fmt(z)} 仍 ≥ ${fmt(below)}SD`,
          en: `W/L(H) or BMI z ${fmt(z)} still ≥ ${fmt(below)} SD`,
        });
      return done('L');
    }
  }
}

/** Input of {@link nutritionReferral}. */
export interface NutritionReferralInput {
  stage: string;
  /** Undernutrition: consecutive treatment visits with poor weight gain. */
  poorWeightGainVisits?: number | null;
  /** Undernutrition: months of treatment with poor length/height gain. */
  poorLengthGainMonths?: number | null;
  /** Anaemia: iron started on, Hb then (g/L), latest Hb and its date. */
  treatmentStartedOn?: string | null;
  hbAtStartGL?: number | null;
  latestHbGL?: number | null;
  latestHbOn?: string | null;
}

/** Result of {@link nutritionReferral}. */
export interface NutritionReferralResult {
  refer: boolean;
  reasons: ChildLabel[];
  /** 'clinician' for case types without a referral rule here (rickets, overweight/obesity). */
  decidedBy: 'rule' | 'clinician';
}

/**
 * Referral criteria: undernutrition severe, or moderate with poor weight gain after 2 treatment visits, or poor
 * length gain after 3 months [C]; anaemia severe, or a rise below 10 g/L after 1 month of iron [R]. Rickets and
 * overweight/obesity have no rule here: the clinician decides.
 */
export function nutritionReferral(
  caseType: NutritionCaseType,
  input: NutritionReferralInput,
  config: NutritionCaseRules = NATIONAL_NUTRITION_CASE_RULES,
): NutritionReferralResult {
  const reasons: ChildLabel[] = [];
  if (caseType === 'undernutrition') {
    const u = config.undernutrition;
    if (input.stage === 'severe') reasons.push({ zh: '重度营养不良', en: 'severe undernutrition' });
    if (input.stage === 'moderate' && (input.poorWeightGainVisits ?? 0) >= u.referPoorWeightGainVisits)
      reasons.push({
        zh: `中度营养不良连续${u.referPoorWeightGainVisits}次治疗体重增长不良`,
        en: `moderate undernutrition with poor weight gain after ${u.referPoorWeightGainVisits} treatment visits`,
      });
    if (input.stage === 'moderate' && (input.poorLengthGainMonths ?? 0) >= u.referPoorLengthGainMonths)
      reasons.push({
        zh: `中度营养不良治疗${u.referPoorLengthGainMonths}个月后身长（身高）增长不良`,
        en: `moderate undernutrition with poor length gain after ${u.referPoorLengthGainMonths} months`,
      });
    return { refer: reasons.length > 0, reasons, decidedBy: 'rule' };
  }
  if (caseType === 'anaemia') {
    const a = config.anaemia;
    if (input.stage === 'severe') reasons.push({ zh: '重度贫血', en: 'severe anaemia' });
    const start = input.treatmentStartedOn ? parseDay(input.treatmentStartedOn) : null;
    const latest = input.latestHbOn ? parseDay(input.latestHbOn) : null;
    if (
      start !== null &&
      latest !== null &&
      latest - start >= a.noResponseAfterDays &&
      input.hbAtStartGL != null &&
      input.latestHbGL != null &&
      input.latestHbGL - input.hbAtStartGL < a.responseMinRiseGL
    )
      reasons.push({
        zh: `补铁治疗1个月Hb上升不足${a.responseMinRiseGL} g/L（治疗无效）`,
        en: `Hb rose less than ${a.responseMinRiseGL} g/L after 1 month of iron (no response)`,
      });
    return { refer: reasons.length > 0, reasons, decidedBy: 'rule' };
  }
  return { refer: false, reasons, decidedBy: 'clinician' };
}
