/**
 * Growth: WHO growth z-scores (WHO 2006 built in, WHO 2007 and others pluggable), nutrition and anaemia
 * classification, and growth-chart curves.
 */
export * from './growth-types';
export * from './lms-math';
export * from './lms-interpolation';
export * from './growth-table-parser';
export * from './growth-table-references';
export * from './growth-registry';
export * from './who-2006-reference';
export * from './growth-zscores';
export * from './nutrition-classification';
export * from './growth-curves';
