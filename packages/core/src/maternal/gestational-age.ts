/**
 * Gestational age (孕周), expected date of delivery (预产期) and maternal age.
 *
 * - EDD by Naegele's rule: LMP + 280 days (40 weeks). The 基本公卫规范 (REFERENCE §2.1) states the same rule as
 *   "末次月经月份 +9 或 −3，日数 +7". The two are equivalent up to month lengths: the calendar rule can differ from
 *   the day count by a few days (LMP 2024-01-01 → 2024-10-07 by day count, 2024-10-08 by the calendar rule). The day
 *   count is the definition used everywhere here; {@link eddByCalendarRule} is kept to reproduce handbooks.
 * - Gestational age is counted in completed weeks and days from the LMP (or from EDD − 280 days).
 * - Early registration / early test: before 13+0 weeks, i.e. at most 12+6 (REFERENCE §2.1, §3, §8).
 */
import { z } from 'zod';
import type { MaternalLabel, MaternalRuleSetMeta } from './config';
import { addMonthsToDay, dayParts, formatDay, parseDay } from './dates';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';

/** Days from the LMP to the EDD (Naegele: 40 weeks). */
export const NAEGELE_DAYS = 280;

/** A gestational age in completed weeks plus days (0–6), written "weeks+days" (e.g. 12+6). */
export interface GestationalAge {
  weeks: number;
  days: number;
}

/** zod schema of a {@link GestationalAge}: weeks an integer 0–45, days an integer 0–6. */
export const gestationalAgeSchema = z.object({
  weeks: z.number().int().min(0).max(45),
  days: z.number().int().min(0).max(6),
});

/** zod schema of an ISO calendar date 'YYYY-MM-DD' that is a real date. */
export const maternalIsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => parseDay(s) !== null, { message: 'not a real calendar date' });

/** True when `ga` is a valid gestational age (weeks integer 0–45, days integer 0–6). */
export function isValidGestationalAge(ga: GestationalAge): boolean {
  return gestationalAgeSchema.safeParse(ga).success;
}

/** Total days of a gestational age (12+6 → 90). */
export function gestationalAgeToDays(ga: GestationalAge): number {
  return ga.weeks * 7 + ga.days;
}

/** Gestational age from a day count (90 → 12+6). Negative counts are clamped to 0+0. */
export function gestationalAgeFromDays(totalDays: number): GestationalAge {
  const d = Math.max(0, Math.floor(totalDays));
  return { weeks: Math.floor(d / 7), days: d % 7 };
}

/** Gestational age in decimal weeks (12+6 → 12.857…). */
export function gestationalAgeInWeeks(ga: GestationalAge): number {
  return gestationalAgeToDays(ga) / 7;
}

/** Formats a gestational age as "12+6". */
export function formatGestationalAge(ga: GestationalAge): string {
  return `${ga.weeks}+${ga.days}`;
}

/** Compares two gestational ages: negative when a < b, 0 when equal, positive when a > b. */
export function compareGestationalAge(a: GestationalAge, b: GestationalAge): number {
  return gestationalAgeToDays(a) - gestationalAgeToDays(b);
}

/**
 * Parses "12+6", "12 + 6", "12w6d", "12周6天", "12周+6" or "12" (= 12+0) into a gestational age.
 * Fails with `invalid_gestational_age`.
 */
export function parseGestationalAge(text: string): MaternalResult<GestationalAge> {
  const m = /^\s*(\d{1,2})\s*(?:(?:\+|w|周\s*\+?)\s*(?:(\d)\s*(?:d|天)?)?)?\s*$/i.exec(text);
  if (!m) return maternalFailure('invalid_gestational_age');
  const ga = { weeks: Number(m[1]), days: m[2] === undefined ? 0 : Number(m[2]) };
  return isValidGestationalAge(ga) ? maternalOk(ga) : maternalFailure('invalid_gestational_age');
}

/** EDD by Naegele's rule: LMP + 280 days. Fails with `invalid_date`. */
export function eddFromLmp(lmp: string): MaternalResult<string> {
  const day = parseDay(lmp);
  if (day === null) return maternalFailure('invalid_date', 'lmp');
  return maternalOk(formatDay(day + NAEGELE_DAYS));
}

/** The LMP implied by an EDD: EDD − 280 days (used when only the EDD is known, e.g. after ultrasound dating). */
export function lmpFromEdd(edd: string): MaternalResult<string> {
  const day = parseDay(edd);
  if (day === null) return maternalFailure('invalid_date', 'edd');
  return maternalOk(formatDay(day - NAEGELE_DAYS));
}

/**
 * EDD by the handbook's calendar form of Naegele's rule: month +9 (or −3 and year +1), day +7, rolling over month
 * ends (基本公卫规范: "末次月经月份 +9 或 −3，日数 +7"). Kept for comparison; {@link eddFromLmp} is the definition.
 */
