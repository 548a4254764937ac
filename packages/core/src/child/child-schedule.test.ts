import { describe, expect, it } from 'vitest';
import type { ChildSchedule, ChildScheduleInput } from './child-schedule';
import { childAgeAt, childSchedule, correctedAge, NATIONAL_CHILD_SCHEDULE } from './child-schedule';
import { deriveChildRuleSet } from './child-config';

const SCHED = '基本公卫规范第三版 0–6岁儿童健康管理';
const PRETERM = '早产儿保健工作规范(2017) 矫正年龄 [R]';

function schedule(input: Partial<ChildScheduleInput> & { birthDate: string; today: string }): ChildSchedule {
  const r = childSchedule({ visits: [], ...input });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

function contact(s: ChildSchedule, key: string) {
  const c = s.contacts.find((x) => x.key === key);
  if (!c) throw new Error(`no contact ${key}`);
  return c;
}

function service(s: ChildSchedule, code: string) {
  const c = s.services.find((x) => x.code === code);
  if (!c) throw new Error(`no service ${code}`);
  return c;
}

describe(`${SCHED}: contact windows of a term child born 2024-01-10 (discharge unknown → birth+3 [L])`, () => {
  const s = schedule({ birthDate: '2024-01-10', gestationalWeeks: 39, today: '2024-01-10' });
  it.each([
    ['新生儿家庭访视 出院后1周内', 'newborn_visit', '2024-01-13', '2024-01-13', '2024-01-20', 'discharge'],
    ['满月 28–30天', 'month1', '2024-02-07', '2024-02-07', '2024-02-09', 'chronological'],
    ['3月龄 ±15天 [L]', 'm3', '2024-04-10', '2024-03-26', '2024-04-25', 'chronological'],
    ['6月龄 ±15天 [L]', 'm6', '2024-07-10', '2024-06-25', '2024-07-25', 'chronological'],
    ['8月龄 ±15天 [L]', 'm8', '2024-09-10', '2024-08-26', '2024-09-25', 'chronological'],
    ['12月龄 ±15天 [L]', 'm12', '2025-01-10', '2024-12-26', '2025-01-25', 'chronological'],
    ['18月龄 ±1月 [L]', 'm18', '2025-07-10', '2025-06-10', '2025-08-10', 'chronological'],
    ['36月龄 ±1月 [L]', 'm36', '2027-01-10', '2026-12-10', '2027-02-10', 'chronological'],
    ['4岁 ±1月 [L]', 'y4', '2028-01-10', '2027-12-10', '2028-02-10', 'chronological'],
    ['6岁 ±1月 [L]', 'y6', '2030-01-10', '2029-12-10', '2030-02-10', 'chronological'],
  ])('%s', (_t, key, target, start, end, basis) => {
    const c = contact(s, key);
    expect([c.targetDate, c.windowStart, c.windowEnd, c.basis]).toEqual([target, start, end, basis]);
  });

  it('4-2-2-1 plus newborn visit and 满月: 14 contacts, no extra visit for a term normal-weight child', () => {
    expect(s.contacts.map((c) => c.key)).toEqual([
      'newborn_visit',
      'month1',
      'm3',
      'm6',
      'm8',
      'm12',
      'm18',
      'm24',
      'm30',
      'm36',
      'y4',
      'y5',
      'y6',
    ]);
    expect(s.dischargeAssumed).toBe(true);
    expect(s.dischargeDate).toBe('2024-01-13');
    expect(s.atRisk).toBe(false);
  });

  it('儿童眼保健 2021: 13 eye checks', () => {
    expect(s.services.filter((x) => x.kind === 'eye')).toHaveLength(13);
  });

  it.each([
    [
      'Hb 6–8, 18, 30月龄 [C] and preschool yearly [R]',
      'hb',
      ['hb_6_8m', 'hb_18m', 'hb_30m', 'hb_4y', 'hb_5y', 'hb_6y'],
    ],
    ['听力 6, 12, 24, 36月龄 [R]', 'hearing', ['hearing_6m', 'hearing_12m', 'hearing_24m', 'hearing_36m']],
  ])('%s', (_t, kind, codes) => {
    expect(s.services.filter((x) => x.kind === kind).map((x) => x.code)).toEqual(codes);
  });

  it.each([
    ['m6', ['hb', 'hearing', 'eye']],
    ['m8', ['hb', 'eye']],
    ['m12', ['hearing', 'eye']],
    ['m18', ['hb', 'eye']],
    ['m30', ['hb', 'eye']],
    ['y5', ['hb', 'eye']],
    ['newborn_visit', ['eye']],
  ])(
    'services at the %s contact: %j (Hb 6–8/18/30月 [C], preschool [R]; hearing 6/12/24/36月 [R]; eye 2021 [C])',
    (key, kinds) => {
      expect(contact(s, key).services).toEqual(kinds);
    },
  );

  it('儿童眼保健 2021: 13 contacts carry an eye check (2 newborn period + 8 from 3 to 36 months + 3 preschool)', () => {
    expect(s.contacts.filter((c) => c.services.includes('eye'))).toHaveLength(13);
  });
});

describe(`${SCHED}: 新生儿家庭访视 出院后1周内, counted from the discharge when it is known`, () => {
  it.each([
    ['term child discharged on day 3', { gestationalWeeks: 39, birthWeightG: 3300 }, '2024-01-18', '2024-01-25'],
    [
      'discharge unknown: birth + 3 days [L]',
      { gestationalWeeks: 39, birthWeightG: 3300, dischargeDate: null },
      '2024-01-18',
      '2024-01-25',
    ],
    [
      'term child discharged on day 6',
      { gestationalWeeks: 39, dischargeDate: '2024-01-21' },
      '2024-01-21',
      '2024-01-28',
    ],
  ] as const)('born 2024-01-15, %s → %s … %s', (_t, extra, start, end) => {
    const s = schedule({ birthDate: '2024-01-15', dischargeDate: '2024-01-18', today: '2024-01-16', ...extra });
    const c = contact(s, 'newborn_visit');
    expect([c.windowStart, c.windowEnd, c.basis]).toEqual([start, end, 'discharge']);
  });
});

describe(`${SCHED}: extra visits for preterm, low birth weight, twins, birth defects`, () => {
  it.each([
    ['preterm 35 weeks', { gestationalWeeks: 35 }, ['preterm']],
    ['low birth weight 2400 g', { gestationalWeeks: 39, birthWeightG: 2400 }, ['low_birth_weight']],
    ['2500 g is not low birth weight', { gestationalWeeks: 39, birthWeightG: 2500 }, []],
    ['twins', { gestationalWeeks: 38, flags: { twins: true } }, ['multiple_birth']],
    ['birth defect', { gestationalWeeks: 39, flags: { birthDefect: true } }, ['birth_defect']],
    [
      '36+6 weeks and 2300 g',
      { gestationalWeeks: 36, gestationalDays: 6, birthWeightG: 2300 },
      ['preterm', 'low_birth_weight'],
    ],
  ] as const)('%s → %j', (_t, extra, reasons) => {
    const s = schedule({ birthDate: '2024-01-10', dischargeDate: '2024-01-12', today: '2024-01-12', ...extra });
    expect(s.atRiskReasons).toEqual(reasons);
    expect(s.contacts.some((c) => c.key === 'newborn_extra')).toBe(reasons.length > 0);
  });

  it('新生儿访视技术规范: at-risk newborn visited within 3 days of discharge [R]; extra visit 7–21 days after [L]', () => {
    const s = schedule({
      birthDate: '2024-01-10',
      gestationalWeeks: 35,
      dischargeDate: '2024-01-15',
      today: '2024-01-15',
    });
    expect([contact(s, 'newborn_visit').windowStart, contact(s, 'newborn_visit').windowEnd]).toEqual([
      '2024-01-15',
      '2024-01-18',
    ]);
    expect([contact(s, 'newborn_extra').windowStart, contact(s, 'newborn_extra').windowEnd]).toEqual([
      '2024-01-22',
      '2024-02-05',
    ]);
  });
});

describe(`${PRETERM}: month contacts of a 32+0 week child born 2024-01-01 on the corrected timeline to 24 months`, () => {
  const s = schedule({ birthDate: '2024-01-01', gestationalWeeks: 32, gestationalDays: 0, today: '2024-01-01' });
  it.each([
    ['满月 stays chronological (28 days)', 'month1', '2024-01-29', 'chronological'],
    ['3月龄 at corrected 3 months (term-equivalent 2024-02-26)', 'm3', '2024-05-26', 'corrected'],
    ['12月龄 corrected', 'm12', '2025-02-26', 'corrected'],
    ['24月龄 corrected', 'm24', '2026-02-26', 'corrected'],
    ['30月龄 chronological after 24 months', 'm30', '2026-07-01', 'chronological'],
    ['4岁 chronological', 'y4', '2028-01-01', 'chronological'],
  ])('%s', (_t, key, target, basis) => {
    const c = contact(s, key);
    expect([c.targetDate, c.basis]).toEqual([target, basis]);
  });

  it.each([
    [
      '3月龄 at corrected 3 months (term-equivalent 2024-03-11), ±15 days [L]',
      'm3',
      '2024-05-27',
      '2024-06-26',
      'corrected',
    ],
    ['24月龄 corrected, the last corrected contact, ±1 month [L]', 'm24', '2026-02-11', '2026-04-11', 'corrected'],
    [
      '30月龄 by actual age after 24 months corrected, ±1 month [L]',
      'm30',
      '2026-06-15',
      '2026-08-15',
      'chronological',
    ],
  ])('born 32+0 on 2024-01-15: %s', (_t, key, start, end, basis) => {
    const p = schedule({
      birthDate: '2024-01-15',
      gestationalWeeks: 32,
      gestationalDays: 0,
      birthWeightG: 1800,
      today: '2024-01-16',
    });
    const c = contact(p, key);
    expect([c.windowStart, c.windowEnd, c.basis]).toEqual([start, end, basis]);
  });

  it('a province can switch corrected scheduling off (config)', () => {
    const cfg = deriveChildRuleSet(
      NATIONAL_CHILD_SCHEDULE,
      { correctedScheduling: false },
      { region: '33', version: 't' },
    );
    const r = childSchedule({ birthDate: '2024-01-01', gestationalWeeks: 32, visits: [], today: '2024-01-01' }, cfg);
    expect(r.ok && r.value.contacts.find((c) => c.key === 'm3')?.targetDate).toBe('2024-04-01');
  });
});

describe(`${PRETERM}: correctedAge(birthDate, weeks, days, atDate)`, () => {
  it.each([
    ['32+0, 4 months old: 56 days early', '2024-01-01', 32, 0, '2024-05-01', [121, 4, 65, 2, 'corrected']],
    ['36+6: 22 days early', '2024-01-01', 36, 6, '2024-03-01', [60, 2, 38, 1, 'corrected']],
    ['37+0 is term: no correction', '2024-01-01', 37, 0, '2024-03-01', [60, 2, null, null, 'chronological']],
    ['28+0 before term-equivalent: negative', '2024-01-01', 28, 0, '2024-02-01', [31, 1, -53, -1, 'corrected']],
    ['32+0 at corrected 23 months', '2024-01-01', 32, 0, '2026-02-25', [786, 25, 730, 23, 'corrected']],
    [
      '32+0 at corrected 24 months: chronological from here',
      '2024-01-01',
      32,
      0,
      '2026-02-26',
      [787, 25, null, null, 'chronological'],
    ],
    ['unknown gestation: chronological', '2024-01-01', null, null, '2024-03-01', [60, 2, null, null, 'chronological']],
  ] as const)('%s', (_t, birth, w, d, at, [days, months, cDays, cMonths, basis]) => {
    const r = correctedAge(birth, w, d, at);
    if (!r.ok) throw new Error(r.error.code);
    expect([
      r.value.chronologicalDays,
      r.value.chronologicalMonths,
      r.value.correctedDays,
      r.value.correctedMonths,
    ]).toEqual([days, months, cDays, cMonths]);
    expect(r.value.basis).toBe(basis);
    expect(r.value.ageDays).toBe(cDays ?? days);
  });

  it.each([
    ['32+0 weeks: 56 days early', 32, 0, 56],
    ['36+6 weeks: 22 days early', 36, 6, 22],
    ['37+0 weeks: term, no correction', 37, 0, 0],
    ['unknown gestation: no correction', null, null, 0],
  ] as const)('prematurity (40 weeks − gestational age): %s', (_t, w, d, days) => {
    const r = correctedAge('2024-01-15', w, d, '2024-02-01');
    expect(r.ok && r.value.prematurityDays).toBe(days);
  });

  it.each([
    ['3 months actual (91 days) is 35 days corrected', '2024-04-15', 35],
    ['on the term-equivalent date the corrected age is 0', '2024-03-11', 0],
    ['the day before 24 months corrected: still corrected', '2026-03-10', 729],
    ['after 24 months corrected: no longer corrected', '2026-03-12', null],
  ])('born 32+0 on 2024-01-15: %s', (_t, at, days) => {
    const r = correctedAge('2024-01-15', 32, 0, at);
    expect(r.ok && r.value.correctedDays).toBe(days);
  });

  it('a term child (39 weeks) has no corrected age', () => {
    const r = correctedAge('2024-01-15', 39, 0, '2024-04-15');
    expect(r.ok && [r.value.correctedDays, r.value.basis]).toEqual([null, 'chronological']);
  });

  it.each([
    ['invalid birth date', '2024-02-30', 32, 0, '2024-03-01', 'invalid_date'],
    ['weeks out of range', '2024-01-01', 50, 0, '2024-03-01', 'invalid_gestational_age'],
    ['days out of range', '2024-01-01', 32, 7, '2024-03-01', 'invalid_gestational_age'],
    ['date before birth', '2024-01-01', 32, 0, '2023-12-31', 'date_before_birth'],
  ] as const)('fails: %s → %s', (_t, birth, w, d, at, code) => {
    const r = correctedAge(birth, w, d, at);
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it.each([
    ['29 Feb 2024 → 28 Feb 2025 is 12 months (month-end clamped)', '2024-02-29', '2025-02-28', [365, 12, 1]],
    ['28 Feb 2024 → 27 Feb 2025 is 11 months', '2024-02-28', '2025-02-27', [365, 11, 0]],
    ['31 Jan → 29 Feb is 1 month (month-end clamped)', '2024-01-31', '2024-02-29', [29, 1, 0]],
  ])('childAgeAt: %s', (_t, b, at, [days, months, years]) => {
    const r = childAgeAt(b, at);
    expect(r.ok && [r.value.days, r.value.months, r.value.years]).toEqual([days, months, years]);
  });
});

describe(`${SCHED}: done / due / missed / upcoming`, () => {
  const base = { birthDate: '2024-01-10', gestationalWeeks: 39, dischargeDate: '2024-01-12' };
  it.each([
    [
      'newborn visit done on day 5, today in the 3-month window',
      [{ date: '2024-01-15' }, { date: '2024-02-08' }],
      '2024-04-01',
      {
        newborn_visit: 'done',
        month1: 'done',
        m3: 'due',
        m6: 'upcoming',
      },
    ],
    [
      'no 3-month visit by 2024-05-01',
      [{ date: '2024-01-15' }, { date: '2024-02-08' }],
      '2024-05-01',
      { m3: 'missed', m6: 'upcoming' },
    ],
    [
      'month1 missed when the 30th day passes without a visit',
      [{ date: '2024-01-15' }],
      '2024-02-10',
      { month1: 'missed', m3: 'upcoming' },
    ],
    [
      'a visit on 2024-01-25 is outside every window: newborn visit missed',
      [{ date: '2024-01-25' }],
      '2024-01-26',
      {
        newborn_visit: 'missed',
      },
    ],
  ] as const)('%s', (_t, visits, today, expected) => {
    const s = schedule({ ...base, visits, today });
    for (const [key, status] of Object.entries(expected)) expect([key, contact(s, key).status]).toEqual([key, status]);
  });

  it.each([
    ['no visit, today inside the newborn window', 'newborn_visit', '2024-01-20', [], 'due'],
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
  ] as const)('born 2024-01-15 at 39 weeks: %s → %s %s', (_t, key, today, visits, status) => {
    const s = schedule({ birthDate: '2024-01-15', gestationalWeeks: 39, visits, today });
    expect(contact(s, key).status).toBe(status);
  });

  it('a visit outside the windows is listed as unmatched', () => {
    const s = schedule({ ...base, visits: [{ date: '2024-01-25' }], today: '2024-01-26' });
    expect(s.unmatchedVisits).toEqual(['2024-01-25']);
  });

  it('a visit recorded for a contact counts for it even outside the window (inWindow false)', () => {
    const s = schedule({ ...base, visits: [{ date: '2024-05-05', contactKey: 'm3' }], today: '2024-05-06' });
    expect([contact(s, 'm3').status, contact(s, 'm3').doneOn, contact(s, 'm3').inWindow]).toEqual([
      'done',
      '2024-05-05',
      false,
    ]);
  });

  it.each([
    [
      'Hb at the 8-month visit satisfies 6–8月龄 Hb',
      [{ date: '2024-07-10' }, { date: '2024-09-12', services: ['hb'] }],
      '2024-10-01',
      'hb_6_8m',
      'done',
    ],
    [
      'no Hb at 6 months, 8-month window not open yet: upcoming',
      [{ date: '2024-07-10' }],
      '2024-08-01',
      'hb_6_8m',
      'upcoming',
    ],
    [
      'no Hb at 6 or 8 months: missed',
      [{ date: '2024-07-10' }, { date: '2024-09-12' }],
      '2024-10-01',
      'hb_6_8m',
      'missed',
    ],
    [
      '6-month visit without hearing screen: missed [R]',
      [{ date: '2024-07-10' }],
      '2024-08-01',
      'hearing_6m',
      'missed',
    ],
    ['eye check at the 3-month visit', [{ date: '2024-04-10', services: ['eye'] }], '2024-04-11', 'eye_3m', 'done'],
    ['today in the 6-month window: hearing due', [], '2024-07-01', 'hearing_6m', 'due'],
  ] as const)('%s', (_t, visits, today, code, status) => {
    const s = schedule({ ...base, visits, today });
    expect(service(s, code).status).toBe(status);
  });

  it.each([
    ['invalid birth date', { birthDate: '2024-02-30', today: '2024-03-01' }, 'invalid_date', 'birthDate'],
    ['invalid today', { today: '2024-13-01' }, 'invalid_date', 'today'],
    [
      'visit before birth',
      { visits: [{ date: '2024-01-01' }], today: '2024-02-01' },
      'date_before_birth',
      'visits[0].date',
    ],
    ['invalid discharge date', { dischargeDate: '2024/01/12', today: '2024-02-01' }, 'invalid_date', 'dischargeDate'],
  ] as const)('fails: %s', (_t, patch, code, field) => {
    const r = childSchedule({ ...base, visits: [], ...patch });
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual([code, field]);
  });
});

describe('configuration', () => {
  it('the national schedule is to_confirm (windows are [L])', () => {
    expect([NATIONAL_CHILD_SCHEDULE.meta.status, NATIONAL_CHILD_SCHEDULE.meta.confirmed]).toEqual([
      'to_confirm',
      false,
    ]);
  });
  it('a region can change the assumed discharge (e.g. birth + 2 days)', () => {
    const cfg = deriveChildRuleSet(
      NATIONAL_CHILD_SCHEDULE,
      { defaultDischargeAfterBirthDays: 2 },
      { region: '33', version: 'zj' },
    );
    const r = childSchedule({ birthDate: '2024-01-10', visits: [], today: '2024-01-10' }, cfg);
    expect(r.ok && r.value.dischargeDate).toBe('2024-01-12');
    expect(cfg.meta.region).toBe('33');
  });
});
