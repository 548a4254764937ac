/**
 * Newborn screening rules (新生儿疾病筛查管理办法 2009; 新生儿疾病筛查技术规范 2010; REFERENCE §5.6):
 * - metabolic (PKU, CH, provincial panels): heel-prick sample ≥72 h after birth and ≤7 days, after ≥6–8 feeds [C];
 *   preterm, sick or early-discharged infants by day 20 at the latest [C]; a sample taken earlier is flagged for a
 *   repeat. PKU suspected when Phe >120 µmol/L [R]; CH suspected when TSH ≥ the laboratory cut-off (10 mIU/L here,
 *   lab-specific) [R]. A suspected positive goes recall → confirmatory test → diagnosis → treatment: a state machine
 *   whose impossible transitions are refused with `invalid_transition`;
 * - hearing: initial screen from 48 h to discharge (OAE/AABR; AABR for NICU infants), each ear pass/refer [C]; failed
 *   or missed → re-screen within 42 days [C]; still failing → diagnosis by 3 months, intervention by 6 months [R];
 * - congenital heart disease: murmur + pulse oximetry 6–72 h after birth [C]; positive [R] when a murmur ≥2/6, SpO2
 *   <90% at the right hand or a foot, 90–94% at both sites on repeat, or a hand–foot difference >3%; positive →
 *   echocardiography (≈within 7 days [L]).
 *
 * When a birth time is unknown the birth is read as 23:59 of the birth date and a sample without a time as 00:00 of
 * its date, so the computed age of the sample is the smallest possible (an early sample is never missed).
 */