export function eddByCalendarRule(lmp: string): MaternalResult<string> {
  const day = parseDay(lmp);
  if (day === null) return maternalFailure('invalid_date', 'lmp');
  const p = dayParts(day);
  const monthIndex = p.month - 1 + 9; // +9 months ≡ −3 months of the next year
  const shifted = Date.UTC(p.year, monthIndex, p.day + 7) / 86_400_000;
  return maternalOk(formatDay(shifted));
}

/** Dating of a pregnancy: the LMP, the EDD, or both (the EDD wins when both are given, as it may be corrected). */
export interface PregnancyDating {
  lmp?: string;
  edd?: string;
}

/** The day number of the dating origin (LMP, or EDD − 280), or an error. */
export function datingOriginDay(dating: PregnancyDating): MaternalResult<number> {
  if (dating.edd !== undefined) {
    const d = parseDay(dating.edd);
    return d === null ? maternalFailure('invalid_date', 'edd') : maternalOk(d - NAEGELE_DAYS);
  }
  if (dating.lmp !== undefined) {
    const d = parseDay(dating.lmp);
    return d === null ? maternalFailure('invalid_date', 'lmp') : maternalOk(d);
  }
  return maternalFailure('lmp_or_edd_required');
}

/**
 * Gestational age at `date`, from the LMP or from the EDD (EDD − 280 days; the EDD wins when both are given).
 * Fails with `invalid_date`, `lmp_or_edd_required` or `date_before_lmp`.
 */
export function gestationalAgeAt(dating: PregnancyDating, date: string): MaternalResult<GestationalAge> {
  const origin = datingOriginDay(dating);
  if (!origin.ok) return origin;
  const at = parseDay(date);
  if (at === null) return maternalFailure('invalid_date', 'date');
  const diff = at - origin.value;
  if (diff < 0) return maternalFailure('date_before_lmp', 'date');
  return maternalOk(gestationalAgeFromDays(diff));
}

/** The calendar date on which the pregnancy reaches gestational age `ga`. */
export function dateAtGestationalAge(dating: PregnancyDating, ga: GestationalAge): MaternalResult<string> {
  if (!isValidGestationalAge(ga)) return maternalFailure('invalid_gestational_age');
  const origin = datingOriginDay(dating);
  if (!origin.ok) return origin;
  return maternalOk(formatDay(origin.value + gestationalAgeToDays(ga)));
}

/**
 * The early-pregnancy limit of 早孕建册 and 早检: before 13+0 weeks (≤12+6). REFERENCE §2.1 (3rd edition of the
 * 基本公卫规范, "孕13周前"; the 2nd edition said 12 weeks), §3 早孕建册率, §8 早检 ≤12+6. [C]
 */
export const EARLY_PREGNANCY_LIMIT: GestationalAge & { confirmed: boolean; source: string } = {
  weeks: 13,
  days: 0,
  confirmed: true,
  source: '国家基本公共卫生服务规范（第三版）孕产妇健康管理; 预防艾滋病、梅毒和乙肝母婴传播工作规范(2020) 早检',
};

/** True when a registration (建册 + first antenatal check) at `ga` is early: before 13+0 weeks (≤12+6). */
export function isEarlyRegistration(ga: GestationalAge): boolean {
  return gestationalAgeToDays(ga) < gestationalAgeToDays(EARLY_PREGNANCY_LIMIT);
}

/** True when an HIV/syphilis/HBV test at `ga` counts as 早检 (early test): at most 12+6 weeks. */
export function isEarlyTest(ga: GestationalAge): boolean {
  return gestationalAgeToDays(ga) <= gestationalAgeToDays(EARLY_PREGNANCY_LIMIT) - 1;
}

/** Trimester names: 孕早期 (<14+0), 孕中期 (14+0–27+6), 孕晚期 (≥28+0). */
export type Trimester = 'early' | 'mid' | 'late';

/** Labels of {@link Trimester}. */
export const TRIMESTER_LABELS: Record<Trimester, MaternalLabel> = {
  early: { zh: '孕早期', en: 'first trimester' },
  mid: { zh: '孕中期', en: 'second trimester' },
  late: { zh: '孕晚期', en: 'third trimester' },
};

/** The trimester of a gestational age: early < 14+0, mid 14+0–27+6, late ≥ 28+0 (Chinese obstetric convention). */
export function trimesterOf(ga: GestationalAge): Trimester {
  const d = gestationalAgeToDays(ga);
  if (d < 14 * 7) return 'early';
  if (d < 28 * 7) return 'mid';
  return 'late';
}

/**
 * Age in full years at a date (周岁): the number of birthdays reached on or before `atDate`. Someone born on
 * 29 February reaches a birthday on 1 March in common years. Fails with `invalid_date`.
 */
