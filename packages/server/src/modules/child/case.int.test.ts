import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';

let w: ChildWorld;
beforeAll(async () => {
  w = await childWorld();
});
afterAll(async () => w?.s.close());

/** A child with a proposed case of `kind` from a check-up. */
async function proposed(kind: string, checkup: Record<string, unknown>, ageDays = 200, sex = 'male') {
  const child = await registerChild(w.dh, ageDays, { sex });
  const r = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(10), ...checkup });
  expect(r.status).toBe(201);
  const p = r.body.proposals.find((x: { kind: string }) => x.kind === kind);
  expect(p?.caseId).toBeTruthy();
  const c = await w.dh.get(`/api/v1/child-cases/${p.caseId}`);
  return { personId: child.person.id as string, caseId: p.caseId as string, c: c.body };
}

describe('case flows: proposal → confirm → follow-up → referral with receipt → closure', () => {
  it('undernutrition: confirmed, followed up, referred, receipt, closed cured once z-scores recover', async () => {
    const { caseId, c } = await proposed('undernutrition', { weightKg: 5.6, lengthCm: 65 });
    expect(c).toMatchObject({ status: 'proposed', kind: 'undernutrition' });
    const conf = await w.dh.post(`/api/v1/child-cases/${caseId}/confirm`, { version: c.version, openedOn: daysAgo(9) });
    expect(conf.status).toBe(200);
    expect(conf.body.status).toBe('open');
    const fu = await w.dh.post(`/api/v1/child-cases/${caseId}/followups`, {
      followupDate: daysAgo(1),
      weightKg: 8.2,
      lengthCm: 68.5,
      treatment: '膳食指导',
      nextDue: daysAgo(-30),
    });
    expect(fu.status).toBe(201);
    expect(fu.body.zscores.waz).toBeGreaterThan(-2);
    expect(fu.body.case.nextFollowUpDue).toBe(daysAgo(-30));
    const ref = await w.dh.post(`/api/v1/child-cases/${caseId}/referrals`, {
      referredOn: daysAgo(1),
      toInstitutionName: '舟山市妇幼保健院',
      reason: '重度低体重',
    });
    expect(ref.status).toBe(201);
    const rec = await w.dh.post(`/api/v1/child-referrals/${ref.body.id}/receipt`, {
      version: ref.body.version,
      receiptOn: daysAgo(0),
      diagnosis: '营养不良，无器质性疾病',
    });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ status: 'received', receiptDiagnosis: '营养不良，无器质性疾病' });
    const detail = await w.dh.get(`/api/v1/child-cases/${caseId}`);
    expect(detail.body.followups).toHaveLength(1);
    expect(detail.body.referrals[0].status).toBe('received');
    const close = await w.dh.post(`/api/v1/child-cases/${caseId}/close`, {
      version: detail.body.version,
      closedOn: daysAgo(0),
      outcome: 'cured',
    });
    expect(close.status).toBe(200);
    expect(close.body).toMatchObject({ status: 'closed', outcome: 'cured' });
  });

  it('anaemia: dismissing needs a reason; a dismissed proposal is not open', async () => {
    const { caseId, c } = await proposed('anaemia', { hbGL: 100 }, 300, 'female');
    const noReason = await w.dh.post(`/api/v1/child-cases/${caseId}/dismiss`, { version: c.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('reason');
    const ok = await w.dh.post(`/api/v1/child-cases/${caseId}/dismiss`, { version: c.version, reason: '复查Hb正常' });
    expect(ok.body.status).toBe('dismissed');
    const again = await w.dh.post(`/api/v1/child-cases/${caseId}/confirm`, {
      version: ok.body.version,
      openedOn: daysAgo(0),
    });
    expect(again.status).toBe(409);
  });

  it('overweight/obesity: proposed from weight-for-length ≥ +2 SD (China 2012 rules)', async () => {
    const { c } = await proposed('overweight_obesity', { weightKg: 11.5, lengthCm: 68 }, 250, 'male');
    expect(c.severity).toBe('obesity');
  });

  it('a stale confirmation is 409 and another county cannot see the case', async () => {
    const { caseId, c } = await proposed('undernutrition', { weightKg: 5.4 }, 210);
    const other = await w.pt.get(`/api/v1/child-cases/${caseId}`);
    expect(other.status).toBe(404);
    const stale = await w.dh.post(`/api/v1/child-cases/${caseId}/confirm`, {
      version: c.version + 5,
      openedOn: daysAgo(0),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('opens a rickets case directly, lists overdue follow-ups in the ledger, and exports xlsx with masked ids', async () => {
    const child = await registerChild(w.dh, 400, { name: '台账宝宝' });
    const open = await w.dh.post(`/api/v1/children/${child.person.id}/cases`, {
      kind: 'rickets',
      severity: 'active',
      openedOn: daysAgo(60),
    });
    expect(open.status).toBe(201);
    const dup = await w.dh.post(`/api/v1/children/${child.person.id}/cases`, { kind: 'rickets', openedOn: daysAgo(1) });
    expect(dup.status).toBe(409);
    const fu = await w.dh.post(`/api/v1/child-cases/${open.body.id}/followups`, {
      followupDate: daysAgo(50),
      treatment: '维生素D 2000 IU/日',
      nextDue: daysAgo(20),
    });
    expect(fu.body.case.overdue).toBe(true);
    const ledger = await w.dh.get('/api/v1/child-cases?overdue=true&kind=rickets&pageSize=5');
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.map((i: { id: string }) => i.id)).toContain(open.body.id);
    expect(ledger.body.items[0]).toMatchObject({ childName: '台账宝宝', overdue: true, followups: 1 });
    const res = await fetch(`${w.s.url}/api/v1/child-cases/export.xlsx?kind=rickets`, {
      headers: { cookie: w.dh.cookie! },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    expect(ws.getRow(2).getCell(1).value).toBe('台账宝宝');
    const theirs = await w.pt.get('/api/v1/child-cases?kind=rickets');
    expect(theirs.body.total).toBe(0);
  });

  it('the ledger paginates and rejects a bad filter naming the field', async () => {
    const page = await w.dh.get('/api/v1/child-cases?pageSize=2&page=1');
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    expect(page.body.total).toBeGreaterThan(2);
    const bad = await w.dh.get('/api/v1/child-cases?kind=flu');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('kind');
  });
});

describe('under-5 deaths and childcare facilities', () => {
  it('a submitted death card alerts the county supervisor and closes the record', async () => {
    const child = await registerChild(w.dh, 50);
    const bad = await w.dh.post(`/api/v1/children/${child.person.id}/death`, {
      deathDate: daysAgo(2),
      deathPlace: 'home',
      underlyingCause: '肺炎',
      icd10: 'pneumonia',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('icd10');
    const d = await w.dh.post(`/api/v1/children/${child.person.id}/death`, {
      deathDate: daysAgo(2),
      deathPlace: 'county_hospital',
      careBeforeDeath: 'county_hospital',
      diagnosisLevel: 'county',
      diagnosisBasis: 'clinical',
      underlyingCause: '肺炎',
      icd10: 'j18.9',
    });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({
      icd10: 'J18.9',
      ageDays: 48,
      ageGroup: 'post_neonatal',
      causeCategory: 'respiratory',
      status: 'draft',
      birthWeightG: 3300,
    });
    const sub = await w.dh.post(`/api/v1/child-deaths/${d.body.id}/submit`, { version: d.body.version });
    expect(sub.body.status).toBe('submitted');
    const alerts = await w.sup.get('/api/v1/child-alerts');
    expect(alerts.status).toBe(200);
    expect(alerts.body.find((a: { entityId: string }) => a.entityId === d.body.id)).toMatchObject({
      kind: 'child_death',
      acknowledged: false,
    });
    const clinicianAlerts = await w.dh.get('/api/v1/child-alerts');
    expect(clinicianAlerts.status).toBe(403);
    const person = await w.dh.get(`/api/v1/people/${child.person.id}`);
    expect(person.body.deceasedOn).toBe(daysAgo(2));
    const byClinician = await w.dh.post(`/api/v1/child-deaths/${d.body.id}/reviews`, {
      level: 'county',
      reviewedOn: daysAgo(0),
      conclusion: 'avoidable',
    });
    expect(byClinician.status).toBe(403);
    const review = await w.sup.post(`/api/v1/child-deaths/${d.body.id}/reviews`, {
      level: 'county',
      reviewedOn: daysAgo(0),
      conclusion: 'conditionally_avoidable',
      factors: {
        'health_system.knowledge_skill': '基层未及时识别重症肺炎',
        'personal_family.knowledge_skill': '家长就医延迟',
      },
      actions: '加强基层儿科培训',
    });
    expect(review.status).toBe(201);
    expect(review.body.reviews[0]).toMatchObject({ level: 'county', conclusion: 'conditionally_avoidable' });
    // the list carries each death's reviews, with the note of every ticked cell
    const listed = await w.sup.get('/api/v1/child-deaths?pageSize=100');
    const mine = listed.body.items.find((i: { id: string }) => i.id === d.body.id);
    expect(mine.reviews).toEqual([
      expect.objectContaining({
        level: 'county',
        factors: {
          'health_system.knowledge_skill': '基层未及时识别重症肺炎',
          'personal_family.knowledge_skill': '家长就医延迟',
        },
        actions: '加强基层儿科培训',
      }),
    ]);
    expect(listed.body.items.filter((i: { reviews: unknown[] }) => i.reviews.length === 0).length).toBe(
      listed.body.items.length - 1,
    );
    const twice = await w.sup.post(`/api/v1/child-deaths/${d.body.id}/reviews`, {
      level: 'county',
      reviewedOn: daysAgo(0),
      conclusion: 'avoidable',
    });
    expect(twice.status).toBe(409);
    const badCell = await w.sup.post(`/api/v1/child-deaths/${d.body.id}/reviews`, {
      level: 'city',
      reviewedOn: daysAgo(0),
      conclusion: 'avoidable',
      factors: { 'weather.mood': 'x' },
    });
    expect(badCell.status).toBe(400);
  });

  it('refuses a death at or after the fifth birthday on the under-5 card', async () => {
    const child = await registerChild(w.dh, 5 * 366);
    const r = await w.dh.post(`/api/v1/children/${child.person.id}/death`, {
      deathDate: daysAgo(0),
      deathPlace: 'home',
      underlyingCause: '溺水',
      icd10: 'W69',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe('deathDate');
  });

  it('records the annual evaluation of a childcare facility and counts qualified ones', async () => {
    const fac = await w.s.institution('330902', { type: 'childcare_facility' });
    const yr = Number(daysAgo(0).slice(0, 4));
    const clinician = await w.dh.request('PUT', `/api/v1/childcare-facilities/${fac}/evaluation`, {
      year: yr,
      evaluatedOn: daysAgo(0),
      qualified: true,
      assessor: '张医生',
    });
    expect(clinician.status).toBe(403);
    const r = await w.sup.request('PUT', `/api/v1/childcare-facilities/${fac}/evaluation`, {
      year: yr,
      evaluatedOn: daysAgo(0),
      qualified: true,
      score: 92,
      assessor: '张医生',
    });
    expect(r.status).toBe(201);
    const list = await w.sup.get(`/api/v1/childcare-facilities?year=${yr}`);
    expect(list.body.items.find((i: { institutionId: string }) => i.institutionId === fac).evaluation).toMatchObject({
      qualified: true,
      score: 92,
    });
    expect(list.body.qualified).toBeGreaterThanOrEqual(1);
    const notFacility = await w.sup.request('PUT', `/api/v1/childcare-facilities/${w.inst}/evaluation`, {
      year: yr,
      evaluatedOn: daysAgo(0),
      qualified: false,
      assessor: '张医生',
    });
    expect(notFacility.status).toBe(404);
  });
});

describe('birth-based cases, follow-up schedule and closure criteria from core', () => {
  it('proposes a high-risk preterm case once, with its follow-up due by corrected age', async () => {
    const child = await registerChild(w.dh, 40, {
      gestationalWeeks: 32,
      gestationalDays: 0,
      birthWeightG: 1700,
      apgar1: 6,
    });
    const r = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(0), weightKg: 2.6 });
    const kinds = r.body.proposals.map((p: { kind: string }) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['preterm', 'high_risk_infant']));
    const preterm = r.body.proposals.find((p: { kind: string }) => p.kind === 'preterm');
    expect(preterm.severity).toBe('high');
    const hr = r.body.proposals.find((p: { kind: string }) => p.kind === 'high_risk_infant');
    expect(hr.subtypes).toEqual(expect.arrayContaining(['preterm', 'low_birth_weight', 'asphyxia']));
    const c = await w.dh.get(`/api/v1/child-cases/${preterm.caseId}`);
    const conf = await w.dh.post(`/api/v1/child-cases/${preterm.caseId}/confirm`, {
      version: c.body.version,
      openedOn: daysAgo(0),
    });
    // born 40 days ago at 32+0: corrected age below 1 month → high risk every 2 weeks
    expect(conf.body.nextFollowUpDue).toBe(daysAgo(-14));
    const dismissHr = await w.dh.get(`/api/v1/child-cases/${hr.caseId}`);
    await w.dh.post(`/api/v1/child-cases/${hr.caseId}/dismiss`, {
      version: dismissHr.body.version,
      reason: '已纳入早产儿专案',
    });
    const again = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(0),
      weightKg: 2.7,
    });
    expect(again.body.proposals.find((p: { kind: string }) => p.kind === 'high_risk_infant')).toMatchObject({
      existing: true,
    });
  });

  it('an undernutrition follow-up is due a month later, and "cured" is refused while a z-score is below −2 SD', async () => {
    const { caseId, c } = await proposed('undernutrition', { weightKg: 5.5, lengthCm: 63 }, 200);
    await w.dh.post(`/api/v1/child-cases/${caseId}/confirm`, { version: c.version, openedOn: daysAgo(10) });
    const fu = await w.dh.post(`/api/v1/child-cases/${caseId}/followups`, {
      followupDate: daysAgo(0),
      weightKg: 5.9,
      lengthCm: 64,
    });
    expect(fu.body.case.nextFollowUpDue).toBe(daysAgo(-30));
    expect(fu.body.closure.met).toBe(false);
    const refused = await w.dh.post(`/api/v1/child-cases/${caseId}/close`, {
      version: fu.body.case.version,
      closedOn: daysAgo(0),
      outcome: 'cured',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CLOSURE_CRITERIA_NOT_MET');
    expect(refused.body.error.fields[0].field).toBe('outcome');
    const transferred = await w.dh.post(`/api/v1/child-cases/${caseId}/close`, {
      version: fu.body.case.version,
      closedOn: daysAgo(0),
      outcome: 'transferred',
      note: '迁往外地',
    });
    expect(transferred.body).toMatchObject({ status: 'closed', outcome: 'transferred' });
  });

  it('checks the developmental warning signs against the checklist of the age', async () => {
    const child = await registerChild(w.dh, 560); // about 18 months
    const page = await w.dh.get(`/api/v1/children/${child.person.id}`);
    expect(page.body.warningSigns.ageMonths).toBe(18);
    expect(page.body.warningSigns.signs).toHaveLength(4);
    const ok = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(0),
      warningSigns: { checked: ['ws18_4'] },
    });
    expect(ok.body.warningSigns).toMatchObject({ ageMonths: 18, positive: true, checked: ['ws18_4'] });
    const wrong = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(0),
      warningSigns: { checked: ['ws3_1'] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('warningSigns.checked');
  });
});
