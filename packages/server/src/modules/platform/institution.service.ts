import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sql, withScope, type Database, type Kysely, type Selectable, type InstitutionTable } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { pagination } from '../../platform/validation';

export const INSTITUTION_TYPES = [
  'health_commission',
  'mch_hospital',
  'general_hospital',
  'township_hc',
  'community_hc',
  'village_clinic',
  'childcare_facility',
  'screening_centre',
  'other',
] as const;

export const CAPABILITIES = [
  'midwifery',
  'prenatal_screening',
  'prenatal_diagnosis',
  'newborn_screening',
  'critical_maternal_centre',
  'critical_newborn_centre',
  'birth_certificate_issuer',
  'premarital_exam',
  'cancer_screening',
  'child_health',
] as const;

export const institutionInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2, '机构编码至少2位')
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, '机构编码只能包含字母、数字、-和_'),
  name: z.string().trim().min(2, '请填写机构名称').max(100),
  type: z.enum(INSTITUTION_TYPES, '机构类型无效'),
  level: z.enum(['level1', 'level2', 'level3'], '级别应为一级/二级/三级').nullable().optional(),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字'),
  capabilities: z.array(z.enum(CAPABILITIES, '服务能力无效')).default([]),
  address: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(30).optional(),
});
export const institutionUpdateSchema = institutionInputSchema.partial().extend({
  version: z.number().int().min(1),
  active: z.boolean().optional(),
});
export const institutionListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
  capability: z.enum(CAPABILITIES).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pagination,
});

type Row = Selectable<InstitutionTable>;
export interface InstitutionDto {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string | null;
  regionCode: string;
  regionName: string | null;
  countyCode: string;
  countyName: string | null;
  capabilities: string[];
  address: string | null;
  phone: string | null;
  active: boolean;
  version: number;
}

export function createInstitutionService(deps: { db: Kysely<Database>; audit: AuditWriter; regions: RegionIndex }) {
  const { db, audit, regions } = deps;
  const none = { counties: [] as string[] };
  const toDto = (r: Row): InstitutionDto => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    level: r.level,
    regionCode: r.region_code,
    regionName: regions.get(r.region_code)?.name ?? null,
    countyCode: r.county_code,
    countyName: regions.get(r.county_code)?.name ?? null,
    capabilities: r.capabilities,
    address: r.address,
    phone: r.phone,
    active: r.active,
    version: r.version,
  });
  function countyFor(regionCode: string) {
    if (!regions.get(regionCode)) throw errors.field('regionCode', '区划代码不存在', 'Unknown region code');
    return regions.countyOf(regionCode) ?? regionCode.slice(0, 6);
  }
  return {
    toDto,
    async list(_ctx: AuthContext, f: z.infer<typeof institutionListSchema>) {
      return withScope(db, none, async (trx) => {
        let q = trx.selectFrom('institution');
        if (f.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${f.q}%`), eb('code', 'like', `%${f.q}%`)]));
        if (f.countyCode) q = q.where('county_code', '=', f.countyCode);
        if (f.type) q = q.where('type', '=', f.type);
        if (f.capability) q = q.where(sql<boolean>`${f.capability} = any(capabilities)`);
        if (f.active) q = q.where('active', '=', f.active === 'true');
        const [rows, total] = await Promise.all([
          q
            .selectAll()
            .orderBy('county_code')
            .orderBy('code')
            .limit(f.pageSize)
            .offset((f.page - 1) * f.pageSize)
            .execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        return { items: rows.map(toDto), total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },
    async get(id: string) {
      return withScope(db, none, async (trx) => {
        const r = await trx.selectFrom('institution').selectAll().where('id', '=', id).executeTakeFirst();
        if (!r) throw errors.notFound('机构', 'institution');
        return toDto(r);
      });
    },
    async create(ctx: AuthContext, input: z.infer<typeof institutionInputSchema>) {
      const county = countyFor(input.regionCode);
      return withScope(db, none, async (trx) => {
        const exists = await trx
          .selectFrom('institution')
          .select('id')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (exists)
          throw errors.conflict('INSTITUTION_CODE_TAKEN', `机构编码 ${input.code} 已被使用`, 'Institution code in use');
        const row = await trx
          .insertInto('institution')
          .values({
            id: randomUUID(),
            code: input.code,
            name: input.name,
            type: input.type,
            level: input.level ?? null,
            region_code: input.regionCode,
            county_code: county,
            capabilities: input.capabilities,
            address: input.address ?? null,
            phone: input.phone ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'institution.create',
          entityType: 'institution',
          entityId: row.id,
          details: { code: row.code },
        });
        return toDto(row);
      });
    },
    async update(ctx: AuthContext, id: string, input: z.infer<typeof institutionUpdateSchema>) {
      return withScope(db, none, async (trx) => {
        const cur = await trx.selectFrom('institution').selectAll().where('id', '=', id).executeTakeFirst();
        if (!cur) throw errors.notFound('机构', 'institution');
        if (cur.version !== input.version) throw errors.staleVersion(cur.version);
        if (input.code && input.code !== cur.code) {
          const exists = await trx
            .selectFrom('institution')
            .select('id')
            .where('code', '=', input.code)
            .executeTakeFirst();
          if (exists)
            throw errors.conflict(
              'INSTITUTION_CODE_TAKEN',
              `机构编码 ${input.code} 已被使用`,
              'Institution code in use',
            );
        }
        const row = await trx
          .updateTable('institution')
          .set({
            ...(input.code !== undefined ? { code: input.code } : {}),
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.type !== undefined ? { type: input.type } : {}),
            ...(input.level !== undefined ? { level: input.level } : {}),
            ...(input.regionCode !== undefined
              ? { region_code: input.regionCode, county_code: countyFor(input.regionCode) }
              : {}),
            ...(input.capabilities !== undefined ? { capabilities: input.capabilities } : {}),
            ...(input.address !== undefined ? { address: input.address } : {}),
            ...(input.phone !== undefined ? { phone: input.phone } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            version: cur.version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: input.active === false ? 'institution.deactivate' : 'institution.update',
          entityType: 'institution',
          entityId: id,
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return toDto(row);
      });
    },
  };
}
export type InstitutionService = ReturnType<typeof createInstitutionService>;
