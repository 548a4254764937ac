/**
 * Reporting periods of the indicators: the 年报 report year (1 Oct of the previous year to 30 Sep, REFERENCE §3,
 * "3+1" model), calendar years, calendar quarters and months. All dates are ISO 'YYYY-MM-DD' strings and all
 * arithmetic is plain calendar arithmetic in UTC, so no time zone can move a day.
 *
 * Ranges are **inclusive at both ends**: `{ from: '2023-10-01', to: '2024-09-30' }` contains both days. For SQL on
 * DATE columns use `date >= from AND date <= to`, or `date >= from AND date < exclusiveEnd(range)` for timestamps.
 */
import type { IndicatorError, IndicatorPeriodKind } from './indicator-types';
import { INDICATOR_PERIOD_KINDS, indicatorError } from './indicator-types';

/** A closed date range: both `from` and `to` are included. */
export interface DateRange {
  from: string;
  to: string;
}

/** A quarter number. */
export type QuarterNumber = 1 | 2 | 3 | 4;

/**
 * One reporting period. `year` of a report year is the year it ends in (report year 2024 = 2023-10-01 to
 * 2024-09-30). Quarters are calendar quarters (Q1 = Jan–Mar).
 */
export type IndicatorPeriod =
  | { kind: 'report_year'; year: number }
  | { kind: 'calendar_year'; year: number }
  | { kind: 'quarter'; year: number; quarter: QuarterNumber }
  | { kind: 'month'; year: number; month: number };

/** Month (1-based) on which a report year starts; the report year ends on the last day of the month before. */
export const REPORT_YEAR_START_MONTH = 10;

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Number of days in a month (month 1–12), Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `year` is an integer 1900–2999. */
export function isValidPeriodYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function assertYear(year: number): void {
  if (!isValidPeriodYear(year)) throw new RangeError(`Not a valid period year: ${String(year)}`);
}

/**
 * Parses a real calendar date 'YYYY-MM-DD' into its parts, or null when the text is not one (e.g. '2023-02-29').
 */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The 年报 report year ending in `year`: 1 Oct of `year − 1` to 30 Sep of `year`, both inclusive.
 * @throws RangeError when `year` is not an integer 1900–2999 (validate user input with {@link parsePeriodKey}).
 * @example reportYearRange(2024) // { from: '2023-10-01', to: '2024-09-30' }
 */
export function reportYearRange(year: number): DateRange {
  assertYear(year);
  return { from: isoDate(year - 1, REPORT_YEAR_START_MONTH, 1), to: isoDate(year, REPORT_YEAR_START_MONTH - 1, 30) };
}

/**
 * The calendar year, 1 Jan to 31 Dec, both inclusive.
 * @throws RangeError when `year` is not an integer 1900–2999.
 */
