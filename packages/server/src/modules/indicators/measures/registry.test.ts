import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, indicatorMeasures, measuresOfIndicator } from '@fuyou/core';
import { effectiveBasis, levelOfMeasure } from '../engine';
import {
  aggregateMeasures,
  baseMeasures,
  bases,
  isKnownMeasure,
  sumMeasures,
  unavailableById,
  unavailableMeasures,
} from './index';

const coreIds = indicatorMeasures.map((m) => m.id);

describe('measure registry against core indicatorMeasures', () => {
  it.each(coreIds)('%s is implemented or listed as unavailable with a reason', (id) => {
    expect(isKnownMeasure(id)).toBe(true);
    const u = unavailableById.get(id);
    if (u) {
      expect(u.reasonZh.length).toBeGreaterThan(5);
      expect(u.reasonEn.length).toBeGreaterThan(5);
      expect(baseMeasures.has(id) || sumMeasures.has(id) || aggregateMeasures.has(id)).toBe(false);
    }
  });

  it('implements only measures of core (besides internal part_ measures) and lists only core ids as unavailable', () => {
    const implemented = [...baseMeasures.keys(), ...sumMeasures.keys(), ...aggregateMeasures.keys()];
    for (const id of implemented) if (!id.startsWith('part_')) expect(coreIds).toContain(id);
    for (const u of unavailableMeasures) expect(coreIds).toContain(u.id);
  });

  it('counts of implemented and unavailable measures add up to the core list', () => {
    const implemented = coreIds.filter((id) => !unavailableById.has(id));
    expect(implemented.length + unavailableMeasures.length).toBe(coreIds.length);
    // the engine covers the great majority of the catalogue
    expect(implemented.length).toBeGreaterThanOrEqual(95);
  });

  it.each([...baseMeasures.values()].map((m) => [m.id, m] as const))('%s reads a known base and columns', (_id, m) => {
    const base = bases.get(m.base);
    expect(base).toBeDefined();
    for (const n of m.needs) expect(Object.keys(base!.extras)).toContain(n);
  });

  it.each([...sumMeasures.values()].map((m) => [m.id, m] as const))('sum %s has implemented parts', (_id, m) => {
    for (const p of m.parts) expect(baseMeasures.has(p) || sumMeasures.has(p)).toBe(true);
  });

  it.each(indicatorCatalogue.map((d) => [d.id, d] as const))('indicator %s uses known measures', (_id, d) => {
    for (const id of measuresOfIndicator(d)) expect(isKnownMeasure(id)).toBe(true);
  });
});

describe('basis and level of measures', () => {
  it.each([
    ['deliveries', 'hukou', 'hukou'],
    ['facility_deliveries', 'residence', 'facility'],
    ['facility_caesarean_deliveries', 'hukou', 'facility'],
    ['hiv_exposed_live_births', 'facility', 'residence'],
    ['women_35_64', 'hukou', 'residence'],
    ['live_births', 'facility', 'facility'],
  ] as const)('%s asked by %s is counted by %s', (id, asked, used) => {
    expect(effectiveBasis(id, asked)).toBe(used);
  });

  it.each([
    ['deliveries', 'pregnancy'],
    ['live_births', 'birth'],
    ['infant_deaths', 'child'],
    ['perinatal_deaths', 'birth'],
    ['premarital_examined_persons', 'person'],
    ['marriage_registrants', 'aggregate'],
    ['childcare_facilities', 'institution'],
  ] as const)('%s rows are %s', (id, level) => {
    expect(levelOfMeasure(id)).toBe(level);
  });
});
