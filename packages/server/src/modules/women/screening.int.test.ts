/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

let w: WomenWorld;
beforeAll(async () => {
  w = await womenWorld();
});
afterAll(async () => w?.s.close());

const cervical = (personId: string, extra: Record<string, unknown> = {}) => ({
  personId,
  kind: 'cervical',
  method: 'hpv',
  screeningDate: daysAgo(2),
  cohort: 'rural',
  ...extra,
});

async function screen(personId: string, extra: Record<string, unknown> = {}) {
  const r = await w.dh.post('/api/v1/cancer-screenings', cervical(personId, extra));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function step(caseId: string, body: Record<string, unknown>, client = w.dh) {
  const cur = await client.get(`/api/v1/cancer-screening-cases/${caseId}`);
  return client.post(`/api/v1/cancer-screening-cases/${caseId}/steps`, { version: cur.body.version, ...body });
}

describe('two-cancer screening form: validation', () => {
  it.each<[string, Record<string, unknown>, string, string?]>([
    ['a method of the other cancer', { method: 'mammography' }, 'method'],
    ['a breast result on a cervical record', { ultrasoundBirads: '2' }, 'ultrasoundBirads'],
    ['an unknown TBS category', { cytology: 'XYZ' }, 'cytology'],
    ['an unrecognised HPV type', { hpvTypes: ['abc'] }, 'hpvTypes', 'INVALID_HPV_TYPE'],
    ['a screening date in the future', { screeningDate: daysAgo(-3) }, 'screeningDate'],
    ['a bad cohort', { cohort: 'city' }, 'cohort'],
    ['a co-test without cytology', { method: 'co_test', hpvTypes: [] }, 'cytology', 'METHOD_RESULT_MISSING'],
  ])('refuses %s, naming the field', async (_t, extra, field, code) => {
    const personId = await registerPerson(w.dh);
    const r = await w.dh.post('/api/v1/cancer-screenings', cervical(personId, extra));
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe(field);
    if (code) expect(r.body.error.code).toBe(code);
  });

  it('refuses a man (WRONG_SEX) and a person of another county (field personId)', async () => {
    const man = await registerPerson(w.dh, { sex: 'male' });
    const r = await w.dh.post('/api/v1/cancer-screenings', cervical(man));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'WRONG_SEX' });
    const other = await registerPerson(w.pt, { county: '330903' });
    const r2 = await w.dh.post('/api/v1/cancer-screenings', cervical(other));
    expect(r2.status).toBe(400);
    expect(r2.body.error.fields[0].field).toBe('personId');
  });

  it('refuses a woman aged 30 in the funded programme (35–64) but records her outside it', async () => {
    const young = await registerPerson(w.dh, { age: 30 });
    const r = await w.dh.post('/api/v1/cancer-screenings', cervical(young, { hpvTypes: [] }));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'NOT_ELIGIBLE' });
    expect(r.body.error.fields[0]).toMatchObject({ field: 'funded' });
    expect(r.body.error.fields[0].messageZh).toContain('未达到筛查年龄');
    const ok = await w.dh.post('/api/v1/cancer-screenings', cervical(young, { hpvTypes: [], funded: false }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ eligible: false, funded: false, ageAtScreening: 30 });
  });

  it('is idempotent on a client id and refuses a second record of the same kind on the same day', async () => {
    const personId = await registerPerson(w.dh);
    const id = randomUUID();
    const a = await w.dh.post('/api/v1/cancer-screenings', cervical(personId, { id, hpvTypes: [] }));
    expect(a.status).toBe(201);
    const again = await w.dh.post('/api/v1/cancer-screenings', cervical(personId, { id, hpvTypes: [] }));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    const dup = await w.dh.post('/api/v1/cancer-screenings', cervical(personId, { hpvTypes: [] }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_SCREENING');
  });
});

