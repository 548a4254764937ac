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
  // maternal care
  personId: '人员',
  registeredOn: '建册日期',
  registeringInstitutionId: '建册机构',
  managingInstitutionId: '管理机构',
  handbookNo: '母子健康手册编号',
  lmp: '末次月经',
  edd: '预产期',
  ultrasound: '孕早期超声',
  scanDate: '超声检查日期',
  gaWeeks: '超声孕周',
  gaDays: '超声孕天',
  gravidity: '孕次',
  parity: '产次',
  previousCaesareans: '剖宫产次数',
  spontaneousAbortions: '自然流产次数',
  inducedAbortions: '人工流产次数',
  pretermBirths: '早产次数',
  stillbirths: '死胎死产次数',
  ectopicPregnancies: '异位妊娠次数',
  molarPregnancies: '葡萄胎次数',
  previousUterineSurgeries: '子宫手术次数',
  lastUterineSurgeryOn: '末次子宫手术日期',
  lastBirthOn: '末次分娩日期',
  historyItems: '筛查表既往史条目',
  heightCm: '身高',
  prePregnancyWeightKg: '孕前体重',
  fetuses: '胎数',
  visitDate: '检查日期',
  weightKg: '体重',
  systolicMmHg: '收缩压',
  diastolicMmHg: '舒张压',
  fundalHeightCm: '宫高',
  abdominalCircumferenceCm: '腹围',
  fetalHeartRates: '胎心率',
  presentation: '胎位',
  oedema: '水肿',
  hbGL: '血红蛋白',
  plateletsE9L: '血小板',
  urineProtein: '尿蛋白',
  epdsScores: 'EPDS评分',
  nextAppointment: '下次预约日期',
  assessedOn: '评估日期',
  items: '勾选条目',
  overrideReason: '调整颜色的理由',
  endedOn: '终止日期',
  referredOn: '转诊日期',
  toInstitutionId: '转入机构',
  urgency: '紧急程度',
  deliveryDate: '分娩日期',
  babies: '新生儿',
  weightG: '出生体重',
  deathDate: '死亡日期',
  icd10: 'ICD-10编码',
  conclusion: '评审结论',
  // child health
  registrationReason: '登记原因',
  gestationalWeeks: '出生孕周',
  gestationalDays: '孕周（天）',
  birthWeightG: '出生体重',
  birthLengthCm: '出生身长',
  birthHeadCm: '出生头围',
  apgar1: 'Apgar评分（1分钟）',
  apgar5: 'Apgar评分（5分钟）',
  apgar10: 'Apgar评分（10分钟）',
  multipleBirth: '胎数',
  birthOrder: '出生顺序',
  birthInstitutionId: '出生机构',
  dischargedOn: '出院日期',
  healthHandbookNo: '儿童保健手册编号',
  vaccinationHandbookNo: '预防接种证编号',
  lengthCm: '身长/身高',
  headCm: '头围',
  exclusiveBreastfeeding: '纯母乳喂养',
  vitaminDIu: '维生素D',
  outdoorHours: '户外活动',
  warningSigns: '发育预警征象',
  followupDate: '随访日期',
  openedOn: '建案日期',
  closedOn: '结案日期',
  outcome: '转归',
  receiptOn: '回执日期',
  screenedOn: '筛查日期',
  followUpDue: '随访日期',
  infections: '母亲感染',
  deathPlace: '死亡地点',
  underlyingCause: '根本死因',
  evaluatedOn: '评估日期',
  assessor: '评估人',
  township: '乡镇',
  // women's health (two-cancer screening)
  kind: '类别',
  method: '方法',
  screeningDate: '筛查日期',
  cohort: '人群类别',
  funded: '免费项目',
  examiner: '检查者',
  hpvTypes: 'HPV阳性型别',
  cytology: '细胞学（TBS）',
  viaVili: 'VIA/VILI',
  colposcopy: '阴道镜',
  histopathology: '组织病理',
  clinicalFindings: '临床检查所见',
  highRiskFactors: '高危因素',
  ultrasoundBirads: '超声BI-RADS',
  mammographyBirads: '乳腺X线BI-RADS',
  seniorReview: '专家会诊',
  breastPathology: '乳腺病理',
  event: '操作',
  date: '日期',
  exam: '检查项目',
  result: '结果',
  earlyStage: '早期',
  note: '备注',
  countyCode: '县区',
  year: '年份',
  women3564: '35–64岁妇女人数',
  ruralWomen3564: '农村35–64岁妇女人数',
  source: '数据来源',
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
