/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import type { AddressInfo } from 'node:net';
import { openTestDatabase, type TestDatabase } from '@fuyou/db/testing';
import { buildApp, type App } from './app';
import { loadConfig, type AppConfig } from './platform/config';
import { randomKeyRing } from './platform/crypto';
import { systemContext, type Role } from './platform/context';
import { DEMO_PASSWORD } from './seed/demo-institutions';

/** A running app on a real port with its own fresh database (PGlite, or PostgreSQL with DATABASE_URL). */
export interface TestServer {
  app: App;
  db: TestDatabase;
  url: string;
  close(): Promise<void>;
  /** Creates an institution in a county and returns its id. */
  institution(county: string, opts?: { type?: string; code?: string }): Promise<string>;
  /** Creates a user with the demo password and no forced change; returns the username. */
  user(role: Role, opts?: { institutionId?: string; jurisdiction?: string; permissions?: string[] }): Promise<string>;
  /** Logs in and returns a client bound to the session cookie. */
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
}

export interface Client {
  cookie: string | null;
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  get<T = any>(path: string): Promise<{ status: number; body: T }>;
  post<T = any>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  patch<T = any>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

let counter = 0;

export async function startTestServer(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
  process.env.FUYOU_FAST_HASH = '1';
  const db = await openTestDatabase();
  const config = loadConfig(
    {},
    { logLevel: 'silent', loginRateLimitPerMinute: 1000, demo: true, webDistDir: '/nonexistent', ...overrides },
  );
  const app = await buildApp({ config, database: db, keys: randomKeyRing() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  function client(cookie: string | null): Client {
    const c: Client = {
      cookie,
      async request(method, path, body, headers = {}) {
        const res = await fetch(url + path, {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(c.cookie ? { cookie: c.cookie } : {}),
            ...headers,
          },
          ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
        });
        const set = res.headers.get('set-cookie');
        if (set?.startsWith('fuyou_session=')) c.cookie = set.split(';')[0] ?? null;
        const text = await res.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
        return { status: res.status, body: parsed as never, headers: res.headers };
      },
      get: (p) => c.request('GET', p),
      post: (p, b) => c.request('POST', p, b ?? {}),
      patch: (p, b) => c.request('PATCH', p, b ?? {}),
    };
    return c;
  }

  return {
    app,
    db,
    url,
    async close() {
      await app.close();
      await db.close();
    },
    async institution(county, opts = {}) {
      const code = opts.code ?? `T${county}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;
      const inst = await app.services.institutions.create(systemContext([]), {
        code,
        name: `测试机构${code}`,
        type: (opts.type ?? 'community_hc') as never,
        level: 'level1',
        regionCode: county,
        capabilities: [],
      });
      return inst.id;
    },
    async user(role, opts = {}) {
      const username = `t${++counter}-${role.replace('_', '')}-${Math.random().toString(36).slice(2, 6)}`;
      await app.services.users.create(
        systemContext([]),
        {
          username,
          displayName: username,
          role,
          institutionId: opts.institutionId ?? null,
          jurisdictionCode: opts.jurisdiction ?? null,
          permissions: (opts.permissions ?? []) as never,
          password: DEMO_PASSWORD,
        },
        { mustChange: false },
      );
      return username;
    },
    async login(username, password = DEMO_PASSWORD) {
      const c = client(null);
      const r = await c.post('/api/v1/auth/login', { username, password });
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return c;
    },
    anonymous: () => client(null),
  };
}
