import { describe, expect, it } from 'vitest';
import {
  NATIONAL_NEWBORN_SCREENING_RULES,
  newbornScreeningFlow,
  type NewbornScreeningEvent,
  type NewbornScreeningKind,
} from './newborn-screening-flow';

const TECH = '新生儿疾病筛查技术规范(2010)';
const birthAt = '2024-03-01T10:00';
const run = (kind: NewbornScreeningKind, events: NewbornScreeningEvent[], today = '2024-03-02', extra = {}) =>
  newbornScreeningFlow(kind, { birthAt, events, today, ...extra });

describe(`${TECH} 遗传代谢病: sample timing (≥72 h, ≤7 days, ≥6 feeds; by day 20 for preterm/sick)`, () => {
  it.each([
    ['71 h: too early, repeat', '2024-03-04T09:00', undefined, 'repeat_sample_needed', ['sample_too_early']],
    ['72 h: valid', '2024-03-04T10:00', undefined, 'awaiting_result', []],
    ['72 h but 4 feeds: too early', '2024-03-04T10:00', 4, 'repeat_sample_needed', ['sample_too_early']],
    ['day 9: late but accepted', '2024-03-10T10:00', undefined, 'awaiting_result', ['sample_late']],
  ])('%s', (_t, at, feeds, status, flags) => {
    const s = run('metabolic', [{ step: 'sample', at, ...(feeds !== undefined ? { feeds } : {}) }]);
    expect(s.status).toBe(status);
    expect(s.flags).toEqual(flags);
  });

  it.each([
    ['term: due by day 7', false, '2024-03-08'],
    ['preterm or sick: due by day 20', true, '2024-03-21'],
  ])('no sample yet, %s', (_t, pretermOrSick, due) => {
    const s = newbornScreeningFlow('metabolic', { birthAt, events: [], today: '2024-03-02', pretermOrSick });
    expect([s.nextStep, s.nextDue, s.overdue]).toEqual(['sample', due, false]);
  });

  it('a missing sample is overdue after day 7', () => {
    expect(run('metabolic', [], '2024-03-09').overdue).toBe(true);
  });

  it('a repeat sample after an early one proceeds', () => {
    const s = run('metabolic', [
      { step: 'sample', at: '2024-03-02T10:00' },
      { step: 'sample', at: '2024-03-05T10:00' },
    ]);
    expect(s.status).toBe('awaiting_result');
  });
});

describe(`${TECH}: recall chain (suspected positive → recall → re-test → confirm → treatment) [L limits]`, () => {
  const sample: NewbornScreeningEvent = { step: 'sample', at: '2024-03-04T12:00' };
  it.each<[string, NewbornScreeningEvent[], string, string | null, string | null]>([
    [
      'negative result closes',
      [sample, { step: 'result', date: '2024-03-08', result: 'negative' }],
      'closed',
      null,
      null,
    ],
    [
      'suspected positive → recall within 7 days',
      [sample, { step: 'result', date: '2024-03-08', result: 'suspected_positive' }],
      'suspected_positive',
      'recall',
      '2024-03-15',
    ],
    [
      'recalled → re-test within 7 days',
      [
        sample,
        { step: 'result', date: '2024-03-08', result: 'suspected_positive' },
        { step: 'recall', date: '2024-03-10' },
      ],
      'recalled',
      'retest',
      '2024-03-17',
    ],
    [
      're-test positive → confirm within 14 days',
      [
        sample,
        { step: 'result', date: '2024-03-08', result: 'suspected_positive' },
        { step: 'recall', date: '2024-03-10' },
        { step: 'retest', date: '2024-03-11', result: 'positive' },
      ],
      'retest_positive',
      'confirm',
      '2024-03-25',
    ],
    [
      'confirmed → treatment within 7 days',
      [
        sample,
        { step: 'result', date: '2024-03-08', result: 'suspected_positive' },
        { step: 'recall', date: '2024-03-10' },
        { step: 'retest', date: '2024-03-11', result: 'positive' },
        { step: 'confirm', date: '2024-03-15', result: 'positive', diagnosis: 'CH' },
      ],
      'confirmed',
      'treatment',
      '2024-03-22',
    ],
  ])('%s', (_t, events, status, next, due) => {
    const s = run('metabolic', events, '2024-03-12');
    expect([s.status, s.nextStep, s.nextDue]).toEqual([status, next, due]);
  });

  it('a step out of order is refused', () => {
    const s = run('metabolic', [sample, { step: 'recall', date: '2024-03-09' }]);
    expect(s.error).toMatchObject({ code: 'step_out_of_order', index: 1 });
  });

  it('a recall not done in time is overdue', () => {
    const s = run(
      'metabolic',
      [sample, { step: 'result', date: '2024-03-08', result: 'suspected_positive' }],
      '2024-03-16',
    );
    expect(s).toMatchObject({ overdue: true, positive: true });
  });

  it('a negative re-test closes as a false positive', () => {
    const s = run('metabolic', [
      sample,
      { step: 'result', date: '2024-03-08', result: 'suspected_positive' },
      { step: 'recall', date: '2024-03-10' },
      { step: 'retest', date: '2024-03-11', result: 'negative' },
    ]);
    expect([s.closed, s.outcome]).toEqual([true, 'false_positive']);
  });
});

