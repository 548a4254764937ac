/**
 * Free preconception eugenic health check (国家免费孕前优生健康检查, capability B2): the 19 basic service items,
 * the risk assessment (一般人群 low risk / 高风险人群 high risk with factor codes), and folic acid supplementation
 * (增补叶酸预防神经管缺陷: 0.4 mg daily from 3 months before pregnancy to the end of the third month of pregnancy).
 */
import type { WomenCodeLabel, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addDays, addMonths, diffDays, isIsoDate } from './women-dates';

/** Groups of the 19 service items. */
export type PreconceptionItemGroup = 'education' | 'questionnaire' | 'exam' | 'lab' | 'assessment' | 'follow_up';

/** One of the basic service items. */
export interface PreconceptionServiceItem extends WomenCodeLabel {
  /** Number in the national list (1–19). */
  no: number;
  group: PreconceptionItemGroup;
  /** Who receives it: both partners, or the woman only [R]. */
  appliesTo: 'both' | 'female';
}

/** The service-item list as configuration. */
export interface PreconceptionServiceItemsConfig extends WomenRuleSet {
  items: readonly PreconceptionServiceItem[];
}

/**
 * The national 19 items [C: the list, from several reproductions of the programme]; which items the man receives
 * [R: one reproduction only].
 */
export const PRECONCEPTION_SERVICE_ITEMS_NATIONAL: PreconceptionServiceItemsConfig = {
  meta: nationalMeta(
    'preconception-service-items',
    '2010',
    'R',
    ['国家免费孕前优生健康检查项目试点工作技术服务规范（试行）(2010)', 'WS/T 377.8-2020 孕前健康检查'],
    'The per-sex split of the items.',
  ),
  items: [
    {
      no: 1,
      code: 'health_education',
      zh: '优生健康教育',
      en: 'Health education for healthy births',
      group: 'education',
      appliesTo: 'both',
    },
    { no: 2, code: 'history', zh: '病史询问', en: 'Medical history', group: 'questionnaire', appliesTo: 'both' },
    {
      no: 3,
      code: 'physical_exam',
      zh: '体格检查',
      en: 'Physical examination (incl. genital)',
      group: 'exam',
      appliesTo: 'both',
    },
    {
      no: 4,
      code: 'vaginal_discharge',
      zh: '阴道分泌物检查',
      en: 'Vaginal discharge (incl. gonococcus, chlamydia)',
      group: 'lab',
      appliesTo: 'female',
    },
    { no: 5, code: 'blood_routine', zh: '血液常规检验', en: 'Full blood count', group: 'lab', appliesTo: 'female' },
    { no: 6, code: 'urine_routine', zh: '尿液常规检验', en: 'Urinalysis', group: 'lab', appliesTo: 'both' },
    { no: 7, code: 'blood_group', zh: '血型（ABO、Rh）', en: 'Blood group (ABO, Rh)', group: 'lab', appliesTo: 'both' },
    { no: 8, code: 'glucose', zh: '血清葡萄糖测定', en: 'Serum glucose', group: 'lab', appliesTo: 'female' },
    { no: 9, code: 'alt', zh: '肝功能检测（谷丙转氨酶）', en: 'Liver function (ALT)', group: 'lab', appliesTo: 'both' },
    {
      no: 10,
      code: 'hbv_five',
      zh: '乙型肝炎血清学五项检测',
      en: 'Hepatitis B serology (five markers)',
      group: 'lab',
      appliesTo: 'both',
    },
    {
      no: 11,
      code: 'creatinine',
      zh: '肾功能检测（肌酐）',
      en: 'Kidney function (creatinine)',
      group: 'lab',
      appliesTo: 'both',
    },
    {
      no: 12,
      code: 'tsh',
      zh: '甲状腺功能检测（促甲状腺激素）',
      en: 'Thyroid function (TSH)',
      group: 'lab',
      appliesTo: 'female',
    },
    {
      no: 13,
      code: 'syphilis',
      zh: '梅毒螺旋体筛查',
      en: 'Treponema pallidum screening',
      group: 'lab',
      appliesTo: 'both',
    },
    { no: 14, code: 'rubella_igg', zh: '风疹病毒IgG抗体测定', en: 'Rubella IgG', group: 'lab', appliesTo: 'female' },
    {
      no: 15,
      code: 'cmv',
      zh: '巨细胞病毒IgM抗体和IgG抗体测定',
      en: 'Cytomegalovirus IgM and IgG',
      group: 'lab',
      appliesTo: 'female',
    },
    {
      no: 16,
      code: 'toxoplasma',
      zh: '弓形体IgM和IgG抗体测定',
      en: 'Toxoplasma IgM and IgG',
      group: 'lab',
      appliesTo: 'female',
    },
    {
      no: 17,
      code: 'gyn_ultrasound',
      zh: '妇科超声常规检查',
      en: 'Gynaecological ultrasound',
      group: 'exam',
      appliesTo: 'female',
    },
    {
      no: 18,
      code: 'risk_assessment',
      zh: '风险评估和咨询指导',
      en: 'Risk assessment and counselling',
      group: 'assessment',
      appliesTo: 'both',
    },
    {
      no: 19,
      code: 'pregnancy_follow_up',
      zh: '早孕和妊娠结局跟踪随访',
      en: 'Early-pregnancy and outcome follow-up',
      group: 'follow_up',
      appliesTo: 'both',
    },
  ],
};

