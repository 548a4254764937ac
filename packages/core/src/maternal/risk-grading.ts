/**
 * Five-colour pregnancy risk grading (妊娠风险评估分级) and risk screening (妊娠风险筛查) of 国卫办妇幼发〔2017〕35号,
 * over the catalogues of {@link ./risk-catalogue}.
 *
 * Precedence (REFERENCE §1.2 [C]): apart from purple, when items of several colours apply the highest colour is the
 * grade; green when no non-purple item applies. Purple (infectious disease) is reported separately and coexists with
 * any grade.
 *
 * Ticked items: `items` holds catalogue codes the clinician ticked. Unknown codes are ignored by
 * {@link assessPregnancyRisk} and listed in `unknownItems` by {@link gradePregnancyRisk}, so a caller can report them.
 * Computed items may be ticked too (then they match even without the measured value).
 *
 * BMI is computed from height and pre-pregnancy weight, rounded to 2 decimals only to remove floating-point noise
 * (so 64 kg at 160 cm is exactly 25.00, which is not "> 25").
 */
import { z } from 'zod';
import type {
  RiskCatalogue,
  RiskCatalogueItem,
  RiskColour,
  RiskFlagInput,
  RiskGradeColour,
  RiskItemColour,
  RiskNumericInput,
  RiskRule,
  ScreeningCatalogue,
  ScreeningCatalogueItem,
} from './risk-catalogue';
import { getRiskCatalogue, getScreeningCatalogue, RISK_COLOUR_RANK } from './risk-catalogue';

/** Input of {@link assessPregnancyRisk}. */
export interface PregnancyRiskInput {
  /** Age in full years (周岁) at the assessment. */
  ageYears: number;
  heightCm?: number;
  prePregnancyWeightKg?: number;
  /** Haemoglobin, g/L. */
  hbGL?: number;
  /** Platelets, ×10⁹/L. */
  plateletsE9L?: number;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  /** Number of fetuses. */
  fetuses?: number;
  hivPositive?: boolean;
  syphilisPositive?: boolean;
  hbsagPositive?: boolean;
  /** Codes of ticked catalogue items. */
  items?: string[];
}

/** Further computed inputs of the assessment (second argument of {@link assessPregnancyRisk}). */
export interface PregnancyRiskExtraInput {
  /** Oxygen saturation, %. */
  spo2?: number;
  /** Serum creatinine, µmol/L. */
  creatinine?: number;
  /** Number of previous caesarean sections. */
  previousCaesareans?: number;
  /** Number of previous uterine operations of any kind (caesarean, cornual pregnancy, myomectomy…), incl. caesareans. */
  previousUterineSurgeries?: number;
  /** Whole months from the last uterine operation to this pregnancy (its LMP). */
  monthsSinceUterineSurgery?: number;
  /** BMI, when given directly (else computed from height and pre-pregnancy weight). */
  bmi?: number;
}

/** Options of {@link assessPregnancyRisk}: which catalogue, plus further computed inputs. */
export interface PregnancyRiskOptions extends PregnancyRiskExtraInput {
  /** The catalogue to use (wins over region/version). */
  catalogue?: RiskCatalogue;
  /** GB/T 2260 region code or prefix used to pick a regional catalogue (e.g. '330902' → 浙江 2018). */
  region?: string;
  /** Catalogue version. */
  version?: string;
  /** Upper limit of normal creatinine, µmol/L (default: the catalogue's parameter, 84 [R]). */
  creatinineUpperLimit?: number;
}

/** Result of {@link assessPregnancyRisk}. */
export interface PregnancyRiskAssessment {
  /** The highest non-purple colour of the matched items; green when none. */
  colour: RiskGradeColour;
  /** True when any purple (infectious disease) item matched. */
  purple: boolean;
  /** Matched items, highest colour first (red, orange, yellow, then purple), catalogue order within a colour. */
  matched: Array<{ code: string; colour: string; zh: string }>;
}

