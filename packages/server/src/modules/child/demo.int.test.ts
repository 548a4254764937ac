import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import { seedDemoChild } from '../../seed/child-demo';
import { seedDemoInstitutions } from '../../seed/demo';
import { seedDemoPopulation } from '../../seed/population';
import { startTestServer, type TestServer } from '../../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('demo children', () => {
  it('seeds children of the demo women with check-ups whose z-scores spread around 0', async () => {
    const logs: string[] = [];
    await seedDemoInstitutions(s.app.services);
    await seedDemoPopulation(s.app.services, () => undefined, { perCounty: 6 });
    await seedDemoChild(s.app.services, (m) => logs.push(m), { perCounty: 5 });
    const r = await sql<{ n: number; mean: number; low: number; mothers: number }>`
      select count(*)::int as n, avg(waz)::float as mean, count(*) filter (where waz < -2)::int as low,
        (select count(*)::int from person p where p.mother_id is not null) as mothers
      from child_checkup where waz is not null`.execute(s.db.db);
    const row = r.rows[0]!;
    expect(row.mothers).toBeGreaterThanOrEqual(10);
    expect(row.n).toBeGreaterThan(20);
    expect(Math.abs(row.mean)).toBeLessThan(1.2);
    const nbs = await sql<{ n: number }>`select count(*)::int as n from newborn_screening`.execute(s.db.db);
    const infants = await sql<{
      n: number;
    }>`select count(*)::int as n from person where mother_id is not null and birth_date > current_date - 355`.execute(
      s.db.db,
    );
    if ((infants.rows[0]?.n ?? 0) > 3) expect(nbs.rows[0]?.n).toBeGreaterThan(0);
    expect(logs[0]).toContain(`演示儿童 demo children: ${row.mothers}`);
    // managed by a clinic of their county and seen there, as the quality rules and the clinic worklists expect
    const unmanaged = await sql<{ children: number; checkups: number }>`
      select (select count(*)::int from child_profile c join institution i on i.id = c.managing_institution_id
                where i.county_code <> c.county_code) +
             (select count(*)::int from child_profile where managing_institution_id is null) as children,
             (select count(*)::int from child_checkup where institution_id is null) as checkups`.execute(s.db.db);
    expect(unmanaged.rows[0]).toEqual({ children: 0, checkups: 0 });
  });
});