/** The items one partner receives, optionally of one group. */
export function preconceptionItemsFor(
  sex: 'female' | 'male',
  group?: PreconceptionItemGroup,
  config: PreconceptionServiceItemsConfig = PRECONCEPTION_SERVICE_ITEMS_NATIONAL,
): PreconceptionServiceItem[] {
  return config.items.filter((i) => (i.appliesTo === 'both' || sex === 'female') && (!group || i.group === group));
}

/** Risk factors of the preconception risk assessment. */
export type PreconceptionRiskFactor =
  // computed from the examination and laboratory results
  | 'rubella_susceptible'
  | 'cmv_recent_infection'
  | 'toxoplasma_recent_infection'
  | 'syphilis_positive'
  | 'hbv_infection'
  | 'genital_tract_infection'
  | 'anaemia'
  | 'hyperglycaemia'
  | 'thyroid_abnormal'
  | 'liver_function_abnormal'
  | 'kidney_function_abnormal'
  | 'rh_negative'
  | 'bmi_abnormal'
  | 'hypertension'
  | 'gyn_ultrasound_abnormal'
  | 'advanced_maternal_age'
  // ticked from the questionnaire / clinician
  | 'genetic_family_history'
  | 'consanguinity'
  | 'adverse_pregnancy_history'
  | 'chronic_disease'
  | 'teratogenic_medication'
  | 'smoking'
  | 'alcohol'
  | 'drug_use'
  | 'hazardous_exposure'
  | 'psychosocial_stress';

/** zh/en labels of {@link PreconceptionRiskFactor}. */
export const PRECONCEPTION_RISK_FACTOR_LABELS: Record<PreconceptionRiskFactor, { zh: string; en: string }> = {
  rubella_susceptible: { zh: '风疹病毒易感（IgG阴性）', en: 'Rubella susceptible (IgG negative)' },
  cmv_recent_infection: { zh: '巨细胞病毒近期感染（IgM阳性）', en: 'Recent CMV infection (IgM positive)' },
  toxoplasma_recent_infection: { zh: '弓形体近期感染（IgM阳性）', en: 'Recent toxoplasma infection (IgM positive)' },
  syphilis_positive: { zh: '梅毒螺旋体阳性', en: 'Syphilis positive' },
  hbv_infection: { zh: '乙肝表面抗原阳性', en: 'HBsAg positive' },
  genital_tract_infection: { zh: '生殖道感染（淋球菌/沙眼衣原体等）', en: 'Genital tract infection' },
  anaemia: { zh: '贫血', en: 'Anaemia' },
  hyperglycaemia: { zh: '血糖升高', en: 'Raised blood glucose' },
  thyroid_abnormal: { zh: '甲状腺功能异常', en: 'Abnormal thyroid function' },
  liver_function_abnormal: { zh: '肝功能异常', en: 'Abnormal liver function' },
  kidney_function_abnormal: { zh: '肾功能异常', en: 'Abnormal kidney function' },
  rh_negative: { zh: 'Rh阴性血型', en: 'Rh negative' },
  bmi_abnormal: { zh: '体重指数异常（消瘦或肥胖）', en: 'Abnormal BMI (under- or overweight)' },
  hypertension: { zh: '血压升高', en: 'Raised blood pressure' },
  gyn_ultrasound_abnormal: { zh: '妇科超声异常', en: 'Abnormal gynaecological ultrasound' },
  advanced_maternal_age: { zh: '高龄（女方≥35岁）', en: 'Advanced maternal age (≥35)' },
  genetic_family_history: { zh: '遗传病史或家族史', en: 'Genetic disease history or family history' },
  consanguinity: { zh: '近亲结婚', en: 'Consanguineous couple' },
  adverse_pregnancy_history: { zh: '不良孕产史', en: 'Adverse pregnancy history' },
  chronic_disease: { zh: '慢性疾病史', en: 'Chronic disease' },
  teratogenic_medication: { zh: '使用可能致畸的药物', en: 'Possibly teratogenic medication' },
  smoking: { zh: '吸烟（含被动吸烟）', en: 'Smoking (incl. passive)' },
  alcohol: { zh: '饮酒', en: 'Alcohol use' },
  drug_use: { zh: '吸毒', en: 'Drug use' },
  hazardous_exposure: { zh: '有毒有害物质暴露（职业或环境）', en: 'Hazardous occupational/environmental exposure' },
  psychosocial_stress: { zh: '心理社会压力', en: 'Psychosocial stress' },
};

