import { describe, expect, it } from 'vitest';
import {
  assessWarningSigns,
  caseClosureCriteria,
  caseNextFollowUp,
  DEVELOPMENTAL_WARNING_SIGNS,
  highRiskInfantFactors,
  NATIONAL_CHILD_CASE_RULES,
  pretermRisk,
  warningSignsForAge,
} from './child-case-rules';

const HR = '新生儿访视技术规范(2012) 高危新生儿 [R]';
const PT = '早产儿保健工作规范(2017) [R]';
const NUT = '儿童营养性疾病管理技术规范(2012)';
const WS = '儿童心理行为发育问题预警征象 [C]';

describe(HR, () => {
  it.each([
    ['34 weeks, 2200 g', { gestationalWeeks: 34, birthWeightG: 2200 }, ['preterm', 'low_birth_weight']],
    ['term, 2400 g', { gestationalWeeks: 39, birthWeightG: 2400 }, ['low_birth_weight']],
    ['Apgar 5 at 1 min', { gestationalWeeks: 39, birthWeightG: 3200, apgar1: 5, apgar5: 9 }, ['asphyxia']],
    [
      'hyperbilirubinaemia recorded',
      { gestationalWeeks: 39, conditions: ['hyperbilirubinaemia'] },
      ['hyperbilirubinaemia'],
    ],
    ['mother aged 36', { gestationalWeeks: 39, maternalAge: 36 }, ['maternal_risk']],
    ['term, 3300 g, Apgar 9/10', { gestationalWeeks: 39, birthWeightG: 3300, apgar1: 9, apgar5: 10 }, []],
  ])('%s → %j', (_t, b, codes) => {
    expect(highRiskInfantFactors(b).map((i) => i.code)).toEqual(codes);
  });
});

describe(`${PT}: risk grading`, () => {
  it.each([
    ['33+6 weeks', { gestationalWeeks: 33, birthWeightG: 2100 }, 'high'],
    ['34 weeks, 1990 g', { gestationalWeeks: 34, birthWeightG: 1990 }, 'high'],
    ['35 weeks, 2300 g', { gestationalWeeks: 35, birthWeightG: 2300 }, 'low'],
    [
      '35 weeks, 2300 g, feeding difficulty',
      { gestationalWeeks: 35, birthWeightG: 2300, feedingDifficulty: true },
      'high',
    ],
    ['37 weeks: not preterm', { gestationalWeeks: 37, birthWeightG: 2300 }, null],
  ])('%s → %s', (_t, b, risk) => {
    expect(pretermRisk(b)).toBe(risk);
  });
});

describe('follow-up intervals', () => {
  it.each([
    [`${NUT}: undernutrition monthly under 3 years`, 'undernutrition', null, 300, null, '2024-03-31'],
    [`${NUT}: undernutrition over 3 years every 3 months [L]`, 'undernutrition', null, 1200, null, '2024-05-30'],
    [`${PT}: high risk every 2 weeks until CA 1 month`, 'preterm', 'high', 40, 10, '2024-03-15'],
    [`${PT}: high risk monthly at CA 1–6 months`, 'preterm', 'high', 120, 60, '2024-03-31'],
    [`${PT}: low risk every 1–2 months to CA 6 months (45 days)`, 'preterm', 'low', 120, 60, '2024-04-15'],
    ['REFERENCE §5.3: rickets monthly when active', 'rickets', 'active', 300, null, '2024-03-31'],
    ['REFERENCE §5.3: rickets every 2 months in recovery', 'rickets', 'recovery', 300, null, '2024-04-30'],
  ] as const)('%s', (_t, kind, severity, ageDays, corrected, due) => {
    expect(caseNextFollowUp({ kind, severity, from: '2024-03-01', ageDays, correctedAgeDays: corrected })).toBe(due);
  });

  it('an invalid date gives no due date', () => {
    expect(caseNextFollowUp({ kind: 'anaemia', from: '2024-02-31', ageDays: 300 })).toBeNull();
  });
});

describe('closure criteria', () => {
  it.each([
    [`${NUT}: all ≥ −2 SD closes`, { kind: 'undernutrition', zscores: { waz: -1.9, lhaz: -1.2, wlhz: -0.5 } }, true],
    [`${NUT}: one below −2 SD keeps it open`, { kind: 'undernutrition', zscores: { waz: -2.1, lhaz: -1.2 } }, false],
    ['anaemia: Hb back at the cut-off closes', { kind: 'anaemia', hbGL: 110, hbCutoffGL: 110 }, true],
    ['anaemia: Hb 105 keeps it open', { kind: 'anaemia', hbGL: 105, hbCutoffGL: 110 }, false],
    ['overweight: W/L z +0.8 closes [L]', { kind: 'overweight_obesity', zscores: { wlhz: 0.8 } }, true],
    ['overweight: W/L z +1.0 keeps it open [L]', { kind: 'overweight_obesity', zscores: { wlhz: 1 } }, false],
    ['preterm: corrected 20 months keeps it open [L]', { kind: 'preterm', correctedAgeDays: 610 }, false],
    [
      'preterm: past 24 months corrected (no corrected age any more) closes',
      { kind: 'preterm', correctedAgeDays: null, ageDays: 800 },
      true,
    ],
  ] as const)('%s', (_t, c, met) => {
    expect(caseClosureCriteria(c).met).toBe(met);
  });

  it('rickets and high-risk infants are closed by the clinician', () => {
    expect(caseClosureCriteria({ kind: 'rickets' })).toMatchObject({ met: true, decidedByClinician: true });
  });

  it('the rule set is configuration flagged to confirm', () => {
    expect(NATIONAL_CHILD_CASE_RULES.status).toBe('to_confirm');
  });
});

describe(WS, () => {
  it('has four signs at each of the 11 ages 3, 6, 8, 12, 18, 24, 30, 36 months, 4, 5, 6 years', () => {
    expect(DEVELOPMENTAL_WARNING_SIGNS.map((a) => a.ageMonths)).toEqual([3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72]);
    expect(DEVELOPMENTAL_WARNING_SIGNS.every((a) => a.signs.length === 4)).toBe(true);
  });

  it.each([
    [2, null],
    [3, 3],
    [7.9, 6],
    [18, 18],
    [47, 36],
    [80, 72],
  ])('age %s months → checklist of %s months', (age, list) => {
    expect(warningSignsForAge(age)?.ageMonths ?? null).toBe(list);
  });

  it.each([
    ['18月: 不会独走 ticked', 18, ['ws18_4'], false, true],
    ['18月: nothing ticked', 18, [], false, false],
    ['regression at any age', 10, [], true, true],
    ['a sign of another age is not counted', 18, ['ws3_1'], false, false],
  ])('%s → positive %s', (_t, age, checked, regression, positive) => {
    expect(assessWarningSigns(age, checked, regression).positive).toBe(positive);
  });
});
