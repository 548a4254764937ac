/**
 * Case rules of the child-health pathway (体弱儿/高危儿专案管理), as versioned configuration:
 * - 高危儿 items (新生儿访视技术规范 2012, REFERENCE §5.4) [R];
 * - 早产儿 risk grading and follow-up by corrected age (《早产儿保健工作规范》2017, REFERENCE §5.4) [R];
 * - follow-up intervals of the nutrition cases: undernutrition monthly (儿童营养性疾病管理技术规范 2012, §5.1) [C];
 *   anaemia re-check after 2–4 weeks (§5.2) [R]; rickets monthly when active, 2-monthly in recovery (§5.3) [R];
 *   overweight/obesity [L];
 * - closure criteria: undernutrition when W/A, L/A and W/L(H) ≥ −2 SD (§5.1) [R]; anaemia when Hb is back at or
 *   above the cut-off (§5.2) [R]; overweight/obesity when W/L(H) or BMI z < +1 [L]; preterm at 24 months corrected
 *   [L]; rickets and high-risk infants by the clinician [L];
 * - 儿童心理行为发育问题预警征象 (REFERENCE §5.5) [C]: any sign present at the child's age is positive; regression of
 *   language or social skills at any age is positive.
 */

/** Kinds of child case. */
export type ChildCaseKind =
  'anaemia' | 'undernutrition' | 'overweight_obesity' | 'rickets' | 'high_risk_infant' | 'preterm';

/** A zh-CN / en-US label pair. */
export interface ChildCaseLabel {
  zh: string;
  en: string;
}

/** Evidence of a rule: confirmed text [C], recollection [R] or local practice [L]. */
export type ChildRuleEvidence = 'C' | 'R' | 'L';

/** One high-risk infant item. */
export interface HighRiskInfantItem {
  code: string;
  label: ChildCaseLabel;
  evidence: ChildRuleEvidence;
}

/** High-risk newborn items (新生儿访视技术规范 2012) [R]. */
export const HIGH_RISK_INFANT_ITEMS: readonly HighRiskInfantItem[] = [
  { code: 'preterm', label: { zh: '早产（<37周）', en: 'preterm (<37 weeks)' }, evidence: 'R' },
  { code: 'low_birth_weight', label: { zh: '低出生体重（<2500 g）', en: 'low birth weight (<2500 g)' }, evidence: 'R' },
  { code: 'asphyxia', label: { zh: '新生儿窒息', en: 'birth asphyxia' }, evidence: 'R' },
  { code: 'hie', label: { zh: '缺氧缺血性脑病', en: 'hypoxic-ischaemic encephalopathy' }, evidence: 'R' },
  { code: 'intracranial_haemorrhage', label: { zh: '颅内出血', en: 'intracranial haemorrhage' }, evidence: 'R' },
  { code: 'hyperbilirubinaemia', label: { zh: '高胆红素血症', en: 'hyperbilirubinaemia' }, evidence: 'R' },
  { code: 'severe_infection', label: { zh: '严重感染', en: 'severe infection' }, evidence: 'R' },
  {
    code: 'birth_defect',
    label: { zh: '影响生活能力的出生缺陷', en: 'birth defect affecting daily life' },
    evidence: 'R',
  },
  { code: 'metabolic_disease', label: { zh: '遗传代谢性疾病', en: 'inherited metabolic disease' }, evidence: 'R' },
  {
    code: 'maternal_risk',
    label: {
      zh: '母亲有异常妊娠及分娩史、高龄（≥35岁）或残疾影响养育',
      en: 'mother with abnormal pregnancy/delivery history, age ≥35, or a disability affecting childcare',
    },
    evidence: 'R',
  },
];

/** The birth and neonatal facts the case rules read. */
export interface ChildCaseBirth {
  gestationalWeeks?: number | null;
  gestationalDays?: number | null;
  birthWeightG?: number | null;
  /** Apgar at 1 or 5 minutes; ≤7 counts as asphyxia here [L]. */
  apgar1?: number | null;
  apgar5?: number | null;
  /** Codes of {@link HIGH_RISK_INFANT_ITEMS} recorded at birth (e.g. 'hie', 'hyperbilirubinaemia'). */
  conditions?: readonly string[];
  hasBirthDefect?: boolean;
  /** Mother's age at delivery, years. */
  maternalAge?: number | null;
}

/** The high-risk items a newborn has (empty when none). */
export function highRiskInfantFactors(b: ChildCaseBirth): HighRiskInfantItem[] {
  const codes = new Set(b.conditions ?? []);
  if (b.gestationalWeeks != null && b.gestationalWeeks < 37) codes.add('preterm');
  if (b.birthWeightG != null && b.birthWeightG < 2500) codes.add('low_birth_weight');
  if ((b.apgar1 != null && b.apgar1 <= 7) || (b.apgar5 != null && b.apgar5 <= 7)) codes.add('asphyxia');
  if (b.hasBirthDefect) codes.add('birth_defect');
  if (b.maternalAge != null && b.maternalAge >= 35) codes.add('maternal_risk');
  return HIGH_RISK_INFANT_ITEMS.filter((i) => codes.has(i.code));
}

