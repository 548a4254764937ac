/**
 * Catalogue of funded public-health and benefit programmes (惠民项目 / 妇幼重大公共卫生服务项目, capability G7) that
 * the women's and birth-defect modules serve: what each programme is, whom it serves, and which service record
 * counts toward its completion. Targets themselves are per region and year (targets module); the examples here
 * are the seeds' figures.
 */
import type { WomenEvidenceMarker, WomenRuleError } from './rule-meta';
import { womenRuleError } from './rule-meta';

/** Programme ids. */
export type FundedProgrammeId =
  | 'free_premarital_exam'
  | 'free_preconception_check'
  | 'cervical_cancer_screening'
  | 'breast_cancer_screening'
  | 'folic_acid_supplementation'
  | 'newborn_chd_screening'
  | 'newborn_metabolic_screening'
  | 'newborn_hearing_screening'
  | 'thalassaemia_prevention'
  | 'pmtct'
  | 'free_contraceptives'
  | 'prenatal_screening_diagnosis';

/** How a programme is funded. */
export type ProgrammeFunding = 'basic_public_health' | 'major_public_health' | 'local';

/** The service record that counts toward a programme. */
export interface ProgrammeCountingRule {
  /** Record type (GLOSSARY identifier, e.g. 'premaritalExam', 'newbornScreening'). */
  type: string;
  /** Accepted `kind` values of that record; omitted = any kind. */
  kinds?: readonly string[];
  /** Accepted `step` values (e.g. 'echo' for an echocardiography diagnosis); omitted = any step. */
  steps?: readonly string[];
  /** What one unit of completion is. */
  unit: 'person' | 'couple' | 'newborn' | 'diagnosis' | 'dispensing' | 'pregnancy';
  zh: string;
  en: string;
}

/** A target figure written in a seed document, for illustration and seeding [L]. */
export interface ProgrammeTargetExample {
  comparator: '>=' | '<=' | '=';
  value: number;
  unit: 'percent' | 'count';
  seed: string;
  zh: string;
}

/** One funded programme. */
export interface FundedProgramme {
  id: FundedProgrammeId;
  zh: string;
  en: string;
  funding: ProgrammeFunding;
  targetPopulationZh: string;
  targetPopulationEn: string;
  counts: ProgrammeCountingRule;
  /** Capability ids of seeds/README.md. */
  capabilities: readonly string[];
  /** Seed documents that name the programme. */
  seeds: readonly string[];
  exampleTargets: readonly ProgrammeTargetExample[];
  marker: WomenEvidenceMarker;
}

/**
 * The catalogue. Funding channels are [R]: programmes moved between 基本公卫 and 重大公卫 over time, and provinces
 * fund some locally.
 */
