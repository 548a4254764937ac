/**
 * Catalogues of the pregnancy risk screening and five-colour assessment of 孕产妇妊娠风险评估与管理工作规范
 * (国卫办妇幼发〔2017〕35号): 附件2 孕产妇妊娠风险评估表 (yellow/orange/red/purple items, REFERENCE §1.3) and 附件1
 * 孕产妇妊娠风险筛查表 (REFERENCE §1.4), as versioned, region-scoped data. The national version is the default; the
 * 浙江 2018 provincial table is a variant built by {@link extendRiskCatalogue}.
 *
 * Each item is either `computed` (decided from measured values by its `rule`) or `ticked` (a diagnosis the clinician
 * ticks). A computed item may also be ticked, e.g. when only the clinician's judgement is at hand.
 *
 * Boundaries (documented decisions; the table gives ranges such as "Hb 60–110" whose ends touch the next colour):
 * - Where two colours share an endpoint the higher colour takes it, as §1.2 says the highest colour applies:
 *   Hb 60 is orange, Hb 40 red; PLT 50 orange. Red PLT is "<30", so PLT 30 stays orange.
 * - The top of yellow anaemia is exclusive: "贫血" in pregnancy is Hb < 110 g/L (附件1 screens "Hb<110"), so
 *   Hb 110 is not anaemia. The top of yellow PLT is inclusive: 附件1 screens "PLT≤100".
 * - So: Hb ≤40 red, 40< Hb ≤60 orange, 60< Hb <110 yellow; PLT <30 red, 30≤ PLT ≤50 orange, 50< PLT ≤100 yellow.
 * - Each measured value matches one item only: the yellow band stops where the orange one starts. Age: 35–39 or
 *   ≤18 yellow, ≥40 orange. BMI: >25 (to <28) or <18.5 yellow, ≥28 orange (25.0 and 18.5 are green).
 * - Creatinine: > the upper limit of normal (ULN) orange, > 1.5 × ULN red; the ULN is a configurable parameter.
 */
import type { MaternalLabel, MaternalParameter, MaternalRuleSetMeta } from './config';
import { maternalParameter, pickRuleSetForRegion } from './config';

/** The five colours (glossary `RiskColour`). */
export type RiskColour = 'green' | 'yellow' | 'orange' | 'red' | 'purple';

/** The graded colours (purple is not a grade: it coexists with any of these). */
export type RiskGradeColour = 'green' | 'yellow' | 'orange' | 'red';

/** Colours an assessment item can carry. */
export type RiskItemColour = 'yellow' | 'orange' | 'red' | 'purple';

/** Numeric facts a computed rule can read. */
export type RiskNumericInput =
  | 'ageYears'
  | 'bmi'
  | 'heightCm'
  | 'hbGL'
  | 'plateletsE9L'
  | 'systolicMmHg'
  | 'diastolicMmHg'
  | 'fetuses'
  | 'spo2'
  | 'creatinineRatio'
  | 'previousCaesareans'
  | 'previousUterineSurgeries'
  | 'monthsSinceUterineSurgery'
  | 'monthsSinceLastBirth'
  | 'fastingGlucoseMmolL'
  | 'gestationalWeeks'
  | 'ferritinUgL';

/** Yes/no facts a computed rule can read. */
export type RiskFlagInput =
  'hivPositive' | 'syphilisPositive' | 'hbsagPositive' | 'rhNegative' | 'glucosuria' | 'familyHypertension';

/** One end of a range. */
export interface RiskBound {
  value: number;
  inclusive: boolean;
}

/** A computed condition, as data. */
export type RiskRule =
  | { op: 'range'; input: RiskNumericInput; min?: RiskBound; max?: RiskBound }
  | { op: 'flag'; input: RiskFlagInput }
  | { op: 'any'; rules: RiskRule[] }
  | { op: 'all'; rules: RiskRule[] };

/** Where in the table an item sits. */
export type RiskItemGroup = 'basic' | 'obstetric_history' | 'comorbidity' | 'complication' | 'infection';

/** An item of 附件2 (assessment). */
export interface RiskCatalogueItem {
  /** Stable code, `<colour>.<name>` (e.g. 'orange.age'). */
  code: string;
  colour: RiskItemColour;
  zh: string;
  en: string;
  kind: 'computed' | 'ticked';
  /** True when the item was confirmed in a retrieved copy of the text (REFERENCE [C]); false for [R]/[L]. */
  confirmed: boolean;
  /** The text and section the item comes from. */
  source: string;
  group: RiskItemGroup;
  /** The computed condition (computed items only). */
  rule?: RiskRule;
}

/** A versioned, region-scoped assessment catalogue (附件2). */
export interface RiskCatalogue extends MaternalRuleSetMeta {
  kind: 'assessment';
  items: RiskCatalogueItem[];
  /** Parameters of the computed rules. */
  parameters: {
    /** Upper limit of normal serum creatinine, µmol/L (laboratory-specific; [R]). */
    creatinineUpperLimitUmolL: MaternalParameter;
  };
}

/** An item of 附件1 (screening). */
export interface ScreeningCatalogueItem {
  code: string;
  zh: string;
  en: string;
  kind: 'computed' | 'ticked';
  confirmed: boolean;
  source: string;
  /** 附件1 section number, 1–7. */
  section: number;
  /** True for 必选 items, false for 建议 items (marked * in the table: the auxiliary examinations). */
  required: boolean;
  rule?: RiskRule;
}

/** A versioned, region-scoped screening catalogue (附件1). */
export interface ScreeningCatalogue extends MaternalRuleSetMeta {
  kind: 'screening';
  items: ScreeningCatalogueItem[];
}

/** Severity rank of a colour for precedence (purple is outside the order and ranks 0). */
export const RISK_COLOUR_RANK: Record<RiskColour, number> = { green: 1, yellow: 2, orange: 3, red: 4, purple: 0 };

