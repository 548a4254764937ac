/**
 * Classification of nutritional status from growth z-scores and haemoglobin (REFERENCE §5.1, §5.2):
 * - 儿童营养性疾病管理技术规范 (卫办妇社发〔2012〕49号): 低体重 (W/A), 生长迟缓 (L/A, H/A), 消瘦 (W/L, W/H):
 *   M−3SD ≤ x < M−2SD = 中度, x < M−3SD = 重度; children under 7: M+1SD ~ M+2SD = 超重, ≥ M+2SD = 肥胖
 *   (by W/L(H), or BMI/age). Boundary convention, documented: the text's "≥M+2SD" puts +2SD itself in 肥胖, and
 *   the 2012 规范's wording "≥M+1SD 为超重" puts +1SD in 超重, so 超重 = +1 ≤ z < +2 and 肥胖 = z ≥ +2 (on the
 *   z-score rounded to 2 decimals). Undernutrition: moderate = −3 ≤ z < −2, severe = z < −3.
 * - WHO convention (configurable alternative): under 5 years overweight z > +2, obesity z > +3 (W/L(H));
 *   5–19 years (WHO 2007) overweight BMI-for-age z > +1, obesity z > +2, thinness z < −2 (severe < −3).
 * - 营养性缺铁性贫血: anaemia if Hb < 110 g/L at 6 months–6 years, < 120 g/L at 6–14 years [C]; grades mild
 *   90–(cut-off −1), moderate 60–89, severe < 60 g/L [R, to confirm]; Hb rises about 4% per 1000 m of altitude.
 *   At altitude the measured Hb is first adjusted to sea level — China's rules by the 规范's 4% per 1000 m
 *   ({@link ALTITUDE_4_PERCENT}), WHO's by the WHO 2011 table ({@link WHO_2011_ALTITUDE_TABLE}); both to confirm —
 *   and the finding says by how much.
 * All thresholds are versioned data objects ({@link NutritionRuleSet}, {@link AnaemiaRuleSet}); regional variants
 * are made with {@link deriveNutritionRuleSet}.
 */
import type { GrowthScoreKey, GrowthZScores } from './growth-zscores';

/** A condition found. */
export type NutritionCondition = 'underweight' | 'stunting' | 'wasting' | 'overweight' | 'obesity' | 'anaemia';

/** Severity of a condition: undernutrition moderate/severe (mild only if enabled); anaemia mild/moderate/severe. */
export type NutritionSeverity = 'mild' | 'moderate' | 'severe';

/** The classification standard: China's 2012 规范 (default) or WHO's convention. */
export type NutritionStandard = 'cn2012' | 'who';

/** Evidence status of a rule set. */
export type GrowthRuleStatus = 'confirmed' | 'to_confirm';

/** Metadata of a versioned rule set. */
export interface GrowthRuleMeta {
  id: string;
  version: string;
  /** 'national', or a GB/T 2260 region code for a regional variant. */
  region: string;
  confirmed: boolean;
  status: GrowthRuleStatus;
  sources: readonly string[];
  /** What is still to be confirmed, in plain words. */
  toConfirm?: string;
}

/** A z-score threshold: `z > value` (or `z ≥ value` when inclusive) for upper ones, `z < value` for lower ones. */
export interface ZThreshold {
  z: number;
  inclusive: boolean;
}

/** Undernutrition grading of one score: moderate below `moderateBelow`, severe below `severeBelow`. */
export interface UndernutritionRule {
  condition: 'underweight' | 'stunting' | 'wasting';
  /** Scores to use, first available wins (e.g. wasting: W/L(H), then BMI/age). */
  scores: readonly GrowthScoreKey[];
  /** Scores after the first whose use is still to be confirmed (the finding is marked `toConfirm`). */
  toConfirmScores?: readonly GrowthScoreKey[];
  /** Ages (months, from inclusive, to exclusive) where the rule applies. */
  ageMonths: { from: number; to: number };
  moderateBelow: number;
  severeBelow: number;
  /** Optional mild grade (−2SD ~ −1SD), local practice [L]; off unless set. */
  mildBelow?: number;
}