describe('新生儿疾病筛查技术规范 听力: initial 48 h–discharge, re-screen ≤42 d [C], diagnosis ≤3 m, intervention ≤6 m [R]', () => {
  it.each<[string, NewbornScreeningEvent[], string, string | null]>([
    ['both ears pass', [{ step: 'initial', date: '2024-03-03', left: 'pass', right: 'pass' }], 'closed', null],
    [
      'one ear refer → re-screen by day 42',
      [{ step: 'initial', date: '2024-03-03', left: 'refer', right: 'pass' }],
      'rescreen_needed',
      '2024-04-12',
    ],
    [
      're-screen refer → diagnosis by 3 months',
      [
        { step: 'initial', date: '2024-03-03', left: 'refer', right: 'pass' },
        { step: 'rescreen', date: '2024-03-30', left: 'refer', right: 'pass' },
      ],
      'diagnosis_needed',
      '2024-06-01',
    ],
    [
      'hearing loss → intervention by 6 months',
      [
        { step: 'initial', date: '2024-03-03', left: 'refer', right: 'pass' },
        { step: 'rescreen', date: '2024-03-30', left: 'refer', right: 'pass' },
        { step: 'diagnosis', date: '2024-05-20', left: 'hearing_loss', right: 'normal' },
      ],
      'intervention_needed',
      '2024-09-01',
    ],
  ])('%s', (_t, events, status, due) => {
    const s = run('hearing', events);
    expect([s.status, s.nextDue]).toEqual([status, due]);
  });

  it('the initial screen is due by discharge', () => {
    const s = newbornScreeningFlow('hearing', { birthAt, events: [], today: '2024-03-02', dischargedOn: '2024-03-04' });
    expect(s.nextDue).toBe('2024-03-04');
  });

  it('an initial screen on the day of birth is flagged (before 48 h)', () => {
    expect(run('hearing', [{ step: 'initial', date: '2024-03-01', left: 'pass', right: 'pass' }]).flags).toEqual([
      'initial_too_early',
    ]);
  });
});

describe('先心病筛查 双指标 6–72 h: positive rule (REFERENCE §5.6 [R]) → echocardiography', () => {
  const at = '2024-03-02T10:00';
  it.each<[string, Omit<Extract<NewbornScreeningEvent, { step: 'screen' }>, 'step' | 'at'>, string]>([
    ['SpO2 98/98, no murmur: negative', { spo2Hand: 98, spo2Foot: 98, murmurGrade: 0 }, 'closed'],
    ['murmur 2/6: positive', { spo2Hand: 98, spo2Foot: 98, murmurGrade: 2 }, 'echo_needed'],
    ['SpO2 89% at the foot: positive', { spo2Hand: 97, spo2Foot: 89, murmurGrade: 0 }, 'echo_needed'],
    ['difference 4%: positive', { spo2Hand: 99, spo2Foot: 95, murmurGrade: 0 }, 'echo_needed'],
    ['difference 3%: negative', { spo2Hand: 98, spo2Foot: 95, murmurGrade: 0 }, 'closed'],
    ['92/93 without a repeat: repeat needed', { spo2Hand: 92, spo2Foot: 93, murmurGrade: 0 }, 'repeat_needed'],
    [
      '92/93 and 93/94 on repeat: positive',
      { spo2Hand: 92, spo2Foot: 93, murmurGrade: 0, repeat: { spo2Hand: 93, spo2Foot: 94 } },
      'echo_needed',
    ],
    [
      '92/93 then 97/97 on repeat: negative',
      { spo2Hand: 92, spo2Foot: 93, murmurGrade: 0, repeat: { spo2Hand: 97, spo2Foot: 97 } },
      'closed',
    ],
  ])('%s', (_t, r, status) => {
    expect(run('heart', [{ step: 'screen', at, ...r }]).status).toBe(status);
  });

  it('echo due within 7 days of a positive screen [L]; a screen at 5 h is flagged', () => {
    const s = run('heart', [{ step: 'screen', at: '2024-03-01T15:00', spo2Hand: 98, spo2Foot: 98, murmurGrade: 3 }]);
    expect([s.nextStep, s.nextDue, s.flags]).toEqual(['echo', '2024-03-08', ['screen_too_early']]);
  });

  it('the rules are configuration flagged to confirm', () => {
    expect(NATIONAL_NEWBORN_SCREENING_RULES.status).toBe('to_confirm');
  });
});