/** A matched assessment item with its details. */
export interface PregnancyRiskMatch {
  code: string;
  colour: RiskItemColour;
  zh: string;
  en: string;
  kind: 'computed' | 'ticked';
  /** How it matched: from the measured values, or ticked. */
  via: 'computed' | 'ticked';
  confirmed: boolean;
  source: string;
}

/** Result of {@link gradePregnancyRisk}. */
export interface PregnancyRiskGrading {
  colour: RiskGradeColour;
  purple: boolean;
  matched: PregnancyRiskMatch[];
  /** BMI used (2 decimals), or null. */
  bmi: number | null;
  /** Creatinine ÷ upper limit of normal, or null. */
  creatinineRatio: number | null;
  /** Ticked codes that are not in the catalogue. */
  unknownItems: string[];
  /** Computed items that could not be decided for want of a value (and were not ticked). */
  notEvaluated: string[];
  /** True when the result opens 高危专案管理 (orange, red or purple). */
  highRiskCase: boolean;
  /** True when any matched item is still to be confirmed ([R]). */
  includesUnconfirmed: boolean;
  catalogue: { id: string; version: string; region: string };
}

/** Facts the computed rules read. */
export type RiskFacts = Partial<Record<RiskNumericInput, number>> & Partial<Record<RiskFlagInput, boolean>>;

/** Three-valued outcome of a rule: unknown when a value it needs is missing. */
export type RiskRuleOutcome = 'true' | 'false' | 'unknown';

/** Evaluates a computed rule against facts (three-valued: missing values give 'unknown'). */
export function evaluateRiskRule(rule: RiskRule, facts: RiskFacts): RiskRuleOutcome {
  switch (rule.op) {
    case 'range': {
      const v = facts[rule.input];
      if (v === undefined || !Number.isFinite(v)) return 'unknown';
      if (rule.min && (rule.min.inclusive ? v < rule.min.value : v <= rule.min.value)) return 'false';
      if (rule.max && (rule.max.inclusive ? v > rule.max.value : v >= rule.max.value)) return 'false';
      return 'true';
    }
    case 'flag': {
      const v = facts[rule.input];
      if (v === undefined) return 'unknown';
      return v ? 'true' : 'false';
    }
    case 'any': {
      const outs = rule.rules.map((r) => evaluateRiskRule(r, facts));
      if (outs.includes('true')) return 'true';
      return outs.includes('unknown') ? 'unknown' : 'false';
    }
    case 'all': {
      const outs = rule.rules.map((r) => evaluateRiskRule(r, facts));
      if (outs.includes('false')) return 'false';
      return outs.includes('unknown') ? 'unknown' : 'true';
    }
  }
}

/** BMI = weight (kg) ÷ height (m)², rounded to 2 decimals; null unless both values are positive numbers. */
export function computeBmi(heightCm: number | undefined, weightKg: number | undefined): number | null {
  if (heightCm === undefined || weightKg === undefined) return null;
  if (!Number.isFinite(heightCm) || !Number.isFinite(weightKg) || heightCm <= 0 || weightKg <= 0) return null;
  return Math.round(((weightKg * 10000) / (heightCm * heightCm)) * 100) / 100;
}

