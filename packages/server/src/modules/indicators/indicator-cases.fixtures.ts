/**
 * Hand-counted indicator cases: for every indicator of the catalogue (and every version of it), the numerator and
 * denominator that the hand-built population of one integration test suite must give, counted by hand from that
 * suite's fixture. `indicator-cases.test.ts` fails for any catalogue indicator or version without a case here; each
 * suite asks the indicator API for its own cases (`casesOf(suite)`), so a case can neither be left out nor go
 * unchecked.
 *
 * Suites (the test file that builds the population):
 * - `maternal`: engine-maternal.int.test.ts (定海 330902 and 普陀 330903; the 30 Sep / 1 Oct births, the woman who
 *   moved, twins, the fetal death, the deaths 42 and 43 days after delivery);
 * - `child_women`: engine-child-women.int.test.ts (定海: children, exposed infants, two cancers, premarital);
 * - `report`: engine-report.int.test.ts (定海: the gynaecological survey);
 * - `catalogue`: engine-catalogue.int.test.ts (定海 and 普陀: the indicators the other populations cannot tell
 *   apart, e.g. deliveries ≠ live births, PMTCT infants, follow-up of abnormal cancer screenings).
 */

/** The test suite whose population a case is counted on. */
export type CaseSuite = 'maternal' | 'child_women' | 'report' | 'catalogue';

/** All suites. */
export const CASE_SUITES: readonly CaseSuite[] = ['maternal', 'child_women', 'report', 'catalogue'];

/** One hand-counted indicator value. */
export interface IndicatorCase {
  indicatorId: string;
  /** Required for an indicator with versions (a region's choice must not decide the case). */
  version?: string;
  suite: CaseSuite;
  regionCode: string;
  /** Period key: '2026RY' (report year 2025-10-01 … 2026-09-30), '2026' (calendar year). */
  period: string;
  basis?: 'residence' | 'hukou' | 'facility';
  /** 'unavailable': the engine has no data source for a measure (and must say so, never answer 0). */
  status?: 'unavailable';
  numerator: number | null;
  denominator: number | null;
  /** Who is counted, in words (the hand count). */
  why: string;
}

const DH = '330902';
const PT = '330903';
const RY = '2026RY';

type Row = [
  indicatorId: string,
  version: string | undefined,
  numerator: number | null,
  denominator: number | null,
  why: string,
  extra?: Partial<IndicatorCase>,
];

function suite(s: CaseSuite, regionCode: string, period: string, rows: Row[]): IndicatorCase[] {
  return rows.map(([indicatorId, version, numerator, denominator, why, extra]) => ({
    indicatorId,
    ...(version ? { version } : {}),
    suite: s,
    regionCode,
    period,
    numerator,
    denominator,
    why,
    ...extra,
  }));
}

