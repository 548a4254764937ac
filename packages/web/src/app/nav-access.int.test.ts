/**
 * The side navigation against the real server: for every demo login (one or more per role), each navigation page
 * the role is shown must get every read its page makes (no 403, no 5xx, no 4xx at all), and each page it is not
 * shown must be one the server refuses it (some read answers 403), so every role sees exactly the pages it can use.
 * The reads per page are declared in page-loads.ts; e2e/smoke.spec.ts checks in the browser that they are complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Role } from '@fuyou/server/platform/context';
import { DEMO_USERS } from '@fuyou/server/seed/demo-institutions';
import { seedDemoInstitutions, seedDemoUsers } from '@fuyou/server/seed/demo';
import { startTestServer, type Client, type TestServer } from '@fuyou/server/testing';
import { MODULES } from './module-registry';
import { canUse } from './nav';
import { CONFIGURATION_PAGES, PAGE_LOADS, type PageLoad } from './page-loads';

const NAV = MODULES.filter((m) => m.nav !== false);

interface Me {
  role: Role;
  jurisdictionCode: string | null;
  counties: string[];
  permissions: string[];
}

let server: TestServer;
interface Session {
  client: Client;
  me: Me;
  /** The user's default region and report year: /indicators/home's where she reads indicators, as the pages do. */
  region: string;
  reportYear: number;
}
const sessions = new Map<string, Session>();

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoUsers(server.app.services, await seedDemoInstitutions(server.app.services));
  for (const u of DEMO_USERS) {
    const client = await server.login(u.username);
    const me = (await client.get<{ user: Me }>('/api/v1/auth/me')).body.user;
    const home = await client.get<{ reportYear: number; regionCode: string | null }>('/api/v1/indicators/home');
    const ok = home.status === 200;
    sessions.set(u.username, {
      client,
      me,
      region: (ok ? home.body.regionCode : null) ?? me.jurisdictionCode ?? me.counties[0] ?? '000000',
      reportYear: ok ? home.body.reportYear : new Date().getFullYear(),
    });
  }
});

afterAll(async () => {
  await server?.close();
});

function fill(path: string, { region, reportYear }: Session): string {
  return path
    .replaceAll('{region}', region)
    .replaceAll('{unit}', region.endsWith('00') ? 'county' : 'institution')
    .replaceAll('{year}', String(new Date().getFullYear()))
    .replaceAll('{reportYear}', String(reportYear))
    .replaceAll('{lastReportYear}', String(reportYear - 1));
}

/** The reads the page `key` makes for `me`, answered. */
async function load(key: string, s: Session) {
  const loads: readonly PageLoad[] = PAGE_LOADS[key] ?? [];
  const out: { path: string; status: number; message: string }[] = [];
  for (const l of loads) {
    if (l.if && !s.me.permissions.includes(l.if)) continue;
    const path = fill(l.path, s);
    const r = await s.client.get<{ error?: { code?: string; message?: string } }>(`/api/v1${path}`);
    out.push({ path, status: r.status, message: r.status >= 400 ? JSON.stringify(r.body).slice(0, 200) : '' });
  }
  return out;
}

describe('page-loads.ts lists every page of the navigation', () => {
  it('and nothing else', () => {
    expect(Object.keys(PAGE_LOADS).sort()).toEqual(NAV.map((m) => m.key).sort());
  });

  it('every role has a demo login', () => {
    expect(ROLES.filter((r) => !DEMO_USERS.some((u) => u.role === r))).toEqual([]);
  });
});

describe.each(DEMO_USERS.map((u) => u.username))('%s', (username) => {
  it('sees only pages whose reads the server answers', async () => {
    const s = sessions.get(username);
    if (!s) throw new Error(`no session for ${username}`);
    expect(s.me.permissions.slice().sort()).toEqual(expect.arrayContaining([...ROLE_PERMISSIONS[s.me.role]]));
    const refused: string[] = [];
    for (const m of NAV.filter((e) => canUse(e.permission, s.me.permissions))) {
      for (const r of await load(m.key, s)) {
        if (r.status >= 400) refused.push(`${m.key}: GET ${r.path} → ${r.status} ${r.message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('is not shown pages the server would answer', async () => {
    const s = sessions.get(username);
    if (!s) throw new Error(`no session for ${username}`);
    const usable: string[] = [];
    const hidden = NAV.filter((e) => !canUse(e.permission, s.me.permissions) && !CONFIGURATION_PAGES.has(e.key));
    for (const m of hidden) {
      const answers = await load(m.key, s);
      // a page without reads of its own (a form) is judged by its permission alone
      if (answers.length && answers.every((r) => r.status < 400)) usable.push(m.key);
    }
    expect(usable).toEqual([]);
  });
});
