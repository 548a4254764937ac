/**
 * Errors as data for the maternal rules: every function that can fail on its input returns a
 * {@link MaternalResult} whose error carries a stable code and zh-CN / en-US messages.
 */

/** Stable codes of the maternal rules' input errors. */
export type MaternalErrorCode =
  | 'invalid_date'
  | 'invalid_datetime'
  | 'lmp_or_edd_required'
  | 'date_before_lmp'
  | 'invalid_gestational_age'
  | 'invalid_number'
  | 'epds_item_count'
  | 'epds_item_value';

/** zh-CN and en-US messages of each {@link MaternalErrorCode}. */
export const MATERNAL_ERROR_MESSAGES: Record<MaternalErrorCode, { zh: string; en: string }> = {
  invalid_date: {
    zh: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
    en: 'Not a valid date (expected a real YYYY-MM-DD date)',
  },
  invalid_datetime: {
    zh: '时间无效，应为 YYYY-MM-DDTHH:mm 格式（可带时区）',
    en: 'Not a valid date-time (expected YYYY-MM-DDTHH:mm, optionally with an offset)',
  },
  lmp_or_edd_required: { zh: '需要末次月经或预产期', en: 'The LMP or the EDD is required' },
  date_before_lmp: { zh: '日期早于末次月经', en: 'The date is before the LMP' },
  invalid_gestational_age: {
    zh: '孕周无效（周为0–45的整数，天为0–6的整数）',
    en: 'Not a valid gestational age (weeks an integer 0–45, days an integer 0–6)',
  },
  invalid_number: { zh: '数值无效', en: 'Not a valid number' },
  epds_item_count: { zh: 'EPDS 应有10个条目', en: 'The EPDS has exactly 10 items' },
  epds_item_value: { zh: 'EPDS 每个条目的得分应为0–3的整数', en: 'Each EPDS item score is an integer 0–3' },
};

/** An input error of a maternal rule. */
export interface MaternalError {
  code: MaternalErrorCode;
  /** The input field at fault, when there is one. */
  field?: string;
  messageZh: string;
  messageEn: string;
}

/** Success with a value, or failure with a {@link MaternalError}. */
export type MaternalResult<T> = { ok: true; value: T } | { ok: false; error: MaternalError };

/** Builds a failed {@link MaternalResult} with the standard messages of `code`. */
export function maternalFailure(code: MaternalErrorCode, field?: string): { ok: false; error: MaternalError } {
  const msg = MATERNAL_ERROR_MESSAGES[code];
  const error: MaternalError = { code, messageZh: msg.zh, messageEn: msg.en };
  if (field !== undefined) error.field = field;
  return { ok: false, error };
}

/** Builds a successful {@link MaternalResult}. */
export function maternalOk<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
