/**
 * Targets (目标值): a region's goal for an indicator in a year, how a value is judged against it, and how a region
 * inherits its parent's targets (and indicator versions) unless it sets its own. Regions are GB/T 2260 codes; the
 * whole country is '000000' (as in the region table), and national targets apply everywhere unless overridden.
 */
import type { IndicatorEvidence, IndicatorUnit } from './indicator-types';
import { getIndicator } from './indicator-catalogue';

/** Region code of the whole country (root of the region tree). */
export const NATIONAL_REGION_CODE = '000000';

/**
 * How a value is compared with the target value. `no_avoidable_maternal_death` is met when the value (the number
 * of maternal deaths due to inadequate care or direct obstetric causes) is 0.
 */
export type TargetComparator = '>=' | '>' | '<=' | '<' | 'no_avoidable_maternal_death';

/** All comparators. */
export const TARGET_COMPARATORS: readonly TargetComparator[] = ['>=', '>', '<=', '<', 'no_avoidable_maternal_death'];

/** One target. */
export interface IndicatorTarget {
  /** GB/T 2260 code of the region the target is set for ('000000' = national). */
  regionCode: string;
  /** Year of the indicator's period (the report year for 年报 indicators, e.g. 2019 = 2018-10-01…2019-09-30). */
  year: number;
  /** Catalogue indicator id. */
  indicatorId: string;
  comparator: TargetComparator;
  /** Target value in the indicator's unit (93 for 93%, 4.5 for 4.5‰, 14.5 for 14.5/10万; 0 for a death count). */
  value: number;
  /** Document the target comes from. */
  source: string;
  /** Remarks (zh), e.g. how the wording was read. */
  note?: string;
  /** Remarks (en). */
  noteEn?: string;
  /** The target as written in the source. */
  textZh?: string;
  /** Indicator version the target is stated under, when not the default. */
  version?: string;
  /** Evidence of the target itself: C = seen in the source, R = recollection, L = local reading. */
  status?: IndicatorEvidence;
  confirmed?: boolean;
}

/** Outcome of judging a value against a target. */
export type TargetEvaluation = 'met' | 'close' | 'not_met' | 'no_data';

/** zh-CN / en-US labels of the evaluation outcomes. */
export const TARGET_EVALUATION_LABELS: Readonly<Record<TargetEvaluation, { zh: string; en: string }>> = {
  met: { zh: '达标', en: 'Met' },
  close: { zh: '接近目标', en: 'Close' },
  not_met: { zh: '未达标', en: 'Not met' },
  no_data: { zh: '无数据', en: 'No data' },
};

/**
 * How far short of a target still counts as 'close': within `absolute` units of the target value, or within
 * `relative` × the target value; when both are given the wider one applies.
 */
export interface CloseMargin {
  absolute?: number;
  relative?: number;
}

/**
 * Default 'close' margins [L]: 2 percentage points for percentages; 10% of the target value for ‰, per-10,000,
 * per-100,000 and counts. A convention of this platform, configurable per call.
 */
export const DEFAULT_CLOSE_MARGINS: Readonly<Record<IndicatorUnit, CloseMargin>> = {
  '%': { absolute: 2 },
  '‰': { relative: 0.1 },
  per_100k: { relative: 0.1 },
  per_10k: { relative: 0.1 },
  count: { relative: 0.1 },
};

/** Tolerance for floating-point noise when comparing a computed rate with a target value. */
const EPSILON = 1e-9;

/**
 * Judges a value against a target:
 * - `no_data` when the value is null, undefined or not finite;
 * - `met` when it satisfies the comparator (a value equal to a `>=`/`<=` target meets it; equal to a `>`/`<` one
 *   does not);
 * - `close` when it misses by no more than the margin (default {@link DEFAULT_CLOSE_MARGINS} for the indicator's
 *   unit; 10% relative for an unknown indicator). `no_avoidable_maternal_death` is never close;
 * - `not_met` otherwise.
 * @example evaluateTarget(92.1, { …, comparator: '>=', value: 93 }) // 'close' (within 2 percentage points)
 */
