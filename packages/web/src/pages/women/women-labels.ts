/** zh/en labels of the women's-health codes shown on the pages (the medical code lists come from core). */
import {
  AID_APPLICATION_EVENTS,
  AID_APPLICATION_STATES,
  BIRTH_DEFECT_CATEGORIES,
  BIRTH_DEFECT_DIAGNOSIS_BASIS,
  BI_RADS_CATEGORIES,
  BREAST_CLINICAL_FINDINGS,
  BREAST_HIGH_RISK_FACTORS,
  BREAST_NEXT_STEP_LABELS,
  BREAST_PATHOLOGY,
  CANCER_SCREENING_COHORT_LABELS,
  CERVICAL_HISTOLOGY,
  CERVICAL_NEXT_STEP_LABELS,
  COLPOSCOPY_LABELS,
  HPV_CATEGORY_LABELS,
  HPV_HIGH_RISK_TYPES,
  PREMARITAL_DISEASE_CATEGORIES,
  PREMARITAL_FINDING_LABELS,
  PREMARITAL_OPINIONS_NATIONAL,
  GYN_SURVEY_FINDINGS,
  GYN_SURVEY_DISPOSITION_LABELS,
  PELVIC_FLOOR_REASON_LABELS,
  FAMILY_PLANNING_SERVICES,
  FAMILY_PLANNING_COMPLICATIONS,
  POST_ABORTION_CARE_ITEMS,
  THALASSAEMIA_CARRIER_LABELS,
  THALASSAEMIA_TEST_LABELS,
  PRECONCEPTION_RISK_FACTOR_LABELS,
  FOLIC_ACID_ADHERENCE_LABELS,
  SCREENING_CASE_EVENT_LABELS,
  SCREENING_CASE_NEXT_STEP_LABELS,
  SCREENING_CASE_STATE_LABELS,
  TBS_CATEGORIES,
  VIA_VILI_LABELS,
  premaritalExamItemsFor,
  preconceptionItemsFor,
  complicationsFor,
  suggestPremaritalOpinion,
} from '@fuyou/core/women/index';

/** A zh/en pair. */
export interface ZhEn {
  zh: string;
  en: string;
}
/** A code → label map. */
export type LabelMap = Record<string, ZhEn>;

/** Turns a core code list into a label map. */
export function fromList(list: readonly { code: string; zh: string; en: string }[]): LabelMap {
  return Object.fromEntries(list.map((x) => [x.code, { zh: x.zh, en: x.en }]));
}

/** Label of a code in the language, the code itself when unknown, '—' when empty. */
export function lab(map: LabelMap, code: string | null | undefined, lang: string): string {
  if (code === null || code === undefined || code === '') return '—';
  const p = map[code];
  return p ? (lang === 'en-US' ? p.en : p.zh) : code;
}

/** Select options of a label map. */
export function options(map: LabelMap, lang: string) {
  return Object.keys(map).map((value) => ({ value, label: lab(map, value, lang) }));
}

