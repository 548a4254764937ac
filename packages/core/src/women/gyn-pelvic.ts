/**
 * Gynaecological common-disease survey (妇女常见病筛查, W2) findings and follow-up, and postpartum pelvic-floor
 * screening and rehabilitation (盆底功能障碍防治, W3). The code lists follow the annual report's disease columns
 * (卫统 妇女常见病筛查: 阴道炎、宫颈炎、子宫肌瘤、卵巢肿瘤、乳腺疾病… [R]); the pelvic-floor cut-offs are clinical
 * convention [L] (modified Oxford grade, POP-Q stage, 42 days to 1 year postpartum).
 */
import type { WomenCodeLabel, WomenRuleSet } from './rule-meta';
import { nationalMeta } from './rule-meta';
import { addDays, diffDays, isIsoDate } from './women-dates';

/** Findings of the gynaecological survey. */
export type GynSurveyFinding =
  | 'trichomonal_vaginitis'
  | 'candidal_vaginitis'
  | 'bacterial_vaginosis'
  | 'cervicitis'
  | 'cervical_polyp'
  | 'uterine_myoma'
  | 'ovarian_tumour'
  | 'pelvic_inflammatory_disease'
  | 'uterine_prolapse'
  | 'breast_disease'
  | 'other';

/** Survey findings with labels [R]. */
export const GYN_SURVEY_FINDINGS: readonly WomenCodeLabel<GynSurveyFinding>[] = [
  { code: 'trichomonal_vaginitis', zh: '滴虫性阴道炎', en: 'Trichomonal vaginitis' },
  { code: 'candidal_vaginitis', zh: '外阴阴道假丝酵母菌病', en: 'Vulvovaginal candidiasis' },
  { code: 'bacterial_vaginosis', zh: '细菌性阴道病', en: 'Bacterial vaginosis' },
  { code: 'cervicitis', zh: '宫颈炎', en: 'Cervicitis' },
  { code: 'cervical_polyp', zh: '宫颈息肉', en: 'Cervical polyp' },
  { code: 'uterine_myoma', zh: '子宫肌瘤', en: 'Uterine myoma' },
  { code: 'ovarian_tumour', zh: '卵巢肿瘤（含囊肿）', en: 'Ovarian tumour (incl. cyst)' },
  { code: 'pelvic_inflammatory_disease', zh: '盆腔炎性疾病', en: 'Pelvic inflammatory disease' },
  { code: 'uterine_prolapse', zh: '子宫脱垂', en: 'Uterine prolapse' },
  { code: 'breast_disease', zh: '乳腺疾病', en: 'Breast disease' },
  { code: 'other', zh: '其他妇科疾病', en: 'Other gynaecological disease' },
];

/** What was done about a finding. */
export type GynSurveyDisposition = 'none' | 'treated' | 'referred' | 'follow_up';

/** zh/en labels of {@link GynSurveyDisposition}. */
export const GYN_SURVEY_DISPOSITION_LABELS: Record<GynSurveyDisposition, { zh: string; en: string }> = {
  none: { zh: '无需处理', en: 'No action' },
  treated: { zh: '已治疗', en: 'Treated' },
  referred: { zh: '转诊', en: 'Referred' },
  follow_up: { zh: '随访复查', en: 'Follow-up' },
};

/** Follow-up limits of the survey [L]. */
export interface GynSurveyFollowUpConfig extends WomenRuleSet {
  /** Days until the result of a referral or the re-examination is due. */
  followUpDays: Record<GynSurveyDisposition, number | null>;
}

/** Default [L]: referral result in 30 days, re-examination in 90 days. */
export const GYN_SURVEY_FOLLOW_UP_DEFAULT: GynSurveyFollowUpConfig = {
  meta: nationalMeta('gyn-survey-follow-up', '1', 'L', ['local practice'], 'Both limits are local.'),
  followUpDays: { none: null, treated: null, referred: 30, follow_up: 90 },
};

/**
 * Due date of the follow-up of a survey examination (null when none is needed); findings without a disposition
 * other than 'none' need none.
 * @example gynSurveyFollowUpDue('2025-03-01', 'referred') // '2025-03-31'
 */
