/**
 * The annual report (年报) tables in the style of the national MCH statistical survey system (妇幼健康统计调查制度,
 * REFERENCE §3): 卫统41 maternal health, 卫统42 child health under 7, 卫统43 non-resident (非户籍) population,
 * 卫统44 women's common-disease screening and 卫统46 premarital health care. Each table is a list of sections; a
 * section is a tree of columns whose leaves name where the number comes from: a count of the server's measure
 * engine, an indicator of the catalogue (its numerator, denominator or value, under the version the region
 * reports), or a rate of two engine counts. Rows are the regions (the child regions of the reported region and the
 * total); the server fills the cells, so the report and the dashboards read the same numbers.
 *
 * The column lists follow the national tables' content [R]: the national forms were seen only in part (their
 * numbering and columns differ between the 2012, 2015 and 2020 editions), so these are "卫统41-style" tables, not
 * facsimiles. Tables 41 and 42 are shown for both the household-registration (户籍) and the residence (常住)
 * population, as the national system reports 户籍 and 非户籍 separately and local work plans judge targets on
 * residents; table 43 counts residents whose household registration lies in another county.
 */
import type { GynSurveyFinding } from '../women/gyn-pelvic';
import type { IndicatorUnit } from './indicator-types';

/** Ids of the annual report tables. */
export type AnnualReportTableId = 'wt41' | 'wt42' | 'wt43' | 'wt44' | 'wt46';

/** All table ids, in report order. */
export const ANNUAL_REPORT_TABLE_IDS: readonly AnnualReportTableId[] = ['wt41', 'wt42', 'wt43', 'wt44', 'wt46'];

/**
 * Population a table is counted for: `hukou` household registration in the area (户籍), `residence` living in the
 * area (常住), `non_hukou` living in the area with the household registration in another county (非户籍).
 */
export type ReportBasis = 'hukou' | 'residence' | 'non_hukou';

/** zh-CN / en-US labels of the report bases. */
export const REPORT_BASIS_LABELS: Readonly<Record<ReportBasis, { zh: string; en: string }>> = {
  hukou: { zh: '户籍人口', en: 'Household-registered population' },
  residence: { zh: '常住人口', en: 'Resident population' },
  non_hukou: { zh: '非户籍人口', en: 'Non-registered (floating) residents' },
};

/** Unit printed under a column. */
export type ReportUnit = '人' | '例' | '%' | '‰' | '1/10万' | '1/万';

/** The report unit of an indicator unit. */
export function reportUnitOf(unit: IndicatorUnit): ReportUnit {
  switch (unit) {
    case '%':
      return '%';
    case '‰':
      return '‰';
    case 'per_100k':
      return '1/10万';
    case 'per_10k':
      return '1/万';
    case 'count':
      return '例';
  }
}

/** zh-CN / en-US labels of the report units. */
export const REPORT_UNIT_LABELS: Readonly<Record<ReportUnit, { zh: string; en: string }>> = {
  人: { zh: '人', en: 'persons' },
  例: { zh: '例', en: 'cases' },
  '%': { zh: '%', en: '%' },
  '‰': { zh: '‰', en: '‰' },
  '1/10万': { zh: '1/10万', en: 'per 100,000' },
  '1/万': { zh: '1/万', en: 'per 10,000' },
};

/**
 * Where a cell's number comes from:
 * - `measure`: a count of the engine (an id of `indicatorMeasures`, or a server-internal `part_` count);
 * - `indicator`: an indicator of the catalogue, under the version the region reports (its value, numerator or
 *   denominator), exactly as the indicator API and the dashboard compute it;
 * - `ratio`: numerator ÷ denominator × the unit's multiplier of two engine counts (a rate with no catalogue entry,
 *   e.g. the premarital examination rate of men).
 */
export type ReportSource =
  | { kind: 'measure'; measure: string }
  | { kind: 'indicator'; indicator: string; part: 'value' | 'numerator' | 'denominator' }
  | { kind: 'ratio'; numerator: string; denominator: string; unit: IndicatorUnit };

/** A column of a report section: a group (with children) or a leaf (with a source and a unit). */
export interface ReportColumn {
  /** Unique within the table (leaves only need it, groups get one for layout). */
  key: string;
  labelZh: string;
  labelEn: string;
  unit?: ReportUnit;
  source?: ReportSource;
  children?: readonly ReportColumn[];
  /** How the column is read, when it needs saying. */
  noteZh?: string;
  noteEn?: string;
}

/** A section of a table: one grid with the regions as rows. */
export interface ReportSection {
  id: string;
  titleZh: string;
  titleEn: string;
  columns: readonly ReportColumn[];
}

