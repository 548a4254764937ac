import { z } from 'zod';
import { isoDate, pagination, uuid } from '../../platform/validation';

const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);
const count = (label: string, max: number) =>
  z.number().int(`${label}应为整数`).min(0, `${label}不能为负`).max(max, `${label}应不超过${max}`);
const version = z.number().int().min(1);

export const RISK_GRADES = ['green', 'yellow', 'orange', 'red'] as const;

// ---------------------------------------------------------------- five-colour assessment decision

/** What the clinician decides on an assessment: ticked items, and the colour confirmed or overridden. */
export const assessmentDecisionFields = {
  items: z.array(z.string().trim().min(1).max(100)).max(100, '勾选条目过多').default([]),
  /** The colour the clinician sets; omitted (or equal to the suggestion) means: confirm the suggestion. */
  colour: z.enum(RISK_GRADES, '颜色应为 green/yellow/orange/red').optional(),
  purple: z.boolean().optional(),
  overrideReason: text(500).optional(),
  note: text(500).optional(),
};
export const assessmentDecisionSchema = z.object(assessmentDecisionFields);
export type AssessmentDecision = z.infer<typeof assessmentDecisionSchema>;

export const assessmentCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  assessedOn: isoDate,
  ...assessmentDecisionFields,
});
export type AssessmentCreateInput = z.infer<typeof assessmentCreateSchema>;

export const assessmentPreviewSchema = z.object({
  assessedOn: isoDate.optional(),
  items: assessmentDecisionFields.items,
});

// ---------------------------------------------------------------- registration (建册)

const obstetricHistory = {
  gravidity: z.number().int('孕次应为整数').min(1, '孕次至少为1（含本次）').max(30, '孕次应不超过30'),
  parity: count('产次', 20),
  previousCaesareans: count('剖宫产次数', 15).default(0),
  spontaneousAbortions: count('自然流产次数', 30).default(0),
  inducedAbortions: count('人工流产次数', 30).default(0),
  pretermBirths: count('早产次数', 20).default(0),
  stillbirths: count('死胎死产次数', 20).default(0),
  birthDefects: count('出生缺陷儿次数', 20).default(0),
  ectopicPregnancies: count('异位妊娠次数', 10).default(0),
  molarPregnancies: count('葡萄胎次数', 10).default(0),
  previousUterineSurgeries: count('子宫手术次数', 20).default(0),
  lastUterineSurgeryOn: isoDate.optional(),
  lastBirthOn: isoDate.optional(),
};

export const ultrasoundDatingSchema = z.object({
  scanDate: isoDate,
  gaWeeks: z.number().int('孕周应为整数').min(4, '超声孕周应在4–20周').max(20, '超声孕周应在4–20周'),
  gaDays: z.number().int('孕天应为整数').min(0, '孕天应为0–6').max(6, '孕天应为0–6').default(0),
  note: text(200).optional(),
});

const body = {
  heightCm: z.number().min(100, '身高应在100–230厘米').max(230, '身高应在100–230厘米').optional(),
  prePregnancyWeightKg: z.number().min(25, '孕前体重应在25–250千克').max(250, '孕前体重应在25–250千克').optional(),
  fetuses: z.number().int('胎数应为整数').min(1, '胎数应为1–8').max(8, '胎数应为1–8').default(1),
};

export const pregnancyCreateSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  personId: uuid,
  registeredOn: isoDate,
  registeringInstitutionId: uuid.optional(),
  handbookNo: text(40).optional(),
  lmp: isoDate.optional(),
  ultrasound: ultrasoundDatingSchema.optional(),
  ...obstetricHistory,
  historyItems: z.array(z.string().trim().min(1).max(100)).max(60).default([]),
  historyNote: text(500).optional(),
  ...body,
  /** A five-colour assessment done at registration, in the same transaction. */
  assessment: assessmentDecisionSchema.optional(),
});
export type PregnancyCreateInput = z.infer<typeof pregnancyCreateSchema>;

