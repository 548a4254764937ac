/**
 * The rule catalogue of data-quality control (数据质控规则目录): every rule with its id, names, kind, the record type
 * it checks, its severity, the fix hint, its source and the configuration keys it reads. The thresholds are not in
 * the words: they live in {@link QualityConfig}, so a region can change them without changing a rule.
 */
import type { QualityCompletenessType, QualityConfig, QualityTimelinessType } from './quality-config';
import { QUALITY_COMPLETENESS_TYPES, QUALITY_TIMELINESS_TYPES } from './quality-config';
import type { QualityRecordType, QualityRule, QualitySeverity } from './quality-types';
import { QUALITY_RECORD_TYPE_LABELS } from './quality-types';

const WS377 = 'WS 377.4-2013 孕产期保健服务与高危管理基本数据集；国家基本公共卫生服务规范（第三版）孕产妇健康管理';
const WS376 = 'WS 376.1/376.2-2013 儿童保健基本数据集；国家基本公共卫生服务规范（第三版）0–6岁儿童健康管理';
const DEATH = '孕产妇死亡监测、5岁以下儿童死亡监测工作规范（报告卡字段，REFERENCE §4, §7）';
const NBS = '新生儿疾病筛查管理办法（2009）、新生儿疾病筛查技术规范（2010）';
const SEED_G3 = '冀卫妇幼〔2017〕工作要点第17条：数据实时采集、质量控制（seed 001, G3）';

const completenessNames: Record<QualityCompletenessType, [string, string]> = {
  pregnancy: ['孕产妇建册必填项缺失', 'Pregnancy registration: required fields missing'],
  anc_visit: ['产前检查必填项缺失', 'Antenatal visit: required fields missing'],
  delivery: ['分娩记录必填项缺失', 'Delivery: required fields missing'],
  birth_outcome: ['新生儿记录必填项缺失', 'Birth outcome: required fields missing'],
  postpartum_visit: ['产后访视必填项缺失', 'Postpartum visit: required fields missing'],
  maternal_death: ['孕产妇死亡报告卡必填项缺失', 'Maternal death card: required fields missing'],
  child_profile: ['儿童档案必填项缺失', 'Child record: required fields missing'],
  child_checkup: ['儿童健康检查必填项缺失', 'Child check-up: required fields missing'],
  child_death: ['儿童死亡报告卡必填项缺失', 'Under-5 death card: required fields missing'],
};
const completenessSource: Record<QualityCompletenessType, string> = {
  pregnancy: WS377,
  anc_visit: WS377,
  delivery: WS377,
  birth_outcome: WS377,
  postpartum_visit: WS377,
  maternal_death: DEATH,
  child_profile: WS376,
  child_checkup: WS376,
  child_death: `${DEATH}；WS 376.5-2013`,
};

const completenessRules: QualityRule[] = QUALITY_COMPLETENESS_TYPES.map((t) => ({
  id: `${t}_required_fields`,
  kind: 'completeness',
  recordType: t,
  severity: 'warning',
  nameZh: completenessNames[t][0],
  nameEn: completenessNames[t][1],
  descriptionZh: `${QUALITY_RECORD_TYPE_LABELS[t].zh}缺少配置为必填的项目（见 requiredFields.${t}）`,
  descriptionEn: `A ${QUALITY_RECORD_TYPE_LABELS[t].en.toLowerCase()} lacks a field configured as required (requiredFields.${t})`,
  fixZh: '打开记录，补录问题详情中列出的缺失项目',
  fixEn: 'Open the record and fill in the fields listed in the problem',
  source: completenessSource[t],
  evidence: 'R',
  config: [`requiredFields.${t}`],
}));

const timelinessNames: Record<QualityTimelinessType, [string, string]> = {
  pregnancy: ['建册录入不及时', 'Pregnancy registration entered late'],
  anc_visit: ['产前检查录入不及时', 'Antenatal visit entered late'],
  delivery: ['分娩记录录入不及时', 'Delivery entered late'],
  postpartum_visit: ['产后访视录入不及时', 'Postpartum visit entered late'],
  child_checkup: ['儿童体检录入不及时', 'Child check-up entered late'],
  child_death: ['儿童死亡报告不及时', 'Under-5 death card entered late'],
  maternal_death: ['孕产妇死亡报告不及时', 'Maternal death card entered late'],
};

