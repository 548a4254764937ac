import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { sql, type Database, type Kysely } from '@fuyou/db';
import type { KeyRing } from '@fuyou/server/platform/crypto';
import { copyFrom } from './copy';
import { produceBatches, type EncodedBatch, type ProduceJob } from './encode';
import type { InjectedError } from './model';
import { Progress } from './progress';

/** Result of a bulk load. */
export interface BulkResult {
  rows: number;
  rowsByTable: Record<string, number>;
  seconds: number;
  errors: InjectedError[];
}

/** Existing columns of the public tables, by table. */
export async function tableColumns(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const r = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const out: Record<string, string[]> = {};
  for (const row of r.rows) (out[row.table_name] ??= []).push(row.column_name);
  return out;
}

/**
 * Batches from worker threads (two cores: one worker generates while PostgreSQL loads; more cores, more workers) or
 * from this thread.
 */
async function* batches(job: ProduceJob, useWorker: boolean, workers: number): AsyncGenerator<EncodedBatch> {
  if (!useWorker) {
    const queue: EncodedBatch[] = [];
    let resume: (() => void) | null = null;
    let done = false;
    let failure: unknown = null;
    let ready: (() => void) | null = null;
    void produceBatches(job, async (b) => {
      queue.push(b);
      ready?.();
      ready = null;
      // let the event loop run the loader's socket writes between batches
      await new Promise<void>((r) => (queue.length >= 2 ? (resume = r) : setImmediate(r)));
    })
      .catch((e: unknown) => (failure = e))
      .finally(() => {
        done = true;
        ready?.();
      });
    for (;;) {
      if (queue.length) {
        const b = queue.shift()!;
        const r = resume as (() => void) | null;
        resume = null;
        r?.();
        yield b;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((r) => (ready = r));
    }
  }
  const keys = {
    currentKeyId: job.keys.currentKeyId,
    encKeys: Object.fromEntries(Object.entries(job.keys.encKeys).map(([k, v]) => [k, new Uint8Array(v)])),
    hmacKey: new Uint8Array(job.keys.hmacKey),
  };
  const url = new URL('./bulk-worker.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  // counties are dealt round-robin to the workers: a county's batches (and its ID-number slots) stay in one worker,
  // and every county's rows are the same whatever the number of workers
  const n = Math.max(1, Math.min(workers, job.counties.length));
  const groups = Array.from({ length: n }, (_, w) => job.counties.filter((_c, k) => k % n === w));
  type Message = { batch?: EncodedBatch; done?: true; error?: string };
  const queue: Array<Message & { worker: Worker }> = [];
  let ready: (() => void) | null = null;
  const pool = groups.map((counties) => {
    const worker = new Worker(code, {
      eval: true,
      workerData: { ...job, counties, keys },
      // the generator allocates a row object per row: a larger young generation spends less time in scavenges
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    worker.on('message', (m: Message) => {
      queue.push({ ...m, worker });
      ready?.();
      ready = null;
    });
    worker.on('error', (e) => {
      queue.push({ error: String(e.stack ?? e), worker });
      ready?.();
      ready = null;
    });
    return worker;
  });
  let running = pool.length;
  try {
    while (running > 0) {
      if (!queue.length) await new Promise<void>((r) => (ready = r));
      const m = queue.shift()!;
      if (m.error) throw new Error(`generator worker: ${m.error}`);
      if (m.done) {
        running--;
        continue;
      }
      if (m.batch) {
        yield m.batch;
        m.worker.postMessage({ ack: true });
      }
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/**
 * Generator threads by default: one per core left over by PostgreSQL's COPY backend and this thread's sends (one
 * on two cores), at most four.
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Options of {@link bulkLoad}. */
export interface BulkLoadOptions {
  db: Kysely<Database>;
  databaseUrl: string;
  job: Omit<ProduceJob, 'columns' | 'keys'>;
  keys: KeyRing;
  log: (m: string) => void;
  /** Generate in worker threads (default true). */
  worker?: boolean;
  /** Worker threads (default {@link defaultWorkers}). */
  workers?: number;
  /** Draw a progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
  /** Label of the run in the audit events. */
  scale: string;
  /** Skip foreign-key triggers while copying (default true; about twice as fast). */
  skipTriggers?: boolean;
  /** Verify every foreign key after a load with triggers skipped (default true). */
  verifyReferences?: boolean;
}

/**
 * Loads a generated population into PostgreSQL with COPY: one transaction per batch (a county's pregnancies of
 * one year and everything that follows from them), rows encrypted with the server's keys, foreign-key triggers
 * skipped during the copy (`session_replication_role = replica`; the generator's rows are consistent and
 * {@link checkReferences} verifies it afterwards), and one summary audit event per county (action `bulk.import`,
 * with the row counts) instead of one event per row.
 */
export async function bulkLoad(opts: BulkLoadOptions): Promise<BulkResult> {
  const started = performance.now();
  const columns = await tableColumns(opts.db);
  const job: ProduceJob = { ...opts.job, columns, keys: opts.keys };
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  const superuser = (
    await client.query<{ s: boolean }>('select rolsuper as s from pg_roles where rolname = current_user')
  ).rows[0]?.s;
  if (!superuser) {
    await client.end();
    throw new Error(
      '批量导入需要数据库超级用户（COPY 写入启用行级安全的表） bulk load needs a superuser connection (COPY into row-level-secured tables)',
    );
  }
  const planned = opts.job.counties.reduce(
    (n, c) =>
      n +
      opts.job.slices.reduce(
        (m, s) => m + Math.round(((c.birthsPerYear / (1 - opts.job.rates.pregnancyLoss)) * (s.to - s.from)) / 365),
        0,
      ),
    0,
  );
  const progress = new Progress(planned, opts.progress ?? !!process.stderr.isTTY, opts.log);
  const rowsByTable: Record<string, number> = {};
  const countyRows: Record<string, number> = {};
  const errors: InjectedError[] = [];
  let rows = 0;
  try {
    for await (const b of batches(job, opts.worker ?? true, opts.workers ?? defaultWorkers())) {
      await client.query('BEGIN');
      // the rows are consistent by construction (tests check it): skip the per-row foreign-key triggers of this
      // transaction (superuser only; the audit trigger is not involved, the summary event is written apart)
      if (opts.skipTriggers ?? true) await client.query('SET LOCAL session_replication_role = replica');
      try {
        for (const t of b.tables) {
          const n = await copyFrom(client, t.table, t.columns, t.chunks);
          rowsByTable[t.table] = (rowsByTable[t.table] ?? 0) + n;
          countyRows[`${b.county}:${t.table}`] = (countyRows[`${b.county}:${t.table}`] ?? 0) + n;
          rows += n;
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
      errors.push(...b.errors);
      progress.tick(b.planned, b.rows, b.county);
      if (b.lastOfCounty) {
        const counts = Object.fromEntries(
          Object.entries(countyRows)
            .filter(([k]) => k.startsWith(`${b.county}:`))
            .map(([k, v]) => [k.slice(7), v]),
        );
        await writeSummaryEvent(client, b.county, opts.scale, opts.job.seed, counts);
      }
    }
    progress.done();
    if ((opts.skipTriggers ?? true) && (opts.verifyReferences ?? true)) {
      const broken = await checkReferences(client);
      if (broken.length) throw new Error(`批量导入的外键不一致 bulk rows break foreign keys: ${broken.join('; ')}`);
    }
    // the maternal worklist's stored duties are kept by triggers, which the copy skipped: they are computed by the
    // database from the loaded rows (migration 0014's view), as the triggers would have written them
    const filled = await client.query<{ n: string }>('select maternal_work_fill($1::char(6)[]) as n', [
      opts.job.counties.map((c) => c.code),
    ]);
    rowsByTable.maternal_work = Number(filled.rows[0]?.n ?? 0);
    rows += rowsByTable.maternal_work;
    opts.log('分析表统计信息 analyzing tables…');
    // the worklists' stored duties and the name search's matches are read index-only: their visibility map is set
    // now, as autovacuum would set it after a load of this size, not at its later turn
    for (const t of Object.keys(rowsByTable))
      await client.query(READ_INDEX_ONLY.has(t) ? `VACUUM (ANALYZE) ${t}` : `ANALYZE ${t}`);
  } finally {
    await client.end();
  }
  return { rows, rowsByTable, seconds: (performance.now() - started) / 1000, errors };
}

/** Tables read index-only: the worklists' stored duties, and the people (the search by name, migration 0050). */
const READ_INDEX_ONLY = new Set(['child_work', 'maternal_work', 'person']);

/** The one audit event of a county's bulk import (the chain trigger adds seq, time and hashes). */
async function writeSummaryEvent(
  client: pg.Client,
  county: string,
  scale: string,
  seed: number,
  counts: Record<string, number>,
): Promise<void> {
  await client.query(
    `insert into audit_event (id, user_id, username, role, action, entity_type, county_code, details, prev_hash, hash)
     values ($1, null, 'system', 'system', 'bulk.import', 'synthetic_population', $2, $3, '\\x', '\\x')`,
    [randomUUID(), county, JSON.stringify({ scale, seed, synthetic: true, rows: counts })],
  );
}

/**
 * Verifies every foreign key of the public tables after a load with triggers skipped: one anti-join per
 * constraint (rows whose referenced row is missing). Returns the constraints that fail, with their counts.
 */
export async function checkReferences(client: pg.Client): Promise<string[]> {
  const fks = await client.query<{ name: string; child: string; parent: string; ccols: string[]; pcols: string[] }>(`
    select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
      array(select attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a
        on a.attrelid = c.conrelid and a.attnum = k.n order by i)::text[] as ccols,
      array(select attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a
        on a.attrelid = c.confrelid and a.attnum = k.n order by i)::text[] as pcols
    from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
    where c.contype = 'f' and ns.nspname = current_schema()`);
  const out: string[] = [];
  for (const fk of fks.rows) {
    const notNull = fk.ccols.map((c) => `ch.${c} is not null`).join(' and ');
    const join = fk.ccols.map((c, i) => `pa.${fk.pcols[i]} = ch.${c}`).join(' and ');
    const r = await client.query<{ n: number }>(
      `select count(*)::int as n from ${fk.child} ch where ${notNull} and not exists (select 1 from ${fk.parent} pa where ${join})`,
    );
    if (r.rows[0]!.n > 0) out.push(`${fk.name}: ${r.rows[0]!.n}`);
  }
  return out;
}