export function evaluateTarget(
  value: number | null | undefined,
  target: Pick<IndicatorTarget, 'comparator' | 'value' | 'indicatorId'>,
  closeMargin?: CloseMargin,
): TargetEvaluation {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no_data';
  const t = target.value;
  const eps = EPSILON * Math.max(1, Math.abs(t));
  let met: boolean;
  let gap: number;
  switch (target.comparator) {
    case 'no_avoidable_maternal_death':
      if (value < 0) return 'no_data';
      return value === 0 ? 'met' : 'not_met';
    case '>=':
      met = value >= t - eps;
      gap = t - value;
      break;
    case '>':
      met = value > t + eps;
      gap = t - value;
      break;
    case '<=':
      met = value <= t + eps;
      gap = value - t;
      break;
    case '<':
      met = value < t - eps;
      gap = value - t;
      break;
  }
  if (met) return 'met';
  const unit = getIndicator(target.indicatorId)?.unit;
  const margin = closeMargin ?? (unit ? DEFAULT_CLOSE_MARGINS[unit] : { relative: 0.1 });
  const allowed = Math.max(margin.absolute ?? 0, (margin.relative ?? 0) * Math.abs(t));
  return allowed > 0 && gap <= allowed + eps ? 'close' : 'not_met';
}

/**
 * Depth of a GB/T 2260 region code in the tree: 0 national ('000000'), 2 province, 4 city, 6 county, 9 township,
 * 12 village; -1 for anything that is not a 6-, 9- or 12-digit code.
 */
export function regionCodeDepth(code: string): number {
  if (!/^\d{6}(\d{3}){0,2}$/.test(code)) return -1;
  if (code.length === 12 && code.slice(9) !== '000') return 12;
  if (code.length >= 9 && code.slice(6, 9) !== '000') return 9;
  if (code.slice(4, 6) !== '00') return 6;
  if (code.slice(2, 4) !== '00') return 4;
  if (code.slice(0, 2) !== '00') return 2;
  return 0;
}

/**
 * The regions to search, most specific first: the region itself, then its ancestors ordered from the nearest to
 * the root (by code depth, so the ancestors may be given in any order), then the nation.
 */
export function inheritanceChain(regionCode: string, ancestors: readonly string[]): string[] {
  const sorted = [...ancestors].sort((a, b) => regionCodeDepth(b) - regionCodeDepth(a));
  const chain: string[] = [];
  for (const c of [regionCode, ...sorted, NATIONAL_REGION_CODE]) if (!chain.includes(c)) chain.push(c);
  return chain;
}

/**
 * The target that applies to a region for an indicator and year: the region's own, else the nearest ancestor's,
 * else the national one; undefined when none is set. The result's `regionCode` tells where it was inherited from.
 * `ancestors` may come in any order (e.g. ['000000', '330000', '330900'] as the regions API lists them).
 * @example resolveTarget(preloadedTargets, '330902', ['000000', '330000', '330900'], 2019, 'caesarean_rate')
 *   // the Zhoushan 2019 target (≤43%), inherited by the district
 */
export function resolveTarget(
  targets: readonly IndicatorTarget[],
  regionCode: string,
  ancestors: readonly string[],
  year: number,
  indicatorId: string,
): IndicatorTarget | undefined {
  for (const code of inheritanceChain(regionCode, ancestors)) {
    const hit = targets.find((t) => t.regionCode === code && t.year === year && t.indicatorId === indicatorId);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Every target that applies to a region in a year, one per indicator (each resolved as {@link resolveTarget}), in
 * the order of first appearance in `targets`.
 */
export function resolveTargetsForRegion(
  targets: readonly IndicatorTarget[],
  regionCode: string,
  ancestors: readonly string[],
  year: number,
): IndicatorTarget[] {
  const ids: string[] = [];
  for (const t of targets) if (t.year === year && !ids.includes(t.indicatorId)) ids.push(t.indicatorId);
  const out: IndicatorTarget[] = [];
  for (const id of ids) {
    const hit = resolveTarget(targets, regionCode, ancestors, year, id);
    if (hit) out.push(hit);
  }
  return out;
}

/** A region's choice of the version of an indicator it reports under (inherited by its sub-regions). */
export interface IndicatorVersionChoice {
  regionCode: string;
  indicatorId: string;
  version: string;
  source: string;
  note?: string;
}

/**
 * The version of an indicator a region reports under: its own choice, else the nearest ancestor's, else the
 * indicator's default version (null when the indicator has no versions or is unknown). `from` is the region whose
 * choice applied, or 'default'.
 */
export function resolveIndicatorVersion(
  choices: readonly IndicatorVersionChoice[],
  regionCode: string,
  ancestors: readonly string[],
  indicatorId: string,
): { version: string | null; from: string } {
  for (const code of inheritanceChain(regionCode, ancestors)) {
    const hit = choices.find((c) => c.regionCode === code && c.indicatorId === indicatorId);
    if (hit) return { version: hit.version, from: code };
  }
  return { version: getIndicator(indicatorId)?.defaultVersion ?? null, from: 'default' };
}
