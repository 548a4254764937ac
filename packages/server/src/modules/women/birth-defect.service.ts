import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  BIRTH_DEFECT_DIAGNOSIS_BASIS,
  birthDefectCategoryForIcd10,
  birthDefectRatePer10000,
  inBirthDefectSurveillanceWindow,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type AidApplicationTable,
  type BirthDefectReportTable,
  type Database,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { isoDate, pagination, uuid } from '../../platform/validation';
import type { ModuleDeps } from '../module-deps';
import {
  checkInstitution,
  institutionNames,
  invalidTransition,
  json,
  loadPerson,
  notFuture,
  num,
  today,
} from './women.common';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
const OUTCOMES = ['live_birth', 'stillbirth', 'termination', 'early_neonatal_death'] as const;

export const defectReportSchema = z.object({
  id: uuid.optional(),
  deliveryId: uuid.optional().describe('从分娩记录生成（孕产期保健模块）'),
  birthOutcomeId: uuid.optional().describe('分娩记录中的某个胎儿/新生儿'),
  prenatalDiagnosisId: uuid.optional().describe('从产前诊断记录生成'),
  motherPersonId: uuid.optional(),
  childPersonId: uuid.optional(),
  birthDate: isoDate.optional().describe('妊娠结束日期（出生、死胎死产或引产）'),
  gestationalWeeks: z.number().int().min(12, '孕周应在12–45').max(45, '孕周应在12–45').optional(),
  gestationalDays: z.number().int().min(0).max(6).optional(),
  birthWeightG: z.number().int().min(100, '体重应在100–8000克').max(8000, '体重应在100–8000克').optional(),
  sex: z.enum(['male', 'female', 'unknown'], '性别无效').optional(),
  outcome: z.enum(OUTCOMES, '转归应为 live_birth/stillbirth/termination/early_neonatal_death').optional(),
  defects: z
    .array(z.object({ icd10: z.string().trim().min(3).max(8), description: text(200).optional() }))
    .max(10)
    .optional(),
  diagnosisBasis: z
    .array(z.enum(BIRTH_DEFECT_DIAGNOSIS_BASIS.map((b) => b.code) as [string, ...string[]], '诊断依据无效'))
    .max(6)
    .optional(),
  diagnosisTime: z.enum(['prenatal', 'after_birth'], '诊断时间应为 prenatal/after_birth').optional(),
  diagnosisDate: isoDate.optional(),
  institutionId: uuid.optional(),
  reporter: text(50).optional(),
  note: text(500).optional(),
});
export type DefectReportInput = z.infer<typeof defectReportSchema>;

export const defectListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  category: z.string().max(40).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  diagnosisTime: z.enum(['prenatal', 'after_birth']).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
type DefectListFilter = z.infer<typeof defectListSchema>;

const PROGRAMMES = [
  'birth_defect_aid',
  'congenital_heart_aid',
  'metabolic_disease_aid',
  'hearing_aid',
  'other',
] as const;
export const aidSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  birthDefectReportId: uuid.optional(),
  programme: z.enum(PROGRAMMES, '救助项目无效'),
  condition: text(200).min(1, '请填写病种/诊断'),
  appliedOn: isoDate,
  amountRequested: z.number().min(0, '金额不能为负').max(10_000_000).optional(),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});
export const aidDecisionSchema = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'reject', 'pay'], '操作应为 approve/reject/pay'),
  date: isoDate,
  approvedAmount: z.number().min(0, '金额不能为负').max(10_000_000).optional(),
  note: text(500).optional(),
});
export const aidListSchema = z.object({
  status: z.enum(['submitted', 'approved', 'rejected', 'paid']).optional(),
  programme: z.enum(PROGRAMMES).optional(),
  ...pagination,
});

type ReportRow = Selectable<BirthDefectReportTable>;
type AidRow = Selectable<AidApplicationTable>;

const reportDto = (r: ReportRow) => ({
  id: r.id,
  motherPersonId: r.mother_person_id,
  childPersonId: r.child_person_id,
  source: r.source,
  deliveryId: r.delivery_id,
  birthOutcomeId: r.birth_outcome_id,
  prenatalDiagnosisId: r.prenatal_diagnosis_id,
  birthDate: r.birth_date,
  gestationalWeeks: r.gestational_weeks,
  gestationalDays: r.gestational_days,
  birthWeightG: r.birth_weight_g,
  sex: r.sex,
  outcome: r.outcome,
  defects: r.defects,
  categories: r.categories,
  diagnosisBasis: r.diagnosis_basis,
  diagnosisTime: r.diagnosis_time,
  diagnosisDate: r.diagnosis_date,
  inWindow: r.in_window,
  institutionId: r.institution_id,
  reporter: r.reporter,
  note: r.note,
  version: r.version,
});

