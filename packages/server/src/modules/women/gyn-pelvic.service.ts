import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  GYN_SURVEY_FINDINGS,
  PELVIC_FLOOR_DEFAULT,
  assessPelvicFloor,
  gynSurveyFollowUpDue,
  isGynSurveyTarget,
  type GynSurveyDisposition,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type GynSurveyCampaignTable,
  type GynSurveyExamTable,
  type PelvicFloorScreeningTable,
  type PelvicFloorSessionTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import { isoDate, pagination, uuid } from '../../platform/validation';
import type { ModuleDeps } from '../module-deps';
import {
  checkInstitution,
  institutionNames,
  invalidTransition,
  loadPerson,
  notBeforeBirth,
  notFuture,
  today,
} from './women.common';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const campaignSchema = z.object({
  id: uuid.optional(),
  countyCode: z.string().regex(/^\d{6}$/, '县区代码应为6位数字'),
  name: text(100).min(1, '请填写活动名称'),
  year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'),
  startDate: isoDate,
  endDate: isoDate,
  targetPopulation: z.number().int('人数应为整数').min(1, '目标人数应大于0'),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});

export const campaignUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: text(100).min(1).optional(),
  endDate: isoDate.optional(),
  targetPopulation: z.number().int().min(1, '目标人数应大于0').optional(),
  note: text(500).nullable().optional(),
});

export const gynExamSchema = z.object({
  id: uuid.optional(),
  campaignId: uuid,
  personId: uuid,
  examDate: isoDate,
  findings: z
    .array(z.enum(GYN_SURVEY_FINDINGS.map((f) => f.code) as [string, ...string[]], '检查所见无效'))
    .max(11)
    .default([]),
  disposition: z.enum(['none', 'treated', 'referred', 'follow_up'], '处理应为 none/treated/referred/follow_up'),
  treatment: text(300).optional(),
  referralTo: text(100).optional(),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});

export const followUpDoneSchema = z.object({
  version: z.number().int().min(1),
  date: isoDate,
  outcome: text(500).min(1, '请填写随访结果'),
});

export const gynExamListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  campaignId: uuid.optional(),
  finding: z.enum(GYN_SURVEY_FINDINGS.map((f) => f.code) as [string, ...string[]]).optional(),
  disposition: z.enum(['none', 'treated', 'referred', 'follow_up']).optional(),
  followUp: z.enum(['due', 'overdue', 'done']).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
type GynExamListFilter = z.infer<typeof gynExamListSchema>;

export const pelvicSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  screeningDate: isoDate,
  deliveryId: uuid.optional().describe('孕产期保健模块的分娩记录编号'),
  deliveryDate: isoDate.optional(),
  muscleStrength: z.number().int().min(0, '肌力分级应为0–5').max(5, '肌力分级应为0–5'),
  popStage: z.number().int().min(0, 'POP-Q分期应为0–4').max(4, 'POP-Q分期应为0–4'),
  stressIncontinence: z.boolean().default(false),
  plannedSessions: z.number().int().min(1).max(60).optional(),
  declined: z.boolean().default(false),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});

export const pelvicSessionSchema = z.object({
  version: z.number().int().min(1),
  sessionDate: isoDate,
  modality: z.enum(
    ['biofeedback', 'electrical_stimulation', 'kegel_training', 'magnetic_stimulation', 'other'],
    '康复方式无效',
  ),
  muscleStrengthAfter: z.number().int().min(0).max(5).optional(),
  note: text(300).optional(),
});

export const pelvicDeclineSchema = z.object({ version: z.number().int().min(1), note: text(300).optional() });

export const pelvicListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(['no_rehab', 'rehab_planned', 'in_rehab', 'completed', 'declined']).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true：需康复但逾期未开始'),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
type PelvicListFilter = z.infer<typeof pelvicListSchema>;

