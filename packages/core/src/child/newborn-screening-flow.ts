/**
 * Newborn screening as a chain of steps with their time limits (新生儿疾病筛查管理办法 2009; 新生儿疾病筛查技术规范
 * 2010; REFERENCE §5.6):
 * - metabolic (PKU, CH, provincial panels): heel-prick sample ≥72 h after birth and ≤7 days, after ≥6 feeds [C];
 *   preterm, sick or early-discharged infants by day 20 [C]; an early sample is flagged for a repeat; suspected
 *   positive → recall → re-test → confirmation → treatment, each step due within a configured number of days [L];
 * - hearing: initial screen (OAE/AABR, each ear) from 48 h to discharge [C]; failed or missed → re-screen within
 *   42 days [C]; still failing → diagnosis by 3 months and intervention by 6 months [R];
 * - congenital heart disease: pulse oximetry and murmur 6–72 h after birth [C]; positive [R] when a murmur ≥2/6, SpO2
 *   <90% at the right hand or a foot, 90–94% at both sites on repeat, or a hand–foot difference >3%; positive →
 *   echocardiography (≈within 7 days [L]).
 * The state is recomputed from the recorded steps each time; a step out of order is refused with a stable code.
 */

/** Kind of newborn screening (GLOSSARY newbornScreening kind). */
export type NewbornScreeningKind = 'metabolic' | 'hearing' | 'heart';

/** Time limits, as versioned configuration. */
export interface NewbornScreeningRules {
  id: string;
  version: string;
  region: string;
  confirmed: boolean;
  status: 'confirmed' | 'to_confirm';
  sources: readonly string[];
  metabolic: {
    sampleFromHours: number;
    sampleByDays: number;
    sampleByDaysPretermOrSick: number;
    minFeeds: number;
    resultWithinDays: number;
    recallWithinDays: number;
    retestWithinDays: number;
    confirmWithinDays: number;
    treatmentWithinDays: number;
  };
  hearing: {
    initialFromHours: number;
    /** Initial screen due by discharge; when the discharge date is unknown, by this many days [L]. */
    initialByDaysWithoutDischarge: number;
    rescreenByDays: number;
    diagnosisByMonths: number;
    interventionByMonths: number;
  };
  heart: {
    fromHours: number;
    toHours: number;
    spo2Low: number;
    spo2Normal: number;
    maxDifference: number;
    murmurGrade: number;
    echoWithinDays: number;
  };
}

/** National default. Step limits after a positive are local practice [L]. */
export const NATIONAL_NEWBORN_SCREENING_RULES: NewbornScreeningRules = {
  id: 'newborn-screening-cn-2010',
  version: '2010.1',
  region: 'CN',
  confirmed: false,
  status: 'to_confirm',
  sources: ['新生儿疾病筛查管理办法（2009）', '新生儿疾病筛查技术规范（2010年版）'],
  metabolic: {
    sampleFromHours: 72,
    sampleByDays: 7,
    sampleByDaysPretermOrSick: 20,
    minFeeds: 6,
    resultWithinDays: 7,
    recallWithinDays: 7,
    retestWithinDays: 7,
    confirmWithinDays: 14,
    treatmentWithinDays: 7,
  },
  hearing: {
    initialFromHours: 48,
    initialByDaysWithoutDischarge: 7,
    rescreenByDays: 42,
    diagnosisByMonths: 3,
    interventionByMonths: 6,
  },
  heart: {
    fromHours: 6,
    toHours: 72,
    spo2Low: 90,
    spo2Normal: 95,
    maxDifference: 3,
    murmurGrade: 2,
    echoWithinDays: 7,
  },
};

/** Per-ear result. */
export type EarResult = 'pass' | 'refer';

