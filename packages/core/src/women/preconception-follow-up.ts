/**
 * Follow-up after a preconception check and after folic acid is dispensed (国家免费孕前优生健康检查 item 19 "早孕和妊娠
 * 结局跟踪随访"; 增补叶酸项目 服用情况随访 [R]): when a high-risk couple is followed up after counselling or referral,
 * and when a woman given folic acid is asked about adherence (when her supply runs out). Day limits are local [L].
 */
import type { FolicAcidConfig } from './preconception';
import { FOLIC_ACID_NATIONAL } from './preconception';
import type { WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addDays, isIsoDate } from './women-dates';

/** Follow-up limits of the preconception programme. */
export interface PreconceptionFollowUpConfig extends WomenRuleSet {
  /** Days from the check until a high-risk couple's follow-up (referral result, counselling effect). */
  highRiskFollowUpDays: number;
  /** Days from the check until the early-pregnancy follow-up of a low-risk couple (item 19); null = none. */
  lowRiskFollowUpDays: number | null;
}

/** Default [L]: high risk 30 days; low risk 180 days (early-pregnancy follow-up). */
export const PRECONCEPTION_FOLLOW_UP_DEFAULT: PreconceptionFollowUpConfig = {
  meta: nationalMeta(
    'preconception-follow-up',
    '1',
    'L',
    ['国家免费孕前优生健康检查项目试点工作技术服务规范（试行）(2010) 第19项 [R]'],
    'Both day limits are local convention.',
  ),
  highRiskFollowUpDays: 30,
  lowRiskFollowUpDays: 180,
};

/**
 * Due date of the follow-up of a check by its couple risk level.
 * @example preconceptionFollowUpDue('2025-03-01', 'high') // '2025-03-31'
 */
export function preconceptionFollowUpDue(
  checkDate: string,
  level: 'low' | 'high',
  config: PreconceptionFollowUpConfig = PRECONCEPTION_FOLLOW_UP_DEFAULT,
): string | null {
  if (!isIsoDate(checkDate)) return null;
  const days = level === 'high' ? config.highRiskFollowUpDays : config.lowRiskFollowUpDays;
  return days === null ? null : addDays(checkDate, days);
}

/** Result of {@link folicAcidSupply}. */
export interface FolicAcidSupply {
  ok: true;
  tablets: number;
  /** Days the tablets last at the daily dose. */
  days: number;
  /** Last day covered by this supply; the adherence follow-up is due the day after. */
  lastDay: string;
  followUpDue: string;
}

/**
 * How long a dispensing lasts, and when to ask about adherence (the day the supply runs out).
 * @example folicAcidSupply('2025-03-01', 3) // 93 tablets, 93 days, lastDay '2025-06-01', followUpDue '2025-06-02'
 */
export function folicAcidSupply(
  dispensedOn: string,
  packs: number,
  config: FolicAcidConfig = FOLIC_ACID_NATIONAL,
): FolicAcidSupply | WomenRuleError<'INVALID_DATE' | 'INVALID_COUNT'> {
  if (!isIsoDate(dispensedOn)) {
    return womenRuleError('INVALID_DATE', `日期“${dispensedOn}”无效`, `Invalid date "${dispensedOn}"`);
  }
  if (!Number.isInteger(packs) || packs <= 0) {
    return womenRuleError('INVALID_COUNT', '发放瓶数应为正整数', 'Packs must be a whole number above 0');
  }
  const tablets = packs * config.tabletsPerPack;
  const perDay = Math.ceil(config.dailyDoseMg / config.tabletStrengthMg - 1e-9);
  const days = Math.floor(tablets / perDay);
  const lastDay = addDays(dispensedOn, days - 1);
  return { ok: true, tablets, days, lastDay, followUpDue: addDays(lastDay, 1) };
}
