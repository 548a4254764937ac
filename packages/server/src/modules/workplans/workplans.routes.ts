import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth, requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  attachmentParams,
  planCreateSchema,
  planListQuerySchema,
  planParams,
  planUpdateSchema,
  planViewQuerySchema,
  progressCreateSchema,
  rowVersionQuery,
  taskCreateSchema,
  taskParams,
  taskUpdateSchema,
} from './workplans.schemas';

const tags = ['workplans 工作计划'];

function attachmentHeader(filename: string, ascii: string) {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Routes of work plans under /api/v1. */
export function workPlanRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = services.workplans;

  r.get(
    '/work-plans',
    { schema: { tags, summary: '工作计划列表（含任务完成与逾期情况）', querystring: planListQuerySchema } },
    async (req) => s.list(requirePermission(req, 'workplan.read'), req.query),
  );
  r.get('/work-plans/my-tasks', { schema: { tags, summary: '本机构作为责任单位的任务' } }, async (req) =>
    s.myTasks(requirePermission(req, 'workplan.read')),
  );
  r.post(
    '/work-plans',
    { schema: { tags, summary: '新建工作计划（系统管理员、卫健委）', body: planCreateSchema } },
    async (req) => s.create(requireAuth(req), req.body),
  );
  r.get(
    '/work-plans/:id',
    {
      schema: {
        tags,
        summary: '工作计划及其任务（责任单位、时限、目标与实时指标值）',
        params: planParams,
        querystring: planViewQuerySchema,
      },
    },
    async (req) =>
      s.get(requirePermission(req, 'workplan.read'), req.params.id, {
        live: req.query.live !== 'false',
        evalYear: req.query.evalYear,
      }),
  );
  r.get('/work-plans/:id/units', { schema: { tags, summary: '按责任单位查看任务', params: planParams } }, async (req) =>
    s.byUnit(requirePermission(req, 'workplan.read'), req.params.id),
  );
  r.get(
    '/work-plans/:id/tasks.xlsx',
    { schema: { tags, summary: '导出工作计划任务（xlsx）', params: planParams, querystring: planViewQuerySchema } },
    async (req, reply) => {
      const { buffer, filename } = await s.exportXlsx(
        requirePermission(req, 'workplan.read'),
        req.params.id,
        req.query.evalYear,
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(filename, 'work-plan.xlsx'))
        .send(buffer);
    },
  );
  r.patch(
    '/work-plans/:id',
    { schema: { tags, summary: '修改工作计划（版本号不符返回409）', params: planParams, body: planUpdateSchema } },
    async (req) => s.update(requireAuth(req), req.params.id, req.body),
  );
  r.delete(
    '/work-plans/:id',
    { schema: { tags, summary: '删除没有进展报告的工作计划', params: planParams, querystring: rowVersionQuery } },
    async (req) => s.remove(requireAuth(req), req.params.id, req.query.rowVersion),
  );
  r.post(
    '/work-plans/:id/tasks',
    { schema: { tags, summary: '新增任务', params: planParams, body: taskCreateSchema } },
    async (req) => s.addTask(requireAuth(req), req.params.id, req.body),
  );
  r.patch(
    '/work-plan-tasks/:taskId',
    { schema: { tags, summary: '修改任务（版本号不符返回409）', params: taskParams, body: taskUpdateSchema } },
    async (req) => s.updateTask(requireAuth(req), req.params.taskId, req.body),
  );
  r.delete(
    '/work-plan-tasks/:taskId',
    { schema: { tags, summary: '删除没有进展报告的任务', params: taskParams, querystring: rowVersionQuery } },
    async (req) => s.removeTask(requireAuth(req), req.params.taskId, req.query.rowVersion),
  );
  r.get(
    '/work-plan-tasks/:taskId/progress',
    { schema: { tags, summary: '任务的进展报告', params: taskParams } },
    async (req) => s.progress(requirePermission(req, 'workplan.read'), req.params.taskId),
  );
  r.post(
    '/work-plan-tasks/:taskId/progress',
    { schema: { tags, summary: '报告任务进展（文字、链接、附件）', params: taskParams, body: progressCreateSchema } },
    async (req) => s.addProgress(requireAuth(req), req.params.taskId, req.body),
  );
  r.get(
    '/work-plan-attachments/:attachmentId',
    { schema: { tags, summary: '下载进展报告的附件', params: attachmentParams } },
    async (req, reply) => {
      const a = await s.attachment(requirePermission(req, 'workplan.read'), req.params.attachmentId);
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', attachmentHeader(a.filename, 'attachment'))
        .header('x-content-type-options', 'nosniff')
        .send(a.content);
    },
  );
}
