import { describe, expect, it } from 'vitest';
import {
  CANCER_SCREENING_ELIGIBILITY_NATIONAL,
  CANCER_SCREENING_SCHEDULE_NATIONAL,
  cancerScreeningNextDue,
  checkCancerScreeningEligibility,
  isGynSurveyTarget,
} from './eligibility';
import type { CancerScreeningCohort, CancerScreeningNextDueInput } from './eligibility';
import { CERVICAL_INTERVALS_NATIONAL } from './cervical-screening';
import { deriveWomenRuleSet } from './rule-meta';

describe('两癌筛查 对象 35–64 岁 (REFERENCE §9 target group [C])', () => {
  it.each<[string, string, string, CancerScreeningCohort, boolean, number, string[], boolean]>([
    ['§9: 35th birthday on the screening day', '1990-05-01', '2025-05-01', 'rural', true, 35, [], true],
    ['§9: one day before the 35th birthday', '1990-05-02', '2025-05-01', 'rural', false, 34, ['too_young'], false],
    ['§9: aged 64', '1960-05-02', '2025-05-01', 'urban_low_income', true, 64, [], true],
    ['§9: 65th birthday on the screening day', '1960-05-01', '2025-05-01', 'rural', false, 65, ['too_old'], false],
    [
      '§9 since 2021 urban and rural: general cohort eligible, not priority',
      '1980-01-01',
      '2025-05-01',
      'general',
      true,
      45,
      [],
      false,
    ],
    ['29 February birthday, common year', '1988-02-29', '2025-02-28', 'rural', true, 36, [], true],
  ])('%s', (_t, birthDate, screeningDate, cohort, eligible, age, reasons, priority) => {
    expect(checkCancerScreeningEligibility({ birthDate, screeningDate, cohort })).toEqual({
      ok: true,
      eligible,
      ageAtScreening: age,
      reasons,
      priority,
    });
  });

  it('a rural-only programme (seed 002 农村牧区) refuses the general cohort', () => {
    const ruralOnly = deriveWomenRuleSet(
      CANCER_SCREENING_ELIGIBILITY_NATIONAL,
      { coveredCohorts: ['rural', 'urban_low_income'] },
      { region: '150525', version: '2023' },
    );
    const r = checkCancerScreeningEligibility(
      { birthDate: '1980-01-01', screeningDate: '2025-05-01', cohort: 'general' },
      ruralOnly,
    );
    expect(r).toMatchObject({ ok: true, eligible: false, reasons: ['cohort_not_covered'] });
  });

  it('a man is not eligible', () => {
    const r = checkCancerScreeningEligibility({
      birthDate: '1980-01-01',
      screeningDate: '2025-05-01',
      cohort: 'rural',
      sex: 'male',
    });
    expect(r).toMatchObject({ eligible: false, reasons: ['not_female'], priority: false });
  });

  it.each([
    ['1980-13-01', '2025-05-01', 'INVALID_DATE'],
    ['1980-01-01', '2025-5-1', 'INVALID_DATE'],
    ['2026-01-01', '2025-05-01', 'DATE_BEFORE_BIRTH'],
  ])('refuses %s / %s as %s', (birthDate, screeningDate, code) => {
    expect(checkCancerScreeningEligibility({ birthDate, screeningDate, cohort: 'rural' })).toMatchObject({
      ok: false,
      code,
    });
  });

  it('age band is configurable and flagged', () => {
    expect(CANCER_SCREENING_ELIGIBILITY_NATIONAL).toMatchObject({ minAge: 35, maxAge: 64 });
    expect(CANCER_SCREENING_ELIGIBILITY_NATIONAL.meta.status).toBe('to_confirm');
  });
});

