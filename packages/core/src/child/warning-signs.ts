/**
 * 儿童心理行为发育问题预警征象 (REFERENCE §5.5) [C]: 11 check-up ages (3, 6, 8, 12, 18, 24, 30, 36 months; 4, 5,
 * 6 years) with 4 signs each. Any sign present at the child's age is positive and means refer or assess further
 * (儿心量表-II WS/T 580-2017, autism screen); regression of language or social skills at any age is also positive.
 *
 * Which table age applies between the listed ages is not in the text ([L], configurable): by default the latest
 * listed age at or below the child's age in completed months (a child of 7 months is checked against the 6-month
 * signs), none under 3 months, and the 6-year signs until the 7th birthday (84 months). For a preterm child under 24
 * months corrected, pass the corrected age (see `correctedAge`).
 *
 * Sign codes are `ws{ageMonths}_{n}` (e.g. 'ws3_1'), the same codes the server's check-up form stores.
 */
import type { ChildLabel, ChildRuleSet } from './child-config';
import { childNationalMeta } from './child-config';

/** One warning sign. */
export interface DevelopmentalWarningSign {
  /** Stable code, `ws{ageMonths}_{n}`. */
  code: string;
  label: ChildLabel;
}

/** The signs of one check-up age. */
export interface DevelopmentalWarningSignAge {
  ageMonths: number;
  ageLabel: ChildLabel;
  signs: readonly DevelopmentalWarningSign[];
}

/** Signs that are positive at any age: regression of language or social skills. */
export const WARNING_SIGN_REGRESSION_CODES = ['regression_language', 'regression_social'] as const;

/** A regression code. */
export type WarningSignRegressionCode = (typeof WARNING_SIGN_REGRESSION_CODES)[number];

/** zh/en labels of the regression codes. */
export const WARNING_SIGN_REGRESSION_LABELS: Record<WarningSignRegressionCode, ChildLabel> = {
  regression_language: { zh: '任何年龄出现语言能力倒退', en: 'loss of language skills at any age' },
  regression_social: { zh: '任何年龄出现社交能力倒退', en: 'loss of social skills at any age' },
};

/** How the table age is chosen for a child between two listed ages [L]. */
export type WarningSignAgeSelection = 'latest_at_or_below' | 'nearest';

/** The warning-sign table and its selection rule, as versioned configuration. */
export interface WarningSignConfig extends ChildRuleSet {
  table: readonly DevelopmentalWarningSignAge[];
  selection: WarningSignAgeSelection;
  /** The table is used below this age in months (84 = the 7th birthday). */
  usedBelowMonths: number;
}

function age(months: number, items: readonly (readonly [string, string])[]): DevelopmentalWarningSignAge {
  return {
    ageMonths: months,
    ageLabel:
      months >= 48
        ? { zh: `${months / 12}岁`, en: `${months / 12} years` }
        : { zh: `${months}月`, en: `${months} months` },
    signs: items.map(([zh, en], i) => ({ code: `ws${months}_${i + 1}`, label: { zh, en } })),
  };
}

/** The national table (REFERENCE §5.5) [C]. */
export const DEVELOPMENTAL_WARNING_SIGN_TABLE: readonly DevelopmentalWarningSignAge[] = [
  age(3, [
    ['对很大声音没有反应', 'no response to loud sounds'],
    ['逗引时不发音或不会微笑', 'no sounds or smile when played with'],
    ['不注视人脸，不追视移动人或物品', 'does not look at faces or follow moving people or objects'],
    ['俯卧时不会抬头', 'cannot lift the head when lying on the tummy'],
  ]),
  age(6, [
    ['发音少，不会笑出声', 'makes few sounds, does not laugh aloud'],
    ['不会伸手抓物', 'does not reach for objects'],
    ['紧握拳松不开', 'fists stay tightly clenched'],
    ['不能扶坐', 'cannot sit with support'],
  ]),
  age(8, [
    ['听到声音无应答', 'no response to sounds'],
    ['不会区分生人和熟人', 'does not tell strangers from familiar people'],
    ['双手间不会传递玩具', 'does not pass toys from hand to hand'],
    ['不会独坐', 'cannot sit alone'],
  ]),
  age(12, [
    ['呼唤名字无反应', 'no response to own name'],
    ['不会模仿"再见"或"欢迎"动作', 'does not imitate waving bye-bye or clapping welcome'],
    ['不会用拇食指对捏小物品', 'cannot pick up small objects with thumb and index finger'],
    ['不会扶物站立', 'cannot stand holding on'],
  ]),
  age(18, [
    ['不会有意识叫"爸爸"或"妈妈"', 'does not say "baba" or "mama" with meaning'],
    ['不会按要求指人或物', 'does not point to people or things when asked'],
    ['与人无目光交流', 'no eye contact with people'],
    ['不会独走', 'cannot walk alone'],
  ]),
  age(24, [
    ['不会说3个物品的名称', 'cannot name 3 objects'],
    ['不会按吩咐做简单事情', 'does not follow simple instructions'],
    ['不会用勺吃饭', 'cannot eat with a spoon'],
    ['不会扶栏上楼梯/台阶', 'cannot climb stairs or steps holding the rail'],
  ]),
  age(30, [
    ['不会说2～3个字的短语', 'does not use 2–3-word phrases'],
    ['兴趣单一、刻板', 'narrow, rigid interests'],
    ['不会示意大小便', 'does not signal the need to use the toilet'],
    ['不会跑', 'cannot run'],
  ]),
  age(36, [
    ['不会说自己的名字', 'cannot say own name'],
    ['不会玩"拿棍当马骑"等假想游戏', 'no pretend play (such as riding a stick as a horse)'],
    ['不会模仿画圆', 'cannot copy a circle'],
    ['不会双脚跳', 'cannot jump with both feet'],
  ]),
  age(48, [
    ['不会说带形容词的句子', 'does not use sentences with adjectives'],
    ['不能按要求等待或轮流', 'cannot wait or take turns when asked'],
    ['不会独立穿衣', 'cannot dress without help'],
    ['不会单脚站立', 'cannot stand on one foot'],
  ]),
  age(60, [
    ['不能简单叙说事情经过', 'cannot tell simply what happened'],
    ['不知道自己的性别', 'does not know own sex'],
    ['不会用筷子吃饭', 'cannot eat with chopsticks'],
    ['不会单脚跳', 'cannot hop on one foot'],
  ]),
  age(72, [
    ['不会表达自己的感受或想法', 'cannot express own feelings or ideas'],
    ['不会玩角色扮演的集体游戏', 'does not play role-play group games'],
    ['不会画方形', 'cannot draw a square'],
    ['不会奔跑', 'cannot run fast'],
  ]),
];

