import { z } from 'zod';
import {
  BI_RADS_CATEGORIES,
  BREAST_CLINICAL_FINDINGS,
  BREAST_HIGH_RISK_FACTORS,
  BREAST_PATHOLOGY,
  CANCER_SCREENING_COHORT_LABELS,
  CERVICAL_HISTOLOGY,
  COLPOSCOPY_LABELS,
  SCREENING_CASE_EVENT_LABELS,
  SCREENING_CASE_STATE_LABELS,
  TBS_CATEGORIES,
  VIA_VILI_LABELS,
} from '@fuyou/core';
import { isoDate, pagination, uuid } from '../../platform/validation';

const codes = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code) as [string, ...string[]];
const keys = (o: object) => Object.keys(o) as [string, ...string[]];
const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);

export const CERVICAL_METHODS = ['hpv', 'cytology', 'co_test', 'via_vili'] as const;
export const BREAST_METHODS = ['breast_ultrasound', 'mammography'] as const;

/** Treatment methods recorded on a case (codes of this module; labels in the web). */
export const CERVICAL_TREATMENTS = [
  'leep',
  'cold_knife_conization',
  'thermal_ablation',
  'cryotherapy',
  'laser',
  'hysterectomy',
  'radiotherapy',
  'chemoradiotherapy',
  'other',
] as const;
export const BREAST_TREATMENTS = [
  'breast_conserving_surgery',
  'mastectomy',
  'chemotherapy',
  'radiotherapy',
  'endocrine_therapy',
  'targeted_therapy',
  'other',
] as const;
export const NOTIFY_METHODS = ['phone', 'sms', 'letter', 'in_person', 'wechat'] as const;

export const tbsCode = z.enum(codes(TBS_CATEGORIES), '细胞学（TBS）结果无效');
export const viaViliCode = z.enum(keys(VIA_VILI_LABELS), 'VIA/VILI结果无效');
export const colposcopyCode = z.enum(keys(COLPOSCOPY_LABELS), '阴道镜结果无效');
export const histologyCode = z.enum(codes(CERVICAL_HISTOLOGY), '组织病理结果无效');
export const biradsCode = z.enum(codes(BI_RADS_CATEGORIES), 'BI-RADS分类无效');
export const breastPathologyCode = z.enum(codes(BREAST_PATHOLOGY), '乳腺病理结果无效');
export const seniorReviewCode = z.enum(['follow_up', 'biopsy'], '会诊意见应为 follow_up/biopsy');
const hpvTypes = z.array(z.string().trim().min(1).max(10), 'HPV型别应为列表').max(20, 'HPV型别过多');

/** Result fields of a screening record (all optional: results come in over time). */
const resultFields = {
  hpvTypes: hpvTypes.nullable().optional().describe('阳性的HPV型别；空列表为阴性；null 为未检测'),
  cytology: tbsCode.nullable().optional(),
  viaVili: viaViliCode.nullable().optional(),
  colposcopy: colposcopyCode.nullable().optional(),
  histopathology: histologyCode.nullable().optional(),
  clinicalFindings: z
    .array(z.enum(codes(BREAST_CLINICAL_FINDINGS), '临床检查所见无效'))
    .max(10)
    .optional(),
  highRiskFactors: z
    .array(z.enum(codes(BREAST_HIGH_RISK_FACTORS), '高危因素无效'))
    .max(10)
    .optional(),
  ultrasoundBirads: biradsCode.nullable().optional(),
  mammographyBirads: biradsCode.nullable().optional(),
  seniorReview: seniorReviewCode.nullable().optional(),
  breastPathology: breastPathologyCode.nullable().optional(),
};

export const screeningCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  personId: uuid,
  kind: z.enum(['cervical', 'breast'], '筛查类别应为 cervical/breast'),
  method: z.enum([...CERVICAL_METHODS, ...BREAST_METHODS], '筛查方法无效'),
  screeningDate: isoDate,
  institutionId: uuid.optional(),
  examiner: text(50).optional(),
  cohort: z.enum(keys(CANCER_SCREENING_COHORT_LABELS), '人群类别无效'),
  funded: z.boolean().default(true),
  note: text(500).optional(),
  ...resultFields,
});
export type ScreeningCreateInput = z.infer<typeof screeningCreateSchema>;

export const screeningUpdateSchema = z.object({
  version: z.number().int().min(1),
  institutionId: uuid.nullable().optional(),
  examiner: text(50).nullable().optional(),
  note: text(500).nullable().optional(),
  ...resultFields,
});
export type ScreeningUpdateInput = z.infer<typeof screeningUpdateSchema>;

const boolish = z.enum(['true', 'false'], '应为 true/false').optional();

export const screeningListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(['cervical', 'breast'], '筛查类别无效').optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(['pending', 'normal', 'abnormal'], '结果应为 pending/normal/abnormal').optional(),
  caseState: z.enum(keys(SCREENING_CASE_STATE_LABELS), '个案状态无效').optional(),
  cohort: z.enum(keys(CANCER_SCREENING_COHORT_LABELS), '人群类别无效').optional(),
  ...pagination,
});
export type ScreeningListFilter = z.infer<typeof screeningListSchema>;

export const caseListSchema = z.object({
  kind: z.enum(['cervical', 'breast'], '筛查类别无效').optional(),
  state: z.enum(keys(SCREENING_CASE_STATE_LABELS), '个案状态无效').optional(),
  open: boolish.describe('true：仅未结案（异常、已告知、进一步检查、病理）'),
  overdue: boolish.describe('true：仅逾期未完成的随访步骤'),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
export type CaseListFilter = z.infer<typeof caseListSchema>;

export const caseStepSchema = z.object({
  version: z.number().int().min(1),
  event: z.enum(keys(SCREENING_CASE_EVENT_LABELS), '操作无效'),
  date: isoDate,
  exam: z.enum(['colposcopy', 'cytology', 'hpv', 'mammography', 'senior_review', 'biopsy'], '检查项目无效').optional(),
  result: z.string().trim().max(40).optional().describe('该步骤的检查结果代码（阴道镜、细胞学、BI-RADS、病理…）'),
  hpvTypes: hpvTypes.optional(),
  method: z.string().trim().max(40).optional().describe('告知方式或治疗方式'),
  earlyStage: z.boolean().optional(),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});
export type CaseStepInput = z.infer<typeof caseStepSchema>;

export const targetPutSchema = z.object({
  countyCode: z.string().regex(/^\d{6}$/, '县区代码应为6位数字'),
  year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'),
  women3564: z.number().int('人数应为整数').min(1, '人数应大于0'),
  ruralWomen3564: z.number().int('人数应为整数').min(0, '人数不能为负').nullable().optional(),
  source: text(100).min(1, '请填写数据来源（如第七次人口普查）'),
  note: text(500).optional(),
  version: z.number().int().min(1).optional(),
});
export type TargetPutInput = z.infer<typeof targetPutSchema>;

export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const eligibilityQuerySchema = z.object({
  date: isoDate.optional(),
  cohort: z.enum(keys(CANCER_SCREENING_COHORT_LABELS), '人群类别无效').default('general'),
});

export const idParams = z.object({ id: uuid });
export const personIdParams = z.object({ personId: uuid });
