import { sql, withScope } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { addDays, today } from './child.common';
import { exposurePlan } from './exposure.service';
import { childSchedule } from './child.rules';

/** One thing to do for a child. */
export interface WorkItem {
  kind:
    | 'profile_missing'
    | 'checkup_due'
    | 'case_followup'
    | 'case_proposed'
    | 'referral_receipt'
    | 'screening_step'
    | 'exposure_duty';
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
  kind?: WorkItem['kind'] | undefined;
  /** Days ahead to include (default 7). */
  horizon?: number | undefined;
}

const CASE_ZH: Record<string, [string, string]> = {
  anaemia: ['贫血', 'anaemia'],
  undernutrition: ['营养不良', 'undernutrition'],
  overweight_obesity: ['超重/肥胖', 'overweight/obesity'],
  rickets: ['佝偻病', 'rickets'],
  high_risk_infant: ['高危儿', 'high-risk infant'],
  preterm: ['早产儿', 'preterm'],
};
const SCREEN_ZH: Record<string, [string, string]> = {
  metabolic: ['遗传代谢病筛查', 'metabolic screening'],
  hearing: ['听力筛查', 'hearing screening'],
  heart: ['先心病筛查', 'CHD screening'],
};

/** The child-health worklist: check-ups due/overdue, case follow-ups, screening steps, exposed-infant duties. */
export function createWorklistService(deps: ModuleDeps) {
  const { db, audit } = deps;
  return {
    async list(ctx: AuthContext, f: WorklistFilter) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        const until = addDays(t, f.horizon ?? 7);
        const children = trx
          .selectFrom('child_profile as c')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          )
          .where('c.status', '=', 'active')
          .$if(!!f.institutionId, (q) => q.where('c.managing_institution_id', '=', f.institutionId!))
          .$if(!!f.township, (q) => q.where('p.residence_region_code', 'like', `${f.township}%`));
        const items: WorkItem[] = [];
        const want = (k: WorkItem['kind']) => !f.kind || f.kind === k;

        if (want('profile_missing')) {
          // children born from a delivery (mother linked) in the last year whose child record was not opened yet
          const rows = await trx
            .selectFrom('person as p')
            .select(['p.id', 'p.name', 'p.birth_date'])
            .where('p.mother_id', 'is not', null)
            .where('p.birth_date', '>=', addDays(t, -366))
            .where('p.deceased_on', 'is', null)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('child_profile as c')
                    .select('c.person_id')
                    .whereRef('c.county_code', '=', 'p.county_code')
                    .whereRef('c.person_id', '=', 'p.id'),
                ),
              ),
            )
            .$if(!!f.township, (q) => q.where('p.residence_region_code', 'like', `${f.township}%`))
            .$if(!!f.institutionId, (q) => q.where('p.created_institution_id', '=', f.institutionId!))
            .execute();
          for (const r of rows)
            items.push({
              kind: 'profile_missing',
              personId: r.id,
              childName: r.name,
              birthDate: r.birth_date,
              what: '新生儿未建儿童保健档案',
              whatEn: 'Newborn without a child-health record',
              due: r.birth_date ? addDays(r.birth_date, 7) : null,
              overdue: !!r.birth_date && addDays(r.birth_date, 7) < t,
            });
        }

        if (want('case_followup') || want('case_proposed')) {
          const rows = await children
            .innerJoin('child_case as k', (j) =>
              j.onRef('k.county_code', '=', 'c.county_code').onRef('k.person_id', '=', 'c.person_id'),
            )
            .select([
              'p.id',
              'p.name',
              'p.birth_date',
              'k.id as case_id',
              'k.kind',
              'k.status',
              'k.next_follow_up_due',
              'k.proposed_on',
            ])
            .where((eb) =>
              eb.or([
                eb('k.status', '=', 'proposed'),
                eb.and([eb('k.status', '=', 'open'), eb('k.next_follow_up_due', '<=', until)]),
              ]),
            )
            .execute();
          for (const r of rows) {
            const [zh, en] = CASE_ZH[r.kind] ?? [r.kind, r.kind];
            if (r.status === 'proposed' && want('case_proposed'))
              items.push({
                kind: 'case_proposed',
                personId: r.id,
                childName: r.name,
                birthDate: r.birth_date,
                what: `待确认专案：${zh}`,
                whatEn: `Case to confirm: ${en}`,
                due: r.proposed_on,
                overdue: false,
                refId: r.case_id,
              });
            if (r.status === 'open' && want('case_followup'))
              items.push({
                kind: 'case_followup',
                personId: r.id,
                childName: r.name,
                birthDate: r.birth_date,
                what: `专案随访：${zh}`,
                whatEn: `Case follow-up: ${en}`,
                due: r.next_follow_up_due,
                overdue: !!r.next_follow_up_due && r.next_follow_up_due < t,
                refId: r.case_id,
              });
          }
        }

        if (want('referral_receipt')) {
          const rows = await children
            .innerJoin('child_referral as r', (j) =>
              j.onRef('r.county_code', '=', 'c.county_code').onRef('r.person_id', '=', 'c.person_id'),
            )
            .select(['p.id', 'p.name', 'p.birth_date', 'r.id as ref_id', 'r.referred_on', 'r.reason'])
            .where('r.status', '=', 'sent')
            .execute();
          for (const r of rows)
            items.push({
              kind: 'referral_receipt',
              personId: r.id,
              childName: r.name,
              birthDate: r.birth_date,
              what: `转诊待回执：${r.reason}`,
              whatEn: `Referral awaiting receipt: ${r.reason}`,
              due: addDays(r.referred_on, 14),
              overdue: addDays(r.referred_on, 14) < t,
              refId: r.ref_id,
            });
        }

        if (want('checkup_due')) {
          // the appointment set at the last check-up, when no later check-up exists
          const rows = await children
            .select([
              'p.id',
              'p.name',
              'p.birth_date',
              sql<
                string | null
              >`(select k.next_appointment from child_checkup k where k.county_code = c.county_code and k.person_id = c.person_id order by k.visit_date desc, k.created_at desc limit 1)`.as(
                'next_appointment',
              ),
            ])
            .execute();
          for (const r of rows)
            if (r.next_appointment && r.next_appointment <= until)
              items.push({
                kind: 'checkup_due',
                personId: r.id,
                childName: r.name,
                birthDate: r.birth_date,
                what: '预约健康检查',
                whatEn: 'Check-up appointment',
                due: r.next_appointment,
                overdue: r.next_appointment < t,
              });
          // the national schedule (core), where available
          const full = await children.selectAll('c').select(['p.name as child_name']).selectAll('p').execute();
          // one query for all visits of these children (no query per child)
          const visits = await children
            .innerJoin('child_checkup as k', (j) =>
              j.onRef('k.county_code', '=', 'c.county_code').onRef('k.person_id', '=', 'c.person_id'),
            )
            .select(['k.person_id', 'k.visit_date', 'k.contact_key', 'k.kind'])
            .execute();
          const byPerson = new Map<string, typeof visits>();
          for (const v of visits) byPerson.set(v.person_id, [...(byPerson.get(v.person_id) ?? []), v]);
          const hasAppointment = new Set(items.filter((i) => i.kind === 'checkup_due').map((i) => i.personId));
          for (const r of full) {
            const schedule = childSchedule({
              person: r as never,
              profile: r as never,
              visits: byPerson.get(r.person_id) ?? [],
              today: t,
            });
            if (hasAppointment.has(r.person_id)) continue;
            // the latest contact whose window has opened: due while open, overdue once missed with no later visit
            const current = [...(schedule ?? [])].reverse().find((x) => x.windowStart !== null && x.windowStart <= t);
            const lastVisit = (byPerson.get(r.person_id) ?? []).reduce(
              (m, v) => (v.visit_date > m ? v.visit_date : m),
              '',
            );
            if (!current || current.status === 'done') continue;
            if (current.status === 'missed' && lastVisit >= (current.windowEnd ?? '')) continue;
            items.push({
              kind: 'checkup_due',
              personId: r.person_id,
              childName: r.child_name,
              birthDate: r.birth_date,
              what: `健康检查：${current.zh}`,
              whatEn: `Check-up: ${current.en}`,
              due: current.windowEnd,
              overdue: current.status === 'missed',
            });
          }
        }

        if (want('screening_step')) {
          const rows = await children
            .innerJoin('newborn_screening as s', (j) =>
              j.onRef('s.county_code', '=', 'c.county_code').onRef('s.person_id', '=', 'c.person_id'),
            )
            .select(['p.id', 'p.name', 'p.birth_date', 's.id as sid', 's.kind', 's.next_step', 's.next_due'])
            .where('s.closed', '=', false)
            .where('s.next_due', '<=', until)
            .execute();
          for (const r of rows) {
            const [zh, en] = SCREEN_ZH[r.kind] ?? [r.kind, r.kind];
            items.push({
              kind: 'screening_step',
              personId: r.id,
              childName: r.name,
              birthDate: r.birth_date,
              what: `${zh}：${r.next_step ?? ''}`,
              whatEn: `${en}: ${r.next_step ?? ''}`,
              due: r.next_due,
              overdue: !!r.next_due && r.next_due < t,
              refId: r.sid,
            });
          }
        }

        if (want('exposure_duty') && ctx.permissions.has('pmtct')) {
          const rows = await children
            .innerJoin('exposed_infant as e', (j) =>
              j.onRef('e.county_code', '=', 'c.county_code').onRef('e.person_id', '=', 'c.person_id'),
            )
            .selectAll('e')
            .select(['p.name as child_name'])
            .selectAll('p')
            .where('e.closed', '=', false)
            .where('e.next_due', '<=', until)
            .execute();
          for (const r of rows) {
            const plan = exposurePlan(r as never, r as never);
            for (const d of plan.duties.filter((x) => x.state === 'due' || x.state === 'overdue'))
              items.push({
                kind: 'exposure_duty',
                personId: r.person_id,
                childName: r.child_name,
                birthDate: r.birth_date,
                what: d.zh,
                whatEn: d.en,
                due: d.dueDate ?? d.dueBy?.slice(0, 10) ?? null,
                overdue: d.state === 'overdue',
              });
          }
        }

        items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '').localeCompare(b.due ?? ''));
        const counts: Record<string, number> = {};
        for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
        await audit.write(trx, ctx, {
          action: 'child.worklist',
          entityType: 'child_profile',
          details: { results: items.length },
        });
        return { items: items.slice(0, 500), total: items.length, counts };
      });
    },
  };
}
