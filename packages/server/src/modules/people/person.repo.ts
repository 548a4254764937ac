import { sql, type Database, type Selectable, type Transaction, type PersonTable } from '@fuyou/db';

export type PersonRow = Selectable<PersonTable>;

/**
 * What a list of people shows of each (person.service.ts toDto): not the encrypted identifiers nor their blind
 * indexes, which a page of 20 would otherwise carry from the database at every search.
 */
export const PERSON_LIST_COLUMNS = [
  'county_code',
  'id',
  'name',
  'sex',
  'birth_date',
  'id_type',
  'id_number_masked',
  'phone_masked',
  'ethnicity',
  'hukou_region_code',
  'residence_region_code',
  'address',
  'mother_id',
  'is_synthetic',
  'deceased_on',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof PersonRow)[];
export type PersonListRow = Pick<PersonRow, (typeof PERSON_LIST_COLUMNS)[number]>;
const P_LIST_COLUMNS = PERSON_LIST_COLUMNS.map((c) => `p.${c}` as const);

/**
 * The people whose name starts with `prefix`, as conditions an index range serves under row-level security and in
 * a plan made once for every prefix. Under RLS PostgreSQL builds an index range only from leakproof conditions:
 * `LIKE 'x%'` is not one and read every person of the county; `^@` (starts_with) is, but becomes a range only when
 * the prefix is a constant, so a prepared search was planned again each time. Both ends of the range, given as
 * parameters (pattern operators compare bytes, as the index of migrations 0004 and 0050 orders them), are usable
 * by a generic plan; `^@` stays as the exact test.
 */
function namePrefix(prefix: string) {
  const upper = prefixUpperBound(prefix);
  return upper === null
    ? sql<boolean>`name ~>=~ ${prefix} and name ^@ ${prefix}`
    : sql<boolean>`name ~>=~ ${prefix} and name ~<~ ${upper} and name ^@ ${prefix}`;
}

/**
 * The least text above every text that starts with `prefix`, in code-point order (the byte order of UTF-8, which
 * PostgreSQL's pattern operators use): the prefix with its last character replaced by the next one (skipping the
 * surrogates, which are not characters); a last character that has no next (U+10FFFF) is dropped and the one
 * before it is raised. `null` when there is no such text (the empty prefix, or one of U+10FFFF only).
 */
export function prefixUpperBound(prefix: string): string | null {
  const chars = Array.from(prefix);
  while (chars.length) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return chars.join('') + String.fromCodePoint(next);
    }
  }
  return null;
}

/** Queries of the person index. Every call runs inside a scoped transaction (RLS applies). */
export const personRepo = {
  byId(trx: Transaction<Database>, id: string) {
    return trx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byIdNumberHmac(trx: Transaction<Database>, hmac: string) {
    return trx.selectFrom('person').selectAll().where('id_number_hmac', '=', hmac).execute();
  },
  keyOf(trx: Transaction<Database>, hmac: string) {
    return trx.selectFrom('person_key').selectAll().where('id_number_hmac', '=', hmac).executeTakeFirst();
  },
  async search(
    trx: Transaction<Database>,
    filter: { idHmac?: string; phoneHmac?: string; name?: string },
    page: number,
    pageSize: number,
  ) {
    let q = trx.selectFrom('person');
    if (filter.idHmac) q = q.where('id_number_hmac', '=', filter.idHmac);
    else if (filter.phoneHmac) q = q.where('phone_hmac', '=', filter.phoneHmac);
    else if (filter.name) q = q.where(namePrefix(filter.name));
    if (filter.idHmac || filter.phoneHmac || filter.name) {
      // the page and its total in one statement (one round trip less on every search); a page past the end has no
      // row to carry the total, so count then
      const name = filter.name;
      const found: (PersonListRow & { total_count: number | string })[] = name
        ? // a name prefix can match thousands: the window counts narrow rows, and only the page's people are read
          // whole (by primary key); the window and the order read the index alone (migration 0050)
          await trx
            .with('hits', (db) =>
              db
                .selectFrom('person')
                .select(['county_code', 'id', 'name', 'birth_date', sql<number>`count(*) over ()`.as('total_count')])
                .where(namePrefix(name))
                .orderBy('name')
                .orderBy('birth_date')
                .orderBy('id')
                .limit(pageSize)
                .offset((page - 1) * pageSize),
            )
            .selectFrom('hits')
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'hits.county_code').onRef('p.id', '=', 'hits.id'),
            )
            .select(P_LIST_COLUMNS)
            .select('hits.total_count')
            .orderBy('hits.name')
            .orderBy('hits.birth_date')
            .orderBy('hits.id')
            .execute()
        : await q
            .select(PERSON_LIST_COLUMNS)
            .select(sql<number>`count(*) over ()`.as('total_count'))
            .orderBy('name')
            .orderBy('birth_date')
            .orderBy('id')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute();
      const total = found[0]
        ? Number(found[0].total_count)
        : page > 1
          ? Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)
          : 0;
      return { rows: found.map(({ total_count: _total, ...row }) => row), total };
    }
    const [rows, total] = await Promise.all([
      q
        .select(PERSON_LIST_COLUMNS)
        .orderBy('name')
        .orderBy('birth_date')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
  likelyDuplicates(trx: Transaction<Database>, f: { name?: string; birthDate?: string; phoneHmac?: string }) {
    return trx
      .selectFrom('person')
      .selectAll()
      .where((eb) => {
        const ors = [];
        if (f.name && f.birthDate) ors.push(eb.and([eb('name', '=', f.name), eb('birth_date', '=', f.birthDate)]));
        if (f.phoneHmac) ors.push(eb('phone_hmac', '=', f.phoneHmac));
        return ors.length ? eb.or(ors) : sql<boolean>`false`;
      })
      .limit(20)
      .execute();
  },
  children(trx: Transaction<Database>, motherId: string) {
    return trx.selectFrom('person').selectAll().where('mother_id', '=', motherId).orderBy('birth_date').execute();
  },
};
