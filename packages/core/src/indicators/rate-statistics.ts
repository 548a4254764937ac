/**
 * Pure statistics of the indicators: a rate from its counts, the exact (Clopper–Pearson) confidence interval of a
 * proportion, the same interval scaled to the indicator's unit, and a warning when the counts are too small for the
 * rate to be stable.
 *
 * The Clopper–Pearson limits are beta quantiles: lower = B⁻¹(α/2; x, n−x+1), upper = B⁻¹(1−α/2; x+1, n−x)
 * (Clopper & Pearson 1934). The quantile is found by bisection on the regularized incomplete beta function
 * I_x(a, b), evaluated with its continued fraction (modified Lentz; Press et al., Numerical Recipes §6.4) and a
 * Lanczos log-gamma. This is what R's `binom.test` reports.
 */
import type { IndicatorError, IndicatorUnit } from './indicator-types';
import { INDICATOR_UNIT_LABELS, INDICATOR_UNIT_MULTIPLIERS, indicatorError } from './indicator-types';

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

/**
 * The indicator value numerator ÷ denominator × multiplier of `unit` (for `count`, the numerator itself).
 * Returns null when the denominator is 0 or either number is negative or not finite. The value is not rounded
 * (see {@link roundIndicatorValue}).
 * @example computeRate(3, 200_000, 'per_100k') // 1.5
 */
export function computeRate(numerator: number, denominator: number, unit: IndicatorUnit): number | null {
  if (!Number.isFinite(numerator) || numerator < 0) return null;
  if (unit === 'count') return numerator;
  if (!Number.isFinite(denominator) || denominator <= 0) return null;
  return (numerator * INDICATOR_UNIT_MULTIPLIERS[unit]) / denominator;
}

/**
 * Rounds half away from zero to `digits` decimals, without the binary-fraction surprises of `toFixed`
 * (roundIndicatorValue(1.005, 2) = 1.01).
 */
export function roundIndicatorValue(value: number, digits = 2): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(value) * rounded) / factor;
}

/**
 * A value with its unit for display: '4.52‰', '14.50/10万' (zh) or '14.50 per 100,000' (en).
 */
export function formatIndicatorValue(
  value: number,
  unit: IndicatorUnit,
  lang: 'zh' | 'en' = 'zh',
  digits?: number,
): string {
  const d = digits ?? (unit === 'count' ? 0 : 2);
  const text = roundIndicatorValue(value, d).toFixed(d);
  const label = INDICATOR_UNIT_LABELS[unit][lang];
  return unit === '%' || unit === '‰' || lang === 'zh' ? `${text}${label}` : `${text} ${label}`;
}

// ── Special functions ────────────────────────────────────────────────────────────────────────────────────────────

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0 (Lanczos approximation, g = 7, about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0] ?? 1;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += (LANCZOS_COEFFICIENTS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const maxIterations = 100_000;
  const epsilon = 1e-16;
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b), with a, b > 0 and 0 ≤ x ≤ 1.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * The p-quantile of Beta(a, b): the x with I_x(a, b) = p, found by bisection to full double precision.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-15 * hi) break;
  }
  return (lo + hi) / 2;
}

// ── Confidence intervals ─────────────────────────────────────────────────────────────────────────────────────────

/** A confidence interval of a proportion (0–1). */
export interface ProportionInterval {
  lower: number;
  upper: number;
  level: number;
  method: 'clopper_pearson';
}

/**
 * The exact (Clopper–Pearson) confidence interval of the proportion x/n, as proportions between 0 and 1.
 * x = 0 gives lower 0; x = n gives upper 1. Errors: `invalid_count` (not non-negative integers),
 * `zero_denominator`, `numerator_exceeds_denominator`, `invalid_confidence_level`.
 * @example clopperPearsonInterval(1, 10) // { lower: 0.002529, upper: 0.4450, … }
 */
export function clopperPearsonInterval(x: number, n: number, level = 0.95): ProportionInterval | IndicatorError {
  if (!isCount(x) || !isCount(n)) return indicatorError('invalid_count');
  if (n === 0) return indicatorError('zero_denominator');
  if (x > n) return indicatorError('numerator_exceeds_denominator');
  if (!(level > 0 && level < 1)) return indicatorError('invalid_confidence_level');
  const alpha = 1 - level;
  const lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
  return { lower, upper, level, method: 'clopper_pearson' };
}

/** An indicator value with its confidence interval, all in the indicator's unit. */
export interface RateInterval {
  value: number;
  lower: number;
  upper: number;
  unit: IndicatorUnit;
  level: number;
  method: 'clopper_pearson';
}

