/**
 * Shapes of the measure registry: a measure is one count (the ids of core's `indicatorMeasures`) defined as a
 * boolean predicate over the rows of a base (a derived table with one row per counted subject: a woman delivered,
 * a birth, a child, a death…). The engine counts all measures of a base in one pass (`count(*) filter (where …)`
 * grouped by county), and lists the rows of one measure for the drill-down.
 */
import { sql } from '@fuyou/db';
import type { FactPads } from '../../../platform/crypto';

/** A piece of SQL (a Kysely raw builder). */
export type Fragment = ReturnType<typeof sql>;

/**
 * Whose county a row counts for: `residence` the county of the record (people's rows live under the county where
 * they live; a transfer moves them), `hukou` the county of the household registration (first 6 digits of the
 * person's hukou region code), `facility` the county of the institution where the service happened, `non_hukou`
 * the county of the record counting only people whose household registration is known and lies in another county
 * (流动人口 / 非户籍, the population of the annual report's table 43; GLOSSARY `isNonResident`). A base that can read
 * the person's household registration can count `non_hukou`; other measures are unavailable under it.
 */
export type Basis = 'residence' | 'hukou' | 'facility' | 'non_hukou';

/** All bases. */
export const BASES: readonly Basis[] = ['residence', 'hukou', 'facility', 'non_hukou'];

/** What one row of a base stands for (and what a drill-down row links to). */
export type MemberLevel = 'pregnancy' | 'birth' | 'child' | 'woman' | 'person' | 'institution' | 'aggregate';

/** Parameters of one count: counties of the region, the user's scope, an inclusive date range and a basis. */
export interface MeasureContext {
  /** Counties whose figures are wanted (the basis county must be one of them). */
  counties: readonly string[];
  /** Counties whose rows the user may read (row-level security applies as well). */
  scope: readonly string[];
  /** First day of the period (inclusive, 'YYYY-MM-DD'). */
  from: string;
  /** Last day of the period (inclusive). */
  to: string;
  basis: Basis;
  /** The pads of the server's fact key (FieldCrypto.factPads): the keyed facts of encrypted records are tested with them. */
  factKey: FactPads;
  /**
   * Set by the engine when it counts several bases in one statement: registers a period row set read by more than
   * one base (`with <key> as materialized (…)`, computed once) and returns the name to read it by. Without it (a
   * drill-down of one measure) {@link readShared} inlines the rows as a sub-select.
   */
  share?: (key: string, rows: Fragment) => Fragment;
}

/** A row set of the period that several bases read (e.g. the period's child check-ups with the child's birth date). */
export interface SharedRows {
  /** SQL identifier prefix of the row set (the basis's record counties are added: see {@link recordCounties}). */
  id: string;
  /** `select …` of the rows, restricted to the period and to {@link recordCounties}. */
  rows(c: MeasureContext): Fragment;
}

/**
 * The rows of a shared row set for a base's `from`: the name of the statement's materialized row set when the
 * engine shares it, otherwise the rows as a sub-select. Both carry the alias `alias`.
 */
export function readShared(c: MeasureContext, s: SharedRows, alias: string): Fragment {
  const rows = s.rows(c);
  const a = sql.raw(alias);
  if (!c.share) return sql`(${rows}) ${a}`;
  return sql`${c.share(`${s.id}_${readsScope(c) ? 'scope' : 'region'}`, rows)} ${a}`;
}

/**
 * A base: a derived table `b` with the standard columns `county_code` (text, the basis county), `subject_id`
 * (text, unique per counted unit), `person_id` (uuid or null), `person_county` (county of the person's record, for
 * the link), `pregnancy_id` (uuid or null), `event_date` (date or null) and `institution_id` (uuid or null), plus
 * the extra columns a measure asks for.
 */
export interface BaseDef {
  id: string;
  level: MemberLevel;
  /** Area of the records (decides where a drill-down row links). */
  area: 'maternal' | 'child' | 'women' | 'facility';
  /** Tables read (a missing table makes the base's measures unavailable). */
  tables: readonly string[];
  /** Bases this base can count by. */
  supports: readonly Basis[];
  /** Named expressions a measure predicate may use as `b.<name>` (evaluated only when needed). */
  extras: Readonly<Record<string, Fragment>>;
  /**
   * Per-table aggregates the extras read, each table once per count instead of once per extra and row: a
   * `left join lateral (select count(*) filter (…), bool_or(…) … from <table> t where <t is the row's pregnancy or
   * child>) <alias> on true` through the table's index (the period's rows only), or a grouped join over a period
   * row set (`left join (select <key>, … group by <key>) <alias> on …`). Joined only when an extra needs it.
   */
  aggregates?: Readonly<Record<string, (c: MeasureContext) => Fragment>>;
  /** The aggregates each extra reads (extras not listed read none). */
  extraAggregates?: Readonly<Record<string, readonly string[]>>;
  /**
   * The derived table: `select <standard columns>, <extras> from … <joins> where …` for the context; `joins` are
   * the aggregates the asked extras need (empty when none).
   */
  source(c: MeasureContext, extras: Fragment, joins: Fragment): Fragment;
}

