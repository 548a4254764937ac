import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AID_APPLICATION_STATES, BIRTH_DEFECT_CATEGORIES, BIRTH_DEFECT_DIAGNOSIS_BASIS } from '@fuyou/core';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { aidDecisionSchema, aidListSchema, aidSchema } from './aid.service';
import {
  defectDraftSchema,
  defectListSchema,
  defectRateSchema,
  defectReportSchema,
  defectUpdateSchema,
  unreportedSchema,
} from './birth-defect.service';
import { idParams, personIdParams } from './screening.schemas';
import { XLSX_TYPE, xlsxDisposition } from './women.common';
import { simpleWorkbook, zhOf } from './women.export';

const tags = ['women 出生缺陷监测与救助'];
const CATEGORY = Object.fromEntries(BIRTH_DEFECT_CATEGORIES.map((c) => [c.code, c]));
const BASIS = Object.fromEntries(BIRTH_DEFECT_DIAGNOSIS_BASIS.map((c) => [c.code, c]));
const AID_STATE = Object.fromEntries(AID_APPLICATION_STATES.map((c) => [c.code, c]));
const OUTCOME: Record<string, { zh: string }> = {
  live_birth: { zh: '活产' },
  stillbirth: { zh: '死胎死产' },
  termination: { zh: '治疗性引产' },
  early_neonatal_death: { zh: '7天内死亡' },
};
const SOURCE: Record<string, { zh: string }> = {
  delivery: { zh: '分娩记录' },
  prenatal_diagnosis: { zh: '产前诊断' },
  manual: { zh: '手工填报' },
};
/** Aid programme labels (zh), for the export. */
export const AID_PROGRAMME_ZH: Record<string, { zh: string }> = {
  birth_defect_aid: { zh: '出生缺陷救助' },
  congenital_heart_aid: { zh: '先天性心脏病救助' },
  metabolic_disease_aid: { zh: '遗传代谢病救助' },
  hearing_aid: { zh: '听力障碍救助' },
  other: { zh: '其他' },
};

