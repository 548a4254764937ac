import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { premaritalWorkbook } from './premarital.export';
import {
  marriageImportSchema,
  marriagePutSchema,
  premaritalCreateSchema,
  premaritalFollowUpSchema,
  premaritalListSchema,
  premaritalUpdateSchema,
} from './premarital.schemas';
import { idParams, personIdParams, yearQuerySchema } from './screening.schemas';
import { XLSX_TYPE, xlsxDisposition } from './women.common';

const tags = ['women 婚前保健'];

/** Premarital examinations, their follow-up, marriage registrations and the examination rate. */
export function premaritalRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const p = services.women.premarital;

  r.post(
    '/premarital-exams',
    { schema: { tags, summary: '登记婚前医学检查（男女双方；传染病结果加密保存）', body: premaritalCreateSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await p.create(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.exam);
    },
  );
  r.get(
    '/premarital-exams',
    {
      schema: {
        tags,
        summary: '婚前医学检查列表（followUp=overdue 为逾期随访清单）',
        querystring: premaritalListSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.list(ctx, req.query);
    },
  );
  r.get(
    '/premarital-exams/export.xlsx',
    { schema: { tags, summary: '导出婚前医学检查列表（xlsx，证件号码脱敏）', querystring: premaritalListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await p.list(ctx, req.query, { all: true });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('premarital-exams.xlsx', '婚前医学检查.xlsx'))
        .send(await premaritalWorkbook(items));
    },
  );
  r.get(
    '/premarital-exams/rate',
    { schema: { tags, summary: '婚前医学检查率（按县区，男女分计）', querystring: yearQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.rate(ctx, req.query.year);
    },
  );
  r.get(
    '/premarital-exams/:id',
    { schema: { tags, summary: '一次婚前医学检查（传染病结果需 pmtct 权限）', params: idParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.get(ctx, req.params.id);
    },
  );
  r.patch(
    '/premarital-exams/:id',
    { schema: { tags, summary: '修改婚前医学检查', params: idParams, body: premaritalUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return p.update(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/premarital-exams/:id/follow-up',
    { schema: { tags, summary: '登记随访结果', params: idParams, body: premaritalFollowUpSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return p.followUp(ctx, req.params.id, req.body);
    },
  );
  r.get(
    '/people/:personId/premarital-exams',
    { schema: { tags, summary: '个人的婚前医学检查', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.forPerson(ctx, req.params.personId);
    },
  );

  r.get(
    '/marriage-registrations',
    { schema: { tags, summary: '结婚登记对数（按县区、月份）', querystring: yearQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.registrations(ctx, req.query.year);
    },
  );
  r.put(
    '/marriage-registrations',
    { schema: { tags, summary: '录入或更正某县区某月结婚登记对数', body: marriagePutSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.supervise');
      return p.putRegistration(ctx, req.body);
    },
  );
  r.post(
    '/marriage-registrations/import',
    { schema: { tags, summary: '导入结婚登记对数（CSV：县区代码,年,月,对数）', body: marriageImportSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.supervise');
      return p.importRegistrations(ctx, req.body);
    },
  );
}
