import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import {
  afterCommit,
  auditEventWritten,
  listsWrittenBy,
  openDatabase,
  parallelCapacity,
  withScope,
  withScopeParallel,
} from './connection';
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

describe.runIf(process.env.DATABASE_URL)('withScopeParallel: several connections, one snapshot (PostgreSQL)', () => {
  it("runs the works at once, each under fuyou_app with the scope, all reading the first one's snapshot", async () => {
    const pdb = t.parallelDb!;
    await sql`create table if not exists parallel_probe (id int primary key)`.execute(t.db);
    await sql`grant select on parallel_probe to fuyou_app`.execute(t.db);
    await sql`truncate parallel_probe`.execute(t.db);
    await sql`insert into parallel_probe values (1)`.execute(t.db);
    let release!: () => void;
    const inserted = new Promise<void>((r) => (release = r));
    const count = async (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => {
      const r = await sql<{ n: number; role: string; counties: string; pid: number }>`select count(*)::int as n,
        current_user as role, current_setting('fuyou.counties') as counties, pg_backend_pid() as pid
        from parallel_probe`.execute(trx);
      return r.rows[0]!;
    };
    const results = await withScopeParallel(pdb, { counties: ['330902'], userId: 'u1' }, [
      async (trx) => {
        // committed by another session after every transaction of the call has its snapshot
        await sql`insert into parallel_probe values (2)`.execute(t.db);
        release();
        return count(trx);
      },
      async (trx) => {
        // waits for the first work: were the works run one after the other, this would never end
        await inserted;
        return count(trx);
      },
      async (trx) => {
        await inserted;
        return count(trx);
      },
    ]);
    expect(results.map((r) => r.n)).toEqual([1, 1, 1]);
    expect(new Set(results.map((r) => r.role))).toEqual(new Set(['fuyou_app']));
    expect(new Set(results.map((r) => r.counties))).toEqual(new Set(['330902']));
    expect(new Set(results.map((r) => r.pid)).size).toBe(3);
    // outside, the row is there
    const after = await sql<{ n: number }>`select count(*)::int as n from parallel_probe`.execute(t.db);
    expect(after.rows[0]!.n).toBe(2);
  });

  it('is read-only, and a failing work fails the call while every connection goes back to the pool', async () => {
    const pdb = t.parallelDb!;
    for (let round = 0; round < 6; round++) {
      await expect(
        withScopeParallel(pdb, { counties: ['330902'] }, [
          async (trx) => (await sql<{ one: number }>`select 1 as one`.execute(trx)).rows[0]!.one,
          async (trx) => {
            await sql`insert into parallel_probe values (${100 + round})`.execute(trx);
            return 0;
          },
        ]),
      ).rejects.toThrow(/read-only|permission denied/);
    }
    // the pool (4 connections) still serves a call that needs all of them
    const ones = await withScopeParallel(
      pdb,
      { counties: [] },
      [1, 2, 3, 4].map((k) => async (trx) => (await sql<{ k: number }>`select ${k}::int as k`.execute(trx)).rows[0]!.k),
    );
    expect(ones).toEqual([1, 2, 3, 4]);
  });

  it('calls at once that need more connections than the pool has wait their turn instead of blocking each other', async () => {
    const pdb = t.parallelDb!;
    expect(parallelCapacity(pdb)).toBe(4);
    // 5 calls of 3 works on a pool of 4: taking connections one by one, two calls would hold 2 + 2 and wait for ever
    const calls = [0, 1, 2, 3, 4].map((c) =>
      withScopeParallel(
        pdb,
        { counties: [] },
        [0, 1, 2].map((k) => async (trx) => {
          await sql`select pg_sleep(0.05)`.execute(trx);
          return c * 10 + k;
        }),
      ),
    );
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4].map((c) => [c * 10, c * 10 + 1, c * 10 + 2]));
    await expect(
      withScopeParallel(
        pdb,
        { counties: [] },
        [1, 2, 3, 4, 5].map(() => async () => 0),
      ),
    ).rejects.toThrow(/pool of 4/);
  });
});

