import { describe, expect, it } from 'vitest';
import { deriveChildRuleSet } from './child-config';
import type { ChdScreenInput, HearingScreeningInput, MetabolicFollowUpState } from './newborn-screening';
import {
  chdScreenResult,
  hearingScreeningPlan,
  interpretMetabolicScreen,
  metabolicSampleValidity,
  NATIONAL_NEWBORN_SCREENING_CONFIG,
  replayMetabolicFollowUp,
  transitionMetabolicFollowUp,
} from './newborn-screening';

const TECH = '新生儿疾病筛查技术规范(2010)';
const BIRTH = '2024-03-01T08:00';

describe(`${TECH}: heel-prick sample ≥72 h, ≥6 feeds, ≤7 days (day 20 for preterm/sick/early discharge) [C]`, () => {
  it.each([
    ['72 h exactly', { sampledAt: '2024-03-04T08:00' }, [false, false], [], '2024-03-08'],
    ['71 h 59 min: repeat', { sampledAt: '2024-03-04T07:59' }, [true, false], ['before_72h'], '2024-03-08'],
    ['5 feeds: repeat', { sampledAt: '2024-03-04T09:00', feeds: 5 }, [true, false], ['too_few_feeds'], '2024-03-08'],
    ['day 7: on time', { sampledAt: '2024-03-08T20:00', feeds: 20 }, [false, false], [], '2024-03-08'],
    ['day 8: late', { sampledAt: '2024-03-09T10:00' }, [false, true], ['after_day_7'], '2024-03-08'],
    [
      'preterm, day 14: on time',
      { sampledAt: '2024-03-15', pretermSickOrEarlyDischarge: true },
      [false, false],
      [],
      '2024-03-21',
    ],
    [
      'preterm, day 21: late',
      { sampledAt: '2024-03-22', pretermSickOrEarlyDischarge: true },
      [false, true],
      ['after_day_20'],
      '2024-03-21',
    ],
  ] as const)('%s', (_t, patch, [repeatNeeded, late], flags, latestDate) => {
    const r = metabolicSampleValidity({ birthAt: BIRTH, ...patch });
    if (!r.ok) throw new Error(r.error.code);
    expect([r.value.repeatNeeded, r.value.late, r.value.valid]).toEqual([repeatNeeded, late, !repeatNeeded]);
    expect(r.value.flags).toEqual(flags);
    expect(r.value.latestDate).toBe(latestDate);
  });

  it.each([
    ['birth time unknown: read as 23:59, 3 days later at 08:00 is early', '2024-03-04T08:00', ['before_72h']],
    ['birth time unknown: 00:00 on day 4 is 72 h 1 min', '2024-03-05T00:00', []],
  ])('%s', (_t, sampledAt, flags) => {
    const r = metabolicSampleValidity({ birthAt: '2024-03-01', sampledAt });
    expect(r.ok && r.value.flags).toEqual(flags);
  });

  it.each([
    ['sample before birth', { birthAt: BIRTH, sampledAt: '2024-03-01T07:00' }, 'date_before_birth', 'sampledAt'],
    [
      'malformed birth time',
      { birthAt: '2024-03-01T25:00', sampledAt: '2024-03-04T08:00' },
      'invalid_datetime',
      'birthAt',
    ],
  ])('fails: %s', (_t, input, code, field) => {
    const r = metabolicSampleValidity(input);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual([code, field]);
  });
});

