import { describe, expect, it } from 'vitest';
import type { IndicatorUnit } from './indicator-types';
import type { ProportionInterval } from './rate-statistics';
import {
  betaQuantile,
  clopperPearsonInterval,
  computeRate,
  DEFAULT_SMALL_NUMBER_THRESHOLDS,
  formatIndicatorValue,
  logGamma,
  rateConfidenceInterval,
  regularizedIncompleteBeta,
  roundIndicatorValue,
  smallNumberWarning,
} from './rate-statistics';

function interval(x: number, n: number, level?: number): ProportionInterval {
  const r = clopperPearsonInterval(x, n, level);
  if ('ok' in r) throw new Error(r.code);
  return r;
}

describe('computeRate = numerator ÷ denominator × multiplier (REFERENCE §3 units)', () => {
  it.each<[string, number, number, IndicatorUnit, number]>([
    ['孕产妇死亡率 1/10万: 3 deaths / 200,000 live births', 3, 200_000, 'per_100k', 1.5],
    ['孕产妇死亡率 1/10万: 1 death / 6,897 live births', 1, 6897, 'per_100k', 14.499057561258518],
    ['婴儿死亡率 ‰: 45 / 10,000', 45, 10_000, '‰', 4.5],
    ['出生缺陷发生率 1/万: 12 / 4,000', 12, 4000, 'per_10k', 30],
    ['系统管理率 %: 930 / 1,000', 930, 1000, '%', 93],
    ['住院分娩率 %: 1 / 3', 1, 3, '%', 33.333333333333336],
    ['心脏超声诊断例数 (count): the numerator itself', 208, 0, 'count', 208],
  ])('%s', (_label, n, d, unit, expected) => {
    expect(computeRate(n, d, unit)).toBeCloseTo(expected, 12);
  });

  it.each<[number, number, IndicatorUnit]>([
    [0, 0, '%'],
    [5, 0, '‰'],
    [-1, 10, '%'],
    [1, -10, '%'],
    [Number.NaN, 10, '%'],
    [1, Number.POSITIVE_INFINITY, '%'],
    [-3, 0, 'count'],
  ])('computeRate(%d, %d, %s) is null', (n, d, unit) => {
    expect(computeRate(n, d, unit)).toBeNull();
  });

  it.each([
    [1.005, 2, 1.01],
    [4.545, 2, 4.55],
    [14.499, 1, 14.5],
    [-2.5, 0, -3],
    [93, 2, 93],
  ])('roundIndicatorValue(%d, %d) = %d (half away from zero)', (v, digits, expected) => {
    expect(roundIndicatorValue(v, digits)).toBe(expected);
  });

  it.each<[number, IndicatorUnit, 'zh' | 'en', string]>([
    [4.5, '‰', 'zh', '4.50‰'],
    [14.5, 'per_100k', 'zh', '14.50/10万'],
    [14.5, 'per_100k', 'en', '14.50 per 100,000'],
    [93.456, '%', 'en', '93.46%'],
    [208, 'count', 'zh', '208例'],
    [30, 'per_10k', 'en', '30.00 per 10,000'],
  ])('formatIndicatorValue(%d, %s, %s) = %s', (v, unit, lang, text) => {
    expect(formatIndicatorValue(v, unit, lang)).toBe(text);
  });
});

describe('special functions', () => {
  it.each([
    ['Γ(1) = 1', 1, 0],
    ['Γ(2) = 1', 2, 0],
    ['Γ(1/2) = √π', 0.5, Math.log(Math.sqrt(Math.PI))],
    ['Γ(10) = 9! = 362880', 10, Math.log(362_880)],
    ['Γ(0.1) = 9.513507698668732', 0.1, Math.log(9.513507698668732)],
    ['Γ(171) = 170! (Stirling check)', 171, 706.5730622457874],
  ])('logGamma: %s', (_label, x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['I_x(1,1) = x', 0.3, 1, 1, 0.3],
    ['I_x(a,1) = x^a', 0.4, 3, 1, 0.4 ** 3],
    ['I_x(1,b) = 1 − (1−x)^b', 0.2, 1, 5, 1 - 0.8 ** 5],
    ['I_½(a,a) = ½', 0.5, 7.5, 7.5, 0.5],
    ['I_0.3(2,3) = P(Bin(4, 0.3) ≥ 2) = 0.3483', 0.3, 2, 3, 0.3483],
    ['binomial tail: P(Bin(10,0.5) ≥ 5) = I_0.5(5,6) = 0.623046875', 0.5, 5, 6, 0.623046875],
  ])('regularizedIncompleteBeta: %s', (_label, x, a, b, expected) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 10);
  });

  it.each([
    [0.3, 2, 3],
    [0.001, 3, 199_998],
    [0.999, 50, 2],
  ])('betaQuantile inverts the incomplete beta at p=%d, a=%d, b=%d', (p, a, b) => {
    expect(regularizedIncompleteBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 12);
  });
});

