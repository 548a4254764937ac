/**
 * Follow-up of an abnormal two-cancer screening result as a case (REFERENCE §9 "Follow-up"): women are told of
 * abnormal results and tracked until diagnosis and treatment. States: 已筛查 → 异常 → 已告知 → 进一步检查 → 病理 →
 * 已治疗, or 失访 (lost to follow-up), or 结案-正常 (further examination normal / no treatment needed).
 *
 * Transitions are an explicit table ({@link SCREENING_CASE_TRANSITIONS}); anything else is refused as data.
 * Deadlines per waiting state are configuration ({@link SCREENING_CASE_DEADLINES_DEFAULT}, [L]).
 */
import type { BreastNextStep } from './breast-screening';
import type { CervicalNextStep } from './cervical-screening';
import type { WomenRuleError, WomenRuleSet } from './rule-meta';
import { nationalMeta, womenRuleError } from './rule-meta';
import { addDays, diffDays, isIsoDate } from './women-dates';

/** Which cancer the case is about. */
export type ScreeningCaseKind = 'cervical' | 'breast';

/** States of a screening follow-up case. */
export type ScreeningCaseState =
  | 'screened'
  | 'abnormal'
  | 'notified'
  | 'further_exam'
  | 'pathology'
  | 'treated'
  | 'lost_to_follow_up'
  | 'closed_normal';

/** zh/en labels of {@link ScreeningCaseState}. */
export const SCREENING_CASE_STATE_LABELS: Record<ScreeningCaseState, { zh: string; en: string }> = {
  screened: { zh: '已筛查', en: 'Screened' },
  abnormal: { zh: '异常', en: 'Abnormal result' },
  notified: { zh: '已告知', en: 'Woman notified' },
  further_exam: { zh: '进一步检查', en: 'Further examination' },
  pathology: { zh: '病理', en: 'Pathology' },
  treated: { zh: '已治疗', en: 'Treated' },
  lost_to_follow_up: { zh: '失访', en: 'Lost to follow-up' },
  closed_normal: { zh: '结案（进一步检查正常）', en: 'Closed (further examination normal)' },
};

/** Events (steps) that move a case. */
export type ScreeningCaseEvent =
  | 'mark_abnormal'
  | 'notify'
  | 'attend_further_exam'
  | 'further_exam_normal'
  | 'record_pathology'
  | 'close_no_treatment'
  | 'record_treatment'
  | 'mark_lost'
  | 'reopen';

/** zh/en labels of {@link ScreeningCaseEvent}. */
export const SCREENING_CASE_EVENT_LABELS: Record<ScreeningCaseEvent, { zh: string; en: string }> = {
  mark_abnormal: { zh: '登记异常结果', en: 'record an abnormal result' },
  notify: { zh: '告知受检者', en: 'notify the woman' },
  attend_further_exam: { zh: '登记进一步检查', en: 'record a further examination' },
  further_exam_normal: { zh: '进一步检查正常结案', en: 'close as normal after further examination' },
  record_pathology: { zh: '登记病理结果', en: 'record the pathology result' },
  close_no_treatment: { zh: '无需治疗结案', en: 'close: no treatment needed' },
  record_treatment: { zh: '登记治疗', en: 'record treatment' },
  mark_lost: { zh: '登记失访', en: 'mark as lost to follow-up' },
  reopen: { zh: '重新联系上受检者', en: 're-open after re-contact' },
};

/** One allowed transition. */
export interface ScreeningCaseTransition {
  from: ScreeningCaseState;
  event: ScreeningCaseEvent;
  to: ScreeningCaseState;
}

const OPEN_STATES = ['abnormal', 'notified', 'further_exam', 'pathology'] as const;

/**
 * The complete transition table. `attend_further_exam` may repeat (e.g. cytology triage, then colposcopy);
 * any open state may be marked lost; a lost case re-opens as notified once the woman is reached again.
 */
