import { randomUUID } from 'node:crypto';
import { childDeathAgeClass, isPerinatalDeath, maskPhone, maternalAgeInFullYears, PUERPERIUM_DAYS } from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type MaternalDeathReviewTable,
  type MaternalDeathTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type { AlertService } from './alert.service';
import type { CaseService } from './case.service';
import { addDays, gaText, institutionNames, iso, today, unprocessable, type PregnancyRow } from './maternal.common';
import type { DeathReviewInput, MaternalDeathInput, MaternalDeathUpdateInput } from './maternal.schemas';
import { isPerinatalStillbirth, perinatalReviewsOf } from './perinatal-review.service';
import type { PmtctService } from './pmtct.service';
import type { ScreeningService } from './screening.service';

type DeathRow = Selectable<MaternalDeathTable>;
type ReviewRow = Selectable<MaternalDeathReviewTable>;

/** A maternal death report card (孕产妇死亡报告卡) as the API returns it. */
export interface MaternalDeathDto {
  id: string;
  personId: string;
  womanName?: string;
  pregnancyId: string | null;
  status: string;
  deathDate: string;
  deathTime: string | null;
  deathPlace: string;
  deliveryPlace: string | null;
  deliveryDate: string | null;
  deliveryMode: string | null;
  referred: boolean | null;
  firstInstitution: string | null;
  antenatalCare: boolean | null;
  firstVisitGaWeeks: number | null;
  visitCount: number | null;
  lastVisitInstitution: string | null;
  education: string | null;
  incomeBand: string | null;
  residenceKind: string | null;
  causeA: string | null;
  causeB: string | null;
  causeC: string | null;
  underlyingCause: string;
  icd10: string;
  diagnosisBasis: string | null;
  reporter: string | null;
  /** Masked (the number is encrypted at rest). */
  familyPhoneMasked: string | null;
  hukouLocal: boolean | null;
  planned: boolean | null;
  gravidity: number | null;
  parity: number | null;
  inducedAbortions: number | null;
  lmp: string | null;
  deliveryTime: string | null;
  newMethodDelivery: boolean | null;
  birthAttendant: string | null;
  /** Age at death in full years (from the person index). */
  ageYears: number | null;
  submittedAt: string | null;
  reviews: Array<{
    id: string;
    level: string;
    reviewedOn: string;
    conclusion: string;
    factors: unknown;
    actions: string | null;
  }>;
  version: number;
}

function toDto(r: DeathRow, reviews: ReviewRow[], name?: string, birthDate?: string | null): MaternalDeathDto {
  const age = birthDate ? maternalAgeInFullYears(birthDate, r.death_date) : null;
  return {
    id: r.id,
    personId: r.person_id,
    ...(name ? { womanName: name } : {}),
    pregnancyId: r.pregnancy_id,
    status: r.status,
    deathDate: r.death_date,
    deathTime: r.death_time ? r.death_time.slice(0, 5) : null,
    deathPlace: r.death_place,
    deliveryPlace: r.delivery_place,
    deliveryDate: r.delivery_date,
    deliveryMode: r.delivery_mode,
    referred: r.referred,
    firstInstitution: r.first_institution,
    antenatalCare: r.antenatal_care,
    firstVisitGaWeeks: r.first_visit_ga_weeks,
    visitCount: r.visit_count,
    lastVisitInstitution: r.last_visit_institution,
    education: r.education,
    incomeBand: r.income_band,
    residenceKind: r.residence_kind,
    causeA: r.cause_a,
    causeB: r.cause_b,
    causeC: r.cause_c,
    underlyingCause: r.underlying_cause,
    icd10: r.icd10,
    diagnosisBasis: r.diagnosis_basis,
    reporter: r.reporter,
    familyPhoneMasked: r.family_phone_masked,
    hukouLocal: r.hukou_local,
    planned: r.planned,
    gravidity: r.gravidity,
    parity: r.parity,
    inducedAbortions: r.induced_abortions,
    lmp: r.lmp,
    deliveryTime: r.delivery_time ? r.delivery_time.slice(0, 5) : null,
    newMethodDelivery: r.new_method_delivery,
    birthAttendant: r.birth_attendant,
    ageYears: age?.ok ? age.value : null,
    submittedAt: iso(r.submitted_at),
    reviews: reviews.map((v) => ({
      id: v.id,
      level: v.level,
      reviewedOn: v.reviewed_on,
      conclusion: v.conclusion,
      factors: v.factors,
      actions: v.actions,
    })),
    version: r.version,
  };
}

