/**
 * Women's health and pre-pregnancy programme rules: two-cancer screening pathways, follow-up cases and eligibility,
 * premarital and preconception checks, folic acid, thalassaemia, family planning, birth-defect surveillance and the
 * funded programme catalogue. Pure data and functions.
 */
export * from './rule-meta';
export * from './cervical-screening';
export * from './breast-screening';
export * from './screening-case';
export * from './eligibility';
export * from './premarital';
export * from './preconception';
export * from './thalassaemia';
export * from './family-planning';
export * from './birth-defects';
export * from './birth-defect-aid';
export * from './programmes';
export * from './screening-record';
export * from './premarital-follow-up';
export * from './preconception-follow-up';
export * from './thalassaemia-status';
export * from './gyn-pelvic';
