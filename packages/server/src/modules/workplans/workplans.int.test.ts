/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ZHOUSHAN_2019_PLAN } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { Population } from '../indicators/indicators.fixtures';
import { uuidFromName } from '../quality/quality.common';

const CITY = '330900';
const DH = '330902';
const PT = '330903';

let s: TestServer;
let commission: Client;
let sup: Client; // 定海区 MCH supervisor, her institution a "县（区）妇计中心"
let ptSup: Client;
let stat: Client;
let admin: Client;
let clinician: Client;
const inst: Record<string, string> = {};
let planId: string;
let plan: any;

const task = (code: string) => plan.tasks.find((t: any) => t.code === code);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  inst.wjw = await s.institution(DH, { type: 'health_commission' });
  inst.cityMch = await s.institution(DH, { type: 'mch_hospital' });
  inst.dhMch = await s.institution(DH, { type: 'mch_hospital' });
  inst.ptMch = await s.institution(PT, { type: 'mch_hospital' });
  commission = await s.login(await s.user('commission_viewer', { institutionId: inst.wjw, jurisdiction: CITY }));
  sup = await s.login(await s.user('mch_supervisor', { institutionId: inst.dhMch, jurisdiction: DH }));
  ptSup = await s.login(await s.user('mch_supervisor', { institutionId: inst.ptMch, jurisdiction: PT }));
  stat = await s.login(await s.user('statistician', { jurisdiction: CITY }));
  admin = await s.login(await s.user('sysadmin'));
  clinician = await s.login(await s.user('clinician', { institutionId: inst.dhMch }));
  planId = uuidFromName('workplan:test-zhoushan-2019');
  const units: Record<string, string[]> = {
    市妇保院: [inst.cityMch],
    '县（区）妇计中心': [inst.dhMch, inst.ptMch],
  };
  const r = await s.app.services.workplans.importSeed(ZHOUSHAN_2019_PLAN, planId, (name) =>
    (units[name] ?? []).map((id) => ({ id, name })),
  );
  expect(r).toMatchObject({ created: true, tasks: ZHOUSHAN_2019_PLAN.tasks.length });
  // 2026 deliveries in 定海区: two live births, one at home, one by caesarean
  const p = new Population(s.db.db);
  const a = await p.pregnancy(DH, { registeredOn: '2025-12-01', gaAtRegistration: 70 });
  await p.delivery(DH, a, {
    date: '2026-05-01',
    ga: 273,
    institutionId: inst.dhMch,
    mode: 'caesarean',
    babies: [{ outcome: 'live_birth' }],
  });
  const b = await p.pregnancy(DH, { registeredOn: '2025-12-01', gaAtRegistration: 70 });
  await p.delivery(DH, b, {
    date: '2026-05-02',
    ga: 273,
    place: 'home',
    institutionId: null,
    babies: [{ outcome: 'live_birth' }],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('the preloaded plan (seed 003, 舟卫发〔2019〕35号) as tasks', () => {
  it('importing twice does nothing', async () => {
    const again = await s.app.services.workplans.importSeed(ZHOUSHAN_2019_PLAN, planId, () => []);
    expect(again.created).toBe(false);
  });

  it('lists the plan with its counts; every open 2019 task is overdue today', async () => {
    const r = await commission.get(`/api/v1/work-plans?regionCode=${CITY}`);
    expect(r.status).toBe(200);
    const p = r.body.find((x: any) => x.id === planId);
    expect(p).toMatchObject({
      title: '2019年全市妇幼健康工作要点',
      documentNo: '舟卫发〔2019〕35号',
      preloaded: true,
      canEdit: true,
      counts: { total: ZHOUSHAN_2019_PLAN.tasks.length, done: 0, overdue: ZHOUSHAN_2019_PLAN.tasks.length },
    });
  });

  it('shows each task as the document gives it: deadline, units (the class resolved to institutions), target', async () => {
    plan = (await commission.get(`/api/v1/work-plans/${planId}`)).body;
    const t4 = task('（四）1');
    expect(t4).toMatchObject({
      deadline: '2019-06-30',
      deadlineNote: '6月底前',
      targetKind: 'count',
      targetValue: 1,
      targetScope: 'each_county',
      timing: 'overdue',
      status: 'not_started',
    });
    expect(t4.daysOverdue).toBeGreaterThan(2000);
    const t2 = task('（二）');
    expect(t2.units.filter((u: any) => u.name === '县（区）妇计中心').map((u: any) => u.institutionId)).toEqual([
      inst.dhMch,
      inst.ptMch,
    ]);
    // the class leads, so each of its institutions does
    expect(t2.units.filter((u: any) => u.lead).map((u: any) => u.institutionId)).toEqual([inst.dhMch, inst.ptMch]);
    expect(task('（六）2')).toMatchObject({
      targetKind: 'indicator',
      indicatorId: 'chd_echo_diagnoses',
      targetValue: 208,
    });
    expect(task('重点1')).toMatchObject({ indicatorId: 'caesarean_rate', indicatorPeriod: '2019', comparator: '<=' });
    expect(task('重点5')).toMatchObject({ indicatorPeriod: '2019RY' });
  });
});

describe('indicator targets show the live value of the indicators engine', () => {
  it('evaluated in 2026, the hospital delivery rate is the engine’s value, and below the ≥99% target', async () => {
    const v = (await commission.get(`/api/v1/work-plans/${planId}?evalYear=2026`)).body;
    const t = v.tasks.find((x: any) => x.code === '重点6');
    const e = (
      await commission.get(`/api/v1/indicators/values/hospital_delivery_rate?regionCode=${CITY}&period=2026RY`)
    ).body;
    expect(t.live).toMatchObject({ status: 'ok', value: e.value, numerator: e.numerator, denominator: e.denominator });
    expect(t.live.denominator).toBe(2);
    expect(t.live.period.key).toBe('2026RY');
    expect(t.evaluation).toBe('not_met');
  });

  it('a per-county target is judged in each county (caesarean ≤43% 以县区为单位, calendar year)', async () => {
    const v = (await commission.get(`/api/v1/work-plans/${planId}?evalYear=2026`)).body;
    const t = v.tasks.find((x: any) => x.code === '重点1');
    expect(t.live.period.key).toBe('2026');
    const dh = t.live.byCounty.find((c: any) => c.countyCode === DH);
    const e = (await commission.get(`/api/v1/indicators/values/caesarean_rate?regionCode=${DH}&period=2026`)).body;
    expect(dh.value).toBe(e.value);
    expect(dh.evaluation).toBe('not_met');
    expect(t.evaluation).toBe('not_met');
  });

  it('a user whose scope does not cover the region sees the targets, not the figures', async () => {
    const v = await ptSup.get(`/api/v1/work-plans/${planId}`);
    expect(v.status).toBe(200);
    const t = v.body.tasks.find((x: any) => x.code === '重点6');
    expect(t.live.status).toBe('out_of_scope');
    expect(t.evaluation).toBe('no_data');
  });
});

describe('work plan CRUD (commission of the region; audited; optimistic version; idempotent by client id)', () => {
  let own: any;
  let tk: any;
  const id = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

  it('creates a plan for a county of her city, idempotently', async () => {
    const body = { id, regionCode: DH, year: 2026, title: '2026年定海区妇幼健康工作要点', issuer: '定海区卫生健康局' };
    const r = await commission.post('/api/v1/work-plans', body);
    expect(r.status).toBe(200);
    own = r.body;
    expect(own).toMatchObject({ id, regionCode: DH, status: 'active', rowVersion: 1, counts: { total: 0 } });
    const again = await commission.post('/api/v1/work-plans', body);
    expect(again.body.id).toBe(id);
    const n = await sql<{ n: number }>`select count(*)::int as n from work_plan where id = ${id}`.execute(s.db.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('updates with the current version; a stale version is refused with 409', async () => {
    const ok = await commission.patch(`/api/v1/work-plans/${id}`, { summary: '保障母婴安全', rowVersion: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.rowVersion).toBe(2);
    const stale = await commission.patch(`/api/v1/work-plans/${id}`, { summary: 'x', rowVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('adds tasks with an indicator target and with a count target; overdue and due-soon are computed', async () => {
    const r = await commission.post(`/api/v1/work-plans/${id}/tasks`, {
      title: '孕产妇系统管理率达到93%以上',
      deadline: inDays(10),
      targetKind: 'indicator',
      indicatorId: 'maternal_systematic_management_rate',
      indicatorPeriod: '2026RY',
      comparator: '>=',
      targetValue: 93,
      units: [{ name: '定海区妇幼保健院', institutionId: inst.dhMch, lead: true }, { name: '各社区卫生服务中心' }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ seq: 1, timing: 'due_soon', status: 'not_started', canReport: true });
    const late = await commission.post(`/api/v1/work-plans/${id}/tasks`, {
      title: '完成托幼机构卫生保健评估',
      deadline: inDays(-3),
      targetKind: 'count',
      comparator: '>=',
      targetValue: 20,
      targetUnit: '所',
      units: [{ name: '定海区妇幼保健院', institutionId: inst.dhMch, lead: true }],
    });
    expect(late.body).toMatchObject({ seq: 2, timing: 'overdue', daysOverdue: 3, evaluation: 'no_data' });
    tk = late.body;
    const later = await commission.post(`/api/v1/work-plans/${id}/tasks`, {
      title: '开展培训',
      deadline: inDays(60),
      units: [{ name: '定海区卫生健康局' }],
    });
    expect(later.body.timing).toBe('on_track');
    const v = (await commission.get(`/api/v1/work-plans/${id}`)).body;
    expect(v.plan.counts).toMatchObject({ total: 3, overdue: 1, dueSoon: 1, open: 3 });
    expect(v.tasks[0].live.status).not.toBe('out_of_scope');
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown indicator',
      { targetKind: 'indicator', indicatorId: 'no_such_rate', comparator: '>=', targetValue: 1 },
      'indicatorId',
    ],
    [
      'an indicator target without comparator',
      { targetKind: 'indicator', indicatorId: 'caesarean_rate', targetValue: 40 },
      'comparator',
    ],
    [
      'a percentage above 100',
      { targetKind: 'indicator', indicatorId: 'caesarean_rate', comparator: '<=', targetValue: 140 },
      'targetValue',
    ],
    ['a count target without value', { targetKind: 'count', comparator: '>=' }, 'targetValue'],
    ['an invalid deadline', { deadline: '2026-02-30' }, 'deadline'],
    ['no units', { units: [] }, 'units'],
    [
      'an unknown institution',
      { units: [{ name: 'A', institutionId: '00000000-0000-4000-8000-000000000001' }] },
      'units.0.institutionId',
    ],
    ['an empty title', { title: ' ' }, 'title'],
  ])('refuses a task with %s: 400 naming the field in Chinese', async (_w, patch, field) => {
    const r = await commission.post(`/api/v1/work-plans/${id}/tasks`, {
      title: '任务',
      units: [{ name: '单位' }],
      ...patch,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: any) => f.field)).toContain(field);
    expect(r.body.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    const n = await sql<{ n: number }>`select count(*)::int as n from work_plan_task where plan_id = ${id}`.execute(
      s.db.db,
    );
    expect(n.rows[0]!.n).toBe(3); // nothing half-written
  });

  it('only the region’s commission and the sysadmin write plans', async () => {
    expect((await sup.post('/api/v1/work-plans', { regionCode: DH, year: 2026, title: 'x' })).status).toBe(403);
    expect((await stat.post('/api/v1/work-plans', { regionCode: CITY, year: 2026, title: 'x' })).status).toBe(403);
    expect((await commission.post('/api/v1/work-plans', { regionCode: '330000', year: 2026, title: 'x' })).status).toBe(
      403,
    );
    expect((await commission.post('/api/v1/work-plans', { regionCode: '999999', year: 2026, title: 'x' })).status).toBe(
      400,
    );
    const a = await admin.post('/api/v1/work-plans', { regionCode: '330000', year: 2026, title: '浙江省要点' });
    expect(a.status).toBe(200);
    expect((await clinician.get('/api/v1/work-plans')).status).toBe(403);
    // a plan of 定海区 is not visible from 普陀区
    expect((await ptSup.get(`/api/v1/work-plans/${id}`)).status).toBe(404);
    expect((await sup.get(`/api/v1/work-plans/${id}`)).status).toBe(200);
  });

  it('progress with evidence: a responsible unit reports, the task moves, a count meets its target', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% 测试佐证\n');
    const r = await sup.post(`/api/v1/work-plan-tasks/${tk.id}/progress`, {
      reportedOn: today(),
      note: '已完成12所托幼机构评估',
      countValue: 12,
      progressPct: 60,
      evidenceLink: 'https://example.org/report/1',
      attachment: { filename: '评估汇总.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
    });
    expect(r.status).toBe(200);
    expect(r.body.task).toMatchObject({
      status: 'in_progress',
      progressPct: 60,
      currentValue: 12,
      evaluation: 'not_met',
    });
    const done = await sup.post(`/api/v1/work-plan-tasks/${tk.id}/progress`, {
      reportedOn: today(),
      note: '全部20所完成',
      countValue: 20,
      statusAfter: 'done',
    });
    expect(done.body.task).toMatchObject({
      status: 'done',
      progressPct: 100,
      completedOn: today(),
      timing: 'done_late',
      evaluation: 'met',
      daysOverdue: 0,
    });
    const list = (await sup.get(`/api/v1/work-plan-tasks/${tk.id}/progress`)).body;
    expect(list).toHaveLength(2);
    const withFile = list.find((p: any) => p.attachments.length);
    expect(withFile).toMatchObject({
      unitName: '定海区妇幼保健院',
      institutionId: inst.dhMch,
      evidenceLink: 'https://example.org/report/1',
    });
    const file = await fetch(`${s.url}/api/v1/work-plan-attachments/${withFile.attachments[0].id}`, {
      headers: { cookie: sup.cookie! },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a count on a task without a count target', { countValue: 3 }, 'countValue'],
    ['a link that is not http(s)', { evidenceLink: 'javascript:alert(1)' }, 'evidenceLink'],
    [
      'a file that is not base64',
      { attachment: { filename: 'a.pdf', contentType: 'application/pdf', contentBase64: '%%%%' } },
      'attachment.contentBase64',
    ],
    [
      'a file type not allowed',
      { attachment: { filename: 'a.exe', contentType: 'application/x-msdownload', contentBase64: 'AAAA' } },
      'attachment.contentType',
    ],
    ['a percentage above 100', { progressPct: 120 }, 'progressPct'],
    ['no note', { note: '' }, 'note'],
    ['a bad date', { reportedOn: '2026-13-01' }, 'reportedOn'],
  ])('refuses progress with %s', async (_w, patch, field) => {
    const tasks = (await sup.get(`/api/v1/work-plans/${id}`)).body.tasks;
    const r = await sup.post(`/api/v1/work-plan-tasks/${tasks[0].id}/progress`, {
      reportedOn: today(),
      note: '进展',
      ...patch,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: any) => f.field)).toContain(field);
  });

  it('a unit that is not responsible for the task may not report on it', async () => {
    const t = task('（一）'); // 市妇保院 and named departments only
    expect(t.canReport).toBe(true); // for the commission
    const r = await sup.post(`/api/v1/work-plan-tasks/${t.id}/progress`, { reportedOn: today(), note: '进展' });
    expect(r.status).toBe(403);
    const ok = await ptSup.post(`/api/v1/work-plan-tasks/${task('（二）').id}/progress`, {
      reportedOn: today(),
      note: '普陀已成立指导中心',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.task.status).toBe('in_progress');
  });

  it('the view per responsible unit and “my tasks”', async () => {
    const units = (await commission.get(`/api/v1/work-plans/${planId}/units`)).body;
    const dh = units.find((u: any) => u.institutionId === inst.dhMch);
    expect(dh.tasks.map((t: any) => t.code).sort()).toEqual(
      ZHOUSHAN_2019_PLAN.tasks
        .filter((t) => t.units.some((u) => u.name === '县（区）妇计中心'))
        .map((t) => t.code)
        .sort(),
    );
    expect(dh.counts.total).toBe(dh.tasks.length);
    expect(dh.leadCount).toBe(dh.tasks.filter((t: any) => t.lead).length);
    const named = units.find((u: any) => u.key === 'name:各县（区）卫生健康局');
    expect(named.institutionId).toBeNull();
    expect(named.counts.overdue).toBeGreaterThan(0);
    const mine = (await sup.get('/api/v1/work-plans/my-tasks')).body;
    expect(mine.length).toBeGreaterThan(dh.tasks.length); // the city plan's and her county plan's
    expect(mine.every((t: any) => t.units.some((u: any) => u.institutionId === inst.dhMch))).toBe(true);
  });

  it('deleting: a task or a plan with progress is refused (cancel or close instead); a closed plan takes no progress', async () => {
    const del = await commission.request('DELETE', `/api/v1/work-plan-tasks/${tk.id}?rowVersion=3`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('TASK_HAS_PROGRESS');
    const tasks = (await commission.get(`/api/v1/work-plans/${id}`)).body.tasks;
    const spare = tasks.find((t: any) => t.title === '开展培训');
    expect(
      (await commission.request('DELETE', `/api/v1/work-plan-tasks/${spare.id}?rowVersion=${spare.rowVersion}`)).status,
    ).toBe(200);
    const cancel = await commission.patch(`/api/v1/work-plan-tasks/${tasks[0].id}`, {
      status: 'cancelled',
      rowVersion: tasks[0].rowVersion,
    });
    expect(cancel.body).toMatchObject({ status: 'cancelled', timing: 'cancelled' });
    const pr = await commission.request('DELETE', `/api/v1/work-plans/${id}?rowVersion=2`);
    expect(pr.status).toBe(409);
    expect(pr.body.error.code).toBe('PLAN_HAS_PROGRESS');
    const closed = await commission.patch(`/api/v1/work-plans/${id}`, { status: 'closed', rowVersion: 2 });
    expect(closed.body.status).toBe('closed');
    const late = await sup.post(`/api/v1/work-plan-tasks/${tk.id}/progress`, { reportedOn: today(), note: '补充' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('PLAN_CLOSED');
  });

  it('every write is audited in its transaction', async () => {
    const r = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_event
      where action like 'workplan.%' group by action`.execute(s.db.db);
    const by = new Map(r.rows.map((x) => [x.action, x.n]));
    expect(by.get('workplan.import')).toBe(1);
    expect(by.get('workplan.create')).toBe(2);
    expect(by.get('workplan.task.create')).toBe(3);
    expect(by.get('workplan.task.delete')).toBe(1);
    expect(by.get('workplan.progress.create')).toBe(3);
    expect(by.get('workplan.update')).toBeGreaterThanOrEqual(2);
  });

  it('exports a plan’s tasks as xlsx', async () => {
    const res = await fetch(`${s.url}/api/v1/work-plans/${planId}/tasks.xlsx`, {
      headers: { cookie: commission.cookie! },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4 + ZHOUSHAN_2019_PLAN.tasks.length);
    expect(ws.getRow(4).values).toContain('时限情况');
    const rows = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).values as unknown[]);
    expect(rows.some((r) => r.includes('（四）1') && r.includes('已逾期') && r.includes('2019-06-30'))).toBe(true);
  });
});