/** One annual report table. */
export interface AnnualReportTable {
  id: AnnualReportTableId;
  /** Number of the national form the table follows, e.g. '卫统41表'. */
  code: string;
  titleZh: string;
  titleEn: string;
  /** Populations the table is shown for, in order. */
  bases: readonly ReportBasis[];
  sections: readonly ReportSection[];
  /** Notes printed under the table. */
  notesZh: readonly string[];
  notesEn: readonly string[];
}

/** Groups of the gynaecological survey findings reported as disease columns of table 44 [R]. */
export interface GynFindingGroup {
  id: string;
  labelZh: string;
  labelEn: string;
  findings: readonly GynSurveyFinding[];
}

/**
 * The disease columns of table 44: vaginitis (trichomonal, candidal, bacterial), cervicitis, uterine myoma, ovarian
 * tumour, breast disease, and the rest [R]. Every finding code belongs to exactly one group.
 */
export const ANNUAL_REPORT_GYN_FINDING_GROUPS: readonly GynFindingGroup[] = [
  {
    id: 'vaginitis',
    labelZh: '阴道炎',
    labelEn: 'Vaginitis',
    findings: ['trichomonal_vaginitis', 'candidal_vaginitis', 'bacterial_vaginosis'],
  },
  { id: 'cervicitis', labelZh: '宫颈炎', labelEn: 'Cervicitis', findings: ['cervicitis'] },
  { id: 'uterine_myoma', labelZh: '子宫肌瘤', labelEn: 'Uterine myoma', findings: ['uterine_myoma'] },
  { id: 'ovarian_tumour', labelZh: '卵巢肿瘤', labelEn: 'Ovarian tumour', findings: ['ovarian_tumour'] },
  { id: 'breast_disease', labelZh: '乳腺疾病', labelEn: 'Breast disease', findings: ['breast_disease'] },
  {
    id: 'other',
    labelZh: '其他',
    labelEn: 'Other',
    findings: ['cervical_polyp', 'pelvic_inflammatory_disease', 'uterine_prolapse', 'other'],
  },
];

const measure = (key: string, labelZh: string, labelEn: string, id: string, unit: ReportUnit = '人'): ReportColumn => ({
  key,
  labelZh,
  labelEn,
  unit,
  source: { kind: 'measure', measure: id },
});

const numeratorOf = (key: string, labelZh: string, labelEn: string, indicator: string): ReportColumn => ({
  key,
  labelZh,
  labelEn,
  unit: '人',
  source: { kind: 'indicator', indicator, part: 'numerator' },
});

const rate = (key: string, labelZh: string, labelEn: string, indicator: string, unit: ReportUnit): ReportColumn => ({
  key,
  labelZh,
  labelEn,
  unit,
  source: { kind: 'indicator', indicator, part: 'value' },
});

const ratio = (
  key: string,
  labelZh: string,
  labelEn: string,
  numerator: string,
  denominator: string,
  unit: IndicatorUnit = '%',
): ReportColumn => ({
  key,
  labelZh,
  labelEn,
  unit: reportUnitOf(unit),
  source: { kind: 'ratio', numerator, denominator, unit },
});

const group = (key: string, labelZh: string, labelEn: string, children: ReportColumn[]): ReportColumn => ({
  key,
  labelZh,
  labelEn,
  children,
});

const SRC_NOTE_ZH = '统计时段为报告年度（上年10月1日至本年9月30日）；数据由系统根据业务记录实时计算，与指标看板一致。';
const SRC_NOTE_EN =
  'Report year 1 Oct of the previous year to 30 Sep; computed live from the care records, the same figures as the dashboards.';