/** Preterm risk level (早产儿保健工作规范 2017) [R]. */
export type PretermRisk = 'low' | 'high';

/**
 * 低危 = ≥34 weeks and ≥2000 g with no serious early complication and good weight gain; 高危 = <34 weeks, or
 * <2000 g, or a serious complication, or feeding difficulty / poor weight gain. Null for a child born at ≥37 weeks
 * or with unknown gestation.
 */
export function pretermRisk(b: {
  gestationalWeeks?: number | null;
  birthWeightG?: number | null;
  seriousComplication?: boolean;
  feedingDifficulty?: boolean;
}): PretermRisk | null {
  const w = b.gestationalWeeks;
  if (w == null || w >= 37) return null;
  if (w < 34 || (b.birthWeightG != null && b.birthWeightG < 2000) || b.seriousComplication || b.feedingDifficulty)
    return 'high';
  return 'low';
}

/** A follow-up interval rule: until a corrected/actual age (months, exclusive), every `everyDays`. */
export interface FollowUpBand {
  untilMonths: number;
  everyDays: number;
}

/** Follow-up intervals by case kind (and severity/risk where they differ). */
export interface ChildCaseRuleSet {
  id: string;
  version: string;
  region: string;
  confirmed: boolean;
  status: 'confirmed' | 'to_confirm';
  sources: readonly string[];
  followUp: {
    undernutrition: FollowUpBand[];
    anaemia: FollowUpBand[];
    rickets: { active: number; recovery: number; other: number };
    overweight_obesity: FollowUpBand[];
    high_risk_infant: FollowUpBand[];
    preterm: { low: FollowUpBand[]; high: FollowUpBand[] };
  };
  closure: {
    /** Undernutrition closes when every available score (W/A, L/A, W/L(H)) is ≥ this z. */
    undernutritionMinZ: number;
    /** Overweight/obesity closes when W/L(H) (or BMI) z is below this. */
    overweightBelowZ: number;
    /** Preterm case closes at this corrected age, months. */
    pretermUntilCorrectedMonths: number;
  };
}

/** The national default (see the file header for the evidence of each value). */
export const NATIONAL_CHILD_CASE_RULES: ChildCaseRuleSet = {
  id: 'child-case-cn-2012-2017',
  version: '2017.1',
  region: 'CN',
  confirmed: false,
  status: 'to_confirm',
  sources: [
    '儿童营养性疾病管理技术规范（卫办妇社发〔2012〕49号）',
    '早产儿保健工作规范（国卫办妇幼发〔2017〕9号）',
    '新生儿访视技术规范（2012）',
  ],
  followUp: {
    // monthly until growth is normal [C]; over 3 years every 3 months [L]
    undernutrition: [
      { untilMonths: 36, everyDays: 30 },
      { untilMonths: 1000, everyDays: 90 },
    ],
    anaemia: [{ untilMonths: 1000, everyDays: 30 }],
    rickets: { active: 30, recovery: 60, other: 30 },
    overweight_obesity: [{ untilMonths: 1000, everyDays: 90 }],
    high_risk_infant: [
      { untilMonths: 6, everyDays: 30 },
      { untilMonths: 12, everyDays: 60 },
      { untilMonths: 1000, everyDays: 90 },
    ],
    preterm: {
      low: [
        { untilMonths: 6, everyDays: 45 },
        { untilMonths: 12, everyDays: 75 },
        { untilMonths: 1000, everyDays: 180 },
      ],
      high: [
        { untilMonths: 1, everyDays: 14 },
        { untilMonths: 6, everyDays: 30 },
        { untilMonths: 12, everyDays: 60 },
        { untilMonths: 24, everyDays: 90 },
        { untilMonths: 1000, everyDays: 180 },
      ],
    },
  },
  closure: { undernutritionMinZ: -2, overweightBelowZ: 1, pretermUntilCorrectedMonths: 24 },
};

const DAYS_PER_MONTH = 30.4375;

function addDays(date: string, days: number): string | null {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) return null;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

function band(bands: readonly FollowUpBand[], ageMonths: number): number {
  return (bands.find((b) => ageMonths < b.untilMonths) ?? bands[bands.length - 1])?.everyDays ?? 30;
}

/**
 * The next follow-up date of a case after `from` (opening or last follow-up): the interval of the kind at the
 * child's age on `from` (corrected age for preterm cases, when given). Null for an invalid date.
 */
