import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema/index';

/** Kind of database behind a connection. */
export type DatabaseKind = 'pglite' | 'postgres';

/** A database handle: Kysely plus what the platform needs to know about it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Human-readable description without secrets (for logs and the health endpoint). */
  description: string;
  /**
   * PostgreSQL only: a second, small pool for read-only work split over several connections at once (the indicator
   * engine's counts, {@link withScopeParallel}). It is separate from `db`'s pool so that requests holding `db`'s
   * connections while they wait for these can never take all of them (no pool deadlock). Undefined on PGlite,
   * which serves one connection.
   */
  parallelDb?: Kysely<Database>;
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** postgres://… — when set, a real PostgreSQL 15+ is used. */
  databaseUrl?: string;
  /** Directory of the embedded database; undefined means in memory (tests). */
  dataDir?: string;
  /** Size of the pg pool. */
  poolSize?: number;
  /** Size of the pool of {@link DatabaseHandle.parallelDb} (default 4; connections are opened when first used). */
  parallelPoolSize?: number;
  /**
   * PostgreSQL only: how many distinct query texts are sent as named prepared statements (see
   * {@link prepareStatements}); default `FUYOU_PREPARED_STATEMENTS` or 300, 0 turns it off.
   */
  preparedStatements?: number;
}

/** Longest query text sent as a prepared statement: the short lookups and writes, whose planning is most of it. */
const PREPARED_TEXT_MAX = 2000;

/**
 * Sends the pool's parameterized queries of up to {@link PREPARED_TEXT_MAX} characters as named prepared
 * statements: each connection parses and plans such a text once and then only binds and executes it (issue #7: at
 * 50 clients the cores are PostgreSQL's, and a person by id was planned in 0.08 ms to run in 0.03 ms, the
 * check-up's worklist read in 0.73 ms to run in 0.57 ms). PostgreSQL re-plans a statement whose tables changed, and
 * under row-level security when the role differs. Only the first `max` distinct texts get a name (texts built
 * from `in` lists or multi-row inserts vary), so a connection keeps at most `max` statements; the others run unnamed
 * as before. Queries without parameters (the simple-protocol scripts of {@link withScope}) are not prepared; when
 * such a script holds several statements, the last one's result is handed on (as the PGlite dialect does), which is
 * how withScope reads the lists its audited commit wrote.
 */
function prepareStatements(pool: pg.Pool, max: number): void {
  const names = new Map<string, string>();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const prepared = (text: unknown, values?: unknown, callback?: unknown): unknown => {
      if (
        max > 0 &&
        typeof text === 'string' &&
        Array.isArray(values) &&
        values.length &&
        text.length <= PREPARED_TEXT_MAX
      ) {
        let name = names.get(text);
        if (!name && names.size < max) {
          name = `fuyou_${names.size}`;
          names.set(text, name);
        }
        if (name) return query({ name, text, values }, callback);
      }
      const r = query(text, values, callback);
      // several statements in one simple query answer an array of results; Kysely reads one, so give it the last
      // (as the PGlite dialect does): withScope reads the statement after its COMMIT
      return r instanceof Promise ? r.then((x: unknown) => (Array.isArray(x) ? x.at(-1) : x)) : r;
    };
    (client as unknown as { query: typeof prepared }).query = prepared;
  });
}

