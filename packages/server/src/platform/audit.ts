import { randomUUID } from 'node:crypto';
import {
  afterCommit,
  auditEventWritten,
  countiesOf,
  listsWrittenBy,
  executeScript,
  sql,
  sqlLiteral,
  withScope,
  type AuditEventTable,
  type Database,
  type Insertable,
  type Kysely,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from './context';

/** One audit event. The chain (seq, hashes, time) is added by the database. */
export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string;
  personId?: string | null;
  countyCode?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

/** Who did it. */
export type AuditActor = Pick<AuthContext, 'userId' | 'username' | 'ip' | 'requestId'> & { role: string };

/** Writes audit events: of a write inside its transaction, of a read in a shared batch once the read is done. */
export interface AuditWriter {
  /** Writes the event inside the caller's transaction, so the event and the action commit or fail together. */
  write(trx: Transaction<Database>, ctx: AuditActor | null, e: AuditInput): Promise<void>;
  /**
   * Records the event of a read-only action: once `trx` (a withScope transaction that writes nothing) has
   * committed, the event joins the next batch of read events, and withScope returns only when that batch is
   * committed and on disk, so nothing read is answered before its event is recorded (as with {@link write}); an
   * event that cannot be recorded fails the request. A transaction that rolls back records nothing. Never use it in a
   * transaction that writes: the write could then commit without its event.
   */
  read(trx: Transaction<Database>, ctx: AuditActor | null, e: AuditInput): Promise<void>;
  /**
   * Records the event of a read answered without a transaction of its own (an answer shared from the cache of
   * answers): resolves once the event is on disk, in the next batch of read events, and rejects if it cannot be
   * recorded, so the answer is not sent.
   */
  readAnswered(ctx: AuditActor | null, e: AuditInput): Promise<void>;
  /**
   * Calls `fn` after each committed transaction that wrote an audit event (every write does), with the counties
   * the transaction could write (its scope; undefined when that is not known, meaning: any county) and the stored
   * lists it changed (undefined when not known, meaning: any list), before the writer's withScope returns. The
   * cache of answers listens so that a write is seen at the next request.
   */
  onWriteCommitted(fn: (counties: readonly string[] | undefined, lists: readonly string[] | undefined) => void): void;
}

type AuditRow = Omit<Insertable<AuditEventTable>, 'details'> & {
  details: string;
};

function rowOf(ctx: AuditActor | null, e: AuditInput): AuditRow {
  return {
    id: randomUUID(),
    user_id: ctx?.userId || null,
    username: ctx?.username ?? null,
    role: ctx?.role ?? null,
    action: e.action,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    person_id: e.personId ?? null,
    county_code: e.countyCode ?? null,
    outcome: e.outcome ?? 'success',
    ip: ctx?.ip ?? null,
    request_id: ctx?.requestId ?? null,
    details: JSON.stringify(e.details ?? {}),
  };
}

async function insertEvents(trx: Transaction<Database>, rows: readonly AuditRow[]): Promise<void> {
  // Migration 0005: the event's transaction commits without waiting for the disk (the chain's lock is then not
  // held through the flush) and withScope waits for the flush after the commit, before the server answers.
  // The setting that asks for it is made by this very statement (evaluated before the chain's trigger sees the
  // row), so no other insert into audit_event, and no transaction outside withScope, commits that way.
  auditEventWritten(trx);
  await trx
    .insertInto('audit_event')
    .values(
      rows.map((r) => ({
        ...r,
        details: sql<string>`(select ${r.details}::jsonb
            where set_config('fuyou.audit_commit', 'flush_after', true) is not null)`,
      })),
    )
    .execute();
}

/** Most read events written in one transaction. */
const READ_BATCH_MAX = 500;

/**
 * Read events waiting to be written, and the one writer of them: while a batch is being written the events of the
 * reads that finish meanwhile wait, and all of them go in the next batch (one transaction, one link of the chain
 * under its lock, one flush), which is what lets many reads share the audit's cost (issue #7: the audited
 * transaction was half of a person search's time). A batch that fails is written again event by event, so one bad
 * event fails only its own request.
 */
function createReadBatch(db: Kysely<Database>) {
  let queue: { row: AuditRow; done: (e?: unknown) => void }[] = [];
  let writing = false;

  // the whole batch is one simple-protocol query, one round trip: the transaction under fuyou_app, the insert, a
  // commit that does not wait for the disk (migration 0005: the chain's lock is not held through the flush) and the
  // synchronous WAL record that waits for it
  async function write(rows: readonly AuditRow[]) {
    const values = rows
      .map((r) =>
        [
          r.id,
          r.user_id ?? null,
          r.username ?? null,
          r.role ?? null,
          r.action,
          r.entity_type ?? null,
          r.entity_id ?? null,
          r.person_id ?? null,
          r.county_code ?? null,
          r.outcome ?? 'success',
          r.ip ?? null,
          r.request_id ?? null,
          r.details,
        ]
          .map(sqlLiteral)
          .join(', '),
      )
      .map((v) => `(${v})`)
      .join(',\n');
    const text =
      `begin; select set_config('role', 'fuyou_app', true), set_config('fuyou.audit_flush', 'client', true), ` +
      `set_config('fuyou.audit_commit', 'flush_after', true);\n` +
      `insert into audit_event (id, user_id, username, role, action, entity_type, entity_id, person_id, ` +
      `county_code, outcome, ip, request_id, details) values ${values};\n` +
      `commit; select pg_logical_emit_message(true, 'fuyou.audit', '')`;
    await executeScript(db, text);
  }

  async function drain() {
    writing = true;
    try {
      while (queue.length) {
        const batch = queue.slice(0, READ_BATCH_MAX);
        queue = queue.slice(batch.length);
        try {
          await write(batch.map((b) => b.row));
          for (const b of batch) b.done();
        } catch (e) {
          if (batch.length === 1) batch[0]!.done(e);
          else
            for (const b of batch)
              await write([b.row]).then(
                () => b.done(),
                (err: unknown) => b.done(err),
              );
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    add(row: AuditRow): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, done: (e) => (e === undefined ? resolve() : reject(e)) });
        if (!writing) void drain();
      });
    },
  };
}