/** Overweight / obesity by one score. */
export interface OverweightRule {
  scores: readonly GrowthScoreKey[];
  ageMonths: { from: number; to: number };
  overweight: ZThreshold;
  obesity: ZThreshold;
}

/** A complete anthropometric rule set. */
export interface NutritionRuleSet {
  meta: GrowthRuleMeta;
  standard: NutritionStandard;
  undernutrition: readonly UndernutritionRule[];
  overweight: readonly OverweightRule[];
}

const CN2012_SOURCE = '儿童营养性疾病管理技术规范（卫办妇社发〔2012〕49号）';

/** China's 2012 rules (default). Ages: the 规范 covers children under 7 (0–83 months). */
export const CN2012_NUTRITION_RULES: NutritionRuleSet = {
  meta: {
    id: 'nutrition-cn2012',
    version: '2012',
    region: 'national',
    confirmed: false,
    status: 'to_confirm',
    sources: [CN2012_SOURCE, '体重管理指导原则（2024）'],
    toConfirm:
      'cut-offs confirmed (REFERENCE §5.1 [C]); to confirm: wasting by BMI/age where no W/H reference exists (5–7 years), and the inclusion of +1SD in 超重',
  },
  standard: 'cn2012',
  undernutrition: [
    { condition: 'underweight', scores: ['waz'], ageMonths: { from: 0, to: 84 }, moderateBelow: -2, severeBelow: -3 },
    { condition: 'stunting', scores: ['lhaz'], ageMonths: { from: 0, to: 84 }, moderateBelow: -2, severeBelow: -3 },
    {
      condition: 'wasting',
      scores: ['wlhz', 'bmiz'],
      toConfirmScores: ['bmiz'],
      ageMonths: { from: 0, to: 84 },
      moderateBelow: -2,
      severeBelow: -3,
    },
  ],
  overweight: [
    {
      scores: ['wlhz', 'bmiz'],
      ageMonths: { from: 0, to: 84 },
      overweight: { z: 1, inclusive: true },
      obesity: { z: 2, inclusive: true },
    },
  ],
};

/** WHO's convention: under 5 (WHO 2006) and 5–19 years (WHO 2007). */
export const WHO_NUTRITION_RULES: NutritionRuleSet = {
  meta: {
    id: 'nutrition-who',
    version: '2006/2007',
    region: 'national',
    confirmed: false,
    status: 'to_confirm',
    sources: ['WHO Child Growth Standards 2006', 'WHO Growth Reference 2007 (5–19 years)'],
    toConfirm:
      'WHO convention as recalled (REFERENCE §5.1 names only +2SD/+3SD under 5); 5–19 year cut-offs to confirm',
  },
  standard: 'who',
  undernutrition: [
    { condition: 'underweight', scores: ['waz'], ageMonths: { from: 0, to: 121 }, moderateBelow: -2, severeBelow: -3 },
    { condition: 'stunting', scores: ['lhaz'], ageMonths: { from: 0, to: 229 }, moderateBelow: -2, severeBelow: -3 },
    { condition: 'wasting', scores: ['wlhz'], ageMonths: { from: 0, to: 60 }, moderateBelow: -2, severeBelow: -3 },
    { condition: 'wasting', scores: ['bmiz'], ageMonths: { from: 60, to: 229 }, moderateBelow: -2, severeBelow: -3 },
  ],
  overweight: [
    {
      scores: ['wlhz', 'bmiz'],
      ageMonths: { from: 0, to: 60 },
      overweight: { z: 2, inclusive: false },
      obesity: { z: 3, inclusive: false },
    },
    {
      scores: ['bmiz'],
      ageMonths: { from: 60, to: 229 },
      overweight: { z: 1, inclusive: false },
      obesity: { z: 2, inclusive: false },
    },
  ],
};

/** One age band of anaemia cut-offs (g/L). Anaemia when Hb < cutoffGL; moderate below, severe below. */
export interface AnaemiaBand {
  /** Months, from inclusive, to exclusive. */
  ageMonths: { from: number; to: number };
  cutoffGL: number;
  moderateBelowGL: number;
  severeBelowGL: number;
}