export function caseNextFollowUp(
  c: { kind: ChildCaseKind; severity?: string | null; from: string; ageDays: number; correctedAgeDays?: number | null },
  rules: ChildCaseRuleSet = NATIONAL_CHILD_CASE_RULES,
): string | null {
  const age = (c.kind === 'preterm' && c.correctedAgeDays != null ? c.correctedAgeDays : c.ageDays) / DAYS_PER_MONTH;
  const f = rules.followUp;
  let days: number;
  switch (c.kind) {
    case 'preterm':
      days = band(c.severity === 'low' ? f.preterm.low : f.preterm.high, age);
      break;
    case 'rickets':
      days =
        c.severity === 'recovery' ? f.rickets.recovery : c.severity === 'active' ? f.rickets.active : f.rickets.other;
      break;
    default:
      days = band(f[c.kind], age);
  }
  return addDays(c.from, days);
}

/** The latest measurements of a case, for its closure check. */
export interface CaseClosureInput {
  kind: ChildCaseKind;
  /** Latest z-scores (as computed by growthZScores). */
  zscores?: { waz?: number; lhaz?: number; wlhz?: number; bmiz?: number };
  /** Latest Hb, g/L, and the anaemia cut-off for the age (from the anaemia rules). */
  hbGL?: number;
  hbCutoffGL?: number;
  /** Corrected age in days today (preterm). */
  correctedAgeDays?: number | null;
  ageDays?: number;
}

/** Whether a case meets its closure criteria; `decidedByClinician` when no rule decides. */
export interface CaseClosureResult {
  met: boolean;
  decidedByClinician: boolean;
  reasons: ChildCaseLabel[];
}

/** Closure criteria of a case from its latest measurements. */
export function caseClosureCriteria(
  c: CaseClosureInput,
  rules: ChildCaseRuleSet = NATIONAL_CHILD_CASE_RULES,
): CaseClosureResult {
  const reasons: ChildCaseLabel[] = [];
  const z = c.zscores ?? {};
  switch (c.kind) {
    case 'undernutrition': {
      const scores = (['waz', 'lhaz', 'wlhz'] as const).filter((k) => typeof z[k] === 'number');
      if (!scores.length) reasons.push({ zh: '缺少最近一次体重、身长测量', en: 'no recent weight and length' });
      for (const k of scores)
        if ((z[k] as number) < rules.closure.undernutritionMinZ)
          reasons.push({
            zh: `${k.toUpperCase()} ${z[k]} 仍低于 −2SD`,
            en: `${k.toUpperCase()} ${z[k]} still below −2 SD`,
          });
      return { met: reasons.length === 0, decidedByClinician: false, reasons };
    }
    case 'anaemia':
      if (c.hbGL === undefined || c.hbCutoffGL === undefined)
        reasons.push({ zh: '缺少最近一次血红蛋白', en: 'no recent haemoglobin' });
      else if (c.hbGL < c.hbCutoffGL)
        reasons.push({
          zh: `Hb ${c.hbGL} g/L 仍低于 ${c.hbCutoffGL} g/L`,
          en: `Hb ${c.hbGL} g/L still below ${c.hbCutoffGL} g/L`,
        });
      return { met: reasons.length === 0, decidedByClinician: false, reasons };
    case 'overweight_obesity': {
      const v = typeof z.wlhz === 'number' ? z.wlhz : z.bmiz;
      if (v === undefined) reasons.push({ zh: '缺少最近一次体重、身长测量', en: 'no recent weight and length' });
      else if (v >= rules.closure.overweightBelowZ)
        reasons.push({ zh: `身长（高）别体重/BMI Z ${v} 仍 ≥ +1SD`, en: `weight-for-length/BMI z ${v} still ≥ +1 SD` });
      return { met: reasons.length === 0, decidedByClinician: false, reasons };
    }
    case 'preterm': {
      const months = (c.correctedAgeDays ?? c.ageDays ?? 0) / DAYS_PER_MONTH;
      if (c.correctedAgeDays !== null && months < rules.closure.pretermUntilCorrectedMonths)
        reasons.push({ zh: '未满矫正24月龄', en: 'corrected age below 24 months' });
      return { met: reasons.length === 0, decidedByClinician: false, reasons };
    }
    default:
      return { met: true, decidedByClinician: true, reasons };
  }
}

/** One developmental warning sign. */
export interface WarningSign {
  code: string;
  label: ChildCaseLabel;
}

/** The warning signs of one check-up age (REFERENCE §5.5) [C]. */
export interface WarningSignAge {
  ageMonths: number;
  signs: readonly WarningSign[];
}

const ws = (age: number, items: [string, string][]): WarningSignAge => ({
  ageMonths: age,
  signs: items.map(([zh, en], i) => ({ code: `ws${age}_${i + 1}`, label: { zh, en } })),
});

