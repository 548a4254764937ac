/**
 * Family-planning technical services (计划生育技术服务, capability W5; WS 377.3 data set): contraceptive methods and
 * procedures, complication codes, post-abortion care (流产后关爱, seed 001), and IUD removal after menopause
 * (绝经期取环, seed 003). The code lists are our own [L]: WS 377.3 value domains were not retrieved.
 */
import type { WomenCodeLabel, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addMonths, isIsoDate } from './women-dates';

/** Family-planning services: procedures and contraceptive supplies. */
export type FamilyPlanningService =
  | 'iud_insertion'
  | 'iud_removal'
  | 'iud_removal_postmenopause'
  | 'implant_insertion'
  | 'implant_removal'
  | 'tubal_ligation'
  | 'vasectomy'
  | 'injectable'
  | 'combined_oral_contraceptive'
  | 'male_condom'
  | 'female_condom'
  | 'spermicide'
  | 'emergency_contraception'
  | 'surgical_abortion'
  | 'medical_abortion'
  | 'mid_trimester_termination';

/** Broad category of a service. */
export type FamilyPlanningCategory =
  'iud' | 'implant' | 'sterilisation' | 'hormonal' | 'barrier' | 'emergency' | 'abortion';

/** One family-planning service with its properties. */
export interface FamilyPlanningServiceDefinition extends WomenCodeLabel<FamilyPlanningService> {
  /** 'procedure' = a technical service done by a clinician; 'supply' = contraceptives handed out. */
  kind: 'procedure' | 'supply';
  category: FamilyPlanningCategory;
  sex: 'female' | 'male';
  /** True when the service leaves the person protected by a contraceptive method. */
  startsContraception: boolean;
}

/** The service list. */
export const FAMILY_PLANNING_SERVICES: readonly FamilyPlanningServiceDefinition[] = [
  {
    code: 'iud_insertion',
    zh: '放置宫内节育器',
    en: 'IUD insertion',
    kind: 'procedure',
    category: 'iud',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'iud_removal',
    zh: '取出宫内节育器',
    en: 'IUD removal',
    kind: 'procedure',
    category: 'iud',
    sex: 'female',
    startsContraception: false,
  },
  {
    code: 'iud_removal_postmenopause',
    zh: '绝经后取出宫内节育器',
    en: 'IUD removal after menopause',
    kind: 'procedure',
    category: 'iud',
    sex: 'female',
    startsContraception: false,
  },
  {
    code: 'implant_insertion',
    zh: '皮下埋植剂放置',
    en: 'Implant insertion',
    kind: 'procedure',
    category: 'implant',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'implant_removal',
    zh: '皮下埋植剂取出',
    en: 'Implant removal',
    kind: 'procedure',
    category: 'implant',
    sex: 'female',
    startsContraception: false,
  },
  {
    code: 'tubal_ligation',
    zh: '输卵管绝育术',
    en: 'Tubal ligation',
    kind: 'procedure',
    category: 'sterilisation',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'vasectomy',
    zh: '输精管绝育术',
    en: 'Vasectomy',
    kind: 'procedure',
    category: 'sterilisation',
    sex: 'male',
    startsContraception: true,
  },
  {
    code: 'injectable',
    zh: '避孕针',
    en: 'Injectable contraceptive',
    kind: 'supply',
    category: 'hormonal',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'combined_oral_contraceptive',
    zh: '复方短效口服避孕药',
    en: 'Combined oral contraceptive',
    kind: 'supply',
    category: 'hormonal',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'male_condom',
    zh: '男用避孕套',
    en: 'Male condom',
    kind: 'supply',
    category: 'barrier',
    sex: 'male',
    startsContraception: true,
  },
  {
    code: 'female_condom',
    zh: '女用避孕套',
    en: 'Female condom',
    kind: 'supply',
    category: 'barrier',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'spermicide',
    zh: '外用杀精剂',
    en: 'Spermicide',
    kind: 'supply',
    category: 'barrier',
    sex: 'female',
    startsContraception: true,
  },
  {
    code: 'emergency_contraception',
    zh: '紧急避孕药',
    en: 'Emergency contraception',
    kind: 'supply',
    category: 'emergency',
    sex: 'female',
    startsContraception: false,
  },
  {
    code: 'surgical_abortion',
    zh: '负压吸引人工流产术',
    en: 'Vacuum aspiration abortion',
    kind: 'procedure',
    category: 'abortion',
    sex: 'female',
    startsContraception: false,
  },
  {
    code: 'medical_abortion',
    zh: '药物流产',
    en: 'Medical abortion',
    kind: 'procedure',
    category: 'abortion',
    sex: 'female',
    startsContraception: false,
  },
  {
    code: 'mid_trimester_termination',
    zh: '中期妊娠引产',
    en: 'Mid-trimester termination',
    kind: 'procedure',
    category: 'abortion',
    sex: 'female',
    startsContraception: false,
  },
];

