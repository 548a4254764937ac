import { describe, expect, it } from 'vitest';
import type { GrowthZScores } from './growth-zscores';
import type { NutritionClassificationOptions } from './nutrition-classification';
import {
  ALTITUDE_4_PERCENT,
  adjustHbForAltitude,
  classifyNutrition,
  CN2012_NUTRITION_RULES,
  CN_ANAEMIA_RULES,
  deriveNutritionRuleSet,
  WHO_2011_ALTITUDE_TABLE,
  WHO_ANAEMIA_RULES,
} from './nutrition-classification';

type Z = Partial<GrowthZScores>;
const brief = (z: Z, o: NutritionClassificationOptions) =>
  classifyNutrition(z, o).map((f) => `${f.condition}${f.severity ? `:${f.severity}` : ''}`);

const SRC_51 = '儿童营养性疾病管理技术规范 2012 (REFERENCE §5.1)';

describe(`${SRC_51}: 低体重/生长迟缓/消瘦, M−3SD ≤ x < M−2SD 中度, < M−3SD 重度`, () => {
  it.each([
    ['waz', -1.99, []],
    ['waz', -2.0, []],
    ['waz', -2.01, ['underweight:moderate']],
    ['waz', -3.0, ['underweight:moderate']],
    ['waz', -3.01, ['underweight:severe']],
    ['lhaz', -2.5, ['stunting:moderate']],
    ['lhaz', -3.5, ['stunting:severe']],
    ['wlhz', -2.2, ['wasting:moderate']],
    ['wlhz', -4, ['wasting:severe']],
  ] as const)('%s = %s → %j', (key, z, expected) => {
    expect(brief({ [key]: z, flags: [] }, { ageMonths: 18 })).toEqual(expected);
  });

  it('all three at once, in order underweight, stunting, wasting, with zh/en labels', () => {
    const r = classifyNutrition({ waz: -3.2, lhaz: -2.1, wlhz: -3.1, flags: [] }, { ageMonths: 30 });
    expect(r.map((f) => [f.zh, f.en])).toEqual([
      ['重度低体重', 'severe underweight'],
      ['中度生长迟缓', 'moderate stunting'],
      ['重度消瘦', 'severe wasting'],
    ]);
    expect(r[0]).toMatchObject({ basis: 'waz', value: -3.2 });
  });

  it('消瘦 from BMI/age when there is no W/H (5–7 years, WHO 2007): kept, marked to confirm', () => {
    const r = classifyNutrition({ bmiz: -2.5, flags: [] }, { ageMonths: 70 });
    expect(r).toEqual([
      {
        condition: 'wasting',
        severity: 'moderate',
        zh: '中度消瘦',
        en: 'moderate wasting',
        basis: 'bmiz',
        value: -2.5,
        toConfirm: true,
      },
    ]);
  });

  it('"轻度 −2SD~−1SD" is local practice [L]: off by default, on in a derived rule set', () => {
    expect(brief({ waz: -1.5, flags: [] }, { ageMonths: 12 })).toEqual([]);
    const local = deriveNutritionRuleSet(
      CN2012_NUTRITION_RULES,
      { id: 'nutrition-cn2012-local', region: '33', version: '2012-local.1' },
      { undernutrition: CN2012_NUTRITION_RULES.undernutrition.map((r) => ({ ...r, mildBelow: -1 })) },
    );
    expect(local.meta.status).toBe('to_confirm');
    expect(brief({ waz: -1.5, flags: [] }, { ageMonths: 12, rules: local })).toEqual(['underweight:mild']);
    expect(CN2012_NUTRITION_RULES.undernutrition[0]?.mildBelow).toBeUndefined();
  });

  it('7 years and over: the 2012 规范 (under 7) gives nothing', () => {
    expect(brief({ waz: -3.5, lhaz: -3.5, bmiz: 3, flags: [] }, { ageMonths: 84 })).toEqual([]);
  });

  it('a z-score flagged implausible is kept and marked for re-measurement', () => {
    const r = classifyNutrition({ wlhz: -5.5, flags: ['implausible_wlhz', 'remeasure_requested'] }, { ageMonths: 10 });
    expect(r).toMatchObject([{ condition: 'wasting', severity: 'severe', remeasure: true }]);
  });
});

