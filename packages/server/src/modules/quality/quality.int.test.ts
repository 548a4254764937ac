/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { qualityRuleCatalogue } from '@fuyou/core';
import { sql, withScope } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';
import { QualityFixture, enteredOn, plusDays } from './quality.fixtures';

const DH = '330902';
const PT = '330903';
const WINDOW = { from: '2025-06-01', to: '2026-11-30' };

let s: TestServer;
let f: QualityFixture;
let sup: Client; // county supervisor of 定海区
let ptSup: Client; // county supervisor of 普陀区
let city: Client; // city supervisor of 舟山市
let commission: Client; // city health commission
let clinician: Client;
const inst: Record<string, string> = {};
/** `${ruleId}:${recordId}` of every problem the fixture was built to have, by county. */
const expected: Record<string, Set<string>> = { [DH]: new Set(), [PT]: new Set() };
const ids: Record<string, string> = {};

function expect_(county: string, rule: string, record: string, name?: string) {
  expected[county]!.add(`${rule}:${record}`);
  if (name) ids[name] = record;
}

async function runAndWait(c: Client, regionCode: string, window = WINDOW): Promise<any[]> {
  const r = await c.post('/api/v1/quality/runs', { regionCode, ...window });
  expect(r.status).toBe(202);
  while ((await s.app.services.jobs.runDue(50)) > 0);
  const out = [];
  for (const run of r.body) out.push((await c.get(`/api/v1/quality/runs/${run.id}`)).body);
  return out;
}

