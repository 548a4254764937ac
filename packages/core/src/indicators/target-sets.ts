/**
 * Preloaded target sets, as data: the Zhoushan 2019 table (seed 003, 舟卫发〔2019〕35号) for 舟山市 330900, the
 * Naiman 2023 table (seed 002) for 奈曼旗 150525, and national baselines (PMTCT 2025, REFERENCE §8; two cancers,
 * REFERENCE §9; others from national action plans, marked R until checked). Each target is mapped to a catalogue
 * indicator; what could not be mapped is listed in {@link unmappedSeedTargets} with the reason.
 *
 * Reading of the Chinese wording: 「以上」「以下」 include the stated number (legal usage, 刑法 第99条), so
 * "93%以上" is ≥93 and "43%以下" is ≤43; 「<」「>」 written as symbols are strict.
 */
import type { IndicatorTarget, IndicatorVersionChoice } from './indicator-targets';
import { NATIONAL_REGION_CODE } from './indicator-targets';

/** Region code of 舟山市 (Zhejiang). */
export const ZHOUSHAN_REGION_CODE = '330900';
/** Region code of 奈曼旗 (通辽市, Inner Mongolia). */
export const NAIMAN_REGION_CODE = '150525';

const ZHOUSHAN_SOURCE = '舟卫发〔2019〕35号《2019年全市妇幼健康工作要点》附表 2019年舟山市妇幼健康工作核心指标';
const ZHOUSHAN_TEXT_SOURCE = '舟卫发〔2019〕35号《2019年全市妇幼健康工作要点》正文';
const NAIMAN_SOURCE = '《2023年奈曼旗妇幼健康促进行动实施方案》二（二）主要目标';

type TargetRow = Omit<IndicatorTarget, 'regionCode' | 'year' | 'source' | 'status' | 'confirmed'> &
  Partial<Pick<IndicatorTarget, 'source' | 'status'>>;

function targetsFor(regionCode: string, year: number, source: string, rows: readonly TargetRow[]): IndicatorTarget[] {
  return rows.map((r) => {
    const status = r.status ?? 'C';
    return { regionCode, year, source, ...r, status, confirmed: status === 'C' };
  });
}

