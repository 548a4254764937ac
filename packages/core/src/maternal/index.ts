/**
 * Maternal care rules (孕产期保健): gestational age and EDD, antenatal/postpartum schedules, five-colour risk
 * screening and grading, special diseases, PMTCT, high-risk duties and delivery flags. Pure functions and data.
 */
export * from './config';
export * from './result';
export * from './gestational-age';
export * from './anc-schedule';
export * from './risk-catalogue';
export * from './risk-grading';
export * from './special-diseases';
export * from './pmtct';
export * from './high-risk-duties';
export * from './delivery';
export * from './referral-receipt';
export * from './prenatal-screening';
