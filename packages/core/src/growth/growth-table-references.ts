/**
 * Growth references built from parsed LMS tables (see growth-table-parser.ts): the WHO Reference 2007 (5–19 years,
 * tables by month) and WHO's daily igrowup/anthro tables of the 2006 standards. The server reads the files and
 * registers what these factories return.
 */
import type {
  AgeGrowthIndicator,
  GrowthDomain,
  GrowthIndicator,
  GrowthLabel,
  GrowthReference,
  GrowthSex,
  GrowthStandardId,
} from './growth-types';
import { DAYS_PER_MONTH, isAgeIndicator } from './growth-types';
import type { LmsKnot } from './lms-interpolation';
import { lmsLinearFromRows } from './lms-interpolation';
import { WHO_2006_MAX_AGE_DAYS } from './who-2006-reference';

/** Rows of one indicator, per sex (a sex may be missing). */
export type LmsRowsBySex = Partial<Record<GrowthSex, readonly LmsKnot[]>>;

/** Tables by indicator. */
export type LmsTables<I extends GrowthIndicator = GrowthIndicator> = Partial<Record<I, LmsRowsBySex>>;

function rowsRange(bySex: LmsRowsBySex): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const rows of Object.values(bySex)) {
    const first = rows?.[0];
    const last = rows?.[rows.length - 1];
    if (!first || !last) continue;
    min = Math.min(min, first[0]);
    max = Math.max(max, last[0]);
  }
  return Number.isFinite(min) ? { min, max } : undefined;
}

/** Indicators of the WHO Reference 2007: height-for-age and BMI-for-age 61–228 months, weight-for-age 61–120. */
export type Who2007Indicator = Extract<AgeGrowthIndicator, 'lhfa' | 'wfa' | 'bmifa'>;

/**
 * The 'who2007' reference (WHO Growth Reference 2007, 5–19 years) from WHO's monthly tables. As WHO's who2007
 * macro does, the age in months is the exact age (days / 30.4375) and L, M, S are linear between the two
 * completed months around it; ages before the first or after the last month of a table are not covered.
 */
export function createWho2007Reference(
  tables: LmsTables<Who2007Indicator>,
  source = 'WHO Growth Reference 2007 monthly tables (who.int/growthref)',
): GrowthReference {
  const domains: Partial<Record<GrowthIndicator, GrowthDomain>> = {};
  for (const [indicator, bySex] of Object.entries(tables) as [Who2007Indicator, LmsRowsBySex][]) {
    const range = rowsRange(bySex);
    if (!range) continue;
    domains[indicator] = {
      unit: 'day',
      min: Math.ceil(range.min * DAYS_PER_MONTH),
      max: Math.floor(range.max * DAYS_PER_MONTH),
    };
  }
  return {
    id: 'who2007',
    name: { zh: 'WHO 生长参考值（2007，5–19岁）', en: 'WHO Growth Reference (2007, 5–19 years)' },
    source,
    method: 'monthly tables, L, M and S linear between completed months (WHO who2007 macro)',
    domain: (indicator) => domains[indicator],
    lms(indicator, sex, x) {
      const d = domains[indicator];
      if (!d || !Number.isFinite(x) || x < d.min || x > d.max) return undefined;
      const rows = tables[indicator as Who2007Indicator]?.[sex];
      if (!rows) return undefined;
      return lmsLinearFromRows(rows, x / DAYS_PER_MONTH);
    },
  };
}

/** Options of {@link createDailyLmsReference}. */
export interface DailyLmsReferenceOptions {
  id?: GrowthStandardId;
  name?: GrowthLabel;
  source?: string;
  /** Ages (days) where weight-for-length applies; default 0–730 (WHO: under 24 months). */
  wflAgeDays?: { min: number; max: number };
  /** Ages (days) where weight-for-height applies; default 731–1856. */
  wfhAgeDays?: { min: number; max: number };
}

/**
 * A reference from WHO's igrowup/anthro LMS tables: age-based indicators by day of age (row of the whole day,
 * length/height switch included in the tables' `loh` rows), weight-for-length/height by 0.1 cm rows with linear
 * interpolation between rows, exactly as WHO's software. Default id 'who2006'.
 */
export function createDailyLmsReference(tables: LmsTables, options: DailyLmsReferenceOptions = {}): GrowthReference {
  const domains: Partial<Record<GrowthIndicator, GrowthDomain>> = {};
  for (const [indicator, bySex] of Object.entries(tables) as [GrowthIndicator, LmsRowsBySex][]) {
    const range = rowsRange(bySex);
    if (!range) continue;
    if (isAgeIndicator(indicator)) domains[indicator] = { unit: 'day', ...range };
    else {
      const ageDays =
        indicator === 'wfl'
          ? (options.wflAgeDays ?? { min: 0, max: 730 })
          : (options.wfhAgeDays ?? { min: 731, max: WHO_2006_MAX_AGE_DAYS });
      domains[indicator] = { unit: 'cm', ...range, ageDays };
    }
  }
  return {
    id: options.id ?? 'who2006',
    name: options.name ?? {
      zh: 'WHO 儿童生长标准（2006，0–5岁，逐日表）',
      en: 'WHO Child Growth Standards (2006, 0–5 years, daily tables)',
    },
    source: options.source ?? 'WHO igrowup/anthro LMS tables by day and by 0.1 cm',
    method: 'row of the whole day of age; weight-for-length/height linear between 0.1 cm rows (WHO anthro)',
    domain: (indicator) => domains[indicator],
    lms(indicator, sex, x) {
      const d = domains[indicator];
      if (!d || !Number.isFinite(x) || x < d.min || x > d.max) return undefined;
      const rows = tables[indicator]?.[sex];
      if (!rows) return undefined;
      return lmsLinearFromRows(rows, x);
    },
  };
}
