/**
 * Indicators: the catalogue of MCH indicators (definitions, versions, server-side measures), reporting periods,
 * rate statistics (exact confidence intervals, small-number warnings) and targets (evaluation, inheritance,
 * preloaded seed and national sets), and the layout of the annual report (年报) tables.
 */
export * from './indicator-types';
export * from './indicator-measures';
export * from './indicator-catalogue';
export * from './reporting-periods';
export * from './rate-statistics';
export * from './indicator-targets';
export * from './target-sets';
export * from './target-schema';
export * from './annual-report';
export * from './accountability';