/**
 * Exact 95% intervals as printed by R `binom.test(x, n)$conf.int` (Clopper–Pearson). The 682/925 case is the
 * example of R's ?binom.test help page; every value was also checked against scipy.stats.beta.ppf (the same
 * beta-quantile formula).
 */
const R_BINOM_TEST: [string, number, number, number, number][] = [
  ['binom.test(0, 10)', 0, 10, 0, 0.3084971],
  ['binom.test(1, 10)', 1, 10, 0.002528579, 0.4450161],
  ['binom.test(5, 10)', 5, 10, 0.187086, 0.812914],
  ['binom.test(9, 10)', 9, 10, 0.5549839, 0.9974714],
  ['binom.test(10, 10)', 10, 10, 0.6915029, 1],
  ['binom.test(2, 5)', 2, 5, 0.05274495, 0.8533672],
  ['binom.test(7, 20)', 7, 20, 0.1539092, 0.5921885],
  ['binom.test(45, 50)', 45, 50, 0.7818646, 0.9667249],
  ['binom.test(c(682, 243)) (R help example)', 682, 925, 0.7076683, 0.7654066],
  ['binom.test(930, 1000)', 930, 1000, 0.9123838, 0.9450285],
  ['binom.test(12, 3500)', 12, 3500, 0.001772809, 0.005981357],
  ['binom.test(1, 4000)', 1, 4000, 6.329432e-6, 0.001392115],
  ['binom.test(3, 200000)', 3, 200_000, 3.093371e-6, 4.383573e-5],
  ['binom.test(0, 200000)', 0, 200_000, 0, 1.844423e-5],
  ['binom.test(0, 1)', 0, 1, 0, 0.975],
  ['binom.test(1, 1)', 1, 1, 0.025, 1],
];

describe('Clopper–Pearson exact interval (Clopper & Pearson 1934)', () => {
  it.each(R_BINOM_TEST)('R %s → [%d, %d]', (_label, x, n, lower, upper) => {
    const ci = interval(x, n);
    // R prints 7 significant digits: compare relatively
    if (lower === 0) expect(ci.lower).toBe(0);
    else expect(Math.abs(ci.lower - lower) / lower).toBeLessThan(1e-6);
    if (upper === 1) expect(ci.upper).toBe(1);
    else expect(Math.abs(ci.upper - upper) / upper).toBeLessThan(1e-6);
  });

  it.each([
    ['binom.test(5, 10, conf.level = 0.99)', 0.99, 0.1283106, 0.8716894],
    ['binom.test(5, 10, conf.level = 0.90)', 0.9, 0.2224411, 0.7775589],
  ])('R %s', (_label, level, lower, upper) => {
    const ci = interval(5, 10, level);
    expect(ci.lower).toBeCloseTo(lower, 6);
    expect(ci.upper).toBeCloseTo(upper, 6);
    expect(ci.level).toBe(level);
  });

  it('3/200,000 agrees with the exact Poisson (Garwood) limits χ²(0.025, 6)/2 = 0.6186721 and χ²(0.975, 8)/2 = 8.767273 events', () => {
    const ci = interval(3, 200_000);
    expect((ci.lower * 200_000) / 0.6186721).toBeCloseTo(1, 4);
    expect((ci.upper * 200_000) / 8.767273).toBeCloseTo(1, 4);
  });

  it.each([
    [3, 10],
    [17, 250],
    [1, 7],
  ])('is symmetric: CI(%d, %d) mirrors CI(n−x, n)', (x, n) => {
    const a = interval(x, n);
    const b = interval(n - x, n);
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });

  it('a 99% interval contains the 95% interval', () => {
    const i95 = interval(12, 3500);
    const i99 = interval(12, 3500, 0.99);
    expect(i99.lower).toBeLessThan(i95.lower);
    expect(i99.upper).toBeGreaterThan(i95.upper);
  });

  it('handles a national-size denominator (12,345 / 9,876,543; scipy beta.ppf 0.00122799176402, 0.00127216399518)', () => {
    const ci = interval(12_345, 9_876_543);
    expect(ci.lower / 0.0012279917640219088).toBeCloseTo(1, 8);
    expect(ci.upper / 0.0012721639951840207).toBeCloseTo(1, 8);
  });

  it.each([
    [-1, 10, 0.95, 'invalid_count'],
    [1.5, 10, 0.95, 'invalid_count'],
    [1, 0, 0.95, 'zero_denominator'],
    [11, 10, 0.95, 'numerator_exceeds_denominator'],
    [1, 10, 1, 'invalid_confidence_level'],
    [1, 10, 0, 'invalid_confidence_level'],
  ])('clopperPearsonInterval(%d, %d, %d) fails with %s', (x, n, level, code) => {
    expect(clopperPearsonInterval(x, n, level)).toMatchObject({ ok: false, code });
  });
});

