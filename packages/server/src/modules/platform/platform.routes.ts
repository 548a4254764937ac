import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth, requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { uuid } from '../../platform/validation';
import { institutionInputSchema, institutionListSchema, institutionUpdateSchema } from './institution.service';
import { regionAltitudeSchema } from './region-altitude.service';
import { userCreateSchema, userListSchema, userUpdateSchema } from './user.service';

const idParams = z.object({ id: uuid });

export function platformRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { regions } = services;

  // ---- regions (reference data: any logged-in user may browse)
  r.get(
    '/regions',
    {
      schema: {
        tags: ['regions 行政区划'],
        summary: '行政区划：某区划的下级，或按名称查找',
        querystring: z.object({
          parent: z
            .string()
            .regex(/^\d{6}(\d{3})?$/)
            .optional(),
          q: z.string().trim().max(30).optional(),
        }),
      },
    },
    async (req) => {
      requireAuth(req);
      if (req.query.q) return { items: services.regionSearch(req.query.q) };
      const parent = req.query.parent ?? '000000';
      const node = regions.get(parent);
      return {
        region: node ?? null,
        ancestors: node ? regions.ancestors(parent).reverse() : [],
        items: regions.children(parent).sort((a, b) => a.code.localeCompare(b.code)),
      };
    },
  );
  r.get(
    '/regions/:code',
    {
      schema: {
        tags: ['regions 行政区划'],
        params: z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字') }),
      },
    },
    async (req, reply) => {
      requireAuth(req);
      const node = regions.get(req.params.code);
      if (!node)
        return reply.status(404).send({
          error: {
            code: 'NOT_FOUND',
            message: '区划不存在',
            messageZh: '区划不存在',
            messageEn: 'Region not found',
            fields: [],
            requestId: req.id,
          },
        });
      return {
        ...node,
        ancestors: regions.ancestors(node.code).reverse(),
        countyCode: regions.countyOf(node.code) ?? null,
      };
    },
  );

  r.get(
    '/regions/:code/altitude',
    {
      schema: {
        tags: ['regions 行政区划'],
        summary: '区划海拔（本级设置与实际沿用的值）',
        params: z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字') }),
      },
    },
    async (req) => {
      requireAuth(req);
      return services.regionAltitude.get(req.params.code);
    },
  );
  r.put(
    '/regions/:code/altitude',
    {
      schema: {
        tags: ['regions 行政区划'],
        summary: '设置区划海拔（儿童血红蛋白海拔校正，下级区划未设置时沿用）',
        params: z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字') }),
        body: regionAltitudeSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'institution.manage');
      return services.regionAltitude.set(ctx, req.params.code, req.body);
    },
  );

  // ---- institutions
  const it = ['institutions 机构'];
  r.get(
    '/institutions',
    { schema: { tags: it, summary: '机构列表', querystring: institutionListSchema } },
    async (req) => {
      const ctx = requireAuth(req);
      return services.institutions.list(ctx, req.query);
    },
  );
  r.get('/institutions/:id', { schema: { tags: it, params: idParams } }, async (req) => {
    requireAuth(req);
    return services.institutions.get(req.params.id);
  });
  r.post(
    '/institutions',
    { schema: { tags: it, summary: '新建机构', body: institutionInputSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'institution.manage');
      return reply.status(201).send(await services.institutions.create(ctx, req.body));
    },
  );
  r.patch(
    '/institutions/:id',
    { schema: { tags: it, summary: '修改或停用机构', params: idParams, body: institutionUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'institution.manage');
      return services.institutions.update(ctx, req.params.id, req.body);
    },
  );

  // ---- users (security administrator)
  const ut = ['users 用户'];
  r.get('/users', { schema: { tags: ut, summary: '用户列表', querystring: userListSchema } }, async (req) => {
    const ctx = requirePermission(req, 'user.manage');
    return services.users.list(ctx, req.query);
  });
  r.post(
    '/users',
    { schema: { tags: ut, summary: '新建用户（首次登录须修改密码）', body: userCreateSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'user.manage');
      return reply.status(201).send(await services.users.create(ctx, req.body));
    },
  );
  r.patch(
    '/users/:id',
    { schema: { tags: ut, summary: '修改用户角色、范围或停用', params: idParams, body: userUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'user.manage');
      return services.users.update(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/users/:id/reset-password',
    { schema: { tags: ut, summary: '重置密码（生成一次性密码）', params: idParams } },
    async (req) => {
      const ctx = requirePermission(req, 'user.manage');
      const username = await services.usernameOf(req.params.id);
      return services.users.resetPassword(ctx, username);
    },
  );
}
