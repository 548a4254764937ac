import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'fuyou-cli-report-'));
const env = { ...process.env, FUYOU_DATA_DIR: dataDir, FUYOU_FAST_HASH: '1', DATABASE_URL: '' };
// async, so the test worker's event loop stays free while the CLI runs
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

describe('fuyou report annual', () => {
  it('writes the annual report of a region and year as xlsx and PDF; refuses a bad format or region', async () => {
    const xlsx = join(dataDir, 'r.xlsx');
    const a = await cli('report', 'annual', '--region', '330900', '--year', '2026', '--format', 'xlsx', '--out', xlsx);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toContain('舟山市 2026年度年报：7 张表');
    // an xlsx is a zip
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = join(dataDir, 'r.pdf');
    const b = await cli('report', 'annual', '-r', '330902', '-y', '2026', '-f', 'pdf', '-t', 'wt41', '-o', pdf);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain('定海区 2026年度年报：2 张表');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await cli('report', 'annual', '-r', '330900', '-y', '2026', '-f', 'doc', '-o', join(dataDir, 'x'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('格式应为 xlsx 或 pdf');
    const region = await cli('report', 'annual', '-r', '999999', '-y', '2026', '-o', join(dataDir, 'y'));
    expect(region.status).toBe(1);
    expect(region.stderr).toContain('区划代码不存在');
  }, 180_000);
});
