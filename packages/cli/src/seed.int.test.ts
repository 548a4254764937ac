import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, sql } from '@fuyou/db';

const dataDir = mkdtempSync(join(tmpdir(), 'fuyou-seed-'));
const env = { ...process.env, FUYOU_DATA_DIR: dataDir, FUYOU_FAST_HASH: '1', DATABASE_URL: '' };
const cli = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npx',
      ['tsx', 'packages/cli/src/main.ts', ...args],
      { env, encoding: 'utf8', cwd: join(import.meta.dirname, '../../..') },
      (err, stdout, stderr) =>
        resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// `fuyou seed --scale …` (issue #7) on its own embedded database.
describe('fuyou seed', () => {
  it('seeds a scale through the services with rows per second, refuses to seed the same counties twice, names bad options', async () => {
    const r = await cli('seed', '--scale', 'tiny', '--years', '1', '--seed', '7');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tiny: [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\), 1 counties, writer services/);
    expect(r.stderr).toContain('100.0%');
    const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    const n = await sql<{ people: number; synthetic: number; pregnancies: number }>`select
        (select count(*)::int from person where county_code = '330902') as people,
        (select count(*)::int from person where county_code = '330902' and is_synthetic) as synthetic,
        (select count(*)::int from pregnancy where county_code = '330902') as pregnancies`.execute(db.db);
    await db.close();
    expect(n.rows[0]!.people).toBeGreaterThan(10);
    expect(n.rows[0]!.synthetic).toBe(n.rows[0]!.people);
    expect(n.rows[0]!.pregnancies).toBeGreaterThan(5);

    const again = await cli('seed', '--scale', 'tiny');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已有人员数据');
    const unknown = await cli('seed', '--scale', 'planet');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知规模');
    const years = await cli('seed', '--scale', 'tiny', '--years', 'x');
    expect(years.status).toBe(2);
    expect(years.stderr).toContain('--years');
    const bulk = await cli('seed', '--scale', 'county');
    expect(bulk.status).toBe(1);
    expect(bulk.stderr).toContain('需要 PostgreSQL');
  }, 300_000);
});
