import { sql, type Database, type Transaction } from '@fuyou/db';
import type { FieldCrypto } from '../../platform/crypto';
import { today } from './child.common';
import { openExposure } from './exposure.facts';
import { childWorkRows, type ChildWorkInput, type ChildWorkRow } from './worklist.rows';

/** What the one read of {@link refreshChildWork} returns (JSON: dates stay 'YYYY-MM-DD', times ISO strings). */
interface ChildWorkRead {
  person: ChildWorkInput['person'] | null;
  profile: ChildWorkInput['profile'] | null;
  checkups: ChildWorkInput['checkups'];
  cases: ChildWorkInput['cases'];
  referrals: ChildWorkInput['referrals'];
  newborn: ChildWorkInput['newbornScreenings'];
  screenings: ChildWorkInput['childScreenings'];
  exposed: boolean;
}

/**
 * Recomputes the stored worklist rows of one child (table child_work) from its records, inside the write's
 * transaction: called by every service that writes a check-up, case, referral, screening, exposure or the profile.
 * A closed record, a child who died or a child no longer in scope has no rows. The exposed infant's record is
 * decrypted here (the rows name only the duty, listed to pmtct users only).
 *
 * The child's records are read in one statement (issue #7: a check-up was 17 statements, nine of them this
 * function's reads), the exposed infant's record, which few children have, in a second one only when it exists.
 */
export async function refreshChildWork(
  trx: Transaction<Database>,
  crypto: FieldCrypto,
  countyCode: string,
  personId: string,
) {
  const c = countyCode;
  const p = personId;
  const read = (
    await sql<ChildWorkRead>`select
      (select to_jsonb(x) from (select county_code, id, birth_date, birth_time, deceased_on, residence_region_code
        from person where county_code = ${c} and id = ${p}) x) as person,
      (select to_jsonb(x) from (select status, managing_institution_id, gestational_weeks, gestational_days,
        birth_weight_g, multiple_birth, birth_defects, discharged_on
        from child_profile where county_code = ${c} and person_id = ${p}) x) as profile,
      coalesce((select jsonb_agg(x) from (select visit_date, contact_key, kind, hb_gl, next_appointment, created_at
        from child_checkup where county_code = ${c} and person_id = ${p}) x), '[]') as checkups,
      coalesce((select jsonb_agg(x) from (select id, kind, status, next_follow_up_due, proposed_on
        from child_case where county_code = ${c} and person_id = ${p} and status in ('proposed', 'open')) x),
        '[]') as cases,
      coalesce((select jsonb_agg(x) from (select id, status, referred_on, reason
        from child_referral where county_code = ${c} and person_id = ${p} and status = 'sent') x), '[]') as referrals,
      coalesce((select jsonb_agg(x) from (select id, kind, closed, next_step, next_due
        from newborn_screening where county_code = ${c} and person_id = ${p}) x), '[]') as newborn,
      coalesce((select jsonb_agg(x) from (select id, kind, follow_up, follow_up_due, follow_up_done_on
        from child_screening where county_code = ${c} and person_id = ${p}) x), '[]') as screenings,
      exists (select 1 from exposed_infant where county_code = ${c} and person_id = ${p}) as exposed`.execute(trx)
  ).rows[0]!;
  const { person, profile } = read;
  const active = !!person && !!profile && profile.status === 'active' && !person.deceased_on;
  const exposure =
    active && read.exposed
      ? await trx
          .selectFrom('exposed_infant')
          .selectAll()
          .where('county_code', '=', c)
          .where('person_id', '=', p)
          .executeTakeFirst()
      : undefined;
  const rows = active
    ? childWorkRows({
        person,
        profile,
        checkups: read.checkups,
        cases: read.cases,
        referrals: read.referrals,
        newbornScreenings: read.newborn,
        childScreenings: read.screenings,
        exposure: exposure ? openExposure(crypto, exposure) : null,
        today: today(),
      })
    : [];
  await replaceChildWork(trx, c, p, rows);
}

/** The columns of child_work besides its key (county_code, person_id, kind, item). */
const WORK_COLUMNS = [
  'ref_id',
  'institution_id',
  'township',
  'list_from',
  'list_until',
  'due_on',
  'overdue_at',
  'appointment_on',
  'what_zh',
  'what_en',
] as const;

/**
 * Makes the child's stored rows `rows` in one statement: rows no longer due are deleted, new ones inserted, changed
 * ones updated, and rows that are the same are left alone (issue #7: a check-up deleted and wrote again every row
 * of the child, each with its three covering indexes, in two statements). The delete and the upsert touch
 * disjoint keys, so the order PostgreSQL runs them in does not matter.
 */
async function replaceChildWork(
  trx: Transaction<Database>,
  countyCode: string,
  personId: string,
  rows: readonly ChildWorkRow[],
) {
  const cols = sql.join(WORK_COLUMNS.map((k) => sql.ref(k)));
  const excluded = sql.join(WORK_COLUMNS.map((k) => sql.ref(`excluded.${k}`)));
  const current = sql.join(WORK_COLUMNS.map((k) => sql.ref(`child_work.${k}`)));
  const set = sql.join(WORK_COLUMNS.map((k) => sql`${sql.ref(k)} = ${sql.ref(`excluded.${k}`)}`));
  await sql`with new as (
      select * from jsonb_populate_recordset(null::child_work, ${JSON.stringify(rows)}::jsonb)
    ),
    gone as (
      delete from child_work w where w.county_code = ${countyCode} and w.person_id = ${personId}::uuid
        and not exists (select 1 from new n where n.kind = w.kind and n.item = w.item)
    )
    insert into child_work (county_code, person_id, kind, item, ${cols})
    select county_code, person_id, kind, item, ${cols} from new
    on conflict (county_code, person_id, kind, item) do update set ${set}
    where (${current}) is distinct from (${excluded})`.execute(trx);
}