/** A measure: a predicate over one base's rows. */
export interface MeasureDef {
  /** Measure id of core `indicatorMeasures` (or an internal part, prefixed `part_`). */
  id: string;
  base: string;
  /** Extra columns of the base the predicate reads. */
  needs: readonly string[];
  /** Boolean SQL over `b.*`. */
  where: Fragment;
  /** A basis the measure always uses whatever is asked (e.g. deliveries counted by the delivering institution). */
  fixedBasis?: Basis;
  /** How the measure is read, when it needs saying (zh / en). */
  noteZh?: string;
  noteEn?: string;
}

/** A measure that is the sum of other measures (e.g. perinatal deaths = stillbirths ≥28 weeks + deaths <7 days). */
export interface SumMeasureDef {
  id: string;
  parts: readonly string[];
  noteZh?: string;
  noteEn?: string;
}

/** A measure counted from aggregate figures (census, civil-affairs counts): no people behind it. */
export interface AggregateMeasureDef {
  id: string;
  tables: readonly string[];
  /** `select county_code::text, n::int` over the counties of the context. */
  counts(c: MeasureContext): Fragment;
  noteZh: string;
  noteEn: string;
}

/** A measure the engine cannot count yet, and why. */
export interface UnavailableMeasure {
  id: string;
  reasonZh: string;
  reasonEn: string;
}

/** The standard column list of a base row. */
export function standardColumns(s: {
  county: Fragment;
  subject: Fragment;
  person: Fragment;
  personCounty: Fragment;
  pregnancy: Fragment;
  eventDate: Fragment;
  institution: Fragment;
}): Fragment {
  return sql`${s.county} as county_code, ${s.subject} as subject_id, ${s.person} as person_id,
    ${s.personCounty} as person_county, ${s.pregnancy} as pregnancy_id, ${s.eventDate} as event_date,
    ${s.institution} as institution_id`;
}

/**
 * The county a row counts for under the context's basis, the joins it needs and the filter on the region's
 * counties. `rec` is the alias of the record (its `county_code` is the residence county), `person` the column
 * holding the person id, `inst` the column holding the institution id (facility basis).
 */
export function basisOf(
  c: MeasureContext,
  a: { rec: string; person?: string; inst?: string },
): { county: Fragment; joins: Fragment; filter: Fragment } {
  const rec = sql.raw(a.rec);
  if (c.basis === 'hukou' && a.person) {
    return {
      county: sql`left(hk.hukou_region_code, 6)`,
      joins: sql`join person hk on hk.county_code = ${rec}.county_code and hk.id = ${sql.raw(a.person)}`,
      filter: sql`${rec}.county_code = any(${[...c.scope]}::bpchar[])
        and left(hk.hukou_region_code, 6) = any(${[...c.counties]}::text[])`,
    };
  }
  if (c.basis === 'non_hukou' && a.person) {
    // counted where she lives (the record's county), only when her household registration lies elsewhere
    return {
      county: sql`${rec}.county_code::text`,
      joins: sql`join person hk on hk.county_code = ${rec}.county_code and hk.id = ${sql.raw(a.person)}`,
      filter: sql`${rec}.county_code = any(${[...c.counties]}::bpchar[]) and hk.hukou_region_code is not null
        and left(hk.hukou_region_code, 6) <> ${rec}.county_code::text`,
    };
  }
  if (c.basis === 'facility' && a.inst) {
    return {
      county: sql`fi.county_code::text`,
      joins: sql`join institution fi on fi.id = ${sql.raw(a.inst)}`,
      filter: sql`${rec}.county_code = any(${[...c.scope]}::bpchar[])
        and fi.county_code = any(${[...c.counties]}::bpchar[])`,
    };
  }
  return {
    county: sql`${rec}.county_code::text`,
    joins: sql``,
    filter: sql`${rec}.county_code = any(${[...c.counties]}::bpchar[])`,
  };
}

/**
 * The counties whose records a base reads under the context's basis (the record's own county, before the basis
 * county is worked out): the region's counties for residence and non_hukou, the user's scope for hukou and facility
 * (a woman living in the scope may be registered in, or delivered in, the region). Aggregates restrict their table
 * to these counties, as {@link basisOf}'s filter restricts the base.
 */
export function recordCounties(c: MeasureContext): string[] {
  return [...(readsScope(c) ? c.scope : c.counties)];
}

/** Whether a base reads the records of the user's scope (hukou, facility) rather than the region's counties. */
function readsScope(c: MeasureContext): boolean {
  return c.basis === 'hukou' || c.basis === 'facility';
}

/** `jsonb` value as an array ('[]' when it is not one), for jsonb_array_elements. */
export function jsonArray(expr: Fragment): Fragment {
  return sql`(case when jsonb_typeof(${expr}) = 'array' then ${expr} else '[]'::jsonb end)`;
}
