import { contactLabel, gestationalAgeToDays, NATIONAL_HIGH_RISK_DUTIES_2017 } from '@fuyou/core';
import { sql, withScope, type RawBuilder, type SelectQueryBuilder } from '@fuyou/db';
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
const HOSPITAL_FROM_DAYS = gestationalAgeToDays(NATIONAL_HIGH_RISK_DUTIES_2017.deliveryHospitalWindow.from);
const HOSPITAL_BY_DAYS = gestationalAgeToDays(NATIONAL_HIGH_RISK_DUTIES_2017.deliveryHospitalWindow.to);

/**
 * The clinic's daily maternal worklist: antenatal contacts due this week and overdue, postpartum contacts due and
 * overdue, unassessed pregnancies, high-risk reports waiting, case follow-ups, referrals not received in time,
 * prenatal-diagnosis follow-ups, PMTCT actions (pmtct permission only); filter by institution and township; counts.
 * Every query reads stored due dates through partial indexes on open rows (no schedule is computed per woman).
 *
 * Two statements answer it (issue #3: p95 under 100 ms for a county of 10,000 open pregnancies): the counts of the
 * kinds read from the pregnancy alone in ONE pass over the open pregnancies (`count(*) filter (where …)`), and the
 * pages of all kinds as one `UNION ALL` of limited branches, each in its index order, the kinds of the joined tables
 * counted on their branch (`count(*) over ()`, before the limit). A kind's count and its page share one condition.
 */
