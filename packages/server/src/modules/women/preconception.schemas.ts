import { z } from 'zod';
import { PRECONCEPTION_RISK_FACTOR_LABELS, PRECONCEPTION_SERVICE_ITEMS_NATIONAL } from '@fuyou/core';
import { isoDate, pagination, uuid } from '../../platform/validation';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
const serology = z.enum(['positive', 'negative'], '结果应为 positive/negative');
const range = (min: number, max: number, zh: string) =>
  z.number().min(min, `${zh}应在${min}–${max}`).max(max, `${zh}应在${min}–${max}`);

/** Risk factors caused by infectious results: stored encrypted with the results. */
export const INFECTIOUS_FACTORS = ['syphilis_positive', 'hbv_infection', 'genital_tract_infection'] as const;

export const preconceptionPartnerSchema = z.object({
  personId: uuid,
  values: z
    .object({
      rubellaIgG: serology.optional(),
      cmvIgM: serology.optional(),
      toxoplasmaIgM: serology.optional(),
      haemoglobinGPerL: range(30, 250, '血红蛋白').optional(),
      fastingGlucoseMmolPerL: range(1, 40, '空腹血糖').optional(),
      tshMIUPerL: range(0, 200, 'TSH').optional(),
      altUPerL: range(0, 3000, 'ALT').optional(),
      creatinineUmolPerL: range(10, 2000, '肌酐').optional(),
      rh: serology.optional(),
      heightCm: range(100, 230, '身高').optional(),
      weightKg: range(25, 250, '体重').optional(),
      systolicMmHg: range(50, 260, '收缩压').optional(),
      diastolicMmHg: range(30, 160, '舒张压').optional(),
      gynUltrasoundAbnormal: z.boolean().optional(),
    })
    .default({}),
  infectious: z
    .object({
      syphilis: serology.optional(),
      hbsag: serology.optional(),
      gonococcus: serology.optional(),
      chlamydia: serology.optional(),
    })
    .optional(),
  reported: z
    .array(z.enum(Object.keys(PRECONCEPTION_RISK_FACTOR_LABELS) as [string, ...string[]], '风险因素无效'))
    .max(30)
    .default([]),
  items: z
    .array(
      z.enum(PRECONCEPTION_SERVICE_ITEMS_NATIONAL.items.map((i) => i.code) as [string, ...string[]], '服务项目无效'),
    )
    .max(19)
    .default([]),
});
export type PreconceptionPartnerInput = z.infer<typeof preconceptionPartnerSchema>;

export const preconceptionCreateSchema = z.object({
  id: uuid.optional(),
  checkDate: isoDate,
  institutionId: uuid.optional(),
  examiner: text(50).optional(),
  funded: z.boolean().default(true),
  plannedPregnancyOn: isoDate.optional(),
  female: preconceptionPartnerSchema,
  male: preconceptionPartnerSchema.optional(),
  advice: text(1000).optional(),
  referred: z.boolean().default(false),
  referralInstitutionId: uuid.optional(),
  referralTo: text(100).optional(),
  referralReason: text(300).optional(),
  note: text(500).optional(),
});
export type PreconceptionCreateInput = z.infer<typeof preconceptionCreateSchema>;

export const preconceptionUpdateSchema = z.object({
  version: z.number().int().min(1),
  checkDate: isoDate.optional(),
  plannedPregnancyOn: isoDate.nullable().optional(),
  female: preconceptionPartnerSchema.optional(),
  male: preconceptionPartnerSchema.optional(),
  advice: text(1000).nullable().optional(),
  referred: z.boolean().optional(),
  referralInstitutionId: uuid.nullable().optional(),
  referralTo: text(100).nullable().optional(),
  referralReason: text(300).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type PreconceptionUpdateInput = z.infer<typeof preconceptionUpdateSchema>;

export const preconceptionFollowUpSchema = z.object({
  version: z.number().int().min(1),
  date: isoDate,
  outcome: text(500).min(1, '请填写随访结果'),
});

export const pregnancyLinkSchema = z.object({
  version: z.number().int().min(1),
  pregnancyId: uuid.optional().describe('孕产期保健模块的妊娠记录编号（可空：尚未建册）'),
  confirmedOn: isoDate,
});

export const preconceptionListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  riskLevel: z.enum(['low', 'high'], '风险等级应为 low/high').optional(),
  referred: z.enum(['true', 'false']).optional(),
  followUp: z.enum(['due', 'overdue', 'done'], '随访状态应为 due/overdue/done').optional(),
  pregnant: z.enum(['true', 'false']).optional(),
  ...pagination,
});
export type PreconceptionListFilter = z.infer<typeof preconceptionListSchema>;

export const dispensingCreateSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  dispensedOn: isoDate,
  packs: z.number().int('瓶数应为整数').min(1, '瓶数应在1–24').max(24, '瓶数应在1–24'),
  programme: z.enum(['folic_acid_supplementation', 'other'], '项目无效').default('folic_acid_supplementation'),
  stage: z
    .enum(['preconception', 'early_pregnancy'], '阶段应为 preconception/early_pregnancy')
    .default('preconception'),
  preconceptionCheckId: uuid.optional(),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});
export type DispensingCreateInput = z.infer<typeof dispensingCreateSchema>;

export const folicFollowUpSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  dispensingId: uuid.optional(),
  followUpDate: isoDate,
  daysTaken: z.number().int('天数应为整数').min(0, '天数不能为负'),
  daysExpected: z.number().int('天数应为整数').min(1, '应服天数应大于0').optional(),
  folateNgMl: range(0, 100, '叶酸水平').optional(),
  pregnant: z.boolean().optional(),
  note: text(500).optional(),
});
export type FolicFollowUpInput = z.infer<typeof folicFollowUpSchema>;

export const dispensingListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  programme: z.enum(['folic_acid_supplementation', 'other']).optional(),
  followUp: z.enum(['due', 'overdue', 'done'], '随访状态应为 due/overdue/done').optional(),
  ...pagination,
});
export type DispensingListFilter = z.infer<typeof dispensingListSchema>;
