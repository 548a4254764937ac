/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, withScope } from '@fuyou/db';
import { systemContext } from '../../platform/context';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';
import type { Client } from '../../testing';

let w: ChildWorld;
let pmtct: Client;
beforeAll(async () => {
  w = await childWorld();
  pmtct = await w.s.login(await w.s.user('clinician', { institutionId: w.inst, permissions: ['pmtct'] }));
});
afterAll(async () => w?.s.close());

describe('child-health worklist', () => {
  it('lists overdue appointments, proposed cases, overdue follow-ups and exposed-infant duties (pmtct only)', async () => {
    const a = await registerChild(w.dh, 100, { name: '清单甲' });
    await w.dh.post(`/api/v1/children/${a.person.id}/checkups`, {
      visitDate: daysAgo(40),
      weightKg: 4.0,
      lengthCm: 55,
      nextAppointment: daysAgo(5),
    });
    const b = await registerChild(w.dh, 30, { name: '清单乙' });
    await pmtct.request('PUT', `/api/v1/children/${b.person.id}/exposure`, { infections: ['hbv'] });

    const list = await w.dh.get('/api/v1/child-worklist');
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((i: { personId: string }) => i.personId === a.person.id);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'checkup_due', due: daysAgo(5), overdue: true }),
        expect.objectContaining({ kind: 'case_proposed' }),
      ]),
    );
    expect(list.body.items.some((i: { kind: string }) => i.kind === 'exposure_duty')).toBe(false);
    const withPmtct = await pmtct.get('/api/v1/child-worklist?kind=exposure_duty');
    expect(withPmtct.body.items.filter((i: { personId: string }) => i.personId === b.person.id).length).toBeGreaterThan(
      0,
    );
    expect(withPmtct.body.items.every((i: { kind: string }) => i.kind === 'exposure_duty')).toBe(true);
  });

  it('filters by institution and township, and another county sees nothing of ours', async () => {
    const c = await registerChild(w.dh, 60, { name: '清单丙' });
    await w.dh.post(`/api/v1/children/${c.person.id}/checkups`, {
      visitDate: daysAgo(20),
      nextAppointment: daysAgo(1),
    });
    const byInst = await w.dh.get(`/api/v1/child-worklist?institutionId=${w.inst}`);
    expect(byInst.body.items.some((i: { personId: string }) => i.personId === c.person.id)).toBe(true);
    const other = await w.dh.get(`/api/v1/child-worklist?institutionId=${w.ptInst}`);
    expect(other.body.items.some((i: { personId: string }) => i.personId === c.person.id)).toBe(false);
    const town = await w.dh.get('/api/v1/child-worklist?township=330902001');
    expect(town.body.items.some((i: { personId: string }) => i.personId === c.person.id)).toBe(false);
    const pt = await w.pt.get('/api/v1/child-worklist');
    expect(pt.body.total).toBe(0);
    const bad = await w.dh.get('/api/v1/child-worklist?township=33');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('township');
  });
});

describe('births without a child record', () => {
  it('lists a newborn created from a delivery (mother linked, no profile) until its record is opened', async () => {
    const mother = await w.dh.post('/api/v1/people', {
      name: '分娩妈妈',
      sex: 'female',
      birthDate: '1994-02-03',
      idType: 'none',
      residenceRegionCode: '330902',
    });
    const baby = await w.dh.post('/api/v1/people', {
      name: '分娩宝宝',
      sex: 'female',
      birthDate: daysAgo(9),
      idType: 'none',
      residenceRegionCode: '330902',
      motherId: mother.body.id,
    });
    const before = await w.dh.get('/api/v1/child-worklist?kind=profile_missing');
    expect(before.body.items.find((i: { personId: string }) => i.personId === baby.body.id)).toMatchObject({
      due: daysAgo(2),
      overdue: true,
    });
    await w.dh.request('PUT', `/api/v1/children/${baby.body.id}/profile`, { birthWeightG: 3100 });
    const after = await w.dh.get('/api/v1/child-worklist?kind=profile_missing');
    expect(after.body.items.some((i: { personId: string }) => i.personId === baby.body.id)).toBe(false);
  });
});

