/**
 * Aid applications (救助) for children with birth defects or genetic-metabolic disease: the application is submitted,
 * then approved (with an amount) or rejected (with a reason), and an approved one is paid. The steps follow the
 * 出生缺陷救助项目 and local medical-aid schemes (申请 → 审核 → 拨付) [L]; there is no single national text.
 */
import type { WomenCodeLabel, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addDays, ageInYears } from './women-dates';

/** States of an aid application. */
export type AidApplicationState = 'submitted' | 'approved' | 'rejected' | 'paid';

/** What can be done to an application. */
export type AidApplicationEvent = 'approve' | 'reject' | 'pay';

/** State labels. */
export const AID_APPLICATION_STATES: readonly WomenCodeLabel<AidApplicationState>[] = [
  { code: 'submitted', zh: '已提交（待审批）', en: 'Submitted (awaiting decision)' },
  { code: 'approved', zh: '已批准（待发放）', en: 'Approved (awaiting payment)' },
  { code: 'rejected', zh: '未批准', en: 'Rejected' },
  { code: 'paid', zh: '已发放', en: 'Paid' },
];

/** Event labels. */
export const AID_APPLICATION_EVENTS: readonly WomenCodeLabel<AidApplicationEvent>[] = [
  { code: 'approve', zh: '批准', en: 'Approve' },
  { code: 'reject', zh: '不予批准', en: 'Reject' },
  { code: 'pay', zh: '登记发放', en: 'Record payment' },
];

const NEXT: Record<AidApplicationState, Partial<Record<AidApplicationEvent, AidApplicationState>>> = {
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: { pay: 'paid' },
  rejected: {},
  paid: {},
};

/** Events allowed in a state (empty for the final states rejected and paid). */
export function aidApplicationEvents(state: AidApplicationState): AidApplicationEvent[] {
  return Object.keys(NEXT[state] ?? {}) as AidApplicationEvent[];
}

/** Whether the application is still open (awaiting a decision or a payment). */
export function aidApplicationOpen(state: AidApplicationState): boolean {
  return state === 'submitted' || state === 'approved';
}

/** Input of {@link aidApplicationTransition}. */
export interface AidTransitionInput {
  state: AidApplicationState;
  event: AidApplicationEvent;
  /** Date of the decision or the payment. */
  date: string;
  appliedOn: string;
  /** Date of the approval (for a payment). */
  decidedOn?: string | null;
  /** Amount approved (approve only). */
  approvedAmount?: number;
  /** Reason (required to reject). */
  note?: string;
}

/** The refusals of {@link aidApplicationTransition}. */
export type AidTransitionError =
  'INVALID_TRANSITION' | 'DATE_BEFORE_APPLICATION' | 'DATE_BEFORE_DECISION' | 'AMOUNT_REQUIRED' | 'REASON_REQUIRED';

const STATE_ZH: Record<AidApplicationState, string> = {
  submitted: '已提交',
  approved: '已批准',
  rejected: '未批准',
  paid: '已发放',
};
const EVENT_ZH: Record<AidApplicationEvent, string> = { approve: '批准', reject: '不予批准', pay: '登记发放' };

/**
 * The next state of an application, or why the step is refused: only a submitted application can be approved or
 * rejected, only an approved one paid; an approval needs an amount above 0, a rejection a reason; dates are not
 * before the application (nor, for a payment, before the approval).
 * @example aidApplicationTransition({ state: 'submitted', event: 'approve', date: '2025-03-10', appliedOn: '2025-03-01', approvedAmount: 3000 })
 * // { ok: true, state: 'approved' }
 */
export function aidApplicationTransition(
  input: AidTransitionInput,
): { ok: true; state: AidApplicationState } | (WomenRuleError<AidTransitionError> & { field: string }) {
  const next = NEXT[input.state]?.[input.event];
  const fail = (code: AidTransitionError, field: string, zh: string, en: string) => ({
    ...womenRuleError(code, zh, en),
    field,
  });
  if (!next) {
    return fail(
      'INVALID_TRANSITION',
      'decision',
      `申请当前状态为“${STATE_ZH[input.state] ?? input.state}”，不能${EVENT_ZH[input.event] ?? input.event}`,
      `The application is ${input.state}; it cannot be ${input.event === 'pay' ? 'paid' : `${input.event}d`}`,
    );
  }
  if (input.date < input.appliedOn) {
    return fail('DATE_BEFORE_APPLICATION', 'date', '日期早于申请日期', 'The date is before the application');
  }
  if (input.event === 'pay' && input.decidedOn && input.date < input.decidedOn) {
    return fail('DATE_BEFORE_DECISION', 'date', '发放日期早于批准日期', 'The payment is before the approval');
  }
  if (input.event === 'approve' && !(input.approvedAmount !== undefined && input.approvedAmount > 0)) {
    return fail('AMOUNT_REQUIRED', 'approvedAmount', '请填写批准金额（大于0）', 'Give the approved amount (above 0)');
  }
  if (input.event === 'reject' && !input.note?.trim()) {
    return fail('REASON_REQUIRED', 'note', '请填写不予批准的理由', 'Give the reason for the rejection');
  }
  return { ok: true, state: next };
}

/** How long each step may take before the application is listed as overdue. */
export interface AidProcessingConfig extends WomenRuleSet {
  /** Days from the application to the decision. */
  decisionWithinDays: number;
  /** Days from the approval to the payment. */
  paymentWithinDays: number;
  /** The aid serves children under this age (completed years on the day of the application). */
  maxAgeYears: number;
}

/**
 * Default limits [L]: a decision within 30 days and the payment within 30 days of the approval; children under 18
 * (the 出生缺陷救助 schemes serve 0–17-year-olds).
 */
export const AID_PROCESSING_DEFAULT: AidProcessingConfig = {
  meta: nationalMeta(
    'aid-processing',
    '1',
    'L',
    ['出生缺陷救助项目 申请—审核—拨付 (local practice)'],
    'Both limits are local; provinces set their own.',
  ),
  decisionWithinDays: 30,
  paymentWithinDays: 30,
  maxAgeYears: 18,
};

/**
 * Whether a person of this birth date may apply on that day (under the age limit).
 * @example aidApplicantAgeOk('2008-05-01', '2026-04-30') // true (17)
 */
export function aidApplicantAgeOk(
  birthDate: string,
  appliedOn: string,
  config: AidProcessingConfig = AID_PROCESSING_DEFAULT,
): boolean {
  return ageInYears(birthDate, appliedOn) < config.maxAgeYears;
}

/**
 * Date by which the open step of an application is due (the decision, or the payment of an approved one); null
 * once it is rejected or paid.
 * @example aidApplicationDue({ state: 'submitted', appliedOn: '2025-03-01' }) // '2025-03-31'
 */
export function aidApplicationDue(
  a: { state: AidApplicationState; appliedOn: string; decidedOn?: string | null },
  config: AidProcessingConfig = AID_PROCESSING_DEFAULT,
): string | null {
  if (a.state === 'submitted') return addDays(a.appliedOn, config.decisionWithinDays);
  if (a.state === 'approved') return addDays(a.decidedOn ?? a.appliedOn, config.paymentWithinDays);
  return null;
}
