import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sql, withScope, type Database, type Kysely } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthService } from '../../platform/auth.service';
import { ROLES, type AuthContext, type Role } from '../../platform/context';
import { errors } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import type { RegionIndex } from '../../platform/regions';
import { pagination } from '../../platform/validation';

export const EXTRA_PERMISSIONS = ['pmtct'] as const;

export const userCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少3个字符')
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, '用户名只能包含小写字母、数字、.、_和-'),
  displayName: z.string().trim().min(1, '请填写显示名称').max(50),
  role: z.enum(ROLES as [Role, ...Role[]], '角色无效'),
  institutionId: z.uuid('机构编号无效').nullable().optional(),
  jurisdictionCode: z
    .string()
    .regex(/^\d{6}$/, '管辖区域应为6位区划代码')
    .nullable()
    .optional(),
  permissions: z.array(z.enum(EXTRA_PERMISSIONS)).default([]),
  password: z.string().max(200).optional().describe('初始密码；不填则生成一次性密码'),
});
export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES as [Role, ...Role[]], '角色无效').optional(),
  institutionId: z.uuid().nullable().optional(),
  jurisdictionCode: z
    .string()
    .regex(/^\d{6}$/, '管辖区域应为6位区划代码')
    .nullable()
    .optional(),
  permissions: z.array(z.enum(EXTRA_PERMISSIONS)).optional(),
  disabled: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const userListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES as [Role, ...Role[]]).optional(),
  ...pagination,
});

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: string;
  institutionId: string | null;
  institutionName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  permissions: string[];
  disabled: boolean;
  locked: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  version: number;
}

