import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import {
  deathReviewSchema,
  idParams,
  maternalDeathSchema,
  maternalDeathUpdateSchema,
  perinatalDeathListSchema,
  perinatalReviewParams,
  perinatalReviewSchema,
  pmtctTestSchema,
  pmtctTreatmentSchema,
  prenatalDiagnosisSchema,
  prenatalScreeningSchema,
  versionSchema,
} from './maternal.schemas';

const tags = ['maternal 孕产期保健'];

/** PMTCT results and treatments, prenatal screening and diagnosis, maternal death cards and reviews. */
export function pmtctDeathRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const m = services.maternal;

  r.post(
    '/pregnancies/:id/pmtct-tests',
    {
      schema: {
        tags,
        summary: '艾滋病、梅毒、乙肝检测结果（加密存储；需母婴阻断权限）',
        params: idParams,
        body: pmtctTestSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await m.pmtct.addTest(requirePermission(req, 'care.write'), req.params.id, req.body)),
  );
  r.get(
    '/pregnancies/:id/pmtct',
    { schema: { tags, summary: '预防母婴传播（无权限时显示"受限"）', params: idParams } },
    async (req) => m.pmtct.get(requirePermission(req, 'care.read'), req.params.id),
  );
  r.post(
    '/pregnancies/:id/pmtct/treatments',
    { schema: { tags, summary: '孕产妇抗病毒/抗梅毒治疗', params: idParams, body: pmtctTreatmentSchema } },
    async (req) => m.pmtct.addTreatment(requirePermission(req, 'care.write'), req.params.id, req.body),
  );

  r.post(
    '/pregnancies/:id/prenatal-screenings',
    {
      schema: {
        tags,
        summary: '产前筛查结果（高风险自动进入产前诊断随访）',
        params: idParams,
        body: prenatalScreeningSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await m.screening.create(requirePermission(req, 'care.write'), req.params.id, req.body)),
  );
  r.get(
    '/pregnancies/:id/prenatal-screenings',
    { schema: { tags, summary: '产前筛查与诊断', params: idParams } },
    async (req) => m.screening.list(requirePermission(req, 'care.read'), req.params.id),
  );
  r.get('/prenatal-screenings/open', { schema: { tags, summary: '未完成的产前诊断随访' } }, async (req) =>
    m.screening.openFollowUps(requirePermission(req, 'care.read')),
  );
  r.post(
    '/prenatal-screenings/:id/diagnosis',
    { schema: { tags, summary: '产前诊断结果与咨询结局', params: idParams, body: prenatalDiagnosisSchema } },
    async (req) => m.screening.diagnosis(requirePermission(req, 'care.write'), req.params.id, req.body),
  );

  r.post(
    '/maternal-deaths',
    { schema: { tags, summary: '孕产妇死亡报告卡（草稿）', body: maternalDeathSchema } },
    async (req, reply) => reply.status(201).send(await m.deaths.create(requirePermission(req, 'care.write'), req.body)),
  );
  r.get('/maternal-deaths', { schema: { tags, summary: '孕产妇死亡报告' } }, async (req) =>
    m.deaths.list(requirePermission(req, 'care.read')),
  );
  r.get(
    '/perinatal-deaths',
    {
      schema: {
        tags,
        summary: '分娩时记录的围产儿及新生儿死亡（供死亡评审）',
        querystring: perinatalDeathListSchema,
      },
    },
    async (req) => m.deaths.perinatalDeaths(requirePermission(req, 'care.read'), req.query),
  );
  r.put(
    '/perinatal-deaths/:id/review',
    {
      schema: {
        tags,
        summary: '围产儿死亡评审（死胎死产；每个评审级别一份；十二格表；修改该级别的评审时带版本号）',
        params: idParams,
        body: perinatalReviewSchema,
      },
    },
    async (req, reply) => {
      const out = await m.perinatalReviews.put(requirePermission(req, 'care.supervise'), req.params.id, req.body);
      return reply.status(out.created ? 201 : 200).send(out.review);
    },
  );
  r.get(
    '/perinatal-deaths/:id/reviews',
    { schema: { tags, summary: '围产儿死亡的各级评审（县、市、省级顺序）', params: idParams } },
    async (req) => m.perinatalReviews.list(requirePermission(req, 'care.read'), req.params.id),
  );
  r.get(
    '/perinatal-deaths/:id/reviews/:level',
    { schema: { tags, summary: '某一级别的围产儿死亡评审', params: perinatalReviewParams } },
    async (req) => m.perinatalReviews.get(requirePermission(req, 'care.read'), req.params.id, req.params.level),
  );
  r.get('/maternal-deaths/:id', { schema: { tags, summary: '孕产妇死亡报告卡', params: idParams } }, async (req) =>
    m.deaths.get(requirePermission(req, 'care.read'), req.params.id),
  );
  r.patch(
    '/maternal-deaths/:id',
    { schema: { tags, summary: '修改报告卡草稿', params: idParams, body: maternalDeathUpdateSchema } },
    async (req) => m.deaths.update(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/maternal-deaths/:id/submit',
    {
      schema: {
        tags,
        summary: '上报（通知县、市妇幼保健管理人员；关闭全部在管任务）',
        params: idParams,
        body: versionSchema,
      },
    },
    async (req) => m.deaths.submit(requirePermission(req, 'care.write'), req.params.id, req.body),
  );
  r.post(
    '/maternal-deaths/:id/reviews',
    { schema: { tags, summary: '死亡评审（级别、结论、十二格表）', params: idParams, body: deathReviewSchema } },
    async (req, reply) =>
      reply.status(201).send(await m.deaths.review(requirePermission(req, 'care.supervise'), req.params.id, req.body)),
  );
}
