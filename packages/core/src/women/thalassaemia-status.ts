/**
 * A person's current thalassaemia carrier status from the results on file (B7: a result already on file is used
 * instead of testing again): a gene test establishes the status (the latest gene test wins); without one, the latest
 * screening (indices, Hb analysis) gives a suspected status through {@link interpretThalassaemiaScreen}.
 */
import type { ThalassaemiaCarrierStatus, ThalassaemiaConfig, ThalassaemiaSuspicion } from './thalassaemia';
import { THALASSAEMIA_RULES_DEFAULT, interpretThalassaemiaScreen } from './thalassaemia';
import type { WomenRuleSet } from './rule-meta';
import { nationalMeta } from './rule-meta';
import { addDays } from './women-dates';

/** A result on file, as far as the status needs it. */
export interface ThalassaemiaResultOnFile {
  kind: 'blood_indices' | 'hb_analysis' | 'gene_test';
  date: string;
  mcvFl?: number | null;
  mchPg?: number | null;
  hba2Pct?: number | null;
  /** The status a gene test established. */
  carrierStatus?: ThalassaemiaCarrierStatus | null;
}

/** The status a screening suspicion stands for. */
export function carrierStatusOfSuspicion(s: ThalassaemiaSuspicion): ThalassaemiaCarrierStatus {
  switch (s) {
    case 'none':
      return 'none';
    case 'alpha':
      return 'suspected_alpha';
    case 'beta':
      return 'suspected_beta';
    default:
      return 'suspected_type_unknown';
  }
}

/** Result of {@link currentCarrierStatus}. */
export interface CurrentCarrierStatus {
  status: ThalassaemiaCarrierStatus;
  /** True when a gene test established it. */
  confirmed: boolean;
  /** The result that decided (null when not tested). */
  basis: ThalassaemiaResultOnFile | null;
}

/**
 * The current carrier status.
 * @example currentCarrierStatus([{ kind: 'blood_indices', date: '2024-01-02', mcvFl: 70, mchPg: 22 }]) // suspected_type_unknown
 */
export function currentCarrierStatus(
  results: readonly ThalassaemiaResultOnFile[],
  config: ThalassaemiaConfig = THALASSAEMIA_RULES_DEFAULT,
): CurrentCarrierStatus {
  const byDateDesc = [...results].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const gene = byDateDesc.find((r) => r.kind === 'gene_test' && r.carrierStatus && r.carrierStatus !== 'not_tested');
  if (gene) return { status: gene.carrierStatus!, confirmed: true, basis: gene };
  for (const r of byDateDesc) {
    if (r.kind === 'gene_test' || typeof r.mcvFl !== 'number' || typeof r.mchPg !== 'number') continue;
    const i = interpretThalassaemiaScreen(
      { mcvFl: r.mcvFl, mchPg: r.mchPg, ...(typeof r.hba2Pct === 'number' ? { hba2Pct: r.hba2Pct } : {}) },
      config,
    );
    if (i.ok) return { status: carrierStatusOfSuspicion(i.suspicion), confirmed: false, basis: r };
  }
  return { status: 'not_tested', confirmed: false, basis: null };
}

/** How soon an at-risk couple is counselled. */
export interface ThalassaemiaCounsellingConfig extends WomenRuleSet {
  /** Days from the couple's risk assessment to genetic counselling (high or undetermined risk). */
  counsellingWithinDays: number;
}

/**
 * Default [L]: genetic counselling within 14 days of finding a couple at high or undetermined risk, so that a
 * pregnant couple can still have prenatal diagnosis in time (local programme practice; no national limit).
 */
export const THALASSAEMIA_COUNSELLING_DEFAULT: ThalassaemiaCounsellingConfig = {
  meta: nationalMeta(
    'thalassaemia-counselling',
    '1',
    'L',
    ['地中海贫血防控项目 local practice'],
    'The limit is local.',
  ),
  counsellingWithinDays: 14,
};

/**
 * Due date of a couple's genetic counselling: null for a low-risk couple or once counselled.
 * @example thalassaemiaCounsellingDue({ risk: 'high', assessedOn: '2025-03-01', counsellingOn: null }) // '2025-03-15'
 */
export function thalassaemiaCounsellingDue(
  c: { risk: 'high' | 'low' | 'undetermined'; assessedOn: string; counsellingOn: string | null },
  config: ThalassaemiaCounsellingConfig = THALASSAEMIA_COUNSELLING_DEFAULT,
): string | null {
  if (c.risk === 'low' || c.counsellingOn) return null;
  return addDays(c.assessedOn, config.counsellingWithinDays);
}