/** Birth-defect report cards, the rate per 10,000, the unreported worklist, and aid applications. */
export function birthDefectRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const b = services.women.birthDefects;
  const aid = services.women.aid;

  r.get(
    '/birth-defect-reports/draft',
    {
      schema: {
        tags,
        summary: '由分娩记录、新生儿或产前诊断预填登记卡（一键填报前的预览）',
        querystring: defectDraftSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return b.draft(ctx, req.query);
    },
  );
  r.post(
    '/birth-defect-reports',
    { schema: { tags, summary: '填报出生缺陷儿登记卡（可由分娩记录或产前诊断一键生成）', body: defectReportSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await b.report(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.report);
    },
  );
  r.get(
    '/birth-defect-reports',
    { schema: { tags, summary: '出生缺陷登记列表', querystring: defectListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return b.list(ctx, req.query);
    },
  );
  r.get(
    '/birth-defect-reports/export.xlsx',
    { schema: { tags, summary: '导出出生缺陷登记（xlsx，证件号码脱敏）', querystring: defectListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await b.list(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '出生缺陷儿登记',
        [
          { header: '母亲', key: 'mother', width: 12 },
          { header: '母亲证件号码', key: 'id', width: 22 },
          { header: '妊娠结束日期', key: 'date', width: 12 },
          { header: '孕周', key: 'ga', width: 8 },
          { header: '体重(g)', key: 'weight', width: 8 },
          { header: '性别', key: 'sex', width: 6 },
          { header: '结局', key: 'outcome', width: 12 },
          { header: '缺陷', key: 'defects', width: 40 },
          { header: 'ICD-10', key: 'icd', width: 16 },
          { header: '诊断依据', key: 'basis', width: 20 },
          { header: '诊断时间', key: 'time', width: 8 },
          { header: '诊断日期', key: 'diagnosed', width: 12 },
          { header: '来源', key: 'source', width: 10 },
          { header: '报告机构', key: 'inst', width: 24 },
          { header: '救助', key: 'aid', width: 14 },
        ],
        items.map((i) => ({
          mother: i.motherName,
          id: i.motherIdMasked,
          date: i.birthDate,
          ga: i.gestationalWeeks !== null ? `${i.gestationalWeeks}+${i.gestationalDays ?? 0}` : '',
          weight: i.birthWeightG,
          sex: i.sex === 'male' ? '男' : i.sex === 'female' ? '女' : '不明',
          outcome: zhOf(OUTCOME, i.outcome),
          defects: i.defects.map((d) => d.description ?? zhOf(CATEGORY, d.category)).join('；'),
          icd: i.defects.map((d) => d.icd10).join('，'),
          basis: i.diagnosisBasis.map((x) => zhOf(BASIS, x)).join('、'),
          time: i.diagnosisTime === 'prenatal' ? '产前' : '产后',
          diagnosed: i.diagnosisDate,
          source: zhOf(SOURCE, i.source),
          inst: i.institutionName,
          aid: i.aidStatuses.map((s) => zhOf(AID_STATE, s)).join('、'),
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('birth-defects.xlsx', '出生缺陷儿登记.xlsx'))
        .send(buf);
    },
  );
  r.get(
    '/birth-defect-reports/rate',
    { schema: { tags, summary: '出生缺陷发生率（每万围产儿），分县区与缺陷类别', querystring: defectRateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return b.rate(ctx, req.query);
    },
  );
  r.get(
    '/birth-defect-reports/unreported',
    {
      schema: {
        tags,
        summary: '待报告：分娩记录有缺陷或产前诊断异常、尚未填报登记卡（逾期未报）',
        querystring: unreportedSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return b.unreported(ctx, req.query);
    },
  );
  r.get('/birth-defect-reports/:id', { schema: { tags, summary: '一张登记卡', params: idParams } }, async (req) => {
    const ctx = requirePermission(req, 'care.read');
    return b.get(ctx, req.params.id);
  });
  r.patch(
    '/birth-defect-reports/:id',
    { schema: { tags, summary: '更正登记卡（带版本号）', params: idParams, body: defectUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return b.update(ctx, req.params.id, req.body);
    },
  );
  r.get(
    '/people/:personId/birth-defects',
    { schema: { tags, summary: '个人（母亲或儿童）的出生缺陷登记与救助', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return b.forPerson(ctx, req.params.personId);
    },
  );
  r.post('/aid-applications', { schema: { tags, summary: '救助申请', body: aidSchema } }, async (req, reply) => {
    const ctx = requirePermission(req, 'care.write');
    const out = await aid.apply(ctx, req.body);
    return reply.status(out.created ? 201 : 200).send(out.application);
  });
  r.get(
    '/aid-applications',
    {
      schema: {
        tags,
        summary: '救助申请列表（status=submitted 待审批，approved 待发放；overdue=true 逾期）',
        querystring: aidListSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return aid.list(ctx, req.query);
    },
  );
  r.get(
    '/aid-applications/export.xlsx',
    { schema: { tags, summary: '导出救助申请（xlsx，证件号码脱敏）', querystring: aidListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await aid.list(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '救助申请',
        [
          { header: '救助对象', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '出生日期', key: 'birth', width: 12 },
          { header: '救助项目', key: 'programme', width: 16 },
          { header: '病种/诊断', key: 'condition', width: 24 },
          { header: '申请日期', key: 'applied', width: 12 },
          { header: '申请金额(元)', key: 'requested', width: 12 },
          { header: '状态', key: 'status', width: 14 },
          { header: '审批日期', key: 'decided', width: 12 },
          { header: '批准金额(元)', key: 'approved', width: 12 },
          { header: '发放日期', key: 'paid', width: 12 },
          { header: '审批意见', key: 'decision', width: 24 },
          { header: '办理期限', key: 'due', width: 12 },
          { header: '逾期', key: 'overdue', width: 6 },
          { header: '申请机构', key: 'inst', width: 24 },
        ],
        items.map((i) => ({
          name: i.personName,
          id: i.idNumberMasked,
          birth: i.personBirthDate,
          programme: zhOf(AID_PROGRAMME_ZH, i.programme),
          condition: i.condition,
          applied: i.appliedOn,
          requested: i.amountRequested,
          status: zhOf(AID_STATE, i.status),
          decided: i.decidedOn,
          approved: i.approvedAmount,
          paid: i.paidOn,
          decision: i.decisionNote,
          due: i.dueOn,
          overdue: i.overdue,
          inst: i.institutionName,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('aid-applications.xlsx', '救助申请.xlsx'))
        .send(buf);
    },
  );
  r.post(
    '/aid-applications/:id/decision',
    { schema: { tags, summary: '审批（批准/不予批准）或登记发放', params: idParams, body: aidDecisionSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.supervise');
      return aid.decide(ctx, req.params.id, req.body);
    },
  );
}