const timelinessRules: QualityRule[] = QUALITY_TIMELINESS_TYPES.map((t) => ({
  id: `${t}_late_entry`,
  kind: 'timeliness',
  recordType: t,
  severity: 'warning',
  nameZh: timelinessNames[t][0],
  nameEn: timelinessNames[t][1],
  descriptionZh: `录入时间晚于服务（事件）日期超过 lateEntryDays.${t} 天；早于 timelinessCheckedFrom 的补录、导入记录不判`,
  descriptionEn: `Entered more than lateEntryDays.${t} days after the service (event) date; back-filled and imported records before timelinessCheckedFrom are not judged`,
  fixZh: '记录已录入，无法更正录入时间；请督促相关机构在服务当日或规定时限内录入',
  fixEn: 'The entry time cannot be changed; ask the institution to enter records on the day or within the limit',
  source: t === 'child_death' || t === 'maternal_death' ? DEATH : SEED_G3,
  evidence: 'L',
  config: [`lateEntryDays.${t}`, 'timelinessCheckedFrom'],
}));

function rule(
  id: string,
  kind: QualityRule['kind'],
  recordType: QualityRecordType,
  severity: QualitySeverity,
  names: [string, string],
  description: [string, string],
  fix: [string, string],
  source: string,
  evidence: QualityRule['evidence'],
  config: readonly string[] = [],
): QualityRule {
  return {
    id,
    kind,
    recordType,
    severity,
    nameZh: names[0],
    nameEn: names[1],
    descriptionZh: description[0],
    descriptionEn: description[1],
    fixZh: fix[0],
    fixEn: fix[1],
    source,
    evidence,
    config,
  };
}

