/**
 * The Zhoushan 2019 work plan (seed 003: 舟卫发〔2019〕35号《2019年全市妇幼健康工作要点》) as tasks, as the
 * document gives them: its eleven work points under five headings, each with the units the text makes responsible,
 * the deadlines it states (items without a date are due by the end of the plan year, 2019-12-31, and say so), and
 * the measurable targets it sets — in the text (208 echo diagnoses, ≥80% handbook app coverage, one joint-service
 * midwifery institution per county by the end of June, at least two on-site guidance visits a year) and in its
 * table of core indicators (the same values as {@link zhoushan2019Targets}).
 */
import { zhoushan2019Targets, type TargetComparator } from '../indicators/index';
import type { WorkTargetKind } from './workplan-rules';

/** A responsible unit as the document names it. */
export interface WorkPlanSeedUnit {
  name: string;
  lead?: boolean;
}

/** A task of a seed plan. */
export interface WorkPlanSeedTask {
  section: string;
  code: string;
  title: string;
  description: string;
  deadline: string;
  deadlineNote: string;
  units: WorkPlanSeedUnit[];
  target?: {
    kind: Exclude<WorkTargetKind, 'none'>;
    indicatorId?: string;
    period?: string;
    scope?: 'region' | 'each_county';
    comparator: TargetComparator;
    value: number;
    unit?: string;
  };
}

/** A seed plan. */
export interface WorkPlanSeed {
  key: string;
  regionCode: string;
  year: number;
  title: string;
  issuer: string;
  documentNo: string;
  issuedOn: string;
  source: string;
  summary: string;
  tasks: WorkPlanSeedTask[];
}

const YEAR_END = '2019-12-31';
const YEAR_END_NOTE = '文件未写明时限，按年度工作要点于2019年底前完成';
const S1 = '一、强化妇幼健康服务能力建设';
const S2 = '二、推进妇幼健康"最多跑一次"改革';
const S3 = '三、拓展妇幼健康服务内涵';
const S4 = '四、增强妇幼健康保障能力';
const S5 = '五、加强妇幼机构党风廉政建设';
const ST = '附表 2019年舟山市妇幼健康工作核心指标';

const COUNTY_BUREAUS = '各县（区）卫生健康局';
const COUNTY_CENTRES = '县（区）妇计中心';
const CITY_MCH = '市妇保院';
const CITY_COMMISSION = '市卫生健康委员会';
const MIDWIFERY = '各级助产机构';

type SeedTarget = NonNullable<WorkPlanSeedTask['target']>;

/** The table's target of an indicator (the values preloaded as targets), with the table's wording. */
function tableTarget(indicatorId: string): { textZh: string; target: SeedTarget } {
  const t = zhoushan2019Targets.find((x) => x.indicatorId === indicatorId);
  if (!t) throw new Error(`no Zhoushan 2019 target for ${indicatorId}`);
  return {
    textZh: t.textZh ?? indicatorId,
    target: {
      kind: 'indicator',
      indicatorId,
      comparator: t.comparator,
      value: t.value,
      // 剖宫产率 is counted by the midwifery institutions over the calendar year; the others over the report year
      ...(t.version === 'facility_calendar_year' ? { period: '2019' } : {}),
    },
  };
}

const tableTask = (code: string, indicatorId: string, extra: Partial<WorkPlanSeedTask> = {}): WorkPlanSeedTask => {
  const { textZh, target } = tableTarget(indicatorId);
  return {
    section: ST,
    code,
    title: textZh,
    description: '核心指标表所列2019年度目标',
    deadline: YEAR_END,
    deadlineNote: '2019年度目标',
    units: [{ name: COUNTY_BUREAUS, lead: true }],
    target,
    ...extra,
  };
};

