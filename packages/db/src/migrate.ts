import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/index';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A migration file: `NNNN_name.sql`. */
export interface MigrationFile {
  name: string;
  sql: string;
}

/** The migration files in order. Forward-only: a landed file is never edited. */
export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Applies pending migrations, each in its own transaction, under an advisory lock. Returns the names applied. */
export async function migrate(db: Kysely<Database>, log: (msg: string) => void = () => {}): Promise<string[]> {
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(731700100)`.execute(conn);
    try {
      await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
        conn,
      );
      const done = new Set(
        (await sql<{ name: string }>`select name from schema_migration`.execute(conn)).rows.map((r) => r.name),
      );
      for (const m of listMigrations()) {
        if (done.has(m.name)) continue;
        log(`migrating ${m.name}`);
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`insert into schema_migration (name) values (${m.name})`.execute(trx);
        });
        applied.push(m.name);
      }
    } finally {
      await sql`select pg_advisory_unlock(731700100)`.execute(conn);
    }
  });
  return applied;
}
