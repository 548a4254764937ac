import { describe, expect, it } from 'vitest';
import {
  AID_PROCESSING_DEFAULT,
  aidApplicantAgeOk,
  aidApplicationDue,
  aidApplicationEvents,
  aidApplicationOpen,
  aidApplicationTransition,
} from './birth-defect-aid';
import { deriveWomenRuleSet } from './rule-meta';
import type { AidApplicationEvent, AidApplicationState, AidTransitionInput } from './birth-defect-aid';

// 出生缺陷救助项目 (中国出生缺陷干预救助基金会) and local schemes: 申请 → 审核（批准/不予批准）→ 拨付 [L]
describe('aid application: submitted → approved | rejected; approved → paid', () => {
  it.each<[AidApplicationState, AidApplicationEvent[], boolean]>([
    ['submitted', ['approve', 'reject'], true],
    ['approved', ['pay'], true],
    ['rejected', [], false],
    ['paid', [], false],
  ])('%s allows %j (open %s)', (state, events, open) => {
    expect(aidApplicationEvents(state)).toEqual(events);
    expect(aidApplicationOpen(state)).toBe(open);
  });

  const base = { date: '2025-04-10', appliedOn: '2025-04-01' };
  it.each<[string, AidTransitionInput, AidApplicationState | [string, string]]>([
    ['approve with an amount', { ...base, state: 'submitted', event: 'approve', approvedAmount: 3000 }, 'approved'],
    ['reject with a reason', { ...base, state: 'submitted', event: 'reject', note: '不符合条件' }, 'rejected'],
    ['pay an approved one', { ...base, state: 'approved', event: 'pay', decidedOn: '2025-04-05' }, 'paid'],
    ['pay a submitted one', { ...base, state: 'submitted', event: 'pay' }, ['INVALID_TRANSITION', 'decision']],
    [
      'approve twice',
      { ...base, state: 'approved', event: 'approve', approvedAmount: 1 },
      ['INVALID_TRANSITION', 'decision'],
    ],
    [
      'reject after payment',
      { ...base, state: 'paid', event: 'reject', note: 'x' },
      ['INVALID_TRANSITION', 'decision'],
    ],
    [
      'approve a rejected one',
      { ...base, state: 'rejected', event: 'approve', approvedAmount: 9 },
      ['INVALID_TRANSITION', 'decision'],
    ],
    [
      'approve without amount',
      { ...base, state: 'submitted', event: 'approve' },
      ['AMOUNT_REQUIRED', 'approvedAmount'],
    ],
    [
      'approve 0 yuan',
      { ...base, state: 'submitted', event: 'approve', approvedAmount: 0 },
      ['AMOUNT_REQUIRED', 'approvedAmount'],
    ],
    ['reject without reason', { ...base, state: 'submitted', event: 'reject', note: ' ' }, ['REASON_REQUIRED', 'note']],
    [
      'decide before applying',
      { ...base, date: '2025-03-31', state: 'submitted', event: 'reject', note: 'x' },
      ['DATE_BEFORE_APPLICATION', 'date'],
    ],
    [
      'pay before the approval',
      { ...base, state: 'approved', event: 'pay', decidedOn: '2025-04-11' },
      ['DATE_BEFORE_DECISION', 'date'],
    ],
  ])('%s', (_t, input, want) => {
    const r = aidApplicationTransition(input);
    if (typeof want === 'string') expect(r).toEqual({ ok: true, state: want });
    else expect(r).toMatchObject({ ok: false, code: want[0], field: want[1] });
  });

  it('names the state and the refused step in Chinese', () => {
    const r = aidApplicationTransition({ ...base, state: 'paid', event: 'pay' });
    expect(r.ok === false && r.messageZh).toBe('申请当前状态为“已发放”，不能登记发放');
  });
});

describe('processing limits [L]: decision within 30 days, payment within 30 days of the approval', () => {
  it.each<[AidApplicationState, string | null, string | null]>([
    ['submitted', null, '2025-03-31'],
    ['approved', '2025-03-20', '2025-04-19'],
    ['rejected', '2025-03-20', null],
    ['paid', '2025-03-20', null],
  ])('%s (decided %s) → due %s', (state, decidedOn, due) => {
    expect(aidApplicationDue({ state, appliedOn: '2025-03-01', decidedOn })).toBe(due);
  });

  it('a province can set its own limits', () => {
    const v = deriveWomenRuleSet(AID_PROCESSING_DEFAULT, { decisionWithinDays: 15 }, { region: '33', version: '1' });
    expect(aidApplicationDue({ state: 'submitted', appliedOn: '2025-03-01' }, v)).toBe('2025-03-16');
    expect(AID_PROCESSING_DEFAULT.meta.marker).toBe('L');
  });
});

describe('the aid serves children under 18 [L]', () => {
  it.each([
    ['2008-05-01', '2026-04-30', true],
    ['2008-05-01', '2026-05-01', false],
    ['2026-01-01', '2026-01-01', true],
  ])('born %s, applying %s → %s', (birth, on, ok) => {
    expect(aidApplicantAgeOk(birth, on)).toBe(ok);
  });
});
