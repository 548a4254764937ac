/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { randomUUID } from 'node:crypto';
import { sql } from '@fuyou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

let w: WomenWorld;
beforeAll(async () => {
  w = await womenWorld();
});
afterAll(async () => w?.s.close());

async function couple(age = 28) {
  return {
    female: await registerPerson(w.dh, { age }),
    male: await registerPerson(w.dh, { age: 30, sex: 'male' }),
  };
}

function body(c: { female: string; male: string }, extra: Record<string, unknown> = {}) {
  return {
    checkDate: daysAgo(1),
    plannedPregnancyOn: daysAgo(-90),
    female: {
      personId: c.female,
      values: { rubellaIgG: 'positive', haemoglobinGPerL: 125, heightCm: 160, weightKg: 55 },
      infectious: { syphilis: 'negative', hbsag: 'negative' },
      items: ['health_education', 'history', 'physical_exam', 'blood_routine'],
    },
    male: { personId: c.male, values: { haemoglobinGPerL: 150 }, infectious: { syphilis: 'negative' } },
    advice: '孕前3个月开始补充叶酸',
    ...extra,
  };
}

describe('preconception check: validation and the risk assessment from core', () => {
  it.each<[string, (c: { female: string; male: string }) => Record<string, unknown>, string]>([
    ['the man as the woman', (c) => body(c, { female: { personId: c.male } }), 'female.personId'],
    [
      'a woman-only item for the man',
      (c) => body(c, { male: { personId: c.male, items: ['gyn_ultrasound'] } }),
      'male.items',
    ],
    [
      'a haemoglobin of 500',
      (c) => body(c, { female: { personId: c.female, values: { haemoglobinGPerL: 500 } } }),
      'female.values.haemoglobinGPerL',
    ],
    ['a referral without a reason', (c) => body(c, { referred: true, referralTo: '市妇幼保健院' }), 'referralReason'],
    ['a future check date', (c) => body(c, { checkDate: daysAgo(-1) }), 'checkDate'],
  ])('refuses %s', async (_t, make, field) => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/preconception-checks', make(c));
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe(field);
  });

  it('a low-risk couple: no factors, early-pregnancy follow-up in 180 days; BMI computed', async () => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/preconception-checks', body(c));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ riskLevel: 'low', followUpDue: daysAgo(-179) });
    expect(r.body.female).toMatchObject({ riskLevel: 'low', riskFactors: [], infectious: 'restricted' });
    expect(r.body.female.values.bmi).toBe(21.5);
  });

  it('rubella susceptible, age 36 and a positive syphilis test: high risk; the infectious factor is encrypted', async () => {
    const c = await couple(36);
    const r = await w.dh.post(
      '/api/v1/preconception-checks',
      body(c, {
        female: {
          personId: c.female,
          values: { rubellaIgG: 'negative' },
          infectious: { syphilis: 'positive' },
          reported: ['smoking'],
        },
        referred: true,
        referralTo: '舟山市妇幼保健院',
        referralReason: '梅毒阳性，转诊治疗',
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.riskLevel).toBe('high');
    expect(r.body.female.riskFactors).toEqual(['rubella_susceptible', 'advanced_maternal_age', 'smoking']);
    expect(r.body.female.infectious).toBe('restricted');
    expect(r.body.followUpDue).toBe(daysAgo(-29));
    const sup = await w.sup.get(`/api/v1/preconception-checks/${r.body.id}`);
    expect(sup.body.female.infectious).toEqual({ results: { syphilis: 'positive' }, factors: ['syphilis_positive'] });
    const raw = await sql<{ enc: string; factors: string[] }>`
      select female_infectious_enc as enc, female_risk_factors as factors from preconception_check where id = ${r.body.id}`.execute(
      w.s.db.db,
    );
    expect(raw.rows[0]!.enc).toMatch(/^v1:/);
    expect(raw.rows[0]!.factors).not.toContain('syphilis_positive');
  });
});

