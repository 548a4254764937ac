import { describe, expect, it } from 'vitest';
import { getIndicator } from './indicator-catalogue';
import type { IndicatorTarget, TargetComparator } from './indicator-targets';
import { evaluateTarget, NATIONAL_REGION_CODE, resolveIndicatorVersion, resolveTarget } from './indicator-targets';
import {
  NAIMAN_REGION_CODE,
  naiman2023Targets,
  nationalTargets,
  preloadedIndicatorVersionChoices,
  preloadedTargets,
  unmappedSeedTargets,
  ZHOUSHAN_REGION_CODE,
  zhoushan2019Targets,
} from './target-sets';

type Row = [string, string, TargetComparator, number];

function find(set: readonly IndicatorTarget[], indicatorId: string): IndicatorTarget[] {
  return set.filter((t) => t.indicatorId === indicatorId);
}

const SEED_003 = '舟卫发〔2019〕35号 2019年舟山市妇幼健康工作核心指标';
const ZHOUSHAN: Row[] = [
  [
    '1. 孕产妇死亡率: 不发生因保健工作不到位和产科直接原因导致的孕产妇死亡',
    'avoidable_maternal_deaths',
    'no_avoidable_maternal_death',
    0,
  ],
  ['2. 婴儿死亡率 < 4.5‰', 'infant_mortality_rate', '<', 4.5],
  ['3. 五岁以下儿童死亡率 < 5.5‰', 'under5_mortality_rate', '<', 5.5],
  ['重点1. 剖宫产率 以县区为单位控制在43%以下', 'caesarean_rate', '<=', 43],
  ['重点2. 6个月以下婴儿母乳喂养率 ≥ 92%', 'breastfeeding_under6m_rate', '>=', 92],
  ['重点3. 免费婚前检查率 ≥ 92%', 'premarital_exam_rate', '>=', 92],
  ['重点4. 妇女病普查率 ≥ 80%', 'gyn_survey_rate', '>=', 80],
  ['重点5. 孕产妇系统管理率 ≥ 93%', 'maternal_systematic_management_rate', '>=', 93],
  ['重点6. 孕产妇住院分娩率 ≥ 99%', 'hospital_delivery_rate', '>=', 99],
  ['重点7. 产前筛查率 ≥ 88%', 'prenatal_screening_rate', '>=', 88],
  ['重点8. 7岁以下儿童保健管理覆盖率 ≥ 95%', 'under7_health_management_rate', '>=', 95],
  ['重点9. 3岁以下儿童保健系统管理率 ≥ 95%', 'under3_systematic_management_rate', '>=', 95],
  ['重点10. 儿童营养性疾病管理率 ≥ 99%', 'nutritional_disease_management_rate', '>=', 99],
  ['重点11. 高危儿管理率 ≥ 99%', 'high_risk_infant_management_rate', '>=', 99],
  ['重点12. 新生儿遗传代谢性疾病筛查率 ≥ 99%', 'newborn_metabolic_screening_rate', '>=', 99],
  ['重点13. 新生儿听力筛查率 ≥ 99%', 'newborn_hearing_screening_rate', '>=', 99],
  ['重点14. 托幼机构卫生保健合格率 ≥ 95%', 'childcare_facility_qualification_rate', '>=', 95],
  ['重点15. 0-3岁儿童发育筛查率 ≥ 90%', 'developmental_screening_0_3_rate', '>=', 90],
  ['正文(六) 完成心脏超声诊断208例以上', 'chd_echo_diagnoses', '>=', 208],
  ['正文(五) 母子健康手册APP服务对象覆盖率达到80%以上', 'handbook_app_coverage_rate', '>=', 80],
];

const SEED_002 = '2023年奈曼旗妇幼健康促进行动实施方案 主要目标';
const NAIMAN: Row[] = [
  ['1. 婴儿死亡率控制在5‰及以下', 'infant_mortality_rate', '<=', 5],
  ['2. 5岁以下儿童死亡率控制在6‰及以下', 'under5_mortality_rate', '<=', 6],
  ['3. 孕产妇死亡率下降到14.5/10万及以下', 'maternal_mortality_ratio', '<=', 14.5],
  ['4. 孕产妇系统管理率达到93%以上', 'maternal_systematic_management_rate', '>=', 93],
  ['5. 产前筛查率达到90%及以上', 'prenatal_screening_rate', '>=', 90],
  ['6. 新生儿遗传代谢性疾病筛查率达到98%及以上', 'newborn_metabolic_screening_rate', '>=', 98],
  ['6. 新生儿听力筛查率达到90%及以上', 'newborn_hearing_screening_rate', '>=', 90],
  ['8. 3岁以下儿童健康管理率达到93%以上', 'under3_systematic_management_rate', '>=', 93],
  ['9. 7岁以下儿童健康管理率达到93%以上', 'under7_health_management_rate', '>=', 93],
  ['10. 农村牧区适龄妇女宫颈癌筛查覆盖率达到100%', 'cervical_screening_coverage', '>=', 100],
  ['10. 农村牧区适龄妇女乳腺癌筛查覆盖率达到100%', 'breast_screening_coverage', '>=', 100],
];