export const KIND: LabelMap = { cervical: { zh: '宫颈癌', en: 'Cervical' }, breast: { zh: '乳腺癌', en: 'Breast' } };
export const CERVICAL_METHOD: LabelMap = {
  hpv: { zh: 'HPV分型检测', en: 'HPV genotyping' },
  cytology: { zh: '宫颈细胞学（TBS）', en: 'Cytology (TBS)' },
  co_test: { zh: 'HPV+细胞学联合筛查', en: 'HPV + cytology co-test' },
  via_vili: { zh: 'VIA/VILI', en: 'VIA/VILI' },
};
export const BREAST_METHOD: LabelMap = {
  breast_ultrasound: { zh: '乳腺超声', en: 'Breast ultrasound' },
  mammography: { zh: '乳腺X线', en: 'Mammography' },
};
export const METHOD: LabelMap = { ...CERVICAL_METHOD, ...BREAST_METHOD };
export const COHORT: LabelMap = CANCER_SCREENING_COHORT_LABELS;
export const STATUS: LabelMap = {
  pending: { zh: '待出结果', en: 'Result pending' },
  normal: { zh: '未见异常', en: 'Normal' },
  abnormal: { zh: '异常', en: 'Abnormal' },
};
export const CASE_STATE: LabelMap = SCREENING_CASE_STATE_LABELS;
export const CASE_EVENT: LabelMap = SCREENING_CASE_EVENT_LABELS;
export const CASE_NEXT: LabelMap = SCREENING_CASE_NEXT_STEP_LABELS;
export const PATHWAY_NEXT: LabelMap = { ...CERVICAL_NEXT_STEP_LABELS, ...BREAST_NEXT_STEP_LABELS };
export const HPV_CATEGORY: LabelMap = HPV_CATEGORY_LABELS;
export const HPV_TYPES: readonly string[] = HPV_HIGH_RISK_TYPES;
export const TBS: LabelMap = fromList(TBS_CATEGORIES);
export const VIA_VILI: LabelMap = VIA_VILI_LABELS;
export const COLPOSCOPY: LabelMap = COLPOSCOPY_LABELS;
export const HISTOLOGY: LabelMap = fromList(CERVICAL_HISTOLOGY);
export const BIRADS: LabelMap = fromList(BI_RADS_CATEGORIES);
export const BREAST_PATH: LabelMap = fromList(BREAST_PATHOLOGY);
export const BREAST_FINDINGS: LabelMap = fromList(BREAST_CLINICAL_FINDINGS);
export const BREAST_RISK: LabelMap = fromList(BREAST_HIGH_RISK_FACTORS);
export const SENIOR_REVIEW: LabelMap = {
  follow_up: { zh: '短期随访', en: 'Follow-up' },
  biopsy: { zh: '活检', en: 'Biopsy' },
};
export const EXAM: LabelMap = {
  colposcopy: { zh: '阴道镜检查', en: 'Colposcopy' },
  cytology: { zh: '宫颈细胞学', en: 'Cytology' },
  hpv: { zh: 'HPV检测', en: 'HPV test' },
  mammography: { zh: '乳腺X线', en: 'Mammography' },
  senior_review: { zh: '专家会诊', en: 'Senior review' },
  biopsy: { zh: '活检', en: 'Biopsy' },
};
export const CERVICAL_TREATMENT: LabelMap = {
  leep: { zh: '宫颈环形电切术（LEEP）', en: 'LEEP' },
  cold_knife_conization: { zh: '宫颈冷刀锥切术', en: 'Cold-knife conization' },
  thermal_ablation: { zh: '热消融', en: 'Thermal ablation' },
  cryotherapy: { zh: '冷冻治疗', en: 'Cryotherapy' },
  laser: { zh: '激光治疗', en: 'Laser' },
  hysterectomy: { zh: '子宫切除术', en: 'Hysterectomy' },
  radiotherapy: { zh: '放疗', en: 'Radiotherapy' },
  chemoradiotherapy: { zh: '同步放化疗', en: 'Chemoradiotherapy' },
  other: { zh: '其他', en: 'Other' },
};
export const BREAST_TREATMENT: LabelMap = {
  breast_conserving_surgery: { zh: '保乳手术', en: 'Breast-conserving surgery' },
  mastectomy: { zh: '乳房切除术', en: 'Mastectomy' },
  chemotherapy: { zh: '化疗', en: 'Chemotherapy' },
  radiotherapy: { zh: '放疗', en: 'Radiotherapy' },
  endocrine_therapy: { zh: '内分泌治疗', en: 'Endocrine therapy' },
  targeted_therapy: { zh: '靶向治疗', en: 'Targeted therapy' },
  other: { zh: '其他', en: 'Other' },
};
export const NOTIFY_METHOD: LabelMap = {
  phone: { zh: '电话', en: 'Phone' },
  sms: { zh: '短信', en: 'SMS' },
  letter: { zh: '书面通知', en: 'Letter' },
  in_person: { zh: '当面告知', en: 'In person' },
  wechat: { zh: '微信', en: 'WeChat' },
};
export const LESION_GRADE: LabelMap = {
  none: { zh: '未见病变', en: 'No lesion' },
  low_grade: { zh: '低级别病变', en: 'Low grade' },
  precancer: { zh: '癌前病变', en: 'Precancer' },
  cancer: { zh: '癌', en: 'Cancer' },
};

/** Colour of a case state tag. */
export function stateColor(state: string | null, overdue = false): string {
  if (overdue) return 'red';
  switch (state) {
    case 'treated':
    case 'closed_normal':
      return 'green';
    case 'lost_to_follow_up':
      return 'default';
    case null:
      return 'default';
    default:
      return 'orange';
  }
}

