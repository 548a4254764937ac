import {
  sql,
  type Database,
  type Selectable,
  type Transaction,
  type ChildProfileTable,
  type PersonTable,
} from '@fuyou/db';
import { errors } from '../../platform/errors';

/** A child profile row. */
export type ChildProfileRow = Selectable<ChildProfileTable>;
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

/** JSON for a jsonb column. */
export const json = (v: unknown): string => JSON.stringify(v ?? null);

/** Numeric or null → number or null (both drivers parse numeric, PGlite sometimes as string). */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The child (person + profile) or 404. Runs inside a scoped transaction, so another county's child is 404. */
export async function loadChild(
  trx: Transaction<Database>,
  personId: string,
): Promise<{ person: PersonRow; profile: ChildProfileRow }> {
  const person = await childPerson(trx, personId);
  const profile = await profileOf(trx, person).executeTakeFirst();
  if (!profile) throw errors.notFound('儿童档案', 'child');
  return { person, profile };
}

async function childPerson(trx: Transaction<Database>, personId: string): Promise<PersonRow> {
  const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) throw errors.notFound('儿童档案', 'child');
  return person;
}

function profileOf(trx: Transaction<Database>, person: PersonRow) {
  return trx
    .selectFrom('child_profile')
    .selectAll()
    .where('county_code', '=', person.county_code)
    .where('person_id', '=', person.id);
}

/** Checks that an institution exists (and is of a type, if given); throws a field error naming `field`. */
export async function checkInstitution(
  trx: Transaction<Database>,
  id: string | undefined | null,
  field: string,
  type?: string,
): Promise<void> {
  if (!id) return;
  const inst = await trx.selectFrom('institution').select(['id', 'type']).where('id', '=', id).executeTakeFirst();
  if (!inst) throw errors.field(field, '机构不存在', 'Unknown institution');
  if (type && inst.type !== type) throw errors.field(field, '机构类型不符', 'Wrong institution type');
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
 * Altitude of the child's residence, m (regional configuration, migration 0023): the `altitude_m` of the nearest
 * region with a value, from the residence region (or the county when the residence code is not in the region list)
 * up to the province; null when none has one (no altitude adjustment of Hb). As a scalar subquery, so that it can
 * ride on another statement.
 */
function residenceAltitudeSql(person: Pick<PersonRow, 'residence_region_code' | 'county_code'>) {
  return sql<number | null>`(
    with recursive up (code, parent_code, altitude_m, depth) as (
      select code, parent_code, altitude_m, 0 from region
      where code = coalesce((select code from region where code = ${person.residence_region_code}), ${person.county_code})
      union all
      select p.code, p.parent_code, p.altitude_m, up.depth + 1 from region p join up on p.code = up.parent_code
      where up.altitude_m is null and up.depth < 6
    )
    select altitude_m from up where altitude_m is not null order by depth limit 1)`;
}

/** Altitude of the child's residence, m (see {@link residenceAltitudeSql}); null when no region up has one. */
export async function residenceAltitudeM(
  trx: Transaction<Database>,
  person: Pick<PersonRow, 'residence_region_code' | 'county_code'>,
): Promise<number | null> {
  const r = await sql<{ altitude_m: number | null }>`select ${residenceAltitudeSql(person)} as altitude_m`.execute(trx);
  return num(r.rows[0]?.altitude_m);
}

/**
 * {@link loadChild} and {@link residenceAltitudeM} in two statements instead of three (the altitude rides on the
 * profile's read): what a check-up needs first (issue #7: fewer statements per check-up).
 */
export async function loadChildWithAltitude(
  trx: Transaction<Database>,
  personId: string,
): Promise<{ person: PersonRow; profile: ChildProfileRow; altitudeM: number | null }> {
  const person = await childPerson(trx, personId);
  const row = await profileOf(trx, person)
    .select(residenceAltitudeSql(person).as('residence_altitude_m'))
    .executeTakeFirst();
  if (!row) throw errors.notFound('儿童档案', 'child');
  const { residence_altitude_m: altitude, ...profile } = row;
  return { person, profile, altitudeM: num(altitude) };
}
