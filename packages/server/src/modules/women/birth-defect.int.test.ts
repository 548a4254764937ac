/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { makeResidentId } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../testing';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

let w: WomenWorld;
beforeAll(async () => {
  w = await womenWorld();
});
afterAll(async () => w?.s.close());

let seq = 0;

/** A woman `gaDays` pregnant today, registered 100 days ago (or at 8 weeks when earlier). */
async function pregnancy(c: Client, gaDays: number, extra: Record<string, unknown> = {}, county = '330902') {
  seq++;
  const personId = await registerPerson(c, { age: 28, county });
  const r = await c.post('/api/v1/pregnancies', {
    personId,
    registeredOn: daysAgo(Math.min(100, gaDays - 56)),
    lmp: daysAgo(gaDays),
    gravidity: 1,
    parity: 0,
    heightCm: 160,
    prePregnancyWeightKg: 55,
    handbookNo: `BD-${seq}-${Math.random().toString(36).slice(2, 6)}`,
    ...extra,
  });
  if (r.status !== 201) throw new Error(`pregnancy: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; personId: string };
}

/** A delivery yesterday of a woman `gaDays` pregnant today; returns the delivery with its babies. */
async function delivered(
  c: Client,
  gaDays: number,
  babies: Record<string, unknown>[],
  county = '330902',
  inst = w.inst,
) {
  const p = await pregnancy(c, gaDays, { fetuses: babies.length }, county);
  const d = await c.post(`/api/v1/pregnancies/${p.id}/delivery`, {
    deliveryDate: daysAgo(1),
    place: 'institution',
    institutionId: inst,
    mode: 'spontaneous',
    maternalCondition: 'good',
    babies,
  });
  if (d.status !== 201) throw new Error(`delivery: ${d.status} ${JSON.stringify(d.body)}`);
  return { pregnancy: p, delivery: d.body as { id: string; babies: { id: string; childPersonId: string | null }[] } };
}

/** A prenatal screening with a high T21 risk and its diagnosis (karyotype) on the pregnancy. */
async function prenatalDiagnosis(c: Client, pregnancyId: string, result: string, on = daysAgo(3)) {
  const screenedOn = new Date(Date.parse(`${on}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
  const s = await c.post(`/api/v1/pregnancies/${pregnancyId}/prenatal-screenings`, {
    method: 'serum_second',
    screenedOn,
    t21: 'high',
  });
  if (s.status !== 201) throw new Error(`screening: ${s.status} ${JSON.stringify(s.body)}`);
  const d = await c.post(`/api/v1/prenatal-screenings/${s.body.id}/diagnosis`, {
    version: s.body.version,
    diagnosisMethod: 'amniocentesis',
    diagnosisTest: 'karyotype',
    diagnosedOn: on,
    diagnosisResult: result,
  });
  if (d.status !== 200) throw new Error(`diagnosis: ${d.status} ${JSON.stringify(d.body)}`);
  return s.body.id as string;
}

const baby = (extra: Record<string, unknown> = {}) => ({ outcome: 'live_birth', sex: 'male', weightG: 3200, ...extra });

/** Body of a manual card (a birth yesterday at 39 weeks, diagnosed at birth). */
function manual(mother: string, extra: Record<string, unknown> = {}) {
  return {
    motherPersonId: mother,
    birthDate: daysAgo(1),
    gestationalWeeks: 39,
    gestationalDays: 2,
    birthWeightG: 3300,
    sex: 'female',
    outcome: 'live_birth',
    defects: [{ icd10: 'Q69.0' }],
    diagnosisBasis: ['clinical'],
    diagnosisDate: daysAgo(1),
    ...extra,
  };
}

describe('birth-defect card from the delivery record (one click)', () => {
  it('prefills the baby, files the card, refuses a second card for the same baby and shows it in lists and history', async () => {
    const { pregnancy: p, delivery: d } = await delivered(w.dh, 39 * 7 + 3, [
      baby({ defects: ['Q37.1 唇裂合并腭裂'] }),
    ]);
    const draft = await w.dh.get(`/api/v1/birth-defect-reports/draft?deliveryId=${d.id}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      missing: [],
      existingReportId: null,
      pregnancyEnded: true,
      values: {
        source: 'delivery',
        motherPersonId: p.personId,
        birthOutcomeId: d.babies[0]!.id,
        childPersonId: d.babies[0]!.childPersonId,
        birthDate: daysAgo(1),
        gestationalWeeks: 39,
        gestationalDays: 2,
        outcome: 'live_birth',
        defects: [{ icd10: 'Q37.1', description: '唇裂合并腭裂' }],
        diagnosisBasis: ['clinical'],
        diagnosisTime: 'after_birth',
      },
    });
    const r = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: d.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      source: 'delivery',
      pregnancyId: p.id,
      categories: ['cleft_lip_with_palate'],
      diagnosisTime: 'after_birth',
      inWindow: true,
      institutionId: w.inst,
      motherName: expect.any(String),
      childName: expect.stringContaining('之子'),
    });
    const again = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: d.id });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_REPORTED', reportId: r.body.id });
    const draft2 = await w.dh.get(`/api/v1/birth-defect-reports/draft?birthOutcomeId=${d.babies[0]!.id}`);
    expect(draft2.body.existingReportId).toBe(r.body.id);
    const list = await w.dh.get('/api/v1/birth-defect-reports?category=cleft_lip_with_palate&pageSize=200');
    expect(list.body.items.map((i: any) => i.id)).toContain(r.body.id);
    const bySource = await w.dh.get(`/api/v1/birth-defect-reports?source=manual&institutionId=${w.inst}&pageSize=200`);
    expect(bySource.body.items.map((i: any) => i.id)).not.toContain(r.body.id);
    const hist = await w.dh.get(`/api/v1/people/${d.babies[0]!.childPersonId}/birth-defects`);
    expect(hist.body.reports.map((x: any) => x.id)).toEqual([r.body.id]);
    expect((await w.dh.get(`/api/v1/people/${p.personId}/birth-defects`)).body.reports).toHaveLength(1);
    expect((await w.pt.get(`/api/v1/birth-defect-reports/${r.body.id}`)).status).toBe(404);
    expect((await w.pt.get(`/api/v1/birth-defect-reports/draft?deliveryId=${d.id}`)).status).toBe(400);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_event
      where action = 'women.birth_defect.report' and entity_id = ${r.body.id}`.execute(w.s.db.db);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('twins: the baby must be chosen; each twin gets its own card; a baby of another delivery is refused', async () => {
    const { delivery: d } = await delivered(w.dh, 36 * 7, [
      baby({ defects: ['Q21.0'] }),
      baby({ sex: 'female', weightG: 2500, defects: ['Q21.0'] }),
    ]);
    const none = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: d.id });
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].field).toBe('birthOutcomeId');
    const draft = await w.dh.get(`/api/v1/birth-defect-reports/draft?deliveryId=${d.id}`);
    expect(draft.body.babies).toHaveLength(2);
    expect(draft.body.missing).toEqual(expect.arrayContaining(['outcome', 'defects']));
    const other = await delivered(w.dh, 39 * 7, [baby()]);
    const wrong = await w.dh.post('/api/v1/birth-defect-reports', {
      deliveryId: d.id,
      birthOutcomeId: other.delivery.babies[0]!.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('birthOutcomeId');
    for (const b of d.babies) {
      const r = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: d.id, birthOutcomeId: b.id });
      expect(r.status).toBe(201);
      expect(r.body.categories).toEqual(['congenital_heart_disease']);
    }
  });

  it('defects written in words need an ICD-10 code; a stillbirth has no child; a death on day 3 is 7天内死亡', async () => {
    const { delivery: d } = await delivered(w.dh, 40 * 7, [baby({ defects: ['马蹄内翻足'] })]);
    const words = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: d.id });
    expect(words.status).toBe(400);
    expect(words.body.error.fields[0]).toMatchObject({ field: 'defects' });
    expect(words.body.error.fields[0].messageZh).toContain('马蹄内翻足');
    const coded = await w.dh.post('/api/v1/birth-defect-reports', {
      deliveryId: d.id,
      defects: [{ icd10: 'q66.0', description: '马蹄内翻足' }],
    });
    expect(coded.status).toBe(201);
    expect(coded.body).toMatchObject({ categories: ['talipes_equinovarus'], defects: [{ icd10: 'Q66.0' }] });

    const still = await delivered(w.dh, 34 * 7, [
      { outcome: 'fetal_death', sex: 'female', weightG: 1800, defects: ['Q00.0'] },
    ]);
    const s = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: still.delivery.id });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ outcome: 'stillbirth', childPersonId: null, categories: ['anencephaly'] });

    const died = await delivered(w.dh, 38 * 7, [baby({ defects: ['Q24.9'] })]);
    const child = died.delivery.babies[0]!.childPersonId!;
    const death = await w.dh.post(`/api/v1/children/${child}/death`, {
      deathDate: daysAgo(0),
      deathPlace: 'county_hospital',
      underlyingCause: '先天性心脏病',
      icd10: 'Q24.9',
    });
    expect(death.status).toBe(201);
    const draft = await w.dh.get(`/api/v1/birth-defect-reports/draft?deliveryId=${died.delivery.id}`);
    expect(draft.body.values).toMatchObject({ outcome: 'early_neonatal_death', deathDate: daysAgo(0) });
    const r = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: died.delivery.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ outcome: 'early_neonatal_death', deathDate: daysAgo(0) });
  });
});

