import { randomUUID } from 'node:crypto';
import { classifyBirthOutcome, newbornDeliveryFlags, postpartumDay, scoreEpds } from '@fuyou/core';
import {
  withScope,
  type BirthOutcomeTable,
  type Database,
  type DeliveryTable,
  type PostpartumVisitTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
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
  unwrap,
  type PersonRow,
  type PregnancyRow,
} from './maternal.common';
import type { DeliveryInput, PostpartumVisitInput } from './maternal.schemas';
import type { AssessmentOutcome, RiskService } from './risk.service';
import { completeIfDone, refreshSchedule } from './schedule';

type DeliveryRow = Selectable<DeliveryTable>;
type BirthRow = Selectable<BirthOutcomeTable>;
type PostpartumRow = Selectable<PostpartumVisitTable>;

/** What the child module does when a live birth creates a child (bound at route registration). */
export type ChildBirthHook = (
  trx: Transaction<Database>,
  ctx: AuthContext,
  person: { id: string; countyCode: string; birthDate: string | null },
  input: {
    deliveryId?: string;
    birthOutcomeId?: string;
    birthTime?: string;
    gestationalWeeks?: number;
    gestationalDays?: number;
    birthWeightG?: number;
    birthLengthCm?: number;
    apgar1?: number;
    apgar5?: number;
    apgar10?: number;
    birthDefects?: string[];
    multipleBirth?: number;
    birthOrder?: number;
    birthInstitutionId?: string;
    birthPlace?: string;
    dischargedOn?: string;
  },
) => Promise<unknown>;

/** What the child module does when a child is born to a mother with a positive PMTCT result (bound at routes). */
export type ExposureHook = (
  trx: Transaction<Database>,
  ctx: AuthContext,
  child: { id: string; countyCode: string },
  input: { infections: string[]; highExposure: boolean },
) => Promise<void>;

/** A baby of a delivery. */
export interface BirthOutcomeDto {
  id: string;
  birthOrder: number;
  outcome: string;
  sex: string;
  weightG: number | null;
  lengthCm: number | null;
  apgar1: number | null;
  apgar5: number | null;
  apgar10: number | null;
  defects: string[];
  resuscitation: boolean;
  flags: Record<string, boolean | null>;
  childPersonId: string | null;
  /** A neonatal death recorded at delivery. */
  diedOn: string | null;
  diedTime: string | null;
}

/** A delivery as the API returns it. */
export interface DeliveryDto {
  id: string;
  pregnancyId: string;
  personId: string;
  deliveryDate: string;
  deliveryTime: string | null;
  place: string;
  institutionId: string | null;
  institutionName: string | null;
  gestationalAge: string;
  mode: string;
  caesareanIndication: string | null;
  caesareanNoMedicalIndication: boolean;
  complications: string[];
  bloodLossMl: number | null;
  maternalCondition: string;
  dischargedOn: string | null;
  attendant: string | null;
  fetuses: number;
  note: string | null;
  babies: BirthOutcomeDto[];
  version: number;
}

/** A postpartum visit as the API returns it. */
export interface PostpartumVisitDto {
  id: string;
  pregnancyId: string;
  kind: string;
  visitDate: string;
  postpartumDay: number;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  temperatureC: number | null;
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  hbGL: number | null;
  breasts: string | null;
  lochia: string | null;
  uterus: string | null;
  wound: string | null;
  findings: string | null;
  breastfeeding: string | null;
  epdsScores: number[] | null;
  epds: unknown;
  epdsAction: string | null;
  contraceptionCounselled: boolean | null;
  contraceptionMethod: string | null;
  pelvicFloor: string | null;
  assessment: string | null;
  advice: string | null;
  referralId: string | null;
  riskAssessmentId: string | null;
  nextAppointment: string | null;
  version: number;
  createdAt: string | null;
}

function babyDto(b: BirthRow): BirthOutcomeDto {
  return {
    id: b.id,
    birthOrder: b.birth_order,
    outcome: b.outcome,
    sex: b.sex,
    weightG: b.weight_g,
    lengthCm: num(b.length_cm),
    apgar1: b.apgar_1,
    apgar5: b.apgar_5,
    apgar10: b.apgar_10,
    defects: b.defects,
    resuscitation: b.resuscitation,
    flags: b.flags as Record<string, boolean | null>,
    childPersonId: b.child_person_id,
    diedOn: b.died_on,
    diedTime: b.died_time ? b.died_time.slice(0, 5) : null,
  };
}

