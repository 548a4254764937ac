import { z } from 'zod';
import {
  PREMARITAL_DISEASE_CATEGORIES,
  PREMARITAL_EXAM_ITEMS_NATIONAL,
  PREMARITAL_FINDING_LABELS,
  PREMARITAL_OPINIONS_NATIONAL,
} from '@fuyou/core';
import { isoDate, pagination, uuid } from '../../platform/validation';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);

/** Examination items reported as designated infectious disease tests (stored encrypted). */
export const INFECTIOUS_ITEMS = ['hiv', 'syphilis', 'hbsag', 'gonorrhoea'] as const;
/** Other laboratory items of the national list (history and physical items are recorded apart). */
export const LAB_ITEMS = PREMARITAL_EXAM_ITEMS_NATIONAL.items
  .filter(
    (i) =>
      (i.group === 'routine_lab' || i.group === 'special') && !['hbv_markers', ...INFECTIOUS_ITEMS].includes(i.code),
  )
  .map((i) => i.code) as [string, ...string[]];

const finding = z.enum(['normal', 'abnormal'], '结果应为 normal/abnormal');
const infectiousResult = z.enum(['negative', 'positive', 'not_done'], '结果应为 negative/positive/not_done');

export const partnerSchema = z.object({
  personId: uuid,
  history: z
    .object({
      pastIllnesses: z.array(text(60)).max(20).optional(),
      familyHistory: text(500).optional(),
      menstrualHistory: text(200).optional(),
      consanguinity: z.boolean().optional(),
      note: text(500).optional(),
    })
    .default({}),
  exam: z
    .object({
      general: finding.optional(),
      generalNote: text(300).optional(),
      genital: finding.optional(),
      genitalNote: text(300).optional(),
      systolicMmHg: z.number().int().min(50, '收缩压应在50–260').max(260, '收缩压应在50–260').optional(),
      diastolicMmHg: z.number().int().min(30, '舒张压应在30–160').max(160, '舒张压应在30–160').optional(),
    })
    .default({}),
  tests: z.partialRecord(z.enum(LAB_ITEMS, '检查项目无效'), finding).default({}),
  infectious: z.partialRecord(z.enum(INFECTIOUS_ITEMS, '传染病检测项目无效'), infectiousResult).optional(),
  diseases: z
    .array(z.enum(PREMARITAL_DISEASE_CATEGORIES.map((c) => c.code) as [string, ...string[]], '疾病分类无效'))
    .max(5)
    .default([]),
});
export type PartnerInput = z.infer<typeof partnerSchema>;

const opinion = z.enum(
  PREMARITAL_OPINIONS_NATIONAL.opinions.map((o) => o.code) as [string, ...string[]],
  '医学意见无效（应为国家规定的类别）',
);

const examFields = {
  examDate: isoDate,
  institutionId: uuid.optional(),
  examiner: text(50).optional(),
  funded: z.boolean().default(true),
  registrationOffice: text(100).optional(),
  registrationDate: isoDate.optional(),
  female: partnerSchema.optional(),
  male: partnerSchema.optional(),
  findings: z
    .array(z.enum(Object.keys(PREMARITAL_FINDING_LABELS) as [string, ...string[]], '检查发现无效'))
    .max(10)
    .default([]),
  opinion,
  opinionNote: text(500).optional(),
  counsellingGiven: z.boolean().default(false),
  counsellingTopics: z.array(text(60)).max(20).default([]),
  certificateNo: text(40).optional(),
  note: text(500).optional(),
};

export const premaritalCreateSchema = z.object({ id: uuid.optional(), ...examFields });
export type PremaritalCreateInput = z.infer<typeof premaritalCreateSchema>;

export const premaritalUpdateSchema = z.object({
  version: z.number().int().min(1),
  examDate: isoDate.optional(),
  institutionId: uuid.nullable().optional(),
  examiner: text(50).nullable().optional(),
  registrationOffice: text(100).nullable().optional(),
  registrationDate: isoDate.nullable().optional(),
  female: partnerSchema.optional(),
  male: partnerSchema.optional(),
  findings: examFields.findings.optional(),
  opinion: opinion.optional(),
  opinionNote: text(500).nullable().optional(),
  counsellingGiven: z.boolean().optional(),
  counsellingTopics: z.array(text(60)).max(20).optional(),
  certificateNo: text(40).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type PremaritalUpdateInput = z.infer<typeof premaritalUpdateSchema>;

export const premaritalFollowUpSchema = z.object({
  version: z.number().int().min(1),
  date: isoDate,
  outcome: text(500).min(1, '请填写随访结果'),
});

export const premaritalListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  opinion: opinion.optional(),
  followUp: z.enum(['due', 'overdue', 'done'], '随访状态应为 due/overdue/done').optional(),
  ...pagination,
});
export type PremaritalListFilter = z.infer<typeof premaritalListSchema>;

export const marriagePutSchema = z.object({
  countyCode: z.string().regex(/^\d{6}$/, '县区代码应为6位数字'),
  year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'),
  month: z.number().int().min(1, '月份应为1–12').max(12, '月份应为1–12'),
  couples: z.number().int('对数应为整数').min(0, '对数不能为负'),
  source: text(100).min(1, '请填写数据来源（如民政局婚姻登记处）'),
  note: text(500).optional(),
  version: z.number().int().min(1).optional(),
});
export type MarriagePutInput = z.infer<typeof marriagePutSchema>;

export const marriageImportSchema = z.object({
  csv: z.string().min(1, '请提供CSV内容').max(200_000, '文件过大'),
  source: text(100).min(1, '请填写数据来源'),
});
