/** zod schemas of the annual report and accountability (notices, summons) APIs, with Chinese messages. */
import { z } from 'zod';
import { ANNUAL_REPORT_TABLE_IDS, type AnnualReportTableId } from '@fuyou/core';
import { regionCode } from './indicators.schemas';

export const reportYear = z.coerce
  .number('报告年度应为数字')
  .int('报告年度应为整数')
  .min(2000, '报告年度应在2000–2100之间')
  .max(2100, '报告年度应在2000–2100之间');

const tableList = z
  .string()
  .refine(
    (s) => s.split(',').every((t) => (ANNUAL_REPORT_TABLE_IDS as readonly string[]).includes(t)),
    `报表编号无效（可选：${ANNUAL_REPORT_TABLE_IDS.join('、')}）`,
  );

export const annualReportQuerySchema = z.object({
  regionCode,
  year: reportYear,
  /** Comma-separated table ids; every table when absent. */
  tables: tableList.optional(),
});

/** The table ids of a validated list. */
export function parseTables(s: string | undefined): AnnualReportTableId[] | undefined {
  return s ? (s.split(',') as AnnualReportTableId[]) : undefined;
}
