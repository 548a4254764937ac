import { z } from 'zod';
import type { FieldProblem } from './errors';

/** Chinese labels of field names used in messages ("身份证号：…"). Modules add theirs. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  ethnicity: '民族',
  hukouRegionCode: '户籍地',
  residenceRegionCode: '现住址（区划）',
  address: '详细地址',
  motherId: '母亲',
  version: '版本号',
  code: '编码',
  type: '类型',
  level: '级别',
  regionCode: '所在区划',
  capabilities: '服务能力',
  role: '角色',
  institutionId: '所属机构',
  jurisdictionCode: '管辖区域',
  displayName: '显示名称',
  reason: '原因',
  q: '查询条件',
  page: '页码',
  pageSize: '每页条数',
  otp: '动态验证码',
};

z.config(z.locales.zhCN());

const enErrors = z.locales.en().localeError;

/** Turns zod issues into field problems with zh-CN and en-US messages. */
export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(body)';
    const last = String(issue.path.at(-1) ?? '');
    const label = FIELD_LABELS[last] ?? last;
    const en = enErrors?.(issue as never);
    const enText = typeof en === 'string' ? en : (en?.message ?? issue.message);
    return { field, messageZh: `${label ? `${label}：` : ''}${issue.message}`, messageEn: enText };
  });
}

/** 'YYYY-MM-DD' that is a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');

export const uuid = z.uuid('无效的编号');

export const pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
