/**
 * The measure engine: counts measures for a set of counties, a period and a basis with live SQL on the care
 * records, grouped by county (or by county and institution), so that a region's figure is the sum of its
 * counties'. All measures of one base are counted in ONE pass over the base (`count(*) filter (where …)`), so a
 * dashboard of every indicator costs one scan per base, not one per measure. Lists of the rows behind a measure
 * (drill-down) come from the same base and predicate, so the list and the count can never disagree.
 *
 * Every query runs in the caller's transaction (opened with `withScope`, so row-level security applies).
 */
import { sql, type Database, type Transaction } from '@fuyou/db';
import type { FactPads } from '../../platform/crypto';
import {
  aggregateMeasures,
  baseMeasures,
  bases,
  sumMeasures,
  tablesOfMeasure,
  unavailableById,
  type Basis,
  type Fragment,
  type MeasureContext,
  type MeasureDef,
  type MemberLevel,
} from './measures/index';

/** How counts are grouped: by county, or by county and institution (the institution of the counted row). */
export type GroupBy = 'county' | 'institution';

/** A count request. */
export interface CountRequest {
  measureIds: readonly string[];
  counties: readonly string[];
  scope: readonly string[];
  from: string;
  to: string;
  basis: Basis;
  groupBy?: GroupBy;
  /** The pads of the server's fact key, with which SQL tests the keyed facts of encrypted records. */
  factKey: FactPads;
}

/** The counts of one measure. `byKey` is keyed by county code, or by `county|institutionId` for institutions. */
export interface MeasureCount {
  id: string;
  status: 'ok' | 'unavailable';
  /** The basis actually used (a measure may fix its own, or fall back to residence). */
  basis: Basis;
  total: number;
  byKey: Map<string, number>;
  reasonZh?: string;
  reasonEn?: string;
}

/** One row behind a measure (drill-down). */
export interface MemberRow {
  county_code: string;
  subject_id: string;
  person_id: string | null;
  person_county: string | null;
  pregnancy_id: string | null;
  event_date: string | null;
  institution_id: string | null;
}

/** Tables known to be missing in this database (checked once per engine). */
export type TableCheck = (trx: Transaction<Database>, tables: readonly string[]) => Promise<Set<string>>;

/** Finds which of `tables` do not exist (a measure reading one of them is unavailable). */
export function createTableCheck(): TableCheck {
  const known = new Map<string, boolean>();
  return async (trx, tables) => {
    const unknown = tables.filter((t) => !known.has(t));
    if (unknown.length) {
      const r = await sql<{ relname: string }>`select c.relname from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v') and c.relname = any(${unknown}::text[])`.execute(
        trx,
      );
      const present = new Set(r.rows.map((x) => x.relname));
      for (const t of unknown) known.set(t, present.has(t));
    }
    return new Set(tables.filter((t) => known.get(t) === false));
  };
}

/** The basis a measure is counted by when `asked` is asked for. */
export function effectiveBasis(measureId: string, asked: Basis): Basis {
  const m = baseMeasures.get(measureId);
  if (!m) return aggregateMeasures.has(measureId) ? 'residence' : asked;
  if (m.fixedBasis) return m.fixedBasis;
  const base = bases.get(m.base);
  // a base that can tell the person's household registration can tell who is registered elsewhere
  if (asked === 'non_hukou') return base?.supports.includes('hukou') ? 'non_hukou' : 'residence';
  return base?.supports.includes(asked) ? asked : 'residence';
}

/** The member level of a measure (what one row is: a pregnancy, a birth, a child…). */
export function levelOfMeasure(measureId: string): MemberLevel {
  const m = baseMeasures.get(measureId);
  if (m) return bases.get(m.base)?.level ?? 'person';
  const s = sumMeasures.get(measureId);
  if (s) return levelOfMeasure(s.parts[0]!);
  return 'aggregate';
}

/** The area of a measure's records (decides where a drill-down row links). */
export function areaOfMeasure(measureId: string): 'maternal' | 'child' | 'women' | 'facility' | null {
  const m = baseMeasures.get(measureId);
  if (m) return bases.get(m.base)?.area ?? null;
  const s = sumMeasures.get(measureId);
  if (s) return areaOfMeasure(s.parts[0]!);
  return null;
}

/** The extra columns asked for, and the per-table aggregates they read (joined once each). */
function extrasOf(baseId: string, needs: Iterable<string>, c: MeasureContext): { extras: Fragment; joins: Fragment } {
  const base = bases.get(baseId)!;
  const names = [...new Set(needs)];
  const list = names.map((n) => {
    const expr = base.extras[n];
    if (!expr) throw new Error(`base ${baseId} has no column ${n}`);
    return sql`${expr} as ${sql.ref(n)}`;
  });
  const aggs = [...new Set(names.flatMap((n) => base.extraAggregates?.[n] ?? []))].map((a) => {
    const join = base.aggregates?.[a];
    if (!join) throw new Error(`base ${baseId} has no aggregate ${a}`);
    return join(c);
  });
  return {
    extras: list.length ? sql.join(list) : sql`null as _none`,
    joins: aggs.length ? sql.join(aggs, sql` `) : sql``,
  };
}

