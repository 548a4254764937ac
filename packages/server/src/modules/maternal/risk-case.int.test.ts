import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, maternalWorld, registered, yearsAgo, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

/** A 41-year-old woman (orange.age) at `weeks` weeks. */
async function older(weeks = 20, extra: Record<string, unknown> = {}) {
  return registered(w.dh, weeks * 7, extra, { birthDate: yearsAgo(41) });
}

describe('five-colour assessment (国卫办妇幼发〔2017〕35号)', () => {
  it('previews the computed items and the suggested colour; ticks add items; unknown codes are refused', async () => {
    const p = await older();
    const pre = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments/preview`, { items: [] });
    expect(pre.status).toBe(200);
    expect(pre.body.suggestedColour).toBe('orange');
    expect(pre.body.matched.map((m: { code: string }) => m.code)).toContain('orange.age');
    expect(pre.body.facts).toMatchObject({ ageYears: 41, heightCm: 160, bmi: 21.48 });
    const bad = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments/preview`, { items: ['red.nonsense'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('items');
    const cat = await w.dh.get('/api/v1/maternal/risk-catalogue');
    expect(cat.body.items.length).toBeGreaterThan(50);
    expect(cat.body.items.some((i: { colour: string }) => i.colour === 'purple')).toBe(false);
    const catPmtct = await w.pmtct.get('/api/v1/maternal/risk-catalogue');
    expect(catPmtct.body.items.some((i: { colour: string }) => i.colour === 'purple')).toBe(true);
  });

  it('orange opens a high-risk case in the same transaction with its 3-day report deadline', async () => {
    const p = await older();
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    expect(a.status).toBe(201);
    expect(a.body.assessment).toMatchObject({
      seq: 1,
      stage: 'antenatal',
      colour: 'orange',
      suggestedColour: 'orange',
      overridden: false,
    });
    expect(a.body.case).toMatchObject({ opened: true, escalated: false });
    expect(a.body.case.reportDueAt).toBe(new Date(`${daysAgo(-3)}T23:59:59+08:00`).toISOString());
    const c = await w.dh.get(`/api/v1/high-risk-cases/${a.body.case.caseId}`);
    expect(c.body).toMatchObject({
      status: 'open',
      colour: 'orange',
      reportPending: true,
      reportOverdue: false,
      managingInstitutionId: w.mch,
    });
    expect(c.body.reports).toHaveLength(1);
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    expect(preg.body).toMatchObject({ riskColour: 'orange', riskPurple: false, assessmentCount: 1 });
  });

  it('a red item escalates the open case: a new report due within 24 hours', async () => {
    const p = await older();
    const a1 = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const cat = await w.dh.get('/api/v1/maternal/risk-catalogue');
    const red = cat.body.items.find((i: { colour: string; kind: string }) => i.colour === 'red' && i.kind === 'ticked');
    const before = Date.now();
    const a2 = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, {
      assessedOn: daysAgo(0),
      items: [red.code],
    });
    expect(a2.status).toBe(201);
    expect(a2.body.assessment).toMatchObject({ seq: 2, colour: 'red' });
    expect(a2.body.case).toMatchObject({ caseId: a1.body.case.caseId, opened: false, escalated: true });
    const due = Date.parse(a2.body.case.reportDueAt);
    expect(due - before).toBeGreaterThan(23 * 3_600_000);
    expect(due - before).toBeLessThan(25 * 3_600_000);
    const c = await w.dh.get(`/api/v1/high-risk-cases/${a1.body.case.caseId}`);
    expect(c.body.colour).toBe('red');
    expect(c.body.reports).toHaveLength(2);
    const list = await w.dh.get(`/api/v1/pregnancies/${p.id}/risk-assessments`);
    expect(list.body.map((x: { seq: number; colour: string }) => [x.seq, x.colour])).toEqual([
      [1, 'orange'],
      [2, 'red'],
    ]);
  });

  it('an override needs a reason; a green woman opens no case', async () => {
    const p = await registered(w.dh, 20 * 7);
    const noReason = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, {
      assessedOn: daysAgo(0),
      colour: 'yellow',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('overrideReason');
    const ok = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, {
      assessedOn: daysAgo(0),
      colour: 'yellow',
      overrideReason: '既往不良孕产史，临床判断为一般风险',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.assessment).toMatchObject({ suggestedColour: 'green', colour: 'yellow', overridden: true });
    expect(ok.body.case).toBeNull();
  });

  it('assesses at registration and at a visit (dynamic re-assessment in sequence)', async () => {
    const personBirth = yearsAgo(30);
    const p = await registered(w.dh, 12 * 7, { assessment: { items: [] } }, { birthDate: personBirth });
    expect(p).toMatchObject({ riskColour: 'green', assessmentCount: 1 });
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(0),
      systolicMmHg: 120,
      diastolicMmHg: 80,
      labs: { hbGL: 55, plateletsE9L: 40 },
      assessment: { items: [] },
    });
    expect(v.status).toBe(201);
    expect(v.body.assessment.assessment).toMatchObject({ seq: 2, colour: 'orange', stage: 'antenatal' });
    const codes = v.body.assessment.assessment.matched.map((m: { code: string }) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['orange.severe_anaemia']));
    expect(v.body.riskAssessmentId).toBe(v.body.assessment.assessment.id);
    expect(v.body.assessment.case.opened).toBe(true);
  });
});