const logicRules: QualityRule[] = [
  rule(
    'anc_visit_before_registration',
    'logic',
    'anc_visit',
    'error',
    ['产检日期早于建册日期', 'Antenatal visit before the registration'],
    ['产前检查日期早于该孕次的建册日期', 'The visit date is before the pregnancy was registered'],
    ['核对产检日期或建册日期并更正', 'Check the visit date or the registration date and correct it'],
    WS377,
    'C',
  ),
  rule(
    'anc_visit_after_delivery',
    'logic',
    'anc_visit',
    'error',
    ['产检日期晚于分娩日期', 'Antenatal visit after the delivery'],
    ['产前检查日期晚于该孕次的分娩日期', 'The visit date is after the delivery of the pregnancy'],
    ['核对产检日期；产后的检查应记为产后访视', 'Check the date; a visit after delivery is a postpartum visit'],
    WS377,
    'C',
  ),
  rule(
    'edd_inconsistent_with_lmp',
    'logic',
    'pregnancy',
    'error',
    ['预产期与末次月经不符', 'EDD inconsistent with the LMP'],
    [
      '按末次月经推算时 |预产期 −（末次月经 + 280天）| 超过 eddToleranceDays.lmp 天，超声校正时超过 eddToleranceDays.ultrasound 天；或按末次月经推算却无末次月经',
      '|EDD − (LMP + 280 d)| exceeds eddToleranceDays.lmp (LMP dating) or eddToleranceDays.ultrasound (ultrasound dating); or LMP dating without an LMP',
    ],
    ['核对末次月经与预产期，必要时按超声校正', 'Check the LMP and the EDD; correct by ultrasound if needed'],
    '国家基本公共卫生服务规范（第三版）孕产妇健康管理：预产期按末次月经推算（Naegele 280天）',
    'C',
    ['eddToleranceDays'],
  ),
  rule(
    'delivery_ga_inconsistent',
    'logic',
    'delivery',
    'warning',
    ['分娩孕周与预产期不符', 'Gestational age at delivery inconsistent with the EDD'],
    [
      '记录的分娩孕周与按预产期推算的孕周相差超过 deliveryGaToleranceDays 天',
      'The recorded gestational age differs from the one by the EDD by more than deliveryGaToleranceDays days',
    ],
    ['核对分娩孕周、分娩日期和预产期', 'Check the gestational age, the delivery date and the EDD'],
    WS377,
    'L',
    ['deliveryGaToleranceDays'],
  ),
  rule(
    'birth_weight_implausible',
    'logic',
    'birth_outcome',
    'error',
    ['出生体重与孕周不符或超出范围', 'Birth weight implausible for the gestational age'],
    [
      '新生儿出生体重超出该孕周的合理范围（birthWeightBands；孕周不详时 birthWeightRange），如小数点错位、以千克录入',
      'Birth weight outside the plausible band of its gestational week (birthWeightBands; birthWeightRange when unknown), e.g. a decimal slip or a weight in kg',
    ],
    ['核对出生体重（克）与分娩孕周并更正', 'Check the birth weight (grams) and the gestational age and correct them'],
    `${WS377}；合理范围为本系统约定`,
    'L',
    ['birthWeightBands', 'birthWeightRange'],
  ),
  rule(
    'birth_length_implausible',
    'logic',
    'birth_outcome',
    'error',
    ['出生身长超出范围', 'Birth length implausible'],
    [
      '新生儿出生身长超出该孕周的合理范围（birthLengthBands）',
      'Birth length outside the plausible band of its week (birthLengthBands)',
    ],
    ['核对出生身长（厘米）并更正', 'Check the birth length (cm) and correct it'],
    `${WS377}；合理范围为本系统约定`,
    'L',
    ['birthLengthBands'],
  ),
  rule(
    'child_birth_weight_implausible',
    'logic',
    'child_profile',
    'error',
    ['儿童档案出生体重与孕周不符', 'Child record: birth weight implausible for the gestational age'],
    [
      '儿童档案的出生体重超出出生孕周的合理范围（birthWeightBands；孕周不详时 birthWeightRange）',
      "The child record's birth weight is outside the plausible band of its gestational week",
    ],
    ['核对儿童档案的出生体重与出生孕周', "Check the child record's birth weight and gestational age"],
    `${WS376}；合理范围为本系统约定`,
    'L',
    ['birthWeightBands', 'birthWeightRange'],
  ),
  rule(
    'child_birth_length_implausible',
    'logic',
    'child_profile',
    'error',
    ['儿童档案出生身长超出范围', 'Child record: birth length implausible'],
    [
      '儿童档案的出生身长超出出生孕周的合理范围（birthLengthBands）',
      "The child record's birth length is outside the plausible band",
    ],
    ['核对儿童档案的出生身长', "Check the child record's birth length"],
    `${WS376}；合理范围为本系统约定`,
    'L',
    ['birthLengthBands'],
  ),
  rule(
    'child_born_before_mother_12',
    'logic',
    'child_profile',
    'error',
    ['母亲生育年龄不合理', "Mother's age at the child's birth implausible"],
    [
      '儿童出生时母亲年龄小于 motherAgeYears.min 岁或大于 motherAgeYears.max 岁（如母亲12岁前出生的儿童）',
      "The mother was younger than motherAgeYears.min or older than motherAgeYears.max at the child's birth (e.g. a child born before the mother was 12)",
    ],
    ['核对儿童和母亲的出生日期，或母亲的关联是否正确', 'Check both birth dates, or whether the right mother is linked'],
    '本系统约定（身份信息逻辑校验）',
    'L',
    ['motherAgeYears'],
  ),
  rule(
    'mother_age_at_delivery_implausible',
    'logic',
    'delivery',
    'error',
    ['分娩时产妇年龄不合理', "Mother's age at delivery implausible"],
    [
      '分娩日期时产妇年龄小于 motherAgeYears.min 岁或大于 motherAgeYears.max 岁',
      'The woman was younger than motherAgeYears.min or older than motherAgeYears.max on the delivery date',
    ],
    ['核对产妇出生日期与分娩日期', "Check the woman's birth date and the delivery date"],
    '本系统约定（身份信息逻辑校验）',
    'L',
    ['motherAgeYears'],
  ),
  rule(
    'male_with_pregnancy',
    'logic',
    'pregnancy',
    'error',
    ['男性有孕产妇建册', 'A male registered with a pregnancy'],
    ['建册对象的性别为男', 'The person of the pregnancy is recorded as male'],
    ['核对人员档案的性别或建册对象是否正确', "Check the person's sex, or whether the pregnancy belongs to her"],
    '本系统约定（身份信息逻辑校验）',
    'C',
  ),
  rule(
    'death_before_birth',
    'logic',
    'person',
    'error',
    ['死亡日期早于出生日期', 'Death date before the birth date'],
    ['人员档案的死亡日期早于出生日期', "The person's death date is before the birth date"],
    ['核对出生日期与死亡日期', 'Check the birth date and the death date'],
    '本系统约定（身份信息逻辑校验）',
    'C',
  ),
  rule(
    'child_death_date_inconsistent',
    'logic',
    'child_death',
    'error',
    ['儿童死亡日期或死亡年龄不合理', 'Under-5 death: date or age at death inconsistent'],
    [
      '死亡日期早于出生日期，或报告卡的死亡年龄（天）与出生、死亡日期相差超过1天',
      'The death date is before the birth date, or the age at death (days) differs from the dates by more than one day',
    ],
    ['核对报告卡的死亡日期、死亡年龄和儿童出生日期', 'Check the death date, the age at death and the birth date'],
    `${DEATH}；WS 376.5-2013`,
    'C',
  ),
  rule(
    'discharge_before_delivery',
    'logic',
    'delivery',
    'error',
    ['出院日期早于分娩日期', 'Discharge before the delivery'],
    ['产妇出院日期早于分娩日期', "The mother's discharge date is before the delivery date"],
    ['核对分娩日期与出院日期并更正', 'Check the delivery and discharge dates and correct them'],
    WS377,
    'C',
  ),
  rule(
    'child_discharge_before_birth',
    'logic',
    'child_profile',
    'error',
    ['新生儿出院日期早于出生日期', 'Newborn discharged before birth'],
    ['儿童档案的出院日期早于出生日期', "The child record's discharge date is before the birth date"],
    ['核对出生日期与出院日期', 'Check the birth and discharge dates'],
    WS376,
    'C',
  ),
  rule(
    'anc_vitals_implausible',
    'logic',
    'anc_visit',
    'error',
    ['产检体征数值不合理', 'Antenatal vital signs implausible'],
    [
      '收缩压不高于舒张压（高低压颠倒），或血压、体重超出 antenatalVitals 范围（如小数点错位）',
      'Systolic not above diastolic (swapped), or BP or weight outside antenatalVitals (e.g. a decimal slip)',
    ],
    ['核对血压（收缩压/舒张压）和体重（千克）并更正', 'Check the blood pressure (systolic/diastolic) and weight (kg)'],
    `${WS377}；合理范围为本系统约定`,
    'L',
    ['antenatalVitals'],
  ),
  rule(
    'postpartum_vitals_implausible',
    'logic',
    'postpartum_visit',
    'error',
    ['产后访视体征数值不合理', 'Postpartum vital signs implausible'],
    [
      '收缩压不高于舒张压，或血压、体温、血红蛋白超出 postpartumVitals 范围',
      'Systolic not above diastolic, or BP, temperature or Hb outside postpartumVitals',
    ],
    ['核对血压、体温和血红蛋白并更正', 'Check the blood pressure, temperature and haemoglobin'],
    `${WS377}；合理范围为本系统约定`,
    'L',
    ['postpartumVitals'],
  ),
  rule(
    'postpartum_visit_before_delivery',
    'logic',
    'postpartum_visit',
    'error',
    ['产后访视早于分娩日期', 'Postpartum visit before the delivery'],
    ['产后访视日期早于分娩日期', 'The postpartum visit date is before the delivery date'],
    ['核对访视日期与分娩日期', 'Check the visit date and the delivery date'],
    WS377,
    'C',
  ),
  rule(
    'checkup_anthropometry_implausible',
    'logic',
    'child_checkup',
    'error',
    ['儿童体检测量值不合理', 'Child check-up measurements implausible'],
    [
      'Z评分超出WHO生物学不合理界值（childAnthropometry.zLimits），或体重、身长、头围超出范围（如体重小数点错位）',
      "A z-score beyond WHO's implausible-value flags (childAnthropometry.zLimits), or weight, length or head outside range (e.g. a decimal slip)",
    ],
    [
      '复测或核对体重（千克）、身长（厘米）、头围并更正',
      'Re-measure or check weight (kg), length (cm) and head circumference',
    ],
    'WHO Anthro / igrowup: flags for biologically implausible z-scores（WAZ <−6 或 >5；L/HAZ <−6 或 >6；WL/HZ、BMIZ、HCZ <−5 或 >5）',
    'C',
    ['childAnthropometry'],
  ),
  rule(
    'checkup_before_birth',
    'logic',
    'child_checkup',
    'error',
    ['体检日期早于出生日期', 'Check-up before the birth'],
    ['儿童健康检查日期早于儿童出生日期', 'The check-up date is before the child was born'],
    ['核对体检日期与出生日期', 'Check the check-up date and the birth date'],
    WS376,
    'C',
  ),
];

