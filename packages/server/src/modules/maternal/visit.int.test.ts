import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, maternalWorld, registered, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

describe('antenatal visits: gestational age, schedule, special diseases', () => {
  it('fulfils the first contact (<13 weeks) and shows the schedule as done / upcoming', async () => {
    const p = await registered(w.dh, 10 * 7);
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(0),
      weightKg: 56,
      systolicMmHg: 110,
      diastolicMmHg: 70,
      labs: { hbGL: 125, bloodGroup: 'O', rh: 'positive', urineProtein: 'negative' },
      nextAppointment: daysAgo(-42),
    });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ gestationalAge: '10+0', contactId: 'anc1', institutionId: w.inst });
    expect(v.body.special.anaemia).toMatchObject({ grade: 'none', anaemic: false });
    expect(v.body.special.weightGain).toMatchObject({ gainKg: 1, status: 'within', category: 'normal' });
    const s = await w.dh.get(`/api/v1/pregnancies/${p.id}/schedule`);
    expect(s.body.contacts.slice(0, 3).map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ['anc1', 'done'],
      ['anc2', 'upcoming'],
      ['anc3', 'upcoming'],
    ]);
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    expect(preg.body).toMatchObject({
      visitCount: 1,
      lastVisitOn: daysAgo(0),
      nextContact: 'anc2',
      nextDueOn: daysAgo(10 * 7 - 16 * 7),
      nextAppointment: daysAgo(-42),
      overdue: false,
    });
  });

  it('diagnoses GDM by the 75 g OGTT at 24–28 weeks (fasting ≥5.1, 1 h ≥10.0, 2 h ≥8.5)', async () => {
    const p = await registered(w.dh, 25 * 7);
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(0),
      labs: { ogtt: { fastingMmolL: 5.2, oneHourMmolL: 9.0, twoHourMmolL: 7.9 } },
    });
    expect(v.status).toBe(201);
    expect(v.body.special.gdm).toMatchObject({ gdm: true, status: 'gdm', abnormal: ['fasting'], timing: 'in_window' });
    const normal = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(0),
      labs: { ogtt: { fastingMmolL: 5.0, oneHourMmolL: 9.9, twoHourMmolL: 8.4 } },
    });
    expect(normal.body.special.gdm).toMatchObject({ gdm: false, status: 'normal' });
  });

  it('grades anaemia by Hb, classifies preeclampsia from BP and proteinuria, scores the EPDS (item 10: urgent, the intervention recorded)', async () => {
    const p = await registered(w.dh, 30 * 7);
    const body = {
      visitDate: daysAgo(0),
      weightKg: 72,
      systolicMmHg: 150,
      diastolicMmHg: 96,
      labs: { hbGL: 95, urineProtein: '2+' },
      epdsScores: [1, 1, 2, 1, 1, 1, 1, 1, 0, 1],
    };
    const missing = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, body);
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0]).toMatchObject({ field: 'epdsAction' });
    expect(missing.body.error.message).toContain('EPDS第10项');
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      ...body,
      epdsAction: '当日心理科会诊，家属陪护',
    });
    expect(v.status).toBe(201);
    expect(v.body.epdsAction).toBe('当日心理科会诊，家属陪护');
    expect(v.body.special.anaemia).toMatchObject({ grade: 'moderate', moderateOrSevere: true });
    expect(v.body.special.bloodPressure).toBe('hypertension');
    expect(v.body.special.hypertension).toMatchObject({
      category: 'preeclampsia',
      riskItemCode: 'yellow.hypertensive_disorder',
    });
    expect(v.body.special.epds).toEqual({ total: 10, positive: true, urgent: true, cutOff: 10 });
    expect(v.body.special.weightGain).toMatchObject({ gainKg: 17, status: 'above' });
  });

  it('records a referral made at the visit, with its receipt due date', async () => {
    const p = await registered(w.dh, 20 * 7);
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(0),
      referral: { toInstitutionId: w.hospital, reason: '胎儿超声软指标异常', urgency: 'urgent' },
    });
    expect(v.status).toBe(201);
    expect(v.body.referralId).toBeTruthy();
    const list = await w.dh.get(`/api/v1/maternal-referrals?institutionId=${w.hospital}`);
    const ref = list.body.find((x: { id: string }) => x.id === v.body.referralId);
    expect(ref).toMatchObject({ status: 'sent', urgency: 'urgent', receiveDue: daysAgo(-3), sourceKind: 'anc_visit' });
  });

  it.each([
    ['a visit in the future', { visitDate: daysAgo(-1) }, 'visitDate'],
    ['an appointment before the visit', { visitDate: daysAgo(0), nextAppointment: daysAgo(1) }, 'nextAppointment'],
    ['a systolic without diastolic', { visitDate: daysAgo(0), systolicMmHg: 120 }, 'diastolicMmHg'],
    ['an EPDS of 9 items', { visitDate: daysAgo(0), epdsScores: [0, 0, 0, 0, 0, 0, 0, 0, 0] }, 'epdsScores'],
    ['an Hb of 400', { visitDate: daysAgo(0), labs: { hbGL: 400 } }, 'labs.hbGL'],
    ['a bad presentation', { visitDate: daysAgo(0), presentation: 'sideways' }, 'presentation'],
  ])('refuses %s (400 naming the field)', async (_l, body, field) => {
    const p = await registered(w.dh, 20 * 7);
    const r = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('corrects a visit with its version (stale → 409) and recomputes the results', async () => {
    const p = await registered(w.dh, 20 * 7);
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, { visitDate: daysAgo(0), labs: { hbGL: 120 } });
    const u = await w.dh.patch(`/api/v1/anc-visits/${v.body.id}`, {
      version: v.body.version,
      visitDate: daysAgo(0),
      labs: { hbGL: 65 },
    });
    expect(u.status).toBe(200);
    expect(u.body.special.anaemia.grade).toBe('severe');
    const stale = await w.dh.patch(`/api/v1/anc-visits/${v.body.id}`, {
      version: v.body.version,
      visitDate: daysAgo(0),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('refuses a visit to a closed pregnancy, and hides another county’s visits', async () => {
    const p = await registered(w.dh, 20 * 7);
    await w.dh.post(`/api/v1/pregnancies/${p.id}/end`, {
      version: p.version,
      reason: 'lost_to_follow_up',
      endedOn: daysAgo(0),
    });
    const r = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, { visitDate: daysAgo(0) });
    expect(r.status).toBe(409);
    expect((await w.pt.get(`/api/v1/pregnancies/${p.id}/visits`)).status).toBe(404);
  });
});
