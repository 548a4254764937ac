import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql, withScope } from '@fuyou/db';
import { childBody, childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';

let w: ChildWorld;
beforeAll(async () => {
  w = await childWorld();
});
afterAll(async () => w?.s.close());

describe('child record: direct registration and profile', () => {
  it('registers a child born elsewhere with its birth data in one transaction', async () => {
    const body = childBody(40, { apgar1: 8, apgar5: 9, multipleBirth: 2, birthOrder: 1, healthHandbookNo: 'HB-001' });
    const r = await w.dh.post('/api/v1/children', body);
    expect(r.status).toBe(201);
    expect(r.body.person).toMatchObject({ name: body.name, countyCode: '330902', idType: 'none' });
    expect(r.body.profile).toMatchObject({
      source: 'direct',
      registrationReason: 'born_elsewhere',
      gestationalWeeks: 39,
      gestationalDays: 2,
      birthWeightG: 3300,
      birthLengthCm: 50,
      apgar5: 9,
      multipleBirth: 2,
      healthHandbookNo: 'HB-001',
      managingInstitutionId: w.inst,
      version: 1,
    });
  });

  it('is idempotent on a client-supplied id', async () => {
    const id = randomUUID();
    const body = childBody(10, { id });
    const a = await w.dh.post('/api/v1/children', body);
    const b = await w.dh.post('/api/v1/children', body);
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.person.id).toBe(id);
  });

  it('names the bad fields in a 400', async () => {
    const r = await w.dh.post('/api/v1/children', childBody(10, { birthWeightG: 100, gestationalDays: 9 }));
    expect(r.status).toBe(400);
    const fields = r.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['birthWeightG', 'gestationalDays']));
    const order = await w.dh.post('/api/v1/children', childBody(10, { multipleBirth: 1, birthOrder: 2 }));
    expect(order.status).toBe(400);
    expect(order.body.error.fields[0].field).toBe('birthOrder');
  });

  it('completes the profile of a child created from a delivery (no profile yet), then updates with version', async () => {
    const mother = await w.dh.post('/api/v1/people', {
      name: '测试妈妈',
      sex: 'female',
      birthDate: '1992-03-04',
      idType: 'none',
      residenceRegionCode: '330902',
    });
    const baby = await w.dh.post('/api/v1/people', {
      name: '测试妈妈之子',
      sex: 'male',
      birthDate: daysAgo(3),
      idType: 'none',
      residenceRegionCode: '330902',
      motherId: mother.body.id,
    });
    const deliveryId = randomUUID();
    const put = await w.dh.request('PUT', `/api/v1/children/${baby.body.id}/profile`, {
      deliveryId,
      gestationalWeeks: 35,
      gestationalDays: 4,
      birthWeightG: 2300,
      vaccinationHandbookNo: 'V-9',
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ source: 'delivery', deliveryId, birthWeightG: 2300, version: 1 });
    const noVersion = await w.dh.request('PUT', `/api/v1/children/${baby.body.id}/profile`, { apgar1: 7 });
    expect(noVersion.status).toBe(400);
    const ok = await w.dh.request('PUT', `/api/v1/children/${baby.body.id}/profile`, { apgar1: 7, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ apgar1: 7, birthWeightG: 2300, version: 2 });
    const stale = await w.dh.request('PUT', `/api/v1/children/${baby.body.id}/profile`, { apgar1: 6, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it("hides another county's child (404) and refuses an unknown institution", async () => {
    const child = await registerChild(w.dh, 20);
    const r = await w.pt.request('PUT', `/api/v1/children/${child.person.id}/profile`, { apgar1: 7, version: 1 });
    expect(r.status).toBe(404);
    const bad = await w.dh.request('PUT', `/api/v1/children/${child.person.id}/profile`, {
      managingInstitutionId: randomUUID(),
      version: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('managingInstitutionId');
  });

  it('lists children in scope only', async () => {
    const child = await registerChild(w.dh, 15, { name: '列表宝宝' });
    const mine = await w.dh.get('/api/v1/children?q=列表宝宝');
    expect(mine.body.items.map((c: { personId: string }) => c.personId)).toContain(child.person.id);
    const theirs = await w.pt.get('/api/v1/children?q=列表宝宝');
    expect(theirs.body.total).toBe(0);
  });
});

describe("the child's page and schedule", () => {
  it('shows the birth summary, the mother, and done/due/missed contacts', async () => {
    const mother = await w.dh.post('/api/v1/people', {
      name: '页面妈妈',
      sex: 'female',
      birthDate: '1990-05-06',
      idType: 'none',
      residenceRegionCode: '330902',
    });
    const child = await registerChild(w.dh, 100, { motherId: mother.body.id });
    await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(99), kind: 'newborn_visit' });
    const r = await w.dh.get(`/api/v1/children/${child.person.id}`);
    expect(r.status).toBe(200);
    expect(r.body.mother).toMatchObject({ id: mother.body.id, name: '页面妈妈' });
    expect(r.body.profile.birthWeightG).toBe(3300);
    const byKey = Object.fromEntries(r.body.schedule.map((c: { key: string; status: string }) => [c.key, c.status]));
    expect(byKey).toMatchObject({ newborn_visit: 'done', month1: 'missed', m6: 'upcoming' });
    expect(r.body.checkups).toHaveLength(1);
    const other = await w.pt.get(`/api/v1/children/${child.person.id}`);
    expect(other.status).toBe(404);
  });

  it('uses the corrected age for a preterm child until 24 months', async () => {
    const child = await registerChild(w.dh, 100, { gestationalWeeks: 32, gestationalDays: 0, birthWeightG: 1700 });
    const page = await w.dh.get(`/api/v1/children/${child.person.id}`);
    const m3 = page.body.schedule.find((c: { key: string }) => c.key === 'm3');
    expect(m3.corrected).toBe(true);
    expect(page.body.schedule.some((c: { key: string }) => c.key === 'newborn_extra')).toBe(true);
    const c = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(0), weightKg: 4.2 });
    expect(c.body).toMatchObject({ ageDays: 100, correctedAgeDays: 44 });
  });
});

