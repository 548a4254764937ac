import { isPerinatalDeath } from '@fuyou/core';
import { withScope, type Database, type PerinatalDeathReviewTable, type Selectable, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { iso, today } from './maternal.common';
import { REVIEW_LEVELS, type PerinatalReviewInput } from './maternal.schemas';

type ReviewRow = Selectable<PerinatalDeathReviewTable>;

type Level = (typeof REVIEW_LEVELS)[number];

/** One committee level's review of a perinatal stillbirth / fetal death as the API returns it. */
export interface PerinatalReviewDto {
  birthOutcomeId: string;
  level: Level;
  reviewedOn: string;
  conclusion: string;
  factors: unknown;
  actions: string | null;
  version: number;
  updatedAt: string | null;
}

export function perinatalReviewDto(r: ReviewRow): PerinatalReviewDto {
  return {
    birthOutcomeId: r.birth_outcome_id,
    level: r.level,
    reviewedOn: r.reviewed_on,
    conclusion: r.conclusion,
    factors: r.factors,
    actions: r.actions,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

/**
 * A stillbirth or fetal death in the perinatal scope (≥28 weeks; ≥1000 g when the gestation is unknown): the
 * births the perinatal death review is for. A live-born baby who died is reviewed on the child's death card.
 */
export function isPerinatalStillbirth(outcome: string, gaDays: number, weightG: number | null): boolean {
  if (outcome !== 'stillbirth' && outcome !== 'fetal_death') return false;
  const r = isPerinatalDeath({
    outcome,
    gestationalWeeks: Math.floor(gaDays / 7),
    birthWeightG: weightG,
  });
  return r.ok && r.value.perinatal;
}

/**
 * The reviews of the given birth outcomes (keyed by county and id: the table's key starts with the county), each
 * outcome's in level order (county, city, province).
 */
export async function perinatalReviewsOf(
  trx: Transaction<Database>,
  outcomes: readonly { county_code: string; id: string }[],
): Promise<Map<string, PerinatalReviewDto[]>> {
  const out = new Map<string, PerinatalReviewDto[]>();
  if (!outcomes.length) return out;
  const rows = await trx
    .selectFrom('perinatal_death_review')
    .selectAll()
    .where('county_code', 'in', [...new Set(outcomes.map((o) => o.county_code))])
    .where(
      'birth_outcome_id',
      'in',
      outcomes.map((o) => o.id),
    )
    .execute();
  rows.sort((a, b) => REVIEW_LEVELS.indexOf(a.level) - REVIEW_LEVELS.indexOf(b.level));
  for (const r of rows) {
    const list = out.get(r.birth_outcome_id) ?? [];
    list.push(perinatalReviewDto(r));
    out.set(r.birth_outcome_id, list);
  }
  return out;
}

/** The birth outcome a review is for, with its delivery (404 when out of scope or unknown). */
async function outcomeOf(trx: Transaction<Database>, birthOutcomeId: string) {
  const b = await trx
    .selectFrom('birth_outcome as b')
    .innerJoin('delivery as d', (j) =>
      j.onRef('d.county_code', '=', 'b.county_code').onRef('d.id', '=', 'b.delivery_id'),
    )
    .select([
      'b.county_code as county_code',
      'b.mother_id as mother_id',
      'b.outcome as outcome',
      'b.weight_g as weight_g',
      'd.ga_days as ga_days',
      'd.delivery_date as delivery_date',
    ])
    .where('b.id', '=', birthOutcomeId)
    .executeTakeFirst();
  if (!b) throw errors.notFound('妊娠结局', 'birth outcome');
  return b;
}

/**
 * Perinatal death review of stillbirths recorded at delivery. A stillbirth is never a child death (it has no child
 * in the person index, no ICD-10 card and is no infant death), so its reviews are kept on the birth outcome, one
 * per committee level (county, city, province) as the maternal death review, each versioned on its own.
 * Pending is not stored: a perinatal stillbirth without any review is pending (the list works it out).
 */
export function createPerinatalReviewService(deps: ModuleDeps) {
  const { db, audit } = deps;

  /** The reviews of one outcome in level order; audited as a read of the mother's record. */
  async function readReviews(ctx: AuthContext, birthOutcomeId: string, level?: Level) {
    return withScope(db, ctx, async (trx) => {
      const b = await outcomeOf(trx, birthOutcomeId);
      const reviews =
        (await perinatalReviewsOf(trx, [{ county_code: b.county_code, id: birthOutcomeId }])).get(birthOutcomeId) ?? [];
      await audit.write(trx, ctx, {
        action: 'maternal.perinatal.review.read',
        entityType: 'birth_outcome',
        entityId: birthOutcomeId,
        personId: b.mother_id,
        countyCode: b.county_code,
        details: level ? { level } : { results: reviews.length },
      });
      return reviews;
    });
  }

  return {
    /** The reviews of a birth outcome made so far, in level order (county, city, province). */
    list: (ctx: AuthContext, birthOutcomeId: string) => readReviews(ctx, birthOutcomeId),

    /** One level's review (404 when that level has not reviewed it). */
    async get(ctx: AuthContext, birthOutcomeId: string, level: Level): Promise<PerinatalReviewDto> {
      const review = (await readReviews(ctx, birthOutcomeId, level)).find((r) => r.level === level);
      if (!review) throw errors.notFound('该级别的围产儿死亡评审', 'review at this level');
      return review;
    },

    /** Records the review of the input's level, or changes that level's review at the version read (stale → 409). */
    async put(ctx: AuthContext, birthOutcomeId: string, input: PerinatalReviewInput) {
      return withScope(db, ctx, async (trx) => {
        const b = await outcomeOf(trx, birthOutcomeId);
        if (!isPerinatalStillbirth(b.outcome, b.ga_days, b.weight_g))
          throw errors.conflict(
            'NOT_PERINATAL_STILLBIRTH',
            '只有孕28周及以上的死胎、死产进行围产儿死亡评审；活产儿死亡请在儿童死亡报告卡上评审',
            'Only a stillbirth or fetal death at ≥28 weeks has a perinatal review; review a live-born death on its card',
          );
        if (input.reviewedOn < b.delivery_date || input.reviewedOn > today())
          throw errors.field(
            'reviewedOn',
            '评审日期应在分娩日期与今天之间',
            'The review date is outside delivery…today',
          );
        const existing = await trx
          .selectFrom('perinatal_death_review')
          .selectAll()
          .where('county_code', '=', b.county_code)
          .where('birth_outcome_id', '=', birthOutcomeId)
          .where('level', '=', input.level)
          .executeTakeFirst();
        const values = {
          reviewed_on: input.reviewedOn,
          conclusion: input.conclusion,
          factors: JSON.stringify(input.factors),
          actions: input.actions ?? null,
        };
        let row: ReviewRow;
        if (!existing) {
          // a version names a review that was read: none exists (yet) at this level — another's must not be overwritten
          if (input.version !== undefined) throw errors.staleVersion();
          const created = await trx
            .insertInto('perinatal_death_review')
            .values({
              county_code: b.county_code,
              birth_outcome_id: birthOutcomeId,
              level: input.level,
              ...values,
              created_by: ctx.userId,
              updated_by: ctx.userId,
            })
            .onConflict((oc) => oc.columns(['county_code', 'birth_outcome_id', 'level']).doNothing())
            .returningAll()
            .executeTakeFirst();
          if (!created) throw errors.staleVersion();
          row = created;
        } else {
          if (input.version !== existing.version) throw errors.staleVersion(existing.version);
          const updated = await trx
            .updateTable('perinatal_death_review')
            .set({ ...values, version: existing.version + 1, updated_at: new Date(), updated_by: ctx.userId })
            .where('county_code', '=', b.county_code)
            .where('birth_outcome_id', '=', birthOutcomeId)
            .where('level', '=', input.level)
            .where('version', '=', existing.version)
            .returningAll()
            .executeTakeFirst();
          if (!updated) throw errors.staleVersion();
          row = updated;
        }
        await audit.write(trx, ctx, {
          action: existing ? 'maternal.perinatal.review.update' : 'maternal.perinatal.review',
          entityType: 'birth_outcome',
          entityId: birthOutcomeId,
          personId: b.mother_id,
          countyCode: b.county_code,
          details: { level: input.level, conclusion: input.conclusion, version: row.version },
        });
        return { review: perinatalReviewDto(row), created: !existing };
      });
    },
  };
}
export type PerinatalReviewService = ReturnType<typeof createPerinatalReviewService>;
