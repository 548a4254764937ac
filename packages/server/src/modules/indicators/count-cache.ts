/**
 * A short-lived cache of measure counts, so a dashboard opened by many people (or refreshed) does not rescan the
 * records every time, while a new or changed record still shows within the freshness bound (default 30 s, well
 * inside the one minute of issue #6). Entries are per measure, basis, period, grouping and set of counties; counts
 * by residence depend only on the counties' own rows, so users share them; counts by household registration or by
 * facility depend on which counties' rows the user may read, so the scope is part of their key.
 *
 * An entry keeps the time its count started (its "data as of") and lives for the bound after the count ENDED: a
 * count that takes longer than the bound (a province's cold counts take about a minute) would otherwise be stale
 * before its first reader, and every request would count again.
 */
import type { GroupBy, MeasureCount } from './engine';
import type { Basis } from './measures/index';

/** Default freshness bound (ms); `FUYOU_INDICATOR_CACHE_MS` overrides it (0 turns the cache off). */
export const DEFAULT_FRESH_MS = 30_000;

interface Entry {
  at: number;
  expires: number;
  count: MeasureCount;
}

/** Key parts of one cached count. */
export interface CountKey {
  measureId: string;
  basis: Basis;
  from: string;
  to: string;
  groupBy: GroupBy;
  counties: readonly string[];
  scope: readonly string[];
}

/** A bounded, time-limited cache of measure counts. */
export class CountCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly freshMs: number = DEFAULT_FRESH_MS,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key of a count; the scope matters only when the basis is not residence. */
  static key(k: CountKey): string {
    const scope = k.basis === 'residence' ? '' : [...k.scope].sort().join(',');
    return [k.measureId, k.basis, k.from, k.to, k.groupBy, [...k.counties].sort().join(','), scope].join('|');
  }

  /** A fresh entry, or undefined. */
  get(key: string): { count: MeasureCount; at: number } | undefined {
    if (this.freshMs <= 0) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() > e.expires) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, count: MeasureCount, at = this.now()): void {
    if (this.freshMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { at, expires: this.now() + this.freshMs, count });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Drops everything (e.g. after a bulk import). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
