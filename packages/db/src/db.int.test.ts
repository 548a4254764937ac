import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from './testing';
import { withScope } from './connection';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('database foundation', () => {
  it('migrates and loads the national region list to county level with the demo townships', async () => {
    const counts = await sql<{
      level: string;
      n: number;
    }>`select level, count(*)::int as n from region group by level`.execute(t.db);
    const by = Object.fromEntries(counts.rows.map((r) => [r.level, r.n]));
    expect(by.province).toBe(31);
    expect(by.county).toBeGreaterThan(2800);
    expect(by.township).toBeGreaterThan(30);
    const dinghai = await t.db.selectFrom('region').selectAll().where('code', '=', '330902').executeTakeFirst();
    expect(dinghai).toMatchObject({ name: '定海区', level: 'county', parent_code: '330900' });
  });

  it('parses DATE as a string and int8 as a number', async () => {
    const r = await sql<{ d: string; n: number }>`select date '2024-02-29' as d, 5::int8 as n`.execute(t.db);
    expect(r.rows[0]).toEqual({ d: '2024-02-29', n: 5 });
  });

  it('a query without scope sees no person rows, even as a superuser connection (FORCE RLS, SET ROLE)', async () => {
    const id = crypto.randomUUID();
    await withScope(t.db, { counties: ['330902'] }, (trx) =>
      trx
        .insertInto('person')
        .values({
          county_code: '330902',
          id,
          name: '测试',
          sex: 'female',
          id_type: 'none',
          residence_region_code: '330902',
        } as never)
        .execute(),
    );
    const unscoped = await withScope(t.db, { counties: [] }, (trx) => trx.selectFrom('person').selectAll().execute());
    expect(unscoped).toHaveLength(0);
    const other = await withScope(t.db, { counties: ['330903'] }, (trx) =>
      trx.selectFrom('person').selectAll().execute(),
    );
    expect(other).toHaveLength(0);
    const own = await withScope(t.db, { counties: ['330902'] }, (trx) =>
      trx.selectFrom('person').select('id').execute(),
    );
    expect(own.map((r) => r.id)).toContain(id);
  });

  it('refuses to write a row outside the scope', async () => {
    await expect(
      withScope(t.db, { counties: ['330902'] }, (trx) =>
        trx
          .insertInto('person')
          .values({
            county_code: '330903',
            id: crypto.randomUUID(),
            name: '越权',
            sex: 'female',
            id_type: 'none',
            residence_region_code: '330903',
          } as never)
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps the audit log append-only and hash-chained; verification finds a tampered row', async () => {
    for (let i = 0; i < 3; i++) {
      await withScope(t.db, { counties: [] }, (trx) =>
        trx
          .insertInto('audit_event')
          .values({ id: crypto.randomUUID(), action: 'test.event', details: JSON.stringify({ i }) } as never)
          .execute(),
      );
    }
    const ok = await sql`select * from audit_chain_break`.execute(t.db);
    expect(ok.rows).toHaveLength(0);
    await expect(
      withScope(t.db, { counties: [] }, (trx) => sql`update audit_event set action = 'x'`.execute(trx)),
    ).rejects.toThrow();
    await expect(sql`delete from audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    const seqs = await sql<{ seq: number }>`select seq from audit_event order by seq`.execute(t.db);
    const target = seqs.rows[1]!.seq;
    await sql`alter table audit_event disable trigger audit_event_immutable`.execute(t.db);
    await sql`update audit_event set details = '{"i": 99}' where seq = ${target}`.execute(t.db);
    await sql`alter table audit_event enable trigger audit_event_immutable`.execute(t.db);
    const broken = await sql<{
      seq: number;
      reason: string;
    }>`select * from audit_chain_break order by seq limit 1`.execute(t.db);
    expect(broken.rows[0]).toEqual({ seq: target, reason: 'hash' });
  });

  it('purges audit events past retention (never under 6 months) and the rest still verifies from the anchor', async () => {
    await expect(sql`select audit_purge_before(now() - interval '1 month')`.execute(t.db)).rejects.toThrow(/6 months/);
    await sql`alter table audit_event disable trigger audit_event_immutable`.execute(t.db);
    await sql`alter table audit_event disable trigger audit_event_chain`.execute(t.db);
    await sql`delete from audit_event`.execute(t.db);
    await sql`alter table audit_event enable trigger audit_event_chain`.execute(t.db);
    await sql`alter table audit_event enable trigger audit_event_immutable`.execute(t.db);
    for (let i = 0; i < 4; i++) {
      await withScope(t.db, { counties: [] }, (trx) =>
        trx
          .insertInto('audit_event')
          .values({ id: crypto.randomUUID(), action: 'retention.test', details: JSON.stringify({ i }) } as never)
          .execute(),
      );
    }
    // the first two are made old by rewriting their time, as if written a year ago (and re-hashed, like real old events)
    await sql`alter table audit_event disable trigger audit_event_immutable`.execute(t.db);
    await sql`update audit_event set at = now() - interval '1 year' where seq in (select seq from audit_event order by seq limit 2)`.execute(
      t.db,
    );
    await sql`alter table audit_event enable trigger audit_event_immutable`.execute(t.db);
    const purged = await sql<{ n: number }>`select audit_purge_before(now() - interval '7 months') as n`.execute(t.db);
    expect(purged.rows[0]?.n).toBe(2);
    const left = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(t.db);
    expect(left.rows[0]?.n).toBe(2);
    // rows 3 and 4 link to the anchor; rows 1-2 are gone, so the only break would be a real one
    const broken = await sql<{ seq: number }>`select seq from audit_chain_break`.execute(t.db);
    expect(broken.rows).toEqual([]);
    await expect(
      withScope(t.db, { counties: [] }, (trx) =>
        sql`select audit_purge_before(now() - interval '1 year')`.execute(trx),
      ),
    ).rejects.toThrow();
  });
});
