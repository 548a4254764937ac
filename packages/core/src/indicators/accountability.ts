/**
 * Accountability for lagging units (约谈通报, seeds M7 and G2: "对……指标控制不力的将进行通报批评和约谈", seed 004;
 * "定期通报和约谈提醒", seed 004 §(一)): how far a unit's value misses its target, the ranking of the units that
 * miss, and the state of the follow-up actions agreed at a summons (约谈). The ranking rule and the "due soon"
 * window are conventions of this platform [L] (no national text fixes them).
 */
import type { IndicatorTarget } from './indicator-targets';
import type { IndicatorUnit } from './indicator-types';

/** How far a value misses a target, in the indicator's unit and relative to the target value. */
export interface TargetShortfall {
  /** Target − value for ≥/> targets, value − target for ≤/< targets, the count for "no avoidable death". */
  gap: number;
  /** `gap` ÷ the target value; the gap itself when the target value is 0 (e.g. avoidable maternal deaths). */
  relativeGap: number;
}

/**
 * The shortfall of a value against a target, or null when the value is missing or meets it (a value equal to a
 * ≥/≤ target meets it; equal to a >/< target misses it by 0, which still counts as a miss of gap 0).
 * @example targetShortfall(88, { comparator: '>=', value: 93 }) // { gap: 5, relativeGap: 0.0538… }
 * @example targetShortfall(6.2, { comparator: '<', value: 4.5 }) // { gap: 1.7, relativeGap: 0.377… }
 */
export function targetShortfall(
  value: number | null | undefined,
  target: Pick<IndicatorTarget, 'comparator' | 'value'>,
): TargetShortfall | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const t = target.value;
  const eps = 1e-9 * Math.max(1, Math.abs(t));
  let gap: number;
  switch (target.comparator) {
    case 'no_avoidable_maternal_death':
      if (value <= 0) return null;
      gap = value;
      break;
    case '>=':
      if (value >= t - eps) return null;
      gap = t - value;
      break;
    case '>':
      if (value > t + eps) return null;
      gap = t - value;
      break;
    case '<=':
      if (value <= t + eps) return null;
      gap = value - t;
      break;
    case '<':
      if (value < t - eps) return null;
      gap = value - t;
      break;
  }
  gap = Math.max(0, gap);
  return { gap, relativeGap: t > 0 ? gap / t : gap };
}

/**
 * Whether a target can judge a unit [L]. A rate target and "no avoidable maternal death" hold for every unit under
 * the region that set them; an absolute count target (e.g. 208 echocardiography diagnoses for the whole city,
 * seed 003) is the region's total and judges only the region it was set for, not each county or institution.
 * @example targetJudgesUnit('count', '>=', true) // false: the city's count is not each county's
 */
export function targetJudgesUnit(
  unit: IndicatorUnit,
  comparator: IndicatorTarget['comparator'],
  inherited: boolean,
): boolean {
  if (comparator === 'no_avoidable_maternal_death') return true;
  return unit !== 'count' || !inherited;
}

/** A unit with the indicators it misses. */
export interface MissingUnit {
  code: string;
  name: string;
  misses: readonly { relativeGap: number }[];
}

/** A ranked unit: the score is the sum of its relative gaps; rank 1 misses furthest. */
export type RankedUnit<T extends MissingUnit> = T & { score: number; rank: number };

/**
 * Ranks the units that miss targets [L]: by the sum of their relative gaps (how far, over all their missed
 * indicators), then by the number of indicators missed, then by name; units that miss nothing are left out.
 * Units with equal score and count share a rank.
 * @example rankLaggingUnits([{ code: 'a', name: 'A', misses: [{ relativeGap: 0.1 }] }, { code: 'b', name: 'B', misses: [{ relativeGap: 0.3 }] }])
 *   // B rank 1, A rank 2
 */
export function rankLaggingUnits<T extends MissingUnit>(units: readonly T[]): RankedUnit<T>[] {
  const scored = units
    .filter((u) => u.misses.length > 0)
    .map((u) => ({ ...u, score: u.misses.reduce((s, m) => s + m.relativeGap, 0), rank: 0 }));
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  scored.sort(
    (a, b) =>
      (close(a.score, b.score) ? 0 : b.score - a.score) ||
      b.misses.length - a.misses.length ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  scored.forEach((u, i) => {
    const prev = scored[i - 1];
    u.rank = prev && close(prev.score, u.score) && prev.misses.length === u.misses.length ? prev.rank : i + 1;
  });
  return scored;
}

/** Days before its due date that an open action shows as due soon [L]. */
export const ACTION_DUE_SOON_DAYS = 7;

/** State of a follow-up action of a summons. */
export type ActionState = 'done' | 'done_late' | 'overdue' | 'due_soon' | 'pending';

/** zh-CN / en-US labels of the action states. */
export const ACTION_STATE_LABELS: Readonly<Record<ActionState, { zh: string; en: string }>> = {
  done: { zh: '已完成', en: 'Done' },
  done_late: { zh: '逾期完成', en: 'Done late' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  pending: { zh: '进行中', en: 'In progress' },
};

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The state of an action on `today` ('YYYY-MM-DD'): done (on or before the due date), done late, overdue (open
 * after the due date), due soon (open, due within {@link ACTION_DUE_SOON_DAYS} days), or pending.
 * @example actionState({ dueOn: '2026-03-31', completedOn: null }, '2026-04-01') // 'overdue'
 */
export function actionState(
  a: { dueOn: string; completedOn: string | null },
  today: string,
  dueSoonDays = ACTION_DUE_SOON_DAYS,
): ActionState {
  if (a.completedOn) return a.completedOn <= a.dueOn ? 'done' : 'done_late';
  const left = dayNumber(a.dueOn) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due_soon' : 'pending';
}

/** State of a summons from its actions: overdue if any action is, open while any is not done, else done. */
export type SummonsState = 'overdue' | 'open' | 'done';

/** zh-CN / en-US labels of the summons states. */
export const SUMMONS_STATE_LABELS: Readonly<Record<SummonsState, { zh: string; en: string }>> = {
  overdue: { zh: '整改逾期', en: 'Actions overdue' },
  open: { zh: '整改中', en: 'Actions open' },
  done: { zh: '整改完成', en: 'Actions done' },
};

/**
 * The state of a summons on `today`: 'overdue' when an action is overdue, 'open' while an action is not done,
 * 'done' when every action is done (or none was agreed).
 */
export function summonsState(
  actions: readonly { dueOn: string; completedOn: string | null }[],
  today: string,
): SummonsState {
  const states = actions.map((a) => actionState(a, today));
  if (states.includes('overdue')) return 'overdue';
  if (states.some((s) => s === 'pending' || s === 'due_soon')) return 'open';
  return 'done';
}