function num(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function setNum(facts: RiskFacts, key: RiskNumericInput, v: number | undefined | null): void {
  const n = num(v ?? undefined);
  if (n !== undefined) facts[key] = n;
}

function setFlag(facts: RiskFacts, key: RiskFlagInput, v: boolean | undefined): void {
  if (v !== undefined) facts[key] = v;
}

const ITEM_ORDER: Record<RiskItemColour, number> = { red: 0, orange: 1, yellow: 2, purple: 3 };

function matchItems<T extends { code: string; rule?: RiskRule }>(
  catalogueItems: readonly T[],
  facts: RiskFacts,
  ticked: readonly string[],
): { matched: Array<{ item: T; via: 'computed' | 'ticked' }>; unknownItems: string[]; notEvaluated: string[] } {
  const tickedSet = new Set(ticked);
  const known = new Set(catalogueItems.map((i) => i.code));
  const matched: Array<{ item: T; via: 'computed' | 'ticked' }> = [];
  const notEvaluated: string[] = [];
  for (const item of catalogueItems) {
    const outcome = item.rule ? evaluateRiskRule(item.rule, facts) : 'false';
    if (outcome === 'true') matched.push({ item, via: 'computed' });
    else if (tickedSet.has(item.code)) matched.push({ item, via: 'ticked' });
    else if (outcome === 'unknown') notEvaluated.push(item.code);
  }
  const unknownItems = [...new Set(ticked.filter((c) => !known.has(c)))];
  return { matched, unknownItems, notEvaluated };
}

/**
 * Grades a pregnancy with full details: matched items with their English labels, sources and how they matched,
 * unknown ticked codes, computed items not decided for want of values, and the catalogue used.
 */
export function gradePregnancyRisk(
  input: PregnancyRiskInput,
  options: PregnancyRiskOptions = {},
): PregnancyRiskGrading {
  const catalogue = options.catalogue ?? getRiskCatalogue(options.region, options.version);
  const facts: RiskFacts = {};
  setNum(facts, 'ageYears', input.ageYears);
  setNum(facts, 'heightCm', input.heightCm);
  const bmi = num(options.bmi) ?? computeBmi(input.heightCm, input.prePregnancyWeightKg);
  setNum(facts, 'bmi', bmi);
  setNum(facts, 'hbGL', input.hbGL);
  setNum(facts, 'plateletsE9L', input.plateletsE9L);
  setNum(facts, 'systolicMmHg', input.systolicMmHg);
  setNum(facts, 'diastolicMmHg', input.diastolicMmHg);
  setNum(facts, 'fetuses', input.fetuses);
  setNum(facts, 'spo2', options.spo2);
  const uln = num(options.creatinineUpperLimit) ?? catalogue.parameters.creatinineUpperLimitUmolL.value;
  const creat = num(options.creatinine);
  const creatinineRatio = creat !== undefined && uln > 0 ? creat / uln : null;
  setNum(facts, 'creatinineRatio', creatinineRatio);
  setNum(facts, 'previousCaesareans', options.previousCaesareans);
  setNum(facts, 'previousUterineSurgeries', options.previousUterineSurgeries);
  setNum(facts, 'monthsSinceUterineSurgery', options.monthsSinceUterineSurgery);
  setFlag(facts, 'hivPositive', input.hivPositive);
  setFlag(facts, 'syphilisPositive', input.syphilisPositive);
  setFlag(facts, 'hbsagPositive', input.hbsagPositive);

  const { matched, unknownItems, notEvaluated } = matchItems<RiskCatalogueItem>(
    catalogue.items,
    facts,
    input.items ?? [],
  );
  const ordered = matched
    .map((m, index) => ({ ...m, index }))
    .sort((a, b) => ITEM_ORDER[a.item.colour] - ITEM_ORDER[b.item.colour] || a.index - b.index);
  const combined = combineRiskColours(ordered.map((m) => m.item.colour));
  return {
    colour: combined.colour,
    purple: combined.purple,
    matched: ordered.map(({ item, via }) => ({
      code: item.code,
      colour: item.colour,
      zh: item.zh,
      en: item.en,
      kind: item.kind,
      via,
      confirmed: item.confirmed,
      source: item.source,
    })),
    bmi: bmi ?? null,
    creatinineRatio,
    unknownItems,
    notEvaluated,
    highRiskCase: combined.purple || combined.colour === 'orange' || combined.colour === 'red',
    includesUnconfirmed: ordered.some((m) => !m.item.confirmed),
    catalogue: { id: catalogue.id, version: catalogue.version, region: catalogue.region },
  };
}

/**
 * Five-colour pregnancy risk assessment (孕产妇妊娠风险评估分级, 国卫办妇幼发〔2017〕35号 附件2).
 * `colour` is the highest non-purple colour matched (green when none); `purple` is true when an infectious-disease
 * item matched; `matched` lists the items (code, colour, zh). The optional second argument picks the catalogue
 * (catalogue / region / version) and supplies extra computed inputs (spo2, creatinine, previousCaesareans,
 * previousUterineSurgeries, monthsSinceUterineSurgery). Unknown ticked codes are ignored (see
 * {@link gradePregnancyRisk} for a report of them).
 */
export function assessPregnancyRisk(
  input: PregnancyRiskInput,
  options: PregnancyRiskOptions = {},
): PregnancyRiskAssessment {
  const g = gradePregnancyRisk(input, options);
  return {
    colour: g.colour,
    purple: g.purple,
    matched: g.matched.map((m) => ({ code: m.code, colour: m.colour, zh: m.zh })),
  };
}

/**
 * Combines colours by the 35号文 precedence: the highest non-purple colour (green when none), with purple kept
 * apart. Also usable to combine the colours of several assessments.
 */
export function combineRiskColours(colours: readonly RiskColour[]): { colour: RiskGradeColour; purple: boolean } {
  let colour: RiskGradeColour = 'green';
  let purple = false;
  for (const c of colours) {
    if (c === 'purple') purple = true;
    else if (RISK_COLOUR_RANK[c] > RISK_COLOUR_RANK[colour]) colour = c;
  }
  return { colour, purple };
}

const nonNegative = z.number().finite().min(0);

/** zod schema of {@link PregnancyRiskInput} (plausible ranges; unknown keys are stripped). */
export const pregnancyRiskInputSchema = z.object({
  ageYears: z.number().min(8).max(70),
  heightCm: z.number().min(100).max(230).optional(),
  prePregnancyWeightKg: z.number().min(25).max(250).optional(),
  hbGL: z.number().min(10).max(250).optional(),
  plateletsE9L: nonNegative.max(2000).optional(),
  systolicMmHg: z.number().min(40).max(300).optional(),
  diastolicMmHg: z.number().min(20).max(200).optional(),
  fetuses: z.number().int().min(1).max(8).optional(),
  hivPositive: z.boolean().optional(),
  syphilisPositive: z.boolean().optional(),
  hbsagPositive: z.boolean().optional(),
  items: z.array(z.string().min(1).max(100)).max(200).optional(),
});

/** zod schema of {@link PregnancyRiskExtraInput}. */
export const pregnancyRiskExtraInputSchema = z.object({
  spo2: z.number().min(30).max(100).optional(),
  creatinine: z.number().min(5).max(3000).optional(),
  previousCaesareans: z.number().int().min(0).max(15).optional(),
  previousUterineSurgeries: z.number().int().min(0).max(20).optional(),
  monthsSinceUterineSurgery: z.number().int().min(0).max(600).optional(),
  bmi: z.number().min(10).max(80).optional(),
});

/** Input of {@link screenPregnancyRisk} (附件1). */
export interface PregnancyScreeningInput {
  ageYears?: number;
  heightCm?: number;
  prePregnancyWeightKg?: number;
  bmi?: number;
  rhNegative?: boolean;
  /** Whole months since the last birth (生育间隔). */
  monthsSinceLastBirth?: number;
  previousCaesareans?: number;
  fetuses?: number;
  /** Family history of hypertension (with current BP ≥140/90 this is item 4). */
  familyHypertension?: boolean;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  hbGL?: number;
  plateletsE9L?: number;
  syphilisPositive?: boolean;
  hivPositive?: boolean;
  glucosuria?: boolean;
  fastingGlucoseMmolL?: number;
  /** Gestational age in (decimal) weeks at the glucose test. */
  gestationalWeeks?: number;
  /** Serum ferritin, µg/L. */
  ferritinUgL?: number;
  /** Codes of ticked screening items. */
  items?: string[];
}

/** zod schema of {@link PregnancyScreeningInput}. */
export const pregnancyScreeningInputSchema = z.object({
  ageYears: z.number().min(8).max(70).optional(),
  heightCm: z.number().min(100).max(230).optional(),
  prePregnancyWeightKg: z.number().min(25).max(250).optional(),
  bmi: z.number().min(10).max(80).optional(),
  rhNegative: z.boolean().optional(),
  monthsSinceLastBirth: z.number().int().min(0).max(600).optional(),
  previousCaesareans: z.number().int().min(0).max(15).optional(),
  fetuses: z.number().int().min(1).max(8).optional(),
  familyHypertension: z.boolean().optional(),
  systolicMmHg: z.number().min(40).max(300).optional(),
  diastolicMmHg: z.number().min(20).max(200).optional(),
  hbGL: z.number().min(10).max(250).optional(),
  plateletsE9L: nonNegative.max(2000).optional(),
  syphilisPositive: z.boolean().optional(),
  hivPositive: z.boolean().optional(),
  glucosuria: z.boolean().optional(),
  fastingGlucoseMmolL: z.number().min(0.5).max(50).optional(),
  gestationalWeeks: z.number().min(0).max(45).optional(),
  ferritinUgL: nonNegative.max(5000).optional(),
  items: z.array(z.string().min(1).max(100)).max(200).optional(),
});

/** A matched screening item. */
export interface PregnancyScreeningMatch {
  code: string;
  zh: string;
  en: string;
  section: number;
  required: boolean;
  via: 'computed' | 'ticked';
  confirmed: boolean;
}

/** Result of {@link screenPregnancyRisk}. */
export interface PregnancyScreeningResult {
  /** True when one or more items matched (筛查阳性): refer for assessment (see high-risk duties). */
  positive: boolean;
  matched: PregnancyScreeningMatch[];
  bmi: number | null;
  unknownItems: string[];
  notEvaluated: string[];
  catalogue: { id: string; version: string; region: string };
}

/**
 * Pregnancy risk screening at registration (妊娠风险筛查, 附件1): positive when one or more items match. Negative
 * women get the green label; positive women at a primary institution are referred for assessment.
 */
export function screenPregnancyRisk(
  input: PregnancyScreeningInput,
  options: { catalogue?: ScreeningCatalogue; region?: string; version?: string } = {},
): PregnancyScreeningResult {
  const catalogue = options.catalogue ?? getScreeningCatalogue(options.region, options.version);
  const facts: RiskFacts = {};
  setNum(facts, 'ageYears', input.ageYears);
  setNum(facts, 'heightCm', input.heightCm);
  const bmi = num(input.bmi) ?? computeBmi(input.heightCm, input.prePregnancyWeightKg);
  setNum(facts, 'bmi', bmi);
  setFlag(facts, 'rhNegative', input.rhNegative);
  setNum(facts, 'monthsSinceLastBirth', input.monthsSinceLastBirth);
  setNum(facts, 'previousCaesareans', input.previousCaesareans);
  setNum(facts, 'fetuses', input.fetuses);
  setFlag(facts, 'familyHypertension', input.familyHypertension);
  setNum(facts, 'systolicMmHg', input.systolicMmHg);
  setNum(facts, 'diastolicMmHg', input.diastolicMmHg);
  setNum(facts, 'hbGL', input.hbGL);
  setNum(facts, 'plateletsE9L', input.plateletsE9L);
  setFlag(facts, 'syphilisPositive', input.syphilisPositive);
  setFlag(facts, 'hivPositive', input.hivPositive);
  setFlag(facts, 'glucosuria', input.glucosuria);
  setNum(facts, 'fastingGlucoseMmolL', input.fastingGlucoseMmolL);
  setNum(facts, 'gestationalWeeks', input.gestationalWeeks);
  setNum(facts, 'ferritinUgL', input.ferritinUgL);
  const { matched, unknownItems, notEvaluated } = matchItems<ScreeningCatalogueItem>(
    catalogue.items,
    facts,
    input.items ?? [],
  );
  return {
    positive: matched.length > 0,
    matched: matched.map(({ item, via }) => ({
      code: item.code,
      zh: item.zh,
      en: item.en,
      section: item.section,
      required: item.required,
      via,
      confirmed: item.confirmed,
    })),
    bmi: bmi ?? null,
    unknownItems,
    notEvaluated,
    catalogue: { id: catalogue.id, version: catalogue.version, region: catalogue.region },
  };
}
