/**
 * Growth-chart curves: the −3 … +3 SD lines of an indicator for one sex, computed from the LMS of the registered
 * references (M·(1 + L·S·z)^(1/L)), as [x, y] pairs that ECharts line series take directly.
 */
import type { GrowthReferenceSelection } from './growth-registry';
import { findLms, resolveGrowthReferences } from './growth-registry';
import type { GrowthIndicator, GrowthSex, GrowthStandardId } from './growth-types';
import { DAYS_PER_MONTH, isAgeIndicator } from './growth-types';
import { lmsValueAt, roundAgeDays } from './lms-math';

/** The SD lines drawn. */
export const GROWTH_CURVE_SDS = [-3, -2, -1, 0, 1, 2, 3] as const;

/** One SD line. */
export interface GrowthCurveLine {
  /** The z-score of the line. */
  sd: (typeof GROWTH_CURVE_SDS)[number];
  /** Series name, e.g. '-2SD', 'M', '+1SD'. */
  name: string;
  /** [x, value] pairs; x in months (age-based) or cm (weight-for-length/height); value rounded to 3 decimals. */
  data: [number, number][];
}

/** Curves of one indicator and sex. */
export interface GrowthCurves {
  indicator: GrowthIndicator;
  sex: GrowthSex;
  xUnit: 'month' | 'cm';
  /** Unit of the values. */
  yUnit: 'kg' | 'cm' | 'kg/m2';
  lines: GrowthCurveLine[];
  /** The standards the points came from, in order of first use. */
  standards: GrowthStandardId[];
}

/** Options of {@link growthCurves}. */
export interface GrowthCurveOptions extends GrowthReferenceSelection {
  /** Step between points: months for age-based indicators (default 0.5), cm for weight-for-length/height (0.5). */
  step?: number;
}

const Y_UNIT: Record<GrowthIndicator, GrowthCurves['yUnit']> = {
  wfa: 'kg',
  lhfa: 'cm',
  bmifa: 'kg/m2',
  hcfa: 'cm',
  wfl: 'kg',
  wfh: 'kg',
};

function sdName(sd: number): string {
  return sd === 0 ? 'M' : `${sd > 0 ? '+' : ''}${sd}SD`;
}

/**
 * The −3 … +3 SD curves of `indicator` for `sex` from `from` to `to` (months for age-based indicators, cm for
 * weight-for-length/height), both ends included. Points without a reference are left out. For length/height-for-age
 * and BMI-for-age, points below 24 months lie on the length curve and from 24 months on the height curve (as WHO's
 * charts), so a chart across 24 months shows the 0.7 cm step.
 */
export function growthCurves(
  indicator: GrowthIndicator,
  sex: GrowthSex,
  from: number,
  to: number,
  options: GrowthCurveOptions = {},
): GrowthCurves {
  const ageBased = isAgeIndicator(indicator);
  const step = options.step && options.step > 0 ? options.step : 0.5;
  const references = resolveGrowthReferences(options);
  const lines: GrowthCurveLine[] = GROWTH_CURVE_SDS.map((sd) => ({ sd, name: sdName(sd), data: [] }));
  const standards: GrowthStandardId[] = [];
  const n = Number.isFinite(from) && Number.isFinite(to) && to >= from ? Math.floor((to - from) / step + 1e-9) : -1;
  for (let i = 0; i <= n; i++) {
    const x = Math.round((from + i * step) * 1e6) / 1e6;
    const ageDays = ageBased ? roundAgeDays(x * DAYS_PER_MONTH) : indicator === 'wfl' ? 0 : 731;
    const found = findLms(references, indicator, sex, ageBased ? ageDays : x, ageDays);
    if (!found) continue;
    if (!standards.includes(found.reference.id)) standards.push(found.reference.id);
    for (const line of lines) {
      const y = lmsValueAt(line.sd, found.lms);
      if (Number.isFinite(y)) line.data.push([x, Math.round(y * 1000) / 1000]);
    }
  }
  return { indicator, sex, xUnit: ageBased ? 'month' : 'cm', yUnit: Y_UNIT[indicator], lines, standards };
}
