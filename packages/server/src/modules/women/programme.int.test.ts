/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../testing';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

let w: WomenWorld;
let admin: Client;
let commission: Client;
/** Clinician and supervisor of 岱山县 330921: the records counted in this file are theirs alone. */
let ds: Client;
let dsSup: Client;
let dsInst: string;
const county = '330921';
const year = Number(daysAgo(1).slice(0, 4));

beforeAll(async () => {
  w = await womenWorld();
  admin = await w.s.login(await w.s.user('sysadmin'));
  commission = await w.s.login(await w.s.user('commission_viewer', { jurisdiction: '330900' }));
  dsInst = await w.s.institution(county, { type: 'mch_hospital' });
  ds = await w.s.login(await w.s.user('clinician', { institutionId: dsInst }));
  dsSup = await w.s.login(await w.s.user('mch_supervisor', { institutionId: dsInst, jurisdiction: county }));
});
afterAll(async () => w?.s.close());

const target = (extra: Record<string, unknown> = {}) => ({
  countyCode: county,
  year,
  programmeId: 'newborn_chd_screening',
  targetCount: 208,
  source: '舟山市妇幼健康惠民项目实施方案',
  ...extra,
});

async function ok(p: Promise<{ status: number; body: any }>, status = 201) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** One record (or two) of every programme in 岱山, dated yesterday; plus records that must not count. */
async function seedRecords() {
  const f = await registerPerson(ds, { age: 26, county });
  const m = await registerPerson(ds, { age: 28, county, sex: 'male' });
  const partner = (personId: string, female: boolean) => ({
    personId,
    exam: { general: 'normal', genital: 'normal' },
    tests: female ? { blood_routine: 'normal' } : { semen: 'normal' },
    infectious: { hiv: 'negative', syphilis: 'negative', hbsag: 'negative' },
  });
  const premarital = (funded: boolean, a: string, b: string) =>
    ds.post('/api/v1/premarital-exams', {
      examDate: daysAgo(1),
      funded,
      female: partner(a, true),
      male: partner(b, false),
      findings: [],
      opinion: 'no_contraindication',
    });
  await ok(premarital(true, f, m));
  await ok(
    premarital(
      false,
      await registerPerson(ds, { age: 27, county }),
      await registerPerson(ds, { age: 29, county, sex: 'male' }),
    ),
  );
  await ok(
    ds.post('/api/v1/preconception-checks', {
      checkDate: daysAgo(1),
      female: { personId: f, values: { haemoglobinGPerL: 125 }, infectious: { syphilis: 'negative' } },
      male: { personId: m, values: { haemoglobinGPerL: 150 }, infectious: { syphilis: 'negative' } },
    }),
  );
  const older = await registerPerson(ds, { age: 45, county });
  const cervical = (extra: Record<string, unknown>) =>
    ds.post('/api/v1/cancer-screenings', {
      personId: older,
      kind: 'cervical',
      method: 'hpv',
      cohort: 'rural',
      hpvTypes: [],
      screeningDate: daysAgo(1),
      ...extra,
    });
  await ok(cervical({}));
  await ok(cervical({ screeningDate: daysAgo(400) }));
  await ok(cervical({ personId: await registerPerson(ds, { age: 50, county }), funded: false }));
  await ok(
    ds.post('/api/v1/cancer-screenings', {
      personId: older,
      kind: 'breast',
      method: 'breast_ultrasound',
      cohort: 'rural',
      screeningDate: daysAgo(1),
      ultrasoundBirads: '1',
    }),
  );
  for (let i = 0; i < 2; i++) {
    await ok(ds.post('/api/v1/folic-acid/dispensings', { personId: f, dispensedOn: daysAgo(1 + i), packs: 1 }));
    await ok(
      ds.post('/api/v1/thalassaemia-tests', {
        personId: f,
        testDate: daysAgo(1),
        kind: 'blood_indices',
        mcvFl: 88 - i,
        mchPg: 30,
        ...(i ? { retestReason: '复查' } : {}),
      }),
    );
  }
  await ok(
    ds.post('/api/v1/contraceptive-stock', {
      item: 'male_condom',
      movementDate: daysAgo(3),
      kind: 'receipt',
      quantity: 50,
    }),
  );
  for (const q of [10, 5]) {
    await ok(
      ds.post('/api/v1/contraceptive-stock', {
        item: 'male_condom',
        movementDate: daysAgo(1),
        kind: 'issue',
        quantity: q,
        personId: f,
      }),
    );
  }
  // the child module's newborn screening: heel prick, hearing, and a positive CHD screen with its echo
  const child = await ok(
    ds.post('/api/v1/children', {
      name: '岱山测试宝宝',
      sex: 'male',
      birthDate: daysAgo(4),
      birthTime: '08:00',
      residenceRegionCode: county,
      registrationReason: 'born_elsewhere',
      gestationalWeeks: 39,
      gestationalDays: 2,
      birthWeightG: 3300,
      birthLengthCm: 50,
    }),
  );
  const kid = child.person.id as string;
  const step = (kind: string, event: Record<string, unknown>, version?: number) =>
    ok(
      ds.post(`/api/v1/children/${kid}/newborn-screening/${kind}/steps`, { event, ...(version ? { version } : {}) }),
      200,
    );
  await step('metabolic', { step: 'sample', at: `${daysAgo(1)}T10:00` });
  await step('hearing', { step: 'initial', date: daysAgo(1), left: 'pass', right: 'pass', method: 'OAE' });
  const screen = await step('heart', {
    step: 'screen',
    at: `${daysAgo(2)}T09:00`,
    spo2Hand: 97,
    spo2Foot: 92,
    murmurGrade: 0,
  });
  await step('heart', { step: 'echo', date: daysAgo(1), result: 'chd', diagnosis: '室间隔缺损' }, screen.version);
  const negative = await ok(
    ds.post('/api/v1/children', {
      name: '岱山测试宝宝二',
      sex: 'female',
      birthDate: daysAgo(4),
      birthTime: '08:00',
      residenceRegionCode: county,
      registrationReason: 'born_elsewhere',
      gestationalWeeks: 39,
      birthWeightG: 3100,
    }),
  );
  await ok(
    ds.post(`/api/v1/children/${negative.person.id}/newborn-screening/heart/steps`, {
      event: { step: 'screen', at: `${daysAgo(2)}T09:00`, spo2Hand: 98, spo2Foot: 98, murmurGrade: 0 },
    }),
    200,
  );
  // maternal: a prenatal screening and a PMTCT test (the supervisor holds the pmtct permission)
  const mother = await registerPerson(ds, { age: 30, county });
  const preg = await ok(
    ds.post('/api/v1/pregnancies', {
      personId: mother,
      registeredOn: daysAgo(30),
      lmp: daysAgo(120),
      gravidity: 1,
      parity: 0,
      heightCm: 160,
      prePregnancyWeightKg: 55,
    }),
  );
  await ok(
    ds.post(`/api/v1/pregnancies/${preg.id}/prenatal-screenings`, {
      method: 'serum_second',
      screenedOn: daysAgo(1),
      t21: 'low',
    }),
  );
  for (const infection of ['hiv', 'syphilis'])
    await ok(
      dsSup.post(`/api/v1/pregnancies/${preg.id}/pmtct-tests`, { infection, testedOn: daysAgo(1), result: 'negative' }),
    );
}