/** Serology result. */
export type SerologyResult = 'positive' | 'negative';

/** Examination and laboratory values used by {@link assessPreconceptionRisk}; omit what was not done. */
export interface PreconceptionCheckValues {
  sex: 'female' | 'male';
  ageYears?: number;
  rubellaIgG?: SerologyResult;
  cmvIgM?: SerologyResult;
  toxoplasmaIgM?: SerologyResult;
  syphilis?: SerologyResult;
  hbsag?: SerologyResult;
  gonococcus?: SerologyResult;
  chlamydia?: SerologyResult;
  haemoglobinGPerL?: number;
  fastingGlucoseMmolPerL?: number;
  tshMIUPerL?: number;
  altUPerL?: number;
  creatinineUmolPerL?: number;
  rh?: SerologyResult;
  bmi?: number;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  gynUltrasoundAbnormal?: boolean;
  /** Factors ticked from the questionnaire or by the clinician. */
  reported?: readonly PreconceptionRiskFactor[];
}

/** Cut-offs of the computable risk factors. */
export interface PreconceptionRiskConfig extends WomenRuleSet {
  haemoglobinMinFemaleGPerL: number;
  haemoglobinMinMaleGPerL: number;
  /** Fasting glucose at or above this is raised. */
  fastingGlucoseMaxMmolPerL: number;
  /** TSH reference range (laboratory-specific). */
  tshRangeMIUPerL: readonly [number, number];
  altMaxUPerL: number;
  creatinineMaxFemaleUmolPerL: number;
  creatinineMaxMaleUmolPerL: number;
  /** BMI below the first or at/above the second is abnormal. */
  bmiRange: readonly [number, number];
  systolicMaxMmHg: number;
  diastolicMaxMmHg: number;
  /** Woman's age at or above which advanced maternal age applies. */
  advancedMaternalAge: number;
}

/**
 * Default cut-offs [R/L]: Hb <110 (women) / <120 (men) g/L; fasting glucose ≥7.0 mmol/L; TSH 0.27–4.2 mIU/L;
 * ALT >40 U/L; creatinine >97 (women) / >106 (men) µmol/L; BMI <18.5 or ≥28; BP ≥140/90; woman ≥35 years.
 * Laboratories differ: configure with the lab's reference ranges.
 */
export const PRECONCEPTION_RISK_DEFAULT: PreconceptionRiskConfig = {
  meta: nationalMeta(
    'preconception-risk',
    '2010',
    'L',
    ['国家免费孕前优生健康检查项目试点工作技术服务规范（试行）(2010)', 'laboratory reference ranges'],
    'All numeric cut-offs; use the laboratory reference ranges of the region.',
  ),
  haemoglobinMinFemaleGPerL: 110,
  haemoglobinMinMaleGPerL: 120,
  fastingGlucoseMaxMmolPerL: 7.0,
  tshRangeMIUPerL: [0.27, 4.2],
  altMaxUPerL: 40,
  creatinineMaxFemaleUmolPerL: 97,
  creatinineMaxMaleUmolPerL: 106,
  bmiRange: [18.5, 28],
  systolicMaxMmHg: 140,
  diastolicMaxMmHg: 90,
  advancedMaternalAge: 35,
};