export const SCREENING_CASE_TRANSITIONS: readonly ScreeningCaseTransition[] = [
  { from: 'screened', event: 'mark_abnormal', to: 'abnormal' },
  { from: 'abnormal', event: 'notify', to: 'notified' },
  { from: 'notified', event: 'attend_further_exam', to: 'further_exam' },
  { from: 'further_exam', event: 'attend_further_exam', to: 'further_exam' },
  { from: 'further_exam', event: 'further_exam_normal', to: 'closed_normal' },
  { from: 'further_exam', event: 'record_pathology', to: 'pathology' },
  { from: 'pathology', event: 'close_no_treatment', to: 'closed_normal' },
  { from: 'pathology', event: 'record_treatment', to: 'treated' },
  ...OPEN_STATES.map((from) => ({ from, event: 'mark_lost' as const, to: 'lost_to_follow_up' as const })),
  { from: 'lost_to_follow_up', event: 'reopen', to: 'notified' },
];

/** States with no way out but `reopen` (lost) or none at all. */
export const SCREENING_CASE_TERMINAL_STATES: readonly ScreeningCaseState[] = ['treated', 'closed_normal'];

/** Further examinations the pathway can ask for. */
export type ScreeningFurtherExam = 'colposcopy' | 'cytology' | 'hpv' | 'mammography' | 'senior_review' | 'biopsy';

/** One recorded transition. */
export interface ScreeningCaseHistoryEntry {
  from: ScreeningCaseState;
  event: ScreeningCaseEvent;
  to: ScreeningCaseState;
  date: string;
}

/** A screening follow-up case (immutable; every transition returns a new object). */
export interface ScreeningCase {
  kind: ScreeningCaseKind;
  state: ScreeningCaseState;
  /** Screening date. */
  openedOn: string;
  /** Date each state was first entered (a repeated further exam keeps the first date). */
  enteredOn: Partial<Record<ScreeningCaseState, string>>;
  /** The further examination the pathway asks for next, if known. */
  pendingExam: ScreeningFurtherExam | null;
  history: readonly ScreeningCaseHistoryEntry[];
}

/** Error codes of {@link transitionScreeningCase}. */
export type ScreeningCaseErrorCode = 'INVALID_TRANSITION' | 'INVALID_DATE' | 'DATE_BEFORE_PREVIOUS';

/** Error returned by {@link transitionScreeningCase}; names the current state and the attempted step. */
export interface ScreeningCaseError extends WomenRuleError<ScreeningCaseErrorCode> {
  state: ScreeningCaseState;
  event: ScreeningCaseEvent;
}

/** Opens a case in state 'screened' on the screening date. */
export function openScreeningCase(
  kind: ScreeningCaseKind,
  screenedOn: string,
): { ok: true; case: ScreeningCase } | WomenRuleError<'INVALID_DATE'> {
  if (!isIsoDate(screenedOn)) {
    return womenRuleError('INVALID_DATE', `筛查日期“${screenedOn}”无效`, `Invalid screening date "${screenedOn}"`);
  }
  return {
    ok: true,
    case: {
      kind,
      state: 'screened',
      openedOn: screenedOn,
      enteredOn: { screened: screenedOn },
      pendingExam: null,
      history: [],
    },
  };
}

/** Events allowed from a state. */
export function allowedScreeningCaseEvents(state: ScreeningCaseState): ScreeningCaseEvent[] {
  return SCREENING_CASE_TRANSITIONS.filter((t) => t.from === state).map((t) => t.event);
}

/** Details that go with an event. */
export interface ScreeningCaseEventDetail {
  /**
   * The further examination the pathway asks for next (from `cervicalNextStep` / `breastNextStep`), e.g.
   * 'colposcopy' after HPV 16/18, 'cytology' after other hrHPV. `null` clears it.
   */
  nextExam?: ScreeningFurtherExam | null;
}

function defaultExam(kind: ScreeningCaseKind): ScreeningFurtherExam {
  return kind === 'cervical' ? 'colposcopy' : 'mammography';
}

/**
 * Applies an event on a date. Returns the new case, or an error as data when the step is impossible from the current
 * state (`INVALID_TRANSITION`), the date is not a date, or it is earlier than the case's last step.
 * @example transitionScreeningCase(c, 'notify', '2025-03-04')
 */
