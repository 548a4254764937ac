/**
 * The rates the synthetic population is drawn with, in one object. Defaults follow national statistics of recent
 * years (China Health Statistics Yearbook, national MCH monitoring) and the figures; every run may
 * override any of them (`seedScale({ rates: { caesarean: 0.35 } })`). These are data for a synthetic population,
 * never rules of the platform.
 */
export interface GeneratorRates {
  /** Share of women with household registration (户籍) outside the county they live in. */
  nonResident: number;
  /** Share of pregnancies registered before 13 weeks. */
  earlyRegistration: number;
  /** Antenatal visits: weights of 1–4, 5–8, 9–12 and 13+ visits. */
  ancVisitBands: { lt5: number; to8: number; to12: number; more: number };
  /** Final five-colour risk grade (purple is an infectious-disease flag kept beside the colour). */
  riskColour: { green: number; yellow: number; orange: number; red: number; purple: number };
  /** Share of pregnancies ending before 28 weeks (miscarriage, induced abortion, ectopic). */
  pregnancyLoss: number;
  gdm: number;
  hiv: number;
  syphilis: number;
  hbsag: number;
  /** Share of pregnancies with a positive (high-risk) prenatal screening result. */
  prenatalScreenHighRisk: number;
  caesarean: number;
  preterm: number;
  lowBirthWeight: number;
  twins: number;
  /** Stillbirths (≥28 weeks) per birth. */
  stillbirth: number;
  /** Maternal deaths per live birth (15 per 100,000 = 0.00015). */
  maternalMortality: number;
  /** Deaths under 28 days per live birth. */
  neonatalMortality: number;
  /** Deaths under 1 year per live birth (includes neonatal). */
  infantMortality: number;
  /** Deaths under 5 years per live birth (includes infant). */
  under5Mortality: number;
  /** Share of scheduled child check-ups that happen. */
  childCheckupCompletion: number;
  /** Share of scheduled postpartum contacts that happen. */
  postpartumCompletion: number;
  /** Children whose growth runs on a lower or higher z-score track (so some are stunted, wasted, overweight). */
  stunting: number;
  wasting: number;
  overweight: number;
  /** Share of Hb checks below the anaemia cut-off. */
  childAnaemia: number;
  /** Newborn screening positives: metabolic recall, hearing refer at first screen, heart screen positive. */
  newbornMetabolicPositive: number;
  newbornHearingRefer: number;
  newbornHeartPositive: number;
  /** Share of records entered late (created 15–120 days after the event). */
  lateEntry: number;
  /** Share of ongoing pregnancies and children whose next duty is overdue (a contact missed). */
  overdue: number;
  /** Share of records with an injected data error (implausible value, inconsistent date, swapped fields). */
  dataErrors: number;
  /** Women aged 35–64 screened for cervical cancer each year, per live birth of the county. */
  cancerScreeningsPerBirth: number;
  /**
   * Babies with a birth defect found by the hospital surveillance (28 weeks to 7 days after birth): about 1.5 %
   * (中国出生缺陷防治报告 2012: 153 per 10,000 perinatal births in 2011).
   */
  birthDefects: number;
  /** Couples given a premarital examination each year, per live birth of the county. */
  premaritalExamsPerBirth: number;
  /** Share of examined couples who come back for a free preconception check (with folic acid). */
  preconceptionShare: number;
  /** Share of them also screened for breast cancer. */
  breastScreeningShare: number;
}

/** The defaults. */
export const DEFAULT_RATES: GeneratorRates = {
  nonResident: 0.15,
  earlyRegistration: 0.9,
  ancVisitBands: { lt5: 0.04, to8: 0.46, to12: 0.44, more: 0.06 },
  riskColour: { green: 0.5, yellow: 0.35, orange: 0.1, red: 0.02, purple: 0.03 },
  pregnancyLoss: 0.08,
  gdm: 0.15,
  hiv: 0.0005,
  syphilis: 0.003,
  hbsag: 0.05,
  prenatalScreenHighRisk: 0.04,
  caesarean: 0.4,
  preterm: 0.06,
  lowBirthWeight: 0.04,
  twins: 0.015,
  stillbirth: 0.004,
  birthDefects: 0.015,
  maternalMortality: 0.00015,
  neonatalMortality: 0.0025,
  infantMortality: 0.0045,
  under5Mortality: 0.006,
  childCheckupCompletion: 0.9,
  postpartumCompletion: 0.92,
  stunting: 0.02,
  wasting: 0.015,
  overweight: 0.06,
  childAnaemia: 0.05,
  newbornMetabolicPositive: 0.004,
  newbornHearingRefer: 0.04,
  newbornHeartPositive: 0.01,
  lateEntry: 0.08,
  overdue: 0.1,
  dataErrors: 0.005,
  cancerScreeningsPerBirth: 0.6,
  breastScreeningShare: 0.9,
  premaritalExamsPerBirth: 0.5,
  preconceptionShare: 0.5,
};

/** Rates with some of them overridden. */
export function withRates(overrides: Partial<GeneratorRates> = {}): GeneratorRates {
  return { ...DEFAULT_RATES, ...overrides };
}