/** 2019 targets of 舟山市 (330900): the 15 key indicators and 3 regional indicators of the table, plus two from the text. */
export const zhoushan2019Targets: readonly IndicatorTarget[] = targetsFor(ZHOUSHAN_REGION_CODE, 2019, ZHOUSHAN_SOURCE, [
  {
    indicatorId: 'avoidable_maternal_deaths',
    comparator: 'no_avoidable_maternal_death',
    value: 0,
    textZh: '孕产妇死亡率：不发生因保健工作不到位和产科直接原因导致的孕产妇死亡',
    note: '表中列于"孕产妇死亡率"下；以可避免（保健工作不到位）或产科直接原因死亡例数评价，0例为达标',
    noteEn: 'Listed under maternal mortality; judged on the count of such deaths, met when 0',
    status: 'L',
  },
  { indicatorId: 'infant_mortality_rate', comparator: '<', value: 4.5, textZh: '婴儿死亡率 < 4.5‰' },
  { indicatorId: 'under5_mortality_rate', comparator: '<', value: 5.5, textZh: '五岁以下儿童死亡率 < 5.5‰' },
  {
    indicatorId: 'caesarean_rate',
    comparator: '<=',
    value: 43,
    version: 'facility_calendar_year',
    textZh: '剖宫产率（按助产机构自然年分娩情况计算）：以县区为单位控制在43%以下',
    note: '"以县区为单位"：每个县区各自达标，县区继承市级目标；"以下"含本数；按助产机构自然年口径',
    noteEn:
      'Applies to each county separately (counties inherit it); "以下" includes 43; facility, calendar-year version',
    status: 'L',
  },
  {
    indicatorId: 'breastfeeding_under6m_rate',
    comparator: '>=',
    value: 92,
    textZh: '6个月以下婴儿母乳喂养率 ≥ 92%',
  },
  {
    indicatorId: 'premarital_exam_rate',
    comparator: '>=',
    value: 92,
    textZh: '免费婚前检查率 ≥ 92%',
    note: '免费婚检率按婚前医学检查率计（婚检人数 ÷ 结婚登记人数）',
    noteEn: 'The free premarital examination rate is computed as the premarital examination rate',
  },
  { indicatorId: 'gyn_survey_rate', comparator: '>=', value: 80, textZh: '妇女病普查率 ≥ 80%' },
  {
    indicatorId: 'maternal_systematic_management_rate',
    comparator: '>=',
    value: 93,
    textZh: '孕产妇系统管理率 ≥ 93%',
  },
  { indicatorId: 'hospital_delivery_rate', comparator: '>=', value: 99, textZh: '孕产妇住院分娩率 ≥ 99%' },
  { indicatorId: 'prenatal_screening_rate', comparator: '>=', value: 88, textZh: '产前筛查率 ≥ 88%' },
  {
    indicatorId: 'under7_health_management_rate',
    comparator: '>=',
    value: 95,
    textZh: '7岁以下儿童保健管理覆盖率 ≥ 95%',
  },
  {
    indicatorId: 'under3_systematic_management_rate',
    comparator: '>=',
    value: 95,
    textZh: '3岁以下儿童保健系统管理率 ≥ 95%',
  },
  {
    indicatorId: 'nutritional_disease_management_rate',
    comparator: '>=',
    value: 99,
    textZh: '儿童营养性疾病管理率 ≥ 99%',
  },
  { indicatorId: 'high_risk_infant_management_rate', comparator: '>=', value: 99, textZh: '高危儿管理率 ≥ 99%' },
  {
    indicatorId: 'newborn_metabolic_screening_rate',
    comparator: '>=',
    value: 99,
    textZh: '新生儿遗传代谢性疾病筛查率 ≥ 99%',
  },
  { indicatorId: 'newborn_hearing_screening_rate', comparator: '>=', value: 99, textZh: '新生儿听力筛查率 ≥ 99%' },
  {
    indicatorId: 'childcare_facility_qualification_rate',
    comparator: '>=',
    value: 95,
    textZh: '托幼机构卫生保健合格率 ≥ 95%',
  },
  {
    indicatorId: 'developmental_screening_0_3_rate',
    comparator: '>=',
    value: 90,
    textZh: '0-3岁儿童发育筛查率 ≥ 90%',
  },
  {
    indicatorId: 'chd_echo_diagnoses',
    comparator: '>=',
    value: 208,
    source: ZHOUSHAN_TEXT_SOURCE,
    textZh: '对筛查可疑阳性患儿及早进行心脏超声诊断，完成心脏超声诊断208例以上',
    note: '正文（六）；"以上"含本数',
    noteEn: 'From the text, item (6); "以上" includes 208',
  },
  {
    indicatorId: 'handbook_app_coverage_rate',
    comparator: '>=',
    value: 80,
    source: ZHOUSHAN_TEXT_SOURCE,
    textZh: '母子健康手册APP服务对象覆盖率达到80%以上',
    note: '正文（五）',
    noteEn: 'From the text, item (5)',
  },
]);

/** 2023 targets of 奈曼旗 (150525): the numeric main goals 1–6 and 8–10 (goal 7 is qualitative). */
export const naiman2023Targets: readonly IndicatorTarget[] = targetsFor(NAIMAN_REGION_CODE, 2023, NAIMAN_SOURCE, [
  { indicatorId: 'infant_mortality_rate', comparator: '<=', value: 5, textZh: '1.婴儿死亡率控制在5‰及以下' },
  {
    indicatorId: 'under5_mortality_rate',
    comparator: '<=',
    value: 6,
    textZh: '2.5岁以下儿童死亡率控制在6‰及以下',
  },
  {
    indicatorId: 'maternal_mortality_ratio',
    comparator: '<=',
    value: 14.5,
    textZh: '3.孕产妇死亡率下降到14.5/10万及以下',
  },
  {
    indicatorId: 'maternal_systematic_management_rate',
    comparator: '>=',
    value: 93,
    textZh: '4.孕产妇系统管理率达到93%以上',
  },
  { indicatorId: 'prenatal_screening_rate', comparator: '>=', value: 90, textZh: '5.产前筛查率达到90%及以上' },
  {
    indicatorId: 'newborn_metabolic_screening_rate',
    comparator: '>=',
    value: 98,
    textZh: '6.新生儿遗传代谢性疾病筛查率达到98%及以上',
  },
  {
    indicatorId: 'newborn_hearing_screening_rate',
    comparator: '>=',
    value: 90,
    textZh: '6.新生儿听力筛查率达到90%及以上',
  },
  {
    indicatorId: 'under3_systematic_management_rate',
    comparator: '>=',
    value: 93,
    textZh: '8.3岁以下儿童健康管理率达到93%以上',
    note: '原文为"3岁以下儿童健康管理率"；年报的3岁以下指标为系统管理率，按其计算，待与发文单位确认',
    noteEn:
      'The text says "health management rate of children under 3"; mapped to the 年报 systematic management rate, to confirm with the issuer',
    status: 'L',
  },
  {
    indicatorId: 'under7_health_management_rate',
    comparator: '>=',
    value: 93,
    textZh: '9.7岁以下儿童健康管理率达到93%以上',
  },
  {
    indicatorId: 'cervical_screening_coverage',
    comparator: '>=',
    value: 100,
    version: 'rural_women_35_64',
    textZh: '10.农村牧区适龄妇女宫颈癌和乳腺癌筛查覆盖率达到100%',
    note: '按农村牧区35–64岁妇女口径；"覆盖率100%"也可能指项目覆盖全部农村牧区苏木乡镇，待确认',
    noteEn:
      'Read as rural women aged 35–64; "100% coverage" may instead mean every rural township is in the programme (to confirm)',
    status: 'L',
  },
  {
    indicatorId: 'breast_screening_coverage',
    comparator: '>=',
    value: 100,
    version: 'rural_women_35_64',
    textZh: '10.农村牧区适龄妇女宫颈癌和乳腺癌筛查覆盖率达到100%',
    note: '同上（宫颈癌与乳腺癌分别计）',
    noteEn: 'As above (cervical and breast counted separately)',
    status: 'L',
  },
]);

