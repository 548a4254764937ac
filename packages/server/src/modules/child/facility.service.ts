import { randomUUID } from 'node:crypto';
import { withScope } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { num, today } from './child.common';
import type { FacilityEvaluationInput } from './child.schemas';

/** One childcare facility with its evaluation of the year asked. */
export interface FacilityDto {
  institutionId: string;
  code: string;
  name: string;
  countyCode: string;
  regionCode: string;
  regionName: string | null;
  active: boolean;
  evaluation: {
    id: string;
    year: number;
    evaluatedOn: string;
    qualified: boolean;
    score: number | null;
    assessor: string;
    childrenEnrolled: number | null;
    note: string | null;
    version: number;
  } | null;
}

/** 托幼机构: the register (institutions of type childcare_facility) and their annual health-care evaluations. */
export function createFacilityService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  return {
    /** Facilities in the caller's counties with the evaluation of `year` (default this year), and the rate. */
    async list(ctx: AuthContext, f: { year?: number | undefined; countyCode?: string | undefined }) {
      const year = f.year ?? Number(today().slice(0, 4));
      const counties = f.countyCode ? ctx.counties.filter((c) => c === f.countyCode) : ctx.counties;
      return withScope(db, ctx, async (trx) => {
        if (!counties.length) return { year, items: [] as FacilityDto[], evaluated: 0, qualified: 0, total: 0 };
        const insts = await trx
          .selectFrom('institution')
          .selectAll()
          .where('type', '=', 'childcare_facility')
          .where('county_code', 'in', counties)
          .orderBy('county_code')
          .orderBy('name')
          .execute();
        const evals = await trx
          .selectFrom('childcare_facility_evaluation')
          .selectAll()
          .where('year', '=', year)
          .where('county_code', 'in', counties)
          .execute();
        const byInst = new Map(evals.map((e) => [e.institution_id, e]));
        const items: FacilityDto[] = insts.map((i) => {
          const e = byInst.get(i.id);
          return {
            institutionId: i.id,
            code: i.code,
            name: i.name,
            countyCode: i.county_code,
            regionCode: i.region_code,
            regionName: regions.get(i.region_code)?.name ?? null,
            active: i.active,
            evaluation: e
              ? {
                  id: e.id,
                  year: e.year,
                  evaluatedOn: e.evaluated_on,
                  qualified: e.qualified,
                  score: num(e.score),
                  assessor: e.assessor,
                  childrenEnrolled: e.children_enrolled,
                  note: e.note,
                  version: e.version,
                }
              : null,
          };
        });
        const active = items.filter((i) => i.active);
        return {
          year,
          items,
          total: active.length,
          evaluated: active.filter((i) => i.evaluation).length,
          qualified: active.filter((i) => i.evaluation?.qualified).length,
        };
      });
    },

    /** Records (or replaces, with its version) the evaluation of one facility for one year. */
    async evaluate(
      ctx: AuthContext,
      institutionId: string,
      input: FacilityEvaluationInput & { version?: number | undefined },
    ) {
      return withScope(db, ctx, async (trx) => {
        const inst = await trx.selectFrom('institution').selectAll().where('id', '=', institutionId).executeTakeFirst();
        if (!inst || inst.type !== 'childcare_facility' || !ctx.counties.includes(inst.county_code))
          throw errors.notFound('托幼机构', 'childcare facility');
        if (input.evaluatedOn > today())
          throw errors.field('evaluatedOn', '评估日期不能晚于今天', 'Evaluation date in the future');
        if (
          Number(input.evaluatedOn.slice(0, 4)) !== input.year &&
          Number(input.evaluatedOn.slice(0, 4)) !== input.year + 1
        )
          throw errors.field('evaluatedOn', '评估日期应在评估年度内或次年', 'The date is outside the evaluation year');
        const existing = await trx
          .selectFrom('childcare_facility_evaluation')
          .selectAll()
          .where('county_code', '=', inst.county_code)
          .where('institution_id', '=', institutionId)
          .where('year', '=', input.year)
          .executeTakeFirst();
        const values = {
          evaluated_on: input.evaluatedOn,
          qualified: input.qualified,
          score: input.score ?? null,
          assessor: input.assessor,
          children_enrolled: input.childrenEnrolled ?? null,
          note: input.note ?? null,
        };
        let id: string;
        if (existing) {
          if (input.version === undefined || existing.version !== input.version)
            throw errors.staleVersion(existing.version);
          id = existing.id;
          await trx
            .updateTable('childcare_facility_evaluation')
            .set({ ...values, version: existing.version + 1, updated_at: new Date() })
            .where('county_code', '=', inst.county_code)
            .where('id', '=', id)
            .execute();
        } else {
          id = input.id ?? randomUUID();
          await trx
            .insertInto('childcare_facility_evaluation')
            .values({
              county_code: inst.county_code,
              id,
              institution_id: institutionId,
              year: input.year,
              ...values,
              created_by: ctx.userId,
            })
            .execute();
        }
        await audit.write(trx, ctx, {
          action: 'child.facility.evaluate',
          entityType: 'childcare_facility_evaluation',
          entityId: id,
          countyCode: inst.county_code,
          details: { institutionId, year: input.year, qualified: input.qualified },
        });
        return { id, created: !existing };
      });
    },
  };
}
