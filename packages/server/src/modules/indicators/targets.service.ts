/**
 * Targets (目标值) and indicator-version choices of regions: preloaded from @fuyou/core's target sets (Zhoushan 2019,
 * Naiman 2023, national) the first time they are needed, viewed by everyone who reads indicators, edited by the
 * sysadmin and commission users. A region inherits its parent's target unless it sets its own; a target stays in
 * force in later years until the region sets a new one (reported as `carriedFromYear`).
 */
import { randomUUID } from 'node:crypto';
import {
  getIndicator,
  inheritanceChain,
  indicatorTargetSchema,
  preloadedIndicatorVersionChoices,
  preloadedTargets,
  resolveIndicatorVersion,
  type IndicatorVersionChoice,
  type TargetComparator,
} from '@fuyou/core';
import { sql, withScope, type Database, type Kysely, type Selectable, type Transaction } from '@fuyou/db';
import type { IndicatorTargetTable } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { requireRegionEditable, unknownIndicator } from './indicators.common';

type TargetRow = Selectable<IndicatorTargetTable>;

/** A target as the API returns it. */
export interface TargetDto {
  id: string;
  regionCode: string;
  regionName: string | null;
  year: number;
  indicatorId: string;
  indicatorNameZh: string;
  indicatorNameEn: string;
  unit: string;
  version: string | null;
  comparator: TargetComparator;
  value: number;
  source: string;
  note: string | null;
  noteEn: string | null;
  textZh: string | null;
  status: 'C' | 'R' | 'L' | null;
  confirmed: boolean;
  preloaded: boolean;
  rowVersion: number;
  updatedAt: string;
}

/** A target that applies to a region, with where it comes from. */
export interface AppliedTarget extends TargetDto {
  /** The region whose target applies (the asked region, an ancestor, or '000000'). */
  inheritedFrom: string;
  /** Set when the target was set for an earlier year and still applies. */
  carriedFromYear: number | null;
}

/** Input of a target (create or replace). */
export interface TargetInput {
  regionCode: string;
  year: number;
  indicatorId: string;
  comparator: TargetComparator;
  value: number;
  source: string;
  note?: string | undefined;
  noteEn?: string | undefined;
  version?: string | undefined;
  rowVersion?: number | undefined;
}

const PRELOAD_SETTING = 'indicators.targets_preloaded';

