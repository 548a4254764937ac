import { z } from 'zod';
import { withScope, type Database, type Kysely } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';

/** Body of PUT /regions/:code/altitude: the altitude of the region in metres, or null to inherit the parent's. */
export const regionAltitudeSchema = z.object({
  altitudeM: z
    .number('海拔应为数字（米）')
    .int('海拔应为整数（米）')
    .min(-500, '海拔应在 −500 至 9000 米之间')
    .max(9000, '海拔应在 −500 至 9000 米之间')
    .nullable(),
});

/**
 * The altitude of a region (migration 0023): regional configuration of the Hb altitude adjustment of children
 * (WHO 2011 table in core). A child takes the altitude of the nearest region with one, from its residence up.
 */
export function createRegionAltitudeService(deps: { db: Kysely<Database>; audit: AuditWriter; regions: RegionIndex }) {
  const { db, audit, regions } = deps;
  const none = { counties: [] as string[] };
  return {
    /**
     * The altitude of a region: its own (null when not set) and the one it takes, the nearest region with a value
     * from itself up to the province (as a child residing there; null when none has one).
     */
    async get(
      code: string,
    ): Promise<{ code: string; altitudeM: number | null; effective: { code: string; altitudeM: number } | null }> {
      if (!regions.get(code)) throw errors.notFound('区划', 'region');
      const chain = [code, ...regions.ancestors(code).map((r) => r.code)];
      return withScope(db, none, async (trx) => {
        const rows = await trx.selectFrom('region').select(['code', 'altitude_m']).where('code', 'in', chain).execute();
        const of = new Map(rows.map((r) => [r.code, r.altitude_m]));
        const from = chain.find((c) => of.get(c) != null);
        return {
          code,
          altitudeM: of.get(code) ?? null,
          effective: from ? { code: from, altitudeM: Number(of.get(from)) } : null,
        };
      });
    },

    async set(
      ctx: AuthContext,
      code: string,
      input: z.infer<typeof regionAltitudeSchema>,
    ): Promise<{ code: string; altitudeM: number | null }> {
      if (!regions.get(code)) throw errors.notFound('区划', 'region');
      return withScope(db, none, async (trx) => {
        const row = await trx
          .updateTable('region')
          .set({ altitude_m: input.altitudeM })
          .where('code', '=', code)
          .returning(['code', 'altitude_m'])
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'region.altitude.update',
          entityType: 'region',
          entityId: code,
          details: { altitudeM: input.altitudeM },
        });
        return { code: row.code, altitudeM: row.altitude_m };
      });
    },
  };
}
