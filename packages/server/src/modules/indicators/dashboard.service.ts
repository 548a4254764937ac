/**
 * The dashboard: for a region and period, a card per indicator (value, applicable target, met / close / not met,
 * change from the previous period), figures of the child regions side by side, the monthly trend of an indicator
 * and the ranking of child regions. Every figure comes from the same engine as the indicator API and the reports.
 */
import ExcelJS from 'exceljs';
import {
  evaluateTarget,
  getIndicator,
  monthRange,
  previousPeriod,
  TARGET_EVALUATION_LABELS,
  computeRate,
  type IndicatorPeriod,
  type TargetEvaluation,
} from '@fuyou/core';
import { withScope, type Database, type Kysely } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { RegionIndex } from '../../platform/regions';
import type { BasisChoice, IndicatorResult, IndicatorService } from './indicator.service';
import { infoOf, periodInfo, scopedRegion, todayCn, unknownIndicator } from './indicators.common';
import type { AppliedTarget, TargetsService } from './targets.service';

/** Indicators always shown on a dashboard (besides those with a target). */
export const KEY_INDICATORS: readonly string[] = [
  'maternal_mortality_ratio',
  'infant_mortality_rate',
  'under5_mortality_rate',
  'early_pregnancy_registration_rate',
  'maternal_systematic_management_rate',
  'postpartum_visit_rate',
  'hospital_delivery_rate',
  'caesarean_rate',
  'newborn_visit_rate',
  'under3_systematic_management_rate',
  'under7_health_management_rate',
  'low_birth_weight_rate',
];

/** One card of the dashboard. */
export interface DashboardCard {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  area: string;
  unit: string;
  direction: string;
  status: IndicatorResult['status'];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ci: IndicatorResult['ci'];
  smallNumberWarning: IndicatorResult['smallNumberWarning'];
  basis: string;
  version: string | null;
  target: AppliedTarget | null;
  evaluation: TargetEvaluation;
  previous: { periodKey: string; value: number | null } | null;
  change: number | null;
  byCounty: IndicatorResult['byCounty'];
  unavailable: IndicatorResult['unavailable'];
}

/** One bar of a ranking: a child region, or an institution of a county. */
export interface RankingRow {
  code: string;
  name: string;
  kind: 'region' | 'institution';
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: AppliedTarget | null;
  evaluation: TargetEvaluation;
}

/** The oldest of some ISO times (the figures of a view are as fresh as the oldest of them); now when none. */
function oldest(times: readonly string[]): string {
  return times.reduce((a, b) => (b < a ? b : a), new Date().toISOString());
}

/** The year of targets for a period: the report year, the calendar year, or the year of a quarter or month. */
export function targetYear(p: IndicatorPeriod): number {
  return p.year;
}

