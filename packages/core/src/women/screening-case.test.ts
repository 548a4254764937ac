import { describe, expect, it } from 'vitest';
import {
  SCREENING_CASE_DEADLINES_DEFAULT,
  SCREENING_CASE_TERMINAL_STATES,
  SCREENING_CASE_TRANSITIONS,
  allowedScreeningCaseEvents,
  openScreeningCase,
  pathwayStepOpensScreeningCase,
  screeningCaseNextStep,
  screeningFurtherExamFor,
  screeningCaseOverdue,
  transitionScreeningCase,
} from './screening-case';
import type {
  ScreeningCase,
  ScreeningPathwayStep,
  ScreeningCaseEvent,
  ScreeningCaseEventDetail,
  ScreeningCaseKind,
  ScreeningCaseState,
} from './screening-case';
import { deriveWomenRuleSet } from './rule-meta';

function open(kind: ScreeningCaseKind = 'cervical', on = '2025-03-01'): ScreeningCase {
  const r = openScreeningCase(kind, on);
  if (!r.ok) throw new Error(r.code);
  return r.case;
}

type Step = [ScreeningCaseEvent, string, ScreeningCaseEventDetail?];

function run(c: ScreeningCase, steps: Step[]): ScreeningCase {
  let cur = c;
  for (const [event, date, detail] of steps) {
    const r = transitionScreeningCase(cur, event, date, detail);
    if (!r.ok) throw new Error(`${r.code}: ${r.messageEn}`);
    cur = r.case;
  }
  return cur;
}

/** A case driven to each state, for the refusal table. */
function caseIn(state: ScreeningCaseState): ScreeningCase {
  const paths: Record<ScreeningCaseState, Step[]> = {
    screened: [],
    abnormal: [['mark_abnormal', '2025-03-02']],
    notified: [
      ['mark_abnormal', '2025-03-02'],
      ['notify', '2025-03-03'],
    ],
    further_exam: [
      ['mark_abnormal', '2025-03-02'],
      ['notify', '2025-03-03'],
      ['attend_further_exam', '2025-03-10'],
    ],
    pathology: [
      ['mark_abnormal', '2025-03-02'],
      ['notify', '2025-03-03'],
      ['attend_further_exam', '2025-03-10'],
      ['record_pathology', '2025-03-20'],
    ],
    treated: [
      ['mark_abnormal', '2025-03-02'],
      ['notify', '2025-03-03'],
      ['attend_further_exam', '2025-03-10'],
      ['record_pathology', '2025-03-20'],
      ['record_treatment', '2025-04-01'],
    ],
    closed_normal: [
      ['mark_abnormal', '2025-03-02'],
      ['notify', '2025-03-03'],
      ['attend_further_exam', '2025-03-10'],
      ['further_exam_normal', '2025-03-12'],
    ],
    lost_to_follow_up: [
      ['mark_abnormal', '2025-03-02'],
      ['mark_lost', '2025-04-02'],
    ],
  };
  return run(open(), paths[state]);
}

const ALL_STATES: ScreeningCaseState[] = [
  'screened',
  'abnormal',
  'notified',
  'further_exam',
  'pathology',
  'treated',
  'lost_to_follow_up',
  'closed_normal',
];
const ALL_EVENTS: ScreeningCaseEvent[] = [
  'mark_abnormal',
  'notify',
  'attend_further_exam',
  'further_exam_normal',
  'record_pathology',
  'close_no_treatment',
  'record_treatment',
  'mark_lost',
  'reopen',
];

