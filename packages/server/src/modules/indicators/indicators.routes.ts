import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  getIndicatorMeasure,
  indicatorCatalogue,
  indicatorMeasures,
  measuresOfIndicator,
  type IndicatorTarget,
} from '@fuyou/core';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { levelOfMeasure } from './engine';
import {
  compareQuerySchema,
  computeQuerySchema,
  dashboardQuerySchema,
  trendQuerySchema,
  indicatorParams,
  indicatorQuerySchema,
  membersQuerySchema,
  rowVersionQuery,
  targetBodySchema,
  targetIdParams,
  targetListSchema,
  targetQuerySchema,
  versionChoiceSchema,
} from './indicators.schemas';
import { aggregateMeasures, baseMeasures, sumMeasures, unavailableById } from './measures/index';
import { requireAuth } from '../../platform/http';

const tags = ['indicators 指标'];

/** Status of each measure of core's catalogue in this engine. */
export function measureStatus() {
  return indicatorMeasures.map((m) => {
    const u = unavailableById.get(m.id);
    const def = baseMeasures.get(m.id) ?? sumMeasures.get(m.id);
    const agg = aggregateMeasures.get(m.id);
    return {
      id: m.id,
      zh: m.zh,
      en: m.en,
      status: u ? ('unavailable' as const) : ('implemented' as const),
      kind: agg ? 'aggregate' : sumMeasures.has(m.id) ? 'sum' : baseMeasures.has(m.id) ? 'records' : 'none',
      level: levelOfMeasure(m.id),
      noteZh: def?.noteZh ?? agg?.noteZh ?? null,
      noteEn: def?.noteEn ?? agg?.noteEn ?? null,
      reasonZh: u?.reasonZh ?? null,
      reasonEn: u?.reasonEn ?? null,
    };
  });
}

/** Routes of the indicator engine and targets. */
export function indicatorEngineRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = services.indicators;

  r.get('/indicators/catalogue', { schema: { tags, summary: '指标目录（含各计数项的实现状态）' } }, async (req) => {
    requireAuth(req);
    const status = new Map(measureStatus().map((m) => [m.id, m]));
    return indicatorCatalogue.map((d) => ({
      ...d,
      measures: measuresOfIndicator(d).map(
        (id) => status.get(id) ?? { id, zh: getIndicatorMeasure(id)?.zh ?? id, status: 'unavailable' },
      ),
    }));
  });
  r.get('/indicators/measures', { schema: { tags, summary: '计数项及其实现状态' } }, async (req) => {
    requireAuth(req);
    return measureStatus();
  });
  r.get(
    '/indicators/home',
    { schema: { tags, summary: '指标首页：默认地区、可选地区与当前报告年度' } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.home(ctx);
    },
  );
  r.get(
    '/indicators/values',
    { schema: { tags, summary: '地区与统计周期的指标值（实时计算）', querystring: computeQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      const q = req.query;
      return s.engine.compute(ctx, {
        regionCode: q.regionCode,
        period: q.period,
        basis: q.basis,
        indicatorIds: q.indicators ? q.indicators.split(',').filter(Boolean) : undefined,
        groupBy: q.groupBy,
      });
    },
  );
  r.get(
    '/indicators/values/:id',
    {
      schema: {
        tags,
        summary: '单个指标（分子、分母、率、置信区间、分县）',
        params: indicatorParams,
        querystring: indicatorQuerySchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.engine.computeOne(ctx, { ...req.query, indicatorId: req.params.id });
    },
  );

  r.get(
    '/indicators/values/:id/members',
    {
      schema: {
        tags,
        summary: '指标的个案名单（分子、分母、未达到者；证件号码脱敏；留痕）',
        params: indicatorParams,
        querystring: membersQuerySchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.drilldown.members(ctx, { ...req.query, indicatorId: req.params.id });
    },
  );
  r.get(
    '/indicators/values/:id/members.xlsx',
    {
      schema: {
        tags,
        summary: '导出个案名单（xlsx，证件号码脱敏；留痕）',
        params: indicatorParams,
        querystring: membersQuerySchema,
      },
    },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const { buffer, filename } = await s.drilldown.exportXlsx(ctx, { ...req.query, indicatorId: req.params.id });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="members.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );

  // dashboard
  r.get(
    '/indicators/dashboard',
    {
      schema: {
        tags,
        summary: '指标看板：指标卡（值、目标、达标情况、环比）与下级地区',
        querystring: dashboardQuerySchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.dashboard.cards(ctx, { ...req.query, all: req.query.all === 'true' });
    },
  );
  r.get(
    '/indicators/dashboard.xlsx',
    { schema: { tags, summary: '导出指标看板（xlsx）', querystring: dashboardQuerySchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'indicator.read');
      const { buffer, filename } = await s.dashboard.xlsx(ctx, { ...req.query, all: req.query.all === 'true' });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  r.get(
    '/indicators/trend',
    { schema: { tags, summary: '指标逐月趋势（12个月）', querystring: trendQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.dashboard.trend(ctx, req.query);
    },
  );
  r.get(
    '/indicators/ranking',
    { schema: { tags, summary: '下级地区排名', querystring: trendQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      return s.dashboard.ranking(ctx, req.query);
    },
  );

  r.get(
    '/indicators/compare',
    { schema: { tags, summary: '下级地区并列：各地区关键指标及达标情况', querystring: compareQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'indicator.read');
      const q = req.query;
      return s.dashboard.compare(ctx, {
        regionCode: q.regionCode,
        period: q.period,
        basis: q.basis,
        indicators: q.indicators ? q.indicators.split(',').filter(Boolean) : undefined,
      });
    },
  );

  // targets
  r.get(
    '/indicator-targets/applied',
    { schema: { tags, summary: '某地区某年适用的目标值（含继承）', querystring: targetQuerySchema } },
    async (req) => {
      const ctx = requireAuth(req);
      return s.targets.forRegion(ctx, req.query.regionCode, req.query.year);
    },
  );
  r.get(
    '/indicator-targets',
    { schema: { tags, summary: '目标值列表', querystring: targetListSchema } },
    async (req) => {
      const ctx = requireAuth(req);
      return s.targets.list(ctx, req.query);
    },
  );
  r.post(
    '/indicator-targets',
    { schema: { tags, summary: '设置目标值（系统管理员、卫健委）', body: targetBodySchema } },
    async (req) => {
      const ctx = requireAuth(req);
      return s.targets.upsert(ctx, { ...req.body, comparator: req.body.comparator as IndicatorTarget['comparator'] });
    },
  );
  r.delete(
    '/indicator-targets/:id',
    { schema: { tags, summary: '删除本地区目标值（恢复继承）', params: targetIdParams, querystring: rowVersionQuery } },
    async (req) => {
      const ctx = requireAuth(req);
      return s.targets.remove(ctx, req.params.id, req.query.rowVersion);
    },
  );
  r.get('/indicator-versions', { schema: { tags, summary: '各地区选用的指标口径版本' } }, async (req) => {
    const ctx = requireAuth(req);
    return s.targets.versionChoices(ctx);
  });
  r.post(
    '/indicator-versions',
    { schema: { tags, summary: '设置地区选用的指标口径版本', body: versionChoiceSchema } },
    async (req) => {
      const ctx = requireAuth(req);
      return s.targets.setVersion(ctx, req.body);
    },
  );
}