export const pregnancyUpdateSchema = z.object({
  version,
  handbookNo: text(40).optional(),
  managingInstitutionId: uuid.optional(),
  lmp: isoDate.optional(),
  ultrasound: ultrasoundDatingSchema.optional(),
  gravidity: obstetricHistory.gravidity.optional(),
  parity: obstetricHistory.parity.optional(),
  previousCaesareans: count('剖宫产次数', 15).optional(),
  spontaneousAbortions: count('自然流产次数', 30).optional(),
  inducedAbortions: count('人工流产次数', 30).optional(),
  pretermBirths: count('早产次数', 20).optional(),
  stillbirths: count('死胎死产次数', 20).optional(),
  birthDefects: count('出生缺陷儿次数', 20).optional(),
  ectopicPregnancies: count('异位妊娠次数', 10).optional(),
  molarPregnancies: count('葡萄胎次数', 10).optional(),
  previousUterineSurgeries: count('子宫手术次数', 20).optional(),
  lastUterineSurgeryOn: isoDate.optional(),
  lastBirthOn: isoDate.optional(),
  historyItems: z.array(z.string().trim().min(1).max(100)).max(60).optional(),
  historyNote: text(500).optional(),
  heightCm: body.heightCm,
  prePregnancyWeightKg: body.prePregnancyWeightKg,
  fetuses: z.number().int().min(1, '胎数应为1–8').max(8, '胎数应为1–8').optional(),
  scheduleId: z
    .enum(
      ['anc-basic-public-health-cn', 'anc-clinical-cma-2018'],
      '产前检查时间表应为基本公卫（5次）或临床指南（2018）',
    )
    .optional(),
});
export type PregnancyUpdateInput = z.infer<typeof pregnancyUpdateSchema>;

export const END_REASONS = [
  'miscarriage',
  'induced_abortion',
  'ectopic',
  'molar',
  'transferred_out',
  'lost_to_follow_up',
  'other',
] as const;

export const pregnancyEndSchema = z.object({
  version,
  reason: z.enum(END_REASONS, '终止原因无效'),
  endedOn: isoDate,
  note: text(500).optional(),
});
export type PregnancyEndInput = z.infer<typeof pregnancyEndSchema>;

export const idParams = z.object({ id: uuid });
export const personIdParams = z.object({ personId: uuid });

// ---------------------------------------------------------------- antenatal visits (产前检查)

export const PRESENTATIONS = ['cephalic', 'breech', 'transverse', 'oblique', 'unknown'] as const;
export const OEDEMA = ['none', '+', '++', '+++', '++++'] as const;
export const URINE_LEVELS = ['negative', 'trace', '1+', '2+', '3+', '4+'] as const;
export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;

export const referralFields = {
  toInstitutionId: uuid.optional(),
  toInstitutionName: text(100).optional(),
  reason: z.string().trim().min(2, '请填写转诊原因').max(200, '不超过200字'),
  urgency: z.enum(URGENCIES, '紧急程度应为 routine/urgent/emergency').default('routine'),
};
export const visitReferralSchema = z.object(referralFields);

