import {
  deliveryHospitalDuty,
  prePregnancyBmiCategory,
  recommendedWeightGainAt,
  computeBmi,
  type PrePregnancyBmiCategory,
} from '@fuyou/core';
import { withScope } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { redactReasons } from './case.service';
import { addDays, daysBetween, gaOf, gaText, institutionNames, num, today } from './maternal.common';
import { canSeePmtct } from './pmtct.common';
import { toPregnancyDto } from './pregnancy.service';
import { scheduleOf, visitRecords } from './schedule';

/** One event on the woman's timeline. */
export interface TimelineEvent {
  date: string;
  kind:
    | 'registration'
    | 'anc_visit'
    | 'assessment'
    | 'case_opened'
    | 'case_closed'
    | 'referral'
    | 'prenatal_screening'
    | 'delivery'
    | 'postpartum_visit'
    | 'pregnancy_end';
  zh: string;
  en: string;
  colour?: string;
  purple?: boolean;
  refId?: string;
}

/** An open duty of the pregnancy (with the next action the page offers). */
export interface OpenDuty {
  kind: string;
  zh: string;
  en: string;
  due: string | null;
  overdue: boolean;
  action:
    | 'visit'
    | 'assess'
    | 'acknowledge'
    | 'case_followup'
    | 'referral'
    | 'prenatal_diagnosis'
    | 'postpartum_visit'
    | 'delivery'
    | 'refer'
    | 'delivery_hospital'
    | 'pmtct_test';
  refId?: string;
}

const COLOUR_ZH: Record<string, string> = { green: '绿', yellow: '黄', orange: '橙', red: '红' };
const PMTCT_ZH: Record<string, string> = { hiv: '艾滋病', syphilis: '梅毒', hbv: '乙肝' };

/**
 * The woman's page: her pregnancies, and for one of them (the open one by default) a timeline of contacts, the
 * colour history as chips, the weight-gain chart against the recommended band (WS/T 801-2022 via core), blood
 * pressure and Hb series, the schedule, and the open duties.
 */
