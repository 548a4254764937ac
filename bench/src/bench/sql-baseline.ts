import { sql, type Database, type Kysely, type Transaction } from '@fuyou/db';

/** One row of the hand-written indicator pass. */
export interface BaselineRow {
  county_code: string;
  [k: string]: number | string | null;
}

/**
 * The baseline of benchmark 2: the core maternal and child indicators of a report year for every county in one
 * hand-written SQL pass over the raw rows (no rollup tables): live births, early registration, ≥5 antenatal
 * visits, caesarean, preterm and low birth weight, high-risk share, postpartum visits, system management,
 * child health management, stunting and wasting prevalence, infant and under-5 and maternal deaths.
 * It is written to be fast, not to be the definition: the indicators module owns the definitions.
 * `counties` (the region's, as the engine is asked for) restricts every table to the rows the engine counts;
 * without it every county of the database is counted.
 */
export async function handWrittenIndicators(
  db: Kysely<Database>,
  year: number,
  counties?: readonly string[],
): Promise<BaselineRow[]> {
  // with the settings the indicators engine runs under (JIT off), so the ratio compares the SQL, not the JIT
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return baselinePass(trx, year, counties);
  });
}

async function baselinePass(
  db: Kysely<Database> | Transaction<Database>,
  year: number,
  counties: readonly string[] | undefined,
): Promise<BaselineRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  // the rows of the region's counties only (the engine's rows), or of every county
  const inRegion = (alias: string) =>
    counties ? sql`${sql.ref(`${alias}.county_code`)} = any(${[...counties]}::bpchar[])` : sql`true`;
  const r = await sql<BaselineRow>`
    with d as (
      select d.county_code, d.id, d.pregnancy_id, d.mode, d.ga_days, d.place
      from delivery d where ${inRegion('d')} and d.delivery_date >= ${from}::date and d.delivery_date < ${to}::date
    ),
    live as (
      select b.county_code, b.delivery_id, b.weight_g from birth_outcome b
      join d on d.county_code = b.county_code and d.id = b.delivery_id
      where b.outcome = 'live_birth'
    ),
    preg as (
      select p.county_code, p.early_registration, p.visit_count, p.risk_colour, p.risk_purple, p.id
      from pregnancy p join d on d.county_code = p.county_code and d.pregnancy_id = p.id
    ),
    pp as (
      select v.county_code, v.pregnancy_id, bool_or(v.kind = 'home_visit') as home, bool_or(v.kind = 'day42_check') as d42
      from postpartum_visit v join d on d.county_code = v.county_code and d.pregnancy_id = v.pregnancy_id
      group by 1, 2
    ),
    last_checkup as (
      select distinct on (c.county_code, c.person_id) c.county_code, c.person_id, c.lhaz, c.wlhz
      from child_checkup c
      where ${inRegion('c')} and c.visit_date >= ${from}::date and c.visit_date < ${to}::date and c.age_days < 1827
      order by c.county_code, c.person_id, c.visit_date desc
    ),
    deaths as (
      select cd.county_code, count(*) filter (where cd.age_days < 365) as infant, count(*) as under5
      from child_death cd where ${inRegion('cd')} and cd.death_date >= ${from}::date and cd.death_date < ${to}::date group by 1
    ),
    mdeaths as (
      select md.county_code, count(*) as n from maternal_death md
      where ${inRegion('md')} and md.death_date >= ${from}::date and md.death_date < ${to}::date group by 1
    ),
    c1 as (
      select d.county_code, count(*) as deliveries,
        count(*) filter (where d.mode = 'caesarean') as caesareans,
        count(*) filter (where d.ga_days < 259) as preterm,
        count(*) filter (where d.place = 'institution') as hospital
      from d group by 1
    ),
    c2 as (
      select county_code, count(*) as live_births, count(*) filter (where weight_g < 2500) as lbw from live group by 1
    ),
    c3 as (
      select county_code, count(*) filter (where early_registration) as early,
        count(*) filter (where visit_count >= 5) as visits5,
        count(*) filter (where risk_colour in ('orange', 'red') or risk_purple) as high_risk
      from preg group by 1
    ),
    c4 as (
      select pp.county_code, count(*) filter (where home) as home_visit, count(*) filter (where d42) as day42,
        count(*) filter (where home and d42) as both_visits
      from pp group by 1
    ),
    c5 as (
      select county_code, count(*) as children_seen, count(*) filter (where lhaz < -2) as stunted,
        count(*) filter (where wlhz < -2) as wasted
      from last_checkup group by 1
    )
    select c1.county_code, c2.live_births, c1.deliveries,
      round(100.0 * c3.early / nullif(c1.deliveries, 0), 2) as early_registration_pct,
      round(100.0 * c3.visits5 / nullif(c1.deliveries, 0), 2) as anc5_pct,
      round(100.0 * c1.caesareans / nullif(c1.deliveries, 0), 2) as caesarean_pct,
      round(100.0 * c1.hospital / nullif(c1.deliveries, 0), 2) as hospital_delivery_pct,
      round(100.0 * c1.preterm / nullif(c1.deliveries, 0), 2) as preterm_pct,
      round(100.0 * c2.lbw / nullif(c2.live_births, 0), 2) as lbw_pct,
      round(100.0 * c3.high_risk / nullif(c1.deliveries, 0), 2) as high_risk_pct,
      round(100.0 * coalesce(c4.home_visit, 0) / nullif(c1.deliveries, 0), 2) as postpartum_visit_pct,
      round(100.0 * least(c3.early, coalesce(c4.both_visits, 0)) / nullif(c1.deliveries, 0), 2) as system_management_pct,
      c5.children_seen,
      round(100.0 * c5.stunted / nullif(c5.children_seen, 0), 2) as stunting_pct,
      round(100.0 * c5.wasted / nullif(c5.children_seen, 0), 2) as wasting_pct,
      round(1000.0 * coalesce(deaths.infant, 0) / nullif(c2.live_births, 0), 2) as imr_permille,
      round(1000.0 * coalesce(deaths.under5, 0) / nullif(c2.live_births, 0), 2) as u5mr_permille,
      round(100000.0 * coalesce(mdeaths.n, 0) / nullif(c2.live_births, 0), 1) as mmr_per100k
    from c1
    left join c2 using (county_code)
    left join c3 using (county_code)
    left join c4 using (county_code)
    left join c5 using (county_code)
    left join deaths using (county_code)
    left join mdeaths using (county_code)
    order by c1.county_code`.execute(db);
  return r.rows;
}
