/**
 * Shared shapes of the growth module: sexes, indicators, LMS triples and the pluggable {@link GrowthReference}
 * interface that every growth standard (WHO 2006, WHO 2007, later WS/T 423-2022) implements.
 */

/** Sex of the child as the growth standards use it. */
export type GrowthSex = 'male' | 'female';

/**
 * A growth indicator of a reference table.
 * - `wfa` weight-for-age, `lhfa` length/height-for-age, `bmifa` BMI-for-age, `hcfa` head circumference-for-age:
 *   indexed by age in days;
 * - `wfl` weight-for-length (recumbent, under 24 months), `wfh` weight-for-height (standing, 24 months and over):
 *   indexed by length/height in cm.
 */
export type GrowthIndicator = 'wfa' | 'lhfa' | 'bmifa' | 'hcfa' | 'wfl' | 'wfh';

/** The indicators indexed by age in days. */
export type AgeGrowthIndicator = 'wfa' | 'lhfa' | 'bmifa' | 'hcfa';

/** The indicators indexed by length/height in cm. */
export type LengthGrowthIndicator = 'wfl' | 'wfh';

/** All indicators, in a stable order. */
export const GROWTH_INDICATORS: readonly GrowthIndicator[] = ['wfa', 'lhfa', 'bmifa', 'hcfa', 'wfl', 'wfh'];

/** True for the indicators indexed by age. */
export function isAgeIndicator(indicator: GrowthIndicator): indicator is AgeGrowthIndicator {
  return indicator === 'wfa' || indicator === 'lhfa' || indicator === 'bmifa' || indicator === 'hcfa';
}

/**
 * Indicators whose z-scores beyond ±3 use WHO's restricted application of the LMS method (weight-based indicators:
 * weight-for-age, weight-for-length/height, BMI-for-age).
 */
export const RESTRICTED_INDICATORS: readonly GrowthIndicator[] = ['wfa', 'bmifa', 'wfl', 'wfh'];

/** Box-Cox power L, median M and coefficient of variation S at one point of a reference. */
export interface Lms {
  L: number;
  M: number;
  S: number;
}

/** A zh-CN / en-US label pair. */
export interface GrowthLabel {
  zh: string;
  en: string;
}

/**
 * Id of a growth standard. Known ids: 'who2006' (WHO Child Growth Standards, 0–5 years), 'who2007' (WHO Reference
 * 2007, 5–19 years), 'wst423-2022' (WS/T 423-2022 7岁以下儿童生长标准, not yet shipped). Other ids are allowed
 * for regional references.
 */
export type GrowthStandardId = 'who2006' | 'who2007' | 'wst423-2022' | (string & {});

/** The domain of one indicator in a reference: age in days or length/height in cm, both ends inclusive. */
export interface GrowthDomain {
  unit: 'day' | 'cm';
  min: number;
  max: number;
  /**
   * Ages in days (inclusive) for which a length/height-indexed indicator applies, e.g. WHO 2006 weight-for-length
   * 0–730 days and weight-for-height 731–1856 days. Absent for age-indexed indicators (their domain is the age).
   */
  ageDays?: { min: number; max: number };
}

/**
 * A growth reference (standard) that can be registered and asked for LMS values. Implementations are pure data
 * plus interpolation; loading them from files is the server's job.
 */
export interface GrowthReference {
  /** Standard id, e.g. 'who2006'. Registering a reference with an id already registered replaces it. */
  readonly id: GrowthStandardId;
  /** Display name. */
  readonly name: GrowthLabel;
  /** Where the numbers come from (package, file, publication). */
  readonly source: string;
  /** How LMS values between table rows are obtained, in plain words. */
  readonly method: string;
  /** The indicators this reference has, with their domain; an indicator that is absent is not covered. */
  domain(indicator: GrowthIndicator): GrowthDomain | undefined;
  /**
   * LMS of `indicator` for `sex` at `x`: the age in whole days (age-based indicators; length/height-for-age and
   * BMI-for-age switch from the length to the height curve at 731 days as WHO does) or the length/height in cm
   * (weight-for-length/height). Undefined outside the domain.
   */
  lms(indicator: GrowthIndicator, sex: GrowthSex, x: number): Lms | undefined;
}

/** Number of days in a month as WHO uses it (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

/** WHO's switch from recumbent length to standing height: from 731 days (24 months) on, height is expected. */
export const HEIGHT_FROM_AGE_DAYS = 731;