/** The dashboard service. */
export function createDashboardService(deps: {
  db: Kysely<Database>;
  regions: RegionIndex;
  engine: IndicatorService;
  targets: TargetsService;
}) {
  const { db, regions, engine, targets } = deps;

  /** Child regions of `code` that are fully in scope, with their counties. */
  function childRegions(ctx: AuthContext, code: string): { code: string; name: string; counties: string[] }[] {
    const node = regions.get(code);
    if (!node || node.level === 'county') return [];
    return regions
      .children(code)
      .map((c) => ({ code: c.code, name: c.name, counties: regions.countiesUnder(c.code) }))
      .filter((c) => c.counties.length > 0 && c.counties.every((x) => ctx.counties.includes(x)));
  }

  async function cardsOf(
    ctx: AuthContext,
    q: {
      regionCode: string;
      period: string;
      basis?: BasisChoice | undefined;
      all?: boolean | undefined;
      indicators?: string[];
    },
  ) {
    const info = periodInfo(q.period);
    const { region } = scopedRegion(regions, ctx, q.regionCode);
    return withScope(db, ctx, async (trx) => {
      const year = targetYear(info.period);
      const rows = await targets.rowsFor(trx, q.regionCode, year);
      const applied = targets.applied(rows, q.regionCode, year);
      const ids = q.indicators?.length
        ? q.indicators
        : q.all
          ? undefined
          : [...new Set([...KEY_INDICATORS, ...applied.keys()])].filter((id) => !!getIndicator(id));
      const current = await engine.computeIn(
        trx,
        ctx,
        { regionCode: q.regionCode, period: q.period, basis: q.basis, indicatorIds: ids },
        info,
      );
      const prevInfo = infoOf(previousPeriod(info.period));
      const prev = await engine.computeIn(
        trx,
        ctx,
        {
          regionCode: q.regionCode,
          period: prevInfo.key,
          basis: q.basis,
          indicatorIds: current.map((c) => c.indicatorId),
        },
        prevInfo,
      );
      const cards: DashboardCard[] = current.map((c) => {
        const target = applied.get(c.indicatorId) ?? null;
        const p = prev.find((x) => x.indicatorId === c.indicatorId);
        const evaluation: TargetEvaluation = target
          ? evaluateTarget(c.status === 'ok' ? c.value : null, target)
          : 'no_data';
        return {
          indicatorId: c.indicatorId,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          area: c.area,
          unit: c.unit,
          direction: c.direction,
          status: c.status,
          value: c.value,
          numerator: c.numerator,
          denominator: c.denominator,
          ci: c.ci,
          smallNumberWarning: c.smallNumberWarning,
          basis: c.basis,
          version: c.version,
          target,
          evaluation,
          previous: p ? { periodKey: prevInfo.key, value: p.value } : null,
          change: p && p.value !== null && c.value !== null ? c.value - p.value : null,
          byCounty: c.byCounty,
          unavailable: c.unavailable,
        };
      });
      return {
        region: { code: region.code, name: region.name, level: region.level },
        period: { key: info.key, from: info.from, to: info.to, labelZh: info.labelZh, labelEn: info.labelEn },
        targetYear: year,
        cards,
        children: childRegions(ctx, q.regionCode).map((c) => ({ code: c.code, name: c.name })),
        dataAsOf: oldest([...current, ...prev].map((r) => r.dataAsOf)),
      };
    });
  }

  /** The region's own target of an indicator for a child region (each child may override its parent's). */
  async function targetsOfChildren(
    ctx: AuthContext,
    codes: readonly string[],
    year: number,
  ): Promise<Map<string, Map<string, AppliedTarget>>> {
    return withScope(db, ctx, async (trx) => {
      const out = new Map<string, Map<string, AppliedTarget>>();
      for (const code of codes) out.set(code, targets.applied(await targets.rowsFor(trx, code, year), code, year));
      return out;
    });
  }

  return {
    cards: cardsOf,

    /** Monthly values of one indicator over the 12 months ending with the period's last month. */
    async trend(
      ctx: AuthContext,
      q: { indicatorId: string; regionCode: string; period: string; basis?: BasisChoice | undefined },
    ) {
      if (!getIndicator(q.indicatorId)) throw unknownIndicator();
      const info = periodInfo(q.period);
      scopedRegion(regions, ctx, q.regionCode);
      // 12 months ending with the period's last month, or with this month while the period is still running
      const end = info.to < todayCn() ? info.to : todayCn();
      const [y, m] = end.split('-').map(Number) as [number, number];
      const months: IndicatorPeriod[] = [];
      for (let i = 11; i >= 0; i--) {
        const total = y * 12 + (m - 1) - i;
        months.push({ kind: 'month', year: Math.floor(total / 12), month: (total % 12) + 1 });
      }
      return withScope(db, ctx, async (trx) => {
        const points = [];
        let dataAsOf = new Date().toISOString();
        for (const p of months) {
          const mi = infoOf(p);
          const [r] = await engine.computeIn(
            trx,
            ctx,
            { regionCode: q.regionCode, period: mi.key, basis: q.basis, indicatorIds: [q.indicatorId] },
            mi,
          );
          if (r && r.dataAsOf < dataAsOf) dataAsOf = r.dataAsOf;
          points.push({
            periodKey: mi.key,
            from: monthRange(p.year, (p as { month: number }).month).from,
            value: r?.value ?? null,
            numerator: r?.numerator ?? null,
            denominator: r?.denominator ?? null,
          });
        }
        return { indicatorId: q.indicatorId, regionCode: q.regionCode, points, dataAsOf };
      });
    },

    /**
     * The child regions of a region ranked on one indicator (best first), each judged against its own applicable
     * target; for a county, its institutions (the institution of each counted record) against the county's target.
     */
    async ranking(
      ctx: AuthContext,
      q: { indicatorId: string; regionCode: string; period: string; basis?: BasisChoice | undefined },
    ) {
      const def = getIndicator(q.indicatorId);
      if (!def) throw unknownIndicator();
      const info = periodInfo(q.period);
      const year = targetYear(info.period);
      const node = regions.get(q.regionCode);
      const byInstitution = node?.level === 'county';
      const r = await engine.computeOne(ctx, {
        indicatorId: q.indicatorId,
        regionCode: q.regionCode,
        period: q.period,
        basis: q.basis,
        ...(byInstitution ? { groupBy: 'institution' as const } : {}),
      });
      const valueOf = (n: number | null, d: number | null) =>
        n === null ? null : def.unit === 'count' ? n : d ? computeRate(n, d, def.unit) : null;
      let rows: RankingRow[];
      if (byInstitution) {
        const own = (await targetsOfChildren(ctx, [q.regionCode], year)).get(q.regionCode)?.get(def.id) ?? null;
        rows = (r.byInstitution ?? []).map((b) => ({
          code: b.institutionId ?? '',
          name: b.countyName ?? (b.institutionId ? b.institutionId : '未记录机构'),
          kind: 'institution' as const,
          numerator: b.numerator,
          denominator: b.denominator,
          value: b.value,
          target: own,
          // a count target is the county's, not each institution's
          evaluation: own && def.unit !== 'count' ? evaluateTarget(b.value, own) : ('no_data' as const),
        }));
      } else {
        const kids = childRegions(ctx, q.regionCode);
        const list = kids.length
          ? kids
          : [{ code: q.regionCode, name: r.regionName, counties: r.byCounty.map((b) => b.countyCode) }];
        const applied = await targetsOfChildren(
          ctx,
          list.map((k) => k.code),
          year,
        );
        rows = list.map((k) => {
          const mine = r.byCounty.filter((b) => k.counties.includes(b.countyCode));
          const n = mine.some((b) => b.numerator !== null) ? mine.reduce((t, b) => t + (b.numerator ?? 0), 0) : null;
          const d = def.query.denominator ? mine.reduce((t, b) => t + (b.denominator ?? 0), 0) : null;
          const value = valueOf(n, d);
          const target = applied.get(k.code)?.get(def.id) ?? null;
          return {
            code: k.code,
            name: k.name,
            kind: 'region' as const,
            numerator: n,
            denominator: d,
            value,
            target,
            evaluation: target ? evaluateTarget(value, target) : ('no_data' as const),
          };
        });
      }
      const sign = def.direction === 'higher_better' ? -1 : 1;
      rows.sort((a, b) => {
        if (a.value === null && b.value === null) return a.code.localeCompare(b.code);
        if (a.value === null) return 1;
        if (b.value === null) return -1;
        return sign * (a.value - b.value) || a.code.localeCompare(b.code);
      });
      return {
        indicatorId: def.id,
        nameZh: def.nameZh,
        nameEn: def.nameEn,
        unit: def.unit,
        direction: def.direction,
        regionCode: q.regionCode,
        regionName: r.regionName,
        period: { key: info.key, labelZh: info.labelZh, labelEn: info.labelEn },
        by: byInstitution ? ('institution' as const) : ('region' as const),
        value: r.value,
        rows,
        dataAsOf: r.dataAsOf,
      };
    },

    /**
     * The child regions of a region side by side on a set of indicators (the key ones by default): each cell the
     * child's value judged against the child's own applicable target. For a city, its counties.
     */
    async compare(
      ctx: AuthContext,
      q: { regionCode: string; period: string; basis?: BasisChoice | undefined; indicators?: string[] | undefined },
    ) {
      const info = periodInfo(q.period);
      const { region } = scopedRegion(regions, ctx, q.regionCode);
      const ids = q.indicators?.length ? q.indicators : [...KEY_INDICATORS];
      for (const id of ids) if (!getIndicator(id)) throw unknownIndicator();
      const year = targetYear(info.period);
      const kids = childRegions(ctx, q.regionCode);
      const results = await engine.compute(ctx, {
        regionCode: q.regionCode,
        period: q.period,
        basis: q.basis,
        indicatorIds: ids,
      });
      const applied = await targetsOfChildren(ctx, [q.regionCode, ...kids.map((k) => k.code)], year);
      const cell = (res: (typeof results)[number], code: string, counties: readonly string[]) => {
        const def = getIndicator(res.indicatorId)!;
        const mine = res.byCounty.filter((b) => counties.includes(b.countyCode));
        const n =
          res.status === 'unavailable'
            ? null
            : mine.some((b) => b.numerator !== null)
              ? mine.reduce((t, b) => t + (b.numerator ?? 0), 0)
              : null;
        const d =
          def.query.denominator && res.status !== 'unavailable'
            ? mine.reduce((t, b) => t + (b.denominator ?? 0), 0)
            : null;
        const value = n === null ? null : def.unit === 'count' ? n : d ? computeRate(n, d, def.unit) : null;
        const target = applied.get(code)?.get(res.indicatorId) ?? null;
        return {
          numerator: n,
          denominator: d,
          value,
          target: target
            ? { comparator: target.comparator, value: target.value, inheritedFrom: target.inheritedFrom }
            : null,
          evaluation: target ? evaluateTarget(value, target) : ('no_data' as TargetEvaluation),
        };
      };
      const rowOf = (code: string, name: string, counties: readonly string[]) => ({
        code,
        name,
        cells: Object.fromEntries(results.map((res) => [res.indicatorId, cell(res, code, counties)])),
      });
      return {
        region: { code: region.code, name: region.name, level: region.level },
        period: { key: info.key, from: info.from, to: info.to, labelZh: info.labelZh, labelEn: info.labelEn },
        indicators: results.map((r) => ({
          id: r.indicatorId,
          nameZh: r.nameZh,
          nameEn: r.nameEn,
          unit: r.unit,
          direction: r.direction,
          status: r.status,
        })),
        rows: kids.map((k) => rowOf(k.code, k.name, k.counties)),
        total: rowOf(region.code, region.name, regions.countiesUnder(region.code)),
        dataAsOf: oldest(results.map((r) => r.dataAsOf)),
      };
    },

    /** The dashboard table as an xlsx workbook. */
    async xlsx(
      ctx: AuthContext,
      q: { regionCode: string; period: string; basis?: BasisChoice | undefined; all?: boolean },
    ) {
      const d = await cardsOf(ctx, q);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Fuyou';
      const ws = wb.addWorksheet('指标');
      ws.addRow([`${d.region.name} ${d.period.labelZh} 妇幼健康指标`]).font = { bold: true, size: 13 };
      ws.addRow([`数据截至 ${d.dataAsOf}`]);
      ws.addRow([]);
      const counties = d.cards[0]?.byCounty ?? [];
      const head = ws.addRow([
        '指标',
        '分子',
        '分母',
        '指标值',
        '单位',
        '目标',
        '评价',
        '上期',
        '变化',
        ...(counties.length > 1 ? counties.map((c) => c.countyName ?? c.countyCode) : []),
      ]);
      head.font = { bold: true };
      for (const c of d.cards) {
        const cmp = c.target
          ? `${c.target.comparator === 'no_avoidable_maternal_death' ? '无可避免死亡' : `${c.target.comparator} ${c.target.value}`}`
          : '';
        ws.addRow([
          c.nameZh,
          c.numerator ?? '',
          c.denominator ?? '',
          c.status === 'unavailable' ? '暂无法统计' : c.value === null ? '' : Math.round(c.value * 100) / 100,
          c.unit === 'per_100k' ? '/10万' : c.unit === 'per_10k' ? '/万' : c.unit === 'count' ? '例' : c.unit,
          cmp,
          c.target ? TARGET_EVALUATION_LABELS[c.evaluation].zh : '',
          c.previous?.value === null || c.previous?.value === undefined ? '' : Math.round(c.previous.value * 100) / 100,
          c.change === null ? '' : Math.round(c.change * 100) / 100,
          ...(counties.length > 1
            ? c.byCounty.map((b) => (b.value === null ? '' : Math.round(b.value * 100) / 100))
            : []),
        ]);
      }
      ws.getColumn(1).width = 34;
      return {
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
        filename: `指标-${d.region.name}-${d.period.key}.xlsx`,
      };
    },
  };
}

/** The dashboard service type. */
export type DashboardService = ReturnType<typeof createDashboardService>;
