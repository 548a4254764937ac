import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { auditEventWritten, withScope } from './connection';
import type { Database } from './schema/index';
import { openTestDatabase, type TestDatabase } from './testing';

// Migration 0003: an audit event is linked into the one hash chain while its transaction commits, so the chain's
// lock is not held while the writer's transaction does its other work.

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const write = (trx: Transaction<Database>, action: string, details: Record<string, unknown> = {}) =>
  trx
    .insertInto('audit_event')
    .values({ id: crypto.randomUUID(), action, county_code: '330902', details: JSON.stringify(details) } as never)
    .execute();

async function events(action: string) {
  return (
    await sql<{
      seq: number;
      details: { i: number; who?: string };
    }>`select seq, details from audit_event where action = ${action} order by seq`.execute(t.db)
  ).rows;
}

// as the server's audit writer writes: the statement itself asks for the commit without waiting for the disk
const writeAsTheServer = async (trx: Transaction<Database>, action: string, details: Record<string, unknown> = {}) => {
  auditEventWritten(trx);
  await sql`insert into audit_event (id, action, county_code, details)
    values (${crypto.randomUUID()}, ${action}, '330902',
      (select ${JSON.stringify(details)}::jsonb where set_config('fuyou.audit_commit', 'flush_after', true) is not null))`.execute(
    trx,
  );
};

const syncCommit = async (trx: Transaction<Database>) =>
  (await sql<{ v: string }>`select current_setting('synchronous_commit') as v`.execute(trx)).rows[0]!.v;

async function breaks() {
  return (await sql<{ seq: number; reason: string }>`select * from audit_chain_break order by seq`.execute(t.db)).rows;
}

// Migration 0005: the audit writer's transaction commits without waiting for the WAL flush, so the chain's lock is
// not held through the disk write; withScope waits for the flush after the commit instead. (This block runs first:
// the 0003 block below tampers with the chain on purpose.)
describe('audited commits do not hold the chain lock through the disk flush (migration 0005)', () => {
  it('only the audit writer inside withScope commits asynchronously; everything else stays synchronous', async () => {
    const inScope = await withScope(t.db, { counties: [] }, async (trx) => {
      const before = await syncCommit(trx);
      await writeAsTheServer(trx, 'async.commit', { i: 0 });
      return [before, await syncCommit(trx)];
    });
    expect(inScope).toEqual(['on', 'off']);
    // another insert into audit_event (psql, the bulk loader, these tests' raw insert) does not ask for it
    const raw = await withScope(t.db, { counties: [] }, async (trx) => {
      await write(trx, 'sync.commit.raw');
      return syncCommit(trx);
    });
    expect(raw).toBe('on');
    // outside withScope nobody waits for the flush afterwards, so the commit stays synchronous
    const outside = await t.db.transaction().execute(async (trx) => {
      await writeAsTheServer(trx, 'sync.commit.outside');
      return syncCommit(trx);
    });
    expect(outside).toBe('on');
    // a transaction without an audit event is not touched
    expect(await withScope(t.db, { counties: [] }, syncCommit)).toBe('on');
    expect((await events('async.commit')).map((r) => r.details.i)).toEqual([0]);
    expect(await breaks()).toEqual([]);
  });

  it('many concurrent audited transactions through withScope still give one chain without a fork', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        withScope(t.db, { counties: [] }, async (trx) => {
          await writeAsTheServer(trx, 'async.many', { i });
          await sql`select pg_sleep(0.005)`.execute(trx);
        }),
      ),
    );
    const rows = await events('async.many');
    expect(new Set(rows.map((r) => r.details.i)).size).toBe(40);
    const dup = await sql<{
      n: number;
    }>`select count(*)::int as n from (select prev_hash from audit_event group by prev_hash having count(*) > 1) d`.execute(
      t.db,
    );
    expect(dup.rows[0]!.n).toBe(0);
    // once withScope has returned, the commit is on disk: the WAL is flushed past what the transaction wrote
    const lsn = await withScope(t.db, { counties: [] }, async (trx) => {
      await writeAsTheServer(trx, 'async.flushed');
      return (await sql<{ l: string }>`select pg_current_wal_insert_lsn()::text as l`.execute(trx)).rows[0]!.l;
    });
    const flushed = await sql<{ ok: boolean }>`select pg_current_wal_flush_lsn() >= ${lsn}::pg_lsn as ok`.execute(t.db);
    expect(flushed.rows[0]!.ok).toBe(true);
    expect(await breaks()).toEqual([]);
  });
});

