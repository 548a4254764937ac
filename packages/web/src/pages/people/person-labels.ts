/** Small formatting helpers shared by the people pages. */
import { ETHNICITIES } from '@fuyou/core';
import type { PersonDto } from '../../api/types';
import { pick, type Lang } from '../../i18n/translate';

/** The ethnicity label (GB/T 3304) in the given language. */
export function ethnicityLabel(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const e = ETHNICITIES.find((x) => x.code === code);
  return e ? pick(lang, e.zh, e.en) : code;
}

/** Ethnicity options for a select. */
export function ethnicityOptions(lang: Lang): { value: string; label: string }[] {
  return ETHNICITIES.map((e) => ({ value: e.code, label: pick(lang, e.zh, e.en) }));
}

/** "定海区 · 临城街道" for a person's residence. */
export function residenceText(p: Pick<PersonDto, 'countyName' | 'residenceRegionName' | 'countyCode'>): string {
  const county = p.countyName ?? p.countyCode;
  return p.residenceRegionName && p.residenceRegionName !== county ? `${county} · ${p.residenceRegionName}` : county;
}

/** Whole years between a birth date and today (for display). */
export function ageYears(birthDate: string | null, today = new Date().toISOString().slice(0, 10)): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return null;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
