import { describe, expect, it } from 'vitest';
import type { IndicatorPeriod } from './reporting-periods';
import {
  calendarYearRange,
  exclusiveEnd,
  monthRange,
  nextPeriod,
  parseIsoDate,
  parsePeriodKey,
  periodContains,
  periodKey,
  periodLabel,
  periodOf,
  periodRange,
  previousPeriod,
  quarterRange,
  reportYearRange,
  samePeriodPreviousYear,
} from './reporting-periods';

const RY = 'REFERENCE §3 年报 year (1 Oct of the previous year to 30 Sep, "3+1")';

describe(`report year: ${RY}`, () => {
  it.each([
    [2024, '2023-10-01', '2024-09-30'],
    [2019, '2018-10-01', '2019-09-30'],
    [2000, '1999-10-01', '2000-09-30'],
  ])('reportYearRange(%d) = %s … %s, both inclusive', (year, from, to) => {
    expect(reportYearRange(year)).toEqual({ from, to });
  });

  it.each([
    ['2023-09-30', 2023],
    ['2023-10-01', 2024],
    ['2023-12-31', 2024],
    ['2024-01-01', 2024],
    ['2024-02-29', 2024],
    ['2024-09-30', 2024],
    ['2024-10-01', 2025],
    ['2018-10-01', 2019],
    ['2019-09-30', 2019],
  ])(`${RY}: %s falls in report year %d`, (date, year) => {
    expect(periodOf(date, 'report_year')).toEqual({ kind: 'report_year', year });
  });

  it.each([
    ['2023-09-30', false],
    ['2023-10-01', true],
    ['2024-09-30', true],
    ['2024-10-01', false],
  ])(`${RY}: report year 2024 contains %s → %s`, (date, inside) => {
    expect(periodContains({ kind: 'report_year', year: 2024 }, date)).toBe(inside);
  });

  it('the exclusive end of report year 2024 is 2024-10-01', () => {
    expect(exclusiveEnd(reportYearRange(2024))).toBe('2024-10-01');
  });
});

describe('calendar periods', () => {
  it.each([
    [2023, '2023-01-01', '2023-12-31'],
    [2024, '2024-01-01', '2024-12-31'],
  ])('calendarYearRange(%d)', (year, from, to) => {
    expect(calendarYearRange(year)).toEqual({ from, to });
  });

  it.each([
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2024, 2, '2024-04-01', '2024-06-30'],
    [2024, 3, '2024-07-01', '2024-09-30'],
    [2024, 4, '2024-10-01', '2024-12-31'],
  ])('quarterRange(%d, %d)', (year, q, from, to) => {
    expect(quarterRange(year, q)).toEqual({ from, to });
  });

  it.each([
    [2023, 2, '2023-02-01', '2023-02-28'],
    [2024, 2, '2024-02-01', '2024-02-29'],
    [1900, 2, '1900-02-01', '1900-02-28'],
    [2000, 2, '2000-02-01', '2000-02-29'],
    [2024, 4, '2024-04-01', '2024-04-30'],
    [2024, 12, '2024-12-01', '2024-12-31'],
  ])('monthRange(%d, %d) (Gregorian leap years)', (year, month, from, to) => {
    expect(monthRange(year, month)).toEqual({ from, to });
  });

  it.each([
    ['2024-03-31', 'quarter', { kind: 'quarter', year: 2024, quarter: 1 }],
    ['2024-04-01', 'quarter', { kind: 'quarter', year: 2024, quarter: 2 }],
    ['2024-12-31', 'quarter', { kind: 'quarter', year: 2024, quarter: 4 }],
    ['2024-02-29', 'month', { kind: 'month', year: 2024, month: 2 }],
    ['2024-12-31', 'calendar_year', { kind: 'calendar_year', year: 2024 }],
  ] as const)('periodOf(%s, %s)', (date, kind, expected) => {
    expect(periodOf(date, kind)).toEqual(expected);
  });

  it.each([
    [{ kind: 'month', year: 2024, month: 12 }, '2025-01-01'],
    [{ kind: 'month', year: 2024, month: 2 }, '2024-03-01'],
    [{ kind: 'calendar_year', year: 2024 }, '2025-01-01'],
  ] as const)('exclusiveEnd of %o is %s', (p, end) => {
    expect(exclusiveEnd(periodRange(p))).toBe(end);
  });

  it.each([
    [-1, 'throws'],
    [2024.5, 'throws'],
    [3000, 'throws'],
  ])('reportYearRange(%d) %s a RangeError', (year) => {
    expect(() => reportYearRange(year)).toThrow(RangeError);
  });

  it('quarterRange and monthRange reject numbers out of range', () => {
    expect(() => quarterRange(2024, 5)).toThrow(RangeError);
    expect(() => monthRange(2024, 13)).toThrow(RangeError);
  });
});

