import { describe, expect, it } from 'vitest';
import {
  BI_RADS_CATEGORIES,
  BREAST_INTERVALS_NATIONAL,
  BREAST_PATHWAY_NATIONAL,
  breastNextStep,
  breastRoutineIntervalMonths,
  isBreastCancerPathology,
  isBreastHighRisk,
  nextStepAfterBreastUltrasound,
  parseBiRads,
} from './breast-screening';
import type { BiRads, BreastNextStep, BreastPathology } from './breast-screening';
import { deriveWomenRuleSet } from './rule-meta';

describe('两癌筛查 乳腺癌 超声 BI-RADS (REFERENCE §9 breast pathway)', () => {
  it.each<[string, BiRads, boolean, BreastNextStep]>([
    ['§9 step 2: 超声 1 类 → 3 年后再筛', '1', false, 'routine_rescreen'],
    ['§9 step 2: 超声 2 类 → 3 年后再筛', '2', false, 'routine_rescreen'],
    ['§9 step 3: 超声 0 类 → 乳腺X线', '0', false, 'mammography'],
    ['§9 step 3: 超声 3 类 → 乳腺X线', '3', false, 'mammography'],
    ['§9 step 3: 高危妇女 超声 1 类 → 乳腺X线', '1', true, 'mammography'],
    ['§9 step 3: 高危妇女 超声 2 类 → 乳腺X线', '2', true, 'mammography'],
    ['§9 step 4 [R]: 超声 4A → 活检', '4A', false, 'biopsy'],
    ['§9 step 4 [R]: 超声 4C → 活检', '4C', false, 'biopsy'],
    ['§9 step 4 [R]: 超声 5 → 活检', '5', false, 'biopsy'],
    ['§9 step 4 [R]: 高危妇女 超声 5 → 活检', '5', true, 'biopsy'],
    ['BI-RADS 6 已证实恶性 → 治疗', '6', false, 'treatment'],
  ])('%s', (_t, birads, highRisk, next) => {
    const d = nextStepAfterBreastUltrasound(birads, { highRisk });
    expect(d.ok && d.next).toBe(next);
  });

  it('every BI-RADS category has a rule in every BI-RADS table', () => {
    for (const c of BI_RADS_CATEGORIES) {
      for (const stage of ['ultrasound', 'ultrasound_high_risk', 'mammography'] as const) {
        expect(breastNextStep(stage, c.code).ok).toBe(true);
      }
    }
  });
});

describe('两癌筛查 乳腺癌 乳腺X线, 专家评估, 病理 (REFERENCE §9)', () => {
  it.each<[string, BiRads, BreastNextStep]>([
    ['§9 step 3: X线 0 类 → 副高以上专家评估', '0', 'senior_review'],
    ['§9 step 3: X线 3 类 → 副高以上专家评估', '3', 'senior_review'],
    ['X线 1 类 → 常规再筛', '1', 'routine_rescreen'],
    ['X线 2 类 → 常规再筛', '2', 'routine_rescreen'],
    ['§9 step 4 [R]: X线 4 → 活检', '4', 'biopsy'],
    ['§9 step 4 [R]: X线 4B → 活检', '4B', 'biopsy'],
    ['§9 step 4 [R]: X线 5 → 活检', '5', 'biopsy'],
  ])('%s', (_t, birads, next) => {
    const d = breastNextStep('mammography', birads);
    expect(d.ok && d.next).toBe(next);
  });

  it.each([
    ['follow_up', 'short_interval_follow_up'],
    ['biopsy', 'biopsy'],
  ] as const)('§9 step 3: 专家评估 %s → %s', (decision, next) => {
    const d = breastNextStep('senior_review', decision);
    expect(d.ok && d.next).toBe(next);
  });

  it.each<[BreastPathology, BreastNextStep, boolean]>([
    ['benign', 'routine_rescreen', false],
    ['atypical_hyperplasia', 'specialist_follow_up', false],
    ['carcinoma_in_situ', 'treatment', true],
    ['invasive_carcinoma', 'treatment', true],
  ])('§9 step 4 [R]: 病理 %s → %s', (p, next, cancer) => {
    const d = breastNextStep('pathology', p);
    expect(d.ok && d.next).toBe(next);
    expect(d.ok && d.treatmentNeeded).toBe(next === 'treatment');
    expect(isBreastCancerPathology(p)).toBe(cancer);
  });

  it('refuses an unknown result as data', () => {
    expect(breastNextStep('mammography', '7')).toMatchObject({ ok: false, code: 'UNKNOWN_RESULT' });
  });
});

describe('BI-RADS parsing, high risk, intervals', () => {
  it.each([
    ['4a', '4A'],
    ['BI-RADS 3', '3'],
    ['birads4c', '4C'],
    [' 0 ', '0'],
  ])('parses %s as %s', (raw, v) => expect(parseBiRads(raw)).toEqual({ ok: true, birads: v }));

  it('refuses an unknown category', () => {
    expect(parseBiRads('4D')).toMatchObject({ ok: false, code: 'INVALID_BI_RADS' });
  });

  it('a woman with any high-risk factor is high-risk', () => {
    expect(isBreastHighRisk([])).toBe(false);
    expect(isBreastHighRisk(['brca_carrier'])).toBe(true);
  });

  it('§9 step 2: BI-RADS 1–2 → 36 months; a programme cycle replaces it', () => {
    expect(breastRoutineIntervalMonths()).toBe(36);
    const city = deriveWomenRuleSet(
      BREAST_INTERVALS_NATIONAL,
      { programmeCycleMonths: 24 },
      { region: '53', version: '1' },
    );
    expect(breastRoutineIntervalMonths(city)).toBe(24);
    expect(BREAST_PATHWAY_NATIONAL.meta.confirmed).toBe(false);
  });
});
