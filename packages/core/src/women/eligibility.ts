/**
 * Who is due for the two-cancer screening and when (REFERENCE §9, §3): women aged 35–64 on the screening date,
 * rural and urban, with rural and urban low-income women first; the next due date per method and last outcome;
 * and the target age band of the gynaecological common-disease survey (妇女常见病筛查, 20–64 [R]).
 */
import type { BreastIntervalConfig, BreastNextStep, BreastScreeningMethod } from './breast-screening';
import { BREAST_INTERVALS_NATIONAL, BREAST_NEXT_STEP_LABELS, breastRoutineIntervalMonths } from './breast-screening';
import type { CervicalIntervalConfig, CervicalNextStep, CervicalScreeningMethod } from './cervical-screening';
import {
  CERVICAL_INTERVALS_NATIONAL,
  CERVICAL_NEXT_STEP_LABELS,
  cervicalRoutineIntervalMonths,
} from './cervical-screening';
import type { WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addMonths, ageInYears, isIsoDate } from './women-dates';

/** Population groups of the programme. */
export type CancerScreeningCohort = 'rural' | 'urban_low_income' | 'general';

/** zh/en labels of {@link CancerScreeningCohort}. */
export const CANCER_SCREENING_COHORT_LABELS: Record<CancerScreeningCohort, { zh: string; en: string }> = {
  rural: { zh: '农村（农村牧区）妇女', en: 'Rural women' },
  urban_low_income: { zh: '城镇低保家庭妇女', en: 'Urban women of low-income (dibao) households' },
  general: { zh: '其他城乡适龄妇女', en: 'Other women of screening age' },
};

/** Eligibility rules of the two-cancer programme. */
export interface CancerScreeningEligibilityConfig extends WomenRuleSet {
  /** Youngest age (completed years) on the screening date. */
  minAge: number;
  /** Oldest age (completed years) on the screening date. */
  maxAge: number;
  /** Cohorts the programme covers. */
  coveredCohorts: readonly CancerScreeningCohort[];
  /** Cohorts screened first (funded priority groups). */
  priorityCohorts: readonly CancerScreeningCohort[];
}

/**
 * National eligibility: age 35–64 [C]; urban and rural women since the 2021 方案 [C]; rural and urban low-income
 * women as priority groups [R, seeds 002 and 004].
 */
export const CANCER_SCREENING_ELIGIBILITY_NATIONAL: CancerScreeningEligibilityConfig = {
  meta: nationalMeta(
    'cancer-screening-eligibility',
    '2021',
    'R',
    ['宫颈癌和乳腺癌筛查工作方案 (2021)', 'REFERENCE §9', 'seeds 002, 004'],
    'Whether the "general" cohort is covered by the funded programme in every province.',
  ),
  minAge: 35,
  maxAge: 64,
  coveredCohorts: ['rural', 'urban_low_income', 'general'],
  priorityCohorts: ['rural', 'urban_low_income'],
};

/** Why a woman is not eligible. */
export type CancerScreeningIneligibleReason = 'too_young' | 'too_old' | 'cohort_not_covered' | 'not_female';

/** zh/en labels of {@link CancerScreeningIneligibleReason}. */
export const CANCER_SCREENING_INELIGIBLE_LABELS: Record<CancerScreeningIneligibleReason, { zh: string; en: string }> = {
  too_young: { zh: '未达到筛查年龄', en: 'Younger than the screening age' },
  too_old: { zh: '超过筛查年龄', en: 'Older than the screening age' },
  cohort_not_covered: { zh: '所属人群不在项目覆盖范围内', en: 'Her group is not covered by the programme' },
  not_female: { zh: '非女性', en: 'Not female' },
};

/** Input of {@link checkCancerScreeningEligibility}. */
export interface CancerScreeningEligibilityInput {
  birthDate: string;
  screeningDate: string;
  cohort: CancerScreeningCohort;
  sex?: 'female' | 'male';
}

/** Result of {@link checkCancerScreeningEligibility}. */
export interface CancerScreeningEligibility {
  ok: true;
  eligible: boolean;
  /** Completed years on the screening date. */
  ageAtScreening: number;
  reasons: CancerScreeningIneligibleReason[];
  /** True when eligible and in a priority cohort. */
  priority: boolean;
}

