import { describe, expect, it } from 'vitest';
import type { HighRiskDutiesConfig, RiskReportDeadline } from './high-risk-duties';
import {
  deliveryHospitalDuty,
  isReportOverdue,
  NATIONAL_HIGH_RISK_DUTIES_2017,
  opensHighRiskCase,
  referralOutcomeCheckDeadline,
  reportDeadline,
  riskColourManagement,
  screenPositiveReferralDeadline,
} from './high-risk-duties';
import type { MaternalResult } from './result';
import type { RiskColour } from './risk-catalogue';

const DOC = '国卫办妇幼发〔2017〕35号';

function value<T>(r: MaternalResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

describe(`${DOC} 妊娠风险评估分级报告单: orange within 3 days, red within 24 h [R]`, () => {
  it.each<[RiskColour, string, string | null, string | null]>([
    ['orange', '2024-03-01', '2024-03-04', 'days'],
    ['orange', '2024-03-01T15:00+08:00', '2024-03-04', 'days'],
    ['red', '2024-03-01T15:20+08:00', '2024-03-02T15:20+08:00', 'hours'],
    ['red', '2024-12-31T23:30', '2025-01-01T23:30', 'hours'],
    ['red', '2024-03-01', '2024-03-02T00:00', 'hours'],
    ['green', '2024-03-01', null, null],
    ['yellow', '2024-03-01', null, null],
    ['purple', '2024-03-01', null, null],
  ])('%s assessed %s → due %s', (colour, assessedAt, dueAt, unit) => {
    const d = value(reportDeadline(colour, assessedAt));
    expect(d?.dueAt ?? null).toBe(dueAt);
    expect(d?.unit ?? null).toBe(unit);
    if (d) expect(d.confirmed).toBe(false);
  });

  it('marks an hour rule applied to a bare date', () => {
    expect(value(reportDeadline('red', '2024-03-01'))?.assessedTimeKnown).toBe(false);
    expect(value(reportDeadline('red', '2024-03-01T08:00'))?.assessedTimeKnown).toBe(true);
  });

  it('rejects an invalid assessment time', () => {
    const r = reportDeadline('red', '2024-03-01T24:10');
    expect(r.ok ? null : r.error.code).toBe('invalid_datetime');
  });

  it('takes the deadlines from configuration (a province may shorten them)', () => {
    const strict: HighRiskDutiesConfig = {
      ...NATIONAL_HIGH_RISK_DUTIES_2017,
      id: 'high-risk-duties-test',
      region: '33',
      reportDeadlines: [{ colour: 'orange', amount: 48, unit: 'hours', confirmed: true, source: 'test' }],
    };
    expect(value(reportDeadline('orange', '2024-03-01T10:00', strict))?.dueAt).toBe('2024-03-03T10:00');
    expect(value(reportDeadline('red', '2024-03-01T10:00', strict))).toBeNull();
  });

  it.each<[string, string, boolean]>([
    ['orange', '2024-03-04', false],
    ['orange', '2024-03-04T23:59', false],
    ['orange', '2024-03-05', true],
    ['red', '2024-03-02T15:20+08:00', false],
    ['red', '2024-03-02T07:19Z', false],
    ['red', '2024-03-02T07:21Z', true],
    ['red', '2024-03-02T15:21', true],
  ])('%s report: overdue at %s → %s', (colour, now, overdue) => {
    const deadline = value(
      reportDeadline(colour as RiskColour, colour === 'red' ? '2024-03-01T15:20+08:00' : '2024-03-01'),
    ) as RiskReportDeadline;
    expect(value(isReportOverdue(deadline, now))).toBe(overdue);
  });
});

describe(`${DOC} 高危专案管理 "五个一": orange, red and purple open a case`, () => {
  it.each<[RiskColour, boolean, boolean]>([
    ['green', false, false],
    ['yellow', false, false],
    ['orange', false, true],
    ['red', false, true],
    ['purple', false, true],
    ['green', true, true],
    ['yellow', true, true],
  ])('%s (purple %s) → %s', (colour, purple, open) => {
    expect(opensHighRiskCase(colour, purple)).toBe(open);
  });

  it.each<[RiskColour, string]>([
    ['green', '助产机构'],
    ['yellow', '二级以上医疗机构'],
    ['orange', '三级医院（尽可能）'],
    ['red', '三级医院'],
  ])('%s: delivery at %s', (colour, level) => {
    expect(riskColourManagement(colour)?.deliveryLevel.zh).toBe(level);
  });

  it('re-assesses at the postpartum home visit and the 42-day check [R]', () => {
    expect(NATIONAL_HIGH_RISK_DUTIES_2017.postpartumReassessmentContacts).toEqual(['home_visit', 'day42_check']);
  });
});

describe('referral deadlines', () => {
  it.each([
    ['2024-03-01', '2024-03-15'],
    ['2024-12-25', '2025-01-08'],
  ])(`${DOC} 筛查阳性2周内转诊 [R]: screened %s → refer by %s`, (screened, by) => {
    expect(value(screenPositiveReferralDeadline(screened))).toBe(by);
  });

  it('基本公卫规范: check the referral outcome within 2 weeks [C]', () => {
    expect(value(referralOutcomeCheckDeadline('2024-02-20'))).toBe('2024-03-05');
    expect(NATIONAL_HIGH_RISK_DUTIES_2017.referralOutcomeCheckDays.confirmed).toBe(true);
    expect(NATIONAL_HIGH_RISK_DUTIES_2017.screenPositiveReferralDays.confirmed).toBe(false);
  });

  it('rejects an invalid screening date', () => {
    const r = screenPositiveReferralDeadline('2024-02-30');
    expect(r.ok ? null : r.error.code).toBe('invalid_date');
  });
});

describe('REFERENCE §1.2 [L] 孕28–36周确定分娩医院: the delivery-hospital duty of a case (LMP 2024-01-01)', () => {
  // 28+0 = 2024-07-15, 36+6 = 2024-09-15
  it.each<[string, boolean, string]>([
    ['2024-07-14', false, 'not_yet'],
    ['2024-07-15', false, 'due'],
    ['2024-09-15', false, 'due'],
    ['2024-09-16', false, 'overdue'],
    ['2024-09-16', true, 'done'],
    ['2024-03-01', true, 'done'],
  ])('on %s, chosen %s → %s', (today, chosen, status) => {
    const d = value(deliveryHospitalDuty({ lmp: '2024-01-01' }, today, chosen));
    expect(d.status).toBe(status);
    expect([d.windowStart, d.windowEnd]).toEqual(['2024-07-15', '2024-09-15']);
    expect(d.confirmed).toBe(false);
  });

  it('takes the window from the configuration (a region may fix it by 32 weeks)', () => {
    const cfg: HighRiskDutiesConfig = {
      ...NATIONAL_HIGH_RISK_DUTIES_2017,
      deliveryHospitalWindow: {
        from: { weeks: 24, days: 0 },
        to: { weeks: 32, days: 0 },
        confirmed: true,
        source: 't',
      },
    };
    expect(value(deliveryHospitalDuty({ edd: '2024-10-07' }, '2024-08-13', false, cfg)).status).toBe('overdue');
  });

  it('rejects an invalid date', () => {
    const r = deliveryHospitalDuty({ lmp: '2024-01-01' }, '2024-13-01', false);
    expect(r.ok ? null : r.error.code).toBe('invalid_date');
  });
});
