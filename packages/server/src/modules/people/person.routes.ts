import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  duplicateCheckSchema,
  personCreateSchema,
  personIdParams,
  personSearchSchema,
  personUpdateSchema,
  revealSchema,
  transferSchema,
} from './person.schemas';

const tags = ['people 个人主索引'];

export function personRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/people', { schema: { tags, summary: '登记人员', body: personCreateSchema } }, async (req, reply) => {
    const ctx = requirePermission(req, 'person.write');
    const { person, created } = await services.people.create(ctx, req.body);
    return reply.status(created ? 201 : 200).send(person);
  });
  r.get(
    '/people',
    { schema: { tags, summary: '查找人员（身份证号、姓名、电话）', querystring: personSearchSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'person.read');
      return services.people.search(ctx, req.query.q, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/people/duplicates',
    { schema: { tags, summary: '登记前查重', querystring: duplicateCheckSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'person.write');
      return services.people.duplicates(ctx, req.query);
    },
  );
  r.get('/people/:id', { schema: { tags, summary: '人员档案', params: personIdParams } }, async (req) => {
    const ctx = requirePermission(req, 'person.read');
    return services.people.get(ctx, req.params.id);
  });
  r.patch(
    '/people/:id',
    { schema: { tags, summary: '修改人员档案', params: personIdParams, body: personUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'person.write');
      return services.people.update(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/people/:id/reveal',
    { schema: { tags, summary: '查看完整证件号码或电话（留痕）', params: personIdParams, body: revealSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'person.reveal');
      return services.people.reveal(ctx, req.params.id, req.body.field);
    },
  );
  r.post(
    '/people/:id/transfer',
    { schema: { tags, summary: '转出到其他县区', params: personIdParams, body: transferSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'person.transfer');
      return services.people.transfer(ctx, req.params.id, req.body);
    },
  );
}
