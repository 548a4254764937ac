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

// ---------------------------------------------------------------- check-ups

export const CHECKUP_KINDS = ['newborn_visit', 'month1', 'routine', 'extra'] as const;
export const FEEDING_KINDS = [
  'exclusive_breastfeeding',
  'predominant_breastfeeding',
  'mixed',
  'formula',
  'complementary',
  'family_food',
] as const;
export const EXAM_SYSTEMS = [
  'general',
  'skin',
  'fontanelle',
  'head',
  'eyes',
  'ears',
  'nose_throat',
  'mouth',
  'neck',
  'heart',
  'lungs',
  'abdomen',
  'umbilicus',
  'limbs',
  'spine',
  'genitalia',
  'anus',
  'neuro',
  'lymph_nodes',
] as const;
export const ILLNESS_KINDS = ['pneumonia', 'diarrhoea', 'trauma', 'other'] as const;
export const GUIDANCE_TOPICS = [
  'feeding',
  'development',
  'injury_prevention',
  'disease_prevention',
  'oral_health',
  'eye_care',
  'sleep',
  'physical_activity',
  'psychology',
  'vaccination',
] as const;

const examFinding = z.object({
  normal: z.boolean('请选择未见异常或异常'),
  note: z.string().trim().max(200).optional(),
});

export const checkupInputSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  visitDate: isoDate,
  kind: z.enum(CHECKUP_KINDS, '检查类型应为 newborn_visit/month1/routine/extra').default('routine'),
  contactKey: z.string().trim().max(40).optional(),
  institutionId: uuid.optional(),
  examiner: z.string().trim().max(50).optional(),
  weightKg: z.number().min(0.3, '体重应在0.3–80千克').max(80, '体重应在0.3–80千克').optional(),
  lengthCm: z.number().min(25, '身长/身高应在25–150厘米').max(150, '身长/身高应在25–150厘米').optional(),
  measuredLying: z.boolean().optional(),
  headCm: z.number().min(20, '头围应在20–65厘米').max(65, '头围应在20–65厘米').optional(),
  temperatureC: z.number().min(30, '体温应在30–43℃').max(43, '体温应在30–43℃').optional(),
  hbGL: z
    .number()
    .int('血红蛋白以整数 g/L 填写')
    .min(20, '血红蛋白应在20–250 g/L')
    .max(250, '血红蛋白应在20–250 g/L')
    .optional(),
  feeding: z.enum(FEEDING_KINDS, '喂养方式无效').optional(),
  exclusiveBreastfeeding: z.boolean().optional().describe('24小时回顾：纯母乳喂养'),
  vitaminDIu: z.number().int().min(0, '维生素D剂量应在0–10000 IU').max(10000, '维生素D剂量应在0–10000 IU').optional(),
  outdoorHours: z.number().min(0, '户外活动应在0–12小时').max(12, '户外活动应在0–12小时').optional(),
  exam: z.partialRecord(z.enum(EXAM_SYSTEMS, '检查系统无效'), examFinding).optional(),
  warningSigns: z
    .object({
      checked: z.array(z.string().trim().max(60)).max(20).default([]),
      regression: z.boolean().default(false),
    })
    .optional(),
  hearing: z.enum(['pass', 'refer', 'not_done'], '听力结果应为 pass/refer/not_done').optional(),
  eye: z
    .object({
      result: z.enum(['normal', 'abnormal', 'not_done'], '眼保健结果无效'),
      redReflex: z.enum(['normal', 'abnormal']).optional(),
      visionLeft: z.number().min(0).max(2).optional(),
      visionRight: z.number().min(0).max(2).optional(),
      note: z.string().trim().max(200).optional(),
    })
    .optional(),
  teeth: z
    .object({
      erupted: z.number().int().min(0).max(32).optional(),
      caries: z.number().int().min(0, '龋齿数不能为负').max(32).optional(),
      fluorideVarnish: z.boolean().optional(),
      pitFissureSealing: z.boolean().optional(),
    })
    .optional(),
  ricketsSigns: z.array(z.string().trim().max(40)).max(10).optional(),
  illness: z
    .array(z.object({ kind: z.enum(ILLNESS_KINDS, '患病类型无效'), note: z.string().trim().max(200).optional() }))
    .max(10)
    .optional(),
  guidance: z.array(z.enum(GUIDANCE_TOPICS, '指导内容无效')).max(12).optional(),
  guidanceNote: z.string().trim().max(500).optional(),
  referral: z
    .object({
      reason: z.string().trim().min(2, '请填写转诊原因').max(200),
      toInstitutionId: uuid.optional(),
      toInstitutionName: z.string().trim().max(100).optional(),
    })
    .optional(),
  nextAppointment: isoDate.optional(),
  /** Growth standard for overweight/obesity: China's under-7 convention (default) or WHO's under-5. */
  standard: z.enum(['cn2012', 'who']).optional(),
});
export type CheckupInput = z.infer<typeof checkupInputSchema>;

