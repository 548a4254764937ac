import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FAMILY_PLANNING_SERVICES, GYN_SURVEY_DISPOSITION_LABELS, GYN_SURVEY_FINDINGS } from '@fuyou/core';
import { requirePermission } from '../../platform/http';
import { uuid } from '../../platform/validation';
import type { Services } from '../../services';
import {
  fpListSchema,
  fpServiceSchema,
  pacFollowUpSchema,
  pacListSchema,
  pacSchema,
  stockListSchema,
  stockSchema,
} from './family-planning.service';
import {
  campaignSchema,
  campaignUpdateSchema,
  followUpDoneSchema,
  gynExamListSchema,
  gynExamSchema,
  pelvicDeclineSchema,
  pelvicListSchema,
  pelvicSchema,
  pelvicSessionSchema,
} from './gyn-pelvic.service';
import { idParams, personIdParams } from './screening.schemas';
import { XLSX_TYPE, xlsxDisposition } from './women.common';
import { simpleWorkbook, zhOf } from './women.export';

const FINDING = Object.fromEntries(GYN_SURVEY_FINDINGS.map((f) => [f.code, f]));
const SERVICE = Object.fromEntries(FAMILY_PLANNING_SERVICES.map((s) => [s.code, s]));

/** Gynaecological survey, pelvic floor, family planning, contraceptive stock, post-abortion care. */
export function gynFpRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const g = services.women.gynPelvic;
  const fp = services.women.familyPlanning;
  const gt = ['women 妇女病普查与盆底'];
  const ft = ['women 计划生育'];

  r.post(
    '/gyn-survey-campaigns',
    { schema: { tags: gt, summary: '建立妇女病普查活动（目标人数）', body: campaignSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await g.createCampaign(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.campaign);
    },
  );
  r.get(
    '/gyn-survey-campaigns',
    {
      schema: {
        tags: gt,
        summary: '普查活动（覆盖率、检出率）',
        querystring: z.object({ year: z.coerce.number().int().optional() }),
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return g.campaigns(ctx, req.query.year);
    },
  );
  r.patch(
    '/gyn-survey-campaigns/:id',
    { schema: { tags: gt, summary: '修改普查活动', params: idParams, body: campaignUpdateSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return g.updateCampaign(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/gyn-survey-exams',
    { schema: { tags: gt, summary: '登记普查检查结果', body: gynExamSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await g.recordExam(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.exam);
    },
  );
  r.get(
    '/gyn-survey-exams',
    { schema: { tags: gt, summary: '普查检查列表（followUp=overdue 为逾期随访）', querystring: gynExamListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return g.exams(ctx, req.query);
    },
  );
  r.get(
    '/gyn-survey-exams/export.xlsx',
    { schema: { tags: gt, summary: '导出普查检查（xlsx，证件号码脱敏）', querystring: gynExamListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await g.exams(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '妇女病普查',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '检查日期', key: 'date', width: 12 },
          { header: '年龄', key: 'age', width: 6 },
          { header: '目标人群', key: 'target', width: 8 },
          { header: '检查所见', key: 'findings', width: 40 },
          { header: '处理', key: 'disp', width: 10 },
          { header: '随访期限', key: 'due', width: 12 },
          { header: '随访日期', key: 'done', width: 12 },
          { header: '机构', key: 'inst', width: 24 },
        ],
        items.map((i) => ({
          name: i.womanName,
          id: i.idNumberMasked,
          date: i.examDate,
          age: i.age,
          target: i.inTarget,
          findings: i.findings.map((f) => zhOf(FINDING, f)).join('；'),
          disp: zhOf(GYN_SURVEY_DISPOSITION_LABELS, i.disposition),
          due: i.followUpDue,
          done: i.followUpDoneOn,
          inst: i.institutionName,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('gyn-survey.xlsx', '妇女病普查.xlsx'))
        .send(buf);
    },
  );
  r.post(
    '/gyn-survey-exams/:id/follow-up',
    { schema: { tags: gt, summary: '登记转诊结果或复查', params: idParams, body: followUpDoneSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return g.examFollowUp(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/pelvic-floor-screenings',
    { schema: { tags: gt, summary: '产后盆底功能筛查（康复指征由核心规则判断）', body: pelvicSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await g.screenPelvic(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.screening);
    },
  );
  r.get(
    '/pelvic-floor-screenings',
    { schema: { tags: gt, summary: '盆底筛查列表（overdue=true 为逾期未开始康复）', querystring: pelvicListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return g.pelvicList(ctx, req.query);
    },
  );
  r.get(
    '/pelvic-floor-screenings/export.xlsx',
    { schema: { tags: gt, summary: '导出盆底筛查（xlsx）', querystring: pelvicListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await g.pelvicList(ctx, req.query, { all: true });
      const STATUS: Record<string, { zh: string }> = {
        no_rehab: { zh: '无需康复' },
        rehab_planned: { zh: '待康复' },
        in_rehab: { zh: '康复中' },
        completed: { zh: '已完成' },
        declined: { zh: '拒绝/中止' },
      };
      const buf = await simpleWorkbook(
        '盆底功能筛查',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '筛查日期', key: 'date', width: 12 },
          { header: '产后天数', key: 'days', width: 8 },
          { header: '肌力', key: 'ms', width: 6 },
          { header: 'POP-Q', key: 'pop', width: 6 },
          { header: '尿失禁', key: 'sui', width: 6 },
          { header: '状态', key: 'status', width: 10 },
          { header: '已治疗次数', key: 'sessions', width: 10 },
        ],
        items.map((i) => ({
          name: i.womanName,
          id: i.idNumberMasked,
          date: i.screeningDate,
          days: i.postpartumDays,
          ms: i.muscleStrength,
          pop: i.popStage,
          sui: i.stressIncontinence,
          status: zhOf(STATUS, i.status),
          sessions: i.sessionCount,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('pelvic-floor.xlsx', '盆底功能筛查.xlsx'))
        .send(buf);
    },
  );
  r.get(
    '/pelvic-floor-screenings/:id',
    { schema: { tags: gt, summary: '盆底筛查与康复', params: idParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return g.getPelvic(ctx, req.params.id);
    },
  );
  r.post(
    '/pelvic-floor-screenings/:id/sessions',
    {
      schema: {
        tags: gt,
        summary: '登记康复治疗（无需康复、已完成或已拒绝时返回422）',
        params: idParams,
        body: pelvicSessionSchema,
      },
    },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return g.addSession(ctx, req.params.id, req.body);
    },
  );
  r.post(
    '/pelvic-floor-screenings/:id/decline',
    { schema: { tags: gt, summary: '登记拒绝或中止康复', params: idParams, body: pelvicDeclineSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return g.declinePelvic(ctx, req.params.id, req.body);
    },
  );
  r.get(
    '/people/:personId/gyn-pelvic',
    { schema: { tags: gt, summary: '个人的普查与盆底记录', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return g.forPerson(ctx, req.params.personId);
    },
  );

  r.post(
    '/family-planning-services',
    { schema: { tags: ft, summary: '登记计划生育技术服务（并发症按服务类别校验）', body: fpServiceSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await fp.recordService(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send({ ...out.service, iudRemoval: out.iudRemoval });
    },
  );
  r.get(
    '/family-planning-services',
    { schema: { tags: ft, summary: '计划生育服务列表', querystring: fpListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fp.services(ctx, req.query);
    },
  );
  r.get(
    '/family-planning-services/export.xlsx',
    { schema: { tags: ft, summary: '导出计划生育服务（xlsx，证件号码脱敏）', querystring: fpListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await fp.services(ctx, req.query, { all: true });
      const buf = await simpleWorkbook(
        '计划生育技术服务',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '日期', key: 'date', width: 12 },
          { header: '服务项目', key: 'service', width: 20 },
          { header: '并发症', key: 'comp', width: 30 },
          { header: '不良反应', key: 'adverse', width: 20 },
          { header: '机构', key: 'inst', width: 24 },
        ],
        items.map((i) => ({
          name: i.personName,
          id: i.idNumberMasked,
          date: i.serviceDate,
          service: zhOf(SERVICE, i.service),
          comp: i.complications.join('；'),
          adverse: i.adverseReaction,
          inst: i.institutionName,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('family-planning.xlsx', '计划生育技术服务.xlsx'))
        .send(buf);
    },
  );
  r.post(
    '/contraceptive-stock',
    { schema: { tags: ft, summary: '免费药具出入库与发放（库存不足返回422）', body: stockSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await fp.move(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send({ ...out.movement, balance: out.balance });
    },
  );
  r.get(
    '/contraceptive-stock/balances',
    { schema: { tags: ft, summary: '各机构药具库存', querystring: z.object({ institutionId: uuid.optional() }) } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fp.balances(ctx, req.query.institutionId);
    },
  );
  r.get(
    '/contraceptive-stock/movements',
    { schema: { tags: ft, summary: '药具出入库明细', querystring: stockListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fp.movements(ctx, req.query);
    },
  );
  r.get(
    '/contraceptive-stock/movements/export.xlsx',
    { schema: { tags: ft, summary: '导出药具出入库明细（xlsx，证件号码脱敏）', querystring: stockListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await fp.movements(ctx, req.query, { all: true });
      const KIND: Record<string, { zh: string }> = {
        receipt: { zh: '入库' },
        issue: { zh: '发放' },
        adjustment: { zh: '调整' },
      };
      const buf = await simpleWorkbook(
        '药具出入库',
        [
          { header: '日期', key: 'date', width: 12 },
          { header: '机构', key: 'inst', width: 24 },
          { header: '品种', key: 'item', width: 20 },
          { header: '类型', key: 'kind', width: 8 },
          { header: '数量', key: 'qty', width: 8 },
          { header: '领取人', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '批号', key: 'batch', width: 12 },
        ],
        items.map((i) => ({
          date: i.movementDate,
          inst: i.institutionName,
          item: zhOf(SERVICE, i.item),
          kind: zhOf(KIND, i.kind),
          qty: i.quantity,
          name: i.personName,
          id: i.idNumberMasked,
          batch: i.batchNo,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('contraceptives.xlsx', '药具出入库.xlsx'))
        .send(buf);
    },
  );
  r.post(
    '/post-abortion-care',
    { schema: { tags: ft, summary: '流产后关爱（避孕落实由核心规则分类）', body: pacSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.write');
      const out = await fp.recordPac(ctx, req.body);
      return reply.status(out.created ? 201 : 200).send(out.care);
    },
  );
  r.get(
    '/post-abortion-care',
    { schema: { tags: ft, summary: '流产后关爱列表（overdue=true 为逾期随访）', querystring: pacListSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fp.pacList(ctx, req.query);
    },
  );
  r.get(
    '/post-abortion-care/export.xlsx',
    { schema: { tags: ft, summary: '导出流产后关爱（xlsx，证件号码脱敏）', querystring: pacListSchema } },
    async (req, reply) => {
      const ctx = requirePermission(req, 'care.read');
      const { items } = await fp.pacList(ctx, req.query, { all: true });
      const CLS: Record<string, { zh: string }> = {
        highly_effective: { zh: '高效避孕' },
        other_method: { zh: '其他方法' },
        none: { zh: '未落实' },
      };
      const buf = await simpleWorkbook(
        '流产后关爱',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '证件号码', key: 'id', width: 22 },
          { header: '流产日期', key: 'date', width: 12 },
          { header: '避孕方法', key: 'method', width: 20 },
          { header: '避孕落实', key: 'cls', width: 10 },
          { header: '已随访', key: 'fus', width: 8 },
          { header: '下次随访', key: 'due', width: 12 },
        ],
        items.map((i) => ({
          name: i.womanName,
          id: i.idNumberMasked,
          date: i.abortionDate,
          method: zhOf(SERVICE, i.contraceptionMethod),
          cls: zhOf(CLS, i.contraceptionClass),
          fus: i.followUps.length,
          due: i.nextFollowUpDue,
        })),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('post-abortion-care.xlsx', '流产后关爱.xlsx'))
        .send(buf);
    },
  );
  r.post(
    '/post-abortion-care/:id/follow-ups',
    { schema: { tags: ft, summary: '登记流产后随访', params: idParams, body: pacFollowUpSchema } },
    async (req) => {
      const ctx = requirePermission(req, 'care.write');
      return fp.pacFollowUp(ctx, req.params.id, req.body);
    },
  );
  r.get(
    '/people/:personId/family-planning',
    { schema: { tags: ft, summary: '个人的计划生育服务、药具领取与流产后关爱', params: personIdParams } },
    async (req) => {
      const ctx = requirePermission(req, 'care.read');
      return fp.forPerson(ctx, req.params.personId);
    },
  );
}
