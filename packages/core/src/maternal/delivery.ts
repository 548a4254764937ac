/**
 * Delivery record rules (capability M8): flags for the baby (macrosomia ≥4000 g, low birth weight <2500 g,
 * preterm <37+0 weeks), the surveillance definition of a live birth (REFERENCE §3) with the birth outcome
 * (活产 / 死胎 / 死产), and the postpartum visit windows.
 */
import { z } from 'zod';
import type { MaternalContactSchedule } from './anc-schedule';
import { NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE } from './anc-schedule';
import type { MaternalLabel, MaternalRuleSetMeta } from './config';
import { formatDay, parseDay } from './dates';
import type { GestationalAge } from './gestational-age';
import { gestationalAgeSchema, gestationalAgeToDays, isValidGestationalAge } from './gestational-age';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';

/** Birth-weight and gestational-age thresholds of the delivery record. */
export interface DeliveryThresholds extends MaternalRuleSetMeta {
  /** Macrosomia (巨大儿) when birth weight ≥ this (g). */
  macrosomiaFromG: number;
  /** Low birth weight (低出生体重) when birth weight < this (g). */
  lowBirthWeightBelowG: number;
  /** Very low birth weight when < this (g). */
  veryLowBirthWeightBelowG: number;
  /** Extremely low birth weight when < this (g). */
  extremelyLowBirthWeightBelowG: number;
  /** Preterm (早产) when gestational age < this. */
  pretermBefore: GestationalAge;
  /** Post-term (过期产) when gestational age ≥ this. */
  postTermFrom: GestationalAge;
  /** Perinatal period and surveillance live births start at this gestational age. */
  perinatalFrom: GestationalAge;
  /** When the gestational age is unknown, surveillance counts births of at least this weight (g). */
  perinatalMinWeightG: number;
}

/**
 * National thresholds: LBW <2500 g and preterm <37 weeks (REFERENCE §5.4, §3 低出生体重发生率), macrosomia ≥4000 g,
 * live births from 28 weeks or ≥1000 g (REFERENCE §3 [C]). VLBW/ELBW and post-term are the usual WHO/ICD-10 cut-offs.
 */
export const NATIONAL_DELIVERY_THRESHOLDS: DeliveryThresholds = {
  id: 'delivery-thresholds-cn',
  version: '1.0',
  region: 'CN',
  name: { zh: '分娩记录判定阈值', en: 'Delivery record thresholds' },
  source: '妇幼健康统计调查制度 活产定义 [C]; 新生儿访视技术规范(2012) 早产/低出生体重 [R]; ICD-10',
  confirmed: false,
  status: 'to_confirm',
  macrosomiaFromG: 4000,
  lowBirthWeightBelowG: 2500,
  veryLowBirthWeightBelowG: 1500,
  extremelyLowBirthWeightBelowG: 1000,
  pretermBefore: { weeks: 37, days: 0 },
  postTermFrom: { weeks: 42, days: 0 },
  perinatalFrom: { weeks: 28, days: 0 },
  perinatalMinWeightG: 1000,
};

/** Input of {@link newbornDeliveryFlags}. */
export interface NewbornDeliveryInput {
  birthWeightG?: number;
  gestationalAge?: GestationalAge;
}

/** zod schema of {@link NewbornDeliveryInput}. */
export const newbornDeliveryInputSchema = z.object({
  birthWeightG: z.number().int().min(100).max(8000).optional(),
  gestationalAge: gestationalAgeSchema.optional(),
});

/** Flags of a baby at delivery; null when the value they need is missing. */
export interface NewbornDeliveryFlags {
  macrosomia: boolean | null;
  lowBirthWeight: boolean | null;
  veryLowBirthWeight: boolean | null;
  extremelyLowBirthWeight: boolean | null;
  preterm: boolean | null;
  postTerm: boolean | null;
  /** Term: 37+0 to 41+6. */
  term: boolean | null;
}