describe('row-level security on the child tables', () => {
  it('an unscoped or other-county transaction sees no child rows', async () => {
    const child = await registerChild(w.dh, 30);
    await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(1), weightKg: 4 });
    for (const counties of [[], ['330903']]) {
      const n = await withScope(w.s.db.db, { counties }, async (trx) => {
        const r = await sql<{ p: number; c: number }>`select (select count(*)::int from child_profile) as p,
          (select count(*)::int from child_checkup) as c`.execute(trx);
        return r.rows[0];
      });
      expect(n).toEqual({ p: 0, c: 0 });
    }
  });
});

describe('transfer to another county (转出/转入)', () => {
  it("moves the child's record, check-ups, cases and screenings with the person", async () => {
    const child = await registerChild(w.dh, 200, { sex: 'male' });
    const id = child.person.id;
    await w.dh.post(`/api/v1/children/${id}/checkups`, { visitDate: daysAgo(1), weightKg: 5.5, lengthCm: 63 });
    await w.dh.post(`/api/v1/children/${id}/newborn-screening/hearing/steps`, {
      event: { step: 'initial', date: daysAgo(198), left: 'pass', right: 'pass' },
    });
    const person = await w.dh.get(`/api/v1/people/${id}`);
    const t = await w.dh.post(`/api/v1/people/${id}/transfer`, {
      toResidenceRegionCode: '330903',
      reason: '随父母迁居普陀',
      version: person.body.version,
    });
    expect(t.status).toBe(200);
    const gone = await w.dh.get(`/api/v1/children/${id}`);
    expect(gone.status).toBe(404);
    const moved = await w.pt.get(`/api/v1/children/${id}`);
    expect(moved.status).toBe(200);
    expect(moved.body.checkups).toHaveLength(1);
    expect(moved.body.cases.map((c: { kind: string }) => c.kind)).toContain('undernutrition');
    expect(moved.body.screenings.newborn.find((n: { kind: string }) => n.kind === 'hearing').closed).toBe(true);
  });
});