describe('birth-defect card from a prenatal diagnosis', () => {
  it('waits for the end of the pregnancy, then files a termination after prenatal diagnosis (trisomy 21, chromosome)', async () => {
    const p = await pregnancy(w.dh, 30 * 7);
    const pd = await prenatalDiagnosis(w.dh, p.id, '47,XX,+21');
    const draft = await w.dh.get(`/api/v1/birth-defect-reports/draft?prenatalDiagnosisId=${pd}`);
    expect(draft.body).toMatchObject({
      pregnancyEnded: false,
      prenatalResult: '47,XX,+21',
      values: {
        source: 'prenatal_diagnosis',
        diagnosisTime: 'prenatal',
        diagnosisBasis: ['chromosome'],
        defects: [{ icd10: 'Q90.9', description: '21-三体综合征' }],
      },
    });
    expect(draft.body.missing).toEqual(expect.arrayContaining(['birthDate', 'outcome']));
    const early = await w.dh.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: pd });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].field).toBe('birthDate');
    expect(early.body.error.fields[0].messageZh).toContain('妊娠尚未结束');
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    const end = await w.dh.post(`/api/v1/pregnancies/${p.id}/end`, {
      version: preg.body.version,
      reason: 'induced_abortion',
      endedOn: daysAgo(1),
    });
    expect(end.status).toBe(200);
    const r = await w.dh.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: pd, sex: 'female' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      outcome: 'termination',
      gestationalWeeks: 29,
      gestationalDays: 6,
      diagnosisTime: 'prenatal',
      categories: ['down_syndrome'],
      prenatalDiagnosisId: pd,
      pregnancyId: p.id,
    });
    const dup = await w.dh.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: pd });
    expect(dup.status).toBe(409);
  });

  it('a termination before 28 weeks is outside the surveillance window (422)', async () => {
    const p = await pregnancy(w.dh, 24 * 7);
    const pd = await prenatalDiagnosis(w.dh, p.id, '47,XY,+18');
    const preg = await w.dh.get(`/api/v1/pregnancies/${p.id}`);
    await w.dh.post(`/api/v1/pregnancies/${p.id}/end`, {
      version: preg.body.version,
      reason: 'induced_abortion',
      endedOn: daysAgo(1),
    });
    const r = await w.dh.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: pd });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'OUTSIDE_SURVEILLANCE_WINDOW' });
    expect(r.body.error.fields[0].field).toBe('gestationalWeeks');
  });

  it('a delivery after an abnormal prenatal diagnosis: the card says prenatal, with the karyotype’s defect', async () => {
    const p = await pregnancy(w.dh, 38 * 7, {});
    const pd = await prenatalDiagnosis(w.dh, p.id, '47,XY,+21', daysAgo(60));
    const d = await w.dh.post(`/api/v1/pregnancies/${p.id}/delivery`, {
      deliveryDate: daysAgo(1),
      place: 'institution',
      institutionId: w.inst,
      mode: 'caesarean',
      caesareanIndication: '胎儿窘迫',
      maternalCondition: 'good',
      babies: [baby({ defects: ['Q21.0 室间隔缺损'] })],
    });
    expect(d.status).toBe(201);
    const r = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: d.body.id, prenatalDiagnosisId: pd });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      source: 'delivery',
      diagnosisTime: 'prenatal',
      diagnosisDate: daysAgo(60),
      prenatalDiagnosisId: pd,
    });
    expect(r.body.categories.sort()).toEqual(['congenital_heart_disease', 'down_syndrome']);
    expect(r.body.diagnosisBasis.sort()).toEqual(['chromosome', 'clinical']);
    const fromPd = await w.dh.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: pd });
    expect(fromPd.status).toBe(409);
  });

  it('a prenatal screening without a diagnosis cannot make a card', async () => {
    const p = await pregnancy(w.dh, 20 * 7);
    const s = await w.dh.post(`/api/v1/pregnancies/${p.id}/prenatal-screenings`, {
      method: 'serum_second',
      screenedOn: daysAgo(1),
      t21: 'high',
    });
    const r = await w.dh.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: s.body.id });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe('prenatalDiagnosisId');
  });
});

