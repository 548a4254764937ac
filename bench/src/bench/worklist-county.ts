import { sql, type Kysely, type Database } from '@fuyou/db';
import type { KeyRing, Services } from '@fuyou/server';
import { bulkLoad } from '../generator/bulk';
import { todayInChina } from '../generator/dates';
import { planCounties, SYSTEM_USER_ID } from '../generator/index';
import { withRates } from '../generator/rates';
import { outsideCounties } from '../generator/scales';

/**
 * The county of the worklist benchmark (issue #3: "the worklist for a county with 10,000 open pregnancies answers
 * in under 100 ms at p95"): 黄浦区, outside every scale's region, so the other benchmarks do not count it.
 */
export const WORKLIST_COUNTY = '310101';

/** Open pregnancies the benchmark county is generated for. */
export const WORKLIST_TARGET_OPEN = 10_000;

/**
 * Share of a year's births that are open pregnancies on a given day, when only the last 295 days of LMPs are
 * generated (measured: 12,048 births a year gave 8,139 open pregnancies: antenatal, or postpartum and not yet closed).
 */
const OPEN_PER_BIRTH = 0.676;

/** What loading the benchmark county did. */
export interface WorklistCountyLoad {
  county: string;
  rows: number;
  seconds: number;
}

/**
 * Bulk-loads the benchmark county with the real generator (women, pregnancies with their visits, assessments,
 * cases, referrals, screening, PMTCT and deliveries), LMPs of the last 295 days only, so that about
 * {@link WORKLIST_TARGET_OPEN} pregnancies are open today. PostgreSQL only (COPY).
 */
export async function loadWorklistCounty(o: {
  services: Services;
  databaseUrl: string;
  keys: KeyRing;
  seed: number;
  log: (m: string) => void;
  target?: number;
}): Promise<WorklistCountyLoad> {
  const today = todayInChina();
  const births = Math.round((o.target ?? WORKLIST_TARGET_OPEN) / OPEN_PER_BIRTH);
  // the last ordinal: non-resident women's ID numbers (sequence 250 + ordinal) never meet a scale's (≤ 90 counties)
  const counties = (await planCounties(o.services, [WORKLIST_COUNTY], births, o.seed)).map((c) => ({
    ...c,
    ordinal: 249,
  }));
  const r = await bulkLoad({
    db: o.services.db,
    databaseUrl: o.databaseUrl,
    keys: o.keys,
    job: {
      seed: o.seed,
      counties,
      slices: [{ from: today - 330, to: today - 35 }],
      today,
      rates: withRates(),
      outsideCounties: outsideCounties(new Set([WORKLIST_COUNTY])),
      createdBy: SYSTEM_USER_ID,
    },
    log: o.log,
    scale: 'worklist-county',
    // the generator's references were verified by the population's own load; this county is made the same way
    verifyReferences: false,
  });
  return { county: WORKLIST_COUNTY, rows: r.rows, seconds: r.seconds };
}

/** Open pregnancies (not closed) of a county. */
export async function openPregnancies(db: Kysely<Database>, county: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pregnancy
    where county_code = ${county} and status <> 'closed'`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
