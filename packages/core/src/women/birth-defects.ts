/**
 * National birth-defect surveillance (全国出生缺陷监测, hospital-based, WS 377.6 data set): the 23 major defect
 * categories of the 出生缺陷儿登记卡 with ICD-10 codes, the diagnosis-basis codes, the surveillance window
 * (≥28 weeks of gestation to 7 days after birth, REFERENCE §3 [R]) and the rate per 10,000 perinatal births.
 *
 * The 23 categories, their order and ICD-10 codes match the registration card as implemented in several
 * hospital systems [C, secondary]; the ICD-10 range of 肢体短缩 (not printed on the card) is [R].
 */
import type { WomenCodeLabel, WomenEvidenceMarker, WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { diffDays, isIsoDate } from './women-dates';

/** Codes of the surveillance categories (1–23) plus 24 other. */
export type BirthDefectCategoryCode =
  | 'anencephaly'
  | 'spina_bifida'
  | 'encephalocele'
  | 'congenital_hydrocephalus'
  | 'cleft_palate'
  | 'cleft_lip'
  | 'cleft_lip_with_palate'
  | 'microtia_anotia'
  | 'other_external_ear'
  | 'oesophageal_atresia'
  | 'anorectal_atresia'
  | 'hypospadias'
  | 'bladder_exstrophy'
  | 'talipes_equinovarus'
  | 'polydactyly'
  | 'syndactyly'
  | 'limb_reduction'
  | 'diaphragmatic_hernia'
  | 'omphalocele'
  | 'gastroschisis'
  | 'conjoined_twins'
  | 'down_syndrome'
  | 'congenital_heart_disease'
  | 'other';

/** One surveillance category. */
export interface BirthDefectCategory extends WomenCodeLabel<BirthDefectCategoryCode> {
  /** Number on the registration card (1–24). */
  no: number;
  /** ICD-10 codes or 3-character blocks the category covers (prefix match; longer prefixes win). */
  icd10: readonly string[];
  /** ICD-10 codes shown on the card. */
  icd10Display: string;
  marker: WomenEvidenceMarker;
}

const cat = (
  no: number,
  code: BirthDefectCategoryCode,
  zh: string,
  en: string,
  icd10: readonly string[],
  icd10Display: string,
  marker: WomenEvidenceMarker = 'C',
): BirthDefectCategory => ({ no, code, zh, en, icd10, icd10Display, marker });

/** The 23 monitored categories and "other", in card order. */
export const BIRTH_DEFECT_CATEGORIES: readonly BirthDefectCategory[] = [
  cat(1, 'anencephaly', '无脑畸形', 'Anencephaly', ['Q00'], 'Q00'),
  cat(2, 'spina_bifida', '脊柱裂', 'Spina bifida', ['Q05'], 'Q05'),
  cat(3, 'encephalocele', '脑膨出', 'Encephalocele', ['Q01'], 'Q01'),
  cat(4, 'congenital_hydrocephalus', '先天性脑积水', 'Congenital hydrocephalus', ['Q03'], 'Q03'),
  cat(5, 'cleft_palate', '腭裂', 'Cleft palate', ['Q35'], 'Q35'),
  cat(6, 'cleft_lip', '唇裂', 'Cleft lip', ['Q36'], 'Q36'),
  cat(7, 'cleft_lip_with_palate', '唇裂合并腭裂', 'Cleft lip with cleft palate', ['Q37'], 'Q37'),
  cat(8, 'microtia_anotia', '小耳（包括无耳）', 'Microtia (incl. anotia)', ['Q17.2', 'Q16.0'], 'Q17.2, Q16.0'),
  cat(9, 'other_external_ear', '外耳其他畸形（小耳、无耳除外）', 'Other external-ear anomaly', ['Q17'], 'Q17'),
  cat(10, 'oesophageal_atresia', '食道闭锁或狭窄', 'Oesophageal atresia or stenosis', ['Q39'], 'Q39'),
  cat(11, 'anorectal_atresia', '直肠肛门闭锁或狭窄（包括无肛）', 'Anorectal atresia or stenosis', ['Q42'], 'Q42'),
  cat(12, 'hypospadias', '尿道下裂', 'Hypospadias', ['Q54'], 'Q54'),
  cat(13, 'bladder_exstrophy', '膀胱外翻', 'Bladder exstrophy', ['Q64.1'], 'Q64.1'),
  cat(14, 'talipes_equinovarus', '马蹄内翻足', 'Talipes equinovarus', ['Q66.0'], 'Q66.0'),
  cat(15, 'polydactyly', '多指（趾）', 'Polydactyly', ['Q69'], 'Q69'),
  cat(16, 'syndactyly', '并指（趾）', 'Syndactyly', ['Q70'], 'Q70'),
  cat(
    17,
    'limb_reduction',
    '肢体短缩（包括缺指（趾）、裂手（足））',
    'Limb reduction defect',
    ['Q71', 'Q72', 'Q73'],
    'Q71–Q73',
    'R',
  ),
  cat(18, 'diaphragmatic_hernia', '先天性膈疝', 'Congenital diaphragmatic hernia', ['Q79.0'], 'Q79.0'),
  cat(19, 'omphalocele', '脐膨出', 'Omphalocele', ['Q79.2'], 'Q79.2'),
  cat(20, 'gastroschisis', '腹裂', 'Gastroschisis', ['Q79.3'], 'Q79.3'),
  cat(21, 'conjoined_twins', '联体双胎', 'Conjoined twins', ['Q89.4'], 'Q89.4'),
  cat(22, 'down_syndrome', '唐氏综合征（21-三体综合征）', 'Down syndrome (trisomy 21)', ['Q90'], 'Q90'),
  cat(
    23,
    'congenital_heart_disease',
    '先天性心脏病',
    'Congenital heart disease',
    ['Q20', 'Q21', 'Q22', 'Q23', 'Q24', 'Q25', 'Q26'],
    'Q20–Q26',
  ),
  cat(24, 'other', '其他（写明病名或详细描述）', 'Other (name or describe)', [], '', 'C'),
];

/**
 * Surveillance category of an ICD-10 code (e.g. 'Q37.1' → cleft lip with palate, 'Q17.0' → other external ear,
 * 'Q17.2' → microtia). Other chapter-Q codes → 'other'; codes outside chapter Q → null.
 */
export function birthDefectCategoryForIcd10(icd10: string): BirthDefectCategory | null {
  const code = String(icd10).trim().toUpperCase();
  if (!/^Q\d{2}(\.\d{1,2})?$/.test(code)) return null;
  let best: BirthDefectCategory | null = null;
  let bestLen = 0;
  for (const c of BIRTH_DEFECT_CATEGORIES) {
    for (const p of c.icd10) {
      const matches = code === p || code.startsWith(p.includes('.') ? p : `${p}.`);
      if (matches && p.length > bestLen) {
        best = c;
        bestLen = p.length;
      }
    }
  }
  return best ?? BIRTH_DEFECT_CATEGORIES.find((c) => c.code === 'other') ?? null;
}

/** Diagnosis basis on the registration card. */
export type BirthDefectDiagnosisBasis = 'clinical' | 'ultrasound' | 'autopsy' | 'biochemical' | 'chromosome' | 'other';

/** Diagnosis-basis codes with labels [C, secondary: registration-card implementations]. */
export const BIRTH_DEFECT_DIAGNOSIS_BASIS: readonly WomenCodeLabel<BirthDefectDiagnosisBasis>[] = [
  { code: 'clinical', zh: '临床', en: 'Clinical' },
  { code: 'ultrasound', zh: '超声波', en: 'Ultrasound' },
  { code: 'autopsy', zh: '尸解', en: 'Autopsy' },
  { code: 'biochemical', zh: '生化检查', en: 'Biochemical test' },
  { code: 'chromosome', zh: '染色体', en: 'Chromosome analysis' },
  { code: 'other', zh: '其他', en: 'Other' },
];

/** The surveillance window. */
export interface BirthDefectWindowConfig extends WomenRuleSet {
  /** Minimum gestation at the end of pregnancy, in completed weeks. */
  minGestationalWeeks: number;
  /** When gestation is unknown, minimum birth weight (g) instead. */
  minBirthWeightG: number;
  /** Last day of life on which a diagnosis still counts (day of birth = day 0). */
  maxDaysAfterBirth: number;
}

/**
 * National window [R]: pregnancies ending at ≥28 completed weeks (or ≥1000 g when gestation is unknown, as the
 * live-birth definition [C]) and diagnosis before the end of day 7 after birth (days 0–6, like 早期新生儿 <7 天).
 */
export const BIRTH_DEFECT_WINDOW_NATIONAL: BirthDefectWindowConfig = {
  meta: nationalMeta(
    'birth-defect-window',
    '2020',
    'R',
    ['全国出生缺陷监测方案', 'REFERENCE §3 出生缺陷发生率 (window R)'],
    'Whether "7 days" means days 0–6 or 0–7, and whether newer surveillance counts earlier terminations.',
  ),
  minGestationalWeeks: 28,
  minBirthWeightG: 1000,
  maxDaysAfterBirth: 6,
};

/** Input of {@link inBirthDefectSurveillanceWindow}. */
export interface BirthDefectWindowInput {
  /** Gestational age at the end of pregnancy; omit when unknown. */
  gestationalAge?: { weeks: number; days: number };
  birthWeightG?: number;
  /** Date the pregnancy ended (birth, stillbirth or termination). */
  birthDate: string;
  /** Date of diagnosis; may be before birth (prenatal diagnosis). */
  diagnosisDate: string;
}

/** Why a case is in or out of the window. */
export type BirthDefectWindowReason = 'in_window' | 'before_min_gestation' | 'diagnosed_too_late' | 'gestation_unknown';

/**
 * Whether a defect counts in the surveillance: pregnancy ended at ≥28 weeks (or ≥1000 g if gestation unknown) and
 * diagnosed before birth or within the first 7 days of life.
 * @example inBirthDefectSurveillanceWindow({ gestationalAge: { weeks: 39, days: 2 }, birthDate: '2025-03-01', diagnosisDate: '2025-03-05' })
 * // { ok: true, inWindow: true, reason: 'in_window' }
 */
export function inBirthDefectSurveillanceWindow(
  input: BirthDefectWindowInput,
  config: BirthDefectWindowConfig = BIRTH_DEFECT_WINDOW_NATIONAL,
): { ok: true; inWindow: boolean; reason: BirthDefectWindowReason } | WomenRuleError<'INVALID_DATE'> {
  if (!isIsoDate(input.birthDate) || !isIsoDate(input.diagnosisDate)) {
    return womenRuleError('INVALID_DATE', '出生日期或诊断日期无效', 'Invalid birth or diagnosis date');
  }
  const ga = input.gestationalAge;
  if (ga) {
    if (ga.weeks < config.minGestationalWeeks) return { ok: true, inWindow: false, reason: 'before_min_gestation' };
  } else if (input.birthWeightG === undefined) {
    return { ok: true, inWindow: false, reason: 'gestation_unknown' };
  } else if (input.birthWeightG < config.minBirthWeightG) {
    return { ok: true, inWindow: false, reason: 'before_min_gestation' };
  }
  if (diffDays(input.birthDate, input.diagnosisDate) > config.maxDaysAfterBirth) {
    return { ok: true, inWindow: false, reason: 'diagnosed_too_late' };
  }
  return { ok: true, inWindow: true, reason: 'in_window' };
}

/**
 * Birth-defect rate per 10,000 perinatal births (围产儿数 = live births + fetal deaths/stillbirths ≥28 weeks).
 * @example birthDefectRatePer10000(12, 8000) // { ok: true, rate: 15 }
 */
export function birthDefectRatePer10000(
  defectCases: number,
  perinatalBirths: number,
): { ok: true; rate: number } | WomenRuleError<'INVALID_COUNT'> {
  if (
    !Number.isInteger(defectCases) ||
    !Number.isInteger(perinatalBirths) ||
    defectCases < 0 ||
    perinatalBirths <= 0 ||
    defectCases > perinatalBirths
  ) {
    return womenRuleError(
      'INVALID_COUNT',
      '缺陷儿数应为0到围产儿数之间的整数，围产儿数应大于0',
      'Defect cases must be a whole number from 0 to the perinatal births, and births above 0',
    );
  }
  return { ok: true, rate: (defectCases * 10_000) / perinatalBirths };
}
