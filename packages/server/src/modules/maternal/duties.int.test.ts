/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import { daysAgo, maternalWorld, registered, woman, yearsAgo, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

type Item = { kind: string; pregnancyId: string; overdue: boolean; due: string | null; what: string; refId?: string };
const kinds = (items: Item[], id: string) => items.filter((i) => i.pregnancyId === id).map((i) => i.kind);

/** An orange woman (41 years old) `gaDays` pregnant, assessed today: her case is open. */
async function orange(gaDays: number, extra: Record<string, unknown> = {}) {
  const p = await registered(w.dh, gaDays, { registeredOn: daysAgo(5), ...extra }, { birthDate: yearsAgo(41) });
  const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
  expect(a.body.case.opened).toBe(true);
  return { p, caseId: a.body.case.caseId as string };
}

describe('国卫办妇幼发〔2017〕35号: a woman screen-positive at a primary institution is referred for assessment within 2 weeks [R]', () => {
  it('sets the duty at registration, lists it, and clears it with the referral', async () => {
    const p = await registered(w.dh, 10 * 7, { registeredOn: daysAgo(3) }, { birthDate: yearsAgo(36) });
    expect(p.screening.positive).toBe(true);
    expect(p.screenReferralDue).toBe(daysAgo(3 - 14));
    const list = await w.dh.get('/api/v1/maternal-worklist?kind=screen_referral');
    const item = list.body.items.find((i: Item) => i.pregnancyId === p.id);
    expect(item).toMatchObject({ kind: 'screen_referral', due: daysAgo(-11), overdue: false });
    const page = await w.dh.get(`/api/v1/women/${p.personId}/maternal`);
    expect(page.body.current.duties.map((d: { kind: string }) => d.kind)).toContain('screen_referral');

    const ref = await w.dh.post(`/api/v1/pregnancies/${p.id}/referrals`, {
      referredOn: daysAgo(0),
      toInstitutionId: w.mch,
      reason: '筛查阳性（高龄），转县妇幼评估',
      sourceKind: 'screening',
    });
    expect(ref.status).toBe(201);
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body.screenReferralDue).toBeNull();
    const after = await w.dh.get('/api/v1/maternal-worklist?kind=screen_referral');
    expect(kinds(after.body.items, p.id)).toEqual([]);
  });

  it('no duty when negative, or when registered at a hospital; an assessment at a hospital meets it', async () => {
    const negative = await registered(w.dh, 10 * 7);
    expect(negative.screening.positive).toBe(false);
    expect(negative.screenReferralDue).toBeNull();
    const atHospital = await registered(w.dh, 10 * 7, { registeringInstitutionId: w.mch }, { birthDate: yearsAgo(37) });
    expect(atHospital.screening.positive).toBe(true);
    expect(atHospital.screenReferralDue).toBeNull();

    const p = await registered(w.dh, 10 * 7, {}, { birthDate: yearsAgo(38) });
    expect(p.screenReferralDue).not.toBeNull();
    const a = await w.sup.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    expect(a.status).toBe(201);
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body.screenReferralDue).toBeNull();
  });
});

describe('REFERENCE §1.2 [L]: the delivery hospital of a high-risk case is fixed by 28–36 weeks', () => {
  it('is due from 28 weeks, overdue after 36+6, done once chosen; on the worklist, the woman’s page and the ledger', async () => {
    const early = await orange(20 * 7);
    expect((await w.dh.get(`/api/v1/high-risk-cases/${early.caseId}`)).body.deliveryHospitalDuty).toMatchObject({
      status: 'not_yet',
    });
    const due = await orange(30 * 7);
    const c = await w.dh.get(`/api/v1/high-risk-cases/${due.caseId}`);
    expect(c.body.deliveryHospitalDuty).toMatchObject({
      status: 'due',
      windowStart: daysAgo(2 * 7),
      windowEnd: daysAgo(-(6 * 7 + 6)),
    });
    const late = await orange(37 * 7 + 1);
    expect((await w.dh.get(`/api/v1/high-risk-cases/${late.caseId}`)).body.deliveryHospitalDuty.status).toBe('overdue');

    const list = await w.dh.get('/api/v1/maternal-worklist?kind=delivery_hospital');
    expect(kinds(list.body.items, due.p.id)).toEqual(['delivery_hospital']);
    expect(kinds(list.body.items, early.p.id)).toEqual([]);
    expect(list.body.items.find((i: Item) => i.pregnancyId === late.p.id)).toMatchObject({
      overdue: true,
      refId: late.caseId,
    });
    const page = await w.dh.get(`/api/v1/women/${late.p.personId}/maternal`);
    expect(page.body.current.duties.find((d: { kind: string }) => d.kind === 'delivery_hospital')).toMatchObject({
      overdue: true,
      action: 'delivery_hospital',
    });
    const ledger = await w.dh.get('/api/v1/high-risk-cases?overdue=true&pageSize=200');
    const ids = ledger.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(late.caseId);
    expect(ids).not.toContain(due.caseId);

    const set = await w.dh.patch(`/api/v1/high-risk-cases/${late.caseId}`, {
      version: (await w.dh.get(`/api/v1/high-risk-cases/${late.caseId}`)).body.version,
      deliveryHospitalId: w.hospital,
    });
    expect(set.status).toBe(200);
    expect(set.body.deliveryHospitalDuty.status).toBe('done');
    const again = await w.dh.get('/api/v1/maternal-worklist?kind=delivery_hospital');
    expect(kinds(again.body.items, late.p.id)).toEqual([]);
  });
});

