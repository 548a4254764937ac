/**
 * Final status of an infant exposed to maternal syphilis: congenital syphilis, not infected, or pending, by the
 * national criteria (预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版）, 梅毒暴露儿童的随访与诊断; REFERENCE §8 gives
 * only "diagnosed by criteria (titre ≥4× the mother's, rising titre, clinical signs, etc.)" [R]).
 *
 * Congenital syphilis when any of [R]:
 * 1. Treponema pallidum found in lesions or body fluids by darkfield microscopy or nucleic-acid (PCR) test;
 * 2. the infant's non-treponemal titre at birth is ≥ 4× the mother's titre at delivery;
 * 3. a treponemal IgM antibody test is positive;
 * 4. the non-treponemal titre rises ≥ 4× during follow-up (against the lowest earlier titre);
 * 5. a treponemal antibody test is still positive at 18 months of age.
 * Not infected when the latest non-treponemal test is negative and a treponemal test at 18 months is negative [R].
 * Otherwise pending. A criterion of infection wins over the exclusion (they cannot both hold on consistent data).
 *
 * The fold (4), the age of the treponemal test (18 months), how early a test still counts as the 18-month one, the
 * reference of a rise (the lowest earlier titre) and whether the latest non-treponemal test must be the negative one
 * are configuration ({@link CongenitalSyphilisRules}), all [R] until checked against the 规范's text. Not included:
 * clinical signs alone, and a non-treponemal test turning from negative to positive (some texts count it) [R].
 */
import type { ChildEvidence, ChildLabel, ChildRuleSet } from './child-config';
import { childNationalMeta } from './child-config';

/** A qualitative test result. */
export type SyphilisTestResult = 'positive' | 'negative' | 'indeterminate';

/** One non-treponemal (RPR/TRUST) test of the infant. */
export interface NonTreponemalTest {
  /** Exact age in months at the test (0 at birth). */
  ageMonths: number;
  result: SyphilisTestResult;
  /** Titre as its denominator (1:8 → 8); null or absent when not quantified. */
  titre?: number | null;
  /** The test at birth, the one compared with the mother's titre. */
  atBirth?: boolean;
}

/** One treponemal antibody (TPPA/ELISA/CLIA) test of the infant. */
export interface TreponemalTest {
  ageMonths: number;
  result: SyphilisTestResult;
}

/** What is known of a syphilis-exposed infant. */
export interface SyphilisExposedInfantFindings {
  /** Darkfield microscopy or nucleic-acid test of lesions or body fluids. */
  darkfieldOrPcr?: SyphilisTestResult | null;
  /** Treponemal IgM antibody. */
  treponemalIgm?: SyphilisTestResult | null;
  /** The mother's non-treponemal titre at delivery (denominator). */
  motherTitreAtDelivery?: number | null;
  nonTreponemal: readonly NonTreponemalTest[];
  treponemal: readonly TreponemalTest[];
}

/** Stable codes of the criteria. */
export type CongenitalSyphilisCriterion =
  | 'darkfield_pcr_positive'
  | 'birth_titre_4x_mother'
  | 'treponemal_igm_positive'
  | 'titre_rise_4x'
  | 'treponemal_positive_18m'
  | 'nontreponemal_negative'
  | 'treponemal_negative_18m';

/** The criteria as versioned configuration. */
export interface CongenitalSyphilisRules extends ChildRuleSet {
  /** Infant ÷ mother at birth, or a rise during follow-up, that means congenital syphilis [R]. */
  titreFold: number;
  /** Age of the treponemal test that decides (months) [R]. */
  treponemalAgeMonths: number;
  /** How much earlier a test still counts as the decisive one (months; 0.25 ≈ the 7 days of the duty window) [L]. */
  treponemalAgeToleranceMonths: number;
  /** The exclusion needs the latest non-treponemal test to be negative (not only some earlier one) [R]. */
  exclusionNeedsLatestNonTreponemalNegative: boolean;
  evidence: Record<CongenitalSyphilisCriterion, ChildEvidence>;
}

const SOURCE = '预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版）';

/** The national criteria (PMTCT 2020), every value [R]: see the file header. */
export const NATIONAL_CONGENITAL_SYPHILIS_RULES: CongenitalSyphilisRules = {
  meta: childNationalMeta(
    'congenital-syphilis-cn',
    '2020.1',
    { zh: '梅毒暴露儿童最终诊断标准', en: 'Final status of syphilis-exposed infants' },
    'R',
    [SOURCE],
    'criteria as recalled from the 2020 规范 (REFERENCE §8 [R]); 4×, 18 months, the tolerance of 0.25 month [L], ' +
      'the exclusion wording, and whether clinical signs or a seroconversion count, to check against the text',
  ),
  titreFold: 4,
  treponemalAgeMonths: 18,
  treponemalAgeToleranceMonths: 0.25,
  exclusionNeedsLatestNonTreponemalNegative: true,
  evidence: {
    darkfield_pcr_positive: 'R',
    birth_titre_4x_mother: 'R',
    treponemal_igm_positive: 'R',
    titre_rise_4x: 'R',
    treponemal_positive_18m: 'R',
    nontreponemal_negative: 'R',
    treponemal_negative_18m: 'R',
  },
};

/** Final status by the criteria. */
export type CongenitalSyphilisStatus = 'infected' | 'not_infected' | 'pending';

/** One criterion met. */
export interface CongenitalSyphilisReason {
  code: CongenitalSyphilisCriterion;
  label: ChildLabel;
  evidence: ChildEvidence;
}