describe('两癌筛查 随访病例 状态 (REFERENCE §9: 已筛查 → 异常 → 已告知 → 进一步检查 → 病理 → 已治疗, 或失访)', () => {
  it.each<[ScreeningCaseState, ScreeningCaseEvent, ScreeningCaseState]>([
    ['screened', 'mark_abnormal', 'abnormal'],
    ['abnormal', 'notify', 'notified'],
    ['notified', 'attend_further_exam', 'further_exam'],
    ['further_exam', 'attend_further_exam', 'further_exam'],
    ['further_exam', 'further_exam_normal', 'closed_normal'],
    ['further_exam', 'record_pathology', 'pathology'],
    ['pathology', 'record_treatment', 'treated'],
    ['pathology', 'close_no_treatment', 'closed_normal'],
    ['abnormal', 'mark_lost', 'lost_to_follow_up'],
    ['notified', 'mark_lost', 'lost_to_follow_up'],
    ['further_exam', 'mark_lost', 'lost_to_follow_up'],
    ['pathology', 'mark_lost', 'lost_to_follow_up'],
    ['lost_to_follow_up', 'reopen', 'notified'],
  ])('§9 suggested states: %s --%s--> %s', (from, event, to) => {
    const r = transitionScreeningCase(caseIn(from), event, '2025-05-01');
    expect(r.ok && r.case.state).toBe(to);
  });

  const refused = ALL_STATES.flatMap((s) =>
    ALL_EVENTS.filter((e) => !SCREENING_CASE_TRANSITIONS.some((t) => t.from === s && t.event === e)).map(
      (e) => [s, e] as [ScreeningCaseState, ScreeningCaseEvent],
    ),
  );

  it('refuses every pair missing from the table (there are many)', () => {
    expect(refused.length).toBe(ALL_STATES.length * ALL_EVENTS.length - SCREENING_CASE_TRANSITIONS.length);
  });

  it.each(refused)('refuses %s --%s--> as INVALID_TRANSITION naming the state and step', (state, event) => {
    const r = transitionScreeningCase(caseIn(state), event, '2025-05-01');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('INVALID_TRANSITION');
    expect(r.state).toBe(state);
    expect(r.event).toBe(event);
    expect(r.messageZh.length).toBeGreaterThan(0);
    expect(r.messageEn).toContain('cannot');
  });

  it('names the current state and the attempted step in both languages', () => {
    const r = transitionScreeningCase(caseIn('abnormal'), 'record_treatment', '2025-05-01');
    expect(r).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      messageZh: '病例当前状态为“异常”，不能执行“登记治疗”',
      messageEn: 'The case is "Abnormal result"; cannot record treatment',
    });
  });

  it('terminal states allow nothing', () => {
    for (const s of SCREENING_CASE_TERMINAL_STATES) expect(allowedScreeningCaseEvents(s)).toEqual([]);
  });

  it('refuses bad and backward dates', () => {
    const c = caseIn('notified');
    expect(transitionScreeningCase(c, 'attend_further_exam', '2025-02-30')).toMatchObject({ code: 'INVALID_DATE' });
    expect(transitionScreeningCase(c, 'attend_further_exam', '2025-03-02')).toMatchObject({
      code: 'DATE_BEFORE_PREVIOUS',
    });
    expect(openScreeningCase('breast', '2025/03/01')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });

  it('keeps the history and does not mutate the input', () => {
    const c = caseIn('abnormal');
    const r = transitionScreeningCase(c, 'notify', '2025-03-05');
    expect(c.state).toBe('abnormal');
    expect(r.ok && r.case.history.map((h) => h.event)).toEqual(['mark_abnormal', 'notify']);
    expect(r.ok && r.case.enteredOn.notified).toBe('2025-03-05');
  });
});

describe('nextStep: what the UI asks next', () => {
  it.each<[string, ScreeningCaseKind, Step[], string]>([
    ['screened → record result', 'cervical', [], 'record_result'],
    ['abnormal → notify', 'cervical', [['mark_abnormal', '2025-03-02']], 'notify'],
    [
      '§9: HPV16/18 → colposcopy',
      'cervical',
      [
        ['mark_abnormal', '2025-03-02', { nextExam: 'colposcopy' }],
        ['notify', '2025-03-03'],
      ],
      'colposcopy',
    ],
    [
      '§9: other hrHPV → cytology',
      'cervical',
      [
        ['mark_abnormal', '2025-03-02', { nextExam: 'cytology' }],
        ['notify', '2025-03-03'],
      ],
      'cytology',
    ],
    [
      '§9: abnormal cytology → colposcopy next',
      'cervical',
      [
        ['mark_abnormal', '2025-03-02', { nextExam: 'cytology' }],
        ['notify', '2025-03-03'],
        ['attend_further_exam', '2025-03-10', { nextExam: 'colposcopy' }],
      ],
      'colposcopy',
    ],
    [
      '§9: after colposcopy → biopsy',
      'cervical',
      [
        ['mark_abnormal', '2025-03-02'],
        ['notify', '2025-03-03'],
        ['attend_further_exam', '2025-03-10'],
      ],
      'biopsy',
    ],
    [
      '§9 breast: ultrasound 0/3 → mammography by default',
      'breast',
      [
        ['mark_abnormal', '2025-03-02'],
        ['notify', '2025-03-03'],
      ],
      'mammography',
    ],
    [
      '§9 breast: mammography 3 → senior review',
      'breast',
      [
        ['mark_abnormal', '2025-03-02'],
        ['notify', '2025-03-03'],
        ['attend_further_exam', '2025-03-10', { nextExam: 'senior_review' }],
      ],
      'senior_review',
    ],
    [
      'pathology → treatment',
      'breast',
      [
        ['mark_abnormal', '2025-03-02'],
        ['notify', '2025-03-03'],
        ['attend_further_exam', '2025-03-10'],
        ['record_pathology', '2025-03-20'],
      ],
      'treatment',
    ],
    [
      'lost → recontact',
      'breast',
      [
        ['mark_abnormal', '2025-03-02'],
        ['mark_lost', '2025-06-02'],
      ],
      'recontact',
    ],
  ])('%s', (_t, kind, steps, next) => {
    expect(screeningCaseNextStep(run(open(kind), steps))).toBe(next);
  });

  it.each(['treated', 'closed_normal'] as const)('%s → none', (s) => {
    expect(screeningCaseNextStep(caseIn(s))).toBe('none');
  });
});

