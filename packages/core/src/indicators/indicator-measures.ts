/**
 * The server-side measures (统计口径的计数项) that the indicator catalogue refers to. Each is one count over a region,
 * a population basis and a period; the server implements every id here in SQL and can check it implements them all.
 * Wording follows REFERENCE §3 (年报 / 妇幼健康统计调查制度) and §8; counts of women who delivered are taken in the
 * period of delivery unless said otherwise.
 */
import type { IndicatorMeasure } from './indicator-types';

/** Every measure id used by {@link indicatorCatalogue} queries, with zh-CN / en-US descriptions. */
export const indicatorMeasures: readonly IndicatorMeasure[] = [
  // Births and deliveries
  {
    id: 'live_births',
    zh: '活产数（孕满28周或出生体重≥1000克，娩出后有心跳、呼吸、脐带搏动、随意肌收缩之一）',
    en: 'Live births (≥28 weeks, or ≥1000 g if gestation unknown, with any sign of life after delivery)',
  },
  {
    id: 'live_births_weighed',
    zh: '有出生体重记录的活产数',
    en: 'Live births with a recorded birth weight',
  },
  {
    id: 'deliveries',
    zh: '产妇数（住院分娩与非住院分娩的产妇总数）',
    en: 'Women delivered (facility and non-facility deliveries)',
  },
  {
    id: 'facility_deliveries',
    zh: '辖区助产机构分娩的产妇数（按分娩机构统计，不分户籍与居住地）',
    en: "Women delivered in the area's midwifery institutions (by institution, whatever their residence)",
  },
  {
    id: 'perinatal_births',
    zh: '围产儿数（孕满28周的死胎、死产数 + 活产数）',
    en: 'Perinatal births (fetal deaths and stillbirths at ≥28 weeks + live births)',
  },
  {
    id: 'preterm_live_births',
    zh: '早产活产数（孕周<37周）',
    en: 'Preterm live births (<37 weeks)',
  },
  {
    id: 'low_birth_weight_live_births',
    zh: '低出生体重活产数（出生体重<2500克）',
    en: 'Low-birth-weight live births (<2500 g)',
  },
  // Deaths
  {
    id: 'maternal_deaths',
    zh: '孕产妇死亡数（妊娠期至妊娠结束后42天内，因妊娠或其处理相关或加重的原因死亡，不含意外原因）',
    en: 'Maternal deaths (in pregnancy or within 42 days of its end, from causes related to or aggravated by the pregnancy or its management; accidental causes excluded)',
  },
  {
    id: 'avoidable_maternal_deaths',
    zh: '经评审认定因保健工作不到位（可避免或创造条件可避免）或产科直接原因导致的孕产妇死亡数',
    en: 'Maternal deaths reviewed as due to inadequate care (avoidable or conditionally avoidable) or to a direct obstetric cause',
  },
  { id: 'infant_deaths', zh: '婴儿死亡数（<1岁）', en: 'Infant deaths (under 1 year)' },
  { id: 'neonatal_deaths', zh: '新生儿死亡数（出生28天内）', en: 'Neonatal deaths (within 28 days of birth)' },
  {
    id: 'early_neonatal_deaths',
    zh: '早期新生儿死亡数（出生7天内）',
    en: 'Early neonatal deaths (within 7 days of birth)',
  },
  { id: 'under5_deaths', zh: '5岁以下儿童死亡数', en: 'Deaths of children under 5' },
  {
    id: 'perinatal_deaths',
    zh: '围产儿死亡数（孕满28周的死胎、死产数 + 出生7天内新生儿死亡数）',
    en: 'Perinatal deaths (fetal deaths and stillbirths at ≥28 weeks + neonatal deaths within 7 days)',
  },
  // Maternal care
  {
    id: 'early_registered_women',
    zh: '孕13周前（≤12+6周）建册并进行第1次产前检查的产妇数',
    en: 'Women delivered who registered and had their first antenatal visit before 13 weeks (≤12+6)',
  },
  {
    id: 'anc_women',
    zh: '孕期接受过1次及以上产前检查的产妇数',
    en: 'Women delivered who had at least one antenatal visit',
  },
  {
    id: 'anc_5plus_women',
    zh: '孕期接受5次及以上产前检查的产妇数',
    en: 'Women delivered who had five or more antenatal visits',
  },
  {
    id: 'systematically_managed_women_28d',
    zh: '系统管理产妇数（孕早期产检、产前检查≥5次、新法接生、产后28天内访视，均完成）',
    en: 'Women under systematic management (early first visit, ≥5 antenatal visits, facility delivery, postpartum visit within 28 days)',
  },
  {
    id: 'systematically_managed_women_42d',
    zh: '系统管理产妇数（孕早期产检、产前检查≥5次、新法接生、产后42天内访视或健康检查，均完成）',
    en: 'Women under systematic management (early first visit, ≥5 antenatal visits, facility delivery, postpartum visit or check within 42 days)',
  },
  {
    id: 'postpartum_visited_women',
    zh: '产后28天内接受过1次及以上产后访视的产妇数',
    en: 'Women visited at least once within 28 days after delivery',
  },
  {
    id: 'hospital_live_births',
    zh: '住院分娩活产数（在乡镇卫生院及以上医疗卫生机构分娩的活产数）',
    en: 'Facility live births (born in a township health centre or a higher-level institution)',
  },
  { id: 'caesarean_deliveries', zh: '剖宫产产妇数', en: 'Women delivered by caesarean section' },
  {
    id: 'facility_caesarean_deliveries',
    zh: '辖区助产机构剖宫产产妇数（按分娩机构统计）',
    en: "Caesarean deliveries in the area's midwifery institutions (by institution)",
  },
  {
    id: 'social_factor_caesarean_deliveries',
    zh: '无医学指征（社会因素）剖宫产产妇数',
    en: 'Caesarean deliveries without a medical indication (social factors)',
  },
  {
    id: 'moderate_severe_anaemia_women',
    zh: '孕产期中度及以上贫血的产妇数',
    en: 'Women delivered with moderate or severe anaemia in pregnancy or the puerperium',
  },
  // Prenatal and newborn screening
  {
    id: 'prenatal_screened_women_serum',
    zh: '孕期接受血清学产前筛查的产妇数',
    en: 'Women delivered who had serum prenatal screening',
  },
  {
    id: 'prenatal_screened_women_serum_or_cfdna',
    zh: '孕期接受血清学产前筛查或孕妇外周血胎儿游离DNA产前筛查（NIPT）的产妇数',
    en: 'Women delivered who had serum or cell-free DNA (NIPT) prenatal screening',
  },
  {
    id: 'prenatal_diagnosed_women',
    zh: '孕期接受产前诊断的产妇数',
    en: 'Women delivered who had a prenatal diagnosis',
  },
  {
    id: 'prenatal_screen_high_risk_women',
    zh: '产前筛查结果为高风险的孕妇数',
    en: 'Women with a high-risk prenatal screening result',
  },
  {
    id: 'prenatal_screen_high_risk_diagnosed_women',
    zh: '产前筛查高风险孕妇中接受产前诊断的人数',
    en: 'Women with a high-risk screening result who had a prenatal diagnosis',
  },
  {
    id: 'metabolic_screened_live_births',
    zh: '接受新生儿遗传代谢病筛查（苯丙酮尿症和先天性甲状腺功能减低症）的活产数',
    en: 'Live births screened for inherited metabolic disease (PKU and congenital hypothyroidism)',
  },
  {
    id: 'hearing_screened_live_births',
    zh: '接受新生儿听力筛查的活产数',
    en: 'Live births given newborn hearing screening',
  },
  {
    id: 'chd_screened_live_births',
    zh: '接受新生儿先天性心脏病筛查（听诊+经皮血氧饱和度）的活产数',
    en: 'Live births screened for congenital heart disease (auscultation + pulse oximetry)',
  },
  {
    id: 'chd_echo_diagnoses',
    zh: '先心病筛查阳性新生儿完成心脏超声诊断的例数',
    en: 'Echocardiographic diagnoses completed for screen-positive newborns',
  },
  {
    id: 'perinatal_birth_defects',
    zh: '围产期（孕满28周至出生后7天）出生缺陷儿数',
    en: 'Perinatal births with a birth defect (28 weeks of gestation to 7 days after birth)',
  },
  // PMTCT
  {
    id: 'hiv_tested_women',
    zh: '孕期和/或产时接受艾滋病检测的产妇数',
    en: 'Women delivered who were tested for HIV in pregnancy and/or at delivery',
  },
  {
    id: 'hiv_tested_in_pregnancy_women',
    zh: '孕期（不含产时）接受艾滋病检测的产妇数',
    en: 'Women delivered who were tested for HIV during pregnancy (not at delivery)',
  },
  {
    id: 'hiv_tested_early_women',
    zh: '孕早期（≤12+6周）接受艾滋病检测的产妇数',
    en: 'Women delivered who were tested for HIV in early pregnancy (≤12+6 weeks)',
  },
  {
    id: 'syphilis_tested_women',
    zh: '孕期和/或产时接受梅毒检测的产妇数',
    en: 'Women delivered who were tested for syphilis in pregnancy and/or at delivery',
  },
  {
    id: 'syphilis_tested_in_pregnancy_women',
    zh: '孕期（不含产时）接受梅毒检测的产妇数',
    en: 'Women delivered who were tested for syphilis during pregnancy (not at delivery)',
  },
  {
    id: 'syphilis_tested_early_women',
    zh: '孕早期（≤12+6周）接受梅毒检测的产妇数',
    en: 'Women delivered who were tested for syphilis in early pregnancy (≤12+6 weeks)',
  },
  {
    id: 'hbv_tested_women',
    zh: '孕期和/或产时接受乙肝表面抗原检测的产妇数',
    en: 'Women delivered who were tested for HBsAg in pregnancy and/or at delivery',
  },
  {
    id: 'hbv_tested_in_pregnancy_women',
    zh: '孕期（不含产时）接受乙肝表面抗原检测的产妇数',
    en: 'Women delivered who were tested for HBsAg during pregnancy (not at delivery)',
  },
  {
    id: 'hbv_tested_early_women',
    zh: '孕早期（≤12+6周）接受乙肝表面抗原检测的产妇数',
    en: 'Women delivered who were tested for HBsAg in early pregnancy (≤12+6 weeks)',
  },
  {
    id: 'hiv_positive_mothers',
    zh: '艾滋病感染孕产妇数（本期分娩或妊娠结局者）',
    en: 'HIV-positive pregnant women whose pregnancy ended in the period',
  },
  {
    id: 'hiv_positive_mothers_on_art',
    zh: '孕期或产时接受抗艾滋病病毒治疗的艾滋病感染孕产妇数',
    en: 'HIV-positive women given antiretroviral therapy in pregnancy or at delivery',
  },
  {
    id: 'hiv_exposed_live_births',
    zh: '艾滋病感染孕产妇所生活产儿数',
    en: 'Live births to HIV-positive women',
  },
  {
    id: 'hiv_exposed_infants_on_arv',
    zh: '艾滋病感染孕产妇所生儿童中接受抗病毒药物预防的人数',
    en: 'HIV-exposed infants given antiretroviral prophylaxis',
  },
  {
    id: 'hiv_exposed_infants_status_known',
    zh: '艾滋病感染孕产妇所生儿童中已明确感染状态的人数',
    en: 'HIV-exposed infants whose infection status has been determined',
  },
  {
    id: 'hiv_exposed_infants_infected',
    zh: '艾滋病感染孕产妇所生儿童中确诊感染艾滋病的人数',
    en: 'HIV-exposed infants diagnosed with HIV infection',
  },
  {
    id: 'syphilis_positive_mothers',
    zh: '梅毒感染孕产妇数（本期分娩或妊娠结局者）',
    en: 'Syphilis-positive pregnant women whose pregnancy ended in the period',
  },
  {
    id: 'syphilis_positive_mothers_treated',
    zh: '接受梅毒治疗的梅毒感染孕产妇数',
    en: 'Syphilis-positive pregnant women given treatment',
  },
  {
    id: 'syphilis_exposed_live_births',
    zh: '梅毒感染孕产妇所生活产儿数',
    en: 'Live births to syphilis-positive women',
  },
  {
    id: 'syphilis_exposed_infants_treated',
    zh: '梅毒感染孕产妇所生儿童中接受预防性治疗的人数',
    en: 'Syphilis-exposed infants given preventive treatment',
  },
  {
    id: 'congenital_syphilis_cases',
    zh: '报告的先天梅毒病例数',
    en: 'Reported congenital syphilis cases',
  },
  {
    id: 'hbv_exposed_live_births',
    zh: '乙肝感染（HBsAg阳性）孕产妇所生活产儿数',
    en: 'Live births to HBsAg-positive women',
  },
  {
    id: 'hbv_exposed_infants_hbig_timely',
    zh: '乙肝感染孕产妇所生儿童中出生后12小时内注射乙肝免疫球蛋白的人数',
    en: 'HBV-exposed infants given hepatitis B immunoglobulin within 12 hours of birth',
  },
  {
    id: 'hbv_exposed_infants_hepb1_timely',
    zh: '乙肝感染孕产妇所生儿童中出生后12小时内接种首剂乙肝疫苗的人数',
    en: 'HBV-exposed infants given the first hepatitis B vaccine dose within 12 hours of birth',
  },
  {
    id: 'hbv_exposed_infants_tested',
    zh: '乙肝感染孕产妇所生儿童中7–12月龄完成乙肝表面抗原检测的人数',
    en: 'HBV-exposed infants tested for HBsAg at 7–12 months',
  },
  {
    id: 'hbv_exposed_infants_hbsag_positive',
    zh: '乙肝感染孕产妇所生儿童中7–12月龄乙肝表面抗原阳性的人数',
    en: 'HBV-exposed infants HBsAg-positive at 7–12 months',
  },
  // Child health
  {
    id: 'newborns_visited',
    zh: '出生28天内接受1次及以上访视的新生儿数',
    en: 'Newborns visited at least once within 28 days of birth',
  },
  { id: 'under3_children', zh: '辖区3岁以下儿童数', en: 'Children under 3 in the area' },
  {
    id: 'under3_systematically_managed',
    zh: '按年龄要求接受生长监测或4:2:2体检（测身高体重）的3岁以下儿童数（新生儿访视时的体检不计）',
    en: 'Children under 3 with growth monitoring or the 4:2:2 check-ups (height and weight) for their age; newborn-visit checks not counted',
  },
  { id: 'under7_children', zh: '辖区7岁以下儿童数', en: 'Children under 7 in the area' },
  {
    id: 'under7_checked',
    zh: '本年度接受1次及以上体检（测身高体重）的7岁以下儿童数',
    en: 'Children under 7 with at least one check-up (height and weight) in the year',
  },
  {
    id: 'under3_developmental_screened',
    zh: '接受发育筛查（预警征、ASQ或儿心量表等）的3岁以下儿童数',
    en: 'Children under 3 given developmental screening (warning signs, ASQ or the Chinese developmental scale)',
  },
  {
    id: 'infants_under6m_surveyed',
    zh: '母乳喂养调查的6个月内婴儿数',
    en: 'Infants under 6 months covered by the breastfeeding survey',
  },
  {
    id: 'infants_under6m_breastfed',
    zh: '调查前24小时内有母乳喂养的6个月内婴儿数',
    en: 'Infants under 6 months breastfed in the 24 hours before the survey',
  },
  {
    id: 'infants_under6m_exclusively_breastfed',
    zh: '调查前24小时内纯母乳喂养（除药物、维生素、矿物质外仅吃母乳）的6个月内婴儿数',
    en: 'Infants under 6 months exclusively breastfed in the 24 hours before the survey (medicines, vitamins and minerals allowed)',
  },
  {
    id: 'nutrition_cases_found',
    zh: '筛查出的营养性疾病儿童数（贫血、佝偻病、营养不良、超重肥胖等）',
    en: 'Children found with a nutritional disease (anaemia, rickets, undernutrition, overweight or obesity)',
  },
  {
    id: 'nutrition_cases_managed',
    zh: '纳入专案管理的营养性疾病儿童数',
    en: 'Children with a nutritional disease under case management',
  },
  { id: 'high_risk_infants_found', zh: '筛查出的高危儿（体弱儿）数', en: 'High-risk (vulnerable) infants found' },
  {
    id: 'high_risk_infants_managed',
    zh: '纳入专案管理的高危儿（体弱儿）数',
    en: 'High-risk (vulnerable) infants under case management',
  },
  {
    id: 'preterm_infants_case_managed',
    zh: '纳入专案管理的早产儿数',
    en: 'Preterm infants under case management',
  },
  {
    id: 'under5_measured',
    zh: '接受身高（长）体重检查的5岁以下儿童数',
    en: 'Children under 5 whose height (length) and weight were measured',
  },
  {
    id: 'under5_underweight',
    zh: '5岁以下低体重儿童数（年龄别体重<M−2SD）',
    en: 'Underweight children under 5 (weight-for-age below −2 SD)',
  },
  {
    id: 'under5_stunted',
    zh: '5岁以下生长迟缓儿童数（年龄别身长/身高<M−2SD）',
    en: 'Stunted children under 5 (length/height-for-age below −2 SD)',
  },
  {
    id: 'under5_overweight_cn',
    zh: '5岁以下超重儿童数（身长/身高别体重或年龄别BMI在M+1SD至M+2SD之间，2012营养规范）',
    en: 'Overweight children under 5 (weight-for-length/height or BMI-for-age from +1 SD to below +2 SD; 2012 Chinese rule)',
  },
  {
    id: 'under5_obese_cn',
    zh: '5岁以下肥胖儿童数（≥M+2SD，2012营养规范）',
    en: 'Obese children under 5 (≥ +2 SD; 2012 Chinese rule)',
  },
  {
    id: 'under5_overweight_who',
    zh: '5岁以下超重儿童数（M+2SD至M+3SD之间，WHO口径）',
    en: 'Overweight children under 5 (from +2 SD to below +3 SD; WHO convention)',
  },
  {
    id: 'under5_obese_who',
    zh: '5岁以下肥胖儿童数（≥M+3SD，WHO口径）',
    en: 'Obese children under 5 (≥ +3 SD; WHO convention)',
  },
  // Women's health
  { id: 'marriage_registrants', zh: '结婚登记人数', en: 'People who registered a marriage' },
  {
    id: 'premarital_examined_persons',
    zh: '接受婚前医学检查的人数',
    en: 'People who had a premarital medical examination',
  },
  {
    id: 'gyn_survey_target_women',
    zh: '妇女常见病筛查应查人数（20–64岁妇女）',
    en: 'Women due for the common gynaecological disease survey (aged 20–64)',
  },
  {
    id: 'gyn_surveyed_women',
    zh: '妇女常见病筛查实查人数',
    en: 'Women examined in the common gynaecological disease survey',
  },
  { id: 'women_35_64', zh: '辖区35–64岁妇女数', en: 'Women aged 35–64 in the area' },
  {
    id: 'women_35_64_rural',
    zh: '辖区农村（牧区）35–64岁妇女数',
    en: 'Rural (including pastoral) women aged 35–64 in the area',
  },
  {
    id: 'cervical_screened_in_interval',
    zh: '35–64岁妇女中在规定间隔内（HPV检测5年、细胞学3年）接受过宫颈癌筛查的人数',
    en: 'Women aged 35–64 screened for cervical cancer within the recommended interval (5 years after HPV, 3 after cytology)',
  },
  {
    id: 'cervical_screened_in_interval_rural',
    zh: '农村（牧区）35–64岁妇女中在规定间隔内接受过宫颈癌筛查的人数',
    en: 'Rural women aged 35–64 screened for cervical cancer within the recommended interval',
  },
  {
    id: 'breast_screened_in_interval',
    zh: '35–64岁妇女中在规定间隔内（3年）接受过乳腺癌筛查的人数',
    en: 'Women aged 35–64 screened for breast cancer within the recommended interval (3 years)',
  },
  {
    id: 'breast_screened_in_interval_rural',
    zh: '农村（牧区）35–64岁妇女中在规定间隔内接受过乳腺癌筛查的人数',
    en: 'Rural women aged 35–64 screened for breast cancer within the recommended interval',
  },
  {
    id: 'cervical_screen_abnormal_women',
    zh: '宫颈癌筛查结果异常或可疑、需进一步检查的妇女数',
    en: 'Women with an abnormal or suspicious cervical screening result needing further tests',
  },
  {
    id: 'cervical_screen_abnormal_followed_up',
    zh: '宫颈癌筛查异常或可疑者中完成随访（进一步检查并获得诊断）的人数',
    en: 'Women with an abnormal cervical screening result followed up to a diagnosis',
  },
  {
    id: 'breast_screen_abnormal_women',
    zh: '乳腺癌筛查结果异常或可疑、需进一步检查的妇女数',
    en: 'Women with an abnormal or suspicious breast screening result needing further tests',
  },
  {
    id: 'breast_screen_abnormal_followed_up',
    zh: '乳腺癌筛查异常或可疑者中完成随访（进一步检查并获得诊断）的人数',
    en: 'Women with an abnormal breast screening result followed up to a diagnosis',
  },
  {
    id: 'cervical_precancer_cancer_cases',
    zh: '筛查检出的宫颈癌及癌前病变（CIN2及以上）病例数',
    en: 'Cervical cancer and precancer (CIN2+) cases detected by screening',
  },
  {
    id: 'cervical_precancer_cancer_treated',
    zh: '检出的宫颈癌及癌前病变病例中接受治疗的人数',
    en: 'Detected cervical cancer and precancer cases that were treated',
  },
  {
    id: 'cervical_early_cases',
    zh: '检出的宫颈癌前病变及早期宫颈癌病例数',
    en: 'Cervical precancer and early-stage cancer cases detected',
  },
  {
    id: 'breast_cancer_cases',
    zh: '筛查检出的乳腺癌病例数',
    en: 'Breast cancer cases detected by screening',
  },
  {
    id: 'breast_cancer_treated',
    zh: '检出的乳腺癌病例中接受治疗的人数',
    en: 'Detected breast cancer cases that were treated',
  },
  {
    id: 'breast_early_cases',
    zh: '检出的早期乳腺癌（含原位癌）病例数',
    en: 'Early-stage (including in situ) breast cancer cases detected',
  },
  // Facilities and services
  { id: 'childcare_facilities', zh: '辖区托幼机构数', en: 'Childcare facilities in the area' },
  {
    id: 'childcare_facilities_qualified',
    zh: '卫生保健评估（评价）合格的托幼机构数',
    en: 'Childcare facilities that passed the health-care assessment',
  },
  {
    id: 'handbook_service_recipients',
    zh: '母子健康手册服务对象数（建册孕产妇和0–6岁儿童）',
    en: 'People served under the mother-child health handbook (registered pregnant women and children 0–6)',
  },
  {
    id: 'handbook_app_users',
    zh: '使用母子健康手册APP的服务对象数',
    en: 'Handbook service recipients who use the mother-child health handbook app',
  },
];

/** Looks up a measure by id. */
export function getIndicatorMeasure(id: string): IndicatorMeasure | undefined {
  return indicatorMeasures.find((m) => m.id === id);
}
