/**
 * Pure parsers of WHO's plain-text LMS tables. They take the file TEXT (the server reads the files) and return
 * rows or an error as data:
 * - {@link parseWhoLmsTable}: WHO's published z-score tables, one sex per file, a header row whose first column is
 *   the index (`Month`, `Week`, `Day`, `Length`, `Height`) followed by `L`, `M`, `S` and SD columns; e.g. the WHO
 *   Reference 2007 files `hfa_boys_z_WHO2007_exp.txt` (tab-separated, CRLF).
 * - {@link parseIgrowupLmsTable}: the LMS tables of WHO's igrowup/anthro software (`weianthro.txt`, …), both sexes
 *   in one file: `sex age|length|height l m s [loh|lorh]`, sex 1 = male, 2 = female.
 */
import type { GrowthSex } from './growth-types';
import type { LmsKnot } from './lms-interpolation';

/** Error codes of the table parsers. */
export type GrowthTableErrorCode =
  | 'growth_table_empty'
  | 'growth_table_missing_column'
  | 'growth_table_bad_number'
  | 'growth_table_bad_sex'
  | 'growth_table_not_sorted';

/** A parser failure. */
export interface GrowthTableError {
  ok: false;
  code: GrowthTableErrorCode;
  /** 1-based line number of the offending line, when there is one. */
  line?: number;
  messageZh: string;
  messageEn: string;
}

/** Index column of a WHO z-score table. */
export type WhoTableIndex = 'month' | 'week' | 'day' | 'length' | 'height';

/** A parsed WHO z-score table (one sex). */
export interface WhoLmsTable {
  ok: true;
  index: WhoTableIndex;
  /** Rows [x, L, M, S] sorted by x. */
  rows: LmsKnot[];
}

/** A parsed igrowup/anthro LMS table (both sexes). */
export interface IgrowupLmsTable {
  ok: true;
  /** What the second column holds: age in days, or length/height in cm. */
  index: 'age' | 'length' | 'height';
  rows: Record<GrowthSex, LmsKnot[]>;
}

function fail(code: GrowthTableErrorCode, messageZh: string, messageEn: string, line?: number): GrowthTableError {
  return { ok: false, code, messageZh, messageEn, ...(line === undefined ? {} : { line }) };
}

function splitLines(text: string): { cells: string[]; line: number }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((l, i) => ({ cells: l.trim().split(/[\t ,;]+/), line: i + 1 }))
    .filter((l) => l.cells.length > 0 && l.cells.join('') !== '');
}

function parseNumber(cell: string | undefined): number {
  if (cell === undefined || cell.trim() === '') return Number.NaN;
  return Number(cell.trim());
}

function checkSorted(rows: LmsKnot[], lineOf: number[]): GrowthTableError | undefined {
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i] as LmsKnot)[0] <= (rows[i - 1] as LmsKnot)[0]) {
      return fail(
        'growth_table_not_sorted',
        '表格的行未按递增顺序排列',
        'table rows are not in increasing order',
        lineOf[i],
      );
    }
  }
  return undefined;
}

const WHO_INDEX: Record<string, WhoTableIndex> = {
  month: 'month',
  months: 'month',
  week: 'week',
  day: 'day',
  age: 'day',
  length: 'length',
  height: 'height',
  lorh: 'length',
};

/**
 * Parses one of WHO's published z-score tables given as text (see the module comment). Only the index and the
 * L, M, S columns are read; the SD columns are ignored.
 */
export function parseWhoLmsTable(text: string): WhoLmsTable | GrowthTableError {
  const lines = splitLines(text);
  const header = lines[0];
  if (!header || lines.length < 3) return fail('growth_table_empty', '表格为空', 'the table has no rows');
  const names = header.cells.map((c) => c.toLowerCase());
  const index = WHO_INDEX[names[0] ?? ''];
  const li = names.indexOf('l');
  const mi = names.indexOf('m');
  const si = names.indexOf('s');
  if (!index || li < 0 || mi < 0 || si < 0) {
    return fail(
      'growth_table_missing_column',
      '表头须为 月龄/周龄/身长/身高 列及 L、M、S 列',
      'the header must name the index column (Month, Week, Day, Length or Height) and the L, M and S columns',
      header.line,
    );
  }
  const rows: LmsKnot[] = [];
  const lineOf: number[] = [];
  for (const { cells, line } of lines.slice(1)) {
    const vals = [parseNumber(cells[0]), parseNumber(cells[li]), parseNumber(cells[mi]), parseNumber(cells[si])];
    if (vals.some((v) => !Number.isFinite(v)) || (vals[2] as number) <= 0 || (vals[3] as number) <= 0) {
      return fail(
        'growth_table_bad_number',
        '表格中有无法识别的数值',
        'the table holds a value that is not a number',
        line,
      );
    }
    rows.push(vals as unknown as LmsKnot);
    lineOf.push(line);
  }
  const unsorted = checkSorted(rows, lineOf);
  if (unsorted) return unsorted;
  return { ok: true, index, rows };
}

/**
 * Parses an LMS table of WHO's igrowup/anthro software given as text (see the module comment).
 */
export function parseIgrowupLmsTable(text: string): IgrowupLmsTable | GrowthTableError {
  const lines = splitLines(text);
  const header = lines[0];
  if (!header || lines.length < 3) return fail('growth_table_empty', '表格为空', 'the table has no rows');
  const names = header.cells.map((c) => c.toLowerCase());
  const xName = names[1];
  const index = xName === 'age' || xName === 'length' || xName === 'height' ? xName : undefined;
  const li = names.indexOf('l');
  const mi = names.indexOf('m');
  const si = names.indexOf('s');
  if (names[0] !== 'sex' || !index || li < 0 || mi < 0 || si < 0) {
    return fail(
      'growth_table_missing_column',
      '表头须为 sex、age/length/height、l、m、s',
      'the header must be sex, age/length/height, l, m, s',
      header.line,
    );
  }
  const rows: Record<GrowthSex, LmsKnot[]> = { male: [], female: [] };
  const lineOf: Record<GrowthSex, number[]> = { male: [], female: [] };
  for (const { cells, line } of lines.slice(1)) {
    const sex: GrowthSex | undefined = cells[0] === '1' ? 'male' : cells[0] === '2' ? 'female' : undefined;
    if (!sex)
      return fail('growth_table_bad_sex', '性别须为 1（男）或 2（女）', 'sex must be 1 (male) or 2 (female)', line);
    const vals = [parseNumber(cells[1]), parseNumber(cells[li]), parseNumber(cells[mi]), parseNumber(cells[si])];
    if (vals.some((v) => !Number.isFinite(v)) || (vals[2] as number) <= 0 || (vals[3] as number) <= 0) {
      return fail(
        'growth_table_bad_number',
        '表格中有无法识别的数值',
        'the table holds a value that is not a number',
        line,
      );
    }
    rows[sex].push(vals as unknown as LmsKnot);
    lineOf[sex].push(line);
  }
  for (const sex of ['male', 'female'] as const) {
    const unsorted = checkSorted(rows[sex], lineOf[sex]);
    if (unsorted) return unsorted;
  }
  return { ok: true, index, rows };
}
