import { describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_TABLES, tableMeasureIds } from '@fuyou/core';
import { effectiveBasis } from '../engine';
import { aggregateMeasures, baseMeasures, isKnownMeasure, sumMeasures } from './index';

describe('measures of the annual report tables', () => {
  it.each(ANNUAL_REPORT_TABLES.map((t) => [t.id, t] as const))('%s reads only measures the engine knows', (_id, t) => {
    for (const id of tableMeasureIds(t)) {
      expect(isKnownMeasure(id), id).toBe(true);
      if (id.startsWith('part_'))
        expect(baseMeasures.has(id) || sumMeasures.has(id) || aggregateMeasures.has(id), id).toBe(true);
    }
  });
});

describe('the non-resident (非户籍) basis', () => {
  it.each([
    ['deliveries', 'non_hukou'],
    ['live_births', 'non_hukou'],
    ['under5_deaths', 'non_hukou'],
    ['under7_children', 'non_hukou'],
    ['hiv_exposed_live_births', 'non_hukou'],
    ['premarital_examined_persons', 'non_hukou'],
    // counted by the institution or from aggregate figures: no household registration to tell
    ['facility_deliveries', 'facility'],
    ['marriage_registrants', 'residence'],
    ['childcare_facilities', 'residence'],
  ] as const)('%s asked by non_hukou is counted by %s', (id, used) => {
    expect(effectiveBasis(id, 'non_hukou')).toBe(used);
  });
});