export const FUNDED_PROGRAMMES: readonly FundedProgramme[] = [
  {
    id: 'free_premarital_exam',
    zh: '免费婚前医学检查',
    en: 'Free premarital medical examination',
    funding: 'local',
    targetPopulationZh: '登记结婚的男女双方',
    targetPopulationEn: 'Couples registering their marriage',
    counts: {
      type: 'premaritalExam',
      unit: 'person',
      zh: '接受免费婚前医学检查的人数（男女双方各计）',
      en: 'People given a free examination (each partner counted)',
    },
    capabilities: ['B1', 'G7'],
    seeds: ['000', '001', '003'],
    exampleTargets: [{ comparator: '>=', value: 92, unit: 'percent', seed: '003', zh: '免费婚前检查率≥92%' }],
    marker: 'C',
  },
  {
    id: 'free_preconception_check',
    zh: '国家免费孕前优生健康检查',
    en: 'Free national preconception eugenic health check',
    funding: 'basic_public_health',
    targetPopulationZh: '符合生育政策、计划怀孕的夫妇（含流动人口）',
    targetPopulationEn: 'Couples planning a pregnancy (incl. non-residents)',
    counts: {
      type: 'preconceptionCheck',
      unit: 'couple',
      zh: '完成孕前优生健康检查的夫妇数',
      en: 'Couples who completed the check',
    },
    capabilities: ['B2', 'G7'],
    seeds: ['000', '001', '002', '004'],
    exampleTargets: [],
    marker: 'C',
  },
  {
    id: 'cervical_cancer_screening',
    zh: '适龄妇女宫颈癌筛查（两癌检查）',
    en: 'Cervical cancer screening (two-cancer programme)',
    funding: 'basic_public_health',
    targetPopulationZh: '35–64岁妇女，优先农村妇女和城镇低保妇女',
    targetPopulationEn: 'Women aged 35–64; rural and urban low-income women first',
    counts: {
      type: 'cancerScreening',
      kinds: ['cervical'],
      unit: 'person',
      zh: '完成宫颈癌筛查的人数',
      en: 'Women screened for cervical cancer',
    },
    capabilities: ['W1', 'G7'],
    seeds: ['000', '001', '002', '004'],
    exampleTargets: [
      { comparator: '>=', value: 100, unit: 'percent', seed: '002', zh: '农村牧区适龄妇女两癌筛查覆盖率达到100%' },
    ],
    marker: 'C',
  },
  {
    id: 'breast_cancer_screening',
    zh: '适龄妇女乳腺癌筛查（两癌检查）',
    en: 'Breast cancer screening (two-cancer programme)',
    funding: 'basic_public_health',
    targetPopulationZh: '35–64岁妇女，优先农村妇女和城镇低保妇女',
    targetPopulationEn: 'Women aged 35–64; rural and urban low-income women first',
    counts: {
      type: 'cancerScreening',
      kinds: ['breast'],
      unit: 'person',
      zh: '完成乳腺癌筛查的人数',
      en: 'Women screened for breast cancer',
    },
    capabilities: ['W1', 'G7'],
    seeds: ['000', '001', '002', '004'],
    exampleTargets: [
      { comparator: '>=', value: 100, unit: 'percent', seed: '002', zh: '农村牧区适龄妇女两癌筛查覆盖率达到100%' },
    ],
    marker: 'C',
  },
  {
    id: 'folic_acid_supplementation',
    zh: '增补叶酸预防神经管缺陷',
    en: 'Folic acid supplementation to prevent neural-tube defects',
    funding: 'basic_public_health',
    targetPopulationZh: '计划怀孕及孕早期妇女（原为农村妇女）',
    targetPopulationEn: 'Women planning a pregnancy and in early pregnancy (originally rural women)',
    counts: { type: 'folicAcid', unit: 'person', zh: '领取免费叶酸的妇女人数', en: 'Women given free folic acid' },
    capabilities: ['B2', 'G7'],
    seeds: ['000', '001', '002', '004'],
    exampleTargets: [],
    marker: 'C',
  },
  {
    id: 'newborn_chd_screening',
    zh: '新生儿先天性心脏病筛查',
    en: 'Newborn congenital heart disease screening',
    funding: 'local',
    targetPopulationZh: '辖区出生的新生儿；筛查阳性者行心脏超声诊断',
    targetPopulationEn: 'Newborns of the area; screen-positives get echocardiography',
    counts: {
      type: 'newbornScreening',
      kinds: ['heart'],
      // the child module's CHD flow: pulse-oximetry 'screen', then 'echo' (the diagnosis) for screen-positives
      steps: ['echo'],
      unit: 'diagnosis',
      zh: '完成心脏超声诊断的例数',
      en: 'Echocardiography diagnoses done',
    },
    capabilities: ['B4', 'G7'],
    seeds: ['000', '001', '003'],
    exampleTargets: [{ comparator: '>=', value: 208, unit: 'count', seed: '003', zh: '完成心脏超声诊断208例以上' }],
    marker: 'C',
  },
  {
    id: 'newborn_metabolic_screening',
    zh: '新生儿遗传代谢病筛查',
    en: 'Newborn genetic-metabolic disease screening',
    funding: 'major_public_health',
    targetPopulationZh: '辖区活产新生儿',
    targetPopulationEn: 'Live-born newborns of the area',
    counts: {
      type: 'newbornScreening',
      kinds: ['metabolic'],
      unit: 'newborn',
      zh: '完成足跟血筛查的新生儿数',
      en: 'Newborns with a heel-prick screen',
    },
    capabilities: ['B4', 'G7'],
    seeds: ['000', '001', '002', '003'],
    exampleTargets: [
      { comparator: '>=', value: 98, unit: 'percent', seed: '002', zh: '新生儿遗传代谢性疾病筛查率达到98%及以上' },
      { comparator: '>=', value: 99, unit: 'percent', seed: '003', zh: '新生儿遗传代谢性疾病筛查率≥99%' },
    ],
    marker: 'C',
  },
  {
    id: 'newborn_hearing_screening',
    zh: '新生儿听力筛查',
    en: 'Newborn hearing screening',
    funding: 'major_public_health',
    targetPopulationZh: '辖区活产新生儿',
    targetPopulationEn: 'Live-born newborns of the area',
    counts: {
      type: 'newbornScreening',
      kinds: ['hearing'],
      unit: 'newborn',
      zh: '完成听力初筛的新生儿数',
      en: 'Newborns with an initial hearing screen',
    },
    capabilities: ['B4', 'G7'],
    seeds: ['000', '001', '002', '003'],
    exampleTargets: [
      { comparator: '>=', value: 90, unit: 'percent', seed: '002', zh: '新生儿听力筛查率达到90%及以上' },
      { comparator: '>=', value: 99, unit: 'percent', seed: '003', zh: '新生儿听力筛查率≥99%' },
    ],
    marker: 'C',
  },
  {
    id: 'thalassaemia_prevention',
    zh: '地中海贫血防控',
    en: 'Thalassaemia prevention and control',
    funding: 'local',
    targetPopulationZh: '婚检、孕前检查和孕早期的夫妇（高发地区）',
    targetPopulationEn: 'Couples at premarital, preconception and early-pregnancy checks (high-prevalence areas)',
    counts: {
      type: 'thalassaemiaTest',
      unit: 'person',
      zh: '完成地贫筛查的人数（不重复计）',
      en: 'People screened (counted once)',
    },
    capabilities: ['B7', 'G7'],
    seeds: ['004'],
    exampleTargets: [],
    marker: 'C',
  },
  {
    id: 'pmtct',
    zh: '预防艾滋病、梅毒和乙肝母婴传播',
    en: 'Prevention of mother-to-child transmission of HIV, syphilis and hepatitis B',
    funding: 'major_public_health',
    targetPopulationZh: '孕产妇及其所生儿童',
    targetPopulationEn: 'Pregnant women and their children',
    counts: {
      type: 'pmtct',
      unit: 'pregnancy',
      zh: '孕期和/或产时接受三病检测的产妇数',
      en: 'Women tested for the three diseases in pregnancy or labour',
    },
    capabilities: ['W4', 'G7'],
    seeds: ['001', '002', '003', '004'],
    exampleTargets: [],
    marker: 'C',
  },
  {
    id: 'free_contraceptives',
    zh: '免费避孕药具发放',
    en: 'Free contraceptive distribution',
    funding: 'basic_public_health',
    targetPopulationZh: '育龄人群',
    targetPopulationEn: 'People of reproductive age',
    counts: {
      type: 'contraceptive',
      unit: 'dispensing',
      zh: '免费避孕药具发放人次',
      en: 'Free contraceptive dispensings',
    },
    capabilities: ['W5', 'G7'],
    seeds: ['001', '003'],
    exampleTargets: [],
    marker: 'C',
  },
  {
    id: 'prenatal_screening_diagnosis',
    zh: '产前筛查与诊断补助',
    en: 'Prenatal screening and diagnosis subsidy',
    funding: 'local',
    targetPopulationZh: '辖区孕妇',
    targetPopulationEn: 'Pregnant women of the area',
    counts: { type: 'prenatalScreening', unit: 'pregnancy', zh: '接受产前筛查的孕妇数', en: 'Pregnant women screened' },
    capabilities: ['B3', 'G7'],
    seeds: ['002', '003'],
    exampleTargets: [{ comparator: '>=', value: 90, unit: 'percent', seed: '002', zh: '产前筛查率达到90%' }],
    marker: 'C',
  },
];