describe('两癌筛查 下次筛查日期 (REFERENCE §9 intervals [R])', () => {
  it.each<[string, CancerScreeningNextDueInput, string | null, number | null, string]>([
    [
      '§9: HPV 阴性 → 5 年',
      { method: 'hpv', lastDate: '2021-03-01', lastOutcome: 'routine_rescreen' },
      '2026-03-01',
      60,
      'routine',
    ],
    [
      '§9: 细胞学阴性 → 3 年',
      { method: 'cytology', lastDate: '2021-03-01', lastOutcome: 'routine_rescreen' },
      '2024-03-01',
      36,
      'routine',
    ],
    [
      '联合筛查阴性 → 5 年 [L]',
      { method: 'co_test', lastDate: '2020-02-29', lastOutcome: 'routine_rescreen' },
      '2025-02-28',
      60,
      'routine',
    ],
    [
      'VIA/VILI 阴性 → 3 年 [L]',
      { method: 'via_vili', lastDate: '2022-06-15', lastOutcome: 'routine_rescreen' },
      '2025-06-15',
      36,
      'routine',
    ],
    [
      '§9: 乳腺超声 1–2 类 → 3 年',
      { method: 'breast_ultrasound', lastDate: '2022-01-31', lastOutcome: 'routine_rescreen' },
      '2025-01-31',
      36,
      'routine',
    ],
    [
      '其他高危型HPV + NILM → 12 个月 [R]',
      { method: 'hpv', lastDate: '2024-01-31', lastOutcome: 'repeat_in_12_months' },
      '2025-01-31',
      12,
      'follow_up',
    ],
    [
      '乳腺 BI-RADS 3 专家评估后随访 → 6 个月 [R]',
      { method: 'mammography', lastDate: '2024-08-31', lastOutcome: 'short_interval_follow_up' },
      '2025-02-28',
      6,
      'short_interval',
    ],
    [
      '标本不满意 → 立即重取',
      { method: 'cytology', lastDate: '2024-08-31', lastOutcome: 'repeat_sample' },
      '2024-08-31',
      0,
      'repeat_sample',
    ],
    [
      '§9: HPV16/18 → 阴道镜, 病例随访中无常规日期',
      { method: 'hpv', lastDate: '2024-08-31', lastOutcome: 'colposcopy' },
      null,
      null,
      'in_case_follow_up',
    ],
    [
      '§9 breast: 4 类 → 活检, 病例随访中',
      { method: 'breast_ultrasound', lastDate: '2024-08-31', lastOutcome: 'biopsy' },
      null,
      null,
      'in_case_follow_up',
    ],
    [
      '§9 35–64: 下次筛查时已满 65 岁 → 不再安排',
      { method: 'hpv', lastDate: '2021-03-01', lastOutcome: 'routine_rescreen', birthDate: '1960-06-01' },
      null,
      60,
      'beyond_age_range',
    ],
    [
      '§9 35–64: 下次筛查时 64 岁 → 安排',
      { method: 'hpv', lastDate: '2021-03-01', lastOutcome: 'routine_rescreen', birthDate: '1961-06-01' },
      '2026-03-01',
      60,
      'routine',
    ],
  ])('%s', (_t, input, dueDate, months, reason) => {
    expect(cancerScreeningNextDue(input)).toEqual({ ok: true, dueDate, intervalMonths: months, reason });
  });

  it('§9 "some cities use a 3-year programme cycle": HPV negative then due in 3 years', () => {
    const cfg = {
      ...CANCER_SCREENING_SCHEDULE_NATIONAL,
      cervical: deriveWomenRuleSet(
        CERVICAL_INTERVALS_NATIONAL,
        { programmeCycleMonths: 36 },
        {
          region: '330900',
          version: '2019',
        },
      ),
    };
    const r = cancerScreeningNextDue({ method: 'hpv', lastDate: '2021-03-01', lastOutcome: 'routine_rescreen' }, cfg);
    expect(r).toMatchObject({ dueDate: '2024-03-01', intervalMonths: 36 });
  });

  it.each<[CancerScreeningNextDueInput]>([
    [{ method: 'mammography', lastDate: '2024-01-01', lastOutcome: 'repeat_in_12_months' }],
    [{ method: 'hpv', lastDate: '2024-01-01', lastOutcome: 'short_interval_follow_up' }],
    [{ method: 'breast_ultrasound', lastDate: '2024-01-01', lastOutcome: 'colposcopy' }],
  ])('refuses an outcome of the other cancer: %j', (input) => {
    expect(cancerScreeningNextDue(input)).toMatchObject({ ok: false, code: 'OUTCOME_METHOD_MISMATCH' });
  });

  it('refuses a bad date', () => {
    expect(
      cancerScreeningNextDue({ method: 'hpv', lastDate: '2021-02-29', lastOutcome: 'routine_rescreen' }),
    ).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });
});

describe('妇女常见病筛查 应查人数 20–64 岁 (REFERENCE §3 [R])', () => {
  it.each([
    ['2005-06-02', '2025-06-01', false, 19],
    ['2005-06-01', '2025-06-01', true, 20],
    ['1960-06-02', '2025-06-01', true, 64],
    ['1960-06-01', '2025-06-01', false, 65],
  ])('born %s, on %s → target %s (age %i)', (birth, on, target, age) => {
    expect(isGynSurveyTarget(birth, on)).toEqual({ ok: true, target, age });
  });

  it('refuses a date before birth', () => {
    expect(isGynSurveyTarget('2025-06-01', '2025-05-01')).toMatchObject({ ok: false, code: 'DATE_BEFORE_BIRTH' });
  });
});
