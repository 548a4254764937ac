/**
 * Maternal care rules (孕产期保健): gestational age and EDD, antenatal/postpartum schedules, five-colour risk
 * screening and grading, special diseases, PMTCT, high-risk duties and delivery flags. Pure functions and data.
 */
export * from './config';
export * from './result';
export * from './gestational-age';
