/**
 * Funded programmes (G7): the annual quantity target of each programme per county and year (entered by the
 * sysadmin or the health commission) and its completion, counted from the service records of the year — never typed
 * in. Which record counts is @fuyou/core's FUNDED_PROGRAMMES[*].counts; each rule is one aggregate query below.
 */
import { z } from 'zod';
import { FUNDED_PROGRAMMES, fundedProgramme, fundedProgrammeProgress, type FundedProgrammeId } from '@fuyou/core';
import { sql, withScope, type Database, type ProgrammeTargetTable, type Selectable, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';

const PROGRAMME_IDS = FUNDED_PROGRAMMES.map((p) => p.id) as [FundedProgrammeId, ...FundedProgrammeId[]];
const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
const county = z.string().regex(/^\d{6}$/, '县区代码应为6位数字');

export const programmeYearSchema = z.object({
  year: z.coerce.number().int('年度应为整数').min(2000, '年度应在2000–2100').max(2100, '年度应在2000–2100'),
});

export const programmeTargetPutSchema = z.object({
  countyCode: county,
  year: z.number().int('年度应为整数').min(2000, '年度应在2000–2100').max(2100, '年度应在2000–2100'),
  programmeId: z.enum(PROGRAMME_IDS, '项目无效'),
  targetCount: z.number().int('目标数应为整数').min(1, '目标数应大于0').max(10_000_000, '目标数过大'),
  source: text(200).min(1, '请填写目标来源（文件名或文号）'),
  note: text(500).optional(),
  version: z.number().int().min(1).optional().describe('修改已有目标时必填（乐观锁）'),
});
export type ProgrammeTargetInput = z.infer<typeof programmeTargetPutSchema>;

export const programmeTargetDeleteSchema = z.object({
  countyCode: county,
  year: z.coerce.number().int().min(2000).max(2100),
  programmeId: z.enum(PROGRAMME_IDS, '项目无效'),
  version: z.coerce.number().int().min(1),
});

type TargetRow = Selectable<ProgrammeTargetTable>;

/** Completion of each programme in a year, per county of the caller's scope (aggregate rows only). */
type Counts = Map<FundedProgrammeId, Map<string, number>>;

/**
 * The counting query of each programme (grouped by county, dates within the year); RLS limits them to the scope.
 * Each follows the counting rule of the core catalogue: the unit (person, couple, newborn, diagnosis…) and which
 * records count.
 */
function completionQueries(
  from: string,
  to: string,
): Record<FundedProgrammeId, ReturnType<typeof sql<{ county_code: string; n: number }>>> {
  const echoIn = sql`exists (select 1 from jsonb_array_elements(events) e where e->>'step' = 'echo'
    and (e->>'date') between ${from} and ${to})`;
  return {
    // each partner examined in a funded (free) examination is one person
    free_premarital_exam: sql`select county_code, sum((female_person_id is not null)::int + (male_person_id is not null)::int)::int as n
      from premarital_exam where funded and exam_date between ${from} and ${to} group by county_code`,
    free_preconception_check: sql`select county_code, count(*)::int as n from preconception_check
      where funded and check_date between ${from} and ${to} group by county_code`,
    cervical_cancer_screening: sql`select county_code, count(distinct person_id)::int as n from cancer_screening
      where kind = 'cervical' and funded and screening_date between ${from} and ${to} group by county_code`,
    breast_cancer_screening: sql`select county_code, count(distinct person_id)::int as n from cancer_screening
      where kind = 'breast' and funded and screening_date between ${from} and ${to} group by county_code`,
    folic_acid_supplementation: sql`select county_code, count(distinct person_id)::int as n from folic_acid_dispensing
      where programme = 'folic_acid_supplementation' and dispensed_on between ${from} and ${to} group by county_code`,
    // the child module's newborn screening: an echocardiography ('echo' step) dated in the year
    newborn_chd_screening: sql`select county_code, count(*)::int as n from newborn_screening
      where kind = 'heart' and ${echoIn} group by county_code`,
    newborn_metabolic_screening: sql`select county_code, count(*)::int as n from newborn_screening
      where kind = 'metabolic' and exists (select 1 from jsonb_array_elements(events) e where e->>'step' = 'sample'
        and left(e->>'at', 10) between ${from} and ${to}) group by county_code`,
    newborn_hearing_screening: sql`select county_code, count(*)::int as n from newborn_screening
      where kind = 'hearing' and exists (select 1 from jsonb_array_elements(events) e where e->>'step' = 'initial'
        and (e->>'date') between ${from} and ${to}) group by county_code`,
    thalassaemia_prevention: sql`select county_code, count(distinct person_id)::int as n from thalassaemia_test
      where test_date between ${from} and ${to} group by county_code`,
    pmtct: sql`select county_code, count(distinct pregnancy_id)::int as n from pmtct_test
      where tested_on between ${from} and ${to} group by county_code`,
    free_contraceptives: sql`select county_code, count(*)::int as n from contraceptive_stock_movement
      where kind = 'issue' and movement_date between ${from} and ${to} group by county_code`,
    prenatal_screening_diagnosis: sql`select county_code, count(distinct pregnancy_id)::int as n from prenatal_screening
      where screened_on between ${from} and ${to} group by county_code`,
  };
}

/** A target as the API returns it. */
function targetDto(r: TargetRow, countyName: string | null) {
  const p = fundedProgramme(r.programme_id as FundedProgrammeId);
  return {
    countyCode: r.region_code,
    countyName,
    year: r.year,
    programmeId: r.programme_id,
    programmeZh: p?.zh ?? r.programme_id,
    programmeEn: p?.en ?? r.programme_id,
    targetCount: r.target_count,
    source: r.source,
    note: r.note,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/**
 * Who reads targets and progress: the sysadmin (who sets targets; `setting.manage`), care and the indicator readers.
 * The web navigation shows the page for the same list.
 */
export const PROGRAMME_READERS = ['setting.manage', 'care.read', 'indicator.read'] as const;

/** Programme targets and their completion. */
export function createProgrammeService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  /** Sysadmin: any county; the commission: counties of its jurisdiction. */
  function requireEditable(ctx: AuthContext, countyCode: string) {
    if (ctx.role !== 'sysadmin' && ctx.role !== 'commission_viewer') {
      throw errors.forbidden(
        '仅系统管理员和卫生健康委员会用户可以设置项目目标',
        'Only the sysadmin and the commission set targets',
      );
    }
    const region = regions.get(countyCode);
    if (!region || region.level !== 'county') throw errors.field('countyCode', '县区代码不存在', 'Unknown county');
    if (ctx.role === 'commission_viewer') {
      const chain = [countyCode, ...regions.ancestors(countyCode).map((r) => r.code)];
      if (!ctx.jurisdictionCode || !chain.includes(ctx.jurisdictionCode)) {
        throw errors.forbidden('该县区超出您的管辖范围', 'That county is outside your jurisdiction');
      }
    }
  }

  function requireReader(ctx: AuthContext) {
    if (!PROGRAMME_READERS.some((p) => ctx.permissions.has(p))) throw errors.forbidden();
  }

  /** Counties whose targets the caller sees: her scope, or for the sysadmin every county with a target. */
  function visibleCounties(ctx: AuthContext, targets: TargetRow[]): string[] {
    const own = new Set(ctx.counties);
    const withTargets = targets.map((t) => t.region_code);
    return [...new Set(ctx.role === 'sysadmin' ? [...withTargets, ...own] : [...own])].sort();
  }

  async function counts(trx: Transaction<Database>, year: number): Promise<Counts> {
    const q = completionQueries(`${year}-01-01`, `${year}-12-31`);
    const out: Counts = new Map();
    for (const id of PROGRAMME_IDS) {
      const r = await q[id].execute(trx);
      out.set(id, new Map(r.rows.map((x) => [x.county_code, Number(x.n)])));
    }
    return out;
  }

  return {
    async targets(ctx: AuthContext, year: number) {
      requireReader(ctx);
      return withScope(db, ctx, async (trx) => {
        const rows = await trx.selectFrom('programme_target').selectAll().where('year', '=', year).execute();
        const visible = new Set(visibleCounties(ctx, rows));
        return rows
          .filter((r) => visible.has(r.region_code))
          .sort((a, b) => a.region_code.localeCompare(b.region_code) || a.programme_id.localeCompare(b.programme_id))
          .map((r) => targetDto(r, regions.get(r.region_code)?.name ?? null));
      });
    },

    /** Creates or replaces a county's target of a programme for a year (version required to replace). */
    async putTarget(ctx: AuthContext, input: ProgrammeTargetInput) {
      requireEditable(ctx, input.countyCode);
      return withScope(db, ctx, async (trx) => {
        const existing = await trx
          .selectFrom('programme_target')
          .selectAll()
          .where('region_code', '=', input.countyCode)
          .where('year', '=', input.year)
          .where('programme_id', '=', input.programmeId)
          .executeTakeFirst();
        let row: TargetRow | undefined;
        if (existing) {
          if (input.version !== existing.version) throw errors.staleVersion(existing.version);
          row = await trx
            .updateTable('programme_target')
            .set({
              target_count: input.targetCount,
              source: input.source,
              note: input.note ?? null,
              version: existing.version + 1,
              updated_at: new Date(),
              updated_by: ctx.userId,
            })
            .where('region_code', '=', input.countyCode)
            .where('year', '=', input.year)
            .where('programme_id', '=', input.programmeId)
            .where('version', '=', existing.version)
            .returningAll()
            .executeTakeFirst();
          if (!row) throw errors.staleVersion();
        } else {
          if (input.version !== undefined) throw errors.staleVersion(0);
          row = await trx
            .insertInto('programme_target')
            .values({
              region_code: input.countyCode,
              year: input.year,
              programme_id: input.programmeId,
              target_count: input.targetCount,
              source: input.source,
              note: input.note ?? null,
              updated_by: ctx.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        }
        await audit.write(trx, ctx, {
          action: 'women.programme_target.put',
          entityType: 'programme_target',
          entityId: `${input.countyCode}:${input.year}:${input.programmeId}`,
          details: { targetCount: input.targetCount, previous: existing?.target_count ?? null },
        });
        return targetDto(row, regions.get(row.region_code)?.name ?? null);
      });
    },

    async deleteTarget(ctx: AuthContext, input: z.infer<typeof programmeTargetDeleteSchema>) {
      requireEditable(ctx, input.countyCode);
      return withScope(db, ctx, async (trx) => {
        const existing = await trx
          .selectFrom('programme_target')
          .selectAll()
          .where('region_code', '=', input.countyCode)
          .where('year', '=', input.year)
          .where('programme_id', '=', input.programmeId)
          .executeTakeFirst();
        if (!existing) throw errors.notFound('项目目标', 'programme target');
        if (existing.version !== input.version) throw errors.staleVersion(existing.version);
        await trx
          .deleteFrom('programme_target')
          .where('region_code', '=', input.countyCode)
          .where('year', '=', input.year)
          .where('programme_id', '=', input.programmeId)
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.programme_target.delete',
          entityType: 'programme_target',
          entityId: `${input.countyCode}:${input.year}:${input.programmeId}`,
          details: { targetCount: existing.target_count },
        });
        return { deleted: true };
      });
    },

    /**
     * Progress of every programme in each visible county for a calendar year: the target (if set), the completion
     * counted from the records (null for a county outside the caller's data scope, e.g. for the sysadmin), % of
     * target and what remains.
     */
    async progress(ctx: AuthContext, year: number) {
      requireReader(ctx);
      return withScope(db, ctx, async (trx) => {
        const targets = await trx.selectFrom('programme_target').selectAll().where('year', '=', year).execute();
        const done = ctx.counties.length ? await counts(trx, year) : new Map();
        const scope = new Set(ctx.counties);
        const counties = visibleCounties(ctx, targets);
        await audit.write(trx, ctx, {
          action: 'women.programme.progress',
          entityType: 'programme_target',
          details: { year, counties: counties.length },
        });
        const rows = counties.map((c) => ({
          countyCode: c,
          countyName: regions.get(c)?.name ?? null,
          inScope: scope.has(c),
          programmes: FUNDED_PROGRAMMES.map((p) => {
            const t = targets.find((x) => x.region_code === c && x.programme_id === p.id);
            const completed = scope.has(c) ? (done.get(p.id)?.get(c) ?? 0) : null;
            const pr = t && completed !== null ? fundedProgrammeProgress(completed, t.target_count) : null;
            return {
              programmeId: p.id,
              zh: p.zh,
              en: p.en,
              unit: p.counts.unit,
              countsZh: p.counts.zh,
              countsEn: p.counts.en,
              targetCount: t?.target_count ?? null,
              targetVersion: t?.version ?? null,
              targetSource: t?.source ?? null,
              completed,
              share: pr && pr.ok ? pr.share : null,
              met: pr && pr.ok ? pr.met : null,
              remaining: pr && pr.ok ? pr.remaining : null,
            };
          }),
        }));
        // totals over the counties in scope (targets and completion both summed: a count target adds up)
        const total = FUNDED_PROGRAMMES.map((p) => {
          const inScope = rows.filter((r) => r.inScope);
          const cells = inScope.map((r) => r.programmes.find((x) => x.programmeId === p.id)!);
          const target = cells.reduce((s, x) => s + (x.targetCount ?? 0), 0);
          const completed = cells.reduce((s, x) => s + (x.completed ?? 0), 0);
          const pr = target > 0 ? fundedProgrammeProgress(completed, target) : null;
          return {
            programmeId: p.id,
            targetCount: target || null,
            completed: inScope.length ? completed : null,
            share: pr && pr.ok ? pr.share : null,
          };
        });
        return {
          year,
          from: `${year}-01-01`,
          to: `${year}-12-31`,
          programmes: FUNDED_PROGRAMMES.map((p) => ({
            id: p.id,
            zh: p.zh,
            en: p.en,
            funding: p.funding,
            unit: p.counts.unit,
            countsZh: p.counts.zh,
            countsEn: p.counts.en,
            exampleTargets: p.exampleTargets,
          })),
          counties: rows,
          total,
        };
      });
    },
  };
}
export type ProgrammeService = ReturnType<typeof createProgrammeService>;
