import { sql, type Database, type Kysely } from '@fuyou/db';

/** A measured latency distribution (ms) of sequential requests. */
export interface ChildTiming {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** What the child worklist benchmark measured (issue #4 §8, issue #7 goal: p95 < 100 ms). */
export interface ChildWorklistResult {
  county: string;
  activeChildren: number;
  /** Stored duties of the county (child_work rows) and those on today's list (horizon 14, as the page asks). */
  storedRows: number;
  listed: number;
  clinic: { id: string; activeChildren: number };
  countyWide: ChildTiming;
  atClinic: ChildTiming;
  /** The page's own request (kind filter, township filter). */
  byKind: ChildTiming;
  byTownship: ChildTiming;
  township: string | null;
}

/** The county with most active children, its clinic with most, one township with children. */
export async function childWorklistTargets(db: Kysely<Database>, county?: string) {
  const c =
    county ??
    (
      await sql<{ county_code: string }>`select county_code from child_profile where status = 'active'
        group by 1 order by count(*) desc limit 1`.execute(db)
    ).rows[0]?.county_code;
  if (!c) return null;
  const active = await sql<{ n: number }>`select count(*)::int as n from child_profile
    where county_code = ${c} and status = 'active'`.execute(db);
  const clinic = (
    await sql<{ id: string; n: number }>`select managing_institution_id as id, count(*)::int as n from child_profile
      where county_code = ${c} and status = 'active' and managing_institution_id is not null
      group by 1 order by 2 desc limit 1`.execute(db)
  ).rows[0];
  // children recorded through the services by the system account have no managing institution: a clinic of the county
  const anyClinic = clinic
    ? undefined
    : (
        await sql<{ id: string }>`select id from institution where county_code = ${c} and active
          order by (type in ('community_hc', 'township_hc')) desc, code limit 1`.execute(db)
      ).rows[0];
  const town = (
    await sql<{ t: string }>`select left(p.residence_region_code, 9) as t from child_profile c
      join person p on p.county_code = c.county_code and p.id = c.person_id
      where c.county_code = ${c} and c.status = 'active' and length(p.residence_region_code) >= 9
      group by 1 order by count(*) desc limit 1`.execute(db)
  ).rows[0]?.t;
  const rows = await sql<{ n: number; listed: number }>`select count(*)::int as n,
      count(*) filter (where list_from <= current_date + 14 and (list_until is null or list_until >= current_date)
        and (appointment_on is null or appointment_on > current_date + 14))::int as listed
      from child_work where county_code = ${c}`.execute(db);
  return {
    county: c,
    activeChildren: Number(active.rows[0]?.n ?? 0),
    clinic: clinic
      ? { id: clinic.id, activeChildren: Number(clinic.n) }
      : anyClinic
        ? { id: anyClinic.id, activeChildren: 0 }
        : null,
    township: town ?? null,
    storedRows: Number(rows.rows[0]?.n ?? 0),
    listed: Number(rows.rows[0]?.listed ?? 0),
  };
}

/**
 * Sequential requests of the child worklist (the web page's: horizon 14, first page of 50): the whole county (a
 * county supervisor's session), one clinic, one kind, one township. The first request of each is not counted.
 */
export async function measureChildWorklist(o: {
  db: Kysely<Database>;
  county?: string;
  rounds: number;
  time: (cookie: string, path: string) => Promise<number>;
  countySession: string;
  clinicSession: (clinicId: string) => Promise<string>;
}): Promise<ChildWorklistResult | null> {
  const t = await childWorklistTargets(o.db, o.county);
  if (!t || !t.clinic) return null;
  const clinicSession = await o.clinicSession(t.clinic.id);
  const page = '/api/v1/child-worklist?horizon=14&pageSize=50';
  const paths = {
    countyWide: [o.countySession, page],
    atClinic: [clinicSession, `${page}&institutionId=${t.clinic.id}`],
    byKind: [o.countySession, `${page}&kind=checkup_due`],
    byTownship: [o.countySession, t.township ? `${page}&township=${t.township}` : page],
  } as const;
  const out: Record<keyof typeof paths, number[]> = { countyWide: [], atClinic: [], byKind: [], byTownship: [] };
  for (const [cookie, path] of Object.values(paths)) await o.time(cookie, path);
  for (let i = 0; i < o.rounds; i++)
    for (const [k, [cookie, path]] of Object.entries(paths) as [keyof typeof paths, readonly [string, string]][])
      out[k].push(await o.time(cookie, path));
  const timing = (xs: number[]): ChildTiming => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (p: number) =>
      Math.round((s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0) * 10) / 10;
    return { n: s.length, p50: at(50), p95: at(95), max: at(100) };
  };
  return {
    county: t.county,
    activeChildren: t.activeChildren,
    storedRows: t.storedRows,
    listed: t.listed,
    clinic: t.clinic,
    township: t.township,
    countyWide: timing(out.countyWide),
    atClinic: timing(out.atClinic),
    byKind: timing(out.byKind),
    byTownship: timing(out.byTownship),
  };
}

/** The result as a Markdown table. */
export function childWorklistMarkdown(r: ChildWorklistResult): string {
  const row = (name: string, x: ChildTiming) => `| ${name} | ${x.n} | ${x.p50} | ${x.p95} | ${x.max} |`;
  return [
    `Child worklist, county ${r.county}: ${r.activeChildren.toLocaleString('en-US')} active children, ` +
      `${r.storedRows.toLocaleString('en-US')} stored duties, ${r.listed.toLocaleString('en-US')} on the list ` +
      `(horizon 14); clinic ${r.clinic.activeChildren.toLocaleString('en-US')} children; first page of 50.`,
    '',
    '| request (sequential) | n | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|',
    row('whole county (supervisor)', r.countyWide),
    row('one clinic (institutionId)', r.atClinic),
    row('county, kind=checkup_due', r.byKind),
    row(`county, township ${r.township ?? '—'}`, r.byTownship),
  ].join('\n');
}
