/**
 * Glue between the screening tables and the two-cancer rules of @fuyou/core: builds the core inputs from rows,
 * turns core errors into API errors, and derives the stored pathway fields. No rule is decided here.
 */
import {
  CANCER_SCREENING_INELIGIBLE_LABELS,
  allowedScreeningCaseEvents,
  breastRecordDecision,
  cancerScreeningNextDue,
  cervicalLesionGrade,
  cervicalRecordDecision,
  classifyHpvGenotyping,
  isBreastCancerPathology,
  isBreastHighRisk,
  screeningCaseNextStep,
  screeningCaseOverdue,
  type BiRads,
  type BreastHighRiskFactor,
  type BreastPathology,
  type BreastScreeningMethod,
  type CancerScreeningIneligibleReason,
  type CervicalHistology,
  type CervicalScreeningMethod,
  type ColposcopyResult,
  type ScreeningCase,
  type ScreeningCaseEvent,
  type ScreeningCaseState,
  type ScreeningFurtherExam,
  type ScreeningRecordDecision,
  type TbsCategory,
  type ViaViliResult,
} from '@fuyou/core';
import type { CancerScreeningTable } from '@fuyou/db';
import { errors } from '../../platform/errors';

/** The result columns of a screening row. */
export type ScreeningResults = Pick<
  CancerScreeningTable,
  | 'kind'
  | 'method'
  | 'hpv_types'
  | 'cytology'
  | 'via_vili'
  | 'colposcopy'
  | 'histopathology'
  | 'ultrasound_birads'
  | 'mammography_birads'
  | 'senior_review'
  | 'breast_pathology'
> & { high_risk_factors: string[] };

/** The pathway decision of a row (core), with core errors turned into field errors. */
export function decideScreening(r: ScreeningResults): ScreeningRecordDecision {
  const d =
    r.kind === 'cervical'
      ? cervicalRecordDecision(r.method as CervicalScreeningMethod, {
          hpvTypes: r.hpv_types,
          cytology: r.cytology as TbsCategory | null,
          viaVili: r.via_vili as ViaViliResult | null,
          colposcopy: r.colposcopy as ColposcopyResult | null,
          histopathology: r.histopathology as CervicalHistology | null,
        })
      : breastRecordDecision(r.method as BreastScreeningMethod, {
          ultrasound: r.ultrasound_birads as BiRads | null,
          mammography: r.mammography_birads as BiRads | null,
          seniorReview: r.senior_review as 'follow_up' | 'biopsy' | null,
          pathology: r.breast_pathology as BreastPathology | null,
          highRisk: isBreastHighRisk(r.high_risk_factors as BreastHighRiskFactor[]),
        });
  if (!d.ok) {
    const field =
      d.code === 'INVALID_HPV_TYPE' ? 'hpvTypes' : d.code === 'METHOD_RESULT_MISSING' ? 'cytology' : 'result';
    throw errors.field(field, d.messageZh, d.messageEn, d.code);
  }
  return d;
}

/** The stored pathway fields of a row. */
export interface DerivedScreening {
  status: 'pending' | 'normal' | 'abnormal';
  awaiting: string | null;
  next_step: string | null;
  next_step_marker: string | null;
  next_due_on: string | null;
  hpv_category: string | null;
}

/**
 * Derives status, next step and the re-screening date (core's cancerScreeningNextDue, from `lastDate`: the date of
 * the last result). A row with a case stays 'abnormal'.
 */
