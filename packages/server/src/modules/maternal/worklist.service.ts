import { contactLabel, gestationalAgeToDays, NATIONAL_HIGH_RISK_DUTIES_2017 } from '@fuyou/core';
import { sql, withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { addDays, daysBetween, gaText, iso, today } from './maternal.common';
import { canSeePmtct } from './pmtct.common';

/** Kinds of work on the maternal worklist. */
export const WORK_KINDS = [
  'visit_due',
  'visit_overdue',
  'postpartum_due',
  'postpartum_overdue',
  'unassessed',
  'screen_referral',
  'report_due',
  'case_followup',
  'delivery_hospital',
  'referral_not_received',
  'referral_outcome',
  'prenatal_followup',
  'pmtct_action',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** One thing to do. */
export interface MaternalWorkItem {
  kind: WorkKind;
  pregnancyId: string;
  personId: string;
  womanName: string;
  gestationalAge: string | null;
  riskColour: string | null;
  riskPurple: boolean;
  what: string;
  whatEn: string;
  due: string | null;
  overdue: boolean;
  refId?: string;
}

/** Filters of the worklist. */
export interface MaternalWorklistFilter {
  institutionId?: string | undefined;
  township?: string | undefined;
  kind?: WorkKind | undefined;
  /** Days ahead counted as "this week" (default 7). */
  horizon?: number | undefined;
  /** Items per kind (default 100). */
  limit?: number | undefined;
}

/**
 * The worklist as answered: the day it is for, the count of every kind listed, how many of all listed duties are
 * overdue (every one, not only those on the page), the page of each kind.
 */
export interface MaternalWorklist {
  today: string;
  counts: Partial<Record<WorkKind, number>>;
  overdue: number;
  items: MaternalWorkItem[];
}

/**
 * One listed row of a kind's page: its kind's number and its place in the kind's order, the pregnancy's current
 * columns, the woman's name and the kind's own fields (a reference, its date, a report's deadline and colour).
 */
export interface WorkPageRow {
  k: number;
  n: number;
  pregnancy_id: string;
  person_id: string;
  edd: string;
  status: string;
  risk_colour: string | null;
  risk_purple: boolean;
  next_contact: string | null;
  next_due_on: string | null;
  next_due_end: string | null;
  missed_contact: string | null;
  missed_end: string | null;
  next_appointment: string | null;
  registered_on: string;
  ref_id: string | null;
  day: string | null;
  due_at: Date | string | null;
  rep_colour: string | null;
  woman_name: string;
}

const CONTACT_ZH: Record<string, [string, string]> = {
  anc1: ['第1次产前检查（孕13周前）', '1st antenatal check (<13 weeks)'],
  anc2: ['第2次产前检查（孕16–20周）', '2nd antenatal check (16–20 weeks)'],
  anc3: ['第3次产前检查（孕21–24周）', '3rd antenatal check (21–24 weeks)'],
  anc4: ['第4次产前检查（孕28–36周）', '4th antenatal check (28–36 weeks)'],
  anc5: ['第5次产前检查（孕37–40周）', '5th antenatal check (37–40 weeks)'],
  home_visit: ['产后访视（出院后1周内）', 'Postpartum home visit (within 1 week)'],
  day42_check: ['产后42天健康检查', '42-day postpartum check'],
};

/** What to do for a contact id of any schedule (the national ones with their windows; others by their label). */
function contactWhat(id: string | null | undefined, fallback: [string, string]): [string, string] {
  if (!id) return fallback;
  const known = CONTACT_ZH[id];
  if (known) return known;
  const l = contactLabel(id);
  return l ? [l.zh, l.en] : fallback;
}

const DAY_MS = 86_400_000;
/** Days from the LMP to the start (28+0) and end (36+6) of the window in which a case's delivery hospital is fixed. */
export const HOSPITAL_FROM_DAYS = gestationalAgeToDays(NATIONAL_HIGH_RISK_DUTIES_2017.deliveryHospitalWindow.from);
const HOSPITAL_BY_DAYS = gestationalAgeToDays(NATIONAL_HIGH_RISK_DUTIES_2017.deliveryHospitalWindow.to);

/** The kinds a user is shown with the filter (PMTCT actions to the pmtct permission only), in the list's order. */
export function listedKinds(ctx: AuthContext, f: MaternalWorklistFilter): WorkKind[] {
  return WORK_KINDS.filter((k) => (!f.kind || f.kind === k) && (k !== 'pmtct_action' || canSeePmtct(ctx)));
}

/**
 * The worklist from a kind's pages and the counts: each row made an item (its label, due date and overdue flag as
 * of day `t` and instant `now`), the items overdue first, then by due date (each kind's order kept within ties).
 * `overdue` is the number of all listed duties that are overdue; without it, the overdue items of the pages.
 */
export function worklistOf(
  t: string,
  now: Date,
  kinds: readonly WorkKind[],
  counted: Partial<Record<WorkKind, number>>,
  pageRows: readonly WorkPageRow[],
  overdue?: number,
): MaternalWorklist {
  const counts: Partial<Record<WorkKind, number>> = {};
  for (const k of kinds) counts[k] = Number(counted[k] ?? 0);
  const rows = [...pageRows].sort((a, b) => a.k - b.k || a.n - b.n);
  const byDate = (edd: string) =>
    new Date(Date.parse(`${edd}T00:00:00Z`) - (280 - HOSPITAL_BY_DAYS) * DAY_MS).toISOString().slice(0, 10);
  const items = rows.map((r): MaternalWorkItem => {
    const kind = WORK_KINDS[r.k]!;
    const item = (what: [string, string], due: string | null, overdue: boolean): MaternalWorkItem => {
      const ga = r.status === 'antenatal' ? daysBetween(r.edd, t) + 280 : null;
      return {
        kind,
        pregnancyId: r.pregnancy_id,
        personId: r.person_id,
        womanName: r.woman_name,
        gestationalAge: ga !== null && ga >= 0 ? gaText(ga) : null,
        riskColour: r.risk_colour,
        riskPurple: r.risk_purple,
        what: what[0],
        whatEn: what[1],
        due,
        overdue,
        ...(r.ref_id ? { refId: r.ref_id } : {}),
      };
    };
    switch (kind) {
      case 'visit_due':
        return item(contactWhat(r.next_contact, ['产前检查', 'Antenatal check']), r.next_due_end, false);
      case 'visit_overdue': {
        const contact = r.missed_contact ?? (r.next_due_end && r.next_due_end < t ? r.next_contact : null);
        return item(
          contact ? contactWhat(contact, ['产前检查', 'Antenatal check']) : ['预约产检未到', 'Missed appointment'],
          r.missed_end ?? (r.next_due_end && r.next_due_end < t ? r.next_due_end : r.next_appointment),
          true,
        );
      }
      case 'postpartum_due':
        return item(contactWhat(r.next_contact, ['产后访视', 'Postpartum visit']), r.next_due_end, false);
      case 'postpartum_overdue':
        return item(
          contactWhat(r.missed_contact ?? r.next_contact ?? '', ['产后访视', 'Postpartum visit']),
          r.missed_end ?? r.next_due_end,
          true,
        );
      case 'unassessed':
        return item(
          ['尚未进行妊娠风险评估', 'Not yet risk-assessed'],
          r.registered_on,
          daysBetween(r.registered_on, t) > 14,
        );
      case 'screen_referral':
        return item(
          ['筛查阳性：转二级以上医院评估', 'Screen positive: refer for assessment'],
          r.day,
          !!r.day && r.day < t,
        );
      case 'report_due':
        return item(
          [
            `高危报告待确认（${r.rep_colour === 'red' ? '红色' : r.rep_colour === 'orange' ? '橙色' : '紫色'}）`,
            `High-risk report to acknowledge (${r.rep_colour})`,
          ],
          iso(r.due_at),
          !!r.due_at && new Date(r.due_at) < now,
        );
      case 'case_followup':
        return item(['高危专案随访', 'High-risk case follow-up'], r.day, !!r.day && r.day < t);
      case 'delivery_hospital':
        return item(
          ['确定分娩医院（孕28–36周）', 'Choose the delivery hospital (28–36 weeks)'],
          byDate(r.edd),
          byDate(r.edd) < t,
        );
      case 'referral_not_received':
        return item(['转诊未按时接收', 'Referral not received in time'], r.day, true);
      case 'referral_outcome':
        return item(['转诊结果未按时回执', 'Referral result not returned in time'], r.day, true);
      case 'prenatal_followup':
        return item(['产前筛查高风险待诊断', 'Prenatal screening follow-up'], r.day, !!r.day && r.day < t);
      case 'pmtct_action':
        return item(['母婴阻断治疗待落实', 'PMTCT treatment to start'], r.day, !!r.day && r.day < t);
    }
  });
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return { today: t, counts, overdue: overdue ?? items.filter((i) => i.overdue).length, items };
}

/**
 * Whether a stored duty (row `w` of maternal_work) is overdue on day `t` at instant `now`: the rule of
 * {@link worklistOf}'s items in SQL, so the count of overdue duties covers every listed duty, not only the page's
 * (worklist-stored.int.test.ts checks the two agree on every day, horizon and filter).
 */
function lateOf(t: string, now: Date) {
  return sql<boolean>`(case w.kind
    when 'visit_overdue' then true when 'postpartum_overdue' then true
    when 'referral_not_received' then true when 'referral_outcome' then true
    when 'unassessed' then w.registered_on < ${t}::date - 14
    when 'report_due' then coalesce(w.due_at < ${now.toISOString()}::timestamptz, false)
    when 'delivery_hospital' then w.edd - ${280 - HOSPITAL_BY_DAYS}::int < ${t}::date
    when 'screen_referral' then coalesce(w.day < ${t}::date, false)
    when 'case_followup' then coalesce(w.day < ${t}::date, false)
    when 'prenatal_followup' then coalesce(w.day < ${t}::date, false)
    when 'pmtct_action' then coalesce(w.day < ${t}::date, false)
    else false end)`;
}

/**
 * The worklist of day `t` (instant `now`) read from the stored duties (table maternal_work, migration 0014): one
 * statement, one pass over an index range on list_from (the county's, the institution's or the township's index)
 * gives the counts per kind and the first `limit` rows of each kind in its order, with the pregnancy's columns
 * each row carries; the women's names are read for the page's rows only.
 */
export async function storedWorklist(
  trx: Transaction<Database>,
  ctx: AuthContext,
  f: MaternalWorklistFilter,
  t: string,
  now: Date,
): Promise<MaternalWorklist> {
  const until = addDays(t, f.horizon ?? 7);
  const limit = f.limit ?? 100;
  const counties = ctx.counties.length ? ctx.counties : ['000000'];
  const kinds = listedKinds(ctx, f);
  if (!kinds.length) return worklistOf(t, now, kinds, {}, []);
  const kindNo = sql.raw(`case w.kind ${kinds.map((k) => `when '${k}' then ${WORK_KINDS.indexOf(k)}`).join(' ')} end`);
  const rows = await sql<WorkPageRow & { counts: Record<string, number>; overdue_total: number }>`
    with listed as materialized (
      select w.county_code, w.pregnancy_id, w.person_id, ${kindNo} as k,
        row_number() over (partition by w.kind
          order by w.sort_on asc nulls last, w.due_at asc nulls last, w.pregnancy_id, w.item)::int as n,
        w.edd, w.status, w.risk_colour, w.risk_purple, w.next_contact, w.next_due_on, w.next_due_end,
        w.missed_contact, w.missed_end, w.next_appointment, w.registered_on, w.ref_id, w.day, w.due_at,
        w.rep_colour, w.kind, ${lateOf(t, now)} as late
      from maternal_work w
      where w.county_code in (${sql.join(counties)})
        and w.list_from <= ${until}::date
        and (not w.from_today or w.list_from <= ${t}::date)
        and (w.list_until is null or w.list_until >= ${t}::date)
        and w.kind in (${sql.join(kinds)})
        ${f.institutionId ? sql`and w.institution_id = ${f.institutionId}::uuid` : sql``}
        ${f.township ? sql`and w.township = ${f.township}` : sql``}
    ),
    counts as (
      select coalesce(jsonb_object_agg(c.kind, c.n), '{}'::jsonb) as counts, coalesce(sum(c.late), 0)::int as late
      from (select kind, count(*)::int as n, count(*) filter (where late)::int as late from listed group by kind) c
    )
    select c.counts, c.late as overdue_total, x.* from counts c
    left join (
      select l.k, l.n, l.pregnancy_id, l.person_id, l.edd, l.status, l.risk_colour, l.risk_purple, l.next_contact,
        l.next_due_on, l.next_due_end, l.missed_contact, l.missed_end, l.next_appointment, l.registered_on,
        l.ref_id::text as ref_id, l.day, l.due_at, l.rep_colour,
        -- one index probe per listed row (a join would read the county's women to hash them)
        (select p.name from person p where p.county_code = l.county_code and p.id = l.person_id) as woman_name
      from listed l
      where l.n <= ${limit}
    ) x on true`.execute(trx);
  const counted = (rows.rows[0]?.counts ?? {}) as Partial<Record<WorkKind, number>>;
  return worklistOf(
    t,
    now,
    kinds,
    counted,
    rows.rows.filter((r) => r.k !== null),
    Number(rows.rows[0]?.overdue_total ?? 0),
  );
}

/**
 * The clinic's daily maternal worklist: antenatal contacts due this week and overdue, postpartum contacts due and
 * overdue, unassessed pregnancies, high-risk reports waiting, case follow-ups, referrals not received in time,
 * prenatal-diagnosis follow-ups, PMTCT actions (pmtct permission only); filter by institution and township; counts.
 *
 * Every open duty is a stored row of maternal_work, kept by the database in the transaction of every write of
 * the records it is read from (migration 0014), so the list is one statement over an index range (issue #3: p95
 * under 100 ms for a county of 10,000 open pregnancies): nothing is computed per woman, and no 13-branch
 * statement is planned at every request.
 */
export function createWorklistService(deps: ModuleDeps) {
  const { db, audit, answers } = deps;

  return {
    async worklist(ctx: AuthContext, f: MaternalWorklistFilter): Promise<MaternalWorklist> {
      const t = today();
      const list = await answers.list(
        'maternal',
        ctx.counties,
        [t, canSeePmtct(ctx), f.institutionId, f.township, f.kind, f.horizon ?? 7, f.limit ?? 100],
        () => withScope(db, ctx, (trx) => storedWorklist(trx, ctx, f, t, new Date())),
      );
      await audit.readAnswered(ctx, {
        action: 'maternal.worklist',
        entityType: 'pregnancy',
        details: { filter: f, counts: list.counts },
      });
      return list;
    },
  };
}
export type WorklistService = ReturnType<typeof createWorklistService>;