describe(`Zhoushan 2019 (${SEED_003}) for 舟山市 330900`, () => {
  it.each(ZHOUSHAN)('%s', (_text, indicatorId, comparator, value) => {
    const hits = find(zhoushan2019Targets, indicatorId);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ regionCode: '330900', year: 2019, comparator, value });
  });

  it('holds exactly the table and text targets', () => {
    expect(zhoushan2019Targets).toHaveLength(ZHOUSHAN.length);
  });

  it('the caesarean target is stated under the institution, calendar-year version', () => {
    expect(find(zhoushan2019Targets, 'caesarean_rate')[0]?.version).toBe('facility_calendar_year');
    expect(
      resolveIndicatorVersion(preloadedIndicatorVersionChoices, '330902', ['330900', '330000'], 'caesarean_rate'),
    ).toEqual({
      version: 'facility_calendar_year',
      from: ZHOUSHAN_REGION_CODE,
    });
  });

  it('每个县区 inherits the 43% caesarean ceiling (以县区为单位)', () => {
    const t = resolveTarget(preloadedTargets, '330921', ['000000', '330000', '330900'], 2019, 'caesarean_rate');
    expect(t?.regionCode).toBe('330900');
    expect(evaluateTarget(43, t ?? find(zhoushan2019Targets, 'caesarean_rate')[0]!)).toBe('met');
    expect(evaluateTarget(43.2, t!)).toBe('close');
  });

  it('婴儿死亡率 < 4.5‰ is strict: 4.5 does not meet it', () => {
    const t = find(zhoushan2019Targets, 'infant_mortality_rate')[0]!;
    expect(evaluateTarget(4.5, t)).not.toBe('met');
    expect(evaluateTarget(4.49, t)).toBe('met');
  });
});

describe(`Naiman 2023 (${SEED_002}) for 奈曼旗 150525`, () => {
  it.each(NAIMAN)('%s', (_text, indicatorId, comparator, value) => {
    const hits = find(naiman2023Targets, indicatorId);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ regionCode: '150525', year: 2023, comparator, value });
  });

  it('holds the ten numeric goals (goal 6 is two targets, goal 10 two, goal 7 is qualitative)', () => {
    expect(naiman2023Targets).toHaveLength(NAIMAN.length);
  });

  it('the two-cancer goal is stated for rural women', () => {
    for (const id of ['cervical_screening_coverage', 'breast_screening_coverage']) {
      expect(find(naiman2023Targets, id)[0]?.version).toBe('rural_women_35_64');
    }
  });

  it('孕产妇死亡率 ≤14.5/10万: one death in 6,897 live births (14.499) meets it', () => {
    const t = find(naiman2023Targets, 'maternal_mortality_ratio')[0]!;
    expect(evaluateTarget((1 * 100_000) / 6897, t)).toBe('met');
    expect(evaluateTarget((1 * 100_000) / 6896, t)).toBe('close');
  });
});

