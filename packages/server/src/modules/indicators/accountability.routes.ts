import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { noticePdf, noticeXlsx, summonsXlsx } from './accountability.export';
import {
  actionBodySchema,
  actionPatchSchema,
  idParams,
  laggingQuerySchema,
  noticeBodySchema,
  noticeListSchema,
  summonsBodySchema,
  summonsListSchema,
  summonsPatchSchema,
} from './reports.schemas';

const tags = ['accountability 通报约谈'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (ascii: string, filename: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Routes of the lagging units, notices (通报) and summons (约谈). */
export function accountabilityRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const a = services.indicators.accountability;
  const sm = services.indicators.summons;

  r.get(
    '/accountability/lagging',
    { schema: { tags, summary: '未达标单位（按差距排名）', querystring: laggingQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return a.lagging(ctx, req.query);
    },
  );

  r.post(
    '/accountability/notices',
    { schema: { tags, summary: '印发通报（点名未达标单位和指标，保存当时的数据）', body: noticeBodySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const out = await a.createNotice(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.notice);
    },
  );
  r.get(
    '/accountability/notices',
    { schema: { tags, summary: '通报列表', querystring: noticeListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return a.listNotices(ctx, req.query);
    },
  );
  r.get('/accountability/notices/:id', { schema: { tags, summary: '通报详情', params: idParams } }, async (req) => {
    const ctx = requirePermission(req, 'indicator.read');
    return a.getNotice(ctx, req.params.id);
  });
  r.get(
    '/accountability/notices/:id/notice.pdf',
    { schema: { tags, summary: '通报文件（PDF）', params: idParams } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const { buffer, filename } = await noticePdf(await a.getNotice(ctx, req.params.id));
      await a.recordNoticeExport(ctx, req.params.id, 'pdf');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', disposition('notice.pdf', filename))
        .send(buffer);
    },
  );
  r.get(
    '/accountability/notices/:id/notice.xlsx',
    { schema: { tags, summary: '通报文件（xlsx）', params: idParams } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const { buffer, filename } = await noticeXlsx(await a.getNotice(ctx, req.params.id));
      await a.recordNoticeExport(ctx, req.params.id, 'xlsx');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', disposition('notice.xlsx', filename))
        .send(buffer);
    },
  );

  r.post(
    '/accountability/summons',
    { schema: { tags, summary: '登记约谈（参加人员、整改措施与期限）', body: summonsBodySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const out = await sm.create(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.summons);
    },
  );
  r.get(
    '/accountability/summons',
    { schema: { tags, summary: '约谈记录（可按状态、单位、日期筛选；逾期整改标出）', querystring: summonsListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return sm.list(ctx, req.query);
    },
  );
  r.get(
    '/accountability/summons.xlsx',
    { schema: { tags, summary: '导出约谈记录与整改措施（xlsx）', querystring: summonsListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const { page, pageSize, ...filters } = req.query;
      void page;
      void pageSize;
      const { buffer, filename } = await summonsXlsx(await sm.exportRows(ctx, filters));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', disposition('summons.xlsx', filename))
        .send(buffer);
    },
  );
  r.get('/accountability/summons/:id', { schema: { tags, summary: '约谈详情', params: idParams } }, async (req) => {
    const ctx = requirePermission(req, 'indicator.read');
    return sm.get(ctx, req.params.id);
  });
  r.patch(
    '/accountability/summons/:id',
    { schema: { tags, summary: '修改约谈记录（约谈机关）', params: idParams, body: summonsPatchSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return sm.update(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/accountability/summons/:id/actions',
    { schema: { tags, summary: '增加整改措施', params: idParams, body: actionBodySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      return reply.status(201).send(await sm.addAction(ctx, req.params.id, req.body));
    },
  );
  r.patch(
    '/accountability/actions/:id',
    { schema: { tags, summary: '修改或完成整改措施', params: idParams, body: actionPatchSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return sm.updateAction(ctx, req.params.id, req.body);
    },
  );
}
