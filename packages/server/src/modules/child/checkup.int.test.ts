import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';

let w: ChildWorld;
beforeAll(async () => {
  w = await childWorld();
});
afterAll(async () => w?.s.close());

describe('check-ups: z-scores and classification computed at save', () => {
  it('stores WHO z-scores, BMI and the nutrition findings, and proposes an undernutrition case', async () => {
    const child = await registerChild(w.dh, 200, { sex: 'male' });
    const visitDate = daysAgo(17); // 183 days old
    const r = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate,
      kind: 'routine',
      weightKg: 5.5,
      lengthCm: 63,
      headCm: 42,
      feeding: 'mixed',
      exclusiveBreastfeeding: false,
      vitaminDIu: 400,
      exam: { heart: { normal: true }, skin: { normal: false, note: '湿疹' } },
      hearing: 'pass',
      eye: { result: 'normal', redReflex: 'normal' },
      guidance: ['feeding'],
      nextAppointment: daysAgo(-40),
    });
    expect(r.status).toBe(201);
    expect(r.body.ageDays).toBe(183);
    expect(r.body.measuredLying).toBe(true);
    expect(r.body.bmi).toBeCloseTo(5.5 / 0.63 ** 2, 1);
    expect(r.body.zscores.waz).toBeLessThan(-3);
    expect(r.body.zscores.lhaz).toBeLessThan(-2);
    expect(r.body.zscores.hcz).not.toBeNull();
    expect(r.body.growthReference).toContain('who2006');
    const conditions = (r.body.nutrition as { condition: string; severity?: string }[]).map((f) => f.condition);
    expect(conditions).toEqual(expect.arrayContaining(['underweight', 'stunting']));
    const proposal = r.body.proposals.find((p: { kind: string }) => p.kind === 'undernutrition');
    expect(proposal).toMatchObject({ kind: 'undernutrition', severity: 'severe' });
    expect(proposal.caseId).toBeTruthy();
    const cases = await w.dh.get(`/api/v1/children/${child.person.id}/cases`);
    expect(cases.body.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: proposal.caseId, status: 'proposed', kind: 'undernutrition' }),
      ]),
    );
  });

  it('proposes an anaemia case from Hb and does not duplicate a live case', async () => {
    const child = await registerChild(w.dh, 260, { sex: 'female' });
    const a = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(20),
      weightKg: 7.6,
      lengthCm: 67,
      hbGL: 95,
    });
    expect(a.status).toBe(201);
    const anaemia = a.body.proposals.find((p: { kind: string }) => p.kind === 'anaemia');
    expect(anaemia).toMatchObject({ severity: 'mild' });
    const b = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(2), hbGL: 85 });
    const again = b.body.proposals.find((p: { kind: string }) => p.kind === 'anaemia');
    expect(again).toMatchObject({ caseId: anaemia.caseId, existing: true });
  });

  it('flags a biologically implausible value, keeps it, and does not propose a case from it', async () => {
    const child = await registerChild(w.dh, 100, { sex: 'male' });
    const r = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(1), weightKg: 1.2 });
    expect(r.status).toBe(201);
    expect(r.body.weightKg).toBe(1.2);
    expect(r.body.growthFlags).toEqual(expect.arrayContaining(['implausible_waz']));
    expect(r.body.proposals).toEqual([]);
  });

  it('measures standing height over 24 months and converts a lying measurement', async () => {
    const child = await registerChild(w.dh, 800, { sex: 'female' });
    const standing = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(0),
      weightKg: 11.5,
      lengthCm: 85,
    });
    expect(standing.body.measuredLying).toBe(false);
    const lying = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(0),
      weightKg: 11.5,
      lengthCm: 85,
      measuredLying: true,
    });
    expect(lying.body.zscores.lhaz).toBeLessThan(standing.body.zscores.lhaz);
  });

  it('rejects bad input naming the fields, and a visit before birth', async () => {
    const child = await registerChild(w.dh, 30);
    const bad = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: '2024-02-30',
      weightKg: -1,
      hearing: 'maybe',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['visitDate', 'weightKg', 'hearing']));
    const early = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(40) });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].field).toBe('visitDate');
    const ebf = await w.dh.post(`/api/v1/children/${(await registerChild(w.dh, 300)).person.id}/checkups`, {
      visitDate: daysAgo(0),
      exclusiveBreastfeeding: true,
    });
    expect(ebf.status).toBe(400);
    expect(ebf.body.error.fields[0].field).toBe('exclusiveBreastfeeding');
  });

  it("is idempotent on id, 404 for another county's child, 409 on a stale correction", async () => {
    const child = await registerChild(w.dh, 90);
    const id = randomUUID();
    const body = { id, visitDate: daysAgo(1), weightKg: 6, lengthCm: 60 };
    const a = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, body);
    const b = await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, body);
    expect([a.status, b.status]).toEqual([201, 200]);
    const other = await w.pt.post(`/api/v1/children/${child.person.id}/checkups`, { visitDate: daysAgo(1) });
    expect(other.status).toBe(404);
    const read = await w.pt.get(`/api/v1/children/${child.person.id}/checkups`);
    expect(read.status).toBe(404);
    const fix = await w.dh.patch(`/api/v1/children/${child.person.id}/checkups/${id}`, {
      visitDate: daysAgo(1),
      weightKg: 6.2,
      lengthCm: 60,
      version: 1,
    });
    expect(fix.status).toBe(200);
    expect(fix.body.version).toBe(2);
    const stale = await w.dh.patch(`/api/v1/children/${child.person.id}/checkups/${id}`, {
      visitDate: daysAgo(1),
      weightKg: 6.4,
      version: 1,
    });
    expect(stale.status).toBe(409);
  });
});