export function createPageService(deps: ModuleDeps) {
  const { db, audit, people } = deps;

  return {
    async womanPage(ctx: AuthContext, personId: string, pregnancyId?: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
        if (!person) throw errors.notFound('人员档案', 'person');
        const pregnancies = await trx
          .selectFrom('pregnancy')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', personId)
          .orderBy('registered_on', 'desc')
          .execute();
        const names = await institutionNames(
          trx,
          pregnancies.flatMap((p) => [p.registering_institution_id, p.managing_institution_id]),
        );
        const chosen = pregnancyId
          ? pregnancies.find((p) => p.id === pregnancyId)
          : (pregnancies.find((p) => p.status !== 'closed') ?? pregnancies[0]);
        if (pregnancyId && !chosen) throw errors.notFound('孕产妇保健册', 'pregnancy');
        await audit.read(trx, ctx, {
          action: 'maternal.woman.read',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        const base = {
          woman: people.toDto(person),
          pregnancies: pregnancies.map((p) => toPregnancyDto(p, person, names)),
        };
        if (!chosen) return { ...base, current: null };
        const t = today();
        const k = { c: chosen.county_code, id: chosen.id };
        const [visits, pp, assessments, cases, referrals, screenings, delivery, tested] = await Promise.all([
          trx
            .selectFrom('anc_visit')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .orderBy('visit_date')
            .execute(),
          trx
            .selectFrom('postpartum_visit')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .orderBy('visit_date')
            .execute(),
          trx
            .selectFrom('risk_assessment')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .orderBy('seq')
            .execute(),
          trx
            .selectFrom('high_risk_case')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .orderBy('opened_on')
            .execute(),
          trx
            .selectFrom('maternal_referral')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .orderBy('referred_on')
            .execute(),
          trx
            .selectFrom('prenatal_screening')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .orderBy('screened_on')
            .execute(),
          trx
            .selectFrom('delivery')
            .selectAll()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .executeTakeFirst(),
          // which of the three were tested (plain column; the results stay encrypted and restricted)
          trx
            .selectFrom('pmtct_test')
            .select('infection')
            .distinct()
            .where('county_code', '=', k.c)
            .where('pregnancy_id', '=', k.id)
            .execute(),
        ]);
        const reports = cases.length
          ? await trx
              .selectFrom('high_risk_report')
              .selectAll()
              .where('county_code', '=', k.c)
              .where(
                'case_id',
                'in',
                cases.map((c) => c.id),
              )
              .where('acknowledged_at', 'is', null)
              .execute()
          : [];
        const { records } = await visitRecords(trx, chosen);
        const schedule = scheduleOf(chosen, records, t);

        // timeline
        const timeline: TimelineEvent[] = [
          {
            date: chosen.registered_on,
            kind: 'registration' as const,
            zh: `建册（孕${gaText(chosen.ga_at_registration_days)}周）`,
            en: `Registered at ${gaText(chosen.ga_at_registration_days)}`,
          },
          ...visits.map((v) => ({
            date: v.visit_date,
            kind: 'anc_visit' as const,
            zh: `产前检查（孕${gaText(v.ga_days)}周）`,
            en: `Antenatal visit at ${gaText(v.ga_days)}`,
            refId: v.id,
          })),
          ...assessments.map((a) => ({
            date: a.assessed_on,
            kind: 'assessment' as const,
            zh: `风险评估：${COLOUR_ZH[a.colour]}色${a.purple ? '+紫色' : ''}${a.overridden ? '（调整）' : ''}`,
            en: `Risk assessment: ${a.colour}${a.purple ? ' + purple' : ''}`,
            colour: a.colour,
            purple: a.purple,
            refId: a.id,
          })),
          ...cases.flatMap((c) => [
            {
              date: c.opened_on,
              kind: 'case_opened' as const,
              zh: '纳入高危专案管理',
              en: 'High-risk case opened',
              colour: c.colour,
              purple: c.purple,
              refId: c.id,
            },
            ...(c.closed_on
              ? [
                  {
                    date: c.closed_on,
                    kind: 'case_closed' as const,
                    zh: '高危专案结案',
                    en: 'High-risk case closed',
                    refId: c.id,
                  },
                ]
              : []),
          ]),
          ...referrals.map((r) => ({
            date: r.referred_on,
            kind: 'referral' as const,
            zh: `转诊：${r.reason}`,
            en: `Referral: ${r.reason}`,
            refId: r.id,
          })),
          ...screenings.map((s) => ({
            date: s.screened_on,
            kind: 'prenatal_screening' as const,
            zh: '产前筛查',
            en: 'Prenatal screening',
            refId: s.id,
          })),
          ...(delivery
            ? [
                {
                  date: delivery.delivery_date,
                  kind: 'delivery' as const,
                  zh: `分娩（孕${gaText(delivery.ga_days)}周）`,
                  en: `Delivery at ${gaText(delivery.ga_days)}`,
                  refId: delivery.id,
                },
              ]
            : []),
          ...pp.map((v) => ({
            date: v.visit_date,
            kind: 'postpartum_visit' as const,
            zh: v.kind === 'day42_check' ? '产后42天检查' : v.kind === 'home_visit' ? '产后访视' : '产后随访',
            en: v.kind === 'day42_check' ? '42-day check' : 'Postpartum visit',
            refId: v.id,
          })),
          ...(chosen.ended_on
            ? [{ date: chosen.ended_on, kind: 'pregnancy_end' as const, zh: '结案', en: 'Closed' }]
            : []),
        ].sort((a, b) => a.date.localeCompare(b.date));

        // weight gain against the recommended band, BP and Hb series
        const height = num(chosen.height_cm);
        const pre = num(chosen.pre_pregnancy_weight_kg);
        const bmi = computeBmi(height ?? undefined, pre ?? undefined);
        const category: PrePregnancyBmiCategory | undefined = bmi !== null ? prePregnancyBmiCategory(bmi) : undefined;
        const band: Array<{ week: number; minKg: number; maxKg: number }> = [];
        if (category)
          for (let week = 0; week <= 40; week++) {
            const r = recommendedWeightGainAt(category, gaOf(week * 7));
            if (r.ok) band.push({ week, minKg: r.value.minKg, maxKg: r.value.maxKg });
          }
        const weightPoints = visits
          .filter((v) => v.weight_kg !== null && pre !== null)
          .map((v) => ({
            date: v.visit_date,
            weeks: Math.round((v.ga_days / 7) * 10) / 10,
            gainKg: Math.round((Number(v.weight_kg) - pre!) * 10) / 10,
          }));
        const bp = visits
          .filter((v) => v.systolic_mmhg !== null)
          .map((v) => ({
            date: v.visit_date,
            weeks: Math.round((v.ga_days / 7) * 10) / 10,
            systolic: v.systolic_mmhg,
            diastolic: v.diastolic_mmhg,
          }));
        const hb = visits
          .filter((v) => typeof (v.labs as { hbGL?: number }).hbGL === 'number')
          .map((v) => ({
            date: v.visit_date,
            weeks: Math.round((v.ga_days / 7) * 10) / 10,
            hbGL: (v.labs as { hbGL: number }).hbGL,
          }));

        // open duties
        const dto = toPregnancyDto(chosen, person, names, t);
        const duties: OpenDuty[] = [];
        if (chosen.status !== 'closed') {
          if (chosen.next_contact && chosen.next_due_on) {
            const postpartum = chosen.status === 'postpartum';
            const c = schedule.contacts.find((x) => x.id === chosen.next_contact);
            duties.push({
              kind: 'contact',
              zh: c?.label.zh ?? chosen.next_contact,
              en: c?.label.en ?? chosen.next_contact,
              due: chosen.next_due_end,
              overdue: !!chosen.next_due_end && chosen.next_due_end < t,
              action: postpartum ? 'postpartum_visit' : 'visit',
            });
          }
          if (chosen.status === 'antenatal' && chosen.risk_colour === null)
            duties.push({
              kind: 'unassessed',
              zh: '进行妊娠风险评估',
              en: 'Do the risk assessment',
              due: null,
              overdue: false,
              action: 'assess',
            });
          if (chosen.status === 'antenatal' && chosen.screen_referral_due)
            duties.push({
              kind: 'screen_referral',
              zh: '妊娠风险筛查阳性：转二级以上医院评估',
              en: 'Screen positive: refer for assessment at a level-2+ hospital',
              due: chosen.screen_referral_due,
              overdue: chosen.screen_referral_due < t,
              action: 'refer',
            });
          for (const c of cases.filter((x) => x.status === 'open' && !x.delivery_hospital_id)) {
            const d = chosen.status === 'antenatal' ? deliveryHospitalDuty({ edd: chosen.edd }, t, false) : null;
            if (d?.ok && d.value.status !== 'not_yet')
              duties.push({
                kind: 'delivery_hospital',
                zh: '高危专案：确定分娩医院（孕28–36周）',
                en: 'High-risk case: choose the delivery hospital (28–36 weeks)',
                due: d.value.windowEnd,
                overdue: d.value.status === 'overdue',
                action: 'delivery_hospital',
                refId: c.id,
              });
          }
          const untested = (['hiv', 'syphilis', 'hbv'] as const).filter((i) => !tested.some((x) => x.infection === i));
          if (chosen.status === 'antenatal' && untested.length)
            duties.push({
              kind: 'pmtct_untested',
              zh: `孕期尚未检测：${untested.map((i) => PMTCT_ZH[i]).join('、')}（尽早检测；临产仍未检测的，产时快速检测）`,
              en: `Not tested yet: ${untested.join(', ')} (test now; at labour use a rapid test)`,
              due: null,
              overdue: false,
              action: 'pmtct_test',
            });
          if (chosen.status === 'antenatal' && daysBetween(addDays(chosen.edd, -280), t) >= 37 * 7)
            duties.push({
              kind: 'delivery',
              zh: '孕37周以上：分娩后记录分娩',
              en: 'Term: record the delivery',
              due: chosen.edd,
              overdue: false,
              action: 'delivery',
            });
          for (const r of reports)
            duties.push({
              kind: 'report',
              zh: '高危报告待县妇幼保健院确认',
              en: 'High-risk report awaiting acknowledgement',
              due: r.due_at ? new Date(r.due_at).toISOString() : null,
              overdue: !!r.due_at && new Date(r.due_at) < new Date(),
              action: 'acknowledge',
              refId: r.id,
            });
          for (const c of cases.filter((x) => x.status === 'open' && x.next_follow_up_due))
            duties.push({
              kind: 'case_followup',
              zh: '高危专案随访',
              en: 'Case follow-up',
              due: c.next_follow_up_due,
              overdue: c.next_follow_up_due! < t,
              action: 'case_followup',
              refId: c.id,
            });
          for (const r of referrals.filter((x) => x.status !== 'returned'))
            duties.push({
              kind: 'referral',
              zh: r.status === 'sent' ? '转诊待接收' : '转诊待回执',
              en: r.status === 'sent' ? 'Referral to receive' : 'Referral outcome to return',
              due: r.status === 'sent' ? r.receive_due : r.outcome_due,
              overdue: (r.status === 'sent' ? r.receive_due : r.outcome_due) < t,
              action: 'referral',
              refId: r.id,
            });
          for (const s of screenings.filter((x) => x.follow_up === 'open'))
            duties.push({
              kind: 'prenatal',
              zh: '产前筛查高风险：产前诊断与咨询',
              en: 'Prenatal diagnosis and counselling',
              due: s.follow_up_due,
              overdue: !!s.follow_up_due && s.follow_up_due < t,
              action: 'prenatal_diagnosis',
              refId: s.id,
            });
        }
        return {
          ...base,
          current: {
            pregnancy: dto,
            schedule,
            timeline,
            colours: assessments.map((a) => ({
              seq: a.seq,
              date: a.assessed_on,
              stage: a.stage,
              colour: a.colour,
              purple: a.purple,
              overridden: a.overridden,
            })),
            cases: cases.map((c) => ({
              id: c.id,
              status: c.status,
              colour: c.colour,
              purple: c.purple,
              openedOn: c.opened_on,
              closedOn: c.closed_on,
              reasons: redactReasons(c.reasons as Array<{ colour: string; zh: string; code: string }>, ctx),
            })),
            charts: {
              weightGain: { category: category ?? null, bmi, band, points: weightPoints },
              bloodPressure: bp,
              hb,
            },
            duties,
            delivered: !!delivery,
            pmtctVisible: canSeePmtct(ctx),
          },
        };
      });
    },
  };
}
export type PageService = ReturnType<typeof createPageService>;
