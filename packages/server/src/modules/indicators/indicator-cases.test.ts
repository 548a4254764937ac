/**
 * Every indicator of the catalogue, and every version of it, has a hand-counted case on a fixture population
 * (`indicator-cases.fixtures.ts`, checked against the API by the suites' integration tests). A case must be able to
 * fail: a rate has at least one person counted and at least one missed (0 < numerator < denominator), a count at
 * least one; two versions that count differently must give different figures on the same population; an indicator
 * can be "unavailable" only when one of its measures is listed so by the engine.
 */
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, indicatorForVersion, isIndicatorError } from '@fuyou/core';
import { CASE_SUITES, INDICATOR_CASES, type IndicatorCase } from './indicator-cases.fixtures';
import { unavailableById } from './measures/index';

const targets: [string, string | undefined][] = indicatorCatalogue.flatMap((d) =>
  d.versions ? d.versions.map((v): [string, string | undefined] => [d.id, v.id]) : [[d.id, undefined]],
);

function queryOf(c: Pick<IndicatorCase, 'indicatorId' | 'version'>) {
  const r = indicatorForVersion(c.indicatorId, c.version);
  if (isIndicatorError(r)) throw new Error(`${c.indicatorId} ${c.version ?? ''}: ${r.code}`);
  return r.indicator;
}

describe('every catalogue indicator has a hand-counted fixture case', () => {
  it('lists no indicator or version without a case', () => {
    const missing = targets
      .filter(([id, v]) => !INDICATOR_CASES.some((c) => c.indicatorId === id && c.version === v))
      .map(([id, v]) => (v ? `${id} (${v})` : id));
    expect(missing).toEqual([]);
  });

  it.each(INDICATOR_CASES.map((c) => [`${c.suite}: ${c.indicatorId} ${c.version ?? ''}`, c] as const))(
    '%s is a case that can fail',
    (_label, c) => {
      expect(CASE_SUITES).toContain(c.suite);
      const def = indicatorCatalogue.find((d) => d.id === c.indicatorId);
      expect(def, 'indicator of the catalogue').toBeDefined();
      if (def!.versions) expect(c.version, 'a versioned indicator names its version').toBeDefined();
      const ind = queryOf(c);
      const measures = [ind.query.numerator, ind.query.denominator].filter((m): m is string => !!m);
      if (c.status === 'unavailable') {
        expect(measures.some((m) => unavailableById.has(m))).toBe(true);
        return;
      }
      expect(measures.some((m) => unavailableById.has(m))).toBe(false);
      expect(c.numerator).toBeGreaterThanOrEqual(1);
      if (ind.unit === 'count') {
        expect(c.denominator).toBeNull();
      } else {
        expect(c.denominator).not.toBeNull();
        expect(c.numerator!).toBeLessThan(c.denominator!);
      }
      expect(c.why).not.toBe('');
    },
  );

  it('two versions that count differently give different figures on the same population', () => {
    const setting = (c: IndicatorCase) => [c.suite, c.indicatorId, c.regionCode, c.period, c.basis ?? ''].join('|');
    const bySetting = new Map<string, IndicatorCase[]>();
    for (const c of INDICATOR_CASES)
      if (c.version) bySetting.set(setting(c), [...(bySetting.get(setting(c)) ?? []), c]);
    const clashes: string[] = [];
    for (const cs of bySetting.values())
      for (const a of cs)
        for (const b of cs) {
          if (a.version! >= b.version!) continue;
          const qa = queryOf(a).query;
          const qb = queryOf(b).query;
          const same = qa.numerator === qb.numerator && qa.denominator === qb.denominator;
          if (!same && a.numerator === b.numerator && a.denominator === b.denominator)
            clashes.push(`${a.indicatorId}: ${a.version} = ${b.version} in ${a.suite}`);
        }
    expect(clashes).toEqual([]);
  });

  it('each case is listed once', () => {
    const keys = INDICATOR_CASES.map((c) =>
      [c.suite, c.indicatorId, c.version, c.regionCode, c.period, c.basis].join('|'),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
