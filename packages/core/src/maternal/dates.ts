/**
 * Calendar arithmetic for the maternal rules, done on plain day numbers (days since 1970-01-01, UTC), so no
 * time zone can shift a date. Internal to the maternal folder: the public API takes and returns ISO strings.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True when y-m-d is a real calendar date (m 1–12). */
function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Parses 'YYYY-MM-DD' into a day number, or null when it is not a real date. */
export function parseDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) return null;
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole calendar months to a day number; the day of month is clamped (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDay(day: number, months: number): number {
  const dt = new Date(day * DAY_MS);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + months;
  const d = dt.getUTCDate();
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d, lastOfTarget)) / DAY_MS;
}

/** Splits a day number into calendar parts. */
export function dayParts(day: number): { year: number; month: number; day: number } {
  const dt = new Date(day * DAY_MS);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/**
 * A parsed local date-time: minutes since 1970-01-01T00:00 of the wall clock, plus the offset suffix as written
 * ('' when none, 'Z', '+08:00'). Arithmetic keeps the wall clock and the suffix, so '2024-03-01T20:00+08:00' plus
 * 12 h is '2024-03-02T08:00+08:00'.
 */
export interface WallClock {
  minutes: number;
  suffix: string;
  /** True when the input had a time part (false for a bare date, read as 00:00). */
  hasTime: boolean;
}

/** Parses 'YYYY-MM-DD', 'YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm]'; null when malformed. */
export function parseWallClock(iso: string): WallClock | null {
  const day = parseDay(iso);
  if (day !== null) return { minutes: day * 1440, suffix: '', hasTime: false };
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
  let suffix = m[7] ?? '';
  if (/^[+-]\d{4}$/.test(suffix)) suffix = `${suffix.slice(0, 3)}:${suffix.slice(3)}`;
  return { minutes: base * 1440 + h * 60 + mi, suffix, hasTime: true };
}

/** Formats a wall clock as 'YYYY-MM-DDTHH:mm' plus its suffix. */
export function formatWallClock(w: WallClock): string {
  const day = Math.floor(w.minutes / 1440);
  const rest = w.minutes - day * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${formatDay(day)}T${hh}:${mm}${w.suffix}`;
}