/** Complications of family-planning procedures and methods. */
export type FamilyPlanningComplication =
  | 'uterine_perforation'
  | 'haemorrhage'
  | 'infection'
  | 'incomplete_abortion'
  | 'failed_abortion'
  | 'artificial_abortion_syndrome'
  | 'organ_injury'
  | 'anaesthesia_accident'
  | 'iud_expulsion'
  | 'iud_displacement'
  | 'iud_embedment'
  | 'pregnancy_with_iud'
  | 'implant_removal_difficulty'
  | 'painful_nodule'
  | 'epididymal_congestion'
  | 'pregnancy_after_sterilisation'
  | 'other';

/** Complication codes with labels and the service categories they apply to [L]. */
export const FAMILY_PLANNING_COMPLICATIONS: readonly (WomenCodeLabel<FamilyPlanningComplication> & {
  categories: readonly FamilyPlanningCategory[];
})[] = [
  { code: 'uterine_perforation', zh: '子宫穿孔', en: 'Uterine perforation', categories: ['iud', 'abortion'] },
  { code: 'haemorrhage', zh: '出血', en: 'Haemorrhage', categories: ['iud', 'abortion', 'sterilisation', 'implant'] },
  { code: 'infection', zh: '感染', en: 'Infection', categories: ['iud', 'abortion', 'sterilisation', 'implant'] },
  { code: 'incomplete_abortion', zh: '吸宫不全/不全流产', en: 'Incomplete abortion', categories: ['abortion'] },
  { code: 'failed_abortion', zh: '漏吸/流产失败', en: 'Failed abortion', categories: ['abortion'] },
  {
    code: 'artificial_abortion_syndrome',
    zh: '人工流产综合反应',
    en: 'Vasovagal reaction at abortion',
    categories: ['abortion'],
  },
  {
    code: 'organ_injury',
    zh: '脏器损伤（膀胱、肠管等）',
    en: 'Organ injury (bladder, bowel)',
    categories: ['sterilisation', 'abortion'],
  },
  {
    code: 'anaesthesia_accident',
    zh: '麻醉意外',
    en: 'Anaesthesia accident',
    categories: ['sterilisation', 'abortion'],
  },
  { code: 'iud_expulsion', zh: '节育器脱落', en: 'IUD expulsion', categories: ['iud'] },
  { code: 'iud_displacement', zh: '节育器异位', en: 'IUD displacement', categories: ['iud'] },
  { code: 'iud_embedment', zh: '节育器嵌顿', en: 'IUD embedment', categories: ['iud'] },
  { code: 'pregnancy_with_iud', zh: '带器妊娠', en: 'Pregnancy with IUD in place', categories: ['iud'] },
  {
    code: 'implant_removal_difficulty',
    zh: '埋植剂取出困难',
    en: 'Difficult implant removal',
    categories: ['implant'],
  },
  {
    code: 'painful_nodule',
    zh: '输精管结扎术后痛性结节',
    en: 'Painful nodule after vasectomy',
    categories: ['sterilisation'],
  },
  { code: 'epididymal_congestion', zh: '附睾郁积症', en: 'Epididymal congestion', categories: ['sterilisation'] },
  {
    code: 'pregnancy_after_sterilisation',
    zh: '绝育术后妊娠',
    en: 'Pregnancy after sterilisation',
    categories: ['sterilisation'],
  },
  {
    code: 'other',
    zh: '其他并发症',
    en: 'Other complication',
    categories: ['iud', 'implant', 'sterilisation', 'hormonal', 'barrier', 'emergency', 'abortion'],
  },
];

/** Complications that can follow a service. */
export function complicationsFor(service: FamilyPlanningService): FamilyPlanningComplication[] {
  const category = FAMILY_PLANNING_SERVICES.find((s) => s.code === service)?.category;
  return category
    ? FAMILY_PLANNING_COMPLICATIONS.filter((c) => c.categories.includes(category)).map((c) => c.code)
    : [];
}

/** Post-abortion care items. */
export type PostAbortionCareItem =
  | 'group_education'
  | 'individual_counselling'
  | 'contraception_informed_choice'
  | 'immediate_contraception'
  | 'follow_up';

/** zh/en labels of {@link PostAbortionCareItem}. */
export const POST_ABORTION_CARE_ITEMS: readonly WomenCodeLabel<PostAbortionCareItem>[] = [
  { code: 'group_education', zh: '集体宣教', en: 'Group education' },
  { code: 'individual_counselling', zh: '一对一咨询指导', en: 'One-to-one counselling' },
  { code: 'contraception_informed_choice', zh: '避孕方法知情选择', en: 'Informed choice of contraception' },
  { code: 'immediate_contraception', zh: '即时落实避孕措施', en: 'Contraception started immediately' },
  { code: 'follow_up', zh: '流产后随访', en: 'Post-abortion follow-up' },
];

