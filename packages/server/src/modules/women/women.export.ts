import ExcelJS from 'exceljs';

/** A column of a simple export: header text, key of the row object, width. */
export interface ExportColumn {
  header: string;
  key: string;
  width?: number;
}

/** One-sheet xlsx of plain rows (callers pass masked identifiers and zh labels only). */
export async function simpleWorkbook(
  sheet: string,
  columns: readonly ExportColumn[],
  rows: readonly Record<string, string | number | boolean | null | undefined>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const out: Record<string, string | number> = {};
    for (const c of columns) {
      const v = r[c.key];
      out[c.key] = v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : v;
    }
    ws.addRow(out);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** zh label of a code from a { code: { zh } } map. */
export function zhOf(map: Record<string, { zh: string }>, code: string | null | undefined): string {
  if (!code) return '';
  return map[code]?.zh ?? code;
}
