/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../testing';

let s: TestServer;
let sup: Client;
let admin: Client;
let commission: Client;

beforeAll(async () => {
  s = await startTestServer();
  sup = await s.login(await s.user('mch_supervisor', { jurisdiction: '330902' }));
  admin = await s.login(await s.user('sysadmin'));
  commission = await s.login(await s.user('commission_viewer', { jurisdiction: '330900' }));
});
afterAll(async () => {
  await s?.close();
});

const applied = async (c: Client, region: string, year: number) => {
  const r = await c.get(`/api/v1/indicator-targets/applied?regionCode=${region}&year=${year}`);
  expect(r.status).toBe(200);
  return (id: string) => r.body.applied.find((t: any) => t.indicatorId === id);
};

describe('preloaded targets and inheritance', () => {
  it('舟卫发〔2019〕35号: a district inherits the city target (caesarean ≤43%, facility version)', async () => {
    const t = await applied(sup, '330902', 2019);
    expect(t('caesarean_rate')).toMatchObject({
      comparator: '<=',
      value: 43,
      version: 'facility_calendar_year',
      inheritedFrom: '330900',
      carriedFromYear: null,
      preloaded: true,
    });
    expect(t('avoidable_maternal_deaths')).toMatchObject({ comparator: 'no_avoidable_maternal_death', value: 0 });
  });

  it('a target stays in force in later years until replaced (carried from 2019)', async () => {
    const t = await applied(sup, '330902', 2026);
    expect(t('infant_mortality_rate')).toMatchObject({ comparator: '<', value: 4.5, carriedFromYear: 2019 });
  });

  it('奈曼旗 2023 targets, and national ones elsewhere', async () => {
    const nm = await applied(admin, '150525', 2023);
    expect(nm('newborn_hearing_screening_rate')).toMatchObject({ inheritedFrom: '150525' });
    const bj = await applied(admin, '110101', 2025);
    const pmtct = bj('maternal_hiv_test_rate');
    expect(pmtct).toMatchObject({ inheritedFrom: '000000' });
    expect(pmtct.value).toBeGreaterThanOrEqual(95);
  });
});

describe('editing targets', () => {
  it('the sysadmin overrides a target for a county; deleting it restores the inherited one', async () => {
    const body = {
      regionCode: '330902',
      year: 2026,
      indicatorId: 'infant_mortality_rate',
      comparator: '<',
      value: 4,
      source: '定海区2026年工作要点',
      note: '测试',
    };
    const c = await admin.post('/api/v1/indicator-targets', body);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ value: 4, rowVersion: 1, preloaded: false });
    expect((await applied(sup, '330902', 2026))('infant_mortality_rate')).toMatchObject({
      value: 4,
      inheritedFrom: '330902',
      carriedFromYear: null,
    });
    const stale = await admin.post('/api/v1/indicator-targets', { ...body, value: 3.5, rowVersion: 7 });
    expect(stale.status).toBe(409);
    const u = await commission.post('/api/v1/indicator-targets', { ...body, value: 3.5, rowVersion: 1 });
    expect(u.body).toMatchObject({ value: 3.5, rowVersion: 2 });
    expect((await admin.request('DELETE', `/api/v1/indicator-targets/${c.body.id}?rowVersion=1`)).status).toBe(409);
    expect((await admin.request('DELETE', `/api/v1/indicator-targets/${c.body.id}?rowVersion=2`)).status).toBe(200);
    expect((await applied(sup, '330902', 2026))('infant_mortality_rate')).toMatchObject({
      value: 4.5,
      inheritedFrom: '330900',
    });
  });

  it('who may edit: sysadmin and the commission of the region; bad input is 4xx', async () => {
    const body = {
      regionCode: '330902',
      year: 2026,
      indicatorId: 'caesarean_rate',
      comparator: '<=',
      value: 40,
      source: 'x',
    };
    expect((await sup.post('/api/v1/indicator-targets', body)).status).toBe(403);
    expect((await commission.post('/api/v1/indicator-targets', { ...body, regionCode: '150525' })).status).toBe(403);
    const pct = await admin.post('/api/v1/indicator-targets', { ...body, value: 120 });
    expect(pct.status).toBe(400);
    expect(pct.body.error.fields[0].field).toBe('value');
    const cmp = await admin.post('/api/v1/indicator-targets', { ...body, comparator: 'no_avoidable_maternal_death' });
    expect(cmp.status).toBe(400);
    expect((await admin.post('/api/v1/indicator-targets', { ...body, indicatorId: 'no_such_rate' })).status).toBe(404);
    expect((await admin.post('/api/v1/indicator-targets', { ...body, regionCode: '99' })).status).toBe(400);
  });

  it('the version a region reports under can be set by the commission', async () => {
    const r = await commission.post('/api/v1/indicator-versions', {
      regionCode: '330903',
      indicatorId: 'maternal_systematic_management_rate',
      version: 'postpartum_42d',
      source: '普陀区口径',
    });
    expect(r.status).toBe(200);
    const bad = await commission.post('/api/v1/indicator-versions', {
      regionCode: '330903',
      indicatorId: 'maternal_systematic_management_rate',
      version: 'nope',
      source: 'x',
    });
    expect(bad.status).toBe(400);
    const list = await sup.get('/api/v1/indicator-versions');
    expect(list.body.some((v: any) => v.regionCode === '330903' && v.version === 'postpartum_42d')).toBe(true);
  });
});
