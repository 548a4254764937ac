import {
  formatGestationalAge,
  gestationalAgeAt,
  gestationalAgeFromDays,
  type GestationalAge,
  type MaternalResult,
} from '@fuyou/core';
import type { Database, PersonTable, PregnancyTable, Selectable, Transaction } from '@fuyou/db';
import { AppError, errors } from '../../platform/errors';

/** A pregnancy row. */
export type PregnancyRow = Selectable<PregnancyTable>;
/** A person row. */
export type PersonRow = Selectable<PersonTable>;

/** Whole days from `from` to `to` ('YYYY-MM-DD'), calendar arithmetic in UTC. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `days` ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in China (UTC+8), 'YYYY-MM-DD'. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Now as a China wall clock with its offset, 'YYYY-MM-DDTHH:mm+08:00'. */
export function chinaNow(): string {
  return `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16)}+08:00`;
}

/**
 * A deadline from core ('YYYY-MM-DD' for day rules: the end of that day in China; 'YYYY-MM-DDTHH:mm[+08:00]' for
 * hour rules) as an instant.
 */
export function deadlineInstant(dueAt: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dueAt)) return new Date(`${dueAt}T23:59:59+08:00`);
  const withOffset = /([+-]\d{2}:\d{2}|Z)$/.test(dueAt) ? dueAt : `${dueAt}+08:00`;
  return new Date(withOffset);
}

/** JSON for a jsonb column. */
export const json = (v: unknown): string => JSON.stringify(v ?? null);

/** Numeric or null → number or null. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A core result's value, or a 400 naming `field` with core's message. */
export function unwrap<T>(r: MaternalResult<T>, field: string): T {
  if (r.ok) return r.value;
  throw errors.field(field, r.error.messageZh, r.error.messageEn);
}

/** Gestational age in days at `date` from the pregnancy's EDD (which wins over the LMP, as it may be corrected). */
export function gaDaysAt(p: { edd: string; lmp?: string | null }, date: string, field = 'visitDate'): number {
  const ga = unwrap(gestationalAgeAt({ edd: p.edd }, date), field);
  return ga.weeks * 7 + ga.days;
}

/** '12+6' from days. */
export function gaText(days: number | null): string | null {
  return days === null ? null : formatGestationalAge(gestationalAgeFromDays(days));
}

/** {weeks, days} from days. */
export function gaOf(days: number): GestationalAge {
  return gestationalAgeFromDays(days);
}

/** The pregnancy (and the woman) or 404; runs inside a scoped transaction, so another county's pregnancy is 404. */
export async function loadPregnancy(
  trx: Transaction<Database>,
  pregnancyId: string,
): Promise<{ preg: PregnancyRow; person: PersonRow }> {
  const preg = await trx.selectFrom('pregnancy').selectAll().where('id', '=', pregnancyId).executeTakeFirst();
  if (!preg) throw errors.notFound('孕产妇保健册', 'pregnancy');
  const person = await trx
    .selectFrom('person')
    .selectAll()
    .where('county_code', '=', preg.county_code)
    .where('id', '=', preg.person_id)
    .executeTakeFirst();
  if (!person) throw errors.notFound('孕产妇保健册', 'pregnancy');
  return { preg, person };
}

/** 409 unless the pregnancy is in one of `statuses`. */
export function requireStatus(preg: PregnancyRow, statuses: readonly string[], zh: string, en: string): void {
  if (!statuses.includes(preg.status)) throw errors.conflict('PREGNANCY_STATE', zh, en, { status: preg.status });
}

/** Checks that an institution exists; throws a field error naming `field`. */
export async function checkInstitution(
  trx: Transaction<Database>,
  id: string | undefined | null,
  field: string,
): Promise<void> {
  if (!id) return;
  const inst = await trx.selectFrom('institution').select(['id']).where('id', '=', id).executeTakeFirst();
  if (!inst) throw errors.field(field, '机构不存在', 'Unknown institution');
}

/** Names of institutions by id (for lists). */
export async function institutionNames(
  trx: Transaction<Database>,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await trx.selectFrom('institution').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The county MCH hospital (县妇幼保健院) of a county: an active institution of type mch_hospital in it. When a
 * county holds several (a city MCH hospital sits in its seat county), the county-level one is preferred: level 2,
 * then level 1, then any other, then by code.
 */
export async function countyMchHospital(trx: Transaction<Database>, county: string): Promise<string | null> {
  const rows = await trx
    .selectFrom('institution')
    .select(['id', 'level', 'code'])
    .where('county_code', '=', county)
    .where('type', '=', 'mch_hospital')
    .where('active', '=', true)
    .execute();
  const rank = (l: string | null) => (l === 'level2' ? 0 : l === 'level1' ? 1 : 2);
  rows.sort((a, b) => rank(a.level) - rank(b.level) || a.code.localeCompare(b.code));
  return rows[0]?.id ?? null;
}

/** 422 with one field problem and a code. */
export function unprocessable(code: string, field: string, zh: string, en: string): AppError {
  return new AppError(code, 422, `${zh}（字段：${field}）`, `${en} (field: ${field})`, [
    { field, messageZh: zh, messageEn: en },
  ]);
}

/** ISO string of a timestamp column (or null). */
export function iso(v: Date | string | null | undefined): string | null {
  return v ? new Date(v).toISOString() : null;
}

/** Institution types of the primary level (首诊机构), which screen and refer rather than assess. */
export const PRIMARY_INSTITUTION_TYPES: ReadonlySet<string> = new Set([
  'township_hc',
  'community_hc',
  'village_clinic',
]);

/** True when the institution is a primary-level one (an unknown or missing institution counts as primary). */
export async function isPrimaryInstitution(
  trx: Transaction<Database>,
  id: string | null | undefined,
): Promise<boolean> {
  if (!id) return true;
  const inst = await trx.selectFrom('institution').select(['type']).where('id', '=', id).executeTakeFirst();
  return !inst || PRIMARY_INSTITUTION_TYPES.has(inst.type);
}

/**
 * Clears the screen-positive referral duty of a pregnancy (she was referred, or assessed at a hospital). Returns
 * nothing; the pregnancy row's version is left alone (a duty, not an edit of the record).
 */
export async function clearScreenReferralDue(
  trx: Transaction<Database>,
  preg: Pick<PregnancyRow, 'county_code' | 'id'>,
): Promise<void> {
  await trx
    .updateTable('pregnancy')
    .set({ screen_referral_due: null })
    .where('county_code', '=', preg.county_code)
    .where('id', '=', preg.id)
    .where('screen_referral_due', 'is not', null)
    .execute();
}
