import { z } from 'zod';
import { ETHNICITY_CODES } from '@fuyou/core';
import { isoDate, pagination, uuid } from '../../platform/validation';

export const idTypes = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent',
  'none',
] as const;

export const personCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名过长'),
  sex: z.enum(['male', 'female', 'unknown'], '性别应为 male/female/unknown'),
  birthDate: isoDate,
  idType: z.enum(idTypes, '证件类型无效'),
  idNumber: z.string().trim().max(30).optional(),
  phone: z.string().trim().max(20).optional(),
  ethnicity: z
    .string()
    .refine((v) => ETHNICITY_CODES.has(v), '民族代码无效（GB/T 3304）')
    .optional(),
  hukouRegionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '户籍地区划代码应为6位或9位数字')
    .optional(),
  residenceRegionCode: z.string().regex(/^\d{6}(\d{3})?$/, '现住址区划代码应为6位或9位数字'),
  address: z.string().trim().max(200).optional(),
  motherId: uuid.optional(),
});
export type PersonCreateInput = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = personCreateSchema
  .omit({ id: true, residenceRegionCode: true, motherId: true })
  .partial()
  .extend({
    version: z.number().int().min(1),
    residenceRegionCode: z
      .string()
      .regex(/^\d{6}(\d{3})?$/, '现住址区划代码应为6位或9位数字')
      .optional(),
  });
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

export const personSearchSchema = z.object({
  q: z.string().trim().max(50).optional(),
  ...pagination,
});

export const duplicateCheckSchema = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  birthDate: isoDate.optional(),
  phone: z.string().trim().max(20).optional(),
  idNumber: z.string().trim().max(30).optional(),
});

export const revealSchema = z.object({ field: z.enum(['idNumber', 'phone'], '只能查看证件号码或电话') });

export const transferSchema = z.object({
  toResidenceRegionCode: z.string().regex(/^\d{6}(\d{3})?$/, '迁入地区划代码应为6位或9位数字'),
  address: z.string().trim().max(200).optional(),
  reason: z.string().trim().min(2, '请填写迁移原因').max(200),
  version: z.number().int().min(1),
});

export const personIdParams = z.object({ id: uuid });

/** A person as lists and pages show her: identifiers masked. */
export interface PersonDto {
  id: string;
  countyCode: string;
  countyName: string | null;
  name: string;
  sex: string;
  birthDate: string | null;
  idType: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  ethnicity: string | null;
  hukouRegionCode: string | null;
  residenceRegionCode: string;
  residenceRegionName: string | null;
  address: string | null;
  isNonResident: boolean;
  motherId: string | null;
  isSynthetic: boolean;
  deceasedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