describe('two-cancer screening: the pathway next step from core', () => {
  it('HPV negative: normal, re-screen in 5 years, no case', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: [] });
    expect(s).toMatchObject({ status: 'normal', nextStep: 'routine_rescreen', hpvCategory: 'negative', case: null });
    expect(s.nextDueOn.slice(0, 4)).toBe(String(Number(daysAgo(2).slice(0, 4)) + 5));
  });

  it('HPV 16: abnormal, a case opens asking to notify, then colposcopy', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['16', '52'] });
    expect(s).toMatchObject({ status: 'abnormal', nextStep: 'colposcopy', hpvCategory: 'hpv16_18' });
    expect(s.case).toMatchObject({
      state: 'abnormal',
      pendingExam: 'colposcopy',
      nextStep: 'notify',
      suggestedEvent: 'notify',
      dueStep: 'notify',
    });
  });

  it('other high-risk HPV without cytology: the case asks for cytology triage', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['52'] });
    expect(s.nextStep).toBe('cytology_triage');
    expect(s.case.pendingExam).toBe('cytology');
  });

  it('pending HPV result, entered later: the case opens then; a stale version is 409', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId);
    expect(s).toMatchObject({ status: 'pending', awaiting: 'hpv', case: null });
    const stale = await w.dh.patch(`/api/v1/cancer-screenings/${s.id}`, { version: s.version + 1, hpvTypes: ['18'] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const r = await w.dh.patch(`/api/v1/cancer-screenings/${s.id}`, { version: s.version, hpvTypes: ['18'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'abnormal', nextStep: 'colposcopy' });
    expect(r.body.case.state).toBe('abnormal');
    const further = await w.dh.patch(`/api/v1/cancer-screenings/${s.id}`, {
      version: r.body.version,
      colposcopy: 'abnormal',
    });
    expect(further.status).toBe(400);
    expect(further.body.error).toMatchObject({ code: 'USE_CASE' });
  });

  it('breast: ultrasound BI-RADS 3 → mammography; a high-risk woman with BI-RADS 2 → mammography', async () => {
    const p1 = await registerPerson(w.dh);
    const a = await w.dh.post('/api/v1/cancer-screenings', {
      personId: p1,
      kind: 'breast',
      method: 'breast_ultrasound',
      screeningDate: daysAgo(1),
      cohort: 'urban_low_income',
      ultrasoundBirads: '3',
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'abnormal', nextStep: 'mammography' });
    expect(a.body.case.pendingExam).toBe('mammography');
    const p2 = await registerPerson(w.dh);
    const b = await w.dh.post('/api/v1/cancer-screenings', {
      personId: p2,
      kind: 'breast',
      method: 'breast_ultrasound',
      screeningDate: daysAgo(1),
      cohort: 'general',
      ultrasoundBirads: '2',
      highRiskFactors: ['brca_carrier'],
    });
    expect(b.body.nextStep).toBe('mammography');
    const p3 = await registerPerson(w.dh);
    const c = await w.dh.post('/api/v1/cancer-screenings', {
      personId: p3,
      kind: 'breast',
      method: 'breast_ultrasound',
      screeningDate: daysAgo(1),
      cohort: 'general',
      ultrasoundBirads: '2',
    });
    expect(c.body).toMatchObject({ status: 'normal', nextStep: 'routine_rescreen', case: null });
  });
});

