import { describe, expect, it } from 'vitest';
import {
  ACOG_REDATING_RULE,
  correctEddByUltrasound,
  dateAtGestationalAge,
  eddByCalendarRule,
  eddFromLmp,
  formatGestationalAge,
  gestationalAgeAt,
  gestationalAgeFromDays,
  gestationalAgeToDays,
  isEarlyRegistration,
  isEarlyTest,
  isMinorAt,
  lmpFromEdd,
  maternalAgeInFullYears,
  monthsBetweenDates,
  parseGestationalAge,
  trimesterOf,
} from './gestational-age';
import type { MaternalResult } from './result';

function value<T>(r: MaternalResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

describe('基本公卫规范 §2.1 预产期: Naegele LMP + 280 days', () => {
  it.each([
    ['2024-01-01', '2024-10-07'],
    ['2023-03-15', '2023-12-20'],
    ['2023-05-25', '2024-02-29'],
    ['2023-12-31', '2024-10-06'],
    ['2024-02-29', '2024-12-05'],
  ])('LMP %s → EDD %s', (lmp, edd) => {
    expect(value(eddFromLmp(lmp))).toBe(edd);
    expect(value(lmpFromEdd(edd))).toBe(lmp);
  });

  it.each([
    ['2024-01-01', '2024-10-08'],
    ['2023-03-15', '2023-12-22'],
    ['2023-05-25', '2024-03-03'],
    ['2023-12-31', '2024-10-08'],
    ['2024-02-29', '2024-12-06'],
  ])('基本公卫规范 月份+9或−3、日数+7: LMP %s → %s (within 3 days of the day count)', (lmp, edd) => {
    const calendar = value(eddByCalendarRule(lmp));
    expect(calendar).toBe(edd);
    const diff = (Date.parse(calendar) - Date.parse(value(eddFromLmp(lmp)))) / 86_400_000;
    expect(Math.abs(diff)).toBeLessThanOrEqual(3);
  });

  it.each(['2024-02-30', '2024-13-01', '20240101', ''])('invalid LMP %j → invalid_date', (lmp) => {
    const r = eddFromLmp(lmp);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_date', field: 'lmp' });
  });
});

describe('孕周 gestational age at a date', () => {
  it.each([
    ['2024-01-01', '2024-01-01', 0, 0],
    ['2024-01-01', '2024-03-31', 12, 6],
    ['2024-01-01', '2024-04-01', 13, 0],
    ['2024-01-01', '2024-04-22', 16, 0],
    ['2024-01-01', '2024-10-07', 40, 0],
  ])('LMP %s at %s → %i+%i', (lmp, date, weeks, days) => {
    expect(value(gestationalAgeAt({ lmp }, date))).toEqual({ weeks, days });
    const edd = value(eddFromLmp(lmp));
    expect(value(gestationalAgeAt({ edd }, date))).toEqual({ weeks, days });
  });

  it('the EDD wins over the LMP when both are given (corrected EDD)', () => {
    expect(value(gestationalAgeAt({ lmp: '2024-01-01', edd: '2024-10-14' }, '2024-04-01'))).toEqual({
      weeks: 12,
      days: 0,
    });
  });

  it.each([
    [{}, '2024-04-01', 'lmp_or_edd_required'],
    [{ lmp: '2024-01-01' }, '2023-12-31', 'date_before_lmp'],
    [{ lmp: '2024-01-01' }, '2024-02-31', 'invalid_date'],
    [{ edd: 'x' }, '2024-02-01', 'invalid_date'],
  ])('%j at %s → %s', (dating, date, code) => {
    const r = gestationalAgeAt(dating, date);
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it('dateAtGestationalAge: LMP 2024-01-01 reaches 12+6 on 2024-03-31', () => {
    expect(value(dateAtGestationalAge({ lmp: '2024-01-01' }, { weeks: 12, days: 6 }))).toBe('2024-03-31');
  });

  it.each([
    [0, 0, 0],
    [90, 12, 6],
    [91, 13, 0],
    [280, 40, 0],
  ])('%i days ↔ %i+%i', (days, weeks, d) => {
    expect(gestationalAgeFromDays(days)).toEqual({ weeks, days: d });
    expect(gestationalAgeToDays({ weeks, days: d })).toBe(days);
    expect(formatGestationalAge({ weeks, days: d })).toBe(`${weeks}+${d}`);
  });

  it.each([
    ['12+6', 12, 6],
    ['12 + 6', 12, 6],
    ['12w6d', 12, 6],
    ['12周6天', 12, 6],
    ['12周+6', 12, 6],
    ['40', 40, 0],
  ])('parses %j', (text, weeks, days) => {
    expect(value(parseGestationalAge(text))).toEqual({ weeks, days });
  });

  it.each(['126', '12+7', 'abc', '50+0', ''])('rejects %j', (text) => {
    const r = parseGestationalAge(text);
    expect(r.ok ? null : r.error.code).toBe('invalid_gestational_age');
  });
});

describe('早孕建册 / 早检: before 13+0 weeks (≤12+6) — 基本公卫规范第三版, 母婴阻断规范2020', () => {
  it.each([
    [0, 0, true],
    [8, 3, true],
    [12, 6, true],
    [13, 0, false],
    [13, 1, false],
    [20, 0, false],
  ])('%i+%i → %s', (weeks, days, early) => {
    expect(isEarlyRegistration({ weeks, days })).toBe(early);
    expect(isEarlyTest({ weeks, days })).toBe(early);
  });

  it.each([
    [13, 6, 'early'],
    [14, 0, 'mid'],
    [27, 6, 'mid'],
    [28, 0, 'late'],
  ])('trimester of %i+%i is %s', (weeks, days, t) => {
    expect(trimesterOf({ weeks, days })).toBe(t);
  });
});

describe('周岁 age in full years (M10 未成年妊娠: under 18 at LMP)', () => {
  it.each([
    ['2006-05-10', '2024-05-09', 17, true],
    ['2006-05-10', '2024-05-10', 18, false],
    ['2004-02-29', '2022-02-28', 17, true],
    ['2004-02-29', '2022-03-01', 18, false],
    ['1984-12-31', '2024-12-30', 39, false],
  ])('born %s, at %s → %i', (birth, at, age, minor) => {
    expect(value(maternalAgeInFullYears(birth, at))).toBe(age);
    expect(value(isMinorAt(birth, at))).toBe(minor);
  });

  it('rejects an invalid birth date', () => {
    const r = maternalAgeInFullYears('2006-02-30', '2024-01-01');
    expect(r.ok ? null : r.error.field).toBe('birthDate');
  });
});

describe('EDD corrected by early ultrasound (ACOG CO 700 first-trimester bands [L])', () => {
  // LMP 2024-01-01; on 2024-02-26 the LMP gestational age is 8+0, on 2024-03-11 it is 10+0.
  it.each([
    ['2024-02-26', 8, 0, false, 'within_threshold', 0],
    ['2024-02-26', 8, 5, false, 'within_threshold', 5],
    ['2024-02-26', 8, 6, true, 'discrepancy_over_threshold', 6],
    ['2024-03-11', 11, 0, false, 'within_threshold', 7],
    ['2024-03-11', 11, 1, true, 'discrepancy_over_threshold', 8],
    ['2024-03-11', 9, 0, false, 'within_threshold', -7],
    ['2024-03-11', 8, 6, true, 'discrepancy_over_threshold', -8],
  ])('scan %s measuring %i+%i → corrected %s (%s, diff %i)', (scanDate, weeks, days, corrected, reason, diff) => {
    const r = value(correctEddByUltrasound({ lmp: '2024-01-01', scanDate, gaAtScan: { weeks, days } }));
    expect(r.corrected).toBe(corrected);
    expect(r.reason).toBe(reason);
    expect(r.differenceDays).toBe(diff);
    expect(r.lmpEdd).toBe('2024-10-07');
    expect(r.edd).toBe(corrected ? r.ultrasoundEdd : '2024-10-07');
  });

  it('keeps the ultrasound EDD and reason when the LMP is unknown', () => {
    const r = value(
      correctEddByUltrasound({ scanDate: '2024-02-26', gaAtScan: { weeks: 8, days: 6 }, note: 'CRL 20 mm' }),
    );
    expect(r).toMatchObject({ edd: '2024-10-01', corrected: true, reason: 'lmp_unknown', note: 'CRL 20 mm' });
    expect(r.reasonLabel.zh).toContain('超声');
  });

  it('does not redate from a scan at 16+0 with the early-only rule, but does with the full ACOG table', () => {
    // LMP GA on 2024-04-11 is 14+3 (101 days); the scan measures 16+0 (112 days): 11 days apart.
    const input = { lmp: '2024-01-01', scanDate: '2024-04-11', gaAtScan: { weeks: 16, days: 0 } };
    expect(value(correctEddByUltrasound(input)).reason).toBe('scan_not_early');
    expect(value(correctEddByUltrasound(input, ACOG_REDATING_RULE))).toMatchObject({
      corrected: true,
      thresholdDays: 10,
    });
  });

  it('rejects an invalid measured age', () => {
    const r = correctEddByUltrasound({ scanDate: '2024-02-26', gaAtScan: { weeks: 8, days: 9 } });
    expect(r.ok ? null : r.error.code).toBe('invalid_gestational_age');
  });
});

describe('months between dates (瘢痕子宫距末次子宫手术间隔)', () => {
  it.each([
    ['2022-06-15', '2023-12-14', 17],
    ['2022-06-15', '2023-12-15', 18],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-03-10', '2024-01-10', -2],
  ])('%s → %s = %i months', (from, to, months) => {
    expect(value(monthsBetweenDates(from, to))).toBe(months);
  });
});