export const labsSchema = z.object({
  hbGL: z
    .number()
    .int('血红蛋白以整数 g/L 填写')
    .min(20, '血红蛋白应在20–250 g/L')
    .max(250, '血红蛋白应在20–250 g/L')
    .optional(),
  plateletsE9L: z.number().min(0, '血小板应在0–2000×10⁹/L').max(2000, '血小板应在0–2000×10⁹/L').optional(),
  urineProtein: z.enum(URINE_LEVELS, '尿蛋白结果无效').optional(),
  urineGlucose: z.enum(URINE_LEVELS, '尿糖结果无效').optional(),
  fastingGlucoseMmolL: z.number().min(0.5, '空腹血糖应在0.5–50 mmol/L').max(50, '空腹血糖应在0.5–50 mmol/L').optional(),
  bloodGroup: z.enum(['A', 'B', 'O', 'AB'], '血型应为 A/B/O/AB').optional(),
  rh: z.enum(['positive', 'negative'], 'Rh 应为 positive/negative').optional(),
  ogtt: z
    .object({
      fastingMmolL: z.number().min(0.5, 'OGTT 值应在0.5–60 mmol/L').max(50).optional(),
      oneHourMmolL: z.number().min(0.5, 'OGTT 值应在0.5–60 mmol/L').max(60).optional(),
      twoHourMmolL: z.number().min(0.5, 'OGTT 值应在0.5–60 mmol/L').max(60).optional(),
    })
    .optional(),
  altUL: z.number().min(0, 'ALT 不能为负').max(5000).optional(),
  astUL: z.number().min(0, 'AST 不能为负').max(5000).optional(),
  totalBilirubinUmolL: z.number().min(0).max(1000).optional(),
  creatinineUmolL: z.number().min(5, '肌酐应在5–3000 µmol/L').max(3000, '肌酐应在5–3000 µmol/L').optional(),
  ureaMmolL: z.number().min(0).max(100).optional(),
  spo2: z.number().min(30, '血氧饱和度应在30–100%').max(100, '血氧饱和度应在30–100%').optional(),
});
export type Labs = z.infer<typeof labsSchema>;

const epdsScores = z
  .array(z.number().int('EPDS 每项为0–3的整数').min(0, 'EPDS 每项为0–3').max(3, 'EPDS 每项为0–3'))
  .length(10, 'EPDS 应有10个条目');

export const ancVisitSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  visitDate: isoDate,
  institutionId: uuid.optional(),
  examiner: text(50).optional(),
  weightKg: z.number().min(25, '体重应在25–300千克').max(300, '体重应在25–300千克').optional(),
  systolicMmHg: z.number().int().min(50, '收缩压应在50–300 mmHg').max(300, '收缩压应在50–300 mmHg').optional(),
  diastolicMmHg: z.number().int().min(20, '舒张压应在20–200 mmHg').max(200, '舒张压应在20–200 mmHg').optional(),
  fundalHeightCm: z.number().min(5, '宫高应在5–50厘米').max(50, '宫高应在5–50厘米').optional(),
  abdominalCircumferenceCm: z.number().min(50, '腹围应在50–160厘米').max(160, '腹围应在50–160厘米').optional(),
  fetalHeartRates: z
    .array(z.number().int().min(60, '胎心率应在60–220次/分').max(220, '胎心率应在60–220次/分'))
    .max(8)
    .optional(),
  presentation: z.enum(PRESENTATIONS, '胎位无效').optional(),
  oedema: z.enum(OEDEMA, '水肿程度无效').optional(),
  labs: labsSchema.optional(),
  ultrasound: text(1000).optional(),
  findings: text(1000).optional(),
  advice: text(1000).optional(),
  /** Facts for the hypertensive-disorder classification the clinician knows (not measured here). */
  hypertension: z
    .object({
      beforePregnancy: z.boolean().optional(),
      proteinuria: z.boolean().optional(),
      severeFeatures: z.boolean().optional(),
      seizures: z.boolean().optional(),
    })
    .optional(),
  epdsScores: epdsScores.optional(),
  /** The intervention or referral for a positive EPDS (required then, unless a referral is made at the visit). */
  epdsAction: text(500).optional(),
  referral: visitReferralSchema.optional(),
  nextAppointment: isoDate.optional(),
  assessment: assessmentDecisionSchema.optional(),
});
export type AncVisitInput = z.infer<typeof ancVisitSchema>;

export const ancVisitUpdateSchema = ancVisitSchema
  .omit({ id: true, referral: true, assessment: true })
  .extend({ version });
export type AncVisitUpdateInput = z.infer<typeof ancVisitUpdateSchema>;

export const listPagination = z.object({ ...pagination });

// ---------------------------------------------------------------- high-risk cases, reports, referrals

