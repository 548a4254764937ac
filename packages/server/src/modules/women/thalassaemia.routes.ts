import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { THALASSAEMIA_CARRIER_LABELS, THALASSAEMIA_TEST_LABELS } from '@fuyou/core';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { idParams, personIdParams } from './screening.schemas';
import {
  thalCoupleListSchema,
  thalCoupleSchema,
  thalCounsellingSchema,
  thalReassessSchema,
  thalRetestQuery,
  thalTestListSchema,
  thalTestSchema,
} from './thalassaemia.service';
import { XLSX_TYPE, xlsxDisposition } from './women.common';
import { simpleWorkbook, zhOf } from './women.export';

const tags = ['women 地贫防控'];
const CARRIER = Object.fromEntries(THALASSAEMIA_CARRIER_LABELS.map((c) => [c.code, c]));
const RISK: Record<string, { zh: string }> = {
  high: { zh: '高风险' },
  low: { zh: '低风险' },
  undetermined: { zh: '待定' },
};

/** Thalassaemia tests (reused across programmes), the retest question, couple risk and counselling. */
export function thalassaemiaRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = services.women.thalassaemia;

  r.post(
    '/thalassaemia-tests',
    { schema: { tags, summary: '登记地贫检测结果（已有有效结果时需填写复查理由，否则409）', body: thalTestSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await t.record(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.test);
    },
  );
  r.get(
    '/thalassaemia-tests',
    { schema: { tags, summary: '地贫检测列表', querystring: thalTestListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return t.tests(ctx, req.query);
    },
  );
  r.get(
    '/thalassaemia-tests/export.xlsx',
    { schema: { tags, summary: '导出地贫检测（xlsx，证件号码脱敏）', querystring: thalTestListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await t.tests(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '地贫检测',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '性别', key: 'sex', width: 6 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '检测日期', key: 'date', width: 12 },
          { header: '检测类型', key: 'kind', width: 18 },
          { header: 'MCV', key: 'mcv', width: 8 },
          { header: 'MCH', key: 'mch', width: 8 },
          { header: 'HbA2%', key: 'hba2', width: 8 },
          { header: '基因型', key: 'gene', width: 16 },
          { header: '携带状态', key: 'carrier', width: 22 },
          { header: '机构', key: 'inst', width: 24 },
        ],
        items.map((i) => ({
          name: i.personName,
          sex: i.sex === 'female' ? '女' : i.sex === 'male' ? '男' : '',
          id: i.idNumberMasked,
          date: i.testDate,
          kind: zhOf(THALASSAEMIA_TEST_LABELS, i.kind),
          mcv: i.mcvFl,
          mch: i.mchPg,
          hba2: i.hba2Pct,
          gene: i.geneResult,
          carrier: zhOf(CARRIER, i.carrierStatus),
          inst: i.institutionName,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('thalassaemia-tests.xlsx', '地贫检测.xlsx'))
        .send(buf);
    },
  );
  r.get(
    '/people/:personId/thalassaemia',
    { schema: { tags, summary: '个人地贫检测结果、携带状态与夫妇评估', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return t.forPerson(ctx, req.params.personId);
    },
  );
  r.get(
    '/people/:personId/thalassaemia/retest',
    {
      schema: {
        tags,
        summary: '是否需要重新检测（已有有效结果则复用）',
        params: personIdParams,
        querystring: thalRetestQuery,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return t.retest(ctx, req.params.personId, req.query.kind, req.query.date);
    },
  );
  r.post(
    '/thalassaemia-couples',
    { schema: { tags, summary: '夫妇地贫风险评估（由双方现有结果计算）', body: thalCoupleSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await t.createCouple(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.couple);
    },
  );
  r.get(
    '/thalassaemia-couples',
    {
      schema: { tags, summary: '夫妇风险评估列表（pending=true 为待遗传咨询清单）', querystring: thalCoupleListSchema },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return t.couples(ctx, req.query);
    },
  );
  r.get(
    '/thalassaemia-couples/export.xlsx',
    { schema: { tags, summary: '导出夫妇风险评估（xlsx，证件号码脱敏）', querystring: thalCoupleListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await t.couples(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '地贫夫妇风险',
        [
          { header: '女方', key: 'f', width: 12 },
          { header: '女方证件号码', key: 'fid', width: 22 },
          { header: '女方携带状态', key: 'fs', width: 20 },
          { header: '男方', key: 'm', width: 12 },
          { header: '男方证件号码', key: 'mid', width: 22 },
          { header: '男方携带状态', key: 'ms', width: 20 },
          { header: '评估日期', key: 'date', width: 12 },
          { header: '风险', key: 'risk', width: 8 },
          { header: '遗传咨询', key: 'counselling', width: 12 },
          { header: '咨询期限', key: 'due', width: 12 },
          { header: '逾期', key: 'overdue', width: 6 },
          { header: '转产前诊断', key: 'pd', width: 10 },
        ],
        items.map((i) => ({
          f: i.femaleName,
          fid: i.femaleIdMasked,
          fs: zhOf(CARRIER, i.femaleStatus),
          m: i.maleName,
          mid: i.maleIdMasked,
          ms: zhOf(CARRIER, i.maleStatus),
          date: i.assessedOn,
          risk: zhOf(RISK, i.risk),
          counselling: i.counsellingOn,
          due: i.counsellingDue,
          overdue: i.counsellingOverdue,
          pd: i.prenatalDiagnosisReferred,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('thalassaemia-couples.xlsx', '地贫夫妇风险评估.xlsx'))
        .send(buf);
    },
  );
  r.get('/thalassaemia-couples/:id', { schema: { tags, summary: '夫妇风险评估', params: idParams } }, async (req) => {
    const ctx = requirePermission(req, 'care.read');
    return t.getCouple(ctx, req.params.id);
  });
  r.post(
    '/thalassaemia-couples/:id/reassess',
    { schema: { tags, summary: '按最新结果重新评估', params: idParams, body: thalReassessSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return t.reassess(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/thalassaemia-couples/:id/counselling',
    { schema: { tags, summary: '登记遗传咨询与产前诊断转诊', params: idParams, body: thalCounsellingSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return t.counselling(ctx, req.params.id, req.body);
    },
  );
}