describe('two-way referral: the receipt is the receiving side’s; a result not returned in time is followed', () => {
  it('the referring clinic may not receive its own referral; the hospital’s supervisor does', async () => {
    const { p } = await orange(20 * 7);
    const ref = await w.dh.post(`/api/v1/pregnancies/${p.id}/referrals`, {
      referredOn: daysAgo(0),
      toInstitutionId: w.hospital,
      reason: '转上级医院评估',
    });
    const self = await w.dh.post(`/api/v1/maternal-referrals/${ref.body.id}/receive`, {
      version: ref.body.version,
      receivedOn: daysAgo(0),
    });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain('转入机构');
    const outcome = await w.dh.post(`/api/v1/maternal-referrals/${ref.body.id}/outcome`, {
      version: ref.body.version,
      outcomeOn: daysAgo(0),
      outcome: '自己填的回执',
    });
    expect(outcome.status).toBe(403);
    const ok = await w.sup.post(`/api/v1/maternal-referrals/${ref.body.id}/receive`, {
      version: ref.body.version,
      receivedOn: daysAgo(0),
    });
    expect(ok.status).toBe(200);
    // a referral to an outside hospital (named only) is recorded by the sender on its behalf
    const outside = await w.dh.post(`/api/v1/pregnancies/${p.id}/referrals`, {
      referredOn: daysAgo(0),
      toInstitutionName: '省妇幼保健院',
      reason: '会诊',
    });
    const rec = await w.dh.post(`/api/v1/maternal-referrals/${outside.body.id}/receive`, {
      version: outside.body.version,
      receivedOn: daysAgo(0),
    });
    expect(rec.status).toBe(200);
  });

  it('a received referral whose result is late is on the worklist until the result returns', async () => {
    const { p } = await orange(20 * 7, { registeredOn: daysAgo(30) });
    const ref = await w.dh.post(`/api/v1/pregnancies/${p.id}/referrals`, {
      referredOn: daysAgo(20),
      toInstitutionId: w.mch,
      reason: '筛查阳性转诊评估',
      sourceKind: 'screening',
    });
    expect(ref.body.outcomeDue).toBe(daysAgo(6));
    const rec = await w.sup.post(`/api/v1/maternal-referrals/${ref.body.id}/receive`, {
      version: ref.body.version,
      receivedOn: daysAgo(19),
    });
    const list = await w.dh.get('/api/v1/maternal-worklist?kind=referral_outcome');
    expect(list.body.items.find((i: Item) => i.pregnancyId === p.id)).toMatchObject({
      kind: 'referral_outcome',
      due: daysAgo(6),
      overdue: true,
      refId: ref.body.id,
    });
    await w.sup.post(`/api/v1/maternal-referrals/${ref.body.id}/outcome`, {
      version: rec.body.version,
      outcomeOn: daysAgo(0),
      outcome: '评估为橙色，专案管理',
    });
    const after = await w.dh.get('/api/v1/maternal-worklist?kind=referral_outcome');
    expect(kinds(after.body.items, p.id)).toEqual([]);
  });
});