/** One recorded step. `at` is 'YYYY-MM-DDTHH:mm' for timed steps (sample, CHD screen), `date` for the others. */
export type NewbornScreeningEvent =
  | { step: 'sample'; at: string; feeds?: number }
  | {
      step: 'result';
      date: string;
      result: 'negative' | 'suspected_positive' | 'unsatisfactory';
      conditions?: string[];
    }
  | { step: 'recall'; date: string }
  | { step: 'retest'; date: string; result: 'negative' | 'positive' }
  | { step: 'confirm'; date: string; result: 'negative' | 'positive'; diagnosis?: string }
  | { step: 'treatment'; date: string }
  | {
      step: 'initial';
      date: string;
      left: EarResult;
      right: EarResult;
      method?: 'OAE' | 'AABR';
      hoursAfterBirth?: number;
    }
  | { step: 'rescreen'; date: string; left: EarResult; right: EarResult }
  | { step: 'diagnosis'; date: string; left: 'normal' | 'hearing_loss'; right: 'normal' | 'hearing_loss' }
  | { step: 'intervention'; date: string }
  | {
      step: 'screen';
      at: string;
      spo2Hand: number;
      spo2Foot: number;
      murmurGrade: number;
      repeat?: { spo2Hand: number; spo2Foot: number };
    }
  | { step: 'echo'; date: string; result: 'normal' | 'chd'; diagnosis?: string };

/** Inputs of {@link newbornScreeningFlow}. */
export interface NewbornScreeningInput {
  /** 'YYYY-MM-DDTHH:mm', or a bare date when the time is unknown (counted from 00:00). */
  birthAt: string;
  /** Preterm, sick or early-discharged: metabolic sample by day 20. */
  pretermOrSick?: boolean;
  dischargedOn?: string | null;
  events: readonly NewbornScreeningEvent[];
  today: string;
}

/** A refused step. */
export interface NewbornScreeningError {
  code: 'step_out_of_order' | 'invalid_time' | 'before_birth';
  /** Index of the refused event. */
  index: number;
  zh: string;
  en: string;
}

/** The state of one screening. */
export interface NewbornScreeningState {
  status: string;
  label: { zh: string; en: string };
  nextStep: string | null;
  nextDue: string | null;
  overdue: boolean;
  closed: boolean;
  /** e.g. 'sample_too_early', 'sample_late', 'initial_too_early', 'screen_too_early', 'screen_late'. */
  flags: string[];
  /** Final outcome when closed: 'negative', 'false_positive', 'not_confirmed', 'under_treatment', 'pass', 'normal'… */
  outcome: string | null;
  /** Positive at some step (for the positives-without-next-step list). */
  positive: boolean;
  error: NewbornScreeningError | null;
}