import type { ChildEvidence, ChildLabel, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';
import { addMonthsToDay, formatDay, parseDay, parseInstant } from './child-dates';

/** A cut-off: positive above `value` (or at it, when `inclusive`). */
export interface ScreeningCutoff {
  value: number;
  unit: string;
  inclusive: boolean;
  evidence: ChildEvidence;
}

/** The newborn-screening rules as versioned configuration. */
export interface NewbornScreeningConfig extends ChildRuleSet {
  metabolic: {
    sampleFromHours: number;
    sampleByDays: number;
    minFeeds: number;
    /** Preterm, sick or early-discharged: by this day at the latest. */
    lateLimitDays: number;
    phe: ScreeningCutoff;
    tsh: ScreeningCutoff;
  };
  hearing: {
    initialFromHours: number;
    /** Discharge assumed at birth + this many days when unknown [L]. */
    defaultDischargeAfterBirthDays: number;
    rescreenWithinDays: number;
    diagnosisByMonths: number;
    interventionByMonths: number;
  };
  chd: {
    fromHours: number;
    toHours: number;
    murmurGradeAtLeast: number;
    /** Positive below this SpO2 at either site. */
    spo2Below: number;
    /** Borderline (repeat) when both sites are below this and none below `spo2Below`. */
    normalFrom: number;
    /** Positive when |hand − foot| exceeds this. */
    maxDifference: number;
    /** When true a difference above the limit first asks for a repeat (the 2-measure variant) [R]. */
    differenceNeedsRepeat: boolean;
    echoWithinDays: number;
  };
}

/** The national rules; see the file header for the evidence of each value. */
export const NATIONAL_NEWBORN_SCREENING_CONFIG: NewbornScreeningConfig = {
  meta: childNationalMeta(
    'newborn-screening-cn',
    '2010.1',
    { zh: '新生儿疾病筛查规则', en: 'Newborn screening rules' },
    'L',
    [
      '新生儿疾病筛查管理办法（卫生部令第64号，2009）',
      '新生儿疾病筛查技术规范（2010年版）',
      '新生儿先天性心脏病筛查（双指标法）',
    ],
    'PKU Phe >120 µmol/L and CH TSH ≥10 mIU/L (lab-specific) [R]; hearing diagnosis by 3 months and intervention by ' +
      '6 months [R]; CHD positive rule [R]; echocardiography within 7 days [L]; default discharge birth+3 days [L]',
  ),
  metabolic: {
    sampleFromHours: 72,
    sampleByDays: 7,
    minFeeds: 6,
    lateLimitDays: 20,
    phe: { value: 120, unit: 'µmol/L', inclusive: false, evidence: 'R' },
    tsh: { value: 10, unit: 'mIU/L', inclusive: true, evidence: 'R' },
  },
  hearing: {
    initialFromHours: 48,
    defaultDischargeAfterBirthDays: 3,
    rescreenWithinDays: 42,
    diagnosisByMonths: 3,
    interventionByMonths: 6,
  },
  chd: {
    fromHours: 6,
    toHours: 72,
    murmurGradeAtLeast: 2,
    spo2Below: 90,
    normalFrom: 95,
    maxDifference: 3,
    differenceNeedsRepeat: false,
    echoWithinDays: 7,
  },
};

function hoursBetween(birthAt: string, at: string): ChildResult<{ hours: number; days: number }> {
  const b = parseInstant(birthAt);
  if (b === null) return childFailure('invalid_datetime', 'birthAt');
  const s = parseInstant(at);
  if (s === null) return childFailure('invalid_datetime', 'at');
  const birthMinutes = b.hasTime ? b.minutes : b.minutes + 1439;
  if (s.day < b.day || (s.hasTime && s.minutes < birthMinutes)) return childFailure('date_before_birth', 'at');
  return childOk({ hours: Math.max(0, s.minutes - birthMinutes) / 60, days: s.day - b.day });
}

/** Input of {@link metabolicSampleValidity}. */
export interface MetabolicSampleInput {
  /** 'YYYY-MM-DDTHH:mm' (or a bare date when the time is unknown). */
  birthAt: string;
  sampledAt: string;
  /** Number of feeds before the sample, when recorded. */
  feeds?: number | null;
  /** Preterm, sick or discharged early: the sample may wait until day 20. */
  pretermSickOrEarlyDischarge?: boolean;
}

/** Flags of a metabolic sample. */
export type MetabolicSampleFlag = 'before_72h' | 'too_few_feeds' | 'after_day_7' | 'after_day_20';

/** Result of {@link metabolicSampleValidity}. */
export interface MetabolicSampleValidity {
  /** Usable for screening (taken late is still usable, but flagged). */
  valid: boolean;
  /** Too early or too few feeds: take a repeat sample. */
  repeatNeeded: boolean;
  /** Taken later than the limit that applies (day 7, or day 20 for preterm/sick/early discharge). */
  late: boolean;
  hoursAfterBirth: number;
  daysAfterBirth: number;
  /** The last day the sample should be taken. */
  latestDate: string;
  flags: MetabolicSampleFlag[];
}

/**
 * Checks the timing of a heel-prick sample: ≥72 h after birth and after ≥6 feeds, else a repeat is needed; by day
 * 7 (day 20 for preterm, sick or early-discharged infants), else late. Fails on an invalid time or a sample before
 * birth.
 */
export function metabolicSampleValidity(
  input: MetabolicSampleInput,
  config: NewbornScreeningConfig = NATIONAL_NEWBORN_SCREENING_CONFIG,
): ChildResult<MetabolicSampleValidity> {
  const t = hoursBetween(input.birthAt, input.sampledAt);
  if (!t.ok) return t.error.field === 'at' ? childFailure(t.error.code, 'sampledAt') : t;
  const m = config.metabolic;
  const flags: MetabolicSampleFlag[] = [];
  if (t.value.hours < m.sampleFromHours) flags.push('before_72h');
  if (input.feeds != null && input.feeds < m.minFeeds) flags.push('too_few_feeds');
  const limit = input.pretermSickOrEarlyDischarge ? m.lateLimitDays : m.sampleByDays;
  if (t.value.days > m.sampleByDays && !input.pretermSickOrEarlyDischarge) flags.push('after_day_7');
  if (t.value.days > m.lateLimitDays) flags.push('after_day_20');
  const repeatNeeded = flags.includes('before_72h') || flags.includes('too_few_feeds');
  const birthDay = (parseInstant(input.birthAt) as { day: number }).day;
  return childOk({
    valid: !repeatNeeded,
    repeatNeeded,
    late: t.value.days > limit,
    hoursAfterBirth: Math.round(t.value.hours * 10) / 10,
    daysAfterBirth: t.value.days,
    latestDate: formatDay(birthDay + limit),
    flags,
  });
}

/** Result of one screened analyte. */
export type MetabolicScreenResult = 'negative' | 'suspected_positive';

/** Result of {@link interpretMetabolicScreen}. */
export interface MetabolicScreenInterpretation {
  /** PKU from Phe (null when not measured). */
  pku: MetabolicScreenResult | null;
  /** CH from TSH (null when not measured). */
  ch: MetabolicScreenResult | null;
  /** Any suspected positive: the screening centre recalls the child. */
  recall: boolean;
}

function above(value: number, c: ScreeningCutoff): boolean {
  return c.inclusive ? value >= c.value : value > c.value;
}

/** PKU suspected when Phe >120 µmol/L; CH suspected when TSH ≥ the lab cut-off (10 mIU/L) [R]. */
export function interpretMetabolicScreen(
  input: { pheUmolL?: number | null; tshMIUL?: number | null },
  config: NewbornScreeningConfig = NATIONAL_NEWBORN_SCREENING_CONFIG,
): MetabolicScreenInterpretation {
  const res = (v: number | null | undefined, c: ScreeningCutoff): MetabolicScreenResult | null =>
    v == null || !Number.isFinite(v) ? null : above(v, c) ? 'suspected_positive' : 'negative';
  const pku = res(input.pheUmolL, config.metabolic.phe);
  const ch = res(input.tshMIUL, config.metabolic.tsh);
  return { pku, ch, recall: pku === 'suspected_positive' || ch === 'suspected_positive' };
}

/** States of a suspected-positive metabolic screen (召回 → 复查/确诊 → 诊断 → 治疗). */
export type MetabolicFollowUpState =
  | 'suspected_positive'
  | 'recalled'
  | 'confirmatory_test'
  | 'diagnosed'
  | 'excluded'
  | 'under_treatment'
  | 'lost_to_follow_up';

/** zh/en labels of {@link MetabolicFollowUpState}. */
export const METABOLIC_FOLLOW_UP_LABELS: Record<MetabolicFollowUpState, ChildLabel> = {
  suspected_positive: { zh: '初筛可疑阳性', en: 'suspected positive' },
  recalled: { zh: '已召回', en: 'recalled' },
  confirmatory_test: { zh: '复查/确诊检查中', en: 'confirmatory testing' },
  diagnosed: { zh: '已确诊', en: 'diagnosed' },
  excluded: { zh: '已排除', en: 'excluded' },
  under_treatment: { zh: '治疗中', en: 'under treatment' },
  lost_to_follow_up: { zh: '失访', en: 'lost to follow-up' },
};

/** The allowed transitions. `excluded` is final; a lost child can be recalled again. */
export const METABOLIC_FOLLOW_UP_TRANSITIONS: Record<MetabolicFollowUpState, readonly MetabolicFollowUpState[]> = {
  suspected_positive: ['recalled', 'lost_to_follow_up'],
  recalled: ['confirmatory_test', 'lost_to_follow_up'],
  confirmatory_test: ['diagnosed', 'excluded', 'lost_to_follow_up'],
  diagnosed: ['under_treatment', 'lost_to_follow_up'],
  under_treatment: ['lost_to_follow_up'],
  excluded: [],
  lost_to_follow_up: ['recalled'],
};

/**
 * One transition of a suspected-positive case. Fails with `invalid_transition` (details: from, to, allowed) when the
 * step is impossible, e.g. treatment before diagnosis, and `unknown_code` for an unknown state.
 */
export function transitionMetabolicFollowUp(
  from: MetabolicFollowUpState,
  to: MetabolicFollowUpState,
): ChildResult<{ from: MetabolicFollowUpState; to: MetabolicFollowUpState; label: ChildLabel; final: boolean }> {
  if (!(from in METABOLIC_FOLLOW_UP_TRANSITIONS)) return childFailure('unknown_code', 'from');
  if (!(to in METABOLIC_FOLLOW_UP_TRANSITIONS)) return childFailure('unknown_code', 'to');
  const allowed = METABOLIC_FOLLOW_UP_TRANSITIONS[from];
  if (!allowed.includes(to)) return childFailure('invalid_transition', 'to', { from, to, allowed: [...allowed] });
  return childOk({
    from,
    to,
    label: METABOLIC_FOLLOW_UP_LABELS[to],
    final: METABOLIC_FOLLOW_UP_TRANSITIONS[to].length === 0,
  });
}

/**
 * Replays a sequence of states from `suspected_positive` and returns the last one; the first impossible step fails
 * with `invalid_transition` and the field `steps[i]`.
 */
export function replayMetabolicFollowUp(steps: readonly MetabolicFollowUpState[]): ChildResult<MetabolicFollowUpState> {
  let state: MetabolicFollowUpState = 'suspected_positive';
  for (const [i, to] of steps.entries()) {
    const r = transitionMetabolicFollowUp(state, to);
    if (!r.ok) return childFailure(r.error.code, `steps[${i}]`, r.error.details);
    state = to;
  }
  return childOk(state);
}

/** Per-ear result of a hearing screen. */
export type HearingEarResult = 'pass' | 'refer';

/** Input of {@link hearingScreeningPlan}. */
export interface HearingScreeningInput {
  birthAt: string;
  /** Unknown: birth + `defaultDischargeAfterBirthDays`. */
  dischargeDate?: string | null;
  /** NICU infants are screened with AABR. */
  nicu?: boolean;
  initial?: { at: string; method: 'OAE' | 'AABR'; left: HearingEarResult; right: HearingEarResult } | null;
  rescreen?: { on: string; method?: 'OAE' | 'AABR'; left: HearingEarResult; right: HearingEarResult } | null;
  diagnosis?: { on: string; result: 'normal' | 'hearing_loss' } | null;
  intervention?: { on: string } | null;
  today: string;
}

/** Status of a time-limited step. */
export type ScreeningStepStatus = 'done_on_time' | 'done_late' | 'due' | 'overdue' | 'pending' | 'not_required';

/** One hearing step. */
export interface HearingStepState {
  step: 'initial' | 'rescreen' | 'diagnosis' | 'intervention';
  label: ChildLabel;
  /** False when the previous results make the step unnecessary. */
  required: boolean;
  dueBy: string | null;
  doneOn: string | null;
  status: ScreeningStepStatus;
}

/** Result of {@link hearingScreeningPlan}. */
export interface HearingScreeningPlan {
  steps: HearingStepState[];
  /** The first step that is due or overdue, else null. */
  next: HearingStepState['step'] | null;
  outcome: 'pass' | 'normal' | 'hearing_loss' | null;
  /** 'initial_before_48h', 'nicu_without_aabr'. */
  flags: string[];
}

const HEARING_LABELS: Record<HearingStepState['step'], ChildLabel> = {
  initial: { zh: '听力初筛', en: 'initial hearing screen' },
  rescreen: { zh: '听力复筛', en: 'hearing re-screen' },
  diagnosis: { zh: '听力诊断', en: 'audiological diagnosis' },
  intervention: { zh: '听力干预', en: 'hearing intervention' },
};

/**
 * The hearing-screening steps with due dates and status: initial by discharge; re-screen within 42 days when the
 * initial screen referred either ear or was missed; diagnosis by 3 months when the re-screen referred; intervention
 * by 6 months after a diagnosis of hearing loss. Fails on an invalid date.
 */
export function hearingScreeningPlan(
  input: HearingScreeningInput,
  config: NewbornScreeningConfig = NATIONAL_NEWBORN_SCREENING_CONFIG,
): ChildResult<HearingScreeningPlan> {
  const h = config.hearing;
  const birth = parseInstant(input.birthAt);
  if (birth === null) return childFailure('invalid_datetime', 'birthAt');
  const today = parseDay(input.today);
  if (today === null) return childFailure('invalid_date', 'today');
  let discharge = birth.day + h.defaultDischargeAfterBirthDays;
  if (input.dischargeDate != null) {
    const d = parseDay(input.dischargeDate);
    if (d === null) return childFailure('invalid_date', 'dischargeDate');
    discharge = d;
  }
  const flags: string[] = [];
  let initialDay: number | null = null;
  if (input.initial) {
    const t = hoursBetween(input.birthAt, input.initial.at);
    if (!t.ok) return childFailure(t.error.code, 'initial.at');
    initialDay = (parseInstant(input.initial.at) as { day: number }).day;
    if (t.value.hours < h.initialFromHours) flags.push('initial_before_48h');
    if (input.nicu && input.initial.method !== 'AABR') flags.push('nicu_without_aabr');
  }
  const day = (s: string | undefined): number | null | 'bad' => {
    if (s === undefined) return null;
    const d = parseDay(s);
    return d === null || d < birth.day ? 'bad' : d;
  };
  const rescreenDay = day(input.rescreen?.on);
  if (rescreenDay === 'bad') return childFailure('invalid_date', 'rescreen.on');
  const diagnosisDay = day(input.diagnosis?.on);
  if (diagnosisDay === 'bad') return childFailure('invalid_date', 'diagnosis.on');
  const interventionDay = day(input.intervention?.on);
  if (interventionDay === 'bad') return childFailure('invalid_date', 'intervention.on');

  const status = (required: boolean | null, dueBy: number, doneOn: number | null): ScreeningStepStatus => {
    if (required === false) return 'not_required';
    if (doneOn !== null) return doneOn <= dueBy ? 'done_on_time' : 'done_late';
    if (required === null) return 'pending';
    return today <= dueBy ? 'due' : 'overdue';
  };
  const refers = (r?: { left: HearingEarResult; right: HearingEarResult } | null) =>
    r ? r.left === 'refer' || r.right === 'refer' : null;

  const initialMissed = !input.initial && today > discharge;
  // rescreen required: initial refer or missed; unknown while the initial screen can still be done
  const rescreenRequired: boolean | null = input.initial ? refers(input.initial) : initialMissed ? true : null;
  const diagnosisRequired: boolean | null =
    rescreenRequired === false ? false : input.rescreen ? refers(input.rescreen) : null;
  const interventionRequired: boolean | null =
    diagnosisRequired === false ? false : input.diagnosis ? input.diagnosis.result === 'hearing_loss' : null;

  const rescreenBy = birth.day + h.rescreenWithinDays;
  const diagnosisBy = addMonthsToDay(birth.day, h.diagnosisByMonths);
  const interventionBy = addMonthsToDay(birth.day, h.interventionByMonths);
  const mk = (
    step: HearingStepState['step'],
    required: boolean | null,
    dueBy: number,
    doneOn: number | null,
  ): HearingStepState => ({
    step,
    label: HEARING_LABELS[step],
    required: required !== false,
    dueBy: required === false ? null : formatDay(dueBy),
    doneOn: doneOn === null ? null : formatDay(doneOn),
    status: status(required, dueBy, doneOn),
  });
  const steps = [
    mk('initial', true, discharge, initialDay),
    mk('rescreen', rescreenRequired, rescreenBy, rescreenDay),
    mk('diagnosis', diagnosisRequired, diagnosisBy, diagnosisDay),
    mk('intervention', interventionRequired, interventionBy, interventionDay),
  ];
  // a missed initial screen stays 'overdue' for the record; the re-screen replaces it as the next step
  const next = steps.find(
    (s) => (s.status === 'due' || s.status === 'overdue') && !(s.step === 'initial' && initialMissed),
  );
  let outcome: HearingScreeningPlan['outcome'] = null;
  if (rescreenRequired === false || diagnosisRequired === false) outcome = 'pass';
  else if (input.diagnosis) outcome = input.diagnosis.result === 'hearing_loss' ? 'hearing_loss' : 'normal';
  return childOk({ steps, next: next?.step ?? null, outcome, flags });
}

/** Input of {@link chdScreenResult}. */
export interface ChdScreenInput {
  /** Murmur grade 0–6 (0 = none). */
  murmurGrade: number;
  spo2RightHand: number;
  spo2Foot: number;
  /** The repeat measurement, when the first was borderline. */
  repeat?: { spo2RightHand: number; spo2Foot: number } | null;
  /** For the 6–72 h check and the echocardiography due date. */
  birthAt?: string | null;
  screenedAt?: string | null;
}

/** Reasons of a CHD screen result. */
export type ChdScreenReason =
  | 'murmur'
  | 'spo2_below_90'
  | 'borderline_both_sites'
  | 'borderline_on_repeat'
  | 'difference'
  | 'difference_needs_repeat'
  | 'difference_on_repeat';

/** zh/en labels of {@link ChdScreenReason}. */
export const CHD_SCREEN_REASON_LABELS: Record<ChdScreenReason, ChildLabel> = {
  murmur: { zh: '心脏杂音≥2/6级', en: 'heart murmur grade ≥2/6' },
  spo2_below_90: { zh: '右手或足部血氧饱和度<90%', en: 'SpO2 below 90% at the right hand or a foot' },
  borderline_both_sites: { zh: '右手和足部血氧饱和度均为90%–94%，需复测', en: 'SpO2 90–94% at both sites: repeat' },
  borderline_on_repeat: {
    zh: '复测右手和足部血氧饱和度仍均为90%–94%',
    en: 'SpO2 still 90–94% at both sites on repeat',
  },
  difference: { zh: '右手与足部血氧饱和度差值>3%', en: 'hand–foot SpO2 difference above 3%' },
  difference_needs_repeat: { zh: '右手与足部血氧饱和度差值>3%，需复测', en: 'hand–foot difference above 3%: repeat' },
  difference_on_repeat: {
    zh: '复测右手与足部血氧饱和度差值仍>3%',
    en: 'hand–foot difference still above 3% on repeat',
  },
};

/** Result of {@link chdScreenResult}. */
export interface ChdScreenResult {
  result: 'negative' | 'positive' | 'repeat_needed';
  reasons: ChdScreenReason[];
  /** Timing against 6–72 h after birth; null when the times are not given. */
  timing: 'in_window' | 'too_early' | 'too_late' | null;
  /** Echocardiography due by (positive with a screening date), else null. */
  echoDueBy: string | null;
}

/**
 * The 双指标 CHD screen: positive when a murmur ≥2/6, SpO2 <90% at either site, 90–94% at both sites on repeat, or a
 * hand–foot difference >3% [R]; borderline at both sites asks for a repeat. Positive → echocardiography within 7
 * days [L]. Fails with `invalid_number` (SpO2 outside 0–100, murmur not an integer 0–6) or an invalid time.
 */
export function chdScreenResult(
  input: ChdScreenInput,
  config: NewbornScreeningConfig = NATIONAL_NEWBORN_SCREENING_CONFIG,
): ChildResult<ChdScreenResult> {
  const c = config.chd;
  const sp = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100;
  if (!Number.isInteger(input.murmurGrade) || input.murmurGrade < 0 || input.murmurGrade > 6)
    return childFailure('invalid_number', 'murmurGrade');
  if (!sp(input.spo2RightHand)) return childFailure('invalid_number', 'spo2RightHand');
  if (!sp(input.spo2Foot)) return childFailure('invalid_number', 'spo2Foot');
  if (input.repeat && (!sp(input.repeat.spo2RightHand) || !sp(input.repeat.spo2Foot)))
    return childFailure('invalid_number', 'repeat');
  let timing: ChdScreenResult['timing'] = null;
  let screenDay: number | null = null;
  if (input.screenedAt) {
    const s = parseInstant(input.screenedAt);
    if (s === null) return childFailure('invalid_datetime', 'screenedAt');
    screenDay = s.day;
    if (input.birthAt) {
      const t = hoursBetween(input.birthAt, input.screenedAt);
      if (!t.ok) return childFailure(t.error.code, t.error.field === 'at' ? 'screenedAt' : 'birthAt');
      timing = t.value.hours < c.fromHours ? 'too_early' : t.value.hours > c.toHours ? 'too_late' : 'in_window';
    }
  }
  const reasons: ChdScreenReason[] = [];
  const low = (r: { spo2RightHand: number; spo2Foot: number }) =>
    r.spo2RightHand < c.spo2Below || r.spo2Foot < c.spo2Below;
  const diff = (r: { spo2RightHand: number; spo2Foot: number }) =>
    Math.abs(r.spo2RightHand - r.spo2Foot) > c.maxDifference;
  const border = (r: { spo2RightHand: number; spo2Foot: number }) =>
    !low(r) && r.spo2RightHand < c.normalFrom && r.spo2Foot < c.normalFrom;
  if (input.murmurGrade >= c.murmurGradeAtLeast) reasons.push('murmur');
  if (low(input)) reasons.push('spo2_below_90');
  const firstDiff = diff(input);
  if (firstDiff && !c.differenceNeedsRepeat) reasons.push('difference');
  let repeatNeeded = border(input) || (firstDiff && c.differenceNeedsRepeat);
  if (repeatNeeded && input.repeat) {
    repeatNeeded = false;
    const r = input.repeat;
    if (low(r) && !reasons.includes('spo2_below_90')) reasons.push('spo2_below_90');
    if (border(input) && border(r)) reasons.push('borderline_on_repeat');
    if (diff(r)) reasons.push(firstDiff && c.differenceNeedsRepeat ? 'difference_on_repeat' : 'difference');
  }
  const positive = reasons.length > 0;
  if (!positive && repeatNeeded) reasons.push(border(input) ? 'borderline_both_sites' : 'difference_needs_repeat');
  return childOk({
    result: positive ? 'positive' : repeatNeeded ? 'repeat_needed' : 'negative',
    reasons,
    timing,
    echoDueBy: positive && screenDay !== null ? formatDay(screenDay + c.echoWithinDays) : null,
  });
}