export function maternalAgeInFullYears(birthDate: string, atDate: string): MaternalResult<number> {
  const b = parseDay(birthDate);
  if (b === null) return maternalFailure('invalid_date', 'birthDate');
  const a = parseDay(atDate);
  if (a === null) return maternalFailure('invalid_date', 'atDate');
  const bp = dayParts(b);
  const ap = dayParts(a);
  let years = ap.year - bp.year;
  if (ap.month < bp.month || (ap.month === bp.month && ap.day < bp.day)) years -= 1;
  return maternalOk(Math.max(0, years));
}

/** The age below which a pregnant woman is a minor (未成年, capability M10): 18 full years. */
export const MINOR_AGE_YEARS = 18;

/** True when the woman was under 18 full years at `atDate` (e.g. at the LMP, for M10 pregnancies of minors). */
export function isMinorAt(birthDate: string, atDate: string): MaternalResult<boolean> {
  const age = maternalAgeInFullYears(birthDate, atDate);
  if (!age.ok) return age;
  return maternalOk(age.value < MINOR_AGE_YEARS);
}

/** Why an EDD was or was not corrected by ultrasound. */
export type EddCorrectionReason = 'lmp_unknown' | 'discrepancy_over_threshold' | 'within_threshold' | 'scan_not_early';

/** Labels of {@link EddCorrectionReason}. */
export const EDD_CORRECTION_REASON_LABELS: Record<EddCorrectionReason, MaternalLabel> = {
  lmp_unknown: { zh: '末次月经不详，按超声推算预产期', en: 'LMP unknown: EDD from the ultrasound' },
  discrepancy_over_threshold: {
    zh: '超声孕周与末次月经孕周相差超过阈值，按超声校正预产期',
    en: 'Ultrasound and LMP dating differ by more than the threshold: EDD corrected by ultrasound',
  },
  within_threshold: {
    zh: '超声与末次月经孕周相符，保留按末次月经推算的预产期',
    en: 'Ultrasound agrees with the LMP: the LMP-based EDD is kept',
  },
  scan_not_early: {
    zh: '超声检查不在校正孕周范围内，不据此校正预产期',
    en: 'The scan is outside the dating window: the EDD is not corrected from it',
  },
};

/** One band of an EDD re-dating rule: scans at gestational age fromDays–toDays (by ultrasound) redate when the
 * discrepancy exceeds thresholdDays. */
export interface EddRedatingBand {
  fromDays: number;
  toDays: number;
  thresholdDays: number;
}

/** A versioned EDD re-dating rule. */
export interface EddRedatingRule extends MaternalRuleSetMeta {
  bands: EddRedatingBand[];
}

/**
 * Default re-dating rule: early ultrasound (crown–rump length) only, before 14+0 weeks. Redate when the ultrasound
 * and LMP dating differ by more than 5 days up to 8+6, or by more than 7 days from 9+0 to 13+6. These are the
 * ACOG Committee Opinion 700 (2017) thresholds for the first trimester; no national Chinese text with numbers was
 * retrieved, so they are local practice [L] to confirm.
 */
export const EARLY_ULTRASOUND_REDATING_RULE: EddRedatingRule = {
  id: 'edd-redating-early-ultrasound',
  version: '2017.1',
  region: 'CN',
  name: { zh: '孕早期超声校正预产期', en: 'EDD correction by early ultrasound' },
  source: 'ACOG Committee Opinion 700 (2017), first-trimester CRL bands [L]',
  confirmed: false,
  status: 'to_confirm',
  bands: [
    { fromDays: 0, toDays: 8 * 7 + 6, thresholdDays: 5 },
    { fromDays: 9 * 7, toDays: 13 * 7 + 6, thresholdDays: 7 },
  ],
};

/** The full ACOG Committee Opinion 700 table, including later scans (alternative configuration) [L]. */
export const ACOG_REDATING_RULE: EddRedatingRule = {
  id: 'edd-redating-acog-700',
  version: '2017.1',
  region: 'CN',
  name: { zh: '超声校正预产期（ACOG 700 全孕周）', en: 'EDD correction by ultrasound (ACOG 700, all ages)' },
  source: 'ACOG Committee Opinion 700 (2017) [L]',
  confirmed: false,
  status: 'to_confirm',
  bands: [
    { fromDays: 0, toDays: 8 * 7 + 6, thresholdDays: 5 },
    { fromDays: 9 * 7, toDays: 13 * 7 + 6, thresholdDays: 7 },
    { fromDays: 14 * 7, toDays: 15 * 7 + 6, thresholdDays: 7 },
    { fromDays: 16 * 7, toDays: 21 * 7 + 6, thresholdDays: 10 },
    { fromDays: 22 * 7, toDays: 27 * 7 + 6, thresholdDays: 14 },
    { fromDays: 28 * 7, toDays: 45 * 7, thresholdDays: 21 },
  ],
};