/** engine-maternal.int.test.ts: 定海, report year 2026, residence (W1–W10 of that file). */
const maternal = suite('maternal', DH, RY, [
  ['maternal_mortality_ratio', undefined, 1, 7, 'W9 dies on day 42 (W10 on day 43 and the draft card are out)'],
  ['avoidable_maternal_deaths', undefined, 1, null, 'W9, reviewed avoidable; W10 is not a maternal death'],
  ['infant_mortality_rate', undefined, 2, 7, 'twin A (3 days) and the 223-day-old infant'],
  ['neonatal_mortality_rate', undefined, 1, 7, 'twin A'],
  ['early_neonatal_mortality_rate', undefined, 1, 7, 'twin A'],
  ['under5_mortality_rate', undefined, 3, 7, 'twin A, the infant, the 4-year-old (the draft card is out)'],
  ['perinatal_mortality_rate', undefined, 2, 8, 'W4 fetal death at 30 weeks + twin A; 7 live births + W4'],
  ['early_pregnancy_registration_rate', 'per_live_births', 3, 7, 'W1, W4, W5 registered before 13 weeks'],
  ['antenatal_5plus_visit_rate', undefined, 3, 7, 'W1, W4, W5'],
  ['maternal_systematic_management_rate', 'postpartum_28d', 2, 7, 'W1, W4 (W5’s postpartum visit on day 30 is late)'],
  ['maternal_systematic_management_rate', 'postpartum_42d', 3, 7, 'W1, W4 and W5 (visit on day 30)'],
  ['postpartum_visit_rate', undefined, 3, 7, 'W1 (day 5), W4 (day 10), W6 (day 3); W5 on day 30 is late'],
  ['hospital_delivery_rate', undefined, 6, 7, 'every live birth but W5’s (village clinic)'],
  ['caesarean_rate', 'per_deliveries', 2, 7, 'W2 and W6'],
  [
    'caesarean_rate',
    'facility_calendar_year',
    1,
    7,
    'calendar 2026 in 定海’s institutions: W1, W2, W3 (1 Oct), W4, W5, W9, W10; caesarean W2 (W6 in 普陀)',
    { period: '2026' },
  ],
  ['social_factor_caesarean_rate', 'per_deliveries', 1, 7, 'W2'],
  ['social_factor_caesarean_rate', 'per_caesareans', 1, 2, 'W2 of W2 and W6'],
  ['moderate_severe_anaemia_in_pregnancy_rate', undefined, 1, 7, 'W1 (Hb 95)'],
  ['prenatal_screening_rate', 'serum_or_cfdna', 2, 7, 'W1 (serum), W2 (cfDNA)'],
  ['prenatal_screening_rate', 'serum_only', 1, 7, 'W1'],
  ['prenatal_diagnosis_rate', undefined, 1, 7, 'W2'],
  ['newborn_metabolic_screening_rate', undefined, 1, 7, 'W1’s baby'],
  ['newborn_hearing_screening_rate', undefined, 1, 7, 'W1’s baby'],
  ['birth_defect_incidence', undefined, 1, 8, 'W4’s fetal death with a neural-tube defect'],
  ['maternal_hiv_test_rate', undefined, 2, 7, 'W1 (in pregnancy), W2 (at labour)'],
  ['maternal_hiv_test_in_pregnancy_rate', undefined, 1, 7, 'W1'],
  ['maternal_hiv_early_test_rate', undefined, 1, 7, 'W1 at 10 weeks'],
  ['maternal_syphilis_test_rate', undefined, 1, 7, 'W1'],
  ['maternal_syphilis_test_in_pregnancy_rate', undefined, 1, 7, 'W1'],
  ['maternal_hbv_test_rate', undefined, 1, 7, 'W1 (at labour)'],
  ['newborn_visit_rate', undefined, 2, 7, 'W1’s baby (day 7), twin B (day 10)'],
  ['preterm_case_management_rate', undefined, 1, 2, 'twin B of the preterm twins'],
  ['low_birth_weight_rate', undefined, 2, 6, 'twin A (2400 g), W5’s baby (2000 g); W6’s baby not weighed'],
]);

