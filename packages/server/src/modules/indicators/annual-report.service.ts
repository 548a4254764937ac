/**
 * The annual report (年报): the 卫统41/42/43/44/46-style tables of @fuyou/core for a region and a report year,
 * every cell computed by the indicator engine the dashboards use (indicator cells through `computeIn`, count cells
 * through the engine's cached counts), with the child regions as rows and the region's total. A cell the engine
 * cannot count says so with the reason; nothing is invented. Exports as xlsx and PDF (annual-report.export.ts).
 */
import {
  ANNUAL_REPORT_TABLES,
  computeRate,
  getIndicator,
  REPORT_BASIS_LABELS,
  reportHeaderLayout,
  reportLeafColumns,
  tableIndicatorIds,
  tableMeasureIds,
  type AnnualReportTable,
  type AnnualReportTableId,
  type ReportBasis,
  type ReportHeaderLayout,
  type ReportSource,
  type ReportUnit,
} from '@fuyou/core';
import { withScope, type Database, type Kysely, type Transaction } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import type { MeasureCount } from './engine';
import type { IndicatorService } from './indicator.service';
import { infoOf, scopedRegion, type PeriodInfo } from './indicators.common';
import type { TargetsService } from './targets.service';
import { childUnits, figureOfResult, indicatorsByUnit, type RegionUnit, type UnitFigure } from './unit-figures';

/** The two leading columns of every section. */
export const REPORT_LEAD_COLUMNS = [
  { labelZh: '地区', labelEn: 'Region' },
  { labelZh: '区划代码', labelEn: 'Code' },
] as const;

/** One cell: a number, or why there is none. */
export interface ReportCell {
  /** 'no_data': the rate's denominator is 0 (printed as —); 'unavailable': the engine cannot count it. */
  status: 'ok' | 'no_data' | 'unavailable';
  value: number | null;
  reasonZh?: string;
  reasonEn?: string;
}

/** A leaf column as the renderers need it. */
export interface ReportLeaf {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: ReportUnit;
  /** Decimals to print: 0 for counts, 2 for rates. */
  decimals: number;
  source: ReportSource;
}

/** A section of a computed table. */
export interface ReportSectionResult {
  id: string;
  titleZh: string;
  titleEn: string;
  header: ReportHeaderLayout;
  leaves: ReportLeaf[];
}

/** A row: a child region or the total. */
export interface ReportRow {
  code: string;
  name: string;
  total: boolean;
  cells: Record<string, ReportCell>;
}

/** A table computed for one population basis. */
export interface ReportTableResult {
  id: AnnualReportTableId;
  code: string;
  titleZh: string;
  titleEn: string;
  basis: ReportBasis;
  basisLabelZh: string;
  basisLabelEn: string;
  sections: ReportSectionResult[];
  rows: ReportRow[];
  /** The table's notes, then what a reader must know about this computation (versions, unavailable columns). */
  notesZh: string[];
  notesEn: string[];
}

/** The annual report of a region and year. */
export interface AnnualReport {
  region: { code: string; name: string; level: string };
  year: number;
  period: { key: string; from: string; to: string; labelZh: string; labelEn: string };
  tables: ReportTableResult[];
  dataAsOf: string;
  generatedAt: string;
}

/** A report request. */
export interface AnnualReportQuery {
  regionCode: string;
  year: number;
  tables?: readonly AnnualReportTableId[] | undefined;
}

const ok = (value: number | null): ReportCell =>
  value === null ? { status: 'no_data', value } : { status: 'ok', value };
const off = (reasonZh: string, reasonEn: string): ReportCell => ({
  status: 'unavailable',
  value: null,
  reasonZh,
  reasonEn,
});

function cellOfFigure(f: UnitFigure | undefined, part: 'value' | 'numerator' | 'denominator'): ReportCell {
  if (!f) return off('未计算', 'Not computed');
  if (f.status === 'unavailable') {
    const u = f.unavailable[0];
    return off(u?.reasonZh ?? '暂无法统计', u?.reasonEn ?? 'Cannot be counted yet');
  }
  if (part === 'numerator') return ok(f.numerator);
  if (part === 'denominator') return ok(f.denominator);
  return ok(f.value);
}