export const CLOSE_REASONS = [
  'delivered_assessed',
  'risk_resolved',
  'transferred',
  'pregnancy_ended',
  'death',
  'other',
] as const;

export const caseUpdateSchema = z.object({
  version,
  managingInstitutionId: uuid.optional(),
  plan: text(2000).optional(),
  emergencyPlan: text(2000).optional(),
  deliveryHospitalId: uuid.optional(),
  nextFollowUpDue: isoDate.optional(),
});
export type CaseUpdateInput = z.infer<typeof caseUpdateSchema>;

export const caseFollowupSchema = z.object({
  id: uuid.optional(),
  followupDate: isoDate,
  method: z.enum(['clinic', 'phone', 'home', 'other'], '随访方式无效').optional(),
  institutionId: uuid.optional(),
  condition: text(1000).optional(),
  management: text(1000).optional(),
  nextDue: isoDate.optional(),
});
export type CaseFollowupInput = z.infer<typeof caseFollowupSchema>;

export const caseCloseSchema = z.object({
  version,
  closedOn: isoDate,
  reason: z.enum(CLOSE_REASONS, '结案原因无效'),
  note: text(500).optional(),
});
export type CaseCloseInput = z.infer<typeof caseCloseSchema>;

export const referralCreateSchema = z.object({
  id: uuid.optional(),
  referredOn: isoDate,
  ...referralFields,
  caseId: uuid.optional(),
  sourceKind: z.enum(['screening', 'prenatal_screening', 'other'], '转诊来源无效').optional(),
});
export type ReferralCreateInput = z.infer<typeof referralCreateSchema> & { caseId?: string | undefined };

export const referralReceiveSchema = z.object({ version, receivedOn: isoDate });
export const referralOutcomeSchema = z.object({
  version,
  outcomeOn: isoDate,
  outcome: z.string().trim().min(2, '请填写诊疗结果').max(1000, '不超过1000字'),
});
export const referralListSchema = z.object({
  status: z.enum(['sent', 'received', 'returned'], '状态无效').optional(),
  institutionId: uuid.optional(),
  direction: z.enum(['to', 'from']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const ledgerSchema = z.object({
  colour: z.enum(['yellow', 'orange', 'red', 'purple'], '颜色无效').optional(),
  status: z.enum(['open', 'closed'], '专案状态无效').optional(),
  institutionId: uuid.optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, '乡镇区划代码应为9位数字')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  weeksFrom: z.coerce.number().int().min(0).max(45).optional(),
  weeksTo: z.coerce.number().int().min(0).max(45).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  reportPending: z.enum(['true', 'false']).optional(),
  sort: z.enum(['openedOn', 'colour', 'edd', 'reportDue', 'name'], '排序字段无效').optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...pagination,
});
export type LedgerFilter = z.infer<typeof ledgerSchema>;

// ---------------------------------------------------------------- delivery, birth outcomes, postpartum (M8 M2 W3)

/** 'HH:MM' (24 h). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const DELIVERY_PLACES = ['institution', 'home', 'en_route', 'other'] as const;
export const DELIVERY_MODES = ['spontaneous', 'forceps', 'vacuum', 'breech', 'caesarean'] as const;
export const COMPLICATIONS = [
  'pph',
  'eclampsia',
  'severe_preeclampsia',
  'uterine_rupture',
  'placental_abruption',
  'placenta_praevia',
  'amniotic_fluid_embolism',
  'severe_perineal_tear',
  'puerperal_infection',
  'dic',
  'other',
] as const;
export const MATERNAL_CONDITIONS = ['good', 'complicated', 'referred', 'died'] as const;

export const babySchema = z.object({
  outcome: z.enum(['live_birth', 'fetal_death', 'stillbirth'], '妊娠结局应为 live_birth/fetal_death/stillbirth'),
  sex: z.enum(['male', 'female', 'unknown'], '性别应为 male/female/unknown'),
  name: z.string().trim().min(1).max(50, '姓名过长').optional(),
  weightG: z
    .number()
    .int('出生体重以克为单位的整数')
    .min(100, '出生体重应在100–8000克')
    .max(8000, '出生体重应在100–8000克')
    .optional(),
  lengthCm: z.number().min(15, '身长应在15–70厘米').max(70, '身长应在15–70厘米').optional(),
  apgar1: z.number().int().min(0, 'Apgar评分应为0–10').max(10, 'Apgar评分应为0–10').optional(),
  apgar5: z.number().int().min(0, 'Apgar评分应为0–10').max(10, 'Apgar评分应为0–10').optional(),
  apgar10: z.number().int().min(0, 'Apgar评分应为0–10').max(10, 'Apgar评分应为0–10').optional(),
  defects: z.array(text(100)).max(20).default([]),
  resuscitation: z.boolean().default(false),
  /** A live-born baby who died before leaving the delivery (neonatal death recorded at delivery). */
  diedOn: isoDate.optional(),
  diedTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
    .optional(),
});
export type BabyInput = z.infer<typeof babySchema>;

