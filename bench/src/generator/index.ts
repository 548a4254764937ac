/**
 * The synthetic population generator: deterministic (a seed gives the same rows), for a list of counties and
 * years, with the rates of {@link DEFAULT_RATES}. Two writers: through the services (valid, audited; demo and
 * tiny, PGlite or PostgreSQL) and bulk COPY (county, city, province; PostgreSQL only).
 */
import { ensureRegions, migrate, openDatabase, type DatabaseHandle } from '@fuyou/db';
import { buildApp, loadConfig, loadKeyRing, systemContext, type KeyRing, type Services } from '@fuyou/server';
import { generateBatch, rowCount } from './batch';
import { bulkLoad, type BulkResult } from './bulk';
import { dayOf, isoOf, todayInChina } from './dates';
import { ensureCountyInstitutions } from './institutions';
import type { Batch, CountyPlan, CountyState } from './model';
import { Progress, duration, fmt } from './progress';
import { withRates, type GeneratorRates } from './rates';
import { countiesOf, lmpSlices, outsideCounties, SCALES, shareBirths, type ScaleName } from './scales';
import { emptyServiceResult, writeBatchThroughServices, type ServiceWriteResult } from './services-writer';

export * from './batch';
export * from './model';
export * from './rates';
export * from './scales';
export { Rng, deriveSeed } from './prng';
export { dayOf, isoOf, todayInChina } from './dates';

/** The user id recorded as creator of generated rows (the system context's). */
export const SYSTEM_USER_ID = systemContext([]).userId;

/** Options of {@link seedScale}. */
export interface SeedScaleOptions {
  /** The app's services (the CLI's); otherwise the database at `databaseUrl` (or the configured one) is opened. */
  services?: Services;
  databaseUrl?: string;
  scale: ScaleName | string;
  seed?: number;
  /** Number of calendar years up to the current one (default: the scale's). */
  years?: number;
  log?: (m: string) => void;
  /** Overrides of the rates. */
  rates?: Partial<GeneratorRates>;
  /** Today as 'YYYY-MM-DD' (default: today in China). Nothing is generated after it. */
  today?: string;
  /** Keys of the field encryption for the bulk writer (default: loadKeyRing(config.dataDir), as the server). */
  keys?: KeyRing;
  /** Generate in a worker thread while loading (bulk writer; default true). */
  worker?: boolean;
  /** Births a year over all counties (default: the scale's). */
  birthsPerYear?: number;
}

/** What {@link seedScale} did. */
export interface SeedScaleResult {
  scale: string;
  writer: 'services' | 'bulk';
  counties: number;
  seconds: number;
  rows: number;
  rowsByTable: Record<string, number>;
  services?: ServiceWriteResult;
  injectedErrors: number;
}

/** Plans the counties of a scale: births a year, townships, institutions (created when missing). */
export async function planCounties(
  services: Services,
  regions: readonly string[],
  birthsPerYear: number,
  seed: number,
): Promise<CountyPlan[]> {
  const counties = regions.flatMap((r) => countiesOf(r));
  const births = shareBirths(counties, birthsPerYear);
  const out: CountyPlan[] = [];
  for (const [k, c] of counties.entries()) {
    const townships = services.regions
      .children(c.code)
      .filter((t) => t.level === 'township')
      .map((t) => ({ code: t.code, name: t.name }));
    out.push({
      code: c.code,
      name: c.name,
      ordinal: k,
      birthsPerYear: births[k]!,
      townships,
      institutions: await ensureCountyInstitutions(services.db, c, townships, seed),
    });
  }
  return out;
}

/**
 * Seeds a synthetic population of a named scale (tiny, demo, county, city, province): deterministic for a seed,
 * with a progress bar and rows per second. `tiny` and `demo` go through the services (valid and audited; demo in
 * under a minute on PGlite); `county`, `city` and `province` are bulk-loaded with COPY into PostgreSQL, encrypted
 * with the server's keys, with one summary audit event per county.
 */
