/**
 * Helpers shared by the indicator services: the region a request is about (and whether the user may see it), the
 * period of a request, and roles.
 */
import {
  isIndicatorError,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodRange,
  type IndicatorPeriod,
} from '@fuyou/core';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { RegionIndex, RegionNode } from '../../platform/regions';

/** A region of a request with the counties it covers. */
export interface ScopedRegion {
  region: RegionNode;
  counties: string[];
}

/**
 * The region `code` and its counties, if the user may see every one of them (a county supervisor sees her county,
 * a city statistician the counties of her city). Unknown region → 404; outside the scope → 403.
 */
export function scopedRegion(regions: RegionIndex, ctx: AuthContext, code: string): ScopedRegion {
  const region = regions.get(code);
  if (!region) throw errors.notFound('行政区划', 'region');
  const counties = regions.countiesUnder(code);
  if (!counties.length) throw errors.field('regionCode', '该区划下没有县级单位', 'The region has no counties');
  const outside = counties.filter((c) => !ctx.counties.includes(c));
  if (outside.length) throw errors.forbidden('该地区超出您的管辖范围', 'That region is outside your jurisdiction');
  return { region, counties };
}

/** The region a user looks at by default: her jurisdiction, else the county of her institution. */
export function homeRegion(regions: RegionIndex, ctx: AuthContext): string | null {
  if (ctx.jurisdictionCode && regions.get(ctx.jurisdictionCode)) return ctx.jurisdictionCode;
  if (ctx.counties.length === 1) return ctx.counties[0]!;
  if (!ctx.counties.length) return null;
  // the smallest region that covers every county of the scope
  const first = ctx.counties[0]!;
  for (const a of [first, ...regions.ancestors(first).map((r) => r.code)]) {
    const under = regions.countiesUnder(a);
    if (ctx.counties.every((c) => under.includes(c))) return a;
  }
  return first;
}

/** A parsed period with its dates and labels. */
export interface PeriodInfo {
  period: IndicatorPeriod;
  key: string;
  from: string;
  to: string;
  labelZh: string;
  labelEn: string;
}

/** Parses a period key ('2026RY', '2026', '2026Q1', '2026-03'); a bad key is a 400 on `field`. */
export function periodInfo(key: string, field = 'period'): PeriodInfo {
  const p = parsePeriodKey(key);
  if (isIndicatorError(p)) throw errors.field(field, p.messageZh, p.messageEn, 'INVALID_PERIOD');
  return infoOf(p);
}

/** Dates and labels of a period. */
export function infoOf(p: IndicatorPeriod): PeriodInfo {
  const r = periodRange(p);
  const l = periodLabel(p);
  return { period: p, key: periodKey(p), from: r.from, to: r.to, labelZh: l.zh, labelEn: l.en };
}

/** The report year (年报) that contains today in China. */
export function currentReportYear(now = new Date()): number {
  const cn = new Date(now.getTime() + 8 * 3_600_000);
  return cn.getUTCMonth() + 1 >= 10 ? cn.getUTCFullYear() + 1 : cn.getUTCFullYear();
}

/** Today in China, 'YYYY-MM-DD'. */
export function todayCn(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Roles that may edit targets, notices, summons and work plans (sysadmin and the health commission). */
export function requirePlanner(ctx: AuthContext): void {
  if (ctx.role !== 'sysadmin' && ctx.role !== 'commission_viewer')
    throw errors.forbidden(
      '仅系统管理员和卫生健康委员会用户可以编辑',
      'Only the sysadmin and commission users may edit',
    );
}

/** A commission user edits only regions of her jurisdiction; the sysadmin any region. */
export function requireRegionEditable(regions: RegionIndex, ctx: AuthContext, code: string): RegionNode {
  requirePlanner(ctx);
  const region = regions.get(code);
  if (!region) throw errors.field('regionCode', '区划代码不存在', 'Unknown region code');
  if (ctx.role === 'sysadmin') return region;
  const chain = [code, ...regions.ancestors(code).map((r) => r.code)];
  if (!ctx.jurisdictionCode || !chain.includes(ctx.jurisdictionCode))
    throw errors.forbidden('该地区超出您的管辖范围', 'That region is outside your jurisdiction');
  return region;
}

/** An error for an unknown indicator id. */
export function unknownIndicator(): AppError {
  return new AppError('NOT_FOUND', 404, '指标不存在', 'The indicator was not found');
}
