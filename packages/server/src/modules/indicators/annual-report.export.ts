/**
 * The annual report as files laid out like the paper forms: a title, the region and the period, header rows with
 * merged group cells and units, the column-code row (甲 乙 1 2 3…), one row per region and the total, notes. xlsx
 * with exceljs (one sheet per table and population), PDF with pdfmake and the Noto CJK fonts (a table and
 * population per page, landscape).
 */
import ExcelJS from 'exceljs';
import { roundIndicatorValue } from '@fuyou/core';
import { renderPdf } from '../../platform/pdf';
import type {
  AnnualReport,
  ReportCell,
  ReportLeaf,
  ReportSectionResult,
  ReportTableResult,
} from './annual-report.service';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** A cell's printed value: a number rounded as the table prints it, '—' for no data, '※' for not countable. */
export function printedValue(c: ReportCell | undefined, leaf: Pick<ReportLeaf, 'decimals'>): number | string {
  if (!c || c.status === 'unavailable') return '※';
  if (c.value === null) return '—';
  return leaf.decimals ? roundIndicatorValue(c.value, leaf.decimals) : c.value;
}

/** The label of a header cell with its unit on a second line. */
function headLabel(labelZh: string, unit: string | undefined): string {
  return unit ? `${labelZh}\n（${unit}）` : labelZh;
}

/** A worksheet name of a table and population (unique, ≤31 characters, no forbidden characters). */
export function sheetName(t: Pick<ReportTableResult, 'code' | 'basisLabelZh'>): string {
  return `${t.code}-${t.basisLabelZh}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

function fileStem(r: AnnualReport): string {
  return `年报-${r.region.name}-${r.year}`;
}

function subtitle(r: AnnualReport, t: ReportTableResult): string {
  return `${t.code}式样 · ${t.basisLabelZh} · ${r.year}年度`;
}

function infoLine(r: AnnualReport): string {
  return `填报地区：${r.region.name}（${r.region.code}）    统计时段：${r.period.from} 至 ${r.period.to}`;
}

function footLine(r: AnnualReport): string {
  const cn = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `数据截至：${cn(r.dataAsOf)}    生成时间：${cn(r.generatedAt)}    Fuyou 妇幼健康信息平台`;
}

function addSection(ws: ExcelJS.Worksheet, t: ReportTableResult, s: ReportSectionResult, top: number): number {
  const width = s.header.width;
  ws.mergeCells(top, 1, top, width);
  const st = ws.getCell(top, 1);
  st.value = s.titleZh;
  st.font = { bold: true, size: 11 };
  let r = top + 1;
  for (const c of s.header.cells) {
    const r1 = r + c.row;
    const c1 = c.col + 1;
    const r2 = r1 + c.rowSpan - 1;
    const c2 = c1 + c.colSpan - 1;
    if (r2 > r1 || c2 > c1) ws.mergeCells(r1, c1, r2, c2);
    const cell = ws.getCell(r1, c1);
    cell.value = headLabel(c.labelZh, c.unit);
    for (let y = r1; y <= r2; y++)
      for (let x = c1; x <= c2; x++) {
        const k = ws.getCell(y, x);
        k.border = THIN;
        k.fill = HEAD_FILL;
        k.font = { bold: true, size: 9 };
        k.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
  }
  for (let y = 0; y < s.header.depth; y++) ws.getRow(r + y).height = y === s.header.depth - 1 ? 42 : 22;
  r += s.header.depth;
  s.header.codes.forEach((code, i) => {
    const k = ws.getCell(r, i + 1);
    k.value = code;
    k.border = THIN;
    k.font = { size: 8, color: { argb: 'FF666666' } };
    k.alignment = { horizontal: 'center' };
  });
  r += 1;
  for (const row of t.rows) {
    const line: (string | number)[] = [row.name, row.code, ...s.leaves.map((l) => printedValue(row.cells[l.key], l))];
    line.forEach((v, i) => {
      const k = ws.getCell(r, i + 1);
      k.value = v;
      k.border = THIN;
      k.font = { size: 9, bold: row.total };
      k.alignment = { horizontal: i < 2 ? 'left' : 'right', vertical: 'middle' };
      if (i >= 2) {
        const leaf = s.leaves[i - 2]!;
        if (typeof v === 'number') k.numFmt = leaf.decimals ? '0.00' : '0';
        const cell = row.cells[leaf.key];
        if (cell?.status === 'unavailable') {
          k.value = '暂无法统计';
          k.alignment = { horizontal: 'center', vertical: 'middle' };
          k.font = { size: 8, color: { argb: 'FF999999' } };
          k.note = cell.reasonZh ?? '暂无法统计';
        }
      }
    });
    r += 1;
  }
  return r + 1;
}

/** The report as an xlsx workbook: one sheet per table and population. */
export async function annualReportXlsx(r: AnnualReport): Promise<{ buffer: Buffer; filename: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  wb.created = new Date(r.generatedAt);
  for (const t of r.tables) {
    const ws = wb.addWorksheet(sheetName(t), {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ showGridLines: false }],
    });
    const width = Math.max(...t.sections.map((s) => s.header.width));
    ws.getColumn(1).width = 16;
    ws.getColumn(2).width = 11;
    for (let i = 3; i <= width; i++) ws.getColumn(i).width = 10;
    const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'center' | 'left' = 'center') => {
      ws.mergeCells(row, 1, row, width);
      const c = ws.getCell(row, 1);
      c.value = text;
      c.font = font;
      c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    };
    line(1, t.titleZh, { bold: true, size: 16 });
    ws.getRow(1).height = 28;
    line(2, subtitle(r, t), { size: 10 });
    line(3, infoLine(r), { size: 10 }, 'left');
    let row = 5;
    for (const s of t.sections) row = addSection(ws, t, s, row);
    line(row, '注：', { bold: true, size: 9 }, 'left');
    row += 1;
    for (const n of t.notesZh) {
      line(row, `${n}`, { size: 9 }, 'left');
      row += 1;
    }
    line(
      row,
      '“暂无法统计”：该栏的计数项在系统中尚无数据来源或不能按此口径统计（原因见单元格批注与上列注释）；“—”：分母为0。',
      {
        size: 9,
      },
      'left',
    );
    row += 2;
    line(row, footLine(r), { size: 8, color: { argb: 'FF666666' } }, 'left');
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${fileStem(r)}.xlsx` };
}