/** 卫统41-style: maternal health care and health. */
const WT41: AnnualReportTable = {
  id: 'wt41',
  code: '卫统41表',
  titleZh: '孕产妇保健和健康情况年报表',
  titleEn: 'Maternal health care and health (annual)',
  bases: ['hukou', 'residence'],
  sections: [
    {
      id: 'care',
      titleZh: '孕产妇保健',
      titleEn: 'Maternal care',
      columns: [
        group('births', '活产数', 'Live births', [
          measure('live_births', '合计', 'Total', 'live_births'),
          measure('live_births_male', '男', 'Male', 'part_live_births_male'),
          measure('live_births_female', '女', 'Female', 'part_live_births_female'),
          measure('live_births_sex_unknown', '性别不明', 'Sex unknown', 'part_live_births_sex_unknown'),
        ]),
        measure('deliveries', '产妇数', 'Women delivered', 'deliveries'),
        group('management', '孕产妇保健管理', 'Maternal care management', [
          numeratorOf('early_registered', '早孕建册人数', 'Registered early', 'early_pregnancy_registration_rate'),
          measure('anc', '产前检查人数', 'Antenatal care', 'anc_women'),
          measure('anc5', '产前检查≥5次人数', '≥5 antenatal visits', 'anc_5plus_women'),
          measure('postpartum', '产后访视人数', 'Postpartum visit', 'postpartum_visited_women'),
          numeratorOf('systematic', '系统管理人数', 'Systematically managed', 'maternal_systematic_management_rate'),
        ]),
        measure('hospital_births', '住院分娩活产数', 'Live births in hospital', 'hospital_live_births'),
        group('caesarean', '剖宫产', 'Caesarean', [
          measure('caesarean', '剖宫产人数', 'Caesareans', 'caesarean_deliveries'),
          measure(
            'caesarean_social',
            '其中无医学指征',
            'Of which without indication',
            'social_factor_caesarean_deliveries',
          ),
        ]),
        group('prenatal', '产前筛查与诊断', 'Prenatal screening and diagnosis', [
          numeratorOf('prenatal_screened', '产前筛查人数', 'Screened', 'prenatal_screening_rate'),
          measure('prenatal_high_risk', '筛查高风险人数', 'High risk', 'prenatal_screen_high_risk_women'),
          measure('prenatal_diagnosed', '产前诊断人数', 'Diagnosed', 'prenatal_diagnosed_women'),
        ]),
        group('pmtct', '孕产妇检测人数', 'Women tested', [
          measure('hiv', '艾滋病', 'HIV', 'hiv_tested_women'),
          measure('syphilis', '梅毒', 'Syphilis', 'syphilis_tested_women'),
          measure('hbv', '乙肝', 'Hepatitis B', 'hbv_tested_women'),
        ]),
        measure('anaemia', '中重度贫血人数', 'Moderate/severe anaemia', 'moderate_severe_anaemia_women'),
      ],
    },
    {
      id: 'health',
      titleZh: '孕产妇与围产儿健康',
      titleEn: 'Maternal and perinatal health',
      columns: [
        group('maternal_deaths', '孕产妇死亡', 'Maternal deaths', [
          measure('maternal_deaths', '死亡人数', 'Deaths', 'maternal_deaths'),
          measure('avoidable_deaths', '其中可避免', 'Of which avoidable', 'avoidable_maternal_deaths'),
        ]),
        group('perinatal', '围产儿', 'Perinatal', [
          measure('perinatal_births', '围产儿数', 'Perinatal births', 'perinatal_births'),
          measure('stillbirths', '死胎死产数', 'Fetal deaths and stillbirths', 'part_perinatal_stillbirths', '例'),
          measure('early_neonatal_deaths', '早期新生儿死亡数', 'Early neonatal deaths', 'early_neonatal_deaths'),
          measure('perinatal_deaths', '围产儿死亡数', 'Perinatal deaths', 'perinatal_deaths', '例'),
        ]),
        group('weight', '出生体重', 'Birth weight', [
          measure('weighed', '有体重记录的活产数', 'Live births weighed', 'live_births_weighed'),
          measure('low_weight', '低出生体重儿数', 'Low birth weight', 'low_birth_weight_live_births'),
          measure('preterm', '早产儿数', 'Preterm', 'preterm_live_births'),
        ]),
        measure('defects', '围产期出生缺陷儿数', 'Perinatal birth defects', 'perinatal_birth_defects', '例'),
      ],
    },
    {
      id: 'rates',
      titleZh: '主要指标',
      titleEn: 'Main indicators',
      columns: [
        rate('r_early', '早孕建册率', 'Early registration', 'early_pregnancy_registration_rate', '%'),
        rate('r_anc', '产前检查率', 'Antenatal care', 'antenatal_care_rate', '%'),
        rate('r_systematic', '系统管理率', 'Systematic management', 'maternal_systematic_management_rate', '%'),
        rate('r_postpartum', '产后访视率', 'Postpartum visits', 'postpartum_visit_rate', '%'),
        rate('r_hospital', '住院分娩率', 'Hospital delivery', 'hospital_delivery_rate', '%'),
        rate('r_caesarean', '剖宫产率', 'Caesarean', 'caesarean_rate', '%'),
        rate('r_prenatal', '产前筛查率', 'Prenatal screening', 'prenatal_screening_rate', '%'),
        rate('r_hiv', '艾滋病检测率', 'HIV testing', 'maternal_hiv_test_rate', '%'),
        rate('r_mmr', '孕产妇死亡率', 'Maternal mortality', 'maternal_mortality_ratio', '1/10万'),
        rate('r_perinatal', '围产儿死亡率', 'Perinatal mortality', 'perinatal_mortality_rate', '‰'),
        rate('r_lbw', '低出生体重发生率', 'Low birth weight', 'low_birth_weight_rate', '%'),
        rate('r_defects', '出生缺陷发生率', 'Birth defects', 'birth_defect_incidence', '1/万'),
      ],
    },
  ],
  notesZh: [
    SRC_NOTE_ZH,
    '产妇、活产按分娩日期计入；孕产妇死亡按死亡日期计入，不含意外死亡与晚期孕产妇死亡。',
    '系统管理人数、早孕建册人数、产前筛查人数按本地区选用的指标口径版本统计。',
  ],
  notesEn: [
    SRC_NOTE_EN,
    'Women and births by the date of delivery; maternal deaths by the date of death, accidents and late deaths excluded.',
    'Systematic management, early registration and prenatal screening follow the indicator version the region uses.',
  ],
};