describe('the antenatal schedule by region: national basic public health (5 contacts) or the clinical schedule (CMA 2018)', () => {
  it('a county supervisor chooses the clinical schedule; new registrations follow it; running ones keep theirs', async () => {
    const before = await registered(w.dh, 10 * 7);
    expect(before.scheduleId).toBe('anc-basic-public-health-cn');
    expect(
      await w.dh.request('PUT', '/api/v1/maternal/schedule-choices', {
        regionCode: '330902',
        scheduleId: 'anc-clinical-cma-2018',
      }),
    ).toMatchObject({ status: 403 });
    expect(
      (
        await w.sup.request('PUT', '/api/v1/maternal/schedule-choices', {
          regionCode: '330903',
          scheduleId: 'anc-clinical-cma-2018',
        })
      ).status,
    ).toBe(403);
    const bad = await w.sup.request('PUT', '/api/v1/maternal/schedule-choices', {
      regionCode: '330902',
      scheduleId: 'weekly',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('scheduleId');
    const set = await w.sup.request('PUT', '/api/v1/maternal/schedule-choices', {
      regionCode: '330902',
      scheduleId: 'anc-clinical-cma-2018',
      note: '本区高危孕妇较多，按临床指南产检',
    });
    expect(set.status).toBe(200);
    const list = await w.dh.get('/api/v1/maternal/schedules');
    expect(list.body.choices).toEqual([
      expect.objectContaining({ regionCode: '330902', scheduleId: set.body.scheduleId }),
    ]);
    expect(list.body.schedules.map((s: { id: string }) => s.id)).toEqual([
      'anc-basic-public-health-cn',
      'anc-clinical-cma-2018',
    ]);

    const after = await registered(w.dh, 10 * 7);
    expect(after.scheduleId).toBe('anc-clinical-cma-2018');
    expect(after.nextContact).toBe('cma1');
    const sched = await w.dh.get(`/api/v1/pregnancies/${after.id}/schedule`);
    expect(sched.body.contacts.filter((c: { kind: string }) => c.kind === 'antenatal')).toHaveLength(11);
    const wl = await w.dh.get('/api/v1/maternal-worklist?kind=visit_due');
    expect(wl.body.items.find((i: Item) => i.pregnancyId === after.id).what).toBe('第1次产前检查（6–13+6周）');
    expect((await w.dh.get(`/api/v1/pregnancies/${before.id}`)).body.scheduleId).toBe('anc-basic-public-health-cn');

    // the city's choice is inherited by a county without its own; the county's own wins
    const city = await w.city.request('PUT', '/api/v1/maternal/schedule-choices', {
      regionCode: '330900',
      scheduleId: 'anc-basic-public-health-cn',
    });
    expect(city.status).toBe(200);
    expect((await registered(w.dh, 10 * 7)).scheduleId).toBe('anc-clinical-cma-2018');
    expect((await w.sup.request('DELETE', '/api/v1/maternal/schedule-choices/330902')).status).toBe(200);
    expect((await registered(w.dh, 10 * 7)).scheduleId).toBe('anc-basic-public-health-cn');
    expect((await w.city.request('DELETE', '/api/v1/maternal/schedule-choices/330900')).status).toBe(200);
  });

  it('a woman’s record may be switched to the other schedule (visits re-matched; stale version 409)', async () => {
    const p = await registered(w.dh, 13 * 7 + 3, { registeredOn: daysAgo(7) });
    const v = await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, { visitDate: daysAgo(7), weightKg: 56 });
    expect(v.body.contactId).toBe('anc1');
    const cur = (await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body;
    const sw = await w.dh.patch(`/api/v1/pregnancies/${p.id}`, {
      version: cur.version,
      scheduleId: 'anc-clinical-cma-2018',
    });
    expect(sw.status).toBe(200);
    expect(sw.body.scheduleId).toBe('anc-clinical-cma-2018');
    const visits = await w.dh.get(`/api/v1/pregnancies/${p.id}/visits`);
    expect(visits.body[0].contactId).toBe('cma1');
    expect(
      (
        await w.dh.patch(`/api/v1/pregnancies/${p.id}`, {
          version: cur.version,
          scheduleId: 'anc-basic-public-health-cn',
        })
      ).status,
    ).toBe(409);
  });
});

describe('delivery hands over to the child module: PMTCT infant duties, neonatal and perinatal deaths', () => {
  const delivery = (babies: unknown[], extra: Record<string, unknown> = {}) => ({
    deliveryDate: daysAgo(1),
    deliveryTime: '10:00',
    place: 'institution',
    institutionId: w.hospital,
    mode: 'spontaneous',
    maternalCondition: 'good',
    babies,
    ...extra,
  });

  it('a mother HBsAg positive: the child’s exposed-infant record opens in the delivery’s transaction', async () => {
    const p = await registered(w.pmtct, 39 * 7, { registeredOn: daysAgo(100) });
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'hbv',
      testedOn: daysAgo(90),
      result: 'positive',
    });
    // recorded by a clinician without the PMTCT permission: the response says nothing of the mother's result
    const d = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([{ outcome: 'live_birth', sex: 'female' }]),
    );
    expect(d.status).toBe(201);
    expect(JSON.stringify(d.body)).not.toMatch(/hbv|exposure|乙肝/i);
    const childId = d.body.babies[0].childPersonId;
    expect((await w.dh.get(`/api/v1/children/${childId}/exposure`)).status).toBe(403);
    const e = await w.pmtct.get(`/api/v1/children/${childId}/exposure`);
    expect(e.status).toBe(200);
    expect(e.body.infections).toEqual(['hbv']);
    const hbig = e.body.duties.find(
      (x: { code: string; dueBy: string | null }) => x.code.startsWith('hbv.') && x.dueBy,
    );
    expect(hbig.dueBy.slice(0, 16)).toBe(`${daysAgo(1)}T22:00`);
    expect(hbig.state).toMatch(/due|overdue/);
    expect(e.body.nextDue).not.toBeNull();
  });

  it('a mother without a positive result: no exposed-infant record', async () => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(100) });
    const d = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([{ outcome: 'live_birth', sex: 'male' }]),
    );
    const e = await w.pmtct.get(`/api/v1/children/${d.body.babies[0].childPersonId}/exposure`);
    expect(e.status).toBe(404);
  });

  it('twins, one dying on the day of birth and one stillborn at 30 weeks: both listed for the perinatal death review', async () => {
    const p = await registered(w.dh, 30 * 7 + 1, { registeredOn: daysAgo(150) });
    const bad = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([
        { outcome: 'live_birth', sex: 'male', weightG: 1500 },
        { outcome: 'stillbirth', sex: 'female', weightG: 1300, diedOn: daysAgo(1) },
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('babies.1.diedOn');
    const early = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([{ outcome: 'live_birth', sex: 'male', weightG: 1500, diedOn: daysAgo(1), diedTime: '09:00' }]),
    );
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].field).toBe('babies.0.diedTime');
    const d = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([
        { outcome: 'live_birth', sex: 'male', weightG: 1500, diedOn: daysAgo(1), diedTime: '16:30' },
        { outcome: 'stillbirth', sex: 'female', weightG: 1300 },
      ]),
    );
    expect(d.status).toBe(201);
    expect(d.body.babies[0]).toMatchObject({ diedOn: daysAgo(1), diedTime: '16:30' });
    const child = await w.dh.get(`/api/v1/people/${d.body.babies[0].childPersonId}`);
    expect(child.body.deceasedOn).toBe(daysAgo(1));
    expect(d.body.babies[1].childPersonId).toBeNull();

    const list = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
    expect(list.status).toBe(200);
    const mine = list.body.filter((x: { pregnancyId: string }) => x.pregnancyId === p.id);
    expect(mine.map((x: any) => [x.birthOrder, x.kind, x.perinatal])).toEqual([
      [1, 'early_neonatal', true],
      [2, 'stillbirth', true],
    ]);
    expect(mine[0]).toMatchObject({ ageDays: 0, childDeathId: null, gestationalAge: '30+0' });
    // another county sees none of it
    const pt = await w.pt.get('/api/v1/perinatal-deaths');
    expect(pt.body.filter((x: { pregnancyId: string }) => x.pregnancyId === p.id)).toEqual([]);
  });

  it('a stillbirth before 28 weeks is not a perinatal death', async () => {
    const p = await registered(w.dh, 24 * 7 + 1, { registeredOn: daysAgo(100) });
    const d = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([{ outcome: 'fetal_death', sex: 'unknown', weightG: 600 }]),
    );
    expect(d.status).toBe(201);
    const list = await w.dh.get('/api/v1/perinatal-deaths');
    expect(list.body.filter((x: { pregnancyId: string }) => x.pregnancyId === p.id)).toEqual([]);
  });
});