const duplicateRules: QualityRule[] = [
  rule(
    'duplicate_id_number',
    'duplicates',
    'person',
    'error',
    ['同一证件号码对应多人', 'One ID number in two people'],
    [
      '同一证件号码（盲索引相同）登记在本县两份人员档案中，或全平台证件索引指向另一份档案',
      "The same ID number (same blind index) is on two person records of the county, or the platform's ID index points to another record",
    ],
    [
      '核对两份档案是否为同一人；是则合并，否则更正证件号码',
      'Check whether both records are one person: merge them, or correct the ID number',
    ],
    '个人主索引：证件号码唯一（本系统约定）',
    'C',
  ),
  rule(
    'duplicate_delivery',
    'duplicates',
    'delivery',
    'error',
    ['同一孕次重复分娩记录', 'One pregnancy delivered twice'],
    [
      '同一产妇两次分娩相隔少于 duplicateDeliveryWithinDays 天（同一孕次被登记为两个孕次）',
      'Two deliveries of one woman less than duplicateDeliveryWithinDays days apart (one pregnancy recorded twice)',
    ],
    [
      '核对两条分娩记录，删除或结案重复登记的孕次',
      'Check both deliveries; close the pregnancy that was registered twice',
    ],
    '本系统约定（两次分娩最短间隔）',
    'L',
    ['duplicateDeliveryWithinDays'],
  ),
  rule(
    'duplicate_child_record',
    'duplicates',
    'child_profile',
    'error',
    ['同一新生儿重复建档', 'One newborn with two child records'],
    [
      '两份儿童档案来自同一条新生儿（分娩结局）记录，或母亲、出生日期、姓名均相同',
      'Two child records come from the same birth outcome, or share the mother, birth date and name',
    ],
    ['核对后保留一份档案，另一份结案', 'Check them, keep one record and close the other'],
    '个人主索引（本系统约定）',
    'C',
  ),
];

