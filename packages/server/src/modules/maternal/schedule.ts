import {
  findContactSchedule,
  maternalContactStatuses,
  NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE,
  type MaternalContactStatus,
  type MaternalScheduleStatus,
  type MaternalVisitRecord,
} from '@fuyou/core';
import type { Database, Transaction } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { today, type PregnancyRow } from './maternal.common';

/**
 * Contacts of the pregnancy's schedule (the one chosen for her region at registration: the national basic
 * public-health schedule by default, or the clinical schedule) with done/due/missed on `t`.
 */
export function scheduleOf(
  preg: Pick<PregnancyRow, 'edd' | 'delivered_on' | 'discharged_on'> & { schedule_id?: string },
  visits: MaternalVisitRecord[],
  t = today(),
): MaternalScheduleStatus {
  const r = maternalContactStatuses(
    {
      edd: preg.edd,
      visits,
      today: t,
      ...(preg.delivered_on ? { deliveryDate: preg.delivered_on } : {}),
      ...(preg.discharged_on ? { dischargeDate: preg.discharged_on } : {}),
    },
    (preg.schedule_id ? findContactSchedule(preg.schedule_id) : undefined) ?? NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE,
  );
  if (!r.ok) throw new Error(`schedule: ${r.error.code}`);
  return r.value;
}

/** The visits of a pregnancy as schedule records (antenatal visits and postpartum contacts). */
export async function visitRecords(
  trx: Transaction<Database>,
  preg: Pick<PregnancyRow, 'county_code' | 'id'>,
): Promise<{ records: MaternalVisitRecord[]; ancDates: string[]; lastVisit: string | null }> {
  const [anc, pp] = await Promise.all([
    trx
      .selectFrom('anc_visit')
      .select('visit_date')
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .orderBy('visit_date')
      .execute(),
    trx
      .selectFrom('postpartum_visit')
      .select(['visit_date', 'kind'])
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .orderBy('visit_date')
      .execute(),
  ]);
  const records: MaternalVisitRecord[] = [
    ...anc.map((v) => ({ date: v.visit_date, kind: 'antenatal' as const })),
    ...pp.filter((v) => v.kind !== 'extra').map((v) => ({ date: v.visit_date, kind: v.kind as 'home_visit' })),
  ];
  const all = [...anc.map((v) => v.visit_date), ...pp.map((v) => v.visit_date)].sort();
  return { records, ancDates: anc.map((v) => v.visit_date), lastVisit: all.at(-1) ?? null };
}

/** The next contact to do: the first due one, else the first upcoming one. */
export function nextContactOf(status: MaternalScheduleStatus): MaternalContactStatus | null {
  return status.next;
}

/**
 * The first contact of the current phase (antenatal, or postpartum once delivered) whose window was still open when
 * she came into care (registration, or delivery) and closed without a visit since her last one: she is overdue.
 * A contact whose window closed before registration (a late registration) is not counted.
 */
export function missedSinceInCare(
  s: MaternalScheduleStatus,
  preg: Pick<PregnancyRow, 'status' | 'registered_on' | 'delivered_on'>,
  visits: MaternalVisitRecord[],
): MaternalContactStatus | null {
  const postpartum = preg.status === 'postpartum';
  const dates = visits
    .filter((v) => typeof v !== 'string' && (postpartum ? v.kind !== 'antenatal' : v.kind === 'antenatal'))
    .map((v) => (typeof v === 'string' ? v : v.date))
    .sort();
  const last = dates.at(-1) ?? null;
  const since = postpartum ? (preg.delivered_on ?? preg.registered_on) : preg.registered_on;
  return (
    s.contacts.find(
      (c) =>
        c.status === 'missed' &&
        (postpartum ? c.kind !== 'antenatal' : c.kind === 'antenatal') &&
        c.effectiveEnd >= since &&
        (!last || c.effectiveEnd > last),
    ) ?? null
  );
}

