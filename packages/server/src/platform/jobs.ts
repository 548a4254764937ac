import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, withScope, type Database, type Kysely } from '@fuyou/db';

/** A job handler: gets the payload, returns a JSON-able result, throws to fail (retried with backoff). */
export type JobHandler = (payload: unknown, job: { id: string; attempts: number }) => Promise<unknown>;

export interface JobQueue {
  /** Queues a job; `runAt` delays it. Returns the job id. */
  enqueue(kind: string, payload?: unknown, opts?: { runAt?: Date; maxAttempts?: number; id?: string }): Promise<string>;
  register(kind: string, handler: JobHandler): void;
  /** Claims and runs at most `limit` due jobs; returns how many ran. Safe with many workers. */
  runDue(limit?: number): Promise<number>;
  /** Polls every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  get(id: string): Promise<{ status: string; attempts: number; result: unknown; lastError: string | null } | undefined>;
}

/**
 * A small job queue on the `job` table. Workers claim rows with `FOR UPDATE SKIP LOCKED`, so several processes on
 * PostgreSQL never run the same job twice; on PGlite there is one process and the same code works unchanged.
 */
export function createJobQueue(
  db: Kysely<Database>,
  opts: {
    workerId?: string;
    /** Called after every job that ran, done or failed (its handler may have written anything). */
    afterJob?: () => void;
  } = {},
): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  const none = { counties: [] as string[] };

  async function claim(): Promise<
    { id: string; kind: string; payload: unknown; attempts: number; max_attempts: number } | undefined
  > {
    return withScope(db, none, async (trx) => {
      const kinds = [...handlers.keys()];
      if (!kinds.length) return undefined;
      const r = await sql<{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }>`
        update job set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
        where id = (
          select id from job
          where status = 'queued' and run_at <= now() and kind = any(${kinds}::text[])
          order by run_at
          for update skip locked
          limit 1
        )
        returning id, kind, payload, attempts, max_attempts`.execute(trx);
      return r.rows[0];
    });
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const handler = handlers.get(job.kind);
    try {
      const result = await handler!(job.payload, { id: job.id, attempts: job.attempts });
      await withScope(db, none, (trx) =>
        trx
          .updateTable('job')
          .set({ status: 'done', result: JSON.stringify(result ?? null), finished_at: new Date(), last_error: null })
          .where('id', '=', job.id)
          .execute(),
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry = job.attempts < job.max_attempts;
      // exponential backoff: 10 s, 20 s, 40 s, …
      const runAt = new Date(Date.now() + 10_000 * 2 ** (job.attempts - 1));
      await withScope(db, none, (trx) =>
        trx
          .updateTable('job')
          .set({
            status: retry ? 'queued' : 'failed',
            last_error: message.slice(0, 2000),
            run_at: runAt,
            locked_at: null,
            locked_by: null,
            ...(retry ? {} : { finished_at: new Date() }),
          })
          .where('id', '=', job.id)
          .execute(),
      );
    } finally {
      opts.afterJob?.();
    }
    return true;
  }

  const queue: JobQueue = {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    async enqueue(kind, payload = {}, o = {}) {
      const id = o.id ?? randomUUID();
      await withScope(db, none, (trx) =>
        trx
          .insertInto('job')
          .values({
            id,
            kind,
            payload: JSON.stringify(payload),
            run_at: o.runAt ?? new Date(),
            max_attempts: o.maxAttempts ?? 5,
          })
          .execute(),
      );
      return id;
    },
    async runDue(limit = 10) {
      let n = 0;
      while (n < limit && (await runOne())) n++;
      return n;
    },
    start(intervalMs = 5000) {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = queue.runDue(20).finally(() => (running = undefined));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    async get(id) {
      const r = await withScope(db, none, (trx) =>
        trx.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return r ? { status: r.status, attempts: r.attempts, result: r.result, lastError: r.last_error } : undefined;
    },
  };
  return queue;
}
