import { z } from 'zod';
import { sql, withScope, type Database, type Kysely } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { isoDate, pagination } from '../../platform/validation';

export const auditSearchSchema = z.object({
  username: z.string().trim().max(64).optional(),
  personId: z.uuid('人员编号无效').optional(),
  action: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});

/** Whether the chain is intact, and if not, the first broken row. Same check as `fuyou audit verify`. */
export async function verifyAuditChain(
  db: Kysely<Database>,
): Promise<{ ok: boolean; rows: number; firstBreak?: { seq: number; reason: string } }> {
  const broken = await sql<{
    seq: number;
    reason: string;
  }>`select seq, reason from audit_chain_break order by seq limit 1`.execute(db);
  const n = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(db);
  const first = broken.rows[0];
  return first ? { ok: false, rows: n.rows[0]?.n ?? 0, firstBreak: first } : { ok: true, rows: n.rows[0]?.n ?? 0 };
}

/**
 * Purges audit events older than the retention period (config, never under 6 months). Runs as the database owner
 * (not the app role), through the SQL function that keeps the chain's anchor.
 */
export async function purgeExpiredAudit(db: Kysely<Database>, retentionMonths: number): Promise<number> {
  const months = Math.max(6, Math.floor(retentionMonths));
  const r = await sql<{
    n: number;
  }>`select audit_purge_before(now() - make_interval(months => ${months}::int) - interval '1 second') as n`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export function createAuditService(deps: { db: Kysely<Database>; audit: AuditWriter }) {
  const { db, audit } = deps;
  const none = { counties: [] as string[] };
  return {
    async search(ctx: AuthContext, f: z.infer<typeof auditSearchSchema>) {
      return withScope(db, none, async (trx) => {
        let q = trx.selectFrom('audit_event');
        if (f.username) q = q.where('username', '=', f.username);
        if (f.personId) q = q.where('person_id', '=', f.personId);
        if (f.action) q = q.where('action', 'like', `${f.action}%`);
        if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+08:00`));
        if (f.to) q = q.where('at', '<', new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86400_000));
        const [rows, total] = await Promise.all([
          q
            .select([
              'seq',
              'at',
              'username',
              'role',
              'action',
              'entity_type',
              'entity_id',
              'person_id',
              'county_code',
              'outcome',
              'ip',
              'request_id',
              'details',
            ])
            .orderBy('seq', 'desc')
            .limit(f.pageSize)
            .offset((f.page - 1) * f.pageSize)
            .execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        // the auditor's own searches are audited too
        await audit.write(trx, ctx, { action: 'audit.search', entityType: 'audit_event', details: { ...f } });
        return {
          items: rows.map((r) => ({
            seq: r.seq,
            at: new Date(r.at).toISOString(),
            username: r.username,
            role: r.role,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            personId: r.person_id,
            countyCode: r.county_code,
            outcome: r.outcome,
            ip: r.ip,
            requestId: r.request_id,
            details: r.details,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },
    async verify(ctx: AuthContext) {
      const result = await verifyAuditChain(db);
      await withScope(db, none, (trx) =>
        audit.write(trx, ctx, { action: 'audit.verify', entityType: 'audit_event', details: { ok: result.ok } }),
      );
      return result;
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
