import type { Database, PersonTable, Selectable, Transaction } from '@fuyou/db';
import { AppError, errors } from '../../platform/errors';

/** A person row. */
export type WomanRow = Selectable<PersonTable>;

/** Today's date in China (UTC+8), 'YYYY-MM-DD'. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** JSON for a jsonb column. */
export const json = (v: unknown): string => JSON.stringify(v ?? null);

/** Numeric or null → number or null. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** 'YYYY-MM-DD' of a date column or timestamp. */
export const isoOf = (v: Date | string): string => new Date(v).toISOString();

/**
 * The person or 404. Runs inside a scoped transaction, so another county's person is 404.
 * @param sex when given, the person must have this sex (field error on `field` otherwise).
 */
export async function loadPerson(
  trx: Transaction<Database>,
  personId: string,
  opts: { sex?: 'female' | 'male'; field?: string; what?: [string, string] } = {},
): Promise<WomanRow> {
  const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
  const [zh, en] = opts.what ?? ['人员档案', 'person'];
  if (!person) {
    if (opts.field) throw errors.field(opts.field, `${zh}不存在或不在您的管辖范围`, `${en} not found`);
    throw errors.notFound(zh, en);
  }
  if (opts.sex && person.sex !== opts.sex) {
    const sexZh = opts.sex === 'female' ? '女' : '男';
    throw errors.field(
      opts.field ?? 'personId',
      `${person.name}的性别不是${sexZh}性`,
      `${person.name} is not ${opts.sex}`,
      'WRONG_SEX',
    );
  }
  return person;
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

/** A date field must not be in the future (China time). */
export function notFuture(date: string | null | undefined, field: string, labelZh: string): void {
  if (date && date > today()) throw errors.field(field, `${labelZh}不能晚于今天`, `${field} is in the future`);
}

/** A date field must not be before the person's birth. */
export function notBeforeBirth(person: WomanRow, date: string | null | undefined, field: string): void {
  if (date && person.birth_date && date < person.birth_date) {
    throw errors.field(field, '日期早于出生日期', 'The date is before the birth date');
  }
}

/** 422 for a refused state change, with the current state and the attempted event. */
export function invalidTransition(zh: string, en: string, details: Record<string, unknown>): AppError {
  return new AppError('INVALID_TRANSITION', 422, zh, en, [{ field: 'event', messageZh: zh, messageEn: en }], details);
}

/** Content-Disposition for an xlsx download with a Chinese file name. */
export function xlsxDisposition(asciiName: string, zhName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`;
}

/** The xlsx content type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
