import { describe, expect, it } from 'vitest';
import {
  getIndicator,
  indicatorCatalogue,
  indicatorForVersion,
  indicatorIds,
  measuresOfIndicator,
} from './indicator-catalogue';
import { getIndicatorMeasure, indicatorMeasures } from './indicator-measures';
import type { IndicatorDefinition, IndicatorUnit } from './indicator-types';
import {
  INDICATOR_AREAS,
  INDICATOR_PERIOD_KINDS,
  INDICATOR_UNIT_MULTIPLIERS,
  INDICATOR_UNITS,
  POPULATION_BASES,
  isIndicatorError,
} from './indicator-types';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CJK = /[\u4e00-\u9fff]/;
const entries = indicatorCatalogue.map((d) => [d.id, d] as const);

describe('catalogue is well-formed', () => {
  it('has unique snake_case ids', () => {
    const ids = indicatorIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !SNAKE.test(id))).toEqual([]);
  });

  it('has unique measure ids, each described in zh and en', () => {
    const ids = indicatorMeasures.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of indicatorMeasures) {
      expect(m.id).toMatch(SNAKE);
      expect(m.zh).toMatch(CJK);
      expect(m.en.length).toBeGreaterThan(5);
    }
  });

  it('uses every listed measure and lists every used measure', () => {
    const used = new Set(indicatorCatalogue.flatMap(measuresOfIndicator));
    const listed = new Set(indicatorMeasures.map((m) => m.id));
    expect([...used].filter((u) => !listed.has(u))).toEqual([]);
    expect([...listed].filter((l) => !used.has(l))).toEqual([]);
  });

  it.each(entries)('%s: fields are valid', (_id, d: IndicatorDefinition) => {
    expect(d.nameZh).toMatch(CJK);
    expect(d.nameEn.length).toBeGreaterThan(3);
    expect(d.numeratorZh).toMatch(CJK);
    expect(d.numeratorEn.length).toBeGreaterThan(3);
    expect(INDICATOR_UNITS).toContain(d.unit);
    expect(d.multiplier).toBe(INDICATOR_UNIT_MULTIPLIERS[d.unit]);
    expect(INDICATOR_PERIOD_KINDS).toContain(d.period);
    expect(POPULATION_BASES).toContain(d.populationBasis);
    expect(INDICATOR_AREAS).toContain(d.area);
    expect(['higher_better', 'lower_better']).toContain(d.direction);
    expect(['C', 'R', 'L']).toContain(d.status);
    expect(d.source.length).toBeGreaterThan(3);
    // a definition is confirmed only when REFERENCE marks it C and nothing is left to check
    expect(d.confirmed).toBe(d.status === 'C' && d.toConfirmZh === undefined);
    expect(d.toConfirmZh === undefined).toBe(d.toConfirmEn === undefined);
    for (const q of [d.query, ...(d.versions ?? []).flatMap((v) => (v.query ? [v.query] : []))]) {
      expect(getIndicatorMeasure(q.numerator)).toBeDefined();
      if (d.unit === 'count') expect(q.denominator).toBeUndefined();
      else expect(getIndicatorMeasure(q.denominator ?? '')).toBeDefined();
    }
    if (d.unit === 'count') {
      expect(d.denominatorZh).toBeNull();
      expect(d.denominatorEn).toBeNull();
    } else {
      expect(d.denominatorZh).toMatch(CJK);
      expect(d.denominatorEn?.length).toBeGreaterThan(3);
    }
  });

  it.each(entries.filter(([, d]) => d.versions !== undefined || d.defaultVersion !== undefined))(
    '%s: versions are well-formed and the default one equals the indicator',
    (id, d) => {
      expect(d.versions?.length).toBeGreaterThanOrEqual(2);
      const vids = (d.versions ?? []).map((v) => v.id);
      expect(new Set(vids).size).toBe(vids.length);
      expect(vids).toContain(d.defaultVersion);
      for (const v of d.versions ?? []) {
        expect(v.id).toMatch(SNAKE);
        expect(v.labelZh).toMatch(CJK);
        expect(v.confirmed).toBe(v.status === 'C');
      }
      const resolved = indicatorForVersion(id, d.defaultVersion);
      expect(resolved).toEqual({ ok: true, indicator: d, version: d.defaultVersion });
    },
  );
});

