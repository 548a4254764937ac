import { sql, withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { addDays, today } from './child.common';
import { refreshChildWork } from './worklist.refresh';

/** Kinds of work on the child-health worklist. */
export const CHILD_WORK_KINDS = [
  'profile_missing',
  'checkup_due',
  'hb_due',
  'case_followup',
  'case_proposed',
  'referral_receipt',
  'screening_step',
  'exposure_duty',
] as const;
export type ChildWorkKind = (typeof CHILD_WORK_KINDS)[number];

/** One thing to do for a child. */
export interface WorkItem {
  kind: ChildWorkKind;
  personId: string;
  childName: string;
  birthDate: string | null;
  what: string;
  whatEn: string;
  due: string | null;
  overdue: boolean;
  refId?: string;
}

/** Filters of the worklist. */
export interface WorklistFilter {
  institutionId?: string | undefined;
  township?: string | undefined;
  kind?: ChildWorkKind | undefined;
  /** Days ahead to include (default 7). */
  horizon?: number | undefined;
  /** 1-based page of the list, overdue first, then by due date (default 1). */
  page?: number | undefined;
  /** Items per page (default 100). */
  pageSize?: number | undefined;
}

/** The job that fills child_work for the children recorded before migration 0022. */
export const CHILD_WORKLIST_BACKFILL_JOB = 'child.worklist.backfill';

/** Now as China wall-clock time 'YYYY-MM-DD HH:MM' (the stored overdue instants are wall-clock). */
const nowWall = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The child-health worklist: check-ups due and overdue (the national schedule, or the appointment set at the last
 * check-up), Hb tests, case follow-ups and cases to confirm, referrals awaiting a receipt, screening steps,
 * exposed-infant duties (pmtct permission only), newborns without a record; filter by institution and township;
 * counts per kind and one page. Every pending duty is a stored row of child_work (written with the child's
 * records, see worklist.rows.ts), read by index range on list_from: nothing is computed per child here.
 */
export function createWorklistService(deps: ModuleDeps) {
  const { db, audit, jobs } = deps;

  // the backfill of migration 0022: every active child's rows, computed with the same functions as at a write
  jobs.register(CHILD_WORKLIST_BACKFILL_JOB, async () => {
    let children = 0;
    const counties = await sql<{ code: string }>`select code from region where level = 'county' order by code`.execute(
      db,
    );
    for (const { code } of counties.rows) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const n = await withScope(db, { counties: [code] }, async (trx) => {
          const ids = await trx
            .selectFrom('child_profile')
            .select('person_id')
            .where('county_code', '=', code)
            .where('status', '=', 'active')
            .where('person_id', '>', after)
            .orderBy('person_id')
            .limit(500)
            .execute();
          for (const r of ids) await refreshChildWork(trx, code, r.person_id);
          after = ids.at(-1)?.person_id ?? after;
          return ids.length;
        });
        children += n;
        if (n < 500) break;
      }
    }
    return { children };
  });

  return {
    async list(ctx: AuthContext, f: WorklistFilter) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        const until = addDays(t, f.horizon ?? 7);
        const now = nowWall();
        const pageSize = f.pageSize ?? 100;
        const page = f.page ?? 1;
        const counties = ctx.counties.length ? ctx.counties : ['000000'];
        const pmtct = ctx.permissions.has('pmtct');
        const want = (k: ChildWorkKind) => !f.kind || f.kind === k;
        const stored = !f.kind || (f.kind !== 'profile_missing' && (f.kind !== 'exposure_duty' || pmtct));

        // the stored duties on the list today: opened by today + the horizon, not yet ended, not replaced by an
        // appointment within the horizon (an index range on list_from, the rest read from the index)
        const work = sql`w.county_code in (${sql.join(counties)})
          and w.list_from <= ${until}::date
          and (w.list_until is null or w.list_until >= ${t}::date)
          and (w.appointment_on is null or w.appointment_on > ${until}::date)
          ${f.kind ? sql`and w.kind = ${f.kind}` : sql``}
          ${pmtct ? sql`` : sql`and w.kind <> 'exposure_duty'`}
          ${f.institutionId ? sql`and w.institution_id = ${f.institutionId}::uuid` : sql``}
          ${
            f.township
              ? sql`and exists (select 1 from person t where t.county_code = w.county_code and t.id = w.person_id
                  and t.residence_region_code like ${`${f.township}%`})`
              : sql``
          }`;
        // newborns born from a delivery (mother linked) in the last year whose child record was not opened yet
        const missing = sql`p.county_code in (${sql.join(counties)})
          and p.mother_id is not null and p.birth_date >= ${addDays(t, -366)}::date and p.deceased_on is null
          and not exists (select 1 from child_profile c where c.county_code = p.county_code and c.person_id = p.id)
          ${f.township ? sql`and p.residence_region_code like ${`${f.township}%`}` : sql``}
          ${f.institutionId ? sql`and p.created_institution_id = ${f.institutionId}::uuid` : sql``}`;

        const counts: Partial<Record<ChildWorkKind, number>> = {};
        let overdueTotal = 0;
        if (stored) {
          const r = await sql<{ kind: ChildWorkKind; n: number; overdue: number }>`
            select w.kind, count(*)::int as n, count(*) filter (where w.overdue_at <= ${now}::timestamp)::int as overdue
            from child_work w where ${work} group by w.kind`.execute(trx);
          for (const x of r.rows) {
            counts[x.kind] = Number(x.n);
            overdueTotal += Number(x.overdue);
          }
        }
        if (want('profile_missing')) {
          const r = await sql<{ n: number; overdue: number }>`
            select count(*)::int as n, count(*) filter (where p.birth_date + 7 < ${t}::date)::int as overdue
            from person p where ${missing}`.execute(trx);
          if (Number(r.rows[0]?.n)) counts.profile_missing = Number(r.rows[0]?.n);
          overdueTotal += Number(r.rows[0]?.overdue ?? 0);
        }
        const total = Object.values(counts).reduce((a, b) => a + b, 0);

        // one page, overdue first then by due date; the labels and names are read for the page's rows only
        const branches = [
          ...(stored
            ? [
                sql`select w.county_code, w.person_id, w.kind, w.item, w.due_on as due,
                  coalesce(w.overdue_at <= ${now}::timestamp, false) as overdue
                  from child_work w where ${work}`,
              ]
            : []),
          ...(want('profile_missing')
            ? [
                sql`select p.county_code, p.id as person_id, 'profile_missing' as kind, '' as item,
                  p.birth_date + 7 as due, p.birth_date + 7 < ${t}::date as overdue
                  from person p where ${missing}`,
              ]
            : []),
        ];
        let items: WorkItem[] = [];
        if (branches.length && total > 0) {
          const rows = await sql<{
            kind: ChildWorkKind;
            person_id: string;
            due: string | null;
            overdue: boolean;
            ref_id: string | null;
            what_zh: string | null;
            what_en: string | null;
            name: string;
            birth_date: string | null;
          }>`
            with top as (
              ${sql.join(branches, sql` union all `)}
              order by overdue desc, due asc nulls last, person_id, kind, item
              limit ${pageSize} offset ${(page - 1) * pageSize}
            )
            select top.kind, top.person_id, top.due, top.overdue, w.ref_id, w.what_zh, w.what_en, p.name, p.birth_date
            from top
            join person p on p.county_code = top.county_code and p.id = top.person_id
            left join child_work w on w.county_code = top.county_code and w.person_id = top.person_id
              and w.kind = top.kind and w.item = top.item
            order by top.overdue desc, top.due asc nulls last, top.person_id, top.kind, top.item`.execute(trx);
          items = rows.rows.map((r) => ({
            kind: r.kind,
            personId: r.person_id,
            childName: r.name,
            birthDate: r.birth_date,
            what: r.kind === 'profile_missing' ? '新生儿未建儿童保健档案' : (r.what_zh ?? ''),
            whatEn: r.kind === 'profile_missing' ? 'Newborn without a child-health record' : (r.what_en ?? ''),
            due: r.due,
            overdue: !!r.overdue,
            ...(r.ref_id ? { refId: r.ref_id } : {}),
          }));
        }
        await audit.write(trx, ctx, {
          action: 'child.worklist',
          entityType: 'child_profile',
          details: { filter: f, results: total },
        });
        return { today: t, items, total, overdue: overdueTotal, counts, page, pageSize };
      });
    },

    /** Recomputes one child's stored rows (for callers outside the child services' own writes). */
    async refreshInTx(trx: Transaction<Database>, countyCode: string, personId: string) {
      await refreshChildWork(trx, countyCode, personId);
    },
  };
}
export type ChildWorklistService = ReturnType<typeof createWorklistService>;