function minutesOf(s: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(s);
  if (!m) return Number.NaN;
  const t = Date.parse(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== m[1]) return Number.NaN;
  const h = m[2] ? Number(m[2]) : 0;
  const mi = m[3] ? Number(m[3]) : 0;
  if (h > 23 || mi > 59) return Number.NaN;
  return t / 60_000 + h * 60 + mi;
}
const dateOfMinutes = (min: number) => new Date(min * 60_000).toISOString().slice(0, 10);
const plusDays = (date: string, d: number) => dateOfMinutes(minutesOf(date) + d * 1440);
function plusMonths(date: string, m: number): string {
  const [y, mo, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = mo - 1 + m;
  const ty = y + Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}

const LABELS: Record<string, [string, string]> = {
  awaiting_sample: ['待采血', 'awaiting sample'],
  repeat_sample_needed: ['需重新采血', 'repeat sample needed'],
  awaiting_result: ['待出结果', 'awaiting result'],
  suspected_positive: ['可疑阳性，待召回', 'suspected positive: recall'],
  recalled: ['已召回，待复查', 'recalled: re-test'],
  retest_positive: ['复查阳性，待确诊', 're-test positive: confirm'],
  confirmed: ['已确诊，待治疗', 'confirmed: start treatment'],
  awaiting_initial: ['待初筛', 'awaiting initial screen'],
  rescreen_needed: ['初筛未通过，待复筛', 'initial refer: re-screen'],
  diagnosis_needed: ['复筛未通过，待诊断', 're-screen refer: diagnosis'],
  intervention_needed: ['听力损失，待干预', 'hearing loss: intervention'],
  awaiting_screen: ['待筛查', 'awaiting screen'],
  repeat_needed: ['需复测血氧', 'repeat pulse oximetry'],
  echo_needed: ['阳性，待心脏超声', 'positive: echocardiography'],
  closed: ['已完成', 'completed'],
};

/** The state of a screening from its recorded steps. */
export function newbornScreeningFlow(
  kind: NewbornScreeningKind,
  input: NewbornScreeningInput,
  rules: NewbornScreeningRules = NATIONAL_NEWBORN_SCREENING_RULES,
): NewbornScreeningState {
  const birth = minutesOf(input.birthAt);
  const birthDate = input.birthAt.slice(0, 10);
  const flags: string[] = [];
  let status: string;
  let nextStep: string | null;
  let nextDue: string | null;
  let outcome: string | null = null;
  let positive = false;
  let error: NewbornScreeningError | null = null;
  const m = rules.metabolic;
  const h = rules.hearing;
  const c = rules.heart;
  const sampleBy = plusDays(birthDate, input.pretermOrSick ? m.sampleByDaysPretermOrSick : m.sampleByDays);
  const initialBy = input.dischargedOn ?? plusDays(birthDate, h.initialByDaysWithoutDischarge);

  if (kind === 'metabolic') [status, nextStep, nextDue] = ['awaiting_sample', 'sample', sampleBy];
  else if (kind === 'hearing') [status, nextStep, nextDue] = ['awaiting_initial', 'initial', initialBy];
  else [status, nextStep, nextDue] = ['awaiting_screen', 'screen', dateOfMinutes(birth + c.toHours * 60)];

  input.events.forEach((e, index) => {
    if (error) return;
    const when = minutesOf('at' in e ? e.at : e.date);
    if (Number.isNaN(when)) {
      error = { code: 'invalid_time', index, zh: '时间无效', en: 'invalid time' };
      return;
    }
    if (when < Math.floor(birth / 1440) * 1440) {
      error = { code: 'before_birth', index, zh: '时间早于出生', en: 'before birth' };
      return;
    }
    if (e.step !== nextStep && !(e.step === 'sample' && status === 'repeat_sample_needed')) {
      error = {
        code: 'step_out_of_order',
        index,
        zh: `当前应为“${nextStep ?? '无'}”步骤`,
        en: `the next step is ${nextStep ?? 'none'}`,
      };
      return;
    }
    const day = dateOfMinutes(when);
    switch (e.step) {
      case 'sample': {
        const hours = (when - birth) / 60;
        const early = hours < m.sampleFromHours || (e.feeds !== undefined && e.feeds < m.minFeeds);
        if (early) {
          flags.push('sample_too_early');
          [status, nextStep, nextDue] = ['repeat_sample_needed', 'sample', sampleBy];
        } else {
          if (day > sampleBy) flags.push('sample_late');
          [status, nextStep, nextDue] = ['awaiting_result', 'result', plusDays(day, m.resultWithinDays)];
        }
        break;
      }
      case 'result':
        if (e.result === 'negative') [status, nextStep, nextDue, outcome] = ['closed', null, null, 'negative'];
        else if (e.result === 'unsatisfactory')
          [status, nextStep, nextDue] = ['repeat_sample_needed', 'sample', plusDays(day, m.recallWithinDays)];
        else {
          positive = true;
          [status, nextStep, nextDue] = ['suspected_positive', 'recall', plusDays(day, m.recallWithinDays)];
        }
        break;
      case 'recall':
        [status, nextStep, nextDue] = ['recalled', 'retest', plusDays(day, m.retestWithinDays)];
        break;
      case 'retest':
        if (e.result === 'negative') [status, nextStep, nextDue, outcome] = ['closed', null, null, 'false_positive'];
        else [status, nextStep, nextDue] = ['retest_positive', 'confirm', plusDays(day, m.confirmWithinDays)];
        break;
      case 'confirm':
        if (e.result === 'negative') [status, nextStep, nextDue, outcome] = ['closed', null, null, 'not_confirmed'];
        else [status, nextStep, nextDue] = ['confirmed', 'treatment', plusDays(day, m.treatmentWithinDays)];
        break;
      case 'treatment':
        [status, nextStep, nextDue, outcome] = ['closed', null, null, 'under_treatment'];
        break;
      case 'initial': {
        const hours = e.hoursAfterBirth ?? (when + 1440 - 1 - birth) / 60;
        if (hours < h.initialFromHours) flags.push('initial_too_early');
        if (e.left === 'pass' && e.right === 'pass')
          [status, nextStep, nextDue, outcome] = ['closed', null, null, 'pass'];
        else {
          positive = true;
          [status, nextStep, nextDue] = ['rescreen_needed', 'rescreen', plusDays(birthDate, h.rescreenByDays)];
        }
        break;
      }
      case 'rescreen':
        if (e.left === 'pass' && e.right === 'pass')
          [status, nextStep, nextDue, outcome] = ['closed', null, null, 'pass'];
        else
          [status, nextStep, nextDue] = ['diagnosis_needed', 'diagnosis', plusMonths(birthDate, h.diagnosisByMonths)];
        break;
      case 'diagnosis':
        if (e.left === 'normal' && e.right === 'normal')
          [status, nextStep, nextDue, outcome] = ['closed', null, null, 'normal'];
        else
          [status, nextStep, nextDue] = [
            'intervention_needed',
            'intervention',
            plusMonths(birthDate, h.interventionByMonths),
          ];
        break;
      case 'intervention':
        [status, nextStep, nextDue, outcome] = ['closed', null, null, 'intervention'];
        break;
      case 'screen': {
        const hours = (when - birth) / 60;
        if (hours < c.fromHours) flags.push('screen_too_early');
        if (hours > c.toHours) flags.push('screen_late');
        const low = (r: { spo2Hand: number; spo2Foot: number }) => r.spo2Hand < c.spo2Low || r.spo2Foot < c.spo2Low;
        const diff = (r: { spo2Hand: number; spo2Foot: number }) => Math.abs(r.spo2Hand - r.spo2Foot) > c.maxDifference;
        const border = (r: { spo2Hand: number; spo2Foot: number }) =>
          r.spo2Hand < c.spo2Normal && r.spo2Foot < c.spo2Normal;
        let pos = e.murmurGrade >= c.murmurGrade || low(e) || diff(e);
        let needRepeat = false;
        if (!pos && border(e)) {
          if (!e.repeat) needRepeat = true;
          else pos = low(e.repeat) || diff(e.repeat) || border(e.repeat);
        }
        if (needRepeat)
          [status, nextStep, nextDue] = ['repeat_needed', 'screen', dateOfMinutes(birth + c.toHours * 60)];
        else if (pos) {
          positive = true;
          [status, nextStep, nextDue] = ['echo_needed', 'echo', plusDays(day, c.echoWithinDays)];
        } else [status, nextStep, nextDue, outcome] = ['closed', null, null, 'negative'];
        break;
      }
      case 'echo':
        [status, nextStep, nextDue, outcome] = ['closed', null, null, e.result === 'chd' ? 'chd_confirmed' : 'normal'];
        break;
    }
  });
  const label = LABELS[status] ?? [status, status];
  return {
    status,
    label: { zh: label[0], en: label[1] },
    nextStep,
    nextDue,
    overdue: nextDue !== null && input.today > nextDue,
    closed: status === 'closed',
    flags,
    outcome,
    positive,
    error,
  };
}
