/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake nodes are checked field by field */
/**
 * Layout of the annual report files without a database: a report built from the core table definitions with known
 * cells, laid out in xlsx (merged header cells, units, code row, values and "cannot count" notes) and in the pdfmake
 * document (header spans, placeholders under spanned cells, one page per table and population).
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getAnnualReportTable, reportHeaderLayout, reportLeafColumns, type ReportBasis } from '@fuyou/core';
import { annualReportPdfDoc, annualReportXlsx, printedValue, sheetName } from './annual-report.export';
import {
  REPORT_LEAD_COLUMNS,
  type AnnualReport,
  type ReportCell,
  type ReportTableResult,
} from './annual-report.service';

function tableOf(id: string, basis: ReportBasis, cell: (key: string, row: string) => ReportCell): ReportTableResult {
  const t = getAnnualReportTable(id)!;
  const sections = t.sections.map((s) => ({
    id: s.id,
    titleZh: s.titleZh,
    titleEn: s.titleEn,
    header: reportHeaderLayout(s, REPORT_LEAD_COLUMNS),
    leaves: reportLeafColumns(s).map((l) => ({
      key: l.key,
      labelZh: l.labelZh,
      labelEn: l.labelEn,
      unit: l.unit!,
      decimals: l.source!.kind === 'measure' ? 0 : l.source!.kind === 'indicator' && l.source!.part !== 'value' ? 0 : 2,
      source: l.source!,
    })),
  }));
  const leaves = sections.flatMap((s) => s.leaves);
  const row = (code: string, name: string, total: boolean) => ({
    code,
    name,
    total,
    cells: Object.fromEntries(leaves.map((l) => [l.key, cell(l.key, code)])),
  });
  return {
    id: t.id,
    code: t.code,
    titleZh: t.titleZh,
    titleEn: t.titleEn,
    basis,
    basisLabelZh: basis === 'hukou' ? '户籍人口' : '常住人口',
    basisLabelEn: basis,
    sections,
    rows: [row('330902', '定海区', false), row('330903', '普陀区', false), row('330900', '舟山市合计', true)],
    notesZh: ['说明一'],
    notesEn: ['Note one'],
  };
}

const report = (tables: ReportTableResult[]): AnnualReport => ({
  region: { code: '330900', name: '舟山市', level: 'city' },
  year: 2026,
  period: { key: '2026RY', from: '2025-10-01', to: '2026-09-30', labelZh: '2026报告年度', labelEn: 'RY 2026' },
  tables,
  dataAsOf: '2026-10-08T01:00:00.000Z',
  generatedAt: '2026-10-08T01:00:05.000Z',
});

const cells = (key: string, row: string): ReportCell => {
  if (key === 'live_births') return { status: 'ok', value: row === '330900' ? 30 : 15 };
  if (key === 'r_systematic') return { status: 'ok', value: 100 / 3 };
  if (key === 'hiv') return { status: 'unavailable', value: null, reasonZh: '测试原因' };
  if (key === 'r_caesarean') return { status: 'no_data', value: null };
  return { status: 'ok', value: 1 };
};

describe('printed values', () => {
  it.each([
    [{ status: 'ok', value: 12 }, 0, 12],
    [{ status: 'ok', value: 100 / 3 }, 2, 33.33],
    [{ status: 'ok', value: 1.005 }, 2, 1.01],
    [{ status: 'no_data', value: null }, 2, '—'],
    [{ status: 'unavailable', value: null }, 0, '※'],
  ] as const)('%j with %i decimals prints %s', (c, decimals, out) => {
    expect(printedValue(c as ReportCell, { decimals })).toBe(out);
  });

  it('sheet names are unique per table and population and within 31 characters', () => {
    expect(sheetName({ code: '卫统41表', basisLabelZh: '户籍人口' })).toBe('卫统41表-户籍人口');
    expect(sheetName({ code: '卫统41表', basisLabelZh: '常住人口' })).not.toBe(
      sheetName({ code: '卫统41表', basisLabelZh: '户籍人口' }),
    );
  });
});

describe('xlsx layout', () => {
  it('title, region line, merged group headers with units, the code row, rows and notes', async () => {
    const { buffer, filename } = await annualReportXlsx(report([tableOf('wt41', 'hukou', cells)]));
    expect(filename).toBe('年报-舟山市-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const ws = wb.getWorksheet('卫统41表-户籍人口')!;
    const merges: string[] = (ws.model as any).merges;
    expect(ws.getCell('A1').value).toBe('孕产妇保健和健康情况年报表');
    expect(ws.getCell('A2').value).toBe('卫统41表式样 · 户籍人口 · 2026年度');
    expect(merges).toContain('A6:A7'); // 地区 spans both label rows
    expect(merges).toContain('B6:B7');
    expect(merges).toContain('C6:F6'); // 活产数 over 合计 男 女 性别不明
    expect(merges).toContain('G6:G7'); // 产妇数 spans both rows
    expect(ws.getCell('G6').value).toBe('产妇数\n（人）');
    expect(ws.getCell('B8').value).toBe('乙');
    expect(ws.getCell('C9').value).toBe(15);
    expect(ws.getCell('C11').value).toBe(30);
    expect(ws.getCell('A11').font?.bold).toBe(true);
    // the HIV column says it cannot be counted, with the reason as a note
    const care = reportLeafColumns(getAnnualReportTable('wt41')!.sections[0]!);
    const hivCol = 3 + care.findIndex((l) => l.key === 'hiv');
    const hiv = ws.getCell(9, hivCol);
    expect(hiv.value).toBe('暂无法统计');
    expect(JSON.stringify(hiv.note)).toContain('测试原因');
    // rates print with two decimals
    let found = false;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === 33.33) {
          found = true;
          expect(c.numFmt).toBe('0.00');
        }
      }),
    );
    expect(found).toBe(true);
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('说明一');
  });
});

describe('PDF document', () => {
  it('one page per table and population; header spans with empty placeholders; the code row repeats', () => {
    const doc = annualReportPdfDoc(report([tableOf('wt41', 'hukou', cells), tableOf('wt41', 'residence', cells)]));
    const content = doc.content as any[];
    const titles = content.filter((c) => c.style === 'title');
    expect(titles).toHaveLength(2);
    expect(titles[1].pageBreak).toBe('before');
    const tables = content.filter((c) => c.table);
    // three sections per table
    expect(tables).toHaveLength(6);
    const care = tables[0].table;
    expect(care.headerRows).toBe(3);
    const [row0, row1, codes, first] = care.body;
    expect(row0[0]).toMatchObject({ text: '地区', rowSpan: 2 });
    expect(row1[0]).toBe('');
    expect(row0[2]).toMatchObject({ text: '活产数', colSpan: 4 });
    expect(row0[3]).toBe('');
    expect(row1[2]).toMatchObject({ text: '合计\n（人）' });
    expect(codes[0].text).toBe('甲');
    expect(first[0].text).toBe('定海区');
    expect(first[2].text).toBe('15');
    expect(care.widths).toHaveLength(row0.length);
    for (const r of care.body) expect(r).toHaveLength(row0.length);
    const rates = tables[2].table;
    expect(rates.body.at(-1)[0]).toMatchObject({ text: '舟山市合计', bold: true });
    expect(rates.body.at(-1).some((c: any) => c.text === '33.33')).toBe(true);
    expect(rates.body.at(-1).some((c: any) => c.text === '—')).toBe(true);
  });
});
