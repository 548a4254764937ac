import { randomUUID } from 'node:crypto';
import {
  assessGestationalWeightGain,
  classifyHypertensiveDisorder,
  classifyPregnancyBloodPressure,
  diagnoseGdmByOgtt,
  gradePregnancyAnaemia,
  scoreEpds,
} from '@fuyou/core';
import { withScope, type AncVisitTable, type Database, type Selectable, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type { CaseService } from './case.service';
import {
  checkInstitution,
  gaDaysAt,
  gaOf,
  gaText,
  institutionNames,
  iso,
  json,
  loadPregnancy,
  num,
  today,
  type PregnancyRow,
} from './maternal.common';
import type { AncVisitInput, AncVisitUpdateInput, Labs } from './maternal.schemas';
import type { AssessmentOutcome, RiskService } from './risk.service';
import { refreshSchedule, saveContactIds, scheduleOf, visitRecords } from './schedule';

type VisitRow = Selectable<AncVisitTable>;

/** Special-disease results computed at save (M4). */
export interface SpecialResults {
  gdm?: ReturnType<typeof diagnoseGdmByOgtt>;
  anaemia?: { grade: string; anaemic: boolean; moderateOrSevere: boolean; label: { zh: string; en: string } };
  bloodPressure?: string;
  hypertension?: ReturnType<typeof classifyHypertensiveDisorder>;
  weightGain?: {
    bmi: number;
    category: string;
    gainKg: number;
    status: string;
    recommended: { minKg: number; maxKg: number; totalMinKg: number; totalMaxKg: number };
  };
  epds?: { total: number; positive: boolean; urgent: boolean; cutOff: number };
}

/** An antenatal visit as the API returns it. */
export interface AncVisitDto {
  id: string;
  pregnancyId: string;
  personId: string;
  visitDate: string;
  gestationalAge: string;
  gaDays: number;
  contactId: string | null;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  weightKg: number | null;
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  fundalHeightCm: number | null;
  abdominalCircumferenceCm: number | null;
  fetalHeartRates: number[];
  presentation: string | null;
  oedema: string | null;
  labs: Labs;
  ultrasound: string | null;
  findings: string | null;
  advice: string | null;
  referralId: string | null;
  nextAppointment: string | null;
  epdsScores: number[] | null;
  epdsAction: string | null;
  special: SpecialResults;
  riskAssessmentId: string | null;
  version: number;
  createdAt: string | null;
}

function toDto(r: VisitRow, names: Map<string, string>): AncVisitDto {
  return {
    id: r.id,
    pregnancyId: r.pregnancy_id,
    personId: r.person_id,
    visitDate: r.visit_date,
    gestationalAge: gaText(r.ga_days) ?? '',
    gaDays: r.ga_days,
    contactId: r.contact_id,
    institutionId: r.institution_id,
    institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
    examiner: r.examiner,
    weightKg: num(r.weight_kg),
    systolicMmHg: r.systolic_mmhg,
    diastolicMmHg: r.diastolic_mmhg,
    fundalHeightCm: num(r.fundal_height_cm),
    abdominalCircumferenceCm: num(r.abdominal_circumference_cm),
    fetalHeartRates: r.fetal_heart_rates,
    presentation: r.presentation,
    oedema: r.oedema,
    labs: r.labs as Labs,
    ultrasound: r.ultrasound,
    findings: r.findings,
    advice: r.advice,
    referralId: r.referral_id,
    nextAppointment: r.next_appointment,
    epdsScores: r.epds_scores,
    epdsAction: r.epds_action,
    special: r.special as SpecialResults,
    riskAssessmentId: r.risk_assessment_id,
    version: r.version,
    createdAt: iso(r.created_at),
  };
}

const PROTEINURIA = new Set(['1+', '2+', '3+', '4+']);

/** Antenatal visits (产前检查) with special-disease results computed at save, and the pregnancy's schedule. */
export function createVisitService(deps: ModuleDeps, cases: CaseService, risk: RiskService) {
  const { db, audit } = deps;

  /** The special-disease results of a visit (GDM by OGTT, anaemia grade, hypertension, weight gain, EPDS). */
  async function special(
    trx: Transaction<Database>,
    preg: PregnancyRow,
    v: {
      visit_date: string;
      ga_days: number;
      weight_kg: number | null;
      systolic_mmhg: number | null;
      diastolic_mmhg: number | null;
      labs: Labs;
      epds_scores: number[] | null;
      id: string;
    },
    hyp: AncVisitInput['hypertension'],
  ): Promise<SpecialResults> {
    const out: SpecialResults = {};
    const ga = gaOf(v.ga_days);
    const o = v.labs.ogtt;
    if (o && (o.fastingMmolL !== undefined || o.oneHourMmolL !== undefined || o.twoHourMmolL !== undefined)) {
      out.gdm = diagnoseGdmByOgtt({ ...o, gestationalAge: ga });
    }
    if (v.labs.hbGL !== undefined) {
      const a = gradePregnancyAnaemia(v.labs.hbGL);
      if (a.ok)
        out.anaemia = {
          grade: a.value.grade,
          anaemic: a.value.anaemic,
          moderateOrSevere: a.value.moderateOrSevere,
          label: a.value.label,
        };
    }
    if (v.systolic_mmhg !== null && v.diastolic_mmhg !== null) {
      const reading = { systolicMmHg: v.systolic_mmhg, diastolicMmHg: v.diastolic_mmhg };
      out.bloodPressure = classifyPregnancyBloodPressure(reading);
      // onset: the first visit of this pregnancy with a raised reading (this one included)
      const earlier = await trx
        .selectFrom('anc_visit')
        .select(['ga_days', 'systolic_mmhg', 'diastolic_mmhg'])
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .where('visit_date', '<=', v.visit_date)
        .where('id', '<>', v.id)
        .orderBy('visit_date')
        .execute();
      const raised = [
        ...earlier,
        { ga_days: v.ga_days, systolic_mmhg: v.systolic_mmhg, diastolic_mmhg: v.diastolic_mmhg },
      ].find(
        (e) =>
          e.systolic_mmhg !== null &&
          e.diastolic_mmhg !== null &&
          classifyPregnancyBloodPressure({ systolicMmHg: e.systolic_mmhg, diastolicMmHg: e.diastolic_mmhg }) !==
            'normal',
      );
      out.hypertension = classifyHypertensiveDisorder({
        ...reading,
        ...(raised ? { onsetGestationalAge: gaOf(raised.ga_days) } : {}),
        currentGestationalAge: ga,
        ...(hyp?.beforePregnancy !== undefined ? { hypertensionBeforePregnancy: hyp.beforePregnancy } : {}),
        proteinuria:
          hyp?.proteinuria ?? (v.labs.urineProtein ? PROTEINURIA.has(v.labs.urineProtein) : undefined) ?? false,
        ...(hyp?.severeFeatures !== undefined ? { severeFeatures: hyp.severeFeatures } : {}),
        ...(hyp?.seizures !== undefined ? { seizures: hyp.seizures } : {}),
      });
    }
    const height = num(preg.height_cm);
    const pre = num(preg.pre_pregnancy_weight_kg);
    if (v.weight_kg !== null && height !== null && pre !== null) {
      const g = assessGestationalWeightGain({
        heightCm: height,
        prePregnancyWeightKg: pre,
        currentWeightKg: v.weight_kg,
        gestationalAge: ga,
      });
      if (g.ok)
        out.weightGain = {
          bmi: g.value.bmi,
          category: g.value.category,
          gainKg: g.value.gainKg,
          status: g.value.status,
          recommended: {
            minKg: g.value.recommended.minKg,
            maxKg: g.value.recommended.maxKg,
            totalMinKg: g.value.recommended.totalMinKg,
            totalMaxKg: g.value.recommended.totalMaxKg,
          },
        };
    }
    if (v.epds_scores) {
      const e = scoreEpds(v.epds_scores);
      if (e.ok)
        out.epds = { total: e.value.total, positive: e.value.positive, urgent: e.value.urgent, cutOff: e.value.cutOff };
    }
    return out;
  }

  /** A positive EPDS (item 10 positive: urgent) needs its intervention or a referral recorded. */
  function checkEpds(input: { epdsScores?: number[] | undefined; epdsAction?: string | undefined }, referred: boolean) {
    if (!input.epdsScores) return;
    const e = scoreEpds(input.epdsScores);
    if (!e.ok) throw errors.field('epdsScores', e.error.messageZh, e.error.messageEn);
    if ((e.value.positive || e.value.urgent) && !input.epdsAction && !referred)
      throw errors.field(
        'epdsAction',
        e.value.urgent ? 'EPDS第10项（自伤念头）阳性，须记录紧急干预或转诊' : 'EPDS筛查阳性，请记录干预或转诊',
        e.value.urgent
          ? 'EPDS item 10 is positive: record the urgent intervention or referral'
          : 'EPDS positive: record the intervention or referral',
      );
  }

  function checkVisit(
    preg: PregnancyRow,
    input: {
      visitDate: string;
      nextAppointment?: string | undefined;
      systolicMmHg?: number | undefined;
      diastolicMmHg?: number | undefined;
    },
  ) {
    if (input.visitDate > today()) throw errors.field('visitDate', '检查日期不能晚于今天', 'Visit date in the future');
    if (input.visitDate < preg.registered_on && preg.lmp && input.visitDate < preg.lmp)
      throw errors.field('visitDate', '检查日期早于末次月经', 'Visit before the LMP');
    if (preg.delivered_on && input.visitDate > preg.delivered_on)
      throw errors.field('visitDate', '分娩后请记录产后访视', 'After delivery, record a postpartum visit');
    if (input.nextAppointment && input.nextAppointment <= input.visitDate)
      throw errors.field(
        'nextAppointment',
        '下次预约日期应晚于本次检查',
        'The next appointment is not after this visit',
      );
    if ((input.systolicMmHg === undefined) !== (input.diastolicMmHg === undefined))
      throw errors.field(
        input.systolicMmHg === undefined ? 'systolicMmHg' : 'diastolicMmHg',
        '收缩压和舒张压应同时填写',
        'Give both systolic and diastolic pressure',
      );
    if (
      input.systolicMmHg !== undefined &&
      input.diastolicMmHg !== undefined &&
      input.diastolicMmHg >= input.systolicMmHg
    )
      throw errors.field('diastolicMmHg', '舒张压应低于收缩压', 'Diastolic must be below systolic');
  }

  /** Which schedule contact a visit fulfils (after it is saved). */
  async function contactOf(trx: Transaction<Database>, preg: PregnancyRow, visitDate: string): Promise<string | null> {
    const { records } = await visitRecords(trx, preg);
    const s = scheduleOf(preg, records);
    return s.contacts.find((c) => c.kind === 'antenatal' && c.visitDate === visitDate)?.id ?? null;
  }

  return {
    /** Records an antenatal visit; computes GA and special-disease results; refers and assesses if asked. */
    async create(
      ctx: AuthContext,
      pregnancyId: string,
      input: AncVisitInput,
    ): Promise<{ visit: AncVisitDto; created: boolean; assessment: AssessmentOutcome | null }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx.selectFrom('anc_visit').selectAll().where('id', '=', input.id).executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return {
              visit: toDto(existing, await institutionNames(trx, [existing.institution_id])),
              created: false,
              assessment: null,
            };
          }
        }
        const { preg, person } = await loadPregnancy(trx, pregnancyId);
        if (preg.status !== 'antenatal')
          throw errors.conflict(
            'PREGNANCY_STATE',
            '只有孕期的保健册可以记录产前检查',
            'Antenatal visits need an antenatal pregnancy',
          );
        checkVisit(preg, input);
        checkEpds(input, !!input.referral);
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const gaDays = gaDaysAt(preg, input.visitDate);
        if (gaDays > 45 * 7) throw errors.field('visitDate', '孕周超过45周，请核对', 'Over 45 weeks');
        const id = input.id ?? randomUUID();
        const labs = input.labs ?? {};
        const base = {
          id,
          visit_date: input.visitDate,
          ga_days: gaDays,
          weight_kg: input.weightKg ?? null,
          systolic_mmhg: input.systolicMmHg ?? null,
          diastolic_mmhg: input.diastolicMmHg ?? null,
          labs,
          epds_scores: input.epdsScores ?? null,
        };
        await trx
          .insertInto('anc_visit')
          .values({
            county_code: preg.county_code,
            id,
            pregnancy_id: preg.id,
            person_id: preg.person_id,
            visit_date: input.visitDate,
            ga_days: gaDays,
            institution_id: input.institutionId ?? ctx.institutionId,
            examiner: input.examiner ?? ctx.displayName,
            weight_kg: input.weightKg ?? null,
            systolic_mmhg: input.systolicMmHg ?? null,
            diastolic_mmhg: input.diastolicMmHg ?? null,
            fundal_height_cm: input.fundalHeightCm ?? null,
            abdominal_circumference_cm: input.abdominalCircumferenceCm ?? null,
            fetal_heart_rates: input.fetalHeartRates ?? [],
            presentation: input.presentation ?? null,
            oedema: input.oedema ?? null,
            labs: json(labs),
            ultrasound: input.ultrasound ?? null,
            findings: input.findings ?? null,
            advice: input.advice ?? null,
            next_appointment: input.nextAppointment ?? null,
            epds_scores: input.epdsScores ?? null,
            epds_action: input.epdsAction ?? null,
            special: json(await special(trx, preg, base, input.hypertension)),
            created_by: ctx.userId,
          })
          .execute();
        let referralId: string | null = null;
        if (input.referral)
          referralId = await cases.referInTx(
            trx,
            ctx,
            preg,
            { kind: 'anc_visit', id },
            { ...input.referral, referredOn: input.visitDate },
          );
        const latestAppt = await trx
          .selectFrom('anc_visit')
          .select(['next_appointment'])
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('visit_date', 'desc')
          .orderBy('created_at', 'desc')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('pregnancy')
          .set({ next_appointment: latestAppt.next_appointment, version: preg.version + 1, updated_at: new Date() })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', preg.id)
          .execute();
        let fresh = (await loadPregnancy(trx, preg.id)).preg;
        fresh = await refreshSchedule(trx, fresh);
        await saveContactIds(trx, fresh);
        let assessment: AssessmentOutcome | null = null;
        if (input.assessment) {
          assessment = await risk.assessInTx(
            trx,
            ctx,
            fresh,
            person,
            { ...input.assessment, assessedOn: input.visitDate },
            { kind: 'anc_visit', id },
          );
        }
        await trx
          .updateTable('anc_visit')
          .set({ referral_id: referralId, risk_assessment_id: assessment?.assessment.id ?? null })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.visit.create',
          entityType: 'anc_visit',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        const row = await trx
          .selectFrom('anc_visit')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { visit: toDto(row, await institutionNames(trx, [row.institution_id])), created: true, assessment };
      });
    },

    /** Corrects a visit (special-disease results recomputed). */
    async update(ctx: AuthContext, visitId: string, input: AncVisitUpdateInput): Promise<AncVisitDto> {
      return withScope(db, ctx, async (trx) => {
        const v = await trx.selectFrom('anc_visit').selectAll().where('id', '=', visitId).executeTakeFirst();
        if (!v) throw errors.notFound('产前检查记录', 'visit');
        if (v.version !== input.version) throw errors.staleVersion(v.version);
        const { preg } = await loadPregnancy(trx, v.pregnancy_id);
        if (preg.status === 'closed')
          throw errors.conflict('PREGNANCY_STATE', '保健册已结案', 'The pregnancy is closed');
        checkVisit(preg, input);
        checkEpds(input, !!v.referral_id);
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const gaDays = gaDaysAt(preg, input.visitDate);
        const labs = input.labs ?? {};
        const sp = await special(
          trx,
          preg,
          {
            id: visitId,
            visit_date: input.visitDate,
            ga_days: gaDays,
            weight_kg: input.weightKg ?? null,
            systolic_mmhg: input.systolicMmHg ?? null,
            diastolic_mmhg: input.diastolicMmHg ?? null,
            labs,
            epds_scores: input.epdsScores ?? null,
          },
          input.hypertension,
        );
        const updated = await trx
          .updateTable('anc_visit')
          .set({
            visit_date: input.visitDate,
            ga_days: gaDays,
            institution_id: input.institutionId ?? v.institution_id,
            examiner: input.examiner ?? v.examiner,
            weight_kg: input.weightKg ?? null,
            systolic_mmhg: input.systolicMmHg ?? null,
            diastolic_mmhg: input.diastolicMmHg ?? null,
            fundal_height_cm: input.fundalHeightCm ?? null,
            abdominal_circumference_cm: input.abdominalCircumferenceCm ?? null,
            fetal_heart_rates: input.fetalHeartRates ?? [],
            presentation: input.presentation ?? null,
            oedema: input.oedema ?? null,
            labs: json(labs),
            ultrasound: input.ultrasound ?? null,
            findings: input.findings ?? null,
            advice: input.advice ?? null,
            next_appointment: input.nextAppointment ?? null,
            epds_scores: input.epdsScores ?? null,
            epds_action: input.epdsAction ?? null,
            special: json(sp),
            version: v.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', v.county_code)
          .where('id', '=', visitId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        const latestAppt = await trx
          .selectFrom('anc_visit')
          .select(['next_appointment'])
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('visit_date', 'desc')
          .orderBy('created_at', 'desc')
          .executeTakeFirstOrThrow();
        const p2 = await trx
          .updateTable('pregnancy')
          .set({ next_appointment: latestAppt.next_appointment, version: preg.version + 1, updated_at: new Date() })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', preg.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await saveContactIds(trx, await refreshSchedule(trx, p2));
        await audit.write(trx, ctx, {
          action: 'maternal.visit.update',
          entityType: 'anc_visit',
          entityId: visitId,
          personId: v.person_id,
          countyCode: v.county_code,
        });
        const row = await trx
          .selectFrom('anc_visit')
          .selectAll()
          .where('county_code', '=', v.county_code)
          .where('id', '=', visitId)
          .executeTakeFirstOrThrow();
        return toDto(row, await institutionNames(trx, [row.institution_id]));
      });
    },

    /** The antenatal visits of a pregnancy, in date order. */
    async list(ctx: AuthContext, pregnancyId: string): Promise<AncVisitDto[]> {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const rows = await trx
          .selectFrom('anc_visit')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('visit_date')
          .execute();
        await audit.read(trx, ctx, {
          action: 'maternal.visit.list',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return rows.map((r) => toDto(r, new Map()));
      });
    },

    /** The schedule of contacts (done / due / upcoming / missed) of a pregnancy today. */
    async schedule(ctx: AuthContext, pregnancyId: string) {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const { records } = await visitRecords(trx, preg);
        const s = scheduleOf(preg, records);
        await audit.write(trx, ctx, {
          action: 'maternal.schedule.read',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return s;
      });
    },

    contactOf,
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
