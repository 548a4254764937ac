import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { withScope } from './connection';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('database connection', () => {
  it('survives the server closing an idle pooled connection (restart, pg_terminate_backend)', async () => {
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t.db)).rows[0]!.pid;
    if (t.kind === 'postgres') {
      // the pooled connection is idle now; another session ends it, as a restart or an administrator would
      const admin = new pg.Client({ connectionString: t.databaseUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
    }
    // the process is still alive and the next query gets a working connection
    const r = await sql<{ one: number }>`select 1 as one`.execute(t.db);
    expect(r.rows[0]?.one).toBe(1);
  });
});

describe('withScope: begin and scope in one query, commit and flush in one', () => {
  it('runs under fuyou_app with the scope, and a value with quotes or backslashes is data, not SQL', async () => {
    const odd = `x'); select pg_sleep(0); --\\'`;
    const r = await withScope(t.db, { counties: ['330902', '330903'], userId: odd }, async (trx) => {
      const row = await sql<{ role: string; counties: string; uid: string; tx: string }>`select current_user as role,
        current_setting('fuyou.counties') as counties, current_setting('fuyou.user_id') as uid,
        txid_current()::text as tx`.execute(trx);
      return row.rows[0]!;
    });
    expect(r.role).toBe('fuyou_app');
    expect(r.counties).toBe('330902,330903');
    expect(r.uid).toBe(odd);
    // the settings were local to the transaction: the connection is back to its own role
    const after = await sql<{ role: string; uid: string | null }>`select current_user as role,
      current_setting('fuyou.user_id', true) as uid`.execute(t.db);
    expect(after.rows[0]!.role).not.toBe('fuyou_app');
    expect(after.rows[0]!.uid ?? '').toBe('');
  });

  it('is one transaction: an error in the work rolls back everything it wrote, and the error reaches the caller', async () => {
    await sql`create table if not exists scope_probe (id int primary key, note text)`.execute(t.db);
    await sql`grant select, insert on scope_probe to fuyou_app`.execute(t.db);
    await expect(
      withScope(t.db, { counties: [] }, async (trx) => {
        await sql`insert into scope_probe values (1, 'kept?')`.execute(trx);
        await sql`insert into scope_probe values (1, 'duplicate')`.execute(trx);
      }),
    ).rejects.toThrow(/duplicate key|scope_probe_pkey/);
    const n = await sql<{ n: number }>`select count(*)::int as n from scope_probe`.execute(t.db);
    expect(n.rows[0]!.n).toBe(0);
    // the connection is usable afterwards (no transaction left open on it)
    await withScope(t.db, { counties: [] }, async (trx) => {
      await sql`insert into scope_probe values (2, 'ok')`.execute(trx);
    });
    const m = await sql<{ n: number }>`select count(*)::int as n from scope_probe`.execute(t.db);
    expect(m.rows[0]!.n).toBe(1);
  });

  it('a commit that fails (a deferred constraint) is an error and keeps nothing', async () => {
    await sql`create table if not exists scope_deferred (id int, constraint scope_deferred_u unique (id) deferrable initially deferred)`.execute(
      t.db,
    );
    await sql`grant select, insert on scope_deferred to fuyou_app`.execute(t.db);
    await expect(
      withScope(t.db, { counties: [] }, async (trx) => {
        await sql`insert into scope_deferred values (7), (7)`.execute(trx);
      }),
    ).rejects.toThrow(/duplicate key|scope_deferred_u/);
    const n = await sql<{ n: number }>`select count(*)::int as n from scope_deferred`.execute(t.db);
    expect(n.rows[0]!.n).toBe(0);
  });
});