describe('card rules and bad input (4xx naming the field; nothing written)', () => {
  it.each<[string, (m: string, man: string) => Record<string, unknown>, number, string, string?]>([
    ['no mother', (m) => ({ ...manual(m), motherPersonId: undefined }), 400, 'motherPersonId'],
    ['a man as the mother', (_m, man) => manual(man), 400, 'motherPersonId', 'WRONG_SEX'],
    ['a code outside chapter Q', (m) => manual(m, { defects: [{ icd10: 'A01.0' }] }), 400, 'defects.0.icd10'],
    ['no defect', (m) => manual(m, { defects: [] }), 400, 'defects'],
    [
      '"other" without a description',
      (m) => manual(m, { defects: [{ icd10: 'Q89.9' }] }),
      400,
      'defects.0.description',
    ],
    ['the same code twice', (m) => manual(m, { defects: [{ icd10: 'Q69.0' }, { icd10: 'q69.0' }] }), 400, 'defects'],
    ['an unknown diagnosis basis', (m) => manual(m, { diagnosisBasis: ['xray'] }), 400, 'diagnosisBasis.0'],
    ['no diagnosis basis', (m) => manual(m, { diagnosisBasis: undefined }), 400, 'diagnosisBasis'],
    [
      'a birth in the future',
      (m) => manual(m, { birthDate: daysAgo(-2), diagnosisDate: daysAgo(-2) }),
      400,
      'birthDate',
    ],
    [
      'days without weeks',
      (m) => manual(m, { gestationalWeeks: undefined, gestationalDays: 3 }),
      400,
      'gestationalWeeks',
    ],
    ['26 weeks', (m) => manual(m, { gestationalWeeks: 26 }), 422, 'gestationalWeeks', 'OUTSIDE_SURVEILLANCE_WINDOW'],
    [
      'gestation unknown and 900 g',
      (m) => manual(m, { gestationalWeeks: undefined, gestationalDays: undefined, birthWeightG: 900 }),
      422,
      'gestationalWeeks',
    ],
    [
      'neither gestation nor weight',
      (m) => manual(m, { gestationalWeeks: undefined, gestationalDays: undefined, birthWeightG: undefined }),
      422,
      'gestationalWeeks',
    ],
    [
      'diagnosed on day 8',
      (m) => manual(m, { birthDate: daysAgo(9), diagnosisDate: daysAgo(1) }),
      422,
      'diagnosisDate',
      'OUTSIDE_SURVEILLANCE_WINDOW',
    ],
    [
      '"prenatal" after the birth',
      (m) => manual(m, { diagnosisTime: 'prenatal', diagnosisDate: daysAgo(0) }),
      400,
      'diagnosisTime',
    ],
    ['a termination diagnosed after birth', (m) => manual(m, { outcome: 'termination' }), 400, 'outcome'],
    ['7天内死亡 without the date', (m) => manual(m, { outcome: 'early_neonatal_death' }), 400, 'deathDate'],
    [
      'a death on day 8',
      (m) =>
        manual(m, {
          birthDate: daysAgo(9),
          diagnosisDate: daysAgo(9),
          outcome: 'early_neonatal_death',
          deathDate: daysAgo(1),
        }),
      400,
      'deathDate',
    ],
    ['an unknown outcome', (m) => manual(m, { outcome: 'miscarriage' }), 400, 'outcome'],
    ['a weight of 9 kg', (m) => manual(m, { birthWeightG: 9000 }), 400, 'birthWeightG'],
    ['an unknown delivery', (m) => manual(m, { deliveryId: randomUUID() }), 400, 'deliveryId'],
    ['an unknown institution', (m) => manual(m, { institutionId: randomUUID() }), 400, 'institutionId'],
  ])('refuses %s', async (_t, make, status, field, code) => {
    const mother = await registerPerson(w.dh, { age: 30 });
    const man = await registerPerson(w.dh, { age: 30, sex: 'male' });
    const r = await w.dh.post('/api/v1/birth-defect-reports', make(mother, man));
    expect(r.status).toBe(status);
    expect(r.body.error.fields.map((f: any) => f.field)).toContain(field);
    if (code) expect(r.body.error.code).toBe(code);
    const hist = await w.dh.get(`/api/v1/people/${mother}/birth-defects`);
    expect(hist.body.reports).toHaveLength(0);
  });

  it('a stillbirth card cannot name a child; a child of another mother is refused', async () => {
    const mother = await registerPerson(w.dh, { age: 30 });
    const { delivery } = await delivered(w.dh, 39 * 7, [baby()]);
    const still = await w.dh.post(
      '/api/v1/birth-defect-reports',
      manual(mother, { outcome: 'stillbirth', childPersonId: delivery.babies[0]!.childPersonId }),
    );
    expect(still.status).toBe(400);
    expect(still.body.error.fields[0].field).toBe('childPersonId');
    const other = await w.dh.post(
      '/api/v1/birth-defect-reports',
      manual(mother, { childPersonId: delivery.babies[0]!.childPersonId }),
    );
    expect(other.status).toBe(400);
    expect(other.body.error.fields[0].messageZh).toContain('母亲');
  });

  it('a client id makes the create idempotent; a correction needs the current version and keeps the rules', async () => {
    const mother = await registerPerson(w.dh, { age: 30 });
    const id = randomUUID();
    const a = await w.dh.post('/api/v1/birth-defect-reports', { id, ...manual(mother) });
    expect(a.status).toBe(201);
    const b = await w.dh.post('/api/v1/birth-defect-reports', { id, ...manual(mother) });
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(id);
    const stale = await w.dh.patch(`/api/v1/birth-defect-reports/${id}`, { version: 5, note: 'x' });
    expect(stale.status).toBe(409);
    const died = await w.dh.patch(`/api/v1/birth-defect-reports/${id}`, {
      version: 1,
      outcome: 'early_neonatal_death',
      deathDate: daysAgo(0),
      defects: [{ icd10: 'Q69.0' }, { icd10: 'Q21.1', description: '房间隔缺损' }],
    });
    expect(died.status).toBe(200);
    expect(died.body).toMatchObject({ version: 2, outcome: 'early_neonatal_death', deathDate: daysAgo(0) });
    expect(died.body.categories.sort()).toEqual(['congenital_heart_disease', 'polydactyly']);
    const out = await w.dh.patch(`/api/v1/birth-defect-reports/${id}`, { version: 2, gestationalWeeks: 25 });
    expect(out.status).toBe(422);
    const back = await w.dh.patch(`/api/v1/birth-defect-reports/${id}`, { version: 2, outcome: 'live_birth' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ version: 3, outcome: 'live_birth', deathDate: null, gestationalWeeks: 39 });
    expect((await w.pt.patch(`/api/v1/birth-defect-reports/${id}`, { version: 3, note: 'x' })).status).toBe(404);
  });

  it('bad list filters are 400', async () => {
    expect((await w.dh.get('/api/v1/birth-defect-reports?category=flu')).status).toBe(400);
    expect((await w.dh.get('/api/v1/birth-defect-reports?from=2025-13-01')).status).toBe(400);
    expect((await w.dh.get('/api/v1/birth-defect-reports/rate?year=1900')).status).toBe(400);
    expect((await w.dh.get('/api/v1/birth-defect-reports/draft')).status).toBe(400);
  });
});