describe('check-ups due by the national schedule', () => {
  it('lists the 3-month check-up as due inside its window and as overdue once missed', async () => {
    const due = await registerChild(w.dh, 95, { name: '计划应检' });
    const missed = await registerChild(w.dh, 125, { name: '计划逾期' });
    const done = await registerChild(w.dh, 95, { name: '计划已检' });
    await w.dh.post(`/api/v1/children/${done.person.id}/checkups`, { visitDate: daysAgo(1), weightKg: 6 });
    const r = await w.dh.get('/api/v1/child-worklist?kind=checkup_due&horizon=0');
    const of = (id: string) => r.body.items.find((i: { personId: string }) => i.personId === id);
    expect(of(due.person.id)).toMatchObject({ what: '健康检查：3月龄', overdue: false });
    expect(of(missed.person.id)).toMatchObject({ what: '健康检查：3月龄', overdue: true });
    expect(of(done.person.id)).toBeUndefined();
  });
});

type Item = { kind: string; personId: string; what: string; due: string | null; overdue: boolean; refId?: string };
const itemsOf = async (c: Client, query: string, personId: string): Promise<Item[]> => {
  const r = await c.get(`/api/v1/child-worklist?pageSize=500&${query}`);
  expect(r.status).toBe(200);
  return r.body.items.filter((i: Item) => i.personId === personId);
};
/** The stored rows of a child, as the worklist reads them. */
const storedRows = async (personId: string) =>
  (
    await sql<{
      kind: string;
      item: string;
      list_from: string;
      list_until: string | null;
      due_on: string | null;
    }>`select kind, item, list_from::text, list_until::text, due_on::text from child_work
      where person_id = ${personId} order by kind, list_from`.execute(w.s.db.db)
  ).rows;