// DATE stays a 'YYYY-MM-DD' string in both drivers; int8 and numeric become numbers (counts and measurements
// in this domain are far below 2^53).
const OID_INT8 = 20;
const OID_NUMERIC = 1700;
const OID_DATE = 1082;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID_DATE) return (v: string) => v;
    if (oid === OID_INT8 || oid === OID_NUMERIC) return (v: string) => (v === null ? v : Number(v));
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens PGlite (default) or PostgreSQL (when `databaseUrl` is given). */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types: pgTypes });
    const fromEnv = Number(process.env.FUYOU_PREPARED_STATEMENTS ?? 300);
    prepareStatements(pool, options.preparedStatements ?? (Number.isFinite(fromEnv) ? fromEnv : 300));
    // an idle connection closed by the server (a restart, pg_terminate_backend, DROP DATABASE … WITH (FORCE)) is
    // reported on the pool; without a listener node-postgres throws it and the process dies. The pool drops that
    // client and opens a new one for the next query, so there is nothing else to do.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const parallelSize = options.parallelPoolSize ?? 4;
    const parallelPool = new pg.Pool({ connectionString: options.databaseUrl, max: parallelSize, types: pgTypes });
    parallelPool.on('error', () => {});
    const parallelDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: parallelPool }) });
    parallelSlots.set(parallelDb, new Slots(parallelSize));
    const url = new URL(options.databaseUrl);
    return {
      db,
      parallelDb,
      kind: 'postgres',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: async () => {
        await Promise.all([db.destroy(), parallelDb.destroy()]);
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
    parsers: {
      [OID_DATE]: (v: string) => v,
      [OID_INT8]: (v: string) => Number(v),
      [OID_NUMERIC]: (v: string) => Number(v),
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    description: options.dataDir ? `PGlite ${options.dataDir}` : 'PGlite (in memory)',
    close: () => db.destroy(),
  };
}

/** The scope a transaction runs under. `counties` empty means: no person rows visible. */
export interface TransactionScope {
  userId?: string | null;
  counties: readonly string[];
}

/** Transactions of {@link withScope} that wrote an audit event (see {@link auditEventWritten}). */
const audited = new WeakSet<object>();

/**
 * Tells {@link withScope} that `trx` wrote an audit event. Such a transaction commits without waiting for the
 * disk (migration 0005: the audit chain's lock is then released before the flush, not after it), and withScope
 * waits for the flush after the commit, before it returns. Called by the server's audit writer.
 */
export function auditEventWritten(trx: Transaction<Database>): void {
  audited.add(trx);
}

/** Transactions of {@link withScope}, and the work each asked to run once it has committed. */
const afterCommitWork = new WeakMap<object, (() => Promise<void>)[]>();
/** Transactions of {@link withScope}, and the counties each may read and write. */
const scopeCounties = new WeakMap<object, readonly string[]>();
/** Committed audited transactions of {@link withScope}, and the stored lists they wrote (migration 0049). */
const listsWritten = new WeakMap<object, readonly string[]>();

/**
 * The stored lists (`maternal`, `child`) that a committed, audited {@link withScope} transaction changed: their
 * duty rows, or the names and birth dates they show (migration 0049's statement triggers mark them; the commit's
 * round trip reads and clears the mark). Known only once the transaction has committed, so read it in
 * {@link afterCommit} work; undefined when not known (then any list may have changed).
 */
export function listsWrittenBy(trx: Transaction<Database>): readonly string[] | undefined {
  return listsWritten.get(trx);
}

/**
 * The counties a {@link withScope} transaction runs under (row-level security lets it read and write only their
 * rows), or undefined for any other transaction. The server's audit writer uses it to tell which counties' cached
 * answers a committed write may have changed.
 */
export function countiesOf(trx: Transaction<Database>): readonly string[] | undefined {
  return scopeCounties.get(trx);
}

/**
 * Runs `fn` after the {@link withScope} transaction `trx` has committed and its connection has gone back to the
 * pool, before withScope returns: withScope resolves only when every such `fn` has, and rejects with the first
 * error of one (the transaction stays committed). Nothing runs when the transaction rolls back. Used by the
 * server's audit writer to record reads in a shared batch (issue #7). Throws when `trx` is not a withScope
 * transaction, since `fn` would never run.
 */
export function afterCommit(trx: Transaction<Database>, fn: () => Promise<void>): void {
  const work = afterCommitWork.get(trx);
  if (!work) throw new Error('afterCommit: not a transaction of withScope');
  work.push(fn);
}

/**
 * A string as an SQL literal that means the same whatever `standard_conforming_strings` says (an E'' string), for
 * the text of a simple-protocol query (several statements, no parameters). Throws on NUL, which text cannot hold.
 */
export function sqlLiteral(v: string | null): string {
  return v === null ? 'null' : literal(v);
}

function literal(v: string): string {
  if (v.includes('\0')) throw new Error('NUL in a scope value');
  return `E'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Runs `fn` in one transaction under the role fuyou_app (which owns nothing, so row-level security applies even
 * when the connection is a superuser) with the given county scope.
 *
 * The transaction's start and its scope go to the server as one simple query (`begin; select set_config(…)`), and
 * its end as one more, so a request pays two round trips for the transaction besides its own statements (issue #7:
 * a person search was ten round trips). Both drivers send a query without parameters by the simple protocol, which
 * accepts several statements; the scope's values are therefore written into the text as escaped literals.
 *
 * When the transaction wrote an audit event, its commit does not wait for the WAL flush (the chain's lock is held
 * for the link only); the same query that commits then writes one more WAL record synchronously, which flushes
 * everything before it, the transaction's commit included, so that nothing audited is answered before it is on
 * disk. Many transactions share one flush this way. A failed commit stops that query before the flush.
 *
 * Work registered with {@link afterCommit} runs after the commit, once the connection is released, and withScope
 * returns only when it is done.
 */
export async function withScope<T>(
  db: Kysely<Database>,
  scope: TransactionScope,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const begin =
    `begin; select set_config('role', 'fuyou_app', true), ` +
    `set_config('fuyou.counties', ${literal(scope.counties.join(','))}, true), ` +
    `set_config('fuyou.user_id', ${literal(scope.userId ?? '')}, true), set_config('fuyou.audit_flush', 'client', true)`;
  const work: (() => Promise<void>)[] = [];
  const out = await db.connection().execute(async (conn) => {
    // the connection is the transaction's for its whole life; a Transaction is a Kysely bound to one connection
    // that refuses to start another transaction, which nothing here does
    const trx = conn as unknown as Transaction<Database>;
    afterCommitWork.set(trx, work);
    scopeCounties.set(trx, scope.counties);
    await sql.raw(begin).execute(conn);
    let result: T;
    try {
      result = await fn(trx);
      if (audited.has(trx)) {
        // the commit, the wait for the audit's flush, and the lists the transaction wrote (a session setting, so
        // that it outlives the commit; cleared for the connection's next transaction) in one round trip
        const r = await sql
          .raw<{ lists: string | null }>(
            `commit; select pg_logical_emit_message(true, 'fuyou.audit', '') is not null as flushed, ` +
              `current_setting('fuyou.lists_written', true) as lists, ` +
              `set_config('fuyou.lists_written', '', false) is not null as cleared`,
          )
          .execute(conn);
        // no row: not known (any list may have changed); null: never marked on this connection, nothing written
        const row = r.rows[0];
        if (row) listsWritten.set(trx, [...new Set((row.lists ?? '').split(',').filter((l) => l !== ''))]);
      } else await sql.raw('commit').execute(conn);
    } catch (e) {
      // after an error in the work, or a commit that failed (which has ended the transaction already)
      await rollbackQuietly(conn);
      throw e;
    }
    return result;
  });
  // after the connection is released: the work may need a connection of the same pool (a full pool of callers
  // waiting here for work that waits for a connection would never finish)
  if (work.length) await Promise.all(work.map((f) => f()));
  return out;
}

function rollbackQuietly(conn: Kysely<Database>): Promise<unknown> {
  return sql
    .raw('rollback')
    .execute(conn)
    .catch(() => undefined);
}

/**
 * Sends `text`, several statements that begin and end their own transaction, as one simple-protocol query (one
 * round trip) on a connection of its own. An error stops the query where it happened, so the transaction is then
 * rolled back before the connection goes back to the pool.
 */
export async function executeScript(db: Kysely<Database>, text: string): Promise<void> {
  await db.connection().execute(async (conn) => {
    try {
      await sql.raw(text).execute(conn);
    } catch (e) {
      await rollbackQuietly(conn);
      throw e;
    }
  });
}

/**
 * Runs each of `works` in its own read-only transaction on its own connection of `db`, all at once, under the role
 * fuyou_app and the given scope, and all reading ONE snapshot: the first transaction (repeatable read) exports its
 * snapshot and the others import it before their first query (`SET TRANSACTION SNAPSHOT`, as pg_dump's parallel
 * workers do). So counts split over several connections add up as if one statement had made them: a record
 * committed meanwhile is in all of them or in none. Resolves to the works' results in order; if one fails, the
 * others still end (rolled back) and the first error is thrown. `db` should be a pool that the works' callers do
 * not hold connections of ({@link DatabaseHandle.parallelDb}).
 */
export async function withScopeParallel<T>(
  db: Kysely<Database>,
  scope: TransactionScope,
  works: readonly ((trx: Transaction<Database>) => Promise<T>)[],
): Promise<T[]> {
  // every connection a call needs is reserved before it takes the first: two calls each holding some connections
  // of a full pool while waiting for more would wait for ever
  const slots = parallelSlots.get(db);
  if (!slots) return runParallel(db, scope, works);
  if (works.length > slots.size)
    throw new Error(`withScopeParallel: ${works.length} works for a pool of ${slots.size}`);
  await slots.take(works.length);
  try {
    return await runParallel(db, scope, works);
  } finally {
    slots.give(works.length);
  }
}

/** The connections of a parallel pool not yet reserved, handed out first come, first served. */
class Slots {
  private free: number;
  private readonly waiting: { n: number; go: () => void }[] = [];
  constructor(readonly size: number) {
    this.free = size;
  }
  take(n: number): Promise<void> {
    if (!this.waiting.length && this.free >= n) {
      this.free -= n;
      return Promise.resolve();
    }
    return new Promise((go) => this.waiting.push({ n, go }));
  }
  give(n: number): void {
    this.free += n;
    while (this.waiting[0] && this.waiting[0].n <= this.free) {
      const w = this.waiting.shift()!;
      this.free -= w.n;
      w.go();
    }
  }
}
const parallelSlots = new WeakMap<Kysely<Database>, Slots>();

/** The largest number of works one {@link withScopeParallel} call on `db` may have (undefined: not a parallel pool). */
export function parallelCapacity(db: Kysely<Database>): number | undefined {
  return parallelSlots.get(db)?.size;
}

async function runParallel<T>(
  db: Kysely<Database>,
  scope: TransactionScope,
  works: readonly ((trx: Transaction<Database>) => Promise<T>)[],
): Promise<T[]> {
  const setScope =
    `select set_config('role', 'fuyou_app', true), ` +
    `set_config('fuyou.counties', ${literal(scope.counties.join(','))}, true), ` +
    `set_config('fuyou.user_id', ${literal(scope.userId ?? '')}, true)`;
  const conns: Transaction<Database>[] = [];
  // the connections are taken one inside the other (each is held while its callback runs) and the works started
  // when the last is held; the first exports the snapshot before the others begin
  const open = async (i: number, snapshot: string | null): Promise<T[]> =>
    db.connection().execute(async (conn) => {
      const trx = conn as unknown as Transaction<Database>;
      let began = false;
      try {
        if (i === 0) {
          await sql.raw(`begin isolation level repeatable read read only; ${setScope}`).execute(conn);
          began = true;
          const r = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(conn);
          snapshot = r.rows[0]!.id;
        } else {
          began = true;
          await sql
            .raw(
              `begin isolation level repeatable read read only; set transaction snapshot ${literal(snapshot!)}; ${setScope}`,
            )
            .execute(conn);
        }
        conns.push(trx);
        const results =
          i + 1 < works.length ? await open(i + 1, snapshot) : await settleAll(works.map((w, j) => () => w(conns[j]!)));
        await sql.raw('commit').execute(conn);
        return results;
      } catch (e) {
        if (began)
          await sql
            .raw('rollback')
            .execute(conn)
            .catch(() => undefined);
        throw e;
      }
    });
  if (works.length === 0) return [];
  return open(0, null);
}

/** Runs every task, waits for all of them, then throws the first error if any failed. */
async function settleAll<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(tasks.map((t) => t()));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
