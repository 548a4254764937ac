// npm start: build the web UI when it is missing or older than its sources, then serve in demo mode.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'packages/web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const webSrc = join(root, 'packages/web/src');
if (existsSync(webSrc) && (!existsSync(dist) || statSync(dist).mtimeMs < newest(webSrc))) {
  console.log('构建前端 building the web UI…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'packages/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env, FUYOU_DEMO: process.env.FUYOU_DEMO ?? '1' };
const child = spawn(
  'npx',
  ['tsx', 'packages/cli/src/main.ts', 'serve', ...(env.FUYOU_DEMO === '0' ? [] : ['--demo'])],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);
child.on('exit', (code) => process.exit(code ?? 0));
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
