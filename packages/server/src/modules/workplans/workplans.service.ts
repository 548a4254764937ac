/**
 * Work plans (工作要点 / 实施方案, G6): plans of a region as tasks with responsible units, deadlines and measurable
 * targets; progress updates with evidence; overdue tasks; a view per responsible unit; the live value of each
 * indicator target from the indicators engine. Region-level data: readable by users whose jurisdiction the plan's
 * region contains or lies under, written by the sysadmin and commission users of the region (progress also by a
 * supervisor of a responsible institution), every write audited in its transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  applyWorkTaskProgress,
  evaluateWorkTaskTarget,
  getIndicator,
  summarizeWorkTasks,
  WORK_TASK_STATUS_LABELS,
  WORK_TASK_TIMING_LABELS,
  workTaskDaysOverdue,
  workTaskTiming,
  type TargetComparator,
  type TargetEvaluation,
  type WorkPlanSeed,
  type WorkTaskStatus,
  type WorkTaskTiming,
} from '@fuyou/core';
import { withScope, type Database, type Kysely, type Selectable, type Transaction } from '@fuyou/db';
import type { WorkPlanTable, WorkPlanTaskTable } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import type { IndicatorService } from '../indicators/indicator.service';

type PlanRow = Selectable<WorkPlanTable>;
type TaskRow = Selectable<WorkPlanTaskTable>;

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The live value of a task's indicator for the plan's region. */
export interface LiveValue {
  status: 'ok' | 'no_data' | 'unavailable' | 'out_of_scope';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string | null;
  period: { key: string; labelZh: string; labelEn: string } | null;
  dataAsOf: string | null;
  /** For a target that applies to each county separately. */
  byCounty: { countyCode: string; countyName: string | null; value: number | null; evaluation: TargetEvaluation }[];
  messageZh: string | null;
  messageEn: string | null;
}

/** A responsible unit of a task. */
export interface TaskUnitDto {
  seq: number;
  name: string;
  institutionId: string | null;
  institutionName: string | null;
  lead: boolean;
}

/** A task as the API returns it. */
export interface TaskDto {
  id: string;
  planId: string;
  seq: number;
  section: string | null;
  code: string | null;
  title: string;
  description: string | null;
  deadline: string | null;
  deadlineNote: string | null;
  targetKind: 'none' | 'indicator' | 'count';
  indicatorId: string | null;
  indicatorNameZh: string | null;
  indicatorNameEn: string | null;
  indicatorUnit: string | null;
  indicatorPeriod: string | null;
  targetScope: 'region' | 'each_county';
  comparator: TargetComparator | null;
  targetValue: number | null;
  targetUnit: string | null;
  currentValue: number | null;
  status: WorkTaskStatus;
  progressPct: number;
  completedOn: string | null;
  timing: WorkTaskTiming;
  daysOverdue: number;
  evaluation: TargetEvaluation | null;
  live: LiveValue | null;
  units: TaskUnitDto[];
  progressCount: number;
  lastProgress: { reportedOn: string; note: string; unitName: string | null } | null;
  canReport: boolean;
  rowVersion: number;
}

/** A plan as the API returns it. */
export interface PlanDto {
  id: string;
  regionCode: string;
  regionName: string | null;
  year: number;
  title: string;
  issuer: string | null;
  documentNo: string | null;
  issuedOn: string | null;
  source: string | null;
  summary: string | null;
  status: 'draft' | 'active' | 'closed';
  preloaded: boolean;
  counts: ReturnType<typeof summarizeWorkTasks>;
  canEdit: boolean;
  rowVersion: number;
  updatedAt: string;
}

/** Input of a plan. */
export interface PlanInput {
  id?: string | undefined;
  regionCode: string;
  year: number;
  title: string;
  issuer?: string | undefined;
  documentNo?: string | undefined;
  issuedOn?: string | undefined;
  source?: string | undefined;
  summary?: string | undefined;
  status?: 'draft' | 'active' | 'closed' | undefined;
}

/** Input of a task. */
export interface TaskInput {
  id?: string | undefined;
  seq?: number | undefined;
  section?: string | undefined;
  code?: string | undefined;
  title: string;
  description?: string | undefined;
  deadline?: string | null | undefined;
  deadlineNote?: string | undefined;
  targetKind: 'none' | 'indicator' | 'count';
  indicatorId?: string | null | undefined;
  indicatorPeriod?: string | null | undefined;
  targetScope?: 'region' | 'each_county' | undefined;
  comparator?: string | null | undefined;
  targetValue?: number | null | undefined;
  targetUnit?: string | undefined;
  units: { name: string; institutionId?: string | null | undefined; lead?: boolean | undefined }[];
}

