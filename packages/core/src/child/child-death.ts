/**
 * Child deaths (REFERENCE §3, §7; 5岁以下儿童死亡报告卡 WS 376.5):
 * - age at death [C]: early neonatal = within 7 days of birth (days 0–6, <168 h), neonatal = within 28 days
 *   (days 0–27), infant = before the first birthday, under 5 = before the fifth birthday;
 * - perinatal death [C]: a fetal death or stillbirth at ≥28 weeks (≥1000 g when the gestation is unknown) plus a
 *   live-born infant (≥28 weeks) who dies within 7 days;
 * - ICD-10 code format: a letter, two digits, optionally a dot and one digit ('P07.3', 'Q21.0'); the category must lie
 *   inside a chapter (WHO ICD-10, 2019 edition ranges).
 * Ages are counted in calendar days (death date − birth date) unless both times are known, then in elapsed hours.
 */
import type { ChildLabel, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';
import { addMonthsToDay, parseInstant } from './child-dates';

/** Age category of a death. */
export type ChildDeathAgeCategory = 'early_neonatal' | 'late_neonatal' | 'post_neonatal' | 'age_1_4' | 'age_5_plus';

/** zh/en labels of {@link ChildDeathAgeCategory}. */
export const CHILD_DEATH_AGE_LABELS: Record<ChildDeathAgeCategory, ChildLabel> = {
  early_neonatal: { zh: '早期新生儿死亡（出生后7天内）', en: 'early neonatal death (within 7 days)' },
  late_neonatal: { zh: '晚期新生儿死亡（7–27天）', en: 'late neonatal death (7–27 days)' },
  post_neonatal: { zh: '新生儿期后婴儿死亡（28天–不满1岁）', en: 'post-neonatal infant death (28 days to 1 year)' },
  age_1_4: { zh: '1–4岁儿童死亡', en: 'death at 1–4 years' },
  age_5_plus: { zh: '5岁及以上', en: 'aged 5 or over' },
};

/** Age limits and the perinatal definition, as versioned configuration. */
export interface ChildDeathConfig extends ChildRuleSet {
  earlyNeonatalDays: number;
  neonatalDays: number;
  perinatalFromWeeks: number;
  /** Used when the gestation is unknown. */
  perinatalFromWeightG: number;
}

/** The national definitions (妇幼健康统计调查制度; REFERENCE §3) [C]. */
export const NATIONAL_CHILD_DEATH_CONFIG: ChildDeathConfig = {
  meta: childNationalMeta('child-death-cn', '2020.1', { zh: '儿童死亡分类', en: 'Child death classification' }, 'C', [
    '妇幼健康统计调查制度（卫统42、5岁以下儿童死亡报告卡）',
    'WS 376.5 5岁以下儿童死亡报告',
  ]),
  earlyNeonatalDays: 7,
  neonatalDays: 28,
  perinatalFromWeeks: 28,
  perinatalFromWeightG: 1000,
};

/** Result of {@link childDeathAgeClass}. */
export interface ChildDeathAgeClass {
  /** Calendar days from birth to death (0 on the birth date). */
  ageDays: number;
  /** Elapsed hours when both times are known, else null. */
  ageHours: number | null;
  category: ChildDeathAgeCategory;
  label: ChildLabel;
  earlyNeonatal: boolean;
  neonatal: boolean;
  infant: boolean;
  under5: boolean;
}

/**
 * Classifies the age at death. Fails with `invalid_datetime` or `date_before_birth` (field 'deathAt').
 * @example childDeathAgeClass('2024-01-01', '2024-01-07') // day 6: early neonatal
 */
export function childDeathAgeClass(
  birthAt: string,
  deathAt: string,
  config: ChildDeathConfig = NATIONAL_CHILD_DEATH_CONFIG,
): ChildResult<ChildDeathAgeClass> {
  const b = parseInstant(birthAt);
  if (b === null) return childFailure('invalid_datetime', 'birthAt');
  const d = parseInstant(deathAt);
  if (d === null) return childFailure('invalid_datetime', 'deathAt');
  const timed = b.hasTime && d.hasTime;
  if (d.day < b.day || (timed && d.minutes < b.minutes)) return childFailure('date_before_birth', 'deathAt');
  const ageDays = d.day - b.day;
  const ageHours = timed ? (d.minutes - b.minutes) / 60 : null;
  const within = (days: number) => (ageHours !== null ? ageHours < days * 24 : ageDays < days);
  const earlyNeonatal = within(config.earlyNeonatalDays);
  const neonatal = within(config.neonatalDays);
  const infant = d.day < addMonthsToDay(b.day, 12);
  const under5 = d.day < addMonthsToDay(b.day, 60);
  const category: ChildDeathAgeCategory = earlyNeonatal
    ? 'early_neonatal'
    : neonatal
      ? 'late_neonatal'
      : infant
        ? 'post_neonatal'
        : under5
          ? 'age_1_4'
          : 'age_5_plus';
  return childOk({
    ageDays,
    ageHours,
    category,
    label: CHILD_DEATH_AGE_LABELS[category],
    earlyNeonatal,
    neonatal,
    infant,
    under5,
  });
}

/** Birth outcome (GLOSSARY birthOutcome). */
export type ChildBirthOutcome = 'live_birth' | 'fetal_death' | 'stillbirth';

/** Input of {@link isPerinatalDeath}. */
export interface PerinatalDeathInput {
  outcome: ChildBirthOutcome;
  gestationalWeeks?: number | null;
  birthWeightG?: number | null;
  /** Live births: birth and death times (or dates). */
  birthAt?: string | null;
  deathAt?: string | null;
}

/** Result of {@link isPerinatalDeath}. */
export interface PerinatalDeathResult {
  perinatal: boolean;
  /** Why it is, or is not, a perinatal death. */
  reason: ChildLabel;
}

/**
 * 围产儿死亡: a fetal death or stillbirth at ≥28 weeks (≥1000 g when the gestation is unknown), or a live birth of
 * that maturity dying within 7 days. Fails on invalid times or a death before birth.
 */
export function isPerinatalDeath(
  input: PerinatalDeathInput,
  config: ChildDeathConfig = NATIONAL_CHILD_DEATH_CONFIG,
): ChildResult<PerinatalDeathResult> {
  const w = input.gestationalWeeks;
  const mature =
    w != null
      ? w >= config.perinatalFromWeeks
      : input.birthWeightG != null && input.birthWeightG >= config.perinatalFromWeightG;
  if (!mature)
    return childOk({
      perinatal: false,
      reason: {
        zh: `孕周<${config.perinatalFromWeeks}周（孕周不详时体重<${config.perinatalFromWeightG} g或不详）`,
        en: `under ${config.perinatalFromWeeks} weeks (or, gestation unknown, under ${config.perinatalFromWeightG} g or unknown)`,
      },
    });
  if (input.outcome !== 'live_birth')
    return childOk({
      perinatal: true,
      reason: {
        zh: `孕${config.perinatalFromWeeks}周及以上死胎死产`,
        en: `fetal death or stillbirth at ${config.perinatalFromWeeks}+ weeks`,
      },
    });
  if (!input.deathAt) return childOk({ perinatal: false, reason: { zh: '活产未死亡', en: 'live birth, no death' } });
  if (!input.birthAt) return childFailure('invalid_datetime', 'birthAt');
  const age = childDeathAgeClass(input.birthAt, input.deathAt, config);
  if (!age.ok) return age;
  return childOk(
    age.value.earlyNeonatal
      ? { perinatal: true, reason: { zh: '出生后7天内新生儿死亡', en: 'neonatal death within 7 days' } }
      : { perinatal: false, reason: { zh: '死亡于出生7天后', en: 'death after the first 7 days' } },
  );
}

/** One ICD-10 chapter. */
export interface Icd10Chapter {
  /** Roman numeral. */
  chapter: string;
  from: string;
  to: string;
  label: ChildLabel;
}

/** ICD-10 chapters (WHO, 2019 edition). */
export const ICD10_CHAPTERS: readonly Icd10Chapter[] = [
  {
    chapter: 'I',
    from: 'A00',
    to: 'B99',
    label: { zh: '某些传染病和寄生虫病', en: 'Certain infectious and parasitic diseases' },
  },
  { chapter: 'II', from: 'C00', to: 'D48', label: { zh: '肿瘤', en: 'Neoplasms' } },
  {
    chapter: 'III',
    from: 'D50',
    to: 'D89',
    label: { zh: '血液及造血器官疾病和某些涉及免疫机制的疾患', en: 'Diseases of the blood and immune mechanism' },
  },
  {
    chapter: 'IV',
    from: 'E00',
    to: 'E90',
    label: { zh: '内分泌、营养和代谢疾病', en: 'Endocrine, nutritional and metabolic diseases' },
  },
  { chapter: 'V', from: 'F00', to: 'F99', label: { zh: '精神和行为障碍', en: 'Mental and behavioural disorders' } },
  { chapter: 'VI', from: 'G00', to: 'G99', label: { zh: '神经系统疾病', en: 'Diseases of the nervous system' } },
  { chapter: 'VII', from: 'H00', to: 'H59', label: { zh: '眼和附器疾病', en: 'Diseases of the eye and adnexa' } },
  {
    chapter: 'VIII',
    from: 'H60',
    to: 'H95',
    label: { zh: '耳和乳突疾病', en: 'Diseases of the ear and mastoid process' },
  },
  { chapter: 'IX', from: 'I00', to: 'I99', label: { zh: '循环系统疾病', en: 'Diseases of the circulatory system' } },
  { chapter: 'X', from: 'J00', to: 'J99', label: { zh: '呼吸系统疾病', en: 'Diseases of the respiratory system' } },
  { chapter: 'XI', from: 'K00', to: 'K93', label: { zh: '消化系统疾病', en: 'Diseases of the digestive system' } },
  {
    chapter: 'XII',
    from: 'L00',
    to: 'L99',
    label: { zh: '皮肤和皮下组织疾病', en: 'Diseases of the skin and subcutaneous tissue' },
  },
  {
    chapter: 'XIII',
    from: 'M00',
    to: 'M99',
    label: { zh: '肌肉骨骼系统和结缔组织疾病', en: 'Diseases of the musculoskeletal system' },
  },
  {
    chapter: 'XIV',
    from: 'N00',
    to: 'N99',
    label: { zh: '泌尿生殖系统疾病', en: 'Diseases of the genitourinary system' },
  },
  {
    chapter: 'XV',
    from: 'O00',
    to: 'O99',
    label: { zh: '妊娠、分娩和产褥期', en: 'Pregnancy, childbirth and the puerperium' },
  },
  {
    chapter: 'XVI',
    from: 'P00',
    to: 'P96',
    label: { zh: '起源于围生期的某些情况', en: 'Certain conditions originating in the perinatal period' },
  },
  {
    chapter: 'XVII',
    from: 'Q00',
    to: 'Q99',
    label: { zh: '先天性畸形、变形和染色体异常', en: 'Congenital malformations and chromosomal abnormalities' },
  },
  {
    chapter: 'XVIII',
    from: 'R00',
    to: 'R99',
    label: { zh: '症状、体征和临床与实验室异常所见', en: 'Symptoms, signs and abnormal findings' },
  },
  {
    chapter: 'XIX',
    from: 'S00',
    to: 'T98',
    label: { zh: '损伤、中毒和外因的某些其他后果', en: 'Injury, poisoning and other consequences of external causes' },
  },
  {
    chapter: 'XX',
    from: 'V01',
    to: 'Y98',
    label: { zh: '疾病和死亡的外因', en: 'External causes of morbidity and mortality' },
  },
  {
    chapter: 'XXI',
    from: 'Z00',
    to: 'Z99',
    label: { zh: '影响健康状态和与保健机构接触的因素', en: 'Factors influencing health status' },
  },
  { chapter: 'XXII', from: 'U00', to: 'U85', label: { zh: '用于特殊目的的编码', en: 'Codes for special purposes' } },
];

/** Result of {@link validateIcd10Code}. */
export interface Icd10Validation {
  /** Upper-case with the dot, e.g. 'P07.3'. */
  code: string;
  /** The three-character category, e.g. 'P07'. */
  category: string;
  /** The fourth character, or null. */
  subcategory: string | null;
  chapter: Icd10Chapter;
  /** Set for chapter XIX (S/T) and XXI (Z) codes, which should not be the underlying cause of death. */
  underlyingCauseWarning: ChildLabel | null;
}

/**
 * Validates and normalises an ICD-10 code: trims, upper-cases, drops a dagger/asterisk and inserts the dot
 * ('p073' → 'P07.3'). Fails with `invalid_icd10_format` or `icd10_category_not_in_chapter` (e.g. 'D49', 'P99').
 */
export function validateIcd10Code(code: string): ChildResult<Icd10Validation> {
  const raw = code
    .trim()
    .toUpperCase()
    .replace(/[†*+]$/u, '');
  const m = /^([A-Z]\d{2})(?:\.?(\d))?$/.exec(raw);
  if (!m || !m[1]) return childFailure('invalid_icd10_format', 'code');
  const category = m[1];
  const subcategory = m[2] ?? null;
  const chapter = ICD10_CHAPTERS.find((c) => category >= c.from && category <= c.to);
  if (!chapter) return childFailure('icd10_category_not_in_chapter', 'code', { category });
  const warn =
    chapter.chapter === 'XIX'
      ? {
          zh: '损伤性质编码不作根本死因，请编码外因（V01–Y98）',
          en: 'nature-of-injury code: code the external cause (V01–Y98) as the underlying cause',
        }
      : chapter.chapter === 'XXI'
        ? { zh: 'Z编码不作根本死因', en: 'Z codes are not used as the underlying cause of death' }
        : null;
  return childOk({
    code: subcategory === null ? category : `${category}.${subcategory}`,
    category,
    subcategory,
    chapter,
    underlyingCauseWarning: warn,
  });
}