/** Labels and management summaries of the colours (REFERENCE §1.2 [C]). */
export const RISK_COLOUR_LABELS: Record<RiskColour, MaternalLabel & { meaningZh: string; meaningEn: string }> = {
  green: {
    zh: '绿色',
    en: 'green',
    meaningZh: '低风险：孕妇基本情况良好，未发现妊娠合并症、并发症',
    meaningEn: 'Low risk: good baseline, no comorbidity or complication found',
  },
  yellow: {
    zh: '黄色',
    en: 'yellow',
    meaningZh: '一般风险：有妊娠风险因素，或合并症病情较轻且稳定',
    meaningEn: 'General risk: risk factors, or mild and stable comorbidity',
  },
  orange: {
    zh: '橙色',
    en: 'orange',
    meaningZh: '较高风险：年龄≥40岁或BMI≥28，或有较严重的妊娠合并症、并发症',
    meaningEn: 'Higher risk: age ≥40, BMI ≥28, or fairly serious comorbidity or complication',
  },
  red: {
    zh: '红色',
    en: 'red',
    meaningZh: '高风险：严重的妊娠合并症，继续妊娠可能危及孕妇生命',
    meaningEn: 'High risk: serious disease; continuing the pregnancy may be life-threatening',
  },
  purple: {
    zh: '紫色',
    en: 'purple',
    meaningZh: '孕妇患有传染性疾病（可与其他颜色并存）',
    meaningEn: 'Infectious disease (coexists with any other colour)',
  },
};

const DOC = '国卫办妇幼发〔2017〕35号';
const A2 = `${DOC} 附件2 孕产妇妊娠风险评估表`;
const A1 = `${DOC} 附件1 孕产妇妊娠风险筛查表`;

const ge = (input: RiskNumericInput, value: number): RiskRule => ({
  op: 'range',
  input,
  min: { value, inclusive: true },
});
const gt = (input: RiskNumericInput, value: number): RiskRule => ({
  op: 'range',
  input,
  min: { value, inclusive: false },
});
const le = (input: RiskNumericInput, value: number): RiskRule => ({
  op: 'range',
  input,
  max: { value, inclusive: true },
});
const lt = (input: RiskNumericInput, value: number): RiskRule => ({
  op: 'range',
  input,
  max: { value, inclusive: false },
});
const between = (input: RiskNumericInput, min: RiskBound, max: RiskBound): RiskRule => ({
  op: 'range',
  input,
  min,
  max,
});
const flag = (input: RiskFlagInput): RiskRule => ({ op: 'flag', input });
const any = (...rules: RiskRule[]): RiskRule => ({ op: 'any', rules });
const all = (...rules: RiskRule[]): RiskRule => ({ op: 'all', rules });
const inc = (value: number): RiskBound => ({ value, inclusive: true });
const exc = (value: number): RiskBound => ({ value, inclusive: false });

type ItemSpec = [code: string, zh: string, en: string, confirmed: boolean, section: string, rule?: RiskRule];

function items(colour: RiskItemColour, group: RiskItemGroup, specs: ItemSpec[]): RiskCatalogueItem[] {
  return specs.map(([code, zh, en, confirmed, section, rule]) => {
    const item: RiskCatalogueItem = {
      code,
      colour,
      zh,
      en,
      kind: rule ? 'computed' : 'ticked',
      confirmed,
      source: `${A2} ${section}${confirmed ? '' : ' [R]'}`,
      group,
    };
    if (rule) item.rule = rule;
    return item;
  });
}

const YELLOW_SECONDARY = '黄 3 (secondary source confirms)';

