/**
 * Summons (约谈) of lagging units (M7 G2): who was summoned (a county by its city or province, an institution by
 * its county or above), when, why (the indicators missed, the notice), who attended, and the follow-up actions
 * agreed with their due dates and completion. Rows are keyed by the county of the summoned unit (row-level
 * security), so a county sees the summons of its own county and institutions and completes their actions; the
 * issuing side edits the summons and its actions. Every write is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import { actionState, getIndicator, summonsState, type ActionState, type SummonsState } from '@fuyou/core';
import { sql, withScope, type Database, type Kysely, type Selectable, type Transaction } from '@fuyou/db';
import type { AccountabilityActionTable, AccountabilitySummonsTable } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import {
  isAccountabilityWriter,
  requireAccountabilityWriter,
  visibleRegionCodes,
  type UnitKind,
} from './accountability.service';
import { homeRegion, periodInfo, todayCn } from './indicators.common';

/** A person at the summons: of the summoning side or of the unit. */
export interface Attendee {
  name: string;
  position?: string | undefined;
  side: 'issuer' | 'unit';
}

/** A follow-up action as the API returns it. */
export interface ActionDto {
  id: string;
  summonsId: string;
  description: string;
  responsible: string;
  dueOn: string;
  completedOn: string | null;
  completionNote: string | null;
  state: ActionState;
  version: number;
}

/** A summons as the API returns it. */
export interface SummonsDto {
  id: string;
  countyCode: string;
  countyName: string | null;
  issuerRegionCode: string;
  issuerRegionName: string | null;
  unitKind: UnitKind;
  institutionId: string | null;
  unitName: string;
  noticeId: string | null;
  periodKey: string | null;
  summonedOn: string;
  reason: string;
  indicators: { id: string; nameZh: string; nameEn: string }[];
  attendees: Attendee[];
  summary: string | null;
  state: SummonsState;
  actions: ActionDto[];
  actionsTotal: number;
  actionsDone: number;
  actionsOverdue: number;
  nextDueOn: string | null;
  /** The user is of the issuing side and may edit the summons and its actions. */
  canEdit: boolean;
  /** The user may record the completion of its actions. */
  canComplete: boolean;
  version: number;
  createdAt: string;
}

/** Input of a new action. */
export interface ActionInput {
  id?: string | undefined;
  description: string;
  responsible: string;
  dueOn: string;
}

/** Input of a new summons. */
export interface SummonsInput {
  id?: string | undefined;
  issuerRegionCode?: string | undefined;
  unitKind: UnitKind;
  unitCode: string;
  noticeId?: string | undefined;
  periodKey?: string | undefined;
  summonedOn: string;
  reason: string;
  indicatorIds?: string[] | undefined;
  attendees: Attendee[];
  summary?: string | undefined;
  actions?: ActionInput[] | undefined;
}

/** Changes of a summons. */
export interface SummonsPatch {
  version: number;
  summonedOn?: string | undefined;
  reason?: string | undefined;
  indicatorIds?: string[] | undefined;
  attendees?: Attendee[] | undefined;
  summary?: string | null | undefined;
}

/** Changes of an action (editing by the issuer; completion by either side). */
export interface ActionPatch {
  version: number;
  description?: string | undefined;
  responsible?: string | undefined;
  dueOn?: string | undefined;
  completedOn?: string | null | undefined;
  completionNote?: string | null | undefined;
}

