/**
 * Maternal care rules (孕产期保健): gestational age and EDD, antenatal/postpartum schedules, five-colour risk
 */
export * from './config';
export * from './result';
export * from './gestational-age';
export * from './anc-schedule';
export * from './risk-catalogue';
export * from './risk-grading';