/** Result of {@link assessPreconceptionRisk}. */
export interface PreconceptionRiskAssessment {
  /** 'high' (高风险人群) when any factor is present, else 'low' (一般人群). */
  level: 'low' | 'high';
  factors: PreconceptionRiskFactor[];
}

/**
 * Preconception risk assessment: computes the factors the values show and adds the reported ones; any factor makes
 * the person high-risk (needing counselling and targeted guidance).
 * @example assessPreconceptionRisk({ sex: 'female', rubellaIgG: 'negative' }) // { level: 'high', factors: ['rubella_susceptible'] }
 */
export function assessPreconceptionRisk(
  v: PreconceptionCheckValues,
  config: PreconceptionRiskConfig = PRECONCEPTION_RISK_DEFAULT,
): PreconceptionRiskAssessment {
  const f = new Set<PreconceptionRiskFactor>();
  const female = v.sex === 'female';
  if (female && v.rubellaIgG === 'negative') f.add('rubella_susceptible');
  if (v.cmvIgM === 'positive') f.add('cmv_recent_infection');
  if (v.toxoplasmaIgM === 'positive') f.add('toxoplasma_recent_infection');
  if (v.syphilis === 'positive') f.add('syphilis_positive');
  if (v.hbsag === 'positive') f.add('hbv_infection');
  if (v.gonococcus === 'positive' || v.chlamydia === 'positive') f.add('genital_tract_infection');
  const hbMin = female ? config.haemoglobinMinFemaleGPerL : config.haemoglobinMinMaleGPerL;
  if (v.haemoglobinGPerL !== undefined && v.haemoglobinGPerL < hbMin) f.add('anaemia');
  if (v.fastingGlucoseMmolPerL !== undefined && v.fastingGlucoseMmolPerL >= config.fastingGlucoseMaxMmolPerL) {
    f.add('hyperglycaemia');
  }
  if (
    v.tshMIUPerL !== undefined &&
    (v.tshMIUPerL < config.tshRangeMIUPerL[0] || v.tshMIUPerL > config.tshRangeMIUPerL[1])
  ) {
    f.add('thyroid_abnormal');
  }
  if (v.altUPerL !== undefined && v.altUPerL > config.altMaxUPerL) f.add('liver_function_abnormal');
  const crMax = female ? config.creatinineMaxFemaleUmolPerL : config.creatinineMaxMaleUmolPerL;
  if (v.creatinineUmolPerL !== undefined && v.creatinineUmolPerL > crMax) f.add('kidney_function_abnormal');
  if (v.rh === 'negative') f.add('rh_negative');
  if (v.bmi !== undefined && (v.bmi < config.bmiRange[0] || v.bmi >= config.bmiRange[1])) f.add('bmi_abnormal');
  if (
    (v.systolicMmHg !== undefined && v.systolicMmHg >= config.systolicMaxMmHg) ||
    (v.diastolicMmHg !== undefined && v.diastolicMmHg >= config.diastolicMaxMmHg)
  ) {
    f.add('hypertension');
  }
  if (female && v.gynUltrasoundAbnormal) f.add('gyn_ultrasound_abnormal');
  if (female && v.ageYears !== undefined && v.ageYears >= config.advancedMaternalAge) f.add('advanced_maternal_age');
  for (const r of v.reported ?? []) f.add(r);
  const order = Object.keys(PRECONCEPTION_RISK_FACTOR_LABELS) as PreconceptionRiskFactor[];
  const factors = order.filter((k) => f.has(k));
  return { level: factors.length > 0 ? 'high' : 'low', factors };
}

/** Folic acid supplementation rules. */
export interface FolicAcidConfig extends WomenRuleSet {
  /** Daily dose (mg). */
  dailyDoseMg: number;
  /** Start this many months before the (planned) start of pregnancy. */
  monthsBeforePregnancy: number;
  /** Continue until this many months into pregnancy. */
  monthsIntoPregnancy: number;
  /** Tablets in one dispensed bottle [L]. */
  tabletsPerPack: number;
  /** Strength of one tablet (mg). */
  tabletStrengthMg: number;
  /** Share of expected days taken at or above which she is adherent [L]. */
  adherentMinShare: number;
}

/**
 * National folic acid programme (增补叶酸预防神经管缺陷项目, 2009): 0.4 mg daily from 3 months before pregnancy to
 * 3 months into pregnancy [C: seeds 000–004 name the programme; dose and window are the programme's well-known
 * rule, R]; 31-tablet bottles and the 80% adherence cut-off are local conventions [L].
 */