describe(`${SRC_51}: 7岁以下 M+1SD~M+2SD 超重, ≥M+2SD 肥胖 (W/L(H), or BMI/age)`, () => {
  it.each([
    [{ wlhz: 0.99 }, []],
    [{ wlhz: 1.0 }, ['overweight']],
    [{ wlhz: 1.99 }, ['overweight']],
    [{ wlhz: 2.0 }, ['obesity']],
    [{ wlhz: 3.5 }, ['obesity']],
    [{ wlhz: 0.5, bmiz: 2.5 }, []],
    [{ bmiz: 1.2 }, ['overweight']],
    [{ bmiz: 2.0 }, ['obesity']],
  ] as const)('%j → %j', (z, expected) => {
    expect(brief({ ...z, flags: [] }, { ageMonths: 40 })).toEqual(expected);
  });

  it('labels', () => {
    expect(classifyNutrition({ wlhz: 2.3, flags: [] }, { ageMonths: 40 })).toEqual([
      { condition: 'obesity', zh: '肥胖', en: 'obesity', basis: 'wlhz', value: 2.3 },
    ]);
  });
});

describe('WHO convention (configurable): under 5 > +2SD overweight, > +3SD obese; 5–19 y BMI > +1 / > +2, thinness < −2', () => {
  it.each([
    [{ wlhz: 2.0 }, 30, []],
    [{ wlhz: 2.01 }, 30, ['overweight']],
    [{ wlhz: 3.0 }, 30, ['overweight']],
    [{ wlhz: 3.01 }, 30, ['obesity']],
    [{ wlhz: -2.01 }, 30, ['wasting:moderate']],
    [{ bmiz: 1.0 }, 70, []],
    [{ bmiz: 1.01 }, 70, ['overweight']],
    [{ bmiz: 2.01 }, 70, ['obesity']],
    [{ bmiz: -3.1 }, 70, ['wasting:severe']],
    [{ waz: -2.5 }, 100, ['underweight:moderate']],
    [{ waz: -2.5 }, 121, []],
  ] as const)('%j at %s months → %j', (z, ageMonths, expected) => {
    expect(brief({ ...z, flags: [] }, { ageMonths, standard: 'who' })).toEqual(expected);
  });
});

const SRC_52 =
  '营养性缺铁性贫血 (REFERENCE §5.2): Hb <110 g/L 6月–6岁, <120 g/L 6–14岁 [C]; 轻 90–109, 中 60–89, 重 <60 [R]';

describe(SRC_52, () => {
  it.each([
    [6, 110, []],
    [6, 109, ['anaemia:mild']],
    [36, 90, ['anaemia:mild']],
    [36, 89, ['anaemia:moderate']],
    [36, 60, ['anaemia:moderate']],
    [36, 59, ['anaemia:severe']],
    [5.9, 80, []],
    [71.9, 115, []],
    [72, 115, ['anaemia:mild']],
    [100, 119.9, ['anaemia:mild']],
    [100, 120, []],
    [167, 85, ['anaemia:moderate']],
    [168, 85, []],
  ] as const)('%s months, Hb %s g/L → %j', (ageMonths, hbGL, expected) => {
    expect(brief({ flags: [] }, { ageMonths, hbGL })).toEqual(expected);
  });

  it('grades are [R]: the finding is marked to confirm, with zh/en labels', () => {
    expect(classifyNutrition({ flags: [] }, { ageMonths: 12, hbGL: 95 })).toEqual([
      {
        condition: 'anaemia',
        severity: 'mild',
        zh: '轻度贫血',
        en: 'mild anaemia',
        basis: 'hb',
        value: 95,
        toConfirm: true,
      },
    ]);
    expect(CN_ANAEMIA_RULES.meta.status).toBe('to_confirm');
  });

  it.each([
    [12, 105, 'mild'],
    [12, 99, 'moderate'],
    [12, 69, 'severe'],
  ] as const)('WHO grades (100–109, 70–99, <70): %s months Hb %s → %s', (ageMonths, hbGL, severity) => {
    expect(classifyNutrition({ flags: [] }, { ageMonths, hbGL, standard: 'who' })[0]?.severity).toBe(severity);
  });
});

