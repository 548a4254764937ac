import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysAgo,
  maternalWorld,
  pregnancyBody,
  registered,
  woman,
  yearsAgo,
  type MaternalWorld,
} from './maternal.fixtures';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

describe('registration (建册): dating, gestational age, flags', () => {
  it('computes the EDD by Naegele, the gestational age and early registration (<13+0)', async () => {
    const personId = await woman(w.dh, { birthDate: '1996-06-15' });
    const r = await w.dh.post(
      '/api/v1/pregnancies',
      pregnancyBody(personId, 84, { lmp: '2024-01-01', registeredOn: '2024-03-25' }),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      personId,
      status: 'antenatal',
      lmp: '2024-01-01',
      edd: '2024-10-07',
      eddMethod: 'lmp',
      gaAtRegistration: '12+0',
      earlyRegistration: true,
      nonResident: false,
      minorAtLmp: false,
      ageAtLmp: 27,
      bmi: 21.48,
      registeringInstitutionId: w.inst,
    });
    const late = await registered(w.dh, 13 * 7);
    expect(late).toMatchObject({ gaAtRegistration: '13+0', earlyRegistration: false, gestationalAge: '13+0' });
  });

  it('corrects the EDD by an early ultrasound and keeps the reason', async () => {
    const personId = await woman(w.dh);
    const r = await w.dh.post(
      '/api/v1/pregnancies',
      pregnancyBody(personId, 70, {
        lmp: daysAgo(70),
        ultrasound: { scanDate: daysAgo(0), gaWeeks: 8, gaDays: 0, note: 'CRL 16 mm' },
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.eddMethod).toBe('ultrasound');
    expect(r.body.eddCorrection).toMatchObject({
      corrected: true,
      reason: 'discrepancy_over_threshold',
      differenceDays: -14,
    });
    expect(r.body.gaAtRegistration).toBe('8+0');
    expect(r.body.edd).toBe(r.body.eddCorrection.ultrasoundEdd);
  });

  it('marks a non-resident woman (户籍 in another county)', async () => {
    const p = await registered(w.dh, 60, {}, { hukouRegionCode: '330903' });
    expect(p.nonResident).toBe(true);
  });

  it('screens the registration with the 附件1 table (history items and computed ones)', async () => {
    const p = await registered(w.dh, 60, {
      gravidity: 3,
      parity: 1,
      previousCaesareans: 1,
      previousUterineSurgeries: 1,
      historyItems: ['screen.infertility'],
    });
    const codes = p.screening.matched.map((m: { code: string }) => m.code);
    expect(p.screening.positive).toBe(true);
    expect(codes).toEqual(expect.arrayContaining(['screen.caesarean_history', 'screen.infertility']));
  });

  it('raises an alert for the county supervisor when she was under 18 at the LMP', async () => {
    const p = await registered(w.dh, 60, { gravidity: 1, parity: 0 }, { birthDate: yearsAgo(17, 10) });
    expect(p.minorAtLmp).toBe(true);
    const alerts = await w.sup.get('/api/v1/maternal-alerts');
    expect(alerts.status).toBe(200);
    const a = alerts.body.find((x: { entityId: string }) => x.entityId === p.id);
    expect(a).toMatchObject({ kind: 'minor_pregnancy', personId: p.personId });
    // a clinician cannot see or acknowledge alerts; the supervisor acknowledges once
    expect((await w.dh.get('/api/v1/maternal-alerts')).status).toBe(403);
    const ack = await w.sup.post(`/api/v1/maternal-alerts/${a.id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).toBeTruthy();
    const after = await w.sup.get('/api/v1/maternal-alerts');
    expect(after.body.find((x: { id: string }) => x.id === a.id)).toBeUndefined();
    // the city supervisor does not get county alerts of minors
    const city = await w.city.get('/api/v1/maternal-alerts?all=true');
    expect(city.body.find((x: { entityId: string }) => x.entityId === p.id)).toBeUndefined();
  });

  it('is idempotent with a client id', async () => {
    const personId = await woman(w.dh);
    const id = crypto.randomUUID();
    const body = pregnancyBody(personId, 60, { id });
    const a = await w.dh.post('/api/v1/pregnancies', body);
    const b = await w.dh.post('/api/v1/pregnancies', body);
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(id);
  });
});

describe('registration rules', () => {
  it('refuses a second open pregnancy with a 409 pointing to the open one', async () => {
    const p = await registered(w.dh, 60);
    const again = await w.dh.post('/api/v1/pregnancies', pregnancyBody(p.personId, 50));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PREGNANCY_OPEN');
    expect(again.body.error).toMatchObject({ pregnancyId: p.id, registeredOn: p.registeredOn });
    expect(again.body.error.message).toContain('已有未结案');
  });

  it('two registrations at once: one wins, the other gets the same 409 (the partial unique index backs the check)', async () => {
    const personId = await woman(w.dh);
    const [a, b] = await Promise.all([
      w.dh.post('/api/v1/pregnancies', pregnancyBody(personId, 60)),
      w.dh.post('/api/v1/pregnancies', pregnancyBody(personId, 61)),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    const won = a.status === 201 ? a : b;
    expect(lost.body.error).toMatchObject({ code: 'PREGNANCY_OPEN', pregnancyId: won.body.id });
  });

  it.each([
    ['no LMP and no ultrasound', { lmp: undefined }, 'lmp'],
    ['parity ≥ gravidity', { gravidity: 1, parity: 1 }, 'parity'],
    [
      'more caesareans than births',
      { parity: 1, previousCaesareans: 2, previousUterineSurgeries: 2 },
      'previousCaesareans',
    ],
    ['an unknown screening item', { historyItems: ['screen.nonsense'] }, 'historyItems'],
    ['a registration in the future', { registeredOn: daysAgo(-3) }, 'registeredOn'],
    ['a bad date', { lmp: '2024-02-30' }, 'lmp'],
    ['a height out of range', { heightCm: 300 }, 'heightCm'],
    ['an LMP 50 weeks ago', { lmp: daysAgo(350) }, 'lmp'],
  ])('refuses %s (400 naming the field)', async (_label, extra, field) => {
    const personId = await woman(w.dh);
    const r = await w.dh.post('/api/v1/pregnancies', { ...pregnancyBody(personId, 60), ...extra });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a man, and a person of another county is not found', async () => {
    const man = await woman(w.dh, { sex: 'male' });
    const r = await w.dh.post('/api/v1/pregnancies', pregnancyBody(man));
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe('personId');
    const ptWoman = await woman(w.pt, { residenceRegionCode: '330903' });
    expect((await w.dh.post('/api/v1/pregnancies', pregnancyBody(ptWoman))).status).toBe(404);
    const p = await registered(w.pt, 60, {}, { residenceRegionCode: '330903' });
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).status).toBe(404);
  });

  it('updates with optimistic concurrency: a stale version gets 409', async () => {
    const p = await registered(w.dh, 60);
    const ok = await w.dh.patch(`/api/v1/pregnancies/${p.id}`, {
      version: p.version,
      handbookNo: 'HB-NEW',
      lmp: daysAgo(65),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      handbookNo: 'HB-NEW',
      lmp: daysAgo(65),
      gaAtRegistration: '9+2',
      version: p.version + 1,
    });
    const stale = await w.dh.patch(`/api/v1/pregnancies/${p.id}`, { version: p.version, handbookNo: 'HB-OLD' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('moves with the woman when she is transferred to another county', async () => {
    const p = await registered(w.dh, 60);
    const person = await w.dh.get(`/api/v1/people/${p.personId}`);
    const t = await w.dh.post(`/api/v1/people/${p.personId}/transfer`, {
      toResidenceRegionCode: '330903',
      reason: '随丈夫迁居',
      version: person.body.version,
    });
    expect(t.status).toBe(200);
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).status).toBe(404);
    const there = await w.pt.get(`/api/v1/pregnancies/${p.id}`);
    expect(there.status).toBe(200);
    expect(there.body.countyCode).toBe('330903');
  });

  it('ends a pregnancy by miscarriage with date and reason; then a new one may be registered', async () => {
    const p = await registered(w.dh, 60);
    const bad = await w.dh.post(`/api/v1/pregnancies/${p.id}/end`, {
      version: p.version,
      reason: 'other',
      endedOn: daysAgo(0),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('note');
    const end = await w.dh.post(`/api/v1/pregnancies/${p.id}/end`, {
      version: p.version,
      reason: 'miscarriage',
      endedOn: daysAgo(0),
      note: '孕9周自然流产',
    });
    expect(end.status).toBe(200);
    expect(end.body).toMatchObject({
      status: 'closed',
      endReason: 'miscarriage',
      endedOn: daysAgo(0),
      nextDueOn: null,
    });
    const list = await w.dh.get(`/api/v1/women/${p.personId}/pregnancies`);
    expect(list.body).toHaveLength(1);
    const next = await w.dh.post('/api/v1/pregnancies', pregnancyBody(p.personId, 20, { gravidity: 3, parity: 1 }));
    expect(next.status).toBe(201);
  });
});
