/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
/**
 * The annual report over real HTTP: every table for 舟山市 (330900) and report year 2026, cells equal to the
 * engine's values on the dashboard and the indicator API for the same region, period and basis (including a
 * county that reports systematic management under its own version), xlsx laid out like the paper forms, a light
 * PDF check, scope, bad input with zh-CN field messages, a missing font, and a module table that is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from '@fuyou/db';
import { pdfPageCount } from '../../platform/pdf';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { Population } from './indicators.fixtures';
import { gynCampaign, gynExam } from './report.fixtures';

const CITY = '330900';
const DH = '330902';
const PT = '330903';
let s: TestServer;
let stat: Client;
let sup: Client;
let commission: Client;
let clinician: Client;

const report = async (c: Client, q: string) => c.get(`/api/v1/reports/annual?${q}`);
const cellOf = (table: any, rowCode: string, key: string) => table.rows.find((r: any) => r.code === rowCode).cells[key];
const tableOf = (body: any, id: string, basis: string) =>
  body.tables.find((t: any) => t.id === id && t.basis === basis);

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  const p = new Population(s.db.db);
  const mch = await s.institution(DH, { type: 'mch_hospital' });
  const ptHosp = await s.institution(PT, { type: 'general_hospital' });
  stat = await s.login(await s.user('statistician', { jurisdiction: CITY }));
  commission = await s.login(await s.user('commission_viewer', { jurisdiction: CITY }));
  sup = await s.login(await s.user('mch_supervisor', { institutionId: mch, jurisdiction: DH }));
  clinician = await s.login(await s.user('clinician', { institutionId: mch }));

  const woman = async (
    county: string,
    o: { hukou?: string; ga: number; visits: number; date: string; pp?: number; babies?: number; inst: string },
  ) => {
    const w = await p.pregnancy(county, {
      hukou: o.hukou ?? county,
      registeredOn: '2025-10-15',
      gaAtRegistration: o.ga,
      ancVisits: Population.visits('2025-10-15', o.ga, o.visits),
    });
    await p.delivery(county, w, {
      date: o.date,
      ga: 275,
      institutionId: o.inst,
      babies: Array.from({ length: o.babies ?? 1 }, () => ({ outcome: 'live_birth' as const })),
    });
    if (o.pp !== undefined) await p.postpartumVisit(county, w, addDays(o.date, o.pp), o.pp);
  };
  // 定海: A managed (visit on day 7), B registered late with twins, C registered in 普陀 (visit on day 35)
  await woman(DH, { ga: 70, visits: 5, date: '2026-04-01', pp: 7, inst: mch });
  await woman(DH, { ga: 120, visits: 2, date: '2026-05-01', babies: 2, inst: mch });
  await woman(DH, { hukou: PT, ga: 70, visits: 5, date: '2026-06-01', pp: 35, inst: mch });
  // 普陀: D visited on day 30 (managed only under the 42-day version), E on day 10
  await woman(PT, { ga: 70, visits: 5, date: '2026-04-10', pp: 30, inst: ptHosp });
  await woman(PT, { ga: 70, visits: 5, date: '2026-07-10', pp: 10, inst: ptHosp });
  // a delivery of the year before (30 Sep 2025): not in report year 2026
  await woman(DH, { ga: 70, visits: 5, date: '2025-09-30', pp: 3, inst: mch });
  // an infant death in 定海
  const k = await p.child(DH, '2026-01-01');
  await p.childDeath(DH, k, { date: '2026-02-01', ageDays: 31 });
  // a survey campaign in 定海
  const camp = await gynCampaign(s.db.db, DH, { start: '2026-03-01', target: 4 });
  await gynExam(s.db.db, DH, {
    campaign: camp,
    woman: await p.person(DH),
    date: '2026-03-02',
    findings: ['cervicitis'],
  });

  const admin = await s.login(await s.user('sysadmin'));
  const v = await admin.post('/api/v1/indicator-versions', {
    regionCode: PT,
    indicatorId: 'maternal_systematic_management_rate',
    version: 'postpartum_42d',
    source: '普陀区按产后42天口径',
  });
  expect(v.status).toBe(200);
});
afterAll(async () => {
  delete process.env.FUYOU_PDF_FONT;
  await s?.close();
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('the annual report of 舟山市, report year 2026', () => {
  let body: any;
  beforeAll(async () => {
    const r = await report(stat, `regionCode=${CITY}&year=2026`);
    expect(r.status).toBe(200);
    body = r.body;
  });

  it('has every table, 41 and 42 for both the household-registered and the resident population', () => {
    expect(body.tables.map((t: any) => `${t.id}:${t.basis}`)).toEqual([
      'wt41:hukou',
      'wt41:residence',
      'wt42:hukou',
      'wt42:residence',
      'wt43:non_hukou',
      'wt44:residence',
      'wt46:residence',
    ]);
    expect(body.period).toMatchObject({ key: '2026RY', from: '2025-10-01', to: '2026-09-30' });
    expect(body.region).toMatchObject({ code: CITY, name: '舟山市' });
  });

  it('rows are the counties of the city and the total; counts add up to the total', () => {
    const t = tableOf(body, 'wt41', 'residence');
    expect(t.rows.map((r: any) => r.code)).toEqual(['330902', '330903', '330921', '330922', CITY]);
    expect(t.rows.at(-1)).toMatchObject({ total: true, name: '舟山市合计' });
    expect(cellOf(t, DH, 'live_births')).toEqual({ status: 'ok', value: 4 });
    expect(cellOf(t, PT, 'live_births')).toEqual({ status: 'ok', value: 2 });
    expect(cellOf(t, CITY, 'live_births')).toEqual({ status: 'ok', value: 6 });
    expect(cellOf(t, CITY, 'deliveries').value).toBe(5);
  });

  it('a rate cell equals the dashboard card for the same region, period and basis (report = dashboard)', async () => {
    for (const basis of ['residence', 'hukou']) {
      const d = await stat.get(`/api/v1/indicators/dashboard?regionCode=${CITY}&period=2026RY&basis=${basis}&all=true`);
      expect(d.status).toBe(200);
      const card = (id: string) => d.body.cards.find((c: any) => c.indicatorId === id);
      const t = tableOf(body, 'wt41', basis);
      for (const [key, id] of [
        ['r_systematic', 'maternal_systematic_management_rate'],
        ['r_early', 'early_pregnancy_registration_rate'],
        ['r_hospital', 'hospital_delivery_rate'],
        ['r_mmr', 'maternal_mortality_ratio'],
      ] as const) {
        const c = cellOf(t, CITY, key);
        expect(c.value, `${basis} ${key}`).toBe(card(id).value);
      }
      // a count cell is the engine's numerator
      expect(cellOf(t, CITY, 'systematic').value).toBe(card('maternal_systematic_management_rate').numerator);
      const t42 = tableOf(body, 'wt42', basis);
      expect(cellOf(t42, CITY, 'r_imr').value).toBe(card('infant_mortality_rate').value);
    }
  });

  it('a county row equals the indicator API for that county, under the version the county reports (普陀: 42 days)', async () => {
    const t = tableOf(body, 'wt41', 'residence');
    for (const county of [DH, PT]) {
      const v = await stat.get(
        `/api/v1/indicators/values/maternal_systematic_management_rate?regionCode=${county}&period=2026RY&basis=residence`,
      );
      expect(cellOf(t, county, 'r_systematic').value).toBe(v.body.value);
      expect(cellOf(t, county, 'systematic').value).toBe(v.body.numerator);
    }
    // 定海 under the city's 28 days: A only (C's visit on day 35 is too late) of 4 live births
    expect(cellOf(t, DH, 'r_systematic').value).toBe(25);
    // 普陀 under its own 42 days: D and E of 2
    expect(cellOf(t, PT, 'r_systematic').value).toBe(100);
    // the city under 28 days: A and E of 6
    expect(cellOf(t, CITY, 'r_systematic').value).toBeCloseTo(33.333333, 5);
    expect(t.notesZh.join()).toContain('孕产妇系统管理率');
  });

  it('by household registration C counts for 普陀, where she is registered', () => {
    const t = tableOf(body, 'wt41', 'hukou');
    expect(cellOf(t, DH, 'deliveries').value).toBe(2);
    expect(cellOf(t, PT, 'deliveries').value).toBe(3);
    expect(cellOf(t, PT, 'r_systematic').value).toBe(100);
  });

  it('table 43 counts C as a non-resident of 定海; table 44 and 42 read their measures', () => {
    const t43 = tableOf(body, 'wt43', 'non_hukou');
    expect(cellOf(t43, DH, 'deliveries').value).toBe(1);
    expect(cellOf(t43, PT, 'deliveries').value).toBe(0);
    const t44 = tableOf(body, 'wt44', 'residence');
    expect(cellOf(t44, DH, 'target').value).toBe(4);
    expect(cellOf(t44, DH, 'surveyed').value).toBe(1);
    expect(cellOf(t44, DH, 'finding_cervicitis').value).toBe(1);
    expect(cellOf(t44, DH, 'r_survey').value).toBe(25);
    const t42 = tableOf(body, 'wt42', 'residence');
    expect(cellOf(t42, DH, 'infant_deaths').value).toBe(1);
    expect(cellOf(t42, DH, 'neonatal_deaths').value).toBe(0);
  });

  it('a figure counted by another population than the table’s says so (舟山 reports caesareans by institution)', () => {
    const t = tableOf(body, 'wt41', 'hukou');
    expect(t.notesZh).toContain('剖宫产率：按机构所在地统计（不分户籍与居住地）');
    expect(t.notesZh.some((n: string) => n.startsWith('孕产妇系统管理率：按'))).toBe(false);
  });

  it('a rate with a zero denominator is no data, not zero', () => {
    const t46 = tableOf(body, 'wt46', 'residence');
    expect(cellOf(t46, DH, 'r_exam')).toEqual({ status: 'no_data', value: null });
  });

  it('each section carries its header layout with merged groups and the code row', () => {
    const care = tableOf(body, 'wt41', 'hukou').sections[0];
    expect(care.header.depth).toBe(2);
    expect(care.header.cells.find((c: any) => c.labelZh === '活产数')).toMatchObject({ colSpan: 4, row: 0 });
    expect(care.header.codes.slice(0, 3)).toEqual(['甲', '乙', '1']);
  });
});

describe('files', () => {
  it('xlsx: a sheet per table and population, laid out like the paper form, the same numbers', async () => {
    const res = await fetch(`${s.url}/api/v1/reports/annual.xlsx?regionCode=${CITY}&year=2026`, {
      headers: { cookie: stat.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('年报-舟山市-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '卫统41表-户籍人口',
      '卫统41表-常住人口',
      '卫统42表-户籍人口',
      '卫统42表-常住人口',
      '卫统43表-非户籍人口',
      '卫统44表-常住人口',
      '卫统46表-常住人口',
    ]);
    const ws = wb.getWorksheet('卫统41表-常住人口')!;
    expect(ws.getCell('A1').value).toBe('孕产妇保健和健康情况年报表');
    expect(String(ws.getCell('A3').value)).toContain('舟山市（330900）');
    // section title in row 5, header rows 6–7, code row 8, data from row 9
    expect(ws.getCell('A5').value).toBe('孕产妇保健');
    expect(ws.getCell('A6').value).toBe('地区');
    expect(ws.getCell('C6').value).toBe('活产数');
    expect(ws.getCell('C7').value).toBe('合计\n（人）');
    expect(ws.getCell('A8').value).toBe('甲');
    expect(ws.getCell('C8').value).toBe('1');
    const merges: string[] = (ws.model as any).merges;
    expect(merges).toContain('A6:A7');
    expect(merges).toContain('C6:F6');
    expect(ws.getCell('A9').value).toBe('定海区');
    expect(ws.getCell('C9').value).toBe(4);
    expect(ws.getCell('A13').value).toBe('舟山市合计');
    expect(ws.getCell('C13').value).toBe(6);
  });

  it('PDF: generated with the CJK font, has pages', async () => {
    const res = await fetch(`${s.url}/api/v1/reports/annual.pdf?regionCode=${CITY}&year=2026&tables=wt46,wt43`, {
      headers: { cookie: stat.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(buf)).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a missing font is a 503 naming the file, not a crash; the xlsx still works', async () => {
    process.env.FUYOU_PDF_FONT = '/nonexistent/NotoSansCJK-Regular.ttc';
    try {
      const r = await stat.get(`/api/v1/reports/annual.pdf?regionCode=${CITY}&year=2026&tables=wt46`);
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('PDF_FONT_MISSING');
      expect(r.body.error.message).toContain('/nonexistent/NotoSansCJK-Regular.ttc');
    } finally {
      delete process.env.FUYOU_PDF_FONT;
    }
    expect((await stat.get(`/api/v1/reports/annual.xlsx?regionCode=${CITY}&year=2026&tables=wt46`)).status).toBe(200);
  });

  it('exports are audited', async () => {
    const rows = await sql<{ n: number }>`select count(*)::int as n from audit_event
      where action = 'report.annual.export' and entity_id = ${`${CITY}:2026`}`.execute(s.db.db);
    expect(rows.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});

describe('scope and bad input', () => {
  it('a county supervisor gets her county (one row), not the city', async () => {
    const own = await report(sup, `regionCode=${DH}&year=2026&tables=wt41`);
    expect(own.status).toBe(200);
    expect(own.body.tables[0].rows.map((r: any) => r.code)).toEqual([DH]);
    expect((await report(sup, `regionCode=${CITY}&year=2026`)).status).toBe(403);
    expect((await report(sup, `regionCode=${PT}&year=2026`)).status).toBe(403);
  });

  it('the commission reads it; a clinician and an anonymous caller do not', async () => {
    expect((await report(commission, `regionCode=${CITY}&year=2026&tables=wt46`)).status).toBe(200);
    expect((await report(clinician, `regionCode=${DH}&year=2026`)).status).toBe(403);
    expect((await report(s.anonymous(), `regionCode=${DH}&year=2026`)).status).toBe(401);
  });

  it.each([
    ['year=abc', 'year', '报告年度'],
    ['year=1999', 'year', '报告年度应在2000–2100之间'],
    ['year=2026&tables=wt45', 'tables', '报表编号无效'],
    ['year=2026&tables=', 'tables', '报表编号无效'],
  ])('regionCode=330900&%s → 400 on %s', async (q, field, zh) => {
    const r = await report(stat, `regionCode=${CITY}&${q}`);
    expect(r.status).toBe(400);
    const f = r.body.error.fields.find((x: any) => x.field === field);
    expect(f.messageZh).toContain(zh);
  });

  it('the report, notice and summons routes are documented in OpenAPI', async () => {
    const doc = await s.anonymous().get('/api/openapi.json');
    for (const p of [
      '/api/v1/reports/annual',
      '/api/v1/reports/annual.pdf',
      '/api/v1/accountability/lagging',
      '/api/v1/accountability/notices/{id}/notice.pdf',
      '/api/v1/accountability/summons/{id}',
      '/api/v1/accountability/actions/{id}',
    ])
      expect(Object.keys(doc.body.paths)).toContain(p);
  });

  it('a malformed region is 400, an unknown one 404', async () => {
    const bad = await report(stat, 'regionCode=12&year=2026');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].messageZh).toContain('区划代码');
    expect((await report(stat, 'year=2026')).status).toBe(400);
    expect((await report(stat, 'regionCode=999999&year=2026')).status).toBe(404);
  });
});

describe('a module table that is not in the database', () => {
  let s2: TestServer;
  afterAll(async () => {
    await s2?.close();
  });

  it('says so in its cells, with the reason, and counts the rest', async () => {
    s2 = await startTestServer();
    await sql`drop table gyn_survey_exam`.execute(s2.db.db);
    const c = await s2.login(await s2.user('statistician', { jurisdiction: CITY }));
    const r = await c.get(`/api/v1/reports/annual?regionCode=${CITY}&year=2026&tables=wt44`);
    expect(r.status).toBe(200);
    const t = r.body.tables[0];
    const cell = cellOf(t, CITY, 'surveyed');
    expect(cell.status).toBe('unavailable');
    expect(cell.value).toBeNull();
    expect(cell.reasonZh).toContain('gyn_survey_exam');
    expect(cellOf(t, CITY, 'r_survey').status).toBe('unavailable');
    expect(cellOf(t, CITY, 'target')).toEqual({ status: 'ok', value: 0 });
    expect(t.notesZh.some((n: string) => n.includes('实查人数') && n.includes('暂无法统计'))).toBe(true);
  }, 60_000);
});
