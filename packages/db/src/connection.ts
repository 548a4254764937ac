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
    // an idle connection closed by the server (a restart, pg_terminate_backend, DROP DATABASE … WITH (FORCE)) is
    // reported on the pool; without a listener node-postgres throws it and the process dies. The pool drops that
    // client and opens a new one for the next query, so there is nothing else to do.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      db,
      kind: 'postgres',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
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

/**
 * Runs `fn` in one transaction under the role fuyou_app (which owns nothing, so row-level security applies even
 * when the connection is a superuser) with the given county scope.
 *
 * When the transaction wrote an audit event, its commit does not wait for the WAL flush (the chain's lock is held
 * for the link only); withScope then commits one more WAL record synchronously, which flushes everything before
 * it, the transaction's commit included, so that nothing audited is answered before it is on disk. Many
 * transactions share one flush this way.
 */
export async function withScope<T>(
  db: Kysely<Database>,
  scope: TransactionScope,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  let used: Transaction<Database> | undefined;
  const result = await db.transaction().execute(async (trx) => {
    used = trx;
    await sql`select set_config('role', 'fuyou_app', true), set_config('fuyou.counties', ${scope.counties.join(',')}, true), set_config('fuyou.user_id', ${scope.userId ?? ''}, true), set_config('fuyou.audit_flush', 'client', true)`.execute(
      trx,
    );
    return fn(trx);
  });
  if (used && audited.has(used)) await sql`select pg_logical_emit_message(true, 'fuyou.audit', '')`.execute(db);
  return result;
}