const PMTCT_SOURCE = '预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版）2025年目标; REFERENCE §8';
const CERVICAL_PLAN_SOURCE = '加速消除宫颈癌行动计划（2023—2030年）; REFERENCE §9';
const MATERNAL_SAFETY_PLAN_SOURCE = '母婴安全行动提升计划（2021—2025年）';
const CHILD_HEALTH_PLAN_SOURCE = '健康儿童行动提升计划（2021—2025年）';
const BIRTH_DEFECT_PLAN_SOURCE = '出生缺陷防治能力提升计划（2023—2027年）';
const RECALLED_NOTE = '目标值为回忆，REFERENCE 未收录，使用前核对原文';
const RECALLED_NOTE_EN = 'Recalled figure not in REFERENCE; check the original text before relying on it';

/**
 * National targets ('000000'). PMTCT 2025 and the cervical-cancer figures are confirmed in REFERENCE (C); the
 * preterm ≥80% target is a standing rule since 2017 (C), entered for 2025; mortality, child-management and
 * birth-defect-screening figures of the national action plans are recollections (R, `confirmed: false`).
 */
export const nationalTargets: readonly IndicatorTarget[] = [
  ...targetsFor(NATIONAL_REGION_CODE, 2025, PMTCT_SOURCE, [
    ...(['hiv', 'syphilis', 'hbv'] as const).flatMap((inf): TargetRow[] => [
      { indicatorId: `maternal_${inf}_test_rate`, comparator: '>=', value: 95, textZh: '孕产妇检测率≥95%' },
      {
        indicatorId: `maternal_${inf}_test_in_pregnancy_rate`,
        comparator: '>=',
        value: 90,
        textZh: '孕期检测率≥90%',
      },
      {
        indicatorId: `maternal_${inf}_early_test_rate`,
        comparator: '>=',
        value: 70,
        textZh: '孕早期检测率≥70%',
      },
    ]),
    { indicatorId: 'hiv_positive_mother_art_rate', comparator: '>=', value: 95, textZh: '孕产妇抗病毒用药率≥95%' },
    {
      indicatorId: 'hiv_exposed_infant_prophylaxis_rate',
      comparator: '>=',
      value: 95,
      textZh: '所生儿童抗病毒用药率≥95%',
    },
    { indicatorId: 'syphilis_mother_treatment_rate', comparator: '>=', value: 95, textZh: '梅毒感染孕产妇治疗率≥95%' },
    {
      indicatorId: 'syphilis_exposed_infant_prophylaxis_rate',
      comparator: '>=',
      value: 95,
      textZh: '所生儿童预防性治疗率≥95%',
    },
    {
      indicatorId: 'hbv_exposed_infant_hbig_rate',
      comparator: '>=',
      value: 95,
      textZh: '乙肝免疫球蛋白及时注射率≥95%',
    },
    {
      indicatorId: 'hbv_exposed_infant_hepb1_timely_rate',
      comparator: '>=',
      value: 95,
      textZh: '首剂乙肝疫苗及时接种率≥95%',
    },
    { indicatorId: 'hiv_mtct_rate', comparator: '<', value: 3, textZh: '艾滋病母婴传播率<3%' },
    {
      indicatorId: 'congenital_syphilis_incidence',
      comparator: '<',
      value: 15,
      textZh: '先天梅毒发病率<15/10万活产',
    },
    {
      indicatorId: 'hbv_mtct_rate',
      comparator: '<',
      value: 1,
      textZh: '乙肝母婴传播率<1%（12月龄HBsAg阳性）',
    },
  ]),
  ...targetsFor(NATIONAL_REGION_CODE, 2025, CERVICAL_PLAN_SOURCE, [
    {
      indicatorId: 'cervical_screening_coverage',
      comparator: '>=',
      value: 50,
      textZh: '到2025年适龄妇女宫颈癌筛查率达到50%',
    },
    {
      indicatorId: 'cervical_precancer_cancer_treatment_rate',
      comparator: '>=',
      value: 90,
      textZh: '宫颈癌及癌前病变患者治疗率达到90%',
    },
  ]),
  ...targetsFor(NATIONAL_REGION_CODE, 2030, CERVICAL_PLAN_SOURCE, [
    {
      indicatorId: 'cervical_screening_coverage',
      comparator: '>=',
      value: 70,
      textZh: '到2030年适龄妇女宫颈癌筛查率达到70%',
    },
    {
      indicatorId: 'cervical_precancer_cancer_treatment_rate',
      comparator: '>=',
      value: 90,
      textZh: '宫颈癌及癌前病变患者治疗率达到90%',
    },
  ]),
  ...targetsFor(NATIONAL_REGION_CODE, 2025, '早产儿保健工作规范（2017）; REFERENCE §5.4', [
    {
      indicatorId: 'preterm_case_management_rate',
      comparator: '>=',
      value: 80,
      textZh: '早产儿专案管理率≥80%',
      note: '2017年起的常设目标，此处记为2025年',
      noteEn: 'A standing target since 2017, entered for 2025',
    },
  ]),
  ...targetsFor(NATIONAL_REGION_CODE, 2025, MATERNAL_SAFETY_PLAN_SOURCE, [
    {
      indicatorId: 'maternal_mortality_ratio',
      comparator: '<=',
      value: 14.5,
      textZh: '到2025年全国孕产妇死亡率下降到14.5/10万',
      note: `${RECALLED_NOTE}；与奈曼旗2023年目标一致`,
      noteEn: `${RECALLED_NOTE_EN}; matches the Naiman 2023 target`,
      status: 'R',
    },
    {
      indicatorId: 'infant_mortality_rate',
      comparator: '<=',
      value: 5.2,
      textZh: '到2025年全国婴儿死亡率下降到5.2‰',
      note: RECALLED_NOTE,
      noteEn: RECALLED_NOTE_EN,
      status: 'R',
    },
  ]),
  ...targetsFor(NATIONAL_REGION_CODE, 2025, CHILD_HEALTH_PLAN_SOURCE, [
    {
      indicatorId: 'neonatal_mortality_rate',
      comparator: '<=',
      value: 3.8,
      textZh: '新生儿死亡率降至3.8‰以下',
      note: RECALLED_NOTE,
      noteEn: RECALLED_NOTE_EN,
      status: 'R',
    },
    {
      indicatorId: 'under5_mortality_rate',
      comparator: '<=',
      value: 6.6,
      textZh: '5岁以下儿童死亡率降至6.6‰以下',
      note: RECALLED_NOTE,
      noteEn: RECALLED_NOTE_EN,
      status: 'R',
    },
    {
      indicatorId: 'under3_systematic_management_rate',
      comparator: '>=',
      value: 85,
      textZh: '3岁以下儿童系统管理率保持在85%以上',
      note: RECALLED_NOTE,
      noteEn: RECALLED_NOTE_EN,
      status: 'R',
    },
    {
      indicatorId: 'under7_health_management_rate',
      comparator: '>=',
      value: 85,
      textZh: '7岁以下儿童健康管理率保持在85%以上',
      note: RECALLED_NOTE,
      noteEn: RECALLED_NOTE_EN,
      status: 'R',
    },
    {
      indicatorId: 'exclusive_breastfeeding_under6m_rate',
      comparator: '>=',
      value: 50,
      textZh: '0–6个月婴儿纯母乳喂养率达到50%以上',
      note: RECALLED_NOTE,
      noteEn: RECALLED_NOTE_EN,
      status: 'R',
    },
  ]),
  ...targetsFor(NATIONAL_REGION_CODE, 2027, BIRTH_DEFECT_PLAN_SOURCE, [
    {
      indicatorId: 'prenatal_screening_rate',
      comparator: '>=',
      value: 90,
      textZh: '到2027年产前筛查率达到90%',
      note: `${RECALLED_NOTE}；与奈曼旗2023年目标一致`,
      noteEn: `${RECALLED_NOTE_EN}; matches the Naiman 2023 target`,
      status: 'R',
    },
    {
      indicatorId: 'newborn_metabolic_screening_rate',
      comparator: '>=',
      value: 98,
      textZh: '新生儿遗传代谢性疾病筛查率达到98%',
      note: `${RECALLED_NOTE}；与奈曼旗2023年目标一致`,
      noteEn: `${RECALLED_NOTE_EN}; matches the Naiman 2023 target`,
      status: 'R',
    },
    {
      indicatorId: 'newborn_hearing_screening_rate',
      comparator: '>=',
      value: 90,
      textZh: '新生儿听力障碍筛查率达到90%',
      note: `${RECALLED_NOTE}；与奈曼旗2023年目标一致`,
      noteEn: `${RECALLED_NOTE_EN}; matches the Naiman 2023 target`,
      status: 'R',
    },
  ]),
];

