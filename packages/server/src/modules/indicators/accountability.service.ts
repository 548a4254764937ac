/**
 * Accountability for lagging units (约谈通报, M7 G2): for a region and period, the units under it (its counties, or
 * the institutions of its counties) that miss the targets that apply to them, ranked by how far they miss; and
 * notices (通报) that name them, stored with a snapshot of the figures as issued and rendered as PDF and xlsx.
 * Values come from the indicator engine (the same figures as the dashboards); targets are the inherited targets of
 * each unit's region (an institution: its county's).
 */
import { randomUUID } from 'node:crypto';
import {
  evaluateTarget,
  getIndicator,
  rankLaggingUnits,
  smallNumberWarning,
  targetJudgesUnit,
  targetShortfall,
  type IndicatorDefinition,
  type TargetComparator,
  type TargetEvaluation,
} from '@fuyou/core';
import { withScope, type Database, type Kysely, type Selectable, type Transaction } from '@fuyou/db';
import type { AccountabilityNoticeTable } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { targetYear } from './dashboard.service';
import type { BasisChoice, IndicatorService } from './indicator.service';
import { periodInfo, scopedRegion, type PeriodInfo } from './indicators.common';
import type { AppliedTarget, TargetsService } from './targets.service';
import { countyUnits, indicatorsByUnit, type UnitFigure } from './unit-figures';

/** Kinds of unit that can be named and summoned. */
export type UnitKind = 'county' | 'institution';

/** The population bases a notice can be computed by (the dashboards' choices). */
export type NoticeBasis = Exclude<BasisChoice, 'non_hukou'>;

/** One missed indicator of a unit. */
export interface LaggingMiss {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  unit: IndicatorDefinition['unit'];
  value: number;
  numerator: number | null;
  denominator: number | null;
  target: {
    comparator: TargetComparator;
    value: number;
    source: string;
    inheritedFrom: string;
    version: string | null;
  };
  evaluation: TargetEvaluation;
  gap: number;
  relativeGap: number;
  /** The figure rests on few events or a small population (read with care). */
  smallNumber: boolean;
}

/** A unit that misses at least one target, with its rank. */
export interface LaggingUnit {
  code: string;
  name: string;
  kind: UnitKind;
  countyCode: string;
  countyName: string | null;
  misses: LaggingMiss[];
  /** Indicators with a target and a value for this unit. */
  checked: number;
  score: number;
  rank: number;
}

/** The lagging units of a region and period. */
export interface LaggingResult {
  region: { code: string; name: string; level: string };
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  unitKind: UnitKind;
  basis: NoticeBasis;
  include: 'missed' | 'not_met';
  targetYear: number;
  units: LaggingUnit[];
  /** Units with at least one target and a value. */
  unitsChecked: number;
  unitsMet: number;
  dataAsOf: string;
}

/** A lagging-units request. */
export interface LaggingQuery {
  regionCode: string;
  period: string;
  unit?: UnitKind | undefined;
  basis?: NoticeBasis | undefined;
  include?: 'missed' | 'not_met' | undefined;
}

/** A notice as the API returns it. */
export interface NoticeDto {
  id: string;
  regionCode: string;
  regionName: string | null;
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  unitKind: UnitKind;
  basis: string;
  title: string;
  docNo: string | null;
  issuedOn: string;
  issuerName: string;
  body: string;
  units: LaggingUnit[];
  countyCodes: string[];
  dataAsOf: string;
  createdAt: string;
}

/** Input of a notice. */
export interface NoticeInput {
  id?: string | undefined;
  regionCode: string;
  period: string;
  unit?: UnitKind | undefined;
  basis?: NoticeBasis | undefined;
  include?: 'missed' | 'not_met' | undefined;
  title?: string | undefined;
  docNo?: string | undefined;
  issuedOn: string;
  issuerName?: string | undefined;
  body?: string | undefined;
}

/** Roles that may issue notices and record summons: the health commission and the MCH supervisors. */
export function requireAccountabilityWriter(ctx: AuthContext): void {
  if (ctx.role !== 'commission_viewer' && ctx.role !== 'mch_supervisor')
    throw errors.forbidden(
      '仅卫生健康行政部门和妇幼保健监管人员可以通报、约谈',
      'Only the health commission and MCH supervisors may issue notices and summons',
    );
}

