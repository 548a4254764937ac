import { sql, type Database, type RawBuilder, type SelectQueryBuilder, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { addDays } from './maternal.common';
import {
  HOSPITAL_FROM_DAYS,
  listedKinds,
  WORK_KINDS,
  worklistOf,
  type MaternalWorklist,
  type MaternalWorklistFilter,
  type WorkKind,
  type WorkPageRow,
} from './worklist.service';

/**
 * The maternal worklist of day `t` computed from the live tables, as the service answered it before the stored
 * duties of migration 0014: the counts of the kinds read from the pregnancy alone in one pass, the pages of all
 * kinds as one UNION ALL of limited branches, each in its index order. Not used by the service: it is the
 * recomputation the stored rows are tested against (worklist-stored.int.test.ts), kept so that the stored list can
 * be proved identical to it for any population, day, horizon and filter.
 */
export async function liveWorklist(
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

  /** Open pregnancies in scope with the filters. */
  const base = () => {
    let q = trx.selectFrom('pregnancy as g').where('g.county_code', 'in', counties).where('g.status', '<>', 'closed');
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
      (o.dueAt ? sql<Date | string | null>`${sql.ref(o.dueAt)}` : sql<Date | string | null>`null::timestamptz`).as(
        'due_at',
      ),
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
  const counted: Partial<Record<WorkKind, number>> = {};
  for (const k of kinds) counted[k] = Number((onPregnancy[k] ? countRow?.[k] : totals.get(k)) ?? 0);
  return worklistOf(t, now, kinds, counted, rows as unknown as WorkPageRow[]);
}