/** One-line summary of a record's results. */
export function resultText(s: {
  hpvTypes: string[] | null;
  cytology: string | null;
  viaVili: string | null;
  colposcopy: string | null;
  histopathology: string | null;
  ultrasoundBirads: string | null;
  mammographyBirads: string | null;
  breastPathology: string | null;
}): string {
  const parts: string[] = [];
  if (s.hpvTypes) parts.push(s.hpvTypes.length ? `HPV ${s.hpvTypes.join('/')} +` : 'HPV −');
  if (s.cytology) parts.push(`TBS ${s.cytology}`);
  if (s.viaVili) parts.push(`VIA/VILI ${s.viaVili}`);
  if (s.colposcopy) parts.push(`Colpo ${s.colposcopy}`);
  if (s.histopathology) parts.push(s.histopathology);
  if (s.ultrasoundBirads) parts.push(`US BI-RADS ${s.ultrasoundBirads}`);
  if (s.mammographyBirads) parts.push(`MG BI-RADS ${s.mammographyBirads}`);
  if (s.breastPathology) parts.push(s.breastPathology);
  return parts.join('; ') || '—';
}

/** A rate as a percentage text. */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}

export const PREMARITAL_OPINION: LabelMap = fromList(PREMARITAL_OPINIONS_NATIONAL.opinions);
export const PREMARITAL_FINDING: LabelMap = PREMARITAL_FINDING_LABELS;
export const PREMARITAL_DISEASE: LabelMap = fromList(PREMARITAL_DISEASE_CATEGORIES);
export const NORMAL_ABNORMAL: LabelMap = {
  normal: { zh: '未见异常', en: 'Normal' },
  abnormal: { zh: '异常', en: 'Abnormal' },
};
export const INFECTIOUS_RESULT: LabelMap = {
  negative: { zh: '阴性', en: 'Negative' },
  positive: { zh: '阳性', en: 'Positive' },
  not_done: { zh: '未查', en: 'Not done' },
};
export const INFECTIOUS_ITEM: LabelMap = {
  hiv: { zh: '艾滋病（HIV）', en: 'HIV' },
  syphilis: { zh: '梅毒', en: 'Syphilis' },
  hbsag: { zh: '乙肝表面抗原', en: 'HBsAg' },
  gonorrhoea: { zh: '淋病', en: 'Gonorrhoea' },
};
/** Laboratory items of the national list for one sex (infectious items apart). */
export function premaritalLabItems(sex: 'female' | 'male') {
  return premaritalExamItemsFor(sex).filter(
    (i) =>
      (i.group === 'routine_lab' || i.group === 'special') &&
      !['hbv_markers', 'hiv', 'syphilis', 'hbsag', 'gonorrhoea'].includes(i.code),
  );
}
export { suggestPremaritalOpinion };

export const RISK_FACTOR: LabelMap = PRECONCEPTION_RISK_FACTOR_LABELS;
export const ADHERENCE: LabelMap = FOLIC_ACID_ADHERENCE_LABELS;
export const RISK_LEVEL: LabelMap = {
  low: { zh: '一般人群', en: 'Low risk' },
  high: { zh: '高风险', en: 'High risk' },
};
export const POS_NEG: LabelMap = { negative: { zh: '阴性', en: 'Negative' }, positive: { zh: '阳性', en: 'Positive' } };
/** Questionnaire factors the clinician ticks (the others are computed from the values). */
export const REPORTED_FACTORS = [
  'genetic_family_history',
  'consanguinity',
  'adverse_pregnancy_history',
  'chronic_disease',
  'teratogenic_medication',
  'smoking',
  'alcohol',
  'drug_use',
  'hazardous_exposure',
  'psychosocial_stress',
] as const;
/** Service items for one partner (core list). */
export function preconceptionItems(sex: 'female' | 'male') {
  return preconceptionItemsFor(sex);
}

export const THAL_KIND: LabelMap = THALASSAEMIA_TEST_LABELS;
export const CARRIER: LabelMap = fromList(THALASSAEMIA_CARRIER_LABELS);
export const THAL_RISK: LabelMap = {
  high: { zh: '高风险（同型携带）', en: 'High (same type)' },
  low: { zh: '低风险', en: 'Low' },
  undetermined: { zh: '待定', en: 'Undetermined' },
};
export const THAL_ACTION: LabelMap = {
  genetic_counselling: { zh: '遗传咨询', en: 'Genetic counselling' },
  prenatal_diagnosis: { zh: '产前诊断', en: 'Prenatal diagnosis' },
  partner_screening: { zh: '配偶筛查', en: 'Screen the partner' },
  gene_test: { zh: '基因检测', en: 'Gene test' },
};
export const RETEST_REASON: LabelMap = {
  valid_result_on_file: { zh: '已有有效结果，无需复查', en: 'Valid result on file' },
  superseded_by_valid_result: { zh: '已有基因检测结果，无需复查', en: 'Gene test on file' },
  expired: { zh: '结果已过期，需重新检测', en: 'Result expired' },
  none_on_file: { zh: '无检测结果，需检测', en: 'No result on file' },
};