describe(`${TECH}: PKU Phe >120 µmol/L, CH TSH ≥ lab cut-off (10 mIU/L) [R]`, () => {
  it.each([
    ['Phe 120: negative', { pheUmolL: 120 }, 'negative', null, false],
    ['Phe 121: PKU suspected', { pheUmolL: 121 }, 'suspected_positive', null, true],
    ['TSH 9.9: negative', { tshMIUL: 9.9 }, null, 'negative', false],
    ['TSH 10: CH suspected', { tshMIUL: 10 }, null, 'suspected_positive', true],
    ['both normal', { pheUmolL: 60, tshMIUL: 3 }, 'negative', 'negative', false],
  ] as const)('%s', (_t, input, pku, ch, recall) => {
    expect(interpretMetabolicScreen(input)).toEqual({ pku, ch, recall });
  });

  it('a laboratory with TSH cut-off 20 mIU/L (config)', () => {
    const cfg = deriveChildRuleSet(
      NATIONAL_NEWBORN_SCREENING_CONFIG,
      {
        metabolic: {
          ...NATIONAL_NEWBORN_SCREENING_CONFIG.metabolic,
          tsh: { value: 20, unit: 'mIU/L', inclusive: true, evidence: 'L' },
        },
      },
      { region: '330900', version: 'lab-a' },
    );
    expect(interpretMetabolicScreen({ tshMIUL: 15 }, cfg).ch).toBe('negative');
  });
});

describe(`新生儿疾病筛查管理办法(2009): recall → confirm → diagnosis → treatment`, () => {
  it.each<[string, MetabolicFollowUpState[], MetabolicFollowUpState]>([
    ['confirmed and treated', ['recalled', 'confirmatory_test', 'diagnosed', 'under_treatment'], 'under_treatment'],
    ['excluded at confirmation', ['recalled', 'confirmatory_test', 'excluded'], 'excluded'],
    ['lost, then recalled again', ['lost_to_follow_up', 'recalled', 'confirmatory_test'], 'confirmatory_test'],
  ])('%s', (_t, steps, last) => {
    const r = replayMetabolicFollowUp(steps);
    expect(r.ok && r.value).toBe(last);
  });

  it.each<[string, MetabolicFollowUpState, MetabolicFollowUpState, MetabolicFollowUpState[]]>([
    ['treatment before diagnosis', 'suspected_positive', 'under_treatment', ['recalled', 'lost_to_follow_up']],
    ['diagnosis without confirmatory test', 'recalled', 'diagnosed', ['confirmatory_test', 'lost_to_follow_up']],
    ['excluded is final', 'excluded', 'recalled', []],
  ])('invalid_transition: %s', (_t, from, to, allowed) => {
    const r = transitionMetabolicFollowUp(from, to);
    expect(r.ok ? null : [r.error.code, r.error.details]).toEqual(['invalid_transition', { from, to, allowed }]);
  });

  it('replay names the refused step', () => {
    const r = replayMetabolicFollowUp(['recalled', 'under_treatment']);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['invalid_transition', 'steps[1]']);
  });
});