/** Targets service. */
export function createTargetsService(deps: { db: Kysely<Database>; audit: AuditWriter; regions: RegionIndex }) {
  const { db, audit, regions } = deps;
  let preloaded = false;

  function dto(r: TargetRow): TargetDto {
    const d = getIndicator(r.indicator_id);
    return {
      id: r.id,
      regionCode: r.region_code,
      regionName: regions.get(r.region_code)?.name ?? null,
      year: r.year,
      indicatorId: r.indicator_id,
      indicatorNameZh: d?.nameZh ?? r.indicator_id,
      indicatorNameEn: d?.nameEn ?? r.indicator_id,
      unit: d?.unit ?? '%',
      version: r.indicator_version,
      comparator: r.comparator,
      value: Number(r.value),
      source: r.source,
      note: r.note,
      noteEn: r.note_en,
      textZh: r.text_zh,
      status: r.status,
      confirmed: r.confirmed,
      preloaded: r.preloaded,
      rowVersion: r.version,
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }

  /** Loads the core target sets and version choices once per database (idempotent). */
  async function ensurePreloaded(trx: Transaction<Database>): Promise<void> {
    if (preloaded) return;
    const done = await trx.selectFrom('setting').select('key').where('key', '=', PRELOAD_SETTING).executeTakeFirst();
    if (!done) {
      for (const t of preloadedTargets) {
        if (!regions.get(t.regionCode)) continue;
        await trx
          .insertInto('indicator_target')
          .values({
            id: randomUUID(),
            region_code: t.regionCode,
            year: t.year,
            indicator_id: t.indicatorId,
            indicator_version: t.version ?? null,
            comparator: t.comparator,
            value: t.value,
            source: t.source,
            note: t.note ?? null,
            note_en: t.noteEn ?? null,
            text_zh: t.textZh ?? null,
            status: t.status ?? null,
            confirmed: t.confirmed ?? false,
            preloaded: true,
          })
          .onConflict((oc) => oc.columns(['region_code', 'year', 'indicator_id']).doNothing())
          .execute();
      }
      for (const v of preloadedIndicatorVersionChoices) {
        if (!regions.get(v.regionCode)) continue;
        await trx
          .insertInto('indicator_version_choice')
          .values({
            region_code: v.regionCode,
            indicator_id: v.indicatorId,
            indicator_version: v.version,
            source: v.source,
            note: v.note ?? null,
          })
          .onConflict((oc) => oc.columns(['region_code', 'indicator_id']).doNothing())
          .execute();
      }
      await trx
        .insertInto('setting')
        .values({ key: PRELOAD_SETTING, value: JSON.stringify({ at: new Date().toISOString() }) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    preloaded = true;
  }

  function chainOf(regionCode: string): string[] {
    return inheritanceChain(
      regionCode,
      regions.ancestors(regionCode).map((r) => r.code),
    );
  }

  /** Every target row that can apply to the region (its own and its ancestors'), up to `year`. */
  async function rowsFor(trx: Transaction<Database>, regionCode: string, year: number): Promise<TargetRow[]> {
    await ensurePreloaded(trx);
    return trx
      .selectFrom('indicator_target')
      .selectAll()
      .where('region_code', 'in', chainOf(regionCode))
      .where('year', '<=', year)
      .execute();
  }

  /**
   * The target of each indicator that applies to a region in a year: along the inheritance chain (the region,
   * then its ancestors, then the nation), the first region that has one for that year or, failing that, for the
   * latest earlier year. A target on a count (e.g. 208 echocardiography diagnoses a year for the city) is the
   * region's own total and is not inherited; "no avoidable maternal death" is, as it holds in every part.
   */
  function applied(rows: readonly TargetRow[], regionCode: string, year: number): Map<string, AppliedTarget> {
    const chain = chainOf(regionCode);
    const out = new Map<string, AppliedTarget>();
    const ids = [...new Set(rows.map((r) => r.indicator_id))];
    const inheritable = (r: TargetRow) =>
      r.region_code === regionCode ||
      r.comparator === 'no_avoidable_maternal_death' ||
      getIndicator(r.indicator_id)?.unit !== 'count';
    for (const id of ids) {
      for (const code of chain) {
        const hits = rows
          .filter((r) => r.region_code === code && r.indicator_id === id && r.year <= year && inheritable(r))
          .sort((a, b) => b.year - a.year);
        const hit = hits[0];
        if (hit) {
          out.set(id, { ...dto(hit), inheritedFrom: code, carriedFromYear: hit.year === year ? null : hit.year });
          break;
        }
      }
    }
    return out;
  }

  async function versionChoicesIn(trx: Transaction<Database>): Promise<IndicatorVersionChoice[]> {
    await ensurePreloaded(trx);
    const rows = await trx.selectFrom('indicator_version_choice').selectAll().execute();
    return rows.map((r) => ({
      regionCode: r.region_code,
      indicatorId: r.indicator_id,
      version: r.indicator_version,
      source: r.source,
      ...(r.note ? { note: r.note } : {}),
    }));
  }

  function validate(input: TargetInput) {
    const parsed = indicatorTargetSchema.safeParse({
      regionCode: input.regionCode,
      year: input.year,
      indicatorId: input.indicatorId,
      comparator: input.comparator,
      value: input.value,
      source: input.source,
      ...(input.version ? { version: input.version } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? 'value');
      const zh: Record<string, string> = {
        unknown_indicator: '指标不存在',
        unknown_version: '该指标没有此口径版本',
        invalid_value: '目标值无效（百分比应在0–100之间）',
        comparator_mismatch: '"无可避免孕产妇死亡"只用于可避免孕产妇死亡数指标',
        source_required: '请填写目标来源文件',
        invalid_region_code: '区划代码无效',
        invalid_year: '年份无效',
      };
      throw errors.field(field, zh[issue.message] ?? '输入无效', issue.message);
    }
  }

  return {
    ensurePreloaded,
    applied,
    rowsFor,
    chainOf,

    /** The version of an indicator a region reports under (its own choice, an ancestor's, or the default). */
    async versionFor(trx: Transaction<Database>, regionCode: string, indicatorId: string) {
      const choices = await versionChoicesIn(trx);
      return resolveIndicatorVersion(
        choices,
        regionCode,
        regions.ancestors(regionCode).map((r) => r.code),
        indicatorId,
      );
    },

    /** Targets that apply to a region in a year (resolved), and the region's own rows of that year. */
    async forRegion(ctx: AuthContext, regionCode: string, year: number) {
      if (!regions.get(regionCode)) throw errors.notFound('行政区划', 'region');
      return withScope(db, ctx, async (trx) => {
        const rows = await rowsFor(trx, regionCode, year);
        const applies = [...applied(rows, regionCode, year).values()];
        return {
          regionCode,
          regionName: regions.get(regionCode)?.name ?? null,
          year,
          applied: applies,
          own: rows.filter((r) => r.region_code === regionCode && r.year === year).map(dto),
        };
      });
    },

    /** Every stored target row, filtered (for the management page). */
    async list(ctx: AuthContext, f: { regionCode?: string | undefined; year?: number | undefined }) {
      return withScope(db, ctx, async (trx) => {
        await ensurePreloaded(trx);
        let q = trx.selectFrom('indicator_target').selectAll();
        if (f.regionCode) q = q.where('region_code', '=', f.regionCode);
        if (f.year) q = q.where('year', '=', f.year);
        const rows = await q.orderBy('region_code').orderBy('year', 'desc').orderBy('indicator_id').execute();
        return rows.map(dto);
      });
    },

    /** Creates or replaces the target of a region, year and indicator (optimistic concurrency on replace). */
    async upsert(ctx: AuthContext, input: TargetInput): Promise<TargetDto> {
      requireRegionEditable(regions, ctx, input.regionCode);
      if (!getIndicator(input.indicatorId)) throw unknownIndicator();
      validate(input);
      return withScope(db, ctx, async (trx) => {
        await ensurePreloaded(trx);
        const existing = await trx
          .selectFrom('indicator_target')
          .selectAll()
          .where('region_code', '=', input.regionCode)
          .where('year', '=', input.year)
          .where('indicator_id', '=', input.indicatorId)
          .forUpdate()
          .executeTakeFirst();
        const values = {
          comparator: input.comparator,
          value: input.value,
          source: input.source,
          note: input.note ?? null,
          note_en: input.noteEn ?? null,
          indicator_version: input.version ?? null,
          status: 'L' as const,
          confirmed: false,
          preloaded: false,
          updated_by: ctx.userId,
        };
        let row: TargetRow;
        if (existing) {
          if (input.rowVersion !== undefined && input.rowVersion !== existing.version)
            throw errors.staleVersion(existing.version);
          row = await trx
            .updateTable('indicator_target')
            .set({ ...values, version: existing.version + 1, updated_at: new Date() })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow();
        } else {
          row = await trx
            .insertInto('indicator_target')
            .values({
              id: randomUUID(),
              region_code: input.regionCode,
              year: input.year,
              indicator_id: input.indicatorId,
              text_zh: null,
              ...values,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        }
        await audit.write(trx, ctx, {
          action: existing ? 'indicator.target.update' : 'indicator.target.create',
          entityType: 'indicator_target',
          entityId: row.id,
          details: { regionCode: row.region_code, year: row.year, indicatorId: row.indicator_id, value: input.value },
        });
        return dto(row);
      });
    },

    /** Removes a region's own target (the inherited one applies again). */
    async remove(ctx: AuthContext, id: string, rowVersion: number): Promise<{ removed: true }> {
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('indicator_target').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('目标值', 'target');
        requireRegionEditable(regions, ctx, row.region_code);
        if (row.version !== rowVersion) throw errors.staleVersion(row.version);
        await trx.deleteFrom('indicator_target').where('id', '=', id).execute();
        await audit.write(trx, ctx, {
          action: 'indicator.target.delete',
          entityType: 'indicator_target',
          entityId: id,
          details: { regionCode: row.region_code, year: row.year, indicatorId: row.indicator_id },
        });
        return { removed: true };
      });
    },

    /** Sets the version a region reports an indicator under. */
    async setVersion(
      ctx: AuthContext,
      input: { regionCode: string; indicatorId: string; version: string; source: string; note?: string | undefined },
    ) {
      requireRegionEditable(regions, ctx, input.regionCode);
      const d = getIndicator(input.indicatorId);
      if (!d) throw unknownIndicator();
      if (!(d.versions ?? []).some((v) => v.id === input.version))
        throw errors.field('version', '该指标没有此口径版本', 'The indicator has no such version');
      return withScope(db, ctx, async (trx) => {
        await ensurePreloaded(trx);
        await trx
          .insertInto('indicator_version_choice')
          .values({
            region_code: input.regionCode,
            indicator_id: input.indicatorId,
            indicator_version: input.version,
            source: input.source,
            note: input.note ?? null,
            updated_by: ctx.userId,
          })
          .onConflict((oc) =>
            oc.columns(['region_code', 'indicator_id']).doUpdateSet({
              indicator_version: input.version,
              source: input.source,
              note: input.note ?? null,
              updated_by: ctx.userId,
              updated_at: sql`now()`,
            }),
          )
          .execute();
        await audit.write(trx, ctx, {
          action: 'indicator.version.set',
          entityType: 'indicator_version_choice',
          entityId: `${input.regionCode}:${input.indicatorId}`,
          details: { version: input.version },
        });
        return { regionCode: input.regionCode, indicatorId: input.indicatorId, version: input.version };
      });
    },

    /** Version choices in force (for the management page). */
    async versionChoices(ctx: AuthContext) {
      return withScope(db, ctx, (trx) => versionChoicesIn(trx));
    },
  };
}

/** The targets service. */
export type TargetsService = ReturnType<typeof createTargetsService>;
