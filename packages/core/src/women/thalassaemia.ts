/**
 * Thalassaemia carrier screening and couple risk (地中海贫血防控, capability B7): red-cell indices → haemoglobin
 * analysis (HbA2) → gene test; a couple where both carry the same type (α+α or β+β) is high-risk and is offered
 * genetic counselling and prenatal diagnosis. Results on file are reused across programmes (婚检, 孕检, 孕期) while
 * valid, so women are not re-tested (seed 004: 避免相同服务项目重复检查).
 */
import type { WomenCodeLabel, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addMonths, isIsoDate } from './women-dates';

/** Kinds of thalassaemia test. */
export type ThalassaemiaTestKind = 'blood_indices' | 'hb_analysis' | 'gene_test';

/** zh/en labels of {@link ThalassaemiaTestKind}. */
export const THALASSAEMIA_TEST_LABELS: Record<ThalassaemiaTestKind, { zh: string; en: string }> = {
  blood_indices: { zh: '血常规（红细胞指数）', en: 'Red-cell indices (FBC)' },
  hb_analysis: { zh: '血红蛋白分析（HbA2）', en: 'Haemoglobin analysis (HbA2)' },
  gene_test: { zh: '地贫基因检测', en: 'Thalassaemia gene test' },
};

/** Cut-offs and validity of thalassaemia tests. */
export interface ThalassaemiaConfig extends WomenRuleSet {
  /** Indices positive when MCV is below this (fL). */
  mcvBelowFl: number;
  /** Indices positive when MCH is below this (pg). */
  mchBelowPg: number;
  /** HbA2 above this (%) suggests β-thalassaemia trait. */
  hba2BetaAbovePct: number;
  /** HbA2 below this (%) with low indices suggests α-thalassaemia. */
  hba2AlphaBelowPct: number;
  /** How long a result stays valid, in months; null = lifelong. */
  validityMonths: Record<ThalassaemiaTestKind, number | null>;
  /** Kinds whose need is met by a (valid) result of another kind, e.g. a gene test answers indices. */
  supersededBy: Record<ThalassaemiaTestKind, readonly ThalassaemiaTestKind[]>;
}

/**
 * Default rules [R]: MCV <80 fL or MCH <27 pg positive; HbA2 >3.5% β trait; HbA2 <2.5% with low indices α.
 * Validity [L]: gene test lifelong; Hb analysis lifelong; indices 12 months. A gene test supersedes the others.
 */
export const THALASSAEMIA_RULES_DEFAULT: ThalassaemiaConfig = {
  meta: nationalMeta(
    'thalassaemia',
    '1',
    'R',
    ['地中海贫血防控 (seed 004)', 'common laboratory practice'],
    'All cut-offs and validity periods; high-prevalence provinces (广东、广西、云南…) publish their own.',
  ),
  mcvBelowFl: 80,
  mchBelowPg: 27,
  hba2BetaAbovePct: 3.5,
  hba2AlphaBelowPct: 2.5,
  validityMonths: { blood_indices: 12, hb_analysis: null, gene_test: null },
  supersededBy: { blood_indices: ['gene_test'], hb_analysis: ['gene_test'], gene_test: [] },
};

/** What the screening suggests. */
export type ThalassaemiaSuspicion = 'none' | 'alpha' | 'beta' | 'undetermined';

/** The next test the screening asks for. */
export type ThalassaemiaScreenNextStep =
  'none' | 'hb_analysis' | 'alpha_gene_test' | 'beta_gene_test' | 'alpha_gene_test_and_iron_studies';

/** Result of {@link interpretThalassaemiaScreen}. */
export interface ThalassaemiaScreenInterpretation {
  ok: true;
  /** MCV or MCH below the cut-off. */
  indicesPositive: boolean;
  suspicion: ThalassaemiaSuspicion;
  next: ThalassaemiaScreenNextStep;
}

/**
 * Interprets red-cell indices and, when done, HbA2.
 * @example interpretThalassaemiaScreen({ mcvFl: 65, mchPg: 20, hba2Pct: 5.2 }) // suspicion 'beta', next 'beta_gene_test'
 */
