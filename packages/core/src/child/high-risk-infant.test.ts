import { describe, expect, it } from 'vitest';
import type { HighRiskNewbornInput, PretermRiskInput } from './high-risk-infant';
import {
  assessHighRiskNewborn,
  gradePretermRisk,
  NATIONAL_PRETERM_RULES,
  pretermFollowUpDates,
} from './high-risk-infant';

const HR = '新生儿访视技术规范(2012) 高危新生儿 [R]';
const PT = '早产儿保健工作规范(2017)';

describe(`${HR}: criteria`, () => {
  it.each<[string, HighRiskNewbornInput, string[]]>([
    ['早产 36+6周', { gestationalWeeks: 36, gestationalDays: 6, birthWeightG: 2600 }, ['preterm']],
    ['37周 is term', { gestationalWeeks: 37, birthWeightG: 2600 }, []],
    ['低出生体重 2499 g', { gestationalWeeks: 39, birthWeightG: 2499 }, ['low_birth_weight']],
    ['2500 g is not low', { gestationalWeeks: 39, birthWeightG: 2500 }, []],
    ['窒息 Apgar 1分钟 7 [L]', { gestationalWeeks: 39, apgar1: 7, apgar5: 9 }, ['asphyxia']],
    ['Apgar 8/9: no asphyxia', { gestationalWeeks: 39, apgar1: 8, apgar5: 9 }, []],
    ['高龄分娩 母亲35岁', { gestationalWeeks: 39, maternalAgeYears: 35 }, ['maternal_risk']],
    ['母亲34岁', { gestationalWeeks: 39, maternalAgeYears: 34 }, []],
    ['缺氧缺血性脑病 ticked', { ticked: ['hie'] }, ['hie']],
    [
      '颅内出血, 高胆红素血症, 严重感染 ticked',
      { ticked: ['severe_infection', 'intracranial_haemorrhage', 'hyperbilirubinaemia'] },
      ['intracranial_haemorrhage', 'hyperbilirubinaemia', 'severe_infection'],
    ],
    [
      '出生缺陷, 遗传代谢病 ticked',
      { ticked: ['birth_defect', 'metabolic_disease'] },
      ['birth_defect', 'metabolic_disease'],
    ],
    ['母亲残疾影响养育 ticked', { ticked: ['maternal_risk'] }, ['maternal_risk']],
    ['早产 and 低出生体重 32周 1600 g', { gestationalWeeks: 32, birthWeightG: 1600 }, ['preterm', 'low_birth_weight']],
  ])('%s → %j', (_t, input, codes) => {
    const r = assessHighRiskNewborn(input);
    expect(r.presentCodes).toEqual(codes);
    expect(r.highRisk).toBe(codes.length > 0);
  });

  it('computed and ticked together are reported as both; unknown ticks are listed', () => {
    const r = assessHighRiskNewborn({ gestationalWeeks: 35, ticked: ['preterm', 'jaundice'] });
    expect(r.findings.find((f) => f.code === 'preterm')?.by).toBe('both');
    expect(r.unknownCodes).toEqual(['jaundice']);
  });

  it('ten criteria, each with zh and en labels', () => {
    const r = assessHighRiskNewborn({});
    expect(r.findings).toHaveLength(10);
    expect(r.findings.every((f) => f.label.zh && f.label.en)).toBe(true);
  });
});