/** Whether the user may write notices and summons. */
export function isAccountabilityWriter(ctx: AuthContext): boolean {
  return ctx.role === 'commission_viewer' || ctx.role === 'mch_supervisor';
}

/** The regions whose every county the user may see (her jurisdiction and the regions under it). */
export function visibleRegionCodes(regions: RegionIndex, ctx: AuthContext): string[] {
  const candidates = new Set<string>();
  for (const c of ctx.counties) {
    candidates.add(c);
    for (const a of regions.ancestors(c)) candidates.add(a.code);
  }
  return [...candidates].filter((code) => {
    const under = regions.countiesUnder(code);
    return under.length > 0 && under.every((c) => ctx.counties.includes(c));
  });
}

function missOf(def: IndicatorDefinition, f: UnitFigure, t: AppliedTarget): LaggingMiss | null {
  if (f.status !== 'ok' || f.value === null) return null;
  const short = targetShortfall(f.value, t);
  if (!short) return null;
  return {
    indicatorId: def.id,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    unit: def.unit,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    target: {
      comparator: t.comparator,
      value: t.value,
      source: t.source,
      inheritedFrom: t.inheritedFrom,
      version: t.version,
    },
    evaluation: evaluateTarget(f.value, { ...t, indicatorId: def.id }),
    gap: short.gap,
    relativeGap: short.relativeGap,
    smallNumber: !!f.smallNumberWarning,
  };
}

