import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { startTestServer, type TestServer } from '../../testing';
import { purgeExpiredAudit } from './audit.service';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('audit log', () => {
  it('the auditor finds who saw whom; the chain verifies; a tampered row is named', async () => {
    const clinician = await s.user('clinician', { institutionId: await s.institution('330922') });
    const c = await s.login(clinician);
    const p = await c.post('/api/v1/people', {
      name: '审计测试',
      sex: 'female',
      birthDate: '1990-03-04',
      idType: 'resident_id',
      idNumber: makeResidentId('330922', '1990-03-04', 7, 'female'),
      residenceRegionCode: '330922',
    });
    await c.post(`/api/v1/people/${p.body.id}/reveal`, { field: 'idNumber' });
    const auditor = await s.login(await s.user('auditor'));
    const byPerson = await auditor.get(`/api/v1/audit/events?personId=${p.body.id}`);
    expect(byPerson.body.items.map((e: { action: string; username: string }) => `${e.username}:${e.action}`)).toEqual([
      `${clinician}:person.reveal`,
      `${clinician}:person.create`,
    ]);
    const byUser = await auditor.get(`/api/v1/audit/events?username=${clinician}&action=auth`);
    expect(byUser.body.items[0].action).toBe('auth.login');
    expect((await auditor.post('/api/v1/audit/verify')).body).toMatchObject({ ok: true });

    const target = byPerson.body.items[1].seq;
    await sql`alter table audit_event disable trigger audit_event_immutable`.execute(s.db.db);
    await sql`update audit_event set username = 'someone-else' where seq = ${target}`.execute(s.db.db);
    await sql`alter table audit_event enable trigger audit_event_immutable`.execute(s.db.db);
    const v = await auditor.post('/api/v1/audit/verify');
    expect(v.body).toMatchObject({ ok: false, firstBreak: { seq: target, reason: 'hash' } });
  });

  it('stays one chain under concurrent writers', async () => {
    const c = await s.login(await s.user('clinician', { institutionId: await s.institution('330922') }));
    await Promise.all(Array.from({ length: 20 }, () => c.get('/api/v1/people?q=x')));
    const gaps = await sql<{
      n: number;
    }>`select count(*)::int as n from (select seq, lag(hash) over (order by seq) as prev, prev_hash from audit_event) x where prev is not null and prev <> prev_hash and seq > 1`.execute(
      s.db.db,
    );
    // only the row tampered in the previous test may break the link after it
    expect(gaps.rows[0]?.n ?? 0).toBeLessThanOrEqual(1);
    const dupSeq = await sql<{
      n: number;
    }>`select count(*)::int as n from (select prev_hash from audit_event group by prev_hash having count(*) > 1) d`.execute(
      s.db.db,
    );
    expect(dupSeq.rows[0]?.n).toBe(0);
  });

  it('no role can edit the audit log', async () => {
    await expect(sql`set local role fuyou_app; delete from audit_event`.execute(s.db.db)).rejects.toThrow();
    await expect(sql`update audit_event set action = 'x'`.execute(s.db.db)).rejects.toThrow(/append-only/);
  });

  it('retention purge keeps events younger than the retention period (at least 6 months)', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(s.db.db);
    expect(await purgeExpiredAudit(s.db.db, 1)).toBe(0);
    const after = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(s.db.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
