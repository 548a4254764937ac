/**
 * The data-quality score of a unit (an institution, a county, a region) for one run:
 *
 *   score = 100 × (1 − Σ_r w_r · failed_r / Σ_r w_r · checked_r)
 *
 * where, for each rule r, `checked_r` is the number of records the rule examined in the unit, `failed_r` the number
 * that broke it, and `w_r` the rule's weight (by default 3 for an error rule, 1 for a warning rule). It is the
 * weighted share of (rule, record) checks that passed: 100 when nothing failed, 0 when every check failed. A unit
 * with nothing checked has no score (null), not 100. Sums over units add up, so a region's score is computed from
 * its counties' weighted sums, never averaged from their scores.
 */

/** The checks of one rule in one unit. */
export interface QualityRuleTally {
  checked: number;
  failed: number;
  weight: number;
}

/** Weighted sums of a unit: what the score is computed from, and what adds up across units. */
export interface QualityTotals {
  checks: number;
  failedChecks: number;
  weightedChecks: number;
  weightedFailed: number;
}

/** Sums the tallies of a unit's rules. */
export function qualityTotals(tallies: readonly QualityRuleTally[]): QualityTotals {
  const t: QualityTotals = { checks: 0, failedChecks: 0, weightedChecks: 0, weightedFailed: 0 };
  for (const x of tallies) {
    if (x.failed > x.checked) throw new RangeError('failed checks cannot exceed checks');
    t.checks += x.checked;
    t.failedChecks += x.failed;
    t.weightedChecks += x.weight * x.checked;
    t.weightedFailed += x.weight * x.failed;
  }
  return t;
}

/** Adds the totals of several units (e.g. the counties of a city). */
export function addQualityTotals(parts: readonly QualityTotals[]): QualityTotals {
  return parts.reduce(
    (a, b) => ({
      checks: a.checks + b.checks,
      failedChecks: a.failedChecks + b.failedChecks,
      weightedChecks: a.weightedChecks + b.weightedChecks,
      weightedFailed: a.weightedFailed + b.weightedFailed,
    }),
    { checks: 0, failedChecks: 0, weightedChecks: 0, weightedFailed: 0 },
  );
}

/** The score (0–100, one decimal) of weighted sums; null when nothing was checked. */
export function qualityScoreOf(t: Pick<QualityTotals, 'weightedChecks' | 'weightedFailed'>): number | null {
  if (!(t.weightedChecks > 0)) return null;
  const s = 100 * (1 - t.weightedFailed / t.weightedChecks);
  return Math.round(Math.max(0, Math.min(100, s)) * 10) / 10;
}

/** The score of a unit from its rule tallies. */
export function qualityScore(tallies: readonly QualityRuleTally[]): number | null {
  return qualityScoreOf(qualityTotals(tallies));
}

/** Bands of the score shown on the pages (good ≥ 95, fair ≥ 85, poor below). */
export type QualityScoreBand = 'good' | 'fair' | 'poor';

/** The band of a score (null: no score). Thresholds are a display convention [L]. */
export function qualityScoreBand(score: number | null, good = 95, fair = 85): QualityScoreBand | null {
  if (score === null) return null;
  if (score >= good) return 'good';
  if (score >= fair) return 'fair';
  return 'poor';
}
