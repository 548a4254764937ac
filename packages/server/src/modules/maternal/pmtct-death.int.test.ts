import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, withScope } from '@fuyou/db';
import { daysAgo, maternalWorld, registered, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

describe('PMTCT (预防艾滋病、梅毒和乙肝母婴传播): restricted, encrypted, purple', () => {
  it('refuses results without the pmtct permission and shows "restricted"', async () => {
    const p = await registered(w.dh, 10 * 7);
    const r = await w.dh.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'hiv',
      testedOn: daysAgo(0),
      result: 'negative',
    });
    expect(r.status).toBe(403);
    const view = await w.dh.get(`/api/v1/pregnancies/${p.id}/pmtct`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({ restricted: true });
  });

  it('a positive HBsAg makes her purple, opens the PMTCT record and a case; results are encrypted at rest', async () => {
    const p = await registered(w.pmtct, 10 * 7);
    for (const infection of ['hiv', 'syphilis'])
      expect(
        (
          await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
            infection,
            testedOn: daysAgo(0),
            result: 'negative',
          })
        ).status,
      ).toBe(201);
    const pos = await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'hbv',
      testedOn: daysAgo(0),
      result: 'positive',
      hbeagPositive: true,
    });
    expect(pos.status).toBe(201);
    expect(pos.body.assessment.assessment).toMatchObject({ purple: true, colour: 'green' });
    expect(pos.body.assessment.case.opened).toBe(true);
    const view = await w.pmtct.get(`/api/v1/pregnancies/${p.id}/pmtct`);
    expect(view.body.restricted).toBe(false);
    expect(view.body.tests).toHaveLength(3);
    expect(view.body.status.find((s: { infection: string }) => s.infection === 'hbv')).toMatchObject({
      positive: true,
      earlyTest: true,
      testedAtFirstVisit: true,
      rapidTestAtLabourNeeded: false,
    });
    expect(view.body.record.infections).toEqual(['hbv']);
    expect(view.body.record.hbvAntiviralIndicated).toBe(true);
    // others see the colour but not the infection
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    expect(preg.body.riskPurple).toBe(true);
    const seen = await w.dh.get(`/api/v1/pregnancies/${p.id}/risk-assessments`);
    const codes = seen.body[0].matched.map((m: { code: string }) => m.code);
    expect(codes).toEqual(['purple.restricted']);
    expect(seen.body[0].facts.hbsagPositive).toBeUndefined();
    const full = await w.pmtct.get(`/api/v1/pregnancies/${p.id}/risk-assessments`);
    expect(full.body[0].matched.map((m: { code: string }) => m.code)).toEqual(['purple.hepatitis_b']);
    const raw = await withScope(w.s.db.db, { counties: ['330902'] }, (trx) =>
      sql<{ result_enc: string }>`select result_enc from pmtct_test where pregnancy_id = ${p.id}`.execute(trx),
    );
    expect(raw.rows.every((r) => r.result_enc.startsWith('v1:') && !r.result_enc.includes('positive'))).toBe(true);

    const t = await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct/treatments`, {
      version: view.body.record.version,
      infection: 'hbv',
      kind: 'hbv_antiviral',
      startedOn: daysAgo(0),
    });
    expect(t.status).toBe(200);
    const stale = await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct/treatments`, {
      version: view.body.record.version,
      infection: 'hbv',
      kind: 'other',
      startedOn: daysAgo(0),
    });
    expect(stale.status).toBe(409);
  });

  it('after delivery the infant’s duties are due: HBIG + hepatitis B vaccine within 12 h of birth', async () => {
    const p = await registered(w.pmtct, 39 * 7, { registeredOn: daysAgo(100) });
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'hbv',
      testedOn: daysAgo(90),
      result: 'positive',
    });
    const d = await w.pmtct.post(`/api/v1/pregnancies/${p.id}/delivery`, {
      deliveryDate: daysAgo(1),
      deliveryTime: '10:00',
      place: 'institution',
      institutionId: w.hospital,
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'male', weightG: 3300 }],
    });
    expect(d.status).toBe(201);
    const view = await w.pmtct.get(`/api/v1/pregnancies/${p.id}/pmtct`);
    const hbig = view.body.infantPlan.duties.find(
      (x: { code: string; dueBy: string | null }) => x.code.startsWith('hbv.') && x.dueBy,
    );
    expect(hbig.dueBy).toBe(`${daysAgo(1)}T22:00+08:00`);
  });
});

describe('prenatal screening and diagnosis', () => {
  it('a high T21 risk opens a follow-up that closes with the diagnosis and counselling', async () => {
    const p = await registered(w.dh, 17 * 7);
    const s = await w.dh.post(`/api/v1/pregnancies/${p.id}/prenatal-screenings`, {
      method: 'serum_second',
      screenedOn: daysAgo(0),
      t21: 'high',
      t18: 'low',
      ntd: 'low',
    });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ followUp: 'open', followUpDue: daysAgo(-28), gestationalAge: '17+0' });
    const open = await w.dh.get('/api/v1/prenatal-screenings/open');
    expect(open.body.map((x: { id: string }) => x.id)).toContain(s.body.id);
    const d1 = await w.dh.post(`/api/v1/prenatal-screenings/${s.body.id}/diagnosis`, {
      version: s.body.version,
      diagnosisMethod: 'amniocentesis',
      diagnosisTest: 'karyotype',
      diagnosedOn: daysAgo(0),
      diagnosisResult: '46,XX',
    });
    expect(d1.body.followUp).toBe('open');
    const d2 = await w.dh.post(`/api/v1/prenatal-screenings/${s.body.id}/diagnosis`, {
      version: d1.body.version,
      counsellingOutcome: '核型正常，继续妊娠',
    });
    expect(d2.body.followUp).toBe('closed');
    const low = await w.dh.post(`/api/v1/pregnancies/${p.id}/prenatal-screenings`, {
      method: 'cfdna',
      screenedOn: daysAgo(0),
      t21: 'low',
    });
    expect(low.body.followUp).toBe('none');
  });
});

