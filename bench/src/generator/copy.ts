import type pg from 'pg';
import type { Row } from './model';

/** Escapes a text value for COPY's text format. */
function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/** A PostgreSQL array literal of strings or numbers. */
function arrayLiteral(items: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    if (i) out += ',';
    const v = items[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += String(v);
    else out += `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}

/** One value in COPY text format. Strings of jsonb columns are already JSON. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'string':
      return escapeText(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : '\\N';
    case 'boolean':
      return v ? 't' : 'f';
    default:
      if (Array.isArray(v)) return escapeText(arrayLiteral(v));
      if (v instanceof Date) return v.toISOString();
      return escapeText(JSON.stringify(v));
  }
}

/** Accumulates the COPY text of one table's rows for the columns that exist in the database. */
export class CopyBuffer {
  readonly table: string;
  columns: string[] | null = null;
  private parts: string[] = [];
  private current = '';
  rows = 0;

  constructor(
    table: string,
    private readonly existing: ReadonlySet<string>,
  ) {
    this.table = table;
  }

  /** Appends a row (keys starting with `_` must have been resolved before). */
  add(row: Row): void {
    if (!this.columns) this.columns = Object.keys(row).filter((k) => this.existing.has(k));
    const cols = this.columns;
    let line = '';
    for (let i = 0; i < cols.length; i++) {
      if (i) line += '\t';
      line += copyValue(row[cols[i]!]);
    }
    this.current += `${line}\n`;
    this.rows++;
    if (this.current.length > 1 << 20) {
      this.parts.push(this.current);
      this.current = '';
    }
  }

  /** The text chunks (each at most about 1 MB) and the column list; empties the buffer. */
  take(): { table: string; columns: string[]; chunks: string[]; rows: number } {
    if (this.current) this.parts.push(this.current);
    const out = { table: this.table, columns: this.columns ?? [], chunks: this.parts, rows: this.rows };
    this.parts = [];
    this.current = '';
    this.rows = 0;
    return out;
  }
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(msg: string): void;
  stream: { writableNeedDrain?: boolean; once(event: 'drain', fn: () => void): void };
}

/**
 * `COPY table (columns) FROM STDIN` over a pg client, without a dependency: a "submittable" that the pg client
 * runs like a query. Resolves with the number of rows copied.
 */
export function copyFrom(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  chunks: readonly string[],
): Promise<number> {
  return new Promise((resolve, reject) => {
    let error: Error | null = null;
    let count = 0;
    const submittable = {
      callback: undefined as unknown,
      submit(connection: PgConnection) {
        connection.query(`COPY ${table} (${columns.join(', ')}) FROM STDIN`);
      },
      handleCopyInResponse(connection: PgConnection) {
        void (async () => {
          for (const chunk of chunks) {
            connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
            if (connection.stream.writableNeedDrain) await new Promise<void>((r) => connection.stream.once('drain', r));
          }
          connection.endCopyFrom();
        })();
      },
      handleCommandComplete(msg: { text?: string }) {
        const m = /COPY (\d+)/.exec(msg.text ?? '');
        count = m ? Number(m[1]) : count;
      },
      handleReadyForQuery() {
        if (error) reject(error);
        else resolve(count);
      },
      handleError(err: Error) {
        error = err;
        // pg clears the active query on an error message, so ReadyForQuery will not reach us: settle now
        reject(Object.assign(err, { table }));
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    (client as unknown as { query(s: unknown): void }).query(submittable);
  });
}