/** 附件2 items of the national 2017 table. */
const NATIONAL_ITEMS: RiskCatalogueItem[] = [
  ...items('yellow', 'basic', [
    [
      'yellow.age',
      '年龄≥35岁或≤18岁',
      'Age ≥35 or ≤18 years',
      true,
      '黄 1',
      any(between('ageYears', inc(35), exc(40)), le('ageYears', 18)),
    ],
    [
      'yellow.bmi',
      'BMI>25或<18.5',
      'BMI >25 or <18.5',
      true,
      '黄 1',
      any(between('bmi', exc(25), exc(28)), lt('bmi', 18.5)),
    ],
    ['yellow.genital_tract_malformation', '生殖道畸形', 'Genital tract malformation', true, '黄 1'],
    ['yellow.small_pelvis', '骨盆狭小', 'Contracted pelvis', true, '黄 1'],
    [
      'yellow.adverse_obstetric_history',
      '不良孕产史（各类流产≥3次、早产、围产儿死亡、出生缺陷、异位妊娠、滋养细胞疾病等）',
      'Adverse obstetric history (≥3 miscarriages or abortions, preterm birth, perinatal death, birth defect, ectopic pregnancy, trophoblastic disease, etc.)',
      true,
      '黄 1',
    ],
    [
      'yellow.scarred_uterus',
      '瘢痕子宫',
      'Scarred uterus',
      true,
      '黄 1',
      any(ge('previousCaesareans', 1), ge('previousUterineSurgeries', 1)),
    ],
    [
      'yellow.fibroid_or_ovarian_cyst_ge5cm',
      '子宫肌瘤或卵巢囊肿≥5cm',
      'Uterine fibroid or ovarian cyst ≥5 cm',
      true,
      '黄 1',
    ],
    ['yellow.pelvic_surgery_history', '盆腔手术史', 'History of pelvic surgery', true, '黄 1'],
    ['yellow.assisted_reproduction', '辅助生殖妊娠', 'Pregnancy by assisted reproduction', true, '黄 1'],
  ]),
  ...items('yellow', 'comorbidity', [
    [
      'yellow.heart_disease_stable',
      '心脏病（经心内科诊治无需药物治疗、心功能正常）：不伴肺动脉高压的房缺、室缺、动脉导管未闭；法洛四联症修补术后无残余心脏结构异常；心肌炎后遗症；心律失常；无合并症的轻度肺动脉狭窄和二尖瓣脱垂',
      'Heart disease needing no medication with normal function (ASD/VSD/PDA without pulmonary hypertension, repaired tetralogy without residual defect, myocarditis sequelae, arrhythmia, mild pulmonary stenosis or mitral prolapse without complication)',
      true,
      '黄 2.1',
    ],
    [
      'yellow.respiratory_stable',
      '呼吸系统疾病：经呼吸内科诊治无需药物治疗、肺功能正常',
      'Respiratory disease needing no medication, normal lung function',
      true,
      '黄 2.2',
    ],
    [
      'yellow.hepatitis_virus_carrier',
      '消化系统疾病：肝炎病毒携带（表面抗原阳性、肝功能正常）',
      'Hepatitis virus carrier (HBsAg positive, normal liver function)',
      true,
      '黄 2.3',
    ],
    [
      'yellow.renal_stable',
      '泌尿系统疾病：肾脏疾病（目前病情稳定肾功能正常）',
      'Kidney disease, stable, with normal renal function',
      true,
      '黄 2.4',
    ],
    [
      'yellow.endocrine_no_medication',
      '内分泌系统疾病：无需药物治疗的糖尿病、甲状腺疾病、垂体泌乳素瘤等',
      'Diabetes, thyroid disease or prolactinoma needing no medication',
      true,
      '黄 2.5',
    ],
    [
      'yellow.thrombocytopenia',
      '血液系统疾病：血小板减少（PLT 50–100×10⁹/L）但无出血倾向',
      'Thrombocytopenia (PLT 50–100×10⁹/L) without bleeding tendency',
      true,
      '黄 2.6',
      between('plateletsE9L', exc(50), inc(100)),
    ],
    [
      'yellow.anaemia',
      '血液系统疾病：妊娠合并贫血（Hb 60–110 g/L）',
      'Anaemia in pregnancy (Hb 60–110 g/L)',
      true,
      '黄 2.6',
      between('hbGL', exc(60), exc(110)),
    ],
    [
      'yellow.epilepsy_myasthenia_mild',
      '神经系统疾病：癫痫（单纯部分性发作和复杂部分性发作），重症肌无力（眼肌型）等',
      'Epilepsy (simple or complex partial seizures), ocular myasthenia gravis',
      true,
      '黄 2.7',
    ],
    [
      'yellow.immune_no_medication',
      '免疫系统疾病：无需药物治疗（如系统性红斑狼疮、IgA肾病、类风湿性关节炎、干燥综合征、未分化结缔组织病等）',
      'Immune disease needing no medication (SLE, IgA nephropathy, rheumatoid arthritis, Sjögren, UCTD, etc.)',
      true,
      '黄 2.8',
    ],
    [
      'yellow.sti',
      '尖锐湿疣、淋病等性传播疾病',
      'Sexually transmitted disease such as condyloma acuminatum or gonorrhoea',
      true,
      '黄 2.9',
    ],
    ['yellow.drug_use_history', '吸毒史', 'History of drug use', false, '黄 2.10'],
    ['yellow.other_comorbidity', '其他', 'Other comorbidity', false, '黄 2.11'],
  ]),
  ...items('yellow', 'complication', [
    ['yellow.twins', '双胎妊娠', 'Twin pregnancy', false, '黄 3', between('fetuses', inc(2), inc(2))],
    ['yellow.threatened_preterm_labour', '先兆早产', 'Threatened preterm labour', false, '黄 3'],
    ['yellow.fetal_growth_restriction', '胎儿宫内生长受限', 'Fetal growth restriction', false, '黄 3'],
    ['yellow.macrosomia', '巨大儿', 'Fetal macrosomia', false, '黄 3'],
    [
      'yellow.hypertensive_disorder',
      '妊娠期高血压疾病（除外红、橙色）',
      'Hypertensive disorder of pregnancy (other than the orange and red items)',
      false,
      '黄 3',
    ],
    ['yellow.icp', '妊娠期肝内胆汁淤积症', 'Intrahepatic cholestasis of pregnancy', false, '黄 3'],
    ['yellow.prom', '胎膜早破', 'Prelabour rupture of membranes', true, YELLOW_SECONDARY],
    ['yellow.oligohydramnios', '羊水过少', 'Oligohydramnios', true, YELLOW_SECONDARY],
    ['yellow.polyhydramnios', '羊水过多', 'Polyhydramnios', true, YELLOW_SECONDARY],
    ['yellow.malpresentation_ge36w', '≥36周胎位不正', 'Malpresentation at ≥36 weeks', true, YELLOW_SECONDARY],
    ['yellow.low_lying_placenta', '低置胎盘', 'Low-lying placenta', true, YELLOW_SECONDARY],
    ['yellow.hyperemesis', '妊娠剧吐', 'Hyperemesis gravidarum', true, YELLOW_SECONDARY],
  ]),
  ...items('orange', 'basic', [
    ['orange.age', '年龄≥40岁', 'Age ≥40 years', true, '橙 1', ge('ageYears', 40)],
    ['orange.bmi', 'BMI≥28', 'BMI ≥28', true, '橙 1', ge('bmi', 28)],
  ]),
  ...items('orange', 'comorbidity', [
    [
      'orange.cardiovascular',
      '较严重心血管系统疾病：心功能II级，轻度左心功能障碍或EF 40%–50%；需药物治疗的心肌炎后遗症、心律失常等；瓣膜性心脏病（轻度二尖瓣狭窄瓣口>1.5cm²，主动脉瓣狭窄跨瓣压差<50mmHg，无合并症的轻度肺动脉狭窄，二尖瓣脱垂，二叶式主动脉瓣疾病，Marfan综合征无主动脉扩张）；主动脉疾病（主动脉直径<45mm），主动脉缩窄矫治术后；经治疗后稳定的心肌病；各种原因的轻度肺动脉高压（<50mmHg）',
      'Fairly serious cardiovascular disease (NYHA II, mild LV dysfunction or EF 40–50%, treated myocarditis sequelae or arrhythmia, mild valve disease, aorta <45 mm or repaired coarctation, stable cardiomyopathy, mild pulmonary hypertension <50 mmHg)',
      true,
      '橙 2.1',
    ],
    [
      'orange.respiratory',
      '呼吸系统疾病：哮喘；脊柱侧弯；胸廓畸形等伴轻度肺功能不全',
      'Asthma; scoliosis or chest deformity with mild lung insufficiency',
      true,
      '橙 2.2',
    ],
    [
      'orange.digestive',
      '消化系统疾病：原因不明的肝功能异常；仅需要药物治疗的肝硬化、肠梗阻、消化道出血等',
      'Unexplained abnormal liver function; cirrhosis, bowel obstruction or GI bleeding needing medication only',
      true,
      '橙 2.3',
    ],
    [
      'orange.renal_insufficiency_compensated',
      '泌尿系统疾病：慢性肾脏疾病伴肾功能不全代偿期（肌酐超过正常值上限）',
      'Chronic kidney disease with compensated renal insufficiency (creatinine above the upper limit of normal)',
      true,
      '橙 2.4',
      between('creatinineRatio', exc(1), inc(1.5)),
    ],
    [
      'orange.endocrine_medication',
      '内分泌系统疾病：需药物治疗的糖尿病、甲状腺疾病、垂体泌乳素瘤；肾性尿崩症（尿量超过4000ml/日）等',
      'Diabetes, thyroid disease or prolactinoma needing medication; nephrogenic diabetes insipidus (urine >4000 ml/day)',
      true,
      '橙 2.5',
    ],
    [
      'orange.thrombocytopenia',
      '血液系统疾病：血小板减少（PLT 30–50×10⁹/L）',
      'Thrombocytopenia (PLT 30–50×10⁹/L)',
      true,
      '橙 2.6',
      between('plateletsE9L', inc(30), inc(50)),
    ],
    [
      'orange.severe_anaemia',
      '血液系统疾病：重度贫血（Hb 40–60 g/L）',
      'Severe anaemia (Hb 40–60 g/L)',
      true,
      '橙 2.6',
      between('hbGL', exc(40), inc(60)),
    ],
    [
      'orange.coagulopathy_no_bleeding',
      '血液系统疾病：凝血功能障碍无出血倾向',
      'Coagulation disorder without bleeding tendency',
      true,
      '橙 2.6',
    ],
    [
      'orange.thrombophilia',
      '血液系统疾病：易栓症（如抗凝血酶缺陷症、蛋白C缺陷症、蛋白S缺陷症、抗磷脂综合征、肾病综合征等）',
      'Thrombophilia (antithrombin, protein C or S deficiency, antiphospholipid syndrome, nephrotic syndrome, etc.)',
      true,
      '橙 2.6',
    ],
    [
      'orange.immune_low_dose_steroid',
      '免疫系统疾病：应用小剂量激素（如强的松5–10mg/天）6月以上，无临床活动表现（如系统性红斑狼疮、重症IgA肾病、类风湿性关节炎、干燥综合征、未分化结缔组织病等）',
      'Immune disease on low-dose steroids (e.g. prednisone 5–10 mg/day) for over 6 months without clinical activity',
      true,
      '橙 2.7',
    ],
    [
      'orange.cancer_treated',
      '恶性肿瘤治疗后无转移无复发',
      'Malignancy treated, without metastasis or recurrence',
      false,
      '橙 2.8',
    ],
    ['orange.intellectual_disability', '智力障碍', 'Intellectual disability', false, '橙 2.9'],
    ['orange.psychiatric_remission', '精神病缓解期', 'Psychiatric illness in remission', false, '橙 2.10'],
    [
      'orange.neuro',
      '神经系统疾病：癫痫（失神发作），重症肌无力（病变波及四肢骨骼肌和延脑部肌肉）等',
      'Epilepsy (absence seizures); myasthenia gravis involving limb and bulbar muscles',
      false,
      '橙 2.11',
    ],
    ['orange.other_comorbidity', '其他', 'Other comorbidity', false, '橙 2.12'],
  ]),
  ...items('orange', 'complication', [
    [
      'orange.triplets_or_more',
      '三胎及以上妊娠',
      'Triplet or higher-order pregnancy',
      false,
      '橙 3.1',
      ge('fetuses', 3),
    ],
    ['orange.rh_incompatibility', 'Rh血型不合', 'Rh incompatibility', false, '橙 3.2'],
    [
      'orange.scar_interval_lt18m',
      '瘢痕子宫（距末次子宫手术间隔<18月）',
      'Scarred uterus less than 18 months after the last uterine surgery',
      false,
      '橙 3.3',
      between('monthsSinceUterineSurgery', inc(0), exc(18)),
    ],
    [
      'orange.scar_with_placenta_praevia',
      '瘢痕子宫伴中央性前置胎盘或伴有可疑胎盘植入',
      'Scarred uterus with central placenta praevia or suspected placenta accreta',
      false,
      '橙 3.4',
    ],
    [
      'orange.uterine_surgeries_ge2',
      '各类子宫手术史（如剖宫产、宫角妊娠、子宫肌瘤挖除术等）≥2次',
      'Two or more uterine operations (caesarean, cornual pregnancy, myomectomy, etc.)',
      true,
      '橙 3.5',
      any(ge('previousCaesareans', 2), ge('previousUterineSurgeries', 2)),
    ],
    [
      'orange.twins_or_polyhydramnios_cardiopulmonary',
      '双胎、羊水过多伴发心肺功能减退',
      'Twins or polyhydramnios with reduced cardiopulmonary function',
      true,
      '橙 3.6',
    ],
    [
      'orange.severe_preeclampsia',
      '重度子痫前期、慢性高血压合并子痫前期',
      'Severe preeclampsia; chronic hypertension with superimposed preeclampsia',
      true,
      '橙 3.7',
    ],
    ['orange.unexplained_fever', '原因不明的发热', 'Fever of unknown cause', true, '橙 3.8'],
    [
      'orange.postpartum_conditions',
      '产后抑郁、产褥期中暑、产褥感染等',
      'Postpartum depression, puerperal heat stroke, puerperal infection, etc.',
      true,
      '橙 3.9',
    ],
  ]),
  ...items('red', 'comorbidity', [
    [
      'red.pulmonary_hypertension',
      '各种原因引起的肺动脉高压（≥50mmHg）',
      'Pulmonary hypertension of any cause (≥50 mmHg)',
      true,
      '红 1.1',
    ],
    [
      'red.complex_or_cyanotic_heart_disease',
      '复杂先心（法洛四联症、艾森曼格综合征等）和未手术的紫绀型心脏病（SpO2<90%）；Fontan循环术后',
      'Complex congenital heart disease (tetralogy of Fallot, Eisenmenger) or unoperated cyanotic heart disease (SpO2 <90%); after a Fontan operation',
      false,
      '红 1.1',
      lt('spo2', 90),
    ],
    [
      'red.valve_disease',
      '心脏瓣膜病：瓣膜置换术后，中重度二尖瓣狭窄（瓣口<1.5cm²），主动脉瓣狭窄（跨瓣压差≥50mmHg），马凡氏综合征等',
      'Valve disease: after valve replacement, moderate-severe mitral stenosis (<1.5 cm²), aortic stenosis (gradient ≥50 mmHg), Marfan syndrome',
      false,
      '红 1.1',
    ],
    ['red.cardiomyopathy', '各类心肌病', 'Cardiomyopathy of any kind', false, '红 1.1'],
    ['red.infective_endocarditis', '感染性心内膜炎', 'Infective endocarditis', false, '红 1.1'],
    ['red.acute_myocarditis', '急性心肌炎', 'Acute myocarditis', false, '红 1.1'],
    ['red.rheumatic_active', '风心病风湿活动期', 'Rheumatic heart disease with active rheumatism', false, '红 1.1'],
    [
      'red.hypertensive_heart_disease',
      '妊娠期高血压性心脏病',
      'Hypertensive heart disease of pregnancy',
      false,
      '红 1.1',
    ],
    ['red.other_cardiovascular', '其他严重心血管疾病', 'Other serious cardiovascular disease', false, '红 1.1'],
    [
      'red.respiratory_severe',
      '呼吸系统疾病：哮喘反复发作、肺纤维化、胸廓或脊柱严重畸形等影响肺功能者',
      'Recurrent asthma attacks, pulmonary fibrosis, severe chest or spine deformity affecting lung function',
      false,
      '红 1.2',
    ],
    [
      'red.digestive_severe',
      '消化系统疾病：重型肝炎、肝硬化失代偿、严重消化道出血、急性胰腺炎、肠梗阻等影响孕产妇生命的疾病',
      'Severe hepatitis, decompensated cirrhosis, severe GI bleeding, acute pancreatitis, bowel obstruction threatening life',
      false,
      '红 1.3',
    ],
    [
      'red.renal_severe',
      '泌尿系统疾病：急、慢性肾脏疾病伴高血压、肾功能不全（肌酐超过正常值上限的1.5倍）',
      'Acute or chronic kidney disease with hypertension or renal insufficiency (creatinine >1.5× the upper limit of normal)',
      false,
      '红 1.4',
      gt('creatinineRatio', 1.5),
    ],
    [
      'red.diabetes_complications',
      '糖尿病并发肾病V级、严重心血管病、增生性视网膜病变或玻璃体出血、周围神经病变等',
      'Diabetes with class V nephropathy, serious cardiovascular disease, proliferative retinopathy or vitreous haemorrhage, peripheral neuropathy',
      false,
      '红 1.5',
    ],
    [
      'red.hyperthyroidism_complications',
      '甲状腺功能亢进并发心脏病、感染、肝功能异常、精神异常等疾病',
      'Hyperthyroidism with heart disease, infection, liver dysfunction or mental disturbance',
      false,
      '红 1.5',
    ],
    [
      'red.hypothyroidism_dysfunction',
      '甲状腺功能减退引起相应系统功能障碍，基础代谢率小于-50%',
      'Hypothyroidism with organ dysfunction, basal metabolic rate below −50%',
      false,
      '红 1.5',
    ],
    [
      'red.prolactinoma_vision',
      '垂体泌乳素瘤出现视力减退、视野缺损、偏盲等压迫症状',
      'Prolactinoma with loss of vision or visual-field defects',
      false,
      '红 1.5',
    ],
    [
      'red.central_diabetes_insipidus',
      '尿崩症：中枢性尿崩症伴有明显的多饮、烦渴、多尿症状，或合并有其他垂体功能异常',
      'Central diabetes insipidus with marked symptoms or other pituitary dysfunction',
      false,
      '红 1.5',
    ],
    ['red.pheochromocytoma', '嗜铬细胞瘤', 'Phaeochromocytoma', false, '红 1.5'],
    ['red.aplastic_anaemia', '再生障碍性贫血', 'Aplastic anaemia', false, '红 1.6'],
    [
      'red.thrombocytopenia',
      '血小板减少（PLT<30×10⁹/L）',
      'Thrombocytopenia (PLT <30×10⁹/L)',
      false,
      '红 1.6',
      lt('plateletsE9L', 30),
    ],
    [
      'red.platelets_falling_or_bleeding',
      '血小板进行性下降或伴有出血倾向',
      'Platelets falling progressively, or with bleeding tendency',
      false,
      '红 1.6',
    ],
    [
      'red.severe_anaemia',
      '重度贫血（Hb≤40 g/L）',
      'Very severe anaemia (Hb ≤40 g/L)',
      false,
      '红 1.6',
      le('hbGL', 40),
    ],
    ['red.leukaemia', '白血病', 'Leukaemia', false, '红 1.6'],
    [
      'red.coagulopathy_bleeding',
      '凝血功能障碍伴有出血倾向',
      'Coagulation disorder with bleeding tendency',
      false,
      '红 1.6',
    ],
    [
      'red.thromboembolism',
      '血栓栓塞性疾病（如下肢深静脉血栓、颅内静脉窦血栓等）',
      'Thromboembolic disease (deep vein thrombosis, cerebral venous sinus thrombosis, etc.)',
      false,
      '红 1.6',
    ],
    [
      'red.immune_active',
      '免疫系统疾病活动期（如系统性红斑狼疮、重症IgA肾病、类风湿性关节炎、干燥综合征、未分化结缔组织病等）',
      'Active immune disease (SLE, severe IgA nephropathy, rheumatoid arthritis, Sjögren, UCTD, etc.)',
      false,
      '红 1.7',
    ],
    ['red.psychiatric_acute', '精神病急性期', 'Psychiatric illness in the acute phase', false, '红 1.8'],
    [
      'red.malignancy',
      '恶性肿瘤：妊娠期间发现的恶性肿瘤；治疗后复发或发生远处转移',
      'Malignancy found in pregnancy, or recurrent or metastatic after treatment',
      false,
      '红 1.9',
    ],
    [
      'red.neuro_severe',
      '神经系统疾病：脑血管畸形及手术史；癫痫全身发作；重症肌无力（病变发展至延脑肌、肢带肌、躯干肌和呼吸肌）',
      'Cerebral vascular malformation or its surgery; generalised seizures; myasthenia gravis involving bulbar, limb-girdle, trunk and respiratory muscles',
      false,
      '红 1.10',
    ],
    ['red.drug_use', '吸毒', 'Current drug use', false, '红 1.11'],
    ['red.other_severe', '其他严重内、外科疾病等', 'Other serious medical or surgical disease', false, '红 1.12'],
  ]),
  ...items('red', 'complication', [
    [
      'red.triplets_cardiopulmonary',
      '三胎及以上妊娠伴发心肺功能减退',
      'Triplet or higher-order pregnancy with reduced cardiopulmonary function',
      false,
      '红 2',
    ],
    [
      'red.pernicious_praevia_or_abruption',
      '凶险性前置胎盘，胎盘早剥',
      'Pernicious placenta praevia; placental abruption',
      false,
      '红 2',
    ],
    [
      'red.postpartum_unstable',
      '红色预警范畴疾病产后尚未稳定',
      'A red-category disease not yet stable after delivery',
      false,
      '红 2',
    ],
  ]),
  ...items('purple', 'infection', [
    ['purple.hiv', 'HIV感染及艾滋病', 'HIV infection or AIDS', true, '紫', flag('hivPositive')],
    ['purple.syphilis', '梅毒', 'Syphilis', true, '紫', flag('syphilisPositive')],
    [
      'purple.hepatitis_b',
      '病毒性肝炎：乙肝表面抗原阳性',
      'Viral hepatitis: HBsAg positive',
      true,
      '紫',
      flag('hbsagPositive'),
    ],
    ['purple.viral_hepatitis_other', '其他病毒性肝炎', 'Other viral hepatitis', true, '紫'],
    ['purple.tuberculosis', '结核病', 'Tuberculosis', true, '紫'],
    ['purple.severe_pneumonia', '重症感染性肺炎', 'Severe infectious pneumonia', true, '紫'],
    [
      'purple.special_virus',
      '特殊病毒感染（H1N7、寨卡等）',
      'Special viral infection ("H1N7" as printed, Zika, etc.)',
      true,
      '紫',
    ],
    ['purple.other_infectious', '其他妊娠合并传染病', 'Other infectious disease in pregnancy', true, '紫'],
  ]),
];

