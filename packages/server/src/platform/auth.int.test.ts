import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { sql } from '@fuyou/db';
import { startTestServer, type TestServer } from '../testing';

let s: TestServer;
let inst: string;
beforeAll(async () => {
  s = await startTestServer({ sessionIdleMinutes: 30 });
  inst = await s.institution('330921');
});
afterAll(async () => s?.close());

describe('login and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie; the token is stored hashed', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const c = s.anonymous();
    const r = await c.request('POST', '/api/v1/auth/login', { username, password: 'Fuyou@2026' });
    expect(r.status).toBe(200);
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/fuyou_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const token = c.cookie!.split('=')[1]!;
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from session where token_hash::text like ${'%' + token + '%'}`.execute(s.db.db);
    expect(rows.rows[0]?.n).toBe(0);
    const me = await c.get('/api/v1/auth/me');
    expect(me.body.user).toMatchObject({ username, role: 'clinician', counties: ['330921'] });
  });

  it('a wrong password is 401 in Chinese; both outcomes are audited', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const bad = await s.anonymous().post('/api/v1/auth/login', { username, password: 'Wrong@2026x' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    await s.login(username);
    const ev = await sql<{
      outcome: string;
    }>`select outcome from audit_event where action = 'auth.login' and username = ${username} order by seq`.execute(
      s.db.db,
    );
    expect(ev.rows.map((e) => e.outcome)).toEqual(['failure', 'success']);
  });

  it('locks the account after 5 failures in 15 minutes, even for the right password', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    for (let i = 0; i < 5; i++)
      await s.anonymous().post('/api/v1/auth/login', { username, password: `Wrong@2026-${i}` });
    const r = await s.anonymous().post('/api/v1/auth/login', { username, password: 'Fuyou@2026' });
    expect(r.status).toBe(423);
    expect(r.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(r.body.error.message).toContain('锁定');
    expect(r.body.error.lockedUntil).toBeTruthy();
  });

  it('ends a session after the idle timeout', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const c = await s.login(username);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await sql`update session set last_seen_at = now() - interval '31 minutes' where user_id = (select id from app_user where username = ${username})`.execute(
      s.db.db,
    );
    // the 31 minutes pass in the database only; had they really passed, the 2-s check bound would be long over
    s.app.services.auth.forgetSessions();
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a session ended in the database by another process is refused once the check bound (2 s) has passed', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const c = await s.login(username);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await sql`update session set revoked_at = now() where user_id = (select id from app_user where username = ${username})`.execute(
      s.db.db,
    );
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('ends a session after its absolute lifetime', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const c = await s.login(username);
    await sql`update session set expires_at = now() - interval '1 second' where user_id = (select id from app_user where username = ${username})`.execute(
      s.db.db,
    );
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const c = await s.login(await s.user('clinician', { institutionId: inst }));
    await c.post('/api/v1/auth/logout');
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a password change ends every other session of the user', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const a = await s.login(username);
    const b = await s.login(username);
    const weak = await a.post('/api/v1/auth/change-password', { oldPassword: 'Fuyou@2026', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const r = await a.post('/api/v1/auth/change-password', {
      oldPassword: 'Fuyou@2026',
      newPassword: 'Haidao#Zhoushan9',
    });
    expect(r.status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    await s.login(username, 'Haidao#Zhoushan9');
  });

  it('disabling a user ends her sessions', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const c = await s.login(username);
    const sec = await s.login(await s.user('secadmin'));
    const list = await sec.get(`/api/v1/users?q=${username}`);
    const u = list.body.items[0];
    const r = await sec.patch(`/api/v1/users/${u.id}`, { disabled: true, version: u.version });
    expect(r.status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const again = await s.anonymous().post('/api/v1/auth/login', { username, password: 'Fuyou@2026' });
    expect(again.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it('refuses a cross-site state-changing request (CSRF)', async () => {
    const c = await s.login(await s.user('clinician', { institutionId: inst }));
    const r = await c.request('POST', '/api/v1/auth/logout', {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CSRF_REJECTED');
  });
});

describe('TOTP second factor', () => {
  it('set up, then required at login', async () => {
    const username = await s.user('clinician', { institutionId: inst });
    const c = await s.login(username);
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await c.post('/api/v1/auth/totp/enable', { code: '000000' })).status).toBe(400);
    const ok = await c.post('/api/v1/auth/totp/enable', { code: authenticator.generate(setup.body.secret) });
    expect(ok.status).toBe(200);
    const noOtp = await s.anonymous().post('/api/v1/auth/login', { username, password: 'Fuyou@2026' });
    expect(noOtp.body.error.code).toBe('OTP_REQUIRED');
    const badOtp = await s.anonymous().post('/api/v1/auth/login', { username, password: 'Fuyou@2026', otp: '123456' });
    expect(badOtp.body.error.code).toBe('OTP_INVALID');
    const good = await s
      .anonymous()
      .post('/api/v1/auth/login', { username, password: 'Fuyou@2026', otp: authenticator.generate(setup.body.secret) });
    expect(good.status).toBe(200);
  });
});

describe('outside demo mode', () => {
  it('administrators must set up TOTP, and new users must change their password, before anything else', async () => {
    const strict = await startTestServer({ demo: false });
    try {
      const admin = await strict.login(await strict.user('sysadmin'));
      const blocked = await admin.get('/api/v1/institutions');
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe('TOTP_SETUP_REQUIRED');
      expect((await admin.get('/api/v1/auth/me')).body.user.totpSetupRequired).toBe(true);

      const sec = await strict.login(await strict.user('secadmin'));
      const setup = await sec.post('/api/v1/auth/totp/setup');
      await sec.post('/api/v1/auth/totp/enable', { code: authenticator.generate(setup.body.secret) });
      const inst2 = await strict.institution('330902');
      const created = await sec.post('/api/v1/users', {
        username: 'newnurse',
        displayName: '新护士',
        role: 'clinician',
        institutionId: inst2,
      });
      expect(created.status).toBe(201);
      expect(created.body.initialPassword).toMatch(/^Fy-/);
      const nurse = await strict.login('newnurse', created.body.initialPassword);
      const must = await nurse.get('/api/v1/people?q=a');
      expect(must.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await nurse.post('/api/v1/auth/change-password', {
        oldPassword: created.body.initialPassword,
        newPassword: 'Dinghai#Nurse42',
      });
      expect((await nurse.get('/api/v1/people?q=a')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('the three administrators are kept apart (三员分立)', () => {
  it.each([
    ['sysadmin', '/api/v1/users', 403],
    ['sysadmin', '/api/v1/audit/events', 403],
    ['secadmin', '/api/v1/audit/events', 403],
    ['secadmin', '/api/v1/people?q=a', 403],
    ['auditor', '/api/v1/users', 403],
    ['auditor', '/api/v1/people?q=a', 403],
    ['auditor', '/api/v1/audit/events', 200],
    ['secadmin', '/api/v1/users', 200],
    ['sysadmin', '/api/v1/institutions', 200],
  ] as const)('%s GET %s → %i', async (role, path, status) => {
    const c = await s.login(await s.user(role));
    expect((await c.get(path)).status).toBe(status);
  });

  it('permission changes are audited with before and after', async () => {
    const sec = await s.login(await s.user('secadmin'));
    const created = await sec.post('/api/v1/users', {
      username: 'perm-test',
      displayName: '权限测试',
      role: 'clinician',
      institutionId: inst,
      password: 'Zhoushan#Perm88',
    });
    const u = created.body.user;
    await sec.patch(`/api/v1/users/${u.id}`, { permissions: ['pmtct'], version: u.version });
    const ev = await sql<{
      details: { before: { permissions: string[] }; after: { permissions: string[] } };
    }>`select details from audit_event where action = 'user.update' and entity_id = ${u.id}`.execute(s.db.db);
    expect(ev.rows[0]?.details.before.permissions).toEqual([]);
    expect(ev.rows[0]?.details.after.permissions).toEqual(['pmtct']);
  });
});