/** Flags for a baby: macrosomia ≥4000 g, LBW <2500 g (VLBW <1500, ELBW <1000), preterm <37+0, post-term ≥42+0. */
export function newbornDeliveryFlags(
  input: NewbornDeliveryInput,
  t: DeliveryThresholds = NATIONAL_DELIVERY_THRESHOLDS,
): NewbornDeliveryFlags {
  const w = input.birthWeightG !== undefined && Number.isFinite(input.birthWeightG) ? input.birthWeightG : null;
  const ga =
    input.gestationalAge !== undefined && isValidGestationalAge(input.gestationalAge)
      ? gestationalAgeToDays(input.gestationalAge)
      : null;
  const preterm = ga === null ? null : ga < gestationalAgeToDays(t.pretermBefore);
  const postTerm = ga === null ? null : ga >= gestationalAgeToDays(t.postTermFrom);
  return {
    macrosomia: w === null ? null : w >= t.macrosomiaFromG,
    lowBirthWeight: w === null ? null : w < t.lowBirthWeightBelowG,
    veryLowBirthWeight: w === null ? null : w < t.veryLowBirthWeightBelowG,
    extremelyLowBirthWeight: w === null ? null : w < t.extremelyLowBirthWeightBelowG,
    preterm,
    postTerm,
    term: preterm === null || postTerm === null ? null : !preterm && !postTerm,
  };
}

/** Signs of life after delivery (any one makes a live birth). */
export interface SignsOfLife {
  heartbeat?: boolean;
  breathing?: boolean;
  cordPulsation?: boolean;
  voluntaryMovement?: boolean;
}

/** True when any sign of life was present: heartbeat, breathing, cord pulsation or voluntary muscle movement. */
export function hasSignsOfLife(signs: SignsOfLife): boolean {
  return (
    signs.heartbeat === true ||
    signs.breathing === true ||
    signs.cordPulsation === true ||
    signs.voluntaryMovement === true
  );
}

/**
 * True when a birth is within the surveillance scope: ≥28+0 weeks, or, only when the gestational age is unknown,
 * birth weight ≥1000 g. Null when neither is known.
 */
export function isWithinPerinatalScope(
  input: NewbornDeliveryInput,
  t: DeliveryThresholds = NATIONAL_DELIVERY_THRESHOLDS,
): boolean | null {
  if (input.gestationalAge !== undefined && isValidGestationalAge(input.gestationalAge)) {
    return gestationalAgeToDays(input.gestationalAge) >= gestationalAgeToDays(t.perinatalFrom);
  }
  if (input.birthWeightG !== undefined && Number.isFinite(input.birthWeightG)) {
    return input.birthWeightG >= t.perinatalMinWeightG;
  }
  return null;
}

/** Birth outcome (glossary `birthOutcome`). */
export type BirthOutcome = 'live_birth' | 'fetal_death' | 'stillbirth' | 'outside_perinatal_scope' | 'unknown';

/** Labels of {@link BirthOutcome}. */
export const BIRTH_OUTCOME_LABELS: Record<BirthOutcome, MaternalLabel> = {
  live_birth: { zh: '活产', en: 'live birth' },
  fetal_death: { zh: '死胎', en: 'fetal death (before labour)' },
  stillbirth: { zh: '死产', en: 'stillbirth (during labour)' },
  outside_perinatal_scope: {
    zh: '不足28周（且非活产统计范围）',
    en: 'below 28 weeks (outside the surveillance scope)',
  },
  unknown: { zh: '无法判定', en: 'cannot be decided' },
};

/** Input of {@link classifyBirthOutcome}. */
export interface BirthOutcomeInput extends NewbornDeliveryInput {
  signsOfLife: SignsOfLife;
  /** For births without signs of life: death before labour (死胎) or during labour (死产). */
  deathTiming?: 'before_labour' | 'during_labour';
}

/**
 * The surveillance live-birth definition (REFERENCE §3 [C]): ≥28 weeks (or ≥1000 g when the gestational age is
 * unknown) and at least one sign of life after delivery.
 */
export function meetsLiveBirthDefinition(
  input: BirthOutcomeInput,
  t: DeliveryThresholds = NATIONAL_DELIVERY_THRESHOLDS,
): boolean {
  return isWithinPerinatalScope(input, t) === true && hasSignsOfLife(input.signsOfLife);
}

