import { describe, expect, it } from 'vitest';
import type { MaternalResult } from './result';
import type { HypertensiveDisorderInput, OgttInput } from './special-diseases';
import {
  assessGestationalWeightGain,
  classifyHypertensiveDisorder,
  classifyPregnancyBloodPressure,
  CMA_2014_PREGNANCY_ANAEMIA_CRITERIA,
  diagnoseGdmByOgtt,
  EPDS_CONFIG_13,
  epdsScoresSchema,
  gradePregnancyAnaemia,
  ogttInputSchema,
  prePregnancyBmiCategory,
  recommendedWeightGainAt,
  scoreEpds,
  WST_801_2022_WEIGHT_GAIN,
} from './special-diseases';

function value<T>(r: MaternalResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

const GDM = '妊娠合并糖尿病诊治指南(2014) 75g OGTT 5.1/10.0/8.5';
const wk = (weeks: number, days = 0) => ({ weeks, days });

describe(`${GDM}: any one value at or above its threshold → GDM`, () => {
  it.each<[string, OgttInput, string, string[]]>([
    ['all below', { fastingMmolL: 5.0, oneHourMmolL: 9.9, twoHourMmolL: 8.4 }, 'normal', []],
    ['fasting 5.1', { fastingMmolL: 5.1, oneHourMmolL: 9.9, twoHourMmolL: 8.4 }, 'gdm', ['fasting']],
    ['1 h 10.0', { fastingMmolL: 5.0, oneHourMmolL: 10.0, twoHourMmolL: 8.4 }, 'gdm', ['one_hour']],
    ['2 h 8.5', { fastingMmolL: 5.0, oneHourMmolL: 9.9, twoHourMmolL: 8.5 }, 'gdm', ['two_hour']],
    [
      'all three',
      { fastingMmolL: 5.3, oneHourMmolL: 10.5, twoHourMmolL: 9.0 },
      'gdm',
      ['fasting', 'one_hour', 'two_hour'],
    ],
    ['one value missing, none abnormal', { fastingMmolL: 4.5, twoHourMmolL: 7.0 }, 'incomplete', []],
    ['one value missing, one abnormal', { fastingMmolL: 5.6 }, 'gdm', ['fasting']],
  ])('%s', (_t, input, status, abnormal) => {
    const r = diagnoseGdmByOgtt({ ...input, gestationalAge: wk(26) });
    expect(r.status).toBe(status);
    expect(r.gdm).toBe(status === 'gdm');
    expect(r.abnormal).toEqual(abnormal);
  });

  it.each<[string, { weeks: number; days: number } | undefined, string, boolean]>([
    ['23+6 before the 24–28 week window', wk(23, 6), 'before_window', true],
    ['24+0 in the window', wk(24), 'in_window', false],
    ['28+6 in the window', wk(28, 6), 'in_window', false],
    ['29+0 after the window', wk(29), 'after_window', true],
    ['unknown gestational age', undefined, 'unknown', true],
  ])('timing: %s', (_t, gestationalAge, timing, outside) => {
    const r = diagnoseGdmByOgtt({
      fastingMmolL: 4.8,
      oneHourMmolL: 8,
      twoHourMmolL: 7,
      ...(gestationalAge ? { gestationalAge } : {}),
    });
    expect(r.timing).toBe(timing);
    expect(r.outsideWindow).toBe(outside);
  });

  it.each([
    [7.0, 9.0, true],
    [5.5, 11.1, true],
    [6.9, 11.0, false],
  ])('fasting %f / 2 h %f → overt diabetes suspected %s', (f, two, overt) => {
    expect(diagnoseGdmByOgtt({ fastingMmolL: f, oneHourMmolL: 12, twoHourMmolL: two }).overtDiabetesSuspected).toBe(
      overt,
    );
  });

  it('schema rejects a non-number', () => {
    expect(ogttInputSchema.safeParse({ fastingMmolL: '5.1' }).success).toBe(false);
    expect(ogttInputSchema.safeParse({ fastingMmolL: 5.1, gestationalAge: wk(25) }).success).toBe(true);
  });
});

describe('妊娠期贫血 WHO grades (mild 100–109, moderate 70–99, severe <70 g/L) [to confirm]', () => {
  it.each([
    [130, 'none', false],
    [110, 'none', false],
    [109, 'mild', false],
    [100, 'mild', false],
    [99, 'moderate', true],
    [70, 'moderate', true],
    [69, 'severe', true],
    [30, 'severe', true],
  ])('Hb %i → %s', (hb, grade, modSevere) => {
    const r = value(gradePregnancyAnaemia(hb));
    expect(r.grade).toBe(grade);
    expect(r.anaemic).toBe(grade !== 'none');
    expect(r.moderateOrSevere).toBe(modSevere);
  });

  it.each([
    [69, 'severe'],
    [40, 'severe'],
    [39, 'very_severe'],
  ])('CMA 2014 grades: Hb %i → %s', (hb, grade) => {
    expect(value(gradePregnancyAnaemia(hb, CMA_2014_PREGNANCY_ANAEMIA_CRITERIA)).grade).toBe(grade);
  });

  it('rejects a negative Hb', () => {
    const r = gradePregnancyAnaemia(-1);
    expect(r.ok ? null : r.error.code).toBe('invalid_number');
  });
});

describe('妊娠期高血压疾病诊治指南(2020): BP ≥140/90 hypertension, ≥160/110 severe', () => {
  it.each([
    [139, 89, 'normal'],
    [140, 80, 'hypertension'],
    [120, 90, 'hypertension'],
    [159, 109, 'hypertension'],
    [160, 100, 'severe_hypertension'],
    [150, 110, 'severe_hypertension'],
  ])('%i/%i → %s', (s, d, level) => {
    expect(classifyPregnancyBloodPressure({ systolicMmHg: s, diastolicMmHg: d })).toBe(level);
  });

  it.each<[string, HypertensiveDisorderInput, string, string | null]>([
    ['120/80', { systolicMmHg: 120, diastolicMmHg: 80, onsetGestationalAge: wk(30) }, 'none', null],
    [
      '150/95 from 30 weeks, no proteinuria',
      { systolicMmHg: 150, diastolicMmHg: 95, onsetGestationalAge: wk(30) },
      'gestational_hypertension',
      'yellow.hypertensive_disorder',
    ],
    [
      '165/112 from 30 weeks, no proteinuria (severe-range gestational hypertension)',
      { systolicMmHg: 165, diastolicMmHg: 112, onsetGestationalAge: wk(30) },
      'gestational_hypertension',
      'yellow.hypertensive_disorder',
    ],
    [
      '150/95 from 30 weeks with proteinuria',
      { systolicMmHg: 150, diastolicMmHg: 95, onsetGestationalAge: wk(30), proteinuria: true },
      'preeclampsia',
      'yellow.hypertensive_disorder',
    ],
    [
      '165/100 with proteinuria → 橙 3.7 重度子痫前期',
      { systolicMmHg: 165, diastolicMmHg: 100, onsetGestationalAge: wk(30), proteinuria: true },
      'severe_preeclampsia',
      'orange.severe_preeclampsia',
    ],
    [
      '150/95 with severe features → 重度子痫前期',
      { systolicMmHg: 150, diastolicMmHg: 95, onsetGestationalAge: wk(32), severeFeatures: true },
      'severe_preeclampsia',
      'orange.severe_preeclampsia',
    ],
    [
      '150/95 first found at 12 weeks → chronic',
      { systolicMmHg: 150, diastolicMmHg: 95, onsetGestationalAge: wk(12) },
      'chronic_hypertension',
      'yellow.hypertensive_disorder',
    ],
    [
      'known hypertension with proteinuria at 30 weeks → 橙 3.7 慢性高血压合并子痫前期',
      { hypertensionBeforePregnancy: true, proteinuria: true, currentGestationalAge: wk(30) },
      'chronic_with_superimposed_preeclampsia',
      'orange.severe_preeclampsia',
    ],
    [
      'known hypertension with proteinuria at 16 weeks stays chronic',
      { hypertensionBeforePregnancy: true, proteinuria: true, currentGestationalAge: wk(16) },
      'chronic_hypertension',
      'yellow.hypertensive_disorder',
    ],
    [
      'seizures with hypertension → eclampsia',
      { systolicMmHg: 150, diastolicMmHg: 95, onsetGestationalAge: wk(34), seizures: true },
      'eclampsia',
      'orange.severe_preeclampsia',
    ],
    [
      'raised BP without an onset → unclassified',
      { systolicMmHg: 150, diastolicMmHg: 95 },
      'hypertension_unclassified',
      'yellow.hypertensive_disorder',
    ],
  ])('%s', (_t, input, category, item) => {
    const r = classifyHypertensiveDisorder(input);
    expect(r.category).toBe(category);
    expect(r.riskItemCode).toBe(item);
    expect(r.label.zh.length).toBeGreaterThan(0);
  });
});

describe('WS/T 801-2022 妊娠期妇女体重增长推荐值', () => {
  it.each([
    [18.4, 'underweight'],
    [18.5, 'normal'],
    [23.9, 'normal'],
    [24.0, 'overweight'],
    [27.9, 'overweight'],
    [28.0, 'obese'],
    [35, 'obese'],
  ])('pre-pregnancy BMI %f → %s', (bmi, category) => {
    expect(prePregnancyBmiCategory(bmi)).toBe(category);
  });

  it.each([
    ['underweight', 11.0, 16.0],
    ['normal', 8.0, 14.0],
    ['overweight', 7.0, 11.0],
    ['obese', 5.0, 9.0],
  ] as const)('total gain for %s: %f–%f kg', (category, min, max) => {
    const band = WST_801_2022_WEIGHT_GAIN.bands.find((b) => b.category === category);
    expect([band?.totalMinKg, band?.totalMaxKg]).toEqual([min, max]);
    const r = value(recommendedWeightGainAt(category, wk(30)));
    expect([r.totalMinKg, r.totalMaxKg]).toEqual([min, max]);
  });

  it.each([
    ['normal', 10, 'early', 0, 2],
    ['normal', 13, 'early', 0, 2],
    ['normal', 14, 'mid_late', 0, 2],
    ['normal', 24, 'mid_late', 2.6, 6.8],
    ['normal', 40, 'mid_late', 6.76, 14.48],
    ['underweight', 40, 'mid_late', 9.62, 16.56],
    ['overweight', 27, 'mid_late', 2.86, 6.81],
    ['obese', 40, 'mid_late', 3.9, 9.8],
  ] as const)('%s at %i+0 → %s %f–%f kg', (category, weeks, phase, min, max) => {
    expect(value(recommendedWeightGainAt(category, wk(weeks)))).toMatchObject({ phase, minKg: min, maxKg: max });
  });

  it.each([
    [57, 'below', 2],
    [57.6, 'within', 2.6],
    [60, 'within', 5],
    [61.8, 'within', 6.8],
    [62.5, 'above', 7.5],
  ])('160 cm, 55 kg before pregnancy (normal), %f kg at 24+0 → %s', (current, status, gain) => {
    const r = value(
      assessGestationalWeightGain({
        heightCm: 160,
        prePregnancyWeightKg: 55,
        currentWeightKg: current,
        gestationalAge: wk(24),
      }),
    );
    expect(r).toMatchObject({ category: 'normal', bmi: 21.48, status, gainKg: gain });
  });

  it.each([
    [{ heightCm: 0, prePregnancyWeightKg: 55, currentWeightKg: 60, gestationalAge: wk(24) }, 'invalid_number'],
    [
      { heightCm: 160, prePregnancyWeightKg: 55, currentWeightKg: 60, gestationalAge: wk(24, 8) },
      'invalid_gestational_age',
    ],
    [
      { heightCm: 160, prePregnancyWeightKg: 55, currentWeightKg: Number.NaN, gestationalAge: wk(24) },
      'invalid_number',
    ],
  ])('input error %#', (input, code) => {
    const r = assessGestationalWeightGain(input);
    expect(r.ok ? null : r.error.code).toBe(code);
  });
});

describe('EPDS 爱丁堡产后抑郁量表: 10 items 0–3, positive ≥10 [L], item 10 > 0 urgent', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, false, false],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0], 9, false, false],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, true, true],
    [[3, 3, 3, 3, 0, 0, 0, 0, 0, 0], 12, true, false],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 2], 2, false, true],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 30, true, true],
  ])('%j → total %i, positive %s, urgent %s', (scores, total, positive, urgent) => {
    expect(value(scoreEpds(scores))).toMatchObject({ total, positive, urgent, cutOff: 10 });
  });

  it.each([
    [[3, 3, 3, 3, 0, 0, 0, 0, 0, 0], false],
    [[3, 3, 3, 3, 1, 0, 0, 0, 0, 0], true],
  ])('cut-off ≥13 (some programmes): %j → positive %s', (scores, positive) => {
    expect(value(scoreEpds(scores, EPDS_CONFIG_13)).positive).toBe(positive);
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 'epds_item_count', 'scores'],
    [[0, 0, 0, 4, 0, 0, 0, 0, 0, 0], 'epds_item_value', 'scores[3]'],
    [[0, 0, 0, 0, 0, 1.5, 0, 0, 0, 0], 'epds_item_value', 'scores[5]'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, -1], 'epds_item_value', 'scores[9]'],
  ])('%j → %s', (scores, code, field) => {
    const r = scoreEpds(scores);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual([code, field]);
  });

  it('the zod schema matches the scoring rules', () => {
    expect(epdsScoresSchema.safeParse([0, 1, 2, 3, 0, 1, 2, 3, 0, 1]).success).toBe(true);
    expect(epdsScoresSchema.safeParse([0, 1, 2, 3, 0, 1, 2, 3, 0]).success).toBe(false);
  });
});