const crossRules: QualityRule[] = [
  rule(
    'live_birth_without_child_record',
    'cross_source',
    'birth_outcome',
    'error',
    ['活产新生儿未建儿童档案', 'Live birth without a child record'],
    [
      '分娩记录中的活产新生儿在分娩 graceDays.childRecord 天后仍无儿童档案',
      'A live birth of a delivery still has no child record graceDays.childRecord days after the delivery',
    ],
    [
      '在产妇页面的分娩记录中为新生儿建立儿童档案',
      "Register the newborn's child record from the delivery on the woman's page",
    ],
    '国家基本公共卫生服务规范（第三版）0–6岁儿童健康管理：新生儿建立儿童保健档案',
    'C',
    ['graceDays.childRecord'],
  ),
  rule(
    'live_birth_without_metabolic_screening',
    'cross_source',
    'child_profile',
    'warning',
    ['活产儿无遗传代谢病筛查记录', 'Live birth without metabolic newborn screening'],
    [
      '出生 graceDays.newbornScreening 天后仍无新生儿遗传代谢病筛查记录（出生3天内死亡者除外）',
      'No metabolic newborn screening record graceDays.newbornScreening days after birth (children who died within 3 days excepted)',
    ],
    [
      '在儿童页面补录筛查（或拒筛）记录，或联系筛查中心',
      'Record the screening (or the refusal) on the child page, or call the screening centre',
    ],
    NBS,
    'C',
    ['graceDays.newbornScreening'],
  ),
  rule(
    'live_birth_without_hearing_screening',
    'cross_source',
    'child_profile',
    'warning',
    ['活产儿无听力筛查记录', 'Live birth without hearing screening'],
    [
      '出生 graceDays.newbornScreening 天后仍无新生儿听力筛查记录（出生3天内死亡者除外）',
      'No hearing screening record graceDays.newbornScreening days after birth (children who died within 3 days excepted)',
    ],
    ['在儿童页面补录听力筛查（或拒筛）记录', 'Record the hearing screening (or the refusal) on the child page'],
    NBS,
    'C',
    ['graceDays.newbornScreening'],
  ),
  rule(
    'child_death_without_card',
    'cross_source',
    'child_profile',
    'error',
    ['5岁以下儿童死亡无死亡报告卡', 'Under-5 death without a death card'],
    [
      '儿童档案或人员档案记录死亡（5岁以下），graceDays.deathCard 天后仍无已上报的死亡报告卡',
      'A child under 5 is recorded as dead and no submitted death card exists graceDays.deathCard days later',
    ],
    ['在儿童页面填报并提交5岁以下儿童死亡报告卡', 'Fill in and submit the under-5 death card from the child page'],
    DEATH,
    'C',
    ['graceDays.deathCard'],
  ),
  rule(
    'maternal_death_without_card',
    'cross_source',
    'pregnancy',
    'error',
    ['孕产妇死亡无死亡报告卡', 'Maternal death without a death card'],
    [
      '妊娠期或妊娠终止后42天内死亡（人员死亡日期、结案原因或分娩时产妇死亡），graceDays.deathCard 天后仍无已上报的孕产妇死亡报告卡',
      'A death during pregnancy or within 42 days of its end (death date, end reason or death at delivery) without a submitted maternal death card graceDays.deathCard days later',
    ],
    [
      '核实死因（意外死亡不属孕产妇死亡），填报并提交孕产妇死亡报告卡',
      'Verify the cause (accidental deaths are excluded) and submit the maternal death card',
    ],
    `${DEATH}；孕产妇死亡定义（REFERENCE §3）`,
    'C',
    ['graceDays.deathCard'],
  ),
];