export function deriveScreening(
  r: ScreeningResults,
  opts: { lastDate: string; birthDate: string | null; hasCase: boolean },
): { derived: DerivedScreening; decision: ScreeningRecordDecision } {
  const decision = decideScreening(r);
  let hpvCategory: string | null = null;
  if (r.hpv_types) {
    const c = classifyHpvGenotyping(r.hpv_types);
    if (!c.ok) throw errors.field('hpvTypes', c.messageZh, c.messageEn, c.code);
    hpvCategory = c.category;
  }
  if (decision.status === 'pending') {
    return {
      decision,
      derived: {
        status: opts.hasCase ? 'abnormal' : 'pending',
        awaiting: decision.awaiting,
        next_step: null,
        next_step_marker: null,
        next_due_on: null,
        hpv_category: hpvCategory,
      },
    };
  }
  let due: string | null = null;
  if (!decision.opensCase) {
    const n = cancerScreeningNextDue({
      method: r.method as CervicalScreeningMethod | BreastScreeningMethod,
      lastDate: opts.lastDate,
      lastOutcome: decision.next,
      ...(opts.birthDate ? { birthDate: opts.birthDate } : {}),
    });
    if (n.ok) due = n.dueDate;
  }
  return {
    decision,
    derived: {
      status: opts.hasCase || decision.opensCase ? 'abnormal' : 'normal',
      awaiting: null,
      next_step: decision.next,
      next_step_marker: decision.marker,
      next_due_on: due,
      hpv_category: hpvCategory,
    },
  };
}

/** zh text of ineligibility reasons. */
export function ineligibleText(reasons: readonly CancerScreeningIneligibleReason[]): { zh: string; en: string } {
  return {
    zh: reasons.map((x) => CANCER_SCREENING_INELIGIBLE_LABELS[x].zh).join('；'),
    en: reasons.map((x) => CANCER_SCREENING_INELIGIBLE_LABELS[x].en).join('; '),
  };
}

/** Lesion grade and early stage from a pathology result. */
export function lesionOf(
  kind: 'cervical' | 'breast',
  result: string,
  earlyStage: boolean | undefined,
): { grade: string; early: boolean | null } {
  if (kind === 'cervical') {
    const grade = cervicalLesionGrade(result as CervicalHistology);
    return { grade, early: grade === 'cancer' ? (earlyStage ?? null) : null };
  }
  const p = result as BreastPathology;
  if (isBreastCancerPathology(p)) {
    return { grade: 'cancer', early: p === 'carcinoma_in_situ' ? true : (earlyStage ?? null) };
  }
  return { grade: p === 'atypical_hyperplasia' ? 'low_grade' : 'none', early: null };
}

/** The event a clinician most likely records next (shown as the primary action). */
export function suggestedEvent(c: ScreeningCase, decision: ScreeningRecordDecision): ScreeningCaseEvent | null {
  switch (c.state) {
    case 'abnormal':
      return 'notify';
    case 'notified':
      return 'attend_further_exam';
    case 'further_exam':
      if (decision.status === 'decided' && !decision.opensCase) return 'further_exam_normal';
      return c.pendingExam === 'biopsy' ? 'record_pathology' : 'attend_further_exam';
    case 'pathology':
      return decision.status === 'decided' && decision.treatmentNeeded ? 'record_treatment' : 'close_no_treatment';
    case 'lost_to_follow_up':
      return 'reopen';
    default:
      return null;
  }
}

/** The case as core sees it, from its row and steps. */
export function coreCase(
  row: {
    kind: 'cervical' | 'breast';
    state: string;
    opened_on: string;
    entered_on: Record<string, string>;
    pending_exam: string | null;
  },
  steps: readonly { from_state: string; event: string; to_state: string; step_date: string }[],
): ScreeningCase {
  return {
    kind: row.kind,
    state: row.state as ScreeningCaseState,
    openedOn: row.opened_on,
    enteredOn: row.entered_on as ScreeningCase['enteredOn'],
    pendingExam: row.pending_exam as ScreeningFurtherExam | null,
    history: steps.map((s) => ({
      from: s.from_state as ScreeningCaseState,
      event: s.event as ScreeningCaseEvent,
      to: s.to_state as ScreeningCaseState,
      date: s.step_date,
    })),
  };
}

/** What the UI shows of a case: next step, allowed events and the overdue status (all from core). */
export function caseView(c: ScreeningCase, today: string) {
  const due = screeningCaseOverdue(c, today);
  return {
    nextStep: screeningCaseNextStep(c),
    allowedEvents: allowedScreeningCaseEvents(c.state),
    dueStep: due.step,
    dueOn: due.dueDate,
    overdue: due.overdue,
    daysOverdue: due.daysOverdue,
  };
}
