import { sql, withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { addDays, today } from './child.common';
import { resealExposure } from './exposure.facts';
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
/** The job a corrected birth date queues (trigger on person, migration 0022): one child's rows recomputed. */
export const CHILD_WORKLIST_REFRESH_JOB = 'child.worklist.refresh';

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
  const { db, audit, jobs, crypto, answers } = deps;

  // the backfill of migration 0022: every active child's rows, computed with the same functions as at a write
  jobs.register(CHILD_WORKLIST_BACKFILL_JOB, async () => {
    let children = 0;
    const all = await sql<{ code: string }>`select code from region where level = 'county'`.execute(db);
    // the counties that have children (one scoped read over every county), then each county in batches of 500
    const counties = await withScope(db, { counties: all.rows.map((r) => r.code) }, (trx) =>
      sql<{ code: string }>`select distinct county_code as code from child_profile where status = 'active'
          order by 1`.execute(trx),
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
          for (const r of ids) await refreshChildWork(trx, crypto, code, r.person_id);
          after = ids.at(-1)?.person_id ?? after;
          return ids.length;
        });
        children += n;
        if (n < 500) break;
      }
    }
    return { children };
  });

  jobs.register(CHILD_WORKLIST_REFRESH_JOB, async (payload) => {
    const { countyCode, personId } = payload as { countyCode: string; personId: string };
    await withScope(db, { counties: [countyCode] }, async (trx) => {
      // a corrected birth date or time also re-times the exposed infant's doses (its timely-dose facts)
      await resealExposure(trx, crypto, countyCode, personId);
      await refreshChildWork(trx, crypto, countyCode, personId);
    });
    return { personId };
  });

  return {
    async list(ctx: AuthContext, f: WorklistFilter) {
      const t = today();
      const pmtct = ctx.permissions.has('pmtct');
      const value = await answers.list(
        'child',
        ctx.counties,
        [t, pmtct, f.institutionId, f.township, f.kind, f.horizon ?? 7, f.page ?? 1, f.pageSize ?? 100],
        () => readList(ctx, f, t, pmtct),
      );
      await audit.readAnswered(ctx, {
        action: 'child.worklist',
        entityType: 'child_profile',
        details: { filter: f, results: value.total },
      });
      return value;
    },

    /** Recomputes one child's stored rows (for callers outside the child services' own writes). */
    async refreshInTx(trx: Transaction<Database>, countyCode: string, personId: string) {
      await refreshChildWork(trx, crypto, countyCode, personId);
    },
  };

  function readList(ctx: AuthContext, f: WorklistFilter, t: string, pmtct: boolean) {
    return withScope(db, ctx, async (trx) => {
      const until = addDays(t, f.horizon ?? 7);
      const now = nowWall();
      const pageSize = f.pageSize ?? 100;
      const page = f.page ?? 1;
      const counties = ctx.counties.length ? ctx.counties : ['000000'];
      const stored = f.kind !== 'exposure_duty' || pmtct;

      // the stored duties on the list today: opened by today + the horizon, not yet ended, not replaced by an
      // appointment within the horizon (an index range on list_from, the rest read from the index)
      const work = sql`w.county_code in (${sql.join(counties)})
          and w.list_from <= ${until}::date
          and (w.list_until is null or w.list_until >= ${t}::date)
          and (w.appointment_on is null or w.appointment_on > ${until}::date)
          ${f.kind ? sql`and w.kind = ${f.kind}` : sql``}
          ${pmtct ? sql`` : sql`and w.kind <> 'exposure_duty'`}
          ${f.institutionId ? sql`and w.institution_id = ${f.institutionId}::uuid` : sql``}
          ${f.township ? sql`and w.township = ${f.township}` : sql``}`;

      // one statement, one pass over the index: the counts per kind and one page, overdue first then by due date
      // (the sort reads the index only; the labels and the names are read for the page's rows)
      const counts: Partial<Record<ChildWorkKind, number>> = {};
      let overdue = 0;
      let items: WorkItem[] = [];
      if (stored) {
        const rows = await sql<{
          counts: Record<string, number>;
          overdue_total: number;
          kind: ChildWorkKind | null;
          person_id: string;
          due: string | null;
          overdue: boolean;
          ref_id: string | null;
          what_zh: string;
          what_en: string;
          name: string;
          birth_date: string | null;
        }>`
            with listed as materialized (
              select w.county_code, w.person_id, w.kind, w.item, w.due_on as due,
                coalesce(w.overdue_at <= ${now}::timestamp, false) as overdue
              from child_work w where ${work}
            ),
            counts as (
              select coalesce(jsonb_object_agg(k.kind, k.n), '{}'::jsonb) as counts,
                coalesce(sum(k.o), 0)::int as overdue_total
              from (select kind, count(*)::int as n, count(*) filter (where overdue)::int as o
                from listed group by kind) k
            ),
            top as (
              select * from listed
              order by overdue desc, due asc nulls last, person_id, kind, item
              limit ${pageSize} offset ${(page - 1) * pageSize}
            )
            select c.counts, c.overdue_total, x.kind, x.person_id, x.due, x.overdue, x.ref_id, x.what_zh, x.what_en,
              x.name, x.birth_date
            from counts c
            left join (
              select top.*, w.ref_id, w.what_zh, w.what_en, p.name, p.birth_date
              from top
              join child_work w on w.county_code = top.county_code and w.person_id = top.person_id
                and w.kind = top.kind and w.item = top.item
              join person p on p.county_code = top.county_code and p.id = top.person_id
            ) x on true
            order by x.overdue desc, x.due asc nulls last, x.person_id, x.kind, x.item`.execute(trx);
        const first = rows.rows[0];
        for (const [k, n] of Object.entries(first?.counts ?? {})) counts[k as ChildWorkKind] = Number(n);
        overdue = Number(first?.overdue_total ?? 0);
        items = rows.rows
          .filter((r) => r.kind !== null)
          .map((r) => ({
            kind: r.kind!,
            personId: r.person_id,
            childName: r.name,
            birthDate: r.birth_date,
            what: r.what_zh,
            whatEn: r.what_en,
            due: r.due,
            overdue: !!r.overdue,
            ...(r.ref_id ? { refId: r.ref_id } : {}),
          }));
      }
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return { today: t, items, total, overdue, counts, page, pageSize };
    });
  }
}
export type ChildWorklistService = ReturnType<typeof createWorklistService>;