/**
 * Altitude adjustment of Hb by a percentage: Hb rises by `percentPer1000m` % per 1000 m, applied from
 * `fromAltitudeM`. `method` is absent in the rule sets written before the WHO table (read as 'percent').
 */
export interface AltitudePercentRule {
  method?: 'percent';
  percentPer1000m: number;
  fromAltitudeM: number;
  confirmed: boolean;
  status: GrowthRuleStatus;
  source: string;
}

/** One band of an altitude table: from `fromM` metres (inclusive) the measured Hb is lowered by `adjustGL` g/L. */
export interface AltitudeBand {
  fromM: number;
  adjustGL: number;
}

/**
 * Altitude adjustment of Hb by a table (WHO 2011): the measured Hb is lowered by the `adjustGL` of the highest band
 * whose `fromM` the altitude reaches, which is the same as raising every cut-off by that amount. Below the first
 * band, no adjustment. Versioned configuration: a region may carry another table.
 */
export interface AltitudeTableRule {
  method: 'table';
  id: string;
  version: string;
  /** Ascending by `fromM`. */
  bands: readonly AltitudeBand[];
  confirmed: boolean;
  status: GrowthRuleStatus;
  source: string;
  toConfirm?: string;
}

/** Altitude adjustment of Hb: by a percentage per 1000 m, or by a table of bands. */
export type AltitudeAdjustmentRule = AltitudePercentRule | AltitudeTableRule;

/** Anaemia rule set. */
export interface AnaemiaRuleSet {
  meta: GrowthRuleMeta;
  /** True when the cut-offs are confirmed and only the grades are not. */
  cutoffsConfirmed: boolean;
  gradesConfirmed: boolean;
  bands: readonly AnaemiaBand[];
  altitude: AltitudeAdjustmentRule;
}

/** "Hb rises about 4% per 1000 m" (REFERENCE §5.2) as a percentage rule: China's rule set uses it; WHO's uses the table. */
export const ALTITUDE_4_PERCENT: AltitudePercentRule = {
  percentPer1000m: 4,
  fromAltitudeM: 1000,
  confirmed: false,
  status: 'to_confirm',
  source:
    '营养性缺铁性贫血: "海拔每升高1000米，血红蛋白上升约4%" (REFERENCE §5.2); applying it from 1000 m, as WHO adjusts from 1000 m, is an assumption',
};

/**
 * WHO 2011 adjustments of the measured Hb for the altitude of residence (WHO. Haemoglobin concentrations for the
 * diagnosis of anaemia and assessment of severity. WHO/NMH/NHD/MNM/11.1, the altitude table): < 1000 m 0;
 * 1000 m −2 g/L; 1500 −5; 2000 −8; 2500 −13; 3000 −19; 3500 −27; 4000 −35; 4500 −45 (subtracted from the measured
 * Hb, i.e. added to the cut-off). Each altitude is read as the lower edge of its band (1000–1499 m → 2 g/L).
 */
export const WHO_2011_ALTITUDE_TABLE: AltitudeTableRule = {
  method: 'table',
  id: 'hb-altitude-who-2011',
  version: '2011',
  bands: [
    { fromM: 1000, adjustGL: 2 },
    { fromM: 1500, adjustGL: 5 },
    { fromM: 2000, adjustGL: 8 },
    { fromM: 2500, adjustGL: 13 },
    { fromM: 3000, adjustGL: 19 },
    { fromM: 3500, adjustGL: 27 },
    { fromM: 4000, adjustGL: 35 },
    { fromM: 4500, adjustGL: 45 },
  ],
  confirmed: false,
  status: 'to_confirm',
  source:
    'WHO. Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity (WHO/NMH/NHD/MNM/11.1, 2011)',
  toConfirm:
    'REFERENCE §5.2 carries only "about 4% per 1000 m"; the band values are those of issue #4 (WHO 2011), not checked ' +
    'against the WHO PDF here; reading each altitude as a band lower edge is an assumption',
};

