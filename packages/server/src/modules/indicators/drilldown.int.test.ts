/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { Population } from './indicators.fixtures';

const DH = '330902';
const PT = '330903';
let s: TestServer;
let sup: Client;
let city: Client;
let stat: Client;
let mchId: string;
const names: Record<string, string> = {};

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  const p = new Population(s.db.db);
  const mch = await s.institution(DH, { type: 'mch_hospital' });
  mchId = mch;
  sup = await s.login(await s.user('mch_supervisor', { institutionId: mch, jurisdiction: DH }));
  city = await s.login(await s.user('mch_supervisor', { jurisdiction: '330900' }));
  stat = await s.login(await s.user('statistician', { jurisdiction: '330900' }));
  const mk = async (county: string, name: string, ga: number, date: string, babies: number) => {
    const woman = await p.person(county, { name });
    names[name] = woman;
    const w = await p.pregnancy(county, { woman, registeredOn: '2025-11-01', gaAtRegistration: ga });
    return p.delivery(county, w, {
      date,
      ga: 275,
      institutionId: mch,
      babies: Array.from({ length: babies }, () => ({ outcome: 'live_birth' as const })),
    });
  };
  const a = await mk(DH, '早建册甲', 60, '2026-05-01', 1);
  const b = await mk(DH, '晚建册乙', 120, '2026-06-01', 2);
  const c = await mk(DH, '晚建册丙', 130, '2026-07-01', 1);
  await mk(PT, '普陀丁', 120, '2026-07-01', 1);
  await p.checkup(DH, a.births[0]!.child!, '2026-05-01', { date: '2026-05-06', kind: 'newborn_visit' });
  await p.checkup(DH, b.births[0]!.child!, '2026-06-01', { date: '2026-06-06', kind: 'newborn_visit' });
  void c;
});
afterAll(async () => {
  await s?.close();
});

const url = (id: string, q: string) => `/api/v1/indicators/values/${id}/members?period=2026RY&${q}`;