describe('stored due dates: right after each kind of write', () => {
  it('a check-up recorded moves the child on to the next contact of the page’s schedule, with its window', async () => {
    const c = await registerChild(w.dh, 95, { name: '存储应检' });
    const id = c.person.id;
    const before = await itemsOf(w.dh, 'kind=checkup_due&horizon=0', id);
    const page0 = (await w.dh.get(`/api/v1/children/${id}`)).body;
    const m3 = page0.schedule.find((s: any) => s.key === 'm3');
    expect(m3.status).toBe('due');
    expect(before).toEqual([expect.objectContaining({ what: '健康检查：3月龄', due: m3.windowEnd, overdue: false })]);

    await w.dh.post(`/api/v1/children/${id}/checkups`, { visitDate: daysAgo(0), weightKg: 6.2, lengthCm: 61 });
    const page1 = (await w.dh.get(`/api/v1/children/${id}`)).body;
    const m6 = page1.schedule.find((s: any) => s.key === 'm6');
    expect(page1.schedule.find((s: any) => s.key === 'm3').status).toBe('done');
    // nothing due today; within 90 days the 6-month contact, exactly as the page places its window
    expect(await itemsOf(w.dh, 'kind=checkup_due&horizon=0', id)).toEqual([]);
    expect(await itemsOf(w.dh, 'kind=checkup_due&horizon=90', id)).toEqual([
      expect.objectContaining({ what: '健康检查：6月龄', due: m6.windowEnd, overdue: false }),
    ]);
    const rows = await storedRows(id);
    expect(rows.find((r) => r.item === 'm6')).toMatchObject({ list_from: m6.windowStart, due_on: m6.windowEnd });
    expect(rows.some((r) => r.item === 'm3')).toBe(false);

    // an appointment set at the check-up replaces the schedule once it is within the horizon
    const list = await w.dh.get(`/api/v1/children/${id}/checkups`);
    const k = list.body[0];
    const patched = await w.dh.request('PATCH', `/api/v1/children/${id}/checkups/${k.id}`, {
      visitDate: daysAgo(0),
      weightKg: 6.2,
      lengthCm: 61,
      nextAppointment: daysAgo(-30),
      version: k.version,
    });
    expect(patched.status).toBe(200);
    expect(await itemsOf(w.dh, 'kind=checkup_due&horizon=90', id)).toEqual([
      expect.objectContaining({ what: '预约健康检查', due: daysAgo(-30), overdue: false }),
    ]);
  });

  it('lists the Hb test once the child was seen at 6–8 months without an Hb, until an Hb is recorded', async () => {
    const c = await registerChild(w.dh, 185, { name: '存储血红蛋白' });
    const id = c.person.id;
    expect(await itemsOf(w.dh, 'kind=hb_due', id)).toEqual([]);
    await w.dh.post(`/api/v1/children/${id}/checkups`, { visitDate: daysAgo(1), weightKg: 7.8, lengthCm: 67 });
    const page = (await w.dh.get(`/api/v1/children/${id}`)).body;
    const m8 = page.schedule.find((s: any) => s.key === 'm8');
    expect(await itemsOf(w.dh, 'kind=hb_due', id)).toEqual([
      expect.objectContaining({ what: '6–8月龄血红蛋白检测', due: m8.windowEnd, overdue: false }),
    ]);
    await w.dh.post(`/api/v1/children/${id}/checkups`, { visitDate: daysAgo(0), hbGL: 125 });
    expect(await itemsOf(w.dh, 'kind=hb_due', id)).toEqual([]);
  });

  it('a case confirmed and followed up: the follow-up due date is the case’s own', async () => {
    const c = await registerChild(w.dh, 400, { name: '存储专案' });
    const id = c.person.id;
    const open = await w.dh.post(`/api/v1/children/${id}/cases`, {
      kind: 'rickets',
      severity: 'active',
      openedOn: daysAgo(40),
    });
    expect(open.status).toBe(201);
    const fu = await w.dh.post(`/api/v1/child-cases/${open.body.id}/followups`, {
      followupDate: daysAgo(10),
      treatment: '维生素D',
      nextDue: daysAgo(-3),
    });
    expect(fu.status).toBe(201);
    expect(await itemsOf(w.dh, 'kind=case_followup', id)).toEqual([
      expect.objectContaining({ refId: open.body.id, due: daysAgo(-3), overdue: false, what: '专案随访：佝偻病' }),
    ]);
    const fu2 = await w.dh.post(`/api/v1/child-cases/${open.body.id}/followups`, {
      followupDate: daysAgo(0),
      treatment: '维生素D',
      nextDue: daysAgo(-30),
    });
    expect(fu2.status).toBe(201);
    expect(await itemsOf(w.dh, 'kind=case_followup', id)).toEqual([]);
    expect(await itemsOf(w.dh, 'kind=case_followup&horizon=30', id)).toEqual([
      expect.objectContaining({ due: daysAgo(-30) }),
    ]);
  });

  it('a screening result: the recall is listed with the screening’s due date, and leaves once done', async () => {
    const c = await registerChild(w.dh, 20, { name: '存储筛查', birthTime: '08:00' });
    const id = c.person.id;
    const step = (body: Record<string, unknown>) =>
      w.dh.post(`/api/v1/children/${id}/newborn-screening/metabolic/steps`, body);
    await step({ event: { step: 'sample', at: `${daysAgo(16)}T09:00` } });
    const res = await step({
      event: { step: 'result', date: daysAgo(12), result: 'suspected_positive', conditions: ['CH'] },
      version: 1,
    });
    expect(await itemsOf(w.dh, 'kind=screening_step', id)).toEqual([
      expect.objectContaining({ due: res.body.nextDue, overdue: true, what: '遗传代谢病筛查：recall' }),
    ]);
    await step({ event: { step: 'recall', date: daysAgo(1) }, version: res.body.version });
    const after = await itemsOf(w.dh, 'kind=screening_step', id);
    expect(after.some((i) => i.what.endsWith('recall'))).toBe(false);
  });

  it('an exposure test recorded takes that duty off the list; the others keep the plan’s due dates', async () => {
    const c = await registerChild(w.dh, 50, { name: '存储暴露' });
    const id = c.person.id;
    const r = await pmtct.request('PUT', `/api/v1/children/${id}/exposure`, { infections: ['hiv'] });
    const nat6w = r.body.duties.find((d: any) => d.code === 'hiv.infant_nat_6w');
    const mine = await itemsOf(pmtct, 'kind=exposure_duty', id);
    // every duty the page shows as due or overdue is listed, with the page's due date and state
    const open = r.body.duties.filter((d: any) => d.state === 'due' || d.state === 'overdue');
    expect(open.length).toBeGreaterThan(1);
    for (const d of open)
      expect(mine).toContainEqual(
        expect.objectContaining({ what: d.zh, due: d.dueDate ?? d.dueBy.slice(0, 10), overdue: d.state === 'overdue' }),
      );
    // … and those whose date comes within the horizon (7 days)
    const soon = r.body.duties.filter((d: any) => d.state === 'upcoming' && d.dueDate <= daysAgo(-7));
    expect(mine.length).toBe(open.length + soon.length);
    await pmtct.post(`/api/v1/children/${id}/exposure/records`, {
      code: 'hiv.infant_nat_6w',
      at: daysAgo(0),
      result: 'negative',
      version: r.body.version,
    });
    const after = await itemsOf(pmtct, 'kind=exposure_duty', id);
    expect(after.some((i) => i.what === nat6w.zh)).toBe(false);
    expect(after.length).toBe(mine.length - 1);
  });
});