export const deliverySchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  deliveryDate: isoDate,
  deliveryTime: clockTime.optional(),
  place: z.enum(DELIVERY_PLACES, '分娩地点应为 institution/home/en_route/other'),
  institutionId: uuid.optional(),
  mode: z.enum(DELIVERY_MODES, '分娩方式无效'),
  caesareanIndication: text(200).optional(),
  caesareanNoMedicalIndication: z.boolean().default(false),
  complications: z.array(z.enum(COMPLICATIONS, '并发症代码无效')).max(11).default([]),
  bloodLossMl: z.number().int().min(0, '出血量应在0–20000毫升').max(20000, '出血量应在0–20000毫升').optional(),
  maternalCondition: z.enum(MATERNAL_CONDITIONS, '产妇情况无效'),
  dischargedOn: isoDate.optional(),
  attendant: text(50).optional(),
  note: text(1000).optional(),
  babies: z.array(babySchema).min(1, '请至少填写一个新生儿').max(8, '胎数应为1–8'),
});
export type DeliveryInput = z.infer<typeof deliverySchema>;

export const dischargeSchema = z.object({ version, dischargedOn: isoDate });

export const postpartumVisitSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（用于重试时幂等）'),
  kind: z.enum(['home_visit', 'day42_check', 'extra'], '访视类型应为 home_visit/day42_check/extra'),
  visitDate: isoDate,
  institutionId: uuid.optional(),
  examiner: text(50).optional(),
  temperatureC: z.number().min(34, '体温应在34–43℃').max(43, '体温应在34–43℃').optional(),
  systolicMmHg: z.number().int().min(50, '收缩压应在50–300 mmHg').max(300).optional(),
  diastolicMmHg: z.number().int().min(20, '舒张压应在20–200 mmHg').max(200).optional(),
  hbGL: z.number().int().min(20, '血红蛋白应在20–250 g/L').max(250, '血红蛋白应在20–250 g/L').optional(),
  breasts: text(200).optional(),
  lochia: text(200).optional(),
  uterus: text(200).optional(),
  wound: text(200).optional(),
  findings: text(1000).optional(),
  breastfeeding: z.enum(['exclusive', 'mixed', 'formula', 'none'], '喂养方式无效').optional(),
  epdsScores: epdsScores.optional(),
  epdsAction: text(500).optional(),
  contraceptionCounselled: z.boolean().optional(),
  contraceptionMethod: text(100).optional(),
  pelvicFloor: z.enum(['normal', 'abnormal', 'referred', 'not_done'], '盆底功能筛查结果无效').optional(),
  assessment: z.enum(['recovered', 'abnormal'], '产后评估结果应为 recovered/abnormal').optional(),
  advice: text(1000).optional(),
  referral: visitReferralSchema.optional(),
  nextAppointment: isoDate.optional(),
  riskAssessment: assessmentDecisionSchema.optional(),
});
export type PostpartumVisitInput = z.infer<typeof postpartumVisitSchema>;