export function transitionScreeningCase(
  c: ScreeningCase,
  event: ScreeningCaseEvent,
  date: string,
  detail: ScreeningCaseEventDetail = {},
): { ok: true; case: ScreeningCase } | ScreeningCaseError {
  const t = SCREENING_CASE_TRANSITIONS.find((x) => x.from === c.state && x.event === event);
  const stateL = SCREENING_CASE_STATE_LABELS[c.state];
  const eventL = SCREENING_CASE_EVENT_LABELS[event];
  if (!t) {
    return {
      ...womenRuleError(
        'INVALID_TRANSITION',
        `病例当前状态为“${stateL.zh}”，不能执行“${eventL.zh}”`,
        `The case is "${stateL.en}"; cannot ${eventL.en}`,
      ),
      state: c.state,
      event,
    };
  }
  if (!isIsoDate(date)) {
    return { ...womenRuleError('INVALID_DATE', `日期“${date}”无效`, `Invalid date "${date}"`), state: c.state, event };
  }
  const last = c.history.length > 0 ? c.history[c.history.length - 1]?.date : c.openedOn;
  if (last !== undefined && date < last) {
    return {
      ...womenRuleError(
        'DATE_BEFORE_PREVIOUS',
        `日期${date}早于上一步的日期${last}`,
        `The date ${date} is earlier than the previous step (${last})`,
      ),
      state: c.state,
      event,
    };
  }
  let pendingExam = c.pendingExam;
  if (detail.nextExam !== undefined) pendingExam = detail.nextExam;
  else if (event === 'mark_abnormal') pendingExam = defaultExam(c.kind);
  else if (event === 'attend_further_exam' || t.to === 'pathology' || t.to === 'treated' || t.to === 'closed_normal') {
    pendingExam = null;
  }
  const enteredOn = { ...c.enteredOn };
  // a repeated further exam keeps the first date; entering a state again (after re-opening) restarts its clock
  if (t.to !== c.state) enteredOn[t.to] = date;
  return {
    ok: true,
    case: {
      ...c,
      state: t.to,
      enteredOn,
      pendingExam,
      history: [...c.history, { from: c.state, event, to: t.to, date }],
    },
  };
}

/** What the UI should ask for next. */
export type ScreeningCaseNextStep =
  'record_result' | 'notify' | ScreeningFurtherExam | 'treatment' | 'recontact' | 'none';

/** zh/en labels of {@link ScreeningCaseNextStep}. */
export const SCREENING_CASE_NEXT_STEP_LABELS: Record<ScreeningCaseNextStep, { zh: string; en: string }> = {
  record_result: { zh: '登记筛查结果', en: 'Record the screening result' },
  notify: { zh: '告知受检者异常结果', en: 'Notify the woman of the abnormal result' },
  colposcopy: { zh: '阴道镜检查', en: 'Colposcopy' },
  cytology: { zh: '宫颈细胞学检查', en: 'Cervical cytology' },
  hpv: { zh: 'HPV检测', en: 'HPV test' },
  mammography: { zh: '乳腺X线检查', en: 'Mammography' },
  senior_review: { zh: '专家会诊评估', en: 'Senior specialist review' },
  biopsy: { zh: '活检/病理检查', en: 'Biopsy / pathology' },
  treatment: { zh: '治疗', en: 'Treatment' },
  recontact: { zh: '重新联系受检者', en: 'Try to re-contact the woman' },
  none: { zh: '无', en: 'Nothing' },
};

/**
 * Tells the UI what to ask next for a case: the pending further exam when the pathway named one
 * (colposcopy, cytology, mammography …), biopsy after a further exam, treatment after pathology.
 */
export function screeningCaseNextStep(c: ScreeningCase): ScreeningCaseNextStep {
  switch (c.state) {
    case 'screened':
      return 'record_result';
    case 'abnormal':
      return 'notify';
    case 'notified':
      return c.pendingExam ?? defaultExam(c.kind);
    case 'further_exam':
      return c.pendingExam ?? 'biopsy';
    case 'pathology':
      return 'treatment';
    case 'lost_to_follow_up':
      return 'recontact';
    default:
      return 'none';
  }
}

