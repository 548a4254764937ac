/**
 * Premarital medical examination (婚前医学检查, capability B1): the medical-opinion categories written on the
 * 《婚前医学检查证明》, the disease categories examined, and the examination items, per the 母婴保健法 (arts 8, 38)
 * and the 婚前保健工作规范（修订）.
 *
 * The five opinion texts match the revised 规范 as reproduced in news reports of its publication and in many
 * premarital-exam systems (all five), but the official PDF was not seen, so the set is flagged to confirm.
 * The codes here are our own: systems number the five options differently (0–4, 1–5, in different orders).
 */
import type { WomenCodeLabel, WomenEvidenceMarker, WomenRuleSet } from './rule-meta';
import { nationalMeta } from './rule-meta';

/** Medical opinion on the premarital examination certificate. */
export type PremaritalOpinion =
  | 'no_contraindication'
  | 'not_advised_to_marry'
  | 'postpone_marriage'
  | 'not_advised_to_bear_children'
  | 'medical_measures_respect_wishes';

/** One opinion category with its official wording and when it applies. */
export interface PremaritalOpinionDefinition extends WomenCodeLabel<PremaritalOpinion> {
  /** When the 规范 says to write it. */
  whenZh: string;
  whenEn: string;
  marker: WomenEvidenceMarker;
}

/** What the examination found, as the 规范 groups it for the opinion. */
export type PremaritalFinding =
  | 'consanguinity'
  | 'severe_intellectual_disability'
  | 'severe_mental_illness_no_capacity'
  | 'designated_infectious_in_infective_period'
  | 'relevant_mental_illness_in_attack'
  | 'other_condition_to_postpone'
  | 'severe_genetic_disease_unfit_for_childbearing'
  | 'serious_organ_disease_unfit_for_childbearing'
  | 'lifelong_infectious_not_in_attack';

/** zh/en labels of {@link PremaritalFinding}. */
export const PREMARITAL_FINDING_LABELS: Record<PremaritalFinding, { zh: string; en: string }> = {
  consanguinity: {
    zh: '双方为直系血亲、三代以内旁系血亲',
    en: 'Lineal relatives or collateral relatives within three generations',
  },
  severe_intellectual_disability: {
    zh: '一方或双方患有重度、极重度智力低下，不具有婚姻意识能力',
    en: 'Severe or profound intellectual disability without capacity for marriage',
  },
  severe_mental_illness_no_capacity: {
    zh: '重型精神病，在病情发作期有攻击危害行为',
    en: 'Severe mental illness with aggressive, dangerous behaviour during episodes',
  },
  designated_infectious_in_infective_period: {
    zh: '指定传染病在传染期内',
    en: 'Designated infectious disease in its infective period',
  },
  relevant_mental_illness_in_attack: { zh: '有关精神病在发病期内', en: 'Relevant mental illness in an acute episode' },
  other_condition_to_postpone: {
    zh: '其他医学上认为应暂缓结婚的疾病',
    en: 'Other condition for which marriage should be postponed',
  },
  severe_genetic_disease_unfit_for_childbearing: {
    zh: '医学上认为不宜生育的严重遗传性疾病',
    en: 'Severe genetic disease for which childbearing is medically inadvisable',
  },
  serious_organ_disease_unfit_for_childbearing: {
    zh: '其他重要脏器疾病以及医学上认为不宜生育的疾病',
    en: 'Serious organ disease or other disease for which childbearing is medically inadvisable',
  },
  lifelong_infectious_not_in_attack: {
    zh: '可能终生传染的不在发病期的传染病患者或病原体携带者',
    en: 'Lifelong-infectious disease not in an active phase, or pathogen carrier',
  },
};

/** The opinion categories and the rule that maps findings to them. */
export interface PremaritalOpinionConfig extends WomenRuleSet {
  opinions: readonly PremaritalOpinionDefinition[];
  /** Which opinion each finding calls for. */
  findingOpinion: Record<PremaritalFinding, Exclude<PremaritalOpinion, 'no_contraindication'>>;
  /** Most to least restrictive; the first that applies is the certificate's opinion when several apply [L]. */
  precedence: readonly PremaritalOpinion[];
}

