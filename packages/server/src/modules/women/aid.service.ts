import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AID_PROCESSING_DEFAULT,
  aidApplicationDue,
  aidApplicationEvents,
  aidApplicantAgeOk,
  aidApplicationTransition,
} from '@fuyou/core';
import { sql, withScope, type AidApplicationTable, type Selectable } from '@fuyou/db';
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
  num,
  today,
} from './women.common';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);

/** Aid programmes (救助项目). */
export const AID_PROGRAMMES = [
  'birth_defect_aid',
  'congenital_heart_aid',
  'metabolic_disease_aid',
  'hearing_aid',
  'other',
] as const;
const STATUSES = ['submitted', 'approved', 'rejected', 'paid'] as const;

const money = z
  .number('金额应为数字')
  .min(0, '金额不能为负')
  .max(10_000_000, '金额过大')
  .refine((n) => Math.round(n * 100) === n * 100, '金额最多两位小数');

export const aidSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（重试时幂等）'),
  personId: uuid.describe('救助对象（患儿）'),
  birthDefectReportId: uuid.optional(),
  programme: z.enum(AID_PROGRAMMES, '救助项目无效'),
  condition: text(200).min(1, '请填写病种/诊断'),
  appliedOn: isoDate,
  amountRequested: money.optional(),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});
export type AidInput = z.infer<typeof aidSchema>;

export const aidDecisionSchema = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'reject', 'pay'], '操作应为 approve/reject/pay'),
  date: isoDate,
  approvedAmount: money.optional(),
  note: text(500).optional(),
});

export const aidListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(STATUSES, '状态应为 submitted/approved/rejected/paid').optional(),
  programme: z.enum(AID_PROGRAMMES, '救助项目无效').optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true：审批或发放逾期'),
  ...pagination,
});
export type AidListFilter = z.infer<typeof aidListSchema>;

type AidRow = Selectable<AidApplicationTable>;

/** An application as the API returns it, with the due date of its open step. */
export function aidDto(r: AidRow, now = today()) {
  const dueOn = aidApplicationDue({ state: r.status, appliedOn: r.applied_on, decidedOn: r.decided_on });
  return {
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
    allowedDecisions: aidApplicationEvents(r.status),
    dueOn,
    overdue: dueOn !== null && now > dueOn,
    version: r.version,
  };
}

/** Aid applications (救助): application → approval or rejection → payment. */
export function createAidService(deps: ModuleDeps) {
  const { db, audit } = deps;

  return {
    async apply(ctx: AuthContext, input: AidInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('aid_application')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { application: aidDto(existing), created: false };
        }
        const person = await loadPerson(trx, input.personId, { field: 'personId', what: ['救助对象', 'applicant'] });
        notFuture(input.appliedOn, 'appliedOn', '申请日期');
        notBeforeBirth(person, input.appliedOn, 'appliedOn');
        if (person.birth_date && !aidApplicantAgeOk(person.birth_date, input.appliedOn)) {
          const max = AID_PROCESSING_DEFAULT.maxAgeYears;
          throw errors.field('personId', `救助对象应为${max}岁以下儿童`, `The applicant must be under ${max}`);
        }
        if (input.birthDefectReportId) {
          const r = await trx
            .selectFrom('birth_defect_report')
            .select(['child_person_id', 'outcome'])
            .where('id', '=', input.birthDefectReportId)
            .executeTakeFirst();
          if (!r)
            throw errors.field('birthDefectReportId', '出生缺陷登记卡不存在或不在您的管辖范围', 'Report not found');
          if (r.child_person_id !== person.id) {
            throw errors.field('birthDefectReportId', '该登记卡不是此儿童的', 'The report is not of this child');
          }
        }
        const open = await trx
          .selectFrom('aid_application')
          .select(['id', 'status'])
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', person.id)
          .where('programme', '=', input.programme)
          .where('status', 'in', ['submitted', 'approved'])
          .executeTakeFirst();
        if (open) {
          throw errors.conflict(
            'AID_ALREADY_OPEN',
            '该儿童已有同一救助项目的申请在办理中',
            'An application for this programme is already open',
            { applicationId: open.id },
          );
        }
        const institutionId = input.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
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
            institution_id: institutionId,
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
    async decide(ctx: AuthContext, id: string, input: z.infer<typeof aidDecisionSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('aid_application').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('救助申请', 'aid application');
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const t = aidApplicationTransition({
          state: row.status,
          event: input.decision,
          date: input.date,
          appliedOn: row.applied_on,
          decidedOn: row.decided_on,
          ...(input.approvedAmount !== undefined ? { approvedAmount: input.approvedAmount } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
        });
        if (!t.ok) {
          if (t.code === 'INVALID_TRANSITION') {
            throw invalidTransition(t.messageZh, t.messageEn, { state: row.status, event: input.decision });
          }
          throw errors.field(t.field, t.messageZh, t.messageEn);
        }
        notFuture(input.date, 'date', '日期');
        const patch =
          input.decision === 'pay'
            ? { status: t.state, paid_on: input.date }
            : {
                status: t.state,
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
          details: { from: row.status, to: t.state },
        });
        return aidDto(updated);
      });
    },

    async list(ctx: AuthContext, f: AidListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const now = today();
        let q = trx
          .selectFrom('aid_application as a')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'a.county_code').onRef('p.id', '=', 'a.person_id'),
          );
        if (f.status) q = q.where('a.status', '=', f.status);
        if (f.programme) q = q.where('a.programme', '=', f.programme);
        if (f.institutionId) q = q.where('a.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('a.applied_on', '>=', f.from);
        if (f.to) q = q.where('a.applied_on', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        if (f.overdue === 'true') {
          const cfg = { d: AID_PROCESSING_DEFAULT.decisionWithinDays, p: AID_PROCESSING_DEFAULT.paymentWithinDays };
          q = q.where((eb) =>
            eb.or([
              eb.and([eb('a.status', '=', 'submitted'), sql<boolean>`a.applied_on + ${cfg.d}::int < ${now}::date`]),
              eb.and([
                eb('a.status', '=', 'approved'),
                sql<boolean>`coalesce(a.decided_on, a.applied_on) + ${cfg.p}::int < ${now}::date`,
              ]),
            ]),
          );
        }
        let rowsQ = q
          .selectAll('a')
          .select(['p.name as person_name', 'p.id_number_masked as person_id_masked', 'p.birth_date as person_birth'])
          .orderBy('a.applied_on', 'desc')
          .orderBy('a.id');
        rowsQ = opts.all ? rowsQ.limit(50_000) : rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total, sums] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
          q
            .select([
              sql<number>`coalesce(sum(a.amount_requested), 0)`.as('requested'),
              sql<number>`coalesce(sum(a.approved_amount) filter (where a.status in ('approved', 'paid')), 0)`.as(
                'approved',
              ),
              sql<number>`coalesce(sum(a.approved_amount) filter (where a.status = 'paid'), 0)`.as('paid'),
            ])
            .executeTakeFirstOrThrow(),
        ]);
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.aid.export' : 'women.aid.list',
          entityType: 'aid_application',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...aidDto(r, now),
            personName: r.person_name,
            idNumberMasked: r.person_id_masked,
            personBirthDate: r.person_birth,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
          requestedAmount: Number(sums.requested),
          approvedAmount: Number(sums.approved),
          paidAmount: Number(sums.paid),
        };
      });
    },
  };
}
export type AidService = ReturnType<typeof createAidService>;
