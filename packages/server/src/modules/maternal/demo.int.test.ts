import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import { seedDemoInstitutions } from '../../seed/demo';
import { seedDemoMaternal } from '../../seed/maternal-demo';
import { seedDemoPopulation } from '../../seed/population';
import { startTestServer, type TestServer } from '../../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('demo pregnancies', () => {
  it('seeds registered pregnancies with visits, assessments, cases, births and postpartum visits, skipping none', async () => {
    const logs: string[] = [];
    await seedDemoInstitutions(s.app.services);
    await seedDemoPopulation(s.app.services, () => undefined, { perCounty: 30 });
    await seedDemoMaternal(s.app.services, (m) => logs.push(m), { perCounty: 12 });
    expect(logs.filter((l) => l.includes('skipped'))).toEqual([]);
    const r = await sql<{ pregnancies: number; visits: number; assessed: number; births: number; children: number }>`
      select (select count(*)::int from pregnancy) as pregnancies,
        (select count(*)::int from anc_visit) as visits,
        (select count(*)::int from pregnancy where risk_colour is not null) as assessed,
        (select count(*)::int from delivery) as births,
        (select count(*)::int from birth_outcome where child_person_id is not null) as children`.execute(s.db.db);
    const row = r.rows[0]!;
    expect(row.pregnancies).toBeGreaterThan(20);
    expect(row.visits).toBeGreaterThan(20);
    expect(row.assessed).toBe(row.pregnancies);
    expect(row.children).toBe(row.births);
    expect(logs.at(-1)).toContain(`${row.pregnancies} pregnancies`);
  });
});