/** Post-abortion care rules. */
export interface PostAbortionCareConfig extends WomenRuleSet {
  /** Follow-up contacts, months after the abortion. */
  followUpMonths: readonly number[];
  /** Methods counted as highly effective (流产后高效避孕). */
  highlyEffective: readonly FamilyPlanningService[];
}

/**
 * Default post-abortion care [L]: follow-up at 1, 3, 6 and 12 months; highly effective methods are IUD, implant,
 * sterilisation and combined oral contraceptives (plus injectables).
 */
export const POST_ABORTION_CARE_DEFAULT: PostAbortionCareConfig = {
  meta: nationalMeta(
    'post-abortion-care',
    '1',
    'L',
    ['流产后关爱 (PAC) 项目 practice', 'seed 001 item 15'],
    'Follow-up months and the list of highly effective methods.',
  ),
  followUpMonths: [1, 3, 6, 12],
  highlyEffective: [
    'iud_insertion',
    'implant_insertion',
    'tubal_ligation',
    'vasectomy',
    'combined_oral_contraceptive',
    'injectable',
  ],
};

/**
 * Follow-up due dates after an abortion.
 * @example postAbortionFollowUpSchedule('2025-01-31') // [{ month: 1, dueDate: '2025-02-28' }, …]
 */
export function postAbortionFollowUpSchedule(
  abortionDate: string,
  config: PostAbortionCareConfig = POST_ABORTION_CARE_DEFAULT,
): { ok: true; visits: { month: number; dueDate: string }[] } | WomenRuleError<'INVALID_DATE'> {
  if (!isIsoDate(abortionDate)) {
    return womenRuleError('INVALID_DATE', `流产日期“${abortionDate}”无效`, `Invalid abortion date "${abortionDate}"`);
  }
  return { ok: true, visits: config.followUpMonths.map((m) => ({ month: m, dueDate: addMonths(abortionDate, m) })) };
}

/** How contraception after an abortion is counted. */
export type PostAbortionContraception = 'highly_effective' | 'other_method' | 'none';

/** Classifies the method started after an abortion (null = none). */
export function classifyPostAbortionContraception(
  method: FamilyPlanningService | null,
  config: PostAbortionCareConfig = POST_ABORTION_CARE_DEFAULT,
): PostAbortionContraception {
  if (method === null) return 'none';
  if (config.highlyEffective.includes(method)) return 'highly_effective';
  const def = FAMILY_PLANNING_SERVICES.find((s) => s.code === method);
  return def?.startsContraception ? 'other_method' : 'none';
}

/** Timing of IUD removal after menopause. */
export interface IudRemovalConfig extends WomenRuleSet {
  /** Earliest month after the last menstrual period. */
  fromMonthsAfterLastPeriod: number;
  /** Latest month after the last menstrual period. */
  toMonthsAfterLastPeriod: number;
}

/** IUD removal 6–12 months after the last menstrual period at menopause [R] (seed 003: 绝经期取环服务). */
export const IUD_REMOVAL_POSTMENOPAUSE_DEFAULT: IudRemovalConfig = {
  meta: nationalMeta(
    'iud-removal-postmenopause',
    '1',
    'R',
    ['seed 003 (十) 绝经期宫内节育器取出', 'gynaecology textbooks'],
    'The 6–12 month window.',
  ),
  fromMonthsAfterLastPeriod: 6,
  toMonthsAfterLastPeriod: 12,
};

/** Where a woman stands for IUD removal after menopause. */
export type IudRemovalStatus = 'not_yet' | 'due' | 'overdue';

/**
 * Whether IUD removal after menopause is due on a date, from the last menstrual period.
 * @example iudRemovalAfterMenopause('2024-01-15', '2024-09-01') // { ok: true, status: 'due', from: '2024-07-15', to: '2025-01-15' }
 */
export function iudRemovalAfterMenopause(
  lastMenstrualPeriod: string,
  today: string,
  config: IudRemovalConfig = IUD_REMOVAL_POSTMENOPAUSE_DEFAULT,
): { ok: true; status: IudRemovalStatus; from: string; to: string } | WomenRuleError<'INVALID_DATE'> {
  if (!isIsoDate(lastMenstrualPeriod) || !isIsoDate(today)) {
    return womenRuleError('INVALID_DATE', '日期无效', 'Invalid date');
  }
  const from = addMonths(lastMenstrualPeriod, config.fromMonthsAfterLastPeriod);
  const to = addMonths(lastMenstrualPeriod, config.toMonthsAfterLastPeriod);
  const status: IudRemovalStatus = today < from ? 'not_yet' : today <= to ? 'due' : 'overdue';
  return { ok: true, status, from, to };
}
