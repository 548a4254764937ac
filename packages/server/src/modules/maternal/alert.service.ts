import { randomUUID } from 'node:crypto';
import { withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { iso } from './maternal.common';

/** An alert to the county or city MCH supervisors as the API returns it. */
export interface MaternalAlertDto {
  id: string;
  countyCode: string;
  kind: string;
  audience: string;
  personId: string | null;
  personName: string | null;
  entityType: string | null;
  entityId: string | null;
  messageZh: string;
  messageEn: string;
  createdAt: string | null;
  acknowledgedAt: string | null;
}

/** What raises an alert. */
export interface AlertInput {
  countyCode: string;
  kind: 'minor_pregnancy' | 'maternal_death';
  audience: 'county' | 'city';
  personId: string;
  entityType: string;
  entityId: string;
  messageZh: string;
  messageEn: string;
}

/** Alerts for supervisors: a pregnancy of a minor (county), a maternal death (county and city). */
export function createAlertService(deps: Pick<ModuleDeps, 'db' | 'audit' | 'regions'>) {
  const { db, audit, regions } = deps;

  /** The audience a supervisor belongs to: county-level jurisdictions see county alerts, higher ones city alerts. */
  function audienceOf(ctx: AuthContext): 'county' | 'city' {
    const level = ctx.jurisdictionCode ? regions.get(ctx.jurisdictionCode)?.level : undefined;
    return level === 'county' || level === 'township' || level === 'village' ? 'county' : 'city';
  }

  return {
    audienceOf,

    /** Raises an alert inside the caller's transaction. */
    async raiseInTx(trx: Transaction<Database>, ctx: AuthContext, a: AlertInput): Promise<string> {
      const id = randomUUID();
      await trx
        .insertInto('maternal_alert')
        .values({
          county_code: a.countyCode,
          id,
          kind: a.kind,
          audience: a.audience,
          person_id: a.personId,
          entity_type: a.entityType,
          entity_id: a.entityId,
          message_zh: a.messageZh,
          message_en: a.messageEn,
        })
        .execute();
      await audit.write(trx, ctx, {
        action: 'maternal.alert.raise',
        entityType: 'maternal_alert',
        entityId: id,
        personId: a.personId,
        countyCode: a.countyCode,
        details: { kind: a.kind, audience: a.audience },
      });
      return id;
    },

    /** Alerts for the caller's audience (open ones first; `all` includes acknowledged ones). */
    async list(ctx: AuthContext, opts: { all?: boolean } = {}): Promise<MaternalAlertDto[]> {
      if (!ctx.permissions.has('care.supervise')) throw errors.forbidden();
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('maternal_alert as a')
          .leftJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'a.county_code').onRef('p.id', '=', 'a.person_id'),
          )
          .selectAll('a')
          .select('p.name as person_name')
          .where('a.audience', '=', audienceOf(ctx));
        if (!opts.all) q = q.where('a.acknowledged_at', 'is', null);
        const rows = await q.orderBy('a.created_at', 'desc').limit(200).execute();
        await audit.write(trx, ctx, {
          action: 'maternal.alert.list',
          entityType: 'maternal_alert',
          details: { results: rows.length },
        });
        return rows.map((r) => ({
          id: r.id,
          countyCode: r.county_code,
          kind: r.kind,
          audience: r.audience,
          personId: r.person_id,
          personName: r.person_name,
          entityType: r.entity_type,
          entityId: r.entity_id,
          messageZh: r.message_zh,
          messageEn: r.message_en,
          createdAt: iso(r.created_at),
          acknowledgedAt: iso(r.acknowledged_at),
        }));
      });
    },

    /** A supervisor acknowledges an alert. */
    async acknowledge(ctx: AuthContext, id: string): Promise<{ id: string; acknowledgedAt: string | null }> {
      if (!ctx.permissions.has('care.supervise')) throw errors.forbidden();
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('maternal_alert').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('提醒', 'alert');
        if (row.acknowledged_at) return { id, acknowledgedAt: iso(row.acknowledged_at) };
        const updated = await trx
          .updateTable('maternal_alert')
          .set({ acknowledged_at: new Date(), acknowledged_by: ctx.userId })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'maternal.alert.acknowledge',
          entityType: 'maternal_alert',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return { id, acknowledgedAt: iso(updated.acknowledged_at) };
      });
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