// ---------------------------------------------------------------- PMTCT (W4; permission pmtct)

export const pmtctTestSchema = z.object({
  id: uuid.optional(),
  infection: z.enum(['hiv', 'syphilis', 'hbv'], '检测项目应为 hiv/syphilis/hbv'),
  testedOn: isoDate,
  result: z.enum(['positive', 'negative', 'indeterminate'], '结果应为 positive/negative/indeterminate'),
  method: text(100).optional(),
  titre: text(40).optional(),
  hbeagPositive: z.boolean().optional(),
  hbvDnaIuPerMl: z.number().min(0).max(1e12).optional(),
  atLabour: z.boolean().default(false),
  note: text(500).optional(),
});
export type PmtctTestInput = z.infer<typeof pmtctTestSchema>;

export const pmtctTreatmentSchema = z.object({
  version,
  infection: z.enum(['hiv', 'syphilis', 'hbv'], '感染类型应为 hiv/syphilis/hbv'),
  dutyCode: text(60).optional(),
  kind: z.enum(['art', 'penicillin_course', 'hbv_antiviral', 'other'], '治疗类型无效'),
  startedOn: isoDate,
  detail: text(500).optional(),
  hivExposure: z.enum(['standard', 'high']).optional(),
});
export type PmtctTreatmentInput = z.infer<typeof pmtctTreatmentSchema>;

// ---------------------------------------------------------------- prenatal screening and diagnosis (B3)

const riskBand = z.enum(['low', 'intermediate', 'high'], '风险应为 low/intermediate/high').optional();
export const prenatalScreeningSchema = z.object({
  id: uuid.optional(),
  method: z.enum(['serum_first', 'serum_second', 'cfdna', 'ultrasound_markers'], '筛查方法无效'),
  screenedOn: isoDate,
  institutionId: uuid.optional(),
  t21: riskBand,
  t18: riskBand,
  ntd: riskBand,
  resultNote: text(500).optional(),
});
export type PrenatalScreeningInput = z.infer<typeof prenatalScreeningSchema>;

export const prenatalDiagnosisSchema = z.object({
  version,
  diagnosisMethod: z.enum(['amniocentesis', 'cvs', 'cord_blood'], '取材方法无效').optional(),
  diagnosisTest: z.enum(['karyotype', 'cma', 'other'], '检测方法无效').optional(),
  diagnosedOn: isoDate.optional(),
  diagnosisResult: text(500).optional(),
  counsellingOutcome: text(500).optional(),
});
export type PrenatalDiagnosisInput = z.infer<typeof prenatalDiagnosisSchema>;

// ---------------------------------------------------------------- maternal death (M6 M7)

export const DEATH_PLACES = [
  'provincial_city_hospital',
  'county_hospital',
  'township_hc',
  'village_clinic',
  'home',
  'en_route',
  'other',
] as const;
export const REVIEW_STAGES = ['personal_family', 'health_system', 'society'] as const;
export const REVIEW_ASPECTS = ['knowledge_skill', 'attitude', 'resources', 'management'] as const;
export const REVIEW_CELLS = REVIEW_STAGES.flatMap((s) => REVIEW_ASPECTS.map((a) => `${s}.${a}` as const));
/** The death review committees, in the order a death goes up to them. */
export const REVIEW_LEVELS = ['county', 'city', 'province'] as const;
const reviewLevel = z.enum(REVIEW_LEVELS, '评审级别应为 county/city/province');

