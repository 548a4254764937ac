/**
 * Follow-up after a premarital examination (婚前保健工作规范（修订）: 对患影响婚育疾病者进行随访，转诊并追踪结果 [R]):
 * who needs follow-up and by when. The examinee needs follow-up when the opinion is anything but "no condition
 * found", or a designated infectious disease test (HIV, syphilis, hepatitis B, gonorrhoea) is positive. The number of
 * days allowed is local practice [L].
 */
import type { PremaritalOpinion } from './premarital';
import type { WomenRuleSet } from './rule-meta';
import { nationalMeta } from './rule-meta';
import { addDays, isIsoDate } from './women-dates';

/** Follow-up configuration of premarital examinations. */
export interface PremaritalFollowUpConfig extends WomenRuleSet {
  /** Days from the examination until the follow-up (referral result, re-examination) is due. */
  followUpWithinDays: number;
  /** Opinions that call for follow-up. */
  opinionsNeedingFollowUp: readonly PremaritalOpinion[];
}

/** Default [L]: 30 days; every opinion except "no contraindication". */
export const PREMARITAL_FOLLOW_UP_DEFAULT: PremaritalFollowUpConfig = {
  meta: nationalMeta(
    'premarital-follow-up',
    '1',
    'L',
    ['婚前保健工作规范（修订）（随访、转诊 [R]）'],
    'The 30-day limit is local convention; the 规范 asks for follow-up without a national day limit.',
  ),
  followUpWithinDays: 30,
  opinionsNeedingFollowUp: [
    'not_advised_to_marry',
    'postpone_marriage',
    'not_advised_to_bear_children',
    'medical_measures_respect_wishes',
  ],
};

/** Why a premarital examination needs follow-up. */
export type PremaritalFollowUpReason = 'opinion' | 'infectious_positive';

/** Result of {@link premaritalFollowUp}. */
export interface PremaritalFollowUp {
  needed: boolean;
  reasons: PremaritalFollowUpReason[];
  /** Due date of the follow-up (null when not needed or the exam date is invalid). */
  dueDate: string | null;
}

/**
 * Whether an examination needs follow-up, and by when.
 * @example premaritalFollowUp({ examDate: '2025-03-01', opinion: 'postpone_marriage', infectiousPositive: false })
 * // { needed: true, reasons: ['opinion'], dueDate: '2025-03-31' }
 */
export function premaritalFollowUp(
  input: { examDate: string; opinion: PremaritalOpinion; infectiousPositive: boolean },
  config: PremaritalFollowUpConfig = PREMARITAL_FOLLOW_UP_DEFAULT,
): PremaritalFollowUp {
  const reasons: PremaritalFollowUpReason[] = [];
  if (config.opinionsNeedingFollowUp.includes(input.opinion)) reasons.push('opinion');
  if (input.infectiousPositive) reasons.push('infectious_positive');
  const needed = reasons.length > 0;
  return {
    needed,
    reasons,
    dueDate: needed && isIsoDate(input.examDate) ? addDays(input.examDate, config.followUpWithinDays) : null,
  };
}
