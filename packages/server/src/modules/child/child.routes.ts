import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { childListSchema, childProfilePutSchema, childRegisterSchema, personIdParams } from './child.schemas';

const tags = ['child 儿童保健'];

/** Child record routes: register, complete the profile, list, the child's page, schedule. */
export function childProfileRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/children',
    { schema: { tags, summary: '直接登记儿童（外地出生、迁入）', body: childRegisterSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await services.child.profiles.register(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out);
    },
  );
  r.get('/children', { schema: { tags, summary: '儿童列表', querystring: childListSchema } }, async (req) => {
    const ctx = requirePermission(req, 'care.read');
    return services.child.profiles.list(ctx, req.query);
  });
  r.get(
    '/children/:personId',
    { schema: { tags, summary: '儿童保健档案（出生、母亲、计划、体检、专案）', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return services.child.page.get(ctx, req.params.personId);
    },
  );
  r.put(
    '/children/:personId/profile',
    {
      schema: {
        tags,
        summary: '完善儿童档案（出生信息、手册编号）',
        params: personIdParams,
        body: childProfilePutSchema,
      },
    },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await services.child.profiles.putProfile(ctx, req.params.personId, req.body);
      return reply.status(out.created ? 201 : 200).send(out.profile);
    },
  );
}