describe(`${TECH}: hearing (initial 48 h–discharge, re-screen ≤42 days [C]; diagnosis ≤3 months, intervention ≤6 months [R])`, () => {
  const base: HearingScreeningInput = { birthAt: BIRTH, dischargeDate: '2024-03-03', today: '2024-03-10' };
  const refer = { at: '2024-03-03T10:00', method: 'OAE' as const, left: 'refer' as const, right: 'pass' as const };
  const pass = { at: '2024-03-03T10:00', method: 'OAE' as const, left: 'pass' as const, right: 'pass' as const };

  it.each<[string, Partial<HearingScreeningInput>, string[], string | null, string | null]>([
    [
      'initial pass both ears',
      { initial: pass },
      ['done_on_time', 'not_required', 'not_required', 'not_required'],
      null,
      'pass',
    ],
    [
      'initial not yet done, before discharge',
      { today: '2024-03-02' },
      ['due', 'pending', 'pending', 'pending'],
      'initial',
      null,
    ],
    [
      'initial missed: re-screen due within 42 days',
      { today: '2024-03-05' },
      ['overdue', 'due', 'pending', 'pending'],
      'rescreen',
      null,
    ],
    [
      'initial refer: re-screen due',
      { initial: refer, today: '2024-03-20' },
      ['done_on_time', 'due', 'pending', 'pending'],
      'rescreen',
      null,
    ],
    [
      'initial refer: re-screen overdue after day 42',
      { initial: refer, today: '2024-04-13' },
      ['done_on_time', 'overdue', 'pending', 'pending'],
      'rescreen',
      null,
    ],
    [
      're-screen pass',
      { initial: refer, rescreen: { on: '2024-03-30', left: 'pass', right: 'pass' }, today: '2024-04-20' },
      ['done_on_time', 'done_on_time', 'not_required', 'not_required'],
      null,
      'pass',
    ],
    [
      're-screen refer: diagnosis due by 3 months',
      { initial: refer, rescreen: { on: '2024-03-30', left: 'refer', right: 'pass' }, today: '2024-04-20' },
      ['done_on_time', 'done_on_time', 'due', 'pending'],
      'diagnosis',
      null,
    ],
    [
      'diagnosis after 3 months: done late; hearing loss, intervention overdue after 6 months',
      {
        initial: refer,
        rescreen: { on: '2024-03-30', left: 'refer', right: 'pass' },
        diagnosis: { on: '2024-06-05', result: 'hearing_loss' },
        today: '2024-09-02',
      },
      ['done_on_time', 'done_on_time', 'done_late', 'overdue'],
      'intervention',
      'hearing_loss',
    ],
    [
      'diagnosis normal: no intervention',
      {
        initial: refer,
        rescreen: { on: '2024-03-30', left: 'refer', right: 'pass' },
        diagnosis: { on: '2024-05-20', result: 'normal' },
        today: '2024-06-01',
      },
      ['done_on_time', 'done_on_time', 'done_on_time', 'not_required'],
      null,
      'normal',
    ],
  ])('%s', (_t, patch, statuses, next, outcome) => {
    const r = hearingScreeningPlan({ ...base, ...patch });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.steps.map((s) => s.status)).toEqual(statuses);
    expect([r.value.next, r.value.outcome]).toEqual([next, outcome]);
  });

  it.each([
    ['re-screen due 42 days after birth', 'rescreen', '2024-04-12'],
    ['diagnosis due at 3 months', 'diagnosis', '2024-06-01'],
    ['intervention due at 6 months', 'intervention', '2024-09-01'],
  ])('%s', (_t, step, due) => {
    const r = hearingScreeningPlan({
      ...base,
      initial: refer,
      rescreen: { on: '2024-03-30', left: 'refer', right: 'refer' },
      diagnosis: { on: '2024-05-20', result: 'hearing_loss' },
    });
    expect(r.ok && r.value.steps.find((s) => s.step === step)?.dueBy).toBe(due);
  });

  it.each([
    ['initial screen at 23 h: before 48 h', { initial: { ...pass, at: '2024-03-02T07:00' } }, ['initial_before_48h']],
    ['NICU infant screened with OAE', { nicu: true, initial: pass }, ['nicu_without_aabr']],
    ['NICU infant screened with AABR', { nicu: true, initial: { ...pass, method: 'AABR' as const } }, []],
  ])('flags: %s', (_t, patch, flags) => {
    const r = hearingScreeningPlan({ ...base, ...patch });
    expect(r.ok && r.value.flags).toEqual(flags);
  });

  it('discharge unknown: the initial screen is due by birth + 3 days [L]', () => {
    const r = hearingScreeningPlan({ birthAt: BIRTH, today: '2024-03-02' });
    expect(r.ok && r.value.steps[0]?.dueBy).toBe('2024-03-04');
  });
});

