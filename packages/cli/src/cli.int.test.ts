import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, sql } from '@fuyou/db';

const dataDir = mkdtempSync(join(tmpdir(), 'fuyou-cli-'));
const env = { ...process.env, FUYOU_DATA_DIR: dataDir, FUYOU_FAST_HASH: '1', DATABASE_URL: '' };
// async, so the test worker's event loop stays free while the CLI runs (a blocking spawn starves vitest's RPC)
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

// The CLI on its own embedded database: migrate, create a user, verify the audit chain, find a tampered row.
describe('fuyou CLI', () => {
  it('--help lists the commands', async () => {
    const r = await cli('--help');
    for (const c of ['serve', 'migrate', 'seed', 'user', 'audit']) expect(r.stdout).toContain(c);
  });

  it('migrate, user create (one-time password), audit verify, and detection of tampering', async () => {
    expect((await cli('migrate')).status).toBe(0);
    const created = await cli('user', 'create', '-u', 'cli-auditor', '-r', 'auditor');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/one-time password: Fy-/);
    expect(statSync(join(dataDir, 'keys.json')).mode & 0o777).toBe(0o600);
    const bad = await cli('user', 'create', '-u', 'cli-x', '-r', 'clinician');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('机构');
    const ok = await cli('audit', 'verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('intact');

    const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    await sql`alter table audit_event disable trigger audit_event_immutable`.execute(db.db);
    await sql`update audit_event set details = '{"forged":true}' where seq = 1`.execute(db.db);
    await db.close();
    const broken = await cli('audit', 'verify');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('seq 1');
  }, 120_000);
});