/** Every rule of the catalogue, in display order. */
export const qualityRuleCatalogue: readonly QualityRule[] = [
  ...completenessRules,
  ...timelinessRules,
  ...logicRules,
  ...duplicateRules,
  ...crossRules,
];

const byId = new Map(qualityRuleCatalogue.map((r) => [r.id, r]));

/** The rule with this id, if any. */
export function getQualityRule(id: string): QualityRule | undefined {
  return byId.get(id);
}

/** The ids of all rules. */
export const QUALITY_RULE_IDS: readonly string[] = qualityRuleCatalogue.map((r) => r.id);

/** The weight of a rule in the score under a configuration (its own weight, else its severity's). */
export function qualityRuleWeight(r: QualityRule, cfg: Pick<QualityConfig, 'ruleWeights' | 'severityWeights'>): number {
  return cfg.ruleWeights[r.id] ?? cfg.severityWeights[r.severity];
}

/** The rules a configuration runs: all but those switched off (a rule of weight 0 runs but does not count in the score). */
export function enabledQualityRules(
  cfg: Pick<QualityConfig, 'disabledRules' | 'ruleWeights' | 'severityWeights'>,
): QualityRule[] {
  const off = new Set(cfg.disabledRules);
  return qualityRuleCatalogue.filter((r) => !off.has(r.id));
}
