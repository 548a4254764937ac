import { describe, expect, it } from 'vitest';
import { FOLIC_ACID_NATIONAL } from './preconception';
import { PRECONCEPTION_FOLLOW_UP_DEFAULT, folicAcidSupply, preconceptionFollowUpDue } from './preconception-follow-up';

describe('孕前优生健康检查 第19项 随访期限 [L]', () => {
  it.each<[string, 'low' | 'high', string | null]>([
    ['高风险夫妇 → 30天内随访', 'high', '2025-03-31'],
    ['一般人群 → 180天早孕随访', 'low', '2025-08-28'],
  ])('%s', (_t, level, due) => {
    expect(preconceptionFollowUpDue('2025-03-01', level)).toBe(due);
  });

  it('no low-risk follow-up when configured so; invalid dates give none', () => {
    expect(
      preconceptionFollowUpDue('2025-03-01', 'low', { ...PRECONCEPTION_FOLLOW_UP_DEFAULT, lowRiskFollowUpDays: null }),
    ).toBeNull();
    expect(preconceptionFollowUpDue('2025-02-30', 'high')).toBeNull();
    expect(PRECONCEPTION_FOLLOW_UP_DEFAULT.meta.status).toBe('to_confirm');
  });
});

describe('增补叶酸 0.4 mg/日：一次发放可服天数与随访日期 (31片/瓶 [L])', () => {
  it.each<[string, string, number, number, string, string]>([
    ['1瓶 = 31片 = 31天', '2025-03-01', 1, 31, '2025-03-31', '2025-04-01'],
    ['3瓶 = 93天', '2025-03-01', 3, 93, '2025-06-01', '2025-06-02'],
    ['跨年 2瓶', '2024-12-15', 2, 62, '2025-02-14', '2025-02-15'],
  ])('%s', (_t, date, packs, days, lastDay, due) => {
    expect(folicAcidSupply(date, packs)).toEqual({ ok: true, tablets: packs * 31, days, lastDay, followUpDue: due });
  });

  it('a 0.8 mg regimen halves the days', () => {
    const r = folicAcidSupply('2025-03-01', 2, { ...FOLIC_ACID_NATIONAL, dailyDoseMg: 0.8 });
    expect(r.ok && r.days).toBe(31);
  });

  it.each<[string, number, string]>([
    ['2025-13-01', 1, 'INVALID_DATE'],
    ['2025-03-01', 0, 'INVALID_COUNT'],
    ['2025-03-01', 1.5, 'INVALID_COUNT'],
  ])('refuses %s × %s', (date, packs, code) => {
    expect(folicAcidSupply(date, packs)).toMatchObject({ ok: false, code });
  });
});
