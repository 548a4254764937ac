/**
 * WHO growth z-scores of one measurement: weight-for-age, length/height-for-age, weight-for-length (under 24
 * months) / weight-for-height (24 months and over), BMI-for-age and head circumference-for-age, computed as WHO's
 * igrowup/anthro software does:
 * - the age is taken in whole days (rounded, .5 up) and the LMS of that day is used;
 * - the recumbent length / standing height is converted by 0.7 cm to the position the standard expects: +0.7 when
 *   a child under 731 days was measured standing, −0.7 when a child of 731 days or more was measured lying;
 * - BMI = weight / (converted length or height in m)²;
 * - weight-for-length applies below 731 days (45–110 cm), weight-for-height from 731 days (65–120 cm), by the
 *   converted length/height, with L, M, S linear between the 0.1 cm rows;
 * - weight-based indicators (weight-for-age, weight-for-length/height, BMI-for-age) use WHO's restricted
 *   application of the LMS method beyond ±3 SD; length/height and head circumference the plain formula;
 * - z-scores are rounded to 2 decimals, and WHO's flags for biologically implausible values are raised on the
 *   rounded value (WHO anthro: zwei < −6 or > 5; |zlen| > 6; |zwfl| > 5; |zbmi| > 5; |zhc| > 5). A flagged value is
 *   kept, and re-measurement is asked ('remeasure_requested').
 * From 61 months (1857 days) on, the WHO Reference 2007 is used when it is registered (height-for-age and
 * BMI-for-age to 228 months, weight-for-age to 120 months); a score without a reference is left undefined with a
 * 'reference_not_available_<score>' flag.
 */
import type { GrowthReferenceSelection } from './growth-registry';
import { coversAge, findLms, resolveGrowthReferences } from './growth-registry';
import type { GrowthIndicator, GrowthReference, GrowthSex, GrowthStandardId } from './growth-types';
import { DAYS_PER_MONTH, HEIGHT_FROM_AGE_DAYS, RESTRICTED_INDICATORS } from './growth-types';
import { lmsZ, lmsZRestricted, roundAgeDays, roundHalfAway } from './lms-math';

/** Input of {@link growthZScores}. */
export interface GrowthMeasurementInput {
  sex: GrowthSex;
  /** Age in days at the measurement (rounded to a whole day as WHO does). */
  ageDays: number;
  weightKg?: number;
  /** Recumbent length, cm. */
  lengthCm?: number;
  /** Standing height, cm. */
  heightCm?: number;
  /** Head circumference, cm. */
  headCm?: number;
  /**
   * Position of the length/height measurement when only one of `lengthCm` / `heightCm` is given; default: lying
   * for `lengthCm`, standing for `heightCm`. When both are given, the one that fits the age is used as measured.
   */
  measuredLying?: boolean;
}

/** The score keys. */
export type GrowthScoreKey = 'waz' | 'lhaz' | 'wlhz' | 'bmiz' | 'hcz';

/** Z-scores (2 decimals) and flags. A score is absent when its input or its reference is missing. */
export interface GrowthZScores {
  /** Weight-for-age. */
  waz?: number;
  /** Length/height-for-age. */
  lhaz?: number;
  /** Weight-for-length (under 24 months) or weight-for-height. */
  wlhz?: number;
  /** BMI-for-age. */
  bmiz?: number;
  /** Head circumference-for-age. */
  hcz?: number;
  /**
   * Stable flag codes: 'invalid_sex', 'invalid_age', 'invalid_weight', 'invalid_length', 'invalid_head',
   * 'standing_under_9_months', 'out_of_range_wlhz', 'reference_not_available_<score>', 'implausible_<score>',
   * 'remeasure_requested'.
   */
  flags: string[];
}

/** Options of {@link growthZScores}: which references, in which order (default: the registry, WHO 2006 then 2007). */
export type GrowthZScoreOptions = GrowthReferenceSelection;

/** Limits outside which WHO flags a z-score as biologically implausible (flag when z < below or z > above). */
export interface ImplausibleLimits {
  below: number;
  above: number;
}

/**
 * WHO's limits for biologically implausible z-scores (WHO anthro `anthro_zscores` documentation and the igrowup /
 * who2007 macros): WAZ < −6 or > 5; L/HAZ < −6 or > 6; WL/HZ, BMIZ and HCZ < −5 or > 5.
 */
export const WHO_IMPLAUSIBLE_LIMITS: Readonly<Record<GrowthScoreKey, ImplausibleLimits>> = {
  waz: { below: -6, above: 5 },
  lhaz: { below: -6, above: 6 },
  wlhz: { below: -5, above: 5 },
  bmiz: { below: -5, above: 5 },
  hcz: { below: -5, above: 5 },
};

/** The length/height actually used, after WHO's 0.7 cm conversion. */
export interface ConvertedLengthHeight {
  /** Converted value, cm: recumbent length below 731 days, standing height from 731 days. */
  cm: number;
  /** What `cm` is. */
  basis: 'length' | 'height';
  /** The measured value and position. */
  measuredCm: number;
  measuredLying: boolean;
  /** +0.7, −0.7 or 0. */
  conversionCm: number;
}

/** Everything {@link assessGrowth} found: the z-scores plus the values and standards behind them. */
export interface GrowthAssessment extends GrowthZScores {
  /** Age in whole days as used. */
  ageDays?: number;
  /** Age in months (whole days / 30.4375). */
  ageMonths?: number;
  lengthHeight?: ConvertedLengthHeight;
  /** BMI in kg/m², from the converted length/height. */
  bmi?: number;
  /** Which indicator gave `wlhz`. */
  wlhIndicator?: 'wfl' | 'wfh';
  /** The standard each score comes from. */
  standards: Partial<Record<GrowthScoreKey, GrowthStandardId>>;
}

