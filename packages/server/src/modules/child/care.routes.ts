import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonOnce } from '../../platform/answer-cache';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  caseCloseSchema,
  caseConfirmSchema,
  caseDismissSchema,
  caseFollowupSchema,
  caseIdParams,
  caseLedgerSchema,
  caseOpenSchema,
  childScreeningFollowUpSchema,
  childScreeningSchema,
  missedScreeningSchema,
  newbornKindParams,
  newbornStepBodySchema,
  childDeathReviewSchema,
  childDeathSchema,
  childDeathUpdateSchema,
  deathListSchema,
  exposureFinalSchema,
  exposureRecordSchema,
  exposureSchema,
  versionSchema,
  worklistSchema,
  checkupInputSchema,
  checkupUpdateSchema,
  facilityEvaluationSchema,
  facilityListSchema,
  idParams,
  institutionIdParams,
  personAndIdParams,
  personIdParams,
  referralReceiptSchema,
  referralSchema,
} from './child.schemas';
import { ledgerWorkbook } from './case.export';

const tags = ['child 儿童保健'];

/** Check-ups, growth charts, cases, referrals, the ledger, childcare facilities. */
export function childCareRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const c = services.child;

  r.post(
    '/children/:personId/checkups',
    {
      schema: {
        tags,
        summary: '记录儿童健康检查（计算Z评分、营养评价、专案建议）',
        params: personIdParams,
        body: checkupInputSchema,
      },
    },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await c.checkups.create(ctx, req.params.personId, req.body);
      return reply.status(out.created ? 201 : 200).send(out.checkup);
    },
  );
  r.get(
    '/children/:personId/checkups',
    { schema: { tags, summary: '体检记录', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return c.checkups.list(ctx, req.params.personId);
    },
  );
  r.get(
    '/children/:personId/checkups/:id',
    { schema: { tags, summary: '一次体检', params: personAndIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return c.checkups.get(ctx, req.params.personId, req.params.id);
    },
  );
  r.patch(
    '/children/:personId/checkups/:id',
    { schema: { tags, summary: '更正体检记录（重新计算）', params: personAndIdParams, body: checkupUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return c.checkups.update(ctx, req.params.personId, req.params.id, req.body);
    },
  );
  r.get(
    '/children/:personId/growth',
    {
      schema: {
        tags,
        summary: '生长曲线（−3…+3SD 与儿童测量点）',
        params: personIdParams,
        querystring: z.object({
          indicator: z.enum(['wfa', 'lhfa', 'bmifa', 'hcfa', 'wfl', 'wfh'], '指标无效').optional(),
        }),
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return c.growth.charts(ctx, req.params.personId, req.query.indicator);
    },
  );

  // cases
  r.get(
    '/children/:personId/cases',
    { schema: { tags, summary: '儿童的专案与转诊', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return c.cases.listForChild(ctx, req.params.personId);
    },
  );
  r.post(
    '/children/:personId/cases',
    { schema: { tags, summary: '直接建立专案', params: personIdParams, body: caseOpenSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      return reply.status(201).send(await c.cases.open(ctx, req.params.personId, req.body));
    },
  );
  r.get(
    '/child-cases',
    { schema: { tags, summary: '体弱儿/高危儿台账', querystring: caseLedgerSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return c.cases.ledger(ctx, req.query);
    },
  );
  r.get(
    '/child-cases/export.xlsx',
    { schema: { tags, summary: '导出台账（xlsx，证件号码脱敏）', querystring: caseLedgerSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await c.cases.ledger(ctx, req.query, { all: true });
      const buf = await ledgerWorkbook(items);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="child-cases.xlsx"; filename*=UTF-8''${encodeURIComponent('体弱儿高危儿台账.xlsx')}`,
        )
        .send(buf);
    },
  );
  r.get('/child-cases/:caseId', { schema: { tags, summary: '专案详情', params: caseIdParams } }, async (req) => {
    const ctx = requirePermission(req, 'care.read');
    return c.cases.get(ctx, req.params.caseId);
  });
  r.post(
    '/child-cases/:caseId/confirm',
    { schema: { tags, summary: '确认纳入专案', params: caseIdParams, body: caseConfirmSchema } },
    async (req) => c.cases.confirm(requirePermission(req, 'care.write'), req.params.caseId, req.body),
  );
  r.post(
    '/child-cases/:caseId/dismiss',
    { schema: { tags, summary: '不纳入专案', params: caseIdParams, body: caseDismissSchema } },
    async (req) => c.cases.dismiss(requirePermission(req, 'care.write'), req.params.caseId, req.body),
  );
  r.post(
    '/child-cases/:caseId/followups',
    { schema: { tags, summary: '专案随访', params: caseIdParams, body: caseFollowupSchema } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await c.cases.addFollowup(requirePermission(req, 'care.write'), req.params.caseId, req.body)),
  );
  r.post(
    '/child-cases/:caseId/close',
    { schema: { tags, summary: '结案', params: caseIdParams, body: caseCloseSchema } },
    async (req) => c.cases.close(requirePermission(req, 'care.write'), req.params.caseId, req.body),
  );
  r.post(
    '/child-cases/:caseId/referrals',
    { schema: { tags, summary: '转诊', params: caseIdParams, body: referralSchema } },
    async (req, reply) =>
      reply.status(201).send(await c.cases.refer(requirePermission(req, 'care.write'), req.params.caseId, req.body)),
  );
  r.post(
    '/child-referrals/:id/receipt',
    { schema: { tags, summary: '转诊回执', params: idParams, body: referralReceiptSchema } },
    async (req) => c.cases.receipt(requirePermission(req, 'care.write'), req.params.id, req.body),
  );

  // newborn and child screening
  r.get(
    '/children/:personId/screenings',
    { schema: { tags, summary: '新生儿疾病筛查与儿童筛查', params: personIdParams } },
    async (req) => c.screenings.list(requirePermission(req, 'care.read'), req.params.personId),
  );
  r.post(
    '/children/:personId/newborn-screening/:kind/steps',
    {
      schema: {
        tags,
        summary: '记录新生儿筛查步骤（采血、结果、召回、复查、确诊、治疗；听力；先心病）',
        params: newbornKindParams,
        body: newbornStepBodySchema,
      },
    },
    async (req) =>
      c.screenings.addStep(requirePermission(req, 'care.write'), req.params.personId, req.params.kind, req.body),
  );
  r.post(
    '/children/:personId/screenings',
    {
      schema: {
        tags,
        summary: '记录儿童筛查（红光反射、髋关节、孤独症、发育筛查）',
        params: personIdParams,
        body: childScreeningSchema,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await c.screenings.addChildScreening(requirePermission(req, 'care.write'), req.params.personId, req.body),
        ),
  );
  r.post(
    '/child-screenings/:id/follow-up',
    { schema: { tags, summary: '筛查异常随访结果', params: idParams, body: childScreeningFollowUpSchema } },
    async (req) => c.screenings.childScreeningFollowUp(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.get(
    '/newborn-screening/missed',
    { schema: { tags, summary: '漏筛及阳性未随访清单', querystring: missedScreeningSchema } },
    async (req) => c.screenings.missed(requirePermission(req, 'care.read'), req.query),
  );

  // exposed infants (permission pmtct; the service refuses without it)
  r.put(
    '/children/:personId/exposure',
    { schema: { tags, summary: '登记暴露儿童（母亲HIV/梅毒/乙肝）', params: personIdParams, body: exposureSchema } },
    async (req, reply) => {
      const out = await c.exposure.put(requirePermission(req, 'care.write'), req.params.personId, req.body);
      return reply.status(out.created ? 201 : 200).send(out.exposure);
    },
  );
  r.get(
    '/children/:personId/exposure',
    { schema: { tags, summary: '暴露儿童随访计划与状态', params: personIdParams } },
    async (req) => c.exposure.get(requirePermission(req, 'care.read'), req.params.personId),
  );
  r.post(
    '/children/:personId/exposure/records',
    { schema: { tags, summary: '记录出生后处置或随访检测', params: personIdParams, body: exposureRecordSchema } },
    async (req) => c.exposure.record(requirePermission(req, 'care.write'), req.params.personId, req.body),
  );
  r.put(
    '/children/:personId/exposure/final',
    { schema: { tags, summary: '判定最终感染状态', params: personIdParams, body: exposureFinalSchema } },
    async (req) => c.exposure.final(requirePermission(req, 'care.write'), req.params.personId, req.body),
  );

  // under-5 deaths and alerts
  r.post(
    '/children/:personId/death',
    { schema: { tags, summary: '填写5岁以下儿童死亡报告卡', params: personIdParams, body: childDeathSchema } },
    async (req, reply) => {
      const out = await c.deaths.create(requirePermission(req, 'care.write'), req.params.personId, req.body);
      return reply.status(out.created ? 201 : 200).send(out.death);
    },
  );
  r.patch(
    '/child-deaths/:id',
    { schema: { tags, summary: '修改死亡报告卡（未上报）', params: idParams, body: childDeathUpdateSchema } },
    async (req) => c.deaths.update(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/child-deaths/:id/submit',
    { schema: { tags, summary: '上报死亡报告卡（提醒县级督导）', params: idParams, body: versionSchema } },
    async (req) => c.deaths.submit(requirePermission(req, 'care.write'), req.params.id, req.body.version),
  );
  r.post(
    '/child-deaths/:id/reviews',
    {
      schema: {
        tags,
        summary: '新生儿/围产儿/5岁以下儿童死亡评审（十二格表）',
        params: idParams,
        body: childDeathReviewSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await c.deaths.review(requirePermission(req, 'care.supervise'), req.params.id, req.body)),
  );
  r.get(
    '/child-deaths',
    { schema: { tags, summary: '5岁以下儿童死亡报告', querystring: deathListSchema } },
    async (req) => c.deaths.list(requirePermission(req, 'care.read'), req.query),
  );
  r.get('/child-alerts', { schema: { tags, summary: '儿童保健提醒（县级督导）' } }, async (req) =>
    c.deaths.alerts(requirePermission(req, 'care.supervise')),
  );
  r.post('/child-alerts/:id/ack', { schema: { tags, summary: '确认提醒', params: idParams } }, async (req) =>
    c.deaths.acknowledge(requirePermission(req, 'care.supervise'), req.params.id),
  );

  r.get(
    '/child-worklist',
    { schema: { tags, summary: '儿童保健工作清单', querystring: worklistSchema } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(jsonOnce(await c.worklist.list(requirePermission(req, 'care.read'), req.query))),
  );

  // childcare facilities
  r.get(
    '/childcare-facilities',
    { schema: { tags, summary: '托幼机构及年度卫生保健评估', querystring: facilityListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return c.facilities.list(ctx, req.query);
    },
  );
  r.put(
    '/childcare-facilities/:institutionId/evaluation',
    {
      schema: {
        tags,
        summary: '记录托幼机构年度卫生保健评估',
        params: institutionIdParams,
        body: facilityEvaluationSchema.extend({ version: z.number().int().min(1).optional() }),
      },
    },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.supervise');
      const out = await c.facilities.evaluate(ctx, req.params.institutionId, req.body);
      return reply.status(out.created ? 201 : 200).send(out);
    },
  );
}
