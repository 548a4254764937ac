/**
 * Child screening items beyond the newborn period (seed capability B5/C4; REFERENCE §2.2, §5.5):
 * - red reflex (红光反射, congenital cataract and other media opacities) as part of the 0–6 eye checks [C: eye
 *   checks]; the ages at which it is done are [L];
 * - hip (发育性髋关节发育不良 DDH: Ortolani/Barlow, skin folds, leg length) [L];
 * - autism screen (孤独症筛查, e.g. M-CHAT / CHAT-23 at 18 and 24 months) [R];
 * - 0–3 developmental screening tools with their result categories: 儿心量表-II (WS/T 580-2017, developmental
 *   quotient bands [R]) and ASQ-3 (per-domain cut-off and monitoring zone; the cut-off tables are the publisher's and
 *   are passed in, not stored here) [L].
 * Every item names its results and the action each result calls for (none, monitor, refer).
 */
import type { ChildEvidence, ChildLabel, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';

/** What a screening result calls for. */
export type ChildScreeningAction = 'none' | 'monitor' | 'refer';

/** One possible result of a screening item. */
export interface ChildScreeningResultDefinition {
  code: string;
  label: ChildLabel;
  action: ChildScreeningAction;
}

/** One screening item. */
export interface ChildScreeningItem {
  code: 'red_reflex' | 'hip_ddh' | 'autism' | 'developmental';
  label: ChildLabel;
  /** Recommended ages, months (0 = newborn visit). */
  ageMonths: readonly number[];
  results: readonly ChildScreeningResultDefinition[];
  evidence: ChildEvidence;
}

/** One developmental-quotient band of 儿心量表-II. */
export interface DevelopmentalQuotientBand {
  /** Inclusive lower bound; the first band whose bound the DQ reaches applies (bands sorted high to low). */
  from: number;
  code: 'excellent' | 'good' | 'average' | 'borderline_low' | 'disability';
  label: ChildLabel;
  action: ChildScreeningAction;
}

/** The child screening items and tool categories, as versioned configuration. */
export interface ChildScreeningConfig extends ChildRuleSet {
  items: readonly ChildScreeningItem[];
  /** 儿心量表-II DQ bands, highest first [R]. */
  dqBands: readonly DevelopmentalQuotientBand[];
}

const normalAbnormal = (abnormal: ChildLabel, action: ChildScreeningAction = 'refer') => [
  { code: 'normal', label: { zh: '未见异常', en: 'normal' }, action: 'none' as const },
  { code: 'abnormal', label: abnormal, action },
];

/** The national default; see the file header for the evidence. */
export const NATIONAL_CHILD_SCREENING_CONFIG: ChildScreeningConfig = {
  meta: childNationalMeta(
    'child-screening-cn',
    '2021.1',
    { zh: '儿童筛查项目', en: 'Child screening items' },
    'L',
    [
      '0～6岁儿童眼保健及视力检查服务规范（试行）（2021）',
      '0岁～6岁儿童孤独症筛查干预服务规范（试行）（2022）',
      'WS/T 580-2017 0岁～6岁儿童发育行为评估量表',
      'ASQ-3 (Ages & Stages Questionnaires, 3rd ed.)',
    ],
    'ages of the red reflex and hip checks [L]; autism screen ages [R]; 儿心量表-II DQ bands [R]; ASQ zones [L]',
  ),
  items: [
    {
      code: 'red_reflex',
      label: { zh: '红光反射检查', en: 'red reflex test' },
      ageMonths: [0, 1, 3, 6],
      results: normalAbnormal({ zh: '红光反射异常（转眼科）', en: 'abnormal red reflex (refer to ophthalmology)' }),
      evidence: 'L',
    },
    {
      code: 'hip_ddh',
      label: { zh: '髋关节发育不良筛查', en: 'hip dysplasia (DDH) screen' },
      ageMonths: [0, 1, 3, 6],
      results: [
        { code: 'normal', label: { zh: '未见异常', en: 'normal' }, action: 'none' },
        { code: 'suspect', label: { zh: '可疑（转超声检查）', en: 'suspect (refer for ultrasound)' }, action: 'refer' },
        {
          code: 'abnormal',
          label: { zh: '异常（转小儿骨科）', en: 'abnormal (refer to paediatric orthopaedics)' },
          action: 'refer',
        },
      ],
      evidence: 'L',
    },
    {
      code: 'autism',
      label: { zh: '孤独症筛查', en: 'autism screen' },
      ageMonths: [18, 24],
      results: [
        { code: 'negative', label: { zh: '阴性', en: 'negative' }, action: 'none' },
        {
          code: 'positive',
          label: { zh: '阳性（转诊断评估）', en: 'positive (refer for diagnostic assessment)' },
          action: 'refer',
        },
      ],
      evidence: 'R',
    },
    {
      code: 'developmental',
      label: { zh: '0–3岁儿童发育筛查（儿心量表-II / ASQ）', en: 'developmental screen, 0–3 years (DS-CS II / ASQ)' },
      ageMonths: [6, 12, 18, 24, 30, 36],
      results: [
        { code: 'typical', label: { zh: '通过', en: 'typical' }, action: 'none' },
        {
          code: 'monitor',
          label: { zh: '接近界值（随访监测）', en: 'close to the cut-off (monitor)' },
          action: 'monitor',
        },
        { code: 'refer', label: { zh: '未通过（转诊断评估）', en: 'below the cut-off (refer)' }, action: 'refer' },
      ],
      evidence: 'L',
    },
  ],
  dqBands: [
    { from: 130, code: 'excellent', label: { zh: '优秀', en: 'excellent' }, action: 'none' },
    { from: 110, code: 'good', label: { zh: '良好', en: 'good' }, action: 'none' },
    { from: 80, code: 'average', label: { zh: '中等', en: 'average' }, action: 'none' },
    { from: 70, code: 'borderline_low', label: { zh: '临界偏低', en: 'borderline low' }, action: 'monitor' },
    {
      from: -Infinity,
      code: 'disability',
      label: { zh: '智力发育障碍', en: 'intellectual developmental disorder' },
      action: 'refer',
    },
  ],
};

/**
 * The label and action of a recorded screening result. Fails with `unknown_code` (field 'item' or 'result').
 * @example childScreeningResult('red_reflex', 'abnormal') // action 'refer'
 */
export function childScreeningResult(
  itemCode: string,
  resultCode: string,
  config: ChildScreeningConfig = NATIONAL_CHILD_SCREENING_CONFIG,
): ChildResult<ChildScreeningResultDefinition & { item: ChildLabel }> {
  const item = config.items.find((i) => i.code === itemCode);
  if (!item) return childFailure('unknown_code', 'item');
  const result = item.results.find((r) => r.code === resultCode);
  if (!result) return childFailure('unknown_code', 'result', { allowed: item.results.map((r) => r.code) });
  return childOk({ ...result, item: item.label });
}

/** Screening items recommended at an age in months (the items whose list contains it). */
export function childScreeningItemsAt(
  ageMonths: number,
  config: ChildScreeningConfig = NATIONAL_CHILD_SCREENING_CONFIG,
): ChildScreeningItem[] {
  return config.items.filter((i) => i.ageMonths.includes(ageMonths));
}

/**
 * The 儿心量表-II category of a developmental quotient [R]: ≥130 excellent, 110–129 good, 80–109 average, 70–79
 * borderline low (monitor), <70 intellectual developmental disorder (refer). Fails with `invalid_number`.
 */
export function classifyDevelopmentalQuotient(
  dq: number,
  config: ChildScreeningConfig = NATIONAL_CHILD_SCREENING_CONFIG,
): ChildResult<DevelopmentalQuotientBand> {
  if (!Number.isFinite(dq) || dq < 0 || dq > 200) return childFailure('invalid_number', 'dq');
  const band = config.dqBands.find((b) => dq >= b.from);
  return band ? childOk(band) : childFailure('invalid_number', 'dq');
}

/** ASQ-3 domains. */
export type AsqDomain = 'communication' | 'gross_motor' | 'fine_motor' | 'problem_solving' | 'personal_social';

/** zh/en labels of the ASQ-3 domains. */
export const ASQ_DOMAIN_LABELS: Record<AsqDomain, ChildLabel> = {
  communication: { zh: '沟通', en: 'communication' },
  gross_motor: { zh: '粗大动作', en: 'gross motor' },
  fine_motor: { zh: '精细动作', en: 'fine motor' },
  problem_solving: { zh: '解决问题', en: 'problem solving' },
  personal_social: { zh: '个人-社会', en: 'personal-social' },
};

/** One ASQ-3 domain score with the questionnaire's cut-off (−2 SD) and monitoring limit (−1 SD). */
export interface AsqDomainScore {
  domain: AsqDomain;
  score: number;
  cutoff: number;
  /** Upper limit of the monitoring zone; absent = no monitoring zone. */
  monitorBelow?: number;
}

/** Result of {@link classifyAsq}. */
export interface AsqClassification {
  domains: { domain: AsqDomain; label: ChildLabel; category: 'typical' | 'monitor' | 'refer' }[];
  /** Refer when any domain is below its cut-off; monitor when any is in the monitoring zone. */
  overall: 'typical' | 'monitor' | 'refer';
  action: ChildScreeningAction;
}

/**
 * Classifies ASQ-3 domain scores: below the cut-off → refer; below the monitoring limit → monitor; else typical.
 * Fails with `invalid_number` for a score outside 0–60 or a missing cut-off, `unknown_code` for an unknown domain.
 */
export function classifyAsq(scores: readonly AsqDomainScore[]): ChildResult<AsqClassification> {
  const domains: AsqClassification['domains'] = [];
  for (const [i, s] of scores.entries()) {
    if (!(s.domain in ASQ_DOMAIN_LABELS)) return childFailure('unknown_code', `scores[${i}].domain`);
    if (!Number.isFinite(s.score) || s.score < 0 || s.score > 60)
      return childFailure('invalid_number', `scores[${i}].score`);
    if (!Number.isFinite(s.cutoff)) return childFailure('invalid_number', `scores[${i}].cutoff`);
    const category =
      s.score < s.cutoff ? 'refer' : s.monitorBelow !== undefined && s.score < s.monitorBelow ? 'monitor' : 'typical';
    domains.push({ domain: s.domain, label: ASQ_DOMAIN_LABELS[s.domain], category });
  }
  const overall = domains.some((d) => d.category === 'refer')
    ? 'refer'
    : domains.some((d) => d.category === 'monitor')
      ? 'monitor'
      : 'typical';
  return childOk({ domains, overall, action: overall === 'typical' ? 'none' : overall });
}
