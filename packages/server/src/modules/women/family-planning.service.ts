import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  FAMILY_PLANNING_SERVICES,
  POST_ABORTION_CARE_ITEMS,
  classifyPostAbortionContraception,
  complicationsFor,
  iudRemovalAfterMenopause,
  postAbortionFollowUpSchedule,
  type FamilyPlanningService,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type ContraceptiveStockMovementTable,
  type Database,
  type FamilyPlanningServiceTable,
  type PostAbortionCareTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { isoDate, pagination, uuid } from '../../platform/validation';
import type { ModuleDeps } from '../module-deps';
import {
  institutionNames,
  invalidTransition,
  json,
  loadPerson,
  notBeforeBirth,
  notFuture,
  today,
} from './women.common';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
const SERVICE_CODES = FAMILY_PLANNING_SERVICES.map((s) => s.code) as [string, ...string[]];
/** Contraceptives handed out (core's supply services). */
export const SUPPLY_ITEMS = FAMILY_PLANNING_SERVICES.filter((s) => s.kind === 'supply').map((s) => s.code) as [
  string,
  ...string[],
];
const ABORTIONS = ['surgical_abortion', 'medical_abortion', 'mid_trimester_termination'] as const;

export const fpServiceSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  serviceDate: isoDate,
  service: z.enum(SERVICE_CODES, '服务项目无效'),
  complications: z.array(z.string().trim().max(40)).max(10).default([]),
  complicationNote: text(500).optional(),
  adverseReaction: text(500).optional(),
  lastMenstrualPeriod: isoDate.optional().describe('绝经后取环：末次月经'),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});

export const fpListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  service: z.enum(SERVICE_CODES).optional(),
  complication: z.enum(['true', 'false']).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
type FpListFilter = z.infer<typeof fpListSchema>;

export const stockSchema = z.object({
  id: uuid.optional(),
  institutionId: uuid.optional(),
  item: z.enum(SUPPLY_ITEMS, '药具品种无效'),
  movementDate: isoDate,
  kind: z.enum(['receipt', 'issue', 'adjustment'], '类型应为 receipt/issue/adjustment'),
  quantity: z
    .number()
    .int('数量应为整数')
    .refine((n) => n !== 0, '数量不能为0')
    .describe('入库、发放为正数；盘点调整可正可负'),
  personId: uuid.optional().describe('发放给的对象'),
  batchNo: text(40).optional(),
  note: text(300).optional(),
});

