import { afterEach, describe, expect, it } from 'vitest';
import surveyCsv from 'jsgrowup/testdata/survey_z_st.csv?raw';
import { parseWhoLmsTable } from './growth-table-parser';
import { createWho2007Reference } from './growth-table-references';
import { registerGrowthReference, resetGrowthReferences } from './growth-registry';
import type { GrowthMeasurementInput, GrowthScoreKey, GrowthZScores } from './growth-zscores';
import { assessGrowth, growthZScores } from './growth-zscores';
import type { LmsKnot } from './lms-interpolation';

/** |a − b| ≤ 0.01 (WHO gives z-scores to 2 decimals). */
function expectWithin(actual: number | undefined, expected: number, tol = 0.01): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol + 1e-9);
}

interface SurveyCase {
  id: string;
  input: GrowthMeasurementInput;
  oedema: boolean;
  expected: Partial<Record<GrowthScoreKey, number>>;
}

function surveyCases(): SurveyCase[] {
  const lines = surveyCsv.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const col = (cells: string[], name: string) => cells[header.indexOf(name)]?.trim() ?? '';
  const num = (s: string) => (s === '' ? undefined : Number(s));
  const cases: SurveyCase[] = [];
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    const ageDays = num(col(c, '_agedays'));
    if (ageDays === undefined) continue;
    const measure = col(c, 'measure').toLowerCase();
    const h = num(col(c, 'HEIGHT'));
    // igrowup: with no position recorded, recumbent below 731 days, standing from 731 days
    const lying = measure === 'l' ? true : measure === 'h' ? false : ageDays < 731;
    const input: GrowthMeasurementInput = {
      sex: col(c, 'GENDER') === '1' ? 'male' : 'female',
      ageDays,
      ...(num(col(c, 'WEIGHT')) === undefined ? {} : { weightKg: num(col(c, 'WEIGHT')) }),
      ...(h === undefined ? {} : lying ? { lengthCm: h } : { heightCm: h }),
      ...(num(col(c, 'HEAD')) === undefined ? {} : { headCm: num(col(c, 'HEAD')) }),
    };
    const expected: Partial<Record<GrowthScoreKey, number>> = {};
    for (const [key, name] of [
      ['waz', '_ZWEI'],
      ['lhaz', '_ZLEN'],
      ['wlhz', '_ZWFL'],
      ['bmiz', '_ZBMI'],
      ['hcz', '_ZHC'],
    ] as const) {
      const v = num(col(c, name));
      if (v !== undefined) expected[key] = v;
    }
    cases.push({ id: col(c, 'id'), input, oedema: col(c, 'oedema') === 'y', expected });
  }
  return cases;
}

const SURVEY = surveyCases();

describe('WHO igrowup survey test data (jsgrowup testdata/survey_z_st.csv, WHO igrowup output)', () => {
  it('has the WHO survey rows', () => {
    expect(SURVEY.length).toBeGreaterThan(450);
  });

  it.each(SURVEY.map((c) => [c.id, c] as const))(
    'WHO igrowup survey id %s: every z-score within 0.01 of WHO',
    (_id, c) => {
      const got = growthZScores(c.input);
      for (const key of ['waz', 'lhaz', 'wlhz', 'bmiz', 'hcz'] as const) {
        // WHO leaves weight-based scores out for oedema; this API has no oedema input
        if (c.oedema && key !== 'lhaz' && key !== 'hcz') continue;
        const exp = c.expected[key];
        if (exp === undefined) expect(got[key]).toBeUndefined();
        else expectWithin(got[key], exp);
      }
    },
  );
});

