/** zod schemas of the data-quality API (zh-CN messages; FIELD_LABELS names the fields). */
import { z } from 'zod';
import { QUALITY_RECORD_TYPES, QUALITY_RULE_KINDS, QUALITY_SEVERITIES } from '@fuyou/core';
import { isoDate, pagination, uuid } from '../../platform/validation';

export const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区划代码应为6、9或12位数字');
const countyCode = z.string().regex(/^\d{6}$/, '县区代码应为6位数字');
const institutionFilter = z.union([uuid, z.literal('none')], '机构应为机构编号或 none');
const ruleId = z.string().regex(/^[a-z0-9_]{2,80}$/, '规则编号无效');

export const runRequestSchema = z.object({
  regionCode,
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const runListQuerySchema = z.object({ regionCode, ...pagination });

export const runParams = z.object({ id: uuid });

export const scoresQuerySchema = z.object({
  regionCode,
  groupBy: z.enum(['county', 'institution'], '分组方式应为 county/institution').default('county'),
});

export const rulesQuerySchema = z.object({ regionCode: regionCode.optional() });

export const ruleSummaryQuerySchema = z.object({ regionCode, institutionId: institutionFilter.optional() });

export const trendQuerySchema = z.object({
  regionCode,
  institutionId: institutionFilter.optional(),
  days: z.coerce.number().int('天数应为整数').min(7, '天数至少为7').max(730, '天数不能超过730').default(90),
});

const problemFilters = {
  regionCode,
  countyCode: countyCode.optional(),
  ruleId: ruleId.optional(),
  kind: z.enum(QUALITY_RULE_KINDS as [string, ...string[]], '类别无效').optional(),
  severity: z.enum(QUALITY_SEVERITIES as [string, ...string[]], '严重程度应为 error/warning').optional(),
  recordType: z.enum(QUALITY_RECORD_TYPES as [string, ...string[]], '记录类型无效').optional(),
  institutionId: institutionFilter.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().min(1, '查询条件不能为空').max(50, '查询条件过长').optional(),
};

export const problemsQuerySchema = z.object({ ...problemFilters, ...pagination });
export const problemsExportQuerySchema = z.object(problemFilters);

export const configQuerySchema = z.object({ regionCode });

export const configBodySchema = z.object({
  regionCode,
  /** A partial override of the national default, or null to remove the region's override. */
  config: z.union([z.record(z.string(), z.unknown()), z.null()], '质控配置应为对象或 null'),
  note: z.string().trim().max(500, '备注不能超过500字').optional(),
  rowVersion: z.number().int('版本号应为整数').min(0, '版本号无效').optional(),
});