describe('growth charts', () => {
  it("returns the −3…+3 SD curves and the child's points", async () => {
    const child = await registerChild(w.dh, 120, { sex: 'female' });
    await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(60),
      weightKg: 4.8,
      lengthCm: 56,
    });
    await w.dh.post(`/api/v1/children/${child.person.id}/checkups`, {
      visitDate: daysAgo(0),
      weightKg: 6.1,
      lengthCm: 62,
    });
    const r = await w.dh.get(`/api/v1/children/${child.person.id}/growth`);
    expect(r.status).toBe(200);
    const wfa = r.body.charts.find((c: { indicator: string }) => c.indicator === 'wfa');
    expect(wfa.curves.lines.map((l: { name: string }) => l.name)).toEqual([
      '-3SD',
      '-2SD',
      '-1SD',
      'M',
      '+1SD',
      '+2SD',
      '+3SD',
    ]);
    expect(wfa.points).toHaveLength(2);
    expect(wfa.points[1]).toMatchObject({ y: 6.1 });
    expect(wfa.points[1].x).toBeCloseTo(120 / 30.4375, 1);
    expect(r.body.charts.find((c: { indicator: string }) => c.indicator === 'wfl').points).toHaveLength(2);
  });
});

describe('check-ups: Hb adjusted for the altitude of residence (规范: about 4% per 1000 m, REFERENCE §5.2; region altitude, migration 0023)', () => {
  it('the same Hb is not anaemia at sea level and is anaemia at 3,000 m, and the check-up says the adjustment', async () => {
    // the altitude is regional configuration: a township at 3,000 m; the county itself has none (sea level)
    const admin = await w.s.login(await w.s.user('sysadmin'));
    const denied = await w.dh.request('PUT', '/api/v1/regions/330902002/altitude', { altitudeM: 3000 });
    expect(denied.status).toBe(403);
    const bad = await admin.request('PUT', '/api/v1/regions/330902002/altitude', { altitudeM: 12000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('altitudeM');
    const set = await admin.request('PUT', '/api/v1/regions/330902002/altitude', { altitudeM: 3000 });
    expect(set.body).toEqual({ code: '330902002', altitudeM: 3000 });
    const low = await registerChild(w.dh, 400, { residenceRegionCode: '330902' });
    const high = await registerChild(w.dh, 400, { residenceRegionCode: '330902002' });
    const body = { visitDate: daysAgo(0), weightKg: 9.8, lengthCm: 76, hbGL: 115 };
    const a = await w.dh.post(`/api/v1/children/${low.person.id}/checkups`, body);
    expect(a.status).toBe(201);
    expect(a.body.hbAltitude).toBeNull();
    expect(a.body.nutrition.find((f: { condition: string }) => f.condition === 'anaemia')).toBeUndefined();
    expect(a.body.proposals.find((p: { kind: string }) => p.kind === 'anaemia')).toBeUndefined();

    const b = await w.dh.post(`/api/v1/children/${high.person.id}/checkups`, body);
    expect(b.status).toBe(201);
    expect(b.body.hbGL).toBe(115);
    expect(b.body.hbAltitude).toEqual({ altitudeM: 3000, adjustmentGL: 12.3 });
    expect(b.body.nutrition).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ condition: 'anaemia', value: 102.7, measuredHbGL: 115, altitudeAdjustmentGL: 12.3 }),
      ]),
    );
    expect(b.body.proposals.find((p: { kind: string }) => p.kind === 'anaemia')).toMatchObject({ severity: 'mild' });
    const page = await w.dh.get(`/api/v1/children/${high.person.id}`);
    expect(page.body.checkups[0].hbAltitude).toEqual({ altitudeM: 3000, adjustmentGL: 12.3 });
  });
});