/** Rows of the REFERENCE §3 indicator table: name, numerator ÷ denominator, unit, status. */
const REFERENCE_S3: [string, string, IndicatorUnit, string, string | undefined, 'C' | 'R' | 'L'][] = [
  [
    '孕产妇死亡率: 孕产妇死亡数 ÷ 活产数, 1/10万',
    'maternal_mortality_ratio',
    'per_100k',
    'maternal_deaths',
    'live_births',
    'C',
  ],
  ['婴儿死亡率: <1岁死亡数 ÷ 活产数, ‰', 'infant_mortality_rate', '‰', 'infant_deaths', 'live_births', 'C'],
  ['新生儿死亡率: 出生28天内死亡数 ÷ 活产数, ‰', 'neonatal_mortality_rate', '‰', 'neonatal_deaths', 'live_births', 'C'],
  [
    '早期新生儿死亡率: <7天死亡数 ÷ 活产数, ‰',
    'early_neonatal_mortality_rate',
    '‰',
    'early_neonatal_deaths',
    'live_births',
    'C',
  ],
  ['5岁以下儿童死亡率: <5岁死亡数 ÷ 活产数, ‰', 'under5_mortality_rate', '‰', 'under5_deaths', 'live_births', 'C'],
  [
    '围产儿死亡率: (死胎死产+7天内死亡) ÷ (死胎死产+活产), ‰',
    'perinatal_mortality_rate',
    '‰',
    'perinatal_deaths',
    'perinatal_births',
    'C',
  ],
  [
    '孕产妇系统管理率: 系统管理产妇数 ÷ 活产数 (definition R)',
    'maternal_systematic_management_rate',
    '%',
    'systematically_managed_women_28d',
    'live_births',
    'R',
  ],
  [
    '早孕建册率: 孕13周前建册人数 ÷ 活产数',
    'early_pregnancy_registration_rate',
    '%',
    'early_registered_women',
    'live_births',
    'C',
  ],
  ['产前检查率: ≥1次产检的产妇数 ÷ 活产数', 'antenatal_care_rate', '%', 'anc_women', 'live_births', 'C'],
  [
    '产后访视率: 产后28天内访视产妇数 ÷ 活产数',
    'postpartum_visit_rate',
    '%',
    'postpartum_visited_women',
    'live_births',
    'C',
  ],
  [
    '住院分娩率: 乡镇卫生院及以上机构分娩活产数 ÷ 活产数',
    'hospital_delivery_rate',
    '%',
    'hospital_live_births',
    'live_births',
    'C',
  ],
  ['剖宫产率: 剖宫产数 ÷ 产妇数 (L)', 'caesarean_rate', '%', 'caesarean_deliveries', 'deliveries', 'L'],
  [
    '产前筛查率: 产前筛查人数 ÷ 产妇数',
    'prenatal_screening_rate',
    '%',
    'prenatal_screened_women_serum_or_cfdna',
    'deliveries',
    'C',
  ],
  ['产前诊断率: 产前诊断人数 ÷ 产妇数', 'prenatal_diagnosis_rate', '%', 'prenatal_diagnosed_women', 'deliveries', 'C'],
  [
    '新生儿遗传代谢病筛查率: 筛查活产数 ÷ 活产数 (R)',
    'newborn_metabolic_screening_rate',
    '%',
    'metabolic_screened_live_births',
    'live_births',
    'R',
  ],
  [
    '新生儿听力筛查率: 听力筛查数 ÷ 活产数 (R)',
    'newborn_hearing_screening_rate',
    '%',
    'hearing_screened_live_births',
    'live_births',
    'R',
  ],
  ['新生儿访视率: 28天内≥1次访视数 ÷ 活产数', 'newborn_visit_rate', '%', 'newborns_visited', 'live_births', 'C'],
  [
    '3岁以下儿童系统管理率: 4:2:2体检儿童数 ÷ 3岁以下儿童数 (R)',
    'under3_systematic_management_rate',
    '%',
    'under3_systematically_managed',
    'under3_children',
    'R',
  ],
  [
    '7岁以下儿童健康管理率: ≥1次体检 ÷ 7岁以下儿童数 (R)',
    'under7_health_management_rate',
    '%',
    'under7_checked',
    'under7_children',
    'R',
  ],
  [
    '6个月内母乳喂养率: 24h母乳喂养 ÷ 调查数',
    'breastfeeding_under6m_rate',
    '%',
    'infants_under6m_breastfed',
    'infants_under6m_surveyed',
    'C',
  ],
  [
    '6个月内纯母乳喂养率 (R)',
    'exclusive_breastfeeding_under6m_rate',
    '%',
    'infants_under6m_exclusively_breastfed',
    'infants_under6m_surveyed',
    'R',
  ],
  [
    '5岁以下低体重率: 患病数 ÷ 身高体重检查人数 (R)',
    'underweight_prevalence_under5',
    '%',
    'under5_underweight',
    'under5_measured',
    'R',
  ],
  ['5岁以下生长迟缓率 (R)', 'stunting_prevalence_under5', '%', 'under5_stunted', 'under5_measured', 'R'],
  ['5岁以下超重率 (R)', 'overweight_prevalence_under5', '%', 'under5_overweight_cn', 'under5_measured', 'R'],
  ['5岁以下肥胖率 (R)', 'obesity_prevalence_under5', '%', 'under5_obese_cn', 'under5_measured', 'R'],
  [
    '婚前医学检查率: 婚检人数 ÷ 结婚登记人数 (R)',
    'premarital_exam_rate',
    '%',
    'premarital_examined_persons',
    'marriage_registrants',
    'R',
  ],
  [
    '妇女常见病筛查率: 实查人数 ÷ 应查人数',
    'gyn_survey_rate',
    '%',
    'gyn_surveyed_women',
    'gyn_survey_target_women',
    'C',
  ],
  [
    '宫颈癌筛查率: 35–64岁间隔内筛查者 ÷ 35–64岁妇女 (method R)',
    'cervical_screening_coverage',
    '%',
    'cervical_screened_in_interval',
    'women_35_64',
    'R',
  ],
  ['乳腺癌筛查率 (method R)', 'breast_screening_coverage', '%', 'breast_screened_in_interval', 'women_35_64', 'R'],
  ['孕产妇HIV检测率: 检测产妇数 ÷ 产妇总数', 'maternal_hiv_test_rate', '%', 'hiv_tested_women', 'deliveries', 'C'],
  ['孕产妇梅毒检测率', 'maternal_syphilis_test_rate', '%', 'syphilis_tested_women', 'deliveries', 'C'],
  ['孕产妇乙肝检测率', 'maternal_hbv_test_rate', '%', 'hbv_tested_women', 'deliveries', 'C'],
  [
    '孕期HIV检测率: 孕期检测产妇数 ÷ 产妇总数',
    'maternal_hiv_test_in_pregnancy_rate',
    '%',
    'hiv_tested_in_pregnancy_women',
    'deliveries',
    'C',
  ],
  [
    '孕早期HIV检测率: ≤12+6周检测 ÷ 产妇总数',
    'maternal_hiv_early_test_rate',
    '%',
    'hiv_tested_early_women',
    'deliveries',
    'C',
  ],
  ['孕早期梅毒检测率', 'maternal_syphilis_early_test_rate', '%', 'syphilis_tested_early_women', 'deliveries', 'C'],
  ['孕早期乙肝检测率', 'maternal_hbv_early_test_rate', '%', 'hbv_tested_early_women', 'deliveries', 'C'],
  [
    '孕产期中重度贫血率: 中重度贫血产妇 ÷ 产妇数',
    'moderate_severe_anaemia_in_pregnancy_rate',
    '%',
    'moderate_severe_anaemia_women',
    'deliveries',
    'C',
  ],
  [
    '低出生体重发生率: <2500g活产 ÷ 有体重记录活产 (R)',
    'low_birth_weight_rate',
    '%',
    'low_birth_weight_live_births',
    'live_births_weighed',
    'R',
  ],
  [
    '出生缺陷发生率: 围产期缺陷儿 ÷ 围产儿数, 1/万',
    'birth_defect_incidence',
    'per_10k',
    'perinatal_birth_defects',
    'perinatal_births',
    'R',
  ],
  [
    '早产儿专案管理率: 专案管理早产儿 ÷ 早产活产数 (L)',
    'preterm_case_management_rate',
    '%',
    'preterm_infants_case_managed',
    'preterm_live_births',
    'L',
  ],
  [
    '高危儿管理率: 管理数 ÷ 筛出数 (L)',
    'high_risk_infant_management_rate',
    '%',
    'high_risk_infants_managed',
    'high_risk_infants_found',
    'L',
  ],
  [
    '营养性疾病管理率: 管理数 ÷ 筛出数 (L)',
    'nutritional_disease_management_rate',
    '%',
    'nutrition_cases_managed',
    'nutrition_cases_found',
    'L',
  ],
  [
    '0–3岁发育筛查率: 发育筛查<3岁儿童 ÷ <3岁儿童 (L)',
    'developmental_screening_0_3_rate',
    '%',
    'under3_developmental_screened',
    'under3_children',
    'L',
  ],
  [
    '托幼机构卫生保健合格率: 合格机构 ÷ 全部托幼机构 (L)',
    'childcare_facility_qualification_rate',
    '%',
    'childcare_facilities_qualified',
    'childcare_facilities',
    'L',
  ],
];