/** Filters of the summons list. */
export interface SummonsFilter {
  issuerRegionCode?: string | undefined;
  countyCode?: string | undefined;
  unitKind?: UnitKind | undefined;
  state?: SummonsState | 'open_or_overdue' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

type SummonsRow = Selectable<AccountabilitySummonsTable>;
type ActionRow = Selectable<AccountabilityActionTable>;

/** The summons service. */
export function createSummonsService(deps: { db: Kysely<Database>; audit: AuditWriter; regions: RegionIndex }) {
  const { db, audit, regions } = deps;

  const issuerSide = (ctx: AuthContext, issuer: string) =>
    isAccountabilityWriter(ctx) && visibleRegionCodes(regions, ctx).includes(issuer);

  function actionDto(a: ActionRow, today: string): ActionDto {
    return {
      id: a.id,
      summonsId: a.summons_id,
      description: a.description,
      responsible: a.responsible,
      dueOn: a.due_on,
      completedOn: a.completed_on,
      completionNote: a.completion_note,
      state: actionState({ dueOn: a.due_on, completedOn: a.completed_on }, today),
      version: a.version,
    };
  }

  function dto(ctx: AuthContext, r: SummonsRow, actions: ActionRow[]): SummonsDto {
    const today = todayCn();
    const list = actions
      .map((a) => actionDto(a, today))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.description.localeCompare(b.description));
    const open = list.filter((a) => !a.completedOn);
    const county = r.county_code.trim();
    return {
      id: r.id,
      countyCode: county,
      countyName: regions.get(county)?.name ?? null,
      issuerRegionCode: r.issuer_region_code,
      issuerRegionName: regions.get(r.issuer_region_code)?.name ?? null,
      unitKind: r.unit_kind,
      institutionId: r.institution_id,
      unitName: r.unit_name,
      noticeId: r.notice_id,
      periodKey: r.period_key,
      summonedOn: r.summoned_on,
      reason: r.reason,
      indicators: r.indicator_ids.map((id) => {
        const d = getIndicator(id);
        return { id, nameZh: d?.nameZh ?? id, nameEn: d?.nameEn ?? id };
      }),
      attendees: (typeof r.attendees === 'string' ? JSON.parse(r.attendees) : r.attendees) as Attendee[],
      summary: r.summary,
      state: summonsState(list, today),
      actions: list,
      actionsTotal: list.length,
      actionsDone: list.length - open.length,
      actionsOverdue: list.filter((a) => a.state === 'overdue').length,
      nextDueOn: open[0]?.dueOn ?? null,
      canEdit: issuerSide(ctx, r.issuer_region_code),
      canComplete: isAccountabilityWriter(ctx),
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  async function load(trx: Transaction<Database>, ctx: AuthContext, id: string): Promise<SummonsDto> {
    const row = await trx.selectFrom('accountability_summons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('约谈记录', 'summons');
    const actions = await trx
      .selectFrom('accountability_action')
      .selectAll()
      .where('county_code', '=', row.county_code)
      .where('summons_id', '=', row.id)
      .execute();
    return dto(ctx, row, actions);
  }

  function checkIndicators(ids: readonly string[] | undefined) {
    (ids ?? []).forEach((id, i) => {
      if (!getIndicator(id)) throw errors.field(`indicatorIds.${i}`, '指标不存在', 'Unknown indicator');
    });
  }

  function checkActionDates(actions: readonly { dueOn: string }[], summonedOn: string, prefix = 'actions') {
    actions.forEach((a, i) => {
      if (a.dueOn < summonedOn)
        throw errors.field(
          `${prefix}.${i}.dueOn`,
          '完成期限不能早于约谈日期',
          'The due date cannot be before the summons',
        );
    });
  }

  /** The unit being summoned: its county, name and institution, if it lies under the issuing region. */
  async function resolveUnit(
    trx: Transaction<Database>,
    issuer: string,
    kind: UnitKind,
    code: string,
  ): Promise<{ county: string; name: string; institutionId: string | null }> {
    const under = regions.countiesUnder(issuer);
    if (kind === 'county') {
      const node = regions.get(code);
      if (!node || node.level !== 'county' || !under.includes(code))
        throw errors.field(
          'unitCode',
          '被约谈的县（区）不在约谈机关的辖区内',
          'The county is not under the issuing region',
        );
      if (regions.get(issuer)?.level === 'county')
        throw errors.field('unitCode', '县级只能约谈本县（区）的机构', 'A county summons its institutions');
      return { county: code, name: node.name, institutionId: null };
    }
    if (!/^[0-9a-f-]{36}$/i.test(code)) throw errors.field('unitCode', '机构编号无效', 'Not an institution id');
    const inst = await trx
      .selectFrom('institution')
      .select(['id', 'name', 'county_code', 'active'])
      .where('id', '=', code)
      .executeTakeFirst();
    if (!inst || !inst.active) throw errors.field('unitCode', '机构不存在或已停用', 'Unknown or inactive institution');
    const county = inst.county_code.trim();
    if (!under.includes(county))
      throw errors.field('unitCode', '该机构不在约谈机关的辖区内', 'The institution is not under the issuing region');
    return { county, name: inst.name, institutionId: inst.id };
  }

  async function listIn(trx: Transaction<Database>, ctx: AuthContext, f: SummonsFilter, limit: number, offset: number) {
    const today = todayCn();
    let q = trx.selectFrom('accountability_summons as s');
    if (f.issuerRegionCode) q = q.where('s.issuer_region_code', '=', f.issuerRegionCode);
    if (f.countyCode) q = q.where('s.county_code', '=', f.countyCode);
    if (f.unitKind) q = q.where('s.unit_kind', '=', f.unitKind);
    if (f.from) q = q.where('s.summoned_on', '>=', f.from);
    if (f.to) q = q.where('s.summoned_on', '<=', f.to);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((e) => e.or([e('s.unit_name', 'like', like), e('s.reason', 'like', like)]));
    }
    const openAction = sql<boolean>`exists (select 1 from accountability_action a where a.county_code = s.county_code
      and a.summons_id = s.id and a.completed_on is null)`;
    const overdueAction = sql<boolean>`exists (select 1 from accountability_action a where a.county_code = s.county_code
      and a.summons_id = s.id and a.completed_on is null and a.due_on < ${today}::date)`;
    if (f.state === 'overdue') q = q.where(overdueAction);
    else if (f.state === 'open') q = q.where(openAction).where(sql<boolean>`not ${overdueAction}`);
    else if (f.state === 'open_or_overdue') q = q.where(openAction);
    else if (f.state === 'done') q = q.where(sql<boolean>`not ${openAction}`);
    const { n } = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('s')
      .orderBy('s.summoned_on', 'desc')
      .orderBy('s.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    const actions = rows.length
      ? await trx
          .selectFrom('accountability_action')
          .selectAll()
          .where(
            'summons_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return {
      total: Number(n),
      items: rows.map((r) =>
        dto(
          ctx,
          r,
          actions.filter((a) => a.summons_id === r.id && a.county_code === r.county_code),
        ),
      ),
    };
  }

  return {
    /** Records a summons with its attendees and agreed actions (idempotent by client id). */
    async create(ctx: AuthContext, input: SummonsInput): Promise<{ summons: SummonsDto; created: boolean }> {
      requireAccountabilityWriter(ctx);
      const issuer = input.issuerRegionCode ?? homeRegion(regions, ctx);
      if (!issuer || !regions.get(issuer))
        throw errors.field('issuerRegionCode', '请选择约谈机关所在区划', 'Choose the issuing region');
      if (!visibleRegionCodes(regions, ctx).includes(issuer))
        throw errors.forbidden('约谈机关所在区划超出您的管辖范围', 'The issuing region is outside your jurisdiction');
      checkIndicators(input.indicatorIds);
      if (input.periodKey) periodInfo(input.periodKey, 'periodKey');
      checkActionDates(input.actions ?? [], input.summonedOn);
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('accountability_summons')
            .select('id')
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { summons: await load(trx, ctx, input.id), created: false };
        }
        const unit = await resolveUnit(trx, issuer, input.unitKind, input.unitCode);
        if (input.noticeId) {
          const notice = await trx
            .selectFrom('accountability_notice')
            .select(['id', 'region_code'])
            .where('id', '=', input.noticeId)
            .executeTakeFirst();
          if (!notice || !visibleRegionCodes(regions, ctx).includes(notice.region_code))
            throw errors.field('noticeId', '通报不存在', 'Unknown notice');
        }
        const id = input.id ?? randomUUID();
        await trx
          .insertInto('accountability_summons')
          .values({
            county_code: unit.county,
            id,
            issuer_region_code: issuer,
            unit_kind: input.unitKind,
            institution_id: unit.institutionId,
            unit_name: unit.name,
            notice_id: input.noticeId ?? null,
            period_key: input.periodKey ? periodInfo(input.periodKey, 'periodKey').key : null,
            summoned_on: input.summonedOn,
            reason: input.reason,
            indicator_ids: input.indicatorIds ?? [],
            attendees: JSON.stringify(input.attendees),
            summary: input.summary ?? null,
            created_by: ctx.userId,
          })
          .execute();
        for (const a of input.actions ?? [])
          await trx
            .insertInto('accountability_action')
            .values({
              county_code: unit.county,
              id: a.id ?? randomUUID(),
              summons_id: id,
              description: a.description,
              responsible: a.responsible,
              due_on: a.dueOn,
              created_by: ctx.userId,
            })
            .execute();
        await audit.write(trx, ctx, {
          action: 'accountability.summons.create',
          entityType: 'accountability_summons',
          entityId: id,
          countyCode: unit.county,
          details: {
            issuer,
            unitKind: input.unitKind,
            unit: input.unitCode,
            indicators: input.indicatorIds ?? [],
            actions: (input.actions ?? []).length,
          },
        });
        return { summons: await load(trx, ctx, id), created: true };
      });
    },

    /** Edits a summons (the issuing side; optimistic concurrency). */
    async update(ctx: AuthContext, id: string, patch: SummonsPatch): Promise<SummonsDto> {
      requireAccountabilityWriter(ctx);
      checkIndicators(patch.indicatorIds);
      return withScope(db, ctx, async (trx) => {
        const row = await trx
          .selectFrom('accountability_summons')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw errors.notFound('约谈记录', 'summons');
        if (!issuerSide(ctx, row.issuer_region_code))
          throw errors.forbidden('只有约谈机关可以修改约谈记录', 'Only the issuing side may edit the summons');
        if (row.version !== patch.version) throw errors.staleVersion(row.version);
        if (patch.summonedOn) {
          const actions = await trx
            .selectFrom('accountability_action')
            .select('due_on as dueOn')
            .where('county_code', '=', row.county_code)
            .where('summons_id', '=', id)
            .execute();
          if (actions.some((a) => a.dueOn < patch.summonedOn!))
            throw errors.field(
              'summonedOn',
              '约谈日期晚于已定的整改期限',
              'The summons date is after an action due date',
            );
        }
        await trx
          .updateTable('accountability_summons')
          .set({
            ...(patch.summonedOn ? { summoned_on: patch.summonedOn } : {}),
            ...(patch.reason ? { reason: patch.reason } : {}),
            ...(patch.indicatorIds ? { indicator_ids: patch.indicatorIds } : {}),
            ...(patch.attendees ? { attendees: JSON.stringify(patch.attendees) } : {}),
            ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .execute();
        await audit.write(trx, ctx, {
          action: 'accountability.summons.update',
          entityType: 'accountability_summons',
          entityId: id,
          countyCode: row.county_code.trim(),
          details: { fields: Object.keys(patch).filter((k) => k !== 'version') },
        });
        return load(trx, ctx, id);
      });
    },

    /** Adds a follow-up action to a summons (the issuing side). */
    async addAction(ctx: AuthContext, summonsId: string, input: ActionInput): Promise<SummonsDto> {
      requireAccountabilityWriter(ctx);
      return withScope(db, ctx, async (trx) => {
        const row = await trx
          .selectFrom('accountability_summons')
          .selectAll()
          .where('id', '=', summonsId)
          .executeTakeFirst();
        if (!row) throw errors.notFound('约谈记录', 'summons');
        if (!issuerSide(ctx, row.issuer_region_code))
          throw errors.forbidden('只有约谈机关可以增加整改措施', 'Only the issuing side may add actions');
        if (input.dueOn < row.summoned_on)
          throw errors.field('dueOn', '完成期限不能早于约谈日期', 'The due date cannot be before the summons');
        if (input.id) {
          const dup = await trx
            .selectFrom('accountability_action')
            .select('id')
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (dup) return load(trx, ctx, summonsId);
        }
        const id = input.id ?? randomUUID();
        await trx
          .insertInto('accountability_action')
          .values({
            county_code: row.county_code,
            id,
            summons_id: summonsId,
            description: input.description,
            responsible: input.responsible,
            due_on: input.dueOn,
            created_by: ctx.userId,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'accountability.action.create',
          entityType: 'accountability_action',
          entityId: id,
          countyCode: row.county_code.trim(),
          details: { summonsId, dueOn: input.dueOn },
        });
        return load(trx, ctx, summonsId);
      });
    },

    /**
     * Edits an action: its text and due date (the issuing side), or its completion (either side: the summoned
     * county records what it did). Completion needs a note and a date no later than today.
     */
    async updateAction(ctx: AuthContext, actionId: string, patch: ActionPatch): Promise<SummonsDto> {
      requireAccountabilityWriter(ctx);
      return withScope(db, ctx, async (trx) => {
        const a = await trx
          .selectFrom('accountability_action')
          .selectAll()
          .where('id', '=', actionId)
          .forUpdate()
          .executeTakeFirst();
        if (!a) throw errors.notFound('整改措施', 'action');
        const s = await trx
          .selectFrom('accountability_summons')
          .selectAll()
          .where('county_code', '=', a.county_code)
          .where('id', '=', a.summons_id)
          .executeTakeFirstOrThrow();
        const editsPlan =
          patch.description !== undefined || patch.responsible !== undefined || patch.dueOn !== undefined;
        if (editsPlan && !issuerSide(ctx, s.issuer_region_code))
          throw errors.forbidden('只有约谈机关可以修改整改措施和期限', 'Only the issuing side may change the action');
        if (a.version !== patch.version) throw errors.staleVersion(a.version);
        if (patch.dueOn && patch.dueOn < s.summoned_on)
          throw errors.field('dueOn', '完成期限不能早于约谈日期', 'The due date cannot be before the summons');
        const completing = patch.completedOn !== undefined && patch.completedOn !== null;
        if (completing) {
          if (patch.completedOn! > todayCn())
            throw errors.field('completedOn', '完成日期不能晚于今天', 'The completion date cannot be in the future');
          if (patch.completedOn! < s.summoned_on)
            throw errors.field('completedOn', '完成日期不能早于约谈日期', 'Completed before the summons');
          const note = patch.completionNote ?? a.completion_note;
          if (!note || !note.trim()) throw errors.field('completionNote', '请填写完成情况', 'Say what was done');
        }
        await trx
          .updateTable('accountability_action')
          .set({
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.responsible !== undefined ? { responsible: patch.responsible } : {}),
            ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
            ...(patch.completedOn !== undefined
              ? { completed_on: patch.completedOn, completed_by: patch.completedOn ? ctx.userId : null }
              : {}),
            ...(patch.completionNote !== undefined ? { completion_note: patch.completionNote } : {}),
            version: a.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', a.county_code)
          .where('id', '=', actionId)
          .execute();
        await audit.write(trx, ctx, {
          action:
            patch.completedOn !== undefined
              ? patch.completedOn
                ? 'accountability.action.complete'
                : 'accountability.action.reopen'
              : 'accountability.action.update',
          entityType: 'accountability_action',
          entityId: actionId,
          countyCode: a.county_code.trim(),
          details: { summonsId: a.summons_id, completedOn: patch.completedOn ?? null, dueOn: patch.dueOn ?? a.due_on },
        });
        return load(trx, ctx, a.summons_id);
      });
    },

    /** One summons with its actions. */
    async get(ctx: AuthContext, id: string): Promise<SummonsDto> {
      return withScope(db, ctx, (trx) => load(trx, ctx, id));
    },

    /** Summons in the user's scope with filters, newest first; overdue actions are counted per summons. */
    async list(ctx: AuthContext, f: SummonsFilter) {
      return withScope(db, ctx, async (trx) => {
        const r = await listIn(trx, ctx, f, f.pageSize, (f.page - 1) * f.pageSize);
        return { ...r, page: f.page, pageSize: f.pageSize, today: todayCn() };
      });
    },

    /** Every summons matching the filters (for the xlsx), audited as an export. */
    async exportRows(ctx: AuthContext, f: Omit<SummonsFilter, 'page' | 'pageSize'>): Promise<SummonsDto[]> {
      return withScope(db, ctx, async (trx) => {
        const r = await listIn(trx, ctx, { ...f, page: 1, pageSize: 5000 }, 5000, 0);
        await audit.write(trx, ctx, {
          action: 'accountability.summons.export',
          entityType: 'accountability_summons',
          details: { filters: f, rows: r.items.length },
        });
        return r.items;
      });
    },
  };
}

/** The summons service type. */
export type SummonsService = ReturnType<typeof createSummonsService>;