describe('audit chain linked at commit (migration 0003)', () => {
  it('links the events of a transaction when it commits, in the order written; a rollback leaves no row and no gap', async () => {
    const seen = await withScope(t.db, { counties: [] }, async (trx) => {
      for (let i = 0; i < 3; i++) await write(trx, 'commit.order', { i });
      // not linked yet: the events wait in the transaction's own pending rows
      return (
        await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'commit.order'`.execute(trx)
      ).rows[0]!.n;
    });
    expect(seen).toBe(0);
    const rows = await events('commit.order');
    expect(rows.map((r) => r.details.i)).toEqual([0, 1, 2]);
    expect(rows[1]!.seq - rows[0]!.seq).toBe(1);
    expect(rows[2]!.seq - rows[1]!.seq).toBe(1);

    await expect(
      withScope(t.db, { counties: [] }, async (trx) => {
        await write(trx, 'rolled.back');
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    await withScope(t.db, { counties: [] }, (trx) => write(trx, 'after.rollback'));
    expect(await events('rolled.back')).toEqual([]);
    expect((await events('after.rollback'))[0]!.seq).toBe(rows[2]!.seq + 1);
    const pending = await sql<{ n: number }>`select count(*)::int as n from audit_pending`.execute(t.db);
    expect(pending.rows[0]!.n).toBe(0);
    expect(await breaks()).toEqual([]);
  });

  it('a writer does not wait for another writer whose transaction is still open; both end in one chain', async () => {
    if (t.kind === 'pglite') {
      // PGlite has one connection, so transactions cannot overlap: the events are chained in commit order
      await withScope(t.db, { counties: [] }, (trx) => write(trx, 'overlap', { i: 0, who: 'first' }));
      await withScope(t.db, { counties: [] }, (trx) => write(trx, 'overlap', { i: 1, who: 'second' }));
      expect((await events('overlap')).map((r) => r.details.who)).toEqual(['first', 'second']);
      expect(await breaks()).toEqual([]);
      return;
    }
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const slow = withScope(t.db, { counties: [] }, async (trx) => {
      await write(trx, 'overlap', { i: 0, who: 'slow' });
      inserted();
      await released;
    });
    await insertedP;
    // with the lock taken at the insert (before 0003) this waited for the slow transaction and timed out
    await withScope(t.db, { counties: [] }, async (trx) => {
      await sql`set local lock_timeout = '3s'`.execute(trx);
      await write(trx, 'overlap', { i: 1, who: 'fast' });
    });
    expect((await events('overlap')).map((r) => r.details.who)).toEqual(['fast']);
    release();
    await slow;
    expect((await events('overlap')).map((r) => r.details.who)).toEqual(['fast', 'slow']);

    // many writers that keep working after their audit insert
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        withScope(t.db, { counties: [] }, async (trx) => {
          await write(trx, 'many.writers', { i });
          await sql`select pg_sleep(0.01)`.execute(trx);
        }),
      ),
    );
    const many = await events('many.writers');
    expect(new Set(many.map((r) => r.details.i)).size).toBe(30);
    const dup = await sql<{
      n: number;
    }>`select count(*)::int as n from (select prev_hash from audit_event group by prev_hash having count(*) > 1) d`.execute(
      t.db,
    );
    expect(dup.rows[0]!.n).toBe(0);
    expect(await breaks()).toEqual([]);
  });

  it('still names a tampered row and a removed row', async () => {
    for (let i = 0; i < 3; i++) await withScope(t.db, { counties: [] }, (trx) => write(trx, 'tamper.me', { i }));
    const rows = await events('tamper.me');
    await sql`alter table audit_event disable trigger audit_event_immutable`.execute(t.db);
    await sql`update audit_event set details = '{"i": 42}' where seq = ${rows[0]!.seq}`.execute(t.db);
    await sql`delete from audit_event where seq = ${rows[2]!.seq - 1}`.execute(t.db);
    await sql`alter table audit_event enable trigger audit_event_immutable`.execute(t.db);
    expect(await breaks()).toEqual([
      { seq: rows[0]!.seq, reason: 'hash' },
      { seq: rows[2]!.seq, reason: 'link' },
    ]);
  });
});