const aidDto = (r: AidRow) => ({
  id: r.id,
  personId: r.person_id,
  birthDefectReportId: r.birth_defect_report_id,
  programme: r.programme,
  condition: r.condition,
  appliedOn: r.applied_on,
  amountRequested: num(r.amount_requested),
  status: r.status,
  decidedOn: r.decided_on,
  approvedAmount: num(r.approved_amount),
  decisionNote: r.decision_note,
  paidOn: r.paid_on,
  institutionId: r.institution_id,
  note: r.note,
  version: r.version,
});

/** Birth-defect surveillance report cards (core categories and window) and aid applications. */
export function createBirthDefectService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  /** Values taken from the delivery or the prenatal diagnosis (maternal module tables, read only). */
  async function prefill(trx: Transaction<Database>, input: DefectReportInput) {
    const out: Partial<DefectReportInput> & { source: 'delivery' | 'prenatal_diagnosis' | 'manual' } = {
      source: 'manual',
    };
    if (input.deliveryId) {
      const d = await trx.selectFrom('delivery').selectAll().where('id', '=', input.deliveryId).executeTakeFirst();
      if (!d) throw errors.field('deliveryId', '分娩记录不存在或不在您的管辖范围', 'Delivery not found');
      const outcomes = await trx
        .selectFrom('birth_outcome')
        .selectAll()
        .where('county_code', '=', d.county_code)
        .where('delivery_id', '=', d.id)
        .orderBy('birth_order')
        .execute();
      const o = input.birthOutcomeId
        ? outcomes.find((x) => x.id === input.birthOutcomeId)
        : outcomes.length === 1
          ? outcomes[0]
          : outcomes.find((x) => x.defects.length > 0);
      if (input.birthOutcomeId && !o) {
        throw errors.field('birthOutcomeId', '该分娩记录中没有此新生儿', 'Not a baby of this delivery');
      }
      Object.assign(out, {
        source: 'delivery',
        motherPersonId: d.person_id,
        birthDate: d.delivery_date,
        gestationalWeeks: Math.floor(d.ga_days / 7),
        gestationalDays: d.ga_days % 7,
        institutionId: d.institution_id ?? undefined,
        ...(o
          ? {
              birthOutcomeId: o.id,
              sex: o.sex,
              birthWeightG: o.weight_g ?? undefined,
              childPersonId: o.child_person_id ?? undefined,
              outcome: o.outcome === 'live_birth' ? 'live_birth' : 'stillbirth',
              defects: o.defects.filter((x) => /^Q\d{2}/i.test(x)).map((icd10) => ({ icd10 })),
              diagnosisTime: 'after_birth',
              diagnosisDate: d.delivery_date,
            }
          : {}),
      });
    }
    if (input.prenatalDiagnosisId) {
      const p = await trx
        .selectFrom('prenatal_screening')
        .selectAll()
        .where('id', '=', input.prenatalDiagnosisId)
        .executeTakeFirst();
      if (!p) throw errors.field('prenatalDiagnosisId', '产前诊断记录不存在或不在您的管辖范围', 'Not found');
      if (!p.diagnosed_on) {
        throw errors.field('prenatalDiagnosisId', '该产前筛查尚无诊断结果', 'The screening has no diagnosis yet');
      }
      Object.assign(out, {
        source: out.source === 'delivery' ? 'delivery' : 'prenatal_diagnosis',
        motherPersonId: out.motherPersonId ?? p.person_id,
        diagnosisTime: 'prenatal',
        diagnosisDate: p.diagnosed_on,
        diagnosisBasis:
          p.diagnosis_test === 'karyotype' || p.diagnosis_test === 'cma' ? ['chromosome'] : ['ultrasound'],
      });
    }
    return out;
  }

  return {
    /** Files a report card; prefilled from a delivery or a prenatal diagnosis when their ids are given. */
    async report(ctx: AuthContext, input: DefectReportInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('birth_defect_report')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { report: reportDto(existing), created: false };
        }
        const pre = await prefill(trx, input);
        const v = {
          ...pre,
          ...Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)),
        } as DefectReportInput & {
          source: 'delivery' | 'prenatal_diagnosis' | 'manual';
        };
        if (!v.motherPersonId) throw errors.field('motherPersonId', '请选择母亲', 'Choose the mother');
        const mother = await loadPerson(trx, v.motherPersonId, { sex: 'female', field: 'motherPersonId' });
        if (!v.birthDate)
          throw errors.field('birthDate', '请填写妊娠结束（出生）日期', 'Give the date the pregnancy ended');
        if (!v.outcome) throw errors.field('outcome', '请选择妊娠结局', 'Give the outcome');
        if (!v.defects || v.defects.length === 0)
          throw errors.field('defects', '请填写至少一项缺陷（ICD-10 Q编码）', 'Enter a defect');
        if (!v.diagnosisBasis || v.diagnosisBasis.length === 0) {
          throw errors.field('diagnosisBasis', '请选择诊断依据', 'Give the diagnosis basis');
        }
        if (!v.diagnosisDate) throw errors.field('diagnosisDate', '请填写诊断日期', 'Give the diagnosis date');
        notFuture(v.birthDate, 'birthDate', '出生日期');
        notFuture(v.diagnosisDate, 'diagnosisDate', '诊断日期');
        if (v.childPersonId) await loadPerson(trx, v.childPersonId, { field: 'childPersonId' });
        const defects = v.defects.map((d, i) => {
          const c = birthDefectCategoryForIcd10(d.icd10);
          if (!c) {
            throw errors.field(
              `defects.${i}.icd10`,
              `“${d.icd10}”不是先天畸形ICD-10编码（Q00–Q99）`,
              'Not an ICD-10 chapter Q code',
            );
          }
          if (c.code === 'other' && !d.description) {
            throw errors.field(`defects.${i}.description`, '“其他”类缺陷请写明病名或详细描述', 'Describe the defect');
          }
          return { icd10: d.icd10.toUpperCase(), category: c.code, description: d.description ?? null };
        });
        const w = inBirthDefectSurveillanceWindow({
          birthDate: v.birthDate,
          diagnosisDate: v.diagnosisDate,
          ...(v.gestationalWeeks !== undefined
            ? { gestationalAge: { weeks: v.gestationalWeeks, days: v.gestationalDays ?? 0 } }
            : {}),
          ...(v.birthWeightG !== undefined ? { birthWeightG: v.birthWeightG } : {}),
        });
        if (!w.ok) throw errors.field('diagnosisDate', w.messageZh, w.messageEn, w.code);
        if (!w.inWindow) {
          const zh: Record<string, string> = {
            before_min_gestation: '孕周不足28周（或体重不足1000克），不属于出生缺陷监测范围',
            diagnosed_too_late: '出生7天后才诊断，不属于医院出生缺陷监测范围',
            gestation_unknown: '请填写孕周或出生体重，以判断是否属于监测范围',
          };
          const field = w.reason === 'diagnosed_too_late' ? 'diagnosisDate' : 'gestationalWeeks';
          throw new AppError(
            'OUTSIDE_SURVEILLANCE_WINDOW',
            422,
            zh[w.reason] ?? w.reason,
            `Outside the surveillance window (${w.reason})`,
            [{ field, messageZh: zh[w.reason] ?? w.reason, messageEn: w.reason }],
          );
        }
        const diagnosisTime = v.diagnosisTime ?? (v.diagnosisDate < v.birthDate ? 'prenatal' : 'after_birth');
        if (v.birthOutcomeId) {
          const dup = await trx
            .selectFrom('birth_defect_report')
            .select('id')
            .where('county_code', '=', mother.county_code)
            .where('birth_outcome_id', '=', v.birthOutcomeId)
            .executeTakeFirst();
          if (dup) {
            throw errors.conflict('ALREADY_REPORTED', '该新生儿已有出生缺陷登记卡', 'This baby is already reported', {
              reportId: dup.id,
            });
          }
        }
        const institutionId = v.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('birth_defect_report')
          .values({
            county_code: mother.county_code,
            id,
            mother_person_id: mother.id,
            child_person_id: v.childPersonId ?? null,
            source: v.source,
            delivery_id: v.deliveryId ?? null,
            birth_outcome_id: v.birthOutcomeId ?? null,
            prenatal_diagnosis_id: v.prenatalDiagnosisId ?? null,
            birth_date: v.birthDate,
            gestational_weeks: v.gestationalWeeks ?? null,
            gestational_days: v.gestationalDays ?? null,
            birth_weight_g: v.birthWeightG ?? null,
            sex: v.sex ?? 'unknown',
            outcome: v.outcome,
            defects: json(defects),
            categories: [...new Set(defects.map((d) => d.category))],
            diagnosis_basis: v.diagnosisBasis,
            diagnosis_time: diagnosisTime,
            diagnosis_date: v.diagnosisDate,
            in_window: true,
            institution_id: institutionId,
            reporter: v.reporter ?? null,
            note: v.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.report',
          entityType: 'birth_defect_report',
          entityId: id,
          personId: mother.id,
          countyCode: mother.county_code,
          details: { source: v.source, categories: row.categories },
        });
        return { report: reportDto(row), created: true };
      });
    },

    async get(ctx: AuthContext, id: string) {
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('birth_defect_report').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('出生缺陷登记卡', 'birth-defect report');
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.read',
          entityType: 'birth_defect_report',
          entityId: id,
          personId: row.mother_person_id,
          countyCode: row.county_code,
        });
        return reportDto(row);
      });
    },

    async list(ctx: AuthContext, f: DefectListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('birth_defect_report as r')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.mother_person_id'),
          );
        if (f.category) q = q.where(sql<boolean>`${f.category} = any(r.categories)`);
        if (f.outcome) q = q.where('r.outcome', '=', f.outcome);
        if (f.diagnosisTime) q = q.where('r.diagnosis_time', '=', f.diagnosisTime);
        if (f.institutionId) q = q.where('r.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('r.birth_date', '>=', f.from);
        if (f.to) q = q.where('r.birth_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('r')
          .select(['p.name as mother_name', 'p.id_number_masked as mother_id'])
          .orderBy('r.birth_date', 'desc')
          .orderBy('r.id');
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
          action: opts.all ? 'women.birth_defect.export' : 'women.birth_defect.list',
          entityType: 'birth_defect_report',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...reportDto(r),
            motherName: r.mother_name,
            motherIdMasked: r.mother_id,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /**
     * Birth-defect rate per 10,000 perinatal births per county in scope: reports in the window ÷ births ≥28 weeks
     * (live births and stillbirths of the maternal module's delivery records).
     */
    async rate(ctx: AuthContext, year: number) {
      return withScope(db, ctx, async (trx) => {
        const from = `${year}-01-01`;
        const to = `${year}-12-31`;
        const cases = await sql<{ county_code: string; n: number }>`
          select county_code, count(*)::int as n from birth_defect_report
          where in_window and birth_date between ${from} and ${to} group by county_code`.execute(trx);
        const births = await sql<{ county_code: string; n: number }>`
          select d.county_code, count(*)::int as n from birth_outcome o
          join delivery d on d.county_code = o.county_code and d.id = o.delivery_id
          where d.delivery_date between ${from} and ${to} and d.ga_days >= 196
            and o.outcome in ('live_birth', 'stillbirth', 'fetal_death')
          group by d.county_code`.execute(trx);
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.rate',
          entityType: 'birth_defect_report',
          details: { year },
        });
        const counties = [...new Set([...ctx.counties, ...cases.rows.map((r) => r.county_code)])].sort();
        return counties.map((county) => {
          const n = Number(cases.rows.find((r) => r.county_code === county)?.n ?? 0);
          const b = Number(births.rows.find((r) => r.county_code === county)?.n ?? 0);
          const r = b > 0 ? birthDefectRatePer10000(Math.min(n, b), b) : null;
          return {
            countyCode: county,
            countyName: regions.get(county)?.name ?? null,
            year,
            defectCases: n,
            perinatalBirths: b,
            ratePer10000: r && r.ok ? r.rate : null,
          };
        });
      });
    },

    async applyAid(ctx: AuthContext, input: z.infer<typeof aidSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('aid_application')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { application: aidDto(existing), created: false };
        }
        const person = await loadPerson(trx, input.personId, { field: 'personId' });
        notFuture(input.appliedOn, 'appliedOn', '申请日期');
        if (input.birthDefectReportId) {
          const r = await trx
            .selectFrom('birth_defect_report')
            .select(['child_person_id', 'mother_person_id'])
            .where('id', '=', input.birthDefectReportId)
            .executeTakeFirst();
          if (!r || (r.child_person_id !== person.id && r.mother_person_id !== person.id)) {
            throw errors.field('birthDefectReportId', '登记卡不存在或与申请人无关', 'Not this child’s report');
          }
        }
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('aid_application')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            birth_defect_report_id: input.birthDefectReportId ?? null,
            programme: input.programme,
            condition: input.condition,
            applied_on: input.appliedOn,
            amount_requested: input.amountRequested ?? null,
            status: 'submitted',
            institution_id: input.institutionId ?? ctx.institutionId ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.aid.apply',
          entityType: 'aid_application',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { programme: input.programme },
        });
        return { application: aidDto(row), created: true };
      });
    },

    /** approve / reject a submitted application; pay an approved one (422 otherwise). Supervisors only. */
    async decideAid(ctx: AuthContext, id: string, input: z.infer<typeof aidDecisionSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('aid_application').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('救助申请', 'aid application');
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const from: Record<string, string> = { approve: 'submitted', reject: 'submitted', pay: 'approved' };
        if (row.status !== from[input.decision]) {
          const zh: Record<string, string> = {
            submitted: '已提交',
            approved: '已批准',
            rejected: '未批准',
            paid: '已发放',
          };
          const act: Record<string, string> = { approve: '批准', reject: '不予批准', pay: '登记发放' };
          throw invalidTransition(
            `申请当前状态为“${zh[row.status] ?? row.status}”，不能${act[input.decision]}`,
            `The application is ${row.status}; cannot ${input.decision}`,
            { state: row.status, event: input.decision },
          );
        }
        notFuture(input.date, 'date', '日期');
        if (input.date < row.applied_on) throw errors.field('date', '日期早于申请日期', 'Before the application');
        if (input.decision === 'approve' && input.approvedAmount === undefined) {
          throw errors.field('approvedAmount', '请填写批准金额', 'Give the approved amount');
        }
        if (input.decision === 'reject' && !input.note)
          throw errors.field('note', '请填写不予批准的理由', 'Give the reason');
        const patch =
          input.decision === 'pay'
            ? { status: 'paid' as const, paid_on: input.date }
            : {
                status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
                decided_on: input.date,
                approved_amount: input.decision === 'approve' ? (input.approvedAmount ?? null) : null,
                decision_note: input.note ?? null,
              };
        const updated = await trx
          .updateTable('aid_application')
          .set({ ...patch, version: row.version + 1, updated_at: new Date() })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: `women.aid.${input.decision}`,
          entityType: 'aid_application',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return aidDto(updated);
      });
    },

    async aidList(ctx: AuthContext, f: z.infer<typeof aidListSchema>) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('aid_application as a')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'a.county_code').onRef('p.id', '=', 'a.person_id'),
          );
        if (f.status) q = q.where('a.status', '=', f.status);
        if (f.programme) q = q.where('a.programme', '=', f.programme);
        const [rows, total, sums] = await Promise.all([
          q
            .selectAll('a')
            .select(['p.name as person_name', 'p.id_number_masked as person_id_masked'])
            .orderBy('a.applied_on', 'desc')
            .limit(f.pageSize)
            .offset((f.page - 1) * f.pageSize)
            .execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
          q
            .select([
              sql<number>`coalesce(sum(a.approved_amount) filter (where a.status in ('approved', 'paid')), 0)`.as(
                'approved',
              ),
              sql<number>`coalesce(sum(a.approved_amount) filter (where a.status = 'paid'), 0)`.as('paid'),
            ])
            .executeTakeFirstOrThrow(),
        ]);
        await audit.write(trx, ctx, {
          action: 'women.aid.list',
          entityType: 'aid_application',
          details: { results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({ ...aidDto(r), personName: r.person_name, idNumberMasked: r.person_id_masked })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
          approvedAmount: Number(sums.approved),
          paidAmount: Number(sums.paid),
        };
      });
    },

    /** Reports where the person is the mother or the child, and aid applications. */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const [reports, aid] = await Promise.all([
          trx
            .selectFrom('birth_defect_report')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where((eb) => eb.or([eb('mother_person_id', '=', personId), eb('child_person_id', '=', personId)]))
            .orderBy('birth_date', 'desc')
            .execute(),
          trx
            .selectFrom('aid_application')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('applied_on', 'desc')
            .execute(),
        ]);
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        return { reports: reports.map(reportDto), aid: aid.map(aidDto), today: today() };
      });
    },
  };
}
export type BirthDefectService = ReturnType<typeof createBirthDefectService>;
