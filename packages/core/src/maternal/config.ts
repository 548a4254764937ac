/**
 * Shared shapes of the maternal configuration: every rule set is a versioned, region-scoped data object that says
 * whether its content was confirmed in a retrieved national text (REFERENCE [C]) or is still to be confirmed
 * ([R] recollection, [L] local practice).
 */

/** A zh-CN / en-US label pair. */
export interface MaternalLabel {
  zh: string;
  en: string;
}

/** Region scope of a maternal rule set: 'CN' for the national default, else a GB/T 2260 code prefix ('33' = 浙江). */
export type MaternalRegionScope = string;

/** The national region scope. */
export const MATERNAL_NATIONAL_REGION: MaternalRegionScope = 'CN';

/** Evidence status of a rule or rule set: confirmed in a retrieved source, or to be confirmed before hard use. */
export type MaternalRuleStatus = 'confirmed' | 'to_confirm';

/** Metadata carried by every versioned maternal rule set. */
export interface MaternalRuleSetMeta {
  /** Stable id of the rule set (e.g. 'risk-assessment-cn-2017'). */
  id: string;
  /** Version of this data object; bump when any value changes. */
  version: string;
  /** Region scope: 'CN' or a GB/T 2260 prefix. */
  region: MaternalRegionScope;
  /** Human-readable name. */
  name: MaternalLabel;
  /** The text the values come from (document number, section). */
  source: string;
  /** True only when every value was confirmed in a retrieved source. */
  confirmed: boolean;
  /** 'confirmed' or 'to_confirm'; mirrors {@link MaternalRuleSetMeta.confirmed}. */
  status: MaternalRuleStatus;
}

/** A single configurable number with its evidence status. */
export interface MaternalParameter {
  value: number;
  unit: string;
  confirmed: boolean;
  status: MaternalRuleStatus;
  source: string;
}

/** Builds a {@link MaternalParameter}. */
export function maternalParameter(value: number, unit: string, confirmed: boolean, source: string): MaternalParameter {
  return { value, unit, confirmed, status: confirmed ? 'confirmed' : 'to_confirm', source };
}

/**
 * True when `regionCode` (a GB/T 2260 code or prefix, or 'CN') falls under `scope`. The national scope 'CN' covers
 * every region.
 */
export function regionInScope(regionCode: string, scope: MaternalRegionScope): boolean {
  if (scope === MATERNAL_NATIONAL_REGION) return true;
  return regionCode.startsWith(scope);
}

/**
 * Picks the rule set that applies to `regionCode`: the one with the longest matching region scope, the national
 * one as the fallback. When `version` is given only rule sets of that version are considered.
 */
export function pickRuleSetForRegion<T extends Pick<MaternalRuleSetMeta, 'region' | 'version'>>(
  sets: readonly T[],
  regionCode?: string,
  version?: string,
): T | undefined {
  const candidates = sets.filter((s) => version === undefined || s.version === version);
  let best: T | undefined;
  for (const s of candidates) {
    const fits = regionCode === undefined ? s.region === MATERNAL_NATIONAL_REGION : regionInScope(regionCode, s.region);
    if (!fits) continue;
    const len = s.region === MATERNAL_NATIONAL_REGION ? 0 : s.region.length;
    const bestLen = best === undefined ? -1 : best.region === MATERNAL_NATIONAL_REGION ? 0 : best.region.length;
    if (len > bestLen) best = s;
  }
  return best;
}
