import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { QualityRecordType, QualityRuleKind, QualitySeverity } from '@fuyou/core';
import { requireAuth, requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  configBodySchema,
  configQuerySchema,
  problemsExportQuerySchema,
  problemsQuerySchema,
  ruleSummaryQuerySchema,
  rulesQuerySchema,
  runListQuerySchema,
  runParams,
  runRequestSchema,
  scoresQuerySchema,
  trendQuerySchema,
} from './quality.schemas';

const tags = ['quality 数据质控'];

type Filters = { kind?: string | undefined; severity?: string | undefined; recordType?: string | undefined };
const typed = <T extends Filters>(q: T) => ({
  ...q,
  kind: q.kind as QualityRuleKind | undefined,
  severity: q.severity as QualitySeverity | undefined,
  recordType: q.recordType as QualityRecordType | undefined,
});

/** Routes of data-quality control under /api/v1/quality. */
export function qualityRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = services.quality;

  r.get('/quality/home', { schema: { tags, summary: '质控首页：默认地区与可选地区、权限' } }, async (req) =>
    s.queries.home(requirePermission(req, 'quality.read')),
  );
  r.get(
    '/quality/rules',
    { schema: { tags, summary: '质控规则目录（含地区的权重与启用情况）', querystring: rulesQuerySchema } },
    async (req) => s.queries.rules(requireAuth(req), req.query.regionCode),
  );
  r.post(
    '/quality/runs',
    { schema: { tags, summary: '立即运行质控（地区内每个县区排队一次）', body: runRequestSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'quality.run');
      return reply.status(202).send(await s.runs.request(ctx, req.body));
    },
  );
  r.get('/quality/runs', { schema: { tags, summary: '质控运行记录', querystring: runListQuerySchema } }, async (req) =>
    s.runs.list(requirePermission(req, 'quality.read'), req.query),
  );
  r.get(
    '/quality/runs/:id',
    { schema: { tags, summary: '一次质控运行（状态、得分、问题数）', params: runParams } },
    async (req) => s.runs.get(requirePermission(req, 'quality.read'), req.params.id),
  );
  r.get(
    '/quality/scores',
    { schema: { tags, summary: '质控得分（按县区或机构，取各县最近一次运行）', querystring: scoresQuerySchema } },
    async (req) => s.queries.scores(requirePermission(req, 'quality.read'), req.query),
  );
  r.get(
    '/quality/rule-summary',
    { schema: { tags, summary: '各规则的检查数与问题数', querystring: ruleSummaryQuerySchema } },
    async (req) => s.queries.ruleSummary(requirePermission(req, 'quality.read'), req.query),
  );
  r.get('/quality/trend', { schema: { tags, summary: '质控得分趋势', querystring: trendQuerySchema } }, async (req) =>
    s.queries.trend(requirePermission(req, 'quality.read'), req.query),
  );
  r.get(
    '/quality/problems',
    {
      schema: {
        tags,
        summary: '问题清单（证件号码脱敏；查看姓名留痕），每条附修改链接',
        querystring: problemsQuerySchema,
      },
    },
    async (req) => s.queries.problems(requirePermission(req, 'quality.read'), typed(req.query)),
  );
  r.get(
    '/quality/problems.xlsx',
    { schema: { tags, summary: '导出问题清单（xlsx，证件号码脱敏；留痕）', querystring: problemsExportQuerySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'quality.read');
      const { buffer, filename } = await s.queries.exportXlsx(ctx, typed(req.query));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="quality-problems.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  r.get(
    '/quality/config',
    { schema: { tags, summary: '地区的质控配置（生效值、本级设置与继承）', querystring: configQuerySchema } },
    async (req) => s.queries.config(requireAuth(req), req.query.regionCode),
  );
  r.put(
    '/quality/config',
    { schema: { tags, summary: '设置地区的质控配置（系统管理员、卫健委）', body: configBodySchema } },
    async (req) => s.queries.setConfig(requireAuth(req), req.body),
  );
}