describe('WHO 0.7 cm conversion and the length/height switch at 731 days (WHO anthro adjust_lenhei; daily LMS)', () => {
  const cases: [string, GrowthMeasurementInput, number, Partial<GrowthZScores>][] = [
    // day 730: length basis. Standing 85.0 → 85.7 cm recumbent. LMS day 730 boys: lhfa 1/87.8018/0.03479
    [
      '730 d standing 85.0 cm → +0.7',
      { sex: 'male', ageDays: 730, heightCm: 85, weightKg: 10 },
      85.7,
      { lhaz: -0.69, wlhz: -1.95, bmiz: -1.95 },
    ],
    [
      '730 d lying 85.7 cm, no conversion',
      { sex: 'male', ageDays: 730, lengthCm: 85.7, weightKg: 10 },
      85.7,
      { lhaz: -0.69, wlhz: -1.95, bmiz: -1.95 },
    ],
    // day 731: height basis. Lying 85.7 → 85.0 cm standing. LMS day 731 boys: lhfa 1/87.1303/0.03508
    [
      '731 d lying 85.7 cm → −0.7',
      { sex: 'male', ageDays: 731, lengthCm: 85.7, weightKg: 10 },
      85.0,
      { lhaz: -0.7, wlhz: -1.95, bmiz: -1.96 },
    ],
    [
      '731 d standing 85.0 cm, no conversion',
      { sex: 'male', ageDays: 731, heightCm: 85, weightKg: 10 },
      85.0,
      { lhaz: -0.7, wlhz: -1.95, bmiz: -1.96 },
    ],
    [
      '731 d heightCm with measuredLying → −0.7',
      { sex: 'male', ageDays: 731, heightCm: 85.7, measuredLying: true, weightKg: 10 },
      85.0,
      { lhaz: -0.7 },
    ],
    [
      '730 d lengthCm measured standing → +0.7',
      { sex: 'male', ageDays: 730, lengthCm: 85, measuredLying: false, weightKg: 10 },
      85.7,
      { lhaz: -0.69 },
    ],
    [
      'both given, 730 d: the length is used as measured',
      { sex: 'male', ageDays: 730, lengthCm: 85.7, heightCm: 80, weightKg: 10 },
      85.7,
      { lhaz: -0.69 },
    ],
    [
      'both given, 731 d: the height is used as measured',
      { sex: 'male', ageDays: 731, lengthCm: 90, heightCm: 85, weightKg: 10 },
      85.0,
      { lhaz: -0.7 },
    ],
  ];
  it.each(cases)('%s', (_t, input, clen, expected) => {
    const a = assessGrowth(input);
    expect(a.lengthHeight?.cm).toBeCloseTo(clen, 9);
    expect(a.wlhIndicator).toBe(input.ageDays < 731 ? 'wfl' : 'wfh');
    for (const [k, v] of Object.entries(expected)) expectWithin(a[k as GrowthScoreKey], v as number);
  });
});

describe('WHO restricted application of the LMS method beyond ±3 SD (WHO 2006 chapter 7; SOURCE.txt)', () => {
  // boys, day 0, weight-for-age LMS 0.3487 / 3.3464 / 0.14602 (plain z: 5.5 kg → 3.72, 1.8 kg → −3.82)
  it.each([
    ['WFA 5.5 kg: z = 3 + (y − SD3)/(SD3 − SD2)', { weightKg: 5.5 }, 'waz', 3.77],
    ['WFA 1.8 kg: z = −3 + (y − SD3neg)/(SD2neg − SD3neg)', { weightKg: 1.8 }, 'waz', -3.74],
    ['WFA 1.2 kg', { weightKg: 1.2 }, 'waz', -5.32],
    ['L/HFA 60 cm is NOT restricted (plain formula)', { lengthCm: 60 }, 'lhaz', 5.34],
    ['L/HFA 40 cm is NOT restricted', { lengthCm: 40 }, 'lhaz', -5.22],
  ] as const)('boys day 0, %s', (_t, m, key, expected) => {
    expectWithin(growthZScores({ sex: 'male', ageDays: 0, ...m })[key], expected);
  });

  it('girls weight-for-length 45 cm, 1.7 kg: restricted −4.22 (plain would be −4.40)', () => {
    // WHO wflanthro girls 45 cm: −0.3833 / 2.4607 / 0.09029; BMI also given, only wlhz is checked
    expectWithin(growthZScores({ sex: 'female', ageDays: 3, lengthCm: 45, weightKg: 1.7 }).wlhz, -4.22);
  });
});

