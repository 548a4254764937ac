import { describe, expect, it } from 'vitest';
import { deriveChildRuleSet } from './child-config';
import type { NutritionCaseType, NutritionClosureMeasures } from './nutrition-case-rules';
import {
  closureMet,
  NATIONAL_NUTRITION_CASE_RULES,
  nextFollowUpDue,
  nutritionReferral,
  UNDERNUTRITION_AGE_BANDED_FOLLOW_UP,
} from './nutrition-case-rules';

const NUT = '儿童营养性疾病管理技术规范(2012)';

describe(`${NUT}: next follow-up`, () => {
  it.each([
    ['营养不良 每月随访 [C]', 'undernutrition', 'moderate', '2024-01-31', '2024-02-29', null],
    ['重度营养不良 每月随访 [C]', 'undernutrition', 'severe', '2024-03-15', '2024-04-15', null],
    ['贫血 2–4周复查Hb [R]', 'anaemia', 'mild', '2024-03-01', '2024-03-29', '2024-03-15'],
    ['佝偻病活动期 每月 [R]', 'rickets', 'active', '2024-03-31', '2024-04-30', null],
    ['佝偻病恢复期 每2个月 [R]', 'rickets', 'recovery', '2024-03-31', '2024-05-31', null],
    ['佝偻病初期 每月 [L]', 'rickets', 'early', '2024-03-01', '2024-04-01', null],
    ['佝偻病后遗症期 无常规随访 [L]', 'rickets', 'sequelae', '2024-03-01', null, null],
    ['超重 每3个月 [L]', 'overweight_obesity', 'overweight', '2024-01-15', '2024-04-15', null],
    ['肥胖 每月 [L]', 'overweight_obesity', 'obesity', '2024-01-15', '2024-02-15', null],
  ] as const)('%s', (_t, type, stage, last, due, earliest) => {
    const r = nextFollowUpDue(type, stage, last);
    if (!r.ok) throw new Error(r.error.code);
    expect([r.value.due, r.value.earliest]).toEqual([due, earliest]);
  });

  it.each([
    ['under 3 years: monthly', 20, '2024-02-10'],
    ['from 3 years: every 3 months', 40, '2024-04-10'],
  ])('regional variant [L], undernutrition %s', (_t, ageMonths, due) => {
    const cfg = deriveChildRuleSet(
      NATIONAL_NUTRITION_CASE_RULES,
      { followUp: { ...NATIONAL_NUTRITION_CASE_RULES.followUp, undernutrition: UNDERNUTRITION_AGE_BANDED_FOLLOW_UP } },
      { region: '330900', version: 'zs' },
    );
    const r = nextFollowUpDue('undernutrition', 'moderate', '2024-01-10', { ageMonths, config: cfg });
    expect(r.ok && r.value.due).toBe(due);
  });

  it.each([
    ['unknown stage', 'rickets', 'severe', '2024-01-01', 'unknown_code', 'stage'],
    ['unknown case type', 'scurvy', 'mild', '2024-01-01', 'unknown_code', 'caseType'],
    ['bad date', 'anaemia', 'mild', '2024-02-31', 'invalid_date', 'lastVisitDate'],
  ])('fails: %s', (_t, type, stage, last, code, field) => {
    const r = nextFollowUpDue(type as NutritionCaseType, stage, last);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual([code, field]);
  });
});

