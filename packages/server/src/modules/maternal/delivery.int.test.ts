import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, withScope } from '@fuyou/db';
import { systemContext } from '../../platform/context';
import { daysAgo, maternalWorld, registered, yearsAgo, type MaternalWorld } from './maternal.fixtures';
import type { ChildBirthHook } from './delivery.service';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

function delivery(extra: Record<string, unknown> = {}) {
  return {
    // yesterday: the person index refuses a birth date after today in UTC (China is 8 hours ahead)
    deliveryDate: daysAgo(1),
    deliveryTime: '08:30',
    place: 'institution',
    institutionId: w.hospital,
    mode: 'spontaneous',
    maternalCondition: 'good',
    babies: [{ outcome: 'live_birth', sex: 'female', weightG: 3400, lengthCm: 50, apgar1: 9, apgar5: 10 }],
    ...extra,
  };
}

describe('delivery and birth outcome', () => {
  it('a live birth creates the child in the person index (mother link, residence = mother’s) and her child record', async () => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(20 * 7) }, { address: '定海区人民北路1号' });
    const d = await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, delivery());
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ gestationalAge: '38+6', fetuses: 1, mode: 'spontaneous' });
    const baby = d.body.babies[0];
    expect(baby).toMatchObject({
      outcome: 'live_birth',
      flags: { macrosomia: false, lowBirthWeight: false, preterm: false },
    });
    const child = await w.dh.get(`/api/v1/people/${baby.childPersonId}`);
    expect(child.status).toBe(200);
    expect(child.body).toMatchObject({
      motherId: p.personId,
      birthDate: daysAgo(1),
      sex: 'female',
      residenceRegionCode: '330902',
      address: '定海区人民北路1号',
    });
    expect(child.body.name).toContain('之女');
    const profile = await w.dh.get(`/api/v1/children/${baby.childPersonId}`);
    expect(profile.status).toBe(200);
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    expect(preg.body).toMatchObject({ status: 'postpartum', deliveredOn: daysAgo(1), nextContact: 'home_visit' });
    const again = await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, delivery());
    expect(again.status).toBe(409);
  });

  it('flags preterm low-birth-weight twins, macrosomia, and creates no child for a stillbirth', async () => {
    const p = await registered(w.dh, 35 * 7, { fetuses: 2, registeredOn: daysAgo(100) });
    const d = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery({
        mode: 'caesarean',
        caesareanIndication: '双胎臀位',
        babies: [
          { outcome: 'live_birth', sex: 'male', weightG: 2100 },
          { outcome: 'stillbirth', sex: 'male', weightG: 1900 },
        ],
      }),
    );
    expect(d.status).toBe(201);
    expect(d.body.babies[0]).toMatchObject({
      flags: { preterm: true, lowBirthWeight: true },
      childPersonId: expect.any(String),
    });
    expect(d.body.babies[1]).toMatchObject({ outcome: 'stillbirth', childPersonId: null });
    const big = await registered(w.dh, 40 * 7, { registeredOn: daysAgo(100) });
    const m = await w.dh.post(
      `/api/v1/pregnancies/${big.id}/delivery`,
      delivery({ babies: [{ outcome: 'live_birth', sex: 'male', weightG: 4200 }] }),
    );
    expect(m.body.babies[0].flags.macrosomia).toBe(true);
  });

  it.each([
    ['a caesarean without indication', { mode: 'caesarean' }, 'caesareanIndication'],
    ['a haemorrhage without blood loss', { complications: ['pph'] }, 'bloodLossMl'],
    ['an institutional birth without the institution', { institutionId: undefined }, 'institutionId'],
    ['no baby', { babies: [] }, 'babies'],
    ['a baby of 9 kg', { babies: [{ outcome: 'live_birth', sex: 'male', weightG: 9000 }] }, 'babies.0.weightG'],
    ['a discharge before delivery', { dischargedOn: daysAgo(2) }, 'dischargedOn'],
  ])('refuses %s (400 naming the field)', async (_l, extra, field) => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(100) });
    const r = await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, delivery(extra));
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('creates the children in the delivery’s transaction: a failure on the second baby leaves nothing', async () => {
    const p = await registered(w.dh, 39 * 7, { fetuses: 2, registeredOn: daysAgo(100) });
    const services = w.s.app.services;
    let calls = 0;
    const failing: ChildBirthHook = async () => {
      calls++;
      if (calls === 2) throw new Error('child record failed');
    };
    services.maternal.deliveries.bindChildHook(failing);
    try {
      const ctx = { ...systemContext(['330902']), institutionId: w.inst };
      await expect(
        services.maternal.deliveries.record(ctx, p.id, {
          ...delivery(),
          caesareanNoMedicalIndication: false,
          complications: [],
          babies: [
            { outcome: 'live_birth', sex: 'male', weightG: 3000, defects: [], resuscitation: false },
            { outcome: 'live_birth', sex: 'female', weightG: 2900, defects: [], resuscitation: false },
          ],
        } as never),
      ).rejects.toThrow('child record failed');
    } finally {
      services.maternal.deliveries.bindChildHook((trx, ctx, person, input) =>
        services.child.profiles.createFromBirthInTx(trx, ctx, person, input),
      );
    }
    const counts = await withScope(w.s.db.db, { counties: ['330902'] }, async (trx) => {
      const children = await sql<{
        n: number;
      }>`select count(*)::int as n from person where mother_id = ${p.personId}`.execute(trx);
      const deliveries = await sql<{
        n: number;
      }>`select count(*)::int as n from delivery where pregnancy_id = ${p.id}`.execute(trx);
      return { children: children.rows[0]?.n, deliveries: deliveries.rows[0]?.n };
    });
    expect(counts).toEqual({ children: 0, deliveries: 0 });
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body.status).toBe('antenatal');
  });
});