describe(`${PT}: risk grading [R]`, () => {
  it.each<[string, PretermRiskInput, 'low' | 'high' | null]>([
    ['34+0周 2000 g, no complication: low', { gestationalWeeks: 34, birthWeightG: 2000 }, 'low'],
    ['33+6周 2100 g: high (<34 weeks)', { gestationalWeeks: 33, gestationalDays: 6, birthWeightG: 2100 }, 'high'],
    ['35周 1999 g: high (<2000 g)', { gestationalWeeks: 35, birthWeightG: 1999 }, 'high'],
    [
      '36周 2300 g with serious complication: high',
      { gestationalWeeks: 36, birthWeightG: 2300, seriousComplication: true },
      'high',
    ],
    [
      '35周 2300 g, feeding difficulty: high',
      { gestationalWeeks: 35, birthWeightG: 2300, feedingDifficulty: true },
      'high',
    ],
    ['35周 2300 g, poor weight gain: high', { gestationalWeeks: 35, birthWeightG: 2300, poorWeightGain: true }, 'high'],
    ['35周, weight unknown: high', { gestationalWeeks: 35 }, 'high'],
    ['37周: not preterm', { gestationalWeeks: 37, birthWeightG: 2300 }, null],
  ])('%s', (_t, input, grade) => {
    const r = gradePretermRisk(input);
    expect(r.ok && r.value.grade).toBe(grade);
  });

  it('invalid gestation fails with a code', () => {
    const r = gradePretermRisk({ gestationalWeeks: 34.5 });
    expect(r.ok ? null : r.error.code).toBe('invalid_gestational_age');
  });
});

describe(`${PT}: follow-up by corrected age [R]`, () => {
  it('高危 30+0周, born 2024-01-01 (term-equivalent 2024-03-11), discharged 2024-02-15', () => {
    const r = pretermFollowUpDates({
      birthDate: '2024-01-01',
      gestationalWeeks: 30,
      grade: 'high',
      startDate: '2024-02-15',
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.termEquivalentDate).toBe('2024-03-11');
    expect(r.value.visits.map((v) => v.date)).toEqual([
      // every 2 weeks to CA 1 month
      '2024-02-29',
      '2024-03-14',
      '2024-03-28',
      '2024-04-11',
      // monthly CA 1–6 months
      '2024-05-11',
      '2024-06-11',
      '2024-07-11',
      '2024-08-11',
      '2024-09-11',
      // every 2 months CA 7–12 months
      '2024-11-11',
      '2025-01-11',
      '2025-03-11',
      // every 3 months CA 13–24 months
      '2025-06-11',
      '2025-09-11',
      '2025-12-11',
      '2026-03-11',
      // every 6 months after CA 24 months, to CA 36 months [L]
      '2026-09-11',
      '2027-03-11',
    ]);
    expect(r.value.endDate).toBe('2027-03-11');
  });

  it('低危 35+0周, born 2024-01-01 (term-equivalent 2024-02-05), from 2024-01-05', () => {
    const r = pretermFollowUpDates({
      birthDate: '2024-01-01',
      gestationalWeeks: 35,
      grade: 'low',
      startDate: '2024-01-05',
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.visits.map((v) => [v.date, v.latestDate])).toEqual([
      // every 1–2 months to CA 6 months
      ['2024-02-05', '2024-03-05'],
      ['2024-03-05', '2024-04-05'],
      ['2024-04-05', '2024-05-05'],
      ['2024-05-05', '2024-06-05'],
      ['2024-06-05', '2024-07-05'],
      ['2024-07-05', '2024-08-05'],
      ['2024-08-05', '2024-09-05'],
      // every 2–3 months CA 7–12 months
      ['2024-10-05', '2024-11-05'],
      ['2024-12-05', '2025-01-05'],
      ['2025-02-05', '2025-03-05'],
      // at least every 6 months after CA 12 months
      ['2025-08-05', '2025-08-05'],
      ['2026-02-05', '2026-02-05'],
      ['2026-08-05', '2026-08-05'],
      ['2027-02-05', '2027-02-05'],
    ]);
    expect(r.value.visits[0]?.correctedAgeDays).toBe(0);
  });

  it.each([
    ['born at term', { gestationalWeeks: 38 }, 'invalid_gestational_age'],
    ['start before birth', { startDate: '2023-12-01' }, 'date_before_birth'],
    ['bad birth date', { birthDate: '2024-02-30' }, 'invalid_date'],
  ])('fails: %s', (_t, patch, code) => {
    const r = pretermFollowUpDates({
      birthDate: '2024-01-01',
      gestationalWeeks: 30,
      grade: 'high',
      startDate: '2024-02-15',
      ...patch,
    });
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it('the end corrected age is configuration (to_confirm)', () => {
    expect([NATIONAL_PRETERM_RULES.endCorrectedMonths, NATIONAL_PRETERM_RULES.meta.status]).toEqual([36, 'to_confirm']);
  });
});
