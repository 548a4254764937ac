import { describe, expect, it } from 'vitest';
import {
  childContactStates,
  correctedAgeDays,
  NATIONAL_CHILD_CHECKUP_PLAN,
  needsExtraNewbornVisit,
  prematurityDays,
  type ChildPlanBirth,
} from './child-checkup-plan';

const BPH = '基本公卫规范(第三版) 0–6岁儿童健康管理';
const PRETERM = '早产儿保健工作规范(2017) 矫正月龄至24月';
const term: ChildPlanBirth = { birthDate: '2024-01-15', gestationalWeeks: 39, birthWeightG: 3300 };
const preterm: ChildPlanBirth = {
  birthDate: '2024-01-15',
  gestationalWeeks: 32,
  gestationalDays: 0,
  birthWeightG: 1800,
};

function contact(
  birth: ChildPlanBirth,
  key: string,
  today = '2024-01-16',
  visits: { date: string; contactKey?: string }[] = [],
) {
  const s = childContactStates(birth, visits, today);
  const c = s?.find((x) => x.key === key);
  if (!c) throw new Error(`no ${key}`);
  return c;
}

describe(`${BPH}: contact windows of a term child born 2024-01-15`, () => {
  it.each([
    ['newborn_visit', '出院后1周内 (no discharge date: from birth)', '2024-01-15', '2024-01-22'],
    ['month1', '满月 28–30天', '2024-02-12', '2024-02-14'],
    ['m3', '3月龄 ±15天 [L]', '2024-03-31', '2024-04-30'],
    ['m8', '8月龄 ±15天 [L]', '2024-08-31', '2024-09-30'],
    ['m18', '18月龄 ±30天 [L]', '2025-06-15', '2025-08-14'],
    ['y4', '4岁 ±60天 [L]', '2027-11-16', '2028-03-15'],
  ])('%s: %s → %s … %s', (key, _t, start, end) => {
    const c = contact(term, key);
    expect([c.windowStart, c.windowEnd]).toEqual([start, end]);
    expect(c.corrected).toBe(false);
  });

  it('新生儿访视: the week counts from discharge when it is known', () => {
    const c = contact({ ...term, dischargedOn: '2024-01-18' }, 'newborn_visit');
    expect([c.windowStart, c.windowEnd]).toEqual(['2024-01-18', '2024-01-25']);
  });

  it.each([
    ['m6', true, true],
    ['m8', true, false],
    ['m12', false, true],
    ['m18', true, false],
    ['m30', true, false],
    ['y5', true, false],
  ])('Hb and hearing at %s: Hb %s, hearing %s (Hb 6–8/18/30月 [C], hearing 6/12/24/36月 [R])', (key, hb, hearing) => {
    const c = contact(term, key);
    expect([c.hb, c.hearing]).toEqual([hb, hearing]);
  });

  it('13 eye checks in all (2021): 2 newborn + 8 infant/toddler + 3 preschool', () => {
    const s = childContactStates(term, [], '2024-01-16') ?? [];
    expect(s.filter((c) => c.eye)).toHaveLength(13);
  });
});

describe(`${BPH}: done, due, missed, upcoming`, () => {
  it.each([
    ['no visit, today inside the newborn window', 'newborn_visit', '2024-01-17', [], 'due'],
    ['no visit, the newborn window passed', 'newborn_visit', '2024-03-01', [], 'missed'],
    ['a visit on day 29', 'month1', '2024-03-01', [{ date: '2024-02-13' }], 'done'],
    ['a visit on day 35 is outside 28–30 days', 'month1', '2024-03-01', [{ date: '2024-02-19' }], 'missed'],
    [
      'a visit named for the contact counts whatever its date',
      'month1',
      '2024-03-01',
      [{ date: '2024-02-19', contactKey: 'month1' }],
      'done',
    ],
    ['3 months not yet reached', 'm3', '2024-02-01', [], 'upcoming'],
  ] as const)('%s → %s %s', (_t, key, today, visits, status) => {
    expect(contact(term, key, today, [...visits]).status).toBe(status);
  });
});

describe(`${PRETERM}`, () => {
  it.each([
    ['32+0 weeks: 56 days early', { gestationalWeeks: 32, gestationalDays: 0 }, 56],
    ['36+6 weeks: 22 days early', { gestationalWeeks: 36, gestationalDays: 6 }, 22],
    ['37+0 weeks: term, no correction', { gestationalWeeks: 37, gestationalDays: 0 }, 0],
    ['unknown gestation: no correction', {}, 0],
  ])('%s', (_t, ga, days) => {
    expect(prematurityDays({ birthDate: '2024-01-15', ...ga })).toBe(days);
  });

  it.each([
    ['3 months actual (91 days) is 35 days corrected', '2024-04-15', 35],
    ['on the term date the corrected age is 0', '2024-03-11', 0],
    ['after 24 months corrected: no longer corrected', '2026-03-12', null],
  ])('born 32+0 on 2024-01-15: %s', (_t, date, days) => {
    expect(correctedAgeDays(preterm, date)).toBe(days);
  });

  it('a term child has no corrected age', () => {
    expect(correctedAgeDays(term, '2024-04-15')).toBeNull();
  });

  it.each([
    ['m3 by corrected age (term date 2024-03-11 + 3 months)', 'm3', '2024-05-27', '2024-06-26', true],
    ['m24 by corrected age (last corrected contact)', 'm24', '2026-02-09', '2026-04-10', true],
    ['m30 by actual age (after 24 months corrected)', 'm30', '2026-06-15', '2026-08-14', false],
  ])('born 32+0: %s', (_t, key, start, end, corrected) => {
    const c = contact(preterm, key);
    expect([c.windowStart, c.windowEnd, c.corrected]).toEqual([start, end, corrected]);
  });

  it.each([
    ['preterm', { gestationalWeeks: 35 }, true],
    ['low birth weight 2400 g', { gestationalWeeks: 39, birthWeightG: 2400 }, true],
    ['twins', { gestationalWeeks: 38, multipleBirth: 2 }, true],
    ['birth defect', { gestationalWeeks: 39, hasBirthDefect: true }, true],
    ['term, 3300 g, singleton', { gestationalWeeks: 39, birthWeightG: 3300 }, false],
  ])('基本公卫规范: extra newborn visit for %s → %s', (_t, b, extra) => {
    const birth = { birthDate: '2024-01-15', ...b };
    expect(needsExtraNewbornVisit(birth)).toBe(extra);
    expect((childContactStates(birth, [], '2024-01-16') ?? []).some((c) => c.key === 'newborn_extra')).toBe(extra);
  });

  it('the plan is configuration flagged to confirm', () => {
    expect(NATIONAL_CHILD_CHECKUP_PLAN.confirmed).toBe(false);
    expect(NATIONAL_CHILD_CHECKUP_PLAN.status).toBe('to_confirm');
  });

  it('an invalid birth date gives no plan', () => {
    expect(childContactStates({ birthDate: '2024-02-30' }, [], '2024-03-01')).toBeNull();
  });
});
