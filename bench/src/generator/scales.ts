import { buildRegionRows } from '@fuyou/db';
import { hashString } from './prng';
import { jan1 } from './dates';

/** The named sizes of a synthetic population. */
export type ScaleName = 'tiny' | 'demo' | 'county' | 'city' | 'province';

/** A scale: which counties, how many births a year in all, how many years. */
export interface ScaleDefinition {
  name: ScaleName;
  descriptionZh: string;
  description: string;
  /** County codes, or a city/province code whose counties are all taken. */
  regions: readonly string[];
  /** Live births a year over all counties. */
  birthsPerYear: number;
  /** Calendar years up to and including the current one. */
  years: number;
  /** Writer: through the services (valid, audited, slow) or bulk COPY (PostgreSQL only). */
  writer: 'services' | 'bulk';
}

/** The scales. Province: Zhejiang's 90 counties, 400,000 births a year (the province's order of magnitude). */
export const SCALES: Record<ScaleName, ScaleDefinition> = {
  tiny: {
    name: 'tiny',
    descriptionZh: '冒烟测试：1个县，1年，约15例分娩',
    description: 'CI smoke: one county, one year, about 15 births',
    regions: ['330902'],
    birthsPerYear: 15,
    years: 1,
    writer: 'services',
  },
  demo: {
    name: 'demo',
    descriptionZh: '演示：舟山市4个县区，2年',
    description: 'demo: the four counties of Zhoushan, two years',
    regions: ['330902', '330903', '330921', '330922'],
    birthsPerYear: 40,
    years: 2,
    writer: 'services',
  },
  county: {
    name: 'county',
    descriptionZh: '一个县：定海区，每年5,000例分娩，5年',
    description: 'one county (Dinghai), 5,000 births a year, five years',
    regions: ['330902'],
    birthsPerYear: 5_000,
    years: 5,
    writer: 'bulk',
  },
  city: {
    name: 'city',
    descriptionZh: '一个地市：湖州市5个县区，每年22,500例分娩，5年',
    description: 'one city (Huzhou, five counties), 22,500 births a year, five years',
    regions: ['330500'],
    birthsPerYear: 22_500,
    years: 5,
    writer: 'bulk',
  },
  province: {
    name: 'province',
    descriptionZh: '一个省：浙江省90个县区，每年400,000例分娩，5年',
    description: 'one province (Zhejiang, 90 counties), 400,000 births a year, five years',
    regions: ['330000'],
    birthsPerYear: 400_000,
    years: 5,
    writer: 'bulk',
  },
};

/** Provinces that send migrant workers to the east coast; non-resident women are registered there. */
const ORIGIN_PROVINCES = ['34', '36', '41', '42', '43', '45', '50', '51', '52'];

interface RegionLite {
  code: string;
  name: string;
  level: string;
  parent: string | null;
}

let regionCache: RegionLite[] | null = null;
function regions(): RegionLite[] {
  regionCache ??= buildRegionRows().map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parent: r.parent_code ?? null,
  }));
  return regionCache;
}

/** The counties of a region code (a county gives itself; a city or province its counties), sorted by code. */
export function countiesOf(code: string): Array<{ code: string; name: string }> {
  const all = regions();
  const self = all.find((r) => r.code === code);
  if (!self) throw new Error(`unknown region ${code}`);
  if (self.level === 'county') return [{ code: self.code, name: self.name }];
  const out: Array<{ code: string; name: string }> = [];
  const under = new Set([code]);
  for (const r of all) {
    if (r.parent && under.has(r.parent) && (r.level === 'city' || r.level === 'county')) {
      if (r.level === 'county') out.push({ code: r.code, name: r.name });
      else under.add(r.code);
    }
  }
  // a second pass: counties whose city came after them in the list
  for (const r of all) {
    if (r.level === 'county' && r.parent && under.has(r.parent) && !out.some((o) => o.code === r.code))
      out.push({ code: r.code, name: r.name });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** Townships of a county present in the region table (only the demo city's are loaded by default). */
export function townshipsOf(county: string): Array<{ code: string; name: string }> {
  return regions()
    .filter((r) => r.level === 'township' && r.parent === county)
    .map((r) => ({ code: r.code, name: r.name }));
}

/** Counties where non-resident women hold their household registration. */
export function outsideCounties(exclude: ReadonlySet<string>): string[] {
  return regions()
    .filter((r) => r.level === 'county' && ORIGIN_PROVINCES.includes(r.code.slice(0, 2)) && !exclude.has(r.code))
    .map((r) => r.code);
}

/**
 * Births a year of each county: the total shared with a deterministic weight between 0.5 and 1.5 per county
 * (district sizes differ), rounded.
 */
export function shareBirths(counties: ReadonlyArray<{ code: string }>, total: number): number[] {
  const w = counties.map((c) => 0.5 + (hashString(c.code) % 1000) / 1000);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.max(1, Math.round((total * x) / sum)));
}

/** The LMP ranges of the batches: year-long slices from 280 days before the first year to 35 days before today. */
export function lmpSlices(years: number, today: number): Array<{ from: number; to: number }> {
  const firstYear = Number(new Date(today * 86_400_000).toISOString().slice(0, 4)) - years + 1;
  const start = jan1(firstYear) - 280;
  const end = today - 35;
  const out: Array<{ from: number; to: number }> = [];
  for (let from = start; from < end; from += 365) out.push({ from, to: Math.min(end, from + 365) });
  return out;
}