/**
 * The indicator value and its exact confidence interval in the indicator's unit: the Clopper–Pearson limits of
 * numerator/denominator times the unit's multiplier (e.g. ×100,000 for maternal mortality).
 * Errors as {@link clopperPearsonInterval}, plus `not_a_rate` for `count`.
 * @example rateConfidenceInterval(3, 200_000, 'per_100k') // { value: 1.5, lower: 0.3093, upper: 4.3836, … }
 */
export function rateConfidenceInterval(
  numerator: number,
  denominator: number,
  unit: IndicatorUnit,
  level = 0.95,
): RateInterval | IndicatorError {
  if (unit === 'count') return indicatorError('not_a_rate');
  const ci = clopperPearsonInterval(numerator, denominator, level);
  if ('ok' in ci) return ci;
  const k = INDICATOR_UNIT_MULTIPLIERS[unit];
  return {
    value: (numerator * k) / denominator,
    lower: ci.lower * k,
    upper: ci.upper * k,
    unit,
    level,
    method: 'clopper_pearson',
  };
}

// ── Small numbers ────────────────────────────────────────────────────────────────────────────────────────────────

/** Thresholds under which a rate is flagged as based on small numbers. */
export interface SmallNumberThresholds {
  /** Flag when the numerator (events) is below this. */
  minNumerator: number;
  /** Flag when the denominator is below this, per unit (`count` indicators are never flagged). */
  minDenominator: Readonly<Record<Exclude<IndicatorUnit, 'count'>, number>>;
  /** A convention, not a national rule: always 'to_confirm'. */
  status: 'to_confirm';
  confirmed: false;
  source: string;
}

/**
 * Default thresholds [L]: fewer than 5 events, or fewer than 1,000 in the denominator of a ‰ / per-10,000 /
 * per-100,000 rate (a county of a few thousand births), or fewer than 30 in the denominator of a percentage.
 * These are a statistical convention, not a national rule; regions may pass their own.
 */
export const DEFAULT_SMALL_NUMBER_THRESHOLDS: SmallNumberThresholds = {
  minNumerator: 5,
  minDenominator: { '%': 30, '‰': 1000, per_10k: 1000, per_100k: 1000 },
  status: 'to_confirm',
  confirmed: false,
  source: 'statistical convention (small-number rule for rates); thresholds configurable per region',
};

/** Why a rate was flagged. */
export type SmallNumberReason = 'small_numerator' | 'small_denominator';

/** A warning that a rate rests on small numbers, with zh-CN / en-US text. */
export interface SmallNumberWarning {
  code: 'small_numbers';
  reasons: SmallNumberReason[];
  numerator: number;
  denominator: number;
  minNumerator: number;
  minDenominator: number;
  messageZh: string;
  messageEn: string;
}

/**
 * A warning when the rate numerator/denominator rests on too few events or too small a population to be stable,
 * else null. `count` units and invalid counts (negative, not finite) give null.
 * @example smallNumberWarning(2, 3_000, 'per_100k')?.reasons // ['small_numerator']
 */
export function smallNumberWarning(
  numerator: number,
  denominator: number,
  unit: IndicatorUnit,
  thresholds: Pick<SmallNumberThresholds, 'minNumerator' | 'minDenominator'> = DEFAULT_SMALL_NUMBER_THRESHOLDS,
): SmallNumberWarning | null {
  if (unit === 'count') return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) return null;
  const minDenominator = thresholds.minDenominator[unit];
  const reasons: SmallNumberReason[] = [];
  if (numerator < thresholds.minNumerator) reasons.push('small_numerator');
  if (denominator < minDenominator) reasons.push('small_denominator');
  if (reasons.length === 0) return null;
  const zhParts: string[] = [];
  const enParts: string[] = [];
  if (reasons.includes('small_numerator')) {
    zhParts.push(`分子（${numerator}）少于${thresholds.minNumerator}`);
    enParts.push(`the numerator (${numerator}) is below ${thresholds.minNumerator}`);
  }
  if (reasons.includes('small_denominator')) {
    zhParts.push(`分母（${denominator}）少于${minDenominator}`);
    enParts.push(`the denominator (${denominator}) is below ${minDenominator}`);
  }
  return {
    code: 'small_numbers',
    reasons,
    numerator,
    denominator,
    minNumerator: thresholds.minNumerator,
    minDenominator,
    messageZh: `${zhParts.join('，')}：基于小数字的率波动大，请结合置信区间或多年合并数据解读。`,
    messageEn: `Small numbers: ${enParts.join(' and ')}. The rate is unstable; read it with its confidence interval or pool several years.`,
  };
}
