import type { Database, Transaction } from '@fuyou/db';
import type { FieldCrypto } from '../../platform/crypto';
import { today } from './child.common';
import { openExposure } from './exposure.facts';
import { childWorkRows } from './worklist.rows';

/**
 * Recomputes the stored worklist rows of one child (table child_work) from its records, inside the write's
 * transaction: called by every service that writes a check-up, case, referral, screening, exposure or the profile.
 * A closed record, a child who died or a child no longer in scope has no rows. The exposed infant's record is
 * decrypted here (the rows name only the duty, listed to pmtct users only).
 */
export async function refreshChildWork(
  trx: Transaction<Database>,
  crypto: FieldCrypto,
  countyCode: string,
  personId: string,
) {
  const [person, profile] = await Promise.all([
    trx
      .selectFrom('person')
      .select(['county_code', 'id', 'birth_date', 'birth_time', 'deceased_on', 'residence_region_code'])
      .where('county_code', '=', countyCode)
      .where('id', '=', personId)
      .executeTakeFirst(),
    trx
      .selectFrom('child_profile')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .executeTakeFirst(),
  ]);
  await trx.deleteFrom('child_work').where('county_code', '=', countyCode).where('person_id', '=', personId).execute();
  if (!person || !profile || profile.status !== 'active' || person.deceased_on) return;
  const [checkups, cases, referrals, newbornScreenings, childScreenings, exposure] = await Promise.all([
    trx
      .selectFrom('child_checkup')
      .select(['visit_date', 'contact_key', 'kind', 'hb_gl', 'next_appointment', 'created_at'])
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .execute(),
    trx
      .selectFrom('child_case')
      .select(['id', 'kind', 'status', 'next_follow_up_due', 'proposed_on'])
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .where('status', 'in', ['proposed', 'open'])
      .execute(),
    trx
      .selectFrom('child_referral')
      .select(['id', 'status', 'referred_on', 'reason'])
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .where('status', '=', 'sent')
      .execute(),
    trx
      .selectFrom('newborn_screening')
      .select(['id', 'kind', 'closed', 'next_step', 'next_due'])
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .execute(),
    trx
      .selectFrom('child_screening')
      .select(['id', 'kind', 'follow_up', 'follow_up_due', 'follow_up_done_on'])
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .execute(),
    trx
      .selectFrom('exposed_infant')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('person_id', '=', personId)
      .executeTakeFirst(),
  ]);
  const rows = childWorkRows({
    person,
    profile,
    checkups,
    cases,
    referrals,
    newbornScreenings,
    childScreenings,
    exposure: exposure ? openExposure(crypto, exposure) : null,
    today: today(),
  });
  if (rows.length) await trx.insertInto('child_work').values(rows).execute();
}
