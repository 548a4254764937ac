/**
 * Drill-down: the people behind an indicator's numerator or denominator, and "who was missed" (in the denominator,
 * not in the numerator), for a region and period within the user's scope. Rows come from the same base and
 * predicate as the counts, so list and figure agree. Identifiers are masked; each row links to the person's
 * record. Reading a list is an audited action (it reads people's data); only users who may read people's records
 * (person.read) get lists: statisticians and commission viewers see aggregates.
 */
import ExcelJS from 'exceljs';
import { getIndicator, indicatorForVersion, isIndicatorError } from '@fuyou/core';
import { sql, withScope, type Database, type Kysely, type Transaction } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import type { FieldCrypto } from '../../platform/crypto';
import { AppError, errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { areaOfMeasure, hasMembers, levelOfMeasure, memberRowsSql } from './engine';
import { periodInfo, scopedRegion, unknownIndicator } from './indicators.common';
import { tablesOfMeasure, type Basis, type Fragment } from './measures/index';
import type { TargetsService } from './targets.service';

/** Which list. */
export type MemberList = 'numerator' | 'denominator' | 'missed';

/** One person of a list. */
export interface MemberDto {
  personId: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  countyCode: string;
  countyName: string | null;
  eventDate: string | null;
  pregnancyId: string | null;
  institutionId: string | null;
  institutionName: string | null;
  /** Path of the record in the web app. */
  link: string | null;
}

/** A page of a list. */
export interface MemberPage {
  indicatorId: string;
  list: MemberList;
  measureId: string;
  level: string;
  /** How rows were matched for "missed": by pregnancy, by person or by counted unit. */
  matchedBy: 'pregnancy' | 'person' | 'subject' | null;
  regionCode: string;
  period: { key: string; from: string; to: string };
  basis: Basis;
  items: MemberDto[];
  total: number;
  page: number;
  pageSize: number;
}

/** A drill-down request. */
export interface MemberRequest {
  indicatorId: string;
  regionCode: string;
  period: string;
  basis?: Basis | 'default' | undefined;
  version?: string | undefined;
  list: MemberList;
  countyCode?: string | undefined;
  /** Only rows whose record was made at this institution (a bar of a county's ranking). */
  institutionId?: string | undefined;
  page: number;
  pageSize: number;
}

const EXPORT_LIMIT = 20_000;

/** Tables whose rows exist only for a woman with HIV, syphilis or hepatitis B, or her exposed infant. */
const INFECTION_TABLES: ReadonlySet<string> = new Set(['exposed_infant', 'pmtct_record']);

/** The drill-down service. */
export function createDrilldownService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  regions: RegionIndex;
  targets: TargetsService;
  crypto: FieldCrypto;
}) {
  const { db, audit, regions, targets } = deps;

  function requirePeople(ctx: AuthContext) {
    if (!ctx.permissions.has('person.read'))
      throw errors.forbidden(
        '您的角色只能查看汇总数据，不能查看个案名单',
        'Your role sees aggregate figures only, not lists of people',
      );
  }

  async function plan(trx: Transaction<Database>, ctx: AuthContext, req: MemberRequest) {
    const base = getIndicator(req.indicatorId);
    if (!base) throw unknownIndicator();
    const { counties } = scopedRegion(regions, ctx, req.regionCode);
    let chosen = counties;
    if (req.countyCode) {
      if (!counties.includes(req.countyCode))
        throw errors.field('countyCode', '该县区不在所选地区内', 'The county is not in the region');
      chosen = [req.countyCode];
    }
    let versionId = req.version;
    if (!versionId && base.versions?.length)
      versionId = (await targets.versionFor(trx, req.regionCode, base.id)).version ?? undefined;
    const r = indicatorForVersion(base.id, versionId);
    if (isIndicatorError(r)) throw errors.field('version', r.messageZh, r.messageEn, 'UNKNOWN_VERSION');
    const def = r.indicator;
    const period = periodInfo(req.period);
    const basis: Basis =
      !req.basis || req.basis === 'default'
        ? def.populationBasis === 'hukou'
          ? 'hukou'
          : def.populationBasis === 'facility'
            ? 'facility'
            : 'residence'
        : req.basis;
    const num = def.query.numerator;
    const den = def.query.denominator ?? null;
    const measureId = req.list === 'numerator' ? num : den;
    if (!measureId) throw errors.field('list', '计数类指标没有分母名单', 'A count indicator has no denominator list');
    // a list of exposed infants or of treated mothers tells whose mother is infected: as on the worklists (exposure
    // duties, PMTCT actions), only the pmtct permission sees such people; the figures stay visible to all
    const listed = req.list === 'missed' ? [num, den] : [measureId];
    if (
      !ctx.permissions.has('pmtct') &&
      listed.some((m) => m && tablesOfMeasure(m).some((t) => INFECTION_TABLES.has(t)))
    )
      throw errors.forbidden(
        '该名单会显示母亲的感染状况，仅限有母婴阻断（pmtct）权限的用户查看',
        'This list shows whose mother is infected: it needs the PMTCT permission',
      );
    if (!hasMembers(measureId) || (req.list === 'missed' && (!den || !hasMembers(num))))
      throw new AppError(
        'NO_MEMBERS',
        422,
        '该指标的这一部分来自汇总数字或暂无法统计，没有个案名单',
        'This part of the indicator has no list of people (aggregate figures or not available)',
      );
    if (req.list === 'missed' && def.direction !== 'higher_better')
      throw new AppError(
        'NO_MISSED_LIST',
        422,
        '该指标越低越好，没有"未达到"名单',
        'A lower-is-better indicator has no list of people missed',
      );
    const params = {
      counties: chosen,
      scope: ctx.counties,
      from: period.from,
      to: period.to,
      basis,
      factKey: deps.crypto.factPads(),
    };
    let rows: Fragment;
    let matchedBy: MemberPage['matchedBy'] = null;
    let showMother = false;
    if (req.list === 'missed') {
      const ln = levelOfMeasure(num);
      const ld = levelOfMeasure(den!);
      const pregLevels = new Set(['pregnancy', 'birth']);
      let key: 'subject_id' | 'pregnancy_id' | 'person_id';
      if (ln === ld) {
        key = 'subject_id';
        matchedBy = 'subject';
      } else if (pregLevels.has(ln) && pregLevels.has(ld)) {
        key = 'pregnancy_id';
        matchedBy = 'pregnancy';
        showMother = true;
      } else {
        key = 'person_id';
        matchedBy = 'person';
      }
      const k = sql.ref(key);
      rows = sql`select distinct on (d.${k}) d.* from (${memberRowsSql(den!, params)}) d
        where d.${k} is not null and not exists (
          select 1 from (${memberRowsSql(num, params)}) n where n.${k} = d.${k})
        order by d.${k}`;
    } else rows = memberRowsSql(measureId, params);
    if (req.institutionId) rows = sql`select r.* from (${rows}) r where r.institution_id = ${req.institutionId}::uuid`;
    return { def, measureId, matchedBy, showMother, rows, period, basis, area: areaOfMeasure(measureId) };
  }

  function personJoin(showMother: boolean): { join: Fragment; who: Fragment } {
    if (showMother)
      return {
        join: sql`left join pregnancy pg on pg.county_code = m.person_county::bpchar and pg.id = m.pregnancy_id
          left join person p on p.county_code = pg.county_code and p.id = pg.person_id`,
        who: sql`p.id`,
      };
    return {
      join: sql`left join person p on p.county_code = m.person_county::bpchar and p.id = m.person_id`,
      who: sql`coalesce(p.id, m.person_id)`,
    };
  }

  function linkOf(area: string | null, personId: string | null, isChild: boolean): string | null {
    if (!personId) return null;
    if (isChild) return `/children/${personId}`;
    if (area === 'maternal') return `/maternal/women/${personId}`;
    if (area === 'women') return `/women/people/${personId}`;
    if (area === 'child') return `/children/${personId}`;
    return `/people/${personId}`;
  }

  async function fetchRows(
    trx: Transaction<Database>,
    p: Awaited<ReturnType<typeof plan>>,
    limit: number,
    offset: number,
  ): Promise<{ items: MemberDto[]; total: number }> {
    const { join, who } = personJoin(p.showMother);
    const total = await sql<{ n: number }>`select count(*)::int as n from (${p.rows}) m`.execute(trx);
    const r = await sql<{
      person_id: string | null;
      name: string | null;
      sex: string | null;
      birth_date: string | null;
      id_number_masked: string | null;
      phone_masked: string | null;
      county_code: string;
      event_date: string | null;
      pregnancy_id: string | null;
      institution_id: string | null;
      institution_name: string | null;
      is_child: boolean;
    }>`select ${who} as person_id, p.name, p.sex, p.birth_date, p.id_number_masked, p.phone_masked, m.county_code,
        m.event_date, m.pregnancy_id, m.institution_id, i.name as institution_name,
        ${p.showMother ? sql`false` : sql`(p.mother_id is not null and p.birth_date > (current_date - interval '8 years')::date)`} as is_child
      from (${p.rows}) m
      ${join}
      left join institution i on i.id = m.institution_id
      order by m.event_date nulls last, m.subject_id
      limit ${limit} offset ${offset}`.execute(trx);
    return {
      total: total.rows[0]?.n ?? 0,
      items: r.rows.map((x) => ({
        personId: x.person_id,
        name: x.name,
        sex: x.sex,
        birthDate: x.birth_date,
        idNumberMasked: x.id_number_masked,
        phoneMasked: x.phone_masked,
        countyCode: x.county_code,
        countyName: regions.get(x.county_code)?.name ?? null,
        eventDate: x.event_date,
        pregnancyId: x.pregnancy_id,
        institutionId: x.institution_id,
        institutionName: x.institution_name,
        link: linkOf(p.area, x.person_id, !!x.is_child),
      })),
    };
  }

  return {
    /** A page of the numerator, denominator or missed list. */
    async members(ctx: AuthContext, req: MemberRequest): Promise<MemberPage> {
      requirePeople(ctx);
      return withScope(db, ctx, async (trx) => {
        const p = await plan(trx, ctx, req);
        const { items, total } = await fetchRows(trx, p, req.pageSize, (req.page - 1) * req.pageSize);
        await audit.write(trx, ctx, {
          action: 'indicator.drilldown',
          entityType: 'indicator',
          entityId: req.indicatorId,
          countyCode: req.countyCode ?? null,
          details: {
            regionCode: req.regionCode,
            ...(req.institutionId ? { institutionId: req.institutionId } : {}),
            period: p.period.key,
            list: req.list,
            page: req.page,
            total,
            personIds: items.map((i) => i.personId).filter(Boolean),
          },
        });
        return {
          indicatorId: req.indicatorId,
          list: req.list,
          measureId: p.measureId,
          level: levelOfMeasure(p.measureId),
          matchedBy: p.matchedBy,
          regionCode: req.regionCode,
          period: { key: p.period.key, from: p.period.from, to: p.period.to },
          basis: p.basis,
          items,
          total,
          page: req.page,
          pageSize: req.pageSize,
        };
      });
    },

    /** The whole list as an xlsx workbook (masked identifiers), audited. */
    async exportXlsx(
      ctx: AuthContext,
      req: Omit<MemberRequest, 'page' | 'pageSize'>,
    ): Promise<{ buffer: Buffer; filename: string }> {
      requirePeople(ctx);
      return withScope(db, ctx, async (trx) => {
        const p = await plan(trx, ctx, { ...req, page: 1, pageSize: EXPORT_LIMIT });
        const { items, total } = await fetchRows(trx, p, EXPORT_LIMIT, 0);
        await audit.write(trx, ctx, {
          action: 'indicator.drilldown.export',
          entityType: 'indicator',
          entityId: req.indicatorId,
          details: { regionCode: req.regionCode, period: p.period.key, list: req.list, total, exported: items.length },
        });
        const listZh = { numerator: '分子名单', denominator: '分母名单', missed: '未达到名单' }[req.list];
        const wb = new ExcelJS.Workbook();
        wb.creator = 'Fuyou';
        const ws = wb.addWorksheet(listZh);
        ws.addRow([`${p.def.nameZh} · ${listZh}`]);
        ws.addRow([
          `${regions.get(req.regionCode)?.name ?? req.regionCode} · ${p.period.labelZh} · 导出时间 ${new Date().toISOString()}`,
        ]);
        if (total > items.length) ws.addRow([`共 ${total} 人，仅导出前 ${items.length} 人`]);
        ws.addRow([]);
        const header = ws.addRow([
          '姓名',
          '性别',
          '出生日期',
          '证件号码（脱敏）',
          '电话（脱敏）',
          '县区',
          '日期',
          '机构',
        ]);
        header.font = { bold: true };
        for (const i of items)
          ws.addRow([
            i.name ?? '',
            i.sex === 'female' ? '女' : i.sex === 'male' ? '男' : '',
            i.birthDate ?? '',
            i.idNumberMasked ?? '',
            i.phoneMasked ?? '',
            i.countyName ?? i.countyCode,
            i.eventDate ?? '',
            i.institutionName ?? '',
          ]);
        ws.columns.forEach((c, idx) => (c.width = [12, 6, 12, 22, 16, 12, 12, 28][idx] ?? 12));
        return {
          buffer: Buffer.from(await wb.xlsx.writeBuffer()),
          filename: `${p.def.nameZh}-${listZh}-${p.period.key}.xlsx`,
        };
      });
    },
  };
}

/** The drill-down service type. */
export type DrilldownService = ReturnType<typeof createDrilldownService>;
