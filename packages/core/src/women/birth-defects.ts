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
import { addDays, diffDays, isIsoDate } from './women-dates';

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

/** A defect suggested from a prenatal diagnosis result (to prefill a card; the clinician confirms it). */
export interface SuggestedBirthDefect {
  icd10: string;
  category: BirthDefectCategoryCode;
  descriptionZh: string;
}

const KARYOTYPES: readonly { test: RegExp; mosaic?: string; icd10: string; zh: string }[] = [
  { test: /\+\s*21(?!\d)|21[-\s]?三体|trisomy\s*21|\bT21\b/i, mosaic: 'Q90.1', icd10: 'Q90.9', zh: '21-三体综合征' },
  { test: /\+\s*18(?!\d)|18[-\s]?三体|trisomy\s*18|\bT18\b/i, mosaic: 'Q91.1', icd10: 'Q91.3', zh: '18-三体综合征' },
  { test: /\+\s*13(?!\d)|13[-\s]?三体|trisomy\s*13|\bT13\b/i, mosaic: 'Q91.5', icd10: 'Q91.7', zh: '13-三体综合征' },
  { test: /(?:^|[^\d])45\s*,\s*X(?![XY])|特纳|turner/i, icd10: 'Q96.9', zh: '特纳综合征（45,X）' },
  { test: /47\s*,\s*XXY(?!Y)|克氏|klinefelter/i, icd10: 'Q98.0', zh: '克氏综合征（47,XXY）' },
  { test: /47\s*,\s*XXX(?!X)/i, icd10: 'Q97.0', zh: '超雌综合征（47,XXX）' },
  { test: /47\s*,\s*XYY(?!Y)/i, icd10: 'Q98.5', zh: '超雄综合征（47,XYY）' },
];

/**
 * Chromosomal defects named in a prenatal-diagnosis result written in ISCN (e.g. '47,XX,+21') or in words
 * ('21三体'), with the ICD-10 chapter Q90–Q98 code (mosaicism where the result says 'mos'). A normal karyotype
 * ('46,XX', '46,XY') or a result the function cannot read gives an empty list: it only suggests, never decides.
 * @example suggestBirthDefectsFromKaryotype('47,XY,+21') // [{ icd10: 'Q90.9', category: 'down_syndrome', descriptionZh: '21-三体综合征' }]
 */
export function suggestBirthDefectsFromKaryotype(result: string | null | undefined): SuggestedBirthDefect[] {
  if (!result) return [];
  const mosaic = /\bmos\b|嵌合/i.test(result);
  const out: SuggestedBirthDefect[] = [];
  for (const k of KARYOTYPES) {
    if (!k.test.test(result)) continue;
    const icd10 = mosaic && k.mosaic ? k.mosaic : k.icd10;
    const category = birthDefectCategoryForIcd10(icd10)?.code ?? 'other';
    out.push({ icd10, category, descriptionZh: mosaic && k.mosaic ? `${k.zh}（嵌合型）` : k.zh });
  }
  return out;
}

/** Where a pregnancy ended for the card (the card's 结局). */
export type BirthDefectOutcome = 'live_birth' | 'stillbirth' | 'termination' | 'early_neonatal_death';

/** Input of {@link checkBirthDefectCard}. */
export interface BirthDefectCardCheck {
  birthDate: string;
  diagnosisDate: string;
  diagnosisTime: 'prenatal' | 'after_birth';
  outcome: BirthDefectOutcome;
  /** Date of death of a live-born baby (for early_neonatal_death). */
  deathDate?: string | null;
}

/**
 * Consistency of a card's dates and outcome: a prenatal diagnosis is made on or before the day the pregnancy ended
 * and at most 40 weeks before; a diagnosis after birth on or after that day; a termination (治疗性引产) follows a
 * prenatal diagnosis; a death within 7 days (7天内死亡) is on day 0–6 after birth.
 * Returns the first problem with the field it concerns, or ok.
 */
export function checkBirthDefectCard(
  c: BirthDefectCardCheck,
  config: BirthDefectWindowConfig = BIRTH_DEFECT_WINDOW_NATIONAL,
): { ok: true } | (WomenRuleError<'INCONSISTENT'> & { field: string }) {
  const fail = (field: string, zh: string, en: string) => ({ ...womenRuleError('INCONSISTENT', zh, en), field });
  const d = diffDays(c.birthDate, c.diagnosisDate);
  if (c.diagnosisTime === 'prenatal' && d > 0) {
    return fail(
      'diagnosisTime',
      '产前诊断的日期不能晚于妊娠结束日期',
      'A prenatal diagnosis is on or before the birth',
    );
  }
  if (c.diagnosisTime === 'prenatal' && d < -280) {
    return fail(
      'diagnosisDate',
      '产前诊断日期早于妊娠结束日期40周以上',
      'The prenatal diagnosis is over 40 weeks before',
    );
  }
  if (c.diagnosisTime === 'after_birth' && d < 0) {
    return fail('diagnosisTime', '诊断日期早于出生日期，应为产前诊断', 'Diagnosed before birth: that is prenatal');
  }
  if (c.outcome === 'termination' && c.diagnosisTime !== 'prenatal') {
    return fail('outcome', '治疗性引产应在产前诊断之后', 'A termination follows a prenatal diagnosis');
  }
  if (c.outcome === 'early_neonatal_death') {
    if (!c.deathDate) return fail('deathDate', '请填写死亡日期', 'Give the date of death');
    const age = diffDays(c.birthDate, c.deathDate);
    if (age < 0 || age > config.maxDaysAfterBirth) {
      return fail('deathDate', '“7天内死亡”的死亡日期应在出生后7天内', 'The death must be within 7 days of birth');
    }
  } else if (c.deathDate) {
    return fail('deathDate', '只有“7天内死亡”填写死亡日期', 'A death date goes with a death within 7 days only');
  }
  return { ok: true };
}

/** When a card is due. */
export interface BirthDefectReportingConfig extends WomenRuleSet {
  /** Days after the end of pregnancy by which the hospital fills the card. */
  reportWithinDays: number;
}

/**
 * Default [L]: the card is filled within 7 days of the birth (the surveillance window), so that a baby whose defect
 * was recorded at delivery but has no card is listed as overdue from day 8. Provinces set their own limit; the
 * national scheme only fixes the quarterly reporting upward.
 */
export const BIRTH_DEFECT_REPORTING_DEFAULT: BirthDefectReportingConfig = {
  meta: nationalMeta(
    'birth-defect-reporting',
    '1',
    'L',
    ['全国出生缺陷监测方案 (quarterly reporting)', 'hospital practice'],
    'The limit for filling a card is local.',
  ),
  reportWithinDays: 7,
};

/**
 * Date by which the card of a birth is due.
 * @example birthDefectReportDue('2025-03-01') // '2025-03-08'
 */
export function birthDefectReportDue(
  birthDate: string,
  config: BirthDefectReportingConfig = BIRTH_DEFECT_REPORTING_DEFAULT,
): string {
  return addDays(birthDate, config.reportWithinDays);
}