/** Stores which schedule contact each antenatal visit fulfilled (after a visit or a schedule change). */
export async function saveContactIds(trx: Transaction<Database>, preg: PregnancyRow): Promise<void> {
  const { records } = await visitRecords(trx, preg);
  const s = scheduleOf(preg, records);
  const visits = await trx
    .selectFrom('anc_visit')
    .select(['id', 'visit_date', 'contact_id'])
    .where('county_code', '=', preg.county_code)
    .where('pregnancy_id', '=', preg.id)
    .orderBy('visit_date')
    .execute();
  const used = new Set<string>();
  for (const v of visits) {
    const c = s.contacts.find((x) => x.kind === 'antenatal' && x.visitDate === v.visit_date && !used.has(x.id));
    if (c) used.add(c.id);
    const id = c?.id ?? null;
    if (id !== v.contact_id)
      await trx
        .updateTable('anc_visit')
        .set({ contact_id: id })
        .where('county_code', '=', preg.county_code)
        .where('id', '=', v.id)
        .execute();
  }
}

/**
 * Recomputes the stored schedule fields of a pregnancy (next contact and its window, last visit, visit count) so
 * the worklist can find due and overdue women with an index, without computing every schedule.
 */
export async function refreshSchedule(trx: Transaction<Database>, preg: PregnancyRow): Promise<PregnancyRow> {
  const { records, ancDates, lastVisit } = await visitRecords(trx, preg);
  let next: MaternalContactStatus | null = null;
  let missed: MaternalContactStatus | null = null;
  if (preg.status !== 'closed') {
    const s = scheduleOf(preg, records);
    next = nextContactOf(s);
    missed = missedSinceInCare(s, preg, records);
  }
  const updated = await trx
    .updateTable('pregnancy')
    .set({
      next_contact: next?.id ?? null,
      next_due_on: next?.windowStart ?? null,
      next_due_end: next?.effectiveEnd ?? null,
      missed_contact: missed?.id ?? null,
      missed_end: missed?.effectiveEnd ?? null,
      last_visit_on: lastVisit,
      visit_count: ancDates.length,
    })
    .where('county_code', '=', preg.county_code)
    .where('id', '=', preg.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return updated;
}

/**
 * Closes a delivered pregnancy whose care is complete: the 42-day check is done and no high-risk case is open
 * (the case closes first, with its postpartum assessment). Returns the row (closed or not).
 */
export async function completeIfDone(
  trx: Transaction<Database>,
  audit: AuditWriter,
  ctx: AuthContext,
  preg: PregnancyRow,
): Promise<PregnancyRow> {
  if (preg.status !== 'postpartum') return preg;
  const check = await trx
    .selectFrom('postpartum_visit')
    .select('visit_date')
    .where('county_code', '=', preg.county_code)
    .where('pregnancy_id', '=', preg.id)
    .where('kind', '=', 'day42_check')
    .orderBy('visit_date', 'desc')
    .executeTakeFirst();
  if (!check) return preg;
  const openCase = await trx
    .selectFrom('high_risk_case')
    .select('id')
    .where('county_code', '=', preg.county_code)
    .where('pregnancy_id', '=', preg.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (openCase) return preg;
  const closed = await trx
    .updateTable('pregnancy')
    .set({
      status: 'closed',
      ended_on: check.visit_date,
      end_reason: 'postpartum_completed',
      next_contact: null,
      next_due_on: null,
      next_due_end: null,
      missed_contact: null,
      missed_end: null,
      next_appointment: null,
      version: preg.version + 1,
      updated_at: new Date(),
    })
    .where('county_code', '=', preg.county_code)
    .where('id', '=', preg.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit.write(trx, ctx, {
    action: 'pregnancy.complete',
    entityType: 'pregnancy',
    entityId: preg.id,
    personId: preg.person_id,
    countyCode: preg.county_code,
  });
  return closed;
}