async function allProblems(c: Client, query: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/v1/quality/problems?${query}&page=${page}&pageSize=200`);
    expect(r.status).toBe(200);
    items.push(...r.body.items);
    if (items.length >= r.body.total) return items;
  }
}

const keys = (items: any[]) => new Set(items.map((i) => `${i.ruleId}:${i.recordId}`));

beforeAll(async () => {
  s = await startTestServer();
  inst[DH] = await s.institution(DH, { type: 'mch_hospital' });
  inst.DH2 = await s.institution(DH, { type: 'community_hc' });
  inst[PT] = await s.institution(PT, { type: 'mch_hospital' });
  f = new QualityFixture(s.db.db, (c) => inst[c]!);
  sup = await s.login(await s.user('mch_supervisor', { institutionId: inst[DH], jurisdiction: DH }));
  ptSup = await s.login(await s.user('mch_supervisor', { institutionId: inst[PT], jurisdiction: PT }));
  city = await s.login(await s.user('mch_supervisor', { jurisdiction: '330900' }));
  commission = await s.login(await s.user('commission_viewer', { jurisdiction: '330900' }));
  clinician = await s.login(await s.user('clinician', { institutionId: inst[DH] }));

  // ---- a clean woman: registration, visits, delivery, a live birth with its child record, screening, check-up,
  // postpartum visit — no rule may report any of it
  const w0 = await f.pregnancy(DH, { registeredOn: '2026-01-10', ga: 70 });
  await f.ancVisit(DH, w0, 84);
  await f.ancVisit(DH, w0, 168);
  const d0 = await f.delivery(DH, w0, 273);
  const bo0 = await f.birthOutcome(DH, d0, w0.woman);
  const c0 = await f.child(DH, { birthDate: d0.date, mother: w0.woman, delivery: d0.delivery, birthOutcome: bo0 });
  await sql`update birth_outcome set child_person_id = ${c0} where id = ${bo0}`.execute(s.db.db);
  await f.checkup(DH, c0, d0.date, 30);
  await f.postpartumVisit(DH, w0, d0.date, 7);
  ids.cleanWoman = w0.woman;

  // ---- pregnancy registration
  const noPhone = await f.person(DH, { phone_enc: null, phone_hmac: null, phone_masked: null });
  const p1 = await f.pregnancy(DH, { woman: noPhone, registeredOn: '2026-02-01' });
  expect_(DH, 'pregnancy_required_fields', p1.pregnancy, 'noPhonePregnancy');
  const p2 = await f.pregnancy(DH, { registeredOn: '2026-02-01', row: { created_at: enteredOn('2026-02-01', 30) } });
  expect_(DH, 'pregnancy_late_entry', p2.pregnancy);
  const p3 = await f.pregnancy(DH, { registeredOn: '2026-02-01', row: {} });
  await sql`update pregnancy set edd = lmp + 300 where id = ${p3.pregnancy}`.execute(s.db.db);
  expect_(DH, 'edd_inconsistent_with_lmp', p3.pregnancy);
  const male = await f.person(DH, { sex: 'male' });
  const p4 = await f.pregnancy(DH, { woman: male, registeredOn: '2026-02-01' });
  expect_(DH, 'male_with_pregnancy', p4.pregnancy);
  const p5 = await f.pregnancy(DH, { registeredOn: '2026-02-01', ga: 70 });
  await sql`update person set deceased_on = '2026-03-15' where id = ${p5.woman}`.execute(s.db.db);
  expect_(DH, 'maternal_death_without_card', p5.pregnancy);

  // ---- antenatal visits (one open pregnancy registered on 2026-03-01 at 70 days)
  const pv = await f.pregnancy(DH, { registeredOn: '2026-03-01', ga: 70 });
  expect_(DH, 'anc_visit_required_fields', await f.ancVisit(DH, pv, 84, { systolic_mmhg: null }));
  expect_(
    DH,
    'anc_visit_late_entry',
    await f.ancVisit(DH, pv, 98, { created_at: enteredOn(plusDays(pv.lmp, 98), 20) }),
  );
  expect_(DH, 'anc_visit_before_registration', await f.ancVisit(DH, pv, 60));
  expect_(
    DH,
    'anc_vitals_implausible',
    await f.ancVisit(DH, pv, 112, { systolic_mmhg: 75, diastolic_mmhg: 115 }),
    'swappedBp',
  );
  expect_(DH, 'anc_vitals_implausible', await f.ancVisit(DH, pv, 126, { weight_kg: 600 }));
  const pd = await f.pregnancy(DH, { registeredOn: '2026-01-05', ga: 70 });
  await f.delivery(DH, pd, 273);
  expect_(DH, 'anc_visit_after_delivery', await f.ancVisit(DH, pd, 280));

  // ---- deliveries (no births recorded: the delivery rules only)
  // registered 2026-01-05 at 70 days: LMP 2025-10-27, delivered at 273 days on 2026-07-27
  const DL = plusDays(plusDays('2026-01-05', -70), 273);
  const dl = async (row: Record<string, unknown>, woman?: string, ga = 273) => {
    const p = await f.pregnancy(DH, { registeredOn: '2026-01-05', ga: 70, ...(woman ? { woman } : {}) });
    return (await f.delivery(DH, p, ga, row)).delivery;
  };
  expect_(DH, 'delivery_required_fields', await dl({ blood_loss_ml: null }));
  expect_(DH, 'delivery_late_entry', await dl({ created_at: enteredOn(DL, 10) }));
  expect_(DH, 'delivery_ga_inconsistent', await dl({ ga_days: 240 }));
  const child11 = await f.person(DH, { birth_date: '2015-01-01' });
  expect_(DH, 'mother_age_at_delivery_implausible', await dl({}, child11));
  expect_(DH, 'discharge_before_delivery', await dl({ discharged_on: plusDays(DL, -2) }), 'dischargeBefore');
  // one woman, two deliveries 31 days apart: one pregnancy recorded twice
  const twice = await f.person(DH);
  const pa = await f.pregnancy(DH, { woman: twice, registeredOn: '2025-10-01', ga: 100 });
  const da = await f.delivery(DH, pa, 251);
  await sql`update pregnancy set status = 'closed', ended_on = ${da.date}::date, end_reason = 'postpartum_completed'
    where id = ${pa.pregnancy}`.execute(s.db.db);
  const pb = await f.pregnancy(DH, { woman: twice, registeredOn: '2026-01-15', ga: 200 });
  const db2 = await f.delivery(DH, pb, 276);
  expect(Math.abs(Date.parse(db2.date) - Date.parse(da.date)) / 86_400_000).toBeLessThan(140);
  expect_(DH, 'duplicate_delivery', da.delivery);
  expect_(DH, 'duplicate_delivery', db2.delivery);

  // ---- birth outcomes (each with its child record unless the fault is the missing record)
  const birth = async (row: Record<string, unknown>, withChild = true) => {
    const p = await f.pregnancy(DH, { registeredOn: '2026-01-05', ga: 70 });
    const dd = await f.delivery(DH, p, 273);
    const bo = await f.birthOutcome(DH, dd, p.woman, row);
    if (withChild) {
      const c = await f.child(DH, { birthDate: dd.date, mother: p.woman, delivery: dd.delivery, birthOutcome: bo });
      await sql`update birth_outcome set child_person_id = ${c} where id = ${bo}`.execute(s.db.db);
    }
    return bo;
  };
  expect_(DH, 'birth_outcome_required_fields', await birth({ apgar_5: null }));
  expect_(DH, 'birth_weight_implausible', await birth({ weight_g: 330 }));
  expect_(DH, 'birth_length_implausible', await birth({ length_cm: 5 }));
  expect_(DH, 'live_birth_without_child_record', await birth({}, false), 'noChildRecord');

  // ---- postpartum visits (a clean delivery)
  const pp = await f.pregnancy(DH, { registeredOn: '2026-01-05', ga: 70 });
  const ppd = await f.delivery(DH, pp, 273);
  expect_(
    DH,
    'postpartum_visit_required_fields',
    await f.postpartumVisit(DH, pp, ppd.date, 3, { temperature_c: null }),
  );
  expect_(
    DH,
    'postpartum_visit_late_entry',
    await f.postpartumVisit(DH, pp, ppd.date, 7, { created_at: enteredOn(plusDays(ppd.date, 7), 30) }),
  );
  expect_(
    DH,
    'postpartum_vitals_implausible',
    await f.postpartumVisit(DH, pp, ppd.date, 14, { systolic_mmhg: 70, diastolic_mmhg: 120 }),
  );
  expect_(
    DH,
    'postpartum_visit_before_delivery',
    await f.postpartumVisit(DH, pp, ppd.date, 0, { visit_date: plusDays(ppd.date, -2) }),
  );

  // ---- maternal death cards
  const md1 = await f.pregnancy(DH, { registeredOn: '2026-02-01', ga: 70 });
  expect_(
    DH,
    'maternal_death_required_fields',
    await f.maternalDeath(DH, md1, '2026-04-01', { diagnosis_basis: null }),
  );
  const md2 = await f.pregnancy(DH, { registeredOn: '2026-02-01', ga: 70 });
  expect_(
    DH,
    'maternal_death_late_entry',
    await f.maternalDeath(DH, md2, '2026-04-01', { created_at: enteredOn('2026-04-01', 20) }),
  );

  // ---- child records (born 2026-03-01, registered directly)
  const kid = (o: Parameters<QualityFixture['child']>[1]) => f.child(DH, o);
  const born = '2026-03-01';
  expect_(DH, 'child_profile_required_fields', await kid({ birthDate: born, profile: { birth_length_cm: null } }));
  expect_(
    DH,
    'child_birth_weight_implausible',
    await kid({ birthDate: born, profile: { birth_weight_g: 330 } }),
    'slip',
  );
  expect_(
    DH,
    'child_birth_weight_implausible',
    await kid({ birthDate: born, profile: { birth_weight_g: 4300, gestational_weeks: 32 } }),
  );
  expect_(DH, 'child_birth_length_implausible', await kid({ birthDate: born, profile: { birth_length_cm: 68 } }));
  const youngMother = await f.person(DH, { birth_date: '2016-01-01' });
  expect_(DH, 'child_born_before_mother_12', await kid({ birthDate: born, mother: youngMother }));
  expect_(DH, 'child_discharge_before_birth', await kid({ birthDate: born, profile: { discharged_on: '2026-02-27' } }));
  expect_(
    DH,
    'live_birth_without_metabolic_screening',
    await kid({ birthDate: born, screenings: ['hearing'] }),
    'noScreening',
  );
  expect_(DH, 'live_birth_without_hearing_screening', await kid({ birthDate: born, screenings: ['metabolic'] }));
  expect_(
    DH,
    'child_death_without_card',
    await kid({ birthDate: born, person: { deceased_on: '2026-06-09' } }),
    'deathNoCard',
  );
  // two child records from one birth
  const p6 = await f.pregnancy(DH, { registeredOn: '2026-01-05', ga: 70 });
  const d6 = await f.delivery(DH, p6, 273);
  const bo6 = await f.birthOutcome(DH, d6, p6.woman);
  const c6a = await f.child(DH, { birthDate: d6.date, mother: p6.woman, delivery: d6.delivery, birthOutcome: bo6 });
  const c6b = await f.child(DH, { birthDate: d6.date, mother: p6.woman, delivery: d6.delivery, birthOutcome: bo6 });
  await sql`update birth_outcome set child_person_id = ${c6a} where id = ${bo6}`.execute(s.db.db);
  expect_(DH, 'duplicate_child_record', c6a);
  expect_(DH, 'duplicate_child_record', c6b);

  // ---- check-ups of one clean child, at the second institution
  const ck = await kid({ birthDate: '2026-01-01' });
  const k = (age: number, row: Record<string, unknown>) =>
    f.checkup(DH, ck, '2026-01-01', age, { institution_id: inst.DH2, ...row });
  expect_(DH, 'child_checkup_required_fields', await k(60, { head_cm: null }));
  expect_(DH, 'child_checkup_late_entry', await k(90, { created_at: enteredOn('2026-04-01', 40) }));
  expect_(DH, 'checkup_anthropometry_implausible', await k(120, { weight_kg: 75, waz: 12.3 }), 'weightSlip');
  expect_(DH, 'checkup_anthropometry_implausible', await k(150, { weight_kg: 92, waz: null, lhaz: null, wlhz: null }));
  expect_(DH, 'checkup_before_birth', await k(0, { visit_date: '2025-12-27' }));

  // ---- under-5 death cards
  const dead = async (row: Record<string, unknown>) => {
    const c = await kid({ birthDate: '2026-02-01' });
    return f.childDeath(DH, c, '2026-02-01', 60, row);
  };
  expect_(DH, 'child_death_required_fields', await dead({ gestational_weeks: null }));
  expect_(DH, 'child_death_late_entry', await dead({ created_at: enteredOn('2026-04-02', 20) }));
  expect_(DH, 'child_death_date_inconsistent', await dead({ age_days: 10 }));

  // ---- person index
  const dupA = await f.person(DH, { id_number_hmac: 'dup-1' });
  const dupB = await f.person(DH, { id_number_hmac: 'dup-1' });
  expect_(DH, 'duplicate_id_number', dupA);
  expect_(DH, 'duplicate_id_number', dupB);
  await sql`insert into person_key (id_number_hmac, county_code, person_id) values ('dup-2', ${PT}, gen_random_uuid())`.execute(
    s.db.db,
  );
  expect_(DH, 'duplicate_id_number', await f.person(DH, { id_number_hmac: 'dup-2' }));
  expect_(DH, 'death_before_birth', await f.person(DH, { birth_date: '1990-01-01', deceased_on: '1980-01-01' }));

  // ---- 普陀区: one registration without a phone
  const ptNoPhone = await f.person(PT, { phone_enc: null });
  const pt1 = await f.pregnancy(PT, { woman: ptNoPhone, registeredOn: '2026-02-01' });
  expect_(PT, 'pregnancy_required_fields', pt1.pregnancy, 'ptPregnancy');
});
afterAll(async () => {
  await s?.close();
});

describe('data-quality run over hand-built records (set-based SQL per county, through the job runner)', () => {
  let run: any;
  let first: any[];

  it('a run is queued (202), executed by the job runner, and done with a score', async () => {
    const r = await sup.post('/api/v1/quality/runs', { regionCode: DH, ...WINDOW });
    expect(r.status).toBe(202);
    expect(r.body).toHaveLength(1);
    expect(r.body[0]).toMatchObject({ countyCode: DH, status: 'queued', trigger: 'manual', windowFrom: WINDOW.from });
    const again = await sup.post('/api/v1/quality/runs', { regionCode: DH, ...WINDOW });
    expect(again.body[0].id).toBe(r.body[0].id); // a queued run is reused, not queued twice
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from job where kind = 'quality.run' and status = 'queued'`.execute(s.db.db);
    expect(jobs.rows[0]!.n).toBe(1);
    expect(await s.app.services.jobs.runDue(10)).toBe(1);
    run = (await sup.get(`/api/v1/quality/runs/${r.body[0].id}`)).body;
    expect(run).toMatchObject({ status: 'done', isCurrent: true, resolvedProblems: 0 });
    expect(run.score).toBeGreaterThan(0);
    expect(run.score).toBeLessThan(100);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('finds exactly the problems the records were built with, each rule of the catalogue at least once', async () => {
    first = await allProblems(sup, `regionCode=${DH}`);
    expect(keys(first)).toEqual(expected[DH]);
    const found = new Set(first.map((p) => p.ruleId));
    for (const r of qualityRuleCatalogue) expect(found, r.id).toContain(r.id);
    expect(run.problemCount).toBe(first.length);
  });

  it('each problem names the record, the fix and links to the page where it is fixed', async () => {
    const phone = first.find((p) => p.recordId === ids.noPhonePregnancy);
    expect(phone).toMatchObject({
      kind: 'completeness',
      severity: 'warning',
      recordType: 'pregnancy',
      detail: { missing: ['phone'] },
      detailZh: '缺少：联系电话',
      idNumberMasked: '330902********1234',
    });
    expect(phone.link).toBe(`/maternal/women/${phone.personId}?pregnancyId=${ids.noPhonePregnancy}`);
    expect(phone.fixZh).toContain('补录');
    const bp = first.find((p) => p.recordId === ids.swappedBp);
    expect(bp.detail.problems).toEqual(['systolic_not_above_diastolic']);
    expect(bp.detailZh).toContain('75/115');
    expect(first.find((p) => p.recordId === ids.slip).detailZh).toContain('330 g');
    expect(first.find((p) => p.recordId === ids.weightSlip).link).toMatch(/^\/children\//);
    expect(first.find((p) => p.recordId === ids.noChildRecord).link).toMatch(/^\/maternal\/women\/.+\?pregnancyId=/);
    expect(first.find((p) => p.ruleId === 'death_before_birth').link).toMatch(/^\/people\//);
    // errors are listed before warnings
    const firstWarning = first.findIndex((p) => p.severity === 'warning');
    expect(first.slice(firstWarning).every((p) => p.severity === 'warning')).toBe(true);
  });

  it('filters by rule, kind, severity, record type, institution, date and name', async () => {
    const byRule = await allProblems(sup, `regionCode=${DH}&ruleId=duplicate_id_number`);
    expect(byRule).toHaveLength(3);
    const logic = await allProblems(sup, `regionCode=${DH}&kind=logic`);
    expect(logic.every((p) => p.kind === 'logic')).toBe(true);
    expect(logic.length).toBe(
      [...expected[DH]!].filter((k) => qualityRuleCatalogue.find((r) => k.startsWith(`${r.id}:`) && r.kind === 'logic'))
        .length,
    );
    const warnings = await allProblems(sup, `regionCode=${DH}&severity=warning`);
    expect(warnings.every((p) => p.severity === 'warning')).toBe(true);
    const checkups = await allProblems(sup, `regionCode=${DH}&institutionId=${inst.DH2}`);
    expect(checkups).toHaveLength(5);
    expect(checkups.every((p) => p.recordType === 'child_checkup')).toBe(true);
    const births = await allProblems(sup, `regionCode=${DH}&recordType=birth_outcome`);
    expect(births).toHaveLength(4);
    const dated = await allProblems(sup, `regionCode=${DH}&from=2026-02-01&to=2026-02-01`);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((p) => p.serviceDate === '2026-02-01')).toBe(true);
    const name = first.find((p) => p.recordId === ids.noPhonePregnancy).personName;
    const byName = await allProblems(sup, `regionCode=${DH}&q=${encodeURIComponent(name)}`);
    expect(byName.map((p) => p.recordId)).toContain(ids.noPhonePregnancy);
    expect(byName.every((p) => p.personName.includes(name))).toBe(true);
  });

  it('scores: 100 × (1 − Σ w·failed / Σ w·checked) from the tallies, by county and by institution', async () => {
    const rules = (await sup.get(`/api/v1/quality/rules?regionCode=${DH}`)).body as any[];
    const weight = new Map(rules.map((r) => [r.id, r.weight]));
    expect(weight.get('discharge_before_delivery')).toBe(3);
    expect(weight.get('pregnancy_required_fields')).toBe(1);
    const summary = (await sup.get(`/api/v1/quality/rule-summary?regionCode=${DH}`)).body as any[];
    let wc = 0;
    let wf = 0;
    for (const r of summary) {
      wc += weight.get(r.ruleId) * r.checked;
      wf += weight.get(r.ruleId) * r.failed;
    }
    const want = Math.round(1000 * (1 - wf / wc)) / 10;
    const scores = (await sup.get(`/api/v1/quality/scores?regionCode=${DH}`)).body;
    expect(scores.rows).toHaveLength(1);
    expect(scores.rows[0]).toMatchObject({ countyCode: DH, score: want, problemCount: first.length });
    expect(summary.find((r: any) => r.ruleId === 'duplicate_id_number')).toMatchObject({ failed: 3 });
    expect(summary.find((r: any) => r.ruleId === 'checkup_before_birth').checked).toBeGreaterThanOrEqual(6);

    const byInst = (await sup.get(`/api/v1/quality/scores?regionCode=${DH}&groupBy=institution`)).body;
    const second = byInst.rows.find((r: any) => r.institutionId === inst.DH2);
    expect(second).toMatchObject({ problemCount: 5 });
    const instSummary = (await sup.get(`/api/v1/quality/rule-summary?regionCode=${DH}&institutionId=${inst.DH2}`))
      .body as any[];
    const c = instSummary.reduce((a: number, r: any) => a + weight.get(r.ruleId) * r.checked, 0);
    const x = instSummary.reduce((a: number, r: any) => a + weight.get(r.ruleId) * r.failed, 0);
    expect(second.score).toBe(Math.round(1000 * (1 - x / c)) / 10);
    // institutions' weighted sums add up to the county's
    const sumWc = byInst.rows.reduce((a: number, r: any) => a + r.weightedChecks, 0);
    expect(sumWc).toBeCloseTo(scores.rows[0].weightedChecks, 6);
  });

  it('a fixed record is no longer reported on the next run; persisting problems keep their first-seen time', async () => {
    await sql`update anc_visit set systolic_mmhg = 115, diastolic_mmhg = 75 where id = ${ids.swappedBp}`.execute(
      s.db.db,
    );
    await sql`update delivery set discharged_on = delivery_date + 2 where id = ${ids.dischargeBefore}`.execute(s.db.db);
    const [second] = await runAndWait(sup, DH);
    expect(second).toMatchObject({ status: 'done', isCurrent: true, resolvedProblems: 2, newProblems: 0 });
    expect(second.score).toBeGreaterThan(run.score);
    const now = await allProblems(sup, `regionCode=${DH}`);
    expect(now.map((p) => p.recordId)).not.toContain(ids.swappedBp);
    expect(now.map((p) => p.recordId)).not.toContain(ids.dischargeBefore);
    expect(now).toHaveLength(first.length - 2);
    const before = new Map(first.map((p) => [`${p.ruleId}:${p.recordId}`, p.firstSeenAt]));
    for (const p of now) expect(p.firstSeenAt).toBe(before.get(`${p.ruleId}:${p.recordId}`));
    expect(now.every((p) => p.runId === second.id)).toBe(true);
    // only the current run keeps problem rows
    const rows = await sql<{
      n: number;
    }>`select count(distinct run_id)::int as n from quality_problem where county_code = ${DH}`.execute(s.db.db);
    expect(rows.rows[0]!.n).toBe(1);
    const old = (await sup.get(`/api/v1/quality/runs/${run.id}`)).body;
    expect(old.isCurrent).toBe(false);
  });

  it('the trend has one point per day with a finished run, carrying each county forward', async () => {
    // the first run finished "yesterday"
    await sql`update quality_run set finished_at = finished_at - interval '1 day' where id = ${run.id}`.execute(
      s.db.db,
    );
    const t = (await sup.get(`/api/v1/quality/trend?regionCode=${DH}&days=30`)).body;
    expect(t.points).toHaveLength(2);
    expect(t.points[0].score).toBe(run.score);
    expect(t.points[1].score).toBeGreaterThan(t.points[0].score);
    const ti = (await sup.get(`/api/v1/quality/trend?regionCode=${DH}&days=30&institutionId=${inst.DH2}`)).body;
    expect(ti.points).toHaveLength(2);
    expect(ti.points[0].score).toBe(ti.points[1].score); // the check-ups were not touched
  });

  it('exports the filtered list as xlsx with masked identifiers, and audits reads and exports', async () => {
    const res = await fetch(`${s.url}/api/v1/quality/problems.xlsx?regionCode=${DH}&ruleId=pregnancy_required_fields`, {
      headers: { cookie: sup.cookie! },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(4).values as unknown[];
    expect(header).toContain('证件号码');
    const row = ws.getRow(5).values as unknown[];
    expect(row).toContain('孕产妇建册必填项缺失');
    expect(row).toContain('330902********1234');
    expect(row).toContain('缺少：联系电话');
    expect(ws.rowCount).toBe(5);
    const audit = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_event
      where action in ('quality.problems.read', 'quality.problems.export', 'quality.run.request', 'quality.run.complete')
      group by action`.execute(s.db.db);
    const by = new Map(audit.rows.map((r) => [r.action, r.n]));
    expect(by.get('quality.problems.export')).toBe(1);
    expect(by.get('quality.problems.read')).toBeGreaterThan(0);
    expect(by.get('quality.run.request')).toBeGreaterThanOrEqual(2);
    expect(by.get('quality.run.complete')).toBeGreaterThanOrEqual(2);
  });
});

describe('scope: county tables under row-level security', () => {
  it('a county user sees only her county; another county is refused', async () => {
    await runAndWait(ptSup, PT);
    const mine = await allProblems(ptSup, `regionCode=${PT}`);
    expect(keys(mine)).toEqual(expected[PT]);
    expect((await sup.get(`/api/v1/quality/problems?regionCode=${PT}`)).status).toBe(403);
    expect((await sup.get(`/api/v1/quality/scores?regionCode=330900`)).status).toBe(403);
    expect((await ptSup.post('/api/v1/quality/runs', { regionCode: DH })).status).toBe(403);
    expect(
      (
        await ptSup.get(
          `/api/v1/quality/runs/${(await sup.get(`/api/v1/quality/runs?regionCode=${DH}`)).body.items[0].id}`,
        )
      ).status,
    ).toBe(404);
    const dh = await allProblems(sup, `regionCode=${DH}`);
    expect(dh.every((p) => p.countyCode === DH)).toBe(true);
  });

  it('the city sees both counties, side by side, and the city total adds their weighted sums', async () => {
    const sc = (await city.get('/api/v1/quality/scores?regionCode=330900')).body;
    const dh = sc.rows.find((r: any) => r.countyCode === DH);
    const pt = sc.rows.find((r: any) => r.countyCode === PT);
    expect(dh.score).not.toBeNull();
    expect(pt.score).not.toBeNull();
    expect(sc.rows.filter((r: any) => r.score === null).length).toBe(sc.rows.length - 2);
    expect(sc.region.weightedChecks).toBeCloseTo(dh.weightedChecks + pt.weightedChecks, 6);
    const both = await allProblems(city, 'regionCode=330900');
    expect(new Set(both.map((p) => p.countyCode))).toEqual(new Set([DH, PT]));
    const onlyPt = await allProblems(city, `regionCode=330900&countyCode=${PT}`);
    expect(keys(onlyPt)).toEqual(expected[PT]);
  });

  it('an unscoped query sees no run, tally or problem', async () => {
    const n = await withScope(s.db.db, { counties: [] }, async (trx) => {
      const a = await sql<{ n: number }>`select count(*)::int as n from quality_problem`.execute(trx);
      const b = await sql<{ n: number }>`select count(*)::int as n from quality_run`.execute(trx);
      const c = await sql<{ n: number }>`select count(*)::int as n from quality_run_stat`.execute(trx);
      return a.rows[0]!.n + b.rows[0]!.n + c.rows[0]!.n;
    });
    expect(n).toBe(0);
  });

  it('a commission user (no person.read) sees the problems without names or links', async () => {
    const r = await commission.get(`/api/v1/quality/problems?regionCode=330900&pageSize=5`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const p of r.body.items) expect([p.personName, p.idNumberMasked, p.link]).toEqual([null, null, null]);
    expect((await commission.get('/api/v1/quality/problems?regionCode=330900&q=张')).status).toBe(403);
  });
});

describe('configuration: thresholds per region, inherited, validated', () => {
  it('a commission user of the city raises the late-entry limit for 定海区; the next run follows it', async () => {
    const cur = (await commission.get(`/api/v1/quality/config?regionCode=${DH}`)).body;
    expect(cur).toMatchObject({ own: null, canEdit: true });
    expect(cur.effective.lateEntryDays.anc_visit).toBe(14);
    const put = await commission.request('PUT', '/api/v1/quality/config', {
      regionCode: DH,
      config: { lateEntryDays: { anc_visit: 30 }, disabledRules: ['duplicate_delivery'] },
      note: '试行',
    });
    expect(put.status).toBe(200);
    expect(put.body.effective.lateEntryDays).toMatchObject({ anc_visit: 30, delivery: 7 });
    const stale = await commission.request('PUT', '/api/v1/quality/config', {
      regionCode: DH,
      config: { lateEntryDays: { anc_visit: 20 } },
      rowVersion: 7,
    });
    expect(stale.status).toBe(409);
    await runAndWait(sup, DH);
    const now = await allProblems(sup, `regionCode=${DH}`);
    expect(now.some((p) => p.ruleId === 'anc_visit_late_entry')).toBe(false);
    expect(now.some((p) => p.ruleId === 'duplicate_delivery')).toBe(false);
    expect(now.some((p) => p.ruleId === 'delivery_late_entry')).toBe(true);
    const rules = (await sup.get(`/api/v1/quality/rules?regionCode=${DH}`)).body as any[];
    expect(rules.find((r) => r.id === 'duplicate_delivery').enabled).toBe(false);
    // removing the override restores the national default
    const del = await commission.request('PUT', '/api/v1/quality/config', { regionCode: DH, config: null });
    expect(del.status).toBe(200);
    expect(del.body.effective.lateEntryDays.anc_visit).toBe(14);
  });

  it.each<[string, unknown, string]>([
    ['negative days', { lateEntryDays: { anc_visit: -3 } }, 'config.lateEntryDays.anc_visit'],
    ['min above max', { motherAgeYears: { min: 50, max: 12 } }, 'config.motherAgeYears.max'],
    ['an unknown rule', { disabledRules: ['no_such_rule'] }, 'config.disabledRules.0'],
    ['an unknown field', { requiredFields: { anc_visit: ['shoeSize'] } }, 'config.requiredFields.anc_visit.0'],
  ])('refuses %s with 400 and a zh-CN message naming the field', async (_w, config, field) => {
    const r = await commission.request('PUT', '/api/v1/quality/config', { regionCode: DH, config });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.fields.map((x: any) => x.field)).toContain(field);
    expect(r.body.error.messageZh).toMatch(/质控配置/);
  });

  it('a supervisor may not change the configuration', async () => {
    const r = await sup.request('PUT', '/api/v1/quality/config', { regionCode: DH, config: { windowDays: 365 } });
    expect(r.status).toBe(403);
  });
});

describe('bad input and permissions: 4xx with zh-CN messages naming the field', () => {
  it.each<[string, string, unknown, number, string]>([
    ['bad region code', 'POST', { regionCode: 'abc' }, 400, 'regionCode'],
    ['bad date', 'POST', { regionCode: DH, from: '2026-02-30' }, 400, 'from'],
    ['from after to', 'POST', { regionCode: DH, from: '2026-05-01', to: '2026-04-01' }, 400, 'from'],
  ])('run request with %s', async (_w, method, body, status, field) => {
    const r = await sup.request(method, '/api/v1/quality/runs', body);
    expect(r.status).toBe(status);
    expect(r.body.error.fields.map((x: any) => x.field)).toContain(field);
    expect(r.body.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each<[string, string]>([
    ['kind=xyz', 'kind'],
    ['severity=fatal', 'severity'],
    ['recordType=car', 'recordType'],
    ['institutionId=42', 'institutionId'],
    ['pageSize=1000', 'pageSize'],
    ['ruleId=nope_nope', 'ruleId'],
  ])('problem list with %s', async (q, field) => {
    const r = await sup.get(`/api/v1/quality/problems?regionCode=${DH}&${q}`);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((x: any) => x.field)).toContain(field);
  });

  it('every quality and work-plan route is in the OpenAPI document', async () => {
    const doc = await sup.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/api/v1/quality/runs',
      '/api/v1/quality/runs/{id}',
      '/api/v1/quality/scores',
      '/api/v1/quality/problems',
      '/api/v1/quality/problems.xlsx',
      '/api/v1/quality/trend',
      '/api/v1/quality/config',
      '/api/v1/work-plans/{id}',
      '/api/v1/work-plan-tasks/{taskId}/progress',
    ])
      expect(paths).toContain(p);
  });

  it('unknown region 404, unknown run 404, no session 401, clinician may read but not run', async () => {
    expect((await sup.get('/api/v1/quality/scores?regionCode=999999')).status).toBe(404);
    expect((await sup.get('/api/v1/quality/runs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await s.anonymous().get(`/api/v1/quality/scores?regionCode=${DH}`)).status).toBe(401);
    expect((await clinician.post('/api/v1/quality/runs', { regionCode: DH })).status).toBe(403);
    expect((await clinician.get(`/api/v1/quality/scores?regionCode=${DH}`)).status).toBe(200);
  });
});

describe('nightly run through the job runner', () => {
  it('schedules one job per night at the configured hour, idempotently; the job runs every county with institutions and schedules the next night', async () => {
    const a = await s.app.services.quality.runs.scheduleNightly();
    const b = await s.app.services.quality.runs.scheduleNightly();
    expect(a.jobId).toBe(b.jobId);
    const at = new Date(a.at);
    expect((at.getUTCHours() + 8) % 24).toBe(2);
    expect(at.getTime()).toBeGreaterThan(Date.now());
    await sql`update job set run_at = now() where id = ${a.jobId}`.execute(s.db.db);
    while ((await s.app.services.jobs.runDue(50)) > 0);
    const job = await s.app.services.jobs.get(a.jobId);
    expect(job).toMatchObject({ status: 'done', result: { counties: 2, queued: 2 } });
    const nightly = await sql<{ county_code: string; status: string }>`select county_code, status from quality_run
      where trigger = 'nightly'`.execute(s.db.db);
    expect(nightly.rows.map((r) => `${r.county_code}:${r.status}`).sort()).toEqual([`${DH}:done`, `${PT}:done`]);
    const next = await sql<{
      n: number;
    }>`select count(*)::int as n from job where kind = 'quality.nightly' and status = 'queued'
      and run_at > now()`.execute(s.db.db);
    expect(next.rows[0]!.n).toBe(1);
  });

  it('a failing run is retried and marked failed after its last attempt', async () => {
    const [queued] = (await sup.post('/api/v1/quality/runs', { regionCode: DH })).body;
    // break the run's snapshot so its SQL fails
    await sql`update quality_run set config = jsonb_set(config, '{birthWeightBands}', '[]'::jsonb) where id = ${queued.id}`.execute(
      s.db.db,
    );
    for (let i = 0; i < 3; i++) {
      await sql`update job set run_at = now() where kind = 'quality.run' and status = 'queued'`.execute(s.db.db);
      await s.app.services.jobs.runDue(5);
    }
    const r = (await sup.get(`/api/v1/quality/runs/${queued.id}`)).body;
    expect(r.status).toBe('failed');
    expect(r.error).toBeTruthy();
    const current = (await sup.get(`/api/v1/quality/scores?regionCode=${DH}`)).body.rows[0];
    expect(current.runId).not.toBe(queued.id); // the county keeps its last good run
  });
});