describe('follow-up case transitions', () => {
  it('HPV 16 → notify → colposcopy abnormal → pathology CIN2 → treatment: the case closes as treated', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['16'], screeningDate: daysAgo(20) });
    const caseId = s.case.id;
    const n = await step(caseId, { event: 'notify', date: daysAgo(18), method: 'phone' });
    expect(n.status).toBe(200);
    expect(n.body).toMatchObject({ state: 'notified', nextStep: 'colposcopy', suggestedEvent: 'attend_further_exam' });
    const col = await step(caseId, {
      event: 'attend_further_exam',
      date: daysAgo(10),
      exam: 'colposcopy',
      result: 'abnormal',
    });
    expect(col.status).toBe(200);
    expect(col.body).toMatchObject({ state: 'further_exam', pendingExam: 'biopsy', pathwayNextStep: 'biopsy' });
    expect(col.body.suggestedEvent).toBe('record_pathology');
    const path = await step(caseId, { event: 'record_pathology', date: daysAgo(5), result: 'CIN2' });
    expect(path.status).toBe(200);
    expect(path.body).toMatchObject({
      state: 'pathology',
      nextStep: 'treatment',
      lesionGrade: 'precancer',
      suggestedEvent: 'record_treatment',
    });
    expect(path.body.screening.histopathology).toBe('CIN2');
    const noMethod = await step(caseId, { event: 'record_treatment', date: daysAgo(1) });
    expect(noMethod.status).toBe(400);
    expect(noMethod.body.error.fields[0].field).toBe('method');
    const tr = await step(caseId, { event: 'record_treatment', date: daysAgo(1), method: 'leep' });
    expect(tr.status).toBe(200);
    expect(tr.body).toMatchObject({
      state: 'treated',
      nextStep: 'none',
      treatmentMethod: 'leep',
      treatedOn: daysAgo(1),
      closedOn: daysAgo(1),
      allowedEvents: [],
    });
    expect(tr.body.steps.map((x: any) => x.event)).toEqual([
      'mark_abnormal',
      'notify',
      'attend_further_exam',
      'record_pathology',
      'record_treatment',
    ]);
  });

  it.each<[string, string[], Record<string, unknown>, string]>([
    ['treatment straight after the abnormal result', [], { event: 'record_treatment', method: 'leep' }, '异常'],
    ['pathology before a further examination', ['notify'], { event: 'record_pathology', result: 'CIN2' }, '已告知'],
    ['re-opening a case that is not lost', ['notify'], { event: 'reopen' }, '已告知'],
    ['notifying twice', ['notify'], { event: 'notify' }, '已告知'],
  ])('refuses %s with 422 INVALID_TRANSITION and a Chinese message', async (_t, before, body, stateZh) => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['18'], screeningDate: daysAgo(10) });
    for (const e of before) expect((await step(s.case.id, { event: e, date: daysAgo(9) })).status).toBe(200);
    const r = await step(s.case.id, { date: daysAgo(1), ...body });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');
    expect(r.body.error.message).toContain(`病例当前状态为“${stateZh}”`);
    expect(r.body.error.fields[0].field).toBe('event');
  });

  it('a treated case accepts no further step', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['16'], screeningDate: daysAgo(10) });
    await step(s.case.id, { event: 'notify', date: daysAgo(9) });
    await step(s.case.id, { event: 'attend_further_exam', date: daysAgo(8), exam: 'colposcopy', result: 'abnormal' });
    await step(s.case.id, { event: 'record_pathology', date: daysAgo(7), result: 'CIN3' });
    await step(s.case.id, { event: 'record_treatment', date: daysAgo(6), method: 'cold_knife_conization' });
    const r = await step(s.case.id, { event: 'mark_lost', date: daysAgo(1), note: '电话停机' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('colposcopy normal closes the case as normal and sets a 12-month repeat', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['16'], screeningDate: daysAgo(10) });
    await step(s.case.id, { event: 'notify', date: daysAgo(9) });
    const col = await step(s.case.id, {
      event: 'attend_further_exam',
      date: daysAgo(8),
      exam: 'colposcopy',
      result: 'normal',
    });
    expect(col.body).toMatchObject({ suggestedEvent: 'further_exam_normal', pathwayNextStep: 'repeat_in_12_months' });
    const close = await step(s.case.id, { event: 'further_exam_normal', date: daysAgo(8) });
    expect(close.body).toMatchObject({ state: 'closed_normal', closedOn: daysAgo(8) });
    expect(close.body.screening.nextDueOn.slice(0, 4)).toBe(String(Number(daysAgo(8).slice(0, 4)) + 1));
  });

  it('refuses a wrong exam, a wrong result, a date before the previous step and a stale version', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['16'], screeningDate: daysAgo(10) });
    await step(s.case.id, { event: 'notify', date: daysAgo(9) });
    const wrongExam = await step(s.case.id, { event: 'attend_further_exam', date: daysAgo(8), exam: 'mammography' });
    expect(wrongExam.status).toBe(400);
    expect(wrongExam.body.error.fields[0].field).toBe('exam');
    const wrongResult = await step(s.case.id, {
      event: 'attend_further_exam',
      date: daysAgo(8),
      exam: 'colposcopy',
      result: 'CIN2',
    });
    expect(wrongResult.status).toBe(400);
    expect(wrongResult.body.error.fields[0].field).toBe('result');
    const early = await step(s.case.id, {
      event: 'attend_further_exam',
      date: daysAgo(12),
      exam: 'colposcopy',
      result: 'abnormal',
    });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS' });
    const cur = await w.dh.get(`/api/v1/cancer-screening-cases/${s.case.id}`);
    const stale = await w.dh.post(`/api/v1/cancer-screening-cases/${s.case.id}/steps`, {
      version: cur.body.version - 1,
      event: 'attend_further_exam',
      date: daysAgo(8),
      exam: 'colposcopy',
      result: 'abnormal',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('lost to follow-up needs a reason, and a lost case re-opens as notified', async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['31'], screeningDate: daysAgo(60) });
    const noReason = await step(s.case.id, { event: 'mark_lost', date: daysAgo(5) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('note');
    const lost = await step(s.case.id, { event: 'mark_lost', date: daysAgo(5), note: '外出务工，联系不上' });
    expect(lost.body).toMatchObject({
      state: 'lost_to_follow_up',
      lostReason: '外出务工，联系不上',
      nextStep: 'recontact',
    });
    const back = await step(s.case.id, { event: 'reopen', date: daysAgo(1) });
    expect(back.body).toMatchObject({ state: 'notified', lostReason: null, nextStep: 'cytology' });
  });

  it('breast BI-RADS 4A: biopsy, pathology invasive carcinoma → treatment', async () => {
    const personId = await registerPerson(w.dh);
    const r = await w.dh.post('/api/v1/cancer-screenings', {
      personId,
      kind: 'breast',
      method: 'breast_ultrasound',
      screeningDate: daysAgo(15),
      cohort: 'rural',
      ultrasoundBirads: '4A',
      clinicalFindings: ['lump'],
    });
    const caseId = r.body.case.id;
    expect(r.body.case.pendingExam).toBe('biopsy');
    await step(caseId, { event: 'notify', date: daysAgo(14) });
    const b = await step(caseId, { event: 'attend_further_exam', date: daysAgo(10), exam: 'biopsy' });
    expect(b.body.suggestedEvent).toBe('record_pathology');
    const p = await step(caseId, {
      event: 'record_pathology',
      date: daysAgo(7),
      result: 'invasive_carcinoma',
      earlyStage: true,
    });
    expect(p.body).toMatchObject({ lesionGrade: 'cancer', earlyStage: true, suggestedEvent: 'record_treatment' });
    const wrongTreatment = await step(caseId, { event: 'record_treatment', date: daysAgo(1), method: 'leep' });
    expect(wrongTreatment.status).toBe(400);
    const t = await step(caseId, { event: 'record_treatment', date: daysAgo(1), method: 'mastectomy' });
    expect(t.body.state).toBe('treated');
  });
});

