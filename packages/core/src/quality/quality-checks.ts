/**
 * The decisions behind the data-quality rules, as pure functions over one record. The server runs the same
 * decisions as set-based SQL over a whole county with the same configuration values; these functions are the
 * specification the rule tests are written against, and what a form can call to warn before saving.
 */
import type { QualityCompletenessType, QualityConfig, QualityTimelinessType } from './quality-config';
import { QUALITY_FIELDS } from './quality-config';
import type { QualityGaBand, QualityRange } from './quality-types';

const DAY_MS = 86_400_000;
/** China Standard Time offset (no daylight saving since 1991). */
const CST_MS = 8 * 3_600_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** The date in China (YYYY-MM-DD) of an instant. */
export function chinaDate(at: string | Date): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CST_MS).toISOString().slice(0, 10);
}

/** Whole days from date `a` to date `b` (YYYY-MM-DD). */
export function daysBetweenDates(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Days between a service date and the day (China time) the record was entered. */
export function entryDelayDays(serviceDate: string, createdAt: string | Date): number {
  return daysBetweenDates(serviceDate, chinaDate(createdAt));
}

/**
 * True when a record was entered more than `lateEntryDays[type]` days after its service date. Records created
 * before `timelinessCheckedFrom` (a back-fill or an import) are not judged.
 */
export function isLateEntry(
  type: QualityTimelinessType,
  serviceDate: string,
  createdAt: string | Date,
  cfg: Pick<QualityConfig, 'lateEntryDays' | 'timelinessCheckedFrom'>,
): boolean {
  const created = typeof createdAt === 'string' ? Date.parse(createdAt) : createdAt.getTime();
  if (cfg.timelinessCheckedFrom && created < Date.parse(cfg.timelinessCheckedFrom)) return false;
  return entryDelayDays(serviceDate, createdAt) > cfg.lateEntryDays[type];
}

/** EDD minus (LMP + 280 days), in days (Naegele's rule). */
export function eddDeviationDays(lmp: string, edd: string): number {
  return daysBetweenDates(lmp, edd) - 280;
}

/**
 * Why an EDD is inconsistent with the LMP, or null when it is consistent: `lmp_missing` when the EDD is said to be
 * dated from an LMP that is not recorded; `deviation` when |EDD − (LMP + 280)| exceeds the tolerance of the method.
 */
export function eddInconsistency(
  p: { lmp: string | null; edd: string; eddMethod: 'lmp' | 'ultrasound' },
  cfg: Pick<QualityConfig, 'eddToleranceDays'>,
): 'lmp_missing' | 'deviation' | null {
  if (!p.lmp) return p.eddMethod === 'lmp' ? 'lmp_missing' : null;
  const tol = p.eddMethod === 'lmp' ? cfg.eddToleranceDays.lmp : cfg.eddToleranceDays.ultrasound;
  return Math.abs(eddDeviationDays(p.lmp, p.edd)) > tol ? 'deviation' : null;
}

/** Gestational age at delivery by the EDD: 280 − (EDD − delivery date), in days. */
export function gaByEddDays(edd: string, deliveryDate: string): number {
  return 280 - daysBetweenDates(deliveryDate, edd);
}

/** True when the recorded gestational age at delivery and the one from the EDD differ by more than the tolerance. */
export function isDeliveryGaInconsistent(
  d: { gaDays: number; deliveryDate: string; edd: string },
  cfg: Pick<QualityConfig, 'deliveryGaToleranceDays'>,
): boolean {
  return Math.abs(d.gaDays - gaByEddDays(d.edd, d.deliveryDate)) > cfg.deliveryGaToleranceDays;
}

/** The band of `bands` holding completed week `week`, if any. */
export function gaBandFor(bands: readonly QualityGaBand[], week: number): QualityGaBand | undefined {
  return bands.find((b) => week >= b.fromWeek && week <= b.toWeek);
}

/** Where a value lies against a range: below, above, or null when inside. */
export function outsideRange(value: number, r: QualityRange): 'low' | 'high' | null {
  if (value < r.min) return 'low';
  if (value > r.max) return 'high';
  return null;
}

/**
 * Birth weight against the plausible band of its completed gestational week (or the overall range when the week
 * is unknown or outside every band): 'low', 'high', or null when plausible.
 */
export function birthWeightImplausibility(
  weightG: number,
  gaWeeks: number | null,
  cfg: Pick<QualityConfig, 'birthWeightBands' | 'birthWeightRange'>,
): 'low' | 'high' | null {
  const band = gaWeeks === null ? undefined : gaBandFor(cfg.birthWeightBands, gaWeeks);
  return outsideRange(weightG, band ?? cfg.birthWeightRange);
}

/** Birth length against the plausible band of its completed gestational week (no band: not judged). */
export function birthLengthImplausibility(
  lengthCm: number,
  gaWeeks: number | null,
  cfg: Pick<QualityConfig, 'birthLengthBands'>,
): 'low' | 'high' | null {
  const band = gaWeeks === null ? undefined : gaBandFor(cfg.birthLengthBands, gaWeeks);
  if (!band) {
    const all = {
      min: Math.min(...cfg.birthLengthBands.map((b) => b.min)),
      max: Math.max(...cfg.birthLengthBands.map((b) => b.max)),
    };
    return outsideRange(lengthCm, all);
  }
  return outsideRange(lengthCm, band);
}

/** Age in completed years on `date` of someone born on `birthDate`. */
export function completedYears(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** True when a mother born on `motherBirthDate` was outside the plausible age range on `childBirthDate`. */
export function isMotherAgeImplausible(
  motherBirthDate: string,
  childBirthDate: string,
  cfg: Pick<QualityConfig, 'motherAgeYears'>,
): boolean {
  const age = completedYears(motherBirthDate, childBirthDate);
  return age < cfg.motherAgeYears.min || age > cfg.motherAgeYears.max;
}

/** Problems with a blood pressure pair and the other vitals of a visit. */
export type VitalsProblem =
  | 'systolic_not_above_diastolic'
  | 'systolic_out_of_range'
  | 'diastolic_out_of_range'
  | 'weight_out_of_range'
  | 'temperature_out_of_range'
  | 'hb_out_of_range';

/** The implausible vitals of an antenatal visit (missing values are not judged). */
export function antenatalVitalsProblems(
  v: { systolicMmHg?: number | null; diastolicMmHg?: number | null; weightKg?: number | null },
  cfg: Pick<QualityConfig, 'antenatalVitals'>,
): VitalsProblem[] {
  const r = cfg.antenatalVitals;
  const out: VitalsProblem[] = [];
  if (v.systolicMmHg != null && v.diastolicMmHg != null && v.systolicMmHg <= v.diastolicMmHg)
    out.push('systolic_not_above_diastolic');
  if (v.systolicMmHg != null && outsideRange(v.systolicMmHg, r.systolicMmHg)) out.push('systolic_out_of_range');
  if (v.diastolicMmHg != null && outsideRange(v.diastolicMmHg, r.diastolicMmHg)) out.push('diastolic_out_of_range');
  if (v.weightKg != null && outsideRange(v.weightKg, r.weightKg)) out.push('weight_out_of_range');
  return out;
}

/** The implausible vitals of a postpartum visit (missing values are not judged). */
export function postpartumVitalsProblems(
  v: {
    systolicMmHg?: number | null;
    diastolicMmHg?: number | null;
    temperatureC?: number | null;
    hbGL?: number | null;
  },
  cfg: Pick<QualityConfig, 'postpartumVitals'>,
): VitalsProblem[] {
  const r = cfg.postpartumVitals;
  const out: VitalsProblem[] = [];
  if (v.systolicMmHg != null && v.diastolicMmHg != null && v.systolicMmHg <= v.diastolicMmHg)
    out.push('systolic_not_above_diastolic');
  if (v.systolicMmHg != null && outsideRange(v.systolicMmHg, r.systolicMmHg)) out.push('systolic_out_of_range');
  if (v.diastolicMmHg != null && outsideRange(v.diastolicMmHg, r.diastolicMmHg)) out.push('diastolic_out_of_range');
  if (v.temperatureC != null && outsideRange(v.temperatureC, r.temperatureC)) out.push('temperature_out_of_range');
  if (v.hbGL != null && outsideRange(v.hbGL, r.hbGL)) out.push('hb_out_of_range');
  return out;
}

/** Scores and measurements of a child check-up. */
export interface CheckupMeasures {
  waz?: number | null;
  lhaz?: number | null;
  wlhz?: number | null;
  bmiz?: number | null;
  hcz?: number | null;
  weightKg?: number | null;
  lengthCm?: number | null;
  headCm?: number | null;
}

/** The implausible measures of a child check-up: a z-score beyond WHO's flags or a value outside its range. */
export function anthropometryProblems(m: CheckupMeasures, cfg: Pick<QualityConfig, 'childAnthropometry'>): string[] {
  const a = cfg.childAnthropometry;
  const out: string[] = [];
  for (const k of ['waz', 'lhaz', 'wlhz', 'bmiz', 'hcz'] as const) {
    const z = m[k];
    if (z != null && (z < a.zLimits[k].below || z > a.zLimits[k].above)) out.push(`implausible_${k}`);
  }
  if (m.weightKg != null && outsideRange(m.weightKg, a.weightKg)) out.push('weight_out_of_range');
  if (m.lengthCm != null && outsideRange(m.lengthCm, a.lengthCm)) out.push('length_out_of_range');
  if (m.headCm != null && outsideRange(m.headCm, a.headCm)) out.push('head_out_of_range');
  return out;
}

/** The context a conditional required field depends on. */
export interface QualityFieldContext {
  /** Gestational age at an antenatal visit, days. */
  gaDays?: number;
  /** How the EDD of a pregnancy was dated. */
  eddMethod?: 'lmp' | 'ultrasound';
  /** Place of a delivery. */
  place?: string;
  /** Outcome of a birth. */
  outcome?: string;
  /** Kind of a postpartum visit. */
  kind?: string;
  /** Age of the child at a check-up, days. */
  ageDays?: number;
}

/** True when field `id` of `type` is required for a record with this context (the `when` of the catalogue). */
export function fieldApplies(type: QualityCompletenessType, id: string, c: QualityFieldContext): boolean {
  if (type === 'pregnancy' && id === 'lmp') return c.eddMethod !== 'ultrasound';
  if (type === 'anc_visit' && (id === 'fundalHeightCm' || id === 'fetalHeartRates')) return (c.gaDays ?? 0) >= 140;
  if (type === 'delivery' && id === 'institutionId') return c.place === 'institution';
  if (type === 'birth_outcome' && id !== 'sex') return c.outcome === 'live_birth';
  if (type === 'postpartum_visit' && id === 'temperatureC') return c.kind === 'home_visit';
  if (type === 'child_checkup' && id === 'headCm') return (c.ageDays ?? 0) < 1096;
  return true;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || v === 'unknown';
}

/**
 * The required fields a record lacks: those of `cfg.requiredFields[type]` that apply to its context and whose
 * value is null, empty, an empty list or 'unknown'.
 */
export function missingRequiredFields(
  type: QualityCompletenessType,
  values: Readonly<Record<string, unknown>>,
  context: QualityFieldContext,
  cfg: Pick<QualityConfig, 'requiredFields'>,
): string[] {
  const known = new Set(QUALITY_FIELDS.filter((f) => f.recordType === type).map((f) => f.id));
  return (cfg.requiredFields[type] ?? []).filter(
    (id) => known.has(id) && fieldApplies(type, id, context) && isBlank(values[id]),
  );
}

/** The deliveries (by index) that lie within `duplicateDeliveryWithinDays` of another delivery of the same woman. */
export function duplicateDeliveries(
  deliveryDates: readonly string[],
  cfg: Pick<QualityConfig, 'duplicateDeliveryWithinDays'>,
): number[] {
  const out: number[] = [];
  deliveryDates.forEach((d, i) => {
    if (deliveryDates.some((o, j) => j !== i && Math.abs(daysBetweenDates(o, d)) < cfg.duplicateDeliveryWithinDays))
      out.push(i);
  });
  return out;
}
