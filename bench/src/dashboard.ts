/**
 * `DATABASE_URL=… npx tsx bench/src/dashboard.ts --region 330000 --year 2026 [--user bench_sup] [--warm 30]`
 *
 * Benchmark 1 alone (the indicator dashboard over HTTP: once cold, then `--warm` times warm) on an existing
 * database, e.g. one kept by `npm run bench -- --scale province --keep`, after `fuyou migrate` brought it to the
 * current schema: the real server on a free port, a login of the suite's supervisor (`bench_sup`, made by the
 * suite for the scale's region), the same request as the suite's. Prints the timings; appends nothing.
 */
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';

// the suite's accounts were made with the fast hash
process.env.FUYOU_FAST_HASH = '1';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: '330000' },
    year: { type: 'string', default: String(new Date().getUTCFullYear() - 1) },
    user: { type: 'string', default: 'bench_sup' },
    warm: { type: 'string', default: '30' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('需要 DATABASE_URL (set DATABASE_URL to the kept bench database)');
  process.exit(2);
}
const { openDatabase } = await import('@fuyou/db');
const { buildApp, loadConfig, randomKeyRing } = await import('@fuyou/server');
const { login, timeGet, timing } = await import('./bench/run');

const database = await openDatabase({ databaseUrl: url });
const config = loadConfig({}, { logLevel: 'silent', databaseUrl: url, webDistDir: '/nonexistent', dataDir: '/tmp' });
const app = await buildApp({ config, database, keys: randomKeyRing() });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const cookie = await login(base, values.user!);
const path = `/api/v1/indicators/values?regionCode=${values.region}&period=${values.year}`;

(app.services.indicators as unknown as { engine?: { cache?: { clear?: () => void } } }).engine?.cache?.clear?.();
const cold = await timeGet(base, cookie, path);
console.log(`cold: ${cold.toFixed(1)} ms`);
const warm: number[] = [];
for (let i = 0; i < Number(values.warm); i++) warm.push(await timeGet(base, cookie, path));
const w = timing(warm);
console.log(`warm (${w.n}): p50 ${w.p50} ms, p95 ${w.p95} ms`);
await app.close();
await database.close?.();
process.exit(0);
