import { describe, expect, it } from 'vitest';
import { QUALITY_CONFIG_DEFAULT, QUALITY_FIELDS, QUALITY_RULE_IDS } from '@fuyou/core';
import { SQL_FIELDS, sqlRuleIds } from './quality.checks';

describe('the SQL implements the whole core catalogue', () => {
  const params = {
    county: '330902',
    runId: '00000000-0000-4000-8000-000000000000',
    from: '2025-01-01',
    to: '2026-01-01',
    asOf: '2026-01-01',
    cfg: QUALITY_CONFIG_DEFAULT,
    ruleIds: new Set(QUALITY_RULE_IDS),
  };

  it('every rule of the catalogue has SQL, once, and nothing else has', () => {
    const ids = sqlRuleIds(params);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...QUALITY_RULE_IDS].sort());
  });

  it('every field the required-fields rules know has a SQL predicate', () => {
    for (const f of QUALITY_FIELDS) expect(SQL_FIELDS[f.recordType], `${f.recordType}.${f.id}`).toContain(f.id);
    const known = QUALITY_FIELDS.length;
    expect(Object.values(SQL_FIELDS).reduce((n, x) => n + x.length, 0)).toBe(known);
  });
});
