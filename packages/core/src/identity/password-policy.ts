/**
 * Password policy of the platform: length ≥ 10 (configurable), not a common password, does not contain the
 * username, and uses at least three of: lower-case, upper-case, digits, symbols (等保 2.0 practice [L]).
 */

/** A short list of the most common passwords and their obvious variants (lower-cased for comparison). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '1234567890', '12345678910', 'password', 'password1', 'password123', 'qwerty', 'qwertyuiop', 'abc123',
  '111111', '000000', '123123', '1q2w3e4r', '1qaz2wsx', 'admin', 'admin123', 'admin@123', 'administrator',
  'iloveyou', 'woaini1314', '5201314', 'a123456', 'a123456789', 'qq123456', 'p@ssw0rd', 'p@ssword1',
  'passw0rd', 'welcome1', 'letmein', 'zxcvbnm', 'asdfghjkl', '1qaz@wsx', 'qwer1234', 'abcd1234', 'aa123456',
  'root123', 'test1234', 'fuyou123', 'fuyou@123', 'changeme', 'changeme123',
]); // prettier-ignore

/** Policy settings; defaults per the foundation issue. */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** The default policy. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3 };

/** Stable codes of policy failures. */
export type PasswordProblem = 'too_short' | 'too_few_classes' | 'common' | 'contains_username';

/** zh-CN and en-US messages of each {@link PasswordProblem}. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: '密码长度至少为{min}位', en: 'The password must have at least {min} characters' },
  too_few_classes: {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Use at least three of: upper-case, lower-case, digits, symbols',
  },
  common: { zh: '密码过于常见，请换一个', en: 'This password is too common' },
  contains_username: { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
};

/** Checks a password; returns the list of problems (empty when acceptable). */
export function checkPassword(
  password: string,
  username: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('too_short');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(password)).length;
  if (classes < policy.minClasses) problems.push('too_few_classes');
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[^a-z0-9@]/g, '');
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(stripped) ||
    COMMON_PASSWORDS.has(lower.replace(/\d+$/, ''))
  ) {
    problems.push('common');
  }
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

/** Formats a problem message with the policy's numbers. */
export function passwordMessage(problem: PasswordProblem, lang: 'zh' | 'en', policy = DEFAULT_PASSWORD_POLICY): string {
  return PASSWORD_MESSAGES[problem][lang].replace('{min}', String(policy.minLength));
}
