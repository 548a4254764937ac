import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