export async function seedScale(opts: SeedScaleOptions): Promise<SeedScaleResult> {
  const log = opts.log ?? console.log;
  const def = SCALES[opts.scale as ScaleName];
  if (!def) throw new Error(`未知规模 unknown scale "${opts.scale}" (tiny, demo, county, city, province)`);
  let owned: { database: DatabaseHandle; close(): Promise<void> } | null = null;
  let services = opts.services;
  if (!services) {
    const config = loadConfig(process.env, {
      logLevel: 'silent',
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    });
    const database = await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
    );
    await migrate(database.db);
    await ensureRegions(database.db);
    const app = await buildApp({ config, database, keys: opts.keys ?? loadKeyRing(config.dataDir) });
    services = app.services;
    owned = {
      database,
      async close() {
        await app.close();
        await database.close();
      },
    };
  }
  try {
    const seed = opts.seed ?? 20261122;
    const years = opts.years ?? def.years;
    const today = opts.today ? dayOf(opts.today) : todayInChina();
    const rates = withRates(opts.rates);
    const counties = await planCounties(services, def.regions, opts.birthsPerYear ?? def.birthsPerYear, seed);
    const slices = lmpSlices(years, today);
    const outside = outsideCounties(new Set(counties.map((c) => c.code)));
    log(
      `合成人口 synthetic population: ${def.name} — ${counties.length} 县区 counties, ${fmt(
        counties.reduce((n, c) => n + c.birthsPerYear, 0),
      )} 出生/年 births a year, ${years} 年 years to ${isoOf(today)}, seed ${seed}, writer ${def.writer}`,
    );
    const started = performance.now();
    if (def.writer === 'bulk') {
      if (services.database.kind !== 'postgres' || !services.config.databaseUrl)
        throw new Error(
          `规模 ${def.name} 需要 PostgreSQL（设置 DATABASE_URL） scale ${def.name} needs PostgreSQL (set DATABASE_URL)`,
        );
      const result: BulkResult = await bulkLoad({
        db: services.db,
        databaseUrl: services.config.databaseUrl,
        keys: opts.keys ?? loadKeyRing(services.config.dataDir),
        job: { seed, counties, slices, today, rates, outsideCounties: outside, createdBy: SYSTEM_USER_ID },
        log,
        scale: def.name,
        ...(opts.worker !== undefined ? { worker: opts.worker } : {}),
      });
      log(
        `已导入 loaded ${fmt(result.rows)} rows in ${duration(result.seconds)} (${fmt(Math.round(result.rows / result.seconds))} rows/s)`,
      );
      return {
        scale: def.name,
        writer: 'bulk',
        counties: counties.length,
        seconds: result.seconds,
        rows: result.rows,
        rowsByTable: result.rowsByTable,
        injectedErrors: result.errors.length,
      };
    }
    // through the services
    const total: ServiceWriteResult = emptyServiceResult();
    const rowsByTable: Record<string, number> = {};
    let rows = 0;
    let injected = 0;
    const planned = counties.reduce((n, c) => n + slices.length * c.birthsPerYear, 0);
    const progress = new Progress(planned, !!process.stderr.isTTY, log);
    for (const county of counties) {
      const state: CountyState = { idSlots: new Map() };
      for (const [k, slice] of slices.entries()) {
        const batch: Batch = generateBatch(
          {
            seed,
            county,
            batchIndex: k,
            lmpFrom: slice.from,
            lmpTo: slice.to,
            today,
            rates,
            outsideCounties: outside,
            createdBy: SYSTEM_USER_ID,
          },
          state,
        );
        const r = await writeBatchThroughServices(services, batch, log);
        for (const key of Object.keys(total) as Array<keyof ServiceWriteResult>) total[key] += r[key];
        for (const [t, list] of batch.tables) rowsByTable[t] = (rowsByTable[t] ?? 0) + list.length;
        rows += rowCount(batch);
        injected += batch.errors.length;
        progress.tick(county.birthsPerYear, r.calls, county.code);
      }
    }
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    log(
      `已通过服务写入 written through the services: ${fmt(total.people)} women, ${fmt(total.pregnancies)} pregnancies, ${fmt(
        total.visits,
      )} visits, ${fmt(total.deliveries)} deliveries, ${fmt(total.children)} children, ${fmt(total.checkups)} check-ups, ${fmt(
        total.casesConfirmed,
      )} cases confirmed; ${fmt(total.refused)} refused (${fmt(total.calls)} calls, ${duration(seconds)})`,
    );
    return {
      scale: def.name,
      writer: 'services',
      counties: counties.length,
      seconds,
      rows,
      rowsByTable,
      services: total,
      injectedErrors: injected,
    };
  } finally {
    await owned?.close();
  }
}