/** The accountability service (lagging units and notices). */
export function createAccountabilityService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  regions: RegionIndex;
  engine: IndicatorService;
  targets: TargetsService;
}) {
  const { db, audit, regions, engine, targets } = deps;

  async function appliedFor(trx: Transaction<Database>, regionCode: string, year: number) {
    const rows = await targets.rowsFor(trx, regionCode, year);
    const applied = targets.applied(rows, regionCode, year);
    for (const id of [...applied.keys()]) if (!getIndicator(id)) applied.delete(id);
    return applied;
  }

  async function laggingIn(trx: Transaction<Database>, ctx: AuthContext, q: LaggingQuery, info: PeriodInfo) {
    const { region, counties } = scopedRegion(regions, ctx, q.regionCode);
    const unitKind: UnitKind = q.unit ?? (region.level === 'county' ? 'institution' : 'county');
    if (unitKind === 'county' && region.level === 'county')
      throw errors.field('unit', '县级地区请按机构查看未达标单位', 'For a county, look at its institutions');
    const basis: NoticeBasis = q.basis ?? 'default';
    const include = q.include ?? 'missed';
    const year = targetYear(info.period);
    let at = Date.now();
    const found: Omit<LaggingUnit, 'score' | 'rank'>[] = [];
    let unitsChecked = 0;
    const collect = (
      unit: { code: string; name: string; countyCode: string },
      figures: Map<string, UnitFigure>,
      applied: Map<string, AppliedTarget>,
    ) => {
      let checked = 0;
      const misses: LaggingMiss[] = [];
      for (const [id, t] of applied) {
        const f = figures.get(id);
        const def = getIndicator(id);
        if (!f || !def || f.status !== 'ok') continue;
        // an institution is judged by its county's targets, so every target is inherited for it
        const inherited = unitKind === 'institution' || t.inheritedFrom !== unit.code;
        if (!targetJudgesUnit(def.unit, t.comparator, inherited)) continue;
        checked += 1;
        const m = missOf(def, f, t);
        if (m && (include === 'missed' || m.evaluation === 'not_met')) misses.push(m);
      }
      if (checked) unitsChecked += 1;
      misses.sort((a, b) => b.relativeGap - a.relativeGap);
      if (misses.length)
        found.push({
          code: unit.code,
          name: unit.name,
          kind: unitKind,
          countyCode: unit.countyCode,
          countyName: regions.get(unit.countyCode)?.name ?? null,
          misses,
          checked,
        });
    };
    if (unitKind === 'county') {
      const units = countyUnits(regions, region.code);
      const appliedBy = new Map<string, Map<string, AppliedTarget>>();
      for (const u of units) appliedBy.set(u.code, await appliedFor(trx, u.code, year));
      const ids = [...new Set([...appliedBy.values()].flatMap((m) => [...m.keys()]))];
      const r = await indicatorsByUnit({ engine, targets }, trx, ctx, {
        regionCode: region.code,
        info,
        basis,
        indicatorIds: ids,
        units,
      });
      for (const x of r.region) at = Math.min(at, Date.parse(x.dataAsOf));
      for (const u of units)
        collect({ code: u.code, name: u.name, countyCode: u.code }, r.byUnit.get(u.code)!, appliedBy.get(u.code)!);
    } else {
      for (const county of counties) {
        const applied = await appliedFor(trx, county, year);
        const ids = [...applied.keys()];
        if (!ids.length) continue;
        const results = await engine.computeIn(
          trx,
          ctx,
          { regionCode: county, period: info.key, basis, indicatorIds: ids, groupBy: 'institution' },
          info,
        );
        const byInst = new Map<string, { name: string; figures: Map<string, UnitFigure> }>();
        for (const r of results) {
          at = Math.min(at, Date.parse(r.dataAsOf));
          const def = getIndicator(r.indicatorId)!;
          for (const row of r.byInstitution ?? []) {
            if (!row.institutionId) continue;
            const e = byInst.get(row.institutionId) ?? {
              name: row.countyName ?? row.institutionId,
              figures: new Map(),
            };
            const value = r.status === 'unavailable' ? null : row.value;
            e.figures.set(r.indicatorId, {
              status: r.status === 'unavailable' ? 'unavailable' : value === null ? 'no_data' : 'ok',
              numerator: row.numerator,
              denominator: row.denominator,
              value,
              version: r.version,
              smallNumberWarning:
                value !== null && row.numerator !== null && row.denominator !== null
                  ? smallNumberWarning(row.numerator, row.denominator, def.unit)
                  : null,
              unavailable: r.unavailable,
            });
            byInst.set(row.institutionId, e);
          }
        }
        for (const [id, e] of byInst) collect({ code: id, name: e.name, countyCode: county }, e.figures, applied);
      }
    }
    const ranked = rankLaggingUnits(found);
    const result: LaggingResult = {
      region: { code: region.code, name: region.name, level: region.level },
      period: { key: info.key, from: info.from, to: info.to, labelZh: info.labelZh, labelEn: info.labelEn },
      unitKind,
      basis,
      include,
      targetYear: year,
      units: ranked,
      unitsChecked,
      unitsMet: unitsChecked - ranked.length,
      dataAsOf: new Date(at).toISOString(),
    };
    return result;
  }

  function noticeDto(r: Selectable<AccountabilityNoticeTable>): NoticeDto {
    return {
      id: r.id,
      regionCode: r.region_code,
      regionName: regions.get(r.region_code)?.name ?? null,
      periodKey: r.period_key,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      unitKind: r.unit_kind,
      basis: r.basis,
      title: r.title,
      docNo: r.doc_no,
      issuedOn: r.issued_on,
      issuerName: r.issuer_name,
      body: r.body,
      units: (typeof r.units === 'string' ? JSON.parse(r.units) : r.units) as LaggingUnit[],
      countyCodes: (r.county_codes ?? []).map((c) => c.trim()),
      dataAsOf: new Date(r.data_as_of).toISOString(),
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  function defaultBody(l: LaggingResult): string {
    const kind = l.unitKind === 'county' ? '县（区）' : '医疗卫生机构';
    const misses = l.units.reduce((s, u) => s + u.misses.length, 0);
    return (
      `根据妇幼健康信息平台统计，${l.period.labelZh}，${l.region.name}辖区内参与评价的${l.unitsChecked}个${kind}中，` +
      `有${l.units.length}个单位的${misses}项重点指标未达到${l.targetYear}年度目标。现将有关情况通报如下（按差距由大到小排列）。` +
      '请被通报单位高度重视，认真分析原因，制定整改措施，明确责任人和完成时限，切实抓好落实，并按要求报送整改情况。'
    );
  }

  async function getNoticeIn(trx: Transaction<Database>, ctx: AuthContext, id: string): Promise<NoticeDto> {
    const row = await trx.selectFrom('accountability_notice').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !visibleRegionCodes(regions, ctx).includes(row.region_code)) throw errors.notFound('通报', 'notice');
    return noticeDto(row);
  }

  return {
    laggingIn,

    /** The units under a region that miss their targets in a period, ranked. */
    async lagging(ctx: AuthContext, q: LaggingQuery): Promise<LaggingResult> {
      const info = periodInfo(q.period);
      scopedRegion(regions, ctx, q.regionCode);
      return withScope(db, ctx, (trx) => laggingIn(trx, ctx, q, info));
    },

    /** Issues a notice naming the lagging units of a region and period (idempotent by client id). */
    async createNotice(ctx: AuthContext, input: NoticeInput): Promise<{ notice: NoticeDto; created: boolean }> {
      requireAccountabilityWriter(ctx);
      const info = periodInfo(input.period);
      const { region } = scopedRegion(regions, ctx, input.regionCode);
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('accountability_notice')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (!visibleRegionCodes(regions, ctx).includes(existing.region_code))
              throw errors.conflict('DUPLICATE', '编号已被使用', 'The id is already used');
            return { notice: noticeDto(existing), created: false };
          }
        }
        const l = await laggingIn(trx, ctx, input, info);
        if (!l.units.length)
          throw new AppError(
            'NOTHING_TO_NOTIFY',
            422,
            '该统计周期内没有未达标的单位，无需通报',
            'No unit misses a target in that period: nothing to notify',
          );
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('accountability_notice')
          .values({
            id,
            region_code: region.code,
            period_key: info.key,
            period_from: info.from,
            period_to: info.to,
            unit_kind: l.unitKind,
            basis: l.basis,
            title: input.title ?? `关于${info.labelZh.replace(/（.*）$/, '')}妇幼健康重点指标未达标单位的通报`,
            doc_no: input.docNo ?? null,
            issued_on: input.issuedOn,
            issuer_name: input.issuerName ?? `${region.name}卫生健康委员会`,
            body: input.body ?? defaultBody(l),
            units: JSON.stringify(l.units),
            county_codes: [...new Set(l.units.map((u) => u.countyCode))],
            data_as_of: l.dataAsOf,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'accountability.notice.create',
          entityType: 'accountability_notice',
          entityId: id,
          details: {
            regionCode: region.code,
            period: info.key,
            unitKind: l.unitKind,
            units: l.units.map((u) => ({ code: u.code, misses: u.misses.map((m) => m.indicatorId) })),
          },
        });
        return { notice: noticeDto(row), created: true };
      });
    },

    /** Notices of the regions the user sees (newest first). */
    async listNotices(
      ctx: AuthContext,
      q: { regionCode?: string | undefined; page: number; pageSize: number },
    ): Promise<{ items: Omit<NoticeDto, 'units' | 'body'>[]; total: number; page: number; pageSize: number }> {
      let codes = visibleRegionCodes(regions, ctx);
      if (q.regionCode) {
        scopedRegion(regions, ctx, q.regionCode);
        codes = codes.filter((c) => c === q.regionCode);
      }
      if (!codes.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      return withScope(db, ctx, async (trx) => {
        const base = trx.selectFrom('accountability_notice').where('region_code', 'in', codes);
        const { n } = await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const rows = await base
          .selectAll()
          .orderBy('issued_on', 'desc')
          .orderBy('created_at', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute();
        return {
          items: rows.map((r) => {
            const { units, body, ...rest } = noticeDto(r);
            void body;
            return { ...rest, unitCount: units.length };
          }),
          total: Number(n),
          page: q.page,
          pageSize: q.pageSize,
        };
      });
    },

    /** One notice. */
    async getNotice(ctx: AuthContext, id: string): Promise<NoticeDto> {
      return withScope(db, ctx, (trx) => getNoticeIn(trx, ctx, id));
    },

    /** Records that a notice left the system as a file. */
    async recordNoticeExport(ctx: AuthContext, id: string, format: 'pdf' | 'xlsx'): Promise<void> {
      await withScope(db, ctx, (trx) =>
        audit.write(trx, ctx, {
          action: 'accountability.notice.export',
          entityType: 'accountability_notice',
          entityId: id,
          details: { format },
        }),
      );
    },
  };
}

/** The accountability service type. */
export type AccountabilityService = ReturnType<typeof createAccountabilityService>;