/** Date-input errors of this module. */
export type EligibilityErrorCode = 'INVALID_DATE' | 'DATE_BEFORE_BIRTH' | 'OUTCOME_METHOD_MISMATCH';

function checkDates(birthDate: string, date: string): WomenRuleError<EligibilityErrorCode> | null {
  if (!isIsoDate(birthDate))
    return womenRuleError('INVALID_DATE', `出生日期“${birthDate}”无效`, `Invalid birth date "${birthDate}"`);
  if (!isIsoDate(date)) return womenRuleError('INVALID_DATE', `日期“${date}”无效`, `Invalid date "${date}"`);
  if (date < birthDate)
    return womenRuleError('DATE_BEFORE_BIRTH', '日期早于出生日期', 'The date is before the birth date');
  return null;
}

/**
 * Checks two-cancer screening eligibility on the screening date.
 * @example checkCancerScreeningEligibility({ birthDate: '1980-05-01', screeningDate: '2025-05-01', cohort: 'rural' })
 * // { ok: true, eligible: true, ageAtScreening: 45, reasons: [], priority: true }
 */
export function checkCancerScreeningEligibility(
  input: CancerScreeningEligibilityInput,
  config: CancerScreeningEligibilityConfig = CANCER_SCREENING_ELIGIBILITY_NATIONAL,
): CancerScreeningEligibility | WomenRuleError<EligibilityErrorCode> {
  const err = checkDates(input.birthDate, input.screeningDate);
  if (err) return err;
  const age = ageInYears(input.birthDate, input.screeningDate);
  const reasons: CancerScreeningIneligibleReason[] = [];
  if (input.sex === 'male') reasons.push('not_female');
  if (age < config.minAge) reasons.push('too_young');
  if (age > config.maxAge) reasons.push('too_old');
  if (!config.coveredCohorts.includes(input.cohort)) reasons.push('cohort_not_covered');
  const eligible = reasons.length === 0;
  return {
    ok: true,
    eligible,
    ageAtScreening: age,
    reasons,
    priority: eligible && config.priorityCohorts.includes(input.cohort),
  };
}

/** Screening methods of both cancers. */
export type CancerScreeningMethod = CervicalScreeningMethod | BreastScreeningMethod;

/** Input of {@link cancerScreeningNextDue}. */
export interface CancerScreeningNextDueInput {
  method: CancerScreeningMethod;
  /** Date of the last screening test. */
  lastDate: string;
  /** The pathway's outcome of that test (`next` of `cervicalNextStep` / `breastNextStep`). */
  lastOutcome: CervicalNextStep | BreastNextStep;
  /** When given, no due date is returned once she would be past the programme's upper age. */
  birthDate?: string;
}

/** Why the next-due date is what it is. */
export type CancerScreeningDueReason =
  'routine' | 'follow_up' | 'short_interval' | 'repeat_sample' | 'in_case_follow_up' | 'beyond_age_range';

/** Result of {@link cancerScreeningNextDue}. */
export interface CancerScreeningNextDue {
  ok: true;
  /** Null when the woman is in case follow-up or would be past the upper age. */
  dueDate: string | null;
  intervalMonths: number | null;
  reason: CancerScreeningDueReason;
}

/** Configuration used by {@link cancerScreeningNextDue}. */
export interface CancerScreeningScheduleConfig {
  cervical: CervicalIntervalConfig;
  breast: BreastIntervalConfig;
  eligibility: CancerScreeningEligibilityConfig;
}

/** National schedule configuration. */
export const CANCER_SCREENING_SCHEDULE_NATIONAL: CancerScreeningScheduleConfig = {
  cervical: CERVICAL_INTERVALS_NATIONAL,
  breast: BREAST_INTERVALS_NATIONAL,
  eligibility: CANCER_SCREENING_ELIGIBILITY_NATIONAL,
};

const BREAST_METHODS: readonly string[] = ['breast_ultrasound', 'mammography'];