export function gynSurveyFollowUpDue(
  examDate: string,
  disposition: GynSurveyDisposition,
  config: GynSurveyFollowUpConfig = GYN_SURVEY_FOLLOW_UP_DEFAULT,
): string | null {
  const days = config.followUpDays[disposition];
  return days === null || !isIsoDate(examDate) ? null : addDays(examDate, days);
}

/** Pelvic-floor rules [L]. */
export interface PelvicFloorConfig extends WomenRuleSet {
  /** Postpartum screening window, days after delivery. */
  screeningWindowDays: readonly [number, number];
  /** Rehabilitation when the muscle strength grade (modified Oxford 0–5) is at or below this. */
  muscleStrengthAtMost: number;
  /** Rehabilitation when the POP-Q stage is at or above this. */
  popStageAtLeast: number;
  /** Sessions of a standard rehabilitation course. */
  courseSessions: number;
  /** Days from screening by which the first session should take place. */
  firstSessionWithinDays: number;
}

/** Default [L]: 42–365 days postpartum; Oxford ≤3, POP-Q ≥II or stress incontinence → 10-session course within 30 days. */
export const PELVIC_FLOOR_DEFAULT: PelvicFloorConfig = {
  meta: nationalMeta(
    'pelvic-floor',
    '1',
    'L',
    ['产后盆底康复 clinical practice', 'seed 000 产后盆底功能筛查与康复'],
    'All cut-offs and the course length are clinical convention.',
  ),
  screeningWindowDays: [42, 365],
  muscleStrengthAtMost: 3,
  popStageAtLeast: 2,
  courseSessions: 10,
  firstSessionWithinDays: 30,
};

/** Reasons for rehabilitation. */
export type PelvicFloorReason = 'weak_muscle' | 'prolapse' | 'stress_incontinence';

/** zh/en labels of {@link PelvicFloorReason}. */
export const PELVIC_FLOOR_REASON_LABELS: Record<PelvicFloorReason, { zh: string; en: string }> = {
  weak_muscle: { zh: '盆底肌力减弱', en: 'Weak pelvic-floor muscles' },
  prolapse: { zh: '盆腔器官脱垂', en: 'Pelvic organ prolapse' },
  stress_incontinence: { zh: '压力性尿失禁', en: 'Stress urinary incontinence' },
};

/** Result of {@link assessPelvicFloor}. */
export interface PelvicFloorAssessment {
  rehabIndicated: boolean;
  reasons: PelvicFloorReason[];
  /** Whether the screening date falls in the postpartum window (null without a delivery date). */
  inWindow: boolean | null;
  postpartumDays: number | null;
}

/**
 * Whether postpartum rehabilitation is indicated.
 * @example assessPelvicFloor({ muscleStrength: 2, popStage: 1, stressIncontinence: false }) // rehabIndicated true, ['weak_muscle']
 */
export function assessPelvicFloor(
  v: {
    muscleStrength: number;
    popStage: number;
    stressIncontinence: boolean;
    deliveryDate?: string;
    screeningDate?: string;
  },
  config: PelvicFloorConfig = PELVIC_FLOOR_DEFAULT,
): PelvicFloorAssessment {
  const reasons: PelvicFloorReason[] = [];
  if (v.muscleStrength <= config.muscleStrengthAtMost) reasons.push('weak_muscle');
  if (v.popStage >= config.popStageAtLeast) reasons.push('prolapse');
  if (v.stressIncontinence) reasons.push('stress_incontinence');
  let postpartumDays: number | null = null;
  let inWindow: boolean | null = null;
  if (v.deliveryDate && v.screeningDate && isIsoDate(v.deliveryDate) && isIsoDate(v.screeningDate)) {
    postpartumDays = diffDays(v.deliveryDate, v.screeningDate);
    inWindow = postpartumDays >= config.screeningWindowDays[0] && postpartumDays <= config.screeningWindowDays[1];
  }
  return { rehabIndicated: reasons.length > 0, reasons, inWindow, postpartumDays };
}