describe('national targets', () => {
  it.each<Row>([
    ['REFERENCE §8 2025: 孕产妇艾滋病检测率≥95%', 'maternal_hiv_test_rate', '>=', 95],
    ['REFERENCE §8 2025: 孕产妇梅毒检测率≥95%', 'maternal_syphilis_test_rate', '>=', 95],
    ['REFERENCE §8 2025: 孕产妇乙肝检测率≥95%', 'maternal_hbv_test_rate', '>=', 95],
    ['REFERENCE §8 2025: 孕期检测率≥90%', 'maternal_hiv_test_in_pregnancy_rate', '>=', 90],
    ['REFERENCE §8 2025: 孕早期检测率≥70%', 'maternal_hiv_early_test_rate', '>=', 70],
    ['REFERENCE §8 2025: 孕早期梅毒检测率≥70%', 'maternal_syphilis_early_test_rate', '>=', 70],
    ['REFERENCE §8 2025: 孕早期乙肝检测率≥70%', 'maternal_hbv_early_test_rate', '>=', 70],
    ['REFERENCE §8 2025: 抗病毒用药 ≥95%', 'hiv_positive_mother_art_rate', '>=', 95],
    ['REFERENCE §8 2025: 儿童抗病毒用药 ≥95%', 'hiv_exposed_infant_prophylaxis_rate', '>=', 95],
    ['REFERENCE §8 2025: 梅毒治疗 ≥95%', 'syphilis_mother_treatment_rate', '>=', 95],
    ['REFERENCE §8 2025: 儿童预防性治疗 ≥95%', 'syphilis_exposed_infant_prophylaxis_rate', '>=', 95],
    ['REFERENCE §8 2025: HBIG及时 ≥95%', 'hbv_exposed_infant_hbig_rate', '>=', 95],
    ['REFERENCE §8 2025: 艾滋病母婴传播率<3%', 'hiv_mtct_rate', '<', 3],
    ['REFERENCE §8 2025: 先天梅毒发病率<15/10万活产', 'congenital_syphilis_incidence', '<', 15],
    ['REFERENCE §8 2025: 乙肝母婴传播率<1%', 'hbv_mtct_rate', '<', 1],
    ['REFERENCE §9 2025: 宫颈癌筛查率50%', 'cervical_screening_coverage', '>=', 50],
    ['REFERENCE §9: 宫颈癌及癌前病变治疗率≥90%', 'cervical_precancer_cancer_treatment_rate', '>=', 90],
    ['REFERENCE §5.4 早产儿专案管理率≥80%', 'preterm_case_management_rate', '>=', 80],
  ])('%s', (_text, indicatorId, comparator, value) => {
    const t = nationalTargets.find((x) => x.year === 2025 && x.indicatorId === indicatorId);
    expect(t).toMatchObject({ regionCode: NATIONAL_REGION_CODE, comparator, value, status: 'C', confirmed: true });
  });

  it('REFERENCE §9 2030: 宫颈癌筛查率70%', () => {
    const t = nationalTargets.find((x) => x.year === 2030 && x.indicatorId === 'cervical_screening_coverage');
    expect(t).toMatchObject({ comparator: '>=', value: 70 });
  });

  it('figures recalled from national action plans are flagged to confirm', () => {
    const recalled = nationalTargets.filter((t) => t.status === 'R');
    expect(recalled.map((t) => [t.indicatorId, t.year, t.value])).toEqual([
      ['maternal_mortality_ratio', 2025, 14.5],
      ['infant_mortality_rate', 2025, 5.2],
      ['neonatal_mortality_rate', 2025, 3.8],
      ['under5_mortality_rate', 2025, 6.6],
      ['under3_systematic_management_rate', 2025, 85],
      ['under7_health_management_rate', 2025, 85],
      ['exclusive_breastfeeding_under6m_rate', 2025, 50],
      ['prenatal_screening_rate', 2027, 90],
      ['newborn_metabolic_screening_rate', 2027, 98],
      ['newborn_hearing_screening_rate', 2027, 90],
    ]);
    expect(recalled.every((t) => t.confirmed === false)).toBe(true);
  });

  it('奈曼旗 inherits the national PMTCT target in 2025', () => {
    const t = resolveTarget(
      preloadedTargets,
      NAIMAN_REGION_CODE,
      ['000000', '150000', '150500'],
      2025,
      'maternal_hbv_early_test_rate',
    );
    expect(t).toMatchObject({ regionCode: '000000', value: 70 });
  });
});

describe('every preloaded target is well-formed', () => {
  it.each(preloadedTargets.map((t) => [`${t.regionCode} ${t.year} ${t.indicatorId}`, t] as const))(
    '%s maps to a catalogue indicator',
    (_key, t) => {
      const d = getIndicator(t.indicatorId);
      expect(d).toBeDefined();
      if (t.version !== undefined) expect(d?.versions?.map((v) => v.id)).toContain(t.version);
      if (t.comparator === 'no_avoidable_maternal_death') expect(d?.unit).toBe('count');
      if (d?.unit === '%') expect(t.value).toBeLessThanOrEqual(100);
      // a target points the way the indicator improves
      if (t.comparator === '>=' || t.comparator === '>') expect(d?.direction).toBe('higher_better');
      if (t.comparator === '<=' || t.comparator === '<') expect(d?.direction).toBe('lower_better');
      expect(t.source.length).toBeGreaterThan(5);
      expect(t.confirmed).toBe(t.status === 'C');
    },
  );

  it('has no two targets for the same region, year and indicator', () => {
    const keys = preloadedTargets.map((t) => `${t.regionCode}/${t.year}/${t.indicatorId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists the seed targets that map to no indicator, each with a reason', () => {
    expect(unmappedSeedTargets.map((u) => [u.regionCode, u.textZh.slice(0, 6)])).toEqual([
      ['330900', '重大项目：重'],
      ['330900', '重大项目：计'],
      ['330900', '6月底前每个'],
      ['330900', '对各医共体成'],
      ['150525', '7.先天性心'],
      ['150525', '倡导0-6个'],
    ]);
    for (const u of unmappedSeedTargets) {
      expect(u.reasonZh.length).toBeGreaterThan(5);
      expect(u.reasonEn.length).toBeGreaterThan(5);
    }
  });
});