/** engine-child-women.int.test.ts: 定海, report year 2026 (K1–K8, E1–E2, women A–F of that file). */
const childWomen = suite('child_women', DH, RY, [
  ['under3_systematic_management_rate', undefined, 2, 5, 'K1, K7 of K1, K2, K7, E1, E2'],
  ['under7_health_management_rate', undefined, 4, 7, 'K1, K2, K3, K7 of the seven under 7'],
  ['exclusive_breastfeeding_under6m_rate', undefined, 1, 2, 'K1 of K1 and K7 (mixed)'],
  ['nutritional_disease_management_rate', undefined, 1, 2, 'K2 (open) of K1 and K2 (K3 dismissed)'],
  ['developmental_screening_0_3_rate', undefined, 1, 5, 'K1 (warning signs recorded)'],
  ['underweight_prevalence_under5', undefined, 1, 4, 'K1 (last WAZ −2.5) of K1, K2, K3, K7'],
  ['stunting_prevalence_under5', undefined, 1, 4, 'K2'],
  ['overweight_prevalence_under5', 'who_2006', 1, 4, 'K3 (WLZ 2.2)'],
  ['obesity_prevalence_under5', 'cn_2012', 1, 4, 'K3 (WLZ 2.2)'],
  ['premarital_exam_rate', undefined, 2, 6, 'the couple of 3 Mar 2026; 3 couples registered in January'],
  ['cervical_screening_coverage', 'all_women_35_64', 2, 100, 'A (HPV 2022), E (HPV 2026); C, D outside 35–64'],
  ['breast_screening_coverage', 'all_women_35_64', 2, 100, 'B, F'],
  ['breast_screening_coverage', 'rural_women_35_64', 1, 40, 'B (rural)'],
  ['childcare_facility_qualification_rate', undefined, 1, 2, 'one of two, qualified in 2026', { period: '2026' }],
]);

/** engine-report.int.test.ts: 定海, report year 2026. */
const report = suite('report', DH, RY, [
  [
    'gyn_survey_rate',
    undefined,
    3,
    15,
    'W1 (twice, once), W2, W5 in campaigns A (10) and B (5); W3 outside the ages; W4 in campaign C of 2025',
  ],
]);

/** engine-catalogue.int.test.ts: 定海 (and 普陀), report year 2026. */
const catalogue = [
  ...suite('catalogue', DH, RY, [
    ['early_pregnancy_registration_rate', 'per_live_births', 2, 5, 'A (twins), E of 5 live births (A2, E, F2)'],
    ['early_pregnancy_registration_rate', 'per_deliveries', 2, 4, 'A, E of A, B (stillbirth), E, F'],
    ['antenatal_care_rate', undefined, 3, 5, 'B, E, F (A’s only visit is after her delivery)'],
    ['caesarean_rate', 'per_deliveries', 2, 4, 'B, E'],
    ['caesarean_rate', 'per_live_births', 2, 5, 'B, E'],
    ['prenatal_screen_high_risk_diagnosis_rate', undefined, 1, 2, 'B diagnosed; A high risk, not diagnosed'],
    ['newborn_chd_screening_rate', undefined, 2, 5, 'both of A’s twins'],
    ['chd_echo_diagnoses', undefined, 1, null, 'A’s first twin (the second: screen only)'],
    ['maternal_syphilis_early_test_rate', undefined, 1, 4, 'A at 11+3 (E at 17+1 is not early)'],
    ['maternal_hbv_test_in_pregnancy_rate', undefined, 1, 4, 'E (B tested at labour)'],
    ['maternal_hbv_early_test_rate', undefined, 1, 4, 'E at 12+1'],
    ['hiv_exposed_infant_prophylaxis_rate', undefined, 2, 3, 'X1 (standard), X3 (high); X2 none; X0 born 2025'],
    ['hiv_mtct_rate', undefined, 1, 2, 'X1 infected, X2 not infected; X3 pending'],
    ['syphilis_exposed_infant_prophylaxis_rate', undefined, 1, 2, 'F’s first twin treated, the second not'],
    ['congenital_syphilis_incidence', undefined, 1, 5, 'F’s first twin; 5 live births'],
    [
      'hbv_exposed_infant_hbig_rate',
      undefined,
      1,
      3,
      'E’s baby the same day (birth time unknown); H2 at 14 h; H3 the next day',
    ],
    ['hbv_exposed_infant_hepb1_timely_rate', undefined, 1, 3, 'H2 at 4 h; E’s baby the next day; H3 none'],
    ['hbv_mtct_rate', undefined, 1, 2, 'E’s baby positive, H2 negative; H3 not tested'],
    ['breastfeeding_under6m_rate', undefined, 1, 2, 'I2 (exclusive); I1 formula-fed'],
    ['high_risk_infant_management_rate', undefined, 1, 2, 'HR1 open, HR2 only proposed (HR3 dismissed)'],
    ['overweight_prevalence_under5', 'cn_2012', 2, 4, 'M1 (WLZ 1.5), M4 (1.2) of M1–M4'],
    ['overweight_prevalence_under5', 'who_2006', 1, 4, 'M2 (WLZ 2.4)'],
    ['obesity_prevalence_under5', 'cn_2012', 2, 4, 'M2 (2.4), M3 (3.2)'],
    ['obesity_prevalence_under5', 'who_2006', 1, 4, 'M3 (WLZ 3.2)'],
    ['cervical_screening_coverage', 'rural_women_35_64', 1, 50, 'R1 (rural HPV 2024); R2’s cytology is over 3 years'],
    ['cervical_screening_follow_up_rate', undefined, 2, 3, 'CV1 treated, CV3 pathology; CV2 only notified'],
    ['breast_screening_follow_up_rate', undefined, 2, 3, 'BR1, BR2 pathology; BR3 only notified'],
    ['cervical_precancer_cancer_treatment_rate', undefined, 1, 2, 'CV1 (precancer, treated); CV3 (cancer) not'],
    ['cervical_early_diagnosis_rate', undefined, 1, 2, 'CV1 (precancer); CV3 not early'],
    ['breast_cancer_treatment_rate', undefined, 1, 2, 'BR1 treated; BR2 not'],
    ['breast_early_diagnosis_rate', undefined, 1, 2, 'BR1 early; BR2 not'],
    [
      'hiv_positive_mother_art_rate',
      undefined,
      null,
      null,
      'maternal HIV results are encrypted',
      { status: 'unavailable' },
    ],
    [
      'syphilis_mother_treatment_rate',
      undefined,
      null,
      null,
      'maternal syphilis treatment is encrypted',
      { status: 'unavailable' },
    ],
    ['handbook_app_coverage_rate', undefined, null, null, 'no data source', { status: 'unavailable', period: '2026' }],
  ]),
  // the woman who moved: E lives in 定海 with her household registration in 普陀
  ...suite('catalogue', DH, RY, [
    ['early_pregnancy_registration_rate', 'per_deliveries', 1, 3, 'by hukou: A of A, B, F (E is 普陀’s)'],
  ]).map((c) => ({ ...c, basis: 'hukou' as const })),
  ...suite('catalogue', PT, RY, [
    ['early_pregnancy_registration_rate', 'per_deliveries', 1, 2, 'by hukou: E (early) and G (late)'],
  ]).map((c) => ({ ...c, basis: 'hukou' as const })),
];