export const stockListSchema = z.object({
  institutionId: uuid.optional(),
  item: z.enum(SUPPLY_ITEMS).optional(),
  kind: z.enum(['receipt', 'issue', 'adjustment']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
type StockListFilter = z.infer<typeof stockListSchema>;

export const pacSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  abortionDate: isoDate,
  abortionService: z.enum(ABORTIONS, '流产方式无效'),
  familyPlanningServiceId: uuid.optional(),
  careItems: z
    .array(z.enum(POST_ABORTION_CARE_ITEMS.map((i) => i.code) as [string, ...string[]], '关爱服务项目无效'))
    .max(5)
    .default([]),
  contraceptionMethod: z.enum(SERVICE_CODES, '避孕方法无效').optional(),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});

export const pacFollowUpSchema = z.object({
  version: z.number().int().min(1),
  date: isoDate,
  method: z.enum(SERVICE_CODES, '避孕方法无效').optional(),
  note: text(300).optional(),
});

export const pacListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  contraception: z.enum(['highly_effective', 'other_method', 'none']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
type PacListFilter = z.infer<typeof pacListSchema>;

type FpRow = Selectable<FamilyPlanningServiceTable>;
type StockRow = Selectable<ContraceptiveStockMovementTable>;
type PacRow = Selectable<PostAbortionCareTable>;

const fpDto = (r: FpRow) => ({
  id: r.id,
  personId: r.person_id,
  serviceDate: r.service_date,
  service: r.service,
  complications: r.complications,
  complicationNote: r.complication_note,
  adverseReaction: r.adverse_reaction,
  lastMenstrualPeriod: r.last_menstrual_period,
  institutionId: r.institution_id,
  note: r.note,
  version: r.version,
});

const stockDto = (r: StockRow) => ({
  id: r.id,
  institutionId: r.institution_id,
  item: r.item,
  movementDate: r.movement_date,
  kind: r.kind,
  quantity: r.quantity,
  personId: r.person_id,
  batchNo: r.batch_no,
  note: r.note,
});

const pacDto = (r: PacRow, t = today()) => ({
  id: r.id,
  personId: r.person_id,
  abortionDate: r.abortion_date,
  abortionService: r.abortion_service,
  familyPlanningServiceId: r.family_planning_service_id,
  careItems: r.care_items,
  contraceptionMethod: r.contraception_method,
  contraceptionClass: r.contraception_class,
  followUps: r.follow_ups,
  nextFollowUpDue: r.next_follow_up_due,
  followUpOverdue: !!r.next_follow_up_due && r.next_follow_up_due < t,
  institutionId: r.institution_id,
  note: r.note,
  version: r.version,
});

/** Family-planning services, contraceptive stock and issues, post-abortion care. */
export function createFamilyPlanningService(deps: ModuleDeps) {
  const { db, audit } = deps;

  async function institutionOf(trx: Transaction<Database>, ctx: AuthContext, id: string | undefined | null) {
    const instId = id ?? ctx.institutionId;
    if (!instId) throw errors.field('institutionId', '请选择机构', 'Choose the institution');
    const inst = await trx
      .selectFrom('institution')
      .select(['id', 'county_code', 'name'])
      .where('id', '=', instId)
      .executeTakeFirst();
    if (!inst || !ctx.counties.includes(inst.county_code)) {
      throw errors.field('institutionId', '机构不存在或不在您的管辖范围', 'Unknown institution or outside your scope');
    }
    return inst;
  }

  async function balanceOf(trx: Transaction<Database>, county: string, institutionId: string, item: string) {
    const r = await trx
      .selectFrom('contraceptive_stock_movement')
      .select(sql<number>`coalesce(sum(quantity), 0)::int`.as('balance'))
      .where('county_code', '=', county)
      .where('institution_id', '=', institutionId)
      .where('item', '=', item)
      .executeTakeFirstOrThrow();
    return Number(r.balance);
  }

  async function loadPac(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('post_abortion_care').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('流产后关爱记录', 'post-abortion care');
    return row;
  }

  /** The next visit of the schedule after `done` recorded follow-ups (null when all are done). */
  function nextDue(abortionDate: string, done: number): string | null {
    const s = postAbortionFollowUpSchedule(abortionDate);
    return s.ok ? (s.visits[done]?.dueDate ?? null) : null;
  }

  return {
    async recordService(ctx: AuthContext, input: z.infer<typeof fpServiceSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('family_planning_service')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { service: fpDto(existing), created: false, iudRemoval: null };
        }
        const def = FAMILY_PLANNING_SERVICES.find((s) => s.code === input.service)!;
        const person = await loadPerson(trx, input.personId, { sex: def.sex, field: 'personId' });
        notFuture(input.serviceDate, 'serviceDate', '服务日期');
        notBeforeBirth(person, input.serviceDate, 'serviceDate');
        const allowed = new Set<string>(complicationsFor(input.service as FamilyPlanningService));
        for (const c of input.complications) {
          if (!allowed.has(c)) {
            throw errors.field(
              'complications',
              `“${c}”不是该项服务的并发症`,
              `"${c}" is not a complication of this service`,
            );
          }
        }
        let iudRemoval = null;
        if (input.service === 'iud_removal_postmenopause') {
          if (!input.lastMenstrualPeriod) {
            throw errors.field('lastMenstrualPeriod', '绝经后取环请填写末次月经', 'Give the last menstrual period');
          }
          const r = iudRemovalAfterMenopause(input.lastMenstrualPeriod, input.serviceDate);
          if (!r.ok) throw errors.field('lastMenstrualPeriod', r.messageZh, r.messageEn, r.code);
          iudRemoval = r;
        }
        const inst =
          input.institutionId || ctx.institutionId ? await institutionOf(trx, ctx, input.institutionId) : null;
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('family_planning_service')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            service_date: input.serviceDate,
            service: input.service,
            institution_id: inst?.id ?? null,
            complications: input.complications,
            complication_note: input.complicationNote ?? null,
            adverse_reaction: input.adverseReaction ?? null,
            last_menstrual_period: input.lastMenstrualPeriod ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.family_planning.service',
          entityType: 'family_planning_service',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { service: input.service, complications: input.complications.length },
        });
        return { service: fpDto(row), created: true, iudRemoval };
      });
    },

    async services(ctx: AuthContext, f: FpListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('family_planning_service as s')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 's.county_code').onRef('p.id', '=', 's.person_id'),
          );
        if (f.service) q = q.where('s.service', '=', f.service);
        if (f.complication === 'true') q = q.where(sql<boolean>`cardinality(s.complications) > 0`);
        if (f.complication === 'false') q = q.where(sql<boolean>`cardinality(s.complications) = 0`);
        if (f.institutionId) q = q.where('s.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('s.service_date', '>=', f.from);
        if (f.to) q = q.where('s.service_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('s')
          .select(['p.name as person_name', 'p.sex as person_sex', 'p.id_number_masked as person_id_masked'])
          .orderBy('s.service_date', 'desc')
          .orderBy('s.id');
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
          action: opts.all ? 'women.family_planning.export' : 'women.family_planning.list',
          entityType: 'family_planning_service',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...fpDto(r),
            personName: r.person_name,
            sex: r.person_sex,
            idNumberMasked: r.person_id_masked,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /** A stock movement; an issue or a negative adjustment may not take the balance below zero (422). */
    async move(ctx: AuthContext, input: z.infer<typeof stockSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('contraceptive_stock_movement')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { movement: stockDto(existing), balance: null, created: false };
        }
        const inst = await institutionOf(trx, ctx, input.institutionId);
        notFuture(input.movementDate, 'movementDate', '日期');
        if ((input.kind === 'receipt' || input.kind === 'issue') && input.quantity < 0) {
          throw errors.field('quantity', '入库和发放数量应为正数', 'Receipts and issues are positive numbers');
        }
        if (input.personId && input.kind !== 'issue') {
          throw errors.field('personId', '只有发放可以指定对象', 'Only an issue names a person');
        }
        let personId: string | null = null;
        if (input.personId) {
          const p = await loadPerson(trx, input.personId, { field: 'personId' });
          if (p.county_code !== inst.county_code) {
            throw errors.field('personId', '发放对象不在该机构所在县区', 'The person lives in another county');
          }
          personId = p.id;
        }
        const delta = input.kind === 'issue' ? -input.quantity : input.quantity;
        // one writer at a time per institution and item, so two issues cannot both pass the balance check
        await sql`select pg_advisory_xact_lock(hashtext(${`${inst.id}:${input.item}`}))`.execute(trx);
        const balance = await balanceOf(trx, inst.county_code, inst.id, input.item);
        if (balance + delta < 0) {
          throw new AppError(
            'INSUFFICIENT_STOCK',
            422,
            `库存不足：现有${balance}，不能${input.kind === 'issue' ? '发放' : '减少'}${Math.abs(delta)}`,
            `Not enough stock: ${balance} on hand`,
            [{ field: 'quantity', messageZh: `库存不足（现有${balance}）`, messageEn: `Only ${balance} on hand` }],
            { balance },
          );
        }
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('contraceptive_stock_movement')
          .values({
            county_code: inst.county_code,
            id,
            institution_id: inst.id,
            item: input.item,
            movement_date: input.movementDate,
            kind: input.kind,
            quantity: delta,
            person_id: personId,
            batch_no: input.batchNo ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.contraceptive.move',
          entityType: 'contraceptive_stock_movement',
          entityId: id,
          personId,
          countyCode: inst.county_code,
          details: { item: input.item, kind: input.kind, quantity: delta },
        });
        return { movement: stockDto(row), balance: balance + delta, created: true };
      });
    },

    /** Balances per institution and item (received, issued, adjusted, on hand). */
    async balances(ctx: AuthContext, institutionId?: string) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('contraceptive_stock_movement')
          .select([
            'institution_id',
            'item',
            sql<number>`coalesce(sum(quantity) filter (where kind = 'receipt'), 0)::int`.as('received'),
            sql<number>`coalesce(-sum(quantity) filter (where kind = 'issue'), 0)::int`.as('issued'),
            sql<number>`count(*) filter (where kind = 'issue' and person_id is not null)::int`.as('issues_to_people'),
            sql<number>`coalesce(sum(quantity) filter (where kind = 'adjustment'), 0)::int`.as('adjusted'),
            sql<number>`coalesce(sum(quantity), 0)::int`.as('balance'),
          ])
          .groupBy(['institution_id', 'item']);
        if (institutionId) q = q.where('institution_id', '=', institutionId);
        const rows = await q.orderBy('institution_id').orderBy('item').execute();
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        return rows.map((r) => ({
          institutionId: r.institution_id,
          institutionName: names.get(r.institution_id) ?? null,
          item: r.item,
          received: Number(r.received),
          issued: Number(r.issued),
          issuesToPeople: Number(r.issues_to_people),
          adjusted: Number(r.adjusted),
          balance: Number(r.balance),
        }));
      });
    },

    async movements(ctx: AuthContext, f: StockListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('contraceptive_stock_movement as m')
          .leftJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'm.county_code').onRef('p.id', '=', 'm.person_id'),
          );
        if (f.institutionId) q = q.where('m.institution_id', '=', f.institutionId);
        if (f.item) q = q.where('m.item', '=', f.item);
        if (f.kind) q = q.where('m.kind', '=', f.kind);
        if (f.from) q = q.where('m.movement_date', '>=', f.from);
        if (f.to) q = q.where('m.movement_date', '<=', f.to);
        let rowsQ = q
          .selectAll('m')
          .select(['p.name as person_name', 'p.id_number_masked as person_id_masked'])
          .orderBy('m.movement_date', 'desc')
          .orderBy('m.created_at', 'desc');
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
          action: opts.all ? 'women.contraceptive.export' : 'women.contraceptive.list',
          entityType: 'contraceptive_stock_movement',
          details: { results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...stockDto(r),
            personName: r.person_name,
            idNumberMasked: r.person_id_masked,
            institutionName: names.get(r.institution_id) ?? null,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    async recordPac(ctx: AuthContext, input: z.infer<typeof pacSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('post_abortion_care')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { care: pacDto(existing), created: false };
        }
        const person = await loadPerson(trx, input.personId, { sex: 'female', field: 'personId' });
        notFuture(input.abortionDate, 'abortionDate', '流产日期');
        notBeforeBirth(person, input.abortionDate, 'abortionDate');
        if (input.familyPlanningServiceId) {
          const s = await trx
            .selectFrom('family_planning_service')
            .select(['person_id', 'service'])
            .where('id', '=', input.familyPlanningServiceId)
            .executeTakeFirst();
          if (!s || s.person_id !== person.id || !(ABORTIONS as readonly string[]).includes(s.service)) {
            throw errors.field('familyPlanningServiceId', '不是该妇女的流产服务记录', 'Not her abortion record');
          }
        }
        const method = (input.contraceptionMethod ?? null) as FamilyPlanningService | null;
        const cls = classifyPostAbortionContraception(method);
        const inst =
          input.institutionId || ctx.institutionId ? await institutionOf(trx, ctx, input.institutionId) : null;
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('post_abortion_care')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            abortion_date: input.abortionDate,
            abortion_service: input.abortionService,
            family_planning_service_id: input.familyPlanningServiceId ?? null,
            care_items: input.careItems,
            contraception_method: method,
            contraception_class: cls,
            follow_ups: json([]),
            next_follow_up_due: nextDue(input.abortionDate, 0),
            institution_id: inst?.id ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.post_abortion_care.create',
          entityType: 'post_abortion_care',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { contraception: cls },
        });
        return { care: pacDto(row), created: true };
      });
    },

    /** Records the next scheduled follow-up contact (422 when all are done). */
    async pacFollowUp(ctx: AuthContext, id: string, input: z.infer<typeof pacFollowUpSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadPac(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (!row.next_follow_up_due) {
          throw invalidTransition('随访已全部完成', 'All follow-up contacts are recorded', { state: 'complete' });
        }
        notFuture(input.date, 'date', '随访日期');
        const prev = row.follow_ups.at(-1)?.date ?? row.abortion_date;
        if (input.date < prev)
          throw errors.field('date', `随访日期早于上一次（${prev}）`, 'Before the previous contact');
        const s = postAbortionFollowUpSchedule(row.abortion_date);
        const month = s.ok ? (s.visits[row.follow_ups.length]?.month ?? 0) : 0;
        const fus = [
          ...row.follow_ups,
          { month, date: input.date, method: input.method ?? null, note: input.note ?? null },
        ];
        const method = (input.method ?? row.contraception_method) as FamilyPlanningService | null;
        const updated = await trx
          .updateTable('post_abortion_care')
          .set({
            follow_ups: json(fus),
            next_follow_up_due: nextDue(row.abortion_date, fus.length),
            contraception_method: method,
            contraception_class: classifyPostAbortionContraception(method),
            version: row.version + 1,
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.post_abortion_care.follow_up',
          entityType: 'post_abortion_care',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
          details: { month },
        });
        return pacDto(updated);
      });
    },

    async pacList(ctx: AuthContext, f: PacListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('post_abortion_care as c')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          );
        if (f.contraception) q = q.where('c.contraception_class', '=', f.contraception);
        if (f.institutionId) q = q.where('c.institution_id', '=', f.institutionId);
        if (f.overdue === 'true') q = q.where('c.next_follow_up_due', '<', t);
        if (f.from) q = q.where('c.abortion_date', '>=', f.from);
        if (f.to) q = q.where('c.abortion_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('c')
          .select(['p.name as woman_name', 'p.id_number_masked as woman_id'])
          .orderBy('c.abortion_date', 'desc')
          .orderBy('c.id');
        if (!opts.all) rowsQ = rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.post_abortion_care.export' : 'women.post_abortion_care.list',
          entityType: 'post_abortion_care',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({ ...pacDto(r, t), womanName: r.woman_name, idNumberMasked: r.woman_id })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /** A person's family-planning services, contraceptives received and post-abortion care. */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const [services, issues, pac] = await Promise.all([
          trx
            .selectFrom('family_planning_service')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('service_date', 'desc')
            .execute(),
          trx
            .selectFrom('contraceptive_stock_movement')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('movement_date', 'desc')
            .execute(),
          trx
            .selectFrom('post_abortion_care')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('abortion_date', 'desc')
            .execute(),
        ]);
        await audit.write(trx, ctx, {
          action: 'women.family_planning.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        return {
          services: services.map(fpDto),
          issues: issues.map(stockDto),
          postAbortionCare: pac.map((r) => pacDto(r)),
        };
      });
    },
  };
}
export type FamilyPlanningServiceApi = ReturnType<typeof createFamilyPlanningService>;
