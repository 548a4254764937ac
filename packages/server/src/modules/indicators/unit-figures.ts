/**
 * Indicator figures of the units under a region (its child regions, or counties), from ONE engine call for the
 * region: a unit's numerator and denominator are the sums of its counties' (the engine counts by county, so they
 * add up), and its value is computed from them exactly as the engine computes a region's. A unit that reports an
 * indicator under another version than the region (its own version choice) is computed on its own, so a unit's
 * figure is always the one the dashboard shows for that unit.
 */
import {
  computeRate,
  getIndicator,
  smallNumberWarning,
  type IndicatorDefinition,
  type SmallNumberWarning,
} from '@fuyou/core';
import type { Database, Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { RegionIndex } from '../../platform/regions';
import type { BasisChoice, IndicatorResult, IndicatorService } from './indicator.service';
import type { PeriodInfo } from './indicators.common';
import type { TargetsService } from './targets.service';

/** A unit: a region with the counties it covers. */
export interface RegionUnit {
  code: string;
  name: string;
  level: string;
  counties: string[];
}

/** An indicator's figure for one unit. */
export interface UnitFigure {
  status: IndicatorResult['status'];
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  version: string | null;
  smallNumberWarning: SmallNumberWarning | null;
  unavailable: IndicatorResult['unavailable'];
}

/** The units a region's figures are shown by: its child regions that have counties (a county: itself). */
export function childUnits(regions: RegionIndex, regionCode: string): RegionUnit[] {
  const node = regions.get(regionCode);
  if (!node) return [];
  if (node.level === 'county' || !regions.children(regionCode).length)
    return [{ code: node.code, name: node.name, level: node.level, counties: regions.countiesUnder(node.code) }];
  return regions
    .children(regionCode)
    .map((c) => ({ code: c.code, name: c.name, level: c.level, counties: regions.countiesUnder(c.code) }))
    .filter((u) => u.counties.length > 0);
}

/** The counties under a region as units (for a province: every county, not its cities). */
export function countyUnits(regions: RegionIndex, regionCode: string): RegionUnit[] {
  return regions.countiesUnder(regionCode).map((c) => {
    const n = regions.get(c);
    return { code: c, name: n?.name ?? c, level: n?.level ?? 'county', counties: [c] };
  });
}

function figureOf(
  def: IndicatorDefinition,
  status: IndicatorResult['status'],
  n: number | null,
  d: number | null,
  version: string | null,
  unavailable: IndicatorResult['unavailable'],
): UnitFigure {
  if (status === 'unavailable')
    return {
      status,
      numerator: null,
      denominator: null,
      value: null,
      version,
      smallNumberWarning: null,
      unavailable,
    };
  const value = n === null ? null : def.unit === 'count' ? n : d ? computeRate(n, d, def.unit) : null;
  return {
    status: value === null ? 'no_data' : 'ok',
    numerator: n,
    denominator: d,
    value,
    version,
    smallNumberWarning: n !== null && d !== null && value !== null ? smallNumberWarning(n, d, def.unit) : null,
    unavailable,
  };
}

/** The figure of a whole region from its engine result. */
export function figureOfResult(r: IndicatorResult): UnitFigure {
  return {
    status: r.status,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    version: r.version,
    smallNumberWarning: r.smallNumberWarning,
    unavailable: r.unavailable,
  };
}

/**
 * Indicators for a region and for each of `units` (which must lie inside it): the region's engine results and,
 * per unit code, the figure of each indicator.
 */
export async function indicatorsByUnit(
  deps: { engine: IndicatorService; targets: TargetsService },
  trx: Transaction<Database>,
  ctx: AuthContext,
  q: {
    regionCode: string;
    info: PeriodInfo;
    basis: BasisChoice;
    indicatorIds: readonly string[];
    units: readonly RegionUnit[];
  },
): Promise<{ region: IndicatorResult[]; byUnit: Map<string, Map<string, UnitFigure>> }> {
  const region = q.indicatorIds.length
    ? await deps.engine.computeIn(
        trx,
        ctx,
        { regionCode: q.regionCode, period: q.info.key, basis: q.basis, indicatorIds: [...q.indicatorIds] },
        q.info,
      )
    : [];
  const byUnit = new Map<string, Map<string, UnitFigure>>();
  for (const u of q.units) byUnit.set(u.code, new Map());
  for (const r of region) {
    const def = getIndicator(r.indicatorId)!;
    const regionVersion = def.versions?.length
      ? (await deps.targets.versionFor(trx, q.regionCode, r.indicatorId)).version
      : null;
    for (const u of q.units) {
      const mine = byUnit.get(u.code)!;
      if (u.code === q.regionCode) {
        mine.set(r.indicatorId, figureOfResult(r));
        continue;
      }
      if (def.versions?.length) {
        const v = await deps.targets.versionFor(trx, u.code, r.indicatorId);
        if (v.version !== regionVersion) {
          const [own] = await deps.engine.computeIn(
            trx,
            ctx,
            { regionCode: u.code, period: q.info.key, basis: q.basis, indicatorIds: [r.indicatorId] },
            q.info,
          );
          if (own) mine.set(r.indicatorId, figureOfResult(own));
          continue;
        }
      }
      const rows = r.byCounty.filter((b) => u.counties.includes(b.countyCode));
      const n = r.status === 'unavailable' ? null : rows.reduce((t, b) => t + (b.numerator ?? 0), 0);
      const d =
        r.status === 'unavailable' || !def.query.denominator
          ? null
          : rows.reduce((t, b) => t + (b.denominator ?? 0), 0);
      mine.set(r.indicatorId, figureOf(def, r.status, n, d, r.version, r.unavailable));
    }
  }
  return { region, byUnit };
}
