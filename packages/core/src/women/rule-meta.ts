/**
 * Shared shapes of the women's-health rule sets: every configurable table carries a {@link WomenRuleMeta} saying
 * where it comes from, which region it applies to, its version, and whether its content is confirmed against the
 * national text. The national version is the default; provinces derive variants with {@link deriveWomenRuleSet}.
 */

/**
 * Evidence marker of docs/REFERENCE.md: C = confirmed in a retrieved source, R = the researcher's recollection,
 * L = local/provincial practice or convention.
 */
export type WomenEvidenceMarker = 'C' | 'R' | 'L';

/** Metadata carried by every configurable women's-health rule set. */
export interface WomenRuleMeta {
  /** Stable id of the rule set, e.g. 'cervical-intervals'. */
  id: string;
  /** Version of this rule set, e.g. '2021' or '2021-zj.1'. */
  version: string;
  /** 'national', or a GB/T 2260 region code (2-digit province or 6-digit code) for a regional variant. */
  region: string;
  /** 'confirmed' only when every value was checked against the official text. */
  status: 'confirmed' | 'to_confirm';
  /** Same as `status === 'confirmed'`; kept for quick checks. */
  confirmed: boolean;
  /** Strongest marker that applies to the least certain value in the set. */
  marker: WomenEvidenceMarker;
  /** The documents the values come from. */
  sources: readonly string[];
  /** What still needs checking, in plain words. */
  toConfirm?: string;
}

/** A rule set: data plus its metadata. */
export interface WomenRuleSet {
  meta: WomenRuleMeta;
}

/** A code with zh-CN and en-US labels. */
export interface WomenCodeLabel<C extends string = string> {
  code: C;
  zh: string;
  en: string;
}

/** The error-as-data shape returned by women's-health functions that can fail on their input. */
export interface WomenRuleError<Code extends string = string> {
  ok: false;
  code: Code;
  messageZh: string;
  messageEn: string;
}

/** Builds a {@link WomenRuleError}. */
export function womenRuleError<Code extends string>(code: Code, messageZh: string, messageEn: string) {
  return { ok: false as const, code, messageZh, messageEn } satisfies WomenRuleError<Code>;
}

/** Builds a national rule-set meta that is still to be confirmed. */
export function nationalMeta(
  id: string,
  version: string,
  marker: WomenEvidenceMarker,
  sources: readonly string[],
  toConfirm?: string,
): WomenRuleMeta {
  const status = marker === 'C' && !toConfirm ? 'confirmed' : 'to_confirm';
  return {
    id,
    version,
    region: 'national',
    status,
    confirmed: status === 'confirmed',
    marker,
    sources,
    ...(toConfirm ? { toConfirm } : {}),
  };
}

/**
 * Derives a regional (or newer) variant of a rule set: fields of `patch` replace those of `base` (shallow), and the
 * meta gets the new region and version. A variant is `to_confirm` unless the caller says otherwise.
 * @example deriveWomenRuleSet(CERVICAL_INTERVALS_NATIONAL, { programmeCycleMonths: 36 }, { region: '330900', version: '2019' })
 */
export function deriveWomenRuleSet<T extends WomenRuleSet>(
  base: T,
  patch: Partial<Omit<T, 'meta'>>,
  meta: Partial<WomenRuleMeta> & { region: string; version: string },
): T {
  const status = meta.status ?? 'to_confirm';
  return {
    ...base,
    ...patch,
    meta: { ...base.meta, ...meta, status, confirmed: status === 'confirmed' },
  };
}
