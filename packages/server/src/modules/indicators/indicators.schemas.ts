/** zod schemas of the indicators API (Chinese messages; field labels fall back to the field names). */
import { z } from 'zod';
import { TARGET_COMPARATORS } from '@fuyou/core';
import { pagination, uuid } from '../../platform/validation';

export const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区划代码应为6、9或12位数字');
export const periodKeyField = z.string().trim().min(4, '统计周期无效').max(10, '统计周期无效');
export const basisField = z.enum(
  ['default', 'residence', 'hukou', 'facility'],
  '统计口径应为 residence/hukou/facility',
);
export const indicatorIdField = z.string().regex(/^[a-z0-9_]{2,80}$/, '指标编号无效');

export const computeQuerySchema = z.object({
  regionCode,
  period: periodKeyField,
  basis: basisField.optional(),
  /** Comma-separated indicator ids; all when absent. */
  indicators: z
    .string()
    .regex(/^[a-z0-9_,]{2,4000}$/, '指标编号列表无效')
    .optional(),
  groupBy: z.enum(['county', 'institution'], '分组方式应为 county/institution').optional(),
});

export const indicatorParams = z.object({ id: indicatorIdField });

export const indicatorQuerySchema = z.object({
  regionCode,
  period: periodKeyField,
  basis: basisField.optional(),
  version: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/, '口径版本无效')
    .optional(),
  groupBy: z.enum(['county', 'institution'], '分组方式应为 county/institution').optional(),
});

export const membersQuerySchema = z.object({
  regionCode,
  period: periodKeyField,
  basis: basisField.optional(),
  version: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/, '口径版本无效')
    .optional(),
  list: z.enum(['numerator', 'denominator', 'missed'], '名单类型应为 numerator/denominator/missed').default('missed'),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '县级区划代码应为6位数字')
    .optional(),
  institutionId: uuid.optional(),
  ...pagination,
});

export const targetQuerySchema = z.object({
  regionCode,
  year: z.coerce.number().int().min(1900, '年份无效').max(2999, '年份无效'),
});

export const targetListSchema = z.object({
  regionCode: regionCode.optional(),
  year: z.coerce.number().int().min(1900, '年份无效').max(2999, '年份无效').optional(),
});

export const targetBodySchema = z.object({
  regionCode,
  year: z.number().int().min(1900, '年份无效').max(2999, '年份无效'),
  indicatorId: indicatorIdField,
  comparator: z.enum(TARGET_COMPARATORS as unknown as [string, ...string[]], '比较方式无效'),
  value: z.number().finite('目标值无效').min(0, '目标值不能为负'),
  source: z.string().trim().min(1, '请填写目标来源').max(300, '不超过300字'),
  note: z.string().trim().max(500, '不超过500字').optional(),
  noteEn: z.string().trim().max(500, '不超过500字').optional(),
  version: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/, '口径版本无效')
    .optional(),
  rowVersion: z.number().int().min(1).optional(),
});

export const targetIdParams = z.object({ id: uuid });
export const rowVersionQuery = z.object({ rowVersion: z.coerce.number().int().min(1, '版本号无效') });

export const versionChoiceSchema = z.object({
  regionCode,
  indicatorId: indicatorIdField,
  version: z.string().regex(/^[a-z0-9_]{1,60}$/, '口径版本无效'),
  source: z.string().trim().min(1, '请填写依据').max(300, '不超过300字'),
  note: z.string().trim().max(500, '不超过500字').optional(),
});

export const dashboardQuerySchema = z.object({
  regionCode,
  period: periodKeyField,
  basis: basisField.optional(),
  all: z.enum(['true', 'false']).optional(),
});

export const trendQuerySchema = z.object({
  indicatorId: indicatorIdField,
  regionCode,
  period: periodKeyField,
  basis: basisField.optional(),
});

export const compareQuerySchema = z.object({
  regionCode,
  period: periodKeyField,
  basis: basisField.optional(),
  /** Comma-separated indicator ids; the key indicators when absent. */
  indicators: z
    .string()
    .regex(/^[a-z0-9_,]{2,4000}$/, '指标编号列表无效')
    .optional(),
});