const deathFields = {
  deathDate: isoDate,
  deathTime: clockTime.optional(),
  deathPlace: z.enum(DEATH_PLACES, '死亡地点无效'),
  deliveryPlace: z.enum(DEATH_PLACES, '分娩地点无效').optional(),
  deliveryDate: isoDate.optional(),
  deliveryMode: text(40).optional(),
  referred: z.boolean().optional(),
  firstInstitution: text(100).optional(),
  antenatalCare: z.boolean().optional(),
  firstVisitGaWeeks: z.number().int().min(0).max(45).optional(),
  visitCount: z.number().int().min(0).max(50).optional(),
  lastVisitInstitution: text(100).optional(),
  education: text(40).optional(),
  incomeBand: text(40).optional(),
  residenceKind: text(40).optional(),
  causeA: text(200).optional(),
  causeB: text(200).optional(),
  causeC: text(200).optional(),
  underlyingCause: z.string().trim().min(2, '请填写根本死因').max(200),
  icd10: z
    .string()
    .trim()
    .regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'ICD-10编码格式应如 O72.1'),
  diagnosisBasis: z.enum(['autopsy', 'pathology', 'clinical', 'inferred'], '诊断依据无效').optional(),
  reporter: text(50).optional(),
  familyPhone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '家属电话应为11位手机号或带区号的固定电话')
    .optional(),
  hukouLocal: z.boolean().optional(),
  planned: z.boolean().optional(),
  gravidity: z.number().int('孕次应为整数').min(1, '孕次应为1–30').max(30, '孕次应为1–30').optional(),
  parity: z.number().int('产次应为整数').min(0, '产次应为0–20').max(20, '产次应为0–20').optional(),
  inducedAbortions: z.number().int().min(0, '人工流产引产次数应为0–30').max(30, '人工流产引产次数应为0–30').optional(),
  lmp: isoDate.optional(),
  deliveryTime: clockTime.optional(),
  newMethodDelivery: z.boolean().optional(),
  birthAttendant: z
    .enum(
      ['doctor', 'midwife', 'village_doctor', 'family', 'self', 'other'],
      '接生者应为 doctor/midwife/village_doctor/family/self/other',
    )
    .optional(),
};
export const maternalDeathSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  pregnancyId: uuid.optional(),
  ...deathFields,
});
export type MaternalDeathInput = z.infer<typeof maternalDeathSchema>;
export const maternalDeathUpdateSchema = z
  .object({ version, ...deathFields })
  .partial()
  .extend({ version });
export type MaternalDeathUpdateInput = z.infer<typeof maternalDeathUpdateSchema>;
export const versionSchema = z.object({ version });

export const deathReviewSchema = z.object({
  level: reviewLevel,
  reviewedOn: isoDate,
  conclusion: z.enum(['avoidable', 'conditionally_avoidable', 'unavoidable'], '评审结论无效'),
  /** The 12-cell grid: stage × aspect → a note on the contributing factor (a cell present means it contributed). */
  factors: z.partialRecord(z.enum(REVIEW_CELLS, '十二格表单元无效'), text(500)).default({}),
  actions: text(2000).optional(),
});
export type DeathReviewInput = z.infer<typeof deathReviewSchema>;

// ---------------------------------------------------------------- schedule by region, perinatal deaths

export const SCHEDULE_IDS = ['anc-basic-public-health-cn', 'anc-clinical-cma-2018'] as const;
export const scheduleChoiceSchema = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '区划代码应为6位数字（省、市或县）'),
  scheduleId: z.enum(SCHEDULE_IDS, '产前检查时间表应为基本公卫（5次）或临床指南（2018）'),
  note: text(200).optional(),
});
export const regionCodeParams = z.object({ regionCode: z.string().regex(/^\d{6}$/, '区划代码应为6位数字') });
export const perinatalDeathListSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Stillbirths by review status (neonatal deaths are reviewed on the child's death card and are left out). */
  review: z.enum(['pending', 'reviewed'], '评审状态应为 pending/reviewed').optional(),
});
/**
 * The review of a perinatal stillbirth / fetal death: the child and maternal death review's fields and
 * classification, and the version of the review being changed (absent when recording the first one).
 */
export const perinatalReviewSchema = deathReviewSchema.extend({
  version: version.optional(),
});
export type PerinatalReviewInput = z.infer<typeof perinatalReviewSchema>;
/** One committee level's review of a birth outcome. */
export const perinatalReviewParams = z.object({ id: uuid, level: reviewLevel });
