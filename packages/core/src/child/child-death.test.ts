import { describe, expect, it } from 'vitest';
import type { PerinatalDeathInput } from './child-death';
import { childDeathAgeClass, isPerinatalDeath, validateIcd10Code } from './child-death';

const DEF = '妇幼健康统计调查制度 (REFERENCE §3) 死亡年龄定义 [C]';

describe(`${DEF}: age at death`, () => {
  it.each([
    ['day 0', '2024-01-01', '2024-01-01', 'early_neonatal', [true, true, true, true]],
    ['day 6 (within 7 days)', '2024-01-01', '2024-01-07', 'early_neonatal', [true, true, true, true]],
    ['day 7', '2024-01-01', '2024-01-08', 'late_neonatal', [false, true, true, true]],
    ['day 27 (within 28 days)', '2024-01-01', '2024-01-28', 'late_neonatal', [false, true, true, true]],
    ['day 28', '2024-01-01', '2024-01-29', 'post_neonatal', [false, false, true, true]],
    ['the day before the first birthday', '2024-01-01', '2024-12-31', 'post_neonatal', [false, false, true, true]],
    ['on the first birthday', '2024-01-01', '2025-01-01', 'age_1_4', [false, false, false, true]],
    ['the day before the fifth birthday', '2024-01-01', '2028-12-31', 'age_1_4', [false, false, false, true]],
    ['on the fifth birthday', '2024-01-01', '2029-01-01', 'age_5_plus', [false, false, false, false]],
    ['167 h (times known)', '2024-01-01T10:00', '2024-01-08T09:00', 'early_neonatal', [true, true, true, true]],
    ['168 h (times known)', '2024-01-01T10:00', '2024-01-08T10:00', 'late_neonatal', [false, true, true, true]],
  ] as const)('%s → %s', (_t, birth, death, category, [early, neonatal, infant, under5]) => {
    const r = childDeathAgeClass(birth, death);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.category).toBe(category);
    expect([r.value.earlyNeonatal, r.value.neonatal, r.value.infant, r.value.under5]).toEqual([
      early,
      neonatal,
      infant,
      under5,
    ]);
  });

  it.each([
    ['death before birth', '2024-01-02', '2024-01-01', 'date_before_birth'],
    ['bad date', '2024-01-01', '2024-13-01', 'invalid_datetime'],
  ])('fails: %s', (_t, birth, death, code) => {
    const r = childDeathAgeClass(birth, death);
    expect(r.ok ? null : r.error.code).toBe(code);
  });
});

describe('围产儿死亡 (REFERENCE §3): ≥28周死胎死产 + 7天内新生儿死亡 [C]', () => {
  it.each<[string, PerinatalDeathInput, boolean]>([
    ['死胎 at 28 weeks', { outcome: 'fetal_death', gestationalWeeks: 28 }, true],
    ['死产 at 27 weeks', { outcome: 'stillbirth', gestationalWeeks: 27 }, false],
    ['死胎, gestation unknown, 1000 g', { outcome: 'fetal_death', birthWeightG: 1000 }, true],
    ['死胎, gestation unknown, 950 g', { outcome: 'fetal_death', birthWeightG: 950 }, false],
    [
      'live birth at 36 weeks, death on day 6',
      { outcome: 'live_birth', gestationalWeeks: 36, birthAt: '2024-01-01', deathAt: '2024-01-07' },
      true,
    ],
    [
      'live birth at 36 weeks, death on day 7',
      { outcome: 'live_birth', gestationalWeeks: 36, birthAt: '2024-01-01', deathAt: '2024-01-08' },
      false,
    ],
    [
      'live birth at 26 weeks, death on day 2',
      { outcome: 'live_birth', gestationalWeeks: 26, birthAt: '2024-01-01', deathAt: '2024-01-03' },
      false,
    ],
    ['live birth, alive', { outcome: 'live_birth', gestationalWeeks: 39 }, false],
  ])('%s → %s', (_t, input, perinatal) => {
    const r = isPerinatalDeath(input);
    expect(r.ok && r.value.perinatal).toBe(perinatal);
  });
});

describe('WS 376.5 死因 ICD-10: code format', () => {
  it.each([
    ['P07.3', 'P07.3', 'XVI', false],
    ['Q21.0', 'Q21.0', 'XVII', false],
    ['p073', 'P07.3', 'XVI', false],
    [' J18.9 ', 'J18.9', 'X', false],
    ['A41', 'A41', 'I', false],
    ['H66.9', 'H66.9', 'VIII', false],
    ['W69', 'W69', 'XX', false],
    ['T71', 'T71', 'XIX', true],
    ['U07.1', 'U07.1', 'XXII', false],
    ['G00.9†', 'G00.9', 'VI', false],
  ])('%s → %s (chapter %s)', (input, code, chapter, warn) => {
    const r = validateIcd10Code(input);
    if (!r.ok) throw new Error(r.error.code);
    expect([r.value.code, r.value.chapter.chapter, r.value.underlyingCauseWarning !== null]).toEqual([
      code,
      chapter,
      warn,
    ]);
  });

  it.each([
    ['P7.3', 'invalid_icd10_format'],
    ['P07.31', 'invalid_icd10_format'],
    ['07.3', 'invalid_icd10_format'],
    ['', 'invalid_icd10_format'],
    ['D49', 'icd10_category_not_in_chapter'],
    ['P99', 'icd10_category_not_in_chapter'],
    ['K95.0', 'icd10_category_not_in_chapter'],
    ['V00', 'icd10_category_not_in_chapter'],
  ])('%s fails with %s', (input, code) => {
    const r = validateIcd10Code(input);
    expect(r.ok ? null : r.error.code).toBe(code);
  });
});