describe('programme targets: who may set them, and bad input', () => {
  it('the sysadmin sets a target; a replacement needs the version; the commission edits its own counties only', async () => {
    const created = await admin.request('PUT', '/api/v1/programme-targets', target());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ countyCode: county, countyName: '岱山县', targetCount: 208, version: 1 });
    expect(created.body.programmeZh).toBe('新生儿先天性心脏病筛查');
    const blind = await commission.request('PUT', '/api/v1/programme-targets', target({ targetCount: 220 }));
    expect(blind.status).toBe(409);
    const upd = await commission.request('PUT', '/api/v1/programme-targets', target({ targetCount: 220, version: 1 }));
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ targetCount: 220, version: 2 });
    const outside = await commission.request('PUT', '/api/v1/programme-targets', target({ countyCode: '150525' }));
    expect(outside.status).toBe(403);
    expect((await w.dh.request('PUT', '/api/v1/programme-targets', target({ countyCode: '330902' }))).status).toBe(403);
    expect((await w.sup.request('PUT', '/api/v1/programme-targets', target({ countyCode: '330902' }))).status).toBe(
      403,
    );
    const list = await commission.get(`/api/v1/programme-targets?year=${year}`);
    expect(list.body.map((t: any) => [t.countyCode, t.programmeId, t.targetCount])).toContainEqual([
      county,
      'newborn_chd_screening',
      220,
    ]);
    const gone = await admin.request(
      'DELETE',
      `/api/v1/programme-targets?countyCode=${county}&year=${year}&programmeId=newborn_chd_screening&version=1`,
    );
    expect(gone.status).toBe(409);
    const del = await admin.request(
      'DELETE',
      `/api/v1/programme-targets?countyCode=${county}&year=${year}&programmeId=newborn_chd_screening&version=2`,
    );
    expect(del.status).toBe(200);
    expect((await admin.get(`/api/v1/programme-targets?year=${year}`)).body).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown programme', { programmeId: 'flu_vaccine' }, 'programmeId'],
    ['a target of 0', { targetCount: 0 }, 'targetCount'],
    ['a fractional target', { targetCount: 2.5 }, 'targetCount'],
    ['a city instead of a county', { countyCode: '330900' }, 'countyCode'],
    ['a code that is no region', { countyCode: '339999' }, 'countyCode'],
    ['the year 1999', { year: 1999 }, 'year'],
    ['no source', { source: ' ' }, 'source'],
  ])('refuses %s (400 naming the field)', async (_t, extra, field) => {
    const r = await admin.request('PUT', '/api/v1/programme-targets', target(extra));
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: any) => f.field)).toContain(field);
  });
});

