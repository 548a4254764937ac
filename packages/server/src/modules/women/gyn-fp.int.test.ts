/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

let w: WomenWorld;
let campaign: any;
beforeAll(async () => {
  w = await womenWorld();
  const year = Number(daysAgo(0).slice(0, 4));
  const r = await w.dh.post('/api/v1/gyn-survey-campaigns', {
    countyCode: '330902',
    name: `${year}年妇女病普查`,
    year,
    startDate: daysAgo(60),
    endDate: daysAgo(-30),
    targetPopulation: 200,
  });
  campaign = r.body;
});
afterAll(async () => w?.s.close());

describe('gynaecological survey', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a referral without where to', { findings: ['uterine_myoma'], disposition: 'referred' }, 'referralTo'],
    ['treatment without what', { findings: ['cervicitis'], disposition: 'treated' }, 'treatment'],
    ['a disposition without findings', { findings: [], disposition: 'follow_up' }, 'findings'],
    ['an exam before the campaign', { findings: [], disposition: 'none', examDate: daysAgo(90) }, 'examDate'],
    ['an unknown finding', { findings: ['flu'], disposition: 'none' }, 'findings.0'],
  ])('refuses %s', async (_t, extra, field) => {
    const p = await registerPerson(w.dh, { age: 40 });
    const r = await w.dh.post('/api/v1/gyn-survey-exams', {
      campaignId: campaign.id,
      personId: p,
      examDate: daysAgo(5),
      ...extra,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe(field);
  });

  it('records findings, counts coverage over the target, lists the referral follow-up and refuses it twice', async () => {
    const other = await w.pt.post('/api/v1/gyn-survey-campaigns', {
      countyCode: '330902',
      name: 'x',
      year: 2025,
      startDate: daysAgo(1),
      endDate: daysAgo(0),
      targetPopulation: 1,
    });
    expect(other.status).toBe(400);
    const p = await registerPerson(w.dh, { age: 45 });
    const r = await w.dh.post('/api/v1/gyn-survey-exams', {
      campaignId: campaign.id,
      personId: p,
      examDate: daysAgo(40),
      findings: ['uterine_myoma', 'cervicitis'],
      disposition: 'referred',
      referralTo: '舟山市妇幼保健院',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ inTarget: true, age: 44, followUpDue: daysAgo(10), followUpOverdue: true });
    const dup = await w.dh.post('/api/v1/gyn-survey-exams', {
      campaignId: campaign.id,
      personId: p,
      examDate: daysAgo(3),
      disposition: 'none',
    });
    expect(dup.status).toBe(409);
    const c = (await w.dh.get('/api/v1/gyn-survey-campaigns')).body.find((x: any) => x.id === campaign.id);
    expect(c.examined).toBeGreaterThanOrEqual(1);
    expect(c.coverage).toBeCloseTo(c.inTargetExamined / 200, 10);
    expect(c.findings.uterine_myoma).toBeGreaterThanOrEqual(1);
    const overdue = await w.dh.get('/api/v1/gyn-survey-exams?followUp=overdue&pageSize=200');
    expect(overdue.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    const byFinding = await w.dh.get('/api/v1/gyn-survey-exams?finding=uterine_myoma&pageSize=200');
    expect(byFinding.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    const fu = await w.dh.post(`/api/v1/gyn-survey-exams/${r.body.id}/follow-up`, {
      version: r.body.version,
      date: daysAgo(0),
      outcome: '确诊子宫肌瘤，定期复查',
    });
    expect(fu.status).toBe(200);
    const twice = await w.dh.post(`/api/v1/gyn-survey-exams/${r.body.id}/follow-up`, {
      version: fu.body.version,
      date: daysAgo(0),
      outcome: 'x',
    });
    expect(twice.status).toBe(422);
    const stale = await w.dh.patch(`/api/v1/gyn-survey-campaigns/${campaign.id}`, {
      version: 99,
      targetPopulation: 250,
    });
    expect(stale.status).toBe(409);
    expect((await w.pt.get(`/api/v1/people/${p}/gyn-pelvic`)).status).toBe(404);
    expect((await w.dh.request('GET', '/api/v1/gyn-survey-exams/export.xlsx')).status).toBe(200);
  });
});

describe('pelvic floor', () => {
  it('Oxford grade 2 → rehabilitation; sessions until the course completes; then no more (422)', async () => {
    const p = await registerPerson(w.dh, { age: 30 });
    const bad = await w.dh.post('/api/v1/pelvic-floor-screenings', {
      personId: p,
      screeningDate: daysAgo(10),
      muscleStrength: 7,
      popStage: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('muscleStrength');
    const r = await w.dh.post('/api/v1/pelvic-floor-screenings', {
      personId: p,
      screeningDate: daysAgo(40),
      deliveryDate: daysAgo(85),
      muscleStrength: 2,
      popStage: 1,
      stressIncontinence: true,
      plannedSessions: 2,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      rehabIndicated: true,
      reasons: ['weak_muscle', 'stress_incontinence'],
      status: 'rehab_planned',
      postpartumDays: 45,
      inWindow: true,
      overdue: true,
    });
    const overdue = await w.dh.get('/api/v1/pelvic-floor-screenings?overdue=true&pageSize=200');
    expect(overdue.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    const s1 = await w.dh.post(`/api/v1/pelvic-floor-screenings/${r.body.id}/sessions`, {
      version: r.body.version,
      sessionDate: daysAgo(20),
      modality: 'biofeedback',
    });
    expect(s1.body).toMatchObject({ status: 'in_rehab' });
    const early = await w.dh.post(`/api/v1/pelvic-floor-screenings/${r.body.id}/sessions`, {
      version: s1.body.version,
      sessionDate: daysAgo(25),
      modality: 'biofeedback',
    });
    expect(early.status).toBe(400);
    const s2 = await w.dh.post(`/api/v1/pelvic-floor-screenings/${r.body.id}/sessions`, {
      version: s1.body.version,
      sessionDate: daysAgo(10),
      modality: 'electrical_stimulation',
      muscleStrengthAfter: 4,
    });
    expect(s2.body).toMatchObject({ status: 'completed' });
    expect(s2.body.sessions).toHaveLength(2);
    const s3 = await w.dh.post(`/api/v1/pelvic-floor-screenings/${r.body.id}/sessions`, {
      version: s2.body.version,
      sessionDate: daysAgo(1),
      modality: 'kegel_training',
    });
    expect(s3.status).toBe(422);
    expect(s3.body.error.code).toBe('INVALID_TRANSITION');
    const normal = await w.dh.post('/api/v1/pelvic-floor-screenings', {
      personId: p,
      screeningDate: daysAgo(1),
      muscleStrength: 5,
      popStage: 0,
    });
    expect(normal.body).toMatchObject({ status: 'no_rehab', rehabIndicated: false });
    const refused = await w.dh.post(`/api/v1/pelvic-floor-screenings/${normal.body.id}/decline`, {
      version: normal.body.version,
    });
    expect(refused.status).toBe(422);
    expect((await w.pt.get(`/api/v1/pelvic-floor-screenings/${r.body.id}`)).status).toBe(404);
    expect((await w.dh.request('GET', '/api/v1/pelvic-floor-screenings/export.xlsx')).status).toBe(200);
  });
});

describe('family planning, contraceptive stock, post-abortion care', () => {
  it('checks the sex and the complications of a service; IUD removal after menopause needs the LMP', async () => {
    const p = await registerPerson(w.dh, { age: 52 });
    const man = await registerPerson(w.dh, { sex: 'male' });
    const wrongSex = await w.dh.post('/api/v1/family-planning-services', {
      personId: man,
      serviceDate: daysAgo(1),
      service: 'iud_insertion',
    });
    expect(wrongSex.status).toBe(400);
    expect(wrongSex.body.error.code).toBe('WRONG_SEX');
    const wrongComp = await w.dh.post('/api/v1/family-planning-services', {
      personId: p,
      serviceDate: daysAgo(1),
      service: 'iud_insertion',
      complications: ['painful_nodule'],
    });
    expect(wrongComp.status).toBe(400);
    expect(wrongComp.body.error.fields[0].field).toBe('complications');
    const noLmp = await w.dh.post('/api/v1/family-planning-services', {
      personId: p,
      serviceDate: daysAgo(1),
      service: 'iud_removal_postmenopause',
    });
    expect(noLmp.body.error.fields[0].field).toBe('lastMenstrualPeriod');
    const ok = await w.dh.post('/api/v1/family-planning-services', {
      personId: p,
      serviceDate: daysAgo(1),
      service: 'iud_removal_postmenopause',
      lastMenstrualPeriod: daysAgo(250),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.iudRemoval.status).toBe('due');
    const v = await w.dh.post('/api/v1/family-planning-services', {
      personId: man,
      serviceDate: daysAgo(1),
      service: 'vasectomy',
      complications: ['painful_nodule'],
    });
    expect(v.status).toBe(201);
    const list = await w.dh.get('/api/v1/family-planning-services?complication=true&pageSize=200');
    expect(list.body.items.some((i: any) => i.id === v.body.id)).toBe(true);
    expect((await w.dh.request('GET', '/api/v1/family-planning-services/export.xlsx')).status).toBe(200);
  });

  it('keeps the stock: receipts, issues to a woman, no issue beyond the balance (422), other county refused', async () => {
    const p = await registerPerson(w.dh, { age: 30 });
    const rec = await w.dh.post('/api/v1/contraceptive-stock', {
      item: 'male_condom',
      movementDate: daysAgo(5),
      kind: 'receipt',
      quantity: 100,
      batchNo: 'B2026',
    });
    expect(rec.status).toBe(201);
    expect(rec.body.balance).toBe(100);
    const issue = await w.dh.post('/api/v1/contraceptive-stock', {
      item: 'male_condom',
      movementDate: daysAgo(1),
      kind: 'issue',
      quantity: 30,
      personId: p,
    });
    expect(issue.body).toMatchObject({ quantity: -30, balance: 70 });
    const tooMany = await w.dh.post('/api/v1/contraceptive-stock', {
      item: 'male_condom',
      movementDate: daysAgo(0),
      kind: 'issue',
      quantity: 71,
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe('INSUFFICIENT_STOCK');
    const notSupply = await w.dh.post('/api/v1/contraceptive-stock', {
      item: 'iud_insertion',
      movementDate: daysAgo(0),
      kind: 'receipt',
      quantity: 1,
    });
    expect(notSupply.status).toBe(400);
    const otherInst = await w.dh.post('/api/v1/contraceptive-stock', {
      institutionId: w.ptInst,
      item: 'male_condom',
      movementDate: daysAgo(0),
      kind: 'receipt',
      quantity: 5,
    });
    expect(otherInst.status).toBe(400);
    expect(otherInst.body.error.fields[0].field).toBe('institutionId');
    const bal = await w.dh.get(`/api/v1/contraceptive-stock/balances?institutionId=${w.inst}`);
    expect(bal.body.find((b: any) => b.item === 'male_condom')).toMatchObject({
      received: 100,
      issued: 30,
      issuesToPeople: 1,
      balance: 70,
    });
    const hist = await w.dh.get(`/api/v1/people/${p}/family-planning`);
    expect(hist.body.issues[0]).toMatchObject({ item: 'male_condom', quantity: -30 });
    expect((await w.dh.request('GET', '/api/v1/contraceptive-stock/movements/export.xlsx')).status).toBe(200);
  });

  it('post-abortion care: highly effective contraception, follow-ups on the schedule, then none left (422)', async () => {
    const p = await registerPerson(w.dh, { age: 28 });
    const ab = await w.dh.post('/api/v1/family-planning-services', {
      personId: p,
      serviceDate: daysAgo(400),
      service: 'surgical_abortion',
    });
    const wrongLink = await w.dh.post('/api/v1/post-abortion-care', {
      personId: p,
      abortionDate: daysAgo(400),
      abortionService: 'surgical_abortion',
      familyPlanningServiceId: (
        await w.dh.post('/api/v1/family-planning-services', {
          personId: p,
          serviceDate: daysAgo(400),
          service: 'combined_oral_contraceptive',
        })
      ).body.id,
    });
    expect(wrongLink.status).toBe(400);
    const r = await w.dh.post('/api/v1/post-abortion-care', {
      personId: p,
      abortionDate: daysAgo(400),
      abortionService: 'surgical_abortion',
      familyPlanningServiceId: ab.body.id,
      careItems: ['individual_counselling', 'immediate_contraception'],
      contraceptionMethod: 'iud_insertion',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ contraceptionClass: 'highly_effective', followUpOverdue: true });
    const overdue = await w.dh.get('/api/v1/post-abortion-care?overdue=true&pageSize=200');
    expect(overdue.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    let cur = r.body;
    for (const d of [360, 300, 200, 30]) {
      const fu = await w.dh.post(`/api/v1/post-abortion-care/${r.body.id}/follow-ups`, {
        version: cur.version,
        date: daysAgo(d),
      });
      expect(fu.status).toBe(200);
      cur = fu.body;
    }
    expect(cur.followUps.map((f: any) => f.month)).toEqual([1, 3, 6, 12]);
    expect(cur.nextFollowUpDue).toBeNull();
    const more = await w.dh.post(`/api/v1/post-abortion-care/${r.body.id}/follow-ups`, {
      version: cur.version,
      date: daysAgo(0),
    });
    expect(more.status).toBe(422);
    const stale = await w.dh.post(`/api/v1/post-abortion-care/${r.body.id}/follow-ups`, {
      version: 1,
      date: daysAgo(0),
    });
    expect(stale.status).toBe(409);
    expect((await w.dh.request('GET', '/api/v1/post-abortion-care/export.xlsx')).status).toBe(200);
  });
});