function deliveryDto(d: DeliveryRow, babies: BirthRow[], names: Map<string, string>): DeliveryDto {
  return {
    id: d.id,
    pregnancyId: d.pregnancy_id,
    personId: d.person_id,
    deliveryDate: d.delivery_date,
    deliveryTime: d.delivery_time ? d.delivery_time.slice(0, 5) : null,
    place: d.place,
    institutionId: d.institution_id,
    institutionName: d.institution_id ? (names.get(d.institution_id) ?? null) : null,
    gestationalAge: gaText(d.ga_days) ?? '',
    mode: d.mode,
    caesareanIndication: d.caesarean_indication,
    caesareanNoMedicalIndication: d.caesarean_no_medical_indication,
    complications: d.complications,
    bloodLossMl: d.blood_loss_ml,
    maternalCondition: d.maternal_condition,
    dischargedOn: d.discharged_on,
    attendant: d.attendant,
    fetuses: d.fetuses,
    note: d.note,
    babies: babies.sort((a, b) => a.birth_order - b.birth_order).map(babyDto),
    version: d.version,
  };
}

function postpartumDto(v: PostpartumRow, names: Map<string, string>): PostpartumVisitDto {
  return {
    id: v.id,
    pregnancyId: v.pregnancy_id,
    kind: v.kind,
    visitDate: v.visit_date,
    postpartumDay: v.postpartum_day,
    institutionId: v.institution_id,
    institutionName: v.institution_id ? (names.get(v.institution_id) ?? null) : null,
    examiner: v.examiner,
    temperatureC: num(v.temperature_c),
    systolicMmHg: v.systolic_mmhg,
    diastolicMmHg: v.diastolic_mmhg,
    hbGL: v.hb_gl,
    breasts: v.breasts,
    lochia: v.lochia,
    uterus: v.uterus,
    wound: v.wound,
    findings: v.findings,
    breastfeeding: v.breastfeeding,
    epdsScores: v.epds_scores,
    epds: v.epds,
    epdsAction: v.epds_action,
    contraceptionCounselled: v.contraception_counselled,
    contraceptionMethod: v.contraception_method,
    pelvicFloor: v.pelvic_floor,
    assessment: v.assessment,
    advice: v.advice,
    referralId: v.referral_id,
    riskAssessmentId: v.risk_assessment_id,
    nextAppointment: v.next_appointment,
    version: v.version,
    createdAt: iso(v.created_at),
  };
}

const SEX_ZH: Record<string, string> = { male: '之子', female: '之女', unknown: '之婴' };