describe('the maternal death card takes what the pregnancy record knows; the family phone is encrypted', () => {
  it('prefills gravidity, parity, LMP, antenatal care, delivery; masks the phone', async () => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(200), gravidity: 3, parity: 1 });
    await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, { visitDate: daysAgo(150), weightKg: 60 });
    await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, { visitDate: daysAgo(20), weightKg: 68 });
    await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, {
      deliveryDate: daysAgo(2),
      deliveryTime: '03:15',
      place: 'institution',
      institutionId: w.hospital,
      mode: 'caesarean',
      caesareanIndication: '胎盘早剥',
      complications: ['pph'],
      bloodLossMl: 2500,
      maternalCondition: 'died',
      babies: [{ outcome: 'live_birth', sex: 'female', weightG: 3000 }],
    });
    const bad = await w.dh.post('/api/v1/maternal-deaths', {
      personId: p.personId,
      deathDate: daysAgo(1),
      deathPlace: 'county_hospital',
      underlyingCause: '产后出血',
      icd10: 'O72.1',
      familyPhone: '12345',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('familyPhone');
    const card = await w.dh.post('/api/v1/maternal-deaths', {
      personId: p.personId,
      deathDate: daysAgo(1),
      deathPlace: 'county_hospital',
      underlyingCause: '产后出血',
      icd10: 'O72.1',
      familyPhone: '13812345678',
      birthAttendant: 'doctor',
      planned: true,
    });
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({
      gravidity: 3,
      parity: 1,
      lmp: p.lmp,
      hukouLocal: true,
      antenatalCare: true,
      visitCount: 2,
      firstVisitGaWeeks: Math.floor((39 * 7 - 150) / 7),
      deliveryDate: daysAgo(2),
      deliveryTime: '03:15',
      deliveryMode: 'caesarean',
      deliveryPlace: 'county_hospital',
      newMethodDelivery: true,
      birthAttendant: 'doctor',
      familyPhoneMasked: '138****5678',
      ageYears: 27,
    });
    const raw = await sql<{
      e: string;
    }>`select family_phone_enc as e from maternal_death where id = ${card.body.id}`.execute(w.s.db.db);
    expect(raw.rows[0]!.e).not.toContain('13812345678');
    const fix = await w.dh.patch(`/api/v1/maternal-deaths/${card.body.id}`, {
      version: card.body.version,
      gravidity: 4,
    });
    expect(fix.status).toBe(200);
    expect(fix.body.gravidity).toBe(4);
  });

  it('the card of a woman with no pregnancy record still saves (nothing to prefill)', async () => {
    const personId = await woman(w.dh);
    const card = await w.dh.post('/api/v1/maternal-deaths', {
      personId,
      deathDate: daysAgo(3),
      deathPlace: 'home',
      underlyingCause: '羊水栓塞',
      icd10: 'O88.1',
    });
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ gravidity: null, visitCount: null, familyPhoneMasked: null });
  });
});

