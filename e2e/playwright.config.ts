/**
 * Browser tests: Playwright driving Debian's Chromium (apt-get install chromium fonts-noto-cjk; never a downloaded
 * browser). The web server is the real app (`node scripts/start.mjs` via support/serve-fresh.mjs: builds the UI if
 * stale, migrates a fresh PGlite database in a temporary directory removed afterwards, seeds the demo data) on a
 * free port.
 * FUYOU_E2E_BASE_URL=http://localhost:5173 runs the specs against an already running app instead.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** A port the OS says is free now (asked in a child process, because the config must load synchronously). */
function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
    .toString()
    .trim();
}

const external = process.env.FUYOU_E2E_BASE_URL;
// Workers load this file again; they inherit the runner's environment, so the port is chosen once.
process.env.FUYOU_E2E_PORT ??= external ? '0' : freePort();
const port = process.env.FUYOU_E2E_PORT;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  outputDir: '../test-results',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: 'node e2e/support/serve-fresh.mjs',
        cwd: repoRoot,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
        timeout: 300_000,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: port ?? '',
          HOST: '127.0.0.1',
          FUYOU_DEMO: '1',
        },
      },
});
