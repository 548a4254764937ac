/** Helpers of the quality module: the region of a request within the user's scope, dates, the effective config. */
import { createHash } from 'node:crypto';
import {
  mergeQualityConfig,
  QUALITY_CONFIG_DEFAULT,
  type QualityConfig,
  type QualityConfigOverride,
} from '@fuyou/core';
import type { Database, Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex, RegionNode } from '../../platform/regions';

/** The region `code` and its counties, when every county is in the user's scope (unknown → 404, outside → 403). */
export function regionInScope(
  regions: RegionIndex,
  ctx: AuthContext,
  code: string,
): { region: RegionNode; counties: string[] } {
  const region = regions.get(code);
  if (!region) throw errors.notFound('行政区划', 'region');
  const counties = regions.countiesUnder(code);
  if (!counties.length) throw errors.field('regionCode', '该区划下没有县级单位', 'The region has no counties');
  if (counties.some((c) => !ctx.counties.includes(c)))
    throw errors.forbidden('该地区超出您的管辖范围', 'That region is outside your jurisdiction');
  return { region, counties };
}

/** The region a user looks at by default: her jurisdiction, else the smallest region covering her counties. */
export function defaultRegion(regions: RegionIndex, ctx: AuthContext): string | null {
  if (ctx.jurisdictionCode && regions.get(ctx.jurisdictionCode)) return ctx.jurisdictionCode;
  if (!ctx.counties.length) return null;
  if (ctx.counties.length === 1) return ctx.counties[0]!;
  const first = ctx.counties[0]!;
  for (const a of [first, ...regions.ancestors(first).map((r) => r.code)]) {
    const under = regions.countiesUnder(a);
    if (ctx.counties.every((c) => under.includes(c))) return a;
  }
  return first;
}

/** Today in China (YYYY-MM-DD). */
export function todayCn(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `date` plus `days` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The regions whose overrides apply to `code`, from the nation down to the region itself. */
export function configChain(regions: RegionIndex, code: string): string[] {
  const chain = [...regions.ancestors(code).map((r) => r.code)].reverse();
  if (!chain.includes('000000')) chain.unshift('000000');
  if (!chain.includes(code)) chain.push(code);
  return chain;
}

/** The effective configuration of a region: the national default with the overrides along its chain. */
export async function effectiveConfig(
  trx: Transaction<Database>,
  regions: RegionIndex,
  code: string,
): Promise<{ config: QualityConfig; overrides: { regionCode: string; config: QualityConfigOverride }[] }> {
  const chain = configChain(regions, code);
  const rows = await trx
    .selectFrom('quality_config')
    .select(['region_code', 'config'])
    .where('region_code', 'in', chain)
    .execute();
  const by = new Map(rows.map((r) => [r.region_code, r.config as QualityConfigOverride]));
  const overrides = chain.filter((c) => by.has(c)).map((c) => ({ regionCode: c, config: by.get(c)! }));
  return {
    config: mergeQualityConfig(
      QUALITY_CONFIG_DEFAULT,
      overrides.map((o) => o.config),
    ),
    overrides,
  };
}

/** A stable UUID from a name (so a nightly job of a date has one id whichever process schedules it). */
export function uuidFromName(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const v = `${h.slice(0, 12)}5${h.slice(13, 16)}${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}
