/**
 * Masking of identifiers for lists and exports. The masked form keeps just enough to tell people apart at a
 * glance (region and last four of an ID number; first three and last four of a phone number).
 */

/** 330902********1234 for an 18-character ID; other documents keep the first 2 and last 2 characters. */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '';
  const v = value.trim();
  if (v.length === 18) return `${v.slice(0, 6)}********${v.slice(14)}`;
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${v.slice(0, 2)}${'*'.repeat(v.length - 4)}${v.slice(-2)}`;
}

/** 138****5678 for a mobile number; other numbers keep the last 4 digits. */
export function maskPhone(value: string | null | undefined): string {
  if (!value) return '';
  const v = value.trim();
  if (v.length === 11) return `${v.slice(0, 3)}****${v.slice(7)}`;
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}

/** 张*, 欧阳** : keeps the first character of a name. */
export function maskName(value: string | null | undefined): string {
  if (!value) return '';
  const chars = [...value.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Mainland mobile (1[3-9]x, 11 digits) or fixed line with area code (0xx-xxxxxxx). */
export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}