describe('scope, lists, worklist, export', () => {
  it("another county's screening, case and woman are 404", async () => {
    const personId = await registerPerson(w.dh);
    const s = await screen(personId, { hpvTypes: ['16'] });
    expect((await w.pt.get(`/api/v1/cancer-screenings/${s.id}`)).status).toBe(404);
    expect((await w.pt.get(`/api/v1/cancer-screening-cases/${s.case.id}`)).status).toBe(404);
    const st = await w.pt.post(`/api/v1/cancer-screening-cases/${s.case.id}/steps`, {
      version: 1,
      event: 'notify',
      date: daysAgo(0),
    });
    expect(st.status).toBe(404);
    expect((await w.pt.patch(`/api/v1/cancer-screenings/${s.id}`, { version: 1, note: 'x' })).status).toBe(404);
    expect((await w.pt.get(`/api/v1/people/${personId}/cancer-screenings`)).status).toBe(404);
    const list = await w.pt.get('/api/v1/cancer-screenings?pageSize=200');
    expect(list.body.items.some((i: any) => i.id === s.id)).toBe(false);
  });

  it('a follow-up left undone appears on the overdue worklist (not in another county)', async () => {
    const personId = await registerPerson(w.dh, { name: '逾期王女士' });
    const s = await screen(personId, { hpvTypes: ['16'], screeningDate: daysAgo(40) });
    const c = await w.dh.get(`/api/v1/cancer-screening-cases/${s.case.id}`);
    expect(c.body).toMatchObject({ overdue: true, dueStep: 'notify', dueOn: daysAgo(33), daysOverdue: 33 });
    const wl = await w.dh.get('/api/v1/cancer-screening-cases?overdue=true&pageSize=200');
    const item = wl.body.items.find((i: any) => i.id === s.case.id);
    expect(item).toMatchObject({ womanName: '逾期王女士', overdue: true, nextStep: 'notify' });
    expect((await w.pt.get('/api/v1/cancer-screening-cases?overdue=true')).body.items).toHaveLength(0);
    await step(s.case.id, { event: 'notify', date: daysAgo(0) });
    const wl2 = await w.dh.get('/api/v1/cancer-screening-cases?overdue=true&pageSize=200');
    expect(wl2.body.items.some((i: any) => i.id === s.case.id)).toBe(false);
  });

  it('lists with filters and pagination, the woman’s history, and an xlsx export with masked identifiers', async () => {
    const personId = await registerPerson(w.dh, { name: '导出李女士' });
    const s = await screen(personId, { hpvTypes: ['16'], screeningDate: daysAgo(3) });
    await w.dh.post('/api/v1/cancer-screenings', {
      personId,
      kind: 'breast',
      method: 'breast_ultrasound',
      screeningDate: daysAgo(3),
      cohort: 'rural',
      ultrasoundBirads: '1',
    });
    const abn = await w.dh.get(`/api/v1/cancer-screenings?status=abnormal&q=导出李&from=${daysAgo(3)}`);
    expect(abn.body.items.map((i: any) => i.id)).toEqual([s.id]);
    expect(abn.body.items[0]).toMatchObject({ caseState: 'abnormal', womanName: '导出李女士' });
    const byInst = await w.dh.get(`/api/v1/cancer-screenings?institutionId=${w.inst}&q=导出李`);
    expect(byInst.body.total).toBe(2);
    const page = await w.dh.get('/api/v1/cancer-screenings?pageSize=1&page=2');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    const bad = await w.dh.get('/api/v1/cancer-screenings?status=weird');
    expect(bad.status).toBe(400);
    const hist = await w.dh.get(`/api/v1/people/${personId}/cancer-screenings`);
    expect(hist.body.screenings).toHaveLength(2);
    expect(hist.body.eligibility).toMatchObject({ eligible: true, cohort: 'rural' });
    expect(hist.body.nextDue.cervical).toBeNull();
    expect(hist.body.nextDue.breast).toBeTruthy();
    const res = await w.dh.request('GET', '/api/v1/cancer-screenings/export.xlsx?q=导出李');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const xres = await fetch(`${w.s.url}/api/v1/cancer-screenings/export.xlsx?q=导出李`, {
      headers: { cookie: w.dh.cookie ?? '' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xres.arrayBuffer()) as never);
    const ws = wb.getWorksheet('两癌筛查')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe('导出李女士');
    const cases = await fetch(`${w.s.url}/api/v1/cancer-screening-cases/export.xlsx?overdue=true`, {
      headers: { cookie: w.dh.cookie ?? '' },
    });
    expect(cases.status).toBe(200);
  });

  it('eligibility endpoint answers from core (age 35–64)', async () => {
    const old = await registerPerson(w.dh, { age: 66 });
    const r = await w.dh.get(`/api/v1/people/${old}/cancer-screening-eligibility?cohort=rural`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ eligible: false, reasons: ['too_old'], minAge: 35, maxAge: 64 });
  });
});