/** National opinion categories (婚前保健工作规范（修订）). */
export const PREMARITAL_OPINIONS_NATIONAL: PremaritalOpinionConfig = {
  meta: nationalMeta(
    'premarital-opinions',
    '2002',
    'R',
    ['中华人民共和国母婴保健法 第八、十条', '婚前保健工作规范（修订）(卫基妇发〔2002〕147号 [R])'],
    'Wording matched in secondary sources only; the precedence when several findings apply is our convention.',
  ),
  opinions: [
    {
      code: 'no_contraindication',
      zh: '未发现医学上不宜结婚的情形',
      en: 'No medical condition found that makes marriage inadvisable',
      whenZh: '未发现以下各类情况',
      whenEn: 'None of the other categories applies',
      marker: 'C',
    },
    {
      code: 'not_advised_to_marry',
      zh: '建议不宜结婚',
      en: 'Marriage not advised',
      whenZh: '双方为直系血亲、三代以内旁系血亲关系，以及医学上认为不宜结婚的疾病',
      whenEn: 'Close blood relatives, or a disease for which marriage is medically inadvisable',
      marker: 'C',
    },
    {
      code: 'postpone_marriage',
      zh: '建议暂缓结婚',
      en: 'Marriage to be postponed',
      whenZh: '指定传染病在传染期内、有关精神病在发病期内，或其他医学上认为应暂缓结婚的疾病',
      whenEn: 'Designated infectious disease while infective, relevant mental illness in an episode, or similar',
      marker: 'C',
    },
    {
      code: 'not_advised_to_bear_children',
      zh: '建议不宜生育',
      en: 'Childbearing not advised',
      whenZh: '医学上认为不宜生育的严重遗传性疾病或其他重要脏器疾病',
      whenEn: 'Severe genetic disease or serious organ disease for which childbearing is inadvisable',
      marker: 'C',
    },
    {
      code: 'medical_measures_respect_wishes',
      zh: '建议采取医学措施，尊重受检者意愿',
      en: 'Medical measures advised; the couple’s wishes respected',
      whenZh: '可能终生传染的不在发病期的传染病患者或病原体携带者，受检者坚持结婚',
      whenEn: 'Lifelong-infectious disease not active, or carrier, and the couple wish to marry',
      marker: 'R',
    },
  ],
  findingOpinion: {
    consanguinity: 'not_advised_to_marry',
    severe_intellectual_disability: 'not_advised_to_marry',
    severe_mental_illness_no_capacity: 'not_advised_to_marry',
    designated_infectious_in_infective_period: 'postpone_marriage',
    relevant_mental_illness_in_attack: 'postpone_marriage',
    other_condition_to_postpone: 'postpone_marriage',
    severe_genetic_disease_unfit_for_childbearing: 'not_advised_to_bear_children',
    serious_organ_disease_unfit_for_childbearing: 'not_advised_to_bear_children',
    lifelong_infectious_not_in_attack: 'medical_measures_respect_wishes',
  },
  precedence: [
    'not_advised_to_marry',
    'postpone_marriage',
    'not_advised_to_bear_children',
    'medical_measures_respect_wishes',
    'no_contraindication',
  ],
};

/** Result of {@link suggestPremaritalOpinion}. */
export interface PremaritalOpinionSuggestion {
  /** The opinion to write on the certificate (the most restrictive that applies). */
  primary: PremaritalOpinion;
  /** Every opinion that applies, most restrictive first (so the physician can explain all of them). */
  all: PremaritalOpinion[];
}

/**
 * Suggests the certificate opinion from the findings; the physician confirms it.
 * @example suggestPremaritalOpinion(['designated_infectious_in_infective_period']) // primary 'postpone_marriage'
 */
export function suggestPremaritalOpinion(
  findings: readonly PremaritalFinding[],
  config: PremaritalOpinionConfig = PREMARITAL_OPINIONS_NATIONAL,
): PremaritalOpinionSuggestion {
  const applying = new Set<PremaritalOpinion>(findings.map((f) => config.findingOpinion[f]));
  if (applying.size === 0) applying.add('no_contraindication');
  const all = config.precedence.filter((o) => applying.has(o));
  return { primary: all[0] ?? 'no_contraindication', all };
}

/** Label of an opinion code, or undefined for an unknown code. */
export function premaritalOpinionLabel(
  code: string,
  config: PremaritalOpinionConfig = PREMARITAL_OPINIONS_NATIONAL,
): PremaritalOpinionDefinition | undefined {
  return config.opinions.find((o) => o.code === code);
}

/** Disease categories examined and reported (卫统46 columns [R]). */
export type PremaritalDiseaseCategory =
  'designated_infectious' | 'severe_genetic' | 'relevant_mental' | 'reproductive_system' | 'internal_medicine';