type CampaignRow = Selectable<GynSurveyCampaignTable>;
type ExamRow = Selectable<GynSurveyExamTable>;
type PelvicRow = Selectable<PelvicFloorScreeningTable>;
type SessionRow = Selectable<PelvicFloorSessionTable>;

const examDto = (r: ExamRow, t = today()) => ({
  id: r.id,
  campaignId: r.campaign_id,
  personId: r.person_id,
  examDate: r.exam_date,
  age: r.age,
  inTarget: r.in_target,
  findings: r.findings,
  disposition: r.disposition,
  treatment: r.treatment,
  referralTo: r.referral_to,
  followUpDue: r.follow_up_due,
  followUpDoneOn: r.follow_up_done_on,
  followUpOutcome: r.follow_up_outcome,
  followUpOverdue: !r.follow_up_done_on && !!r.follow_up_due && r.follow_up_due < t,
  institutionId: r.institution_id,
  note: r.note,
  version: r.version,
});

const pelvicDto = (r: PelvicRow, sessions: readonly SessionRow[] = [], t = today()) => ({
  id: r.id,
  personId: r.person_id,
  screeningDate: r.screening_date,
  deliveryId: r.delivery_id,
  deliveryDate: r.delivery_date,
  postpartumDays: r.postpartum_days,
  muscleStrength: r.muscle_strength,
  popStage: r.pop_stage,
  stressIncontinence: r.stress_incontinence,
  rehabIndicated: r.rehab_indicated,
  reasons: r.reasons,
  plannedSessions: r.planned_sessions,
  status: r.status,
  firstSessionDue: r.first_session_due,
  overdue: r.status === 'rehab_planned' && !!r.first_session_due && r.first_session_due < t,
  institutionId: r.institution_id,
  note: r.note,
  version: r.version,
  sessions: sessions.map((s) => ({
    id: s.id,
    sessionNo: s.session_no,
    sessionDate: s.session_date,
    modality: s.modality,
    muscleStrengthAfter: s.muscle_strength_after,
    note: s.note,
  })),
});

