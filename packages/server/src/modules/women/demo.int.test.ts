import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import { seedDemoWomen } from '../../seed/women-demo';
import { seedDemoPopulation } from '../../seed/population';
import { startTestServer, type TestServer } from '../../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('demo women', () => {
  it('seeds screenings with cases at every stage and the target population', async () => {
    const logs: string[] = [];
    await seedDemoPopulation(s.app.services, () => undefined, { perCounty: 4 });
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
  });
});