describe('previous, next and same period last year', () => {
  it.each<[IndicatorPeriod, IndicatorPeriod]>([
    [
      { kind: 'report_year', year: 2024 },
      { kind: 'report_year', year: 2023 },
    ],
    [
      { kind: 'calendar_year', year: 2024 },
      { kind: 'calendar_year', year: 2023 },
    ],
    [
      { kind: 'quarter', year: 2024, quarter: 1 },
      { kind: 'quarter', year: 2023, quarter: 4 },
    ],
    [
      { kind: 'quarter', year: 2024, quarter: 3 },
      { kind: 'quarter', year: 2024, quarter: 2 },
    ],
    [
      { kind: 'month', year: 2024, month: 1 },
      { kind: 'month', year: 2023, month: 12 },
    ],
    [
      { kind: 'month', year: 2024, month: 7 },
      { kind: 'month', year: 2024, month: 6 },
    ],
  ])('previousPeriod(%o) = %o, and nextPeriod undoes it', (p, prev) => {
    expect(previousPeriod(p)).toEqual(prev);
    expect(nextPeriod(prev)).toEqual(p);
  });

  it('the previous report year ends the day before this one starts', () => {
    const prev = periodRange(previousPeriod({ kind: 'report_year', year: 2024 }));
    expect(prev).toEqual({ from: '2022-10-01', to: '2023-09-30' });
    expect(exclusiveEnd(prev)).toBe(reportYearRange(2024).from);
  });

  it('same period last year keeps the quarter or month', () => {
    expect(samePeriodPreviousYear({ kind: 'quarter', year: 2024, quarter: 2 })).toEqual({
      kind: 'quarter',
      year: 2023,
      quarter: 2,
    });
    expect(samePeriodPreviousYear({ kind: 'month', year: 2024, month: 2 })).toEqual({
      kind: 'month',
      year: 2023,
      month: 2,
    });
  });
});

describe('period keys and labels', () => {
  it.each<[IndicatorPeriod, string]>([
    [{ kind: 'report_year', year: 2024 }, '2024RY'],
    [{ kind: 'calendar_year', year: 2024 }, '2024'],
    [{ kind: 'quarter', year: 2024, quarter: 3 }, '2024Q3'],
    [{ kind: 'month', year: 2024, month: 3 }, '2024-03'],
  ])('periodKey(%o) = %s and parses back', (p, key) => {
    expect(periodKey(p)).toBe(key);
    expect(parsePeriodKey(key)).toEqual(p);
  });

  it.each([
    ['2024Q5', 'invalid_quarter'],
    ['2024-13', 'invalid_month'],
    ['2024-00', 'invalid_month'],
    ['1899', 'invalid_year'],
    ['24Q1', 'invalid_period_key'],
    ['2024H1', 'invalid_period_key'],
  ])('parsePeriodKey(%s) fails with %s', (key, code) => {
    expect(parsePeriodKey(key)).toMatchObject({ ok: false, code });
  });

  it('labels the report year with its dates in zh and en', () => {
    expect(periodLabel({ kind: 'report_year', year: 2024 })).toEqual({
      zh: '2024报告年度（2023-10-01至2024-09-30）',
      en: 'Report year 2024 (2023-10-01 to 2024-09-30)',
    });
    expect(periodLabel({ kind: 'quarter', year: 2024, quarter: 1 }).zh).toBe('2024年第1季度');
  });
});

describe('date input', () => {
  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '', '2024-01-01T00:00'])(
    'periodOf(%s) is an invalid_date error',
    (date) => {
      expect(periodOf(date, 'report_year')).toMatchObject({ ok: false, code: 'invalid_date' });
      expect(periodContains({ kind: 'calendar_year', year: 2024 }, date)).toBe(false);
    },
  );

  it('rejects an unknown period kind', () => {
    expect(periodOf('2024-01-01', 'week' as never)).toMatchObject({ ok: false, code: 'invalid_period_kind' });
  });

  it('a report year beyond 2999 is an invalid_year error', () => {
    expect(periodOf('2999-10-01', 'report_year')).toMatchObject({ ok: false, code: 'invalid_year' });
  });

  it('parses real dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
  });
});