/** China's anaemia rules: cut-offs [C], grades [R]; altitude by the 规范's 4% per 1000 m (REFERENCE §5.2, to confirm). */
export const CN_ANAEMIA_RULES: AnaemiaRuleSet = {
  meta: {
    id: 'anaemia-cn',
    version: '2012',
    region: 'national',
    confirmed: false,
    status: 'to_confirm',
    sources: ['儿童营养性疾病管理技术规范（卫办妇社发〔2012〕49号）营养性缺铁性贫血'],
    toConfirm:
      'grades mild 90–cut-off, moderate 60–89, severe < 60 g/L are recollection [R]; altitude adjustment by the ' +
      '规范\'s "about 4% per 1000 m" (REFERENCE §5.2), from 1000 m; the WHO 2011 table is the alternative',
  },
  cutoffsConfirmed: true,
  gradesConfirmed: false,
  bands: [
    { ageMonths: { from: 6, to: 72 }, cutoffGL: 110, moderateBelowGL: 90, severeBelowGL: 60 },
    { ageMonths: { from: 72, to: 168 }, cutoffGL: 120, moderateBelowGL: 90, severeBelowGL: 60 },
  ],
  altitude: ALTITUDE_4_PERCENT,
};

/** WHO's anaemia cut-offs and grades (WHO 2011 haemoglobin concentrations), to confirm beyond 6–59 months. */
export const WHO_ANAEMIA_RULES: AnaemiaRuleSet = {
  meta: {
    id: 'anaemia-who',
    version: '2011',
    region: 'national',
    confirmed: false,
    status: 'to_confirm',
    sources: ['WHO. Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity (2011)'],
    toConfirm: 'REFERENCE §5.2 gives WHO 100–109 / 70–99 / <70 for young children only; 5–14 year bands recalled',
  },
  cutoffsConfirmed: false,
  gradesConfirmed: false,
  bands: [
    { ageMonths: { from: 6, to: 60 }, cutoffGL: 110, moderateBelowGL: 100, severeBelowGL: 70 },
    { ageMonths: { from: 60, to: 144 }, cutoffGL: 115, moderateBelowGL: 110, severeBelowGL: 80 },
    { ageMonths: { from: 144, to: 180 }, cutoffGL: 120, moderateBelowGL: 110, severeBelowGL: 80 },
  ],
  altitude: WHO_2011_ALTITUDE_TABLE,
};

/** What {@link adjustHbForAltitude} did. */
export interface HbAltitudeAdjustment {
  /** Hb used against the cut-offs, g/L. */
  hbGL: number;
  adjusted: boolean;
  /** How much the measured Hb was lowered, g/L (0 when not adjusted); the rise of the cut-offs it amounts to. */
  adjustmentGL: number;
  /** Id of the table applied (absent for a percentage rule or when not adjusted). */
  ruleId?: string;
}

/**
 * Hb adjusted to sea level for the altitude of residence. A table rule ({@link AltitudeTableRule}) subtracts the
 * band's g/L; a percentage rule gives Hb / (1 + p·altitude/1000) with p = `percentPer1000m`/100 from
 * `fromAltitudeM` on. Without an altitude, or below the first band, the Hb is unchanged. The default rule is the
 * 4% rule, as in China's rule set.
 */
export function adjustHbForAltitude(
  hbGL: number,
  altitudeM: number | undefined,
  rule: AltitudeAdjustmentRule = ALTITUDE_4_PERCENT,
): HbAltitudeAdjustment {
  const none: HbAltitudeAdjustment = { hbGL, adjusted: false, adjustmentGL: 0 };
  if (altitudeM === undefined || !Number.isFinite(altitudeM)) return none;
  if (rule.method === 'table') {
    let band: AltitudeBand | undefined;
    for (const b of rule.bands) if (altitudeM >= b.fromM) band = b;
    if (!band || band.adjustGL === 0) return none;
    return { hbGL: hbGL - band.adjustGL, adjusted: true, adjustmentGL: band.adjustGL, ruleId: rule.id };
  }
  if (altitudeM < rule.fromAltitudeM) return none;
  const adjusted = hbGL / (1 + (rule.percentPer1000m / 100) * (altitudeM / 1000));
  return { hbGL: adjusted, adjusted: true, adjustmentGL: Math.round((hbGL - adjusted) * 10) / 10 };
}

