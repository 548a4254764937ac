import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit, sql, withScope, type Transaction, type Database } from '@fuyou/db';
import { openTestDatabase, type TestDatabase } from '@fuyou/db/testing';
import { createAuditWriter, type AuditActor, type AuditWriter } from './audit';

// The audit writer: a write's event inside its transaction, a read's event in a shared batch after the read
// (issue #7). Runs on PGlite, and on PostgreSQL with DATABASE_URL.

let t: TestDatabase;
let audit: AuditWriter;
const actor: AuditActor = { userId: '', username: 'tester', role: 'sysadmin', ip: '127.0.0.1', requestId: 'r1' };
const scope = { counties: ['330902'], userId: null };

beforeAll(async () => {
  t = await openTestDatabase();
  audit = createAuditWriter(t.db);
});
afterAll(async () => t?.close());

async function events(action: string) {
  const r = await sql<{
    seq: number;
    username: string;
    details: unknown;
    tx: string;
  }>`select seq, username, details, xmin::text as tx from audit_event where action = ${action} order by seq`.execute(
    t.db,
  );
  return r.rows;
}

async function chainBreaks() {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_chain_break`.execute(t.db);
  return r.rows[0]!.n;
}

describe('audit events of reads', () => {
  it('are in the chain when withScope returns', async () => {
    const out = await withScope(t.db, scope, async (trx) => {
      await audit.read(trx, actor, { action: 'test.read.one', details: { q: '张' } });
      return 'answer';
    });
    expect(out).toBe('answer');
    const rows = await events('test.read.one');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'tester', details: { q: '张' } });
    expect(await chainBreaks()).toBe(0);
  });

  it('are not recorded when the read rolls back', async () => {
    await expect(
      withScope(t.db, scope, async (trx) => {
        await audit.read(trx, actor, { action: 'test.read.rolled_back' });
        throw new Error('读取失败');
      }),
    ).rejects.toThrow('读取失败');
    expect(await events('test.read.rolled_back')).toHaveLength(0);
  });

  it('of many reads at once share transactions and make one unbroken chain', async () => {
    const n = 40;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        withScope(t.db, scope, async (trx) => {
          await audit.read(trx, actor, { action: 'test.read.many', details: { i } });
        }),
      ),
    );
    const rows = await events('test.read.many');
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => (r.details as { i: number }).i)).size).toBe(n);
    // written in batches: fewer transactions than events
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(n);
    expect(await chainBreaks()).toBe(0);
  });

  it('that cannot be recorded fail their own read only', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        withScope(t.db, scope, async (trx) => {
          // jsonb refuses \u0000: this one event cannot be written
          await audit.read(trx, actor, { action: 'test.read.bad', details: { i, v: i === 5 ? '\u0000' : 'ok' } });
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[5]!.status).toBe('rejected');
    const rows = await events('test.read.bad');
    expect(rows.map((r) => (r.details as { i: number }).i).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11,
    ]);
    expect(await chainBreaks()).toBe(0);
  });

  it('keep the order of a write and a read of one request path', async () => {
    await withScope(t.db, scope, async (trx) => {
      await audit.write(trx, actor, { action: 'test.order.write' });
    });
    await withScope(t.db, scope, async (trx) => {
      await audit.read(trx, actor, { action: 'test.order.read' });
    });
    const [w] = await events('test.order.write');
    const [r] = await events('test.order.read');
    expect(w!.seq).toBeLessThan(r!.seq);
  });
});

describe('afterCommit', () => {
  it('refuses a transaction that is not withScope’s (its work would never run)', async () => {
    await t.db.transaction().execute(async (trx: Transaction<Database>) => {
      expect(() => afterCommit(trx, async () => undefined)).toThrow(/withScope/);
    });
  });

  it('runs after the connection is released and its failure fails withScope', async () => {
    let ran = false;
    await expect(
      withScope(t.db, scope, async (trx) => {
        afterCommit(trx, async () => {
          // the connection is back in the pool: another transaction can run here even on PGlite's one connection
          await withScope(t.db, scope, async (t2) => sql`select 1`.execute(t2));
          ran = true;
          throw new Error('之后失败');
        });
        return 1;
      }),
    ).rejects.toThrow('之后失败');
    expect(ran).toBe(true);
  });
});