describe('Ends of the WHO 2006 tables (igrowup daily LMS rows 0 and 1856; wfl 45–110 cm, wfh 65–120 cm)', () => {
  it.each([
    ['boys day 0 WFA at M', { sex: 'male', ageDays: 0, weightKg: 3.3464 }, 'waz', 0],
    ['girls day 0 WFA 3.0 kg', { sex: 'female', ageDays: 0, weightKg: 3 }, 'waz', -0.52],
    ['boys day 1856 WFA 18 kg', { sex: 'male', ageDays: 1856, weightKg: 18 }, 'waz', -0.2],
    ['girls day 1856 WFA 30 kg (restricted)', { sex: 'female', ageDays: 1856, weightKg: 30 }, 'waz', 3.02],
    ['boys day 1856 HFA 110 cm', { sex: 'male', ageDays: 1856, heightCm: 110 }, 'lhaz', -0.11],
    ['boys day 1856 HCFA 50 cm', { sex: 'male', ageDays: 1856, headCm: 50 }, 'hcz', -0.52],
    ['boys WFL 45 cm 2.0 kg', { sex: 'male', ageDays: 10, lengthCm: 45, weightKg: 2 }, 'wlhz', -2.25],
    ['boys WFL 110 cm 25 kg (restricted)', { sex: 'male', ageDays: 700, lengthCm: 110, weightKg: 25 }, 'wlhz', 3.43],
    ['boys WFH 65 cm 6 kg', { sex: 'male', ageDays: 800, heightCm: 65, weightKg: 6 }, 'wlhz', -2.71],
    ['boys WFH 120 cm 22 kg', { sex: 'male', ageDays: 1800, heightCm: 120, weightKg: 22 }, 'wlhz', -0.17],
    ['girls WFH 120 cm 30 kg', { sex: 'female', ageDays: 1800, heightCm: 120, weightKg: 30 }, 'wlhz', 2.64],
  ] as const)('%s', (_t, input, key, expected) => {
    expectWithin(growthZScores(input)[key], expected);
  });

  it.each([
    ['WFL 44.9 cm', { sex: 'male', ageDays: 10, lengthCm: 44.9, weightKg: 2 }],
    ['WFL 110.1 cm', { sex: 'male', ageDays: 700, lengthCm: 110.1, weightKg: 20 }],
    ['WFH 64.9 cm', { sex: 'male', ageDays: 800, heightCm: 64.9, weightKg: 6 }],
    ['WFH 120.1 cm', { sex: 'female', ageDays: 1800, heightCm: 120.1, weightKg: 22 }],
  ] as const)('%s: outside the table, wlhz undefined and flagged', (_t, input) => {
    const z = growthZScores(input);
    expect(z.wlhz).toBeUndefined();
    expect(z.flags).toContain('out_of_range_wlhz');
    expect(z.waz).toBeDefined();
  });

  it('day 1857 (61 months) with no WHO 2007 registered: every score undefined and flagged', () => {
    const z = growthZScores({ sex: 'male', ageDays: 1857, weightKg: 18, heightCm: 110, headCm: 50 });
    expect(z).toEqual({
      flags: [
        'reference_not_available_waz',
        'reference_not_available_lhaz',
        'reference_not_available_wlhz',
        'reference_not_available_bmiz',
        'reference_not_available_hcz',
      ],
    });
  });
});

describe('WHO 2007 (5–19 years) through a registered reference (who2007 macro: months linear)', () => {
  afterEach(() => resetGrowthReferences());
  // two rows of WHO's hfa_boys_z_WHO2007_exp.txt (tab-separated, CRLF)
  const text =
    'Month\tL\tM\tS\tStDev\tSD3neg\tSD2neg\tSD1neg\tSD0\tSD1\tSD2\tSD3\r\n' +
    '61\t1\t110.2647\t0.04164\t4.5914\t96.49\t101.082\t105.673\t110.265\t114.856\t119.448\t124.039\r\n' +
    '62\t1\t110.8006\t0.04172\t4.6226\t96.933\t101.555\t106.178\t110.801\t115.423\t120.046\t124.668\r\n';

  function who2007() {
    const parsed = parseWhoLmsTable(text);
    if (!parsed.ok) throw new Error(parsed.code);
    return createWho2007Reference({ lhfa: { male: parsed.rows as LmsKnot[] } });
  }

  it('1872 days (61.50 months), height 115 cm: HAZ 0.97; no WHO 2007 weight or BMI table → flagged', () => {
    registerGrowthReference(who2007());
    const a = assessGrowth({ sex: 'male', ageDays: 1872, heightCm: 115, weightKg: 20 });
    expectWithin(a.lhaz, 0.97);
    expect(a.standards.lhaz).toBe('who2007');
    expect(a.flags).toEqual([
      'reference_not_available_waz',
      'reference_not_available_wlhz',
      'reference_not_available_bmiz',
    ]);
  });

  it('girls have no table in this reference: flagged, not a wrong number', () => {
    const z = growthZScores({ sex: 'female', ageDays: 1872, heightCm: 115 }, { references: [who2007()] });
    expect(z.lhaz).toBeUndefined();
    expect(z.flags).toEqual(['reference_not_available_lhaz']);
  });

  it('day 1856 still uses WHO 2006, day 1857 WHO 2007', () => {
    registerGrowthReference(who2007());
    expect(assessGrowth({ sex: 'male', ageDays: 1856, heightCm: 110 }).standards.lhaz).toBe('who2006');
    expect(assessGrowth({ sex: 'male', ageDays: 1857, heightCm: 110 }).standards.lhaz).toBe('who2007');
  });
});