export const checkupUpdateSchema = checkupInputSchema.omit({ id: true }).extend({ version: z.number().int().min(1) });
export type CheckupUpdateInput = z.infer<typeof checkupUpdateSchema>;

// ---------------------------------------------------------------- childcare facilities (托幼机构)

export const facilityEvaluationSchema = z.object({
  id: uuid.optional(),
  year: z.number().int().min(2000, '年度无效').max(2100, '年度无效'),
  evaluatedOn: isoDate,
  qualified: z.boolean('请选择是否合格'),
  score: z.number().min(0, '评分应在0–100').max(100, '评分应在0–100').optional(),
  assessor: z.string().trim().min(1, '请填写评估人').max(50),
  childrenEnrolled: z.number().int().min(0).max(5000).optional(),
  note: z.string().trim().max(500).optional(),
});
export type FacilityEvaluationInput = z.infer<typeof facilityEvaluationSchema>;

export const facilityListSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '县区代码应为6位数字')
    .optional(),
});
export const institutionIdParams = z.object({ institutionId: uuid });

// ---------------------------------------------------------------- cases (体弱儿/高危儿专案)

export const CASE_KINDS = [
  'anaemia',
  'undernutrition',
  'overweight_obesity',
  'rickets',
  'high_risk_infant',
  'preterm',
] as const;
export const CASE_STATUSES = ['proposed', 'open', 'closed', 'dismissed'] as const;
export const CASE_OUTCOMES = [
  'cured',
  'improved',
  'unchanged',
  'worse',
  'transferred',
  'died',
  'lost',
  'aged_out',
  'other',
] as const;

export const caseOpenSchema = z.object({
  id: uuid.optional(),
  kind: z.enum(CASE_KINDS, '专案类型无效'),
  severity: z.string().trim().max(40).optional(),
  subtypes: z.array(z.string().trim().max(40)).max(6).optional(),
  openedOn: isoDate,
  note: z.string().trim().max(200).optional(),
});
export const caseConfirmSchema = z.object({
  version: z.number().int().min(1),
  openedOn: isoDate,
  severity: z.string().trim().max(40).optional(),
});
export const caseDismissSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2, '请填写不纳入专案的原因').max(200),
});
export const caseFollowupSchema = z.object({
  id: uuid.optional(),
  followupDate: isoDate,
  checkupId: uuid.optional(),
  weightKg: z.number().min(0.3, '体重应在0.3–80千克').max(80, '体重应在0.3–80千克').optional(),
  lengthCm: z.number().min(25, '身长/身高应在25–150厘米').max(150, '身长/身高应在25–150厘米').optional(),
  hbGL: z.number().int().min(20, '血红蛋白应在20–250 g/L').max(250, '血红蛋白应在20–250 g/L').optional(),
  severity: z.string().trim().max(40).optional(),
  treatment: z.string().trim().max(500).optional(),
  guidance: z.string().trim().max(500).optional(),
  note: z.string().trim().max(500).optional(),
  nextDue: isoDate.optional(),
});
export type CaseFollowupInput = z.infer<typeof caseFollowupSchema>;
export const caseCloseSchema = z.object({
  version: z.number().int().min(1),
  closedOn: isoDate,
  outcome: z.enum(CASE_OUTCOMES, '转归无效'),
  note: z.string().trim().max(500).optional(),
  /** Close although core's closure criteria are not met (e.g. transferred, lost); needs a note. */
  override: z.boolean().default(false),
});
export type CaseCloseInput = z.infer<typeof caseCloseSchema>;

export const referralSchema = z.object({
  id: uuid.optional(),
  referredOn: isoDate,
  toInstitutionId: uuid.optional(),
  toInstitutionName: z.string().trim().max(100).optional(),
  reason: z.string().trim().min(2, '请填写转诊原因').max(200),
});
export const referralReceiptSchema = z.object({
  version: z.number().int().min(1),
  receiptOn: isoDate,
  diagnosis: z.string().trim().min(1, '请填写回执诊断').max(200),
  note: z.string().trim().max(500).optional(),
});