/** A programme by id. */
export function fundedProgramme(id: FundedProgrammeId): FundedProgramme | undefined {
  return FUNDED_PROGRAMMES.find((p) => p.id === id);
}

/** A service record, as far as programme counting needs it. */
export interface ProgrammeServiceRecord {
  type: string;
  kind?: string;
  step?: string;
  /** Only completed services count. */
  completed: boolean;
}

/**
 * Whether a service record counts toward a programme's completion.
 * @example countsTowardProgramme('newborn_chd_screening', { type: 'newbornScreening', kind: 'heart', step: 'echo', completed: true }) // true
 */
export function countsTowardProgramme(id: FundedProgrammeId, record: ProgrammeServiceRecord): boolean {
  const rule = fundedProgramme(id)?.counts;
  if (!rule || !record.completed || record.type !== rule.type) return false;
  if (rule.kinds && (record.kind === undefined || !rule.kinds.includes(record.kind))) return false;
  if (rule.steps && (record.step === undefined || !rule.steps.includes(record.step))) return false;
  return true;
}

/** Programmes a record counts toward. */
export function programmesCountedBy(record: ProgrammeServiceRecord): FundedProgrammeId[] {
  return FUNDED_PROGRAMMES.filter((p) => countsTowardProgramme(p.id, record)).map((p) => p.id);
}

/** Result of {@link fundedProgrammeProgress}. */
export interface ProgrammeProgress {
  ok: true;
  /** completed ÷ target (1 = 100%). */
  share: number;
  met: boolean;
  remaining: number;
}

/**
 * Progress toward a count target (e.g. 208 echo diagnoses).
 * @example fundedProgrammeProgress(150, 208) // { ok: true, share: 0.721…, met: false, remaining: 58 }
 */
export function fundedProgrammeProgress(
  completed: number,
  target: number,
): ProgrammeProgress | WomenRuleError<'INVALID_COUNT'> {
  if (!Number.isInteger(completed) || !Number.isInteger(target) || completed < 0 || target <= 0) {
    return womenRuleError(
      'INVALID_COUNT',
      '完成数应为非负整数，目标数应为正整数',
      'Completed must be a whole number ≥0 and the target a whole number >0',
    );
  }
  return { ok: true, share: completed / target, met: completed >= target, remaining: Math.max(0, target - completed) };
}