describe('WHO flags for biologically implausible values (WHO anthro: WAZ <−6/>5, L/HAZ |z|>6, WL/HZ, BMIZ, HCZ |z|>5)', () => {
  it.each([
    ['WAZ > 5', { sex: 'male', ageDays: 0, weightKg: 7 }, 'implausible_waz', true],
    ['WAZ −5.32 is not below −6', { sex: 'male', ageDays: 0, weightKg: 1.2 }, 'implausible_waz', false],
    ['WAZ < −6', { sex: 'male', ageDays: 0, weightKg: 0.8 }, 'implausible_waz', true],
    ['L/HAZ 5.34 is not > 6', { sex: 'male', ageDays: 0, lengthCm: 60 }, 'implausible_lhaz', false],
    ['L/HAZ > 6', { sex: 'male', ageDays: 0, lengthCm: 62 }, 'implausible_lhaz', true],
    ['L/HAZ < −6', { sex: 'male', ageDays: 0, lengthCm: 38 }, 'implausible_lhaz', true],
    ['HCZ > 5', { sex: 'male', ageDays: 0, headCm: 41 }, 'implausible_hcz', true],
    ['HCZ < −5', { sex: 'male', ageDays: 0, headCm: 27 }, 'implausible_hcz', true],
    ['WLZ < −5', { sex: 'male', ageDays: 300, lengthCm: 80, weightKg: 6 }, 'implausible_wlhz', true],
    ['BMIZ > 5', { sex: 'male', ageDays: 1000, heightCm: 85, weightKg: 25 }, 'implausible_bmiz', true],
  ] as const)('%s', (_t, input, flag, flagged) => {
    const z = growthZScores(input);
    expect(z.flags.includes(flag)).toBe(flagged);
    expect(z.flags.includes('remeasure_requested')).toBe(z.flags.some((f) => f.startsWith('implausible_')));
    // the value is kept
    const key = flag.replace('implausible_', '') as GrowthScoreKey;
    expect(z[key]).toBeDefined();
  });
});

describe('Inputs', () => {
  it('only what was measured is scored; numbers have 2 decimals', () => {
    const z = growthZScores({ sex: 'female', ageDays: 400, weightKg: 9.1234 });
    expect(Object.keys(z).sort()).toEqual(['flags', 'waz']);
    expect(Math.round((z.waz as number) * 100) / 100).toBe(z.waz);
  });

  it.each([
    ['negative age', { sex: 'male', ageDays: -1, weightKg: 3 }, ['invalid_age']],
    ['bad sex', { sex: 'x' as 'male', ageDays: 10, weightKg: 3 }, ['invalid_sex']],
    ['zero weight', { sex: 'male', ageDays: 10, weightKg: 0 }, ['invalid_weight']],
    ['negative length', { sex: 'male', ageDays: 10, lengthCm: -50 }, ['invalid_length']],
    ['NaN head', { sex: 'male', ageDays: 10, headCm: Number.NaN }, ['invalid_head']],
    ['standing at 100 days', { sex: 'male', ageDays: 100, heightCm: 60 }, ['standing_under_9_months']],
  ] as const)('%s → flags', (_t, input, flags) => {
    expect(growthZScores(input).flags).toEqual(flags);
  });

  it('age in days is rounded as WHO (.5 up): 730.5 days is on the height basis', () => {
    expect(assessGrowth({ sex: 'male', ageDays: 730.5, lengthCm: 85.7 }).lengthHeight?.basis).toBe('height');
    expect(assessGrowth({ sex: 'male', ageDays: 730.4, lengthCm: 85.7 }).lengthHeight?.basis).toBe('length');
  });
});
