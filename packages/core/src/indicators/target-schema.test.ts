import { describe, expect, it } from 'vitest';
import { indicatorTargetSchema } from './target-schema';
import { preloadedTargets } from './target-sets';

const base = {
  regionCode: '330900',
  year: 2019,
  indicatorId: 'maternal_systematic_management_rate',
  comparator: '>=',
  value: 93,
  source: '舟卫发〔2019〕35号',
};

describe('indicatorTargetSchema', () => {
  it('accepts every preloaded target (seeds 002, 003 and national sets)', () => {
    for (const t of preloadedTargets) expect(indicatorTargetSchema.safeParse(t).success).toBe(true);
  });

  it.each([
    ['region code of 4 digits', { regionCode: '3309' }, 'regionCode', 'invalid_region_code'],
    ['year 1800', { year: 1800 }, 'year', 'invalid_year'],
    ['unknown indicator', { indicatorId: 'no_such_rate' }, 'indicatorId', 'unknown_indicator'],
    [
      'unknown version',
      { indicatorId: 'caesarean_rate', comparator: '<=', value: 43, version: 'nope' },
      'version',
      'unknown_version',
    ],
    ['a percentage above 100', { value: 193 }, 'value', 'invalid_value'],
    ['a negative value', { value: -1 }, 'value', 'invalid_value'],
    ['an empty source', { source: ' ' }, 'source', 'source_required'],
    [
      'no_avoidable_maternal_death on a rate',
      { comparator: 'no_avoidable_maternal_death' },
      'comparator',
      'comparator_mismatch',
    ],
  ])('rejects %s', (_label, patch, path, message) => {
    const r = indicatorTargetSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
  });

  it('accepts a township target with a version', () => {
    const r = indicatorTargetSchema.safeParse({
      ...base,
      regionCode: '330902001',
      indicatorId: 'caesarean_rate',
      comparator: '<=',
      value: 43,
      version: 'facility_calendar_year',
    });
    expect(r.success).toBe(true);
  });
});
