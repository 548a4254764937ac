import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { annualReportPdf, annualReportXlsx } from './annual-report.export';
import { annualReportQuerySchema, parseTables } from './reports.schemas';

const tags = ['reports 年报'];

const disposition = (ascii: string, filename: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Routes of the annual report (年报): JSON for the page, xlsx and PDF for the files. */
export function annualReportRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = services.indicators.annualReport;

  r.get(
    '/reports/annual',
    {
      schema: {
        tags,
        summary: '妇幼健康年报（卫统41/42/43/44/46式样，与指标看板同一计算）',
        querystring: annualReportQuerySchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.compute(ctx, { ...req.query, tables: parseTables(req.query.tables) });
    },
  );
  r.get(
    '/reports/annual.xlsx',
    { schema: { tags, summary: '导出年报（xlsx，按纸质报表式样）', querystring: annualReportQuerySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const q = { ...req.query, tables: parseTables(req.query.tables) };
      const { buffer, filename } = await annualReportXlsx(await s.compute(ctx, q));
      await s.recordExport(ctx, q, 'xlsx');
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('annual-report.xlsx', filename))
        .send(buffer);
    },
  );
  r.get(
    '/reports/annual.pdf',
    { schema: { tags, summary: '导出年报（PDF）', querystring: annualReportQuerySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const q = { ...req.query, tables: parseTables(req.query.tables) };
      const { buffer, filename } = await annualReportPdf(await s.compute(ctx, q));
      await s.recordExport(ctx, q, 'pdf');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', disposition('annual-report.pdf', filename))
        .send(buffer);
    },
  );
}
