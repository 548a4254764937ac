/**
 * `DATABASE_URL=… npx tsx bench/src/recompute.ts --region 330902 --year 2025 [--runs 3]`
 *
 * Benchmark 2 alone (recompute of every indicator by the engine against the hand-written SQL pass) on an existing
 * database, e.g. one kept by `npm run bench -- --scale county --keep`: the same calls as the suite's (the engine's
 * count cache emptied before each recompute), repeated `--runs` times, alternating, so that an engine change can be
 * measured without seeding again. Prints each run and the medians; appends nothing.
 * `--indicators a,b,…` asks the engine for those catalogue indicators only (e.g. the ones the hand-written pass
 * computes too, for a like-for-like figure); all of them by default, as in the suite.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '@fuyou/db';
import { buildApp, loadConfig, randomKeyRing, systemContext } from '@fuyou/server';
import { handWrittenIndicators } from './bench/sql-baseline';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: '330902' },
    year: { type: 'string', default: String(new Date().getUTCFullYear() - 1) },
    runs: { type: 'string', default: '3' },
    indicators: { type: 'string' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('需要 DATABASE_URL (set DATABASE_URL to the kept bench database)');
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: url });
const config = loadConfig({}, { logLevel: 'silent', databaseUrl: url, webDistDir: '/nonexistent', dataDir: '/tmp' });
const app = await buildApp({ config, database, keys: randomKeyRing() });
interface EngineLike {
  cache?: { clear?: () => void };
  compute: (ctx: unknown, req: { regionCode: string; period: string; indicatorIds?: string[] }) => Promise<unknown[]>;
}
const engine = (app.services.indicators as unknown as { engine: EngineLike }).engine;
const ctx = systemContext(app.services.regions.countiesUnder(values.region!));
const year = Number(values.year);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sqlS: number[] = [];
const engS: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  let t = performance.now();
  await handWrittenIndicators(database.db, year, app.services.regions.countiesUnder(values.region!));
  sqlS.push((performance.now() - t) / 1000);
  engine.cache?.clear?.();
  t = performance.now();
  const indicatorIds = values.indicators?.split(',').filter(Boolean);
  const n = (await engine.compute(ctx, { regionCode: values.region!, period: String(year), indicatorIds })).length;
  engS.push((performance.now() - t) / 1000);
  console.log(
    `run ${i + 1}: SQL ${sqlS.at(-1)!.toFixed(3)} s, engine ${engS.at(-1)!.toFixed(3)} s (${n} indicators), ratio ${(engS.at(-1)! / sqlS.at(-1)!).toFixed(2)}`,
  );
}
console.log(
  `median: SQL ${median(sqlS).toFixed(3)} s, engine ${median(engS).toFixed(3)} s, ratio ${(median(engS) / median(sqlS)).toFixed(2)}`,
);
await app.close();
await database.close?.();
process.exit(0);