describe('postpartum visits', () => {
  it('home visit with EPDS (positive needs an action), 42-day check with the postpartum assessment closes the pregnancy', async () => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(140) });
    await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery({ deliveryDate: daysAgo(45), dischargedOn: daysAgo(42) }),
    );
    const epds = [2, 2, 2, 1, 1, 1, 1, 1, 0, 0];
    const noAction = await w.dh.post(`/api/v1/pregnancies/${p.id}/postpartum-visits`, {
      kind: 'home_visit',
      visitDate: daysAgo(40),
      epdsScores: epds,
    });
    expect(noAction.status).toBe(400);
    expect(noAction.body.error.fields[0].field).toBe('epdsAction');
    const home = await w.dh.post(`/api/v1/pregnancies/${p.id}/postpartum-visits`, {
      kind: 'home_visit',
      visitDate: daysAgo(40),
      epdsScores: epds,
      epdsAction: '心理咨询，2周后复评',
      breastfeeding: 'exclusive',
    });
    expect(home.status).toBe(201);
    expect(home.body).toMatchObject({ postpartumDay: 5, epds: { total: 11, positive: true, urgent: false } });
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body.nextContact).toBe('day42_check');
    const early = await w.dh.post(`/api/v1/pregnancies/${p.id}/postpartum-visits`, {
      kind: 'day42_check',
      visitDate: daysAgo(40),
    });
    expect(early.status).toBe(400);
    const check = await w.dh.post(`/api/v1/pregnancies/${p.id}/postpartum-visits`, {
      kind: 'day42_check',
      visitDate: daysAgo(0),
      pelvicFloor: 'normal',
      contraceptionCounselled: true,
      assessment: 'recovered',
      riskAssessment: { items: [] },
    });
    expect(check.status).toBe(201);
    expect(check.body.assessment.assessment).toMatchObject({ stage: 'postpartum', colour: 'green' });
    expect(check.body.pregnancyStatus).toBe('closed');
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    expect(preg.body).toMatchObject({ status: 'closed', endReason: 'postpartum_completed', endedOn: daysAgo(0) });
  });

  it('an orange woman: the case closes "delivered and assessed" after the postpartum assessment, then the pregnancy', async () => {
    const p = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(140) }, { birthDate: yearsAgo(41) });
    const a = await w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(100), items: [] });
    const caseId = a.body.case.caseId;
    await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, delivery({ deliveryDate: daysAgo(45) }));
    const check = await w.dh.post(`/api/v1/pregnancies/${p.id}/postpartum-visits`, {
      kind: 'day42_check',
      visitDate: daysAgo(0),
      riskAssessment: { items: [] },
    });
    expect(check.status).toBe(201);
    // still orange by age at the postpartum assessment: the case stays open, the pregnancy too
    expect(check.body.pregnancyStatus).toBe('postpartum');
    const c = (await w.dh.get(`/api/v1/high-risk-cases/${caseId}`)).body;
    const closed = await w.dh.post(`/api/v1/high-risk-cases/${caseId}/close`, {
      version: c.version,
      closedOn: daysAgo(0),
      reason: 'delivered_assessed',
    });
    expect(closed.status).toBe(200);
    expect((await w.dh.get(`/api/v1/pregnancies/${p.id}`)).body).toMatchObject({
      status: 'closed',
      endReason: 'postpartum_completed',
    });
  });

  it('refuses a postpartum visit before delivery', async () => {
    const p = await registered(w.dh, 30 * 7);
    const r = await w.dh.post(`/api/v1/pregnancies/${p.id}/postpartum-visits`, {
      kind: 'home_visit',
      visitDate: daysAgo(0),
    });
    expect(r.status).toBe(409);
  });
});