/**
 * The national 2017 assessment catalogue (附件2), the default. Items [R] in REFERENCE §1.3 carry confirmed: false.
 * HBsAg-positive is computed as purple; the yellow "肝炎病毒携带（肝功能正常）" item (黄 2.3) stays a ticked item
 * because liver function is not an input.
 */
export const NATIONAL_RISK_CATALOGUE_2017: RiskCatalogue = {
  id: 'risk-assessment-cn-2017',
  version: '2017.1',
  region: 'CN',
  kind: 'assessment',
  name: { zh: '孕产妇妊娠风险评估表（国家2017版）', en: 'Pregnancy risk assessment table (national, 2017)' },
  source: A2,
  confirmed: false,
  status: 'to_confirm',
  items: NATIONAL_ITEMS,
  parameters: {
    creatinineUpperLimitUmolL: maternalParameter(
      84,
      'µmol/L',
      false,
      'Upper limit of normal serum creatinine in women (laboratory-specific) [R]',
    ),
  },
};

/** Changes that turn a base catalogue into a variant. */
export interface RiskCatalogueVariant {
  id: string;
  version: string;
  region: string;
  name: MaternalLabel;
  source: string;
  /** Codes of base items to drop. */
  remove?: string[];
  /** Field overrides of base items, by code. */
  override?: Record<string, Partial<Omit<RiskCatalogueItem, 'code'>>>;
  /** New items. */
  add?: RiskCatalogueItem[];
  /** Parameter overrides. */
  parameters?: Partial<RiskCatalogue['parameters']>;
}