describe('completion is counted from the records of the year', () => {
  it('counts each programme by its rule (people, couples, newborns, echo diagnoses, issues), per county in scope', async () => {
    await seedRecords();
    await ok(admin.request('PUT', '/api/v1/programme-targets', target()), 200);
    await ok(
      admin.request(
        'PUT',
        '/api/v1/programme-targets',
        target({ programmeId: 'free_premarital_exam', targetCount: 2 }),
      ),
      200,
    );
    const r = await dsSup.get(`/api/v1/programmes/progress?year=${year}`);
    expect(r.status).toBe(200);
    expect(r.body.counties.map((c: any) => c.countyCode)).toEqual([county]);
    const cell = (id: string) => r.body.counties[0].programmes.find((p: any) => p.programmeId === id);
    expect(Object.fromEntries(r.body.counties[0].programmes.map((p: any) => [p.programmeId, p.completed]))).toEqual({
      free_premarital_exam: 2, // the funded couple; the unfunded exam does not count
      free_preconception_check: 1,
      cervical_cancer_screening: 1, // last year's and the unfunded screening do not count
      breast_cancer_screening: 1,
      folic_acid_supplementation: 1, // two dispensings, one woman
      newborn_chd_screening: 1, // the echo; the negative pulse-oximetry screen is no diagnosis
      newborn_metabolic_screening: 1,
      newborn_hearing_screening: 1,
      thalassaemia_prevention: 1, // two tests, one person
      pmtct: 1, // two tests, one pregnancy
      free_contraceptives: 2,
      prenatal_screening_diagnosis: 1,
    });
    expect(cell('newborn_chd_screening')).toMatchObject({
      targetCount: 208,
      met: false,
      remaining: 207,
      unit: 'diagnosis',
    });
    expect(cell('newborn_chd_screening').share).toBeCloseTo(1 / 208, 10);
    expect(cell('free_premarital_exam')).toMatchObject({ targetCount: 2, share: 1, met: true, remaining: 0 });
    expect(cell('pmtct')).toMatchObject({ targetCount: null, share: null });
    const last = await dsSup.get(`/api/v1/programmes/progress?year=${year - 1}`);
    expect(
      last.body.counties[0].programmes.find((p: any) => p.programmeId === 'cervical_cancer_screening').completed,
    ).toBe(Number(daysAgo(400).slice(0, 4)) === year - 1 ? 1 : 0);

    const dh = await w.dh.get(`/api/v1/programmes/progress?year=${year}`);
    expect(dh.body.counties.map((c: any) => c.countyCode)).toEqual(['330902']);
    const city = await commission.get(`/api/v1/programmes/progress?year=${year}`);
    const mine = city.body.counties.find((c: any) => c.countyCode === county);
    expect(mine.programmes.find((p: any) => p.programmeId === 'newborn_chd_screening').completed).toBe(1);
    expect(city.body.total.find((t: any) => t.programmeId === 'newborn_chd_screening')).toMatchObject({
      targetCount: 208,
    });
    const sys = await admin.get(`/api/v1/programmes/progress?year=${year}`);
    expect(sys.body.counties).toEqual([expect.objectContaining({ countyCode: county, inScope: false })]);
    expect(sys.body.counties[0].programmes.find((p: any) => p.programmeId === 'newborn_chd_screening')).toMatchObject({
      targetCount: 208,
      completed: null,
    });
  });

  it('only readers of care or indicators see progress; a bad year is 400', async () => {
    const sec = await w.s.login(await w.s.user('secadmin'));
    expect((await sec.get(`/api/v1/programmes/progress?year=${year}`)).status).toBe(403);
    expect((await w.dh.get('/api/v1/programmes/progress?year=abc')).status).toBe(400);
    expect((await w.dh.get('/api/v1/programmes/progress')).status).toBe(400);
  });
});