/** 卫统42-style: health care and health of children under 7. */
const WT42: AnnualReportTable = {
  id: 'wt42',
  code: '卫统42表',
  titleZh: '7岁以下儿童保健和健康情况年报表',
  titleEn: 'Health care and health of children under 7 (annual)',
  bases: ['hukou', 'residence'],
  sections: [
    {
      id: 'deaths',
      titleZh: '儿童死亡',
      titleEn: 'Child deaths',
      columns: [
        measure('live_births', '活产数', 'Live births', 'live_births'),
        group('under5_deaths', '5岁以下儿童死亡数', 'Deaths under 5', [
          measure('under5_deaths', '合计', 'Total', 'under5_deaths'),
          measure('infant_deaths', '婴儿', 'Infants', 'infant_deaths'),
          measure('neonatal_deaths', '新生儿', 'Neonates', 'neonatal_deaths'),
          measure('early_neonatal_deaths', '早期新生儿', 'Early neonates', 'early_neonatal_deaths'),
        ]),
      ],
    },
    {
      id: 'care',
      titleZh: '儿童保健',
      titleEn: 'Child health care',
      columns: [
        measure('newborn_visited', '新生儿访视人数', 'Newborns visited', 'newborns_visited'),
        group('newborn_screening', '新生儿筛查人数', 'Newborns screened', [
          measure('metabolic', '遗传代谢病', 'Metabolic', 'metabolic_screened_live_births'),
          measure('hearing', '听力', 'Hearing', 'hearing_screened_live_births'),
          measure('chd', '先天性心脏病', 'Heart', 'chd_screened_live_births'),
        ]),
        group('under3', '3岁以下儿童', 'Children under 3', [
          measure('under3_children', '儿童数', 'Children', 'under3_children'),
          measure('under3_managed', '系统管理人数', 'Systematically managed', 'under3_systematically_managed'),
          measure('under3_dev', '发育筛查人数', 'Developmental screening', 'under3_developmental_screened'),
        ]),
        group('under7', '7岁以下儿童', 'Children under 7', [
          measure('under7_children', '儿童数', 'Children', 'under7_children'),
          measure('under7_checked', '健康管理人数', 'Health-managed', 'under7_checked'),
        ]),
        group('feeding', '6个月内婴儿', 'Infants under 6 months', [
          measure('surveyed', '调查人数', 'Surveyed', 'infants_under6m_surveyed'),
          measure('breastfed', '母乳喂养人数', 'Breastfed', 'infants_under6m_breastfed'),
          measure('exclusive', '纯母乳喂养人数', 'Exclusively breastfed', 'infants_under6m_exclusively_breastfed'),
        ]),
      ],
    },
    {
      id: 'nutrition',
      titleZh: '营养与专案管理',
      titleEn: 'Nutrition and case management',
      columns: [
        group('under5', '5岁以下儿童', 'Children under 5', [
          measure('measured', '身高体重检查人数', 'Measured', 'under5_measured'),
          measure('underweight', '低体重人数', 'Underweight', 'under5_underweight'),
          measure('stunted', '生长迟缓人数', 'Stunted', 'under5_stunted'),
          numeratorOf('overweight', '超重人数', 'Overweight', 'overweight_prevalence_under5'),
          numeratorOf('obese', '肥胖人数', 'Obese', 'obesity_prevalence_under5'),
        ]),
        group('nutrition', '营养性疾病', 'Nutritional disease', [
          measure('nutrition_found', '筛出人数', 'Found', 'nutrition_cases_found'),
          measure('nutrition_managed', '管理人数', 'Managed', 'nutrition_cases_managed'),
        ]),
        group('high_risk', '高危儿', 'High-risk infants', [
          measure('high_risk_found', '筛出人数', 'Found', 'high_risk_infants_found'),
          measure('high_risk_managed', '管理人数', 'Managed', 'high_risk_infants_managed'),
        ]),
        group('preterm', '早产儿', 'Preterm infants', [
          measure('preterm', '早产活产数', 'Preterm live births', 'preterm_live_births'),
          measure('preterm_managed', '专案管理人数', 'Under case management', 'preterm_infants_case_managed'),
        ]),
      ],
    },
    {
      id: 'rates',
      titleZh: '主要指标',
      titleEn: 'Main indicators',
      columns: [
        rate('r_imr', '婴儿死亡率', 'Infant mortality', 'infant_mortality_rate', '‰'),
        rate('r_nmr', '新生儿死亡率', 'Neonatal mortality', 'neonatal_mortality_rate', '‰'),
        rate('r_u5mr', '5岁以下儿童死亡率', 'Under-5 mortality', 'under5_mortality_rate', '‰'),
        rate('r_visit', '新生儿访视率', 'Newborn visits', 'newborn_visit_rate', '%'),
        rate('r_metabolic', '遗传代谢病筛查率', 'Metabolic screening', 'newborn_metabolic_screening_rate', '%'),
        rate('r_hearing', '听力筛查率', 'Hearing screening', 'newborn_hearing_screening_rate', '%'),
        rate('r_under3', '3岁以下系统管理率', 'Under-3 management', 'under3_systematic_management_rate', '%'),
        rate('r_under7', '7岁以下健康管理率', 'Under-7 management', 'under7_health_management_rate', '%'),
        rate('r_breastfeeding', '6个月内母乳喂养率', 'Breastfeeding <6 m', 'breastfeeding_under6m_rate', '%'),
        rate('r_underweight', '5岁以下低体重率', 'Underweight <5', 'underweight_prevalence_under5', '%'),
        rate('r_stunting', '5岁以下生长迟缓率', 'Stunting <5', 'stunting_prevalence_under5', '%'),
        rate('r_nutrition', '营养性疾病管理率', 'Nutrition cases managed', 'nutritional_disease_management_rate', '%'),
        rate('r_high_risk', '高危儿管理率', 'High-risk managed', 'high_risk_infant_management_rate', '%'),
        rate('r_dev', '0–3岁发育筛查率', 'Developmental screening', 'developmental_screening_0_3_rate', '%'),
      ],
    },
  ],
  notesZh: [
    SRC_NOTE_ZH,
    '儿童死亡按死亡日期计入；儿童数按报告期末（9月30日）年龄统计。',
    '超重、肥胖人数按本地区选用的判定口径版本统计。',
  ],
  notesEn: [
    SRC_NOTE_EN,
    'Child deaths by the date of death; children counted by their age on the last day (30 Sep).',
    'Overweight and obesity follow the cut-off version the region uses.',
  ],
};