function contextOf(
  req: Pick<CountRequest, 'counties' | 'scope' | 'from' | 'to' | 'factKey'>,
  basis: Basis,
): MeasureContext {
  return { counties: req.counties, scope: req.scope, from: req.from, to: req.to, basis, factKey: req.factKey };
}

/**
 * The branch of the count statement that counts the measures of one base with one basis in one pass: one row per
 * county (or county and institution) with the counts in measure order (`n`, a JSON array).
 */
function baseBranch(
  index: number,
  baseId: string,
  measures: readonly MeasureDef[],
  c: MeasureContext,
  groupBy: GroupBy,
): Fragment {
  const base = bases.get(baseId)!;
  const { extras, joins } = extrasOf(
    baseId,
    measures.flatMap((m) => m.needs),
    c,
  );
  const counts = sql.join(measures.map((m) => sql`count(*) filter (where ${m.where})::int`));
  const key = groupBy === 'institution' ? sql`b.county_code, b.institution_id` : sql`b.county_code`;
  return sql`select ${index}::int as g, b.county_code::text as county_code, ${
    groupBy === 'institution' ? sql`b.institution_id::text` : sql`null::text`
  } as institution_id, json_build_array(${counts})::text as n from (${base.source(c, extras, joins)}) b group by ${key}`;
}

/** The branch of the count statement of one aggregate measure (figures by county). */
function aggregateBranch(index: number, counts: Fragment): Fragment {
  return sql`select ${index}::int as g, a.county_code::text as county_code, null::text as institution_id,
    json_build_array(a.n)::text as n from (${counts}) a`;
}

/**
 * Runs count statements on several connections at once, all reading one snapshot (the server gives
 * `withScopeParallel` over the database's parallel pool), so that counts made apart still add up.
 */
export interface ParallelCounts {
  /** At most this many statements (1: one statement, as without it). */
  ways: number;
  run<T>(works: ((trx: Transaction<Database>) => Promise<T>)[]): Promise<T[]>;
}

/** One branch of the count statement: its SQL, the shared row sets it reads and its relative cost. */
export interface CountBranch {
  index: number;
  weight: number;
  shared: readonly string[];
  sql: Fragment;
}

/**
 * Relative cost of a base's branch, measured on the county bench (report year 2025, `EXPLAIN ANALYZE` of the count
 * statement by `bench/src/recompute-profile.ts`, ms): only used to deal the branches evenly over connections.
 * A shared row set costs as much again as the heaviest branch reading it (the period's check-ups: ~85 ms).
 */
const BRANCH_WEIGHT: Record<string, number> = {
  delivered: 130,
  children: 90,
  births: 80,
  under5_measured: 65,
  cancer_interval: 40,
  infant_feeding: 20,
  cancer_in_period: 15,
  prenatal_high_risk: 15,
};
const SHARED_WEIGHT = 85;

/**
 * Deals branches into at most `ways` statements of about equal cost: branches that read a shared row set stay in
 * one statement (the set is materialized once per statement), and the groups go, heaviest first, to the lightest
 * statement so far. Keeps the branches' order inside each statement; empty statements are dropped.
 */
