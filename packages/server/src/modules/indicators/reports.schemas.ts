/** zod schemas of the annual report and accountability (notices, summons) APIs, with Chinese messages. */
import { z } from 'zod';
import { ANNUAL_REPORT_TABLE_IDS, type AnnualReportTableId } from '@fuyou/core';
import { isoDate, pagination, uuid } from '../../platform/validation';
import { basisField, indicatorIdField, periodKeyField, regionCode } from './indicators.schemas';

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

// ---------------------------------------------------------------- accountability (通报, 约谈)

const unitKind = z.enum(['county', 'institution'], '单位类别应为 county（县区）或 institution（机构）');
const includeField = z.enum(['missed', 'not_met'], '范围应为 missed（未达标及接近目标）或 not_met（未达标）');
const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `不超过${max}字`);

export const laggingQuerySchema = z.object({
  regionCode,
  period: periodKeyField,
  unit: unitKind.optional(),
  basis: basisField.optional(),
  include: includeField.optional(),
});

export const noticeBodySchema = z.object({
  id: uuid.optional(),
  regionCode,
  period: periodKeyField,
  unit: unitKind.optional(),
  basis: basisField.optional(),
  include: includeField.optional(),
  title: text(200, '请填写标题').optional(),
  docNo: text(80, '请填写文号').optional(),
  issuedOn: isoDate,
  issuerName: text(100, '请填写发文单位').optional(),
  body: text(4000, '请填写正文').optional(),
});

export const noticeListSchema = z.object({ regionCode: regionCode.optional(), ...pagination });

export const idParams = z.object({ id: uuid });

const attendee = z.object({
  name: text(40, '请填写姓名'),
  position: z.string().trim().max(60, '不超过60字').optional(),
  side: z.enum(['issuer', 'unit'], '所属方应为 issuer（约谈方）或 unit（被约谈方）'),
});

export const actionBodySchema = z.object({
  id: uuid.optional(),
  description: text(500, '请填写整改措施'),
  responsible: text(100, '请填写责任人'),
  dueOn: isoDate,
});

export const summonsBodySchema = z.object({
  id: uuid.optional(),
  issuerRegionCode: regionCode.optional(),
  unitKind,
  unitCode: text(64, '请选择被约谈单位'),
  noticeId: uuid.optional(),
  periodKey: periodKeyField.optional(),
  summonedOn: isoDate,
  reason: text(1000, '请填写约谈事由'),
  indicatorIds: z.array(indicatorIdField).max(30, '不超过30项').optional(),
  attendees: z.array(attendee).min(1, '请至少填写一名参加人员').max(50, '不超过50人'),
  summary: z.string().trim().max(4000, '不超过4000字').optional(),
  actions: z.array(actionBodySchema).max(50, '不超过50项').optional(),
});

export const summonsPatchSchema = z.object({
  version: z.number('请提供版本号').int().min(1, '版本号无效'),
  summonedOn: isoDate.optional(),
  reason: text(1000, '请填写约谈事由').optional(),
  indicatorIds: z.array(indicatorIdField).max(30, '不超过30项').optional(),
  attendees: z.array(attendee).min(1, '请至少填写一名参加人员').max(50, '不超过50人').optional(),
  summary: z.string().trim().max(4000, '不超过4000字').nullable().optional(),
});

export const actionPatchSchema = z.object({
  version: z.number('请提供版本号').int().min(1, '版本号无效'),
  description: text(500, '请填写整改措施').optional(),
  responsible: text(100, '请填写责任人').optional(),
  dueOn: isoDate.optional(),
  completedOn: isoDate.nullable().optional(),
  completionNote: z.string().trim().max(1000, '不超过1000字').nullable().optional(),
});

export const summonsListSchema = z.object({
  issuerRegionCode: regionCode.optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '县级区划代码应为6位数字')
    .optional(),
  unitKind: unitKind.optional(),
  state: z
    .enum(['overdue', 'open', 'done', 'open_or_overdue'], '状态应为 overdue、open、done 或 open_or_overdue')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(50, '不超过50字').optional(),
  ...pagination,
});
