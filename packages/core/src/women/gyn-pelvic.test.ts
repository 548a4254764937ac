import { describe, expect, it } from 'vitest';
import type { GynSurveyDisposition, PelvicFloorReason } from './gyn-pelvic';
import { GYN_SURVEY_FINDINGS, PELVIC_FLOOR_DEFAULT, assessPelvicFloor, gynSurveyFollowUpDue } from './gyn-pelvic';

describe('妇女常见病筛查 所见与随访 [R]/[L]', () => {
  it('lists the annual report disease groups with unique codes', () => {
    expect(new Set(GYN_SURVEY_FINDINGS.map((f) => f.code)).size).toBe(GYN_SURVEY_FINDINGS.length);
    expect(GYN_SURVEY_FINDINGS.map((f) => f.zh)).toContain('子宫肌瘤');
  });
  it.each<[GynSurveyDisposition, string | null]>([
    ['none', null],
    ['treated', null],
    ['referred', '2025-03-31'],
    ['follow_up', '2025-05-30'],
  ])('disposition %s → follow-up due %s', (d, due) => {
    expect(gynSurveyFollowUpDue('2025-03-01', d)).toBe(due);
  });
});

describe('产后盆底功能筛查 康复指征 [L]', () => {
  it.each<[string, number, number, boolean, boolean, PelvicFloorReason[]]>([
    ['肌力5级、POP-Q 0期、无尿失禁 → 无需康复', 5, 0, false, false, []],
    ['肌力3级 → 康复', 3, 0, false, true, ['weak_muscle']],
    ['肌力4级、POP-Q II期 → 康复', 4, 2, false, true, ['prolapse']],
    ['压力性尿失禁 → 康复', 4, 1, true, true, ['stress_incontinence']],
    ['三项均有', 1, 3, true, true, ['weak_muscle', 'prolapse', 'stress_incontinence']],
  ])('%s', (_t, muscleStrength, popStage, sui, indicated, reasons) => {
    const a = assessPelvicFloor({ muscleStrength, popStage, stressIncontinence: sui });
    expect(a.rehabIndicated).toBe(indicated);
    expect(a.reasons).toEqual(reasons);
  });
  it.each<[string, string, number, boolean]>([
    ['产后42天 → 窗口内', '2025-02-11', 42, true],
    ['产后30天 → 过早', '2025-01-30', 30, false],
    ['产后400天 → 超出', '2026-02-04', 400, false],
  ])('%s', (_t, screeningDate, days, inWindow) => {
    const a = assessPelvicFloor({
      muscleStrength: 5,
      popStage: 0,
      stressIncontinence: false,
      deliveryDate: '2024-12-31',
      screeningDate,
    });
    expect(a.postpartumDays).toBe(days);
    expect(a.inWindow).toBe(inWindow);
  });
  it('course length is configuration', () => {
    expect(PELVIC_FLOOR_DEFAULT.courseSessions).toBe(10);
    expect(PELVIC_FLOOR_DEFAULT.meta.status).toBe('to_confirm');
  });
});