/** Builds a variant catalogue from a base one (the base is not changed). Added items with a base code replace it. */
export function extendRiskCatalogue(base: RiskCatalogue, variant: RiskCatalogueVariant): RiskCatalogue {
  const removed = new Set(variant.remove ?? []);
  const added = variant.add ?? [];
  const addedCodes = new Set(added.map((i) => i.code));
  const kept = base.items
    .filter((i) => !removed.has(i.code) && !addedCodes.has(i.code))
    .map((i) => {
      const o = variant.override?.[i.code];
      return o ? { ...i, ...o } : i;
    });
  const all = [...kept, ...added];
  return {
    ...base,
    id: variant.id,
    version: variant.version,
    region: variant.region,
    name: variant.name,
    source: variant.source,
    confirmed: false,
    status: 'to_confirm',
    items: all,
    parameters: { ...base.parameters, ...variant.parameters },
  };
}

const ZJ = '浙江省孕产妇妊娠风险评估表(2018版)';
const zjItem = (
  code: string,
  colour: RiskItemColour,
  zh: string,
  en: string,
  group: RiskItemGroup,
  rule?: RiskRule,
): RiskCatalogueItem => ({
  code,
  colour,
  zh,
  en,
  kind: rule ? 'computed' : 'ticked',
  confirmed: true,
  source: ZJ,
  group,
  ...(rule ? { rule } : {}),
});