/** Card columns of the given fields (undefined fields left alone). */
function columns(input: Partial<MaternalDeathInput>) {
  const map: Array<[keyof MaternalDeathInput, string]> = [
    ['deathDate', 'death_date'],
    ['deathTime', 'death_time'],
    ['deathPlace', 'death_place'],
    ['deliveryPlace', 'delivery_place'],
    ['deliveryDate', 'delivery_date'],
    ['deliveryMode', 'delivery_mode'],
    ['referred', 'referred'],
    ['firstInstitution', 'first_institution'],
    ['antenatalCare', 'antenatal_care'],
    ['firstVisitGaWeeks', 'first_visit_ga_weeks'],
    ['visitCount', 'visit_count'],
    ['lastVisitInstitution', 'last_visit_institution'],
    ['education', 'education'],
    ['incomeBand', 'income_band'],
    ['residenceKind', 'residence_kind'],
    ['causeA', 'cause_a'],
    ['causeB', 'cause_b'],
    ['causeC', 'cause_c'],
    ['underlyingCause', 'underlying_cause'],
    ['icd10', 'icd10'],
    ['diagnosisBasis', 'diagnosis_basis'],
    ['reporter', 'reporter'],
    ['hukouLocal', 'hukou_local'],
    ['planned', 'planned'],
    ['gravidity', 'gravidity'],
    ['parity', 'parity'],
    ['inducedAbortions', 'induced_abortions'],
    ['lmp', 'lmp'],
    ['deliveryTime', 'delivery_time'],
    ['newMethodDelivery', 'new_method_delivery'],
    ['birthAttendant', 'birth_attendant'],
  ];
  const set: Record<string, unknown> = {};
  for (const [k, c] of map) if (input[k] !== undefined) set[c] = input[k];
  return set;
}

/**
 * Maternal deaths (M6): the report card saved as a draft and submitted (alerting the county and city MCH
 * supervisors at once), the reviews (level, conclusion, 12-cell factors). Submission closes the pregnancy and
 * every open duty (case, PMTCT record, prenatal follow-ups) and marks the person deceased.
 */
