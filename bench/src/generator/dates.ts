/** Calendar arithmetic on day numbers (days since 1970-01-01, UTC), with a cache of their ISO strings. */

const MS_PER_DAY = 86_400_000;
const BASE = -36525; // 1870-01-01
const cache: string[] = [];

/** Day number of an ISO date 'YYYY-MM-DD'. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO date 'YYYY-MM-DD' of a day number. */
export function isoOf(day: number): string {
  const k = day - BASE;
  let s = k >= 0 ? cache[k] : undefined;
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (k >= 0 && k < 80_000) cache[k] = s;
  }
  return s;
}

/** Day number of 1 January of a year. */
export function jan1(year: number): number {
  return Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** Today's date in China (UTC+8) as a day number. */
export function todayInChina(now = Date.now()): number {
  return Math.floor((now + 8 * 3_600_000) / MS_PER_DAY);
}

/** A timestamp (ISO, UTC) on `day` at a local (UTC+8) time of day given in minutes. */
export function timestampOf(day: number, minuteOfDay: number): string {
  let m = minuteOfDay - 480;
  let d = day;
  while (m < 0) {
    m += 1440;
    d--;
  }
  while (m >= 1440) {
    m -= 1440;
    d++;
  }
  return `${isoOf(d)}T${CLOCK[m]}:00.000Z`;
}

const CLOCK: string[] = Array.from(
  { length: 1440 },
  (_, i) => `${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
);

/** 'HH:MM' of a minute of the day. */
export function clockOf(minute: number): string {
  return CLOCK[((minute % 1440) + 1440) % 1440]!;
}
