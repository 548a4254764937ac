import { describe, expect, it } from 'vitest';
import {
  FAMILY_PLANNING_COMPLICATIONS,
  FAMILY_PLANNING_SERVICES,
  POST_ABORTION_CARE_DEFAULT,
  POST_ABORTION_CARE_ITEMS,
  classifyPostAbortionContraception,
  complicationsFor,
  iudRemovalAfterMenopause,
  postAbortionFollowUpSchedule,
} from './family-planning';
import type { FamilyPlanningService, PostAbortionContraception } from './family-planning';
import { deriveWomenRuleSet } from './rule-meta';

describe('计划生育技术服务 code list (W5; seed 003 绝经期取环)', () => {
  it.each<[FamilyPlanningService, string, 'female' | 'male', boolean]>([
    ['iud_insertion', '放置宫内节育器', 'female', true],
    ['iud_removal', '取出宫内节育器', 'female', false],
    ['iud_removal_postmenopause', '绝经后取出宫内节育器', 'female', false],
    ['implant_insertion', '皮下埋植剂放置', 'female', true],
    ['implant_removal', '皮下埋植剂取出', 'female', false],
    ['tubal_ligation', '输卵管绝育术', 'female', true],
    ['vasectomy', '输精管绝育术', 'male', true],
    ['injectable', '避孕针', 'female', true],
    ['combined_oral_contraceptive', '复方短效口服避孕药', 'female', true],
    ['male_condom', '男用避孕套', 'male', true],
    ['emergency_contraception', '紧急避孕药', 'female', false],
  ])('%s = %s (%s), starts contraception: %s', (code, zh, sex, starts) => {
    const s = FAMILY_PLANNING_SERVICES.find((x) => x.code === code);
    expect(s).toMatchObject({ zh, sex, startsContraception: starts });
  });

  it('codes are unique and labelled in English', () => {
    expect(new Set(FAMILY_PLANNING_SERVICES.map((s) => s.code)).size).toBe(FAMILY_PLANNING_SERVICES.length);
    expect(new Set(FAMILY_PLANNING_COMPLICATIONS.map((s) => s.code)).size).toBe(FAMILY_PLANNING_COMPLICATIONS.length);
    for (const s of FAMILY_PLANNING_SERVICES) expect(s.en.length).toBeGreaterThan(0);
  });

  it.each<[FamilyPlanningService, string[], string[]]>([
    ['iud_insertion', ['uterine_perforation', 'iud_expulsion', 'pregnancy_with_iud'], ['painful_nodule']],
    ['vasectomy', ['painful_nodule', 'epididymal_congestion', 'pregnancy_after_sterilisation'], ['iud_expulsion']],
    [
      'surgical_abortion',
      ['incomplete_abortion', 'artificial_abortion_syndrome', 'uterine_perforation'],
      ['iud_embedment'],
    ],
    ['implant_removal', ['implant_removal_difficulty'], ['failed_abortion']],
  ])('complications after %s include %j and not %j', (service, yes, no) => {
    const list = complicationsFor(service);
    expect(list).toEqual(expect.arrayContaining(yes));
    for (const n of no) expect(list).not.toContain(n);
  });
});

describe('流产后关爱 (seed 001: 优化流产后关爱服务) [L]', () => {
  it('has the five care items', () => {
    expect(POST_ABORTION_CARE_ITEMS.map((i) => i.code)).toEqual([
      'group_education',
      'individual_counselling',
      'contraception_informed_choice',
      'immediate_contraception',
      'follow_up',
    ]);
  });

  it('follow-up at 1, 3, 6, 12 months (month-end clamps)', () => {
    expect(postAbortionFollowUpSchedule('2025-01-31')).toEqual({
      ok: true,
      visits: [
        { month: 1, dueDate: '2025-02-28' },
        { month: 3, dueDate: '2025-04-30' },
        { month: 6, dueDate: '2025-07-31' },
        { month: 12, dueDate: '2026-01-31' },
      ],
    });
    expect(postAbortionFollowUpSchedule('31/01/2025')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });

  it.each<[FamilyPlanningService | null, PostAbortionContraception]>([
    ['iud_insertion', 'highly_effective'],
    ['implant_insertion', 'highly_effective'],
    ['combined_oral_contraceptive', 'highly_effective'],
    ['tubal_ligation', 'highly_effective'],
    ['male_condom', 'other_method'],
    ['emergency_contraception', 'none'],
    [null, 'none'],
  ])('流产后即时落实避孕: %s → %s', (method, cls) => {
    expect(classifyPostAbortionContraception(method)).toBe(cls);
  });

  it('the highly-effective list is configuration', () => {
    const strict = deriveWomenRuleSet(
      POST_ABORTION_CARE_DEFAULT,
      { highlyEffective: ['iud_insertion', 'implant_insertion', 'tubal_ligation', 'vasectomy'] },
      { region: '33', version: '1' },
    );
    expect(classifyPostAbortionContraception('combined_oral_contraceptive', strict)).toBe('other_method');
  });
});

describe('绝经后取出宫内节育器 [R] 绝经后 6–12 个月', () => {
  it.each([
    ['2024-01-15', '2024-07-14', 'not_yet'],
    ['2024-01-15', '2024-07-15', 'due'],
    ['2024-01-15', '2025-01-15', 'due'],
    ['2024-01-15', '2025-01-16', 'overdue'],
  ] as const)('last period %s, on %s → %s', (lmp, today, status) => {
    expect(iudRemovalAfterMenopause(lmp, today)).toEqual({ ok: true, status, from: '2024-07-15', to: '2025-01-15' });
  });

  it('refuses bad dates', () => {
    expect(iudRemovalAfterMenopause('2024-01-15', '2024-02-30')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });
});