/** 卫统43-style: residents whose household registration lies elsewhere. */
const WT43: AnnualReportTable = {
  id: 'wt43',
  code: '卫统43表',
  titleZh: '非户籍儿童与孕产妇健康状况年报表',
  titleEn: 'Health of non-registered children and mothers (annual)',
  bases: ['non_hukou'],
  sections: [
    {
      id: 'counts',
      titleZh: '非户籍孕产妇与儿童',
      titleEn: 'Non-registered mothers and children',
      columns: [
        measure('live_births', '活产数', 'Live births', 'live_births'),
        measure('deliveries', '产妇数', 'Women delivered', 'deliveries'),
        numeratorOf('systematic', '系统管理人数', 'Systematically managed', 'maternal_systematic_management_rate'),
        measure('hospital_births', '住院分娩活产数', 'Live births in hospital', 'hospital_live_births'),
        measure('maternal_deaths', '孕产妇死亡数', 'Maternal deaths', 'maternal_deaths'),
        group('under5_deaths', '5岁以下儿童死亡数', 'Deaths under 5', [
          measure('under5_deaths', '合计', 'Total', 'under5_deaths'),
          measure('infant_deaths', '婴儿', 'Infants', 'infant_deaths'),
          measure('neonatal_deaths', '新生儿', 'Neonates', 'neonatal_deaths'),
        ]),
        group('under7', '7岁以下儿童', 'Children under 7', [
          measure('under7_children', '儿童数', 'Children', 'under7_children'),
          measure('under7_checked', '健康管理人数', 'Health-managed', 'under7_checked'),
        ]),
      ],
    },
    {
      id: 'rates',
      titleZh: '主要指标',
      titleEn: 'Main indicators',
      columns: [
        rate('r_mmr', '孕产妇死亡率', 'Maternal mortality', 'maternal_mortality_ratio', '1/10万'),
        rate('r_imr', '婴儿死亡率', 'Infant mortality', 'infant_mortality_rate', '‰'),
        rate('r_nmr', '新生儿死亡率', 'Neonatal mortality', 'neonatal_mortality_rate', '‰'),
        rate('r_u5mr', '5岁以下儿童死亡率', 'Under-5 mortality', 'under5_mortality_rate', '‰'),
        rate('r_systematic', '孕产妇系统管理率', 'Systematic management', 'maternal_systematic_management_rate', '%'),
        rate('r_hospital', '住院分娩率', 'Hospital delivery', 'hospital_delivery_rate', '%'),
        rate('r_under7', '7岁以下健康管理率', 'Under-7 management', 'under7_health_management_rate', '%'),
      ],
    },
  ],
  notesZh: [SRC_NOTE_ZH, '非户籍：居住在本县区、户籍登记在其他县区的孕产妇和儿童（户籍地未登记者不计入）。'],
  notesEn: [
    SRC_NOTE_EN,
    'Non-registered: mothers and children living in the county with their household registration in another county (unknown registration not counted).',
  ],
};

