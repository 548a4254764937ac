/** zod schemas of the work-plan API (zh-CN messages; FIELD_LABELS names the fields). */
import { z } from 'zod';
import { TARGET_COMPARATORS, WORK_TASK_STATUSES } from '@fuyou/core';
import { isoDate, uuid } from '../../platform/validation';

const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区划代码应为6、9或12位数字');
const text = (max: number, what = '内容') => z.string().trim().max(max, `${what}不能超过${max}字`);
const required = (max: number, what: string) => text(max, what).min(1, `${what}不能为空`);
const rowVersion = z.number({ error: '版本号应为整数' }).int('版本号应为整数').min(1, '版本号无效');
const status = z.enum(WORK_TASK_STATUSES as [string, ...string[]], '状态应为 not_started/in_progress/done/cancelled');
const comparator = z.enum(
  TARGET_COMPARATORS as [string, ...string[]],
  '比较方式应为 >=、>、<=、< 或 no_avoidable_maternal_death',
);
const periodKey = z.string().regex(/^\d{4}(RY|Q[1-4]|-\d{2})?$/, '统计周期应为 2019、2019RY、2019Q1 或 2019-06');

export const planListQuerySchema = z.object({
  regionCode: regionCode.optional(),
  year: z.coerce.number().int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效').optional(),
  status: z.enum(['draft', 'active', 'closed'], '状态应为 draft/active/closed').optional(),
});

const planFields = {
  regionCode,
  year: z.number({ error: '年份应为整数' }).int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效'),
  title: required(200, '标题'),
  issuer: text(100, '发文单位').optional(),
  documentNo: text(60, '文号').optional(),
  issuedOn: isoDate.optional(),
  source: text(300, '来源').optional(),
  summary: text(4000, '摘要').optional(),
  status: z.enum(['draft', 'active', 'closed'], '状态应为 draft/active/closed').optional(),
};

export const planCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  ...planFields,
});

export const planUpdateSchema = z.object({
  regionCode: planFields.regionCode.optional(),
  year: planFields.year.optional(),
  title: planFields.title.optional(),
  issuer: planFields.issuer,
  documentNo: planFields.documentNo,
  issuedOn: planFields.issuedOn,
  source: planFields.source,
  summary: planFields.summary,
  status: planFields.status,
  rowVersion,
});

export const planParams = z.object({ id: uuid });
export const taskParams = z.object({ taskId: uuid });
export const attachmentParams = z.object({ attachmentId: uuid });
export const rowVersionQuery = z.object({ rowVersion: z.coerce.number().int('版本号应为整数').min(1, '版本号无效') });
export const planViewQuerySchema = z.object({
  /** Evaluate the targets in another year (each task keeps its kind of period). */
  evalYear: z.coerce.number().int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效').optional(),
  live: z.enum(['true', 'false'], 'live 应为 true/false').optional(),
});

const unit = z.object({
  name: required(100, '责任单位名称'),
  institutionId: uuid.nullable().optional(),
  lead: z.boolean({ error: '牵头单位应为是/否' }).optional(),
});

const taskFields = {
  seq: z.number({ error: '序号应为整数' }).int('序号应为整数').min(1, '序号无效').max(10_000, '序号无效').optional(),
  section: text(200, '章节').optional(),
  code: text(40, '编号').optional(),
  title: required(300, '标题'),
  description: text(4000, '内容').optional(),
  deadline: isoDate.nullable().optional(),
  deadlineNote: text(200, '时限说明').optional(),
  targetKind: z.enum(['none', 'indicator', 'count'], '目标类型应为 none/indicator/count').default('none'),
  indicatorId: z
    .string()
    .regex(/^[a-z0-9_]{2,80}$/, '指标编号无效')
    .nullable()
    .optional(),
  indicatorPeriod: periodKey.nullable().optional(),
  targetScope: z.enum(['region', 'each_county'], '目标适用范围应为 region/each_county').optional(),
  comparator: comparator.nullable().optional(),
  targetValue: z
    .number({ error: '目标值应为数字' })
    .finite('目标值应为数字')
    .min(0, '目标值不能为负数')
    .nullable()
    .optional(),
  targetUnit: text(40, '目标单位').optional(),
  units: z.array(unit).min(1, '至少需要一个责任单位').max(30, '责任单位不能超过30个'),
};

export const taskCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  ...taskFields,
});

export const taskUpdateSchema = z.object({
  seq: taskFields.seq,
  section: taskFields.section,
  code: taskFields.code,
  title: taskFields.title.optional(),
  description: taskFields.description,
  deadline: taskFields.deadline,
  deadlineNote: taskFields.deadlineNote,
  targetKind: z.enum(['none', 'indicator', 'count'], '目标类型应为 none/indicator/count').optional(),
  indicatorId: taskFields.indicatorId,
  indicatorPeriod: taskFields.indicatorPeriod,
  targetScope: taskFields.targetScope,
  comparator: taskFields.comparator,
  targetValue: taskFields.targetValue,
  targetUnit: taskFields.targetUnit,
  units: taskFields.units.optional(),
  status: status.optional(),
  rowVersion,
});

export const progressCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  reportedOn: isoDate,
  unitName: text(100, '报告单位').optional(),
  institutionId: uuid.nullable().optional(),
  note: required(4000, '进展说明'),
  progressPct: z
    .number({ error: '完成进度应为0–100的整数' })
    .int('完成进度应为整数')
    .min(0, '完成进度应在0–100之间')
    .max(100, '完成进度应在0–100之间')
    .optional(),
  countValue: z
    .number({ error: '完成数量应为数字' })
    .finite('完成数量应为数字')
    .min(0, '完成数量不能为负数')
    .optional(),
  statusAfter: status.optional(),
  evidenceLink: z
    .string()
    .trim()
    .max(1000, '佐证链接过长')
    .regex(/^https?:\/\/[^\s]+$/i, '佐证链接应为 http(s) 网址')
    .optional(),
  attachment: z
    .object({
      filename: required(200, '文件名'),
      contentType: z.enum(
        [
          'application/pdf',
          'image/png',
          'image/jpeg',
          'text/plain',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
        '附件类型应为 PDF、PNG、JPEG、TXT、DOCX 或 XLSX',
      ),
      contentBase64: z.string().min(4, '文件内容为空').max(7_200_000, '附件不能超过5MB'),
    })
    .optional(),
});