describe('definitions follow REFERENCE §3 (妇幼健康统计调查制度 / 年报)', () => {
  it.each(REFERENCE_S3)('REFERENCE §3 %s', (_row, id, unit, numerator, denominator, status) => {
    const d = getIndicator(id);
    expect(d).toBeDefined();
    expect(d?.unit).toBe(unit);
    expect(d?.query).toEqual(denominator === undefined ? { numerator } : { numerator, denominator });
    expect(d?.status).toBe(status);
  });

  it.each([
    [
      'REFERENCE §2.1 第二版: 孕妇健康管理率 = 产检≥5次人数 ÷ 活产数',
      'antenatal_5plus_visit_rate',
      'anc_5plus_women',
      'live_births',
    ],
    [
      'REFERENCE §8: 艾滋病感染孕产妇抗病毒用药率',
      'hiv_positive_mother_art_rate',
      'hiv_positive_mothers_on_art',
      'hiv_positive_mothers',
    ],
    [
      'REFERENCE §8: 所生儿童抗病毒用药率',
      'hiv_exposed_infant_prophylaxis_rate',
      'hiv_exposed_infants_on_arv',
      'hiv_exposed_live_births',
    ],
    [
      'REFERENCE §8: 梅毒感染孕产妇治疗率',
      'syphilis_mother_treatment_rate',
      'syphilis_positive_mothers_treated',
      'syphilis_positive_mothers',
    ],
    [
      'REFERENCE §8: 所生儿童预防性治疗率',
      'syphilis_exposed_infant_prophylaxis_rate',
      'syphilis_exposed_infants_treated',
      'syphilis_exposed_live_births',
    ],
    [
      'REFERENCE §8: HBIG及时注射率',
      'hbv_exposed_infant_hbig_rate',
      'hbv_exposed_infants_hbig_timely',
      'hbv_exposed_live_births',
    ],
    [
      'REFERENCE §8: 先天梅毒发病率 /10万活产',
      'congenital_syphilis_incidence',
      'congenital_syphilis_cases',
      'live_births',
    ],
    [
      'REFERENCE §9: 宫颈癌及癌前病变治疗率',
      'cervical_precancer_cancer_treatment_rate',
      'cervical_precancer_cancer_treated',
      'cervical_precancer_cancer_cases',
    ],
    [
      'REFERENCE §9: 宫颈癌筛查异常随访率',
      'cervical_screening_follow_up_rate',
      'cervical_screen_abnormal_followed_up',
      'cervical_screen_abnormal_women',
    ],
    [
      'REFERENCE §9: 乳腺癌筛查异常随访率',
      'breast_screening_follow_up_rate',
      'breast_screen_abnormal_followed_up',
      'breast_screen_abnormal_women',
    ],
  ])('%s', (_row, id, numerator, denominator) => {
    expect(getIndicator(id)?.query).toEqual({ numerator, denominator });
  });

  it.each([
    ['maternal_mortality_ratio', 100_000],
    ['infant_mortality_rate', 1000],
    ['birth_defect_incidence', 10_000],
    ['hospital_delivery_rate', 100],
    ['chd_echo_diagnoses', 1],
  ])('multiplier of %s is %d', (id, k) => {
    expect(getIndicator(id)?.multiplier).toBe(k);
  });

  it.each([
    ['maternal_mortality_ratio', 'lower_better'],
    ['caesarean_rate', 'lower_better'],
    ['obesity_prevalence_under5', 'lower_better'],
    ['maternal_systematic_management_rate', 'higher_better'],
    ['maternal_hbv_early_test_rate', 'higher_better'],
  ])('direction of %s is %s', (id, dir) => {
    expect(getIndicator(id)?.direction).toBe(dir);
  });

  it('年报 indicators default to the report year; the Zhoushan caesarean version is calendar-year by institution', () => {
    expect(getIndicator('maternal_systematic_management_rate')?.period).toBe('report_year');
    const r = indicatorForVersion('caesarean_rate', 'facility_calendar_year');
    expect(r).toMatchObject({
      ok: true,
      indicator: {
        period: 'calendar_year',
        populationBasis: 'facility',
        query: { numerator: 'facility_caesarean_deliveries', denominator: 'facility_deliveries' },
      },
    });
  });

  it('基本公卫 indicators count residents (常住, REFERENCE §2.1)', () => {
    for (const id of ['early_pregnancy_registration_rate', 'postpartum_visit_rate', 'newborn_visit_rate']) {
      expect(getIndicator(id)?.populationBasis).toBe('residence');
    }
  });
});

