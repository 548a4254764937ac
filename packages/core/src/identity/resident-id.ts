/**
 * Resident ID numbers (居民身份证号码), GB 11643-1999.
 * 18 digits: 6-digit address code (GB/T 2260) + 8-digit birth date + 3-digit sequence (odd = male) + check
 * character computed with ISO 7064 MOD 11-2. Legacy 15-digit numbers (before 1999) have a 6-digit birth date
 * (19yyMMdd) and no check character; they are upgraded by inserting "19" and appending the check character.
 */

/** Province-level codes of GB/T 2260 (first two digits of every region code), incl. 71/81/82. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Stable reason codes of {@link validateResidentId}; each has a zh-CN and en-US message. */
export type ResidentIdReason =
  'empty' | 'bad_length' | 'bad_characters' | 'bad_region' | 'bad_birth_date' | 'future_birth_date' | 'bad_check_digit';

/** zh-CN and en-US messages for each {@link ResidentIdReason}. */
export const RESIDENT_ID_MESSAGES: Record<ResidentIdReason, { zh: string; en: string }> = {
  empty: { zh: '身份证号不能为空', en: 'The ID number is empty' },
  bad_length: { zh: '身份证号应为18位（或旧版15位）', en: 'An ID number has 18 characters (or 15 for old numbers)' },
  bad_characters: {
    zh: '身份证号只能由数字组成，18位号码的最后一位可以是X',
    en: 'An ID number has digits only; the last of 18 may be X',
  },
  bad_region: { zh: '身份证号前6位的地区码无效', en: 'The region code (first 6 digits) is not valid' },
  bad_birth_date: { zh: '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not a valid date' },
  future_birth_date: { zh: '身份证号中的出生日期晚于今天', en: 'The birth date inside the ID number is in the future' },
  bad_check_digit: {
    zh: '身份证号最后一位校验码不正确，请核对是否输错',
    en: 'The check character (last) is wrong; please check for a typing error',
  },
};

/** Result of {@link validateResidentId}. */
export interface ResidentIdResult {
  valid: boolean;
  /** Stable code when invalid. */
  reason?: ResidentIdReason;
  /** zh-CN message when invalid. */
  messageZh?: string;
  /** en-US message when invalid. */
  messageEn?: string;
  /** The 18-character normalised number (upper-case X; 15-digit numbers upgraded). */
  normalized?: string;
  /** Birth date as YYYY-MM-DD. */
  birthDate?: string;
  sex?: 'male' | 'female';
  /** The 6-digit address code at issue (户籍地 at the time the number was issued). */
  regionCode?: string;
  /** True when the input was a legacy 15-digit number. */
  upgradedFrom15?: boolean;
}

/** Options for {@link validateResidentId}. */
export interface ResidentIdOptions {
  /** Today's date (YYYY-MM-DD) for the future-date check; defaults to the current UTC date. */
  today?: string;
  /**
   * Optional full region check (e.g. against the GB/T 2260 table incl. historical codes). Without it only the
   * province prefix is checked, because numbers keep the code of the region at issue even after it is renamed.
   */
  isKnownRegion?: (code: string) => boolean;
}

/** Computes the MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1800) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function fail(reason: ResidentIdReason): ResidentIdResult {
  return {
    valid: false,
    reason,
    messageZh: RESIDENT_ID_MESSAGES[reason].zh,
    messageEn: RESIDENT_ID_MESSAGES[reason].en,
  };
}

/**
 * Validates a resident ID number: length and characters, region prefix, birth date (a real calendar date, not in
 * the future), and the MOD 11-2 check character. Accepts 15-digit legacy numbers and returns them upgraded to 18.
 * @example validateResidentId('11010519491231002X') // { valid: true, birthDate: '1949-12-31', sex: 'female', ... }
 */
export function validateResidentId(id: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const raw = (id ?? '').trim().toUpperCase();
  if (raw === '') return fail('empty');
  if (raw.length !== 18 && raw.length !== 15) return fail('bad_length');
  if (raw.length === 18 ? !/^\d{17}[\dX]$/.test(raw) : !/^\d{15}$/.test(raw)) return fail('bad_characters');
  const upgradedFrom15 = raw.length === 15;
  const first17 = upgradedFrom15 ? `${raw.slice(0, 6)}19${raw.slice(6, 15)}` : raw.slice(0, 17);
  const regionCode = first17.slice(0, 6);
  if (!PROVINCE_CODES.has(regionCode.slice(0, 2)) || (options.isKnownRegion && !options.isKnownRegion(regionCode))) {
    return fail('bad_region');
  }
  const y = Number(first17.slice(6, 10));
  const m = Number(first17.slice(10, 12));
  const d = Number(first17.slice(12, 14));
  if (!isValidDate(y, m, d)) return fail('bad_birth_date');
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (birthDate > today) return fail('future_birth_date');
  const check = residentIdCheckChar(first17);
  if (!upgradedFrom15 && raw[17] !== check) return fail('bad_check_digit');
  return {
    valid: true,
    normalized: first17 + check,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    regionCode,
    upgradedFrom15,
  };
}

/** Builds a well-formed 18-digit number (used by the synthetic population; never for a real person). */
export function makeResidentId(
  regionCode: string,
  birthDate: string,
  sequence: number,
  sex: 'male' | 'female',
): string {
  let seq = Math.abs(Math.trunc(sequence)) % 500;
  seq = seq * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
