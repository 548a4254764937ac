/**
 * Calendar arithmetic for the child-health rules on plain day numbers (days since 1970-01-01, UTC) and minute
 * numbers, so no time zone can shift a date. Internal to this folder (not exported from the package index): the
 * public API takes and returns ISO strings.
 */
import type { ChildOffset } from './child-config';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Parses 'YYYY-MM-DD' into a day number; null when it is not a real date. */
export function parseDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isRealDate(y, mo, d) ? Date.UTC(y, mo - 1, d) / DAY_MS : null;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole calendar months; the day of the month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDay(day: number, months: number): number {
  const dt = new Date(day * DAY_MS);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + months;
  const d = dt.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d, last)) / DAY_MS;
}

/** Completed calendar months from `fromDay` to `toDay` (toDay ≥ fromDay), the way ages in months are counted. */
export function completedMonths(fromDay: number, toDay: number): number {
  const a = new Date(fromDay * DAY_MS);
  const b = new Date(toDay * DAY_MS);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (addMonthsToDay(fromDay, months) > toDay) months -= 1;
  return months;
}

/** Adds a {@link ChildOffset} (negated when `sign` is −1). */
export function addOffset(day: number, offset: ChildOffset, sign: 1 | -1 = 1): number {
  return 'days' in offset ? day + sign * offset.days : addMonthsToDay(day, sign * offset.months);
}

/** A parsed instant: minutes since 1970-01-01T00:00 (UTC when an offset was given, else the wall clock). */
export interface ParsedInstant {
  minutes: number;
  /** False for a bare date (read as 00:00). */
  hasTime: boolean;
  /** The calendar day as written (before any offset is applied). */
  day: number;
  /** True when an offset was given, so `minutes` are UTC. */
  utc: boolean;
}

/**
 * Parses 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm]'; null when malformed. With an offset the minutes are
 * UTC; without one they are the wall clock, so callers must use one convention for all the times they compare.
 */
export function parseInstant(iso: string): ParsedInstant | null {
  const day = parseDay(iso);
  if (day !== null) return { minutes: day * 1440, hasTime: false, day, utc: false };
  const m = ISO_DATE_TIME.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const base = Date.UTC(y, mo - 1, d) / DAY_MS;
  let minutes = base * 1440 + h * 60 + mi;
  const z = m[7];
  if (z !== undefined && z !== 'Z') {
    const sign = z.startsWith('-') ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    minutes -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return { minutes, hasTime: true, day: base, utc: z !== undefined };
}

/** Formats minutes as 'YYYY-MM-DDTHH:mm' (UTC or wall clock, as parsed). */
export function formatMinutes(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  return `${formatDay(day)}T${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
}
