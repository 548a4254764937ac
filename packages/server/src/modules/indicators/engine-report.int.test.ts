/**
 * The measures the annual report adds, on a hand-built population of 定海 (330902), report year 2026
 * (2025-10-01 … 2026-09-30): the gynaecological survey (campaign start decides the year; women once; findings by
 * the groups of table 44), cancer screenings in the year, births by sex, premarital examinations and marriage
 * registrants by sex, and the non-resident (非户籍) basis. Expected numbers are counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { countMeasures, createTableCheck } from './engine';
import { caseExpectation, caseLabel, casesOf, caseUrl } from './indicator-cases.fixtures';
import { Population } from './indicators.fixtures';
import type { Basis } from './measures/index';
import { gynCampaign, gynExam, marriages, premaritalExam, setBirthSex } from './report.fixtures';

const DH = '330902';
const PT = '330903';
const RY = { from: '2025-10-01', to: '2026-09-30' };
let s: TestServer;
let sup: Client;

async function count(ids: string[], basis: Basis = 'residence') {
  return withScope(s.db.db, { counties: [DH, PT] }, (trx) =>
    countMeasures(
      trx,
      {
        measureIds: ids,
        counties: [DH],
        scope: [DH, PT],
        ...RY,
        basis,
        factKey: s.app.services.crypto.factPads(),
      },
      createTableCheck(),
    ),
  );
}
async function total(id: string, basis: Basis = 'residence') {
  return (await count([id], basis)).get(id)!.total;
}

beforeAll(async () => {
  s = await startTestServer();
  const db = s.db.db;
  sup = await s.login(
    await s.user('mch_supervisor', {
      institutionId: await s.institution(DH, { type: 'mch_hospital' }),
      jurisdiction: DH,
    }),
  );
  const p = new Population(db);

  // survey: campaign A (RY2026, target 10) and B (RY2026, target 5); C started 20 Sep 2025 (RY2025, target 7)
  const a = await gynCampaign(db, DH, { start: '2025-11-01', end: '2025-12-31', target: 10 });
  const b = await gynCampaign(db, DH, { start: '2026-03-01', target: 5 });
  const c = await gynCampaign(db, DH, { start: '2025-09-20', end: '2025-10-20', target: 7 });
  const w1 = await p.person(DH, { birthDate: '1985-01-01' });
  const w2 = await p.person(DH, { birthDate: '1980-01-01' });
  const w3 = await p.person(DH, { birthDate: '1950-01-01' });
  const w4 = await p.person(DH, { birthDate: '1982-01-01' });
  const w5 = await p.person(DH, { birthDate: '1983-01-01', hukou: PT });
  // W1 twice (A and B): counted once, with the findings of both examinations
  await gynExam(db, DH, { campaign: a, woman: w1, date: '2025-11-05', findings: ['candidal_vaginitis'] });
  await gynExam(db, DH, { campaign: b, woman: w1, date: '2026-03-05', findings: ['cervicitis'] });
  await gynExam(db, DH, { campaign: a, woman: w2, date: '2025-11-06' });
  // W3 outside the target ages: not examined for the rate
  await gynExam(db, DH, {
    campaign: a,
    woman: w3,
    date: '2025-11-07',
    inTarget: false,
    findings: ['uterine_prolapse'],
  });
  // W4 in campaign C: examined in October 2025 but the campaign belongs to RY2025
  await gynExam(db, DH, { campaign: c, woman: w4, date: '2025-10-10', findings: ['uterine_myoma'] });
  // W5 registered in 普陀: counted under residence and non_hukou, not under 定海's hukou
  await gynExam(db, DH, { campaign: b, woman: w5, date: '2026-03-06', findings: ['breast_disease', 'other'] });

  // cancer screenings: W1 cervical in the year (and one before), W2 breast in the year, W4 only before
  await p.cancerScreening(DH, w1, { kind: 'cervical', method: 'hpv', date: '2026-01-10' });
  await p.cancerScreening(DH, w1, { kind: 'cervical', method: 'hpv', date: '2024-01-10' });
  await p.cancerScreening(DH, w2, { kind: 'breast', method: 'breast_ultrasound', date: '2026-09-30' });
  await p.cancerScreening(DH, w4, { kind: 'breast', method: 'breast_ultrasound', date: '2025-09-30' });

  // births: twins (male, female) and a stillbirth (female, not a live birth) to a local woman;
  // a baby of unknown sex to a woman registered in 普陀; a baby to a woman with no household registration
  const m1 = await p.pregnancy(DH, { registeredOn: '2025-12-01', gaAtRegistration: 70 });
  const d1 = await p.delivery(DH, m1, {
    date: '2026-06-01',
    ga: 270,
    babies: [{ outcome: 'live_birth' }, { outcome: 'live_birth' }, { outcome: 'stillbirth' }],
  });
  await setBirthSex(db, d1.births[1]!.birth, 'female');
  await setBirthSex(db, d1.births[2]!.birth, 'female');
  const m2 = await p.pregnancy(DH, { registeredOn: '2025-12-01', gaAtRegistration: 70, hukou: PT });
  const d2 = await p.delivery(DH, m2, { date: '2026-07-01', ga: 275, babies: [{ outcome: 'live_birth' }] });
  await setBirthSex(db, d2.births[0]!.birth, 'unknown');
  const m3 = await p.pregnancy(DH, { registeredOn: '2025-12-01', gaAtRegistration: 70, hukou: null });
  await p.delivery(DH, m3, { date: '2026-08-01', ga: 275, babies: [{ outcome: 'live_birth' }] });

  // premarital: a couple (woman with a disease, counselled), a man alone, and one exam of the year before
  const f1 = await p.person(DH, { birthDate: '1998-01-01' });
  const h1 = await p.person(DH, { birthDate: '1997-01-01', sex: 'male' });
  const h2 = await p.person(DH, { birthDate: '1996-01-01', sex: 'male', hukou: PT });
  await premaritalExam(db, DH, {
    date: '2026-02-01',
    female: f1,
    male: h1,
    femaleDiseases: ['anaemia'],
    counselled: true,
  });
  await premaritalExam(db, DH, { date: '2026-04-01', male: h2, maleDiseases: ['hypertension'] });
  await premaritalExam(db, DH, { date: '2025-09-01', female: f1, male: h1 });
  await marriages(db, DH, 2025, 10, 3);
  await marriages(db, DH, 2026, 9, 2);
  await marriages(db, DH, 2025, 9, 40);
});
afterAll(async () => {
  await s?.close();
});

describe('gynaecological survey (卫统44)', () => {
  it('women due: targets of the campaigns started in the year (A 10 + B 5; C began in September 2025)', async () => {
    expect(await total('gyn_survey_target_women')).toBe(15);
  });

  it('women examined: within the target ages, each once, campaigns of the year (W1, W2, W5)', async () => {
    expect(await total('gyn_surveyed_women')).toBe(3);
    expect(await total('part_gyn_survey_women_with_findings')).toBe(2);
  });

  it.each([
    ['part_gyn_survey_vaginitis', 1],
    ['part_gyn_survey_cervicitis', 1],
    ['part_gyn_survey_uterine_myoma', 0],
    ['part_gyn_survey_ovarian_tumour', 0],
    ['part_gyn_survey_breast_disease', 1],
    ['part_gyn_survey_other', 1],
  ])('%s = %i (findings of both of W1’s examinations; W3 and W4 not counted)', async (id, n) => {
    expect(await total(id)).toBe(n);
  });

  it('by household registration: W5 (registered in 普陀) is not 定海’s, but is a non-resident of 定海', async () => {
    expect(await total('gyn_surveyed_women', 'hukou')).toBe(2);
    expect(await total('gyn_surveyed_women', 'non_hukou')).toBe(1);
  });
});

describe('cancer screenings done in the year', () => {
  it('one woman screened for cervical cancer, one for breast cancer (30 Sep 2026 in, 30 Sep 2025 out)', async () => {
    expect(await total('part_cervical_screened_in_period')).toBe(1);
    expect(await total('part_breast_screened_in_period')).toBe(1);
  });
});

describe('live births by sex (卫统41)', () => {
  it('male, female and unknown add up to the live births; the stillbirth is not a live birth', async () => {
    const r = await count([
      'live_births',
      'part_live_births_male',
      'part_live_births_female',
      'part_live_births_sex_unknown',
    ]);
    // d1: male, female (+ a female stillbirth); d2: unknown; d3: male
    expect(r.get('part_live_births_male')!.total).toBe(2);
    expect(r.get('part_live_births_female')!.total).toBe(1);
    expect(r.get('part_live_births_sex_unknown')!.total).toBe(1);
    expect(r.get('live_births')!.total).toBe(4);
  });
});

describe('non-resident basis (卫统43)', () => {
  it('counts residents registered in another county; unknown registration and local women are not counted', async () => {
    expect(await total('deliveries', 'non_hukou')).toBe(1);
    expect(await total('live_births', 'non_hukou')).toBe(1);
    expect(await total('deliveries', 'residence')).toBe(3);
    expect(await total('deliveries', 'hukou')).toBe(1);
  });

  it('a count by institution or from aggregate figures is unavailable, with the reason', async () => {
    const r = await count(['facility_deliveries', 'marriage_registrants', 'perinatal_deaths'], 'non_hukou');
    expect(r.get('facility_deliveries')).toMatchObject({ status: 'unavailable' });
    expect(r.get('facility_deliveries')!.reasonZh).toContain('非户籍');
    expect(r.get('marriage_registrants')).toMatchObject({ status: 'unavailable' });
    // a sum of countable parts stays countable
    expect(r.get('perinatal_deaths')).toMatchObject({ status: 'ok', basis: 'non_hukou' });
  });
});

describe('premarital examinations and marriages (卫统46)', () => {
  it.each([
    ['premarital_examined_persons', 3],
    ['part_premarital_examined_male', 2],
    ['part_premarital_examined_female', 1],
    ['part_premarital_diseases_found_male', 1],
    ['part_premarital_diseases_found_female', 1],
    ['part_premarital_counselled', 2],
    ['marriage_registrants', 10],
    ['part_marriage_registrants_male', 5],
    ['part_marriage_registrants_female', 5],
  ])('%s = %i', async (id, n) => {
    expect(await total(id)).toBe(n);
  });

  it('by household registration: the man registered in 普陀 is not counted for 定海', async () => {
    expect(await total('part_premarital_examined_male', 'hukou')).toBe(1);
    expect(await total('part_premarital_examined_male', 'non_hukou')).toBe(1);
  });
});

describe('hand-counted catalogue cases (indicator-cases.fixtures.ts) through the API', () => {
  it.each(casesOf('report').map((c) => [caseLabel(c), c] as const))('%s', async (_label, c) => {
    const r = await sup.get(caseUrl(c));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject(caseExpectation(c));
  });
});
