/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') for the women's-health rules. Plain UTC calendar maths, so the
 * result never depends on the machine's time zone. Internal to `women/`; not re-exported from the package index.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' into [year, month (1–12), day]; undefined when not a real calendar date. */
export function parseIsoDate(value: string): [number, number, number] | undefined {
  const m = ISO_DATE.exec(value ?? '');
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return [y, mo, d];
}

/** True when the value is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

function toIso(dt: Date): string {
  return dt.toISOString().slice(0, 10);
}

function toUtc(value: string): Date {
  const p = parseIsoDate(value);
  if (!p) throw new RangeError(`not an ISO date: ${value}`);
  return new Date(Date.UTC(p[0], p[1] - 1, p[2]));
}

/** Adds (or subtracts) whole days. */
export function addDays(date: string, days: number): string {
  const dt = toUtc(date);
  dt.setUTCDate(dt.getUTCDate() + days);
  return toIso(dt);
}

/**
 * Adds calendar months; when the target month is shorter the day is clamped to its last day
 * (2024-01-31 + 1 month = 2024-02-29).
 */
export function addMonths(date: string, months: number): string {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  const total = p[0] * 12 + (p[1] - 1) + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(y, mo, Math.min(p[2], last))));
}

/** Adds calendar years (29 February clamps to 28 February in common years). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Completed years of age on `on` for someone born on `birthDate` (birthday counts on the day itself). */
export function ageInYears(birthDate: string, on: string): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(on);
  if (!b || !d) throw new RangeError('not an ISO date');
  let age = d[0] - b[0];
  if (d[1] < b[1] || (d[1] === b[1] && d[2] < b[2])) age -= 1;
  return age;
}
