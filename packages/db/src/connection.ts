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

/** A string as an SQL literal that means the same whatever `standard_conforming_strings` says (an E'' string). */
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
  return db.connection().execute(async (conn) => {
    // the connection is the transaction's for its whole life; a Transaction is a Kysely bound to one connection
    // that refuses to start another transaction, which nothing here does
    const trx = conn as unknown as Transaction<Database>;
    await sql.raw(begin).execute(conn);
    let result: T;
    try {
      result = await fn(trx);
      await sql
        .raw(audited.has(trx) ? `commit; select pg_logical_emit_message(true, 'fuyou.audit', '')` : 'commit')
        .execute(conn);
    } catch (e) {
      // after an error in the work, or a commit that failed (which has ended the transaction already)
      await sql
        .raw('rollback')
        .execute(conn)
        .catch(() => undefined);
      throw e;
    }
    return result;
  });
}
