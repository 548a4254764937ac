import { describe, expect, it } from 'vitest';
import wfaBoys05 from 'jsgrowup/tables/wfa_boys_0_5_zscores.json';
import lhfaGirls25 from 'jsgrowup/tables/lhfa_girls_2_5_zscores.json';
import hcfaBoys013 from 'jsgrowup/tables/hcfa_boys_0_13_zscores.json';
import wflGirls02 from 'jsgrowup/tables/wfl_girls_0_2_zscores.json';
import { DAYS_PER_MONTH } from './growth-types';
import { WHO_2006_HCFA, WHO_2006_LHFA, WHO_2006_WFA, WHO_2006_WFL } from './who-2006-data.generated';
import { WHO_2006_BUILTIN_REFERENCE as REF } from './who-2006-reference';

type JsonRow = Record<string, string>;
const rows = (t: JsonRow[], key: string) => t.map((r) => [Number(r[key]), Number(r.L), Number(r.M), Number(r.S)]);

describe('who-2006-data.generated.ts is jsgrowup 0.8.0 tables, L/M/S columns (scripts/build-who-2006.ts)', () => {
  it.each([
    ['wfa_boys_0_5', WHO_2006_WFA.male.month, rows(wfaBoys05 as JsonRow[], 'Month')],
    ['lhfa_girls_2_5', WHO_2006_LHFA.female.monthHeight, rows(lhfaGirls25 as JsonRow[], 'Month')],
    ['hcfa_boys_0_13', WHO_2006_HCFA.male.week, rows(hcfaBoys013 as JsonRow[], 'Week')],
    ['wfl_girls_0_2', WHO_2006_WFL.female, rows(wflGirls02 as JsonRow[], 'Length')],
  ])('%s', (_name, generated, source) => {
    expect(generated).toEqual(source);
  });
});

describe('The built-in WHO 2006 reference goes through WHO’s published rows', () => {
  it.each([0, 1, 2, 6, 12, 13])('weight-for-age boys, week %s (day 7w) = WHO weekly row', (w) => {
    const row = WHO_2006_WFA.male.week[w];
    const lms = REF.lms('wfa', 'male', w * 7);
    expect(lms?.L).toBeCloseTo(row?.[1] as number, 9);
    expect(lms?.M).toBeCloseTo(row?.[2] as number, 9);
    expect(lms?.S).toBeCloseTo(row?.[3] as number, 9);
  });

  it.each([4, 12, 23, 24, 36, 60])('weight-for-age boys, month %s (day 30.4375·m) = WHO monthly row', (m) => {
    const row = WHO_2006_WFA.male.month[m];
    const lms = REF.lms('wfa', 'male', m * DAYS_PER_MONTH);
    expect(lms?.M).toBeCloseTo(row?.[2] as number, 9);
    expect(lms?.L).toBeCloseTo(row?.[1] as number, 9);
    expect(lms?.S).toBeCloseTo(row?.[3] as number, 9);
  });

  // WHO igrowup daily rows (lenanthro, wflanthro), compared to 0.01 cm / 0.001 kg
  it.each([
    ['lhfa', 'male', 730, 87.8018, 0.01],
    ['lhfa', 'male', 731, 87.1303, 0.01],
    ['lhfa', 'male', 1856, 110.4969, 0.01],
    ['wfa', 'male', 1, 3.3174, 0.005],
    ['wfa', 'male', 2, 3.337, 0.005],
    ['wfa', 'female', 1856, 18.389, 0.01],
    ['bmifa', 'male', 730, 15.7356, 0.01],
    ['bmifa', 'male', 731, 16.0189, 0.01],
    ['hcfa', 'male', 1856, 50.7752, 0.01],
    ['wfl', 'male', 85.7, 11.6707, 0.001],
    ['wfh', 'female', 120, 22.8173, 0.001],
  ] as const)('%s %s at %s: M ≈ WHO daily table %s', (ind, sex, x, m, tol) => {
    expect(Math.abs((REF.lms(ind, sex, x)?.M as number) - m)).toBeLessThanOrEqual(tol);
  });

  it.each([
    ['wfa', -1],
    ['wfa', 1857],
    ['wfl', 44.9],
    ['wfl', 110.1],
    ['wfh', 64.9],
    ['wfh', 120.1],
    ['lhfa', 730.5],
  ] as const)('%s at %s: outside the standard → undefined', (ind, x) => {
    expect(REF.lms(ind, 'female', x)).toBeUndefined();
  });

  it('domains: weight-for-length under 731 days, weight-for-height from 731 days', () => {
    expect(REF.domain('wfl')).toEqual({ unit: 'cm', min: 45, max: 110, ageDays: { min: 0, max: 730 } });
    expect(REF.domain('wfh')).toEqual({ unit: 'cm', min: 65, max: 120, ageDays: { min: 731, max: 1856 } });
  });
});