describe('PMTCT 2020: all three tests at the first visit; untested women are tested at labour', () => {
  it('the woman’s page asks for the tests not done (which, never the results), for everyone', async () => {
    const p = await registered(w.pmtct, 12 * 7);
    const before = await w.dh.get(`/api/v1/women/${p.personId}/maternal`);
    const duty = before.body.current.duties.find((d: { kind: string }) => d.kind === 'pmtct_untested');
    expect(duty.zh).toContain('艾滋病、梅毒、乙肝');
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'hiv',
      testedOn: daysAgo(0),
      result: 'negative',
    });
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'hbv',
      testedOn: daysAgo(0),
      result: 'negative',
    });
    const after = await w.dh.get(`/api/v1/women/${p.personId}/maternal`);
    const d2 = after.body.current.duties.find((d: { kind: string }) => d.kind === 'pmtct_untested');
    expect(d2.zh).toContain('梅毒');
    expect(d2.zh).not.toContain('艾滋病');
    expect(JSON.stringify(after.body)).not.toMatch(/"result":|testedOn/);
    const view = await w.pmtct.get(`/api/v1/pregnancies/${p.id}/pmtct`);
    expect(view.body.status.find((x: { infection: string }) => x.infection === 'syphilis')).toMatchObject({
      tested: false,
      rapidTestAtLabourNeeded: true,
    });
    expect(view.body.status.find((x: { infection: string }) => x.infection === 'hiv')).toMatchObject({
      tested: true,
      earlyTest: true,
      testedAtFirstVisit: true,
    });
  });
});

describe('M10: a woman under 18 at the LMP alerts the county supervisor, also when the LMP is corrected', () => {
  it('raises the alert on the correction that makes her a minor at the LMP', async () => {
    // 18 years and 100 days old: an LMP 70 days ago is after her 18th birthday; corrected to 200 days ago, before it
    const p = await registered(w.dh, 70, {}, { birthDate: yearsAgo(18, 100) });
    expect(p.minorAtLmp).toBe(false);
    const fix = await w.dh.patch(`/api/v1/pregnancies/${p.id}`, { version: p.version, lmp: daysAgo(200) });
    expect(fix.status).toBe(200);
    expect(fix.body.minorAtLmp).toBe(true);
    const alerts = await w.sup.get('/api/v1/maternal-alerts');
    expect(
      alerts.body.some(
        (a: { personId: string; kind: string }) => a.personId === p.personId && a.kind === 'minor_pregnancy',
      ),
    ).toBe(true);
  });
});