/** Input of {@link correctEddByUltrasound}. */
export interface EddUltrasoundInput {
  /** LMP, when known. */
  lmp?: string;
  /** Date of the ultrasound scan. */
  scanDate: string;
  /** Gestational age measured by the scan on scanDate (e.g. from the crown–rump length). */
  gaAtScan: GestationalAge;
  /** Free-text note kept with the correction (e.g. "CRL 45 mm"). */
  note?: string;
}

/** Result of {@link correctEddByUltrasound}: the EDD to use and why. */
export interface EddCorrection {
  /** The EDD to use from now on. */
  edd: string;
  /** LMP + 280 days, or null when the LMP is unknown. */
  lmpEdd: string | null;
  /** scanDate + (280 days − gaAtScan). */
  ultrasoundEdd: string;
  /** True when the EDD differs from the LMP-based one because of the scan. */
  corrected: boolean;
  reason: EddCorrectionReason;
  reasonLabel: MaternalLabel;
  /** Ultrasound GA minus LMP GA at the scan, in days (positive: the fetus measures older); null without LMP. */
  differenceDays: number | null;
  /** The threshold of the band the scan fell in, or null. */
  thresholdDays: number | null;
  /** Id and version of the rule applied. */
  rule: { id: string; version: string };
  note?: string;
}

/**
 * EDD corrected by an (early) ultrasound scan, keeping the reason. Without an LMP the ultrasound EDD is used.
 * Otherwise the EDD is corrected only when the scan falls in a band of `rule` and the discrepancy is strictly
 * greater than the band's threshold. Fails with `invalid_date` or `invalid_gestational_age`.
 */
export function correctEddByUltrasound(
  input: EddUltrasoundInput,
  rule: EddRedatingRule = EARLY_ULTRASOUND_REDATING_RULE,
): MaternalResult<EddCorrection> {
  const scan = parseDay(input.scanDate);
  if (scan === null) return maternalFailure('invalid_date', 'scanDate');
  if (!isValidGestationalAge(input.gaAtScan)) return maternalFailure('invalid_gestational_age', 'gaAtScan');
  const usDays = gestationalAgeToDays(input.gaAtScan);
  const ultrasoundEddDay = scan - usDays + NAEGELE_DAYS;
  const base = {
    ultrasoundEdd: formatDay(ultrasoundEddDay),
    rule: { id: rule.id, version: rule.version },
    ...(input.note === undefined ? {} : { note: input.note }),
  };
  if (input.lmp === undefined) {
    return maternalOk({
      ...base,
      edd: formatDay(ultrasoundEddDay),
      lmpEdd: null,
      corrected: true,
      reason: 'lmp_unknown',
      reasonLabel: EDD_CORRECTION_REASON_LABELS.lmp_unknown,
      differenceDays: null,
      thresholdDays: null,
    });
  }
  const lmp = parseDay(input.lmp);
  if (lmp === null) return maternalFailure('invalid_date', 'lmp');
  const lmpEddDay = lmp + NAEGELE_DAYS;
  const difference = usDays - (scan - lmp);
  const band = rule.bands.find((b) => usDays >= b.fromDays && usDays <= b.toDays);
  let reason: EddCorrectionReason;
  if (band === undefined) reason = 'scan_not_early';
  else reason = Math.abs(difference) > band.thresholdDays ? 'discrepancy_over_threshold' : 'within_threshold';
  const corrected = reason === 'discrepancy_over_threshold';
  return maternalOk({
    ...base,
    edd: formatDay(corrected ? ultrasoundEddDay : lmpEddDay),
    lmpEdd: formatDay(lmpEddDay),
    corrected,
    reason,
    reasonLabel: EDD_CORRECTION_REASON_LABELS[reason],
    differenceDays: difference,
    thresholdDays: band?.thresholdDays ?? null,
  });
}

/** Whole calendar months between two dates (e.g. last uterine surgery → this LMP); negative when `to` < `from`. */
export function monthsBetweenDates(from: string, to: string): MaternalResult<number> {
  const f = parseDay(from);
  if (f === null) return maternalFailure('invalid_date', 'from');
  const t = parseDay(to);
  if (t === null) return maternalFailure('invalid_date', 'to');
  const sign = t >= f ? 1 : -1;
  const [lo, hi] = sign === 1 ? [f, t] : [t, f];
  const lp = dayParts(lo);
  const hp = dayParts(hi);
  let months = (hp.year - lp.year) * 12 + (hp.month - lp.month);
  if (addMonthsToDay(lo, months) > hi) months -= 1;
  return maternalOk(sign * months);
}