/** Gynaecological survey campaigns and examinations; postpartum pelvic-floor screening and rehabilitation. */
export function createGynPelvicService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  async function loadCampaign(trx: Transaction<Database>, id: string, field?: string): Promise<CampaignRow> {
    const row = await trx.selectFrom('gyn_survey_campaign').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) {
      if (field) throw errors.field(field, '筛查活动不存在', 'Unknown campaign');
      throw errors.notFound('妇女病普查活动', 'campaign');
    }
    return row;
  }

  async function loadExam(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('gyn_survey_exam').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('普查检查记录', 'survey examination');
    return row;
  }

  async function loadPelvic(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('pelvic_floor_screening').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('盆底筛查记录', 'pelvic-floor screening');
    const sessions = await trx
      .selectFrom('pelvic_floor_session')
      .selectAll()
      .where('county_code', '=', row.county_code)
      .where('screening_id', '=', row.id)
      .orderBy('session_no')
      .execute();
    return { row, sessions };
  }

  return {
    async createCampaign(ctx: AuthContext, input: z.infer<typeof campaignSchema>) {
      if (!ctx.counties.includes(input.countyCode)) {
        throw errors.field('countyCode', '该县区不在您的管辖范围内', 'Outside your jurisdiction');
      }
      if (input.endDate < input.startDate)
        throw errors.field('endDate', '结束日期早于开始日期', 'Ends before it starts');
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('gyn_survey_campaign')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { campaign: existing, created: false };
        }
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('gyn_survey_campaign')
          .values({
            county_code: input.countyCode,
            id,
            name: input.name,
            year: input.year,
            start_date: input.startDate,
            end_date: input.endDate,
            target_population: input.targetPopulation,
            institution_id: input.institutionId ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.gyn_survey.campaign',
          entityType: 'gyn_survey_campaign',
          entityId: id,
          countyCode: input.countyCode,
        });
        return { campaign: row, created: true };
      });
    },

    async updateCampaign(ctx: AuthContext, id: string, input: z.infer<typeof campaignUpdateSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCampaign(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const end = input.endDate ?? row.end_date;
        if (end < row.start_date) throw errors.field('endDate', '结束日期早于开始日期', 'Ends before it starts');
        const updated = await trx
          .updateTable('gyn_survey_campaign')
          .set({
            name: input.name ?? row.name,
            end_date: end,
            target_population: input.targetPopulation ?? row.target_population,
            note: input.note !== undefined ? input.note : row.note,
            version: row.version + 1,
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.gyn_survey.campaign.update',
          entityType: 'gyn_survey_campaign',
          entityId: id,
          countyCode: row.county_code,
        });
        return updated;
      });
    },

    /** Campaigns with their coverage (examined ÷ target) and findings. */
    async campaigns(ctx: AuthContext, year?: number) {
      return withScope(db, ctx, async (trx) => {
        let q = trx.selectFrom('gyn_survey_campaign').selectAll();
        if (year) q = q.where('year', '=', year);
        const rows = await q.orderBy('start_date', 'desc').execute();
        const stats = await sql<{
          campaign_id: string;
          examined: number;
          in_target: number;
          with_findings: number;
          follow_up_pending: number;
        }>`select campaign_id, count(*)::int as examined, count(*) filter (where in_target)::int as in_target,
              count(*) filter (where cardinality(findings) > 0)::int as with_findings,
              count(*) filter (where follow_up_due is not null and follow_up_done_on is null)::int as follow_up_pending
            from gyn_survey_exam group by campaign_id`.execute(trx);
        const findings = await sql<{ campaign_id: string; finding: string; n: number }>`
          select campaign_id, unnest(findings) as finding, count(*)::int as n from gyn_survey_exam
          group by campaign_id, finding`.execute(trx);
        return rows.map((r) => {
          const s = stats.rows.find((x) => x.campaign_id === r.id);
          const examined = Number(s?.examined ?? 0);
          return {
            id: r.id,
            countyCode: r.county_code,
            countyName: regions.get(r.county_code)?.name ?? null,
            name: r.name,
            year: r.year,
            startDate: r.start_date,
            endDate: r.end_date,
            targetPopulation: r.target_population,
            institutionId: r.institution_id,
            note: r.note,
            version: r.version,
            examined,
            inTargetExamined: Number(s?.in_target ?? 0),
            coverage: Number(s?.in_target ?? 0) / r.target_population,
            withFindings: Number(s?.with_findings ?? 0),
            detectionRate: examined ? Number(s?.with_findings ?? 0) / examined : null,
            followUpPending: Number(s?.follow_up_pending ?? 0),
            findings: Object.fromEntries(
              findings.rows.filter((f) => f.campaign_id === r.id).map((f) => [f.finding, Number(f.n)]),
            ),
          };
        });
      });
    },

    async recordExam(ctx: AuthContext, input: z.infer<typeof gynExamSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('gyn_survey_exam')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { exam: examDto(existing), created: false };
        }
        const c = await loadCampaign(trx, input.campaignId, 'campaignId');
        const person = await loadPerson(trx, input.personId, { sex: 'female', field: 'personId' });
        if (person.county_code !== c.county_code) {
          throw errors.field('personId', '该妇女不在本次普查的县区', 'The woman lives outside the campaign county');
        }
        notFuture(input.examDate, 'examDate', '检查日期');
        notBeforeBirth(person, input.examDate, 'examDate');
        if (input.examDate < c.start_date || input.examDate > c.end_date) {
          throw errors.field(
            'examDate',
            `检查日期应在普查期间（${c.start_date}至${c.end_date}）`,
            'The exam date is outside the campaign',
          );
        }
        if (input.disposition === 'referred' && !input.referralTo) {
          throw errors.field('referralTo', '转诊时请填写转诊机构', 'Give the receiving institution');
        }
        if (input.disposition === 'treated' && !input.treatment) {
          throw errors.field('treatment', '请填写治疗措施', 'Describe the treatment');
        }
        if (input.disposition !== 'none' && input.findings.length === 0) {
          throw errors.field(
            'findings',
            '有处理措施时请填写检查所见',
            'Give the findings that were treated or referred',
          );
        }
        if (!person.birth_date) throw errors.field('personId', '该妇女缺少出生日期', 'No birth date');
        const target = isGynSurveyTarget(person.birth_date, input.examDate);
        if (!target.ok) throw errors.field('examDate', target.messageZh, target.messageEn, target.code);
        const dup = await trx
          .selectFrom('gyn_survey_exam')
          .select('id')
          .where('county_code', '=', c.county_code)
          .where('campaign_id', '=', c.id)
          .where('person_id', '=', person.id)
          .executeTakeFirst();
        if (dup) {
          throw errors.conflict('ALREADY_EXAMINED', '该妇女已在本次普查中检查', 'Already examined in this campaign', {
            examId: dup.id,
          });
        }
        const institutionId = input.institutionId ?? ctx.institutionId ?? c.institution_id ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('gyn_survey_exam')
          .values({
            county_code: c.county_code,
            id,
            campaign_id: c.id,
            person_id: person.id,
            exam_date: input.examDate,
            age: target.age,
            in_target: target.target,
            findings: input.findings,
            disposition: input.disposition,
            treatment: input.treatment ?? null,
            referral_to: input.referralTo ?? null,
            follow_up_due: gynSurveyFollowUpDue(input.examDate, input.disposition as GynSurveyDisposition),
            institution_id: institutionId,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.gyn_survey.exam',
          entityType: 'gyn_survey_exam',
          entityId: id,
          personId: person.id,
          countyCode: c.county_code,
          details: { findings: input.findings.length, disposition: input.disposition },
        });
        return { exam: examDto(row), created: true };
      });
    },

    async examFollowUp(ctx: AuthContext, id: string, input: z.infer<typeof followUpDoneSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadExam(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (!row.follow_up_due)
          throw invalidTransition('该检查无需随访', 'No follow-up is due', { state: row.disposition });
        if (row.follow_up_done_on) throw invalidTransition('已登记随访', 'Already followed up', { state: 'done' });
        notFuture(input.date, 'date', '随访日期');
        if (input.date < row.exam_date) throw errors.field('date', '随访日期早于检查日期', 'Before the exam');
        const updated = await trx
          .updateTable('gyn_survey_exam')
          .set({ follow_up_done_on: input.date, follow_up_outcome: input.outcome, version: row.version + 1 })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.gyn_survey.follow_up',
          entityType: 'gyn_survey_exam',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return examDto(updated);
      });
    },

    async exams(ctx: AuthContext, f: GynExamListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('gyn_survey_exam as e')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'e.county_code').onRef('p.id', '=', 'e.person_id'),
          );
        if (f.campaignId) q = q.where('e.campaign_id', '=', f.campaignId);
        if (f.finding) q = q.where(sql<boolean>`${f.finding} = any(e.findings)`);
        if (f.disposition) q = q.where('e.disposition', '=', f.disposition);
        if (f.institutionId) q = q.where('e.institution_id', '=', f.institutionId);
        if (f.followUp === 'due')
          q = q.where('e.follow_up_due', 'is not', null).where('e.follow_up_done_on', 'is', null);
        if (f.followUp === 'overdue') q = q.where('e.follow_up_done_on', 'is', null).where('e.follow_up_due', '<', t);
        if (f.followUp === 'done') q = q.where('e.follow_up_done_on', 'is not', null);
        if (f.from) q = q.where('e.exam_date', '>=', f.from);
        if (f.to) q = q.where('e.exam_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('e')
          .select(['p.name as woman_name', 'p.id_number_masked as woman_id'])
          .orderBy('e.exam_date', 'desc')
          .orderBy('e.id');
        if (!opts.all) rowsQ = rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.gyn_survey.export' : 'women.gyn_survey.list',
          entityType: 'gyn_survey_exam',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...examDto(r, t),
            womanName: r.woman_name,
            idNumberMasked: r.woman_id,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    async screenPelvic(ctx: AuthContext, input: z.infer<typeof pelvicSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('pelvic_floor_screening')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { screening: pelvicDto(existing), created: false };
        }
        const person = await loadPerson(trx, input.personId, { sex: 'female', field: 'personId' });
        notFuture(input.screeningDate, 'screeningDate', '筛查日期');
        notBeforeBirth(person, input.screeningDate, 'screeningDate');
        if (input.deliveryDate && input.deliveryDate > input.screeningDate) {
          throw errors.field('deliveryDate', '分娩日期晚于筛查日期', 'The delivery is after the screening');
        }
        const a = assessPelvicFloor({
          muscleStrength: input.muscleStrength,
          popStage: input.popStage,
          stressIncontinence: input.stressIncontinence,
          ...(input.deliveryDate ? { deliveryDate: input.deliveryDate, screeningDate: input.screeningDate } : {}),
        });
        const status = !a.rehabIndicated ? 'no_rehab' : input.declined ? 'declined' : 'rehab_planned';
        const institutionId = input.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('pelvic_floor_screening')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            screening_date: input.screeningDate,
            delivery_id: input.deliveryId ?? null,
            delivery_date: input.deliveryDate ?? null,
            postpartum_days: a.postpartumDays,
            muscle_strength: input.muscleStrength,
            pop_stage: input.popStage,
            stress_incontinence: input.stressIncontinence,
            rehab_indicated: a.rehabIndicated,
            reasons: a.reasons,
            planned_sessions: a.rehabIndicated ? (input.plannedSessions ?? PELVIC_FLOOR_DEFAULT.courseSessions) : null,
            status,
            first_session_due:
              status === 'rehab_planned'
                ? addDays(input.screeningDate, PELVIC_FLOOR_DEFAULT.firstSessionWithinDays)
                : null,
            institution_id: institutionId,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.pelvic_floor.screen',
          entityType: 'pelvic_floor_screening',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { rehabIndicated: a.rehabIndicated },
        });
        return { screening: { ...pelvicDto(row), inWindow: a.inWindow }, created: true };
      });
    },

    /** Records a rehabilitation session; refused unless rehabilitation is planned or under way. */
    async addSession(ctx: AuthContext, id: string, input: z.infer<typeof pelvicSessionSchema>) {
      return withScope(db, ctx, async (trx) => {
        const { row, sessions } = await loadPelvic(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'rehab_planned' && row.status !== 'in_rehab') {
          const zh: Record<string, string> = { no_rehab: '无需康复', completed: '已完成疗程', declined: '已拒绝康复' };
          throw invalidTransition(
            `该筛查状态为“${zh[row.status] ?? row.status}”，不能登记康复治疗`,
            `The screening is "${row.status}"; no session can be recorded`,
            { state: row.status },
          );
        }
        notFuture(input.sessionDate, 'sessionDate', '治疗日期');
        const last = sessions.at(-1)?.session_date ?? row.screening_date;
        if (input.sessionDate < last) {
          throw errors.field('sessionDate', `治疗日期早于上一次（${last}）`, 'Before the previous session');
        }
        const no = sessions.length + 1;
        await trx
          .insertInto('pelvic_floor_session')
          .values({
            county_code: row.county_code,
            id: randomUUID(),
            screening_id: row.id,
            person_id: row.person_id,
            session_date: input.sessionDate,
            session_no: no,
            modality: input.modality,
            muscle_strength_after: input.muscleStrengthAfter ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .execute();
        const status = no >= (row.planned_sessions ?? PELVIC_FLOOR_DEFAULT.courseSessions) ? 'completed' : 'in_rehab';
        const updated = await trx
          .updateTable('pelvic_floor_screening')
          .set({ status, version: row.version + 1 })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.pelvic_floor.session',
          entityType: 'pelvic_floor_screening',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
          details: { sessionNo: no },
        });
        const again = await loadPelvic(trx, id);
        return pelvicDto(again.row, again.sessions);
      });
    },

    async declinePelvic(ctx: AuthContext, id: string, input: z.infer<typeof pelvicDeclineSchema>) {
      return withScope(db, ctx, async (trx) => {
        const { row, sessions } = await loadPelvic(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'rehab_planned' && row.status !== 'in_rehab') {
          throw invalidTransition(
            '只有待康复或康复中的妇女可登记拒绝/中止',
            'Only a planned or ongoing course can be declined',
            {
              state: row.status,
            },
          );
        }
        const updated = await trx
          .updateTable('pelvic_floor_screening')
          .set({ status: 'declined', note: input.note ?? row.note, version: row.version + 1 })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.pelvic_floor.decline',
          entityType: 'pelvic_floor_screening',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return pelvicDto(updated, sessions);
      });
    },

    async getPelvic(ctx: AuthContext, id: string) {
      return withScope(db, ctx, async (trx) => {
        const { row, sessions } = await loadPelvic(trx, id);
        await audit.write(trx, ctx, {
          action: 'women.pelvic_floor.read',
          entityType: 'pelvic_floor_screening',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return pelvicDto(row, sessions);
      });
    },

    async pelvicList(ctx: AuthContext, f: PelvicListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('pelvic_floor_screening as s')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 's.county_code').onRef('p.id', '=', 's.person_id'),
          );
        if (f.status) q = q.where('s.status', '=', f.status);
        if (f.institutionId) q = q.where('s.institution_id', '=', f.institutionId);
        if (f.overdue === 'true') q = q.where('s.status', '=', 'rehab_planned').where('s.first_session_due', '<', t);
        if (f.from) q = q.where('s.screening_date', '>=', f.from);
        if (f.to) q = q.where('s.screening_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('s')
          .select([
            'p.name as woman_name',
            'p.id_number_masked as woman_id',
            sql<number>`(select count(*)::int from pelvic_floor_session x where x.county_code = s.county_code and x.screening_id = s.id)`.as(
              'session_count',
            ),
          ])
          .orderBy('s.screening_date', 'desc')
          .orderBy('s.id');
        if (!opts.all) rowsQ = rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.pelvic_floor.export' : 'women.pelvic_floor.list',
          entityType: 'pelvic_floor_screening',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...pelvicDto(r, [], t),
            womanName: r.woman_name,
            idNumberMasked: r.woman_id,
            sessionCount: Number(r.session_count),
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /** A woman's survey examinations and pelvic-floor screenings. */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const [exams, pelvic] = await Promise.all([
          trx
            .selectFrom('gyn_survey_exam as e')
            .innerJoin('gyn_survey_campaign as c', (j) =>
              j.onRef('c.county_code', '=', 'e.county_code').onRef('c.id', '=', 'e.campaign_id'),
            )
            .selectAll('e')
            .select('c.name as campaign_name')
            .where('e.county_code', '=', person.county_code)
            .where('e.person_id', '=', personId)
            .orderBy('e.exam_date', 'desc')
            .execute(),
          trx
            .selectFrom('pelvic_floor_screening')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('screening_date', 'desc')
            .execute(),
        ]);
        const sessions = pelvic.length
          ? await trx
              .selectFrom('pelvic_floor_session')
              .selectAll()
              .where('county_code', '=', person.county_code)
              .where('person_id', '=', personId)
              .orderBy('session_no')
              .execute()
          : [];
        await audit.write(trx, ctx, {
          action: 'women.gyn_pelvic.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        return {
          exams: exams.map((e) => ({ ...examDto(e), campaignName: e.campaign_name })),
          pelvic: pelvic.map((p) =>
            pelvicDto(
              p,
              sessions.filter((s) => s.screening_id === p.id),
            ),
          ),
        };
      });
    },
  };
}
export type GynPelvicService = ReturnType<typeof createGynPelvicService>;
