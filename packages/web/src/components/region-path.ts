/** Pure helpers of the region picker. */
import type { RegionDto, RegionLevel } from '../api/types';

const DEPTH: Record<RegionLevel, number> = { country: 0, province: 1, city: 2, county: 3, township: 4, village: 5 };

/** True when `level` is at or above `max` (e.g. a city is above a county). */
export function levelWithin(level: RegionLevel, max: RegionLevel): boolean {
  return DEPTH[level] <= DEPTH[max];
}

/** True when an option of `level` has no children to load under `maxLevel`. */
export function isLeafLevel(level: RegionLevel, maxLevel: RegionLevel): boolean {
  return DEPTH[level] >= DEPTH[maxLevel];
}

/**
 * The cascader path of a region: its ancestors below the country, then itself; when the picker starts at
 * given roots (the user's counties), the path starts at the root it lies under. Undefined when the region
 * is not under any root.
 */
export function regionPath(
  node: { code: string },
  ancestors: readonly RegionDto[],
  roots?: readonly string[],
): string[] | undefined {
  const chain = [...ancestors.filter((a) => a.level !== 'country').map((a) => a.code), node.code];
  if (!roots) return chain;
  const i = chain.findIndex((c) => roots.includes(c));
  return i < 0 ? undefined : chain.slice(i);
}