export function createUserService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  auth: AuthService;
  regions: RegionIndex;
}) {
  const { db, audit, auth, regions } = deps;
  const none = { counties: [] as string[] };

  async function checkScopeFields(
    trx: Parameters<Parameters<typeof withScope>[2]>[0],
    role: Role,
    institutionId: string | null | undefined,
    jurisdictionCode: string | null | undefined,
  ) {
    if (role === 'clinician' && !institutionId)
      throw errors.field('institutionId', '临床用户必须属于一个机构', 'A clinician belongs to an institution');
    if (['mch_supervisor', 'statistician', 'commission_viewer'].includes(role) && !jurisdictionCode) {
      throw errors.field('jurisdictionCode', '该角色必须指定管辖区域（县、市或省）', 'This role needs a jurisdiction');
    }
    if (jurisdictionCode) {
      const r = regions.get(jurisdictionCode);
      if (!r || !['county', 'city', 'province'].includes(r.level)) {
        throw errors.field(
          'jurisdictionCode',
          '管辖区域应为县、市或省的区划代码',
          'A jurisdiction is a county, city or province',
        );
      }
    }
    if (institutionId) {
      const inst = await trx.selectFrom('institution').select('id').where('id', '=', institutionId).executeTakeFirst();
      if (!inst) throw errors.field('institutionId', '机构不存在', 'Unknown institution');
    }
  }

  const listQuery = (trx: Parameters<Parameters<typeof withScope>[2]>[0]) =>
    trx
      .selectFrom('app_user')
      .leftJoin('institution', 'institution.id', 'app_user.institution_id')
      .select([
        'app_user.id',
        'app_user.username',
        'app_user.display_name',
        'app_user.role',
        'app_user.institution_id',
        'institution.name as institution_name',
        'app_user.jurisdiction_code',
        'app_user.permissions',
        'app_user.disabled',
        'app_user.locked_until',
        'app_user.totp_enabled',
        'app_user.must_change_password',
        'app_user.version',
      ]);
  type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];
  const toDto = (r: ListRow): UserDto => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    jurisdictionCode: r.jurisdiction_code,
    jurisdictionName: r.jurisdiction_code ? (regions.get(r.jurisdiction_code)?.name ?? null) : null,
    permissions: r.permissions,
    disabled: r.disabled,
    locked: !!r.locked_until && new Date(r.locked_until) > new Date(),
    totpEnabled: r.totp_enabled,
    mustChangePassword: r.must_change_password,
    version: r.version,
  });

  return {
    async list(_ctx: AuthContext, f: z.infer<typeof userListSchema>) {
      return withScope(db, none, async (trx) => {
        let q = listQuery(trx);
        if (f.q)
          q = q.where((eb) =>
            eb.or([eb('app_user.username', 'like', `%${f.q}%`), eb('app_user.display_name', 'like', `%${f.q}%`)]),
          );
        if (f.role) q = q.where('app_user.role', '=', f.role);
        const rows = await q
          .orderBy('app_user.username')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize)
          .execute();
        let cq = trx.selectFrom('app_user');
        if (f.q)
          cq = cq.where((eb) => eb.or([eb('username', 'like', `%${f.q}%`), eb('display_name', 'like', `%${f.q}%`)]));
        if (f.role) cq = cq.where('role', '=', f.role);
        const total = await cq.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
        return { items: rows.map(toDto), total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },
    /** Creates a user. Outside demo mode the password is one-time: it must be changed at first login. */
    async create(
      ctx: AuthContext,
      input: z.infer<typeof userCreateSchema>,
      opts: { demo?: boolean; mustChange?: boolean } = {},
    ) {
      const password = input.password || `Fy-${randomBytes(9).toString('base64url')}`;
      auth.validateNewPassword(password, input.username);
      return withScope(db, none, async (trx) => {
        await checkScopeFields(trx, input.role, input.institutionId, input.jurisdictionCode);
        const taken = await trx
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', input.username)
          .executeTakeFirst();
        if (taken) throw errors.conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, 'Username in use');
        const id = randomUUID();
        await trx
          .insertInto('app_user')
          .values({
            id,
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            institution_id: input.institutionId ?? null,
            jurisdiction_code: input.jurisdictionCode ?? null,
            permissions: input.permissions,
            password_hash: await hashPassword(password),
            must_change_password: opts.mustChange ?? true,
            is_demo: opts.demo ?? false,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          details: {
            username: input.username,
            role: input.role,
            institutionId: input.institutionId ?? null,
            jurisdictionCode: input.jurisdictionCode ?? null,
            permissions: input.permissions,
          },
        });
        const row = await listQuery(trx).where('app_user.id', '=', id).executeTakeFirstOrThrow();
        return { user: toDto(row), initialPassword: input.password ? undefined : password };
      });
    },
    async update(ctx: AuthContext, id: string, input: z.infer<typeof userUpdateSchema>) {
      const changed = await withScope(db, none, async (trx) => {
        const cur = await trx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
        if (!cur) throw errors.notFound('用户', 'user');
        if (cur.version !== input.version) throw errors.staleVersion(cur.version);
        if (id === ctx.userId && (input.disabled || (input.role && input.role !== cur.role))) {
          throw errors.forbidden('不能停用自己或修改自己的角色', 'You cannot disable yourself or change your own role');
        }
        const role = (input.role ?? cur.role) as Role;
        const inst = input.institutionId !== undefined ? input.institutionId : cur.institution_id;
        const jur = input.jurisdictionCode !== undefined ? input.jurisdictionCode : cur.jurisdiction_code;
        await checkScopeFields(trx, role, inst, jur);
        await trx
          .updateTable('app_user')
          .set({
            ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
            role,
            institution_id: inst,
            jurisdiction_code: jur,
            ...(input.permissions !== undefined ? { permissions: input.permissions } : {}),
            ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
            version: cur.version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .execute();
        if (input.disabled) {
          await trx
            .updateTable('session')
            .set({ revoked_at: new Date() })
            .where('user_id', '=', id)
            .where('revoked_at', 'is', null)
            .execute();
        }
        await audit.write(trx, ctx, {
          action: input.disabled ? 'user.disable' : 'user.update',
          entityType: 'user',
          entityId: id,
          details: {
            before: {
              role: cur.role,
              institutionId: cur.institution_id,
              jurisdictionCode: cur.jurisdiction_code,
              permissions: cur.permissions,
              disabled: cur.disabled,
            },
            after: {
              role,
              institutionId: inst,
              jurisdictionCode: jur,
              permissions: input.permissions ?? cur.permissions,
              disabled: input.disabled ?? cur.disabled,
            },
          },
        });
        const row = await listQuery(trx).where('app_user.id', '=', id).executeTakeFirstOrThrow();
        return toDto(row);
      });
      // the users and sessions changed: the next request of each session reads them again
      auth.forgetSessions();
      return changed;
    },
    /** Sets a one-time password, unlocks, and ends the user's sessions. */
    async resetPassword(ctx: AuthContext | null, username: string, password?: string) {
      const pw = password || `Fy-${randomBytes(9).toString('base64url')}`;
      auth.validateNewPassword(pw, username);
      const changed = await withScope(db, none, async (trx) => {
        const cur = await trx.selectFrom('app_user').select(['id']).where('username', '=', username).executeTakeFirst();
        if (!cur) throw errors.notFound('用户', 'user');
        await trx
          .updateTable('app_user')
          .set({
            password_hash: await hashPassword(pw),
            must_change_password: true,
            locked_until: null,
            password_changed_at: new Date(),
            version: sql`version + 1` as never,
          })
          .where('id', '=', cur.id)
          .execute();
        await trx
          .updateTable('session')
          .set({ revoked_at: new Date() })
          .where('user_id', '=', cur.id)
          .where('revoked_at', 'is', null)
          .execute();
        await audit.write(trx, ctx, {
          action: 'user.reset_password',
          entityType: 'user',
          entityId: cur.id,
          details: { username },
        });
        return { password: pw };
      });
      // the users and sessions changed: the next request of each session reads them again
      auth.forgetSessions();
      return changed;
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
