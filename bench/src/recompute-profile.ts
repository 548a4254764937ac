/**
 * `DATABASE_URL=… npx tsx bench/src/recompute-profile.ts --region 330902 --year 2025 [--explain 3]`
 *
 * Where the time of benchmark 2's recompute goes: runs the engine's recompute of every indicator once (count cache
 * emptied) with every statement logged, prints the statements by time (the first table each reads, the number of
 * measures it counts), then `EXPLAIN (ANALYZE, BUFFERS)` of the `--explain` slowest, under the same scope and
 * settings as the engine (role fuyou_app with row-level security, JIT off). Appends nothing.
 */
import { parseArgs } from 'node:util';
import { sql, withScope, type Database, type DatabaseHandle, type Transaction } from '@fuyou/db';
import { buildApp, loadConfig, randomKeyRing, systemContext } from '@fuyou/server';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { handWrittenIndicators } from './bench/sql-baseline';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: '330902' },
    year: { type: 'string', default: String(new Date().getUTCFullYear() - 1) },
    explain: { type: 'string', default: '3' },
    'min-ms': { type: 'string', default: '5' },
    baseline: { type: 'boolean', default: false },
    // plans only (EXPLAIN without ANALYZE): the statements are not run again
    'plan-only': { type: 'boolean', default: false },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('需要 DATABASE_URL (set DATABASE_URL to the kept bench database)');
  process.exit(2);
}
interface Logged {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
const logged: Logged[] = [];
let recording = false;
const pool = new pg.Pool({ connectionString: url, max: 4 });
pool.on('error', () => {});
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log(e) {
    if (recording && e.level === 'query')
      logged.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  },
});
const database: DatabaseHandle = { db, kind: 'postgres', description: 'profile', close: () => db.destroy() };
const config = loadConfig({}, { logLevel: 'silent', databaseUrl: url, webDistDir: '/nonexistent', dataDir: '/tmp' });
const app = await buildApp({ config, database, keys: randomKeyRing() });
interface EngineLike {
  cache?: { clear?: () => void };
  compute: (ctx: unknown, req: { regionCode: string; period: string }) => Promise<unknown[]>;
}
const engine = (app.services.indicators as unknown as { engine: EngineLike }).engine;
/** The plan of a logged statement, with JIT off as the engine and the pass run (in the caller's transaction). */
async function explain(trx: Transaction<Database>, q: Logged): Promise<string> {
  await sql`set local jit = off`.execute(trx);
  const text = `explain ${values['plan-only'] ? '' : '(analyze, buffers) '}${q.sql}`;
  const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(text, [...q.parameters]));
  return r.rows.map((x) => x['QUERY PLAN']).join('\n');
}
const counties = app.services.regions.countiesUnder(values.region!);
const ctx = systemContext(counties);
if (values.baseline) {
  // the hand-written pass's statement, explained under the same settings it runs with
  recording = true;
  await handWrittenIndicators(db, Number(values.year), counties);
  recording = false;
  const q = logged.filter((x) => /with d as/.test(x.sql))[0]!;
  logged.length = 0;
  const plan = await db.transaction().execute((trx) => explain(trx, q));
  console.log(`---- hand-written pass: ${q.ms.toFixed(1)} ms in the run\n${plan}\n`);
}
engine.cache?.clear?.();
recording = true;
const t = performance.now();
await engine.compute(ctx, { regionCode: values.region!, period: values.year! });
const total = performance.now() - t;
recording = false;

/**
 * A short label: the branches of the engine's count statement, or the first table read after the outermost `from (`;
 * and how many measures the statement counts.
 */
const label = (s: string) => {
  const flat = s.replace(/\s+/g, ' ');
  const table = /from \((?: with .*?\))? select .*? from (\w+ \w+)/.exec(flat)?.[1];
  const measures = (flat.match(/count\(\*\) filter/g) ?? []).length;
  const branches = flat.split(' union all ').length;
  if (branches > 1) return `count statement, ${branches} branches (${measures} measures)`;
  return `${table ?? flat.slice(0, 80)}${measures ? ` (${measures} measures)` : ''}`;
};
const byTime = [...logged].sort((a, b) => b.ms - a.ms);
console.log(
  `recompute ${total.toFixed(0)} ms, ${logged.length} statements, sum ${logged.reduce((s, q) => s + q.ms, 0).toFixed(0)} ms`,
);
for (const q of byTime.filter((x) => x.ms >= Number(values['min-ms'])))
  console.log(`${q.ms.toFixed(1).padStart(8)} ms  ${label(q.sql)}`);
for (const q of byTime.slice(0, Number(values.explain))) {
  const plan = await withScope(db, ctx, (trx) => explain(trx, q));
  console.log(
    `\n---- ${label(q.sql)}: ${q.ms.toFixed(1)} ms in the run\n${q.sql}\n-- parameters: ${JSON.stringify(q.parameters)}\n${plan}`,
  );
}
await app.close();
process.exit(0);
