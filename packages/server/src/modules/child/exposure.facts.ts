/**
 * The exposed infant's record at rest (migration 0048): the infections, doses, tests and final status are one
 * AES-256-GCM ciphertext (`data_enc`), and what the PMTCT measures count is a list of keyed tags (`facts`,
 * {@link FieldCrypto.factTag} salted by county and person), computed here from the plaintext at every write, so
 * the measures test a fact in SQL without reading plaintext (measures/child.measures.ts `fact`).
 */
import {
  sql,
  withScope,
  type Database,
  type ExposedInfantTable,
  type Kysely,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { FieldCrypto } from '../../platform/crypto';
import type { PersonRow } from './child.common';

/** The plain columns of before 0048, which the ciphertext replaces. */
type PlainColumns = 'infections' | 'high_exposure' | 'doses' | 'tests' | 'final_status';

/**
 * An exposed_infant row with its contents decrypted (the shape of the table before 0048): `doses` and `tests` are
 * lists of `{ code, at, result?, titre?, note? }`, `final_status` is keyed by infection.
 */
export type ExposureRow = Omit<Selectable<ExposedInfantTable>, PlainColumns | 'data_enc' | 'facts'> & {
  infections: string[];
  high_exposure: boolean;
  doses: unknown;
  tests: unknown;
  final_status: unknown;
};

/** The contents of an exposure record, as encrypted in data_enc. */
export type ExposureContents = Pick<ExposureRow, PlainColumns>;

interface StoredContents {
  infections: string[];
  highExposure: boolean;
  doses: unknown;
  tests: unknown;
  finalStatus: unknown;
}

/** The person fields the facts read (a dose is timely by the time of birth). */
export type BirthOf = Pick<PersonRow, 'birth_date' | 'birth_time'>;

const list = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A wall-clock 'YYYY-MM-DD[THH:MM[:SS]]' as milliseconds (as PostgreSQL's `::timestamp` reads it), else NaN. */
function wallMs(s: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(s.trim());
  return m ? Date.parse(`${m[1]}T${m[2] ?? '00:00'}Z`) : NaN;
}

/**
 * Whether a dose was given within the national time of birth, the rule of the HBV timely-dose measures: within 12
 * hours of the time of birth, or on the day of birth when the time of birth is not known.
 */
export function timelyDose(birth: BirthOf, at: string): boolean {
  if (!birth.birth_date) return false;
  if (!birth.birth_time) return at.slice(0, 10) <= birth.birth_date && !Number.isNaN(wallMs(at.slice(0, 10)));
  const born = wallMs(`${birth.birth_date}T${birth.birth_time}`);
  return wallMs(at) <= born + 12 * 3_600_000;
}

/**
 * The facts the PMTCT measures count, from the plaintext: `inf:<infection>`, `dose:<code>` (a dose recorded),
 * `timely:<code>` (the dose within the time of birth, {@link timelyDose}), `test:<code>:<result>` and
 * `final:<infection>:<status>`. Sorted, without repeats.
 */
export function exposureFacts(birth: BirthOf, c: ExposureContents): string[] {
  const out = new Set<string>();
  for (const i of c.infections) out.add(`inf:${i}`);
  for (const d of list(c.doses)) {
    const code = str(d.code);
    if (code === undefined) continue;
    out.add(`dose:${code}`);
    const at = str(d.at);
    if (at !== undefined && timelyDose(birth, at)) out.add(`timely:${code}`);
  }
  for (const t of list(c.tests)) {
    const code = str(t.code);
    const result = str(t.result);
    if (code !== undefined && result !== undefined) out.add(`test:${code}:${result}`);
  }
  const fs = c.final_status && typeof c.final_status === 'object' ? (c.final_status as Record<string, unknown>) : {};
  for (const [infection, entry] of Object.entries(fs)) {
    const status = entry && typeof entry === 'object' ? str((entry as Record<string, unknown>).status) : undefined;
    if (status !== undefined) out.add(`final:${infection}:${status}`);
  }
  return [...out].sort();
}

/** The record a fact tag is salted by: `<county>:<personId>` (the measures hash the same in SQL). */
export const factScope = (key: { county_code: string; person_id: string }) => `${key.county_code}:${key.person_id}`;

/** The stored form of the contents: `data_enc` and `facts`, the plain columns emptied. */
export function sealExposure(
  crypto: FieldCrypto,
  key: { county_code: string; person_id: string },
  birth: BirthOf,
  c: ExposureContents,
) {
  const stored: StoredContents = {
    infections: c.infections,
    highExposure: c.high_exposure,
    doses: c.doses ?? [],
    tests: c.tests ?? [],
    finalStatus: c.final_status ?? {},
  };
  const scope = factScope(key);
  return {
    data_enc: crypto.encrypt(JSON.stringify(stored)),
    facts: exposureFacts(birth, c).map((f) => crypto.factTag(scope, f)),
    infections: null,
    high_exposure: null,
    doses: null,
    tests: null,
    final_status: null,
  };
}

/** The row with its contents decrypted (a row of before 0048 not yet encrypted by the job: its plain columns). */
export function openExposure(crypto: FieldCrypto, row: Selectable<ExposedInfantTable>): ExposureRow {
  const { data_enc, facts: _facts, ...rest } = row;
  if (data_enc === null) {
    return {
      ...rest,
      infections: row.infections ?? [],
      high_exposure: row.high_exposure ?? false,
      doses: row.doses ?? [],
      tests: row.tests ?? [],
      final_status: row.final_status ?? {},
    };
  }
  const s = JSON.parse(crypto.decrypt(data_enc)) as StoredContents;
  return {
    ...rest,
    infections: s.infections,
    high_exposure: s.highExposure,
    doses: s.doses,
    tests: s.tests,
    final_status: s.finalStatus,
  };
}

/**
 * Stores one record again from its contents: encrypts a row of before 0048 (nulling its plain columns), or
 * recomputes the facts of an encrypted one whose child's birth date or time was corrected (a timely dose is timed
 * from the birth). Returns whether there was a record.
 */
export async function resealExposure(
  trx: Transaction<Database>,
  crypto: FieldCrypto,
  countyCode: string,
  personId: string,
): Promise<boolean> {
  const stored = await trx
    .selectFrom('exposed_infant')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  if (!stored) return false;
  const birth = await trx
    .selectFrom('person')
    .select(['birth_date', 'birth_time'])
    .where('county_code', '=', countyCode)
    .where('id', '=', personId)
    .executeTakeFirst();
  const row = openExposure(crypto, stored);
  await trx
    .updateTable('exposed_infant')
    .set(sealExposure(crypto, row, birth ?? { birth_date: null, birth_time: null }, row))
    .where('county_code', '=', countyCode)
    .where('person_id', '=', personId)
    .execute();
  return true;
}

/** The job of migration 0048: encrypts the records stored in plain before it. */
export const EXPOSURE_ENCRYPT_JOB = 'child.exposure.encrypt';

/**
 * Encrypts every record still in plain (rows of before migration 0048), county by county in batches of `batch`,
 * one transaction per batch. Idempotent: only rows without data_enc are read, so a rerun after a failure goes on
 * where it stopped and a run with nothing left does nothing. Returns the records encrypted.
 */
export async function encryptPlainExposures(db: Kysely<Database>, crypto: FieldCrypto, batch = 500): Promise<number> {
  const all = await sql<{ code: string }>`select code from region where level = 'county'`.execute(db);
  const counties = await withScope(db, { counties: all.rows.map((r) => r.code) }, (trx) =>
    sql<{ code: string }>`select distinct county_code::text as code from exposed_infant where data_enc is null
      order by 1`.execute(trx),
  );
  let done = 0;
  for (const { code } of counties.rows) {
    for (;;) {
      const n = await withScope(db, { counties: [code] }, async (trx) => {
        const ids = await trx
          .selectFrom('exposed_infant')
          .select('person_id')
          .where('county_code', '=', code)
          .where('data_enc', 'is', null)
          .orderBy('person_id')
          .limit(batch)
          .execute();
        for (const r of ids) await resealExposure(trx, crypto, code, r.person_id);
        return ids.length;
      });
      done += n;
      if (n < batch) break;
    }
  }
  return done;
}