/** 卫统44-style: women's common-disease screening (with the two-cancer screening). */
const WT44: AnnualReportTable = {
  id: 'wt44',
  code: '卫统44表',
  titleZh: '妇女常见病筛查情况年报表',
  titleEn: "Women's common-disease screening (annual)",
  bases: ['residence'],
  sections: [
    {
      id: 'survey',
      titleZh: '妇女常见病筛查',
      titleEn: 'Common-disease screening',
      columns: [
        measure('target', '应查人数', 'Due', 'gyn_survey_target_women'),
        measure('surveyed', '实查人数', 'Examined', 'gyn_surveyed_women'),
        measure('with_findings', '患病人数', 'With a finding', 'part_gyn_survey_women_with_findings'),
        group(
          'diseases',
          '主要疾病患病人数',
          'Main diseases',
          ANNUAL_REPORT_GYN_FINDING_GROUPS.map((g) =>
            measure(`finding_${g.id}`, g.labelZh, g.labelEn, `part_gyn_survey_${g.id}`),
          ),
        ),
      ],
    },
    {
      id: 'cancer',
      titleZh: '宫颈癌和乳腺癌筛查',
      titleEn: 'Cervical and breast cancer screening',
      columns: [
        measure('women_35_64', '35–64岁妇女数', 'Women 35–64', 'women_35_64'),
        group('cervical', '宫颈癌', 'Cervical', [
          measure('cervical_period', '本期筛查人数', 'Screened this year', 'part_cervical_screened_in_period'),
          measure(
            'cervical_interval',
            '规定间隔内筛查人数',
            'Screened within interval',
            'cervical_screened_in_interval',
          ),
          measure('cervical_abnormal', '异常/可疑人数', 'Abnormal', 'cervical_screen_abnormal_women'),
          measure('cervical_followed', '随访人数', 'Followed up', 'cervical_screen_abnormal_followed_up'),
          measure('cervical_cases', '癌及癌前病变', 'Cancer and CIN2+', 'cervical_precancer_cancer_cases', '例'),
          measure('cervical_treated', '治疗人数', 'Treated', 'cervical_precancer_cancer_treated'),
        ]),
        group('breast', '乳腺癌', 'Breast', [
          measure('breast_period', '本期筛查人数', 'Screened this year', 'part_breast_screened_in_period'),
          measure('breast_interval', '规定间隔内筛查人数', 'Screened within interval', 'breast_screened_in_interval'),
          measure('breast_abnormal', '异常/可疑人数', 'Abnormal', 'breast_screen_abnormal_women'),
          measure('breast_followed', '随访人数', 'Followed up', 'breast_screen_abnormal_followed_up'),
          measure('breast_cases', '乳腺癌', 'Breast cancer', 'breast_cancer_cases', '例'),
          measure('breast_treated', '治疗人数', 'Treated', 'breast_cancer_treated'),
        ]),
      ],
    },
    {
      id: 'rates',
      titleZh: '主要指标',
      titleEn: 'Main indicators',
      columns: [
        rate('r_survey', '妇女常见病筛查率', 'Screening rate', 'gyn_survey_rate', '%'),
        ratio('r_prevalence', '患病率', 'Prevalence', 'part_gyn_survey_women_with_findings', 'gyn_surveyed_women'),
        rate('r_cervical', '宫颈癌筛查覆盖率', 'Cervical coverage', 'cervical_screening_coverage', '%'),
        rate('r_breast', '乳腺癌筛查覆盖率', 'Breast coverage', 'breast_screening_coverage', '%'),
        rate('r_cervical_fu', '宫颈癌异常随访率', 'Cervical follow-up', 'cervical_screening_follow_up_rate', '%'),
        rate('r_breast_fu', '乳腺癌异常随访率', 'Breast follow-up', 'breast_screening_follow_up_rate', '%'),
        rate(
          'r_cervical_tx',
          '宫颈癌及癌前病变治疗率',
          'Cervical lesions treated',
          'cervical_precancer_cancer_treatment_rate',
          '%',
        ),
        rate('r_breast_tx', '乳腺癌治疗率', 'Breast cancer treated', 'breast_cancer_treatment_rate', '%'),
      ],
    },
  ],
  notesZh: [
    SRC_NOTE_ZH,
    '应查、实查人数取报告期内开始的普查活动（实查为活动目标年龄内的受检妇女，同一妇女只计一次）。',
    '规定间隔内筛查人数与覆盖率按期末35–64岁妇女计算（HPV 5年、细胞学3年、乳腺3年）。',
  ],
  notesEn: [
    SRC_NOTE_EN,
    'Due and examined women of the survey campaigns started in the report year (examined: women of the target ages, each counted once).',
    'Screening within the interval and coverage: women 35–64 at the end of the year (HPV 5 y, cytology 3 y, breast 3 y).',
  ],
};

