import { describe, expect, it } from 'vitest';
import type { BirthOutcomeInput, NewbornDeliveryInput } from './delivery';
import {
  classifyBirthOutcome,
  countsForPostpartumVisitRate,
  isWithinPuerperium,
  meetsLiveBirthDefinition,
  newbornDeliveryFlags,
  newbornDeliveryInputSchema,
  postpartumDay,
  postpartumVisitWindows,
} from './delivery';
import type { MaternalResult } from './result';

function value<T>(r: MaternalResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

const wk = (weeks: number, days = 0) => ({ weeks, days });

describe('分娩记录: 巨大儿 ≥4000 g, 低出生体重 <2500 g, 早产 <37 周', () => {
  it.each<[number, Record<string, boolean>]>([
    [4500, { macrosomia: true, lowBirthWeight: false }],
    [4000, { macrosomia: true, lowBirthWeight: false }],
    [3999, { macrosomia: false, lowBirthWeight: false }],
    [2500, { macrosomia: false, lowBirthWeight: false }],
    [2499, { lowBirthWeight: true, veryLowBirthWeight: false }],
    [1500, { lowBirthWeight: true, veryLowBirthWeight: false }],
    [1499, { veryLowBirthWeight: true, extremelyLowBirthWeight: false }],
    [999, { veryLowBirthWeight: true, extremelyLowBirthWeight: true }],
  ])('birth weight %i g', (birthWeightG, flags) => {
    expect(newbornDeliveryFlags({ birthWeightG })).toMatchObject(flags);
  });

  it.each<[number, number, Record<string, boolean>]>([
    [36, 6, { preterm: true, term: false, postTerm: false }],
    [37, 0, { preterm: false, term: true, postTerm: false }],
    [41, 6, { preterm: false, term: true, postTerm: false }],
    [42, 0, { preterm: false, term: false, postTerm: true }],
    [28, 0, { preterm: true }],
  ])('gestational age %i+%i', (weeks, days, flags) => {
    expect(newbornDeliveryFlags({ gestationalAge: wk(weeks, days) })).toMatchObject(flags);
  });

  it('missing values give null flags', () => {
    expect(newbornDeliveryFlags({})).toEqual({
      macrosomia: null,
      lowBirthWeight: null,
      veryLowBirthWeight: null,
      extremelyLowBirthWeight: null,
      preterm: null,
      postTerm: null,
      term: null,
    });
  });
});

describe('妇幼健康统计调查制度 活产: ≥28 周 (孕周不详 ≥1000 g) 且有心跳、呼吸、脐带搏动或随意肌收缩之一', () => {
  const alive = { breathing: true };
  const dead = {};
  it.each<[string, BirthOutcomeInput, string, boolean]>([
    ['28+0 breathing', { gestationalAge: wk(28), signsOfLife: alive }, 'live_birth', true],
    ['39+2 heartbeat only', { gestationalAge: wk(39, 2), signsOfLife: { heartbeat: true } }, 'live_birth', true],
    ['35+0 cord pulsation only', { gestationalAge: wk(35), signsOfLife: { cordPulsation: true } }, 'live_birth', true],
    [
      '33+0 voluntary movement only',
      { gestationalAge: wk(33), signsOfLife: { voluntaryMovement: true } },
      'live_birth',
      true,
    ],
    [
      '27+6 breathing: outside the scope',
      { gestationalAge: wk(27, 6), signsOfLife: alive },
      'outside_perinatal_scope',
      false,
    ],
    ['GA unknown, 1000 g, breathing', { birthWeightG: 1000, signsOfLife: alive }, 'live_birth', true],
    ['GA unknown, 999 g, breathing', { birthWeightG: 999, signsOfLife: alive }, 'outside_perinatal_scope', false],
    [
      'GA 27+6 wins over 1200 g',
      { gestationalAge: wk(27, 6), birthWeightG: 1200, signsOfLife: alive },
      'outside_perinatal_scope',
      false,
    ],
    [
      '30+0 dead before labour: 死胎',
      { gestationalAge: wk(30), signsOfLife: dead, deathTiming: 'before_labour' },
      'fetal_death',
      false,
    ],
    [
      '38+0 dead during labour: 死产',
      { gestationalAge: wk(38), signsOfLife: dead, deathTiming: 'during_labour' },
      'stillbirth',
      false,
    ],
    ['38+0 dead, timing unknown', { gestationalAge: wk(38), signsOfLife: { breathing: false } }, 'unknown', false],
    ['no GA and no weight', { signsOfLife: alive }, 'unknown', false],
  ])('%s → %s', (_t, input, outcome, live) => {
    expect(classifyBirthOutcome(input)).toBe(outcome);
    expect(meetsLiveBirthDefinition(input)).toBe(live);
  });
});

describe('产后访视 windows (基本公卫规范: 出院后1周内; 产后42天 [window end L])', () => {
  it.each<[{ deliveryDate: string; dischargeDate?: string }, string[], boolean]>([
    [
      { deliveryDate: '2024-10-05', dischargeDate: '2024-10-08' },
      ['2024-10-08', '2024-10-15', '2024-11-16', '2024-11-30'],
      false,
    ],
    [{ deliveryDate: '2024-10-05' }, ['2024-10-05', '2024-10-12', '2024-11-16', '2024-11-30'], true],
    [
      { deliveryDate: '2024-12-28', dischargeDate: '2024-12-31' },
      ['2024-12-31', '2025-01-07', '2025-02-08', '2025-02-22'],
      false,
    ],
  ])('%j', (input, dates, estimated) => {
    const w = value(postpartumVisitWindows(input));
    expect(w.map((x) => x.kind)).toEqual(['home_visit', 'day42_check']);
    expect(w.flatMap((x) => [x.windowStart, x.windowEnd])).toEqual(dates);
    expect(w[0]?.estimated).toBe(estimated);
    expect(w[1]?.estimated).toBe(false);
  });

  it('rejects invalid dates', () => {
    const r = postpartumVisitWindows({ deliveryDate: '2024-10-05', dischargeDate: '2024-10-32' });
    expect(r.ok ? null : r.error.field).toBe('dischargeDate');
  });

  it.each([
    ['2024-10-05', 0, true, true],
    ['2024-11-02', 28, true, true],
    ['2024-11-03', 29, true, false],
    ['2024-11-16', 42, true, false],
    ['2024-11-17', 43, false, false],
    ['2024-10-04', -1, false, false],
  ])(
    'delivered 2024-10-05, on %s: day %i, within 42 days %s, counts for 产后访视率 (28 days) %s',
    (date, day, puerperium, rate) => {
      expect(value(postpartumDay('2024-10-05', date))).toBe(day);
      expect(value(isWithinPuerperium('2024-10-05', date))).toBe(puerperium);
      expect(value(countsForPostpartumVisitRate('2024-10-05', date))).toBe(rate);
    },
  );
});

describe('newbornDeliveryInputSchema', () => {
  it('accepts integer grams and a valid gestational age', () => {
    const ok: NewbornDeliveryInput = { birthWeightG: 3200, gestationalAge: wk(39, 1) };
    expect(newbornDeliveryInputSchema.safeParse(ok).success).toBe(true);
    expect(newbornDeliveryInputSchema.safeParse({ birthWeightG: 3200.5 }).success).toBe(false);
    expect(newbornDeliveryInputSchema.safeParse({ gestationalAge: wk(39, 7) }).success).toBe(false);
  });
});
