import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../testing';

let s: TestServer;
let sys: Client;
let sec: Client;
beforeAll(async () => {
  s = await startTestServer();
  sys = await s.login(await s.user('sysadmin'));
  sec = await s.login(await s.user('secadmin'));
});
afterAll(async () => s?.close());

describe('institutions', () => {
  it('create, list by county and capability, edit with version, deactivate', async () => {
    const r = await sys.post('/api/v1/institutions', {
      code: 'T-DS-01',
      name: '岱山县测试卫生院',
      type: 'township_hc',
      level: 'level1',
      regionCode: '330921',
      capabilities: ['child_health'],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ countyCode: '330921', countyName: '岱山县', version: 1, active: true });
    const list = await sys.get('/api/v1/institutions?countyCode=330921&capability=child_health');
    expect(list.body.items.map((i: { code: string }) => i.code)).toContain('T-DS-01');
    const dup = await sys.post('/api/v1/institutions', {
      code: 'T-DS-01',
      name: '重复',
      type: 'township_hc',
      regionCode: '330921',
    });
    expect(dup.status).toBe(409);
    const stale = await sys.patch(`/api/v1/institutions/${r.body.id}`, { name: '改名', version: 99 });
    expect(stale.status).toBe(409);
    const off = await sys.patch(`/api/v1/institutions/${r.body.id}`, { active: false, version: 1 });
    expect(off.body).toMatchObject({ active: false, version: 2 });
  });

  it.each([
    [{ code: '', name: '名称', type: 'township_hc', regionCode: '330921' }, 'code'],
    [{ code: 'X-1', name: '名称', type: 'spaceship', regionCode: '330921' }, 'type'],
    [{ code: 'X-2', name: '名称', type: 'township_hc', regionCode: '999999' }, 'regionCode'],
    [
      { code: 'X-3', name: '名称', type: 'township_hc', regionCode: '330921', capabilities: ['flying'] },
      'capabilities.0',
    ],
  ])('bad institution %j → 400 naming %s', async (body, field) => {
    const r = await sys.post('/api/v1/institutions', body);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('a clinician cannot create institutions', async () => {
    const c = await s.login(await s.user('clinician', { institutionId: await s.institution('330902') }));
    expect(
      (await c.post('/api/v1/institutions', { code: 'NO', name: '不行', type: 'other', regionCode: '330902' })).status,
    ).toBe(403);
  });
});

describe('users', () => {
  it.each([
    [{ username: 'ab', displayName: 'x', role: 'clinician' }, 'username'],
    [{ username: 'no-inst', displayName: 'x', role: 'clinician' }, 'institutionId'],
    [{ username: 'no-jur', displayName: 'x', role: 'mch_supervisor' }, 'jurisdictionCode'],
    [
      { username: 'bad-jur', displayName: 'x', role: 'statistician', jurisdictionCode: '330902001' },
      'jurisdictionCode',
    ],
    [{ username: 'weak-pw', displayName: 'x', role: 'auditor', password: '123456' }, 'newPassword'],
    [{ username: 'bad-role', displayName: 'x', role: 'king' }, 'role'],
  ])('bad user %j → 400 naming %s', async (body, field) => {
    const r = await sec.post('/api/v1/users', body);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('a supervisor of a city sees all its counties', async () => {
    const r = await sec.post('/api/v1/users', {
      username: 'city-sup',
      displayName: '市级',
      role: 'mch_supervisor',
      jurisdictionCode: '330900',
      password: 'Zhoushan#City77',
    });
    expect(r.status).toBe(201);
    const c = await s.login('city-sup', 'Zhoushan#City77');
    const me = await c.get('/api/v1/auth/me');
    expect(me.body.user.counties).toEqual(['330902', '330903', '330921', '330922']);
  });

  it('reset password gives a one-time password that must be changed', async () => {
    const created = await sec.post('/api/v1/users', {
      username: 'reset-me',
      displayName: 'x',
      role: 'auditor',
      password: 'Zhoushan#Audit55',
    });
    const r = await sec.post(`/api/v1/users/${created.body.user.id}/reset-password`);
    expect(r.body.password).toMatch(/^Fy-/);
    const c = await s.login('reset-me', r.body.password);
    expect((await c.get('/api/v1/audit/events')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('regions', () => {
  it('browses from the country down to townships', async () => {
    const c = await s.login(await s.user('statistician', { jurisdiction: '330900' }));
    const top = await c.get('/api/v1/regions');
    expect(top.body.items.length).toBe(31);
    const zs = await c.get('/api/v1/regions?parent=330900');
    expect(zs.body.items.map((r: { name: string }) => r.name)).toEqual(['定海区', '普陀区', '岱山县', '嵊泗县']);
    const towns = await c.get('/api/v1/regions?parent=330902');
    expect(towns.body.items.length).toBeGreaterThan(5);
    expect(towns.body.region.name).toBe('定海区');
    expect(towns.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['000000', '330000', '330900']);
    const found = await c.get(`/api/v1/regions?q=${encodeURIComponent('奈曼')}`);
    expect(found.body.items[0]).toMatchObject({ code: '150525', level: 'county' });
  });
});

describe('region altitude (Hb altitude adjustment, migration 0023)', () => {
  it('GET gives the region’s own altitude and the one it takes from the nearest region up; PUT sets and clears it', async () => {
    const c = await s.login(await s.user('statistician', { jurisdiction: '330900' }));
    const town = (await c.get('/api/v1/regions?parent=330922')).body.items[0].code as string;
    expect((await c.get(`/api/v1/regions/${town}/altitude`)).body).toEqual({
      code: town,
      altitudeM: null,
      effective: null,
    });
    expect((await c.request('PUT', '/api/v1/regions/330922/altitude', { altitudeM: 50 })).status).toBe(403);
    expect((await sys.request('PUT', '/api/v1/regions/330922/altitude', { altitudeM: 50 })).status).toBe(200);
    expect((await c.get(`/api/v1/regions/${town}/altitude`)).body).toEqual({
      code: town,
      altitudeM: null,
      effective: { code: '330922', altitudeM: 50 },
    });
    await sys.request('PUT', `/api/v1/regions/${town}/altitude`, { altitudeM: 3200 });
    expect((await c.get(`/api/v1/regions/${town}/altitude`)).body).toMatchObject({
      altitudeM: 3200,
      effective: { code: town, altitudeM: 3200 },
    });
    await sys.request('PUT', `/api/v1/regions/${town}/altitude`, { altitudeM: null });
    await sys.request('PUT', '/api/v1/regions/330922/altitude', { altitudeM: null });
    expect((await c.get(`/api/v1/regions/${town}/altitude`)).body.effective).toBeNull();
  });

  it.each([
    ['999999', 404],
    ['12ab', 400],
  ])('GET /regions/%s/altitude → %i', async (code, status) => {
    expect((await sys.get(`/api/v1/regions/${code}/altitude`)).status).toBe(status);
  });
});

describe('API documentation and health', () => {
  it('serves OpenAPI 3 with the contract paths, and health', async () => {
    const c = s.anonymous();
    const doc = await c.get('/api/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/people', '/api/v1/people/{id}']) {
      expect(Object.keys(doc.body.paths)).toContain(p);
    }
    expect((await c.get('/api/health')).body.status).toBe('ok');
    expect((await c.get('/api/v1/nothing-here')).status).toBe(404);
  });
});