function cellOfCount(c: MeasureCount | undefined, counties: readonly string[] | null): ReportCell {
  if (!c) return off('未计算', 'Not computed');
  if (c.status === 'unavailable') return off(c.reasonZh ?? '暂无法统计', c.reasonEn ?? 'Cannot be counted yet');
  if (!counties) return ok(c.total);
  let n = 0;
  for (const k of counties) n += c.byKey.get(k) ?? 0;
  return ok(n);
}

/** The annual report service. */
export function createAnnualReportService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  regions: RegionIndex;
  engine: IndicatorService;
  targets: TargetsService;
}) {
  const { db, audit, regions, engine, targets } = deps;

  async function tableFor(
    trx: Transaction<Database>,
    ctx: AuthContext,
    t: AnnualReportTable,
    basis: ReportBasis,
    q: { regionCode: string; regionName: string; counties: string[]; units: RegionUnit[]; info: PeriodInfo },
  ): Promise<{ table: ReportTableResult; at: number }> {
    const indicatorIds = tableIndicatorIds(t);
    const measureIds = tableMeasureIds(t);
    const figures = await indicatorsByUnit({ engine, targets }, trx, ctx, {
      regionCode: q.regionCode,
      info: q.info,
      basis,
      indicatorIds,
      units: q.units,
    });
    const counted = await engine.measureCountsIn(trx, ctx, {
      measureIds,
      counties: q.counties,
      from: q.info.from,
      to: q.info.to,
      basis,
      groupBy: 'county',
    });
    let at = counted.at;
    for (const r of figures.region) at = Math.min(at, Date.parse(r.dataAsOf));
    const regionFigures = new Map(figures.region.map((r) => [r.indicatorId, figureOfResult(r)]));
    const sections: ReportSectionResult[] = t.sections.map((s) => ({
      id: s.id,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      header: reportHeaderLayout(s, REPORT_LEAD_COLUMNS),
      leaves: reportLeafColumns(s).map((l) => ({
        key: l.key,
        labelZh: l.labelZh,
        labelEn: l.labelEn,
        unit: l.unit!,
        decimals:
          l.source!.kind === 'measure' || (l.source!.kind === 'indicator' && l.source!.part !== 'value') ? 0 : 2,
        source: l.source!,
      })),
    }));
    const leaves = sections.flatMap((s) => s.leaves);
    const rowOf = (
      code: string,
      name: string,
      total: boolean,
      counties: readonly string[] | null,
      figs: Map<string, UnitFigure> | undefined,
    ): ReportRow => {
      const cells: Record<string, ReportCell> = {};
      for (const l of leaves) {
        const src = l.source;
        if (src.kind === 'indicator') cells[l.key] = cellOfFigure(figs?.get(src.indicator), src.part);
        else if (src.kind === 'measure') cells[l.key] = cellOfCount(counted.byId.get(src.measure), counties);
        else {
          const n = cellOfCount(counted.byId.get(src.numerator), counties);
          const d = cellOfCount(counted.byId.get(src.denominator), counties);
          if (n.status === 'unavailable') cells[l.key] = n;
          else if (d.status === 'unavailable') cells[l.key] = d;
          else cells[l.key] = ok(d.value ? computeRate(n.value ?? 0, d.value, src.unit) : null);
        }
      }
      return { code, name, total, cells };
    };
    const single = q.units.length === 1 && q.units[0]!.code === q.regionCode;
    const rows = single
      ? [rowOf(q.regionCode, q.regionName, true, null, regionFigures)]
      : [
          ...q.units.map((u) => rowOf(u.code, u.name, false, u.counties, figures.byUnit.get(u.code))),
          rowOf(q.regionCode, `${q.regionName}合计`, true, null, regionFigures),
        ];
    const notesZh = [...t.notesZh];
    const notesEn = [...t.notesEn];
    for (const r of figures.region) {
      const def = getIndicator(r.indicatorId);
      if (!def?.versions?.length || !r.version) continue;
      const v = def.versions.find((x) => x.id === r.version);
      if (v) {
        notesZh.push(`${def.nameZh}：${v.labelZh}`);
        notesEn.push(`${def.nameEn}: ${v.labelEn}`);
      }
    }
    // a figure counted by another population than the table's (a version fixed to the delivering institutions,
    // aggregate figures) says so
    const basisWords: Record<string, { zh: string; en: string }> = {
      facility: {
        zh: '按机构所在地统计（不分户籍与居住地）',
        en: 'counted by the institution, whatever the residence',
      },
      residence: { zh: '按常住地统计', en: 'counted by residence' },
      hukou: { zh: '按户籍地统计', en: 'counted by household registration' },
    };
    const otherBasis = new Map<string, { zh: string; en: string; basis: string }>();
    for (const r of figures.region)
      if (r.status !== 'unavailable' && r.basis !== basis)
        otherBasis.set(r.indicatorId, { zh: r.nameZh, en: r.nameEn, basis: r.basis });
    for (const l of leaves) {
      const src = l.source;
      const ids = src.kind === 'measure' ? [src.measure] : src.kind === 'ratio' ? [src.numerator, src.denominator] : [];
      for (const id of ids) {
        const c = counted.byId.get(id);
        if (c && c.status === 'ok' && c.basis !== basis)
          otherBasis.set(l.key, { zh: l.labelZh, en: l.labelEn, basis: c.basis });
      }
    }
    for (const o of otherBasis.values()) {
      const w = basisWords[o.basis];
      if (!w) continue;
      notesZh.push(`${o.zh}：${w.zh}`);
      notesEn.push(`${o.en}: ${w.en}`);
    }
    const total = rows.at(-1)!;
    for (const l of leaves) {
      const c = total.cells[l.key]!;
      if (c.status !== 'unavailable') continue;
      notesZh.push(`“${l.labelZh}”暂无法统计：${c.reasonZh ?? ''}`);
      notesEn.push(`"${l.labelEn}" cannot be counted: ${c.reasonEn ?? ''}`);
    }
    const label = REPORT_BASIS_LABELS[basis];
    return {
      at,
      table: {
        id: t.id,
        code: t.code,
        titleZh: t.titleZh,
        titleEn: t.titleEn,
        basis,
        basisLabelZh: label.zh,
        basisLabelEn: label.en,
        sections,
        rows,
        notesZh,
        notesEn,
      },
    };
  }

  async function compute(ctx: AuthContext, q: AnnualReportQuery): Promise<AnnualReport> {
    if (!ctx.permissions.has('indicator.read')) throw errors.forbidden();
    const { region, counties } = scopedRegion(regions, ctx, q.regionCode);
    const info = infoOf({ kind: 'report_year', year: q.year });
    const wanted = q.tables?.length
      ? ANNUAL_REPORT_TABLES.filter((t) => q.tables!.includes(t.id))
      : ANNUAL_REPORT_TABLES;
    const units = childUnits(regions, region.code);
    return withScope(db, ctx, async (trx) => {
      const tables: ReportTableResult[] = [];
      let at = Date.now();
      for (const t of wanted)
        for (const basis of t.bases) {
          const r = await tableFor(trx, ctx, t, basis, {
            regionCode: region.code,
            regionName: region.name,
            counties,
            units,
            info,
          });
          tables.push(r.table);
          at = Math.min(at, r.at);
        }
      return {
        region: { code: region.code, name: region.name, level: region.level },
        year: q.year,
        period: { key: info.key, from: info.from, to: info.to, labelZh: info.labelZh, labelEn: info.labelEn },
        tables,
        dataAsOf: new Date(at).toISOString(),
        generatedAt: new Date().toISOString(),
      };
    });
  }

  return {
    compute,

    /** Records that the report left the system as a file (who, which region, year and format). */
    async recordExport(ctx: AuthContext, q: AnnualReportQuery, format: 'xlsx' | 'pdf'): Promise<void> {
      await withScope(db, ctx, (trx) =>
        audit.write(trx, ctx, {
          action: 'report.annual.export',
          entityType: 'annual_report',
          entityId: `${q.regionCode}:${q.year}`,
          details: { regionCode: q.regionCode, year: q.year, format, tables: q.tables ?? 'all' },
        }),
      );
    },
  };
}

/** The annual report service type. */
export type AnnualReportService = ReturnType<typeof createAnnualReportService>;
