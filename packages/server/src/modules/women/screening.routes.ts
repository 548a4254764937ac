import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { caseWorkbook, screeningWorkbook } from './screening.export';
import {
  caseListSchema,
  caseStepSchema,
  eligibilityQuerySchema,
  idParams,
  personIdParams,
  screeningCreateSchema,
  screeningListSchema,
  screeningUpdateSchema,
  targetPutSchema,
  yearQuerySchema,
} from './screening.schemas';
import { XLSX_TYPE, xlsxDisposition } from './women.common';

const tags = ['women 两癌筛查'];

/** Two-cancer screening: records, follow-up cases, overdue worklist, target population and coverage. */
export function screeningRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const w = services.women;

  r.post(
    '/cancer-screenings',
    { schema: { tags, summary: '登记两癌筛查（计算下一步；异常结果自动建立随访个案）', body: screeningCreateSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await w.screenings.create(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.screening);
    },
  );
  r.get(
    '/cancer-screenings',
    { schema: { tags, summary: '两癌筛查列表（机构、日期、结果、随访状态）', querystring: screeningListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.screenings.list(ctx, req.query);
    },
  );
  r.get(
    '/cancer-screenings/export.xlsx',
    { schema: { tags, summary: '导出两癌筛查列表（xlsx，证件号码脱敏）', querystring: screeningListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await w.screenings.list(ctx, req.query, { all: true });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('cancer-screenings.xlsx', '两癌筛查.xlsx'))
        .send(await screeningWorkbook(items));
    },
  );
  r.get(
    '/cancer-screenings/coverage',
    { schema: { tags, summary: '筛查覆盖率、随访率、早诊率、治疗率（按县区）', querystring: yearQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.coverage.coverage(ctx, req.query.year);
    },
  );
  r.get(
    '/cancer-screenings/:id',
    { schema: { tags, summary: '一条筛查记录（含随访个案）', params: idParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.screenings.get(ctx, req.params.id);
    },
  );
  r.patch(
    '/cancer-screenings/:id',
    { schema: { tags, summary: '补充或更正初筛结果', params: idParams, body: screeningUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return w.screenings.update(ctx, req.params.id, req.body);
    },
  );
  r.get(
    '/people/:personId/cancer-screenings',
    { schema: { tags, summary: '妇女的两癌筛查史、资格和下次筛查日期', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.screenings.forPerson(ctx, req.params.personId);
    },
  );
  r.get(
    '/people/:personId/cancer-screening-eligibility',
    {
      schema: {
        tags,
        summary: '两癌筛查资格（年龄、人群）',
        params: personIdParams,
        querystring: eligibilityQuerySchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.screenings.eligibility(ctx, req.params.personId, req.query.date, req.query.cohort);
    },
  );

  r.get(
    '/cancer-screening-cases',
    { schema: { tags, summary: '两癌异常随访个案（overdue=true 为逾期工作清单）', querystring: caseListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.screenings.cases(ctx, req.query);
    },
  );
  r.get(
    '/cancer-screening-cases/export.xlsx',
    { schema: { tags, summary: '导出随访个案（xlsx，证件号码脱敏）', querystring: caseListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await w.screenings.cases(ctx, req.query, { all: true });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('cancer-screening-cases.xlsx', '两癌异常随访.xlsx'))
        .send(await caseWorkbook(items));
    },
  );
  r.get('/cancer-screening-cases/:id', { schema: { tags, summary: '随访个案详情', params: idParams } }, async (req) => {
    const ctx = requirePermission(req, 'care.read');
    return w.screenings.getCase(ctx, req.params.id);
  });
  r.post(
    '/cancer-screening-cases/:id/steps',
    {
      schema: {
        tags,
        summary: '登记随访步骤（告知、进一步检查、病理、治疗、失访…；不可能的步骤返回422）',
        params: idParams,
        body: caseStepSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return w.screenings.step(ctx, req.params.id, req.body);
    },
  );

  r.get(
    '/cancer-screening-targets',
    { schema: { tags, summary: '适龄妇女人数（人口普查数，覆盖率分母）', querystring: yearQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return w.coverage.targets(ctx, req.query.year);
    },
  );
  r.put(
    '/cancer-screening-targets',
    { schema: { tags, summary: '录入或更正县区适龄妇女人数', body: targetPutSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.supervise');
      return w.coverage.putTarget(ctx, req.body);
    },
  );
}
