/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

let w: WomenWorld;
beforeAll(async () => {
  w = await womenWorld();
});
afterAll(async () => w?.s.close());

const test = (personId: string, extra: Record<string, unknown>) =>
  w.dh.post('/api/v1/thalassaemia-tests', { personId, testDate: daysAgo(10), ...extra });

describe('thalassaemia tests: validation, interpretation (core), reuse of a result on file', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['indices without MCV', { kind: 'blood_indices', mchPg: 22 }, 'mcvFl'],
    ['Hb analysis without HbA2', { kind: 'hb_analysis', mcvFl: 65, mchPg: 20 }, 'hba2Pct'],
    ['a gene test without the status', { kind: 'gene_test', geneResult: '--SEA/αα' }, 'carrierStatus'],
    ['an MCV of 500', { kind: 'blood_indices', mcvFl: 500, mchPg: 20 }, 'mcvFl'],
    ['an unknown kind', { kind: 'ferritin' }, 'kind'],
  ])('refuses %s', async (_t, extra, field) => {
    const p = await registerPerson(w.dh);
    const r = await test(p, extra);
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe(field);
  });

  it('HbA2 5.2% suggests β and asks for a gene test; the same test again is refused while valid (409)', async () => {
    const p = await registerPerson(w.dh);
    const r = await test(p, { kind: 'hb_analysis', mcvFl: 65, mchPg: 20, hba2Pct: 5.2, source: 'premarital' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ suspicion: 'beta', nextStep: 'beta_gene_test', carrierStatus: 'suspected_beta' });
    const q = await w.dh.get(`/api/v1/people/${p}/thalassaemia/retest?kind=hb_analysis`);
    expect(q.body).toMatchObject({ retest: false, reason: 'valid_result_on_file' });
    expect(q.body.reuseTest.id).toBe(r.body.id);
    const again = await test(p, { kind: 'hb_analysis', mcvFl: 66, mchPg: 20, hba2Pct: 5.0, source: 'preconception' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RESULT_ON_FILE');
    const forced = await test(p, { kind: 'hb_analysis', mcvFl: 66, mchPg: 20, hba2Pct: 5.0, retestReason: '结果存疑' });
    expect(forced.status).toBe(201);
    expect(forced.body.retestReason).toBe('结果存疑');
  });

  it('a gene test on file answers "no new test" for indices (superseded); expired indices need a new test', async () => {
    const p = await registerPerson(w.dh);
    await test(p, { kind: 'blood_indices', mcvFl: 88, mchPg: 30, testDate: daysAgo(500) });
    const expired = await w.dh.get(`/api/v1/people/${p}/thalassaemia/retest?kind=blood_indices`);
    expect(expired.body).toMatchObject({ retest: true, reason: 'expired' });
    await test(p, { kind: 'gene_test', carrierStatus: 'alpha', geneResult: '--SEA/αα' });
    const now = await w.dh.get(`/api/v1/people/${p}/thalassaemia/retest?kind=blood_indices`);
    expect(now.body).toMatchObject({ retest: false, reason: 'superseded_by_valid_result' });
    expect(now.body.status).toMatchObject({ status: 'alpha', confirmed: true });
    const none = await registerPerson(w.dh);
    const first = await w.dh.get(`/api/v1/people/${none}/thalassaemia/retest?kind=gene_test`);
    expect(first.body).toMatchObject({ retest: true, reason: 'none_on_file' });
    expect((await w.pt.get(`/api/v1/people/${p}/thalassaemia/retest?kind=gene_test`)).status).toBe(404);
  });
});

describe('couple risk and counselling', () => {
  it('α + α gene-confirmed: high risk; counselling once (422 twice); low-risk couples refuse it', async () => {
    const f = await registerPerson(w.dh, { age: 27 });
    const m = await registerPerson(w.dh, { age: 29, sex: 'male' });
    await test(f, { kind: 'gene_test', carrierStatus: 'alpha' });
    const undetermined = await w.dh.post('/api/v1/thalassaemia-couples', { femalePersonId: f, malePersonId: m });
    expect(undetermined.status).toBe(201);
    expect(undetermined.body).toMatchObject({
      risk: 'undetermined',
      actions: ['partner_screening'],
      maleStatus: 'not_tested',
    });
    const dup = await w.dh.post('/api/v1/thalassaemia-couples', { femalePersonId: f, malePersonId: m });
    expect(dup.status).toBe(409);
    await test(m, { kind: 'gene_test', carrierStatus: 'alpha' });
    const stale = await w.dh.post(`/api/v1/thalassaemia-couples/${undetermined.body.id}/reassess`, { version: 5 });
    expect(stale.status).toBe(409);
    const high = await w.dh.post(`/api/v1/thalassaemia-couples/${undetermined.body.id}/reassess`, {
      version: undetermined.body.version,
    });
    expect(high.body).toMatchObject({
      risk: 'high',
      sharedType: 'alpha',
      actions: ['genetic_counselling', 'prenatal_diagnosis'],
      pending: true,
    });
    const pending = await w.dh.get('/api/v1/thalassaemia-couples?pending=true&pageSize=200');
    expect(pending.body.items.some((c: any) => c.id === high.body.id)).toBe(true);
    const c = await w.dh.post(`/api/v1/thalassaemia-couples/${high.body.id}/counselling`, {
      version: high.body.version,
      date: daysAgo(0),
      prenatalDiagnosisReferred: true,
    });
    expect(c.body).toMatchObject({ counsellingOn: daysAgo(0), prenatalDiagnosisReferred: true, pending: false });
    const twice = await w.dh.post(`/api/v1/thalassaemia-couples/${high.body.id}/counselling`, {
      version: c.body.version,
      date: daysAgo(0),
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');

    const f2 = await registerPerson(w.dh);
    const m2 = await registerPerson(w.dh, { sex: 'male' });
    await test(f2, { kind: 'blood_indices', mcvFl: 90, mchPg: 31 });
    const low = await w.dh.post('/api/v1/thalassaemia-couples', { femalePersonId: f2, malePersonId: m2 });
    expect(low.body.risk).toBe('low');
    const refused = await w.dh.post(`/api/v1/thalassaemia-couples/${low.body.id}/counselling`, {
      version: low.body.version,
      date: daysAgo(0),
    });
    expect(refused.status).toBe(422);
    expect((await w.pt.get(`/api/v1/thalassaemia-couples/${low.body.id}`)).status).toBe(404);
    const hist = await w.dh.get(`/api/v1/people/${m}/thalassaemia`);
    expect(hist.body.status).toMatchObject({ status: 'alpha', confirmed: true });
    expect(hist.body.couples[0].risk).toBe('high');
    expect(hist.body.retest.gene_test.retest).toBe(false);
    const carriers = await w.dh.get('/api/v1/thalassaemia-tests?carrier=true&pageSize=200');
    expect(carriers.body.items.every((i: any) => !['none', 'not_tested'].includes(i.carrierStatus))).toBe(true);
    const x = await w.dh.request('GET', '/api/v1/thalassaemia-tests/export.xlsx');
    expect(x.status).toBe(200);
  });
});