type PdfNode = Record<string, unknown> | string;

function pdfSection(t: ReportTableResult, s: ReportSectionResult): PdfNode[] {
  const width = s.header.width;
  const depth = s.header.depth;
  const grid: PdfNode[][] = Array.from({ length: depth }, () => Array.from({ length: width }, () => ''));
  for (const c of s.header.cells)
    grid[c.row]![c.col] = {
      text: headLabel(c.labelZh, c.unit),
      bold: true,
      alignment: 'center',
      fillColor: '#f2f2f2',
      ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    };
  const codes: PdfNode[] = s.header.codes.map((c) => ({ text: c, alignment: 'center', color: '#666666' }));
  const body: PdfNode[][] = [
    ...grid,
    codes,
    ...t.rows.map((row) => [
      { text: row.name, bold: row.total },
      { text: row.code, bold: row.total },
      ...s.leaves.map((l) => {
        const v = printedValue(row.cells[l.key], l);
        return {
          text: typeof v === 'number' ? (l.decimals ? v.toFixed(l.decimals) : String(v)) : v,
          alignment: typeof v === 'number' ? 'right' : 'center',
          bold: row.total,
        };
      }),
    ]),
  ];
  const leaves = width - 2;
  const fontSize = leaves <= 8 ? 9 : leaves <= 14 ? 8 : leaves <= 20 ? 7 : 6;
  return [
    { text: s.titleZh, bold: true, fontSize: 10, margin: [0, 8, 0, 3] },
    {
      table: {
        headerRows: depth + 1,
        dontBreakRows: true,
        widths: [52, 40, ...Array.from({ length: leaves }, () => '*')],
        body,
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => '#555555',
        vLineColor: () => '#555555',
        paddingLeft: () => 2,
        paddingRight: () => 2,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
      fontSize,
    },
  ];
}

/** The pdfmake document of the report (exported for the layout test). */
export function annualReportPdfDoc(r: AnnualReport): Record<string, unknown> {
  const content: PdfNode[] = [];
  r.tables.forEach((t, i) => {
    content.push({ text: t.titleZh, style: 'title', ...(i > 0 ? { pageBreak: 'before' } : {}) });
    content.push({ text: subtitle(r, t), style: 'subtitle' });
    content.push({ text: infoLine(r), fontSize: 9, margin: [0, 0, 0, 2] });
    for (const s of t.sections) content.push(...pdfSection(t, s));
    content.push({
      stack: [
        { text: '注：', bold: true },
        ...t.notesZh.map((n, k) => `${k + 1}. ${n}`),
        '“※”：暂无法统计（原因见以上注释）；“—”：分母为0。',
      ],
      fontSize: 7.5,
      margin: [0, 8, 0, 0],
    });
  });
  return {
    info: { title: `${r.region.name}${r.year}年度妇幼健康年报`, creator: 'Fuyou', producer: 'Fuyou' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 28, 24, 34],
    content,
    styles: {
      title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9, alignment: 'center', margin: [0, 0, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: footLine(r), fontSize: 7, color: '#666666' },
        { text: `第 ${page} 页 / 共 ${pages} 页`, fontSize: 7, alignment: 'right' },
      ],
      margin: [24, 8, 24, 0],
    }),
  };
}

/** The report as a PDF. */
export async function annualReportPdf(r: AnnualReport): Promise<{ buffer: Buffer; filename: string }> {
  return { buffer: await renderPdf(annualReportPdfDoc(r)), filename: `${fileStem(r)}.pdf` };
}
