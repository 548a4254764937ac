/**
 * The pathway decision for one two-cancer screening record holding several results (REFERENCE §9): which stage's
 * result decides the next step, given the method and the results entered so far. The furthest stage that has a
 * result decides (histopathology over colposcopy over the first-line tests; breast pathology over senior review over
 * mammography over ultrasound). A missing first-line result leaves the record pending.
 *
 * The step itself always comes from {@link cervicalNextStep} / {@link breastNextStep}; this file only picks the
 * stage. Combining HPV and cytology of a co-test is convention [L]: 16/18 → colposcopy whatever the cytology; other
 * high-risk types → the cytology decides as triage; HPV negative → the cytology decides as a primary test.
 */
import type { BiRads, BreastNextStep, BreastPathology, BreastPathwayConfig } from './breast-screening';
import type { BreastScreeningMethod, BreastSeniorReviewDecision } from './breast-screening';
import { BREAST_PATHWAY_NATIONAL, breastNextStep } from './breast-screening';
import type {
  CervicalHistology,
  CervicalNextStep,
  CervicalPathwayConfig,
  CervicalScreeningMethod,
} from './cervical-screening';
import type { ColposcopyResult, TbsCategory, ViaViliResult } from './cervical-screening';
import { CERVICAL_PATHWAY_NATIONAL, cervicalNextStep, classifyHpvGenotyping } from './cervical-screening';
import type { WomenEvidenceMarker, WomenRuleError } from './rule-meta';
import { womenRuleError } from './rule-meta';
import type { ScreeningFurtherExam } from './screening-case';
import { pathwayStepOpensScreeningCase, screeningFurtherExamFor } from './screening-case';

/** Results of a cervical screening record; undefined or null = not done, an empty HPV list = HPV negative. */
export interface CervicalRecordResults {
  hpvTypes?: readonly string[] | null;
  cytology?: TbsCategory | null;
  viaVili?: ViaViliResult | null;
  colposcopy?: ColposcopyResult | null;
  histopathology?: CervicalHistology | null;
}

/** Results of a breast screening record; undefined or null = not done. */
export interface BreastRecordResults {
  ultrasound?: BiRads | null;
  mammography?: BiRads | null;
  seniorReview?: BreastSeniorReviewDecision | null;
  pathology?: BreastPathology | null;
  /** Any high-risk factor (family history, BRCA …): ultrasound 1–2 still goes to mammography. */
  highRisk?: boolean;
}

/** A decided record: the stage that decided, the step, and whether the step means a follow-up case. */
export interface ScreeningRecordDecided {
  ok: true;
  status: 'decided';
  stage: string;
  result: string;
  next: CervicalNextStep | BreastNextStep;
  marker: WomenEvidenceMarker;
  treatmentNeeded: boolean;
  /** True when the step is a further examination or treatment (the woman is followed as a case). */
  opensCase: boolean;
  /** The further examination to ask for (colposcopy, cytology, mammography …), or null. */
  nextExam: ScreeningFurtherExam | null;
}

/** The first-line result is not in yet. */
export interface ScreeningRecordPending {
  ok: true;
  status: 'pending';
  /** The result that is awaited ('hpv', 'cytology', 'via_vili', 'ultrasound', 'mammography'). */
  awaiting: string;
}

/** Result of {@link cervicalRecordDecision} and {@link breastRecordDecision}. */
export type ScreeningRecordDecision = ScreeningRecordDecided | ScreeningRecordPending;

/** Error codes of this file. */
export type ScreeningRecordErrorCode = 'UNKNOWN_RESULT' | 'INVALID_HPV_TYPE' | 'METHOD_RESULT_MISSING';

function decided(
  d: { stage: string; result: string; next: CervicalNextStep | BreastNextStep; marker: WomenEvidenceMarker },
  markerOverride?: WomenEvidenceMarker,
): ScreeningRecordDecided {
  return {
    ok: true,
    status: 'decided',
    stage: d.stage,
    result: d.result,
    next: d.next,
    marker: markerOverride ?? d.marker,
    treatmentNeeded: d.next === 'treatment',
    opensCase: pathwayStepOpensScreeningCase(d.next),
    nextExam: screeningFurtherExamFor(d.next),
  };
}

const pending = (awaiting: string): ScreeningRecordPending => ({ ok: true, status: 'pending', awaiting });

/**
 * The next step of a cervical screening record.
 * @example cervicalRecordDecision('hpv', { hpvTypes: ['16'] }) // decided, next 'colposcopy', opensCase true
 * @example cervicalRecordDecision('hpv', { hpvTypes: ['16'], colposcopy: 'abnormal', histopathology: 'CIN2' }) // next 'treatment'
 */
export function cervicalRecordDecision(
  method: CervicalScreeningMethod,
  results: CervicalRecordResults,
  config: CervicalPathwayConfig = CERVICAL_PATHWAY_NATIONAL,
): ScreeningRecordDecision | WomenRuleError<ScreeningRecordErrorCode> {
  const step = (stage: Parameters<typeof cervicalNextStep>[0], result: string, marker?: WomenEvidenceMarker) => {
    const d = cervicalNextStep(stage, result, config);
    return d.ok ? decided(d, marker) : d;
  };
  if (results.histopathology) return step('histopathology', results.histopathology);
  if (results.colposcopy) return step('colposcopy', results.colposcopy);
  const hasHpv = results.hpvTypes !== undefined && results.hpvTypes !== null;
  switch (method) {
    case 'via_vili':
      return results.viaVili ? step('via_vili', results.viaVili) : pending('via_vili');
    case 'cytology':
      return results.cytology ? step('cytology_primary', results.cytology) : pending('cytology');
    case 'hpv':
    case 'co_test': {
      if (!hasHpv) return pending('hpv');
      const c = classifyHpvGenotyping(results.hpvTypes ?? []);
      if (!c.ok) return c;
      if (c.category === 'hpv16_18') return step('hpv', c.category);
      if (c.category === 'other_hr') {
        return results.cytology ? step('cytology_after_hpv', results.cytology) : step('hpv', c.category);
      }
      if (method === 'co_test') {
        if (!results.cytology) {
          return womenRuleError(
            'METHOD_RESULT_MISSING',
            '联合筛查需同时填写细胞学结果',
            'A co-test needs the cytology result as well',
          );
        }
        return step('cytology_primary', results.cytology, 'L');
      }
      return step('hpv', c.category);
    }
  }
}

/**
 * The next step of a breast screening record.
 * @example breastRecordDecision('breast_ultrasound', { ultrasound: '3' }) // decided, next 'mammography'
 */
export function breastRecordDecision(
  method: BreastScreeningMethod,
  results: BreastRecordResults,
  config: BreastPathwayConfig = BREAST_PATHWAY_NATIONAL,
): ScreeningRecordDecision | WomenRuleError<ScreeningRecordErrorCode> {
  const step = (stage: Parameters<typeof breastNextStep>[0], result: string) => {
    const d = breastNextStep(stage, result, config);
    return d.ok ? decided(d) : d;
  };
  if (results.pathology) return step('pathology', results.pathology);
  if (results.seniorReview) return step('senior_review', results.seniorReview);
  if (results.mammography) return step('mammography', results.mammography);
  if (method === 'mammography') return pending('mammography');
  if (!results.ultrasound) return pending('ultrasound');
  return step(results.highRisk ? 'ultrasound_high_risk' : 'ultrasound', results.ultrasound);
}