describe('versions where texts differ (REFERENCE "Unconfirmed" item 3)', () => {
  it.each([
    [
      '系统管理至产后42天',
      'maternal_systematic_management_rate',
      'postpartum_42d',
      'systematically_managed_women_42d',
      'live_births',
    ],
    [
      '系统管理至产后28天',
      'maternal_systematic_management_rate',
      'postpartum_28d',
      'systematically_managed_women_28d',
      'live_births',
    ],
    ['剖宫产率分母为活产数', 'caesarean_rate', 'per_live_births', 'caesarean_deliveries', 'live_births'],
    ['剖宫产率分母为产妇数', 'caesarean_rate', 'per_deliveries', 'caesarean_deliveries', 'deliveries'],
    ['产前筛查不含NIPT', 'prenatal_screening_rate', 'serum_only', 'prenatal_screened_women_serum', 'deliveries'],
    [
      '产前筛查含NIPT',
      'prenatal_screening_rate',
      'serum_or_cfdna',
      'prenatal_screened_women_serum_or_cfdna',
      'deliveries',
    ],
    [
      '早孕建册率分母为产妇数（地方）',
      'early_pregnancy_registration_rate',
      'per_deliveries',
      'early_registered_women',
      'deliveries',
    ],
    [
      '社会因素剖宫产占剖宫产总数',
      'social_factor_caesarean_rate',
      'per_caesareans',
      'social_factor_caesarean_deliveries',
      'caesarean_deliveries',
    ],
    ['超重WHO口径 +2SD', 'overweight_prevalence_under5', 'who_2006', 'under5_overweight_who', 'under5_measured'],
    [
      '奈曼旗农村牧区宫颈癌筛查',
      'cervical_screening_coverage',
      'rural_women_35_64',
      'cervical_screened_in_interval_rural',
      'women_35_64_rural',
    ],
  ])('%s', (_label, id, versionId, numerator, denominator) => {
    const r = indicatorForVersion(id, versionId);
    if (isIndicatorError(r)) throw new Error(r.code);
    expect(r.version).toBe(versionId);
    expect(r.indicator.query).toEqual({ numerator, denominator });
  });

  it('a version is confirmed only when the indicator is', () => {
    const r = indicatorForVersion('prenatal_screening_rate', 'serum_only');
    expect(r).toMatchObject({ ok: true, indicator: { confirmed: false } });
  });

  it.each([
    ['no_such_indicator', undefined, 'unknown_indicator'],
    ['caesarean_rate', 'no_such_version', 'unknown_version'],
    ['maternal_mortality_ratio', 'postpartum_42d', 'unknown_version'],
  ])('indicatorForVersion(%s, %s) fails with %s', (id, v, code) => {
    expect(indicatorForVersion(id, v)).toMatchObject({ ok: false, code });
  });

  it('without a version it returns the indicator and its default version', () => {
    expect(indicatorForVersion('caesarean_rate')).toMatchObject({ ok: true, version: 'per_deliveries' });
    expect(indicatorForVersion('infant_mortality_rate')).toMatchObject({ ok: true, version: null });
  });
});