/** 儿童心理行为发育问题预警征象 (儿心量表-II WS/T 580-2017 companion table) [C]. */
export const DEVELOPMENTAL_WARNING_SIGNS: readonly WarningSignAge[] = [
  ws(3, [
    ['对很大声音没有反应', 'no response to loud sounds'],
    ['逗引时不发音或不会微笑', 'no sounds or smile when played with'],
    ['不注视人脸，不追视移动人或物品', "doesn't look at faces or follow moving things"],
    ['俯卧时不会抬头', "can't lift the head when prone"],
  ]),
  ws(6, [
    ['发音少，不会笑出声', 'few sounds, no laughing'],
    ['不会伸手抓物', "doesn't reach for objects"],
    ['紧握拳松不开', 'fists stay clenched'],
    ['不能扶坐', "can't sit with support"],
  ]),
  ws(8, [
    ['听到声音无应答', 'no response to sounds'],
    ['不会区分生人和熟人', "doesn't tell strangers from family"],
    ['双手间不会传递玩具', "doesn't pass toys between hands"],
    ['不会独坐', "can't sit alone"],
  ]),
  ws(12, [
    ['呼唤名字无反应', 'no response to own name'],
    ['不会模仿"再见"或"欢迎"动作', 'no waving bye-bye or clapping'],
    ['不会用拇食指对捏小物品', 'no pincer grasp'],
    ['不会扶物站立', "can't stand holding on"],
  ]),
  ws(18, [
    ['不会有意识叫"爸爸"或"妈妈"', "doesn't say mama or dada with meaning"],
    ['不会按要求指人或物', "doesn't point to people or things when asked"],
    ['与人无目光交流', 'no eye contact'],
    ['不会独走', "can't walk alone"],
  ]),
  ws(24, [
    ['不会说3个物品的名称', "can't name 3 objects"],
    ['不会按吩咐做简单事情', "doesn't follow simple instructions"],
    ['不会用勺吃饭', "can't eat with a spoon"],
    ['不会扶栏上楼梯/台阶', "can't climb stairs holding the rail"],
  ]),
  ws(30, [
    ['不会说2～3个字的短语', "doesn't use 2–3-word phrases"],
    ['兴趣单一、刻板', 'narrow, repetitive interests'],
    ['不会示意大小便', "doesn't signal toilet needs"],
    ['不会跑', "can't run"],
  ]),
  ws(36, [
    ['不会说自己的名字', "can't say own name"],
    ['不会玩"拿棍当马骑"等假想游戏', 'no pretend play'],
    ['不会模仿画圆', "can't copy a circle"],
    ['不会双脚跳', "can't jump with both feet"],
  ]),
  ws(48, [
    ['不会说带形容词的句子', 'no sentences with adjectives'],
    ['不能按要求等待或轮流', "can't wait or take turns"],
    ['不会独立穿衣', "can't dress alone"],
    ['不会单脚站立', "can't stand on one foot"],
  ]),
  ws(60, [
    ['不能简单叙说事情经过', "can't tell what happened"],
    ['不知道自己的性别', "doesn't know own sex"],
    ['不会用筷子吃饭', "can't eat with chopsticks"],
    ['不会单脚跳', "can't hop"],
  ]),
  ws(72, [
    ['不会表达自己的感受或想法', "can't express feelings or ideas"],
    ['不会玩角色扮演的集体游戏', 'no role-play group games'],
    ['不会画方形', "can't draw a square"],
    ['不会奔跑', "can't run fast"],
  ]),
];

/** The checklist for a child of `ageMonths`: the signs of the latest listed age at or below it (none under 3 months). */
export function warningSignsForAge(ageMonths: number): WarningSignAge | null {
  let found: WarningSignAge | null = null;
  for (const a of DEVELOPMENTAL_WARNING_SIGNS) if (ageMonths >= a.ageMonths) found = a;
  return found;
}

/** Result of {@link assessWarningSigns}. */
export interface WarningSignAssessment {
  ageMonths: number | null;
  checked: string[];
  unknown: string[];
  regression: boolean;
  /** Any sign present, or regression: refer or assess further. */
  positive: boolean;
}

/** Assesses the ticked signs against the checklist of the age; codes of other ages are reported as unknown. */
export function assessWarningSigns(
  ageMonths: number,
  checked: readonly string[],
  regression = false,
): WarningSignAssessment {
  const list = warningSignsForAge(ageMonths);
  const valid = new Set(list?.signs.map((s) => s.code) ?? []);
  const ok = checked.filter((c) => valid.has(c));
  const unknown = checked.filter((c) => !valid.has(c));
  return {
    ageMonths: list?.ageMonths ?? null,
    checked: ok,
    unknown,
    regression,
    positive: ok.length > 0 || regression,
  };
}
