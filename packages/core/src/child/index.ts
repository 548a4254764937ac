/**
 * Child health rules (儿童保健): the 0–6-year check-up schedule and corrected age, developmental warning signs,
 * nutrition case follow-up and closure, high-risk and preterm infants, newborn and child screening, HIV/syphilis/
 * HBV-exposed infants, and child-death classification. Pure data and functions. Growth z-scores and the nutrition
 * and anaemia classification live in `growth/`.
 */
export * from './child-config';
export * from './child-schedule';
export * from './warning-signs';
export * from './nutrition-case-rules';
export * from './high-risk-infant';
export * from './newborn-screening';
export * from './child-screening';
export * from './exposed-infant';
export * from './child-death';
export * from './congenital-syphilis';
