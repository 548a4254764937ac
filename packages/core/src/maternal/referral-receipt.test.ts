import { describe, expect, it } from 'vitest';
import type { ReferralUrgency } from './referral-receipt';
import { DEFAULT_REFERRAL_RECEIPT_CONFIG, isReferralReceiptOverdue, referralDueDates } from './referral-receipt';

describe('国家基本公共卫生服务规范（第三版）孕产妇健康管理: 2周内随访转诊结果; receipt by urgency [L]', () => {
  it.each<[string, ReferralUrgency, string, string]>([
    ['2024-03-01', 'emergency', '2024-03-02', '2024-03-15'],
    ['2024-03-01', 'urgent', '2024-03-04', '2024-03-15'],
    ['2024-03-01', 'routine', '2024-03-15', '2024-03-15'],
    ['2024-02-28', 'urgent', '2024-03-02', '2024-03-13'],
    ['2024-12-30', 'emergency', '2024-12-31', '2025-01-13'],
  ])('referred %s (%s) → received by %s, outcome by %s', (on, urgency, receiveDue, outcomeDue) => {
    const r = referralDueDates(on, urgency);
    expect(r.ok && r.value).toEqual({ receiveDue, outcomeDue });
  });

  it('rejects an invalid date', () => {
    const r = referralDueDates('2024-02-30', 'routine');
    expect(r.ok ? null : r.error.code).toBe('invalid_date');
  });

  it('is configuration flagged to confirm', () => {
    expect(DEFAULT_REFERRAL_RECEIPT_CONFIG.confirmed).toBe(false);
    expect(DEFAULT_REFERRAL_RECEIPT_CONFIG.receiveWithinDays.emergency.status).toBe('to_confirm');
  });

  it('never asks for the outcome before the receipt (a region with a longer receipt window)', () => {
    const slow = {
      ...DEFAULT_REFERRAL_RECEIPT_CONFIG,
      receiveWithinDays: {
        ...DEFAULT_REFERRAL_RECEIPT_CONFIG.receiveWithinDays,
        routine: { ...DEFAULT_REFERRAL_RECEIPT_CONFIG.receiveWithinDays.routine, value: 21 },
      },
    };
    const r = referralDueDates('2024-03-01', 'routine', slow);
    expect(r.ok && r.value).toEqual({ receiveDue: '2024-03-22', outcomeDue: '2024-03-22' });
  });

  it.each<[string, string, boolean]>([
    ['2024-03-04', '2024-03-04', false],
    ['2024-03-04', '2024-03-05', true],
    ['2024-03-04', '2024-03-01', false],
  ])('receipt due %s, today %s → overdue %s', (due, today, overdue) => {
    expect(isReferralReceiptOverdue(due, today)).toBe(overdue);
  });
});
