// The app for the browser tests: `node scripts/start.mjs` (builds the UI if stale, migrates, seeds the demo data)
// on a fresh PGlite directory that is removed again when the tests end (Playwright stops the web server with
// SIGTERM to its process group; see gracefulShutdown in playwright.config.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'fuyou-e2e-'));
const child = spawn(process.execPath, ['scripts/start.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUYOU_DATA_DIR: dataDir },
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  // the child is in our process group and usually has the signal already; make sure
  child.kill(signal);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
