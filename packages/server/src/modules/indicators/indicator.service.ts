/**
 * Indicators for a region and period: numerator and denominator from the measure engine, the value, the exact
 * (Clopper–Pearson) confidence interval and the small-number warning from @fuyou/core, figures by county (they add
 * up to the region's), and the time the figures were read ("data as of").
 */
import {
  computeRate,
  getIndicator,
  indicatorCatalogue,
  indicatorForVersion,
  isIndicatorError,
  rateConfidenceInterval,
  smallNumberWarning,
  type IndicatorDefinition,
  type SmallNumberWarning,
} from '@fuyou/core';
import { availableParallelism } from 'node:os';
import {
  parallelCapacity,
  withScope,
  withScopeParallel,
  type Database,
  type Kysely,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { FieldCrypto } from '../../platform/crypto';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { CountCache, DEFAULT_FRESH_MS } from './count-cache';
import { countMeasures, createTableCheck, type GroupBy, type MeasureCount, type ParallelCounts } from './engine';
import { periodInfo, scopedRegion, unknownIndicator, type PeriodInfo } from './indicators.common';
import type { Basis } from './measures/index';
import type { TargetsService } from './targets.service';

/** The population basis asked for (`default`: the indicator's own — residence for 'both'). */
export type BasisChoice = Basis | 'default';

/** Figures of one county (or institution). */
export interface FigureRow {
  countyCode: string;
  countyName: string | null;
  institutionId?: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** One indicator for one region and period. */
export interface IndicatorResult {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  unit: IndicatorDefinition['unit'];
  direction: IndicatorDefinition['direction'];
  area: IndicatorDefinition['area'];
  version: string | null;
  /** Where the version came from: the region whose choice applies, or 'default' / 'asked'. */
  versionFrom: string;
  confirmed: boolean;
  numeratorMeasure: string;
  denominatorMeasure: string | null;
  numeratorZh: string;
  numeratorEn: string;
  denominatorZh: string | null;
  denominatorEn: string | null;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  /** The basis the numerator was counted by (measures may fix their own). */
  basis: Basis;
  /** 'unavailable' when a measure cannot be counted; 'no_data' when the denominator is 0. */
  status: 'ok' | 'no_data' | 'unavailable';
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci: { lower: number; upper: number; level: number } | null;
  smallNumberWarning: SmallNumberWarning | null;
  byCounty: FigureRow[];
  byInstitution?: FigureRow[];
  unavailable: { measureId: string; reasonZh: string; reasonEn: string }[];
  dataAsOf: string;
}

/** A request for indicators. */
export interface IndicatorRequest {
  regionCode: string;
  period: string;
  basis?: BasisChoice | undefined;
  /** Every catalogue indicator when absent. */
  indicatorIds?: readonly string[] | undefined;
  /** Asked version (only with one indicator); else the region's choice. */
  version?: string | undefined;
  groupBy?: GroupBy | undefined;
}

function defaultBasis(def: IndicatorDefinition): Basis {
  if (def.populationBasis === 'hukou') return 'hukou';
  if (def.populationBasis === 'facility') return 'facility';
  return 'residence';
}

/**
 * How a count is split over connections: `FUYOU_COUNT_PARALLEL` statements at most (default: the cores, at most the
 * parallel pool's size; 1 turns it off). Each runs under the caller's scope; all read one snapshot.
 */
function parallelCounts(parallelDb: Kysely<Database> | undefined) {
  if (!parallelDb) return undefined;
  const asked = Number(process.env.FUYOU_COUNT_PARALLEL);
  const ways = Math.min(
    Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism(),
    parallelCapacity(parallelDb) ?? 1,
  );
  if (ways <= 1) return undefined;
  return (ctx: AuthContext): ParallelCounts => ({
    ways,
    run: (works) => withScopeParallel(parallelDb, ctx, works),
  });
}

/** The indicators service (the live engine with its cache). */
export function createIndicatorService(deps: {
  db: Kysely<Database>;
  regions: RegionIndex;
  targets: TargetsService;
  crypto: FieldCrypto;
  freshMs?: number;
  /** The database's parallel pool (PostgreSQL): a count is then split over several connections at once. */
  parallelDb?: Kysely<Database>;
}) {
  const { db, regions, targets } = deps;
  const parallel = parallelCounts(deps.parallelDb);
  const envMs = Number(process.env.FUYOU_INDICATOR_CACHE_MS);
  const cache = new CountCache(
    deps.freshMs ??
      (Number.isFinite(envMs) && process.env.FUYOU_INDICATOR_CACHE_MS !== undefined ? envMs : DEFAULT_FRESH_MS),
  );
  const tableCheck = createTableCheck();

  /** Counts with the cache: returns each measure's counts and the oldest time among them. */
  async function counts(
    trx: Transaction<Database>,
    ctx: AuthContext,
    req: { measureIds: string[]; counties: string[]; from: string; to: string; basis: Basis; groupBy: GroupBy },
  ): Promise<{ byId: Map<string, MeasureCount>; at: number }> {
    const byId = new Map<string, MeasureCount>();
    let at = Date.now();
    const missing: string[] = [];
    const keyOf = (id: string) =>
      CountCache.key({
        measureId: id,
        basis: req.basis,
        from: req.from,
        to: req.to,
        groupBy: req.groupBy,
        counties: req.counties,
        scope: ctx.counties,
      });
    for (const id of new Set(req.measureIds)) {
      const hit = cache.get(keyOf(id));
      if (hit) {
        byId.set(id, hit.count);
        at = Math.min(at, hit.at);
      } else missing.push(id);
    }
    if (missing.length) {
      const started = Date.now();
      const fresh = await countMeasures(
        trx,
        {
          measureIds: missing,
          counties: req.counties,
          scope: ctx.counties,
          from: req.from,
          to: req.to,
          basis: req.basis,
          groupBy: req.groupBy,
          factKey: deps.crypto.factPads(),
        },
        tableCheck,
        parallel?.(ctx),
      );
      for (const id of missing) {
        const c = fresh.get(id);
        if (!c) continue;
        byId.set(id, c);
        cache.set(keyOf(id), c, started);
      }
      at = Math.min(at, started);
    }
    return { byId, at };
  }

  function figures(
    def: IndicatorDefinition,
    num: MeasureCount | undefined,
    den: MeasureCount | undefined,
    keys: readonly string[],
    nameOf: (k: string) => { countyCode: string; countyName: string | null; institutionId?: string | null },
  ): FigureRow[] {
    return keys.map((k) => {
      const n = num?.status === 'ok' ? (num.byKey.get(k) ?? 0) : null;
      const d = def.query.denominator ? (den?.status === 'ok' ? (den.byKey.get(k) ?? 0) : null) : null;
      const value = n === null ? null : def.unit === 'count' ? n : d === null ? null : computeRate(n, d, def.unit);
      return { ...nameOf(k), numerator: n, denominator: d, value };
    });
  }

  async function computeIn(
    trx: Transaction<Database>,
    ctx: AuthContext,
    req: IndicatorRequest,
    period: PeriodInfo,
  ): Promise<IndicatorResult[]> {
    const { region, counties } = scopedRegion(regions, ctx, req.regionCode);
    const ids = req.indicatorIds?.length ? [...req.indicatorIds] : indicatorCatalogue.map((d) => d.id);
    const defs: { def: IndicatorDefinition; version: string | null; versionFrom: string; basis: Basis }[] = [];
    for (const id of ids) {
      const base = getIndicator(id);
      if (!base) throw unknownIndicator();
      let versionId: string | undefined;
      let versionFrom = 'default';
      if (req.version && ids.length === 1) {
        versionId = req.version;
        versionFrom = 'asked';
      } else if (base.versions?.length) {
        const v = await targets.versionFor(trx, req.regionCode, id);
        versionId = v.version ?? undefined;
        versionFrom = v.from;
      }
      const r = indicatorForVersion(id, versionId);
      if (isIndicatorError(r)) throw errors.field('version', r.messageZh, r.messageEn, 'UNKNOWN_VERSION');
      const basis = !req.basis || req.basis === 'default' ? defaultBasis(r.indicator) : req.basis;
      defs.push({ def: r.indicator, version: r.version, versionFrom, basis });
    }
    const groupBy: GroupBy = req.groupBy ?? 'county';
    // one engine call per basis (most dashboards: one)
    const byBasis = new Map<Basis, Set<string>>();
    for (const d of defs) {
      const set = byBasis.get(d.basis) ?? new Set<string>();
      set.add(d.def.query.numerator);
      if (d.def.query.denominator) set.add(d.def.query.denominator);
      byBasis.set(d.basis, set);
    }
    const countsBy = new Map<Basis, Map<string, MeasureCount>>();
    let at = Date.now();
    for (const [basis, set] of byBasis) {
      const r = await counts(trx, ctx, {
        measureIds: [...set],
        counties,
        from: period.from,
        to: period.to,
        basis,
        groupBy,
      });
      countsBy.set(basis, r.byId);
      at = Math.min(at, r.at);
    }
    const institutionNames = new Map<string, string>();
    if (groupBy === 'institution') {
      const instIds = new Set<string>();
      for (const m of countsBy.values())
        for (const c of m.values())
          for (const k of c.byKey.keys()) {
            const inst = k.split('|')[1];
            if (inst) instIds.add(inst);
          }
      if (instIds.size) {
        const rows = await trx
          .selectFrom('institution')
          .select(['id', 'name'])
          .where('id', 'in', [...instIds])
          .execute();
        for (const r of rows) institutionNames.set(r.id, r.name);
      }
    }
    const dataAsOf = new Date(at).toISOString();
    return defs.map(({ def, version, versionFrom, basis }) => {
      const m = countsBy.get(basis)!;
      const num = m.get(def.query.numerator);
      const den = def.query.denominator ? m.get(def.query.denominator) : undefined;
      const unavailable = [num, den]
        .filter((x): x is MeasureCount => !!x && x.status === 'unavailable')
        .map((x) => ({ measureId: x.id, reasonZh: x.reasonZh ?? '', reasonEn: x.reasonEn ?? '' }));
      const n = num?.status === 'ok' ? num.total : null;
      const d = def.query.denominator ? (den?.status === 'ok' ? den.total : null) : null;
      let value: number | null = null;
      let status: IndicatorResult['status'] = 'ok';
      if (unavailable.length) status = 'unavailable';
      else if (def.unit === 'count') value = n;
      else if (!d) status = 'no_data';
      else value = computeRate(n!, d, def.unit);
      let ci: IndicatorResult['ci'] = null;
      if (status === 'ok' && def.unit !== 'count' && d && n !== null && n <= d) {
        const r = rateConfidenceInterval(n, d, def.unit);
        if (!isIndicatorError(r)) ci = { lower: r.lower, upper: r.upper, level: r.level };
      }
      const warning = status === 'ok' && n !== null && d !== null ? smallNumberWarning(n, d, def.unit) : null;
      const byCounty = figures(def, num, den, counties, (k) => ({
        countyCode: k,
        countyName: regions.get(k)?.name ?? null,
      }));
      let byInstitution: FigureRow[] | undefined;
      if (groupBy === 'institution') {
        const keys = new Set<string>();
        for (const x of [num, den]) if (x) for (const k of x.byKey.keys()) keys.add(k);
        byInstitution = figures(def, num, den, [...keys].sort(), (k) => {
          const [county, inst] = k.split('|');
          return {
            countyCode: county ?? '',
            countyName: inst ? (institutionNames.get(inst) ?? null) : null,
            institutionId: inst || null,
          };
        });
        // by county = sum over its institutions
      }
      return {
        indicatorId: def.id,
        nameZh: def.nameZh,
        nameEn: def.nameEn,
        unit: def.unit,
        direction: def.direction,
        area: def.area,
        version,
        versionFrom,
        confirmed: def.confirmed,
        numeratorMeasure: def.query.numerator,
        denominatorMeasure: def.query.denominator ?? null,
        numeratorZh: def.numeratorZh,
        numeratorEn: def.numeratorEn,
        denominatorZh: def.denominatorZh,
        denominatorEn: def.denominatorEn,
        regionCode: region.code,
        regionName: region.name,
        regionLevel: region.level,
        period: { key: period.key, from: period.from, to: period.to, labelZh: period.labelZh, labelEn: period.labelEn },
        basis: num?.basis ?? basis,
        status,
        numerator: n,
        denominator: d,
        value,
        ci,
        smallNumberWarning: warning,
        byCounty: groupBy === 'institution' ? sumByCounty(def, counties, byInstitution ?? []) : byCounty,
        ...(byInstitution ? { byInstitution } : {}),
        unavailable,
        dataAsOf,
      };
    });
  }

  function sumByCounty(def: IndicatorDefinition, counties: string[], rows: FigureRow[]): FigureRow[] {
    return counties.map((c) => {
      const mine = rows.filter((r) => r.countyCode === c);
      const n = mine.length ? mine.reduce((s, r) => s + (r.numerator ?? 0), 0) : 0;
      const d = def.query.denominator ? mine.reduce((s, r) => s + (r.denominator ?? 0), 0) : null;
      const value = def.unit === 'count' ? n : d ? computeRate(n, d, def.unit) : null;
      return { countyCode: c, countyName: regions.get(c)?.name ?? null, numerator: n, denominator: d, value };
    });
  }

  return {
    cache,
    computeIn,
    /**
     * Counts of engine measures (through the same cache as the indicators), by county or institution, with the
     * oldest time among them; for tables that show counts beside the indicators (the annual report).
     */
    measureCountsIn: counts,

    /** Indicators for a region and period (every catalogue indicator unless some are named). */
    async compute(ctx: AuthContext, req: IndicatorRequest): Promise<IndicatorResult[]> {
      const period = periodInfo(req.period);
      return withScope(db, ctx, (trx) => computeIn(trx, ctx, req, period));
    },

    /** One indicator for a region and period. */
    async computeOne(ctx: AuthContext, req: IndicatorRequest & { indicatorId: string }): Promise<IndicatorResult> {
      if (!getIndicator(req.indicatorId)) throw unknownIndicator();
      const period = periodInfo(req.period);
      const [r] = await withScope(db, ctx, (trx) =>
        computeIn(trx, ctx, { ...req, indicatorIds: [req.indicatorId] }, period),
      );
      return r!;
    },
  };
}

/** The indicators service type. */
export type IndicatorService = ReturnType<typeof createIndicatorService>;
