/**
 * Classification of a child death for the 5岁以下儿童死亡报告卡 (WS 376.5; 妇幼健康统计调查制度): the age group from
 * the exact age in days (early neonatal 0–6 days, late neonatal 7–27 days, post-neonatal infant 28 days–<1 year,
 * 1–4 years; neonatal and infant deaths are the numerators of NMR and IMR) and a broad cause category from the
 * ICD-10 chapter of the underlying cause. Under-5 means before the fifth birthday.
 */

/** Age group of a death under 5. */
export type ChildDeathAgeGroup = 'early_neonatal' | 'late_neonatal' | 'post_neonatal' | 'age_1_4';

/** Broad cause categories (by ICD-10 chapter). */
export type ChildDeathCauseCategory =
  | 'infectious'
  | 'neoplasm'
  | 'blood_immune'
  | 'endocrine_nutritional'
  | 'nervous'
  | 'circulatory'
  | 'respiratory'
  | 'digestive'
  | 'perinatal'
  | 'congenital'
  | 'ill_defined'
  | 'injury'
  | 'other';

/** The result of {@link classifyChildDeath}. */
export interface ChildDeathClass {
  ageDays: number;
  under5: boolean;
  ageGroup: ChildDeathAgeGroup | null;
  neonatal: boolean;
  infant: boolean;
  causeCategory: ChildDeathCauseCategory | null;
  label: { zh: string; en: string } | null;
}

const AGE_LABELS: Record<ChildDeathAgeGroup, { zh: string; en: string }> = {
  early_neonatal: { zh: '早期新生儿死亡（0–6天）', en: 'early neonatal (0–6 days)' },
  late_neonatal: { zh: '晚期新生儿死亡（7–27天）', en: 'late neonatal (7–27 days)' },
  post_neonatal: { zh: '新生儿后期婴儿死亡（28天–1岁）', en: 'post-neonatal infant (28 days–1 year)' },
  age_1_4: { zh: '1–4岁儿童死亡', en: 'child aged 1–4 years' },
};

/** ICD-10 chapter ranges (first letter and two digits) → category. */
const CHAPTERS: [string, string, ChildDeathCauseCategory][] = [
  ['A00', 'B99', 'infectious'],
  ['C00', 'D48', 'neoplasm'],
  ['D50', 'D89', 'blood_immune'],
  ['E00', 'E90', 'endocrine_nutritional'],
  ['G00', 'G99', 'nervous'],
  ['I00', 'I99', 'circulatory'],
  ['J00', 'J99', 'respiratory'],
  ['K00', 'K93', 'digestive'],
  ['P00', 'P96', 'perinatal'],
  ['Q00', 'Q99', 'congenital'],
  ['R00', 'R99', 'ill_defined'],
  ['S00', 'T98', 'injury'],
  ['V01', 'Y98', 'injury'],
];

function dayOf(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? Number.NaN : Math.round(t / 86_400_000);
}

/** Cause category of an ICD-10 code (e.g. 'P07.3' → perinatal); null for a malformed code. */
export function icd10Category(code: string): ChildDeathCauseCategory | null {
  const m = /^([A-Z])(\d{2})/.exec(code.trim().toUpperCase());
  if (!m) return null;
  const key = `${m[1]}${m[2]}`;
  for (const [from, to, cat] of CHAPTERS) if (key >= from && key <= to) return cat;
  return 'other';
}

/** Classifies a death by age at death and ICD-10 underlying cause. */
export function classifyChildDeath(a: {
  birthDate: string;
  deathDate: string;
  icd10?: string;
}): ChildDeathClass | null {
  const b = dayOf(a.birthDate);
  const d = dayOf(a.deathDate);
  if (Number.isNaN(b) || Number.isNaN(d) || d < b) return null;
  const ageDays = d - b;
  const [y, mo, da] = a.birthDate.split('-').map(Number) as [number, number, number];
  const firstBirthday = dayOf(
    `${y + 1}-${String(mo).padStart(2, '0')}-${String(mo === 2 && da === 29 ? 28 : da).padStart(2, '0')}`,
  );
  const fifthBirthday = dayOf(
    `${y + 5}-${String(mo).padStart(2, '0')}-${String(mo === 2 && da === 29 ? 28 : da).padStart(2, '0')}`,
  );
  const under5 = d < fifthBirthday;
  const group: ChildDeathAgeGroup | null = !under5
    ? null
    : ageDays < 7
      ? 'early_neonatal'
      : ageDays < 28
        ? 'late_neonatal'
        : d < firstBirthday
          ? 'post_neonatal'
          : 'age_1_4';
  return {
    ageDays,
    under5,
    ageGroup: group,
    neonatal: ageDays < 28,
    infant: d < firstBirthday,
    causeCategory: a.icd10 ? icd10Category(a.icd10) : null,
    label: group ? AGE_LABELS[group] : null,
  };
}
