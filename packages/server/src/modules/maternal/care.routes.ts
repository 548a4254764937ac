import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getScreeningCatalogue } from '@fuyou/core';
import { requireAuth, requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { ledgerWorkbook } from './case.export';
import {
  ancVisitSchema,
  ancVisitUpdateSchema,
  assessmentCreateSchema,
  assessmentPreviewSchema,
  caseCloseSchema,
  caseFollowupSchema,
  caseUpdateSchema,
  idParams,
  deliverySchema,
  dischargeSchema,
  ledgerSchema,
  postpartumVisitSchema,
  referralCreateSchema,
  referralListSchema,
  referralOutcomeSchema,
  referralReceiveSchema,
  regionCodeParams,
  scheduleChoiceSchema,
} from './maternal.schemas';

const tags = ['maternal 孕产期保健'];

/** Antenatal visits, the schedule, five-colour assessments, high-risk cases, reports, referrals, the ledger. */
export function careRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const m = services.maternal;

  // antenatal visits and schedule
  r.post(
    '/pregnancies/:id/visits',
    {
      schema: {
        tags,
        summary: '记录产前检查（计算孕周、妊娠期糖尿病、贫血、高血压、体重增长、EPDS；可同时转诊和评估）',
        params: idParams,
        body: ancVisitSchema,
      },
    },
    async (req, reply) => {
      const out = await m.visits.create(requirePermission(req, 'care.write'), req.params.id, req.body);
      return reply.status(out.created ? 201 : 200).send({ ...out.visit, assessment: out.assessment });
    },
  );
  r.get('/pregnancies/:id/visits', { schema: { tags, summary: '产前检查记录', params: idParams } }, async (req) =>
    m.visits.list(requirePermission(req, 'care.read'), req.params.id),
  );
  r.patch(
    '/anc-visits/:id',
    { schema: { tags, summary: '更正产前检查（重新计算）', params: idParams, body: ancVisitUpdateSchema } },
    async (req) => m.visits.update(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  // reference configuration, no person's data: any signed-in user (the system administrator too) may read it
  r.get('/maternal/schedules', { schema: { tags, summary: '产前检查时间表及各地区的选择' } }, async (req) =>
    m.scheduleChoice.list(requireAuth(req)),
  );
  r.put(
    '/maternal/schedule-choices',
    { schema: { tags, summary: '设置地区采用的产前检查时间表（下级地区继承）', body: scheduleChoiceSchema } },
    async (req) => m.scheduleChoice.set(requireAuth(req), req.body),
  );
  r.delete(
    '/maternal/schedule-choices/:regionCode',
    { schema: { tags, summary: '删除地区的时间表设置（恢复继承）', params: regionCodeParams } },
    async (req) => m.scheduleChoice.remove(requireAuth(req), req.params.regionCode),
  );
  r.get(
    '/pregnancies/:id/schedule',
    { schema: { tags, summary: '孕产期保健服务时间表（已完成/应完成/已错过）', params: idParams } },
    async (req) => m.visits.schedule(requirePermission(req, 'care.read'), req.params.id),
  );

  // five-colour assessment
  r.get(
    '/maternal/risk-catalogue',
    {
      schema: {
        tags,
        summary: '妊娠风险评估表（适用于本县区的版本）',
        querystring: z.object({
          county: z
            .string()
            .regex(/^\d{6}$/, '县区代码应为6位数字')
            .optional(),
        }),
      },
    },
    async (req) => m.risk.catalogue(requirePermission(req, 'care.read'), req.query.county),
  );
  r.get(
    '/maternal/screening-catalogue',
    { schema: { tags, summary: '妊娠风险筛查表（建册时勾选既往史）' } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      const c = getScreeningCatalogue(ctx.counties[0]);
      return {
        id: c.id,
        version: c.version,
        items: c.items.map((i) => ({
          code: i.code,
          zh: i.zh,
          en: i.en,
          section: i.section,
          kind: i.kind,
          required: i.required,
        })),
      };
    },
  );
  r.post(
    '/pregnancies/:id/risk-assessments/preview',
    {
      schema: {
        tags,
        summary: '预览评估（系统计算的条目 + 勾选条目 → 建议颜色）',
        params: idParams,
        body: assessmentPreviewSchema,
      },
    },
    async (req) => m.risk.preview(requirePermission(req, 'care.read'), req.params.id, req.body),
  );
  r.post(
    '/pregnancies/:id/risk-assessments',
    {
      schema: {
        tags,
        summary: '妊娠风险评估（确认或调整颜色；橙/红/紫自动建立高危专案）',
        params: idParams,
        body: assessmentCreateSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await m.risk.create(requirePermission(req, 'care.write'), req.params.id, req.body)),
  );
  r.get(
    '/pregnancies/:id/risk-assessments',
    { schema: { tags, summary: '历次风险评估（动态评估序列）', params: idParams } },
    async (req) => m.risk.list(requirePermission(req, 'care.read'), req.params.id),
  );

  // high-risk cases, reports, follow-ups
  r.get('/high-risk-cases', { schema: { tags, summary: '高危孕产妇台账', querystring: ledgerSchema } }, async (req) =>
    m.cases.ledger(requirePermission(req, 'care.read'), req.query),
  );
  r.get(
    '/high-risk-cases/export.xlsx',
    { schema: { tags, summary: '导出高危孕产妇台账（xlsx，证件号码脱敏）', querystring: ledgerSchema } },
    async (req, reply) => {
      const { items } = await m.cases.ledger(requirePermission(req, 'care.read'), req.query, { all: true });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="high-risk-cases.xlsx"; filename*=UTF-8''${encodeURIComponent('高危孕产妇台账.xlsx')}`,
        )
        .send(await ledgerWorkbook(items));
    },
  );
  r.get('/high-risk-cases/:id', { schema: { tags, summary: '高危专案详情', params: idParams } }, async (req) =>
    m.cases.get(requirePermission(req, 'care.read'), req.params.id),
  );
  r.patch(
    '/high-risk-cases/:id',
    {
      schema: {
        tags,
        summary: '专案管理：管理机构、管理计划、应急预案、分娩医院',
        params: idParams,
        body: caseUpdateSchema,
      },
    },
    async (req) => m.cases.update(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/high-risk-cases/:id/followups',
    { schema: { tags, summary: '专案随访', params: idParams, body: caseFollowupSchema } },
    async (req, reply) =>
      reply.status(201).send(await m.cases.addFollowup(requirePermission(req, 'care.write'), req.params.id, req.body)),
  );
  r.post(
    '/high-risk-cases/:id/close',
    { schema: { tags, summary: '专案结案（原因）', params: idParams, body: caseCloseSchema } },
    async (req) => m.cases.close(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.get('/high-risk-reports', { schema: { tags, summary: '待确认的高危报告（县妇幼保健院）' } }, async (req) =>
    m.cases.pendingReports(requirePermission(req, 'care.supervise')),
  );
  r.post(
    '/high-risk-reports/:id/acknowledge',
    { schema: { tags, summary: '确认收到高危报告', params: idParams } },
    async (req) => m.cases.acknowledgeReport(requirePermission(req, 'care.supervise'), req.params.id),
  );

  // delivery and postpartum
  r.post(
    '/pregnancies/:id/delivery',
    {
      schema: {
        tags,
        summary: '分娩记录与妊娠结局（活产同时在个人主索引中建立儿童档案）',
        params: idParams,
        body: deliverySchema,
      },
    },
    async (req, reply) => {
      const out = await m.deliveries.record(requirePermission(req, 'care.write'), req.params.id, req.body);
      return reply.status(out.created ? 201 : 200).send(out.delivery);
    },
  );
  r.get('/pregnancies/:id/delivery', { schema: { tags, summary: '分娩记录', params: idParams } }, async (req) =>
    m.deliveries.get(requirePermission(req, 'care.read'), req.params.id),
  );
  r.post(
    '/pregnancies/:id/discharge',
    { schema: { tags, summary: '出院日期（产后访视时间自出院起算）', params: idParams, body: dischargeSchema } },
    async (req) => m.deliveries.discharge(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/pregnancies/:id/postpartum-visits',
    {
      schema: {
        tags,
        summary: '产后访视 / 产后42天检查（EPDS、盆底、避孕指导、产后风险评估）',
        params: idParams,
        body: postpartumVisitSchema,
      },
    },
    async (req, reply) => {
      const out = await m.deliveries.postpartumVisit(requirePermission(req, 'care.write'), req.params.id, req.body);
      return reply
        .status(out.created ? 201 : 200)
        .send({ ...out.visit, assessment: out.assessment, pregnancyStatus: out.pregnancyStatus });
    },
  );
  r.get(
    '/pregnancies/:id/postpartum-visits',
    { schema: { tags, summary: '产后访视记录', params: idParams } },
    async (req) => m.deliveries.postpartumVisits(requirePermission(req, 'care.read'), req.params.id),
  );

  // referrals with receipt
  r.post(
    '/pregnancies/:id/referrals',
    { schema: { tags, summary: '转诊（双向转诊，需回执）', params: idParams, body: referralCreateSchema } },
    async (req, reply) =>
      reply.status(201).send(await m.cases.refer(requirePermission(req, 'care.write'), req.params.id, req.body)),
  );
  r.get(
    '/maternal-referrals',
    { schema: { tags, summary: '转诊记录', querystring: referralListSchema } },
    async (req) =>
      m.cases.referrals(requirePermission(req, 'care.read'), { ...req.query, overdue: req.query.overdue === 'true' }),
  );
  r.post(
    '/maternal-referrals/:id/receive',
    { schema: { tags, summary: '接收转诊', params: idParams, body: referralReceiveSchema } },
    async (req) => m.cases.receive(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/maternal-referrals/:id/outcome',
    { schema: { tags, summary: '转诊回执（诊疗结果）', params: idParams, body: referralOutcomeSchema } },
    async (req) => m.cases.returnOutcome(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
}
