import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonOnce } from '../../platform/answer-cache';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { uuid } from '../../platform/validation';
import { WORK_KINDS } from './worklist.service';
import {
  idParams,
  personIdParams,
  pregnancyCreateSchema,
  pregnancyEndSchema,
  pregnancyUpdateSchema,
} from './maternal.schemas';

const tags = ['maternal 孕产期保健'];

/** Registration, the woman's pregnancies, ending a pregnancy, supervisors' alerts. */
export function pregnancyRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const m = services.maternal;

  r.post(
    '/pregnancies',
    {
      schema: {
        tags,
        summary: '孕产妇建册（计算预产期、孕周、早孕建册、流动人口、未成年提醒）',
        body: pregnancyCreateSchema,
      },
    },
    async (req, reply) => {
      const out = await m.pregnancies.register(requirePermission(req, 'care.write'), req.body);
      return reply.status(out.created ? 201 : 200).send(out.pregnancy);
    },
  );
  r.get('/pregnancies/:id', { schema: { tags, summary: '孕产妇保健册', params: idParams } }, async (req) =>
    m.pregnancies.get(requirePermission(req, 'care.read'), req.params.id),
  );
  r.patch(
    '/pregnancies/:id',
    { schema: { tags, summary: '修改建册信息（重新推算）', params: idParams, body: pregnancyUpdateSchema } },
    async (req) => m.pregnancies.update(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/pregnancies/:id/end',
    {
      schema: {
        tags,
        summary: '妊娠终止或结束管理（流产、异位妊娠、转出、失访）',
        params: idParams,
        body: pregnancyEndSchema,
      },
    },
    async (req) => m.pregnancies.end(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.get(
    '/women/:personId/pregnancies',
    { schema: { tags, summary: '孕产妇的历次妊娠', params: personIdParams } },
    async (req) => m.pregnancies.listForWoman(requirePermission(req, 'care.read'), req.params.personId),
  );

  r.get(
    '/women/:personId/maternal',
    {
      schema: {
        tags,
        summary: '孕产妇页面：历次妊娠、时间线、颜色、体重增长曲线、待办',
        params: personIdParams,
        querystring: z.object({ pregnancyId: uuid.optional() }),
      },
    },
    async (req) => m.page.womanPage(requirePermission(req, 'care.read'), req.params.personId, req.query.pregnancyId),
  );
  r.get(
    '/maternal-worklist',
    {
      schema: {
        tags,
        summary: '孕产妇保健工作清单（本周应检、逾期、未评估、高危报告、转诊、产前诊断、母婴阻断）',
        querystring: z.object({
          institutionId: uuid.optional(),
          township: z
            .string()
            .regex(/^\d{9}$/, '乡镇区划代码应为9位数字')
            .optional(),
          kind: z.enum(WORK_KINDS, '任务类型无效').optional(),
          horizon: z.coerce.number().int().min(0).max(60).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(jsonOnce(await m.worklist.worklist(requirePermission(req, 'care.read'), req.query))),
  );

  r.get(
    '/maternal-alerts',
    {
      schema: {
        tags,
        summary: '妇幼保健管理人员的提醒（未成年妊娠、孕产妇死亡）',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req) => m.alerts.list(requirePermission(req, 'care.supervise'), { all: req.query.all === 'true' }),
  );
  r.post('/maternal-alerts/:id/acknowledge', { schema: { tags, summary: '确认提醒', params: idParams } }, async (req) =>
    m.alerts.acknowledge(requirePermission(req, 'care.supervise'), req.params.id),
  );
}