/**
 * The 浙江 2018 provincial table (REFERENCE §1.3 bottom [C]): yellow adds 身高≤145cm, 轻度智力障碍, 吸毒史;
 * orange adds 中重度智力障碍, 瘢痕子宫间隔<18月, Rh血型不合; red adds 心衰史, 子宫破裂史, 剖宫产≥3次.
 * The national 智力障碍 (orange) is split into the mild (yellow) and moderate–severe (orange) items.
 */
export const ZHEJIANG_RISK_CATALOGUE_2018: RiskCatalogue = extendRiskCatalogue(NATIONAL_RISK_CATALOGUE_2017, {
  id: 'risk-assessment-zj-2018',
  version: '2018.1',
  region: '33',
  name: { zh: '浙江省孕产妇妊娠风险评估表（2018版）', en: 'Zhejiang pregnancy risk assessment table (2018)' },
  source: ZJ,
  remove: ['orange.intellectual_disability'],
  override: {
    'yellow.drug_use_history': { confirmed: true, source: ZJ },
    'orange.scar_interval_lt18m': { confirmed: true, source: ZJ },
    'orange.rh_incompatibility': { confirmed: true, source: ZJ },
  },
  add: [
    zjItem('yellow.height_le145', 'yellow', '身高≤145cm', 'Height ≤145 cm', 'basic', le('heightCm', 145)),
    zjItem(
      'yellow.intellectual_disability_mild',
      'yellow',
      '轻度智力障碍',
      'Mild intellectual disability',
      'comorbidity',
    ),
    zjItem(
      'orange.intellectual_disability_moderate_severe',
      'orange',
      '中重度智力障碍',
      'Moderate or severe intellectual disability',
      'comorbidity',
    ),
    zjItem('red.heart_failure_history', 'red', '心衰史', 'History of heart failure', 'comorbidity'),
    zjItem('red.uterine_rupture_history', 'red', '子宫破裂史', 'History of uterine rupture', 'obstetric_history'),
    zjItem(
      'red.caesareans_ge3',
      'red',
      '剖宫产史≥3次',
      'Three or more previous caesareans',
      'obstetric_history',
      ge('previousCaesareans', 3),
    ),
  ],
});