describe('rate per 10,000 perinatal births, unreported worklist, export', () => {
  it('counts cards ÷ births ≥28 weeks (live, fetal deaths, stillbirths, terminations ≥28 weeks) per county', async () => {
    // 岱山县 330921: a county of its own, so the counts are this test's only
    const inst = await w.s.institution('330921', { type: 'mch_hospital' });
    const ds = await w.s.login(await w.s.user('clinician', { institutionId: inst }));
    const year = Number(daysAgo(1).slice(0, 4));
    const a = await delivered(ds, 39 * 7, [baby({ defects: ['Q35.9'] })], '330921', inst);
    await delivered(ds, 36 * 7, [baby(), { outcome: 'stillbirth', sex: 'female', weightG: 2100 }], '330921', inst);
    await delivered(ds, 27 * 7, [baby({ weightG: 950, defects: ['Q05.9'] })], '330921', inst);
    const t = await pregnancy(ds, 30 * 7, {}, '330921');
    const pd = await prenatalDiagnosis(ds, t.id, '47,XX,+18');
    const tp = await ds.get(`/api/v1/pregnancies/${t.id}`);
    await ds.post(`/api/v1/pregnancies/${t.id}/end`, {
      version: tp.body.version,
      reason: 'induced_abortion',
      endedOn: daysAgo(1),
    });
    expect((await ds.post('/api/v1/birth-defect-reports', { deliveryId: a.delivery.id })).status).toBe(201);
    const before = await ds.get(`/api/v1/birth-defect-reports/rate?year=${year}`);
    const row = before.body.counties.find((c: any) => c.countyCode === '330921');
    // births ≥28 weeks: 1 + 2 (live and stillbirth) + 1 termination at 30 weeks; the 27-week birth is outside
    expect(row).toMatchObject({ defectCases: 1, perinatalBirths: 4, ratePer10000: 2500, unlinkedCases: 0 });
    const ok = await ds.post('/api/v1/birth-defect-reports', { prenatalDiagnosisId: pd });
    expect(ok.status).toBe(201);
    const after = await ds.get(`/api/v1/birth-defect-reports/rate?year=${year}`);
    expect(after.body.total).toMatchObject({ defectCases: 2, perinatalBirths: 4, ratePer10000: 5000 });
    expect(after.body.byCategory.map((c: any) => c.category).sort()).toEqual(['cleft_palate', 'other']);
    const report = await ds.get(`/api/v1/birth-defect-reports/rate?year=${year}&period=report`);
    expect(report.body).toMatchObject({ period: 'report', from: `${year - 1}-10-01`, to: `${year}-09-30` });
    const otherYear = await ds.get(`/api/v1/birth-defect-reports/rate?year=${year - 3}`);
    expect(otherYear.body.counties[0]).toMatchObject({ defectCases: 0, perinatalBirths: 0, ratePer10000: null });
  });

  it('lists babies with defects and abnormal prenatal diagnoses that have no card, overdue after 7 days', async () => {
    const inst = await w.s.institution('330922', { type: 'mch_hospital' });
    const ss = await w.s.login(await w.s.user('clinician', { institutionId: inst }));
    const p = await pregnancy(ss, 41 * 7 + 3, {}, '330922');
    const d = await ss.post(`/api/v1/pregnancies/${p.id}/delivery`, {
      deliveryDate: daysAgo(10),
      place: 'institution',
      institutionId: inst,
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [baby({ defects: ['多指'] })],
    });
    expect(d.status).toBe(201);
    const fresh = await delivered(ss, 39 * 7, [baby({ defects: ['Q54.9'] })], '330922', inst);
    const normal = await pregnancy(ss, 30 * 7, {}, '330922');
    await prenatalDiagnosis(ss, normal.id, '46,XX');
    const np = await ss.get(`/api/v1/pregnancies/${normal.id}`);
    await ss.post(`/api/v1/pregnancies/${normal.id}/end`, {
      version: np.body.version,
      reason: 'induced_abortion',
      endedOn: daysAgo(1),
    });
    const list = await ss.get('/api/v1/birth-defect-reports/unreported');
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({ kind: 'delivery', what: '多指', dueOn: daysAgo(3), overdue: true });
    expect(list.body.items[1]).toMatchObject({ birthOutcomeId: fresh.delivery.babies[0]!.id, overdue: false });
    expect((await ss.get('/api/v1/birth-defect-reports/unreported?overdue=true')).body.total).toBe(1);
    await ss.post('/api/v1/birth-defect-reports', { deliveryId: fresh.delivery.id });
    expect((await ss.get('/api/v1/birth-defect-reports/unreported')).body.total).toBe(1);
  });

  it('exports the filtered list as xlsx with the mother’s ID number masked', async () => {
    const idNumber = makeResidentId('330902', '1994-05-06', 321, 'female');
    const m = await w.dh.post('/api/v1/people', {
      name: '导出测试母亲',
      sex: 'female',
      birthDate: '1994-05-06',
      idType: 'resident_id',
      idNumber,
      residenceRegionCode: '330902',
    });
    expect(m.status).toBe(201);
    expect(
      (await w.dh.post('/api/v1/birth-defect-reports', manual(m.body.id, { defects: [{ icd10: 'Q42.3' }] }))).status,
    ).toBe(201);
    const res = await w.dh.request('GET', '/api/v1/birth-defect-reports/export.xlsx?q=导出测试');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const buf = await fetch(`${w.s.url}/api/v1/birth-defect-reports/export.xlsx?q=${encodeURIComponent('导出测试')}`, {
      headers: { cookie: w.dh.cookie ?? '' },
    }).then((r) => r.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    const cells = (ws.getRow(2).values as unknown[]).map(String);
    expect(cells).toContain('导出测试母亲');
    expect(cells.some((c) => c.includes('*'))).toBe(true);
    expect(cells.join('|')).not.toContain(idNumber);
    expect(cells.join('|')).toContain('直肠肛门闭锁或狭窄');
  });
});

describe('aid applications (救助): submitted → approved/rejected → paid', () => {
  async function childWithCard() {
    const { delivery } = await delivered(w.dh, 39 * 7, [baby({ defects: ['Q21.0'] })]);
    const card = await w.dh.post('/api/v1/birth-defect-reports', { deliveryId: delivery.id });
    return { child: delivery.babies[0]!.childPersonId!, card: card.body.id as string };
  }

  it('approves with an amount and pays; refuses impossible steps with a clear message', async () => {
    const { child, card } = await childWithCard();
    const a = await w.dh.post('/api/v1/aid-applications', {
      personId: child,
      birthDefectReportId: card,
      programme: 'congenital_heart_aid',
      condition: '室间隔缺损，拟行修补术',
      appliedOn: daysAgo(0),
      amountRequested: 30000,
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'submitted', allowedDecisions: ['approve', 'reject'], dueOn: daysAgo(-30) });
    const twice = await w.dh.post('/api/v1/aid-applications', {
      personId: child,
      programme: 'congenital_heart_aid',
      condition: 'x',
      appliedOn: daysAgo(0),
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'AID_ALREADY_OPEN', applicationId: a.body.id });
    expect(
      (
        await w.dh.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
          version: 1,
          decision: 'approve',
          date: daysAgo(0),
          approvedAmount: 1,
        })
      ).status,
    ).toBe(403);
    const pay = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'pay',
      date: daysAgo(0),
    });
    expect(pay.status).toBe(422);
    expect(pay.body.error.code).toBe('INVALID_TRANSITION');
    expect(pay.body.error.message).toBe('申请当前状态为“已提交”，不能登记发放');
    const noAmount = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'approve',
      date: daysAgo(0),
    });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.error.fields[0].field).toBe('approvedAmount');
    const early = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'approve',
      date: daysAgo(3),
      approvedAmount: 20000,
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].field).toBe('date');
    const cents = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'approve',
      date: daysAgo(0),
      approvedAmount: 1.005,
    });
    expect(cents.status).toBe(400);
    const ok = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'approve',
      date: daysAgo(0),
      approvedAmount: 20000,
      note: '符合先心病救助条件',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvedAmount: 20000, allowedDecisions: ['pay'], version: 2 });
    const stale = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'pay',
      date: daysAgo(0),
    });
    expect(stale.status).toBe(409);
    const again = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 2,
      decision: 'approve',
      date: daysAgo(0),
      approvedAmount: 1,
    });
    expect(again.status).toBe(422);
    const paid = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 2,
      decision: 'pay',
      date: daysAgo(0),
    });
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: daysAgo(0), allowedDecisions: [], dueOn: null });
    const reject = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 3,
      decision: 'reject',
      date: daysAgo(0),
      note: 'x',
    });
    expect(reject.status).toBe(422);
    expect(reject.body.error.message).toContain('已发放');
    const card2 = await w.dh.get(`/api/v1/birth-defect-reports/${card}`);
    expect(card2.body.aid.map((x: any) => x.status)).toEqual(['paid']);
    const hist = await w.dh.get(`/api/v1/people/${child}/birth-defects`);
    expect(hist.body.aid).toHaveLength(1);
    const list = await w.dh.get('/api/v1/aid-applications?status=paid&programme=congenital_heart_aid&pageSize=200');
    expect(list.body.items.map((x: any) => x.id)).toContain(a.body.id);
    expect(list.body.paidAmount).toBeGreaterThanOrEqual(20000);
    const x = await w.dh.request('GET', '/api/v1/aid-applications/export.xlsx?status=paid');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('a rejection needs a reason and closes the application; an overdue decision is listed', async () => {
    const { child } = await childWithCard();
    const a = await w.dh.post('/api/v1/aid-applications', {
      personId: child,
      programme: 'birth_defect_aid',
      condition: '先天性心脏病',
      appliedOn: daysAgo(0),
    });
    const noReason = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'reject',
      date: daysAgo(0),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('note');
    const r = await w.sup.post(`/api/v1/aid-applications/${a.body.id}/decision`, {
      version: 1,
      decision: 'reject',
      date: daysAgo(0),
      note: '家庭收入超过救助标准',
    });
    expect(r.body).toMatchObject({ status: 'rejected', decisionNote: '家庭收入超过救助标准', approvedAmount: null });
    const renewed = await w.dh.post('/api/v1/aid-applications', {
      personId: child,
      programme: 'birth_defect_aid',
      condition: '先天性心脏病（复审）',
      appliedOn: daysAgo(0),
    });
    expect(renewed.status).toBe(201);
    const { child: late } = await childWithCard();
    const old = await w.dh.post('/api/v1/aid-applications', {
      personId: late,
      programme: 'birth_defect_aid',
      condition: '先天性心脏病',
      appliedOn: daysAgo(0),
    });
    // the child was born yesterday: an application 40 days ago cannot be, so move it back in the database
    await sql`update aid_application set applied_on = ${daysAgo(40)} where id = ${old.body.id}`.execute(w.s.db.db);
    const overdue = await w.dh.get('/api/v1/aid-applications?overdue=true&pageSize=200');
    const ids = overdue.body.items.map((x: any) => x.id);
    expect(ids).toContain(old.body.id);
    expect(ids).not.toContain(renewed.body.id);
    expect(overdue.body.items.find((x: any) => x.id === old.body.id)).toMatchObject({
      overdue: true,
      dueOn: daysAgo(10),
    });
  });

  it.each<[string, (c: { child: string; card: string; mother: string }) => Record<string, unknown>, string]>([
    [
      'an adult',
      (c) => ({ personId: c.mother, programme: 'other', condition: 'x', appliedOn: daysAgo(0) }),
      'personId',
    ],
    [
      'an unknown programme',
      (c) => ({ personId: c.child, programme: 'flu', condition: 'x', appliedOn: daysAgo(0) }),
      'programme',
    ],
    [
      'no condition',
      (c) => ({ personId: c.child, programme: 'other', condition: ' ', appliedOn: daysAgo(0) }),
      'condition',
    ],
    [
      'a future date',
      (c) => ({ personId: c.child, programme: 'other', condition: 'x', appliedOn: daysAgo(-1) }),
      'appliedOn',
    ],
    [
      'before the birth',
      (c) => ({ personId: c.child, programme: 'other', condition: 'x', appliedOn: daysAgo(5) }),
      'appliedOn',
    ],
    [
      'a negative amount',
      (c) => ({ personId: c.child, programme: 'other', condition: 'x', appliedOn: daysAgo(0), amountRequested: -5 }),
      'amountRequested',
    ],
    [
      'another child’s card',
      (c) => ({
        personId: c.mother,
        birthDefectReportId: c.card,
        programme: 'other',
        condition: 'x',
        appliedOn: daysAgo(0),
      }),
      'personId',
    ],
  ])('refuses %s', async (_t, make, field) => {
    const { child, card } = await childWithCard();
    const mother = (await w.dh.get(`/api/v1/birth-defect-reports/${card}`)).body.motherPersonId;
    const r = await w.dh.post('/api/v1/aid-applications', make({ child, card, mother }));
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: any) => f.field)).toContain(field);
  });

  it('a card of another child is refused', async () => {
    const a = await childWithCard();
    const b = await childWithCard();
    const r = await w.dh.post('/api/v1/aid-applications', {
      personId: a.child,
      birthDefectReportId: b.card,
      programme: 'other',
      condition: 'x',
      appliedOn: daysAgo(0),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe('birthDefectReportId');
  });
});