/** 舟山市 2019 年妇幼健康工作要点 (seed 003), for 舟山市 330900. */
export const ZHOUSHAN_2019_PLAN: WorkPlanSeed = {
  key: 'zhoushan-2019',
  regionCode: '330900',
  year: 2019,
  title: '2019年全市妇幼健康工作要点',
  issuer: '舟山市卫生健康委员会',
  documentNo: '舟卫发〔2019〕35号',
  issuedOn: '2019-05-15',
  source: 'seed 003（舟卫发〔2019〕35号 关于印发2019年全市妇幼健康工作要点的通知）',
  summary:
    '全面落实健康浙江战略，补齐发展短板，推动妇幼健康事业高质量发展，提升妇幼健康服务能力，为"四个舟山"和"健康舟山"建设夯实基础。',
  tasks: [
    {
      section: S1,
      code: '（一）',
      title: '提升妇幼专科服务能力',
      description:
        '夯实县域危重孕产妇、危重新生儿救治网络，加强危重孕产妇、危重新生儿救治中心标准化建设；发挥市级妇幼保健机构的带动作用，发展产、妇、儿等专科联盟，重点提升医共体牵头单位妇幼特色专科服务能力；加大基层儿科人才培养及配备力度，推动乡镇配备专职儿童保健或儿科专业人才。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: CITY_MCH, lead: true }, { name: '危重孕产妇、危重新生儿救治中心' }, { name: '医共体牵头单位' }],
    },
    {
      section: S1,
      code: '（二）',
      title: '做实妇幼公共卫生服务',
      description:
        '在县（区）妇计中心成立妇幼公共卫生服务指导中心，负责县域内妇幼公共卫生服务的检查指导和监督；加强医共体下妇幼公共卫生服务项目融合，做好儿童、孕产妇健康管理、免费避孕药具发放、妇女两癌检查、预防艾滋病梅毒和乙肝母婴传播等公共卫生服务。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: COUNTY_CENTRES, lead: true }, { name: '医共体牵头医院' }],
    },
    {
      section: S1,
      code: '（三）',
      title: '优化妇幼健康管理模式：每年至少2次现场指导',
      description:
        '县（区）妇计中心建立定期检查监督和培训制度，对各医共体成员单位和未参加医共体的基层机构每年至少开展2次现场指导；市妇保院梳理和细化妇幼健康管理规范标准，抓好培训，加强对县级危重孕产妇和新生儿救治中心建设的指导和技术支持。',
      deadline: YEAR_END,
      deadlineNote: '"每年至少开展2次"，年底前完成',
      units: [{ name: COUNTY_CENTRES, lead: true }, { name: CITY_MCH }],
      target: { kind: 'count', comparator: '>=', value: 2, unit: '次/每家基层机构' },
    },
    {
      section: S2,
      code: '（四）1',
      title: '出生"一件事""多证联办"：每个县（区）至少1家助产机构提供服务',
      description:
        '建立卫生健康、公安、医保等多部门出生"一件事"联办机制，规范联办标准，在助产机构推广预防接种、出生医学证明、落户、参保登记等一站式"多证联办"。',
      deadline: '2019-06-30',
      deadlineNote: '6月底前',
      units: [{ name: COUNTY_BUREAUS, lead: true }, { name: MIDWIFERY }, { name: '公安' }, { name: '医保' }],
      target: { kind: 'count', comparator: '>=', value: 1, unit: '家/每县（区）', scope: 'each_county' },
    },
    {
      section: S2,
      code: '（四）2',
      title: '出生"一件事""多证联办"：所有助产机构全面推广',
      description:
        '年底前所有助产机构全面推广出生"一件事""多证联办"；推进出生医学证明掌上办、网上办，推广出生医学证明电子证照使用。',
      deadline: YEAR_END,
      deadlineNote: '年底前',
      units: [{ name: MIDWIFERY, lead: true }, { name: COUNTY_BUREAUS }],
      target: { kind: 'count', comparator: '>=', value: 100, unit: '%（提供服务的助产机构占比）' },
    },
    {
      section: S2,
      code: '（五）',
      title: '推进公共卫生服务信息互联互通；母子健康手册APP服务对象覆盖率达到80%以上',
      description:
        '打通孕期保健、产时分娩、预防接种、儿童保健等信息资源，在孕产妇建卡、孕产妇和0-6岁儿童健康检查等方面优化升级；全面推广"互联网+"母子健康服务模式；配合省卫健委落实妇幼保健相关信息共享工作。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: CITY_COMMISSION, lead: true }, { name: COUNTY_BUREAUS }],
      target: tableTarget('handbook_app_coverage_rate').target,
    },
    {
      section: S3,
      code: '（六）1',
      title: '巩固出生缺陷综合防治：婚检、孕前优生检查、免费产前筛查与诊断、0-3岁发育监测与筛查',
      description:
        '完善出生缺陷综合防治体系，关口前移，做好婚前医学检查和孕前优生检查，继续开展孕产妇免费产前筛查与诊断，实施0-3岁儿童免费发育监测与筛查项目，做好发育异常儿童跟踪治疗。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: COUNTY_BUREAUS, lead: true }, { name: COUNTY_CENTRES }],
    },
    {
      section: S3,
      code: '（六）2',
      title: '新生儿先天性心脏病筛查：完成心脏超声诊断208例以上',
      description: '推广早期筛查适宜技术，对筛查可疑阳性患儿及早进行心脏超声诊断，完成心脏超声诊断208例以上。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: CITY_MCH, lead: true }, { name: MIDWIFERY }],
      target: tableTarget('chd_echo_diagnoses').target,
    },
    {
      section: S3,
      code: '（六）3',
      title: '妇女儿童健康关爱工程：高龄孕产妇特殊补助、贫困出生缺陷患儿家庭救助',
      description: '实施妇女儿童健康关爱工程，做好高龄孕产妇特殊补助项目；继续实施贫困出生缺陷患儿家庭救助项目。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: COUNTY_BUREAUS, lead: true }],
    },
    {
      section: S3,
      code: '（七）',
      title: '加大儿童早期发展工作',
      description:
        '抓好市妇保院儿童早期综合发展基地建设，推动儿童早期发展工作向农村延伸；规范开展0-6岁儿童健康管理，做好营养性疾病儿童、高危儿管理；完善市、县、乡镇三级筛查网络，规范儿童发育监测、筛查与干预管理。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: CITY_MCH, lead: true }, { name: COUNTY_CENTRES }, { name: '乡镇卫生院、社区卫生服务中心' }],
    },
    {
      section: S4,
      code: '（八）',
      title: '强化妇幼医疗质量管理',
      description:
        '落实首诊负责制和高危孕妇专案管理，规范分片管理和危急重症转诊救治流程；加强产科质量管理，提升新生儿窒息复苏项目，加强孕产妇和新生儿死亡评审；加强流动孕妇信息的掌握，提高流动孕产妇保健管理率、住院分娩率和管理质量；完善儿童保健服务质量控制管理。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: MIDWIFERY, lead: true }, { name: COUNTY_CENTRES }],
    },
    {
      section: S4,
      code: '（九）',
      title: '加强剖宫产管理',
      description:
        '科学普及自然分娩知识，提高孕期保健质量，控制孕期体重，减少巨大儿和妊娠并发症；有条件的助产机构开展助产分娩新技术，严控社会因素剖宫产，剖宫产率以县区为单位控制在43%以下（见核心指标表）。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: MIDWIFERY, lead: true }, { name: COUNTY_BUREAUS }],
    },
    {
      section: S4,
      code: '（十）',
      title: '规范生育技术服务',
      description:
        '规范人工流产后和产后避孕服务，优化免费避孕药具发放；结合国家基本公共卫生服务项目考核，开展生育技术服务专项检查，强化质量控制和资金管理；做好绝经期妇女取环服务；促进中医适宜技术在生殖健康、妇幼保健方面的应用。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: COUNTY_CENTRES, lead: true }, { name: '各医疗卫生机构' }],
    },
    {
      section: S5,
      code: '（十一）',
      title: '落实党风廉政建设主体责任',
      description:
        '严格执行中央"八项规定"，全面梳理、排查妇幼系统廉政风险点，加强制度建设；抓好医疗卫生行风建设"九不准"在妇幼机构的落实。',
      deadline: YEAR_END,
      deadlineNote: YEAR_END_NOTE,
      units: [{ name: '各妇幼保健机构', lead: true }],
    },
    tableTask('区域1', 'avoidable_maternal_deaths'),
    tableTask('区域2', 'infant_mortality_rate'),
    tableTask('区域3', 'under5_mortality_rate'),
    {
      section: ST,
      code: '重大项目1',
      title: '重大公共卫生服务项目妇幼专项：达到省定目标',
      description: '核心指标表"重大项目"：省定目标未在本文件中列出',
      deadline: YEAR_END,
      deadlineNote: '2019年度目标',
      units: [{ name: COUNTY_BUREAUS, lead: true }],
    },
    {
      section: ST,
      code: '重大项目2',
      title: '计划生育技术服务：达省市计划生育目标管理责任制要求',
      description: '核心指标表"重大项目"：目标管理责任制要求未在本文件中列出',
      deadline: YEAR_END,
      deadlineNote: '2019年度目标',
      units: [{ name: COUNTY_BUREAUS, lead: true }],
    },
    tableTask('重点1', 'caesarean_rate', {
      units: [{ name: MIDWIFERY, lead: true }, { name: COUNTY_BUREAUS }],
      target: { ...tableTarget('caesarean_rate').target, scope: 'each_county' },
    }),
    tableTask('重点2', 'breastfeeding_under6m_rate'),
    tableTask('重点3', 'premarital_exam_rate'),
    tableTask('重点4', 'gyn_survey_rate'),
    tableTask('重点5', 'maternal_systematic_management_rate'),
    tableTask('重点6', 'hospital_delivery_rate'),
    tableTask('重点7', 'prenatal_screening_rate'),
    tableTask('重点8', 'under7_health_management_rate'),
    tableTask('重点9', 'under3_systematic_management_rate'),
    tableTask('重点10', 'nutritional_disease_management_rate'),
    tableTask('重点11', 'high_risk_infant_management_rate'),
    tableTask('重点12', 'newborn_metabolic_screening_rate'),
    tableTask('重点13', 'newborn_hearing_screening_rate'),
    tableTask('重点14', 'childcare_facility_qualification_rate'),
    tableTask('重点15', 'developmental_screening_0_3_rate'),
  ],
};
