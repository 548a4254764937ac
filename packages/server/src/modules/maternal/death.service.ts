import { randomUUID } from 'node:crypto';
import { PUERPERIUM_DAYS } from '@fuyou/core';
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
import { addDays, iso, today, unprocessable, type PregnancyRow } from './maternal.common';
import type { DeathReviewInput, MaternalDeathInput, MaternalDeathUpdateInput } from './maternal.schemas';
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

function toDto(r: DeathRow, reviews: ReviewRow[], name?: string): MaternalDeathDto {
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
  const { db, audit } = deps;

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
            ...(columns(input) as { death_date: string; death_place: string; underlying_cause: string; icd10: string }),
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
        return toDto(row, [], person.name);
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
          .set({ ...(columns(input) as object), version: d.version + 1, updated_at: new Date() })
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
          .returning(['name'])
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
        return toDto(updated, await reviewsOf(trx, updated), person.name);
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
          .select('name')
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
        return toDto(d, await reviewsOf(trx, d), person?.name);
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
          .select('p.name as woman_name')
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
          ),
        );
      });
    },
  };
}

export type DeathService = ReturnType<typeof createDeathService>;