export function calendarYearRange(year: number): DateRange {
  assertYear(year);
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

/**
 * A calendar quarter (1 = Jan–Mar … 4 = Oct–Dec), both ends inclusive.
 * @throws RangeError when `year` or `quarter` is out of range.
 * @example quarterRange(2024, 1) // { from: '2024-01-01', to: '2024-03-31' }
 */
export function quarterRange(year: number, quarter: number): DateRange {
  assertYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`Not a valid quarter: ${quarter}`);
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { from: isoDate(year, firstMonth, 1), to: isoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/**
 * A calendar month (1–12), both ends inclusive.
 * @throws RangeError when `year` or `month` is out of range.
 * @example monthRange(2024, 2) // { from: '2024-02-01', to: '2024-02-29' }
 */
export function monthRange(year: number, month: number): DateRange {
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Not a valid month: ${month}`);
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

/** The date range of a period (both ends inclusive). */
export function periodRange(period: IndicatorPeriod): DateRange {
  switch (period.kind) {
    case 'report_year':
      return reportYearRange(period.year);
    case 'calendar_year':
      return calendarYearRange(period.year);
    case 'quarter':
      return quarterRange(period.year, period.quarter);
    case 'month':
      return monthRange(period.year, period.month);
  }
}

/**
 * The day after `range.to`: the exclusive upper bound for half-open comparisons (`< exclusiveEnd`).
 * @example exclusiveEnd(reportYearRange(2024)) // '2024-10-01'
 */
export function exclusiveEnd(range: DateRange): string {
  const p = parseIsoDate(range.to);
  if (!p) throw new RangeError(`Not a valid date: ${range.to}`);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day) + DAY_MS);
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** True when `date` ('YYYY-MM-DD') lies in the period, ends included. Invalid dates are never inside. */
export function periodContains(period: IndicatorPeriod, date: string): boolean {
  if (!parseIsoDate(date)) return false;
  const r = periodRange(period);
  return date >= r.from && date <= r.to;
}

/**
 * The period of the given kind that contains `date`. A date on or after 1 Oct belongs to the next year's report
 * year: 2023-09-30 is in report year 2023, 2023-10-01 in report year 2024.
 * Returns an error (`invalid_date`, `invalid_period_kind`, `invalid_year`) on bad input.
 * @example periodOf('2023-10-01', 'report_year') // { kind: 'report_year', year: 2024 }
 */
export function periodOf(date: string, kind: IndicatorPeriodKind): IndicatorPeriod | IndicatorError {
  const p = parseIsoDate(date);
  if (!p) return indicatorError('invalid_date');
  if (!INDICATOR_PERIOD_KINDS.includes(kind)) return indicatorError('invalid_period_kind');
  let period: IndicatorPeriod;
  switch (kind) {
    case 'report_year':
      period = { kind, year: p.month >= REPORT_YEAR_START_MONTH ? p.year + 1 : p.year };
      break;
    case 'calendar_year':
      period = { kind, year: p.year };
      break;
    case 'quarter':
      period = { kind, year: p.year, quarter: (Math.floor((p.month - 1) / 3) + 1) as QuarterNumber };
      break;
    case 'month':
      period = { kind, year: p.year, month: p.month };
      break;
  }
  if (!isValidPeriodYear(period.year)) return indicatorError('invalid_year');
  return period;
}

/** Moves a period by `steps` periods of its own kind (negative = earlier). */
export function shiftPeriod(period: IndicatorPeriod, steps: number): IndicatorPeriod {
  switch (period.kind) {
    case 'report_year':
    case 'calendar_year':
      return { kind: period.kind, year: period.year + steps };
    case 'quarter': {
      const index = period.year * 4 + (period.quarter - 1) + steps;
      return { kind: 'quarter', year: Math.floor(index / 4), quarter: ((((index % 4) + 4) % 4) + 1) as QuarterNumber };
    }
    case 'month': {
      const index = period.year * 12 + (period.month - 1) + steps;
      return { kind: 'month', year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
    }
  }
}

/**
 * The period just before (环比): the previous report year, year, quarter or month.
 * @example previousPeriod({ kind: 'quarter', year: 2024, quarter: 1 }) // { kind: 'quarter', year: 2023, quarter: 4 }
 */
export function previousPeriod(period: IndicatorPeriod): IndicatorPeriod {
  return shiftPeriod(period, -1);
}

/** The period just after. */
export function nextPeriod(period: IndicatorPeriod): IndicatorPeriod {
  return shiftPeriod(period, 1);
}

/** The same period one year earlier (同比). */
export function samePeriodPreviousYear(period: IndicatorPeriod): IndicatorPeriod {
  return { ...period, year: period.year - 1 };
}

/**
 * A compact, sortable-within-kind key: '2024RY' (report year), '2024' (calendar year), '2024Q1', '2024-03'.
 */
export function periodKey(period: IndicatorPeriod): string {
  switch (period.kind) {
    case 'report_year':
      return `${period.year}RY`;
    case 'calendar_year':
      return String(period.year);
    case 'quarter':
      return `${period.year}Q${period.quarter}`;
    case 'month':
      return `${period.year}-${pad2(period.month)}`;
  }
}

/**
 * Parses a key made by {@link periodKey}. Returns `invalid_period_key`, `invalid_year`, `invalid_quarter` or
 * `invalid_month` on bad input.
 */
export function parsePeriodKey(key: string): IndicatorPeriod | IndicatorError {
  const m = /^(\d{4})(?:(RY)|Q(\d)|-(\d{2}))?$/.exec(key.trim());
  if (!m) return indicatorError('invalid_period_key');
  const year = Number(m[1]);
  if (!isValidPeriodYear(year)) return indicatorError('invalid_year');
  if (m[2]) return { kind: 'report_year', year };
  if (m[3] !== undefined) {
    const quarter = Number(m[3]);
    if (quarter < 1 || quarter > 4) return indicatorError('invalid_quarter');
    return { kind: 'quarter', year, quarter: quarter as QuarterNumber };
  }
  if (m[4] !== undefined) {
    const month = Number(m[4]);
    if (month < 1 || month > 12) return indicatorError('invalid_month');
    return { kind: 'month', year, month };
  }
  return { kind: 'calendar_year', year };
}

/**
 * zh-CN / en-US labels of a period, with its dates.
 * @example periodLabel({ kind: 'report_year', year: 2024 }).zh // '2024报告年度（2023-10-01至2024-09-30）'
 */
export function periodLabel(period: IndicatorPeriod): { zh: string; en: string } {
  const r = periodRange(period);
  switch (period.kind) {
    case 'report_year':
      return {
        zh: `${period.year}报告年度（${r.from}至${r.to}）`,
        en: `Report year ${period.year} (${r.from} to ${r.to})`,
      };
    case 'calendar_year':
      return { zh: `${period.year}年`, en: `${period.year}` };
    case 'quarter':
      return { zh: `${period.year}年第${period.quarter}季度`, en: `${period.year} Q${period.quarter}` };
    case 'month':
      return { zh: `${period.year}年${period.month}月`, en: `${period.year}-${pad2(period.month)}` };
  }
}