/** Every preloaded target: Zhoushan 2019, Naiman 2023 and the national ones. */
export const preloadedTargets: readonly IndicatorTarget[] = [
  ...zhoushan2019Targets,
  ...naiman2023Targets,
  ...nationalTargets,
];

/** Preloaded indicator-version choices: Zhoushan counts the caesarean rate by institution and calendar year. */
export const preloadedIndicatorVersionChoices: readonly IndicatorVersionChoice[] = [
  {
    regionCode: ZHOUSHAN_REGION_CODE,
    indicatorId: 'caesarean_rate',
    version: 'facility_calendar_year',
    source: ZHOUSHAN_SOURCE,
    note: '剖宫产率（按助产机构自然年分娩情况计算）',
  },
];

/** A target written in a seed document that maps to no catalogue indicator. */
export interface UnmappedSeedTarget {
  regionCode: string;
  year: number;
  source: string;
  textZh: string;
  reasonZh: string;
  reasonEn: string;
}

/** Seed targets left out of the sets above, and why. */
export const unmappedSeedTargets: readonly UnmappedSeedTarget[] = [
  {
    regionCode: ZHOUSHAN_REGION_CODE,
    year: 2019,
    source: ZHOUSHAN_SOURCE,
    textZh: '重大项目：重大公共卫生服务项目妇幼专项——达到省定目标',
    reasonZh: '无数值，指向各项目的省定目标（如两癌、孕前优生、叶酸等），应按项目分别录入目标',
    reasonEn:
      'No value: it points to provincial targets of each funded programme, which are entered per programme and indicator',
  },
  {
    regionCode: ZHOUSHAN_REGION_CODE,
    year: 2019,
    source: ZHOUSHAN_SOURCE,
    textZh: '重大项目：计划生育技术服务——达省市计划生育目标管理责任制要求',
    reasonZh: '无数值，是计划生育目标管理责任制的考核要求，不是单一统计指标',
    reasonEn: 'No value: a requirement of the family-planning responsibility system, not a single statistic',
  },
  {
    regionCode: ZHOUSHAN_REGION_CODE,
    year: 2019,
    source: ZHOUSHAN_TEXT_SOURCE,
    textZh: '6月底前每个县(区)至少有1家助产机构提供出生"一件事""多证联办"服务，年底前所有助产机构全面推广',
    reasonZh: '工作任务的时间节点（工作要点/任务进度），不是率',
    reasonEn: 'A milestone of a work-plan task (tracked as task progress), not a rate',
  },
  {
    regionCode: ZHOUSHAN_REGION_CODE,
    year: 2019,
    source: ZHOUSHAN_TEXT_SOURCE,
    textZh: '对各医共体成员单位和未参加医共体的基层机构每年至少开展2次现场指导',
    reasonZh: '督导频次要求（督导记录），不是人群指标',
    reasonEn: 'A supervision-frequency requirement (supervision records), not a population indicator',
  },
  {
    regionCode: NAIMAN_REGION_CODE,
    year: 2023,
    source: NAIMAN_SOURCE,
    textZh: '7.先天性心脏病、唐氏综合征、耳聋、神经管缺陷等严重出生缺陷得到有效控制',
    reasonZh: '定性目标，无数值；可参考出生缺陷发生率（birth_defect_incidence）的趋势',
    reasonEn: 'Qualitative, no value; the trend of birth_defect_incidence is the nearest measure',
  },
  {
    regionCode: NAIMAN_REGION_CODE,
    year: 2023,
    source: NAIMAN_SOURCE,
    textZh: '倡导0-6个月婴儿纯母乳喂养，为6个月以上婴儿适时合理添加辅食',
    reasonZh: '倡导性表述，无数值（相关指标为 exclusive_breastfeeding_under6m_rate）',
    reasonEn: 'Advocacy without a value (related indicator: exclusive_breastfeeding_under6m_rate)',
  },
];
