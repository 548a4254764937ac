/**
 * Shared shapes of the child-health rule sets: labels, evidence markers, versioned region-scoped metadata and
 * errors as data. Every configurable table of this folder carries a {@link ChildRuleMeta}; the national version is
 * the default and provinces derive variants with {@link deriveChildRuleSet}.
 */

/** A zh-CN / en-US label pair. */
export interface ChildLabel {
  zh: string;
  en: string;
}

/**
 * Evidence marker of REFERENCE.md: C = confirmed in a retrieved source, R = the researcher's recollection,
 * L = local or provincial practice, or a convention with no single national text.
 */
export type ChildEvidence = 'C' | 'R' | 'L';

/** 'confirmed' only when every value of a rule set was checked against the official text. */
export type ChildRuleStatus = 'confirmed' | 'to_confirm';

/** The national region scope. */
export const CHILD_NATIONAL_REGION = 'CN';

/** Metadata carried by every child-health rule set. */
export interface ChildRuleMeta {
  /** Stable id, e.g. 'child-schedule-cn'. */
  id: string;
  /** Version of this data object; bump it when any value changes. */
  version: string;
  /** 'CN' for the national default, else a GB/T 2260 code prefix ('33' = 浙江, '330900' = 舟山). */
  region: string;
  name: ChildLabel;
  /** The documents the values come from. */
  sources: readonly string[];
  /** The weakest evidence marker among the values of the set. */
  evidence: ChildEvidence;
  /** Same as `status === 'confirmed'`. */
  confirmed: boolean;
  status: ChildRuleStatus;
  /** What still needs checking, in plain words. */
  toConfirm?: string;
}

/** Anything that carries a {@link ChildRuleMeta}. */
export interface ChildRuleSet {
  meta: ChildRuleMeta;
}

/**
 * Builds the metadata of a national rule set: confirmed only when the evidence is [C] and nothing is left to
 * confirm.
 */
export function childNationalMeta(
  id: string,
  version: string,
  name: ChildLabel,
  evidence: ChildEvidence,
  sources: readonly string[],
  toConfirm?: string,
): ChildRuleMeta {
  const status: ChildRuleStatus = evidence === 'C' && !toConfirm ? 'confirmed' : 'to_confirm';
  return {
    id,
    version,
    region: CHILD_NATIONAL_REGION,
    name,
    sources,
    evidence,
    confirmed: status === 'confirmed',
    status,
    ...(toConfirm ? { toConfirm } : {}),
  };
}

/**
 * A regional (or revised) variant of a rule set: the fields of `patch` replace those of `base` (shallow) and the
 * metadata gets the new region and version. A variant is 'to_confirm' unless `meta.status` says otherwise. The base
 * is left untouched.
 * @example deriveChildRuleSet(NATIONAL_CHILD_SCHEDULE, { defaultDischargeAfterBirthDays: 2 }, { region: '33', version: '2024.zj' })
 */
export function deriveChildRuleSet<T extends ChildRuleSet>(
  base: T,
  patch: Partial<Omit<T, 'meta'>>,
  meta: Partial<ChildRuleMeta> & { region: string; version: string },
): T {
  const status = meta.status ?? 'to_confirm';
  return { ...base, ...patch, meta: { ...base.meta, ...meta, status, confirmed: status === 'confirmed' } };
}

/**
 * The rule set that applies to `regionCode`: the one with the longest region prefix of the code, the national one
 * ('CN') as the fallback; undefined when none fits.
 */
export function pickChildRuleSet<T extends ChildRuleSet>(sets: readonly T[], regionCode?: string): T | undefined {
  let best: T | undefined;
  let bestLength = -1;
  for (const s of sets) {
    const r = s.meta.region;
    const length = r === CHILD_NATIONAL_REGION ? 0 : r.length;
    const fits = r === CHILD_NATIONAL_REGION || (regionCode !== undefined && regionCode.startsWith(r));
    if (fits && length > bestLength) {
      best = s;
      bestLength = length;
    }
  }
  return best;
}

/** An offset of whole days or whole calendar months (e.g. a visit window: 15 days, or 1 month). */
export type ChildOffset = { days: number } | { months: number };

/** Stable codes of the input errors of the child-health rules. */
export type ChildErrorCode =
  | 'invalid_date'
  | 'invalid_datetime'
  | 'date_before_birth'
  | 'invalid_gestational_age'
  | 'invalid_number'
  | 'unknown_code'
  | 'invalid_transition'
  | 'invalid_icd10_format'
  | 'icd10_category_not_in_chapter';

/** zh-CN and en-US messages of each {@link ChildErrorCode}. */
export const CHILD_ERROR_MESSAGES: Record<ChildErrorCode, ChildLabel> = {
  invalid_date: {
    zh: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
    en: 'Not a valid date (expected a real YYYY-MM-DD date)',
  },
  invalid_datetime: {
    zh: '时间无效，应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm 格式（可带时区）',
    en: 'Not a valid date-time (expected YYYY-MM-DD or YYYY-MM-DDTHH:mm, optionally with an offset)',
  },
  date_before_birth: { zh: '日期早于出生日期', en: 'The date is before the birth' },
  invalid_gestational_age: {
    zh: '出生孕周无效（周为20–45的整数，天为0–6的整数）',
    en: 'Not a valid gestational age at birth (weeks an integer 20–45, days an integer 0–6)',
  },
  invalid_number: { zh: '数值无效', en: 'Not a valid number' },
  unknown_code: { zh: '未知代码', en: 'Unknown code' },
  invalid_transition: { zh: '不允许的状态转换', en: 'This status change is not allowed' },
  invalid_icd10_format: {
    zh: 'ICD-10 编码格式无效（应为字母+2位数字，可带小数点后1位，如 P07.3）',
    en: 'Not a valid ICD-10 code (a letter, 2 digits and optionally a dot and 1 digit, e.g. P07.3)',
  },
  icd10_category_not_in_chapter: {
    zh: 'ICD-10 类目不在任何章节范围内',
    en: 'The ICD-10 category lies outside every chapter',
  },
};

/** An input error of a child-health rule. */
export interface ChildError {
  code: ChildErrorCode;
  /** The input field at fault, when there is one (e.g. 'visits[2].date'). */
  field?: string;
  messageZh: string;
  messageEn: string;
  /** Extra facts, e.g. the allowed next states of a refused transition. */
  details?: Record<string, unknown>;
}

/** Success with a value, or failure with a {@link ChildError}. */
export type ChildResult<T> = { ok: true; value: T } | { ok: false; error: ChildError };

/** Builds a failed {@link ChildResult} with the standard messages of `code`. */
export function childFailure(
  code: ChildErrorCode,
  field?: string,
  details?: Record<string, unknown>,
): { ok: false; error: ChildError } {
  const m = CHILD_ERROR_MESSAGES[code];
  const error: ChildError = { code, messageZh: m.zh, messageEn: m.en };
  if (field !== undefined) error.field = field;
  if (details !== undefined) error.details = details;
  return { ok: false, error };
}

/** Builds a successful {@link ChildResult}. */
export function childOk<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