/**
 * Classifies a birth for the record and the perinatal statistics: live birth; fetal death (死胎, before labour) or
 * stillbirth (死产, during labour) for births in scope without signs of life; outside the scope below 28 weeks (or
 * below 1000 g when the gestational age is unknown); unknown when the scope or the death timing is missing.
 */
export function classifyBirthOutcome(
  input: BirthOutcomeInput,
  t: DeliveryThresholds = NATIONAL_DELIVERY_THRESHOLDS,
): BirthOutcome {
  const scope = isWithinPerinatalScope(input, t);
  if (scope === null) return 'unknown';
  if (!scope) return 'outside_perinatal_scope';
  if (hasSignsOfLife(input.signsOfLife)) return 'live_birth';
  if (input.deathTiming === 'before_labour') return 'fetal_death';
  if (input.deathTiming === 'during_labour') return 'stillbirth';
  return 'unknown';
}

/** A postpartum contact window. */
export interface PostpartumVisitWindow {
  id: string;
  kind: 'home_visit' | 'day42_check';
  label: MaternalLabel;
  windowStart: string;
  windowEnd: string;
  /** True when a discharge-based window was placed from the delivery date (discharge unknown). */
  estimated: boolean;
  confirmed: boolean;
}

/**
 * The postpartum home-visit and 42-day-check windows of a schedule (national default: home visit days 0–7 after
 * discharge, 42-day check days 42–56 after delivery [window end L]). Fails with `invalid_date`.
 */
export function postpartumVisitWindows(
  input: { deliveryDate: string; dischargeDate?: string },
  schedule: MaternalContactSchedule = NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE,
): MaternalResult<PostpartumVisitWindow[]> {
  const delivery = parseDay(input.deliveryDate);
  if (delivery === null) return maternalFailure('invalid_date', 'deliveryDate');
  let discharge: number | null = null;
  if (input.dischargeDate !== undefined) {
    discharge = parseDay(input.dischargeDate);
    if (discharge === null) return maternalFailure('invalid_date', 'dischargeDate');
  }
  const out: PostpartumVisitWindow[] = [];
  for (const c of schedule.contacts) {
    if (c.kind === 'antenatal' || c.window.basis === 'gestation') continue;
    const useDischarge = c.window.basis === 'discharge' && discharge !== null && discharge >= delivery;
    const anchor = useDischarge && discharge !== null ? discharge : delivery;
    out.push({
      id: c.id,
      kind: c.kind,
      label: c.label,
      windowStart: formatDay(anchor + c.window.fromDays),
      windowEnd: formatDay(anchor + c.window.toDays),
      estimated: c.window.basis === 'discharge' && !useDischarge,
      confirmed: c.confirmed,
    });
  }
  return maternalOk(out);
}

/** Days after delivery (delivery date = day 0). Fails with `invalid_date`. */
export function postpartumDay(deliveryDate: string, date: string): MaternalResult<number> {
  const d = parseDay(deliveryDate);
  if (d === null) return maternalFailure('invalid_date', 'deliveryDate');
  const x = parseDay(date);
  if (x === null) return maternalFailure('invalid_date', 'date');
  return maternalOk(x - d);
}

/** The puerperium of the risk rules and of maternal death: up to 42 days after the end of pregnancy. */
export const PUERPERIUM_DAYS = 42;

/** Days after delivery within which a postpartum visit counts for 产后访视率 (REFERENCE §2.1, §3 [C]). */
export const POSTPARTUM_VISIT_INDICATOR_DAYS = 28;

/** True when `date` is within 42 days after delivery (days 0–42). */
export function isWithinPuerperium(deliveryDate: string, date: string): MaternalResult<boolean> {
  const d = postpartumDay(deliveryDate, date);
  if (!d.ok) return d;
  return maternalOk(d.value >= 0 && d.value <= PUERPERIUM_DAYS);
}

/** True when a postpartum visit on `visitDate` counts for 产后访视率: days 0–28 after delivery. */
export function countsForPostpartumVisitRate(deliveryDate: string, visitDate: string): MaternalResult<boolean> {
  const d = postpartumDay(deliveryDate, visitDate);
  if (!d.ok) return d;
  return maternalOk(d.value >= 0 && d.value <= POSTPARTUM_VISIT_INDICATOR_DAYS);
}