/** The built-in assessment catalogues. */
export const RISK_CATALOGUES: readonly RiskCatalogue[] = [NATIONAL_RISK_CATALOGUE_2017, ZHEJIANG_RISK_CATALOGUE_2018];

/**
 * The assessment catalogue for a region (GB/T 2260 code or prefix; e.g. '330902' → 浙江 2018) and optional version;
 * the national one when no regional variant applies.
 */
export function getRiskCatalogue(region?: string, version?: string): RiskCatalogue {
  return pickRuleSetForRegion(RISK_CATALOGUES, region, version) ?? NATIONAL_RISK_CATALOGUE_2017;
}

/** The item with `code` in `catalogue`, if any. */
export function findRiskItem(
  code: string,
  catalogue: RiskCatalogue = NATIONAL_RISK_CATALOGUE_2017,
): RiskCatalogueItem | undefined {
  return catalogue.items.find((i) => i.code === code);
}

type ScreenSpec = [code: string, zh: string, en: string, confirmed: boolean, rule?: RiskRule];

function screenItems(section: number, required: boolean, specs: ScreenSpec[]): ScreeningCatalogueItem[] {
  return specs.map(([code, zh, en, confirmed, rule]) => ({
    code,
    zh,
    en,
    kind: rule ? 'computed' : 'ticked',
    confirmed,
    source: `${A1} ${section}${confirmed ? '' : ' [R]'}`,
    section,
    required,
    ...(rule ? { rule } : {}),
  }));
}

const BP_HIGH = any(ge('systolicMmHg', 140), ge('diastolicMmHg', 90));

