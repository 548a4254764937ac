/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import type { Client } from '../../testing';
import { childBody, daysAgo as childDaysAgo } from '../child/child.fixtures';
import { maternalWorld, registered, woman, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
let dh2: Client;
beforeAll(async () => {
  w = await maternalWorld();
  dh2 = await w.s.login(await w.s.user('clinician', { institutionId: w.inst }));
});
afterAll(async () => w?.s.close());

const stats = () => ({ ...w.s.app.services.answers.stats });
const delta = (a: ReturnType<typeof stats>, b: ReturnType<typeof stats>) => ({
  read: b.read - a.read,
  joined: b.joined - a.joined,
  cached: b.cached - a.cached,
});
const ids = (r: { body: any }) => (r.body.items as { pregnancyId: string }[]).map((i) => i.pregnancyId);

async function events(action: string) {
  const r = await sql<{ username: string }>`select username from audit_event where action = ${action}
    order by seq`.execute(w.s.db.db);
  return r.rows.map((x) => x.username);
}

describe('worklist answers shared between the users of a county (issue #7)', () => {
  it('serves the same list to a second clinician from the cache, and records each request in the audit log', async () => {
    await registered(w.dh, 10 * 7);
    const before = await events('maternal.worklist');
    const s0 = stats();
    const a = await w.dh.get(`/api/v1/maternal-worklist?institutionId=${w.inst}`);
    const b = await dh2.get(`/api/v1/maternal-worklist?institutionId=${w.inst}`);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(delta(s0, stats())).toEqual({ read: 1, joined: 0, cached: 1 });
    const after = await events('maternal.worklist');
    expect(after.length - before.length).toBe(2);
    expect(new Set(after.slice(-2)).size).toBe(2);
  });

  it('shows a write at the very next request: a registration, then the visit that ends the duty', async () => {
    const url = `/api/v1/maternal-worklist?institutionId=${w.inst}&kind=visit_due`;
    await w.dh.get(url);
    const p = await registered(w.dh, 10 * 7);
    const s0 = stats();
    const listed = await dh2.get(url);
    expect(delta(s0, stats()).read).toBe(1);
    expect(ids(listed)).toContain(p.id);
    expect(ids(await w.dh.get(url))).toContain(p.id);
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgoChina(0),
      weightKg: 56,
      systolicMmHg: 110,
      diastolicMmHg: 70,
    });
    expect(v.status).toBe(201);
    const s1 = stats();
    const after = await dh2.get(url);
    expect(delta(s1, stats()).read).toBe(1);
    expect(ids(after)).not.toContain(p.id);
  });

  it("keeps a county's answer when another county writes, and gives the PMTCT permission an answer of its own", async () => {
    const url = '/api/v1/maternal-worklist';
    await w.dh.get(url);
    await registered(w.pt, 10 * 7, {}, { residenceRegionCode: '330903' });
    const s0 = stats();
    const again = await dh2.get(url);
    expect(delta(s0, stats())).toEqual({ read: 0, joined: 0, cached: 1 });
    expect(again.body.counts.pmtct_action).toBeUndefined();
    const withPmtct = await w.pmtct.get(url);
    expect(delta(s0, stats()).read).toBe(1);
    expect(withPmtct.body.counts.pmtct_action).toBeDefined();
  });

  it("drops only the lists a write changed: a child's check-up keeps the maternal answers, a woman renamed drops them", async () => {
    const url = `/api/v1/maternal-worklist?institutionId=${w.inst}`;
    const p = await registered(w.dh, 10 * 7);
    const child = await w.dh.post('/api/v1/children', childBody(30, { name: '缓存检查' }));
    expect(child.status).toBe(201);
    const childUrl = '/api/v1/child-worklist';
    await w.dh.get(url);
    await w.dh.get(childUrl);
    const s0 = stats();
    const checkup = await w.dh.post(`/api/v1/children/${child.body.person.id}/checkups`, {
      visitDate: childDaysAgo(0),
      weightKg: 4.2,
      lengthCm: 54,
    });
    expect(checkup.status).toBe(201);
    await dh2.get(url);
    expect(delta(s0, stats())).toEqual({ read: 0, joined: 0, cached: 1 });
    await dh2.get(childUrl);
    expect(delta(s0, stats()).read).toBe(1);
    // the list shows her name: renaming her changes the answer
    const person = await w.dh.get(`/api/v1/people/${p.personId}`);
    const renamed = await w.dh.patch(`/api/v1/people/${p.personId}`, {
      name: '缓存改名',
      version: person.body.version,
    });
    expect(renamed.status).toBe(200);
    const s1 = stats();
    const after = await dh2.get(url);
    expect(delta(s1, stats()).read).toBe(1);
    expect(after.body.items.find((i: any) => i.pregnancyId === p.id)?.womanName).toBe('缓存改名');
  });

  it('drops every answer after a job has run (jobs write without a user)', async () => {
    const jobs = w.s.app.services.jobs;
    jobs.register('test.answers.noop', async () => ({}));
    const url = '/api/v1/maternal-worklist?kind=unassessed';
    await w.dh.get(url);
    await jobs.enqueue('test.answers.noop');
    expect(await jobs.runDue(5)).toBeGreaterThanOrEqual(1);
    const s0 = stats();
    await w.dh.get(url);
    expect(delta(s0, stats()).read).toBe(1);
  });

  it('drops the child worklist too: a newborn without a record leaves the list as soon as her record is made', async () => {
    const mother = await woman(w.dh);
    const baby = await w.dh.post('/api/v1/people', {
      name: '缓存新生儿',
      sex: 'female',
      birthDate: childDaysAgo(9),
      idType: 'none',
      residenceRegionCode: '330902',
      motherId: mother,
    });
    expect(baby.status).toBe(201);
    const url = '/api/v1/child-worklist?kind=profile_missing';
    const has = (r: { body: any }) => (r.body.items as { personId: string }[]).some((i) => i.personId === baby.body.id);
    expect(has(await w.dh.get(url))).toBe(true);
    const s0 = stats();
    expect(has(await dh2.get(url))).toBe(true);
    expect(delta(s0, stats())).toEqual({ read: 0, joined: 0, cached: 1 });
    const profile = await w.dh.request('PUT', `/api/v1/children/${baby.body.id}/profile`, { birthWeightG: 3100 });
    expect(profile.status).toBeLessThan(300);
    expect(has(await dh2.get(url))).toBe(false);
    // a child registered in one request is listed at the next
    const c = await w.dh.post('/api/v1/children', childBody(30, { name: '缓存登记' }));
    expect(c.status).toBe(201);
    const listed = await dh2.get('/api/v1/child-worklist');
    expect((listed.body.items as { personId: string }[]).some((i) => i.personId === c.body.person.id)).toBe(true);
  });
});

function daysAgoChina(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}