/** A disease category with its statutory definition and examples. */
export interface PremaritalDiseaseCategoryDefinition extends WomenCodeLabel<PremaritalDiseaseCategory> {
  definitionZh: string;
  definitionEn: string;
  examples: readonly WomenCodeLabel[];
  marker: WomenEvidenceMarker;
}

/**
 * Diseases examined at the premarital check: the three statutory groups of 母婴保健法 art. 8 (定义 art. 38) and
 * "其他与婚育有关的疾病" split into reproductive-system and organ (internal-medicine) disease as the annual report
 * counts them [R].
 */
export const PREMARITAL_DISEASE_CATEGORIES: readonly PremaritalDiseaseCategoryDefinition[] = [
  {
    code: 'designated_infectious',
    zh: '指定传染病',
    en: 'Designated infectious diseases',
    definitionZh: '《传染病防治法》中规定的艾滋病、淋病、梅毒、麻风病以及医学上认为影响结婚和生育的其他传染病',
    definitionEn:
      'AIDS, gonorrhoea, syphilis, leprosy, and other infectious diseases held to affect marriage and childbearing',
    examples: [
      { code: 'hiv', zh: '艾滋病（HIV感染）', en: 'HIV infection / AIDS' },
      { code: 'syphilis', zh: '梅毒', en: 'Syphilis' },
      { code: 'gonorrhoea', zh: '淋病', en: 'Gonorrhoea' },
      { code: 'leprosy', zh: '麻风病', en: 'Leprosy' },
      { code: 'hbv', zh: '乙型病毒性肝炎', en: 'Hepatitis B' },
      { code: 'other_infectious', zh: '其他影响结婚和生育的传染病', en: 'Other infectious disease affecting marriage' },
    ],
    marker: 'C',
  },
  {
    code: 'severe_genetic',
    zh: '严重遗传性疾病',
    en: 'Severe genetic diseases',
    definitionZh:
      '由于遗传因素先天形成，患者全部或部分丧失自主生活能力，后代再现风险高，医学上认为不宜生育的遗传性疾病',
    definitionEn:
      'Congenital, genetic; the patient wholly or partly lacks independent living ability; high recurrence risk',
    examples: [
      { code: 'chromosomal', zh: '染色体病', en: 'Chromosomal disorder' },
      {
        code: 'monogenic',
        zh: '单基因病（如重型地中海贫血、血友病）',
        en: 'Monogenic disorder (e.g. thalassaemia major)',
      },
      { code: 'multifactorial', zh: '多基因病', en: 'Multifactorial disorder' },
    ],
    marker: 'C',
  },
  {
    code: 'relevant_mental',
    zh: '有关精神病',
    en: 'Relevant mental illnesses',
    definitionZh: '精神分裂症、躁狂抑郁型精神病以及其他重型精神病',
    definitionEn: 'Schizophrenia, manic-depressive psychosis and other severe mental illness',
    examples: [
      { code: 'schizophrenia', zh: '精神分裂症', en: 'Schizophrenia' },
      { code: 'bipolar', zh: '躁狂抑郁型精神病', en: 'Manic-depressive psychosis' },
      { code: 'other_severe_mental', zh: '其他重型精神病', en: 'Other severe mental illness' },
    ],
    marker: 'C',
  },
  {
    code: 'reproductive_system',
    zh: '生殖系统疾病',
    en: 'Reproductive-system diseases',
    definitionZh: '影响结婚和生育的生殖系统疾病（其他与婚育有关的疾病）',
    definitionEn: 'Reproductive-system disease that affects marriage or childbearing',
    examples: [
      { code: 'genital_malformation', zh: '生殖器官发育异常', en: 'Genital malformation' },
      { code: 'gynaecological_disease', zh: '妇科疾病', en: 'Gynaecological disease' },
      { code: 'male_reproductive_disease', zh: '男性生殖系统疾病', en: 'Male reproductive disease' },
    ],
    marker: 'R',
  },
  {
    code: 'internal_medicine',
    zh: '内科系统疾病（重要脏器疾病）',
    en: 'Internal-medicine (major organ) diseases',
    definitionZh: '影响结婚和生育的重要脏器疾病（其他与婚育有关的疾病）',
    definitionEn: 'Major organ disease that affects marriage or childbearing',
    examples: [
      { code: 'heart', zh: '心脏病', en: 'Heart disease' },
      { code: 'liver', zh: '肝脏疾病', en: 'Liver disease' },
      { code: 'kidney', zh: '肾脏疾病', en: 'Kidney disease' },
      { code: 'endocrine', zh: '内分泌疾病', en: 'Endocrine disease' },
    ],
    marker: 'R',
  },
];

