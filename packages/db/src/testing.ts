import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './connection';
import { migrate } from './migrate';
import { ensureRegions } from './reference/regions';

/** A fresh, migrated database for one test file; on PostgreSQL a new database that is dropped afterwards. */
export interface TestDatabase extends DatabaseHandle {
  databaseUrl?: string;
}

/**
 * Opens a database for tests: PGlite in memory by default; with DATABASE_URL a fresh database on that server
 * (so tests never share state, and tests that tamper with the audit chain break nobody else's).
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const handle = await openDatabase();
    await migrate(handle.db);
    await ensureRegions(handle.db);
    return handle;
  }
  const name = `fuyou_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(handle.db);
  await ensureRegions(handle.db);
  return {
    ...handle,
    databaseUrl: url.toString(),
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