/** Delivery with the babies (a live birth creates the child in the same transaction) and postpartum visits. */
export function createDeliveryService(deps: ModuleDeps, cases: CaseService, risk: RiskService) {
  const { db, audit, people, crypto } = deps;
  let childHook: ChildBirthHook | null = null;
  let exposureHook: ExposureHook | null = null;

  /** The mother's positive PMTCT infections (decrypted inside the transaction; never returned to the caller). */
  async function maternalInfections(trx: Transaction<Database>, preg: PregnancyRow) {
    const rec = await trx
      .selectFrom('pmtct_record')
      .select(['data_enc'])
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .executeTakeFirst();
    if (!rec) return null;
    const data = JSON.parse(crypto.decrypt(rec.data_enc)) as { infections?: string[]; hivExposure?: string };
    return { infections: data.infections ?? [], highExposure: data.hivExposure === 'high' };
  }

  async function babiesOf(trx: Transaction<Database>, d: DeliveryRow) {
    return trx
      .selectFrom('birth_outcome')
      .selectAll()
      .where('county_code', '=', d.county_code)
      .where('delivery_id', '=', d.id)
      .execute();
  }

  function checkDelivery(preg: PregnancyRow, input: DeliveryInput) {
    if (input.deliveryDate > today())
      throw errors.field('deliveryDate', '分娩日期不能晚于今天', 'Delivery date in the future');
    if (input.dischargedOn && input.dischargedOn < input.deliveryDate)
      throw errors.field('dischargedOn', '出院日期不能早于分娩日期', 'Discharge before delivery');
    if (input.dischargedOn && input.dischargedOn > today())
      throw errors.field('dischargedOn', '出院日期不能晚于今天', 'Discharge date in the future');
    if (input.place === 'institution' && !input.institutionId)
      throw errors.field('institutionId', '住院分娩请选择助产机构', 'Choose the delivery institution');
    if (input.mode === 'caesarean' && !input.caesareanIndication && !input.caesareanNoMedicalIndication)
      throw errors.field(
        'caesareanIndication',
        '剖宫产请填写指征，或标明无医学指征（社会因素）',
        'Give the caesarean indication, or mark it as without medical indication',
      );
    if (input.mode !== 'caesarean' && (input.caesareanIndication || input.caesareanNoMedicalIndication))
      throw errors.field('caesareanIndication', '非剖宫产不应填写剖宫产指征', 'Not a caesarean');
    if (input.complications.includes('pph') && input.bloodLossMl === undefined)
      throw errors.field('bloodLossMl', '产后出血请填写出血量', 'Give the blood loss for a postpartum haemorrhage');
    if (input.deliveryDate < preg.registered_on && preg.lmp && input.deliveryDate < preg.lmp)
      throw errors.field('deliveryDate', '分娩日期早于末次月经', 'Delivery before the LMP');
    for (const [i, b] of input.babies.entries()) {
      if (b.diedTime && !b.diedOn)
        throw errors.field(`babies.${i}.diedOn`, '填写死亡时间时请同时填写死亡日期', 'Give the date of death');
      if (!b.diedOn) continue;
      if (b.outcome !== 'live_birth')
        throw errors.field(
          `babies.${i}.diedOn`,
          '死胎死产不填写死亡日期（只有活产儿的新生儿死亡才填写）',
          'A date of death is for a live-born baby only',
        );
      if (b.diedOn < input.deliveryDate || b.diedOn > today())
        throw errors.field(
          `babies.${i}.diedOn`,
          '新生儿死亡日期应在分娩日期与今天之间',
          'The date of death is outside delivery…today',
        );
      if (b.diedOn === input.deliveryDate && b.diedTime && input.deliveryTime && b.diedTime < input.deliveryTime)
        throw errors.field(`babies.${i}.diedTime`, '死亡时间早于出生时间', 'Death before birth');
    }
  }

  return {
    /** The child module's hook that opens the child's record (bound once the child services exist). */
    bindChildHook(hook: ChildBirthHook) {
      childHook = hook;
    },

    /** The child module's hook that opens the exposed-infant record (PMTCT duties due on the child). */
    bindExposureHook(hook: ExposureHook) {
      exposureHook = hook;
    },

    /** Records the delivery and each baby; every baby born alive becomes a person (the mother's child). */
    async record(
      ctx: AuthContext,
      pregnancyId: string,
      input: DeliveryInput,
    ): Promise<{ delivery: DeliveryDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx.selectFrom('delivery').selectAll().where('id', '=', input.id).executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return {
              delivery: deliveryDto(
                existing,
                await babiesOf(trx, existing),
                await institutionNames(trx, [existing.institution_id]),
              ),
              created: false,
            };
          }
        }
        const { preg, person } = await loadPregnancy(trx, pregnancyId);
        if (preg.status !== 'antenatal')
          throw errors.conflict('PREGNANCY_STATE', '该保健册已分娩或已结案', 'The pregnancy is delivered or closed', {
            status: preg.status,
          });
        checkDelivery(preg, input);
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const gaDays = gaDaysAt(preg, input.deliveryDate, 'deliveryDate');
        if (gaDays > 45 * 7)
          throw errors.field('deliveryDate', '分娩孕周超过45周，请核对', 'Over 45 weeks at delivery');
        const ga = gaOf(gaDays);
        const id = input.id ?? randomUUID();
        const d = await trx
          .insertInto('delivery')
          .values({
            county_code: preg.county_code,
            id,
            pregnancy_id: preg.id,
            person_id: preg.person_id,
            delivery_date: input.deliveryDate,
            delivery_time: input.deliveryTime ?? null,
            place: input.place,
            institution_id: input.institutionId ?? null,
            ga_days: gaDays,
            mode: input.mode,
            caesarean_indication: input.caesareanIndication ?? null,
            caesarean_no_medical_indication: input.caesareanNoMedicalIndication,
            complications: [...new Set(input.complications)],
            blood_loss_ml: input.bloodLossMl ?? null,
            maternal_condition: input.maternalCondition,
            discharged_on: input.dischargedOn ?? null,
            attendant: input.attendant ?? null,
            fetuses: input.babies.length,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const multiple = input.babies.length > 1;
        const exposure = await maternalInfections(trx, preg);
        for (const [i, b] of input.babies.entries()) {
          const alive = b.outcome === 'live_birth';
          const outcome = alive
            ? classifyBirthOutcome({
                signsOfLife: { heartbeat: true },
                gestationalAge: ga,
                ...(b.weightG !== undefined ? { birthWeightG: b.weightG } : {}),
              })
            : b.outcome;
          const flags = newbornDeliveryFlags({
            gestationalAge: ga,
            ...(b.weightG !== undefined ? { birthWeightG: b.weightG } : {}),
          });
          const birthId = randomUUID();
          let childId: string | null = null;
          if (alive) {
            const child = await people.createInTx(trx, ctx, {
              name: b.name ?? `${person.name}${SEX_ZH[b.sex]}${multiple ? String(i + 1) : ''}`,
              sex: b.sex,
              birthDate: input.deliveryDate,
              idType: 'none',
              residenceRegionCode: person.residence_region_code,
              ...(person.address ? { address: person.address } : {}),
              ...(person.hukou_region_code ? { hukouRegionCode: person.hukou_region_code } : {}),
              motherId: person.id,
            });
            childId = child.id;
            if (input.deliveryTime)
              await trx
                .updateTable('person')
                .set({ birth_time: input.deliveryTime })
                .where('county_code', '=', child.countyCode)
                .where('id', '=', child.id)
                .execute();
            // before the child's record is opened: a newborn who died is on no child-health worklist
            if (b.diedOn)
              await trx
                .updateTable('person')
                .set({ deceased_on: b.diedOn })
                .where('county_code', '=', child.countyCode)
                .where('id', '=', child.id)
                .execute();
            if (childHook) {
              await childHook(
                trx,
                ctx,
                { id: child.id, countyCode: child.countyCode, birthDate: input.deliveryDate },
                {
                  deliveryId: id,
                  birthOutcomeId: birthId,
                  ...(input.deliveryTime ? { birthTime: input.deliveryTime } : {}),
                  ...(ga.weeks >= 20 ? { gestationalWeeks: ga.weeks, gestationalDays: ga.days } : {}),
                  ...(b.weightG !== undefined && b.weightG >= 300 && b.weightG <= 7000
                    ? { birthWeightG: b.weightG }
                    : {}),
                  ...(b.lengthCm !== undefined && b.lengthCm >= 20 ? { birthLengthCm: b.lengthCm } : {}),
                  ...(b.apgar1 !== undefined ? { apgar1: b.apgar1 } : {}),
                  ...(b.apgar5 !== undefined ? { apgar5: b.apgar5 } : {}),
                  ...(b.apgar10 !== undefined ? { apgar10: b.apgar10 } : {}),
                  birthDefects: b.defects,
                  multipleBirth: Math.min(input.babies.length, 6),
                  birthOrder: Math.min(i + 1, 6),
                  ...(input.institutionId ? { birthInstitutionId: input.institutionId } : {}),
                  birthPlace: input.place,
                  ...(input.dischargedOn ? { dischargedOn: input.dischargedOn } : {}),
                },
              );
              // the PMTCT infant duties (HBIG + HepB1 within 12 h, ARV within 6 h, syphilis prophylaxis) due on him
              if (exposureHook && exposure?.infections.length)
                await exposureHook(trx, ctx, { id: child.id, countyCode: child.countyCode }, exposure);
            }
          }
          await trx
            .insertInto('birth_outcome')
            .values({
              county_code: preg.county_code,
              id: birthId,
              delivery_id: id,
              mother_id: preg.person_id,
              birth_order: i + 1,
              outcome: outcome === 'unknown' ? b.outcome : outcome,
              sex: b.sex,
              weight_g: b.weightG ?? null,
              length_cm: b.lengthCm ?? null,
              apgar_1: b.apgar1 ?? null,
              apgar_5: b.apgar5 ?? null,
              apgar_10: b.apgar10 ?? null,
              defects: b.defects,
              resuscitation: b.resuscitation,
              flags: json({
                macrosomia: flags.macrosomia,
                lowBirthWeight: flags.lowBirthWeight,
                veryLowBirthWeight: flags.veryLowBirthWeight,
                preterm: flags.preterm,
                postTerm: flags.postTerm,
              }),
              child_person_id: childId,
              died_on: b.diedOn ?? null,
              died_time: b.diedTime ?? null,
            })
            .execute();
        }
        const p2 = await trx
          .updateTable('pregnancy')
          .set({
            status: 'postpartum',
            delivered_on: input.deliveryDate,
            discharged_on: input.dischargedOn ?? null,
            next_appointment: null,
            version: preg.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', preg.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await refreshSchedule(trx, p2);
        await audit.write(trx, ctx, {
          action: 'maternal.delivery.create',
          entityType: 'delivery',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { babies: input.babies.length, mode: input.mode, place: input.place },
        });
        return {
          delivery: deliveryDto(d, await babiesOf(trx, d), await institutionNames(trx, [d.institution_id])),
          created: true,
        };
      });
    },

    /** The delivery of a pregnancy (404 when not delivered). */
    async get(ctx: AuthContext, pregnancyId: string): Promise<DeliveryDto> {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const d = await trx
          .selectFrom('delivery')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .executeTakeFirst();
        if (!d) throw errors.notFound('分娩记录', 'delivery');
        await audit.write(trx, ctx, {
          action: 'maternal.delivery.read',
          entityType: 'delivery',
          entityId: d.id,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return deliveryDto(d, await babiesOf(trx, d), await institutionNames(trx, [d.institution_id]));
      });
    },

    /** Records the discharge date (the home visit window runs from it). */
    async discharge(ctx: AuthContext, pregnancyId: string, input: { version: number; dischargedOn: string }) {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        if (preg.version !== input.version) throw errors.staleVersion(preg.version);
        if (!preg.delivered_on) throw errors.conflict('PREGNANCY_STATE', '尚未分娩', 'Not delivered');
        if (input.dischargedOn < preg.delivered_on || input.dischargedOn > today())
          throw errors.field('dischargedOn', '出院日期应在分娩日期与今天之间', 'Discharge outside delivery…today');
        const p2 = await trx
          .updateTable('pregnancy')
          .set({ discharged_on: input.dischargedOn, version: preg.version + 1, updated_at: new Date() })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', preg.id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!p2) throw errors.staleVersion();
        await trx
          .updateTable('delivery')
          .set({ discharged_on: input.dischargedOn })
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .execute();
        await refreshSchedule(trx, p2);
        await audit.write(trx, ctx, {
          action: 'maternal.delivery.discharge',
          entityType: 'pregnancy',
          entityId: preg.id,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return { dischargedOn: input.dischargedOn, version: p2.version };
      });
    },

    /** Records a postpartum home visit or 42-day check (EPDS scored; risk re-assessed if asked). */
    async postpartumVisit(
      ctx: AuthContext,
      pregnancyId: string,
      input: PostpartumVisitInput,
    ): Promise<{
      visit: PostpartumVisitDto;
      created: boolean;
      assessment: AssessmentOutcome | null;
      pregnancyStatus: string;
    }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('postpartum_visit')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            const { preg } = await loadPregnancy(trx, existing.pregnancy_id);
            return {
              visit: postpartumDto(existing, await institutionNames(trx, [existing.institution_id])),
              created: false,
              assessment: null,
              pregnancyStatus: preg.status,
            };
          }
        }
        const { preg, person } = await loadPregnancy(trx, pregnancyId);
        if (preg.status !== 'postpartum' || !preg.delivered_on)
          throw errors.conflict(
            'PREGNANCY_STATE',
            '产后访视需在分娩后、结案前记录',
            'Postpartum visits need a delivered, open pregnancy',
          );
        if (input.visitDate > today())
          throw errors.field('visitDate', '访视日期不能晚于今天', 'Visit date in the future');
        const day = unwrap(postpartumDay(preg.delivered_on, input.visitDate), 'visitDate');
        if (day < 0) throw errors.field('visitDate', '访视日期不能早于分娩日期', 'Visit before the delivery');
        if (input.kind === 'day42_check' && day < 28)
          throw errors.field('visitDate', '产后42天检查应在产后第42天左右进行', 'The 42-day check is too early');
        if (input.nextAppointment && input.nextAppointment <= input.visitDate)
          throw errors.field(
            'nextAppointment',
            '下次预约日期应晚于本次访视',
            'The next appointment is not after this visit',
          );
        await checkInstitution(trx, input.institutionId, 'institutionId');
        let epds: { total: number; positive: boolean; urgent: boolean; cutOff: number } | null = null;
        if (input.epdsScores) {
          const e = unwrap(scoreEpds(input.epdsScores), 'epdsScores');
          epds = { total: e.total, positive: e.positive, urgent: e.urgent, cutOff: e.cutOff };
          if ((e.positive || e.urgent) && !input.epdsAction && !input.referral)
            throw errors.field(
              'epdsAction',
              e.urgent ? 'EPDS第10项（自伤念头）阳性，须记录紧急干预或转诊' : 'EPDS筛查阳性，请记录干预或转诊',
              e.urgent
                ? 'EPDS item 10 is positive: record the urgent intervention or referral'
                : 'EPDS positive: record the intervention or referral',
            );
        }
        const id = input.id ?? randomUUID();
        await trx
          .insertInto('postpartum_visit')
          .values({
            county_code: preg.county_code,
            id,
            pregnancy_id: preg.id,
            person_id: preg.person_id,
            kind: input.kind,
            visit_date: input.visitDate,
            postpartum_day: day,
            institution_id: input.institutionId ?? ctx.institutionId,
            examiner: input.examiner ?? ctx.displayName,
            temperature_c: input.temperatureC ?? null,
            systolic_mmhg: input.systolicMmHg ?? null,
            diastolic_mmhg: input.diastolicMmHg ?? null,
            hb_gl: input.hbGL ?? null,
            breasts: input.breasts ?? null,
            lochia: input.lochia ?? null,
            uterus: input.uterus ?? null,
            wound: input.wound ?? null,
            findings: input.findings ?? null,
            breastfeeding: input.breastfeeding ?? null,
            epds_scores: input.epdsScores ?? null,
            epds: epds ? json(epds) : null,
            epds_action: input.epdsAction ?? null,
            contraception_counselled: input.contraceptionCounselled ?? null,
            contraception_method: input.contraceptionMethod ?? null,
            pelvic_floor: input.pelvicFloor ?? null,
            assessment: input.assessment ?? null,
            advice: input.advice ?? null,
            next_appointment: input.nextAppointment ?? null,
            created_by: ctx.userId,
          })
          .execute();
        let referralId: string | null = null;
        if (input.referral)
          referralId = await cases.referInTx(
            trx,
            ctx,
            preg,
            { kind: 'postpartum_visit', id },
            { ...input.referral, referredOn: input.visitDate },
          );
        let fresh = await trx
          .updateTable('pregnancy')
          .set({ next_appointment: input.nextAppointment ?? null, version: preg.version + 1, updated_at: new Date() })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', preg.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        fresh = await refreshSchedule(trx, fresh);
        let assessment: AssessmentOutcome | null = null;
        if (input.riskAssessment)
          assessment = await risk.assessInTx(
            trx,
            ctx,
            fresh,
            person as PersonRow,
            { ...input.riskAssessment, assessedOn: input.visitDate },
            { kind: 'postpartum_visit', id },
          );
        await trx
          .updateTable('postpartum_visit')
          .set({ referral_id: referralId, risk_assessment_id: assessment?.assessment.id ?? null })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .execute();
        fresh = (await loadPregnancy(trx, preg.id)).preg;
        const after = await completeIfDone(trx, audit, ctx, fresh);
        await audit.write(trx, ctx, {
          action: 'maternal.postpartum.create',
          entityType: 'postpartum_visit',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { kind: input.kind, day },
        });
        const row = await trx
          .selectFrom('postpartum_visit')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return {
          visit: postpartumDto(row, await institutionNames(trx, [row.institution_id])),
          created: true,
          assessment,
          pregnancyStatus: after.status,
        };
      });
    },

    /** The postpartum visits of a pregnancy. */
    async postpartumVisits(ctx: AuthContext, pregnancyId: string): Promise<PostpartumVisitDto[]> {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const rows = await trx
          .selectFrom('postpartum_visit')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('visit_date')
          .execute();
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        await audit.write(trx, ctx, {
          action: 'maternal.postpartum.list',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return rows.map((r) => postpartumDto(r, names));
      });
    },
  };
}
export type DeliveryService = ReturnType<typeof createDeliveryService>;