export const caseLedgerSchema = z.object({
  kind: z.enum(CASE_KINDS, '专案类型无效').optional(),
  status: z.enum(CASE_STATUSES, '专案状态无效').optional(),
  overdue: z.enum(['true', 'false']).optional(),
  institutionId: uuid.optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, '乡镇区划代码应为9位数字')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
export type CaseLedgerFilter = z.infer<typeof caseLedgerSchema>;
export const caseIdParams = z.object({ caseId: uuid });

// ---------------------------------------------------------------- under-5 deaths (WS 376.5)

export const DEATH_PLACES = [
  'provincial_city_hospital',
  'county_hospital',
  'township_hc',
  'village_clinic',
  'home',
  'en_route',
  'other',
] as const;
export const CARE_BEFORE_DEATH = [
  'provincial_city_hospital',
  'county_hospital',
  'township_hc',
  'village_clinic',
  'none',
] as const;
export const DIAGNOSIS_LEVELS = ['provincial_city', 'county', 'township', 'village', 'none'] as const;
export const DIAGNOSIS_BASIS = ['autopsy', 'pathology', 'clinical', 'inferred'] as const;

export const childDeathSchema = z.object({
  id: uuid.optional(),
  deathDate: isoDate,
  deathTime: clockTime.optional(),
  deathPlace: z.enum(DEATH_PLACES, '死亡地点无效'),
  careBeforeDeath: z.enum(CARE_BEFORE_DEATH, '死前治疗情况无效').optional(),
  diagnosisLevel: z.enum(DIAGNOSIS_LEVELS, '最高诊断单位无效').optional(),
  diagnosisBasis: z.enum(DIAGNOSIS_BASIS, '诊断依据无效').optional(),
  causeA: z.string().trim().max(100).optional(),
  causeB: z.string().trim().max(100).optional(),
  causeC: z.string().trim().max(100).optional(),
  underlyingCause: z.string().trim().min(2, '请填写根本死因').max(100),
  icd10: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/, 'ICD-10编码格式应如 P07.3'),
  birthWeightG: z.number().int().min(300).max(7000).optional(),
  gestationalWeeks: z.number().int().min(20).max(45).optional(),
  reporter: z.string().trim().max(50).optional(),
});
export type ChildDeathInput = z.infer<typeof childDeathSchema>;
export const childDeathUpdateSchema = childDeathSchema.omit({ id: true }).extend({ version: z.number().int().min(1) });
export const versionSchema = z.object({ version: z.number().int().min(1) });
export const deathListSchema = z.object({
  status: z.enum(['draft', 'submitted']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});

// ---------------------------------------------------------------- exposed infants (PMTCT)

export const PMTCT_INFECTIONS = ['hiv', 'syphilis', 'hbv'] as const;
export const exposureSchema = z.object({
  infections: z
    .array(z.enum(PMTCT_INFECTIONS, '感染类型应为 hiv/syphilis/hbv'))
    .min(1, '请至少选择一种母亲感染')
    .max(3),
  highExposure: z.boolean().default(false),
  version: z.number().int().min(1).optional(),
});
export const exposureRecordSchema = z.object({
  code: z.string().trim().min(3).max(60),
  /** Date-time for a birth dose ('YYYY-MM-DDTHH:MM'), or a date for a test. */
  at: z.union([wallClock, isoDate], '时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM'),
  result: z.enum(['positive', 'negative', 'indeterminate'], '检测结果无效').optional(),
  titre: z
    .string()
    .trim()
    .regex(/^1:\d{1,4}$/, '滴度格式应如 1:8')
    .optional(),
  note: z.string().trim().max(200).optional(),
  version: z.number().int().min(1),
});
const syphilisResult = z.enum(
  ['positive', 'negative', 'indeterminate'],
  '检测结果应为 positive/negative/indeterminate',
);
export const exposureFinalSchema = z.object({
  infection: z.enum(PMTCT_INFECTIONS, '感染类型无效'),
  status: z.enum(['infected', 'not_infected', 'undetermined'], '最终状态无效'),
  decidedOn: isoDate,
  /** Syphilis: findings not among the follow-up tests, read by the congenital-syphilis criteria. */
  syphilisEvidence: z
    .object({
      /** The mother's non-treponemal titre at delivery. */
      motherTitre: z
        .string()
        .trim()
        .regex(/^1:\d{1,4}$/, '母亲分娩时滴度格式应如 1:8')
        .optional(),
      /** Darkfield microscopy or nucleic-acid test of lesions or body fluids. */
      darkfieldOrPcr: syphilisResult.optional(),
      /** Treponemal IgM antibody. */
      treponemalIgm: syphilisResult.optional(),
    })
    .optional(),
  version: z.number().int().min(1),
});

export const worklistSchema = z.object({
  institutionId: uuid.optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, '乡镇区划代码应为9位数字')
    .optional(),
  kind: z
    .enum(
      [
        'profile_missing',
        'checkup_due',
        'hb_due',
        'case_followup',
        'case_proposed',
        'referral_receipt',
        'screening_step',
        'exposure_duty',
      ],
      '工作类型无效',
    )
    .optional(),
  horizon: z.coerce.number().int().min(0).max(90).optional(),
  page: z.coerce.number().int('页码应为整数').min(1, '页码应从1开始').max(10_000, '页码过大').optional(),
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少1条').max(500, '每页最多500条').optional(),
});

