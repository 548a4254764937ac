import { describe, expect, it } from 'vitest';
import type { MaternalScheduleInput, MaternalScheduleStatus } from './anc-schedule';
import {
  CMA_2018_CLINICAL_SCHEDULE,
  contactLabel,
  findContactSchedule,
  countAntenatalContactsDone,
  maternalContactStatuses,
  maternalScheduleInputSchema,
  NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE,
} from './anc-schedule';

const BPH = '基本公卫规范(第三版) 孕产妇健康管理';
const LMP = '2024-01-01'; // EDD 2024-10-07

function run(input: Partial<MaternalScheduleInput>, schedule = NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE) {
  const r = maternalContactStatuses({ lmp: LMP, visits: [], today: '2024-01-20', ...input }, schedule);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

function statusOf(s: MaternalScheduleStatus, id: string) {
  const c = s.contacts.find((x) => x.id === id);
  if (!c) throw new Error(`no contact ${id}`);
  return c;
}

describe(`${BPH}: windows of the 5 antenatal contacts and 2 postpartum contacts (LMP ${LMP})`, () => {
  it.each([
    ['anc1', '孕13周前 (0+0–12+6)', '2024-01-01', '2024-03-31'],
    ['anc2', '16–20周 (16+0–20+6)', '2024-04-22', '2024-05-26'],
    ['anc3', '21–24周 (21+0–24+6)', '2024-05-27', '2024-06-23'],
    ['anc4', '28–36周 (28+0–36+6)', '2024-07-15', '2024-09-15'],
    ['anc5', '37–40周 (37+0–40+6)', '2024-09-16', '2024-10-13'],
    ['home_visit', '出院后1周内 (estimated from the EDD before delivery)', '2024-10-07', '2024-10-14'],
    ['day42_check', '产后42天 (42–56 days [L], estimated)', '2024-11-18', '2024-12-02'],
  ])('%s: %s → %s … %s', (id, _t, start, end) => {
    const c = statusOf(run({}), id);
    expect([c.windowStart, c.windowEnd]).toEqual([start, end]);
    const fromEdd = statusOf(run({ lmp: undefined, edd: '2024-10-07' }), id);
    expect([fromEdd.windowStart, fromEdd.windowEnd]).toEqual([start, end]);
  });

  it('postpartum windows before delivery are estimated and upcoming', () => {
    const s = run({});
    expect(statusOf(s, 'home_visit')).toMatchObject({ status: 'upcoming', estimated: true });
    expect(statusOf(s, 'day42_check')).toMatchObject({ status: 'upcoming', estimated: true, confirmed: false });
  });
});

describe(`${BPH}: status done / due / upcoming / missed`, () => {
  const visits = ['2024-03-01', '2024-05-01'];
  it.each([
    ['2024-01-20', ['due', 'upcoming', 'upcoming', 'upcoming', 'upcoming']],
    ['2024-03-01', ['done', 'upcoming', 'upcoming', 'upcoming', 'upcoming']],
    ['2024-05-10', ['done', 'done', 'upcoming', 'upcoming', 'upcoming']],
    ['2024-06-01', ['done', 'done', 'due', 'upcoming', 'upcoming']],
    ['2024-06-24', ['done', 'done', 'missed', 'upcoming', 'upcoming']],
    ['2024-07-15', ['done', 'done', 'missed', 'due', 'upcoming']],
    ['2024-10-14', ['done', 'done', 'missed', 'missed', 'missed']],
  ])('today %s', (today, expected) => {
    const s = run({ visits: visits.filter((v) => v <= today), today });
    expect(s.contacts.filter((c) => c.kind === 'antenatal').map((c) => c.status)).toEqual(expected);
  });

  it.each([
    ['2024-03-31', 'anc1', 'done', []],
    ['2024-04-01', 'anc1', 'missed', ['2024-04-01']],
    ['2024-04-21', 'anc2', 'missed', ['2024-04-21']],
    ['2024-04-22', 'anc2', 'done', []],
    ['2024-05-26', 'anc2', 'done', []],
    ['2024-05-27', 'anc3', 'done', []],
  ])('boundary visit on %s → %s %s', (visit, id, status, unmatched) => {
    const s = run({ visits: [visit], today: '2024-05-27' });
    expect(statusOf(s, id).status).toBe(status);
    expect(s.unmatchedVisits).toEqual(unmatched);
  });

  it('a visit counts once: two visits in one window fulfil one contact, the other is unmatched', () => {
    const s = run({ visits: ['2024-08-01', '2024-07-20'], today: '2024-08-02' });
    expect(statusOf(s, 'anc4')).toMatchObject({ status: 'done', visitDate: '2024-07-20' });
    expect(s.unmatchedVisits).toEqual(['2024-08-01']);
  });

  it('late registration at 14+3: the first contact is missed and the visit matches no window', () => {
    const s = run({ visits: ['2024-04-10'], today: '2024-04-10' });
    expect(statusOf(s, 'anc1').status).toBe('missed');
    expect(s.unmatchedVisits).toEqual(['2024-04-10']);
    expect(s.next?.id).toBe('anc2');
  });
});

describe(`${BPH}: delivery and the postpartum contacts`, () => {
  it('preterm delivery at 33+2: the open 28–36 week contact is missed, 37–40 is not applicable', () => {
    const s = run({
      visits: ['2024-02-20', '2024-05-01', '2024-06-01'],
      today: '2024-08-25',
      deliveryDate: '2024-08-20',
      dischargeDate: '2024-08-23',
    });
    expect(statusOf(s, 'anc4')).toMatchObject({ status: 'missed', effectiveEnd: '2024-08-20' });
    expect(statusOf(s, 'anc5').status).toBe('not_applicable');
    expect(statusOf(s, 'home_visit')).toMatchObject({
      status: 'due',
      windowStart: '2024-08-23',
      windowEnd: '2024-08-30',
      estimated: false,
    });
    expect(statusOf(s, 'day42_check')).toMatchObject({
      status: 'upcoming',
      windowStart: '2024-10-01',
      windowEnd: '2024-10-15',
    });
    expect(countAntenatalContactsDone(s)).toBe(3);
    expect(s.next?.id).toBe('home_visit');
  });

  it.each([
    ['2024-10-12', 'home_visit', 'done'],
    ['2024-10-15', 'home_visit', 'done'],
    ['2024-10-16', 'home_visit', 'missed'],
  ])('home visit within 1 week of discharge (2024-10-08): visit %s → %s %s', (visit, id, status) => {
    const s = run({
      visits: [{ date: visit, kind: 'home_visit' }],
      today: '2024-10-20',
      deliveryDate: '2024-10-05',
      dischargeDate: '2024-10-08',
    });
    expect(statusOf(s, id).status).toBe(status);
  });

  it('both postpartum contacts done', () => {
    const s = run({
      visits: [
        { date: '2024-10-12', kind: 'home_visit' },
        { date: '2024-11-20', kind: 'day42_check' },
      ],
      today: '2024-12-01',
      deliveryDate: '2024-10-05',
      dischargeDate: '2024-10-08',
    });
    expect(statusOf(s, 'home_visit')).toMatchObject({ status: 'done', visitDate: '2024-10-12' });
    expect(statusOf(s, 'day42_check')).toMatchObject({ status: 'done', visitDate: '2024-11-20' });
  });

  it('a visit of another kind does not fulfil a contact', () => {
    const s = run({
      visits: [{ date: '2024-10-12', kind: 'day42_check' }],
      today: '2024-10-13',
      deliveryDate: '2024-10-05',
      dischargeDate: '2024-10-08',
    });
    expect(statusOf(s, 'home_visit').status).toBe('due');
    expect(s.unmatchedVisits).toEqual(['2024-10-12']);
  });

  it('without a discharge date the home-visit window starts at delivery and is marked estimated', () => {
    const s = run({ today: '2024-10-06', deliveryDate: '2024-10-05' });
    expect(statusOf(s, 'home_visit')).toMatchObject({
      windowStart: '2024-10-05',
      windowEnd: '2024-10-12',
      estimated: true,
      status: 'due',
    });
    expect(statusOf(s, 'anc5')).toMatchObject({ status: 'missed', effectiveEnd: '2024-10-05' });
  });
});

describe('中华医学会《孕前和孕期保健指南》(2018) clinical schedule [R] as an alternative configuration', () => {
  it('has 11 antenatal contacts (6–13+6 … weekly 37–41) plus the 2 postpartum contacts', () => {
    const s = run({}, CMA_2018_CLINICAL_SCHEDULE);
    expect(s.contacts).toHaveLength(13);
    expect(statusOf(s, 'cma1')).toMatchObject({ windowStart: '2024-02-12', windowEnd: '2024-04-07' });
    expect(statusOf(s, 'cma11')).toMatchObject({ windowStart: '2024-10-14', windowEnd: '2024-10-20' });
    expect(s.schedule).toEqual({ id: 'anc-clinical-cma-2018', version: '2018.1' });
    expect(CMA_2018_CLINICAL_SCHEDULE.contacts.every((c) => c.kind !== 'antenatal' || !c.confirmed)).toBe(true);
  });

  it('both schedules are found by id, and a contact id gives its label', () => {
    expect(findContactSchedule('anc-clinical-cma-2018')).toBe(CMA_2018_CLINICAL_SCHEDULE);
    expect(
      findContactSchedule('anc-basic-public-health-cn')?.contacts.filter((c) => c.kind === 'antenatal'),
    ).toHaveLength(5);
    expect(findContactSchedule('nope')).toBeUndefined();
    expect(contactLabel('anc2')?.zh).toBe('第2次产前检查');
    expect(contactLabel('cma4', 'anc-clinical-cma-2018')?.zh).toBe('第4次产前检查（25–28+6周）');
    expect(contactLabel('cma4', 'anc-basic-public-health-cn')).toBeUndefined();
  });

  it('a visit at 13+0 fulfils the first clinical contact but not the national one', () => {
    const input = { visits: ['2024-04-01'], today: '2024-04-02' };
    expect(statusOf(run(input, CMA_2018_CLINICAL_SCHEDULE), 'cma1').status).toBe('done');
    expect(statusOf(run(input), 'anc1').status).toBe('missed');
  });
});

describe('input errors as data', () => {
  it.each<[Partial<MaternalScheduleInput>, string, string | undefined]>([
    [{ today: '2024-02-30' }, 'invalid_date', 'today'],
    [{ visits: ['2024-02-01', 'bad'] }, 'invalid_date', 'visits[1]'],
    [{ deliveryDate: '2024-13-01' }, 'invalid_date', 'deliveryDate'],
    [{ lmp: undefined }, 'lmp_or_edd_required', undefined],
  ])('%j → %s', (patch, code, field) => {
    const r = maternalContactStatuses({ lmp: LMP, visits: [], today: '2024-01-20', ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.field).toBe(field);
      expect(r.error.messageZh.length).toBeGreaterThan(0);
    }
  });

  it('the zod schema needs the LMP or the EDD and real dates', () => {
    expect(maternalScheduleInputSchema.safeParse({ lmp: LMP, visits: [], today: '2024-02-01' }).success).toBe(true);
    expect(maternalScheduleInputSchema.safeParse({ visits: [], today: '2024-02-01' }).success).toBe(false);
    expect(maternalScheduleInputSchema.safeParse({ lmp: '2024-02-30', visits: [], today: '2024-02-01' }).success).toBe(
      false,
    );
  });
});
