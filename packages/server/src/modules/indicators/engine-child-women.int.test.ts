/**
 * Child and women's-health measures on a hand-built population of 定海 (330902), report year 2026
 * (2025-10-01 … 2026-09-30; ages counted on 2026-09-30). Expected numbers are counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { countMeasures, createTableCheck } from './engine';
import { caseExpectation, caseLabel, casesOf, caseUrl } from './indicator-cases.fixtures';
import { insertRow, Population } from './indicators.fixtures';

const DH = '330902';
const RY = { from: '2025-10-01', to: '2026-09-30' };
let s: TestServer;
let sup: Client;

async function count(id: string, period = RY) {
  const r = await withScope(s.db.db, { counties: [DH] }, (trx) =>
    countMeasures(
      trx,
      {
        measureIds: [id],
        counties: [DH],
        scope: [DH],
        ...period,
        basis: 'residence',
        factKey: s.app.services.crypto.factPads(),
      },
      createTableCheck(),
    ),
  );
  return r.get(id)!.total;
}

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  const p = new Population(s.db.db, s.app.services.crypto);
  const mch = await s.institution(DH, { type: 'mch_hospital' });
  sup = await s.login(await s.user('mch_supervisor', { institutionId: mch, jurisdiction: DH }));

  // K1, 8 months on 30 Sep: reached 3, 6 and 8 months in the year and had those three check-ups → managed
  const k1 = await p.child(DH, '2026-01-15');
  await p.checkup(DH, k1, '2026-01-15', { date: '2026-01-20', kind: 'newborn_visit' });
  await p.checkup(DH, k1, '2026-01-15', {
    date: '2026-04-16',
    feeding: 'exclusive_breastfeeding',
    exclusive: true,
    warningSigns: { m3: [] },
  });
  await p.checkup(DH, k1, '2026-01-15', { date: '2026-07-20' });
  await p.checkup(DH, k1, '2026-01-15', { date: '2026-09-16', waz: -2.5 });
  await p.childCase(DH, k1, { kind: 'anaemia', status: 'proposed', proposedOn: '2026-05-01' });
  // K2, 18 months: reached 8, 12 and 18 months, only two check-ups → not managed, but checked; stunted
  const k2 = await p.child(DH, '2025-03-01');
  await p.checkup(DH, k2, '2025-03-01', { date: '2025-11-02' });
  await p.checkup(DH, k2, '2025-03-01', { date: '2026-03-03', lhaz: -2.3 });
  await p.childCase(DH, k2, { kind: 'undernutrition', status: 'open', proposedOn: '2026-02-01' });
  // K3, 3 years 4 months: under 7, checked once; obese by the Chinese rule, overweight by WHO's
  const k3 = await p.child(DH, '2023-05-01');
  await p.checkup(DH, k3, '2023-05-01', { date: '2026-05-02', wlhz: 2.2 });
  await p.childCase(DH, k3, { kind: 'rickets', status: 'dismissed', proposedOn: '2026-05-02' });
  // K4, 6 years 9 months: under 7, no check-up
  await p.child(DH, '2020-01-01');
  // K5, exactly 7 on 30 Sep: not under 7
  await p.child(DH, '2019-09-30');
  // K6 died before the end of the year: not counted
  await p.child(DH, '2024-06-01', { deceasedOn: '2026-03-01' });
  // K7, 1 month: no schedule age reached, one month-1 check-up → managed; mixed feeding; a high-risk case
  const k7 = await p.child(DH, '2026-08-20');
  await p.checkup(DH, k7, '2026-08-20', {
    date: '2026-09-18',
    kind: 'month1',
    waz: 0,
    feeding: 'mixed',
    exclusive: false,
  });
  await p.childCase(DH, k7, { kind: 'high_risk_infant', status: 'open', proposedOn: '2026-09-20' });
  // K8 closed (moved away) before the end of the year: not counted
  const k8 = await p.person(DH, { birthDate: '2025-01-01', sex: 'male' });
  await p.childProfile(DH, k8, { status: 'closed', closedOn: '2026-06-01' });

  // exposed infants: E1 (HBV) with HBIG 5 h after birth and the vaccine at 23 h, tested negative;
  // E2 (HIV and syphilis, birth time unknown) with ARV prophylaxis, HIV excluded, congenital syphilis
  const e1 = await p.child(DH, '2026-02-10', { birthTime: '10:00' });
  await p.exposedInfant(DH, e1, {
    infections: ['hbv'],
    doses: [
      { code: 'hbv.infant_hbig', at: '2026-02-10T15:00' },
      { code: 'hbv.infant_hepb1', at: '2026-02-11T09:00' },
    ],
    tests: [{ code: 'hbv.infant_serology', at: '2026-11-10', result: 'negative' }],
  });
  const e2 = await p.child(DH, '2026-05-05');
  await p.exposedInfant(DH, e2, {
    infections: ['hiv', 'syphilis'],
    doses: [{ code: 'hiv.infant_arv_standard', at: '2026-05-05T08:00' }],
    finalStatus: {
      hiv: { status: 'not_infected', decidedOn: '2026-09-01' },
      syphilis: { status: 'infected', decidedOn: '2026-06-01' },
    },
  });

  // two cancers: A (46) HPV within 5 years; B (36, rural) cytology just over 3 years ago, breast within 3;
  // C is 66 and D 34 on 30 Sep: not in the age band
  const a = await p.person(DH, { birthDate: '1980-01-01' });
  await p.cancerScreening(DH, a, { kind: 'cervical', method: 'hpv', date: '2022-06-01' });
  const b = await p.person(DH, { birthDate: '1990-01-01' });
  await p.cancerScreening(DH, b, { kind: 'cervical', method: 'cytology', date: '2023-06-01', cohort: 'rural' });
  await p.cancerScreening(DH, b, { kind: 'breast', method: 'breast_ultrasound', date: '2024-01-01', cohort: 'rural' });
  const c = await p.person(DH, { birthDate: '1960-06-01' });
  await p.cancerScreening(DH, c, { kind: 'cervical', method: 'hpv', date: '2026-01-01' });
  const d = await p.person(DH, { birthDate: '1991-10-01' });
  await p.cancerScreening(DH, d, { kind: 'cervical', method: 'hpv', date: '2026-01-01' });
  // E: abnormal cervical screening in the year, precancer treated; F: abnormal breast result, only notified
  const e = await p.person(DH, { birthDate: '1975-01-01' });
  await p.cancerScreening(DH, e, {
    kind: 'cervical',
    method: 'hpv',
    date: '2026-03-01',
    case: { state: 'treated', lesionGrade: 'precancer', treatedOn: '2026-04-01' },
  });
  const f = await p.person(DH, { birthDate: '1970-01-01' });
  await p.cancerScreening(DH, f, {
    kind: 'breast',
    method: 'mammography',
    date: '2026-02-01',
    case: { state: 'notified' },
  });
  await insertRow(s.db.db, 'cancer_screening_target', {
    county_code: DH,
    year: 2026,
    women_35_64: 100,
    rural_women_35_64: 40,
    source: '测试',
  });

  // premarital: one couple in the year, one after it; 3 couples registered in January 2026, 5 in September 2025
  const man = await p.person(DH, { sex: 'male', birthDate: '1994-01-01' });
  await p.premarital(DH, { date: '2026-03-03', female: a, male: man });
  await p.premarital(DH, { date: '2026-10-02', female: b, male: null });
  await insertRow(s.db.db, 'marriage_registration_count', {
    county_code: DH,
    year: 2026,
    month: 1,
    couples: 3,
    source: '民政',
  });
  await insertRow(s.db.db, 'marriage_registration_count', {
    county_code: DH,
    year: 2025,
    month: 9,
    couples: 5,
    source: '民政',
  });

  // childcare facilities: two in 定海, one qualified in 2026
  const k1f = await s.institution(DH, { type: 'childcare_facility' });
  await s.institution(DH, { type: 'childcare_facility' });
  await insertRow(s.db.db, 'childcare_facility_evaluation', {
    county_code: DH,
    id: crypto.randomUUID(),
    institution_id: k1f,
    year: 2026,
    evaluated_on: '2026-05-01',
    qualified: true,
    assessor: '测试',
  });
});

afterAll(async () => {
  await s?.close();
});

describe('child measures (定海, report year 2026)', () => {
  it.each([
    ['under3_children', 5], // K1, K2, K7, E1, E2
    ['under3_systematically_managed', 2], // K1, K7
    ['under7_children', 7], // + K3, K4
    ['under7_checked', 4], // K1, K2, K3, K7
    ['under3_developmental_screened', 1], // K1 (warning signs recorded)
    ['under5_measured', 4],
    ['under5_underweight', 1],
    ['under5_stunted', 1],
    ['under5_overweight_cn', 0],
    ['under5_obese_cn', 1],
    ['under5_overweight_who', 1],
    ['under5_obese_who', 0],
    ['infants_under6m_surveyed', 2],
    ['infants_under6m_breastfed', 2],
    ['infants_under6m_exclusively_breastfed', 1],
    ['nutrition_cases_found', 2],
    ['nutrition_cases_managed', 1],
    ['high_risk_infants_found', 1],
    ['high_risk_infants_managed', 1],
    ['hbv_exposed_live_births', 1],
    ['hbv_exposed_infants_hbig_timely', 1],
    ['hbv_exposed_infants_hepb1_timely', 0],
    ['hbv_exposed_infants_tested', 1],
    ['hbv_exposed_infants_hbsag_positive', 0],
    ['hiv_exposed_live_births', 1],
    ['hiv_exposed_infants_on_arv', 1],
    ['hiv_exposed_infants_status_known', 1],
    ['hiv_exposed_infants_infected', 0],
    ['syphilis_exposed_live_births', 1],
    ['syphilis_exposed_infants_treated', 0],
    ['congenital_syphilis_cases', 1],
    ['childcare_facilities', 2],
    ['childcare_facilities_qualified', 1],
  ] as const)('%s = %i', async (id, n) => {
    expect(await count(id)).toBe(n);
  });
});

describe("women's-health measures (定海, report year 2026)", () => {
  it.each([
    ['cervical_screened_in_interval', 2], // A (HPV 2022), E (HPV 2026)
    ['cervical_screened_in_interval_rural', 0],
    ['breast_screened_in_interval', 2], // B, F
    ['breast_screened_in_interval_rural', 1], // B
    ['women_35_64', 100],
    ['women_35_64_rural', 40],
    ['cervical_screen_abnormal_women', 1],
    ['cervical_screen_abnormal_followed_up', 1],
    ['breast_screen_abnormal_women', 1],
    ['breast_screen_abnormal_followed_up', 0],
    ['cervical_precancer_cancer_cases', 1],
    ['cervical_precancer_cancer_treated', 1],
    ['cervical_early_cases', 1],
    ['breast_cancer_cases', 0],
    ['premarital_examined_persons', 2],
    ['marriage_registrants', 6],
  ] as const)('%s = %i', async (id, n) => {
    expect(await count(id)).toBe(n);
  });

  it('premarital examination rate and childcare qualification through the API', async () => {
    const pm = await sup.get('/api/v1/indicators/values/premarital_exam_rate?regionCode=330902&period=2026RY');
    expect(pm.body).toMatchObject({ numerator: 2, denominator: 6 });
    expect(pm.body.value).toBeCloseTo(33.333, 2);
    const cc = await sup.get(
      '/api/v1/indicators/values/childcare_facility_qualification_rate?regionCode=330902&period=2026',
    );
    expect(cc.body).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    const cx = await sup.get('/api/v1/indicators/values/cervical_screening_coverage?regionCode=330902&period=2026RY');
    expect(cx.body).toMatchObject({ numerator: 2, denominator: 100, value: 2 });
  });
});

describe('hand-counted catalogue cases (indicator-cases.fixtures.ts) through the API', () => {
  it.each(casesOf('child_women').map((c) => [caseLabel(c), c] as const))('%s', async (_label, c) => {
    const r = await sup.get(caseUrl(c));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject(caseExpectation(c));
  });
});
