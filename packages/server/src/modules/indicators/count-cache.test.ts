import { describe, expect, it } from 'vitest';
import { CountCache } from './count-cache';
import type { MeasureCount } from './engine';

const count = (n: number): MeasureCount => ({
  id: 'live_births',
  status: 'ok',
  basis: 'residence',
  total: n,
  byKey: new Map([['330902', n]]),
});
const key = {
  measureId: 'live_births',
  from: '2025-10-01',
  to: '2026-09-30',
  groupBy: 'county' as const,
  counties: ['330902'],
};

describe('count cache', () => {
  it('serves an entry until the freshness bound, then forgets it', () => {
    let now = 0;
    const c = new CountCache(30_000, 100, () => now);
    const k = CountCache.key({ ...key, basis: 'residence', scope: ['330902'] });
    c.set(k, count(3));
    now = 29_999;
    expect(c.get(k)?.count.total).toBe(3);
    now = 30_001;
    expect(c.get(k)).toBeUndefined();
  });

  it('a count that took longer than the bound lives for the bound after it ended, with its start as data-as-of', () => {
    let now = 60_000;
    const c = new CountCache(30_000, 100, () => now);
    const k = CountCache.key({ ...key, basis: 'residence', scope: ['330902'] });
    c.set(k, count(5), 0);
    now = 89_999;
    expect(c.get(k)?.at).toBe(0);
    expect(c.get(k)?.count.total).toBe(5);
    now = 90_001;
    expect(c.get(k)).toBeUndefined();
  });

  it.each([
    ['residence', ['330902'], ['330902', '330903'], true],
    ['hukou', ['330902'], ['330902', '330903'], false],
    ['facility', ['330902'], ['330902', '330903'], false],
  ] as const)('by %s, users with different scopes share the entry: %s', (basis, a, b, shared) => {
    const ka = CountCache.key({ ...key, basis, scope: a });
    const kb = CountCache.key({ ...key, basis, scope: b });
    expect(ka === kb).toBe(shared);
  });

  it('keeps at most maxEntries, dropping the oldest; 0 ms turns it off', () => {
    const c = new CountCache(30_000, 2, () => 0);
    c.set('a', count(1));
    c.set('b', count(2));
    c.set('c', count(3));
    expect([c.get('a'), c.get('b')?.count.total, c.get('c')?.count.total]).toEqual([undefined, 2, 3]);
    const off = new CountCache(0);
    off.set('a', count(1));
    expect(off.get('a')).toBeUndefined();
  });
});