/** 卫统46-style: premarital health care. */
const WT46: AnnualReportTable = {
  id: 'wt46',
  code: '卫统46表',
  titleZh: '婚前保健情况年报表',
  titleEn: 'Premarital health care (annual)',
  bases: ['residence'],
  sections: [
    {
      id: 'counts',
      titleZh: '婚前医学检查',
      titleEn: 'Premarital examination',
      columns: [
        group('registrants', '结婚登记人数', 'Marriage registrants', [
          measure('registrants', '合计', 'Total', 'marriage_registrants'),
          measure('registrants_male', '男', 'Men', 'part_marriage_registrants_male'),
          measure('registrants_female', '女', 'Women', 'part_marriage_registrants_female'),
        ]),
        group('examined', '婚前医学检查人数', 'Examined', [
          measure('examined', '合计', 'Total', 'premarital_examined_persons'),
          measure('examined_male', '男', 'Men', 'part_premarital_examined_male'),
          measure('examined_female', '女', 'Women', 'part_premarital_examined_female'),
        ]),
        group('diseases', '检出疾病人数', 'With a disease found', [
          measure('diseases_male', '男', 'Men', 'part_premarital_diseases_found_male'),
          measure('diseases_female', '女', 'Women', 'part_premarital_diseases_found_female'),
        ]),
        measure('counselled', '婚前卫生咨询人数', 'Counselled', 'part_premarital_counselled'),
      ],
    },
    {
      id: 'rates',
      titleZh: '主要指标',
      titleEn: 'Main indicators',
      columns: [
        rate('r_exam', '婚前医学检查率', 'Examination rate', 'premarital_exam_rate', '%'),
        ratio(
          'r_exam_male',
          '男性婚检率',
          'Men examined',
          'part_premarital_examined_male',
          'part_marriage_registrants_male',
        ),
        ratio(
          'r_exam_female',
          '女性婚检率',
          'Women examined',
          'part_premarital_examined_female',
          'part_marriage_registrants_female',
        ),
        ratio(
          'r_disease_male',
          '男性疾病检出率',
          'Diseases found, men',
          'part_premarital_diseases_found_male',
          'part_premarital_examined_male',
        ),
        ratio(
          'r_disease_female',
          '女性疾病检出率',
          'Diseases found, women',
          'part_premarital_diseases_found_female',
          'part_premarital_examined_female',
        ),
      ],
    },
  ],
  notesZh: [SRC_NOTE_ZH, '结婚登记人数来自民政部门按月提供的登记对数（每对男女各1人）；婚检人数按检查日期计入。'],
  notesEn: [
    SRC_NOTE_EN,
    'Marriage registrants from the civil-affairs monthly counts of couples (one man and one woman each); examinations by their date.',
  ],
};

/** Every annual report table, in report order. */
export const ANNUAL_REPORT_TABLES: readonly AnnualReportTable[] = [WT41, WT42, WT43, WT44, WT46];

/** A table by id. */
export function getAnnualReportTable(id: string): AnnualReportTable | undefined {
  return ANNUAL_REPORT_TABLES.find((t) => t.id === id);
}