export function createWorklistService(deps: ModuleDeps) {
  const { db, audit } = deps;

  return {
    async worklist(ctx: AuthContext, f: MaternalWorklistFilter) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        const until = addDays(t, f.horizon ?? 7);
        const limit = f.limit ?? 100;
        const counties = ctx.counties.length ? ctx.counties : ['000000'];
        const kinds = WORK_KINDS.filter((k) => (!f.kind || f.kind === k) && (k !== 'pmtct_action' || canSeePmtct(ctx)));

        /** Open pregnancies in scope with the filters. */
        const base = () => {
          let q = trx
            .selectFrom('pregnancy as g')
            .where('g.county_code', 'in', counties)
            .where('g.status', '<>', 'closed');
          if (f.institutionId) q = q.where('g.managing_institution_id', '=', f.institutionId);
          // counts need no join to the woman: the township is a semi-join, the name is joined to the listed rows only
          if (f.township)
            q = q.where((eb) =>
              eb.exists(
                eb
                  .selectFrom('person as t')
                  .select('t.id')
                  .whereRef('t.county_code', '=', 'g.county_code')
                  .whereRef('t.id', '=', 'g.person_id')
                  .where('t.residence_region_code', 'like', `${f.township}%`),
              ),
            );
          return q;
        };

        // ------------------------------------------------ the conditions of the kinds read from the pregnancy alone
        const onPregnancy: Partial<Record<WorkKind, RawBuilder<boolean>>> = {
          // antenatal contacts due this week (window open, or opening within the horizon), and overdue ones
          visit_due: sql`g.status = 'antenatal' and g.next_due_on <= ${until} and g.next_due_end >= ${t}`,
          visit_overdue: sql`g.status = 'antenatal' and (g.next_due_end < ${t} or g.missed_end is not null
            or (g.next_appointment < ${t} and (g.last_visit_on is null or g.last_visit_on < g.next_appointment)))`,
          postpartum_due: sql`g.status = 'postpartum' and g.next_due_on <= ${until} and g.next_due_end >= ${t}`,
          postpartum_overdue: sql`g.status = 'postpartum' and (g.next_due_end < ${t} or g.missed_end is not null)`,
          unassessed: sql`g.status = 'antenatal' and g.risk_colour is null`,
          // screen-positive at a primary institution, not yet referred for assessment (within 2 weeks); listed from
          // the day it arises: the referral is to be made now, the date is its deadline
          screen_referral: sql`g.status = 'antenatal' and g.screen_referral_due is not null`,
        };
        const pregnancyQ = (k: WorkKind) => base().where(onPregnancy[k]!);

        // ------------------------------------------------ the kinds of the joined tables
        // high-risk reports waiting for the supervisor's acknowledgement
        const reportQ = () =>
          base()
            .innerJoin('high_risk_report as r', (j) => j.onRef('r.county_code', '=', 'g.county_code'))
            .innerJoin('high_risk_case as c', (j) =>
              j
                .onRef('c.county_code', '=', 'r.county_code')
                .onRef('c.id', '=', 'r.case_id')
                .onRef('c.pregnancy_id', '=', 'g.id'),
            )
            .where('c.status', '=', 'open')
            .where('r.acknowledged_at', 'is', null);
        const caseQ = () =>
          base()
            .innerJoin('high_risk_case as c', (j) =>
              j.onRef('c.county_code', '=', 'g.county_code').onRef('c.pregnancy_id', '=', 'g.id'),
            )
            .where('c.status', '=', 'open');
        const followupQ = () => caseQ().where('c.next_follow_up_due', '<=', until);
        // open cases of antenatal women from 28 weeks (within the horizon) without a delivery hospital
        const hospitalQ = () =>
          caseQ()
            .where('c.delivery_hospital_id', 'is', null)
            .where('g.status', '=', 'antenatal')
            .where(sql<string>`g.edd - ${280 - HOSPITAL_FROM_DAYS}::int`, '<=', until);
        const referralQ = () =>
          base().innerJoin('maternal_referral as m', (j) =>
            j.onRef('m.county_code', '=', 'g.county_code').onRef('m.pregnancy_id', '=', 'g.id'),
          );
        const notReceivedQ = () => referralQ().where('m.status', '=', 'sent').where('m.receive_due', '<', t);
        // received by the assessing hospital, its result not returned in time (followed until it returns)
        const outcomeQ = () => referralQ().where('m.status', '=', 'received').where('m.outcome_due', '<', t);
        const prenatalQ = () =>
          base()
            .innerJoin('prenatal_screening as s', (j) =>
              j.onRef('s.county_code', '=', 'g.county_code').onRef('s.pregnancy_id', '=', 'g.id'),
            )
            .where('s.follow_up', '=', 'open')
            .where('s.follow_up_due', '<=', until);
        const pmtctQ = () =>
          base()
            .innerJoin('pmtct_record as x', (j) =>
              j.onRef('x.county_code', '=', 'g.county_code').onRef('x.pregnancy_id', '=', 'g.id'),
            )
            .where('x.closed', '=', false)
            .where('x.next_action_due', '<=', until);

        // ------------------------------------------------ the counts of the pregnancy kinds: one pass
        const passKinds = kinds.filter((k) => onPregnancy[k]);
        const countsQ = passKinds.length
          ? base().select(passKinds.map((k) => sql<number>`(count(*) filter (where ${onPregnancy[k]!}))::int`.as(k)))
          : null;

        // ------------------------------------------------ the pages: one UNION ALL
        const cols = [
          'g.id as pregnancy_id',
          'g.county_code as county_code',
          'g.person_id as person_id',
          'g.edd as edd',
          'g.status as status',
          'g.risk_colour as risk_colour',
          'g.risk_purple as risk_purple',
          'g.next_contact as next_contact',
          'g.next_due_on as next_due_on',
          'g.next_due_end as next_due_end',
          'g.missed_contact as missed_contact',
          'g.missed_end as missed_end',
          'g.next_appointment as next_appointment',
          'g.registered_on as registered_on',
        ] as const;
        /** The columns every branch adds: the kind's number, its reference, its date, a report's deadline and colour. */
        const extra = (k: WorkKind, o: { ref?: string; day?: string; dueAt?: string; colour?: string } = {}) =>
          [
            sql<number>`${sql.lit(WORK_KINDS.indexOf(k))}::int`.as('k'),
            (o.ref ? sql<string | null>`${sql.ref(o.ref)}::text` : sql<string | null>`null::text`).as('ref_id'),
            (o.day ? sql<string | null>`${sql.ref(o.day)}` : sql<string | null>`null::date`).as('day'),
            (o.dueAt
              ? sql<Date | string | null>`${sql.ref(o.dueAt)}`
              : sql<Date | string | null>`null::timestamptz`
            ).as('due_at'),
            (o.colour ? sql<string | null>`${sql.ref(o.colour)}` : sql<string | null>`null::text`).as('rep_colour'),
            // the kinds of the joined tables are counted on their page: every matching row, before the limit
            (onPregnancy[k] ? sql<number | null>`null::int` : sql<number | null>`(count(*) over ())::int`).as('total'),
          ] as const;
        // each branch keeps its index order and limit inside; row_number() over () numbers the rows in that order
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any branch's tables; only its row type matters
        const branch = <O>(q: SelectQueryBuilder<any, any, O>) =>
          trx
            .selectFrom(q.as('b'))
            .selectAll()
            .select(sql<number>`(row_number() over ())::int`.as('n'));
        const pageOf = (k: WorkKind) => {
          switch (k) {
            case 'visit_due':
            case 'postpartum_due':
              return branch(
                pregnancyQ(k)
                  .select([...cols, ...extra(k)])
                  .orderBy('g.next_due_on')
                  .limit(limit),
              );
            case 'visit_overdue':
            case 'postpartum_overdue':
              return branch(
                pregnancyQ(k)
                  .select([...cols, ...extra(k)])
                  .orderBy('g.next_due_end')
                  .limit(limit),
              );
            case 'unassessed':
              return branch(
                pregnancyQ(k)
                  .select([...cols, ...extra(k)])
                  .orderBy('g.registered_on')
                  .limit(limit),
              );
            case 'screen_referral':
              return branch(
                pregnancyQ(k)
                  .select([...cols, ...extra(k, { day: 'g.screen_referral_due' })])
                  .orderBy('g.screen_referral_due')
                  .limit(limit),
              );
            case 'report_due':
              return branch(
                reportQ()
                  .select([...cols, ...extra(k, { ref: 'r.id', dueAt: 'r.due_at', colour: 'r.colour' })])
                  .orderBy(sql`r.due_at asc nulls last`)
                  .limit(limit),
              );
            case 'case_followup':
              return branch(
                followupQ()
                  .select([...cols, ...extra(k, { ref: 'c.id', day: 'c.next_follow_up_due' })])
                  .orderBy('c.next_follow_up_due')
                  .limit(limit),
              );
            case 'delivery_hospital':
              return branch(
                hospitalQ()
                  .select([...cols, ...extra(k, { ref: 'c.id' })])
                  .orderBy('g.edd')
                  .limit(limit),
              );
            case 'referral_not_received':
              return branch(
                notReceivedQ()
                  .select([...cols, ...extra(k, { ref: 'm.id', day: 'm.receive_due' })])
                  .orderBy('m.receive_due')
                  .limit(limit),
              );
            case 'referral_outcome':
              return branch(
                outcomeQ()
                  .select([...cols, ...extra(k, { ref: 'm.id', day: 'm.outcome_due' })])
                  .orderBy('m.outcome_due')
                  .limit(limit),
              );
            case 'prenatal_followup':
              return branch(
                prenatalQ()
                  .select([...cols, ...extra(k, { ref: 's.id', day: 's.follow_up_due' })])
                  .orderBy('s.follow_up_due')
                  .limit(limit),
              );
            case 'pmtct_action':
              return branch(
                pmtctQ()
                  .select([...cols, ...extra(k, { day: 'x.next_action_due' })])
                  .orderBy('x.next_action_due')
                  .limit(limit),
              );
          }
        };
        const branches = kinds.map(pageOf);
        // the woman's name is joined to the listed rows only (at most `limit` per kind), after every branch's limit
        const pagesQ = branches.length
          ? trx
              .selectFrom(
                branches
                  .slice(1)
                  .reduce((a, b) => a.unionAll(b), branches[0]!)
                  .as('u'),
              )
              .innerJoin('person as p', (j) =>
                j.onRef('p.county_code', '=', 'u.county_code').onRef('p.id', '=', 'u.person_id'),
              )
              .selectAll('u')
              .select('p.name as woman_name')
              .orderBy('u.k')
              .orderBy('u.n')
          : null;

        const [countRow, rows] = await Promise.all([
          countsQ ? (countsQ.executeTakeFirstOrThrow() as Promise<Record<string, number | null>>) : null,
          pagesQ ? pagesQ.execute() : [],
        ]);
        const totals = new Map<WorkKind, number>();
        for (const r of rows) if (r.total !== null) totals.set(WORK_KINDS[r.k]!, r.total);
        const counts: Partial<Record<WorkKind, number>> = {};
        for (const k of kinds) counts[k] = Number((onPregnancy[k] ? countRow?.[k] : totals.get(k)) ?? 0);

        const now = new Date();
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
                contact
                  ? contactWhat(contact, ['产前检查', 'Antenatal check'])
                  : ['预约产检未到', 'Missed appointment'],
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
        await audit.write(trx, ctx, {
          action: 'maternal.worklist',
          entityType: 'pregnancy',
          details: { filter: f, counts },
        });
        items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
        return { today: t, counts, items };
      });
    },
  };
}
export type WorklistService = ReturnType<typeof createWorklistService>;