/** 附件1 items of the national 2017 screening table. */
const SCREENING_ITEMS: ScreeningCatalogueItem[] = [
  ...screenItems(1, true, [
    ['screen.age', '年龄≥35岁或≤18岁', 'Age ≥35 or ≤18 years', true, any(ge('ageYears', 35), le('ageYears', 18))],
    [
      'screen.height_or_disability',
      '身高≤145cm，或对生育可能有影响的躯体残疾',
      'Height ≤145 cm, or a physical disability that may affect childbirth',
      true,
      le('heightCm', 145),
    ],
    ['screen.bmi', '体质指数（BMI）>25或<18.5', 'BMI >25 or <18.5', true, any(gt('bmi', 25), lt('bmi', 18.5))],
    ['screen.rh_negative', 'RH血型阴性', 'Rh negative', true, flag('rhNegative')],
  ]),
  ...screenItems(2, true, [
    [
      'screen.birth_interval',
      '生育间隔<18月或>5年',
      'Birth interval <18 months or >5 years',
      true,
      any(lt('monthsSinceLastBirth', 18), gt('monthsSinceLastBirth', 60)),
    ],
    ['screen.caesarean_history', '剖宫产史', 'Previous caesarean', true, ge('previousCaesareans', 1)],
    ['screen.infertility', '不孕史', 'History of infertility', true],
    [
      'screen.adverse_obstetric_history',
      '不良孕产史（各类流产≥3次、早产史、围产儿死亡史、出生缺陷、异位妊娠史、滋养细胞疾病史、既往妊娠并发症及合并症史）',
      'Adverse obstetric history (≥3 miscarriages or abortions, preterm birth, perinatal death, birth defect, ectopic pregnancy, trophoblastic disease, past complications or comorbidities)',
      true,
    ],
    [
      'screen.current_pregnancy_abnormal',
      '本次妊娠异常情况（如多胎妊娠、辅助生殖妊娠等）',
      'Abnormal current pregnancy (multiple pregnancy, assisted reproduction, etc.)',
      true,
      ge('fetuses', 2),
    ],
  ]),
  ...screenItems(3, true, [
    ['screen.genital_tract_malformation', '生殖道畸形', 'Genital tract malformation', true],
    ['screen.fibroid_or_cyst_ge5cm', '子宫肌瘤或卵巢囊肿≥5cm', 'Uterine fibroid or ovarian cyst ≥5 cm', true],
    ['screen.vaginal_cervical_conization', '阴道及宫颈锥切手术史', 'Vaginal surgery or cervical conisation', true],
    ['screen.hysteroscopy_laparoscopy', '宫/腹腔镜手术史', 'Hysteroscopic or laparoscopic surgery', true],
    [
      'screen.scarred_uterus',
      '瘢痕子宫（如子宫肌瘤挖除术后、子宫肌腺瘤挖除术后、子宫整形术后、宫角妊娠后、子宫穿孔后等）',
      'Scarred uterus (after myomectomy, adenomyomectomy, uterine plastic surgery, cornual pregnancy, perforation, etc.)',
      true,
    ],
    ['screen.adnexal_malignancy_surgery', '附件恶性肿瘤手术史', 'Surgery for an adnexal malignancy', true],
  ]),
  ...screenItems(4, true, [
    [
      'screen.family_hypertension_bp',
      '高血压家族史且孕妇目前血压≥140/90mmHg',
      'Family history of hypertension and current BP ≥140/90 mmHg',
      true,
      all(flag('familyHypertension'), BP_HIGH),
    ],
    ['screen.family_diabetes', '糖尿病（直系亲属）', 'Diabetes in a first-degree relative', true],
    ['screen.family_coagulation', '凝血因子缺乏', 'Coagulation factor deficiency', true],
    [
      'screen.family_genetic_disease',
      '严重的遗传性疾病（如遗传性高脂血症、血友病、地中海贫血等）',
      'Serious hereditary disease (familial hyperlipidaemia, haemophilia, thalassaemia, etc.)',
      true,
    ],
  ]),
  ...screenItems(5, true, [
    ['screen.major_organ_disease', '各种重要脏器疾病史', 'History of disease of a vital organ', true],
    ['screen.malignancy_history', '恶性肿瘤病史', 'History of malignancy', true],
    [
      'screen.major_surgery_or_allergy',
      '其他特殊、重大手术史、药物过敏史',
      'Other special or major surgery; drug allergy',
      true,
    ],
  ]),
  ...screenItems(6, false, [
    ['screen.hb_lt110', '血红蛋白<110g/L', 'Haemoglobin <110 g/L', true, lt('hbGL', 110)],
    ['screen.plt_le100', '血小板计数≤100×10⁹/L', 'Platelets ≤100×10⁹/L', true, le('plateletsE9L', 100)],
    ['screen.syphilis_positive', '梅毒筛查阳性', 'Syphilis screen positive', true, flag('syphilisPositive')],
    ['screen.hiv_positive', 'HIV筛查阳性', 'HIV screen positive', true, flag('hivPositive')],
    [
      'screen.urine_abnormal',
      '清洁中段尿常规异常（如蛋白、管型、红细胞、白细胞）持续两次以上',
      'Abnormal clean-catch urine (protein, casts, red or white cells) on two or more occasions',
      true,
    ],
    [
      'screen.glucosuria_fasting_glucose',
      '尿糖阳性且空腹血糖异常（妊娠24周前≥7.0mmol/L；妊娠24周起≥5.1mmol/L）',
      'Glucosuria with abnormal fasting glucose (≥7.0 mmol/L before 24 weeks; ≥5.1 mmol/L from 24 weeks)',
      true,
      all(
        flag('glucosuria'),
        any(
          all(lt('gestationalWeeks', 24), ge('fastingGlucoseMmolL', 7.0)),
          all(ge('gestationalWeeks', 24), ge('fastingGlucoseMmolL', 5.1)),
        ),
      ),
    ],
    ['screen.ferritin_lt20', '血清铁蛋白<20μg/L', 'Serum ferritin <20 µg/L', true, lt('ferritinUgL', 20)],
  ]),
  ...screenItems(7, true, [
    [
      'screen.cardiorespiratory',
      '心血管及呼吸系统：心悸、胸闷、胸痛或背部牵涉痛、气促、夜间不能平卧；哮喘及哮喘史、咳嗽、咯血等；长期低热、消瘦、盗汗；心肺听诊异常；心脏病史、心衰史、心脏手术史；胸廓畸形',
      'Cardiorespiratory: palpitations, chest tightness or pain, breathlessness, orthopnoea; asthma, cough, haemoptysis; long low fever, weight loss, night sweats; abnormal auscultation; heart disease, heart failure or heart surgery history; chest deformity',
      true,
    ],
    ['screen.bp_ge140_90', '血压≥140/90mmHg', 'Blood pressure ≥140/90 mmHg', true, BP_HIGH],
    [
      'screen.digestive',
      '消化系统：严重纳差、乏力、剧吐；上腹疼痛，肝脾肿大；皮肤巩膜黄染；便血',
      'Digestive: severe anorexia, fatigue, vomiting; epigastric pain, hepatosplenomegaly; jaundice; blood in stool',
      false,
    ],
    [
      'screen.urinary',
      '泌尿系统：眼睑浮肿、少尿、蛋白尿、血尿、管型尿；慢性肾炎、肾病史',
      'Urinary: oedema, oliguria, proteinuria, haematuria, casts; chronic nephritis or nephropathy',
      false,
    ],
    [
      'screen.haematological',
      '血液系统：牙龈出血、鼻衄；出血不凝、全身多处瘀点瘀斑；血小板减少、再障等血液病史',
      'Blood: gum or nose bleeding; non-clotting bleeding, petechiae or bruising; thrombocytopenia, aplastic anaemia',
      false,
    ],
    [
      'screen.endocrine_immune',
      '内分泌及免疫系统：多饮、多尿、多食；烦渴、心悸、烦躁、多汗；明显关节酸痛、脸部蝶形或盘形红斑、不明原因高热；口干（无唾液）、眼干（眼内有磨砂感、无泪）等',
      'Endocrine and immune: polydipsia, polyuria, polyphagia; thirst, palpitations, restlessness, sweating; joint pain, malar or discoid rash, unexplained high fever; dry mouth or eyes',
      false,
    ],
    [
      'screen.sti_signs',
      '性传播疾病：外生殖器溃疡、赘生物或水泡；阴道或尿道流脓；性病史',
      'STI: genital ulcer, growths or blisters; vaginal or urethral pus; history of STI',
      true,
    ],
    [
      'screen.neuro_psychiatric',
      '精神神经系统：言语交流困难、智力障碍、精神抑郁、精神躁狂；反复出现头痛、恶心、呕吐；癫痫史；不明原因晕厥史',
      'Mental and nervous: communication difficulty, intellectual disability, depression, mania; recurrent headache with nausea or vomiting; epilepsy; unexplained fainting',
      true,
    ],
    ['screen.drug_use_history', '其他：吸毒史', 'Other: history of drug use', true],
  ]),
];

/** The national 2017 screening catalogue (附件1). One positive item makes the woman screen-positive. */
export const NATIONAL_SCREENING_CATALOGUE_2017: ScreeningCatalogue = {
  id: 'risk-screening-cn-2017',
  version: '2017.1',
  region: 'CN',
  kind: 'screening',
  name: { zh: '孕产妇妊娠风险筛查表（国家2017版）', en: 'Pregnancy risk screening table (national, 2017)' },
  source: A1,
  confirmed: false,
  status: 'to_confirm',
  items: SCREENING_ITEMS,
};

/** The built-in screening catalogues. */
export const SCREENING_CATALOGUES: readonly ScreeningCatalogue[] = [NATIONAL_SCREENING_CATALOGUE_2017];

/** The screening catalogue for a region and optional version (the national one by default). */
export function getScreeningCatalogue(region?: string, version?: string): ScreeningCatalogue {
  return pickRuleSetForRegion(SCREENING_CATALOGUES, region, version) ?? NATIONAL_SCREENING_CATALOGUE_2017;
}