/** Groups of examination items. */
export type PremaritalExamGroup = 'history' | 'physical' | 'routine_lab' | 'special';

/** One examination item. */
export interface PremaritalExamItem extends WomenCodeLabel {
  group: PremaritalExamGroup;
  appliesTo: 'both' | 'female' | 'male';
}

/** The examination items of the 规范 (routine items for all, special items as needed or by choice). */
export interface PremaritalExamItemsConfig extends WomenRuleSet {
  items: readonly PremaritalExamItem[];
}

/**
 * National examination items: history, physical exam (incl. genital exam), routine tests (chest X-ray, blood and
 * urine routine, syphilis, ALT, HBsAg, vaginal discharge for women) and special tests as needed [R from secondary
 * sources]. Many provinces add HIV to the routine tests of the free examination [L].
 */
export const PREMARITAL_EXAM_ITEMS_NATIONAL: PremaritalExamItemsConfig = {
  meta: nationalMeta(
    'premarital-exam-items',
    '2002',
    'R',
    ['婚前保健工作规范（修订）', 'REFERENCE §4 WS 377.1'],
    'Item list from secondary sources; provincial free-exam packages differ.',
  ),
  items: [
    { code: 'history', zh: '询问病史', en: 'Medical history', group: 'history', appliesTo: 'both' },
    {
      code: 'general_exam',
      zh: '全身体格检查',
      en: 'General physical examination',
      group: 'physical',
      appliesTo: 'both',
    },
    {
      code: 'genital_exam',
      zh: '生殖器及第二性征检查',
      en: 'Genital and secondary sex characteristics',
      group: 'physical',
      appliesTo: 'both',
    },
    { code: 'chest_xray', zh: '胸部透视', en: 'Chest X-ray', group: 'routine_lab', appliesTo: 'both' },
    { code: 'blood_routine', zh: '血常规', en: 'Full blood count', group: 'routine_lab', appliesTo: 'both' },
    { code: 'urine_routine', zh: '尿常规', en: 'Urinalysis', group: 'routine_lab', appliesTo: 'both' },
    { code: 'syphilis', zh: '梅毒筛查', en: 'Syphilis screening', group: 'routine_lab', appliesTo: 'both' },
    { code: 'alt', zh: '血转氨酶', en: 'Serum ALT', group: 'routine_lab', appliesTo: 'both' },
    { code: 'hbsag', zh: '乙肝表面抗原', en: 'HBsAg', group: 'routine_lab', appliesTo: 'both' },
    {
      code: 'vaginal_discharge',
      zh: '阴道分泌物滴虫、霉菌检查',
      en: 'Vaginal discharge (trichomonas, yeast)',
      group: 'routine_lab',
      appliesTo: 'female',
    },
    { code: 'hbv_markers', zh: '乙型肝炎血清学标志', en: 'Hepatitis B serology', group: 'special', appliesTo: 'both' },
    { code: 'gonorrhoea', zh: '淋病检查', en: 'Gonorrhoea test', group: 'special', appliesTo: 'both' },
    { code: 'hiv', zh: '艾滋病检查', en: 'HIV test', group: 'special', appliesTo: 'both' },
    {
      code: 'mycoplasma_chlamydia',
      zh: '支原体和衣原体检查',
      en: 'Mycoplasma and chlamydia',
      group: 'special',
      appliesTo: 'both',
    },
    { code: 'semen', zh: '精液常规', en: 'Semen analysis', group: 'special', appliesTo: 'male' },
    { code: 'ultrasound', zh: 'B型超声', en: 'Ultrasound', group: 'special', appliesTo: 'both' },
    { code: 'breast', zh: '乳腺检查', en: 'Breast examination', group: 'special', appliesTo: 'female' },
    { code: 'chromosome', zh: '染色体检查', en: 'Karyotype', group: 'special', appliesTo: 'both' },
  ],
};

/** The examination items for one person. */
export function premaritalExamItemsFor(
  sex: 'female' | 'male',
  group?: PremaritalExamGroup,
  config: PremaritalExamItemsConfig = PREMARITAL_EXAM_ITEMS_NATIONAL,
): PremaritalExamItem[] {
  return config.items.filter((i) => (i.appliesTo === 'both' || i.appliesTo === sex) && (!group || i.group === group));
}
