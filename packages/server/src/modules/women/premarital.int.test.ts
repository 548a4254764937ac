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

async function couple(client = w.dh, county = '330902') {
  const female = await registerPerson(client, { age: 26, county });
  const male = await registerPerson(client, { age: 28, sex: 'male', county });
  return { female, male };
}

function body(c: { female: string; male: string }, extra: Record<string, unknown> = {}) {
  return {
    examDate: daysAgo(1),
    registrationOffice: '定海区民政局婚姻登记处',
    female: {
      personId: c.female,
      history: { pastIllnesses: [], menstrualHistory: '规律' },
      exam: { general: 'normal', genital: 'normal' },
      tests: { blood_routine: 'normal', vaginal_discharge: 'normal' },
      infectious: { hiv: 'negative', syphilis: 'negative', hbsag: 'negative' },
    },
    male: {
      personId: c.male,
      exam: { general: 'normal', genital: 'normal' },
      tests: { blood_routine: 'normal', semen: 'normal' },
      infectious: { hiv: 'negative', syphilis: 'negative', hbsag: 'negative' },
    },
    findings: [],
    opinion: 'no_contraindication',
    counsellingGiven: true,
    counsellingTopics: ['孕前保健', '叶酸增补'],
    ...extra,
  };
}

describe('premarital examination form: validation', () => {
  it.each<[string, (c: { female: string; male: string }) => Record<string, unknown>, string, string?]>([
    ['no partner at all', (c) => ({ ...body(c), female: undefined, male: undefined }), 'female'],
    [
      'the man entered as the woman',
      (c) => body(c, { female: { personId: c.male }, male: undefined }),
      'female.personId',
      'WRONG_SEX',
    ],
    [
      'a semen test for the woman',
      (c) => body(c, { female: { personId: c.female, tests: { semen: 'normal' } } }),
      'female.tests.semen',
    ],
    ['an opinion outside the national categories', (c) => body(c, { opinion: 'ok' }), 'opinion'],
    ['a future exam date', (c) => body(c, { examDate: daysAgo(-2) }), 'examDate'],
    [
      'an opinion that contradicts the findings without a reason',
      (c) => body(c, { findings: ['designated_infectious_in_infective_period'] }),
      'opinionNote',
      'OPINION_MISMATCH',
    ],
    [
      'an unknown infectious test',
      (c) => body(c, { male: { personId: c.male, infectious: { hcv: 'negative' } } }),
      'male.infectious',
    ],
  ])('refuses %s, naming the field', async (_t, make, field, code) => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/premarital-exams', make(c));
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe(field);
    if (code) expect(r.body.error.code).toBe(code);
  });

  it('a certificate number is used once; a client id makes the create idempotent', async () => {
    const c = await couple();
    const id = randomUUID();
    const a = await w.dh.post('/api/v1/premarital-exams', body(c, { id, certificateNo: 'HJ2026-0001' }));
    expect(a.status).toBe(201);
    expect((await w.dh.post('/api/v1/premarital-exams', body(c, { id, certificateNo: 'HJ2026-0001' }))).status).toBe(
      200,
    );
    const c2 = await couple();
    const dup = await w.dh.post('/api/v1/premarital-exams', body(c2, { certificateNo: 'HJ2026-0001' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_CERTIFICATE');
  });
});

describe('infectious results: encrypted at rest, shown only with permission pmtct', () => {
  it('stores ciphertext; a clinician sees "restricted", the supervisor (pmtct) the values and the read is audited', async () => {
    const c = await couple();
    const r = await w.dh.post(
      '/api/v1/premarital-exams',
      body(c, {
        female: {
          personId: c.female,
          infectious: { hiv: 'negative', syphilis: 'positive', hbsag: 'negative' },
        },
        findings: ['designated_infectious_in_infective_period'],
        opinion: 'postpone_marriage',
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.female.infectious).toBe('restricted');
    expect(r.body.infectiousPositive).toBe('restricted');
    expect(r.body).toMatchObject({ opinion: 'postpone_marriage', suggestedOpinion: 'postpone_marriage' });
    expect(r.body.followUpDue).toBe(daysAgo(-29));
    const raw = await sql<{ enc: string; positive: boolean }>`
      select female_infectious_enc as enc, infectious_positive as positive from premarital_exam where id = ${r.body.id}`.execute(
      w.s.db.db,
    );
    expect(raw.rows[0]!.enc).toMatch(/^v1:/);
    expect(raw.rows[0]!.enc).not.toContain('positive');
    expect(raw.rows[0]!.positive).toBe(true);
    const sup = await w.sup.get(`/api/v1/premarital-exams/${r.body.id}`);
    expect(sup.body.female.infectious).toEqual({ hiv: 'negative', syphilis: 'positive', hbsag: 'negative' });
    expect(sup.body.infectiousPositive).toBe(true);
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_event where action = 'women.premarital.infectious.read' and entity_id = ${r.body.id}`.execute(
      w.s.db.db,
    );
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
  });

  it('a positive infectious test alone puts the exam on the follow-up list', async () => {
    const c = await couple();
    const r = await w.dh.post(
      '/api/v1/premarital-exams',
      body(c, { male: { personId: c.male, infectious: { hbsag: 'positive' } }, examDate: daysAgo(40) }),
    );
    expect(r.body.followUpDue).toBe(daysAgo(10));
    const overdue = await w.dh.get('/api/v1/premarital-exams?followUp=overdue&pageSize=200');
    expect(overdue.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
  });
});

describe('follow-up, update, scope', () => {
  it('records the follow-up once; an exam that needs none refuses it (422); stale versions are 409', async () => {
    const c = await couple();
    const r = await w.dh.post(
      '/api/v1/premarital-exams',
      body(c, {
        findings: ['severe_genetic_disease_unfit_for_childbearing'],
        opinion: 'not_advised_to_bear_children',
        examDate: daysAgo(35),
      }),
    );
    expect(r.body.followUpOverdue).toBe(true);
    const stale = await w.dh.post(`/api/v1/premarital-exams/${r.body.id}/follow-up`, {
      version: r.body.version + 1,
      date: daysAgo(0),
      outcome: '已转诊遗传咨询',
    });
    expect(stale.status).toBe(409);
    const ok = await w.dh.post(`/api/v1/premarital-exams/${r.body.id}/follow-up`, {
      version: r.body.version,
      date: daysAgo(0),
      outcome: '已转诊遗传咨询',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ followUpDoneOn: daysAgo(0), followUpOverdue: false });
    const again = await w.dh.post(`/api/v1/premarital-exams/${r.body.id}/follow-up`, {
      version: ok.body.version,
      date: daysAgo(0),
      outcome: '再次',
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const c2 = await couple();
    const normal = await w.dh.post('/api/v1/premarital-exams', body(c2));
    expect(normal.body.followUpDue).toBeNull();
    const none = await w.dh.post(`/api/v1/premarital-exams/${normal.body.id}/follow-up`, {
      version: normal.body.version,
      date: daysAgo(0),
      outcome: 'x',
    });
    expect(none.status).toBe(422);
  });

  it('updates keep the encrypted results when not re-entered; a stale update is 409', async () => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/premarital-exams', body(c));
    const up = await w.dh.patch(`/api/v1/premarital-exams/${r.body.id}`, {
      version: r.body.version,
      certificateNo: 'HJ-UPD-1',
      male: { personId: c.male, exam: { general: 'abnormal', generalNote: '血压偏高' } },
    });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ certificateNo: 'HJ-UPD-1', version: r.body.version + 1 });
    const sup = await w.sup.get(`/api/v1/premarital-exams/${r.body.id}`);
    expect(sup.body.male.infectious).toEqual({ hiv: 'negative', syphilis: 'negative', hbsag: 'negative' });
    expect(sup.body.male.exam).toEqual({ general: 'abnormal', generalNote: '血压偏高' });
    const stale = await w.dh.patch(`/api/v1/premarital-exams/${r.body.id}`, { version: r.body.version, note: 'x' });
    expect(stale.status).toBe(409);
  });

  it("another county's exam is 404; lists filter; history shows both partners' exam; export works", async () => {
    const c = await couple();
    const r = await w.dh.post('/api/v1/premarital-exams', body(c, { certificateNo: `HJ-${Date.now()}` }));
    expect((await w.pt.get(`/api/v1/premarital-exams/${r.body.id}`)).status).toBe(404);
    expect((await w.pt.patch(`/api/v1/premarital-exams/${r.body.id}`, { version: 1, note: 'x' })).status).toBe(404);
    expect((await w.pt.get(`/api/v1/people/${c.male}/premarital-exams`)).status).toBe(404);
    const ptCouple = await couple(w.pt, '330903');
    const cross = await w.dh.post('/api/v1/premarital-exams', body({ female: c.female, male: ptCouple.male }));
    expect(cross.status).toBe(400);
    expect(cross.body.error.fields[0].field).toBe('male.personId');
    const hist = await w.dh.get(`/api/v1/people/${c.male}/premarital-exams`);
    expect(hist.body.map((e: any) => e.id)).toContain(r.body.id);
    const list = await w.dh.get(`/api/v1/premarital-exams?opinion=no_contraindication&from=${daysAgo(1)}&pageSize=200`);
    expect(list.body.items.some((i: any) => i.id === r.body.id)).toBe(true);
    const none = await w.dh.get('/api/v1/premarital-exams?opinion=not_advised_to_marry');
    expect(none.body.items.some((i: any) => i.id === r.body.id)).toBe(false);
    const x = await w.dh.request('GET', '/api/v1/premarital-exams/export.xlsx');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('marriage registrations and the premarital examination rate', () => {
  it('a supervisor enters and imports monthly counts; the rate is people examined ÷ people registering', async () => {
    const year = Number(daysAgo(0).slice(0, 4));
    const put = { countyCode: '330902', year, month: 1, couples: 10, source: '定海区民政局' };
    expect((await w.dh.request('PUT', '/api/v1/marriage-registrations', put)).status).toBe(403);
    const a = await w.sup.request('PUT', '/api/v1/marriage-registrations', put);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ couples: 10, version: 1 });
    const stale = await w.sup.request('PUT', '/api/v1/marriage-registrations', { ...put, couples: 11 });
    expect(stale.status).toBe(409);
    const bad = await w.sup.post('/api/v1/marriage-registrations/import', {
      source: '民政局',
      csv: `county_code,year,month,couples\n330902,${year},2,20\n330902,${year},13,5`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('csv.line3');
    const other = await w.sup.post('/api/v1/marriage-registrations/import', {
      source: '民政局',
      csv: `330903,${year},2,20`,
    });
    expect(other.status).toBe(400);
    const imp = await w.sup.post('/api/v1/marriage-registrations/import', {
      source: '民政局',
      csv: `county_code,year,month,couples\n330902,${year},1,40\n330902,${year},2,60`,
    });
    expect(imp.body).toEqual({ created: 1, updated: 1 });
    const regs = await w.dh.get(`/api/v1/marriage-registrations?year=${year}`);
    expect(regs.body.map((r: any) => r.couples)).toEqual([40, 60]);
    const rate = await w.dh.get(`/api/v1/premarital-exams/rate?year=${year}`);
    const dh = rate.body.find((r: any) => r.countyCode === '330902');
    expect(dh.couplesRegistered).toBe(100);
    expect(dh.femalesExamined).toBeGreaterThan(0);
    expect(dh.femaleRate).toBeCloseTo(dh.femalesExamined / 100, 10);
    expect(dh.rate).toBeCloseTo((dh.femalesExamined + dh.malesExamined) / 200, 10);
  });
});