/**
 * The audit writer of one database. `FUYOU_AUDIT_READ_BATCH=0` writes the events of reads inside the read's
 * transaction, as those of writes (before issue #7's batch; kept to measure one against the other).
 */
export function createAuditWriter(db: Kysely<Database>): AuditWriter {
  const reads = createReadBatch(db);
  const batched = process.env.FUYOU_AUDIT_READ_BATCH !== '0';
  const listeners: ((counties: readonly string[] | undefined, lists: readonly string[] | undefined) => void)[] = [];
  // one report per transaction, however many events it writes
  const reported = new WeakSet<object>();
  return {
    async write(trx, ctx, e) {
      await insertEvents(trx, [rowOf(ctx, e)]);
      if (listeners.length && !reported.has(trx)) {
        reported.add(trx);
        const scope = countiesOf(trx);
        const counties = scope && e.countyCode && !scope.includes(e.countyCode) ? undefined : scope;
        if (scope)
          afterCommit(trx, async () => {
            const lists = listsWrittenBy(trx);
            for (const fn of listeners) fn(counties, lists);
          });
        else for (const fn of listeners) fn(undefined, undefined);
      }
    },
    readAnswered(ctx, e) {
      const row = rowOf(ctx, e);
      if (!batched) return withScope(db, { counties: [] }, (trx) => insertEvents(trx, [row]));
      return reads.add(row);
    },
    onWriteCommitted(fn) {
      listeners.push(fn);
    },
    async read(trx, ctx, e) {
      const row = rowOf(ctx, e);
      if (!batched) return insertEvents(trx, [row]);
      afterCommit(trx, () => reads.add(row));
    },
  };
}