function positive(v: number | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  return Number.isFinite(v) && v > 0 ? v : null;
}

/**
 * WHO's 0.7 cm conversion between recumbent length and standing height for the age (whole days): a child under
 * 731 days measured standing gets +0.7 cm, a child of 731 days or more measured lying gets −0.7 cm.
 */
export function convertLengthHeight(
  measuredCm: number,
  measuredLying: boolean,
  ageDays: number,
): ConvertedLengthHeight {
  const basis = ageDays < HEIGHT_FROM_AGE_DAYS ? 'length' : 'height';
  const conversionCm = basis === 'length' && !measuredLying ? 0.7 : basis === 'height' && measuredLying ? -0.7 : 0;
  return { cm: measuredCm + conversionCm, basis, measuredCm, measuredLying, conversionCm };
}

interface ScoreSpec {
  key: GrowthScoreKey;
  indicator: GrowthIndicator;
  value: number;
  x: number;
}

/**
 * The full assessment behind {@link growthZScores}: z-scores, flags, the converted length/height, the BMI and the
 * standard of each score.
 */
export function assessGrowth(input: GrowthMeasurementInput, options: GrowthZScoreOptions = {}): GrowthAssessment {
  const flags: string[] = [];
  const out: GrowthAssessment = { flags, standards: {} };
  if (input.sex !== 'male' && input.sex !== 'female') flags.push('invalid_sex');
  if (!Number.isFinite(input.ageDays) || input.ageDays < 0) flags.push('invalid_age');
  if (flags.length > 0) return out;
  const day = roundAgeDays(input.ageDays);
  out.ageDays = day;
  out.ageMonths = day / DAYS_PER_MONTH;

  const weight = positive(input.weightKg);
  const length = positive(input.lengthCm);
  const height = positive(input.heightCm);
  const head = positive(input.headCm);
  if (weight === null) flags.push('invalid_weight');
  if (length === null || height === null) flags.push('invalid_length');
  if (head === null) flags.push('invalid_head');

  let measured: { cm: number; lying: boolean } | undefined;
  if (typeof length === 'number' && typeof height === 'number') {
    measured = day < HEIGHT_FROM_AGE_DAYS ? { cm: length, lying: true } : { cm: height, lying: false };
  } else if (typeof length === 'number') measured = { cm: length, lying: input.measuredLying ?? true };
  else if (typeof height === 'number') measured = { cm: height, lying: input.measuredLying ?? false };
  if (measured) {
    out.lengthHeight = convertLengthHeight(measured.cm, measured.lying, day);
    if (!measured.lying && out.ageMonths < 9) flags.push('standing_under_9_months');
  }
  const clen = out.lengthHeight?.cm;
  const w = typeof weight === 'number' ? weight : undefined;

  const specs: ScoreSpec[] = [];
  if (w !== undefined) specs.push({ key: 'waz', indicator: 'wfa', value: w, x: day });
  if (clen !== undefined) specs.push({ key: 'lhaz', indicator: 'lhfa', value: clen, x: day });
  if (w !== undefined && clen !== undefined) {
    const wlh = day < HEIGHT_FROM_AGE_DAYS ? 'wfl' : 'wfh';
    out.wlhIndicator = wlh;
    specs.push({ key: 'wlhz', indicator: wlh, value: w, x: clen });
    out.bmi = w / (clen / 100) ** 2;
    specs.push({ key: 'bmiz', indicator: 'bmifa', value: out.bmi, x: day });
  }
  if (typeof head === 'number') specs.push({ key: 'hcz', indicator: 'hcfa', value: head, x: day });

  const references: GrowthReference[] = resolveGrowthReferences(options);
  const implausible: string[] = [];
  for (const s of specs) {
    const found = findLms(references, s.indicator, input.sex, s.x, day);
    if (!found) {
      flags.push(
        coversAge(references, s.indicator, day) && s.key === 'wlhz'
          ? 'out_of_range_wlhz'
          : `reference_not_available_${s.key}`,
      );
      continue;
    }
    const raw = RESTRICTED_INDICATORS.includes(s.indicator)
      ? lmsZRestricted(s.value, found.lms)
      : lmsZ(s.value, found.lms);
    if (!Number.isFinite(raw)) {
      flags.push(`reference_not_available_${s.key}`);
      continue;
    }
    const z = roundHalfAway(raw, 2) + 0; // + 0 turns -0 into 0
    out[s.key] = z;
    out.standards[s.key] = found.reference.id;
    const lim = WHO_IMPLAUSIBLE_LIMITS[s.key];
    if (z < lim.below || z > lim.above) implausible.push(`implausible_${s.key}`);
  }
  flags.push(...implausible);
  if (implausible.length > 0) flags.push('remeasure_requested');
  return out;
}

/**
 * WHO growth z-scores of one measurement (see the module comment for WHO's method). Scores are rounded to 2
 * decimals; a missing input or reference leaves that score undefined (with a flag when a reference is missing).
 */
export function growthZScores(input: GrowthMeasurementInput, options: GrowthZScoreOptions = {}): GrowthZScores {
  const a = assessGrowth(input, options);
  const out: GrowthZScores = { flags: a.flags };
  for (const key of ['waz', 'lhaz', 'wlhz', 'bmiz', 'hcz'] as const) {
    const v = a[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
