/**
 * Shapes of the indicator catalogue (指标目录): what an indicator is, how it is counted (numerator and denominator in
 * words, plus the ids of the server-side measures that count them), its unit, period, population basis and evidence
 * status. Definitions that differ between texts or regions are kept as named versions, so a region picks the one it
 * reports under. Everything here is data; nothing does I/O.
 */

/** Unit of an indicator value. `count` is a plain number of events (no denominator). */
export type IndicatorUnit = '%' | '‰' | 'per_100k' | 'per_10k' | 'count';

/** All indicator units, in a stable order. */
export const INDICATOR_UNITS: readonly IndicatorUnit[] = ['%', '‰', 'per_100k', 'per_10k', 'count'];

/** The multiplier that turns a proportion into a value of each unit (count: the numerator itself). */
export const INDICATOR_UNIT_MULTIPLIERS: Readonly<Record<IndicatorUnit, number>> = {
  '%': 100,
  '‰': 1000,
  per_100k: 100_000,
  per_10k: 10_000,
  count: 1,
};

/** zh-CN and en-US labels of each unit, as shown after a value. */
export const INDICATOR_UNIT_LABELS: Readonly<Record<IndicatorUnit, { zh: string; en: string }>> = {
  '%': { zh: '%', en: '%' },
  '‰': { zh: '‰', en: '‰' },
  per_100k: { zh: '/10万', en: 'per 100,000' },
  per_10k: { zh: '/万', en: 'per 10,000' },
  count: { zh: '例', en: 'cases' },
};

/**
 * Kind of reporting period. `report_year` is the 年报 year, 1 Oct of the previous year to 30 Sep (REFERENCE §3,
 * "3+1" model); the others are calendar periods.
 */
export type IndicatorPeriodKind = 'report_year' | 'calendar_year' | 'quarter' | 'month';

/** All period kinds. */
export const INDICATOR_PERIOD_KINDS: readonly IndicatorPeriodKind[] = [
  'report_year',
  'calendar_year',
  'quarter',
  'month',
];

/**
 * Whose events are counted:
 * - `residence`: people living in the area (常住, ≥6 months, with or without local 户籍; 基本公卫 rule, REFERENCE §2.1);
 * - `hukou`: people whose household registration (户籍) is in the area;
 * - `both`: computed for each basis separately (the 年报 reports 户籍 and 非户籍 in separate tables);
 * - `facility`: events that happened in the area's institutions, wherever the person lives (e.g. caesarean rate
 *   counted from the delivery institutions' own records).
 */
export type PopulationBasis = 'residence' | 'hukou' | 'both' | 'facility';

/** All population bases. */
export const POPULATION_BASES: readonly PopulationBasis[] = ['residence', 'hukou', 'both', 'facility'];

/** Area an indicator belongs to (for grouping on dashboards). */
export type IndicatorArea = 'maternal' | 'child' | 'women' | 'pmtct' | 'screening' | 'mortality' | 'facility';

/** All indicator areas. */
export const INDICATOR_AREAS: readonly IndicatorArea[] = [
  'mortality',
  'maternal',
  'screening',
  'pmtct',
  'child',
  'women',
  'facility',
];

/** zh-CN and en-US labels of each area. */
export const INDICATOR_AREA_LABELS: Readonly<Record<IndicatorArea, { zh: string; en: string }>> = {
  mortality: { zh: '死亡监测', en: 'Mortality' },
  maternal: { zh: '孕产期保健', en: 'Maternal care' },
  screening: { zh: '出生缺陷防治与筛查', en: 'Birth defects and screening' },
  pmtct: { zh: '预防艾滋病、梅毒和乙肝母婴传播', en: 'PMTCT of HIV, syphilis and hepatitis B' },
  child: { zh: '儿童保健', en: 'Child health' },
  women: { zh: '妇女保健', en: "Women's health" },
  facility: { zh: '机构与服务', en: 'Facilities and services' },
};

/** Whether a higher value is better (coverage) or worse (mortality, prevalence). */
export type IndicatorDirection = 'higher_better' | 'lower_better';

/**
 * Evidence marker of REFERENCE.md: C = confirmed in a retrieved source, R = the researcher's recollection, L = local
 * or provincial practice with no single national text.
 */
export type IndicatorEvidence = 'C' | 'R' | 'L';

/**
 * Names of the server-side measures that count an indicator. Each id is a count the server implements in SQL (see
 * {@link IndicatorMeasure}); `denominator` is absent for `count` indicators.
 * @example { numerator: 'maternal_deaths', denominator: 'live_births' }
 */
export interface IndicatorQuery {
  numerator: string;
  denominator?: string;
}

/** A server-side measure: one count over a population and period, described in words. */
export interface IndicatorMeasure {
  /** snake_case id used in {@link IndicatorQuery}. */
  id: string;
  zh: string;
  en: string;
}

/** Optional breakdowns that the indicator is reported by. */
export type IndicatorDisaggregation = 'sex' | 'urban_rural' | 'institution' | 'age_group';

/**
 * One named version of an indicator's definition. Fields left out inherit the indicator's own (which are those of
 * its default version).
 */
