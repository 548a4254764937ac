import { MATERNAL_CONTACT_SCHEDULES, NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE, findContactSchedule } from '@fuyou/core';
import { withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';

/** A region's choice of antenatal schedule as the API returns it. */
export interface ScheduleChoiceDto {
  regionCode: string;
  regionName: string | null;
  scheduleId: string;
  note: string | null;
  updatedAt: string;
}

/**
 * The antenatal contact schedule by region: the national basic public-health schedule applies unless a region
 * (province, city or county; the deepest choice wins) chose the clinical schedule of 中华医学会 2018. A
 * pregnancy keeps the schedule of her county at registration.
 */
export function createScheduleChoiceService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  /** The system administrator sets any region; an MCH supervisor the regions at or below her jurisdiction. */
  function requireEditable(ctx: AuthContext, code: string) {
    const region = regions.get(code);
    if (!region) throw errors.field('regionCode', '区划代码不存在', 'Unknown region code');
    if (region.level === 'township' || region.level === 'village')
      throw errors.field('regionCode', '请选择省、市或县（区）', 'Choose a province, city or county');
    if (ctx.permissions.has('setting.manage')) return region;
    if (!ctx.permissions.has('care.supervise')) throw errors.forbidden();
    const chain = [code, ...regions.ancestors(code).map((r) => r.code)];
    if (!ctx.jurisdictionCode || !chain.includes(ctx.jurisdictionCode))
      throw errors.forbidden('该地区超出您的管辖范围', 'That region is outside your jurisdiction');
    return region;
  }

  return {
    /** The schedule id that applies in a county (inside the caller's transaction). */
    async scheduleForCounty(trx: Transaction<Database>, county: string): Promise<string> {
      const chain = [county, ...regions.ancestors(county).map((r) => r.code)];
      const rows = await trx
        .selectFrom('maternal_schedule_choice')
        .select(['region_code', 'schedule_id'])
        .where('region_code', 'in', chain)
        .execute();
      const best = rows.sort((a, b) => chain.indexOf(a.region_code) - chain.indexOf(b.region_code))[0];
      return best && findContactSchedule(best.schedule_id)
        ? best.schedule_id
        : NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE.id;
    },

    /** The built-in schedules (with their contacts) and every region's choice. */
    async list(ctx: AuthContext) {
      return withScope(db, ctx, async (trx) => {
        const rows = await trx.selectFrom('maternal_schedule_choice').selectAll().orderBy('region_code').execute();
        return {
          defaultScheduleId: NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE.id,
          schedules: MATERNAL_CONTACT_SCHEDULES.map((s) => ({
            id: s.id,
            version: s.version,
            name: s.name,
            source: s.source,
            confirmed: s.confirmed,
            contacts: s.contacts.map((c) => ({ id: c.id, kind: c.kind, label: c.label, confirmed: c.confirmed })),
          })),
          choices: rows.map((r): ScheduleChoiceDto => ({
            regionCode: r.region_code,
            regionName: regions.get(r.region_code)?.name ?? null,
            scheduleId: r.schedule_id,
            note: r.note,
            updatedAt: new Date(r.updated_at).toISOString(),
          })),
        };
      });
    },

    /** Sets the schedule of a region (and, by inheritance, of the regions below it without their own choice). */
    async set(ctx: AuthContext, input: { regionCode: string; scheduleId: string; note?: string | undefined }) {
      requireEditable(ctx, input.regionCode);
      if (!findContactSchedule(input.scheduleId))
        throw errors.field('scheduleId', '没有这个产前检查时间表', 'Unknown schedule');
      return withScope(db, ctx, async (trx) => {
        const row = await trx
          .insertInto('maternal_schedule_choice')
          .values({
            region_code: input.regionCode,
            schedule_id: input.scheduleId,
            note: input.note ?? null,
            updated_by: ctx.userId,
          })
          .onConflict((oc) =>
            oc.column('region_code').doUpdateSet({
              schedule_id: input.scheduleId,
              note: input.note ?? null,
              updated_by: ctx.userId,
              updated_at: new Date(),
            }),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'maternal.schedule.choose',
          entityType: 'maternal_schedule_choice',
          details: { regionCode: input.regionCode, scheduleId: input.scheduleId },
        });
        return {
          regionCode: row.region_code,
          regionName: regions.get(row.region_code)?.name ?? null,
          scheduleId: row.schedule_id,
          note: row.note,
          updatedAt: new Date(row.updated_at).toISOString(),
        } satisfies ScheduleChoiceDto;
      });
    },

    /** Removes a region's own choice (it inherits again). */
    async remove(ctx: AuthContext, regionCode: string) {
      requireEditable(ctx, regionCode);
      return withScope(db, ctx, async (trx) => {
        const r = await trx
          .deleteFrom('maternal_schedule_choice')
          .where('region_code', '=', regionCode)
          .executeTakeFirst();
        if (!Number(r.numDeletedRows)) throw errors.notFound('该地区的时间表设置', 'schedule choice');
        await audit.write(trx, ctx, {
          action: 'maternal.schedule.unchoose',
          entityType: 'maternal_schedule_choice',
          details: { regionCode },
        });
        return { regionCode, removed: true };
      });
    },
  };
}
export type ScheduleChoiceService = ReturnType<typeof createScheduleChoiceService>;
