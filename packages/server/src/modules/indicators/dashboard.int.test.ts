/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { currentReportYear, todayCn } from './indicators.common';
import { Population } from './indicators.fixtures';

/*
 * A hand-built population in 舟山市 (report years 2025 and 2026):
 *   定海区 330902, 2026RY: A, B, C early, 5 visits, facility delivery, postpartum visits (C by caesarean);
 *     D registered late, 2 visits, no postpartum visit, died of a direct obstetric cause (O72) 5 days after delivery.
 *     A–C at the MCH hospital, D at a second hospital.
 *   定海区 330902, 2025RY: E managed, F not (so systematic management went from 50% to 75%).
 *   普陀区 330903, 2026RY: one managed woman (100%).   岱山县 330921, 2026RY: one woman not managed (0%).
 *   嵊泗县 330922: nothing.
 */
const DH = '330902';
const PT = '330903';
const DS = '330921';
let s: TestServer;
let sup: Client;
let stat: Client;
let admin: Client;
let mch: string;
let hosp2: string;

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  const p = new Population(s.db.db);
  mch = await s.institution(DH, { type: 'mch_hospital' });
  hosp2 = await s.institution(DH, { type: 'general_hospital' });
  const ptHosp = await s.institution(PT, { type: 'general_hospital' });
  const dsHosp = await s.institution(DS, { type: 'general_hospital' });
  sup = await s.login(await s.user('mch_supervisor', { institutionId: mch, jurisdiction: DH }));
  stat = await s.login(await s.user('statistician', { jurisdiction: '330900' }));
  admin = await s.login(await s.user('sysadmin'));

  const woman = async (
    county: string,
    o: { managed: boolean; delivered: string; institutionId: string; caesarean?: boolean },
  ) => {
    const ga = o.managed ? 60 : 120;
    const registeredOn = addDays(o.delivered, -(275 - ga));
    const w = await p.pregnancy(county, {
      registeredOn,
      gaAtRegistration: ga,
      ancVisits: Population.visits(registeredOn, ga, o.managed ? 5 : 2),
    });
    await p.delivery(county, w, {
      date: o.delivered,
      ga: 275,
      institutionId: o.institutionId,
      mode: o.caesarean ? 'caesarean' : 'spontaneous',
      babies: [{ outcome: 'live_birth' }],
    });
    if (o.managed) {
      await p.postpartumVisit(county, w, addDays(o.delivered, 7), 7);
      await p.postpartumVisit(county, w, addDays(o.delivered, 42), 42);
    }
    return w;
  };
  await woman(DH, { managed: true, delivered: '2026-03-10', institutionId: mch });
  await woman(DH, { managed: true, delivered: '2026-04-10', institutionId: mch });
  await woman(DH, { managed: true, delivered: '2026-05-10', institutionId: mch, caesarean: true });
  const d = await woman(DH, { managed: false, delivered: '2026-05-20', institutionId: hosp2 });
  await p.maternalDeath(DH, d, { deathDate: '2026-05-25', deliveryDate: '2026-05-20', icd10: 'O72.1' });
  await woman(DH, { managed: true, delivered: '2025-03-01', institutionId: mch });
  await woman(DH, { managed: false, delivered: '2025-04-01', institutionId: mch });
  await woman(PT, { managed: true, delivered: '2026-06-01', institutionId: ptHosp });
  await woman(DS, { managed: false, delivered: '2026-06-01', institutionId: dsHosp });

  // own targets of 定海区 for 2026 (the rest inherited from 舟山市 2019 and the national tables)
  const own = async (indicatorId: string, comparator: string, value: number) => {
    const r = await admin.post('/api/v1/indicator-targets', {
      regionCode: DH,
      year: 2026,
      indicatorId,
      comparator,
      value,
      source: '定海区2026年妇幼健康工作要点（测试）',
    });
    expect(r.status).toBe(200);
  };
  await own('early_pregnancy_registration_rate', '>=', 76);
  await own('postpartum_visit_rate', '>', 75);
  await own('low_birth_weight_rate', '<', 5);
});
afterAll(async () => {
  await s?.close();
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const cardsOf = async (c: Client, region: string, period: string) => {
  const r = await c.get(`/api/v1/indicators/dashboard?regionCode=${region}&period=${period}`);
  expect(r.status).toBe(200);
  return { body: r.body, card: (id: string) => r.body.cards.find((x: any) => x.indicatorId === id) };
};

describe('dashboard cards', () => {
  it('judges each value against its target: met, close, not met, with ≥ > ≤ < and "no avoidable maternal death"', async () => {
    const { card } = await cardsOf(sup, DH, '2026RY');
    // 3 of 4 women systematically managed = 75% against the inherited ≥93% (舟卫发〔2019〕35号)
    expect(card('maternal_systematic_management_rate')).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 75,
      evaluation: 'not_met',
      target: { comparator: '>=', value: 93, inheritedFrom: '330900', carriedFromYear: 2019 },
    });
    // 75% against its own ≥76%: within the 2-point margin
    expect(card('early_pregnancy_registration_rate')).toMatchObject({
      value: 75,
      evaluation: 'close',
      target: { comparator: '>=', value: 76, inheritedFrom: DH, carriedFromYear: null },
    });
    // "> 75" is not met by exactly 75 (close)
    expect(card('postpartum_visit_rate')).toMatchObject({ value: 75, evaluation: 'close' });
    expect(card('low_birth_weight_rate')).toMatchObject({ value: 0, evaluation: 'met', target: { comparator: '<' } });
    // 1 caesarean of 4 deliveries against ≤43%
    expect(card('caesarean_rate')).toMatchObject({ value: 25, evaluation: 'met', target: { comparator: '<=' } });
    expect(card('hospital_delivery_rate')).toMatchObject({ value: 100, evaluation: 'met' });
    // the direct obstetric death is avoidable: the target "no avoidable maternal death" is missed
    expect(card('avoidable_maternal_deaths')).toMatchObject({
      value: 1,
      evaluation: 'not_met',
      target: { comparator: 'no_avoidable_maternal_death', value: 0 },
    });
  });

  it('shows the change from the previous report year and the time the figures were read', async () => {
    const before = new Date().toISOString();
    const { body, card } = await cardsOf(sup, DH, '2026RY');
    expect(card('maternal_systematic_management_rate')).toMatchObject({
      previous: { periodKey: '2025RY', value: 50 },
      change: 25,
    });
    // no avoidable death in 2025RY
    expect(card('avoidable_maternal_deaths')).toMatchObject({ previous: { value: 0 }, change: 1 });
    expect(body.period).toMatchObject({ key: '2026RY', from: '2025-10-01', to: '2026-09-30' });
    expect(body.dataAsOf >= before.slice(0, 16)).toBe(true);
    expect(new Date(body.dataAsOf).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('a count target of the city (CHD echocardiography diagnoses ≥208) is not the county’s', async () => {
    const county = await cardsOf(sup, DH, '2026RY');
    expect(county.card('chd_echo_diagnoses')?.target ?? null).toBeNull();
    const city = await cardsOf(stat, '330900', '2026RY');
    expect(city.card('chd_echo_diagnoses')).toMatchObject({ target: { value: 208, inheritedFrom: '330900' } });
  });

  it('exports the dashboard table as xlsx with the data-as-of line', async () => {
    const r = await sup.request('GET', `/api/v1/indicators/dashboard.xlsx?regionCode=${DH}&period=2026RY`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const res = await fetch(`${s.url}/api/v1/indicators/dashboard.xlsx?regionCode=${DH}&period=2026RY`, {
      headers: { cookie: sup.cookie! },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toMatch(/^数据截至 /);
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const sm = rows.find((x) => x[0] === '孕产妇系统管理率');
    expect(sm).toBeDefined();
    expect(sm!.slice(1, 4)).toEqual(['3', '4', '75']);
    expect(sm![6]).toBe('未达标');
  });

  it('refuses a region outside the scope and a bad period with a field message', async () => {
    expect((await sup.get(`/api/v1/indicators/dashboard?regionCode=${PT}&period=2026RY`)).status).toBe(403);
    const bad = await sup.get(`/api/v1/indicators/dashboard?regionCode=${DH}&period=2026X`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('period');
  });
});

describe('trend', () => {
  it('twelve months of the report year, each month its own figure', async () => {
    const r = await sup.get(
      `/api/v1/indicators/trend?indicatorId=maternal_systematic_management_rate&regionCode=${DH}&period=2026RY`,
    );
    expect(r.status).toBe(200);
    const pts = r.body.points;
    expect(pts.map((x: any) => x.periodKey)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    const by = Object.fromEntries(pts.map((x: any) => [x.periodKey, [x.numerator, x.denominator, x.value]]));
    expect(by['2026-03']).toEqual([1, 1, 100]);
    expect(by['2026-05']).toEqual([1, 2, 50]);
    expect(by['2026-01']).toEqual([0, 0, null]);
    expect(r.body.dataAsOf).toBeTruthy();
  });

  it('stops at this month while the period is still running', async () => {
    const ry = currentReportYear();
    const r = await sup.get(
      `/api/v1/indicators/trend?indicatorId=maternal_systematic_management_rate&regionCode=${DH}&period=${ry}RY`,
    );
    expect(r.body.points).toHaveLength(12);
    expect(r.body.points.at(-1).periodKey).toBe(todayCn().slice(0, 7));
  });
});

describe('ranking and counties side by side', () => {
  it('ranks the counties of the city best first, each against its own target; no data last', async () => {
    const r = await stat.get(
      '/api/v1/indicators/ranking?indicatorId=maternal_systematic_management_rate&regionCode=330900&period=2026RY',
    );
    expect(r.status).toBe(200);
    expect(r.body.by).toBe('region');
    expect(r.body.rows.map((x: any) => [x.code, x.value, x.evaluation])).toEqual([
      [PT, 100, 'met'],
      [DH, 75, 'not_met'],
      [DS, 0, 'not_met'],
      ['330922', null, 'no_data'],
    ]);
    expect(r.body.value).toBeCloseTo((4 / 6) * 100, 6);
  });

  it('a lower-is-better indicator ranks the lowest first (ties by code)', async () => {
    const r = await stat.get('/api/v1/indicators/ranking?indicatorId=caesarean_rate&regionCode=330900&period=2026RY');
    expect(r.body.rows.slice(0, 3).map((x: any) => [x.code, x.value])).toEqual([
      [PT, 0],
      [DS, 0],
      [DH, 25],
    ]);
  });

  it('ranks the institutions of a county', async () => {
    const r = await sup.get(
      `/api/v1/indicators/ranking?indicatorId=maternal_systematic_management_rate&regionCode=${DH}&period=2026RY`,
    );
    expect(r.body.by).toBe('institution');
    expect(r.body.rows.map((x: any) => [x.code, x.numerator, x.denominator, x.evaluation])).toEqual([
      [mch, 3, 3, 'met'],
      [hosp2, 0, 1, 'not_met'],
    ]);
    expect(r.body.rows[0].name).toMatch(/^测试机构/);
  });

  it('puts the counties side by side with each one’s status', async () => {
    const r = await stat.get(
      '/api/v1/indicators/compare?regionCode=330900&period=2026RY&indicators=maternal_systematic_management_rate,early_pregnancy_registration_rate,avoidable_maternal_deaths',
    );
    expect(r.status).toBe(200);
    const row = (code: string) => r.body.rows.find((x: any) => x.code === code).cells;
    expect(r.body.rows.map((x: any) => x.code)).toEqual([DH, PT, DS, '330922']);
    expect(row(DH).maternal_systematic_management_rate).toMatchObject({ value: 75, evaluation: 'not_met' });
    // 定海区 has its own ≥76% early-registration target; 普陀区 has none (no data against no target)
    expect(row(DH).early_pregnancy_registration_rate).toMatchObject({ evaluation: 'close', target: { value: 76 } });
    expect(row(PT).early_pregnancy_registration_rate.target).toBeNull();
    expect(row(PT).avoidable_maternal_deaths).toMatchObject({ value: 0, evaluation: 'met' });
    expect(row(DH).avoidable_maternal_deaths).toMatchObject({ value: 1, evaluation: 'not_met' });
    expect(r.body.total.cells.maternal_systematic_management_rate).toMatchObject({ numerator: 4, denominator: 6 });
    expect(
      (await stat.get('/api/v1/indicators/compare?regionCode=330900&period=2026RY&indicators=nope_rate')).status,
    ).toBe(404);
  });
});
