import { randomUUID } from 'node:crypto';
import {
  sql,
  withScope,
  type ChildDeathReviewTable,
  type ChildDeathTable,
  type Database,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { daysBetween, today } from './child.common';
import type { ChildDeathInput } from './child.schemas';
import { childDeathClass } from './child.rules';
import { refreshChildWork } from './worklist.refresh';

type DeathRow = Selectable<ChildDeathTable>;

/** An under-5 death report card (5岁以下儿童死亡报告卡, WS 376.5) as the API returns it. */
export interface ChildDeathDto {
  id: string;
  personId: string;
  childName?: string;
  deathDate: string;
  deathTime: string | null;
  ageDays: number;
  ageGroup: string;
  deathPlace: string;
  careBeforeDeath: string | null;
  diagnosisLevel: string | null;
  diagnosisBasis: string | null;
  causeA: string | null;
  causeB: string | null;
  causeC: string | null;
  underlyingCause: string;
  icd10: string;
  causeCategory: string | null;
  birthWeightG: number | null;
  gestationalWeeks: number | null;
  reporter: string | null;
  status: string;
  submittedAt: string | null;
  version: number;
}

/** A review of a death (committee level, conclusion, the 12-cell grid's ticked cells with their notes, actions). */
function reviewDto(r: Selectable<ChildDeathReviewTable>) {
  return {
    id: r.id,
    level: r.level,
    reviewedOn: r.reviewed_on,
    conclusion: r.conclusion,
    factors: r.factors,
    actions: r.actions,
  };
}

function toDto(r: DeathRow, name?: string): ChildDeathDto {
  return {
    id: r.id,
    personId: r.person_id,
    ...(name ? { childName: name } : {}),
    deathDate: r.death_date,
    deathTime: r.death_time ? r.death_time.slice(0, 5) : null,
    ageDays: r.age_days,
    ageGroup: r.age_group,
    deathPlace: r.death_place,
    careBeforeDeath: r.care_before_death,
    diagnosisLevel: r.diagnosis_level,
    diagnosisBasis: r.diagnosis_basis,
    causeA: r.cause_a,
    causeB: r.cause_b,
    causeC: r.cause_c,
    underlyingCause: r.underlying_cause,
    icd10: r.icd10,
    causeCategory: r.cause_category,
    birthWeightG: r.birth_weight_g,
    gestationalWeeks: r.gestational_weeks,
    reporter: r.reporter,
    status: r.status,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    version: r.version,
  };
}

/** Under-5 death reports: draft, submit (alerts the county supervisors, marks the person deceased), list. */
export function createDeathService(deps: ModuleDeps) {
  const { db, audit } = deps;

  async function values(trx: Transaction<Database>, personId: string, input: ChildDeathInput) {
    const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!person) throw errors.notFound('儿童', 'child');
    if (!person.birth_date) throw errors.field('deathDate', '出生日期未知，无法计算死亡年龄', 'Unknown birth date');
    if (input.deathDate < person.birth_date)
      throw errors.field('deathDate', '死亡日期不能早于出生日期', 'Death before birth');
    if (input.deathDate > today()) throw errors.field('deathDate', '死亡日期不能晚于今天', 'Death date in the future');
    const ageDays = daysBetween(person.birth_date, input.deathDate);
    const cls = childDeathClass({ birthDate: person.birth_date, deathDate: input.deathDate, icd10: input.icd10 });
    if (!cls.under5)
      throw errors.field('deathDate', '死亡时已满5岁，不属于5岁以下儿童死亡报告', 'Not an under-5 death');
    const profile = await trx
      .selectFrom('child_profile')
      .selectAll()
      .where('county_code', '=', person.county_code)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return {
      person,
      row: {
        death_date: input.deathDate,
        death_time: input.deathTime ?? null,
        age_days: ageDays,
        age_group: cls.ageGroup,
        death_place: input.deathPlace,
        care_before_death: input.careBeforeDeath ?? null,
        diagnosis_level: input.diagnosisLevel ?? null,
        diagnosis_basis: input.diagnosisBasis ?? null,
        cause_a: input.causeA ?? null,
        cause_b: input.causeB ?? null,
        cause_c: input.causeC ?? null,
        underlying_cause: input.underlyingCause,
        icd10: input.icd10,
        cause_category: cls.causeCategory,
        birth_weight_g: input.birthWeightG ?? profile?.birth_weight_g ?? null,
        gestational_weeks: input.gestationalWeeks ?? profile?.gestational_weeks ?? null,
        reporter: input.reporter ?? null,
      },
    };
  }

  return {
    async create(ctx: AuthContext, personId: string, input: ChildDeathInput) {
      return withScope(db, ctx, async (trx) => {
        const { person, row } = await values(trx, personId, input);
        const existing = await trx
          .selectFrom('child_death')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', personId)
          .executeTakeFirst();
        if (existing) {
          if (input.id && existing.id === input.id) return { death: toDto(existing), created: false };
          throw errors.conflict('DEATH_EXISTS', '该儿童已有死亡报告卡', 'A death report exists for this child', {
            id: existing.id,
          });
        }
        const id = input.id ?? randomUUID();
        const created = await trx
          .insertInto('child_death')
          .values({
            county_code: person.county_code,
            id,
            person_id: personId,
            ...row,
            reporting_institution_id: ctx.institutionId,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'child.death.create',
          entityType: 'child_death',
          entityId: id,
          personId,
          countyCode: person.county_code,
        });
        return { death: toDto(created), created: true };
      });
    },

    async update(ctx: AuthContext, id: string, input: ChildDeathInput & { version: number }) {
      return withScope(db, ctx, async (trx) => {
        const existing = await trx.selectFrom('child_death').selectAll().where('id', '=', id).executeTakeFirst();
        if (!existing) throw errors.notFound('死亡报告卡', 'death report');
        if (existing.version !== input.version) throw errors.staleVersion(existing.version);
        if (existing.status === 'submitted')
          throw errors.conflict('DEATH_SUBMITTED', '已上报的报告卡不能修改', 'A submitted report cannot be changed');
        const { row } = await values(trx, existing.person_id, input);
        const updated = await trx
          .updateTable('child_death')
          .set({ ...row, version: existing.version + 1, updated_at: new Date() })
          .where('county_code', '=', existing.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.death.update',
          entityType: 'child_death',
          entityId: id,
          personId: existing.person_id,
          countyCode: existing.county_code,
        });
        return toDto(updated);
      });
    },

    /** Submits the card: the person is marked deceased and the county supervisors get an alert. */
    async submit(ctx: AuthContext, id: string, version: number) {
      return withScope(db, ctx, async (trx) => {
        const r = await trx.selectFrom('child_death').selectAll().where('id', '=', id).executeTakeFirst();
        if (!r) throw errors.notFound('死亡报告卡', 'death report');
        if (r.version !== version) throw errors.staleVersion(r.version);
        if (r.status === 'submitted') throw errors.conflict('DEATH_SUBMITTED', '报告卡已上报', 'Already submitted');
        const updated = await trx
          .updateTable('child_death')
          .set({ status: 'submitted', submitted_at: new Date(), version: r.version + 1, updated_at: new Date() })
          .where('county_code', '=', r.county_code)
          .where('id', '=', id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirstOrThrow();
        const person = await trx
          .updateTable('person')
          .set({ deceased_on: r.death_date, version: sql`version + 1`, updated_at: new Date() })
          .where('county_code', '=', r.county_code)
          .where('id', '=', r.person_id)
          .returning(['name'])
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('child_profile')
          .set({ status: 'closed', closed_reason: 'died', closed_on: r.death_date })
          .where('county_code', '=', r.county_code)
          .where('person_id', '=', r.person_id)
          .execute();
        await trx
          .updateTable('child_case')
          .set({ status: 'closed', outcome: 'died', closed_on: r.death_date, next_follow_up_due: null })
          .where('county_code', '=', r.county_code)
          .where('person_id', '=', r.person_id)
          .where('status', '=', 'open')
          .execute();
        await trx
          .insertInto('child_alert')
          .values({
            county_code: r.county_code,
            id: randomUUID(),
            kind: 'child_death',
            person_id: r.person_id,
            entity_type: 'child_death',
            entity_id: id,
            message_zh: `5岁以下儿童死亡报告：${person.name}，${r.death_date}，根本死因 ${r.underlying_cause}（${r.icd10}）`,
            message_en: `Under-5 death reported: ${person.name}, ${r.death_date}, underlying cause ${r.icd10}`,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'child.death.submit',
          entityType: 'child_death',
          entityId: id,
          personId: r.person_id,
          countyCode: r.county_code,
        });
        // the child leaves the worklist
        await refreshChildWork(trx, deps.crypto, r.county_code, r.person_id);
        return toDto(updated);
      });
    },

    async list(
      ctx: AuthContext,
      f: {
        status?: string | undefined;
        from?: string | undefined;
        to?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('child_death as d')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'd.county_code').onRef('p.id', '=', 'd.person_id'),
          );
        if (f.status) q = q.where('d.status', '=', f.status as 'draft');
        if (f.from) q = q.where('d.death_date', '>=', f.from);
        if (f.to) q = q.where('d.death_date', '<=', f.to);
        const [rows, total] = await Promise.all([
          q
            .selectAll('d')
            .select('p.name')
            .orderBy('d.death_date', 'desc')
            .limit(f.pageSize)
            .offset((f.page - 1) * f.pageSize)
            .execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        // the page's reviews in one statement: the list shows each death's reviews with their cells' notes
        const reviews = rows.length
          ? await trx
              .selectFrom('child_death_review')
              .selectAll()
              .where('county_code', 'in', [...new Set(rows.map((r) => r.county_code))])
              .where(
                'death_id',
                'in',
                rows.map((r) => r.id),
              )
              .orderBy('reviewed_on')
              .orderBy('created_at')
              .execute()
          : [];
        await audit.write(trx, ctx, {
          action: 'child.death.list',
          entityType: 'child_death',
          details: { results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...toDto(r, r.name),
            reviews: reviews.filter((v) => v.death_id === r.id).map(reviewDto),
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /** A review of a submitted death (one per level); supervisors only. */
    async review(
      ctx: AuthContext,
      id: string,
      input: {
        level: 'county' | 'city' | 'province';
        reviewedOn: string;
        conclusion: 'avoidable' | 'conditionally_avoidable' | 'unavoidable';
        factors: Record<string, string | undefined>;
        actions?: string | undefined;
      },
    ) {
      return withScope(db, ctx, async (trx) => {
        const d = await trx.selectFrom('child_death').selectAll().where('id', '=', id).executeTakeFirst();
        if (!d) throw errors.notFound('死亡报告卡', 'death report');
        if (d.status !== 'submitted')
          throw errors.conflict('DEATH_NOT_SUBMITTED', '报告卡上报后才能评审', 'Review a submitted report only');
        if (input.reviewedOn < d.death_date || input.reviewedOn > today())
          throw errors.field('reviewedOn', '评审日期应在死亡日期与今天之间', 'The review date is outside death…today');
        const exists = await trx
          .selectFrom('child_death_review')
          .select('id')
          .where('county_code', '=', d.county_code)
          .where('death_id', '=', id)
          .where('level', '=', input.level)
          .executeTakeFirst();
        if (exists)
          throw errors.conflict('REVIEW_EXISTS', '该级别已评审', 'This level has reviewed the death', {
            id: exists.id,
          });
        const reviewId = randomUUID();
        await trx
          .insertInto('child_death_review')
          .values({
            county_code: d.county_code,
            id: reviewId,
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
          action: 'child.death.review',
          entityType: 'child_death',
          entityId: id,
          personId: d.person_id,
          countyCode: d.county_code,
          details: { level: input.level, conclusion: input.conclusion },
        });
        const reviews = await trx
          .selectFrom('child_death_review')
          .selectAll()
          .where('county_code', '=', d.county_code)
          .where('death_id', '=', id)
          .orderBy('reviewed_on')
          .execute();
        return { ...toDto(d), reviews: reviews.map(reviewDto) };
      });
    },

    /** Alerts for the county supervisors (unacknowledged first). */
    async alerts(ctx: AuthContext) {
      return withScope(db, ctx, async (trx) => {
        const rows = await trx
          .selectFrom('child_alert')
          .selectAll()
          .orderBy(sql`acknowledged_at is not null`)
          .orderBy('created_at', 'desc')
          .limit(100)
          .execute();
        return rows.map((a) => ({
          id: a.id,
          kind: a.kind,
          personId: a.person_id,
          entityType: a.entity_type,
          entityId: a.entity_id,
          messageZh: a.message_zh,
          messageEn: a.message_en,
          createdAt: new Date(a.created_at).toISOString(),
          acknowledged: a.acknowledged_at !== null,
        }));
      });
    },

    async acknowledge(ctx: AuthContext, alertId: string) {
      return withScope(db, ctx, async (trx) => {
        const a = await trx.selectFrom('child_alert').selectAll().where('id', '=', alertId).executeTakeFirst();
        if (!a) throw errors.notFound('提醒', 'alert');
        await trx
          .updateTable('child_alert')
          .set({ acknowledged_at: new Date(), acknowledged_by: ctx.userId })
          .where('county_code', '=', a.county_code)
          .where('id', '=', alertId)
          .execute();
        await audit.write(trx, ctx, {
          action: 'child.alert.ack',
          entityType: 'child_alert',
          entityId: alertId,
          countyCode: a.county_code,
        });
        return { ok: true };
      });
    },
  };
}