describe('maternal death: card, submission, review; a death closes every duty', () => {
  it('submission alerts county and city, closes the pregnancy, case, PMTCT record and follow-ups, marks her deceased', async () => {
    const p = await registered(w.pmtct, 30 * 7, { registeredOn: daysAgo(60) });
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'syphilis',
      testedOn: daysAgo(50),
      result: 'positive',
    });
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/prenatal-screenings`, {
      method: 'serum_second',
      screenedOn: daysAgo(50),
      t21: 'high',
    });
    const before = await w.pmtct.get(`/api/v1/high-risk-cases?status=open&pageSize=200`);
    const caseRow = before.body.items.find((i: { pregnancyId: string }) => i.pregnancyId === p.id);
    expect(caseRow).toBeTruthy();

    const bad = await w.pmtct.post('/api/v1/maternal-deaths', {
      personId: p.personId,
      deathDate: daysAgo(0),
      deathPlace: 'county_hospital',
      underlyingCause: '产后出血',
      icd10: 'X',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('icd10');
    const card = await w.pmtct.post('/api/v1/maternal-deaths', {
      personId: p.personId,
      deathDate: daysAgo(0),
      deathPlace: 'county_hospital',
      causeA: '失血性休克',
      underlyingCause: '胎盘早剥',
      icd10: 'O45.9',
      diagnosisBasis: 'clinical',
    });
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ status: 'draft', pregnancyId: p.id });
    const edited = await w.pmtct.patch(`/api/v1/maternal-deaths/${card.body.id}`, {
      version: card.body.version,
      deathTime: '03:20',
    });
    expect(edited.body.deathTime).toBe('03:20');
    const stale = await w.pmtct.post(`/api/v1/maternal-deaths/${card.body.id}/submit`, { version: card.body.version });
    expect(stale.status).toBe(409);
    const sub = await w.pmtct.post(`/api/v1/maternal-deaths/${card.body.id}/submit`, { version: edited.body.version });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('submitted');

    const preg = await w.pmtct.get(`/api/v1/pregnancies/${p.id}`);
    expect(preg.body).toMatchObject({ status: 'closed', endReason: 'maternal_death', nextDueOn: null });
    const c = await w.pmtct.get(`/api/v1/high-risk-cases/${caseRow.id}`);
    expect(c.body).toMatchObject({ status: 'closed', closeReason: 'death' });
    const person = await w.pmtct.get(`/api/v1/people/${p.personId}`);
    expect(person.body.deceasedOn).toBe(daysAgo(0));
    const view = await w.pmtct.get(`/api/v1/pregnancies/${p.id}/pmtct`);
    expect(view.body.record.nextActionDue).toBeNull();
    const open = await w.pmtct.get('/api/v1/prenatal-screenings/open');
    expect(open.body.some((x: { pregnancyId: string }) => x.pregnancyId === p.id)).toBe(false);

    const county = await w.sup.get('/api/v1/maternal-alerts');
    expect(
      county.body.some(
        (a: { entityId: string; kind: string }) => a.entityId === card.body.id && a.kind === 'maternal_death',
      ),
    ).toBe(true);
    const city = await w.city.get('/api/v1/maternal-alerts');
    expect(city.body.some((a: { entityId: string }) => a.entityId === card.body.id)).toBe(true);

    const badCell = await w.sup.post(`/api/v1/maternal-deaths/${card.body.id}/reviews`, {
      level: 'county',
      reviewedOn: daysAgo(0),
      conclusion: 'avoidable',
      factors: { 'nowhere.attitude': 'x' },
    });
    expect(badCell.status).toBe(400);
    const rev = await w.sup.post(`/api/v1/maternal-deaths/${card.body.id}/reviews`, {
      level: 'county',
      reviewedOn: daysAgo(0),
      conclusion: 'conditionally_avoidable',
      factors: { 'personal_family.knowledge_skill': '未及时就诊', 'health_system.resources': '血源不足' },
      actions: '加强产科急救培训',
    });
    expect(rev.status).toBe(201);
    expect(rev.body.reviews[0]).toMatchObject({ level: 'county', conclusion: 'conditionally_avoidable' });
    const twice = await w.sup.post(`/api/v1/maternal-deaths/${card.body.id}/reviews`, {
      level: 'county',
      reviewedOn: daysAgo(0),
      conclusion: 'avoidable',
    });
    expect(twice.status).toBe(409);
    expect(
      (
        await w.dh.post(`/api/v1/maternal-deaths/${card.body.id}/reviews`, {
          level: 'city',
          reviewedOn: daysAgo(0),
          conclusion: 'avoidable',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a death more than 42 days after the delivery', async () => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(200) });
    await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, {
      deliveryDate: daysAgo(60),
      place: 'institution',
      institutionId: w.hospital,
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'male', weightG: 3300 }],
    });
    const r = await w.dh.post('/api/v1/maternal-deaths', {
      personId: p.personId,
      deathDate: daysAgo(0),
      deathPlace: 'home',
      underlyingCause: '心肌病',
      icd10: 'O90.3',
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('NOT_MATERNAL_DEATH');
  });
});