describe('target population and coverage', () => {
  it('a supervisor enters the census figure; coverage becomes a true rate; clinicians may not enter it', async () => {
    const year = Number(daysAgo(0).slice(0, 4));
    const body = { countyCode: '330902', year, women3564: 1000, ruralWomen3564: 400, source: '第七次人口普查' };
    expect((await w.dh.request('PUT', '/api/v1/cancer-screening-targets', body)).status).toBe(403);
    const wrongCounty = await w.sup.request('PUT', '/api/v1/cancer-screening-targets', {
      ...body,
      countyCode: '330903',
    });
    expect(wrongCounty.status).toBe(400);
    const tooMany = await w.sup.request('PUT', '/api/v1/cancer-screening-targets', { ...body, ruralWomen3564: 2000 });
    expect(tooMany.status).toBe(400);
    const put = await w.sup.request('PUT', '/api/v1/cancer-screening-targets', body);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ women3564: 1000, version: 1 });
    const again = await w.sup.request('PUT', '/api/v1/cancer-screening-targets', { ...body, women3564: 1200 });
    expect(again.status).toBe(409);
    const fixed = await w.sup.request('PUT', '/api/v1/cancer-screening-targets', {
      ...body,
      women3564: 2000,
      version: 1,
    });
    expect(fixed.body).toMatchObject({ women3564: 2000, version: 2 });
    const cov = await w.sup.get(`/api/v1/cancer-screenings/coverage?year=${year}`);
    expect(cov.status).toBe(200);
    const dh = cov.body.find((x: any) => x.countyCode === '330902');
    expect(dh.women3564).toBe(2000);
    expect(dh.cervical.screened).toBeGreaterThan(0);
    expect(dh.cervical.coverage).toBeCloseTo(dh.cervical.screened / 2000, 10);
    expect(dh.cervical.abnormal).toBeGreaterThan(0);
    expect(dh.cervical.precancer).toBeGreaterThan(0);
    expect(dh.cervical.treated).toBeGreaterThan(0);
    expect(dh.cervical.treatmentRate).toBeGreaterThan(0);
    expect(cov.body.some((x: any) => x.countyCode === '330903')).toBe(false);
  });
});