/** One finding. */
export interface NutritionFinding {
  condition: NutritionCondition;
  severity?: NutritionSeverity;
  zh: string;
  en: string;
  /** The z-score or 'hb' the finding rests on. */
  basis: GrowthScoreKey | 'hb';
  /** The value used (z-score, or Hb in g/L after any altitude adjustment). */
  value: number;
  /** The z-score was flagged biologically implausible: re-measure before acting. */
  remeasure?: true;
  /** A rule behind this finding is still to be confirmed. */
  toConfirm?: true;
  /** Anaemia at altitude: the Hb as measured, and how much it was lowered (g/L) before the cut-offs. */
  measuredHbGL?: number;
  altitudeAdjustmentGL?: number;
}

/** Options of {@link classifyNutrition}. */
export interface NutritionClassificationOptions {
  /** Age in months (exact, e.g. days / 30.4375). */
  ageMonths: number;
  /** Haemoglobin, g/L. */
  hbGL?: number;
  /** Default 'cn2012'. */
  standard?: NutritionStandard;
  /** Altitude of residence, m: the measured Hb is adjusted by the anaemia rule set's altitude rule first. */
  altitudeM?: number;
  /** Rule sets to use instead of the defaults of `standard` (regional variants). */
  rules?: NutritionRuleSet;
  anaemiaRules?: AnaemiaRuleSet;
}

const CONDITION_LABELS: Record<NutritionCondition, { zh: string; en: string }> = {
  underweight: { zh: '低体重', en: 'underweight' },
  stunting: { zh: '生长迟缓', en: 'stunting' },
  wasting: { zh: '消瘦', en: 'wasting' },
  overweight: { zh: '超重', en: 'overweight' },
  obesity: { zh: '肥胖', en: 'obesity' },
  anaemia: { zh: '贫血', en: 'anaemia' },
};

const SEVERITY_LABELS: Record<NutritionSeverity, { zh: string; en: string }> = {
  mild: { zh: '轻度', en: 'mild' },
  moderate: { zh: '中度', en: 'moderate' },
  severe: { zh: '重度', en: 'severe' },
};

/** zh/en label of a condition and severity, e.g. 中度低体重 / moderate underweight. */
export function nutritionLabel(
  condition: NutritionCondition,
  severity?: NutritionSeverity,
): { zh: string; en: string } {
  const c = CONDITION_LABELS[condition];
  if (!severity) return { ...c };
  const s = SEVERITY_LABELS[severity];
  return { zh: `${s.zh}${c.zh}`, en: `${s.en} ${c.en}` };
}

function inAge(ageMonths: number, r: { from: number; to: number }): boolean {
  return ageMonths >= r.from && ageMonths < r.to;
}

function above(z: number, t: ZThreshold): boolean {
  return t.inclusive ? z >= t.z : z > t.z;
}

function finding(
  condition: NutritionCondition,
  severity: NutritionSeverity | undefined,
  basis: GrowthScoreKey | 'hb',
  value: number,
  extra: { remeasure?: boolean; toConfirm?: boolean },
): NutritionFinding {
  return {
    condition,
    ...(severity ? { severity } : {}),
    ...nutritionLabel(condition, severity),
    basis,
    value,
    ...(extra.remeasure ? { remeasure: true as const } : {}),
    ...(extra.toConfirm ? { toConfirm: true as const } : {}),
  };
}

/** The rule sets of a standard. */
export function nutritionRulesFor(standard: NutritionStandard = 'cn2012'): {
  rules: NutritionRuleSet;
  anaemia: AnaemiaRuleSet;
} {
  return standard === 'who'
    ? { rules: WHO_NUTRITION_RULES, anaemia: WHO_ANAEMIA_RULES }
    : { rules: CN2012_NUTRITION_RULES, anaemia: CN_ANAEMIA_RULES };
}