export function interpretThalassaemiaScreen(
  v: { mcvFl: number; mchPg: number; hba2Pct?: number },
  config: ThalassaemiaConfig = THALASSAEMIA_RULES_DEFAULT,
): ThalassaemiaScreenInterpretation | WomenRuleError<'INVALID_VALUE'> {
  const nums = [v.mcvFl, v.mchPg, ...(v.hba2Pct === undefined ? [] : [v.hba2Pct])];
  if (nums.some((n) => !Number.isFinite(n) || n <= 0)) {
    return womenRuleError('INVALID_VALUE', 'MCV、MCH、HbA2应为正数', 'MCV, MCH and HbA2 must be positive numbers');
  }
  const indicesPositive = v.mcvFl < config.mcvBelowFl || v.mchPg < config.mchBelowPg;
  const hba2 = v.hba2Pct;
  if (hba2 !== undefined && hba2 > config.hba2BetaAbovePct) {
    return { ok: true, indicesPositive, suspicion: 'beta', next: 'beta_gene_test' };
  }
  if (!indicesPositive) return { ok: true, indicesPositive, suspicion: 'none', next: 'none' };
  if (hba2 === undefined) return { ok: true, indicesPositive, suspicion: 'undetermined', next: 'hb_analysis' };
  if (hba2 < config.hba2AlphaBelowPct)
    return { ok: true, indicesPositive, suspicion: 'alpha', next: 'alpha_gene_test' };
  return { ok: true, indicesPositive, suspicion: 'undetermined', next: 'alpha_gene_test_and_iron_studies' };
}

/** A partner's carrier status: confirmed by a gene test, suspected from screening, negative, or not tested. */
export type ThalassaemiaCarrierStatus =
  | 'none'
  | 'alpha'
  | 'beta'
  | 'alpha_and_beta'
  | 'suspected_alpha'
  | 'suspected_beta'
  | 'suspected_type_unknown'
  | 'not_tested';

/** zh/en labels of {@link ThalassaemiaCarrierStatus}. */
export const THALASSAEMIA_CARRIER_LABELS: readonly WomenCodeLabel<ThalassaemiaCarrierStatus>[] = [
  { code: 'none', zh: '非携带者', en: 'Not a carrier' },
  { code: 'alpha', zh: 'α地贫携带者（基因确诊）', en: 'α-thalassaemia carrier (gene-confirmed)' },
  { code: 'beta', zh: 'β地贫携带者（基因确诊）', en: 'β-thalassaemia carrier (gene-confirmed)' },
  { code: 'alpha_and_beta', zh: 'α合并β地贫携带者', en: 'α- and β-thalassaemia carrier' },
  { code: 'suspected_alpha', zh: '疑似α地贫携带者', en: 'Suspected α carrier' },
  { code: 'suspected_beta', zh: '疑似β地贫携带者', en: 'Suspected β carrier' },
  { code: 'suspected_type_unknown', zh: '地贫筛查阳性，类型未明', en: 'Screen-positive, type unknown' },
  { code: 'not_tested', zh: '未检测', en: 'Not tested' },
];

/** Actions for a couple. */
export type ThalassaemiaCoupleAction = 'genetic_counselling' | 'prenatal_diagnosis' | 'partner_screening' | 'gene_test';

/** Result of {@link coupleThalassaemiaRisk}. */
export interface ThalassaemiaCoupleRisk {
  risk: 'high' | 'low' | 'undetermined';
  /** The type both carry (confirmed or possible). */
  sharedType: 'alpha' | 'beta' | null;
  actions: ThalassaemiaCoupleAction[];
}

type Type = 'alpha' | 'beta';

function types(s: ThalassaemiaCarrierStatus): { possible: Type[]; confirmed: boolean } | null {
  switch (s) {
    case 'alpha':
      return { possible: ['alpha'], confirmed: true };
    case 'beta':
      return { possible: ['beta'], confirmed: true };
    case 'alpha_and_beta':
      return { possible: ['alpha', 'beta'], confirmed: true };
    case 'suspected_alpha':
      return { possible: ['alpha'], confirmed: false };
    case 'suspected_beta':
      return { possible: ['beta'], confirmed: false };
    case 'suspected_type_unknown':
      return { possible: ['alpha', 'beta'], confirmed: false };
    default:
      return null;
  }
}