// ---------------------------------------------------------------- newborn and child screening

const ear = z.enum(['pass', 'refer'], '耳结果应为 pass/refer');
const spo2 = z.number().int().min(50, '血氧饱和度应在50–100').max(100, '血氧饱和度应在50–100');
/** One step of a newborn screening (the shape of core's NewbornScreeningEvent). */
export const newbornStepSchema = z.discriminatedUnion(
  'step',
  [
    z.object({ step: z.literal('sample'), at: wallClock, feeds: z.number().int().min(0).max(30).optional() }),
    z.object({
      step: z.literal('result'),
      date: isoDate,
      result: z.enum(['negative', 'suspected_positive', 'unsatisfactory'], '结果无效'),
      conditions: z.array(z.string().trim().max(40)).max(10).optional(),
    }),
    z.object({ step: z.literal('recall'), date: isoDate }),
    z.object({ step: z.literal('retest'), date: isoDate, result: z.enum(['negative', 'positive'], '结果无效') }),
    z.object({
      step: z.literal('confirm'),
      date: isoDate,
      result: z.enum(['negative', 'positive'], '结果无效'),
      diagnosis: z.string().trim().max(100).optional(),
    }),
    z.object({ step: z.literal('treatment'), date: isoDate }),
    z.object({
      step: z.literal('initial'),
      date: isoDate,
      left: ear,
      right: ear,
      method: z.enum(['OAE', 'AABR']).optional(),
    }),
    z.object({ step: z.literal('rescreen'), date: isoDate, left: ear, right: ear }),
    z.object({
      step: z.literal('diagnosis'),
      date: isoDate,
      left: z.enum(['normal', 'hearing_loss']),
      right: z.enum(['normal', 'hearing_loss']),
    }),
    z.object({ step: z.literal('intervention'), date: isoDate }),
    z.object({
      step: z.literal('screen'),
      at: wallClock,
      spo2Hand: spo2,
      spo2Foot: spo2,
      murmurGrade: z.number().int().min(0, '杂音分级应为0–6').max(6, '杂音分级应为0–6'),
      repeat: z.object({ spo2Hand: spo2, spo2Foot: spo2 }).optional(),
    }),
    z.object({
      step: z.literal('echo'),
      date: isoDate,
      result: z.enum(['normal', 'chd'], '结果无效'),
      diagnosis: z.string().trim().max(100).optional(),
    }),
  ],
  '筛查步骤无效',
);
export const newbornStepBodySchema = z.object({
  event: newbornStepSchema,
  /** Preterm, sick or early discharged (metabolic sample by day 20). */
  pretermOrSick: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export const newbornKindParams = z.object({
  personId: uuid,
  kind: z.enum(['metabolic', 'hearing', 'heart'], '筛查类型无效'),
});

export const childScreeningSchema = z.object({
  id: uuid.optional(),
  kind: z.enum(['red_reflex', 'ddh', 'autism', 'development'], '筛查类型无效'),
  screenedOn: isoDate,
  tool: z.string().trim().max(60).optional(),
  score: z.number().min(0).max(1000).optional(),
  result: z.enum(['normal', 'abnormal', 'suspected'], '筛查结果应为 normal/abnormal/suspected'),
  detail: z.record(z.string(), z.unknown()).optional(),
  followUp: z.string().trim().max(200).optional(),
  followUpDue: isoDate.optional(),
  referral: z
    .object({
      reason: z.string().trim().min(2).max(200),
      toInstitutionId: uuid.optional(),
      toInstitutionName: z.string().trim().max(100).optional(),
    })
    .optional(),
});
export const childScreeningFollowUpSchema = z.object({
  version: z.number().int().min(1),
  doneOn: isoDate,
  result: z.string().trim().min(1, '请填写随访结果').max(200),
});
export const missedScreeningSchema = z.object({
  institutionId: uuid.optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, '乡镇区划代码应为9位数字')
    .optional(),
});

export const REVIEW_STAGES = ['personal_family', 'health_system', 'society'] as const;
export const REVIEW_ASPECTS = ['knowledge_skill', 'attitude', 'resources', 'management'] as const;
/** The 12-cell grid (十二格表): stage × aspect. */
export const REVIEW_CELLS = REVIEW_STAGES.flatMap((s) => REVIEW_ASPECTS.map((a) => `${s}.${a}` as const));
export const childDeathReviewSchema = z.object({
  level: z.enum(['county', 'city', 'province'], '评审级别应为 county/city/province'),
  reviewedOn: isoDate,
  conclusion: z.enum(['avoidable', 'conditionally_avoidable', 'unavoidable'], '评审结论无效'),
  factors: z.partialRecord(z.enum(REVIEW_CELLS, '十二格表单元无效'), z.string().trim().max(500)).default({}),
  actions: z.string().trim().max(2000).optional(),
});
