import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BIRTH_DEFECT_CATEGORIES, BIRTH_DEFECT_DIAGNOSIS_BASIS } from '@fuyou/core';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  aidDecisionSchema,
  aidListSchema,
  aidSchema,
  defectListSchema,
  defectReportSchema,
} from './birth-defect.service';
import { idParams, personIdParams, yearQuerySchema } from './screening.schemas';
import { XLSX_TYPE, xlsxDisposition } from './women.common';
import { simpleWorkbook, zhOf } from './women.export';

const tags = ['women 出生缺陷监测与救助'];
const CATEGORY = Object.fromEntries(BIRTH_DEFECT_CATEGORIES.map((c) => [c.code, c]));
const BASIS = Object.fromEntries(BIRTH_DEFECT_DIAGNOSIS_BASIS.map((c) => [c.code, c]));
const OUTCOME: Record<string, { zh: string }> = {
  live_birth: { zh: '活产' },
  stillbirth: { zh: '死胎死产' },
  termination: { zh: '治疗性引产' },
  early_neonatal_death: { zh: '7天内死亡' },
};

/** Birth-defect report cards, the rate per 10,000, and aid applications. */
export function birthDefectRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const b = services.women.birthDefects;

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
          { header: '出生日期', key: 'date', width: 12 },
          { header: '孕周', key: 'ga', width: 8 },
          { header: '体重(g)', key: 'weight', width: 8 },
          { header: '性别', key: 'sex', width: 6 },
          { header: '转归', key: 'outcome', width: 10 },
          { header: '缺陷', key: 'defects', width: 40 },
          { header: 'ICD-10', key: 'icd', width: 16 },
          { header: '诊断依据', key: 'basis', width: 20 },
          { header: '诊断时间', key: 'time', width: 8 },
          { header: '报告机构', key: 'inst', width: 24 },
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
          inst: i.institutionName,
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
    { schema: { tags, summary: '出生缺陷发生率（每万围产儿）', querystring: yearQuerySchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return b.rate(ctx, req.query.year);
    },
  );
  r.get('/birth-defect-reports/:id', { schema: { tags, summary: '一张登记卡', params: idParams } }, async (req) => {
    const ctx = requirePermission(req, 'care.read');
    return b.get(ctx, req.params.id);
  });
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
    const out = await b.applyAid(ctx, req.body);
    return reply.status(out.created ? 201 : 200).send(out.application);
  });
  r.get(
    '/aid-applications',
    { schema: { tags, summary: '救助申请列表（status=submitted 为待审批）', querystring: aidListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return b.aidList(ctx, req.query);
    },
  );
  r.post(
    '/aid-applications/:id/decision',
    { schema: { tags, summary: '审批（批准/不予批准）或登记发放', params: idParams, body: aidDecisionSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.supervise');
      return b.decideAid(ctx, req.params.id, req.body);
    },
  );
}
