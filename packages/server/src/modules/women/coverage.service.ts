import { sql, withScope } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type { TargetPutInput } from './screening.schemas';
import { isoOf } from './women.common';

/** Target population of a county and year. */
export interface TargetDto {
  countyCode: string;
  countyName: string | null;
  year: number;
  women3564: number;
  ruralWomen3564: number | null;
  source: string;
  note: string | null;
  version: number;
  updatedAt: string;
}

/** Figures of one cancer in one county and year. */
export interface CoverageKindFigures {
  /** Women screened in the year (each counted once). */
  screened: number;
  /** Of them in the funded programme. */
  screenedFunded: number;
  /** screened ÷ women 35–64 (null without a target population). */
  coverage: number | null;
  abnormal: number;
  /** Cases where the woman was told and followed (notified or beyond). */
  followed: number;
  followUpRate: number | null;
  lost: number;
  /** Precancer (CIN2/CIN3/AIS) lesions found. */
  precancer: number;
  cancer: number;
  earlyCancer: number;
  /** (precancer + early cancer) ÷ (precancer + cancer). */
  earlyDiagnosisRate: number | null;
  /** Precancer and cancer cases treated. */
  treated: number;
  treatmentRate: number | null;
}

/** Coverage of one county. */
export interface CoverageRow {
  countyCode: string;
  countyName: string | null;
  year: number;
  women3564: number | null;
  cervical: CoverageKindFigures;
  breast: CoverageKindFigures;
}

const rate = (n: number, d: number | null | undefined): number | null => (d ? n / d : null);

