import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import { seedDemoWomen } from '../../seed/women-demo';
import { seedDemoInstitutions } from '../../seed/demo';
import { seedDemoPopulation } from '../../seed/population';
import { startTestServer, type TestServer } from '../../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('demo women', () => {
  it('seeds screenings with cases at every stage, the target population, birth-defect cards, aid and programme targets', async () => {
    const logs: string[] = [];
    await seedDemoInstitutions(s.app.services);
    await seedDemoPopulation(s.app.services, () => undefined, { perCounty: 20 });
    const totals = await seedDemoWomen(s.app.services, (m) => logs.push(m), { perCounty: 12 });
    const r = await sql<{ n: number; cases: number; states: number; targets: number }>`
      select (select count(*)::int from cancer_screening) as n,
        (select count(*)::int from cancer_screening_case) as cases,
        (select count(distinct state)::int from cancer_screening_case) as states,
        (select count(*)::int from cancer_screening_target) as targets`.execute(s.db.db);
    const row = r.rows[0]!;
    expect(row.n).toBe(totals.screenings);
    expect(row.n).toBeGreaterThan(20);
    expect(row.cases).toBe(totals.cases);
    expect(row.cases).toBeGreaterThan(2);
    expect(row.states).toBeGreaterThan(1);
    expect(row.targets).toBe(4);
    expect(logs[0]).toContain(`${totals.screenings}`);
    const b = await sql<{
      cards: number;
      sources: number;
      aid: number;
      states: number;
      targets: number;
      births: number;
    }>`
      select (select count(*)::int from birth_defect_report) as cards,
        (select count(distinct source)::int from birth_defect_report) as sources,
        (select count(*)::int from aid_application) as aid,
        (select count(distinct status)::int from aid_application) as states,
        (select count(*)::int from programme_target) as targets,
        (select count(*)::int from delivery) as births`.execute(s.db.db);
    expect(b.rows[0]).toMatchObject({
      cards: totals.cards,
      aid: totals.aid,
      targets: totals.targets,
      births: totals.births,
    });
    expect(totals.cards).toBe(12);
    expect(b.rows[0]!.sources).toBe(2);
    expect(b.rows[0]!.states).toBe(3);
    expect(totals.targets).toBe(48);
    expect(logs[1]).toContain('登记卡');
    const pre = await sql<{
      premarital: number;
      preconception: number;
      folic: number;
      couples: number;
      issues: number;
    }>`
      select (select count(*)::int from premarital_exam) as premarital,
        (select count(*)::int from preconception_check) as preconception,
        (select count(*)::int from folic_acid_dispensing) as folic,
        (select count(*)::int from thalassaemia_couple where risk <> 'low') as couples,
        (select count(*)::int from contraceptive_stock_movement where kind = 'issue') as issues`.execute(s.db.db);
    expect(pre.rows[0]).toEqual({ premarital: 8, preconception: 12, folic: 12, couples: 4, issues: 12 });
    // a second run adds no targets (they are kept per county and year)
    expect(await seedDemoWomen(s.app.services, () => undefined, { perCounty: 0 }).then((t) => t.targets)).toBe(0);
  });
});
