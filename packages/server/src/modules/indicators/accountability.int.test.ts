/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
/**
 * Notices and summons (约谈通报, M7 G2) over real HTTP: the counties of 舟山市 and the institutions of 定海 that
 * miss their 2026 targets, ranked, with the engine's values; a notice issued, listed, rendered (PDF, xlsx) and
 * hidden from a county; summons with attendees and follow-up actions, overdue actions, completion by the summoned
 * county, edits by the issuing side only, scope, bad input with zh-CN field messages, audit events.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from '@fuyou/db';
import { pdfPageCount } from '../../platform/pdf';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { addDays, Population } from './indicators.fixtures';
import { todayCn } from './indicators.common';

const CITY = '330900';
const DH = '330902';
const PT = '330903';
let s: TestServer;
let commission: Client;
let stat: Client;
let supDH: Client;
let supPT: Client;
let mch: string;
let ptHosp: string;
const today = todayCn();

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  const p = new Population(s.db.db);
  mch = await s.institution(DH, { type: 'mch_hospital' });
  ptHosp = await s.institution(PT, { type: 'general_hospital' });
  commission = await s.login(await s.user('commission_viewer', { jurisdiction: CITY }));
  stat = await s.login(await s.user('statistician', { jurisdiction: CITY }));
  supDH = await s.login(await s.user('mch_supervisor', { institutionId: mch, jurisdiction: DH }));
  supPT = await s.login(await s.user('mch_supervisor', { institutionId: ptHosp, jurisdiction: PT }));

  const woman = async (county: string, inst: string, o: { ga: number; visits: number; date: string; pp?: number }) => {
    const w = await p.pregnancy(county, {
      registeredOn: '2025-10-15',
      gaAtRegistration: o.ga,
      ancVisits: Population.visits('2025-10-15', o.ga, o.visits),
    });
    await p.delivery(county, w, { date: o.date, ga: 275, institutionId: inst, babies: [{ outcome: 'live_birth' }] });
    if (o.pp !== undefined) await p.postpartumVisit(county, w, addDays(o.date, o.pp), o.pp);
  };
  // 定海: 1 of 4 systematically managed, 2 of 4 registered early
  await woman(DH, mch, { ga: 70, visits: 5, date: '2026-04-01', pp: 7 });
  await woman(DH, mch, { ga: 70, visits: 2, date: '2026-05-01' });
  await woman(DH, mch, { ga: 120, visits: 5, date: '2026-06-01', pp: 7 });
  await woman(DH, mch, { ga: 120, visits: 1, date: '2026-07-01' });
  // 普陀: 2 of 3 managed, all early
  await woman(PT, ptHosp, { ga: 70, visits: 5, date: '2026-04-10', pp: 10 });
  await woman(PT, ptHosp, { ga: 70, visits: 5, date: '2026-05-10', pp: 10 });
  await woman(PT, ptHosp, { ga: 70, visits: 4, date: '2026-06-10', pp: 10 });

  const set = async (regionCode: string, indicatorId: string, comparator: string, value: number) => {
    const r = await commission.post('/api/v1/indicator-targets', {
      regionCode,
      year: 2026,
      indicatorId,
      comparator,
      value,
      source: '测试目标',
    });
    expect(r.status).toBe(200);
  };
  await set(CITY, 'maternal_systematic_management_rate', '>=', 93);
  // 定海 sets its own early-registration target: 50% is within 2 points of 51 → close
  await set(DH, 'early_pregnancy_registration_rate', '>=', 51);
});
afterAll(async () => {
  await s?.close();
});

const lagging = (c: Client, q: string) => c.get(`/api/v1/accountability/lagging?${q}`);
const missOf = (unit: any, id: string) => unit.misses.find((m: any) => m.indicatorId === id);

describe('lagging units', () => {
  it('the counties of the city that miss, ranked by how far; values are the engine’s', async () => {
    const r = await lagging(commission, `regionCode=${CITY}&period=2026RY`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ unitKind: 'county', targetYear: 2026, include: 'missed' });
    const codes = r.body.units.map((u: any) => u.code);
    expect(codes).toContain(DH);
    expect(codes).toContain(PT);
    // 岱山 and 嵊泗 have no records: nothing to judge, not named
    expect(codes).not.toContain('330921');
    const scores = r.body.units.map((u: any) => u.score);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    expect(r.body.units[0].rank).toBe(1);
    const dh = r.body.units.find((u: any) => u.code === DH);
    const m = missOf(dh, 'maternal_systematic_management_rate');
    const v = await stat.get(
      `/api/v1/indicators/values/maternal_systematic_management_rate?regionCode=${DH}&period=2026RY`,
    );
    expect(m.value).toBe(v.body.value);
    expect(m.value).toBe(25);
    expect(m).toMatchObject({ evaluation: 'not_met', gap: 68, target: { comparator: '>=', value: 93 } });
    expect(m.relativeGap).toBeCloseTo(68 / 93, 10);
    const pt = r.body.units.find((u: any) => u.code === PT);
    expect(missOf(pt, 'maternal_systematic_management_rate').value).toBeCloseTo(200 / 3, 10);
    // 定海 misses further than 普陀 on systematic management
    expect(dh.rank).toBeLessThan(pt.rank);
  });

  it('a unit’s own target applies (定海 early registration ≥51: 50 is close); include=not_met leaves close ones out', async () => {
    const all = await lagging(commission, `regionCode=${CITY}&period=2026RY`);
    const dh = all.body.units.find((u: any) => u.code === DH);
    expect(missOf(dh, 'early_pregnancy_registration_rate')).toMatchObject({ value: 50, evaluation: 'close', gap: 1 });
    const strict = await lagging(commission, `regionCode=${CITY}&period=2026RY&include=not_met`);
    const dh2 = strict.body.units.find((u: any) => u.code === DH);
    expect(missOf(dh2, 'early_pregnancy_registration_rate')).toBeUndefined();
    expect(missOf(dh2, 'maternal_systematic_management_rate')).toBeDefined();
  });

  it('a county looks at its institutions', async () => {
    const r = await lagging(supDH, `regionCode=${DH}&period=2026RY`);
    expect(r.status).toBe(200);
    expect(r.body.unitKind).toBe('institution');
    const u = r.body.units.find((x: any) => x.code === mch);
    expect(u).toMatchObject({ kind: 'institution', countyCode: DH });
    expect(missOf(u, 'maternal_systematic_management_rate').value).toBe(25);
    expect(r.body.units.some((x: any) => x.code === ptHosp)).toBe(false);
  });

  it('scope and bad input', async () => {
    expect((await lagging(supDH, `regionCode=${CITY}&period=2026RY`)).status).toBe(403);
    expect((await lagging(supDH, `regionCode=${PT}&period=2026RY`)).status).toBe(403);
    const unit = await lagging(supDH, `regionCode=${DH}&period=2026RY&unit=county`);
    expect(unit.status).toBe(400);
    expect(unit.body.error.fields[0]).toMatchObject({ field: 'unit' });
    const bad = await lagging(commission, `regionCode=${CITY}&period=2026XX`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'period' });
    const kind = await lagging(commission, `regionCode=${CITY}&period=2026RY&unit=town`);
    expect(kind.status).toBe(400);
    expect(kind.body.error.fields[0].messageZh).toContain('单位类别');
  });
});

describe('notices (通报)', () => {
  let notice: any;
  const id = randomUUID();

  it('the commission issues a notice naming the lagging counties; a replay returns the same notice', async () => {
    const body = { id, regionCode: CITY, period: '2026RY', issuedOn: today, docNo: '舟卫妇通〔2026〕1号' };
    const r = await commission.post('/api/v1/accountability/notices', body);
    expect(r.status).toBe(201);
    notice = r.body;
    expect(notice.title).toBe('关于2026报告年度妇幼健康重点指标未达标单位的通报');
    expect(notice.issuerName).toBe('舟山市卫生健康委员会');
    expect(notice.units.map((u: any) => u.code)).toContain(DH);
    expect(notice.countyCodes).toEqual(expect.arrayContaining([DH, PT]));
    expect(notice.body).toContain('未达到2026年度目标');
    const again = await commission.post('/api/v1/accountability/notices', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    expect(again.body.units).toEqual(notice.units);
  });

  it('is listed for the city, hidden from a county', async () => {
    const list = await stat.get(`/api/v1/accountability/notices?regionCode=${CITY}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: any) => n.id)).toContain(id);
    expect(list.body.items[0]).toHaveProperty('unitCount');
    const dh = await supDH.get('/api/v1/accountability/notices');
    expect(dh.body.items.map((n: any) => n.id)).not.toContain(id);
    expect((await supDH.get(`/api/v1/accountability/notices/${id}`)).status).toBe(404);
    expect((await supDH.get(`/api/v1/accountability/notices?regionCode=${CITY}`)).status).toBe(403);
  });

  it('renders as PDF (with pages) and xlsx (the table of units and indicators)', async () => {
    const pdf = await fetch(`${s.url}/api/v1/accountability/notices/${id}/notice.pdf`, {
      headers: { cookie: stat.cookie! },
    });
    expect(pdf.status).toBe(200);
    const buf = Buffer.from(await pdf.arrayBuffer());
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(buf)).toBeGreaterThanOrEqual(1);
    const x = await fetch(`${s.url}/api/v1/accountability/notices/${id}/notice.xlsx`, {
      headers: { cookie: stat.cookie! },
    });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const ws = wb.getWorksheet('通报')!;
    expect(ws.getCell('A1').value).toBe(notice.title);
    expect(ws.getCell('A2').value).toBe('舟卫妇通〔2026〕1号');
    expect(ws.getCell('D6').value).toBe('未达标指标');
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 6) names.push(String(row.getCell(4).value ?? ''));
    });
    expect(names).toContain('孕产妇系统管理率');
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_event
      where action = 'accountability.notice.export' and entity_id = ${id}`.execute(s.db.db);
    expect(audited.rows[0]!.n).toBe(2);
  }, 60_000);

  it('refuses read-only users, empty periods and bad input', async () => {
    const ro = await stat.post('/api/v1/accountability/notices', {
      regionCode: CITY,
      period: '2026RY',
      issuedOn: today,
    });
    expect(ro.status).toBe(403);
    const empty = await commission.post('/api/v1/accountability/notices', {
      regionCode: CITY,
      period: '2019RY',
      issuedOn: today,
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('NOTHING_TO_NOTIFY');
    const date = await commission.post('/api/v1/accountability/notices', {
      regionCode: CITY,
      period: '2026RY',
      issuedOn: '2026-02-30',
    });
    expect(date.status).toBe(400);
    expect(date.body.error.fields[0]).toMatchObject({ field: 'issuedOn' });
    expect(date.body.error.fields[0].messageZh).toContain('印发日期');
    const title = await commission.post('/api/v1/accountability/notices', {
      regionCode: CITY,
      period: '2026RY',
      issuedOn: today,
      title: ' ',
    });
    expect(title.status).toBe(400);
    expect(title.body.error.fields[0].messageZh).toContain('请填写标题');
  });
});

describe('summons (约谈) and follow-up actions', () => {
  let summons: any;
  const summonedOn = addDays(today, -40);
  const overdueDue = addDays(today, -10);
  const futureDue = addDays(today, 60);

  it('the city summons 定海 with attendees and two actions; the overdue one makes the summons overdue', async () => {
    const r = await commission.post('/api/v1/accountability/summons', {
      unitKind: 'county',
      unitCode: DH,
      periodKey: '2026RY',
      summonedOn,
      reason: '孕产妇系统管理率连续未达标',
      indicatorIds: ['maternal_systematic_management_rate'],
      attendees: [
        { name: '张主任', position: '市卫健委副主任', side: 'issuer' },
        { name: '李局长', position: '定海区卫健局局长', side: 'unit' },
      ],
      actions: [
        { description: '逐例核查未系统管理的产妇', responsible: '定海区妇幼保健院', dueOn: overdueDue },
        { description: '开展产后访视专项督导', responsible: '定海区卫健局', dueOn: futureDue },
      ],
    });
    expect(r.status).toBe(201);
    summons = r.body;
    expect(summons).toMatchObject({
      countyCode: DH,
      issuerRegionCode: CITY,
      unitName: '定海区',
      state: 'overdue',
      actionsTotal: 2,
      actionsOverdue: 1,
      nextDueOn: overdueDue,
      canEdit: true,
    });
    expect(summons.indicators[0].nameZh).toBe('孕产妇系统管理率');
    expect(summons.actions.map((a: any) => a.state)).toEqual(['overdue', 'pending']);
  });

  it('filters: overdue, open, done; text search', async () => {
    const overdue = await commission.get('/api/v1/accountability/summons?state=overdue');
    expect(overdue.body.items.map((x: any) => x.id)).toEqual([summons.id]);
    expect((await commission.get('/api/v1/accountability/summons?state=done')).body.total).toBe(0);
    expect((await commission.get(`/api/v1/accountability/summons?countyCode=${PT}`)).body.total).toBe(0);
    expect(
      (await commission.get(`/api/v1/accountability/summons?q=${encodeURIComponent('系统管理')}`)).body.total,
    ).toBe(1);
    expect((await commission.get(`/api/v1/accountability/summons?from=${today}`)).body.total).toBe(0);
  });

  it('the summoned county sees it and completes an action; another county sees nothing', async () => {
    const mine = await supDH.get('/api/v1/accountability/summons');
    expect(mine.body.items.map((x: any) => x.id)).toEqual([summons.id]);
    expect(mine.body.items[0]).toMatchObject({ canEdit: false, canComplete: true });
    expect((await supPT.get('/api/v1/accountability/summons')).body.total).toBe(0);
    expect((await supPT.get(`/api/v1/accountability/summons/${summons.id}`)).status).toBe(404);

    const action = summons.actions[0];
    const noNote = await supDH.patch(`/api/v1/accountability/actions/${action.id}`, {
      version: action.version,
      completedOn: today,
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields[0]).toMatchObject({ field: 'completionNote' });
    const future = await supDH.patch(`/api/v1/accountability/actions/${action.id}`, {
      version: action.version,
      completedOn: addDays(today, 1),
      completionNote: '已核查',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].messageZh).toContain('完成日期不能晚于今天');
    const done = await supDH.patch(`/api/v1/accountability/actions/${action.id}`, {
      version: action.version,
      completedOn: today,
      completionNote: '已逐例核查并补录访视',
    });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('open');
    expect(done.body.actions.find((a: any) => a.id === action.id).state).toBe('done_late');
    // the county may not move the due date of the other action
    const other = done.body.actions.find((a: any) => a.id !== action.id);
    const move = await supDH.patch(`/api/v1/accountability/actions/${other.id}`, {
      version: other.version,
      dueOn: addDays(today, 365),
    });
    expect(move.status).toBe(403);
    // a stale completion is refused
    const stale = await supDH.patch(`/api/v1/accountability/actions/${action.id}`, {
      version: action.version,
      completedOn: today,
      completionNote: 'x',
    });
    expect(stale.status).toBe(409);
  });

  it('the issuing side edits the summons with its version; the county cannot', async () => {
    const cur = await commission.get(`/api/v1/accountability/summons/${summons.id}`);
    const ok = await commission.patch(`/api/v1/accountability/summons/${summons.id}`, {
      version: cur.body.version,
      summary: '要求一个月内报送整改报告',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.summary).toBe('要求一个月内报送整改报告');
    const stale = await commission.patch(`/api/v1/accountability/summons/${summons.id}`, {
      version: cur.body.version,
      summary: '覆盖',
    });
    expect(stale.status).toBe(409);
    const county = await supDH.patch(`/api/v1/accountability/summons/${summons.id}`, {
      version: ok.body.version,
      summary: '县改',
    });
    expect(county.status).toBe(403);
    const add = await commission.post(`/api/v1/accountability/summons/${summons.id}/actions`, {
      description: '建立月度通报制度',
      responsible: '定海区卫健局',
      dueOn: futureDue,
    });
    expect(add.status).toBe(201);
    expect(add.body.actionsTotal).toBe(3);
  });

  it('a county summons its own institutions only; the city cannot summon itself', async () => {
    const own = await supDH.post('/api/v1/accountability/summons', {
      unitKind: 'institution',
      unitCode: mch,
      summonedOn: today,
      reason: '系统管理率低',
      attendees: [{ name: '王院长', side: 'unit' }],
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ unitKind: 'institution', institutionId: mch, countyCode: DH, state: 'done' });
    const other = await supDH.post('/api/v1/accountability/summons', {
      unitKind: 'institution',
      unitCode: ptHosp,
      summonedOn: today,
      reason: 'x',
      attendees: [{ name: '某', side: 'unit' }],
    });
    expect(other.status).toBe(400);
    expect(other.body.error.fields[0]).toMatchObject({ field: 'unitCode' });
    const self = await commission.post('/api/v1/accountability/summons', {
      unitKind: 'county',
      unitCode: CITY,
      summonedOn: today,
      reason: 'x',
      attendees: [{ name: '某', side: 'unit' }],
    });
    expect(self.status).toBe(400);
    const ro = await stat.post('/api/v1/accountability/summons', {
      unitKind: 'county',
      unitCode: DH,
      summonedOn: today,
      reason: 'x',
      attendees: [{ name: '某', side: 'unit' }],
    });
    expect(ro.status).toBe(403);
  });

  it.each([
    [{ attendees: [] }, 'attendees', '请至少填写一名参加人员'],
    [{ summonedOn: '2026-13-01' }, 'summonedOn', '约谈日期'],
    [{ reason: '' }, 'reason', '请填写约谈事由'],
    [{ unitKind: 'town' }, 'unitKind', '单位类别'],
    [{ indicatorIds: ['no_such_rate'] }, 'indicatorIds.0', '指标不存在'],
    [
      { actions: [{ description: '措施', responsible: '某', dueOn: '2020-01-01' }] },
      'actions.0.dueOn',
      '完成期限不能早于约谈日期',
    ],
    [
      { actions: [{ description: '', responsible: '某', dueOn: '2030-01-01' }] },
      'actions.0.description',
      '请填写整改措施',
    ],
  ])('bad input %j → 400 on %s', async (patch, field, zh) => {
    const r = await commission.post('/api/v1/accountability/summons', {
      unitKind: 'county',
      unitCode: DH,
      summonedOn: today,
      reason: '测试',
      attendees: [{ name: '某', side: 'issuer' }],
      ...patch,
    });
    expect(r.status).toBe(400);
    const f = r.body.error.fields.find((x: any) => x.field === field);
    expect(f, JSON.stringify(r.body.error.fields)).toBeDefined();
    expect(f.messageZh).toContain(zh);
  });

  it('a replay of a create with the same id returns the same summons', async () => {
    const id = randomUUID();
    const body = {
      id,
      unitKind: 'county',
      unitCode: PT,
      summonedOn: today,
      reason: '复核',
      attendees: [{ name: '赵', side: 'unit' }],
    };
    expect((await commission.post('/api/v1/accountability/summons', body)).status).toBe(201);
    const again = await commission.post('/api/v1/accountability/summons', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    expect((await commission.get(`/api/v1/accountability/summons?countyCode=${PT}`)).body.total).toBe(1);
  });

  it('exports the list with its actions (overdue in red) and audits every write', async () => {
    const res = await fetch(`${s.url}/api/v1/accountability/summons.xlsx?countyCode=${DH}`, {
      headers: { cookie: commission.cookie! },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('约谈记录')!;
    expect(ws.getCell('A1').value).toBe('约谈日期');
    // summons of 定海: the county's (3 actions) and the institution's (no action)
    expect(ws.rowCount).toBe(1 + 3 + 1);
    const actions = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_event
      where action like 'accountability.%' group by action`.execute(s.db.db);
    const n = Object.fromEntries(actions.rows.map((r) => [r.action, r.n]));
    expect(n['accountability.summons.create']).toBeGreaterThanOrEqual(3);
    expect(n['accountability.action.complete']).toBe(1);
    expect(n['accountability.summons.update']).toBe(1);
    expect(n['accountability.action.create']).toBe(1);
    expect(n['accountability.summons.export']).toBe(1);
  });
});