describe('rate confidence interval in the indicator unit', () => {
  it.each<[string, number, number, IndicatorUnit, number, number, number]>([
    ['孕产妇死亡率 3/200,000 per 100,000', 3, 200_000, 'per_100k', 1.5, 0.3093371, 4.383573],
    ['孕产妇死亡率 0/200,000 per 100,000', 0, 200_000, 'per_100k', 0, 0, 1.844423],
    ['婴儿死亡率 12/3,500 ‰', 12, 3500, '‰', 3.428571, 1.772809, 5.981357],
    ['出生缺陷发生率 1/4,000 per 10,000', 1, 4000, 'per_10k', 2.5, 0.06329432, 13.92115],
    ['系统管理率 930/1,000 %', 930, 1000, '%', 93, 91.23838, 94.50285],
  ])('%s', (_label, n, d, unit, value, lower, upper) => {
    const r = rateConfidenceInterval(n, d, unit);
    if ('ok' in r) throw new Error(r.code);
    expect(r.value).toBeCloseTo(value, 5);
    expect(r.lower).toBeCloseTo(lower, 5);
    expect(r.upper).toBeCloseTo(upper, 4);
    expect(r.unit).toBe(unit);
  });

  it('a count has no rate interval', () => {
    expect(rateConfidenceInterval(208, 0, 'count')).toMatchObject({ ok: false, code: 'not_a_rate' });
  });

  it('passes input errors through', () => {
    expect(rateConfidenceInterval(5, 0, '‰')).toMatchObject({ ok: false, code: 'zero_denominator' });
  });
});

describe('small-number warning (convention, configurable)', () => {
  it('the defaults are flagged as a convention to confirm', () => {
    expect(DEFAULT_SMALL_NUMBER_THRESHOLDS).toMatchObject({ status: 'to_confirm', confirmed: false, minNumerator: 5 });
  });

  it.each<[string, number, number, IndicatorUnit, string[] | null]>([
    ['2 maternal deaths / 3,000 live births', 2, 3000, 'per_100k', ['small_numerator']],
    ['1 maternal death / 800 live births', 1, 800, 'per_100k', ['small_numerator', 'small_denominator']],
    ['6 maternal deaths / 800 live births', 6, 800, 'per_100k', ['small_denominator']],
    ['20 maternal deaths / 150,000 live births', 20, 150_000, 'per_100k', null],
    ['4 infant deaths / 5,000 live births', 4, 5000, '‰', ['small_numerator']],
    ['5 infant deaths / 5,000 live births (threshold is "fewer than 5")', 5, 5000, '‰', null],
    ['20 / 25 women (percentage, small denominator)', 20, 25, '%', ['small_denominator']],
    ['930 / 1,000 women', 930, 1000, '%', null],
    ['a count is never flagged', 1, 0, 'count', null],
  ])('%s', (_label, n, d, unit, reasons) => {
    const w = smallNumberWarning(n, d, unit);
    if (reasons === null) expect(w).toBeNull();
    else expect(w?.reasons).toEqual(reasons);
  });

  it('thresholds are configurable', () => {
    const strict = { minNumerator: 20, minDenominator: { '%': 100, '‰': 10_000, per_10k: 10_000, per_100k: 100_000 } };
    expect(smallNumberWarning(20, 150_000, 'per_100k', strict)).toBeNull();
    expect(smallNumberWarning(19, 150_000, 'per_100k', strict)?.reasons).toEqual(['small_numerator']);
    expect(smallNumberWarning(50, 90_000, 'per_100k', strict)?.minDenominator).toBe(100_000);
  });

  it('has zh and en messages naming the numbers', () => {
    const w = smallNumberWarning(2, 800, 'per_100k');
    expect(w?.code).toBe('small_numbers');
    expect(w?.messageZh).toContain('分子（2）少于5');
    expect(w?.messageZh).toContain('分母（800）少于1000');
    expect(w?.messageEn).toContain('numerator (2) is below 5');
  });
});