/** Input of a progress update. */
export interface ProgressInput {
  id?: string | undefined;
  reportedOn: string;
  unitName?: string | undefined;
  institutionId?: string | null | undefined;
  note: string;
  progressPct?: number | undefined;
  countValue?: number | undefined;
  statusAfter?: string | undefined;
  evidenceLink?: string | undefined;
  attachment?: { filename: string; contentType: string; contentBase64: string } | undefined;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Today in China (YYYY-MM-DD). */
function todayCn(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The period key of a task evaluated in `year` (a task keeps its kind of period: '2019' → '2026', '2019RY' → '2026RY'). */
export function periodInYear(key: string, year: number): string {
  return `${year}${key.slice(4)}`;
}

/** The work-plan service. */
export function createWorkPlanService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  regions: RegionIndex;
  engine: IndicatorService;
}) {
  const { db, audit, regions, engine } = deps;
  const none = { counties: [] as string[] };

  /** The region the user works in (her jurisdiction, else her institution's county). */
  function homeOf(ctx: AuthContext): string | null {
    if (ctx.jurisdictionCode) return ctx.jurisdictionCode;
    if (ctx.counties.length === 1) return ctx.counties[0]!;
    return null;
  }

  /** A plan of `code` is visible when `code` contains the user's region or lies under it. */
  function canSee(ctx: AuthContext, code: string): boolean {
    if (!ctx.permissions.has('workplan.read')) return false;
    if (ctx.role === 'sysadmin') return true;
    const home = homeOf(ctx);
    if (!home) return false;
    const up = [home, ...regions.ancestors(home).map((r) => r.code)];
    if (up.includes(code)) return true;
    return regions.ancestors(code).some((r) => r.code === home);
  }

  /** The sysadmin edits any plan; a commission user the plans of her jurisdiction and the regions under it. */
  function canEdit(ctx: AuthContext, code: string): boolean {
    if (!ctx.permissions.has('workplan.write')) return false;
    if (ctx.role === 'sysadmin') return true;
    if (!ctx.jurisdictionCode) return false;
    return code === ctx.jurisdictionCode || regions.ancestors(code).some((r) => r.code === ctx.jurisdictionCode);
  }

  function requireEdit(ctx: AuthContext, code: string) {
    if (!canEdit(ctx, code))
      throw errors.forbidden(
        '仅系统管理员和本辖区卫生健康委员会用户可以编辑工作计划',
        'Only the sysadmin and commission users of the region may edit work plans',
      );
  }

  async function loadPlan(trx: Transaction<Database>, ctx: AuthContext, id: string, lock = false): Promise<PlanRow> {
    let q = trx.selectFrom('work_plan').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const p = await q.executeTakeFirst();
    if (!p || !canSee(ctx, p.region_code)) throw errors.notFound('工作计划', 'work plan');
    return p;
  }

  async function loadTask(
    trx: Transaction<Database>,
    ctx: AuthContext,
    id: string,
    lock = false,
  ): Promise<{ task: TaskRow; plan: PlanRow }> {
    let q = trx.selectFrom('work_plan_task').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const task = await q.executeTakeFirst();
    if (!task) throw errors.notFound('任务', 'task');
    const plan = await loadPlan(trx, ctx, task.plan_id);
    return { task, plan };
  }

  function planDto(
    ctx: AuthContext,
    p: PlanRow,
    tasks: Pick<TaskRow, 'status' | 'deadline' | 'completed_on'>[],
  ): PlanDto {
    return {
      id: p.id,
      regionCode: p.region_code,
      regionName: regions.get(p.region_code)?.name ?? null,
      year: p.year,
      title: p.title,
      issuer: p.issuer,
      documentNo: p.document_no,
      issuedOn: p.issued_on,
      source: p.source,
      summary: p.summary,
      status: p.status,
      preloaded: p.preloaded,
      counts: summarizeWorkTasks(
        tasks.map((t) => ({ status: t.status, deadline: t.deadline, completedOn: t.completed_on })),
        todayCn(),
      ),
      canEdit: canEdit(ctx, p.region_code),
      rowVersion: p.version,
      updatedAt: iso(p.updated_at),
    };
  }

  /** Checks a task's target fields; returns the columns to store. */
  function targetColumns(
    input: Pick<
      TaskInput,
      'targetKind' | 'indicatorId' | 'indicatorPeriod' | 'targetScope' | 'comparator' | 'targetValue' | 'targetUnit'
    >,
  ) {
    const kind = input.targetKind;
    if (kind === 'none')
      return {
        target_kind: 'none' as const,
        indicator_id: null,
        indicator_period: null,
        target_scope: input.targetScope ?? ('region' as const),
        comparator: null,
        target_value: null,
        target_unit: input.targetUnit || null,
      };
    if (input.comparator == null) throw errors.field('comparator', '请选择比较方式', 'Choose a comparator');
    if (input.targetValue == null) throw errors.field('targetValue', '请填写目标值', 'Enter the target value');
    if (kind === 'indicator') {
      if (!input.indicatorId) throw errors.field('indicatorId', '请选择指标', 'Choose an indicator');
      const def = getIndicator(input.indicatorId);
      if (!def) throw errors.field('indicatorId', '指标目录中没有该指标', 'No such indicator in the catalogue');
      if (def.unit === '%' && input.targetValue > 100)
        throw errors.field('targetValue', '百分比目标值不能超过100', 'A percentage target cannot exceed 100');
      if ((input.comparator === 'no_avoidable_maternal_death') !== (input.indicatorId === 'avoidable_maternal_deaths'))
        throw errors.field(
          'comparator',
          '"不发生可避免孕产妇死亡"只用于可避免孕产妇死亡数',
          '"no avoidable maternal death" applies to that indicator only',
        );
    } else if (input.comparator === 'no_avoidable_maternal_death') {
      throw errors.field('comparator', '计数目标应使用 >=、>、<=、<', 'A count target uses >=, >, <=, <');
    }
    return {
      target_kind: kind,
      indicator_id: kind === 'indicator' ? input.indicatorId! : null,
      indicator_period: kind === 'indicator' ? (input.indicatorPeriod ?? null) : null,
      target_scope: input.targetScope ?? ('region' as const),
      comparator: input.comparator as TargetComparator,
      target_value: input.targetValue,
      target_unit: input.targetUnit || null,
    };
  }

  async function checkUnits(trx: Transaction<Database>, units: TaskInput['units']) {
    const ids = units.map((u) => u.institutionId).filter((x): x is string => !!x);
    if (ids.length) {
      const found = await trx.selectFrom('institution').select('id').where('id', 'in', ids).execute();
      const known = new Set(found.map((f) => f.id));
      units.forEach((u, i) => {
        if (u.institutionId && !known.has(u.institutionId))
          throw errors.field(`units.${i}.institutionId`, '机构不存在', 'No such institution');
      });
    }
  }

  async function writeUnits(trx: Transaction<Database>, taskId: string, units: TaskInput['units']) {
    await trx.deleteFrom('work_plan_task_unit').where('task_id', '=', taskId).execute();
    if (!units.length) return;
    await trx
      .insertInto('work_plan_task_unit')
      .values(
        units.map((u, i) => ({
          task_id: taskId,
          seq: i + 1,
          institution_id: u.institutionId ?? null,
          name: u.name,
          lead: !!u.lead,
        })),
      )
      .execute();
  }

  /** Live values of the indicator tasks, one engine call per period; null for tasks without an indicator. */
  async function liveValues(
    ctx: AuthContext,
    plan: PlanRow,
    tasks: TaskRow[],
    evalYear: number | undefined,
  ): Promise<Map<string, LiveValue>> {
    const out = new Map<string, LiveValue>();
    const byPeriod = new Map<string, TaskRow[]>();
    for (const t of tasks) {
      if (t.target_kind !== 'indicator' || !t.indicator_id) continue;
      const base = t.indicator_period ?? `${plan.year}RY`;
      const key = evalYear ? periodInYear(base, evalYear) : base;
      byPeriod.set(key, [...(byPeriod.get(key) ?? []), t]);
    }
    const blank = (status: LiveValue['status'], zh: string, en: string): LiveValue => ({
      status,
      value: null,
      numerator: null,
      denominator: null,
      unit: null,
      period: null,
      dataAsOf: null,
      byCounty: [],
      messageZh: zh,
      messageEn: en,
    });
    for (const [period, list] of byPeriod) {
      try {
        const results = await engine.compute(ctx, {
          regionCode: plan.region_code,
          period,
          indicatorIds: [...new Set(list.map((t) => t.indicator_id!))],
        });
        const by = new Map(results.map((r) => [r.indicatorId, r]));
        for (const t of list) {
          const r = by.get(t.indicator_id!);
          if (!r) continue;
          const target = {
            kind: 'indicator' as const,
            comparator: t.comparator,
            value: num(t.target_value),
            indicatorId: t.indicator_id,
          };
          out.set(t.id, {
            status: r.status,
            value: r.value,
            numerator: r.numerator,
            denominator: r.denominator,
            unit: r.unit,
            period: { key: r.period.key, labelZh: r.period.labelZh, labelEn: r.period.labelEn },
            dataAsOf: r.dataAsOf,
            byCounty:
              t.target_scope === 'each_county'
                ? r.byCounty.map((c) => ({
                    countyCode: c.countyCode,
                    countyName: c.countyName,
                    value: c.value,
                    evaluation: evaluateWorkTaskTarget(target, c.value) ?? 'no_data',
                  }))
                : [],
            messageZh: r.unavailable.map((u) => u.reasonZh).join('；') || null,
            messageEn: r.unavailable.map((u) => u.reasonEn).join('; ') || null,
          });
        }
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const v =
          err.status === 403
            ? blank(
                'out_of_scope',
                '该地区的实时指标超出您的查看范围',
                "The region's live figures are outside your scope",
              )
            : blank('unavailable', err.messageZh, err.messageEn);
        for (const t of list) out.set(t.id, v);
      }
    }
    return out;
  }

  /** The evaluation of a task: each county for a per-county indicator target, else the region's value. */
  function evaluationOf(t: TaskRow, live: LiveValue | undefined): TargetEvaluation | null {
    const target = {
      kind: t.target_kind,
      comparator: t.comparator,
      value: num(t.target_value),
      indicatorId: t.indicator_id,
    };
    if (t.target_kind === 'count') return evaluateWorkTaskTarget(target, num(t.current_value));
    if (t.target_kind !== 'indicator') return null;
    if (!live || live.status === 'out_of_scope' || live.status === 'unavailable') return 'no_data';
    if (t.target_scope === 'each_county' && live.byCounty.length) {
      const ev = live.byCounty.map((c) => c.evaluation);
      if (ev.includes('not_met')) return 'not_met';
      if (ev.includes('close')) return 'close';
      if (ev.every((e) => e === 'met')) return 'met';
      return 'no_data';
    }
    return evaluateWorkTaskTarget(target, live.value);
  }

  type Extras = {
    units: {
      task_id: string;
      seq: number;
      name: string;
      institution_id: string | null;
      lead: boolean;
      institution_name: string | null;
    }[];
    progress: { task_id: string; reported_on: string; note: string; unit_name: string | null }[];
  };

  /** Units and progress of tasks (read in the caller's transaction). */
  async function extrasOf(trx: Transaction<Database>, tasks: TaskRow[]): Promise<Extras> {
    if (!tasks.length) return { units: [], progress: [] };
    const ids = tasks.map((t) => t.id);
    const units = await trx
      .selectFrom('work_plan_task_unit as u')
      .leftJoin('institution as i', 'i.id', 'u.institution_id')
      .select(['u.task_id', 'u.seq', 'u.name', 'u.institution_id', 'u.lead', 'i.name as institution_name'])
      .where('u.task_id', 'in', ids)
      .orderBy('u.seq')
      .execute();
    const progress = await trx
      .selectFrom('work_plan_progress')
      .select(['task_id', 'reported_on', 'note', 'unit_name'])
      .where('task_id', 'in', ids)
      .orderBy('reported_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    return { units, progress };
  }

  /** The DTOs of tasks from their rows, units, progress and live values. */
  function assemble(
    ctx: AuthContext,
    plan: PlanRow,
    tasks: TaskRow[],
    x: Extras,
    live: Map<string, LiveValue>,
  ): TaskDto[] {
    const today = todayCn();
    const editable = canEdit(ctx, plan.region_code);
    return tasks.map((t) => {
      const us = x.units.filter((u) => u.task_id === t.id);
      const ps = x.progress.filter((p) => p.task_id === t.id);
      const def = t.indicator_id ? getIndicator(t.indicator_id) : undefined;
      const canReport =
        plan.status !== 'closed' &&
        (editable ||
          (ctx.permissions.has('workplan.progress') &&
            !!ctx.institutionId &&
            us.some((u) => u.institution_id === ctx.institutionId)));
      return {
        id: t.id,
        planId: t.plan_id,
        seq: t.seq,
        section: t.section,
        code: t.code,
        title: t.title,
        description: t.description,
        deadline: t.deadline,
        deadlineNote: t.deadline_note,
        targetKind: t.target_kind,
        indicatorId: t.indicator_id,
        indicatorNameZh: def?.nameZh ?? null,
        indicatorNameEn: def?.nameEn ?? null,
        indicatorUnit: def?.unit ?? null,
        indicatorPeriod: t.target_kind === 'indicator' ? (t.indicator_period ?? `${plan.year}RY`) : null,
        targetScope: t.target_scope,
        comparator: t.comparator,
        targetValue: num(t.target_value),
        targetUnit: t.target_unit,
        currentValue: num(t.current_value),
        status: t.status,
        progressPct: t.progress_pct,
        completedOn: t.completed_on,
        timing: workTaskTiming({ status: t.status, deadline: t.deadline, completedOn: t.completed_on }, today),
        daysOverdue: workTaskDaysOverdue({ status: t.status, deadline: t.deadline }, today),
        evaluation: t.target_kind === 'indicator' && !live.has(t.id) ? null : evaluationOf(t, live.get(t.id)),
        live: live.get(t.id) ?? null,
        units: us.map((u) => ({
          seq: u.seq,
          name: u.name,
          institutionId: u.institution_id,
          institutionName: u.institution_name,
          lead: u.lead,
        })),
        progressCount: ps.length,
        lastProgress: ps[0] ? { reportedOn: ps[0].reported_on, note: ps[0].note, unitName: ps[0].unit_name } : null,
        canReport,
        rowVersion: t.version,
      };
    });
  }

  /** Task DTOs without live values, inside the caller's transaction (after a write). */
  async function taskDtos(
    trx: Transaction<Database>,
    ctx: AuthContext,
    plan: PlanRow,
    tasks: TaskRow[],
  ): Promise<TaskDto[]> {
    return assemble(ctx, plan, tasks, await extrasOf(trx, tasks), new Map());
  }

  async function tasksOf(trx: Transaction<Database>, planIds: string[]): Promise<TaskRow[]> {
    if (!planIds.length) return [];
    return trx
      .selectFrom('work_plan_task')
      .selectAll()
      .where('plan_id', 'in', planIds)
      .orderBy('plan_id')
      .orderBy('seq')
      .execute();
  }

  function decodeAttachment(a: NonNullable<ProgressInput['attachment']>): { buf: Buffer; filename: string } {
    const clean = a.contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
      throw errors.field('attachment.contentBase64', '文件内容不是有效的Base64编码', 'The file is not valid base64');
    const buf = Buffer.from(clean, 'base64');
    if (!buf.length) throw errors.field('attachment.contentBase64', '文件内容为空', 'The file is empty');
    if (buf.length > MAX_ATTACHMENT_BYTES)
      throw errors.field('attachment.contentBase64', '附件不能超过5MB', 'The file exceeds 5 MB');
    // path separators, characters Windows refuses in names, and control characters become '_'
    const filename = [...a.filename]
      .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 32 ? '_' : c))
      .join('')
      .slice(0, 200);
    return { buf, filename };
  }

  const service = {
    /** Plans the user may see (optionally of one region, year or status), with task counts. */
    async list(
      ctx: AuthContext,
      q: { regionCode?: string | undefined; year?: number | undefined; status?: string | undefined },
    ): Promise<PlanDto[]> {
      if (!ctx.permissions.has('workplan.read')) throw errors.forbidden();
      if (q.regionCode && !regions.get(q.regionCode)) throw errors.notFound('行政区划', 'region');
      return withScope(db, none, async (trx) => {
        let query = trx.selectFrom('work_plan').selectAll();
        if (q.regionCode) query = query.where('region_code', '=', q.regionCode);
        if (q.year) query = query.where('year', '=', q.year);
        if (q.status) query = query.where('status', '=', q.status as PlanRow['status']);
        const plans = (await query.orderBy('year', 'desc').orderBy('title').execute()).filter((p) =>
          canSee(ctx, p.region_code),
        );
        const tasks = await tasksOf(
          trx,
          plans.map((p) => p.id),
        );
        return plans.map((p) =>
          planDto(
            ctx,
            p,
            tasks.filter((t) => t.plan_id === p.id),
          ),
        );
      });
    },

    /** One plan with its tasks (live values unless `live` is false). */
    async get(ctx: AuthContext, id: string, opts: { live?: boolean; evalYear?: number | undefined } = {}) {
      const { plan, tasks, extras } = await withScope(db, none, async (trx) => {
        const plan = await loadPlan(trx, ctx, id);
        const tasks = await tasksOf(trx, [id]);
        return { plan, tasks, extras: await extrasOf(trx, tasks) };
      });
      // the engine opens its own transactions under the user's scope: after ours has ended
      const live =
        opts.live === false ? new Map<string, LiveValue>() : await liveValues(ctx, plan, tasks, opts.evalYear);
      return {
        plan: planDto(ctx, plan, tasks),
        tasks: assemble(ctx, plan, tasks, extras, live),
        evalYear: opts.evalYear ?? plan.year,
      };
    },

    /** Creates a plan (idempotent by client id). */
    async create(ctx: AuthContext, input: PlanInput): Promise<PlanDto> {
      if (!regions.get(input.regionCode)) throw errors.field('regionCode', '区划代码不存在', 'Unknown region code');
      requireEdit(ctx, input.regionCode);
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        if (input.id) {
          const existing = await trx.selectFrom('work_plan').selectAll().where('id', '=', input.id).executeTakeFirst();
          if (existing) {
            if (existing.region_code !== input.regionCode || existing.title !== input.title)
              throw errors.conflict('DUPLICATE_ID', '该编号已用于另一个工作计划', 'The id is used by another plan');
            return planDto(ctx, existing, await tasksOf(trx, [existing.id]));
          }
        }
        const row = await trx
          .insertInto('work_plan')
          .values({
            id: input.id ?? randomUUID(),
            region_code: input.regionCode,
            year: input.year,
            title: input.title,
            issuer: input.issuer || null,
            document_no: input.documentNo || null,
            issued_on: input.issuedOn ?? null,
            source: input.source || null,
            summary: input.summary || null,
            status: input.status ?? 'active',
            created_by: ctx.userId,
            updated_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'workplan.create',
          entityType: 'work_plan',
          entityId: row.id,
          details: { regionCode: row.region_code, year: row.year, title: row.title },
        });
        return planDto(ctx, row, []);
      });
    },

    /** Updates a plan (rowVersion must match). */
    async update(ctx: AuthContext, id: string, input: Partial<PlanInput> & { rowVersion: number }): Promise<PlanDto> {
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const cur = await loadPlan(trx, ctx, id, true);
        requireEdit(ctx, cur.region_code);
        if (input.regionCode && input.regionCode !== cur.region_code) {
          if (!regions.get(input.regionCode)) throw errors.field('regionCode', '区划代码不存在', 'Unknown region code');
          requireEdit(ctx, input.regionCode);
        }
        if (cur.version !== input.rowVersion) throw errors.staleVersion(cur.version);
        const set: Partial<Record<keyof PlanRow, unknown>> = {};
        if (input.regionCode !== undefined) set.region_code = input.regionCode;
        if (input.year !== undefined) set.year = input.year;
        if (input.title !== undefined) set.title = input.title;
        if (input.issuer !== undefined) set.issuer = input.issuer || null;
        if (input.documentNo !== undefined) set.document_no = input.documentNo || null;
        if (input.issuedOn !== undefined) set.issued_on = input.issuedOn;
        if (input.source !== undefined) set.source = input.source || null;
        if (input.summary !== undefined) set.summary = input.summary || null;
        if (input.status !== undefined) set.status = input.status;
        const row = await trx
          .updateTable('work_plan')
          .set({ ...set, version: cur.version + 1, updated_at: new Date(), updated_by: ctx.userId } as never)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'workplan.update',
          entityType: 'work_plan',
          entityId: id,
          details: { changed: Object.keys(set) },
        });
        return planDto(ctx, row, await tasksOf(trx, [id]));
      });
    },

    /** Deletes a plan without progress updates (a plan with progress is closed instead). */
    async remove(ctx: AuthContext, id: string, rowVersion: number): Promise<{ deleted: true }> {
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const cur = await loadPlan(trx, ctx, id, true);
        requireEdit(ctx, cur.region_code);
        if (cur.version !== rowVersion) throw errors.staleVersion(cur.version);
        const progress = await trx
          .selectFrom('work_plan_progress as p')
          .innerJoin('work_plan_task as t', 't.id', 'p.task_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('t.plan_id', '=', id)
          .executeTakeFirst();
        if (Number(progress?.n ?? 0) > 0)
          throw errors.conflict(
            'PLAN_HAS_PROGRESS',
            '该计划已有进展报告，不能删除；请将其状态改为"已结束"',
            'The plan has progress reports; close it instead of deleting it',
          );
        await trx.deleteFrom('work_plan').where('id', '=', id).execute();
        await audit.write(trx, ctx, {
          action: 'workplan.delete',
          entityType: 'work_plan',
          entityId: id,
          details: { regionCode: cur.region_code, title: cur.title },
        });
        return { deleted: true };
      });
    },

    /** Adds a task to a plan (idempotent by client id). */
    async addTask(ctx: AuthContext, planId: string, input: TaskInput): Promise<TaskDto> {
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const plan = await loadPlan(trx, ctx, planId, true);
        requireEdit(ctx, plan.region_code);
        if (input.id) {
          const existing = await trx
            .selectFrom('work_plan_task')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.plan_id !== planId || existing.title !== input.title)
              throw errors.conflict('DUPLICATE_ID', '该编号已用于另一个任务', 'The id is used by another task');
            return (await taskDtos(trx, ctx, plan, [existing]))[0]!;
          }
        }
        const cols = targetColumns(input);
        await checkUnits(trx, input.units);
        let seq = input.seq;
        if (seq === undefined) {
          const max = await trx
            .selectFrom('work_plan_task')
            .select((eb) => eb.fn.max('seq').as('m'))
            .where('plan_id', '=', planId)
            .executeTakeFirst();
          seq = Number(max?.m ?? 0) + 1;
        } else {
          const taken = await trx
            .selectFrom('work_plan_task')
            .select('id')
            .where('plan_id', '=', planId)
            .where('seq', '=', seq)
            .executeTakeFirst();
          if (taken)
            throw errors.field('seq', '该序号已被本计划的其他任务使用', 'Another task of the plan has this number');
        }
        const row = await trx
          .insertInto('work_plan_task')
          .values({
            id: input.id ?? randomUUID(),
            plan_id: planId,
            seq,
            section: input.section || null,
            code: input.code || null,
            title: input.title,
            description: input.description || null,
            deadline: input.deadline ?? null,
            deadline_note: input.deadlineNote || null,
            ...cols,
            created_by: ctx.userId,
            updated_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeUnits(trx, row.id, input.units);
        await audit.write(trx, ctx, {
          action: 'workplan.task.create',
          entityType: 'work_plan_task',
          entityId: row.id,
          details: { planId, title: row.title, deadline: row.deadline, target: cols.target_kind },
        });
        return (await taskDtos(trx, ctx, plan, [row]))[0]!;
      });
    },

    /** Updates a task (rowVersion must match); its units are replaced when given. */
    async updateTask(
      ctx: AuthContext,
      taskId: string,
      input: Partial<TaskInput> & { status?: string | undefined; rowVersion: number },
    ): Promise<TaskDto> {
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const { task, plan } = await loadTask(trx, ctx, taskId, true);
        requireEdit(ctx, plan.region_code);
        if (task.version !== input.rowVersion) throw errors.staleVersion(task.version);
        const set: Record<string, unknown> = {};
        const targetTouched = [
          'targetKind',
          'indicatorId',
          'indicatorPeriod',
          'targetScope',
          'comparator',
          'targetValue',
          'targetUnit',
        ].some((k) => (input as Record<string, unknown>)[k] !== undefined);
        if (targetTouched) {
          Object.assign(
            set,
            targetColumns({
              targetKind: input.targetKind ?? task.target_kind,
              indicatorId: input.indicatorId !== undefined ? input.indicatorId : task.indicator_id,
              indicatorPeriod: input.indicatorPeriod !== undefined ? input.indicatorPeriod : task.indicator_period,
              targetScope: input.targetScope ?? task.target_scope,
              comparator: input.comparator !== undefined ? input.comparator : task.comparator,
              targetValue: input.targetValue !== undefined ? input.targetValue : num(task.target_value),
              targetUnit: input.targetUnit !== undefined ? input.targetUnit : (task.target_unit ?? undefined),
            }),
          );
        }
        if (input.seq !== undefined && input.seq !== task.seq) {
          const taken = await trx
            .selectFrom('work_plan_task')
            .select('id')
            .where('plan_id', '=', task.plan_id)
            .where('seq', '=', input.seq)
            .executeTakeFirst();
          if (taken)
            throw errors.field('seq', '该序号已被本计划的其他任务使用', 'Another task of the plan has this number');
          set.seq = input.seq;
        }
        if (input.section !== undefined) set.section = input.section || null;
        if (input.code !== undefined) set.code = input.code || null;
        if (input.title !== undefined) set.title = input.title;
        if (input.description !== undefined) set.description = input.description || null;
        if (input.deadline !== undefined) set.deadline = input.deadline;
        if (input.deadlineNote !== undefined) set.deadline_note = input.deadlineNote || null;
        if (input.status !== undefined && input.status !== task.status) {
          const next = applyWorkTaskProgress(
            {
              status: task.status,
              progressPct: task.progress_pct,
              currentValue: num(task.current_value),
              completedOn: task.completed_on,
            },
            { reportedOn: todayCn(), statusAfter: input.status as WorkTaskStatus },
          );
          set.status = next.status;
          set.progress_pct = next.progressPct;
          set.completed_on = next.completedOn;
        }
        if (input.units) {
          await checkUnits(trx, input.units);
          await writeUnits(trx, taskId, input.units);
        }
        const row = await trx
          .updateTable('work_plan_task')
          .set({ ...set, version: task.version + 1, updated_at: new Date(), updated_by: ctx.userId } as never)
          .where('id', '=', taskId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'workplan.task.update',
          entityType: 'work_plan_task',
          entityId: taskId,
          details: { planId: task.plan_id, changed: [...Object.keys(set), ...(input.units ? ['units'] : [])] },
        });
        return (await taskDtos(trx, ctx, plan, [row]))[0]!;
      });
    },

    /** Deletes a task without progress updates (a task with progress is cancelled instead). */
    async removeTask(ctx: AuthContext, taskId: string, rowVersion: number): Promise<{ deleted: true }> {
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const { task, plan } = await loadTask(trx, ctx, taskId, true);
        requireEdit(ctx, plan.region_code);
        if (task.version !== rowVersion) throw errors.staleVersion(task.version);
        const p = await trx
          .selectFrom('work_plan_progress')
          .select('id')
          .where('task_id', '=', taskId)
          .executeTakeFirst();
        if (p)
          throw errors.conflict(
            'TASK_HAS_PROGRESS',
            '该任务已有进展报告，不能删除；请将其状态改为"已取消"',
            'The task has progress reports; cancel it instead of deleting it',
          );
        await trx.deleteFrom('work_plan_task').where('id', '=', taskId).execute();
        await audit.write(trx, ctx, {
          action: 'workplan.task.delete',
          entityType: 'work_plan_task',
          entityId: taskId,
          details: { planId: task.plan_id, title: task.title },
        });
        return { deleted: true };
      });
    },

    /** Reports progress on a task with evidence; updates the task's status, percentage and count. */
    async addProgress(ctx: AuthContext, taskId: string, input: ProgressInput) {
      const file = input.attachment ? decodeAttachment(input.attachment) : null;
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const { task, plan } = await loadTask(trx, ctx, taskId, true);
        if (input.id) {
          const existing = await trx
            .selectFrom('work_plan_progress')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.task_id !== taskId || existing.note !== input.note)
              throw errors.conflict('DUPLICATE_ID', '该编号已用于另一条进展报告', 'The id is used by another report');
            return { progressId: existing.id, task: (await taskDtos(trx, ctx, plan, [task]))[0]! };
          }
        }
        const units = await trx.selectFrom('work_plan_task_unit').selectAll().where('task_id', '=', taskId).execute();
        const mine = !!ctx.institutionId && units.some((u) => u.institution_id === ctx.institutionId);
        if (!canEdit(ctx, plan.region_code) && !(ctx.permissions.has('workplan.progress') && mine))
          throw errors.forbidden(
            '只有责任单位、卫生健康委员会用户和系统管理员可以报告该任务的进展',
            'Only the responsible units, commission users and the sysadmin may report on this task',
          );
        if (plan.status === 'closed')
          throw errors.conflict('PLAN_CLOSED', '该工作计划已结束，不能再报告进展', 'The plan is closed');
        if (input.countValue !== undefined && task.target_kind !== 'count')
          throw errors.field('countValue', '该任务不是计数目标，不能填写完成数量', 'The task has no count target');
        if (input.institutionId && !units.some((u) => u.institution_id === input.institutionId))
          throw errors.field(
            'institutionId',
            '报告机构不是该任务的责任单位',
            'The institution is not a responsible unit',
          );
        const reportingUnit = input.institutionId ?? (mine ? ctx.institutionId : null);
        const unitName =
          input.unitName ||
          (reportingUnit ? (units.find((u) => u.institution_id === reportingUnit)?.name ?? null) : null);
        const next = applyWorkTaskProgress(
          {
            status: task.status,
            progressPct: task.progress_pct,
            currentValue: num(task.current_value),
            completedOn: task.completed_on,
          },
          {
            reportedOn: input.reportedOn,
            progressPct: input.progressPct,
            countValue: input.countValue,
            statusAfter: (input.statusAfter as WorkTaskStatus | undefined) ?? null,
          },
        );
        const progressId = input.id ?? randomUUID();
        await trx
          .insertInto('work_plan_progress')
          .values({
            id: progressId,
            task_id: taskId,
            reported_on: input.reportedOn,
            unit_name: unitName,
            institution_id: reportingUnit,
            note: input.note,
            progress_pct: input.progressPct ?? null,
            count_value: input.countValue ?? null,
            status_after: (input.statusAfter as WorkTaskStatus | undefined) ?? null,
            evidence_link: input.evidenceLink ?? null,
            created_by: ctx.userId,
            created_by_name: ctx.displayName,
          })
          .execute();
        let attachmentId: string | null = null;
        if (file && input.attachment) {
          attachmentId = randomUUID();
          await trx
            .insertInto('work_plan_attachment')
            .values({
              id: attachmentId,
              progress_id: progressId,
              filename: file.filename,
              content_type: input.attachment.contentType,
              size_bytes: file.buf.length,
              sha256: createHash('sha256').update(file.buf).digest('hex'),
              content: file.buf,
            })
            .execute();
        }
        const row = await trx
          .updateTable('work_plan_task')
          .set({
            status: next.status,
            progress_pct: next.progressPct,
            current_value: next.currentValue,
            completed_on: next.completedOn,
            version: task.version + 1,
            updated_at: new Date(),
            updated_by: ctx.userId,
          })
          .where('id', '=', taskId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'workplan.progress.create',
          entityType: 'work_plan_progress',
          entityId: progressId,
          details: {
            taskId,
            planId: plan.id,
            reportedOn: input.reportedOn,
            statusAfter: next.status,
            progressPct: next.progressPct,
            countValue: input.countValue ?? null,
            attachment: attachmentId ? { id: attachmentId, bytes: file!.buf.length } : null,
          },
        });
        return { progressId, attachmentId, task: (await taskDtos(trx, ctx, plan, [row]))[0]! };
      });
    },

    /** Progress reports of a task, newest first, with their attachments (without content). */
    async progress(ctx: AuthContext, taskId: string) {
      return withScope(db, none, async (trx) => {
        await loadTask(trx, ctx, taskId);
        const rows = await trx
          .selectFrom('work_plan_progress as p')
          .leftJoin('institution as i', 'i.id', 'p.institution_id')
          .selectAll('p')
          .select('i.name as institution_name')
          .where('p.task_id', '=', taskId)
          .orderBy('p.reported_on', 'desc')
          .orderBy('p.created_at', 'desc')
          .execute();
        const files = rows.length
          ? await trx
              .selectFrom('work_plan_attachment')
              .select(['id', 'progress_id', 'filename', 'content_type', 'size_bytes', 'sha256'])
              .where(
                'progress_id',
                'in',
                rows.map((r) => r.id),
              )
              .execute()
          : [];
        return rows.map((r) => ({
          id: r.id,
          reportedOn: r.reported_on,
          unitName: r.unit_name,
          institutionId: r.institution_id,
          institutionName: r.institution_name,
          note: r.note,
          progressPct: r.progress_pct,
          countValue: num(r.count_value),
          statusAfter: r.status_after,
          evidenceLink: r.evidence_link,
          createdAt: iso(r.created_at),
          createdByName: r.created_by_name,
          attachments: files
            .filter((f) => f.progress_id === r.id)
            .map((f) => ({
              id: f.id,
              filename: f.filename,
              contentType: f.content_type,
              sizeBytes: f.size_bytes,
              sha256: f.sha256,
            })),
        }));
      });
    },

    /** An attachment's content (the plan must be visible). */
    async attachment(ctx: AuthContext, id: string) {
      return withScope(db, none, async (trx) => {
        const a = await trx
          .selectFrom('work_plan_attachment as a')
          .innerJoin('work_plan_progress as p', 'p.id', 'a.progress_id')
          .select(['a.id', 'a.filename', 'a.content_type', 'a.content', 'p.task_id'])
          .where('a.id', '=', id)
          .executeTakeFirst();
        if (!a) throw errors.notFound('附件', 'attachment');
        await loadTask(trx, ctx, a.task_id);
        return { filename: a.filename, contentType: a.content_type, content: a.content };
      });
    },

    /** The tasks of a plan grouped by responsible unit (an institution, or a department named in the document). */
    async byUnit(ctx: AuthContext, planId: string) {
      const { tasks } = await service.get(ctx, planId, { live: false });
      const groups = new Map<
        string,
        {
          key: string;
          name: string;
          institutionId: string | null;
          institutionName: string | null;
          tasks: (TaskDto & { lead: boolean })[];
        }
      >();
      for (const t of tasks)
        for (const u of t.units) {
          const key = u.institutionId ?? `name:${u.name}`;
          const g = groups.get(key) ?? {
            key,
            name: u.name,
            institutionId: u.institutionId,
            institutionName: u.institutionName,
            tasks: [],
          };
          if (!g.tasks.some((x) => x.id === t.id)) g.tasks.push({ ...t, lead: u.lead });
          groups.set(key, g);
        }
      const today = todayCn();
      return [...groups.values()]
        .map((g) => ({
          ...g,
          counts: summarizeWorkTasks(
            g.tasks.map((t) => ({ status: t.status, deadline: t.deadline, completedOn: t.completedOn })),
            today,
          ),
          leadCount: g.tasks.filter((t) => t.lead).length,
        }))
        .sort(
          (a, b) => b.counts.overdue - a.counts.overdue || b.leadCount - a.leadCount || a.name.localeCompare(b.name),
        );
    },

    /** Open tasks across the visible active plans where the user's institution is a responsible unit. */
    async myTasks(ctx: AuthContext) {
      if (!ctx.permissions.has('workplan.read')) throw errors.forbidden();
      if (!ctx.institutionId) return [];
      return withScope(db, none, async (trx) => {
        const rows = await trx
          .selectFrom('work_plan_task_unit as u')
          .innerJoin('work_plan_task as t', 't.id', 'u.task_id')
          .innerJoin('work_plan as p', 'p.id', 't.plan_id')
          .select(['t.id', 'p.id as plan_id', 'p.region_code'])
          .where('u.institution_id', '=', ctx.institutionId)
          .where('p.status', '=', 'active')
          .execute();
        const out: (TaskDto & { planTitle: string })[] = [];
        const planIds = [...new Set(rows.filter((r) => canSee(ctx, r.region_code)).map((r) => r.plan_id))];
        for (const pid of planIds) {
          const plan = await loadPlan(trx, ctx, pid);
          const tasks = (await tasksOf(trx, [pid])).filter((t) => rows.some((r) => r.id === t.id));
          for (const t of await taskDtos(trx, ctx, plan, tasks)) out.push({ ...t, planTitle: plan.title });
        }
        return out.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
      });
    },

    /** A plan's tasks as xlsx (status, timing, units, target and live value). */
    async exportXlsx(ctx: AuthContext, planId: string, evalYear?: number) {
      const { plan, tasks } = await service.get(ctx, planId, { live: true, evalYear });
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Fuyou';
      const ws = wb.addWorksheet('任务');
      ws.addRow([plan.title]).font = { bold: true, size: 14 };
      ws.addRow([
        `${plan.regionName ?? plan.regionCode} · ${plan.documentNo ?? ''} · 导出时间 ${new Date().toISOString()}`,
      ]);
      ws.addRow([]);
      ws.addRow([
        '编号',
        '任务',
        '责任单位（★牵头）',
        '完成时限',
        '状态',
        '时限情况',
        '进度%',
        '目标',
        '当前值',
        '达标情况',
      ]).font = {
        bold: true,
      };
      const evLabel: Record<string, string> = { met: '达标', close: '接近', not_met: '未达标', no_data: '无数据' };
      for (const t of tasks) {
        const target =
          t.targetKind === 'none'
            ? ''
            : `${t.indicatorNameZh ?? ''} ${t.comparator ?? ''} ${t.targetValue ?? ''}${t.targetUnit ?? ''}`.trim();
        const current = t.targetKind === 'count' ? t.currentValue : (t.live?.value ?? null);
        ws.addRow([
          t.code ?? t.seq,
          t.title,
          t.units.map((u) => `${u.lead ? '★' : ''}${u.institutionName ?? u.name}`).join('、'),
          t.deadline ?? '',
          WORK_TASK_STATUS_LABELS[t.status].zh,
          WORK_TASK_TIMING_LABELS[t.timing].zh,
          t.progressPct,
          target,
          current ?? '',
          t.evaluation ? evLabel[t.evaluation] : '',
        ]);
      }
      ws.columns.forEach((c, i) => (c.width = [10, 50, 40, 12, 8, 10, 6, 36, 10, 10][i] ?? 12));
      return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${plan.title}.xlsx` };
    },

    /**
     * Loads a seed plan (e.g. Zhoushan 2019) with its tasks, as the system, idempotently (the plan's id is derived
     * from its key). `resolve` maps a unit named in the document to the institutions it stands for (none: the
     * unit stays a named department).
     */
    async importSeed(
      seed: WorkPlanSeed,
      planId: string,
      resolve: (name: string) => { id: string; name: string }[],
    ): Promise<{ planId: string; created: boolean; tasks: number }> {
      return withScope(db, none, async (trx) => {
        const existing = await trx.selectFrom('work_plan').select('id').where('id', '=', planId).executeTakeFirst();
        if (existing) return { planId, created: false, tasks: 0 };
        if (!regions.get(seed.regionCode)) throw new Error(`seed plan region ${seed.regionCode} is not loaded`);
        await trx
          .insertInto('work_plan')
          .values({
            id: planId,
            region_code: seed.regionCode,
            year: seed.year,
            title: seed.title,
            issuer: seed.issuer,
            document_no: seed.documentNo,
            issued_on: seed.issuedOn,
            source: seed.source,
            summary: seed.summary,
            status: 'active',
            preloaded: true,
          })
          .execute();
        let seq = 0;
        for (const t of seed.tasks) {
          const id = randomUUID();
          await trx
            .insertInto('work_plan_task')
            .values({
              id,
              plan_id: planId,
              seq: ++seq,
              section: t.section,
              code: t.code,
              title: t.title,
              description: t.description,
              deadline: t.deadline,
              deadline_note: t.deadlineNote,
              target_kind: t.target?.kind ?? 'none',
              indicator_id: t.target?.indicatorId ?? null,
              indicator_period: t.target?.period ?? null,
              target_scope: t.target?.scope ?? 'region',
              comparator: t.target?.comparator ?? null,
              target_value: t.target?.value ?? null,
              target_unit: t.target?.unit ?? null,
            })
            .execute();
          const units: TaskInput['units'] = [];
          for (const u of t.units) {
            const found = resolve(u.name);
            if (!found.length) units.push({ name: u.name, lead: !!u.lead });
            // a class of units ("各级助产机构") stands for each of its institutions, each leading if the class does
            else for (const f of found) units.push({ name: u.name, institutionId: f.id, lead: !!u.lead });
          }
          await writeUnits(trx, id, units);
        }
        await audit.write(trx, null, {
          action: 'workplan.import',
          entityType: 'work_plan',
          entityId: planId,
          details: { key: seed.key, regionCode: seed.regionCode, tasks: seed.tasks.length },
        });
        return { planId, created: true, tasks: seed.tasks.length };
      });
    },
  };
  return service;
}

/** The work-plan service type. */
export type WorkPlanService = ReturnType<typeof createWorkPlanService>;