/** Target population (census figures) per county and year, and coverage computed from the records. */
export function createCoverageService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  function toTarget(r: {
    county_code: string;
    year: number;
    women_35_64: number;
    rural_women_35_64: number | null;
    source: string;
    note: string | null;
    version: number;
    updated_at: Date | string;
  }): TargetDto {
    return {
      countyCode: r.county_code,
      countyName: regions.get(r.county_code)?.name ?? null,
      year: r.year,
      women3564: r.women_35_64,
      ruralWomen3564: r.rural_women_35_64,
      source: r.source,
      note: r.note,
      version: r.version,
      updatedAt: isoOf(r.updated_at),
    };
  }

  return {
    async targets(ctx: AuthContext, year: number): Promise<TargetDto[]> {
      return withScope(db, ctx, async (trx) => {
        const rows = await trx
          .selectFrom('cancer_screening_target')
          .selectAll()
          .where('year', '=', year)
          .orderBy('county_code')
          .execute();
        return rows.map(toTarget);
      });
    },

    /** Enters or corrects a county's target population (version required to correct). */
    async putTarget(ctx: AuthContext, input: TargetPutInput): Promise<TargetDto> {
      if (!ctx.counties.includes(input.countyCode)) {
        throw errors.field('countyCode', '该县区不在您的管辖范围内', 'The county is outside your jurisdiction');
      }
      if (input.ruralWomen3564 != null && input.ruralWomen3564 > input.women3564) {
        throw errors.field('ruralWomen3564', '农村妇女人数不能多于适龄妇女总数', 'Rural women exceed the total');
      }
      return withScope(db, ctx, async (trx) => {
        const existing = await trx
          .selectFrom('cancer_screening_target')
          .selectAll()
          .where('county_code', '=', input.countyCode)
          .where('year', '=', input.year)
          .executeTakeFirst();
        let row;
        if (existing) {
          if (input.version !== existing.version) throw errors.staleVersion(existing.version);
          row = await trx
            .updateTable('cancer_screening_target')
            .set({
              women_35_64: input.women3564,
              rural_women_35_64: input.ruralWomen3564 ?? null,
              source: input.source,
              note: input.note ?? null,
              version: existing.version + 1,
              updated_at: new Date(),
              updated_by: ctx.userId,
            })
            .where('county_code', '=', input.countyCode)
            .where('year', '=', input.year)
            .where('version', '=', existing.version)
            .returningAll()
            .executeTakeFirst();
          if (!row) throw errors.staleVersion();
        } else {
          row = await trx
            .insertInto('cancer_screening_target')
            .values({
              county_code: input.countyCode,
              year: input.year,
              women_35_64: input.women3564,
              rural_women_35_64: input.ruralWomen3564 ?? null,
              source: input.source,
              note: input.note ?? null,
              updated_by: ctx.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        }
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening_target.put',
          entityType: 'cancer_screening_target',
          entityId: `${input.countyCode}:${input.year}`,
          countyCode: input.countyCode,
          details: { women3564: input.women3564 },
        });
        return toTarget(row);
      });
    },

    /** Coverage, follow-up, early-diagnosis and treatment rates per county in scope for a year. */
    async coverage(ctx: AuthContext, year: number): Promise<CoverageRow[]> {
      return withScope(db, ctx, async (trx) => {
        const from = `${year}-01-01`;
        const to = `${year}-12-31`;
        const screened = await sql<{
          county_code: string;
          kind: string;
          screened: number;
          funded: number;
        }>`select county_code, kind, count(distinct person_id)::int as screened,
              count(distinct person_id) filter (where funded)::int as funded
           from cancer_screening where screening_date between ${from} and ${to}
           group by county_code, kind`.execute(trx);
        const cases = await sql<{
          county_code: string;
          kind: string;
          abnormal: number;
          followed: number;
          lost: number;
          precancer: number;
          cancer: number;
          early_cancer: number;
          treated: number;
        }>`select c.county_code, c.kind, count(*)::int as abnormal,
              count(*) filter (where c.entered_on ->> 'notified' is not null)::int as followed,
              count(*) filter (where c.state = 'lost_to_follow_up')::int as lost,
              count(*) filter (where c.lesion_grade = 'precancer')::int as precancer,
              count(*) filter (where c.lesion_grade = 'cancer')::int as cancer,
              count(*) filter (where c.lesion_grade = 'cancer' and c.early_stage)::int as early_cancer,
              count(*) filter (where c.lesion_grade in ('precancer', 'cancer') and c.state = 'treated')::int as treated
           from cancer_screening_case c
           join cancer_screening s on s.county_code = c.county_code and s.id = c.screening_id
           where s.screening_date between ${from} and ${to}
           group by c.county_code, c.kind`.execute(trx);
        const targets = await trx
          .selectFrom('cancer_screening_target')
          .select(['county_code', 'women_35_64'])
          .where('year', '=', year)
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening.coverage',
          entityType: 'cancer_screening',
          details: { year },
        });
        const counties = [
          ...new Set([
            ...ctx.counties,
            ...screened.rows.map((r) => r.county_code),
            ...targets.map((t) => t.county_code),
          ]),
        ].sort();
        return counties.map((county) => {
          const target = targets.find((t) => t.county_code === county)?.women_35_64 ?? null;
          const figures = (kind: 'cervical' | 'breast'): CoverageKindFigures => {
            const s = screened.rows.find((r) => r.county_code === county && r.kind === kind);
            const c = cases.rows.find((r) => r.county_code === county && r.kind === kind);
            const n = (v: number | undefined) => Number(v ?? 0);
            const lesions = n(c?.precancer) + n(c?.cancer);
            return {
              screened: n(s?.screened),
              screenedFunded: n(s?.funded),
              coverage: rate(n(s?.screened), target),
              abnormal: n(c?.abnormal),
              followed: n(c?.followed),
              followUpRate: rate(n(c?.followed), n(c?.abnormal)),
              lost: n(c?.lost),
              precancer: n(c?.precancer),
              cancer: n(c?.cancer),
              earlyCancer: n(c?.early_cancer),
              earlyDiagnosisRate: rate(n(c?.precancer) + n(c?.early_cancer), lesions),
              treated: n(c?.treated),
              treatmentRate: rate(n(c?.treated), lesions),
            };
          };
          return {
            countyCode: county,
            countyName: regions.get(county)?.name ?? null,
            year,
            women3564: target,
            cervical: figures('cervical'),
            breast: figures('breast'),
          };
        });
      });
    },
  };
}
export type CoverageService = ReturnType<typeof createCoverageService>;