describe('新生儿先心病筛查 双指标 (6–72 h) [C]; positive rule [R]; echo ≈7 days [L]', () => {
  it.each<[string, ChdScreenInput, string, string[]]>([
    ['no murmur, SpO2 98/97', { murmurGrade: 0, spo2RightHand: 98, spo2Foot: 97 }, 'negative', []],
    ['murmur 2/6', { murmurGrade: 2, spo2RightHand: 98, spo2Foot: 97 }, 'positive', ['murmur']],
    ['murmur 1/6 only', { murmurGrade: 1, spo2RightHand: 98, spo2Foot: 97 }, 'negative', []],
    ['SpO2 89% at a foot', { murmurGrade: 0, spo2RightHand: 91, spo2Foot: 89 }, 'positive', ['spo2_below_90']],
    ['difference 4%', { murmurGrade: 0, spo2RightHand: 96, spo2Foot: 92 }, 'positive', ['difference']],
    ['difference 3% is not above 3%', { murmurGrade: 0, spo2RightHand: 95, spo2Foot: 92 }, 'negative', []],
    [
      '93/94 at both sites: repeat',
      { murmurGrade: 0, spo2RightHand: 93, spo2Foot: 94 },
      'repeat_needed',
      ['borderline_both_sites'],
    ],
    [
      '93/94 then 94/93 on repeat',
      { murmurGrade: 0, spo2RightHand: 93, spo2Foot: 94, repeat: { spo2RightHand: 94, spo2Foot: 93 } },
      'positive',
      ['borderline_on_repeat'],
    ],
    [
      '93/94 then 97/96 on repeat',
      { murmurGrade: 0, spo2RightHand: 93, spo2Foot: 94, repeat: { spo2RightHand: 97, spo2Foot: 96 } },
      'negative',
      [],
    ],
  ])('%s', (_t, input, result, reasons) => {
    const r = chdScreenResult(input);
    if (!r.ok) throw new Error(r.error.code);
    expect([r.value.result, r.value.reasons]).toEqual([result, reasons]);
  });

  it.each([
    ['4 h after birth', '2024-03-01T12:00', 'too_early'],
    ['24 h after birth', '2024-03-02T08:00', 'in_window'],
    ['73 h after birth', '2024-03-04T09:00', 'too_late'],
  ])('timing: %s → %s', (_t, screenedAt, timing) => {
    const r = chdScreenResult({ murmurGrade: 0, spo2RightHand: 98, spo2Foot: 98, birthAt: BIRTH, screenedAt });
    expect(r.ok && r.value.timing).toBe(timing);
  });

  it('positive on 2024-03-02 → echocardiography due by 2024-03-09', () => {
    const r = chdScreenResult({
      murmurGrade: 3,
      spo2RightHand: 98,
      spo2Foot: 98,
      birthAt: BIRTH,
      screenedAt: '2024-03-02T08:00',
    });
    expect(r.ok && r.value.echoDueBy).toBe('2024-03-09');
  });

  it('a region using the 2-measure rule for the difference (config)', () => {
    const cfg = deriveChildRuleSet(
      NATIONAL_NEWBORN_SCREENING_CONFIG,
      { chd: { ...NATIONAL_NEWBORN_SCREENING_CONFIG.chd, differenceNeedsRepeat: true } },
      { region: '33', version: 't' },
    );
    const first = chdScreenResult({ murmurGrade: 0, spo2RightHand: 97, spo2Foot: 93 }, cfg);
    expect(first.ok && [first.value.result, first.value.reasons]).toEqual([
      'repeat_needed',
      ['difference_needs_repeat'],
    ]);
    const again = chdScreenResult(
      { murmurGrade: 0, spo2RightHand: 97, spo2Foot: 93, repeat: { spo2RightHand: 98, spo2Foot: 94 } },
      cfg,
    );
    expect(again.ok && [again.value.result, again.value.reasons]).toEqual(['positive', ['difference_on_repeat']]);
  });

  it.each([
    ['SpO2 101', { murmurGrade: 0, spo2RightHand: 101, spo2Foot: 98 }, 'spo2RightHand'],
    ['murmur 2.5', { murmurGrade: 2.5, spo2RightHand: 98, spo2Foot: 98 }, 'murmurGrade'],
  ])('fails: %s', (_t, input, field) => {
    const r = chdScreenResult(input);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['invalid_number', field]);
  });
});