describe.runIf(process.env.DATABASE_URL)('prepared statements (PostgreSQL)', () => {
  // a parameterized query: the names of the prepared statements of the connection it ran on
  async function preparedOn(db: typeof t.db) {
    return db.connection().execute(async (conn) => {
      await sql`select ${1}::int as one`.execute(conn);
      await sql`select ${2}::int as one`.execute(conn);
      const r = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements
        where statement like 'select $1::int as one%'`.execute(conn);
      return r.rows;
    });
  }

  it('parses and plans a parameterized text once per connection; 0 turns it off', async () => {
    const rows = await preparedOn(t.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toMatch(/^fuyou_\d+$/);
    const off = await openDatabase({ databaseUrl: t.databaseUrl!, poolSize: 1, preparedStatements: 0 });
    try {
      expect(await preparedOn(off.db)).toHaveLength(0);
    } finally {
      await off.close();
    }
  });

  it('keeps row-level security per transaction: one prepared query, two scopes, many times on one connection', async () => {
    const one = await openDatabase({ databaseUrl: t.databaseUrl!, poolSize: 1 });
    try {
      await one.db.transaction().execute(async (trx) => {
        for (const [county, name] of [
          ['330902', '甲县人'],
          ['330903', '乙县人'],
        ] as const)
          await sql`insert into person (county_code, id, name, sex, id_type, residence_region_code)
            values (${county}, gen_random_uuid(), ${name}, 'female', 'none', ${county})`.execute(trx);
      });
      const seen = async (county: string) =>
        withScope(one.db, { counties: [county], userId: null }, async (trx) => {
          const r = await sql<{ name: string }>`select name from person where name = any(${['甲县人', '乙县人']})
            order by name`.execute(trx);
          return r.rows.map((x) => x.name);
        });
      // more than five runs each: PostgreSQL may then switch the statement to a generic plan
      for (let i = 0; i < 8; i++) {
        expect(await seen('330902')).toEqual(['甲县人']);
        expect(await seen('330903')).toEqual(['乙县人']);
      }
      expect(await seen('110101')).toEqual([]);
    } finally {
      await one.close();
    }
  });

  it('a text that fails to parse leaves the connection working', async () => {
    const one = await openDatabase({ databaseUrl: t.databaseUrl!, poolSize: 1 });
    try {
      for (let i = 0; i < 2; i++)
        await expect(sql`select no_such_column from person where id = ${'x'}`.execute(one.db)).rejects.toThrow(
          /no_such_column/,
        );
      const r = await sql<{ one: number }>`select ${1}::int as one`.execute(one.db);
      expect(r.rows[0]!.one).toBe(1);
    } finally {
      await one.close();
    }
  });
});

// Migration 0049: statement triggers mark the stored lists a transaction changes, and withScope reads the mark in
// the round trip of an audited commit (the server's shared worklist answers drop only the lists written).
describe('listsWrittenBy: the lists an audited withScope transaction changed', () => {
  const scope = { counties: ['330902'] };
  async function written(work: (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => Promise<unknown>) {
    let lists: readonly string[] | undefined | 'not run' = 'not run';
    await withScope(t.db, scope, async (trx) => {
      await work(trx);
      auditEventWritten(trx);
      afterCommit(trx, async () => {
        lists = listsWrittenBy(trx);
      });
    });
    return lists;
  }
  const id = '5a9c3d52-7d1e-4f3a-9f7e-0c1d2e3f4a5b';

  it('reads none for a write of no list, both for a name changed, and starts every transaction clean', async () => {
    expect(
      await written((trx) =>
        sql`insert into person (county_code, id, name, sex, id_type, residence_region_code)
          values ('330902', ${id}, '列表甲', 'female', 'none', '330902')`.execute(trx),
      ),
    ).toEqual([]);
    expect(
      await written((trx) =>
        sql`update person set name = '列表乙' where county_code = '330902' and id = ${id}`.execute(trx),
      ),
    ).toEqual(['maternal', 'child']);
    // the next transaction on the (same, pooled) connection does not inherit the mark
    expect(await written((trx) => sql`select 1`.execute(trx))).toEqual([]);
  });

  it('keeps no mark of a transaction that rolled back', async () => {
    await expect(
      withScope(t.db, scope, async (trx) => {
        await sql`update person set birth_date = '2020-01-01' where county_code = '330902' and id = ${id}`.execute(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await written((trx) => sql`select 1`.execute(trx))).toEqual([]);
    expect(
      await written((trx) =>
        sql`delete from child_work where county_code = '330902' and person_id = ${id}`.execute(trx),
      ),
    ).toEqual(['child']);
  });
});
