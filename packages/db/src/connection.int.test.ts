import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
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
