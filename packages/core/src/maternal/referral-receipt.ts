/**
 * Deadlines of a maternal referral (转诊): by when the receiving institution should have received the woman (the
 * receipt, 转诊回执), by urgency, and by when the referring unit checks the outcome (基本公卫规范: within 2 weeks).
 * The receipt deadlines are local practice [L] with no national text, so they live in a versioned configuration
 * flagged to confirm.
 */
import type { MaternalLabel, MaternalParameter, MaternalRuleSetMeta } from './config';
import { maternalParameter } from './config';
import { formatDay, parseDay } from './dates';
import { NATIONAL_HIGH_RISK_DUTIES_2017 } from './high-risk-duties';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';

/** Urgency of a referral. */
export type ReferralUrgency = 'routine' | 'urgent' | 'emergency';

/** Labels of {@link ReferralUrgency}. */
export const REFERRAL_URGENCY_LABELS: Record<ReferralUrgency, MaternalLabel> = {
  routine: { zh: '常规', en: 'routine' },
  urgent: { zh: '紧急', en: 'urgent' },
  emergency: { zh: '急诊（危重）', en: 'emergency' },
};

/** The versioned referral deadline configuration. */
export interface ReferralReceiptConfig extends MaternalRuleSetMeta {
  /** Days after the referral date by which the receiving institution should have received the woman. */
  receiveWithinDays: Record<ReferralUrgency, MaternalParameter>;
  /** Days after the referral date by which the outcome should be back (the referring unit's check). */
  outcomeWithinDays: MaternalParameter;
}

const L = 'local practice: receipt by urgency [L]';

/**
 * Default deadlines: an emergency is received the same or next day, an urgent referral within 3 days, a routine one
 * within the 2 weeks the national text gives for checking the outcome (国家基本公共卫生服务规范（第三版）: 2周内随访转诊
 * 结果 [C]); the outcome is due within those 2 weeks too.
 */
export const DEFAULT_REFERRAL_RECEIPT_CONFIG: ReferralReceiptConfig = {
  id: 'maternal-referral-receipt-cn',
  version: '1.0',
  region: 'CN',
  name: { zh: '孕产妇转诊接收与回执时限', en: 'Maternal referral receipt deadlines' },
  source: `${L}; 国家基本公共卫生服务规范（第三版）孕产妇健康管理`,
  confirmed: false,
  status: 'to_confirm',
  receiveWithinDays: {
    emergency: maternalParameter(1, 'days', false, L),
    urgent: maternalParameter(3, 'days', false, L),
    routine: maternalParameter(NATIONAL_HIGH_RISK_DUTIES_2017.referralOutcomeCheckDays.value, 'days', false, L),
  },
  outcomeWithinDays: NATIONAL_HIGH_RISK_DUTIES_2017.referralOutcomeCheckDays,
};

/** Due dates of a referral. */
export interface ReferralDueDates {
  /** Last day for the receiving institution to record the receipt. */
  receiveDue: string;
  /** Last day for the outcome to be returned. */
  outcomeDue: string;
}

/** The receipt and outcome due dates of a referral made on `referredOn`. Fails with `invalid_date`. */
export function referralDueDates(
  referredOn: string,
  urgency: ReferralUrgency,
  config: ReferralReceiptConfig = DEFAULT_REFERRAL_RECEIPT_CONFIG,
): MaternalResult<ReferralDueDates> {
  const d = parseDay(referredOn);
  if (d === null) return maternalFailure('invalid_date', 'referredOn');
  const receive = config.receiveWithinDays[urgency].value;
  const outcome = Math.max(config.outcomeWithinDays.value, receive);
  return maternalOk({ receiveDue: formatDay(d + receive), outcomeDue: formatDay(d + outcome) });
}

/** True when a referral still not received on `today` is past its receipt deadline. */
export function isReferralReceiptOverdue(receiveDue: string, today: string): boolean {
  return today > receiveDue;
}