/** The step each waiting state is waiting for. */
export type ScreeningCaseDueStep = 'notify' | 'further_exam' | 'pathology' | 'treatment';

/** Deadline configuration: days allowed in each waiting state. */
export interface ScreeningCaseDeadlineConfig extends WomenRuleSet {
  /** Days from entering `abnormal` until the woman must be notified. */
  notifyWithinDays: number;
  /** Days from notification until the further examination. */
  furtherExamWithinDays: number;
  /** Days from the (first) further examination until pathology. */
  pathologyWithinDays: number;
  /** Days from pathology until treatment. */
  treatmentWithinDays: number;
}

/** Default deadlines [L]: notify 7 days, further exam 30, pathology 30, treatment 60. */
export const SCREENING_CASE_DEADLINES_DEFAULT: ScreeningCaseDeadlineConfig = {
  meta: nationalMeta(
    'screening-case-deadlines',
    '1',
    'L',
    ['REFERENCE §9 (follow-up until diagnosis and treatment; no national day limits found)'],
    'All four limits are local convention; take them from the provincial programme.',
  ),
  notifyWithinDays: 7,
  furtherExamWithinDays: 30,
  pathologyWithinDays: 30,
  treatmentWithinDays: 60,
};

/** Result of {@link screeningCaseOverdue}. */
export interface ScreeningCaseDueStatus {
  /** The step the case is waiting for; null in closed, treated, screened and lost states. */
  step: ScreeningCaseDueStep | null;
  dueDate: string | null;
  overdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

/**
 * Whether the case's next step is overdue on `today` (the due date itself is not overdue).
 * @example screeningCaseOverdue(c, '2025-03-20') // { step: 'notify', dueDate: '2025-03-08', overdue: true, daysOverdue: 12 }
 */
export function screeningCaseOverdue(
  c: ScreeningCase,
  today: string,
  config: ScreeningCaseDeadlineConfig = SCREENING_CASE_DEADLINES_DEFAULT,
): ScreeningCaseDueStatus {
  const waits: Partial<Record<ScreeningCaseState, [ScreeningCaseDueStep, number]>> = {
    abnormal: ['notify', config.notifyWithinDays],
    notified: ['further_exam', config.furtherExamWithinDays],
    further_exam: ['pathology', config.pathologyWithinDays],
    pathology: ['treatment', config.treatmentWithinDays],
  };
  const w = waits[c.state];
  const since = c.enteredOn[c.state];
  if (!w || since === undefined || !isIsoDate(today)) {
    return { step: w?.[0] ?? null, dueDate: null, overdue: false, daysOverdue: 0 };
  }
  const dueDate = addDays(since, w[1]);
  const late = diffDays(dueDate, today);
  return { step: w[0], dueDate, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

/** Pathway steps (cervical or breast) that open or continue a follow-up case. */
export type ScreeningPathwayStep = CervicalNextStep | BreastNextStep;

const EXAM_FOR_STEP: Partial<Record<ScreeningPathwayStep, ScreeningFurtherExam>> = {
  colposcopy: 'colposcopy',
  cytology_triage: 'cytology',
  hpv_triage: 'hpv',
  mammography: 'mammography',
  senior_review: 'senior_review',
  biopsy: 'biopsy',
};

/**
 * The further examination a pathway step asks for, to pass as `nextExam` to {@link transitionScreeningCase}
 * (e.g. 'cytology_triage' → 'cytology'); null for steps that are not an examination.
 */
export function screeningFurtherExamFor(step: ScreeningPathwayStep): ScreeningFurtherExam | null {
  return EXAM_FOR_STEP[step] ?? null;
}

/**
 * Whether a pathway step means the woman needs follow-up as a case (a further examination or treatment), as opposed
 * to re-screening, a 12-month repeat or a new sample.
 */
export function pathwayStepOpensScreeningCase(step: ScreeningPathwayStep): boolean {
  return step === 'treatment' || screeningFurtherExamFor(step) !== null;
}
