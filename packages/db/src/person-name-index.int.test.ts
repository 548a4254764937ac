import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from './connection';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

// Migration 0004: the name search's prefix match is an index range whatever the database's collation.
describe('person name prefix index', () => {
  it('serves `name LIKE prefix%` from an index and finds the same people as a scan', async () => {
    await withScope(t.db, { counties: ['330902'] }, (trx) =>
      sql`insert into person (county_code, id, name, sex, birth_date, id_type, residence_region_code, is_synthetic)
        select '330902', gen_random_uuid(), (array['王丽', '王丽娜', '李静', '张敏'])[1 + g % 4] || g, 'female',
          date '1990-01-01' + g % 3000, 'none', '330902', true
        from generate_series(1, 2000) g`.execute(trx),
    );
    await sql`analyze person`.execute(t.db);
    const q = sql`select id from person where county_code = '330902' and name like '王丽%' order by id`;
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    // the prefix is an index range (pattern operators, or plain ones under the C collation), not only a filter
    // applied to every row of the county
    expect(plan).toMatch(/Index Cond: .*name (~>=~|>=)/);
    const viaIndex = (await q.execute(t.db)).rows.length;
    const scan = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_indexscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      return (await q.execute(trx)).rows.length;
    });
    expect(viaIndex).toBe(1000);
    expect(scan).toBe(viaIndex);
  });

  // The server's search runs under row-level security (withScope). There PostgreSQL builds an index range only
  // from leakproof conditions: `LIKE` is not leakproof and stays a filter over every person of the county, while
  // `starts_with` (`^@`, what person.repo.ts uses) is, and gives the same range on the same index.
  it('serves the prefix from the index under row-level security too (`^@`, as the person search asks)', async () => {
    const prefix = '王丽';
    const explain = (q: ReturnType<typeof sql>) =>
      withScope(t.db, { counties: ['330902'] }, async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const r = await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx);
        return r.rows.map((x) => x['QUERY PLAN']).join('\n');
      });
    const plan = await explain(sql`select id from person where name ^@ ${prefix} order by name limit 20`);
    expect(plan).toMatch(/Index Cond: .*name (~>=~|>=)/);
    const found = await withScope(t.db, { counties: ['330902'] }, async (trx) =>
      sql<{ n: number }>`select count(*)::int as n from person where name ^@ ${prefix}`.execute(trx),
    );
    expect(found.rows[0]!.n).toBe(1000);
    // other counties' people stay invisible however the name is matched
    const other = await withScope(t.db, { counties: ['330903'] }, async (trx) =>
      sql<{ n: number }>`select count(*)::int as n from person where name ^@ ${prefix}`.execute(trx),
    );
    expect(other.rows[0]!.n).toBe(0);
  });

  // Migration 0050: a prepared search is planned once for every prefix (a generic plan), so its range must come
  // from parameters, both ends given (person.repo.ts), and the index carries what the count and the order read.
  it('serves the prefix range from parameters in a plan made once, from the index alone', async () => {
    const plan = await withScope(t.db, { counties: ['330902'] }, async (trx) => {
      await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      await sql`prepare name_search(text, text) as
        select id, birth_date, count(*) over () from person
        where name ~>=~ $1 and name ~<~ $2 and name ^@ $1 order by name, birth_date, id limit 20`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain execute name_search('王丽', '王両')`.execute(trx);
      await sql`deallocate name_search`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Only Scan using person_name_prefix_idx/);
    expect(plan).toMatch(/Index Cond: .*name ~>=~ \$1.*name ~<~ \$2/);
  });
});