export function createDeathService(
  deps: ModuleDeps,
  more: { alerts: AlertService; cases: CaseService; pmtct: PmtctService; screening: ScreeningService },
) {
  const { db, audit, crypto } = deps;

  /** The encrypted and masked family phone columns of a card (left alone when not given). */
  function phoneColumns(phone: string | undefined) {
    return phone === undefined
      ? {}
      : { family_phone_enc: crypto.encrypt(phone), family_phone_masked: maskPhone(phone) };
  }

  /**
   * What the card can take from the pregnancy record (gravidity, parity, LMP, antenatal care, first-visit weeks,
   * visit count, last and first institutions, referral, delivery date/time/place/mode, 户籍本地): the reporter
   * only confirms or corrects it. Fields the reporter gave win.
   */
  async function prefill(trx: Transaction<Database>, preg: PregnancyRow | undefined): Promise<Record<string, unknown>> {
    if (!preg) return {};
    const [visits, delivery, referral] = await Promise.all([
      trx
        .selectFrom('anc_visit')
        .select(['visit_date', 'ga_days', 'institution_id'])
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .orderBy('visit_date')
        .execute(),
      trx
        .selectFrom('delivery')
        .select(['delivery_date', 'delivery_time', 'mode', 'place', 'institution_id'])
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .executeTakeFirst(),
      trx
        .selectFrom('maternal_referral')
        .select('id')
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .executeTakeFirst(),
    ]);
    const names = await institutionNames(trx, [
      preg.registering_institution_id,
      visits.at(-1)?.institution_id,
      delivery?.institution_id,
    ]);
    const inst = async (id: string | null | undefined) => {
      if (!id) return null;
      const i = await trx.selectFrom('institution').select(['type', 'level']).where('id', '=', id).executeTakeFirst();
      if (!i) return null;
      if (i.type === 'township_hc' || i.type === 'community_hc') return 'township_hc';
      if (i.type === 'village_clinic') return 'village_clinic';
      return i.level === 'level3' ? 'provincial_city_hospital' : 'county_hospital';
    };
    const place =
      delivery?.place === 'home'
        ? 'home'
        : delivery?.place === 'en_route'
          ? 'en_route'
          : delivery?.place === 'institution'
            ? await inst(delivery.institution_id)
            : delivery
              ? 'other'
              : null;
    const first = visits[0];
    return {
      gravidity: preg.gravidity,
      parity: preg.parity,
      induced_abortions: preg.induced_abortions,
      lmp: preg.lmp,
      hukou_local: !preg.non_resident,
      antenatal_care: visits.length > 0,
      first_visit_ga_weeks: first ? Math.floor(first.ga_days / 7) : null,
      visit_count: visits.length,
      last_visit_institution: names.get(visits.at(-1)?.institution_id ?? '') ?? null,
      first_institution: preg.registering_institution_id ? (names.get(preg.registering_institution_id) ?? null) : null,
      referred: !!referral,
      ...(delivery
        ? {
            delivery_date: delivery.delivery_date,
            delivery_time: delivery.delivery_time,
            delivery_mode: delivery.mode,
            delivery_place: place,
            new_method_delivery: delivery.place === 'institution',
          }
        : {}),
    };
  }

  async function load(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('maternal_death').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('孕产妇死亡报告卡', 'maternal death card');
    return row;
  }
  async function reviewsOf(trx: Transaction<Database>, d: DeathRow) {
    return trx
      .selectFrom('maternal_death_review')
      .selectAll()
      .where('county_code', '=', d.county_code)
      .where('death_id', '=', d.id)
      .orderBy('reviewed_on')
      .execute();
  }

  /** Checks the death date against the pregnancy: after its start, within 42 days of its end. */
  function checkAgainstPregnancy(preg: PregnancyRow | undefined, deathDate: string) {
    if (deathDate > today()) throw errors.field('deathDate', '死亡日期不能晚于今天', 'Death date in the future');
    if (!preg) return;
    const origin = preg.lmp ?? addDays(preg.edd, -280);
    if (deathDate < origin) throw errors.field('deathDate', '死亡日期早于本次妊娠', 'Death before this pregnancy');
    const end = preg.delivered_on ?? (preg.end_reason !== 'maternal_death' ? preg.ended_on : null);
    if (end && deathDate > addDays(end, PUERPERIUM_DAYS))
      throw unprocessable(
        'NOT_MATERNAL_DEATH',
        'deathDate',
        `死亡发生在妊娠结束${PUERPERIUM_DAYS}天以后，不属于孕产妇死亡`,
        `More than ${PUERPERIUM_DAYS} days after the end of pregnancy: not a maternal death`,
      );
  }

  return {
    /** Saves a draft card. */
    async create(ctx: AuthContext, input: MaternalDeathInput): Promise<MaternalDeathDto> {
      return withScope(db, ctx, async (trx) => {
        const person = await trx.selectFrom('person').selectAll().where('id', '=', input.personId).executeTakeFirst();
        if (!person) throw errors.notFound('人员档案', 'person');
        if (person.sex !== 'female') throw errors.field('personId', '孕产妇死亡报告只适用于女性', 'Only for women');
        const existing = await trx
          .selectFrom('maternal_death')
          .select('id')
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', person.id)
          .executeTakeFirst();
        if (existing)
          throw errors.conflict('DEATH_EXISTS', '该孕产妇已有死亡报告卡', 'A death card exists for her', {
            deathId: existing.id,
          });
        let q = trx
          .selectFrom('pregnancy')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', person.id);
        if (input.pregnancyId) q = q.where('id', '=', input.pregnancyId);
        const preg = await q.orderBy('registered_on', 'desc').executeTakeFirst();
        if (input.pregnancyId && !preg) throw errors.field('pregnancyId', '保健册不属于该孕产妇', 'Not her pregnancy');
        checkAgainstPregnancy(preg, input.deathDate);
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('maternal_death')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            pregnancy_id: preg?.id ?? null,
            ...(await prefill(trx, preg)),
            ...(columns(input) as { death_date: string; death_place: string; underlying_cause: string; icd10: string }),
            ...phoneColumns(input.familyPhone),
            reporting_institution_id: ctx.institutionId,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'maternal.death.create',
          entityType: 'maternal_death',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
        });
        return toDto(row, [], person.name, person.birth_date);
      });
    },

    /** Edits a draft card. */
    async update(ctx: AuthContext, id: string, input: MaternalDeathUpdateInput): Promise<MaternalDeathDto> {
      return withScope(db, ctx, async (trx) => {
        const d = await load(trx, id);
        if (d.version !== input.version) throw errors.staleVersion(d.version);
        if (d.status !== 'draft')
          throw errors.conflict('DEATH_SUBMITTED', '报告卡已上报，不能修改', 'The card was submitted');
        if (input.deathDate) {
          const preg = d.pregnancy_id
            ? await trx.selectFrom('pregnancy').selectAll().where('id', '=', d.pregnancy_id).executeTakeFirst()
            : undefined;
          checkAgainstPregnancy(preg, input.deathDate);
        }
        const updated = await trx
          .updateTable('maternal_death')
          .set({
            ...(columns(input) as object),
            ...phoneColumns(input.familyPhone),
            version: d.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', d.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'maternal.death.update',
          entityType: 'maternal_death',
          entityId: id,
          personId: d.person_id,
          countyCode: d.county_code,
        });
        return toDto(updated, await reviewsOf(trx, updated));
      });
    },

    /** Submits the card: alerts the county and city supervisors, marks her deceased, closes every open duty. */
    async submit(ctx: AuthContext, id: string, input: { version: number }): Promise<MaternalDeathDto> {
      return withScope(db, ctx, async (trx) => {
        const d = await load(trx, id);
        if (d.version !== input.version) throw errors.staleVersion(d.version);
        if (d.status !== 'draft')
          throw errors.conflict('DEATH_SUBMITTED', '报告卡已上报', 'The card was already submitted');
        const updated = await trx
          .updateTable('maternal_death')
          .set({
            status: 'submitted',
            submitted_at: new Date(),
            submitted_by: ctx.userId,
            version: d.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', d.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        const person = await trx
          .updateTable('person')
          .set({ deceased_on: d.death_date, version: sql<number>`version + 1`, updated_at: new Date() })
          .where('county_code', '=', d.county_code)
          .where('id', '=', d.person_id)
          .returning(['name', 'birth_date'])
          .executeTakeFirstOrThrow();
        if (d.pregnancy_id) {
          const preg = await trx
            .selectFrom('pregnancy')
            .selectAll()
            .where('county_code', '=', d.county_code)
            .where('id', '=', d.pregnancy_id)
            .executeTakeFirstOrThrow();
          let closed = preg;
          if (preg.status !== 'closed') {
            closed = await trx
              .updateTable('pregnancy')
              .set({
                status: 'closed',
                ended_on: d.death_date,
                end_reason: 'maternal_death',
                end_note: d.underlying_cause,
                next_contact: null,
                next_due_on: null,
                next_due_end: null,
                missed_contact: null,
                missed_end: null,
                next_appointment: null,
                version: preg.version + 1,
                updated_at: new Date(),
              })
              .where('county_code', '=', preg.county_code)
              .where('id', '=', preg.id)
              .returningAll()
              .executeTakeFirstOrThrow();
          }
          await more.cases.closeDutiesInTx(trx, ctx, closed, d.death_date, 'death');
          await more.pmtct.closeInTx(trx, closed);
          await more.screening.closeInTx(trx, closed);
        }
        for (const audience of ['county', 'city'] as const) {
          await more.alerts.raiseInTx(trx, ctx, {
            countyCode: d.county_code,
            kind: 'maternal_death',
            audience,
            personId: d.person_id,
            entityType: 'maternal_death',
            entityId: d.id,
            messageZh: `孕产妇死亡：${person.name}，${d.death_date}，${d.underlying_cause}（${d.icd10}）`,
            messageEn: `Maternal death: ${person.name}, ${d.death_date}, ${d.icd10}`,
          });
        }
        await audit.write(trx, ctx, {
          action: 'maternal.death.submit',
          entityType: 'maternal_death',
          entityId: id,
          personId: d.person_id,
          countyCode: d.county_code,
        });
        return toDto(updated, await reviewsOf(trx, updated), person.name, person.birth_date);
      });
    },

    /** Records a review (one per committee level) of a submitted card. */
    async review(ctx: AuthContext, id: string, input: DeathReviewInput): Promise<MaternalDeathDto> {
      if (!ctx.permissions.has('care.supervise')) throw errors.forbidden();
      return withScope(db, ctx, async (trx) => {
        const d = await load(trx, id);
        if (d.status !== 'submitted')
          throw errors.conflict('DEATH_NOT_SUBMITTED', '报告卡上报后才能评审', 'Review a submitted card');
        if (input.reviewedOn < d.death_date || input.reviewedOn > today())
          throw errors.field('reviewedOn', '评审日期应在死亡日期与今天之间', 'Review date outside death…today');
        const exists = await trx
          .selectFrom('maternal_death_review')
          .select('id')
          .where('county_code', '=', d.county_code)
          .where('death_id', '=', id)
          .where('level', '=', input.level)
          .executeTakeFirst();
        if (exists)
          throw errors.conflict('REVIEW_EXISTS', '该级别已评审', 'This level has reviewed the death', {
            reviewId: exists.id,
          });
        await trx
          .insertInto('maternal_death_review')
          .values({
            county_code: d.county_code,
            id: randomUUID(),
            death_id: id,
            person_id: d.person_id,
            level: input.level,
            reviewed_on: input.reviewedOn,
            conclusion: input.conclusion,
            factors: JSON.stringify(input.factors),
            actions: input.actions ?? null,
            created_by: ctx.userId,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.death.review',
          entityType: 'maternal_death',
          entityId: id,
          personId: d.person_id,
          countyCode: d.county_code,
          details: { level: input.level, conclusion: input.conclusion },
        });
        return toDto(d, await reviewsOf(trx, d));
      });
    },

    /** One card with its reviews. */
    async get(ctx: AuthContext, id: string): Promise<MaternalDeathDto> {
      return withScope(db, ctx, async (trx) => {
        const d = await load(trx, id);
        const person = await trx
          .selectFrom('person')
          .select(['name', 'birth_date'])
          .where('county_code', '=', d.county_code)
          .where('id', '=', d.person_id)
          .executeTakeFirst();
        await audit.write(trx, ctx, {
          action: 'maternal.death.read',
          entityType: 'maternal_death',
          entityId: id,
          personId: d.person_id,
          countyCode: d.county_code,
        });
        return toDto(d, await reviewsOf(trx, d), person?.name, person?.birth_date);
      });
    },

    /**
     * Perinatal and neonatal deaths recorded at delivery, for the death review (the child module's review of an
     * under-5 death card, and the local perinatal review [L]): fetal deaths and stillbirths at ≥28 weeks (≥1000 g
     * when the gestation is unknown), and live-born babies who died within 28 days (early neonatal within 7 days).
     * Each with the child's death card, when one exists.
     */
    async perinatalDeaths(
      ctx: AuthContext,
      f: { from?: string | undefined; to?: string | undefined; review?: 'pending' | 'reviewed' | undefined },
    ) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('birth_outcome as b')
          .innerJoin('delivery as d', (j) =>
            j.onRef('d.county_code', '=', 'b.county_code').onRef('d.id', '=', 'b.delivery_id'),
          )
          .innerJoin('person as m', (j) =>
            j.onRef('m.county_code', '=', 'd.county_code').onRef('m.id', '=', 'd.person_id'),
          )
          .leftJoin('person as c', (j) =>
            j.onRef('c.county_code', '=', 'b.county_code').onRef('c.id', '=', 'b.child_person_id'),
          )
          .leftJoin('child_death as cd', (j) =>
            j.onRef('cd.county_code', '=', 'b.county_code').onRef('cd.person_id', '=', 'b.child_person_id'),
          )
          .select([
            'b.id as id',
            'b.county_code as county_code',
            'b.outcome as outcome',
            'b.birth_order as birth_order',
            'b.sex as sex',
            'b.weight_g as weight_g',
            'b.died_on as died_on',
            'b.died_time as died_time',
            'b.child_person_id as child_person_id',
            'd.pregnancy_id as pregnancy_id',
            'd.delivery_date as delivery_date',
            'd.delivery_time as delivery_time',
            'd.ga_days as ga_days',
            'd.institution_id as institution_id',
            'm.id as mother_id',
            'm.name as mother_name',
            'c.name as child_name',
            'c.deceased_on as child_deceased_on',
            'cd.id as child_death_id',
            'cd.status as child_death_status',
          ])
          .where((eb) =>
            eb.or([
              eb('b.outcome', '<>', 'live_birth'),
              eb('b.died_on', 'is not', null),
              eb('c.deceased_on', 'is not', null),
            ]),
          );
        if (f.from) q = q.where('d.delivery_date', '>=', f.from);
        if (f.to) q = q.where('d.delivery_date', '<=', f.to);
        if (f.review) {
          const wanted = f.review;
          q = q.where('b.outcome', 'in', ['stillbirth', 'fetal_death']);
          // reviewed: at least one committee level has reviewed it; pending: none has yet
          q = q.where((eb) => {
            const any = eb.exists(
              eb
                .selectFrom('perinatal_death_review as pr')
                .select('pr.level')
                .whereRef('pr.county_code', '=', 'b.county_code')
                .whereRef('pr.birth_outcome_id', '=', 'b.id'),
            );
            return wanted === 'reviewed' ? any : eb.not(any);
          });
        }
        // newest deliveries first, the babies of one delivery in birth order (a stable order for ties)
        const rows = await q
          .orderBy('d.delivery_date', 'desc')
          .orderBy('d.id')
          .orderBy('b.birth_order')
          .limit(1000)
          .execute();
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        const reviews = await perinatalReviewsOf(
          trx,
          rows.filter((r) => r.outcome !== 'live_birth'),
        );
        const items = rows.flatMap((r) => {
          const weeks = Math.floor(r.ga_days / 7);
          const alive = r.outcome === 'live_birth';
          const diedOn = r.died_on ?? r.child_deceased_on;
          const birthAt = r.delivery_time ? `${r.delivery_date}T${r.delivery_time.slice(0, 5)}` : r.delivery_date;
          const deathAt = diedOn ? (r.died_time ? `${diedOn}T${r.died_time.slice(0, 5)}` : diedOn) : null;
          const perinatal = isPerinatalDeath({
            outcome: alive ? 'live_birth' : r.outcome === 'stillbirth' ? 'stillbirth' : 'fetal_death',
            gestationalWeeks: weeks,
            birthWeightG: r.weight_g,
            birthAt,
            deathAt,
          });
          const age = alive && deathAt ? childDeathAgeClass(birthAt, deathAt) : null;
          const neonatal = !!age?.ok && age.value.neonatal;
          const isPerinatal = perinatal.ok && perinatal.value.perinatal;
          if (!isPerinatal && !neonatal) return [];
          const stillbirth = !alive && isPerinatalStillbirth(r.outcome, r.ga_days, r.weight_g);
          return [
            {
              id: r.id,
              kind: alive ? (age?.ok && age.value.earlyNeonatal ? 'early_neonatal' : 'late_neonatal') : 'stillbirth',
              perinatal: isPerinatal,
              outcome: r.outcome,
              birthOrder: r.birth_order,
              sex: r.sex,
              weightG: r.weight_g,
              gestationalAge: gaText(r.ga_days),
              deliveryDate: r.delivery_date,
              institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
              diedOn: alive ? diedOn : r.delivery_date,
              ageDays: age?.ok ? age.value.ageDays : null,
              motherId: r.mother_id,
              motherName: r.mother_name,
              pregnancyId: r.pregnancy_id,
              childPersonId: r.child_person_id,
              childName: r.child_name,
              childDeathId: r.child_death_id,
              childDeathStatus: r.child_death_status,
              /** Stillbirths only (a live-born death is reviewed on the child's death card): pending or reviewed. */
              reviewStatus: stillbirth ? (reviews.has(r.id) ? 'reviewed' : 'pending') : null,
              /** The reviews made so far, one per committee level in level order (stillbirths only). */
              reviews: stillbirth ? (reviews.get(r.id) ?? []) : [],
            },
          ];
        });
        await audit.write(trx, ctx, {
          action: 'maternal.perinatal.list',
          entityType: 'birth_outcome',
          details: { results: items.length },
        });
        return items;
      });
    },

    /** Cards in scope, newest first. */
    async list(ctx: AuthContext): Promise<MaternalDeathDto[]> {
      return withScope(db, ctx, async (trx) => {
        const rows = await trx
          .selectFrom('maternal_death as d')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'd.county_code').onRef('p.id', '=', 'd.person_id'),
          )
          .selectAll('d')
          .select(['p.name as woman_name', 'p.birth_date as woman_birth_date'])
          .orderBy('d.death_date', 'desc')
          .limit(500)
          .execute();
        const reviews = rows.length
          ? await trx
              .selectFrom('maternal_death_review')
              .selectAll()
              .where(
                'death_id',
                'in',
                rows.map((r) => r.id),
              )
              .execute()
          : [];
        await audit.write(trx, ctx, {
          action: 'maternal.death.list',
          entityType: 'maternal_death',
          details: { results: rows.length },
        });
        return rows.map((r) =>
          toDto(
            r,
            reviews.filter((v) => v.death_id === r.id),
            r.woman_name,
            r.woman_birth_date,
          ),
        );
      });
    },
  };
}

export type DeathService = ReturnType<typeof createDeathService>;