describe('high-risk case management (高危专案)', () => {
  it('the county supervisor acknowledges the report; a clinician may not', async () => {
    const p = await older();
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const pending = await w.sup.get('/api/v1/high-risk-reports');
    const rep = pending.body.find((r: { caseId: string }) => r.caseId === a.body.case.caseId);
    expect(rep).toMatchObject({ colour: 'orange', overdue: false, womanName: expect.any(String) });
    expect((await w.dh.post(`/api/v1/high-risk-reports/${rep.id}/acknowledge`)).status).toBe(403);
    const ack = await w.sup.post(`/api/v1/high-risk-reports/${rep.id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).toBeTruthy();
    const c = await w.dh.get(`/api/v1/high-risk-cases/${a.body.case.caseId}`);
    expect(c.body).toMatchObject({ reportPending: false, reportDueAt: null });
  });

  it('an assessment dated days ago shows the report overdue in the ledger', async () => {
    const p = await registered(w.dh, 20 * 7, { registeredOn: daysAgo(10) }, { birthDate: yearsAgo(41) });
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(5), items: [] });
    const c = await w.sup.get(`/api/v1/high-risk-cases/${a.body.case.caseId}`);
    expect(c.body.reportOverdue).toBe(true);
    const ledger = await w.sup.get('/api/v1/high-risk-cases?overdue=true&pageSize=200');
    expect(ledger.body.items.map((i: { id: string }) => i.id)).toContain(a.body.case.caseId);
  });

  it('plans, chooses the delivery hospital, follows up (stale version → 409)', async () => {
    const p = await older(30);
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const c = await w.dh.get(`/api/v1/high-risk-cases/${a.body.case.caseId}`);
    const u = await w.dh.patch(`/api/v1/high-risk-cases/${c.body.id}`, {
      version: c.body.version,
      plan: '每2周产检；监测血压',
      deliveryHospitalId: w.hospital,
    });
    expect(u.status).toBe(200);
    expect(u.body).toMatchObject({
      plan: '每2周产检；监测血压',
      deliveryHospitalId: w.hospital,
      deliveryHospitalOn: daysAgo(0),
    });
    const stale = await w.dh.patch(`/api/v1/high-risk-cases/${c.body.id}`, { version: c.body.version, plan: 'x' });
    expect(stale.status).toBe(409);
    const f = await w.dh.post(`/api/v1/high-risk-cases/${c.body.id}/followups`, {
      followupDate: daysAgo(0),
      method: 'phone',
      condition: '一般情况好',
      nextDue: daysAgo(-14),
    });
    expect(f.status).toBe(201);
    expect(f.body.case.nextFollowUpDue).toBe(daysAgo(-14));
    const bad = await w.dh.post(`/api/v1/high-risk-cases/${c.body.id}/followups`, {
      followupDate: daysAgo(0),
      nextDue: daysAgo(1),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('nextDue');
  });

  it('referral with receipt: sent → received → outcome returned; a late receipt is flagged', async () => {
    const p = await older(30, { registeredOn: daysAgo(10) });
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const ref = await w.dh.post(`/api/v1/pregnancies/${p.id}/referrals`, {
      referredOn: daysAgo(0),
      toInstitutionId: w.hospital,
      reason: '高龄，转上级医院评估',
      urgency: 'routine',
    });
    expect(ref.status).toBe(201);
    expect(ref.body).toMatchObject({
      status: 'sent',
      caseId: a.body.case.caseId,
      receiveDue: daysAgo(-14),
      receiptOverdue: false,
    });
    const rec = await w.sup.post(`/api/v1/maternal-referrals/${ref.body.id}/receive`, {
      version: ref.body.version,
      receivedOn: daysAgo(0),
    });
    expect(rec.status).toBe(200);
    expect(rec.body.status).toBe('received');
    const again = await w.sup.post(`/api/v1/maternal-referrals/${ref.body.id}/receive`, {
      version: rec.body.version,
      receivedOn: daysAgo(0),
    });
    expect(again.status).toBe(409);
    const out = await w.sup.post(`/api/v1/maternal-referrals/${ref.body.id}/outcome`, {
      version: rec.body.version,
      outcomeOn: daysAgo(0),
      outcome: '评估为橙色，继续妊娠，三级医院分娩',
    });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ status: 'returned', outcomeOverdue: false });

    const late = await w.dh.post(`/api/v1/pregnancies/${p.id}/referrals`, {
      referredOn: daysAgo(5),
      toInstitutionId: w.hospital,
      reason: '血压升高',
      urgency: 'urgent',
    });
    expect(late.body.receiptOverdue).toBe(true);
    const overdue = await w.dh.get('/api/v1/maternal-referrals?overdue=true');
    expect(overdue.body.map((r: { id: string }) => r.id)).toContain(late.body.id);
    const ledger = await w.dh.get('/api/v1/high-risk-cases?overdue=true&pageSize=200');
    const row = ledger.body.items.find((i: { id: string }) => i.id === a.body.case.caseId);
    expect(row.referralsPending).toBe(1);
  });

  it('closes with a reason, refusing reasons whose conditions are not met', async () => {
    const p = await older(30);
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const c = (await w.dh.get(`/api/v1/high-risk-cases/${a.body.case.caseId}`)).body;
    const notDelivered = await w.dh.post(`/api/v1/high-risk-cases/${c.id}/close`, {
      version: c.version,
      closedOn: daysAgo(0),
      reason: 'delivered_assessed',
    });
    expect(notDelivered.status).toBe(422);
    expect(notDelivered.body.error.fields[0].field).toBe('reason');
    const stillOrange = await w.dh.post(`/api/v1/high-risk-cases/${c.id}/close`, {
      version: c.version,
      closedOn: daysAgo(0),
      reason: 'risk_resolved',
    });
    expect(stillOrange.status).toBe(422);
    const noNote = await w.dh.post(`/api/v1/high-risk-cases/${c.id}/close`, {
      version: c.version,
      closedOn: daysAgo(0),
      reason: 'other',
    });
    expect(noNote.status).toBe(400);
    const ok = await w.dh.post(`/api/v1/high-risk-cases/${c.id}/close`, {
      version: c.version,
      closedOn: daysAgo(0),
      reason: 'other',
      note: '诊断修正',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'closed', closeReason: 'other', reportPending: false });
  });

  it('ending the pregnancy closes its open case', async () => {
    const p = await older(10);
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const preg = (await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body;
    const end = await w.dh.post(`/api/v1/pregnancies/${p.id}/end`, {
      version: preg.version,
      reason: 'induced_abortion',
      endedOn: daysAgo(0),
    });
    expect(end.status).toBe(200);
    const c = await w.dh.get(`/api/v1/high-risk-cases/${a.body.case.caseId}`);
    expect(c.body).toMatchObject({ status: 'closed', closeReason: 'pregnancy_ended' });
  });

  it('the ledger filters, sorts, paginates and exports masked xlsx; another county sees nothing', async () => {
    const p = await registered(
      w.dh,
      25 * 7,
      {},
      { birthDate: '1980-01-01', idType: 'resident_id', idNumber: '33090219800101002X' },
    );
    await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    const orange = await w.sup.get(
      '/api/v1/high-risk-cases?colour=orange&status=open&sort=colour&order=desc&pageSize=5&page=1',
    );
    expect(orange.status).toBe(200);
    expect(orange.body.items.length).toBeLessThanOrEqual(5);
    expect(orange.body.total).toBeGreaterThanOrEqual(1);
    expect(orange.body.items.every((i: { colour: string }) => i.colour === 'orange')).toBe(true);
    const weeks = await w.sup.get('/api/v1/high-risk-cases?weeksFrom=25&weeksTo=25&pageSize=200');
    const mine = weeks.body.items.find((i: { pregnancyId: string }) => i.pregnancyId === p.id);
    expect(mine).toMatchObject({ gestationalAge: '25+0', idNumberMasked: expect.stringContaining('*') });
    expect((await w.sup.get('/api/v1/high-risk-cases?colour=blue')).status).toBe(400);
    const pt = await w.pt.get('/api/v1/high-risk-cases?pageSize=200');
    expect(pt.body.total).toBe(0);

    const res = await fetch(`${w.s.url}/api/v1/high-risk-cases/export.xlsx?colour=orange`, {
      headers: { cookie: w.sup.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('高危孕产妇台账');
    const rows: string[] = [];
    ws?.eachRow((r) => rows.push(String(r.getCell(2).value ?? '')));
    expect(rows[0]).toBe('证件号码');
    expect(rows.some((v) => v.includes('*'))).toBe(true);
    expect(rows.some((v) => v === '33090219800101002X')).toBe(false);
  });
});
