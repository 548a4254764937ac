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

const duty = (body: { duties: { code: string; state: string }[] }, code: string) =>
  body.duties.find((d) => d.code === code);

describe('exposed infants (PMTCT 2020)', () => {
  it('is restricted to the pmtct permission', async () => {
    const child = await registerChild(w.dh, 3);
    const r = await w.dh.request('PUT', `/api/v1/children/${child.person.id}/exposure`, { infections: ['hbv'] });
    expect(r.status).toBe(403);
    const ok = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, { infections: ['hbv'] });
    expect(ok.status).toBe(201);
    const read = await w.dh.get(`/api/v1/children/${child.person.id}/exposure`);
    expect(read.status).toBe(403);
  });

  it('checks the HBV birth doses against 12 h and schedules the serology at 7–12 months', async () => {
    const child = await registerChild(w.dh, 2, { birthTime: '08:30' });
    const birth = daysAgo(2);
    const r = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, { infections: ['hbv'] });
    expect(duty(r.body, 'hbv.infant_hbig')).toMatchObject({ dueBy: `${birth}T20:30`, state: 'overdue' });
    expect(duty(r.body, 'hbv.infant_serology')).toMatchObject({ state: 'upcoming' });
    const onTime = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hbv.infant_hbig',
      at: `${birth}T09:10`,
      version: r.body.version,
    });
    expect(onTime.status).toBe(200);
    expect(duty(onTime.body, 'hbv.infant_hbig')?.state).toBe('done');
    const late = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hbv.infant_hepb1',
      at: `${daysAgo(1)}T10:00`,
      version: onTime.body.version,
    });
    expect(duty(late.body, 'hbv.infant_hepb1')?.state).toBe('late');
    const dateOnly = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hbv.infant_hepb1',
      at: birth,
      version: late.body.version,
    });
    expect(dateOnly.status).toBe(400);
    expect(dateOnly.body.error.fields[0].field).toBe('at');
  });

  it('lists HIV tests as overdue when their date has passed, and records the final status', async () => {
    const child = await registerChild(w.dh, 130);
    const r = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, {
      infections: ['hiv'],
      highExposure: true,
    });
    expect(duty(r.body, 'hiv.infant_nat_6w')?.state).toBe('overdue');
    expect(r.body.overdue).toBeGreaterThan(0);
    const test = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hiv.infant_nat_6w',
      at: daysAgo(85),
      result: 'negative',
      version: r.body.version,
    });
    expect(duty(test.body, 'hiv.infant_nat_6w')).toMatchObject({ state: 'done', record: { result: 'negative' } });
    const noResult = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hiv.infant_nat_3m',
      at: daysAgo(40),
      version: test.body.version,
    });
    expect(noResult.status).toBe(400);
    expect(noResult.body.error.fields[0].field).toBe('result');
    const wrong = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure/final`, {
      infection: 'syphilis',
      status: 'not_infected',
      decidedOn: daysAgo(0),
      version: test.body.version,
    });
    expect(wrong.status).toBe(400);
    const fin = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure/final`, {
      infection: 'hiv',
      status: 'not_infected',
      decidedOn: daysAgo(0),
      version: test.body.version,
    });
    expect(fin.body).toMatchObject({ closed: true, finalStatus: { hiv: { status: 'not_infected' } } });
    const stale = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure/final`, {
      infection: 'hiv',
      status: 'infected',
      decidedOn: daysAgo(0),
      version: test.body.version,
    });
    expect(stale.status).toBe(409);
  });
});
