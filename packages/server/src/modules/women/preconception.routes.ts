import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FOLIC_ACID_ADHERENCE_LABELS, PRECONCEPTION_RISK_FACTOR_LABELS } from '@fuyou/core';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  dispensingCreateSchema,
  dispensingListSchema,
  folicFollowUpSchema,
  preconceptionCreateSchema,
  preconceptionFollowUpSchema,
  preconceptionListSchema,
  preconceptionUpdateSchema,
  pregnancyLinkSchema,
} from './preconception.schemas';
import { idParams, personIdParams } from './screening.schemas';
import { XLSX_TYPE, xlsxDisposition } from './women.common';
import { simpleWorkbook, zhOf } from './women.export';

const tags = ['women 孕前保健'];

/** Preconception checks, folic acid dispensing and adherence follow-up. */
export function preconceptionRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const p = services.women.preconception;
  const fa = services.women.folicAcid;

  r.post(
    '/preconception-checks',
    { schema: { tags, summary: '登记孕前优生健康检查（风险评估由核心规则计算）', body: preconceptionCreateSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await p.create(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.check);
    },
  );
  r.get(
    '/preconception-checks',
    {
      schema: {
        tags,
        summary: '孕前检查列表（followUp=overdue 为逾期随访清单）',
        querystring: preconceptionListSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.list(ctx, req.query);
    },
  );
  r.get(
    '/preconception-checks/export.xlsx',
    { schema: { tags, summary: '导出孕前检查列表（xlsx，证件号码脱敏）', querystring: preconceptionListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await p.list(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '孕前优生健康检查',
        [
          { header: '检查日期', key: 'date', width: 12 },
          { header: '女方', key: 'f', width: 12 },
          { header: '女方证件号码', key: 'fid', width: 22 },
          { header: '男方', key: 'm', width: 12 },
          { header: '风险', key: 'risk', width: 8 },
          { header: '风险因素', key: 'factors', width: 40 },
          { header: '转诊', key: 'ref', width: 6 },
          { header: '随访期限', key: 'due', width: 12 },
          { header: '随访日期', key: 'done', width: 12 },
          { header: '确认妊娠', key: 'preg', width: 12 },
          { header: '机构', key: 'inst', width: 24 },
        ],
        items.map((i) => ({
          date: i.checkDate,
          f: i.femaleName,
          fid: i.femaleIdMasked,
          m: i.maleName,
          risk: i.riskLevel === 'high' ? '高风险' : '一般',
          factors: i.riskFactors.map((x) => zhOf(PRECONCEPTION_RISK_FACTOR_LABELS, x)).join('；'),
          ref: i.referred,
          due: i.followUpDue,
          done: i.followUpDoneOn,
          preg: i.pregnancyConfirmedOn,
          inst: i.institutionName,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('preconception-checks.xlsx', '孕前优生健康检查.xlsx'))
        .send(buf);
    },
  );
  r.get(
    '/preconception-checks/:id',
    { schema: { tags, summary: '一次孕前检查（传染病结果需 pmtct 权限）', params: idParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.get(ctx, req.params.id);
    },
  );
  r.patch(
    '/preconception-checks/:id',
    { schema: { tags, summary: '修改孕前检查（重新评估风险）', params: idParams, body: preconceptionUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return p.update(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/preconception-checks/:id/follow-up',
    { schema: { tags, summary: '登记随访', params: idParams, body: preconceptionFollowUpSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return p.followUp(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/preconception-checks/:id/pregnancy',
    { schema: { tags, summary: '关联随后的妊娠（早孕随访）', params: idParams, body: pregnancyLinkSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return p.linkPregnancy(ctx, req.params.id, req.body);
    },
  );
  r.get(
    '/people/:personId/preconception-checks',
    { schema: { tags, summary: '个人的孕前检查', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return p.forPerson(ctx, req.params.personId);
    },
  );

  r.post(
    '/folic-acid/dispensings',
    { schema: { tags, summary: '发放叶酸', body: dispensingCreateSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await fa.dispense(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.dispensing);
    },
  );
  r.get(
    '/folic-acid/dispensings',
    { schema: { tags, summary: '叶酸发放列表（followUp=overdue 为待随访清单）', querystring: dispensingListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fa.list(ctx, req.query);
    },
  );
  r.get(
    '/folic-acid/dispensings/export.xlsx',
    { schema: { tags, summary: '导出叶酸发放（xlsx，证件号码脱敏）', querystring: dispensingListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await fa.list(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '叶酸发放',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '发放日期', key: 'date', width: 12 },
          { header: '瓶数', key: 'packs', width: 6 },
          { header: '片数', key: 'tablets', width: 6 },
          { header: '阶段', key: 'stage', width: 10 },
          { header: '免费项目', key: 'prog', width: 8 },
          { header: '随访期限', key: 'due', width: 12 },
          { header: '服用情况', key: 'adh', width: 14 },
          { header: '机构', key: 'inst', width: 24 },
        ],
        items.map((i) => ({
          name: i.womanName,
          id: i.idNumberMasked,
          date: i.dispensedOn,
          packs: i.packs,
          tablets: i.tablets,
          stage: i.stage === 'preconception' ? '孕前' : '孕早期',
          prog: i.programme === 'folic_acid_supplementation',
          due: i.followUpDue,
          adh: zhOf(FOLIC_ACID_ADHERENCE_LABELS, i.lastAdherence),
          inst: i.institutionName,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('folic-acid.xlsx', '叶酸发放.xlsx'))
        .send(buf);
    },
  );
  r.post(
    '/folic-acid/follow-ups',
    { schema: { tags, summary: '叶酸服用随访（依从性由核心规则判定）', body: folicFollowUpSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await fa.followUp(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.followUp);
    },
  );
  r.get(
    '/people/:personId/folic-acid',
    { schema: { tags, summary: '个人的叶酸发放与随访', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fa.forPerson(ctx, req.params.personId);
    },
  );
}