describe('Altitude: Hb rises about 4% per 1000 m (REFERENCE §5.2) — explicit, to confirm', () => {
  it.each([
    [115, undefined, 115, false],
    [115, 500, 115, false],
    [115, 1000, 115 / 1.04, true],
    [115, 2000, 115 / 1.08, true],
    [130, 3000, 130 / 1.12, true],
  ] as const)('Hb %s g/L at %s m → %s (adjusted %s)', (hb, alt, expected, adjusted) => {
    const r = adjustHbForAltitude(hb, alt);
    expect(r.hbGL).toBeCloseTo(expected, 9);
    expect(r.adjusted).toBe(adjusted);
  });

  it('Hb 115 at 2000 m is anaemia in a 3-year-old (106.5 g/L at sea level); normal at sea level', () => {
    // China's rule set carries the 规范's 4% rule; the WHO 2011 table is selectable as configuration
    expect(CN_ANAEMIA_RULES.altitude).toBe(ALTITUDE_4_PERCENT);
    expect(classifyNutrition({ flags: [] }, { ageMonths: 36, hbGL: 115, altitudeM: 2000 })).toMatchObject([
      { condition: 'anaemia', severity: 'mild', value: 106.5, altitudeAdjustmentGL: 8.5, toConfirm: true },
    ]);
    expect(classifyNutrition({ flags: [] }, { ageMonths: 36, hbGL: 115 })).toEqual([]);
    expect(CN_ANAEMIA_RULES.altitude.status).toBe('to_confirm');
  });
});

const SRC_WHO_ALT =
  'WHO 2011, Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity (WHO/NMH/NHD/MNM/11.1), altitude adjustments';

// China's cut-offs and grades with the WHO table instead of the 4% rule (a region's configuration)
const CN_WITH_WHO_TABLE = deriveNutritionRuleSet(
  CN_ANAEMIA_RULES,
  { id: 'anaemia-cn-who-altitude', region: 'national' },
  { altitude: WHO_2011_ALTITUDE_TABLE },
);

describe(`${SRC_WHO_ALT}: measured Hb lowered by 0/2/5/8/13/19/27/35/45 g/L from <1000/1000/…/4500 m`, () => {
  it.each([
    [undefined, 0],
    [-50, 0],
    [0, 0],
    [999, 0],
    [1000, 2],
    [1499, 2],
    [1500, 5],
    [1999, 5],
    [2000, 8],
    [2499, 8],
    [2500, 13],
    [2999, 13],
    [3000, 19],
    [3499, 19],
    [3500, 27],
    [3999, 27],
    [4000, 35],
    [4499, 35],
    [4500, 45],
    [5200, 45],
  ] as const)('at %s m the measured Hb is lowered by %s g/L', (alt, gl) => {
    const r = adjustHbForAltitude(120, alt, WHO_2011_ALTITUDE_TABLE);
    expect(r).toMatchObject({ hbGL: 120 - gl, adjusted: gl > 0, adjustmentGL: gl });
  });

  it.each([
    // age months, Hb, altitude → finding (CN cut-off 110 g/L at 6 months–6 years, 120 g/L at 6–14 years)
    [36, 115, 0, null],
    [36, 128, 2999, null],
    [36, 128, 3000, 'mild'],
    [36, 111, 999, null],
    [36, 111, 1000, 'mild'],
    [36, 120, 2499, null],
    [36, 120, 2500, 'mild'],
    [36, 94, 2000, 'moderate'],
    [36, 64, 1500, 'severe'],
    [96, 124, 1499, null],
    [96, 124, 1500, 'mild'],
    [96, 160, 4500, 'mild'],
  ] as const)('%s months, Hb %s g/L at %s m → %s', (ageMonths, hbGL, altitudeM, severity) => {
    const found = classifyNutrition(
      { flags: [] },
      { ageMonths, hbGL, altitudeM, anaemiaRules: CN_WITH_WHO_TABLE },
    ).find((f) => f.condition === 'anaemia');
    expect(found?.severity ?? null).toBe(severity);
  });

  it('the finding says the adjustment applied: Hb 115 at 3000 m → 96 g/L against the cut-off, adjusted by 19', () => {
    expect(
      classifyNutrition({ flags: [] }, { ageMonths: 36, hbGL: 115, altitudeM: 3000, anaemiaRules: CN_WITH_WHO_TABLE }),
    ).toEqual([
      expect.objectContaining({
        condition: 'anaemia',
        severity: 'mild',
        value: 96,
        measuredHbGL: 115,
        altitudeAdjustmentGL: 19,
        toConfirm: true,
      }),
    ]);
    const seaLevel = classifyNutrition({ flags: [] }, { ageMonths: 36, hbGL: 105, altitudeM: 0 });
    expect(seaLevel[0]).not.toHaveProperty('altitudeAdjustmentGL');
    expect(WHO_ANAEMIA_RULES.altitude).toBe(WHO_2011_ALTITUDE_TABLE);
    expect(WHO_2011_ALTITUDE_TABLE.status).toBe('to_confirm');
  });
});