/**
 * Couple risk: both carriers of the same type (α+α or β+β), gene-confirmed → high risk → genetic counselling and
 * prenatal diagnosis. Same type only suspected → gene tests first. One carrier and the partner not tested → screen
 * the partner. One partner negative, or different types → low.
 * @example coupleThalassaemiaRisk('alpha', 'alpha') // { risk: 'high', sharedType: 'alpha', actions: ['genetic_counselling', 'prenatal_diagnosis'] }
 */
export function coupleThalassaemiaRisk(
  a: ThalassaemiaCarrierStatus,
  b: ThalassaemiaCarrierStatus,
): ThalassaemiaCoupleRisk {
  if (a === 'none' || b === 'none') return { risk: 'low', sharedType: null, actions: [] };
  if (a === 'not_tested' || b === 'not_tested') {
    return { risk: 'undetermined', sharedType: null, actions: ['partner_screening'] };
  }
  const ta = types(a);
  const tb = types(b);
  if (!ta || !tb) return { risk: 'undetermined', sharedType: null, actions: ['partner_screening'] };
  const shared = ta.possible.filter((t) => tb.possible.includes(t));
  if (shared.length === 0) return { risk: 'low', sharedType: null, actions: [] };
  if (ta.confirmed && tb.confirmed) {
    return { risk: 'high', sharedType: shared[0] ?? null, actions: ['genetic_counselling', 'prenatal_diagnosis'] };
  }
  return { risk: 'undetermined', sharedType: shared.length === 1 ? (shared[0] ?? null) : null, actions: ['gene_test'] };
}

/** A thalassaemia result on file (from any programme). */
export interface ThalassaemiaTestRecord {
  kind: ThalassaemiaTestKind;
  /** Test date. */
  date: string;
  /** Programme or service that produced it (premarital, preconception, antenatal …); informative only. */
  source?: string;
  /** Carrier status the result established, when known. */
  carrierStatus?: ThalassaemiaCarrierStatus;
}

/** Why a test is or is not needed. */
export type ThalassaemiaRetestReason =
  'valid_result_on_file' | 'superseded_by_valid_result' | 'expired' | 'none_on_file';

/** Result of {@link needsThalassaemiaRetest}. */
export interface ThalassaemiaRetestDecision {
  ok: true;
  retest: boolean;
  /** The result to reuse when no retest is needed. */
  reuse: ThalassaemiaTestRecord | null;
  reason: ThalassaemiaRetestReason;
}

function validOn(r: ThalassaemiaTestRecord, date: string, config: ThalassaemiaConfig): boolean {
  if (!isIsoDate(r.date) || r.date > date) return false;
  const months = config.validityMonths[r.kind];
  return months === null || addMonths(r.date, months) > date;
}

/**
 * Whether a test of `kind` is needed on `date`, given the results on file: a valid result of the same kind (or of a
 * kind that supersedes it, e.g. a gene test) is reused; otherwise test again. Future-dated records are ignored.
 * @example needsThalassaemiaRetest([{ kind: 'gene_test', date: '2015-01-01' }], 'blood_indices', '2025-01-01')
 * // { ok: true, retest: false, reason: 'superseded_by_valid_result', reuse: { kind: 'gene_test', ... } }
 */
export function needsThalassaemiaRetest(
  existing: readonly ThalassaemiaTestRecord[],
  kind: ThalassaemiaTestKind,
  date: string,
  config: ThalassaemiaConfig = THALASSAEMIA_RULES_DEFAULT,
): ThalassaemiaRetestDecision | WomenRuleError<'INVALID_DATE'> {
  if (!isIsoDate(date)) return womenRuleError('INVALID_DATE', `日期“${date}”无效`, `Invalid date "${date}"`);
  const latest = (k: ThalassaemiaTestKind) =>
    existing
      .filter((r) => r.kind === k && validOn(r, date, config))
      .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0))[0];
  const same = latest(kind);
  if (same) return { ok: true, retest: false, reuse: same, reason: 'valid_result_on_file' };
  for (const k of config.supersededBy[kind]) {
    const sup = latest(k);
    if (sup) return { ok: true, retest: false, reuse: sup, reason: 'superseded_by_valid_result' };
  }
  const any = existing.some((r) => r.kind === kind && isIsoDate(r.date) && r.date <= date);
  return { ok: true, retest: true, reuse: null, reason: any ? 'expired' : 'none_on_file' };
}
