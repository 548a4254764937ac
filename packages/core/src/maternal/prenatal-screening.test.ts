import { describe, expect, it } from 'vitest';
import type { PrenatalRiskBand } from './prenatal-screening';
import { DEFAULT_PRENATAL_FOLLOW_UP, prenatalFollowUp } from './prenatal-screening';

type Case = [
  PrenatalRiskBand | undefined,
  PrenatalRiskBand | undefined,
  PrenatalRiskBand | undefined,
  string | null,
  string[],
  string | null,
];

describe('产前筛查与诊断: high risk followed to diagnosis, intermediate to further screening (deadlines [L])', () => {
  it.each<Case>([
    ['low', 'low', 'low', null, [], null],
    ['high', 'low', 'low', 'diagnosis', ['t21'], '2024-03-29'],
    ['intermediate', 'low', undefined, 'further_screening', ['t21'], '2024-03-15'],
    ['intermediate', 'high', 'high', 'diagnosis', ['t18', 'ntd'], '2024-03-29'],
    [undefined, undefined, undefined, null, [], null],
  ])('T21 %s, T18 %s, NTD %s → %s %j by %s', (t21, t18, ntd, needed, conditions, dueOn) => {
    const r = prenatalFollowUp({
      screenedOn: '2024-03-01',
      ...(t21 ? { t21 } : {}),
      ...(t18 ? { t18 } : {}),
      ...(ntd ? { ntd } : {}),
    });
    expect(r.ok && r.value).toEqual({ needed, conditions, dueOn });
  });

  it('rejects an invalid date', () => {
    const r = prenatalFollowUp({ screenedOn: '2024-13-01', t21: 'high' });
    expect(r.ok ? null : r.error.code).toBe('invalid_date');
  });

  it('takes the deadlines from configuration flagged to confirm', () => {
    expect(DEFAULT_PRENATAL_FOLLOW_UP.status).toBe('to_confirm');
    const fast = {
      ...DEFAULT_PRENATAL_FOLLOW_UP,
      highRiskDays: { ...DEFAULT_PRENATAL_FOLLOW_UP.highRiskDays, value: 7 },
    };
    const r = prenatalFollowUp({ screenedOn: '2024-03-01', ntd: 'high' }, fast);
    expect(r.ok && r.value.dueOn).toBe('2024-03-08');
  });
});