export function splitBranches<B extends Pick<CountBranch, 'index' | 'weight' | 'shared'>>(
  branches: readonly B[],
  ways: number,
): B[][] {
  // groups: connected by the shared row sets they read
  const groups: { branches: B[]; keys: Set<string>; weight: number }[] = [];
  for (const b of branches) {
    const touching = groups.filter((g) => b.shared.some((k) => g.keys.has(k)));
    const merged = { branches: [b], keys: new Set(b.shared), weight: b.weight };
    for (const g of touching) {
      merged.branches.push(...g.branches);
      g.keys.forEach((k) => merged.keys.add(k));
      merged.weight += g.weight;
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  for (const g of groups) g.weight += g.keys.size * SHARED_WEIGHT;
  const bins = Array.from({ length: Math.max(1, ways) }, () => ({ branches: [] as B[], weight: 0 }));
  for (const g of [...groups].sort((a, b) => b.weight - a.weight)) {
    const lightest = bins.reduce((m, x) => (x.weight < m.weight ? x : m));
    lightest.branches.push(...g.branches);
    lightest.weight += g.weight;
  }
  return bins.filter((x) => x.branches.length).map((x) => [...x.branches].sort((a, b) => a.index - b.index));
}

/**
 * Counts measures. Unknown ids throw (a programming error); unavailable measures (listed, or reading a missing
 * table) come back with status 'unavailable' and no counts.
 */
export async function countMeasures(
  trx: Transaction<Database>,
  req: CountRequest,
  missingTables: TableCheck,
  parallel?: ParallelCounts,
): Promise<Map<string, MeasureCount>> {
  // A base's pass has one expression and sub-plan per measure: PostgreSQL's JIT then spends seconds compiling
  // (measured: 10.1 s of JIT for a 0.85 s count over a county's deliveries). The counts are index probes, not
  // long expression loops, so JIT never pays off here (the setting ends with the caller's transaction).
  await sql`set local jit = off`.execute(trx);
  const groupBy = req.groupBy ?? 'county';
  const out = new Map<string, MeasureCount>();
  const wanted = new Set<string>();
  const expand = (id: string) => {
    const s = sumMeasures.get(id);
    if (s) s.parts.forEach(expand);
    wanted.add(id);
  };
  req.measureIds.forEach(expand);
  const allTables = [...new Set([...wanted].flatMap((id) => tablesOfMeasure(id)))];
  const missing = await missingTables(trx, allTables);
  const groups = new Map<string, { baseId: string; basis: Basis; measures: MeasureDef[] }>();
  const aggregates: { id: string; counts: Fragment }[] = [];
  for (const id of wanted) {
    const u = unavailableById.get(id);
    const basis = effectiveBasis(id, req.basis);
    if (u) {
      out.set(id, {
        id,
        status: 'unavailable',
        basis,
        total: 0,
        byKey: new Map(),
        reasonZh: u.reasonZh,
        reasonEn: u.reasonEn,
      });
      continue;
    }
    if (req.basis === 'non_hukou' && basis !== 'non_hukou' && !sumMeasures.has(id)) {
      out.set(id, {
        id,
        status: 'unavailable',
        basis,
        total: 0,
        byKey: new Map(),
        reasonZh: '该计数项不能区分户籍（按机构或汇总数统计），无法统计非户籍人口',
        reasonEn:
          'This count cannot tell household registration (facility or aggregate figures): no non-resident figure',
      });
      continue;
    }
    const gone = tablesOfMeasure(id).filter((t) => missing.has(t));
    if (gone.length) {
      out.set(id, {
        id,
        status: 'unavailable',
        basis,
        total: 0,
        byKey: new Map(),
        reasonZh: `数据表不存在：${gone.join('、')}`,
        reasonEn: `Missing table(s): ${gone.join(', ')}`,
      });
      continue;
    }
    const bm = baseMeasures.get(id);
    if (bm) {
      const k = `${bm.base}|${basis}`;
      const g = groups.get(k) ?? { baseId: bm.base, basis, measures: [] };
      g.measures.push(bm);
      groups.set(k, g);
      continue;
    }
    const am = aggregateMeasures.get(id);
    if (am) {
      aggregates.push({ id, counts: am.counts(contextOf(req, 'residence')) });
      continue;
    }
    if (!sumMeasures.has(id)) throw new Error(`unknown measure ${id}`);
  }
  // ONE statement for every base and aggregate of the request: the period row sets that several bases read
  // (`readShared`, e.g. the period's check-ups) are materialized once and shared, and the whole request is one
  // round trip. Each branch returns its counts per county (or county and institution) in measure order. With
  // `parallel`, the branches are dealt into up to `ways` statements run at once on their own connections over one
  // snapshot (branches that share a row set stay together), so a count uses the server's cores.
  const shared = new Map<string, Fragment>();
  const usedBy = new Map<number, Set<string>>();
  const shareFor = (branch: number) => (key: string, rows: Fragment) => {
    if (!shared.has(key)) shared.set(key, rows);
    const used = usedBy.get(branch) ?? new Set<string>();
    used.add(key);
    usedBy.set(branch, used);
    return sql.ref(key);
  };
  const groupList = [...groups.values()];
  const branches: CountBranch[] = [
    ...groupList.map((g, i) => ({
      index: i,
      weight: BRANCH_WEIGHT[g.baseId] ?? 1,
      sql: baseBranch(i, g.baseId, g.measures, { ...contextOf(req, g.basis), share: shareFor(i) }, groupBy),
    })),
    ...aggregates.map((a, i) => ({
      index: groupList.length + i,
      weight: 1,
      sql: aggregateBranch(groupList.length + i, a.counts),
    })),
  ].map((b) => ({ ...b, shared: [...(usedBy.get(b.index) ?? [])] }));
  if (branches.length) {
    type Row = { g: number; county_code: string; institution_id: string | null; n: string };
    const statement = (part: readonly CountBranch[]) => {
      const keys = [...new Set(part.flatMap((b) => b.shared))];
      const withClause = keys.length
        ? sql`with ${sql.join(keys.map((k) => sql`${sql.ref(k)} as materialized (${shared.get(k)!})`))} `
        : sql``;
      return sql<Row>`${withClause}${sql.join(
        part.map((b) => sql`(${b.sql})`),
        sql` union all `,
      )}`;
    };
    const parts = parallel && parallel.ways > 1 ? splitBranches(branches, parallel.ways) : [branches];
    const rows: Row[] =
      parts.length > 1
        ? (
            await parallel!.run(
              parts.map((part) => async (other: Transaction<Database>) => {
                await sql`set local jit = off`.execute(other);
                return (await statement(part).execute(other)).rows;
              }),
            )
          ).flat()
        : (await statement(branches).execute(trx)).rows;
    const byBranch = new Map<number, { county_code: string; institution_id: string | null; n: number[] }[]>();
    for (const row of rows) {
      const list = byBranch.get(Number(row.g)) ?? [];
      list.push({ county_code: row.county_code, institution_id: row.institution_id, n: JSON.parse(row.n) as number[] });
      byBranch.set(Number(row.g), list);
    }
    const keyOf = (row: { county_code: string; institution_id: string | null }) =>
      groupBy === 'institution' ? `${row.county_code}|${row.institution_id ?? ''}` : row.county_code;
    groupList.forEach((g, i) => {
      const rows = byBranch.get(i) ?? [];
      g.measures.forEach((m, j) => {
        const byKey = new Map<string, number>();
        for (const row of rows) {
          const n = Number(row.n[j] ?? 0);
          if (n) byKey.set(keyOf(row), (byKey.get(keyOf(row)) ?? 0) + n);
        }
        out.set(m.id, { id: m.id, status: 'ok', basis: g.basis, total: sum(byKey), byKey });
      });
    });
    aggregates.forEach((a, i) => {
      const byKey = new Map<string, number>();
      for (const row of byBranch.get(groupList.length + i) ?? []) {
        const k = groupBy === 'institution' ? `${row.county_code}|` : row.county_code;
        byKey.set(k, (byKey.get(k) ?? 0) + Number(row.n[0]));
      }
      out.set(a.id, { id: a.id, status: 'ok', basis: 'residence', total: sum(byKey), byKey });
    });
  }
  // sums, innermost first (a part may itself be a sum)
  const resolveSum = (id: string): MeasureCount => {
    const done = out.get(id);
    if (done && !sumMeasures.has(id)) return done;
    const s = sumMeasures.get(id)!;
    const parts = s.parts.map(resolveSum);
    const off = parts.find((p) => p.status === 'unavailable');
    const basis = parts[0]?.basis ?? req.basis;
    const mc: MeasureCount = off
      ? {
          id,
          status: 'unavailable',
          basis,
          total: 0,
          byKey: new Map(),
          reasonZh: off.reasonZh!,
          reasonEn: off.reasonEn!,
        }
      : { id, status: 'ok', basis, total: 0, byKey: new Map() };
    if (!off) {
      for (const p of parts) for (const [k, n] of p.byKey) mc.byKey.set(k, (mc.byKey.get(k) ?? 0) + n);
      mc.total = sum(mc.byKey);
    }
    out.set(id, mc);
    return mc;
  };
  for (const id of wanted) if (sumMeasures.has(id)) resolveSum(id);
  return out;
}

function sum(m: Map<string, number>): number {
  let t = 0;
  for (const n of m.values()) t += n;
  return t;
}

/** The SQL of the rows behind a measure (a base measure, or the union of a sum's parts). */
export function memberRowsSql(measureId: string, req: Omit<CountRequest, 'measureIds' | 'groupBy'>): Fragment {
  const s = sumMeasures.get(measureId);
  if (s)
    return sql.join(
      s.parts.map((p) => sql`(${memberRowsSql(p, req)})`),
      sql` union all `,
    );
  const m = baseMeasures.get(measureId);
  if (!m) throw new Error(`measure ${measureId} has no rows`);
  const base = bases.get(m.base)!;
  const c = contextOf(req, effectiveBasis(measureId, req.basis));
  const { extras, joins } = extrasOf(m.base, m.needs, c);
  return sql`select b.county_code, b.subject_id, b.person_id, b.person_county, b.pregnancy_id, b.event_date,
    b.institution_id from (${base.source(c, extras, joins)}) b where ${m.where}`;
}

/** Whether a measure has rows behind it (aggregate figures and unavailable measures do not). */
export function hasMembers(measureId: string): boolean {
  return baseMeasures.has(measureId) || sumMeasures.has(measureId);
}