/** The leaf columns of a section, left to right. */
export function reportLeafColumns(section: Pick<ReportSection, 'columns'>): ReportColumn[] {
  const out: ReportColumn[] = [];
  const walk = (cols: readonly ReportColumn[]) => {
    for (const c of cols) {
      if (c.children?.length) walk(c.children);
      else out.push(c);
    }
  };
  walk(section.columns);
  return out;
}

/** The leaf columns of every section of a table. */
export function tableLeafColumns(table: Pick<AnnualReportTable, 'sections'>): ReportColumn[] {
  return table.sections.flatMap((s) => reportLeafColumns(s));
}

/** Engine measure ids a table reads directly (measure sources and both sides of ratios). */
export function tableMeasureIds(table: Pick<AnnualReportTable, 'sections'>): string[] {
  const ids = new Set<string>();
  for (const c of tableLeafColumns(table)) {
    if (c.source?.kind === 'measure') ids.add(c.source.measure);
    if (c.source?.kind === 'ratio') {
      ids.add(c.source.numerator);
      ids.add(c.source.denominator);
    }
  }
  return [...ids];
}

/** Catalogue indicator ids a table reads. */
export function tableIndicatorIds(table: Pick<AnnualReportTable, 'sections'>): string[] {
  const ids = new Set<string>();
  for (const c of tableLeafColumns(table)) if (c.source?.kind === 'indicator') ids.add(c.source.indicator);
  return [...ids];
}

/** One cell of a section's header grid (0-based row and column, with its spans). */
export interface ReportHeaderCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  labelZh: string;
  labelEn: string;
  unit?: ReportUnit;
  /** Set on leaf columns (and the leading columns: 'lead:<i>'). */
  key?: string;
}

/** The header of a section as a grid, the way a paper table prints it. */
export interface ReportHeaderLayout {
  /** Number of header rows of labels (the column-code row comes after). */
  depth: number;
  /** Number of grid columns (leading columns + leaves). */
  width: number;
  cells: ReportHeaderCell[];
  /** The column-code row (栏次): 甲, 乙… for the leading columns, 1, 2, 3… for the leaves. */
  codes: string[];
}

const LEAD_CODES = ['甲', '乙', '丙', '丁'];

/**
 * Lays out a section's header: leading columns (e.g. 地区, 代码) span every label row; a group spans its leaves and
 * sits on the row of its depth; a leaf spans the rows down to the last label row. Then the code row numbers the
 * columns as the national forms do (甲, 乙 for the leading columns; 1, 2, 3… for the data columns).
 * @example reportHeaderLayout({ columns: [{ key: 'a', labelZh: 'A', labelEn: 'A', children: [x, y] }] }, [{ labelZh: '地区', labelEn: 'Region' }])
 *   // depth 2; 地区 at (0,0) rowSpan 2; A at (0,1) colSpan 2; x at (1,1), y at (1,2); codes ['甲', '1', '2']
 */
export function reportHeaderLayout(
  section: Pick<ReportSection, 'columns'>,
  lead: readonly { labelZh: string; labelEn: string }[],
): ReportHeaderLayout {
  const depthOf = (c: ReportColumn): number =>
    c.children?.length ? 1 + Math.max(...c.children.map((k) => depthOf(k))) : 1;
  const depth = Math.max(1, ...section.columns.map((c) => depthOf(c)));
  const cells: ReportHeaderCell[] = lead.map((l, i) => ({
    row: 0,
    col: i,
    rowSpan: depth,
    colSpan: 1,
    labelZh: l.labelZh,
    labelEn: l.labelEn,
    key: `lead:${i}`,
  }));
  let col = lead.length;
  const place = (c: ReportColumn, row: number): number => {
    if (c.children?.length) {
      const start = col;
      let span = 0;
      for (const k of c.children) span += place(k, row + 1);
      cells.push({ row, col: start, rowSpan: 1, colSpan: span, labelZh: c.labelZh, labelEn: c.labelEn });
      return span;
    }
    cells.push({
      row,
      col,
      rowSpan: depth - row,
      colSpan: 1,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      ...(c.unit ? { unit: c.unit } : {}),
      key: c.key,
    });
    col += 1;
    return 1;
  };
  for (const c of section.columns) place(c, 0);
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const leaves = col - lead.length;
  const codes = [
    ...lead.map((_, i) => LEAD_CODES[i] ?? `甲${i}`),
    ...Array.from({ length: leaves }, (_, i) => String(i + 1)),
  ];
  return { depth, width: col, cells, codes };
}