/** Every hand-counted case. */
export const INDICATOR_CASES: readonly IndicatorCase[] = [...maternal, ...childWomen, ...report, ...catalogue];

/** The cases of one suite. */
export function casesOf(s: CaseSuite): IndicatorCase[] {
  return INDICATOR_CASES.filter((c) => c.suite === s);
}

/** A readable label of a case (test names). */
export function caseLabel(c: IndicatorCase): string {
  return [c.indicatorId, c.version, c.basis, c.regionCode, c.period].filter(Boolean).join(' · ');
}

/** The API path that computes a case. */
export function caseUrl(c: IndicatorCase): string {
  const q = new URLSearchParams({ regionCode: c.regionCode, period: c.period });
  if (c.version) q.set('version', c.version);
  if (c.basis) q.set('basis', c.basis);
  return `/api/v1/indicators/values/${c.indicatorId}?${q.toString()}`;
}

/** What the API must answer for a case (for `toMatchObject`). */
export function caseExpectation(c: IndicatorCase): Record<string, unknown> {
  if (c.status === 'unavailable') return { indicatorId: c.indicatorId, status: 'unavailable', numerator: null };
  return {
    indicatorId: c.indicatorId,
    ...(c.version ? { version: c.version } : {}),
    numerator: c.numerator,
    denominator: c.denominator,
  };
}
