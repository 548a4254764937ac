import { describe, expect, it } from 'vitest';
import type { ChildProfileRow, PersonRow } from './child.common';
import { childSchedule } from './child.rules';
import { childWorkRows, type ChildWorkInput } from './worklist.rows';

const SCHED = '基本公卫规范第三版 0–6岁儿童健康管理';

type Birth = Partial<Pick<ChildProfileRow, 'gestational_weeks' | 'gestational_days' | 'birth_weight_g'>> & {
  multiple_birth?: number;
  birth_defects?: string[];
  discharged_on?: string | null;
};

function child(birthDate: string, birth: Birth, checkups: ChildWorkInput['checkups'], today: string): ChildWorkInput {
  return {
    person: {
      county_code: '330902',
      id: 'p1',
      birth_date: birthDate,
      birth_time: null,
      deceased_on: null,
      residence_region_code: '330902001001',
    },
    profile: {
      status: 'active',
      managing_institution_id: null,
      gestational_weeks: 39,
      gestational_days: 0,
      birth_weight_g: 3300,
      multiple_birth: 1,
      birth_defects: [],
      discharged_on: null,
      ...birth,
    },
    checkups,
    cases: [],
    referrals: [],
    newbornScreenings: [],
    childScreenings: [],
    exposure: null,
    today,
  };
}

/** The page's schedule of the same child (the function the child's page calls). */
const pageOf = (a: ChildWorkInput) =>
  childSchedule({
    person: a.person as PersonRow,
    profile: a.profile as ChildProfileRow,
    visits: a.checkups,
    today: a.today,
  }) ?? [];

const visit = (date: string, hb: number | null = null) => ({
  visit_date: date,
  contact_key: null,
  kind: 'routine',
  hb_gl: hb,
  next_appointment: null,
  created_at: `${date}T02:00:00Z`,
});

describe(`${SCHED}: the stored worklist rows place each contact where the child's page does`, () => {
  it.each([
    ['term singleton, discharge unknown (birth + 3 days [L])', {}, 'newborn_visit', '2024-01-13', '2024-01-20', false],
    [
      'twins (增加访视): newborn visit within 3 days of discharge [R]',
      { multiple_birth: 2, discharged_on: '2024-01-12' },
      'newborn_visit',
      '2024-01-12',
      '2024-01-15',
      true,
    ],
    [
      'birth defect (增加访视)',
      { birth_defects: ['Q35.9'], discharged_on: '2024-01-12' },
      'newborn_visit',
      '2024-01-12',
      '2024-01-15',
      true,
    ],
  ])('born 2024-01-10, %s', (_t, birth, key, start, end, extra) => {
    const a = child('2024-01-10', birth, [], '2024-01-12');
    const page = pageOf(a);
    const c = page.find((x) => x.key === key);
    expect([c?.windowStart, c?.windowEnd, c?.status]).toEqual([start, end, start <= a.today ? 'due' : 'upcoming']);
    expect(page.some((x) => x.key === 'newborn_extra')).toBe(extra);
    const row = childWorkRows(a).find((r) => r.kind === 'checkup_due' && r.item === key);
    expect([row?.list_from, row?.due_on]).toEqual([start, end]);
  });

  it('早产儿保健工作规范(2017): a 32+0 week child’s 3-month contact is on the corrected timeline, page and row alike', () => {
    const a = child('2024-01-01', { gestational_weeks: 32, birth_weight_g: 1700 }, [], '2024-05-20');
    const m3 = pageOf(a).find((x) => x.key === 'm3');
    // term-equivalent 2024-02-26, + 3 months = 2024-05-26, ±15 days [L]
    expect([m3?.windowStart, m3?.windowEnd, m3?.corrected, m3?.status]).toEqual([
      '2024-05-11',
      '2024-06-10',
      true,
      'due',
    ]);
    const row = childWorkRows(a).find((r) => r.item === 'm3');
    expect([row?.list_from, row?.due_on]).toEqual([m3?.windowStart, m3?.windowEnd]);
  });

  it('a check-up and a discharge dated before a birth date corrected since count for nothing, the rest stands', () => {
    const a = child(
      '2024-01-10',
      { discharged_on: '2024-01-08' },
      [visit('2024-01-09'), visit('2024-02-08')],
      '2024-02-20',
    );
    const page = pageOf(a);
    const byKey = Object.fromEntries(page.map((x) => [x.key, [x.status, x.windowStart]]));
    expect(byKey).toMatchObject({ newborn_visit: ['missed', '2024-01-13'], month1: ['done', '2024-02-07'] });
    expect(childWorkRows(a).find((r) => r.item === 'm3')?.due_on).toBe(page.find((x) => x.key === 'm3')?.windowEnd);
  });

  it('Hb 6–8, 18, 30月龄 [C] and preschool [R]: the page flags the contacts of the Hb services', () => {
    const page = pageOf(child('2024-01-10', {}, [], '2024-01-12'));
    expect(page.filter((x) => x.hb).map((x) => x.key)).toEqual(['m6', 'm8', 'm18', 'm30', 'y4', 'y5', 'y6']);
  });

  it('Hb 6–8月龄 [C]: seen at 6 months without an Hb, listed until the 8-month window closes (the page’s m8 window)', () => {
    const a = child('2024-01-10', {}, [visit('2024-07-10')], '2024-08-01');
    const m8 = pageOf(a).find((x) => x.key === 'm8');
    const row = childWorkRows(a).find((r) => r.kind === 'hb_due');
    expect([row?.item, row?.list_from, row?.due_on]).toEqual(['hb_6_8m', '2024-07-10', m8?.windowEnd]);
    const done = child('2024-01-10', {}, [visit('2024-07-10'), visit('2024-09-10', 118)], '2024-09-11');
    expect(childWorkRows(done).some((r) => r.kind === 'hb_due' && r.item === 'hb_6_8m')).toBe(false);
  });
});
