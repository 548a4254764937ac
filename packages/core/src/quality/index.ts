/**
 * Data-quality control (数据质控, G3): the rule catalogue, its configuration (thresholds as versioned data with
 * regional overrides), the decisions behind each rule as pure functions, and the score.
 */
export * from './quality-types';
export * from './quality-config';
export * from './quality-checks';
export * from './quality-rules';
export * from './quality-score';
export * from './quality-detail';