describe('drill-down lists', () => {
  it('who was missed: women delivered without early registration, the mother of twins once, linked to her record', async () => {
    const r = await sup.get(url('early_pregnancy_registration_rate', 'regionCode=330902&list=missed'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, matchedBy: 'pregnancy', measureId: 'live_births' });
    expect(r.body.items.map((i: any) => i.name).sort()).toEqual(['晚建册丙', '晚建册乙']);
    const yi = r.body.items.find((i: any) => i.name === '晚建册乙');
    expect(yi.link).toBe(`/maternal/women/${names['晚建册乙']}`);
    expect(yi).toHaveProperty('idNumberMasked');
  });

  it('the numerator list and the count agree', async () => {
    const r = await sup.get(url('early_pregnancy_registration_rate', 'regionCode=330902&list=numerator'));
    expect(r.body.total).toBe(1);
    expect(r.body.items[0].name).toBe('早建册甲');
    const v = await sup.get(
      '/api/v1/indicators/values/early_pregnancy_registration_rate?regionCode=330902&period=2026RY',
    );
    expect(v.body.numerator).toBe(1);
  });

  it('newborns not visited: matched birth by birth, each a child record', async () => {
    const r = await sup.get(url('newborn_visit_rate', 'regionCode=330902&list=missed'));
    expect(r.body).toMatchObject({ total: 2, matchedBy: 'subject' });
    for (const i of r.body.items) expect(i.link).toMatch(/^\/children\//);
  });

  it('pages, filters by county within the region, and stays within the scope', async () => {
    const p1 = await city.get(
      url('early_pregnancy_registration_rate', 'regionCode=330900&list=missed&pageSize=2&page=1'),
    );
    const p2 = await city.get(
      url('early_pregnancy_registration_rate', 'regionCode=330900&list=missed&pageSize=2&page=2'),
    );
    expect(p1.body.total).toBe(3);
    expect([p1.body.items.length, p2.body.items.length]).toEqual([2, 1]);
    const pt = await city.get(
      url('early_pregnancy_registration_rate', 'regionCode=330900&list=missed&countyCode=330903'),
    );
    expect(pt.body.items.map((i: any) => i.name)).toEqual(['普陀丁']);
    expect((await sup.get(url('early_pregnancy_registration_rate', 'regionCode=330903&list=missed'))).status).toBe(403);
    expect(
      (await sup.get(url('early_pregnancy_registration_rate', 'regionCode=330902&countyCode=330903'))).status,
    ).toBe(400);
  });

  it('filters by the institution of the record (a bar of the county ranking)', async () => {
    const at = await sup.get(
      url('early_pregnancy_registration_rate', `regionCode=330902&list=missed&institutionId=${mchId}`),
    );
    expect(at.body.total).toBe(2);
    const none = await sup.get(
      url(
        'early_pregnancy_registration_rate',
        'regionCode=330902&list=missed&institutionId=00000000-0000-4000-8000-000000000001',
      ),
    );
    expect(none.body.total).toBe(0);
    const bad = await sup.get(url('early_pregnancy_registration_rate', 'regionCode=330902&institutionId=x'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('institutionId');
  });

  it('statisticians see figures, not lists; aggregate and lower-is-better parts have no list', async () => {
    expect((await stat.get(url('early_pregnancy_registration_rate', 'regionCode=330900&list=missed'))).status).toBe(
      403,
    );
    expect((await sup.get(url('premarital_exam_rate', 'regionCode=330902&list=denominator'))).status).toBe(422);
    expect((await sup.get(url('infant_mortality_rate', 'regionCode=330902&list=missed'))).status).toBe(422);
    expect((await sup.get(url('infant_mortality_rate', 'regionCode=330902&list=numerator'))).status).toBe(200);
  });

  it('lists that tell whose mother is infected (exposed infants) need the pmtct permission; testing lists do not', async () => {
    const inst = await s.institution(DH);
    const reader = await s.login(await s.user('clinician', { institutionId: inst, permissions: ['indicator.read'] }));
    const withPmtct = await s.login(
      await s.user('clinician', { institutionId: inst, permissions: ['indicator.read', 'pmtct'] }),
    );
    for (const list of ['numerator', 'denominator', 'missed']) {
      const r = await reader.get(url('hiv_exposed_infant_prophylaxis_rate', `regionCode=330902&list=${list}`));
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('母婴阻断');
      expect(
        (await withPmtct.get(url('hiv_exposed_infant_prophylaxis_rate', `regionCode=330902&list=${list}`))).status,
      ).toBe(200);
    }
    const exported = await reader.get(
      `/api/v1/indicators/values/syphilis_exposed_infant_prophylaxis_rate/members.xlsx?period=2026RY&regionCode=330902&list=denominator`,
    );
    expect(exported.status).toBe(403);
    // who was tested for HIV shows no one's result
    expect((await reader.get(url('maternal_hiv_test_rate', 'regionCode=330902&list=missed'))).status).toBe(200);
  });

  it('reading a list is audited with the people shown', async () => {
    await sup.get(url('early_pregnancy_registration_rate', 'regionCode=330902&list=missed'));
    const r = await sql<{ details: any }>`select details from audit_event where action = 'indicator.drilldown'
      order by seq desc limit 1`.execute(s.db.db);
    expect(r.rows[0]!.details.personIds).toHaveLength(2);
  });

  it('exports the list as xlsx with masked identifiers', async () => {
    const res = await fetch(
      `${s.url}${url('early_pregnancy_registration_rate', 'regionCode=330902&list=missed').replace('/members?', '/members.xlsx?')}`,
      { headers: { cookie: sup.cookie! } },
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const values = ws.getColumn(1).values.filter(Boolean);
    expect(values).toContain('晚建册乙');
    const ex = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'indicator.drilldown.export'`.execute(s.db.db);
    expect(ex.rows[0]!.n).toBe(1);
  });
});