describe(`${NUT}: closure`, () => {
  it.each<[string, NutritionCaseType, NutritionClosureMeasures, boolean, string[]]>([
    ['营养不良 W/A, L/A, W/L all ≥ −2SD [R]', 'undernutrition', { waz: -1.9, lhaz: -2, wlhz: -0.5 }, true, []],
    ['营养不良 L/A −2.01 still below', 'undernutrition', { waz: -1.5, lhaz: -2.01, wlhz: 0 }, false, []],
    ['营养不良 W/L missing', 'undernutrition', { waz: -1.5, lhaz: -1 }, false, ['wlhz']],
    [
      '贫血 Hb 112 g/L at 20 months, normal 2 months: close [R]',
      'anaemia',
      { hbGL: 112, ageMonths: 20, hbNormalSince: '2024-01-10', onDate: '2024-03-10' },
      true,
      [],
    ],
    [
      '贫血 Hb 112 g/L but normal only 1 month: iron course continues [R]',
      'anaemia',
      { hbGL: 112, ageMonths: 20, hbNormalSince: '2024-02-10', onDate: '2024-03-10' },
      false,
      [],
    ],
    [
      '贫血 Hb 108 g/L at 20 months: still anaemic (<110)',
      'anaemia',
      { hbGL: 108, ageMonths: 20, hbNormalSince: '2024-01-10', onDate: '2024-03-10' },
      false,
      [],
    ],
    [
      '贫血 Hb 115 g/L at 7 years: still anaemic (<120)',
      'anaemia',
      { hbGL: 115, ageMonths: 84, hbNormalSince: '2024-01-10', onDate: '2024-03-10' },
      false,
      [],
    ],
    ['贫血 no Hb', 'anaemia', { ageMonths: 20 }, false, ['hbGL']],
    ['超重/肥胖 W/H z +0.8 < +1 [L]', 'overweight_obesity', { wlhz: 0.8 }, true, []],
    ['超重/肥胖 BMI z +1.0 still ≥ +1', 'overweight_obesity', { bmiz: 1 }, false, []],
    [
      '佝偻病 recovery, signs gone, biochemistry normal [L]',
      'rickets',
      { ricketsStage: 'recovery', signsResolved: true, biochemistryNormal: true },
      true,
      [],
    ],
    [
      '佝偻病 still active',
      'rickets',
      { ricketsStage: 'active', signsResolved: true, biochemistryNormal: true },
      false,
      [],
    ],
    [
      '佝偻病 biochemistry unknown',
      'rickets',
      { ricketsStage: 'recovery', signsResolved: true },
      false,
      ['biochemistryNormal'],
    ],
  ])('%s', (_t, type, measures, met, missing) => {
    const r = closureMet(type, measures);
    expect(r.met).toBe(met);
    expect(r.missing).toEqual(missing);
    expect(r.reasons.length === 0).toBe(missing.length > 0 ? true : met);
  });

  it('佝偻病后遗症期: the clinician decides', () => {
    const r = closureMet('rickets', { ricketsStage: 'sequelae' });
    expect([r.met, r.decidedBy]).toEqual([false, 'clinician']);
  });

  it('a region may close undernutrition at −1SD (config)', () => {
    const cfg = deriveChildRuleSet(
      NATIONAL_NUTRITION_CASE_RULES,
      { undernutrition: { ...NATIONAL_NUTRITION_CASE_RULES.undernutrition, closureMinZ: -1 } },
      { region: '33', version: 't' },
    );
    expect(closureMet('undernutrition', { waz: -1.5, lhaz: 0, wlhz: 0 }, cfg).met).toBe(false);
  });
});

describe(`${NUT}: referral`, () => {
  it.each([
    ['重度营养不良 [C]', 'undernutrition', { stage: 'severe' }, true],
    ['中度, 连续2次体重增长不良 [C]', 'undernutrition', { stage: 'moderate', poorWeightGainVisits: 2 }, true],
    ['中度, 1次体重增长不良', 'undernutrition', { stage: 'moderate', poorWeightGainVisits: 1 }, false],
    ['中度, 3个月身长增长不良 [C]', 'undernutrition', { stage: 'moderate', poorLengthGainMonths: 3 }, true],
    ['重度贫血 [R]', 'anaemia', { stage: 'severe' }, true],
    [
      '贫血 1月后Hb升5 g/L: 无效 [R]',
      'anaemia',
      { stage: 'mild', treatmentStartedOn: '2024-01-01', hbAtStartGL: 100, latestHbGL: 105, latestHbOn: '2024-02-01' },
      true,
    ],
    [
      '贫血 1月后Hb升12 g/L: 有效',
      'anaemia',
      {
        stage: 'moderate',
        treatmentStartedOn: '2024-01-01',
        hbAtStartGL: 85,
        latestHbGL: 97,
        latestHbOn: '2024-02-01',
      },
      false,
    ],
    [
      '贫血 2周后Hb升5 g/L: too early to judge',
      'anaemia',
      { stage: 'mild', treatmentStartedOn: '2024-01-01', hbAtStartGL: 100, latestHbGL: 105, latestHbOn: '2024-01-15' },
      false,
    ],
  ] as const)('%s', (_t, type, input, refer) => {
    expect(nutritionReferral(type, input).refer).toBe(refer);
  });

  it('rickets: the clinician decides', () => {
    expect(nutritionReferral('rickets', { stage: 'active' }).decidedBy).toBe('clinician');
  });
});