/** The national configuration: table [C], selection between ages [L]. */
export const NATIONAL_WARNING_SIGN_CONFIG: WarningSignConfig = {
  meta: childNationalMeta(
    'warning-signs-cn',
    '2017.1',
    { zh: '儿童心理行为发育问题预警征象筛查表', en: 'Developmental warning signs checklist' },
    'L',
    [
      '儿童心理行为发育问题预警征象筛查表（国家基本公共卫生服务规范第三版 附件）',
      'WS/T 580-2017 0岁～6岁儿童发育行为评估量表',
    ],
    'which table age applies between the listed ages (latest at or below) and the upper age limit (84 months) [L]',
  ),
  table: DEVELOPMENTAL_WARNING_SIGN_TABLE,
  selection: 'latest_at_or_below',
  usedBelowMonths: 84,
};

/**
 * The checklist for a child aged `ageMonths` (completed months; corrected for preterm under 24 months): by default
 * the latest listed age at or below it. Null under 3 months, at or after `usedBelowMonths`, or for a bad number.
 * @example warningSignsForAge(7)?.ageMonths // 6
 */
export function warningSignsForAge(
  ageMonths: number,
  config: WarningSignConfig = NATIONAL_WARNING_SIGN_CONFIG,
): DevelopmentalWarningSignAge | null {
  if (!Number.isFinite(ageMonths) || ageMonths < 0 || ageMonths >= config.usedBelowMonths) return null;
  const table = [...config.table].sort((a, b) => a.ageMonths - b.ageMonths);
  if (config.selection === 'nearest') {
    let best: DevelopmentalWarningSignAge | null = null;
    for (const a of table)
      if (best === null || Math.abs(a.ageMonths - ageMonths) < Math.abs(best.ageMonths - ageMonths)) best = a;
    return best !== null && ageMonths >= (table[0]?.ageMonths ?? 0) ? best : null;
  }
  let found: DevelopmentalWarningSignAge | null = null;
  for (const a of table) if (a.ageMonths <= ageMonths) found = a;
  return found;
}

/** Input of {@link evaluateWarningSigns}. */
export interface WarningSignEvaluationInput {
  /** Age in completed months at the visit (corrected for preterm under 24 months). */
  ageMonths: number;
  /** Codes of the signs found present (those of the age's checklist, and regression codes). */
  presentCodes: readonly string[];
}

/** Result of {@link evaluateWarningSigns}. */
export interface WarningSignEvaluation {
  /** The table age used (null when no checklist applies). */
  tableAgeMonths: number | null;
  /** Every sign of the checklist with whether it is present. */
  items: { code: string; label: ChildLabel; present: boolean }[];
  /** Regression codes found. */
  regression: WarningSignRegressionCode[];
  /** Codes that belong neither to the checklist of the age nor to the regression codes. */
  unknownCodes: string[];
  /** Any sign present, or any regression. */
  positive: boolean;
  /** Positive → refer or assess further (儿心量表-II, autism screen). */
  refer: boolean;
  /** Why, in zh/en. */
  reasons: ChildLabel[];
}

/**
 * Evaluates a warning-sign check: positive (refer) when any sign of the checklist of the age is present, or when a
 * regression of language or social skills is recorded at any age.
 */
export function evaluateWarningSigns(
  input: WarningSignEvaluationInput,
  config: WarningSignConfig = NATIONAL_WARNING_SIGN_CONFIG,
): WarningSignEvaluation {
  const list = warningSignsForAge(input.ageMonths, config);
  const present = new Set(input.presentCodes);
  const items = (list?.signs ?? []).map((s) => ({ code: s.code, label: s.label, present: present.has(s.code) }));
  const regression = WARNING_SIGN_REGRESSION_CODES.filter((c) => present.has(c));
  const known = new Set<string>([...items.map((i) => i.code), ...WARNING_SIGN_REGRESSION_CODES]);
  const unknownCodes = input.presentCodes.filter((c) => !known.has(c));
  const reasons: ChildLabel[] = [
    ...items.filter((i) => i.present).map((i) => i.label),
    ...regression.map((c) => WARNING_SIGN_REGRESSION_LABELS[c]),
  ];
  const positive = reasons.length > 0;
  return {
    tableAgeMonths: list?.ageMonths ?? null,
    items,
    regression,
    unknownCodes,
    positive,
    refer: positive,
    reasons,
  };
}