export const GYN_FINDING: LabelMap = fromList(GYN_SURVEY_FINDINGS);
export const GYN_DISPOSITION: LabelMap = GYN_SURVEY_DISPOSITION_LABELS;
export const PELVIC_REASON: LabelMap = PELVIC_FLOOR_REASON_LABELS;
export const PELVIC_STATUS: LabelMap = {
  no_rehab: { zh: '无需康复', en: 'No rehabilitation' },
  rehab_planned: { zh: '待康复', en: 'Planned' },
  in_rehab: { zh: '康复中', en: 'In rehabilitation' },
  completed: { zh: '已完成疗程', en: 'Completed' },
  declined: { zh: '拒绝/中止', en: 'Declined' },
};
export const PELVIC_MODALITY: LabelMap = {
  biofeedback: { zh: '生物反馈', en: 'Biofeedback' },
  electrical_stimulation: { zh: '电刺激', en: 'Electrical stimulation' },
  kegel_training: { zh: '盆底肌训练', en: 'Kegel training' },
  magnetic_stimulation: { zh: '磁刺激', en: 'Magnetic stimulation' },
  other: { zh: '其他', en: 'Other' },
};
export const FP_SERVICE: LabelMap = fromList(FAMILY_PLANNING_SERVICES);
export const FP_SUPPLY: LabelMap = fromList(FAMILY_PLANNING_SERVICES.filter((s) => s.kind === 'supply'));
export const FP_COMPLICATION: LabelMap = fromList(FAMILY_PLANNING_COMPLICATIONS);
export const PAC_ITEM: LabelMap = fromList(POST_ABORTION_CARE_ITEMS);
export const PAC_CLASS: LabelMap = {
  highly_effective: { zh: '高效避孕', en: 'Highly effective' },
  other_method: { zh: '其他方法', en: 'Other method' },
  none: { zh: '未落实', en: 'None' },
};
export const STOCK_KIND: LabelMap = {
  receipt: { zh: '入库', en: 'Receipt' },
  issue: { zh: '发放', en: 'Issue' },
  adjustment: { zh: '盘点调整', en: 'Adjustment' },
};
/** Services of one sex (core list). */
export function fpServicesFor(sex?: 'female' | 'male') {
  return FAMILY_PLANNING_SERVICES.filter((s) => !sex || s.sex === sex);
}
export { complicationsFor };

export const DEFECT_CATEGORY: LabelMap = fromList(BIRTH_DEFECT_CATEGORIES);
export const DEFECT_CATEGORY_ICD: Record<string, string> = Object.fromEntries(
  BIRTH_DEFECT_CATEGORIES.map((c) => [c.code, c.icd10Display]),
);
export const DEFECT_BASIS: LabelMap = fromList(BIRTH_DEFECT_DIAGNOSIS_BASIS);
export const DEFECT_OUTCOME: LabelMap = {
  live_birth: { zh: '活产', en: 'Live birth' },
  stillbirth: { zh: '死胎死产', en: 'Stillbirth / fetal death' },
  termination: { zh: '治疗性引产', en: 'Termination after prenatal diagnosis' },
  early_neonatal_death: { zh: '7天内死亡', en: 'Death within 7 days' },
};
export const DEFECT_TIME: LabelMap = {
  prenatal: { zh: '产前', en: 'Prenatal' },
  after_birth: { zh: '产后', en: 'After birth' },
};
export const DEFECT_SOURCE: LabelMap = {
  delivery: { zh: '分娩记录', en: 'Delivery record' },
  prenatal_diagnosis: { zh: '产前诊断', en: 'Prenatal diagnosis' },
  manual: { zh: '手工填报', en: 'Entered by hand' },
};
export const SEX: LabelMap = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  unknown: { zh: '不明', en: 'Unknown' },
};
export const AID_STATE: LabelMap = fromList(AID_APPLICATION_STATES);
export const AID_EVENT: LabelMap = fromList(AID_APPLICATION_EVENTS);
export const AID_PROGRAMME: LabelMap = {
  birth_defect_aid: { zh: '出生缺陷救助', en: 'Birth-defect aid' },
  congenital_heart_aid: { zh: '先天性心脏病救助', en: 'Congenital heart disease aid' },
  metabolic_disease_aid: { zh: '遗传代谢病救助', en: 'Metabolic disease aid' },
  hearing_aid: { zh: '听力障碍救助', en: 'Hearing-loss aid' },
  other: { zh: '其他', en: 'Other' },
};
/** Tag colour of an aid application state. */
export function aidColor(state: string): string {
  return state === 'paid' ? 'green' : state === 'approved' ? 'blue' : state === 'rejected' ? 'default' : 'orange';
}