export interface IndicatorVersion {
  /** snake_case id, unique within the indicator. */
  id: string;
  labelZh: string;
  labelEn: string;
  numeratorZh?: string;
  numeratorEn?: string;
  denominatorZh?: string;
  denominatorEn?: string;
  query?: IndicatorQuery;
  period?: IndicatorPeriodKind;
  populationBasis?: PopulationBasis;
  status: IndicatorEvidence;
  /** True only when `status` is C and nothing is left to confirm. */
  confirmed: boolean;
  source: string;
}

/** One indicator of the catalogue. The top-level counting fields are those of {@link defaultVersion}. */
export interface IndicatorDefinition {
  /** snake_case id (GLOSSARY style, e.g. `maternal_systematic_management_rate`). */
  id: string;
  nameZh: string;
  nameEn: string;
  /** Other Chinese names the same indicator goes by in work plans (e.g. 妇女病普查率 for 妇女常见病筛查率). */
  aliasesZh: readonly string[];
  numeratorZh: string;
  numeratorEn: string;
  /** null for `count` indicators. */
  denominatorZh: string | null;
  denominatorEn: string | null;
  query: IndicatorQuery;
  unit: IndicatorUnit;
  /** Equals {@link INDICATOR_UNIT_MULTIPLIERS}[unit]. */
  multiplier: number;
  period: IndicatorPeriodKind;
  populationBasis: PopulationBasis;
  area: IndicatorArea;
  direction: IndicatorDirection;
  /** Evidence marker of the definition as a whole (REFERENCE §3 "Status"). */
  status: IndicatorEvidence;
  /** True only when `status` is C and {@link toConfirmZh} is absent. */
  confirmed: boolean;
  /** What still needs checking against the official text, in words. */
  toConfirmZh?: string;
  toConfirmEn?: string;
  /** The documents the definition comes from. */
  source: string;
  disaggregateBy?: readonly IndicatorDisaggregation[];
  /** Named definitions, including the default one; absent when there is only one definition. */
  versions?: readonly IndicatorVersion[];
  /** Id of the version the top-level fields describe; present exactly when `versions` is. */
  defaultVersion?: string;
}

/** Stable codes of the indicators module's input errors. */
export type IndicatorErrorCode =
  | 'invalid_date'
  | 'invalid_year'
  | 'invalid_quarter'
  | 'invalid_month'
  | 'invalid_period_kind'
  | 'invalid_period_key'
  | 'unknown_indicator'
  | 'unknown_version'
  | 'invalid_count'
  | 'numerator_exceeds_denominator'
  | 'zero_denominator'
  | 'invalid_confidence_level'
  | 'not_a_rate';

/** An input error of an indicators function (errors as data). */
export interface IndicatorError {
  ok: false;
  code: IndicatorErrorCode;
  messageZh: string;
  messageEn: string;
}

/** zh-CN and en-US messages of each {@link IndicatorErrorCode}. */
export const INDICATOR_ERROR_MESSAGES: Readonly<Record<IndicatorErrorCode, { zh: string; en: string }>> = {
  invalid_date: {
    zh: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
    en: 'Not a valid date (expected a real YYYY-MM-DD date)',
  },
  invalid_year: { zh: '年份无效（应为1900–2999的整数）', en: 'Not a valid year (an integer 1900–2999)' },
  invalid_quarter: { zh: '季度无效（应为1–4）', en: 'Not a valid quarter (1–4)' },
  invalid_month: { zh: '月份无效（应为1–12）', en: 'Not a valid month (1–12)' },
  invalid_period_kind: {
    zh: '统计周期类型无效（应为报告年度、自然年、季度或月）',
    en: 'Not a valid period kind (report_year, calendar_year, quarter or month)',
  },
  invalid_period_key: {
    zh: '统计周期代码无效（如 2024RY、2024、2024Q1、2024-03）',
    en: 'Not a valid period key (e.g. 2024RY, 2024, 2024Q1, 2024-03)',
  },
  unknown_indicator: { zh: '指标不存在', en: 'Unknown indicator' },
  unknown_version: { zh: '该指标没有此口径版本', en: 'The indicator has no such version' },
  invalid_count: { zh: '计数无效（应为非负整数）', en: 'Not a valid count (a non-negative integer)' },
  numerator_exceeds_denominator: { zh: '分子大于分母', en: 'The numerator exceeds the denominator' },
  zero_denominator: { zh: '分母为0，无法计算', en: 'The denominator is zero' },
  invalid_confidence_level: {
    zh: '置信水平无效（应在0与1之间）',
    en: 'Not a valid confidence level (between 0 and 1)',
  },
  not_a_rate: { zh: '计数类指标没有比率置信区间', en: 'A count indicator has no rate confidence interval' },
};

/** Builds an {@link IndicatorError} with the standard messages of its code. */
export function indicatorError(code: IndicatorErrorCode): IndicatorError {
  const m = INDICATOR_ERROR_MESSAGES[code];
  return { ok: false, code, messageZh: m.zh, messageEn: m.en };
}

/** True when `x` is an {@link IndicatorError}. */
export function isIndicatorError(x: unknown): x is IndicatorError {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false && 'code' in x;
}