describe('preconception follow-up, pregnancy link, scope, list', () => {
  it('follow-up once (422 again), pregnancy linked for the maternal module, stale 409', async () => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/preconception-checks', body(c, { checkDate: daysAgo(200) }));
    expect(r.body.followUpOverdue).toBe(true);
    const overdue = await w.dh.get('/api/v1/preconception-checks?followUp=overdue&pageSize=200');
    expect(overdue.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    const fu = await w.dh.post(`/api/v1/preconception-checks/${r.body.id}/follow-up`, {
      version: r.body.version,
      date: daysAgo(0),
      outcome: '已怀孕，已建册',
    });
    expect(fu.status).toBe(200);
    const again = await w.dh.post(`/api/v1/preconception-checks/${r.body.id}/follow-up`, {
      version: fu.body.version,
      date: daysAgo(0),
      outcome: 'x',
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const pregnancyId = randomUUID();
    const stale = await w.dh.post(`/api/v1/preconception-checks/${r.body.id}/pregnancy`, {
      version: r.body.version,
      pregnancyId,
      confirmedOn: daysAgo(5),
    });
    expect(stale.status).toBe(409);
    const link = await w.dh.post(`/api/v1/preconception-checks/${r.body.id}/pregnancy`, {
      version: fu.body.version,
      pregnancyId,
      confirmedOn: daysAgo(5),
    });
    expect(link.body).toMatchObject({ pregnancyId, pregnancyConfirmedOn: daysAgo(5) });
    const row = await sql<{
      id: string;
    }>`select id from preconception_check where pregnancy_id = ${pregnancyId}`.execute(w.s.db.db);
    expect(row.rows[0]!.id).toBe(r.body.id);
  });

  it("updates re-assess the risk; another county's check is 404; history of both partners; export", async () => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/preconception-checks', body(c));
    const up = await w.dh.patch(`/api/v1/preconception-checks/${r.body.id}`, {
      version: r.body.version,
      male: { personId: c.male, values: { haemoglobinGPerL: 100 } },
    });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ riskLevel: 'high', followUpDue: daysAgo(-29) });
    expect(up.body.male.riskFactors).toEqual(['anaemia']);
    expect((await w.pt.get(`/api/v1/preconception-checks/${r.body.id}`)).status).toBe(404);
    expect((await w.pt.patch(`/api/v1/preconception-checks/${r.body.id}`, { version: 2 })).status).toBe(404);
    const hist = await w.dh.get(`/api/v1/people/${c.male}/preconception-checks`);
    expect(hist.body.map((x: any) => x.id)).toEqual([r.body.id]);
    const high = await w.dh.get('/api/v1/preconception-checks?riskLevel=high&pageSize=200');
    expect(high.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    const x = await w.dh.request('GET', '/api/v1/preconception-checks/export.xlsx?riskLevel=high');
    expect(x.status).toBe(200);
  });
});

describe('folic acid: dispensing, adherence from core, worklist', () => {
  it('dispenses 3 packs (93 days), asks for follow-up when the supply ends, classifies adherence', async () => {
    const woman = await registerPerson(w.dh, { age: 27 });
    const bad = await w.dh.post('/api/v1/folic-acid/dispensings', {
      personId: woman,
      dispensedOn: daysAgo(1),
      packs: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('packs');
    const man = await registerPerson(w.dh, { sex: 'male' });
    const toMan = await w.dh.post('/api/v1/folic-acid/dispensings', {
      personId: man,
      dispensedOn: daysAgo(1),
      packs: 1,
    });
    expect(toMan.status).toBe(400);
    const d = await w.dh.post('/api/v1/folic-acid/dispensings', {
      personId: woman,
      dispensedOn: daysAgo(100),
      packs: 3,
    });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ tablets: 93, supplyDays: 93, followUpDue: daysAgo(7), followUpOverdue: true });
    const wl = await w.dh.get('/api/v1/folic-acid/dispensings?followUp=overdue&pageSize=200');
    expect(wl.body.items.some((i: any) => i.id === d.body.id)).toBe(true);
    const tooMany = await w.dh.post('/api/v1/folic-acid/follow-ups', {
      personId: woman,
      dispensingId: d.body.id,
      followUpDate: daysAgo(0),
      daysTaken: 120,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields[0].field).toBe('daysTaken');
    const fu = await w.dh.post('/api/v1/folic-acid/follow-ups', {
      personId: woman,
      dispensingId: d.body.id,
      followUpDate: daysAgo(0),
      daysTaken: 60,
      folateNgMl: 8.5,
    });
    expect(fu.status).toBe(201);
    expect(fu.body).toMatchObject({ daysExpected: 93, adherence: 'non_adherent', folateNgMl: 8.5 });
    expect(fu.body.share).toBeCloseTo(60 / 93, 3);
    const wl2 = await w.dh.get('/api/v1/folic-acid/dispensings?followUp=overdue&pageSize=200');
    expect(wl2.body.items.some((i: any) => i.id === d.body.id)).toBe(false);
    const hist = await w.dh.get(`/api/v1/people/${woman}/folic-acid`);
    expect(hist.body).toMatchObject({ tabletsDispensed: 93 });
    expect(hist.body.dispensings[0].followedUp).toBe(true);
    expect((await w.pt.get(`/api/v1/people/${woman}/folic-acid`)).status).toBe(404);
    const x = await w.dh.request('GET', '/api/v1/folic-acid/dispensings/export.xlsx');
    expect(x.status).toBe(200);
  });

  it('links dispensing to her preconception check and gives the supplementation window', async () => {
    const c = await couple();
    const chk = await w.dh.post('/api/v1/preconception-checks', body(c, { plannedPregnancyOn: '2030-06-01' }));
    const other = await couple();
    const wrong = await w.dh.post('/api/v1/folic-acid/dispensings', {
      personId: other.female,
      dispensedOn: daysAgo(0),
      packs: 2,
      preconceptionCheckId: chk.body.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('preconceptionCheckId');
    const ok = await w.dh.post('/api/v1/folic-acid/dispensings', {
      personId: c.female,
      dispensedOn: daysAgo(0),
      packs: 2,
      preconceptionCheckId: chk.body.id,
    });
    expect(ok.status).toBe(201);
    const hist = await w.dh.get(`/api/v1/people/${c.female}/folic-acid`);
    expect(hist.body.schedule).toMatchObject({ startDate: '2030-03-01', endDate: '2030-08-31' });
  });
});
