/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import ExcelJS from 'exceljs';
import { makeResidentId } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, registerPerson, womenWorld, type WomenWorld } from './women.fixtures';

// §8 of issue #5: every programme list filters by institution, date and result/state, has its overdue worklist
// and exports xlsx with masked identifiers
let w: WomenWorld;
beforeAll(async () => {
  w = await womenWorld();
});
afterAll(async () => w?.s.close());

async function xlsxRows(path: string): Promise<string[][]> {
  const res = await fetch(`${w.s.url}${path}`, { headers: { cookie: w.dh.cookie ?? '' } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) =>
    rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

describe('thalassaemia couples: counselling due in 14 days, the overdue worklist, date and name filters, export', () => {
  it('lists a high-risk couple not counselled 20 days after the assessment as overdue, and exports it masked', async () => {
    const idF = makeResidentId('330902', '1996-02-03', 111, 'female');
    const f = await w.dh.post('/api/v1/people', {
      name: '地贫夫妇女方',
      sex: 'female',
      birthDate: '1996-02-03',
      idType: 'resident_id',
      idNumber: idF,
      residenceRegionCode: '330902',
    });
    const m = await registerPerson(w.dh, { age: 30, sex: 'male', name: '地贫夫妇男方' });
    for (const p of [f.body.id, m])
      await w.dh.post('/api/v1/thalassaemia-tests', {
        personId: p,
        testDate: daysAgo(25),
        kind: 'gene_test',
        carrierStatus: 'alpha',
      });
    const c = await w.dh.post('/api/v1/thalassaemia-couples', { femalePersonId: f.body.id, malePersonId: m });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ risk: 'high', counsellingDue: daysAgo(-14), counsellingOverdue: false });
    await sql`update thalassaemia_couple set assessed_on = ${daysAgo(20)} where id = ${c.body.id}`.execute(w.s.db.db);
    const overdue = await w.dh.get('/api/v1/thalassaemia-couples?overdue=true&pageSize=200');
    const item = overdue.body.items.find((x: any) => x.id === c.body.id);
    expect(item).toMatchObject({
      counsellingDue: daysAgo(6),
      counsellingOverdue: true,
      femaleIdMasked: expect.stringContaining('*'),
    });
    const byName = await w.dh.get(`/api/v1/thalassaemia-couples?q=${encodeURIComponent('地贫夫妇')}`);
    expect(byName.body.items.map((x: any) => x.id)).toEqual([c.body.id]);
    expect(
      (await w.dh.get(`/api/v1/thalassaemia-couples?from=${daysAgo(10)}&pageSize=200`)).body.items.map(
        (x: any) => x.id,
      ),
    ).not.toContain(c.body.id);
    const rows = await xlsxRows(`/api/v1/thalassaemia-couples/export.xlsx?q=${encodeURIComponent('地贫夫妇')}`);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('地贫夫妇女方');
    expect(rows[1]!.join('|')).not.toContain(idF);
    expect(rows[1]).toContain('高风险');
    const done = await w.dh.post(`/api/v1/thalassaemia-couples/${c.body.id}/counselling`, {
      version: (await w.dh.get(`/api/v1/thalassaemia-couples/${c.body.id}`)).body.version,
      date: daysAgo(0),
      prenatalDiagnosisReferred: true,
    });
    expect(done.body).toMatchObject({ counsellingDue: null, counsellingOverdue: false });
    expect(
      (await w.dh.get('/api/v1/thalassaemia-couples?overdue=true&pageSize=200')).body.items.map((x: any) => x.id),
    ).not.toContain(c.body.id);
    expect((await w.dh.get('/api/v1/thalassaemia-couples?risk=severe')).status).toBe(400);
  });
});

describe('the institution filter of the survey, pelvic-floor and post-abortion-care lists', () => {
  it('keeps the records of the institution and leaves out the others', async () => {
    const year = Number(daysAgo(0).slice(0, 4));
    const campaign = await w.dh.post('/api/v1/gyn-survey-campaigns', {
      countyCode: '330902',
      name: `${year}年普查（列表测试）`,
      year,
      startDate: daysAgo(30),
      endDate: daysAgo(-30),
      targetPopulation: 100,
    });
    const p = await registerPerson(w.dh, { age: 40 });
    const exam = await w.dh.post('/api/v1/gyn-survey-exams', {
      campaignId: campaign.body.id,
      personId: p,
      examDate: daysAgo(2),
      findings: [],
      disposition: 'none',
    });
    expect(exam.status).toBe(201);
    const pelvic = await w.dh.post('/api/v1/pelvic-floor-screenings', {
      personId: p,
      screeningDate: daysAgo(5),
      deliveryDate: daysAgo(50),
      muscleStrength: 4,
      popStage: 0,
    });
    expect(pelvic.status).toBe(201);
    const pac = await w.dh.post('/api/v1/post-abortion-care', {
      personId: p,
      abortionDate: daysAgo(3),
      abortionService: 'surgical_abortion',
      careItems: ['individual_counselling'],
      contraceptionMethod: 'iud_insertion',
    });
    expect(pac.status, JSON.stringify(pac.body)).toBe(201);
    const other = await w.s.institution('330902');
    for (const [path, id] of [
      ['/api/v1/gyn-survey-exams', exam.body.id],
      ['/api/v1/pelvic-floor-screenings', pelvic.body.id],
      ['/api/v1/post-abortion-care', pac.body.id],
    ] as const) {
      const mine = await w.dh.get(`${path}?institutionId=${w.inst}&pageSize=200`);
      expect(
        mine.body.items.map((x: any) => x.id),
        path,
      ).toContain(id);
      const theirs = await w.dh.get(`${path}?institutionId=${other}&pageSize=200`);
      expect(
        theirs.body.items.map((x: any) => x.id),
        path,
      ).not.toContain(id);
      expect((await w.dh.get(`${path}?institutionId=nope`)).status, path).toBe(400);
    }
  });
});