describe('the issue list is covered', () => {
  it.each([
    // mortality
    'maternal_mortality_ratio',
    'infant_mortality_rate',
    'neonatal_mortality_rate',
    'under5_mortality_rate',
    'perinatal_mortality_rate',
    // maternal care
    'early_pregnancy_registration_rate',
    'antenatal_care_rate',
    'antenatal_5plus_visit_rate',
    'maternal_systematic_management_rate',
    'postpartum_visit_rate',
    'hospital_delivery_rate',
    'caesarean_rate',
    'social_factor_caesarean_rate',
    // screening
    'prenatal_screening_rate',
    'prenatal_diagnosis_rate',
    'newborn_metabolic_screening_rate',
    'newborn_hearing_screening_rate',
    'chd_echo_diagnoses',
    // PMTCT
    'maternal_hiv_test_rate',
    'maternal_syphilis_test_in_pregnancy_rate',
    'maternal_hbv_early_test_rate',
    'hiv_positive_mother_art_rate',
    'syphilis_mother_treatment_rate',
    'hiv_exposed_infant_prophylaxis_rate',
    'syphilis_exposed_infant_prophylaxis_rate',
    'hbv_exposed_infant_hbig_rate',
    // child health
    'newborn_visit_rate',
    'under3_systematic_management_rate',
    'under7_health_management_rate',
    'breastfeeding_under6m_rate',
    'exclusive_breastfeeding_under6m_rate',
    'nutritional_disease_management_rate',
    'high_risk_infant_management_rate',
    'preterm_case_management_rate',
    'developmental_screening_0_3_rate',
    'low_birth_weight_rate',
    'underweight_prevalence_under5',
    'stunting_prevalence_under5',
    'overweight_prevalence_under5',
    'obesity_prevalence_under5',
    // women
    'premarital_exam_rate',
    'gyn_survey_rate',
    'cervical_screening_coverage',
    'breast_screening_coverage',
    'cervical_screening_follow_up_rate',
    'breast_screening_follow_up_rate',
    'cervical_precancer_cancer_treatment_rate',
    'breast_cancer_treatment_rate',
    // other
    'birth_defect_incidence',
    'childcare_facility_qualification_rate',
    'moderate_severe_anaemia_in_pregnancy_rate',
  ])('%s is in the catalogue', (id) => {
    expect(getIndicator(id)?.id).toBe(id);
  });

  it.each([
    ['妇女病普查率', 'gyn_survey_rate'],
    ['免费婚前检查率', 'premarital_exam_rate'],
    ['7岁以下儿童保健管理覆盖率', 'under7_health_management_rate'],
    ['3岁以下儿童保健系统管理率', 'under3_systematic_management_rate'],
    ['孕产妇住院分娩率', 'hospital_delivery_rate'],
    ['新生儿遗传代谢性疾病筛查率', 'newborn_metabolic_screening_rate'],
    ['6个月以下婴儿母乳喂养率', 'breastfeeding_under6m_rate'],
    ['五岁以下儿童死亡率', 'under5_mortality_rate'],
  ])('seed wording %s is an alias of %s', (alias, id) => {
    const hits = indicatorCatalogue.filter((d) => d.nameZh === alias || d.aliasesZh.includes(alias));
    expect(hits.map((d) => d.id)).toEqual([id]);
  });
});