export const FOLIC_ACID_NATIONAL: FolicAcidConfig = {
  meta: nationalMeta(
    'folic-acid',
    '2009',
    'R',
    ['增补叶酸预防神经管缺陷项目管理方案 (2009)', 'seeds 000, 001, 002, 004'],
    'Pack size and the 80% adherence threshold are local.',
  ),
  dailyDoseMg: 0.4,
  monthsBeforePregnancy: 3,
  monthsIntoPregnancy: 3,
  tabletsPerPack: 31,
  tabletStrengthMg: 0.4,
  adherentMinShare: 0.8,
};

/** Result of {@link folicAcidSchedule}. */
export interface FolicAcidSchedule {
  ok: true;
  startDate: string;
  /** Last day of supplementation. */
  endDate: string;
  /** Days from start to end, both included. */
  days: number;
  dailyDoseMg: number;
  tabletsNeeded: number;
  packsNeeded: number;
}

/**
 * Supplementation window and quantity from the planned start of pregnancy (or the LMP once pregnant).
 * @example folicAcidSchedule('2025-06-01') // start '2025-03-01', end '2025-08-31', days 184, packs 6
 */
export function folicAcidSchedule(
  pregnancyStart: string,
  config: FolicAcidConfig = FOLIC_ACID_NATIONAL,
): FolicAcidSchedule | WomenRuleError<'INVALID_DATE'> {
  if (!isIsoDate(pregnancyStart)) {
    return womenRuleError('INVALID_DATE', `日期“${pregnancyStart}”无效`, `Invalid date "${pregnancyStart}"`);
  }
  const startDate = addMonths(pregnancyStart, -config.monthsBeforePregnancy);
  const endExclusive = addMonths(pregnancyStart, config.monthsIntoPregnancy);
  const days = diffDays(startDate, endExclusive);
  const perDay = Math.ceil(config.dailyDoseMg / config.tabletStrengthMg - 1e-9);
  const tabletsNeeded = days * perDay;
  return {
    ok: true,
    startDate,
    endDate: addDays(endExclusive, -1),
    days,
    dailyDoseMg: config.dailyDoseMg,
    tabletsNeeded,
    packsNeeded: Math.ceil(tabletsNeeded / config.tabletsPerPack),
  };
}

/** Adherence classes of folic acid follow-up (按要求服用 / 未按要求服用 / 未服用). */
export type FolicAcidAdherence = 'adherent' | 'non_adherent' | 'not_taken';

/** zh/en labels of {@link FolicAcidAdherence}. */
export const FOLIC_ACID_ADHERENCE_LABELS: Record<FolicAcidAdherence, { zh: string; en: string }> = {
  adherent: { zh: '按要求服用', en: 'Taken as advised' },
  non_adherent: { zh: '未按要求服用', en: 'Not taken as advised' },
  not_taken: { zh: '未服用', en: 'Not taken' },
};

/**
 * Classifies adherence from a follow-up: days taken out of days expected (≥ adherentMinShare → adherent).
 * @example classifyFolicAcidAdherence({ daysTaken: 80, daysExpected: 100 }) // { ok: true, adherence: 'adherent', share: 0.8 }
 */
export function classifyFolicAcidAdherence(
  counts: { daysTaken: number; daysExpected: number },
  config: FolicAcidConfig = FOLIC_ACID_NATIONAL,
): { ok: true; adherence: FolicAcidAdherence; share: number } | WomenRuleError<'INVALID_COUNT'> {
  const { daysTaken, daysExpected } = counts;
  if (
    !Number.isInteger(daysTaken) ||
    !Number.isInteger(daysExpected) ||
    daysTaken < 0 ||
    daysExpected <= 0 ||
    daysTaken > daysExpected
  ) {
    return womenRuleError(
      'INVALID_COUNT',
      '服用天数应为0到应服天数之间的整数，应服天数应大于0',
      'Days taken must be a whole number from 0 to the days expected, and days expected above 0',
    );
  }
  const share = daysTaken / daysExpected;
  const adherence: FolicAcidAdherence =
    daysTaken === 0 ? 'not_taken' : share >= config.adherentMinShare ? 'adherent' : 'non_adherent';
  return { ok: true, adherence, share };
}