/**
 * Next due date of screening from the last test's method and outcome: routine interval per method after a negative
 * outcome (HPV 5 y, cytology 3 y, breast 3 y, or the programme cycle), 12 months for a follow-up outcome, the short
 * interval after a BI-RADS 3 review, none while an abnormal result is being followed as a case.
 * @example cancerScreeningNextDue({ method: 'hpv', lastDate: '2021-03-01', lastOutcome: 'routine_rescreen' })
 * // { ok: true, dueDate: '2026-03-01', intervalMonths: 60, reason: 'routine' }
 */
export function cancerScreeningNextDue(
  input: CancerScreeningNextDueInput,
  config: CancerScreeningScheduleConfig = CANCER_SCREENING_SCHEDULE_NATIONAL,
): CancerScreeningNextDue | WomenRuleError<EligibilityErrorCode> {
  if (!isIsoDate(input.lastDate)) {
    return womenRuleError('INVALID_DATE', `检查日期“${input.lastDate}”无效`, `Invalid test date "${input.lastDate}"`);
  }
  if (input.birthDate !== undefined) {
    const err = checkDates(input.birthDate, input.lastDate);
    if (err) return err;
  }
  const breast = BREAST_METHODS.includes(input.method);
  const outcomes = breast ? BREAST_NEXT_STEP_LABELS : CERVICAL_NEXT_STEP_LABELS;
  if (!Object.prototype.hasOwnProperty.call(outcomes, input.lastOutcome)) {
    return womenRuleError(
      'OUTCOME_METHOD_MISMATCH',
      `“${input.lastOutcome}”不是${breast ? '乳腺癌' : '宫颈癌'}筛查的结果`,
      `"${input.lastOutcome}" is not an outcome of ${breast ? 'breast' : 'cervical'} screening`,
    );
  }
  let months: number | null;
  let reason: CancerScreeningDueReason;
  switch (input.lastOutcome) {
    case 'routine_rescreen':
      months = breast
        ? breastRoutineIntervalMonths(config.breast)
        : cervicalRoutineIntervalMonths(input.method as CervicalScreeningMethod, config.cervical);
      reason = 'routine';
      break;
    case 'repeat_in_12_months':
      months = config.cervical.followUpMonths;
      reason = 'follow_up';
      break;
    case 'short_interval_follow_up':
      months = config.breast.shortIntervalFollowUpMonths;
      reason = 'short_interval';
      break;
    case 'repeat_sample':
      months = 0;
      reason = 'repeat_sample';
      break;
    default:
      return { ok: true, dueDate: null, intervalMonths: null, reason: 'in_case_follow_up' };
  }
  const dueDate = addMonths(input.lastDate, months);
  if (input.birthDate !== undefined && ageInYears(input.birthDate, dueDate) > config.eligibility.maxAge) {
    return { ok: true, dueDate: null, intervalMonths: months, reason: 'beyond_age_range' };
  }
  return { ok: true, dueDate, intervalMonths: months, reason };
}

/** Target age band of the gynaecological common-disease survey. */
export interface GynSurveyTargetConfig extends WomenRuleSet {
  minAge: number;
  maxAge: number;
}

/** National gynaecological survey target: women aged 20–64 [R] (REFERENCE §3 妇女常见病筛查率). */
export const GYN_SURVEY_TARGET_NATIONAL: GynSurveyTargetConfig = {
  meta: nationalMeta(
    'gyn-survey-target',
    '2020',
    'R',
    ['妇幼健康统计调查制度 卫统44 妇女常见病筛查', 'REFERENCE §3'],
    'The 20–64 age band of the denominator.',
  ),
  minAge: 20,
  maxAge: 64,
};

/**
 * Whether a woman is in the target population of the gynaecological survey on a date.
 * @example isGynSurveyTarget('2005-06-01', '2025-06-01') // { ok: true, target: true, age: 20 }
 */
export function isGynSurveyTarget(
  birthDate: string,
  date: string,
  config: GynSurveyTargetConfig = GYN_SURVEY_TARGET_NATIONAL,
): { ok: true; target: boolean; age: number } | WomenRuleError<EligibilityErrorCode> {
  const err = checkDates(birthDate, date);
  if (err) return err;
  const age = ageInYears(birthDate, date);
  return { ok: true, target: age >= config.minAge && age <= config.maxAge, age };
}
