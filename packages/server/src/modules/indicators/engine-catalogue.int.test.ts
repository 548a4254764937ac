/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
/**
 * The indicators the other fixture populations cannot tell apart (suite `catalogue` of indicator-cases.fixtures.ts):
 * deliveries ≠ live births (twins and a stillbirth), women with no antenatal visit, high-risk screening without a
 * diagnosis, CHD screening and echo, late and early PMTCT tests, PMTCT infants (prophylaxis, timely doses, final
 * status), breastfeeding, high-risk infants, overweight and obesity by both cut-offs, rural cervical coverage and the
 * follow-up and treatment of abnormal cancer screenings; then the rollups: for every measure and basis, the sum
 * over the counties equals the city, and so do the numerators and denominators of every indicator through the API.
 * 定海 330902 and 普陀 330903 of 舟山 330900, report year 2026 (2025-10-01 … 2026-09-30). Counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorMeasures } from '@fuyou/core';
import { withScope, withScopeParallel, type Database, type Transaction } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { countMeasures, createTableCheck, type GroupBy, type ParallelCounts } from './engine';
import { caseExpectation, caseLabel, casesOf, caseUrl } from './indicator-cases.fixtures';
import { insertRow, Population } from './indicators.fixtures';
import { BASES, baseMeasures, type Basis } from './measures/index';

const DH = '330902';
const PT = '330903';
const CITY_COUNTIES = ['330902', '330903', '330921', '330922'];
const RY = { from: '2025-10-01', to: '2026-09-30' };
let s: TestServer;
let city: Client;

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '0';
  s = await startTestServer();
  const p = new Population(s.db.db, s.app.services.crypto);
  const mch = await s.institution(DH, { type: 'mch_hospital' });
  const hospital = await s.institution(DH, { type: 'general_hospital' });
  const ptHospital = await s.institution(PT, { type: 'general_hospital' });
  city = await s.login(await s.user('statistician', { jurisdiction: '330900' }));

  // A: early (10 weeks), no antenatal visit recorded, twins on the last day of the year; syphilis test at 11+3;
  // a high-risk serum screening never followed by a diagnosis; both twins CHD-screened, the first one echoed
  const a = await p.pregnancy(DH, { registeredOn: '2026-02-01', gaAtRegistration: 70 });
  const da = await p.delivery(DH, a, {
    date: '2026-09-30',
    ga: 273,
    institutionId: mch,
    babies: [
      { outcome: 'live_birth', weightG: 2600 },
      { outcome: 'live_birth', weightG: 2700 },
    ],
  });
  await p.pmtctTest(DH, a, 'syphilis', { date: '2026-02-10', ga: 80 });
  await p.prenatalScreening(DH, a, { method: 'serum_first', date: '2026-03-01', t21: 'high' });
  await p.newbornScreening(DH, da.births[0]!.child!, 'heart', [{ step: 'screen' }, { step: 'echo' }]);
  await p.newbornScreening(DH, da.births[1]!.child!, 'heart', [{ step: 'screen' }]);

  // B: late, 2 visits, a stillbirth at 30 weeks by caesarean; HBV test only at labour; high risk, diagnosed
  const b = await p.pregnancy(DH, {
    registeredOn: '2025-11-01',
    gaAtRegistration: 100,
    ancVisits: Population.visits('2025-11-01', 100, 2),
  });
  await p.delivery(DH, b, {
    date: '2026-03-01',
    ga: 210,
    institutionId: hospital,
    mode: 'caesarean',
    babies: [{ outcome: 'stillbirth', weightG: 1400 }],
  });
  await p.pmtctTest(DH, b, 'hbv', { date: '2026-03-01', ga: 210, atLabour: true });
  await p.prenatalScreening(DH, b, { method: 'cfdna', date: '2025-12-01', t21: 'high', diagnosedOn: '2025-12-20' });

  // E moved: lives in 定海, household registration in 普陀; early (12+1), one visit, caesarean; HBV test at 12+1,
  // syphilis test at 17+1; her HBV-exposed baby: HBIG the same day, the vaccine the next day, HBsAg positive
  const e = await p.pregnancy(DH, {
    hukou: PT,
    registeredOn: '2025-12-01',
    gaAtRegistration: 85,
    ancVisits: Population.visits('2025-12-01', 85, 1),
  });
  const de = await p.delivery(DH, e, {
    date: '2026-06-01',
    ga: 270,
    institutionId: mch,
    mode: 'caesarean',
    babies: [{ outcome: 'live_birth', weightG: 3100 }],
  });
  await p.pmtctTest(DH, e, 'hbv', { date: '2025-12-01', ga: 85 });
  await p.pmtctTest(DH, e, 'syphilis', { date: '2026-01-05', ga: 120 });
  await p.exposedInfant(DH, de.births[0]!.child!, {
    infections: ['hbv'],
    doses: [
      { code: 'hbv.infant_hbig', at: '2026-06-01T10:00' },
      { code: 'hbv.infant_hepb1', at: '2026-06-02T04:00' },
    ],
    tests: [{ code: 'hbv.infant_serology', at: '2027-01-10', result: 'positive' }],
  });

  // F: late, 3 visits, twins; both syphilis-exposed: the first treated and congenital syphilis, the second neither
  const f = await p.pregnancy(DH, {
    registeredOn: '2025-10-15',
    gaAtRegistration: 110,
    ancVisits: Population.visits('2025-10-15', 110, 3),
  });
  const df = await p.delivery(DH, f, {
    date: '2026-01-15',
    ga: 266,
    institutionId: hospital,
    babies: [{ outcome: 'live_birth' }, { outcome: 'live_birth' }],
  });
  await p.exposedInfant(DH, df.births[0]!.child!, {
    infections: ['syphilis'],
    doses: [{ code: 'syphilis.infant_prophylaxis', at: '2026-01-15T12:00' }],
    finalStatus: { syphilis: { status: 'infected', decidedOn: '2026-03-01' } },
  });
  await p.exposedInfant(DH, df.births[1]!.child!, {
    infections: ['syphilis'],
    finalStatus: { syphilis: { status: 'not_infected', decidedOn: '2026-09-01' } },
  });

  // C on 1 Oct 2026 (report year 2027) and D on 30 Sep 2025 (report year 2025): not counted
  const c = await p.pregnancy(DH, { registeredOn: '2026-03-01', gaAtRegistration: 60 });
  await p.delivery(DH, c, { date: '2026-10-01', ga: 275, institutionId: mch, babies: [{ outcome: 'live_birth' }] });
  const d = await p.pregnancy(DH, { registeredOn: '2025-03-01', gaAtRegistration: 60 });
  await p.delivery(DH, d, {
    date: '2025-09-30',
    ga: 275,
    institutionId: mch,
    mode: 'caesarean',
    babies: [{ outcome: 'live_birth' }],
  });
  // G in 普陀: late, delivered in 普陀's hospital
  const g = await p.pregnancy(PT, { registeredOn: '2025-10-20', gaAtRegistration: 100 });
  await p.delivery(PT, g, {
    date: '2026-02-01',
    ga: 275,
    institutionId: ptHospital,
    babies: [{ outcome: 'live_birth' }],
  });

  // HBV-exposed H2 (born 08:00: HBIG at 14 h, vaccine at 4 h, HBsAg negative) and H3 (HBIG the next day, no test)
  const h2 = await p.child(DH, '2026-04-01', { birthTime: '08:00' });
  await p.exposedInfant(DH, h2, {
    infections: ['hbv'],
    doses: [
      { code: 'hbv.infant_hbig', at: '2026-04-01T22:00' },
      { code: 'hbv.infant_hepb1', at: '2026-04-01T12:00' },
    ],
    tests: [{ code: 'hbv.infant_serology', at: '2026-12-01', result: 'negative' }],
  });
  const h3 = await p.child(DH, '2026-07-01');
  await p.exposedInfant(DH, h3, { infections: ['hbv'], doses: [{ code: 'hbv.infant_hbig', at: '2026-07-02T09:00' }] });

  // HIV-exposed: X0 born in report year 2025; X1 on ARV, infected; X2 no ARV, not infected; X3 on ARV, pending
  const x0 = await p.child(DH, '2025-09-30');
  await p.exposedInfant(DH, x0, {
    infections: ['hiv'],
    doses: [{ code: 'hiv.infant_arv_standard', at: '2025-09-30T10:00' }],
  });
  const x1 = await p.child(DH, '2026-02-01');
  await p.exposedInfant(DH, x1, {
    infections: ['hiv'],
    doses: [{ code: 'hiv.infant_arv_standard', at: '2026-02-01T10:00' }],
    finalStatus: { hiv: { status: 'infected', decidedOn: '2026-08-01' } },
  });
  const x2 = await p.child(DH, '2026-03-01');
  await p.exposedInfant(DH, x2, {
    infections: ['hiv'],
    finalStatus: { hiv: { status: 'not_infected', decidedOn: '2026-09-20' } },
  });
  const x3 = await p.child(DH, '2026-05-01');
  await p.exposedInfant(DH, x3, {
    infections: ['hiv'],
    doses: [{ code: 'hiv.infant_arv_high', at: '2026-05-01T09:00' }],
  });

  // feeding recorded (no measurement): I1 formula-fed, I2 exclusively breastfed
  const i1 = await p.child(DH, '2026-05-01');
  await p.checkup(DH, i1, '2026-05-01', { date: '2026-07-01', measured: false, feeding: 'formula', exclusive: false });
  const i2 = await p.child(DH, '2026-04-01');
  await p.checkup(DH, i2, '2026-04-01', {
    date: '2026-06-01',
    measured: false,
    feeding: 'exclusive_breastfeeding',
    exclusive: true,
  });

  // high-risk infants: HR1 under case management, HR2 only proposed, HR3 dismissed
  for (const [born, status] of [
    ['2026-03-01', 'open'],
    ['2026-04-01', 'proposed'],
    ['2026-04-15', 'dismissed'],
  ] as const) {
    const k = await p.child(DH, born);
    await p.childCase(DH, k, { kind: 'high_risk_infant', status, proposedOn: addMonth(born) });
  }

  // measured under 5 (their last measurement of the year counts): M1 1.5 (an earlier 2.5), M2 2.4, M3 3.2, M4 1.2
  for (const [born, visits] of [
    [
      '2024-01-01',
      [
        ['2025-11-01', 2.5],
        ['2026-02-01', 1.5],
      ],
    ],
    ['2023-06-01', [['2026-03-01', 2.4]]],
    ['2022-01-01', [['2026-04-01', 3.2]]],
    ['2025-01-01', [['2026-05-01', 1.2]]],
  ] as const) {
    const k = await p.child(DH, born);
    for (const [date, wlhz] of visits) await p.checkup(DH, k, born, { date, wlhz });
  }

  // rural cervical coverage: R1 rural HPV 2024 (within 5 years); R2 rural cytology June 2023 (over 3 years);
  // R3 HPV 2025, not rural
  const r1 = await p.person(DH, { birthDate: '1980-01-01' });
  await p.cancerScreening(DH, r1, { kind: 'cervical', method: 'hpv', date: '2024-01-01', cohort: 'rural' });
  const r2 = await p.person(DH, { birthDate: '1975-01-01' });
  await p.cancerScreening(DH, r2, { kind: 'cervical', method: 'cytology', date: '2023-06-01', cohort: 'rural' });
  const r3 = await p.person(DH, { birthDate: '1985-01-01' });
  await p.cancerScreening(DH, r3, { kind: 'cervical', method: 'hpv', date: '2025-01-01' });
  await insertRow(s.db.db, 'cancer_screening_target', {
    county_code: DH,
    year: 2026,
    women_35_64: 200,
    rural_women_35_64: 50,
    source: '测试',
  });

  // abnormal screenings in the year: cervical CV1 precancer treated, CV2 only notified, CV3 cancer (not early,
  // not treated), CV4 of the year before; breast BR1 early cancer treated, BR2 cancer not early nor treated,
  // BR3 only notified
  const cases: [
    'cervical' | 'breast',
    string,
    { state: string; lesionGrade?: string; earlyStage?: boolean; treatedOn?: string },
  ][] = [
    ['cervical', '2026-01-10', { state: 'treated', lesionGrade: 'precancer', treatedOn: '2026-02-10' }],
    ['cervical', '2026-02-10', { state: 'notified' }],
    ['cervical', '2026-03-10', { state: 'pathology', lesionGrade: 'cancer', earlyStage: false }],
    ['cervical', '2025-09-20', { state: 'treated', lesionGrade: 'precancer', treatedOn: '2025-10-20' }],
    ['breast', '2026-01-10', { state: 'treated', lesionGrade: 'cancer', earlyStage: true, treatedOn: '2026-03-01' }],
    ['breast', '2026-02-10', { state: 'pathology', lesionGrade: 'cancer', earlyStage: false }],
    ['breast', '2026-03-10', { state: 'notified' }],
  ];
  for (const [kind, date, kase] of cases) {
    const w = await p.person(DH);
    await p.cancerScreening(DH, w, {
      kind,
      method: kind === 'cervical' ? 'hpv' : 'mammography',
      date,
      case: kase,
    });
  }
});

afterAll(async () => {
  await s?.close();
});

function addMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}

describe('hand-counted catalogue cases (indicator-cases.fixtures.ts) through the API', () => {
  it.each(casesOf('catalogue').map((c) => [caseLabel(c), c] as const))('%s', async (_label, c) => {
    const r = await city.get(caseUrl(c));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject(caseExpectation(c));
  });
});

describe('rollups', () => {
  async function countAll(
    counties: string[],
    basis: Basis,
    opts: { groupBy?: GroupBy; parallel?: (trx: Transaction<Database>) => ParallelCounts } = {},
  ) {
    const ids = [...new Set([...indicatorMeasures.map((m) => m.id), ...baseMeasures.keys()])];
    return withScope(s.db.db, { counties: CITY_COUNTIES }, (trx) =>
      countMeasures(
        trx,
        {
          measureIds: ids,
          counties,
          scope: CITY_COUNTIES,
          ...RY,
          basis,
          groupBy: opts.groupBy ?? 'county',
          factKey: s.app.services.crypto.factPads(),
        },
        createTableCheck(),
        opts.parallel?.(trx),
      ),
    );
  }

  // split over connections at once on PostgreSQL (the server's way); on PGlite, which has one connection, the same
  // split statements one after the other in the caller's transaction
  const statementsRun: number[] = [];
  const split =
    (ways: number) =>
    (trx: Transaction<Database>): ParallelCounts => ({
      ways,
      run: async (works) => {
        statementsRun.push(works.length);
        if (s.db.parallelDb) return withScopeParallel(s.db.parallelDb, { counties: CITY_COUNTIES }, works);
        const out = [];
        for (const w of works) out.push(await w(trx));
        return out;
      },
    });

  it.each(BASES.flatMap((b) => [2, 3].map((ways) => [b, ways] as const)))(
    'by %s, split into %i statements: every count as in one statement, by county and by institution',
    async (basis, ways) => {
      for (const groupBy of ['county', 'institution'] as const) {
        statementsRun.length = 0;
        const one = await countAll(CITY_COUNTIES, basis, { groupBy });
        const many = await countAll(CITY_COUNTIES, basis, { groupBy, parallel: split(ways) });
        expect(statementsRun).toEqual([ways]);
        expect([...many.keys()].sort()).toEqual([...one.keys()].sort());
        for (const [id, c] of one) {
          const m = many.get(id)!;
          expect([basis, groupBy, id, m.status, m.total, [...m.byKey].sort()]).toEqual([
            basis,
            groupBy,
            id,
            c.status,
            c.total,
            [...c.byKey].sort(),
          ]);
        }
      }
    },
  );

  it.each(BASES)('by %s: for every count, the sum over the counties equals the city', async (basis) => {
    const city = await countAll(CITY_COUNTIES, basis);
    const byCounty = await Promise.all(CITY_COUNTIES.map((c) => countAll([c], basis)));
    let nonZero = 0;
    for (const [id, all] of city) {
      const sum = byCounty.reduce((t, r, i) => t + (r.get(id)?.byKey.get(CITY_COUNTIES[i]!) ?? 0), 0);
      expect([basis, id, all.status, sum]).toEqual([basis, id, all.status, all.total]);
      if (all.total > 0) nonZero++;
    }
    // the rollup is not vacuous: most counts have people behind them in this population
    expect(nonZero).toBeGreaterThan(basis === 'non_hukou' ? 5 : 20);
  });

  it('the moved woman counts in 定海 by residence and in 普陀 by household registration, once in the city', async () => {
    const res = await countAll(CITY_COUNTIES, 'residence');
    const hk = await countAll(CITY_COUNTIES, 'hukou');
    expect([res.get('deliveries')!.byKey.get(DH), res.get('deliveries')!.byKey.get(PT)]).toEqual([4, 1]);
    expect([hk.get('deliveries')!.byKey.get(DH), hk.get('deliveries')!.byKey.get(PT)]).toEqual([3, 2]);
    expect([res.get('deliveries')!.total, hk.get('deliveries')!.total]).toEqual([5, 5]);
  });

  it('every indicator of the city adds up from its counties through the API', async () => {
    const r = await city.get('/api/v1/indicators/values?regionCode=330900&period=2026RY');
    expect(r.status).toBe(200);
    let checked = 0;
    for (const x of r.body as any[]) {
      if (x.status === 'unavailable') continue;
      const num = x.byCounty.reduce((t: number, y: any) => t + (y.numerator ?? 0), 0);
      const den = x.byCounty.reduce((t: number, y: any) => t + (y.denominator ?? 0), 0);
      expect([x.indicatorId, num, den]).toEqual([x.indicatorId, x.numerator, x.denominator ?? 0]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(60);
  });
});
