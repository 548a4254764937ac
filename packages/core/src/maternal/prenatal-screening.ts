/**
 * Follow-up of prenatal screening (产前筛查, capability B3): which results need a follow-up to prenatal diagnosis
 * (产前诊断) or further screening, and by when. A high-risk result for trisomy 21, 18 or an open neural-tube defect
 * is followed until the prenatal diagnosis result and the counselling outcome are recorded; an intermediate
 * (critical) risk is offered further screening or diagnosis. The time limit is local practice [L], in a versioned
 * configuration flagged to confirm.
 */
import type { MaternalLabel, MaternalParameter, MaternalRuleSetMeta } from './config';
import { maternalParameter } from './config';
import { formatDay, parseDay } from './dates';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';

/** Screening methods (glossary `prenatalScreening`; cfDNA = NIPT). */
export type PrenatalScreeningMethod = 'serum_first' | 'serum_second' | 'cfdna' | 'ultrasound_markers';

/** Labels of {@link PrenatalScreeningMethod}. */
export const PRENATAL_SCREENING_METHOD_LABELS: Record<PrenatalScreeningMethod, MaternalLabel> = {
  serum_first: { zh: '孕早期血清学筛查', en: 'First-trimester serum screening' },
  serum_second: { zh: '孕中期血清学筛查', en: 'Second-trimester serum screening' },
  cfdna: { zh: '无创产前基因检测（NIPT）', en: 'Cell-free DNA screening (NIPT)' },
  ultrasound_markers: { zh: '超声软指标', en: 'Ultrasound soft markers' },
};

/** A risk band of a screening result. */
export type PrenatalRiskBand = 'low' | 'intermediate' | 'high';

/** The versioned follow-up configuration. */
export interface PrenatalFollowUpConfig extends MaternalRuleSetMeta {
  /** Days after the screening by which a high-risk result should have its diagnosis (or refusal) recorded. */
  highRiskDays: MaternalParameter;
  /** Days after the screening by which an intermediate result should have its further test recorded. */
  intermediateDays: MaternalParameter;
}

const L = 'local practice [L]';

/** Default: high risk followed to diagnosis within 4 weeks, intermediate within 2 weeks [L]. */
export const DEFAULT_PRENATAL_FOLLOW_UP: PrenatalFollowUpConfig = {
  id: 'prenatal-follow-up-cn',
  version: '1.0',
  region: 'CN',
  name: { zh: '产前筛查高风险随访时限', en: 'Prenatal screening follow-up deadlines' },
  source: `产前筛查与诊断技术规范; ${L}`,
  confirmed: false,
  status: 'to_confirm',
  highRiskDays: maternalParameter(28, 'days', false, L),
  intermediateDays: maternalParameter(14, 'days', false, L),
};

/** What a screening result asks for. */
export interface PrenatalFollowUp {
  /** 'diagnosis' for a high risk, 'further_screening' for an intermediate risk, null when none is needed. */
  needed: 'diagnosis' | 'further_screening' | null;
  /** Conditions at high or intermediate risk. */
  conditions: Array<'t21' | 't18' | 'ntd'>;
  /** Last day to record the follow-up, or null. */
  dueOn: string | null;
}

/** The follow-up a screening result needs (the worst band of T21, T18 and NTD decides). Fails with `invalid_date`. */
export function prenatalFollowUp(
  input: { screenedOn: string; t21?: PrenatalRiskBand; t18?: PrenatalRiskBand; ntd?: PrenatalRiskBand },
  config: PrenatalFollowUpConfig = DEFAULT_PRENATAL_FOLLOW_UP,
): MaternalResult<PrenatalFollowUp> {
  const day = parseDay(input.screenedOn);
  if (day === null) return maternalFailure('invalid_date', 'screenedOn');
  const bands: Array<['t21' | 't18' | 'ntd', PrenatalRiskBand | undefined]> = [
    ['t21', input.t21],
    ['t18', input.t18],
    ['ntd', input.ntd],
  ];
  const high = bands.filter(([, b]) => b === 'high').map(([c]) => c);
  const mid = bands.filter(([, b]) => b === 'intermediate').map(([c]) => c);
  if (high.length)
    return maternalOk({ needed: 'diagnosis', conditions: high, dueOn: formatDay(day + config.highRiskDays.value) });
  if (mid.length)
    return maternalOk({
      needed: 'further_screening',
      conditions: mid,
      dueOn: formatDay(day + config.intermediateDays.value),
    });
  return maternalOk({ needed: null, conditions: [], dueOn: null });
}
