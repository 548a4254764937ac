import { sql, type Database, type Transaction } from '@fuyou/db';
import type { FieldCrypto } from '../../platform/crypto';
import { today } from './child.common';
import { openExposure } from './exposure.facts';
import { childWorkRows, type ChildWorkInput } from './worklist.rows';

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
  await trx.deleteFrom('child_work').where('county_code', '=', c).where('person_id', '=', p).execute();
  const { person, profile } = read;
  if (!person || !profile || profile.status !== 'active' || person.deceased_on) return;
  const exposure = read.exposed
    ? await trx
        .selectFrom('exposed_infant')
        .selectAll()
        .where('county_code', '=', c)
        .where('person_id', '=', p)
        .executeTakeFirst()
    : undefined;
  const rows = childWorkRows({
    person,
    profile,
    checkups: read.checkups,
    cases: read.cases,
    referrals: read.referrals,
    newbornScreenings: read.newborn,
    childScreenings: read.screenings,
    exposure: exposure ? openExposure(crypto, exposure) : null,
    today: today(),
  });
  if (rows.length) await trx.insertInto('child_work').values(rows).execute();
}
