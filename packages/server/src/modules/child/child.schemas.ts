import { z } from 'zod';
import { isoDate, pagination, uuid } from '../../platform/validation';
import { personCreateSchema } from '../people/person.schemas';

/** 'HH:MM' (24 h). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
/** 'YYYY-MM-DDTHH:MM' local wall-clock date-time. */
export const wallClock = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 YYYY-MM-DDTHH:MM');

const shortText = (max = 200) => z.string().trim().max(max, `不超过${max}字`);

/** Birth data and handbook numbers: the child profile fields (all optional: completed over time). */
export const childProfileFields = {
  registrationReason: z.enum(['born_here', 'born_elsewhere', 'moved_in', 'other'], '登记原因无效').optional(),
  deliveryId: uuid.optional(),
  birthOutcomeId: uuid.optional(),
  birthTime: clockTime.optional(),
  gestationalWeeks: z.number().int('孕周应为整数').min(20, '孕周应在20–45周').max(45, '孕周应在20–45周').optional(),
  gestationalDays: z.number().int('孕天应为整数').min(0, '孕天应在0–6天').max(6, '孕天应在0–6天').optional(),
  birthWeightG: z
    .number()
    .int('出生体重以克为单位的整数')
    .min(300, '出生体重应在300–7000克')
    .max(7000, '出生体重应在300–7000克')
    .optional(),
  birthLengthCm: z.number().min(20, '出生身长应在20–70厘米').max(70, '出生身长应在20–70厘米').optional(),
  birthHeadCm: z.number().min(15, '出生头围应在15–50厘米').max(50, '出生头围应在15–50厘米').optional(),
  apgar1: z.number().int().min(0, 'Apgar评分应为0–10').max(10, 'Apgar评分应为0–10').optional(),
  apgar5: z.number().int().min(0, 'Apgar评分应为0–10').max(10, 'Apgar评分应为0–10').optional(),
  apgar10: z.number().int().min(0, 'Apgar评分应为0–10').max(10, 'Apgar评分应为0–10').optional(),
  birthDefects: z.array(shortText(100)).max(20).optional(),
  multipleBirth: z.number().int().min(1, '胎数应为1–6').max(6, '胎数应为1–6').optional(),
  birthOrder: z.number().int().min(1, '出生顺序应为1–6').max(6, '出生顺序应为1–6').optional(),
  birthInstitutionId: uuid.optional(),
  birthPlace: shortText(200).optional(),
  neonatalConditions: z.array(shortText(60)).max(20).optional(),
  dischargedOn: isoDate.optional(),
  healthHandbookNo: shortText(40).optional(),
  vaccinationHandbookNo: shortText(40).optional(),
  managingInstitutionId: uuid.optional(),
};
export const childProfileSchema = z.object(childProfileFields);
export type ChildProfileInput = z.infer<typeof childProfileSchema>;

/** POST /children: the person (identifiers optional for a newborn) and the profile in one body. */
export const childRegisterSchema = personCreateSchema
  .extend({ idType: personCreateSchema.shape.idType.default('none') })
  .extend(childProfileFields);
export type ChildRegisterInput = z.infer<typeof childRegisterSchema>;

/** PUT /children/:personId/profile: completes (or creates) the profile; `version` is required once it exists. */
export const childProfilePutSchema = childProfileSchema.extend({ version: z.number().int().min(1).optional() });
export type ChildProfilePutInput = z.infer<typeof childProfilePutSchema>;

export const childListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  institutionId: uuid.optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, '乡镇区划代码应为9位数字')
    .optional(),
  ...pagination,
});

export const personIdParams = z.object({ personId: uuid });
export const idParams = z.object({ id: uuid });
export const personAndIdParams = z.object({ personId: uuid, id: uuid });
