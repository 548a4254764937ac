import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@fuyou/db';
import { openTestDatabase, type TestDatabase } from '@fuyou/db/testing';
import { createJobQueue } from './jobs';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t?.close());

describe('job queue (FOR UPDATE SKIP LOCKED)', () => {
  it('runs a due job once and keeps its result', async () => {
    const q = createJobQueue(t.db);
    const seen: unknown[] = [];
    q.register('echo', async (p) => {
      seen.push(p);
      return { ok: true };
    });
    const id = await q.enqueue('echo', { n: 1 });
    expect(await q.runDue()).toBe(1);
    expect(await q.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await q.get(id)).toMatchObject({ status: 'done', attempts: 1, result: { ok: true } });
  });

  it('does not run a job before its time', async () => {
    const q = createJobQueue(t.db);
    q.register('later', async () => 1);
    const id = await q.enqueue('later', {}, { runAt: new Date(Date.now() + 3600_000) });
    expect(await q.runDue()).toBe(0);
    expect((await q.get(id))?.status).toBe('queued');
  });

  it('retries a failing job with backoff and fails it after max attempts', async () => {
    const q = createJobQueue(t.db);
    q.register('boom', async () => {
      throw new Error('数据源不可用');
    });
    const id = await q.enqueue('boom', {}, { maxAttempts: 2 });
    await q.runDue();
    expect(await q.get(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: '数据源不可用' });
    await sql`update job set run_at = now() where id = ${id}`.execute(t.db);
    await q.runDue();
    expect(await q.get(id)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('two workers never run the same job twice', async () => {
    const runs = new Map<string, number>();
    const handler = async (p: unknown) => {
      const k = (p as { k: string }).k;
      runs.set(k, (runs.get(k) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    const a = createJobQueue(t.db, { workerId: 'a' });
    const b = createJobQueue(t.db, { workerId: 'b' });
    a.register('work', handler);
    b.register('work', handler);
    for (let i = 0; i < 20; i++) await a.enqueue('work', { k: `j${i}` });
    const [na, nb] = await Promise.all([a.runDue(50), b.runDue(50)]);
    expect(na + nb).toBe(20);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(20);
  });
});