describe('overdue steps [L] (notify 7 d, further exam 30 d, pathology 30 d, treatment 60 d)', () => {
  it.each<[ScreeningCaseState, string, string, string | null, boolean, number]>([
    // abnormal entered 2025-03-02 → notify due 2025-03-09
    ['abnormal', '2025-03-09', 'notify', '2025-03-09', false, 0],
    ['abnormal', '2025-03-10', 'notify', '2025-03-09', true, 1],
    // notified 2025-03-03 → further exam due 2025-04-02
    ['notified', '2025-04-02', 'further_exam', '2025-04-02', false, 0],
    ['notified', '2025-04-12', 'further_exam', '2025-04-02', true, 10],
    // further exam 2025-03-10 → pathology due 2025-04-09
    ['further_exam', '2025-04-10', 'pathology', '2025-04-09', true, 1],
    // pathology 2025-03-20 → treatment due 2025-05-19
    ['pathology', '2025-05-19', 'treatment', '2025-05-19', false, 0],
    ['pathology', '2025-06-18', 'treatment', '2025-05-19', true, 30],
  ])('%s on %s → %s due %s overdue=%s (%i days)', (state, today, step, due, overdue, days) => {
    expect(screeningCaseOverdue(caseIn(state), today)).toEqual({ step, dueDate: due, overdue, daysOverdue: days });
  });

  it.each(['screened', 'treated', 'closed_normal', 'lost_to_follow_up'] as const)('%s waits for nothing', (s) => {
    expect(screeningCaseOverdue(caseIn(s), '2030-01-01')).toMatchObject({ step: null, overdue: false });
  });

  it('a repeated further exam keeps the first date for the pathology deadline', () => {
    const c = run(caseIn('further_exam'), [['attend_further_exam', '2025-03-25']]);
    expect(screeningCaseOverdue(c, '2025-04-10')).toMatchObject({ dueDate: '2025-04-09', overdue: true });
  });

  it('deadlines are configuration', () => {
    const strict = deriveWomenRuleSet(
      SCREENING_CASE_DEADLINES_DEFAULT,
      { notifyWithinDays: 3 },
      {
        region: '53',
        version: '2020',
      },
    );
    expect(screeningCaseOverdue(caseIn('abnormal'), '2025-03-06', strict)).toMatchObject({ overdue: true });
    expect(SCREENING_CASE_DEADLINES_DEFAULT.meta).toMatchObject({ marker: 'L', status: 'to_confirm' });
  });
});

describe('pathway step → case (REFERENCE §9: abnormal results are followed until diagnosis and treatment)', () => {
  it.each<[ScreeningPathwayStep, string | null, boolean]>([
    ['colposcopy', 'colposcopy', true],
    ['cytology_triage', 'cytology', true],
    ['hpv_triage', 'hpv', true],
    ['mammography', 'mammography', true],
    ['senior_review', 'senior_review', true],
    ['biopsy', 'biopsy', true],
    ['treatment', null, true],
    ['routine_rescreen', null, false],
    ['repeat_in_12_months', null, false],
    ['repeat_sample', null, false],
    ['short_interval_follow_up', null, false],
    ['specialist_follow_up', null, false],
  ])('%s → exam %s, opens a case: %s', (step, exam, opens) => {
    expect(screeningFurtherExamFor(step)).toBe(exam);
    expect(pathwayStepOpensScreeningCase(step)).toBe(opens);
  });
});
