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
        const want = (k: WorkKind) => !f.kind || f.kind === k;

        /** Open pregnancies in scope with the filters, joined to the woman. */
        const base = (tx: Transaction<Database>) => {
          let q = tx
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
        const cols = [
          'g.id as pregnancy_id',
          'g.person_id as person_id',
          'p.name as woman_name',
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
        type Row = {
          pregnancy_id: string;
          person_id: string;
          woman_name: string;
          edd: string;
          status: string;
          risk_colour: string | null;
          risk_purple: boolean;
        };
        const item = (
          r: Row,
          kind: WorkKind,
          what: [string, string],
          due: string | null,
          overdue: boolean,
          refId?: string,
        ): MaternalWorkItem => {
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
            ...(refId ? { refId } : {}),
          };
        };
        const items: MaternalWorkItem[] = [];
        const counts: Partial<Record<WorkKind, number>> = {};
        const run = async <R>(
          kind: WorkKind,
          q: { execute(): Promise<R[]> },
          count: () => Promise<number>,
          map: (r: R) => MaternalWorkItem,
        ) => {
          if (!want(kind)) return;
          const [rows, n] = await Promise.all([q.execute(), count()]);
          counts[kind] = n;
          items.push(...rows.map(map));
        };
        const n = async (q: { select: unknown }) => {
          const r = await (q as ReturnType<typeof base>)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow();
          return Number(r.n);
        };

        // antenatal contacts due this week (window open, or opening within the horizon), and overdue ones
        const dueQ = base(trx)
          .where('g.status', '=', 'antenatal')
          .where('g.next_due_on', '<=', until)
          .where('g.next_due_end', '>=', t);
        await run(
          'visit_due',
          dueQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols])
            .orderBy('g.next_due_on')
            .limit(limit),
          () => n(dueQ),
          (r) =>
            item(r, 'visit_due', contactWhat(r.next_contact, ['产前检查', 'Antenatal check']), r.next_due_end, false),
        );
        const overQ = base(trx)
          .where('g.status', '=', 'antenatal')
          .where((eb) =>
            eb.or([
              eb('g.next_due_end', '<', t),
              eb('g.missed_end', 'is not', null),
              eb.and([
                eb('g.next_appointment', '<', t),
                eb.or([eb('g.last_visit_on', 'is', null), eb('g.last_visit_on', '<', eb.ref('g.next_appointment'))]),
              ]),
            ]),
          );
        await run(
          'visit_overdue',
          overQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols])
            .orderBy('g.next_due_end')
            .limit(limit),
          () => n(overQ),
          (r) => {
            const contact = r.missed_contact ?? (r.next_due_end && r.next_due_end < t ? r.next_contact : null);
            return item(
              r,
              'visit_overdue',
              contact ? contactWhat(contact, ['产前检查', 'Antenatal check']) : ['预约产检未到', 'Missed appointment'],
              r.missed_end ?? (r.next_due_end && r.next_due_end < t ? r.next_due_end : r.next_appointment),
              true,
            );
          },
        );
        const ppDueQ = base(trx)
          .where('g.status', '=', 'postpartum')
          .where('g.next_due_on', '<=', until)
          .where('g.next_due_end', '>=', t);
        await run(
          'postpartum_due',
          ppDueQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols])
            .orderBy('g.next_due_on')
            .limit(limit),
          () => n(ppDueQ),
          (r) =>
            item(
              r,
              'postpartum_due',
              contactWhat(r.next_contact, ['产后访视', 'Postpartum visit']),
              r.next_due_end,
              false,
            ),
        );
        const ppOverQ = base(trx)
          .where('g.status', '=', 'postpartum')
          .where((eb) => eb.or([eb('g.next_due_end', '<', t), eb('g.missed_end', 'is not', null)]));
        await run(
          'postpartum_overdue',
          ppOverQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols])
            .orderBy('g.next_due_end')
            .limit(limit),
          () => n(ppOverQ),
          (r) => {
            const contact = r.missed_contact ?? r.next_contact ?? '';
            return item(
              r,
              'postpartum_overdue',
              contactWhat(contact, ['产后访视', 'Postpartum visit']),
              r.missed_end ?? r.next_due_end,
              true,
            );
          },
        );
        const unQ = base(trx).where('g.status', '=', 'antenatal').where('g.risk_colour', 'is', null);
        await run(
          'unassessed',
          unQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols])
            .orderBy('g.registered_on')
            .limit(limit),
          () => n(unQ),
          (r) =>
            item(
              r,
              'unassessed',
              ['尚未进行妊娠风险评估', 'Not yet risk-assessed'],
              r.registered_on,
              daysBetween(r.registered_on, t) > 14,
            ),
        );

        // screen-positive at a primary institution, not yet referred for assessment (within 2 weeks)
        const srQ = base(trx)
          .where('g.status', '=', 'antenatal')
          // listed from the day it arises: the referral is to be made now, the date is its deadline
          .where('g.screen_referral_due', 'is not', null);
        await run(
          'screen_referral',
          srQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 'g.screen_referral_due as sr_due'])
            .orderBy('g.screen_referral_due')
            .limit(limit),
          () => n(srQ),
          (r) =>
            item(
              r,
              'screen_referral',
              ['筛查阳性：转二级以上医院评估', 'Screen positive: refer for assessment'],
              r.sr_due,
              !!r.sr_due && r.sr_due < t,
            ),
        );

        // high-risk reports waiting for the supervisor's acknowledgement
        const repQ = base(trx)
          .innerJoin('high_risk_report as r', (j) => j.onRef('r.county_code', '=', 'g.county_code'))
          .innerJoin('high_risk_case as c', (j) =>
            j
              .onRef('c.county_code', '=', 'r.county_code')
              .onRef('c.id', '=', 'r.case_id')
              .onRef('c.pregnancy_id', '=', 'g.id'),
          )
          .where('c.status', '=', 'open')
          .where('r.acknowledged_at', 'is', null);
        const now = new Date();
        await run(
          'report_due',
          repQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 'r.id as ref_id', 'r.due_at as due_at', 'r.colour as rep_colour'])
            .orderBy(sql`r.due_at asc nulls last`)
            .limit(limit),
          () => n(repQ),
          (r) =>
            item(
              r,
              'report_due',
              [
                `高危报告待确认（${r.rep_colour === 'red' ? '红色' : r.rep_colour === 'orange' ? '橙色' : '紫色'}）`,
                `High-risk report to acknowledge (${r.rep_colour})`,
              ],
              iso(r.due_at),
              !!r.due_at && new Date(r.due_at) < now,
              r.ref_id,
            ),
        );
        const fuQ = base(trx)
          .innerJoin('high_risk_case as c', (j) =>
            j.onRef('c.county_code', '=', 'g.county_code').onRef('c.pregnancy_id', '=', 'g.id'),
          )
          .where('c.status', '=', 'open')
          .where('c.next_follow_up_due', '<=', until);
        await run(
          'case_followup',
          fuQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 'c.id as ref_id', 'c.next_follow_up_due as fu_due'])
            .orderBy('c.next_follow_up_due')
            .limit(limit),
          () => n(fuQ),
          (r) =>
            item(
              r,
              'case_followup',
              ['高危专案随访', 'High-risk case follow-up'],
              r.fu_due,
              !!r.fu_due && r.fu_due < t,
              r.ref_id,
            ),
        );
        // open cases of antenatal women from 28 weeks (within the horizon) without a delivery hospital
        const dhQ = base(trx)
          .innerJoin('high_risk_case as c', (j) =>
            j.onRef('c.county_code', '=', 'g.county_code').onRef('c.pregnancy_id', '=', 'g.id'),
          )
          .where('c.status', '=', 'open')
          .where('c.delivery_hospital_id', 'is', null)
          .where('g.status', '=', 'antenatal')
          .where(sql<string>`g.edd - ${280 - HOSPITAL_FROM_DAYS}::int`, '<=', until);
        const byDate = (edd: string) =>
          new Date(Date.parse(`${edd}T00:00:00Z`) - (280 - HOSPITAL_BY_DAYS) * DAY_MS).toISOString().slice(0, 10);
        await run(
          'delivery_hospital',
          dhQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 'c.id as ref_id'])
            .orderBy('g.edd')
            .limit(limit),
          () => n(dhQ),
          (r) =>
            item(
              r,
              'delivery_hospital',
              ['确定分娩医院（孕28–36周）', 'Choose the delivery hospital (28–36 weeks)'],
              byDate(r.edd),
              byDate(r.edd) < t,
              r.ref_id,
            ),
        );
        const refQ = base(trx)
          .innerJoin('maternal_referral as m', (j) =>
            j.onRef('m.county_code', '=', 'g.county_code').onRef('m.pregnancy_id', '=', 'g.id'),
          )
          .where('m.status', '=', 'sent')
          .where('m.receive_due', '<', t);
        await run(
          'referral_not_received',
          refQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 'm.id as ref_id', 'm.receive_due as rec_due'])
            .orderBy('m.receive_due')
            .limit(limit),
          () => n(refQ),
          (r) =>
            item(
              r,
              'referral_not_received',
              ['转诊未按时接收', 'Referral not received in time'],
              r.rec_due,
              true,
              r.ref_id,
            ),
        );
        // received by the assessing hospital, its result not returned in time (followed until it returns)
        const roQ = base(trx)
          .innerJoin('maternal_referral as m', (j) =>
            j.onRef('m.county_code', '=', 'g.county_code').onRef('m.pregnancy_id', '=', 'g.id'),
          )
          .where('m.status', '=', 'received')
          .where('m.outcome_due', '<', t);
        await run(
          'referral_outcome',
          roQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 'm.id as ref_id', 'm.outcome_due as out_due'])
            .orderBy('m.outcome_due')
            .limit(limit),
          () => n(roQ),
          (r) =>
            item(
              r,
              'referral_outcome',
              ['转诊结果未按时回执', 'Referral result not returned in time'],
              r.out_due,
              true,
              r.ref_id,
            ),
        );
        const pnQ = base(trx)
          .innerJoin('prenatal_screening as s', (j) =>
            j.onRef('s.county_code', '=', 'g.county_code').onRef('s.pregnancy_id', '=', 'g.id'),
          )
          .where('s.follow_up', '=', 'open')
          .where('s.follow_up_due', '<=', until);
        await run(
          'prenatal_followup',
          pnQ
            .innerJoin('person as p', (j) =>
              j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
            )
            .select([...cols, 's.id as ref_id', 's.follow_up_due as pn_due'])
            .orderBy('s.follow_up_due')
            .limit(limit),
          () => n(pnQ),
          (r) =>
            item(
              r,
              'prenatal_followup',
              ['产前筛查高风险待诊断', 'Prenatal screening follow-up'],
              r.pn_due,
              !!r.pn_due && r.pn_due < t,
              r.ref_id,
            ),
        );
        if (canSeePmtct(ctx)) {
          const pmQ = base(trx)
            .innerJoin('pmtct_record as x', (j) =>
              j.onRef('x.county_code', '=', 'g.county_code').onRef('x.pregnancy_id', '=', 'g.id'),
            )
            .where('x.closed', '=', false)
            .where('x.next_action_due', '<=', until);
          await run(
            'pmtct_action',
            pmQ
              .innerJoin('person as p', (j) =>
                j.onRef('p.county_code', '=', 'g.county_code').onRef('p.id', '=', 'g.person_id'),
              )
              .select([...cols, 'x.next_action_due as pm_due'])
              .orderBy('x.next_action_due')
              .limit(limit),
            () => n(pmQ),
            (r) =>
              item(
                r,
                'pmtct_action',
                ['母婴阻断治疗待落实', 'PMTCT treatment to start'],
                r.pm_due,
                !!r.pm_due && r.pm_due < t,
              ),
          );
        }
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