/** Result of {@link congenitalSyphilisStatus}. */
export interface CongenitalSyphilisAssessment {
  status: CongenitalSyphilisStatus;
  /** The criteria met: of infection when infected, of the exclusion when not infected, else those met so far. */
  reasons: CongenitalSyphilisReason[];
  /** Pending: what would still let the status be decided (zh/en). */
  needed: ChildLabel[];
  config: { id: string; version: string };
}

const LABELS: Record<CongenitalSyphilisCriterion, (fold: number, age: number) => ChildLabel> = {
  darkfield_pcr_positive: () => ({
    zh: '皮损或体液暗视野显微镜/核酸检测梅毒螺旋体阳性',
    en: 'T. pallidum found in lesions or body fluids (darkfield or PCR)',
  }),
  birth_titre_4x_mother: (f) => ({
    zh: `出生时非梅毒螺旋体试验滴度≥母亲分娩时滴度的${f}倍`,
    en: `non-treponemal titre at birth ≥${f}× the mother's at delivery`,
  }),
  treponemal_igm_positive: () => ({ zh: '梅毒螺旋体IgM抗体阳性', en: 'treponemal IgM positive' }),
  titre_rise_4x: (f) => ({
    zh: `随访中非梅毒螺旋体试验滴度上升≥${f}倍`,
    en: `non-treponemal titre rose ≥${f}× during follow-up`,
  }),
  treponemal_positive_18m: (_f, a) => ({
    zh: `${a}月龄梅毒螺旋体抗原血清学试验仍阳性`,
    en: `treponemal test still positive at ${a} months`,
  }),
  nontreponemal_negative: () => ({ zh: '非梅毒螺旋体试验阴性', en: 'non-treponemal test negative' }),
  treponemal_negative_18m: (_f, a) => ({
    zh: `${a}月龄梅毒螺旋体抗原血清学试验阴性`,
    en: `treponemal test negative at ${a} months`,
  }),
};

const positiveTitre = (t: NonTreponemalTest): t is NonTreponemalTest & { titre: number } =>
  t.result === 'positive' && typeof t.titre === 'number' && Number.isFinite(t.titre) && t.titre > 0;

/**
 * The final status of a syphilis-exposed infant by the national criteria (see the file header): congenital
 * syphilis when any criterion of infection holds; not infected when the latest non-treponemal test is negative and
 * the treponemal test at 18 months is negative; else pending, with what is still needed. Pure: tests are given
 * with the infant's exact age in months; order does not matter.
 */
export function congenitalSyphilisStatus(
  findings: SyphilisExposedInfantFindings,
  rules: CongenitalSyphilisRules = NATIONAL_CONGENITAL_SYPHILIS_RULES,
): CongenitalSyphilisAssessment {
  const fold = rules.titreFold;
  const age18 = rules.treponemalAgeMonths;
  const reason = (code: CongenitalSyphilisCriterion): CongenitalSyphilisReason => ({
    code,
    label: LABELS[code](fold, age18),
    evidence: rules.evidence[code],
  });
  const config = { id: rules.meta.id, version: rules.meta.version };
  const nt = [...findings.nonTreponemal].sort((a, b) => a.ageMonths - b.ageMonths);
  const infected: CongenitalSyphilisReason[] = [];

  if (findings.darkfieldOrPcr === 'positive') infected.push(reason('darkfield_pcr_positive'));
  const birth = nt.find((t) => t.atBirth);
  const mother = findings.motherTitreAtDelivery;
  if (birth && positiveTitre(birth) && typeof mother === 'number' && mother > 0 && birth.titre >= fold * mother)
    infected.push(reason('birth_titre_4x_mother'));
  if (findings.treponemalIgm === 'positive') infected.push(reason('treponemal_igm_positive'));
  let lowest: number | null = null;
  for (const t of nt) {
    if (!positiveTitre(t)) continue;
    if (lowest !== null && t.titre >= fold * lowest) {
      infected.push(reason('titre_rise_4x'));
      break;
    }
    lowest = lowest === null ? t.titre : Math.min(lowest, t.titre);
  }
  const at18 = findings.treponemal.filter((t) => t.ageMonths >= age18 - rules.treponemalAgeToleranceMonths);
  if (at18.some((t) => t.result === 'positive')) infected.push(reason('treponemal_positive_18m'));
  if (infected.length) return { status: 'infected', reasons: infected, needed: [], config };

  const decided = nt.filter((t) => t.result !== 'indeterminate');
  const ntNegative = rules.exclusionNeedsLatestNonTreponemalNegative
    ? decided[decided.length - 1]?.result === 'negative'
    : decided.some((t) => t.result === 'negative');
  const tpNegative = at18.some((t) => t.result === 'negative');
  const met = [
    ...(ntNegative ? [reason('nontreponemal_negative')] : []),
    ...(tpNegative ? [reason('treponemal_negative_18m')] : []),
  ];
  if (ntNegative && tpNegative) return { status: 'not_infected', reasons: met, needed: [], config };
  const needed: ChildLabel[] = [];
  if (!ntNegative) needed.push({ zh: '非梅毒螺旋体试验转阴', en: 'a negative non-treponemal test (the latest one)' });
  if (!tpNegative)
    needed.push({ zh: `${age18}月龄梅毒螺旋体抗原血清学试验结果`, en: `the treponemal test at ${age18} months` });
  return { status: 'pending', reasons: met, needed, config };
}
