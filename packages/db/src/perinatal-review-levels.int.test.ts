import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from './connection';
import { listMigrations } from './migrate';

// Migration 0046 on a database that already holds perinatal reviews keyed one per birth outcome (0013): the rows
// are kept as their level's review, and another level's review of the same outcome can then be added. PGlite in
// memory, migrated by hand up to 0045 (the birth outcome's foreign key is left unchecked for the fixture rows).
let h: DatabaseHandle;
const migrations = listMigrations();
const upTo = (name: string) => migrations.filter((m) => m.name < name);
beforeAll(async () => {
  h = await openDatabase();
  for (const m of upTo('0046')) await sql.raw(m.sql).execute(h.db);
});
afterAll(async () => h?.close());

const insertReview = (outcome: string, level: string) =>
  h.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`insert into perinatal_death_review (county_code, birth_outcome_id, level, reviewed_on, conclusion, factors)
      values ('330902', ${outcome}, ${level}, '2026-01-15', 'avoidable', '{"society.resources": "转运车辆不足"}')`.execute(
      trx,
    );
  });

describe('migration 0046: the perinatal death review per committee level', () => {
  it('keeps the reviews already there and then takes a second level of the same outcome, once', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await insertReview(a, 'county');
    await insertReview(b, 'city');
    // before 0046 a second level of the same outcome replaces nothing: it is refused by the key
    await expect(insertReview(a, 'city')).rejects.toThrow(/duplicate key|unique/i);

    const m = migrations.find((x) => x.name.startsWith('0046_'));
    expect(m?.name).toBe('0046_perinatal_review_levels.sql');
    await sql.raw(m!.sql).execute(h.db);

    const kept = await sql<{ birth_outcome_id: string; level: string; version: number; factors: unknown }>`
      select birth_outcome_id, level, version, factors from perinatal_death_review order by level`.execute(h.db);
    expect(kept.rows).toEqual(
      expect.arrayContaining([
        { birth_outcome_id: a, level: 'county', version: 1, factors: { 'society.resources': '转运车辆不足' } },
        { birth_outcome_id: b, level: 'city', version: 1, factors: { 'society.resources': '转运车辆不足' } },
      ]),
    );
    expect(kept.rows).toHaveLength(2);

    await insertReview(a, 'city');
    await expect(insertReview(a, 'city')).rejects.toThrow(/duplicate key|unique/i);
    const levels = await sql<{ level: string }>`select level from perinatal_death_review
      where birth_outcome_id = ${a} order by level`.execute(h.db);
    expect(levels.rows.map((r) => r.level)).toEqual(['city', 'county']);

    // row-level security and the grants are as they were
    const rls = await sql<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>`select relrowsecurity,
      relforcerowsecurity from pg_class where relname = 'perinatal_death_review'`.execute(h.db);
    expect(rls.rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const grants = await sql<{ privilege_type: string }>`select privilege_type from information_schema.role_table_grants
      where table_name = 'perinatal_death_review' and grantee = 'fuyou_app' order by privilege_type`.execute(h.db);
    expect(grants.rows.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT', 'UPDATE']);
  });
});