describe('children who leave', () => {
  it('a child moved to another county leaves our list (and is on theirs); a child who died leaves it', async () => {
    const moved = await registerChild(w.dh, 125, { name: '迁出宝宝' });
    const died = await registerChild(w.dh, 125, { name: '死亡宝宝' });
    for (const c of [moved, died])
      expect((await itemsOf(w.dh, 'kind=checkup_due&horizon=0', c.person.id)).length).toBe(1);
    const t = await w.dh.post(`/api/v1/people/${moved.person.id}/transfer`, {
      toResidenceRegionCode: '330903',
      reason: '随父母迁居',
      version: moved.person.version,
    });
    expect(t.status).toBe(200);
    expect(await itemsOf(w.dh, 'horizon=0', moved.person.id)).toEqual([]);
    expect((await itemsOf(w.pt, 'kind=checkup_due&horizon=0', moved.person.id)).length).toBe(1);

    const d = await w.dh.post(`/api/v1/children/${died.person.id}/death`, {
      deathDate: daysAgo(1),
      deathPlace: 'county_hospital',
      careBeforeDeath: 'county_hospital',
      diagnosisLevel: 'county',
      diagnosisBasis: 'clinical',
      underlyingCause: '肺炎',
      icd10: 'J18.9',
    });
    await w.dh.post(`/api/v1/child-deaths/${d.body.id}/submit`, { version: d.body.version });
    expect(await itemsOf(w.dh, 'horizon=30', died.person.id)).toEqual([]);
    expect(await storedRows(died.person.id)).toEqual([]);
  });

  it('a change of residence moves the child to the new township’s list', async () => {
    const c = await registerChild(w.dh, 125, { name: '搬家宝宝' });
    const town = '330902002';
    expect(await itemsOf(w.dh, `township=${town}&horizon=0`, c.person.id)).toEqual([]);
    const moved = await w.dh.request('PATCH', `/api/v1/people/${c.person.id}`, {
      residenceRegionCode: town,
      version: c.person.version,
    });
    expect(moved.status).toBe(200);
    expect((await itemsOf(w.dh, `township=${town}&horizon=0`, c.person.id)).length).toBe(1);
    expect(await itemsOf(w.dh, 'township=330902003&horizon=0', c.person.id)).toEqual([]);
  });

  it('a birth date corrected on the person moves the schedule (the job the correction queues)', async () => {
    const c = await registerChild(w.dh, 95, { name: '改生日宝宝' });
    expect(await itemsOf(w.dh, 'kind=checkup_due&horizon=0', c.person.id)).toEqual([
      expect.objectContaining({ what: '健康检查：3月龄', overdue: false }),
    ]);
    const r = await w.dh.request('PATCH', `/api/v1/people/${c.person.id}`, {
      birthDate: daysAgo(130),
      version: c.person.version,
    });
    expect(r.status).toBe(200);
    while ((await w.s.app.services.jobs.runDue(50)) > 0);
    expect(await itemsOf(w.dh, 'kind=checkup_due&horizon=0', c.person.id)).toEqual([
      expect.objectContaining({ what: '健康检查：3月龄', overdue: true }),
    ]);
  });

  it('the backfill of migration 0022 (its job) writes the rows of children recorded before it', async () => {
    const c = await registerChild(w.dh, 125, { name: '补录宝宝' });
    const before = await storedRows(c.person.id);
    expect(before.length).toBeGreaterThan(0);
    await sql`delete from child_work where person_id = ${c.person.id}`.execute(w.s.db.db);
    expect(await itemsOf(w.dh, 'horizon=0', c.person.id)).toEqual([]);
    await w.s.app.services.jobs.enqueue('child.worklist.backfill');
    while ((await w.s.app.services.jobs.runDue(50)) > 0);
    expect(await storedRows(c.person.id)).toEqual(before);
    expect((await itemsOf(w.dh, 'kind=checkup_due&horizon=0', c.person.id)).length).toBe(1);
  });

  it('a write rewrites only the stored rows that changed: the same rows are left alone, the set is the one recomputed', async () => {
    const c = await registerChild(w.dh, 125, { name: '只改变化' });
    const versions = async () =>
      new Map(
        (
          await sql<{ key: string; row: string; xmin: string }>`select kind || '/' || item as key,
              (w.*)::text as row, xmin::text as xmin
            from child_work w where person_id = ${c.person.id}`.execute(w.s.db.db)
        ).rows.map((r) => [r.key, { row: r.row, xmin: r.xmin }]),
      );
    const refresh = () =>
      withScope(w.s.app.services.db, systemContext(['330902']), (trx) =>
        w.s.app.services.child.worklist.refreshInTx(trx, '330902', c.person.id),
      );
    const before = await versions();
    expect(before.size).toBeGreaterThan(0);
    // recomputed with nothing changed: no row is written again
    await refresh();
    expect(await versions()).toEqual(before);
    // a check-up done: the rows it changes are written, the others keep their version
    const done = await w.dh.post(`/api/v1/children/${c.person.id}/checkups`, {
      visitDate: daysAgo(0),
      weightKg: 6.5,
      lengthCm: 63,
    });
    expect(done.status).toBe(201);
    const after = await versions();
    expect(after).not.toEqual(before);
    for (const [key, v] of after) {
      const old = before.get(key);
      if (old && old.row === v.row) expect(v.xmin).toBe(old.xmin);
    }
    // the same rows as computed from nothing
    const incremental = await storedRows(c.person.id);
    await sql`delete from child_work where person_id = ${c.person.id}`.execute(w.s.db.db);
    await refresh();
    expect(await storedRows(c.person.id)).toEqual(incremental);
  });

  it('pages the list with counts that do not depend on the page', async () => {
    const all = await w.dh.get('/api/v1/child-worklist?horizon=30&pageSize=500');
    const p1 = await w.dh.get('/api/v1/child-worklist?horizon=30&pageSize=3&page=1');
    const p2 = await w.dh.get('/api/v1/child-worklist?horizon=30&pageSize=3&page=2');
    expect(p1.body.total).toBe(all.body.total);
    expect(p1.body.counts).toEqual(all.body.counts);
    expect(p1.body.items).toEqual(all.body.items.slice(0, 3));
    expect(p2.body.items).toEqual(all.body.items.slice(3, 6));
    const sum = Object.values(all.body.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(all.body.total).toBe(sum);
    expect(all.body.items.length).toBe(Math.min(sum, 500));
    const bad = await w.dh.get('/api/v1/child-worklist?pageSize=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('pageSize');
  });
});
