/**
 * `DATABASE_URL=… npx tsx bench/src/child-worklist-main.ts [--county 330902] [--rounds 40] [--duration 15]
 * [--connections 50]`
 *
 * The child-health worklist benchmark on an existing, already seeded database (e.g. `fuyou seed --scale county`):
 * the real server on a free port, sequential requests (whole county, one clinic, one kind, one township), then the
 * county-wide and the clinic list under concurrent clients (autocannon in a second process). Prints Markdown.
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

process.env.FUYOU_FAST_HASH = '1';

const { values } = parseArgs({
  options: {
    county: { type: 'string' },
    rounds: { type: 'string', default: '40' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
  },
});
const { migrate, openDatabase, sql } = await import('@fuyou/db');
const { buildApp, loadConfig, randomKeyRing, systemContext } = await import('@fuyou/server');
const { DEMO_PASSWORD } = await import('@fuyou/server/seed/demo-institutions');
const { load, login, timeGet } = await import('./bench/run');
const { childWorklistMarkdown, measureChildWorklist } = await import('./bench/child-worklist');

const url0 = process.env.DATABASE_URL;
if (!url0) throw new Error('DATABASE_URL');
const database = await openDatabase({ databaseUrl: url0, poolSize: 20 });
await migrate(database.db);
const dataDir = mkdtempSync(join(tmpdir(), 'fuyou-child-wl-'));
const config = loadConfig(
  {},
  {
    demo: true,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    loginRateLimitPerMinute: 100_000,
    webDistDir: '/nonexistent',
    dataDir,
    databaseUrl: url0,
  },
);
const app = await buildApp({ config, database, keys: randomKeyRing() });
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const suffix = Math.random().toString(36).slice(2, 8);
  const mk = async (username: string, role: string, extra: Record<string, unknown>) =>
    app.services.users.create(
      systemContext([]),
      {
        username,
        displayName: username,
        role: role as never,
        permissions: [],
        password: DEMO_PASSWORD,
        ...extra,
      } as never,
      { demo: true, mustChange: false },
    );
  const county =
    values.county ??
    (
      await sql<{ c: string }>`select county_code as c from child_profile where status = 'active'
        group by 1 order by count(*) desc limit 1`.execute(database.db)
    ).rows[0]!.c;
  await mk(`cwl_sup_${suffix}`, 'mch_supervisor', { jurisdictionCode: county });
  const sup = await login(url, `cwl_sup_${suffix}`);
  let clinicId = '';
  const r = await measureChildWorklist({
    db: database.db,
    county,
    rounds: Number(values.rounds),
    time: (cookie, path) => timeGet(url, cookie, path),
    countySession: sup,
    clinicSession: async (id) => {
      clinicId = id;
      await mk(`cwl_clin_${suffix}`, 'clinician', { institutionId: id });
      return login(url, `cwl_clin_${suffix}`);
    },
  });
  if (!r) throw new Error('no active children');
  console.log(childWorklistMarkdown(r));
  const n = Number(values.connections);
  const clin = await Promise.all(Array.from({ length: Math.min(n, 50) }, () => login(url, `cwl_clin_${suffix}`)));
  const sups = await Promise.all(Array.from({ length: Math.min(n, 50) }, () => login(url, `cwl_sup_${suffix}`)));
  const page = '/api/v1/child-worklist?horizon=14&pageSize=50';
  const common = { url, connections: n, duration: Number(values.duration) };
  const results = await load([
    { ...common, name: 'child worklist, whole county', cookies: sups, paths: [page] },
    { ...common, name: 'child worklist, one clinic', cookies: clin, paths: [`${page}&institutionId=${clinicId}`] },
  ]);
  console.log('\n| under load | connections | req/s | p50 ms | p95 ms | p99 ms | errors/non-2xx |');
  console.log('|---|---|---|---|---|---|---|');
  for (const x of results)
    console.log(
      `| ${x.name} | ${n} | ${Math.round(x.throughput)} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.errors}/${x.non2xx} |`,
    );
} finally {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
