/**
 * `npm run bench -- --scale tiny|demo|county|city|province [--smoke] [--seed N] [--duration S] [--connections N]
 * [--years N] [--database pglite|postgres] [--no-append] [--keep] [--only dashboard,recompute,worklists,search,writes,worklist-county,child-worklist]`
 *
 * Runs the benchmark suite against the real server and a fresh database (PGlite, or a new database on the
 * DATABASE_URL server), prints a table and appends it with machine information to BENCHMARKS.md (smoke runs only
 * print). At demo scale with DATABASE_URL set, the run is made on both PGlite and PostgreSQL and compared.
 */
import { parseArgs } from 'node:util';

// logins of the bench's own accounts use the fast hash (the login itself is not measured)
process.env.FUYOU_FAST_HASH = '1';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'tiny' },
    smoke: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261122' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '50' },
    database: { type: 'string' },
    'no-append': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    years: { type: 'string' },
  },
  allowPositionals: false,
});

const { runBenchmarks } = await import('./bench/run');
const { appendToBenchmarks, comparison, markdown } = await import('./bench/report');
const { SCALES } = await import('./generator/index');
const { fileURLToPath } = await import('node:url');

const scale = values.scale as keyof typeof SCALES;
if (!SCALES[scale]) {
  console.error(`unknown scale ${values.scale}; one of ${Object.keys(SCALES).join(', ')}`);
  process.exit(2);
}
const bulk = SCALES[scale].writer === 'bulk';
const databases: Array<'pglite' | 'postgres'> = values.database
  ? [values.database as 'pglite' | 'postgres']
  : bulk
    ? ['postgres']
    : scale === 'demo' && process.env.DATABASE_URL
      ? ['pglite', 'postgres']
      : [process.env.DATABASE_URL ? 'postgres' : 'pglite'];
if (databases.includes('postgres') && !process.env.DATABASE_URL) {
  console.error(`规模 ${scale} 需要 PostgreSQL：请设置 DATABASE_URL (scale ${scale} needs DATABASE_URL)`);
  process.exit(2);
}
const PARTS = ['dashboard', 'recompute', 'worklists', 'search', 'writes', 'worklist-county', 'child-worklist'] as const;
const only = values.only ? new Set(values.only.split(',').map((x) => x.trim())) : undefined;
for (const p of only ?? []) {
  if (!(PARTS as readonly string[]).includes(p)) {
    console.error(`unknown part ${p} of --only; one of ${PARTS.join(', ')}`);
    process.exit(2);
  }
}
const years = values.years === undefined ? undefined : Number(values.years);
if (years !== undefined && (!Number.isInteger(years) || years < 1 || years > 20)) {
  console.error('--years 应为1–20的整数 (--years must be an integer 1–20)');
  process.exit(2);
}
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
const started = performance.now();
const results = [];
for (const database of databases) {
  const r = await runBenchmarks({
    scale,
    smoke: values.smoke!,
    seed: Number(values.seed),
    database,
    duration: Number(values.duration ?? (values.smoke ? 1 : 15)),
    connections: values.smoke ? Math.min(5, Number(values.connections)) : Number(values.connections),
    keep: values.keep!,
    ...(only ? { only } : {}),
    ...(years ? { years } : {}),
    log: (m) => console.error(m),
  });
  results.push(r);
  console.log(markdown(r, command));
}
let text = results.map((r) => markdown(r, command)).join('\n');
if (results.length === 2) {
  const c = comparison(results[0]!, results[1]!);
  console.log(c);
  text += `\n${c}`;
}
// smoke runs (CI's) and runs under CI only print: BENCHMARKS.md holds the runs someone chose to record
if (!values.smoke && !values['no-append'] && !process.env.CI) {
  const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
  appendToBenchmarks(file, text);
  console.error(`已追加 appended to ${file}`);
}
console.error(`完成 done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