/**
 * Classifies nutritional status from z-scores (as returned by growthZScores, rounded to 2 decimals) and Hb.
 * Returns the conditions found, undernutrition first, then overweight/obesity, then anaemia; an empty list when
 * nothing is found. A finding that rests on a z-score flagged implausible is kept and marked `remeasure`.
 */
export function classifyNutrition(
  zscores: Partial<GrowthZScores>,
  options: NutritionClassificationOptions,
): NutritionFinding[] {
  const defaults = nutritionRulesFor(options.standard);
  const rules = options.rules ?? defaults.rules;
  const anaemia = options.anaemiaRules ?? defaults.anaemia;
  const age = options.ageMonths;
  const flags = new Set(zscores.flags ?? []);
  const out: NutritionFinding[] = [];
  if (!Number.isFinite(age) || age < 0) return out;

  const pick = (scores: readonly GrowthScoreKey[]) => {
    for (const key of scores) {
      const z = zscores[key];
      if (typeof z === 'number' && Number.isFinite(z)) return { key, z };
    }
    return undefined;
  };

  for (const rule of rules.undernutrition) {
    if (!inAge(age, rule.ageMonths)) continue;
    const p = pick(rule.scores);
    if (!p) continue;
    const severity: NutritionSeverity | undefined =
      p.z < rule.severeBelow
        ? 'severe'
        : p.z < rule.moderateBelow
          ? 'moderate'
          : rule.mildBelow !== undefined && p.z < rule.mildBelow
            ? 'mild'
            : undefined;
    if (!severity) continue;
    out.push(
      finding(rule.condition, severity, p.key, p.z, {
        remeasure: flags.has(`implausible_${p.key}`),
        toConfirm: rule.toConfirmScores?.includes(p.key) ?? false,
      }),
    );
  }

  for (const rule of rules.overweight) {
    if (!inAge(age, rule.ageMonths)) continue;
    const p = pick(rule.scores);
    if (!p) continue;
    const condition = above(p.z, rule.obesity) ? 'obesity' : above(p.z, rule.overweight) ? 'overweight' : undefined;
    if (!condition) continue;
    out.push(finding(condition, undefined, p.key, p.z, { remeasure: flags.has(`implausible_${p.key}`) }));
    break;
  }

  if (options.hbGL !== undefined && Number.isFinite(options.hbGL) && options.hbGL > 0) {
    const band = anaemia.bands.find((b) => inAge(age, b.ageMonths));
    if (band) {
      const adj = adjustHbForAltitude(options.hbGL, options.altitudeM, anaemia.altitude);
      if (adj.hbGL < band.cutoffGL) {
        const severity: NutritionSeverity =
          adj.hbGL < band.severeBelowGL ? 'severe' : adj.hbGL < band.moderateBelowGL ? 'moderate' : 'mild';
        out.push({
          ...finding('anaemia', severity, 'hb', Math.round(adj.hbGL * 10) / 10, {
            toConfirm:
              !anaemia.gradesConfirmed || !anaemia.cutoffsConfirmed || (adj.adjusted && !anaemia.altitude.confirmed),
          }),
          ...(adj.adjusted ? { measuredHbGL: options.hbGL, altitudeAdjustmentGL: adj.adjustmentGL } : {}),
        });
      }
    }
  }
  return out;
}

/**
 * A regional (or revised) variant of a rule set: the base with some fields replaced and new metadata. The base is
 * left untouched.
 */
export function deriveNutritionRuleSet<T extends NutritionRuleSet | AnaemiaRuleSet>(
  base: T,
  meta: Partial<GrowthRuleMeta> & { id: string; region: string },
  changes: Partial<Omit<T, 'meta'>>,
): T {
  const merged = { ...base.meta, ...meta };
  return { ...base, ...changes, meta: { ...merged, status: merged.confirmed ? 'confirmed' : 'to_confirm' } };
}
