import { describe, expect, it } from 'vitest';
import {
  BIRTH_DEFECT_CATEGORIES,
  BIRTH_DEFECT_DIAGNOSIS_BASIS,
  BIRTH_DEFECT_WINDOW_NATIONAL,
  birthDefectCategoryForIcd10,
  BIRTH_DEFECT_REPORTING_DEFAULT,
  birthDefectRatePer10000,
  birthDefectReportDue,
  checkBirthDefectCard,
  inBirthDefectSurveillanceWindow,
  suggestBirthDefectsFromKaryotype,
} from './birth-defects';
import type { BirthDefectCardCheck, BirthDefectCategoryCode, BirthDefectWindowInput } from './birth-defects';
import { deriveWomenRuleSet } from './rule-meta';

describe('全国出生缺陷监测 出生缺陷儿登记卡 23 类', () => {
  it('has 23 monitored categories numbered 1–23 plus 24 other', () => {
    expect(BIRTH_DEFECT_CATEGORIES.map((c) => c.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(BIRTH_DEFECT_CATEGORIES.map((c) => c.code)).size).toBe(24);
  });

  it.each<[number, string, string]>([
    [1, '无脑畸形', 'Q00'],
    [2, '脊柱裂', 'Q05'],
    [3, '脑膨出', 'Q01'],
    [4, '先天性脑积水', 'Q03'],
    [5, '腭裂', 'Q35'],
    [6, '唇裂', 'Q36'],
    [7, '唇裂合并腭裂', 'Q37'],
    [8, '小耳（包括无耳）', 'Q17.2, Q16.0'],
    [10, '食道闭锁或狭窄', 'Q39'],
    [11, '直肠肛门闭锁或狭窄（包括无肛）', 'Q42'],
    [12, '尿道下裂', 'Q54'],
    [13, '膀胱外翻', 'Q64.1'],
    [14, '马蹄内翻足', 'Q66.0'],
    [15, '多指（趾）', 'Q69'],
    [16, '并指（趾）', 'Q70'],
    [18, '先天性膈疝', 'Q79.0'],
    [19, '脐膨出', 'Q79.2'],
    [20, '腹裂', 'Q79.3'],
    [21, '联体双胎', 'Q89.4'],
    [22, '唐氏综合征（21-三体综合征）', 'Q90'],
    [23, '先天性心脏病', 'Q20–Q26'],
  ])('card item %i: %s (%s)', (no, zh, icd) => {
    const c = BIRTH_DEFECT_CATEGORIES.find((x) => x.no === no);
    expect(c?.zh).toBe(zh);
    expect(c?.icd10Display).toBe(icd);
  });

  it('only the limb-reduction ICD range is unconfirmed', () => {
    expect(BIRTH_DEFECT_CATEGORIES.filter((c) => c.marker !== 'C').map((c) => c.code)).toEqual(['limb_reduction']);
  });

  it.each<[string, BirthDefectCategoryCode | null]>([
    ['Q00.0', 'anencephaly'],
    ['Q05.9', 'spina_bifida'],
    ['Q37.1', 'cleft_lip_with_palate'],
    ['Q17.2', 'microtia_anotia'],
    ['Q16.0', 'microtia_anotia'],
    ['Q17.0', 'other_external_ear'],
    ['Q17', 'other_external_ear'],
    ['Q64.1', 'bladder_exstrophy'],
    ['Q64.2', 'other'],
    ['Q66.0', 'talipes_equinovarus'],
    ['Q66.8', 'other'],
    ['Q72.3', 'limb_reduction'],
    ['Q79.3', 'gastroschisis'],
    ['Q79.5', 'other'],
    ['Q21.1', 'congenital_heart_disease'],
    ['q25.0', 'congenital_heart_disease'],
    ['Q90.9', 'down_syndrome'],
    ['Q91.3', 'other'],
    ['E03.1', null],
    ['Q5', null],
  ])('ICD-10 %s → %s', (icd, code) => {
    expect(birthDefectCategoryForIcd10(icd)?.code ?? null).toBe(code);
  });

  it('diagnosis basis codes of the card', () => {
    expect(BIRTH_DEFECT_DIAGNOSIS_BASIS.map((b) => b.zh)).toEqual([
      '临床',
      '超声波',
      '尸解',
      '生化检查',
      '染色体',
      '其他',
    ]);
  });
});

describe('出生缺陷监测期 孕满28周至出生后7天 (REFERENCE §3 [R])', () => {
  const base = { birthDate: '2025-03-01' };
  it.each<[string, BirthDefectWindowInput, boolean, string]>([
    [
      '39+2 weeks, diagnosed day 4',
      { ...base, gestationalAge: { weeks: 39, days: 2 }, diagnosisDate: '2025-03-05' },
      true,
      'in_window',
    ],
    [
      '28+0 weeks, diagnosed at birth',
      { ...base, gestationalAge: { weeks: 28, days: 0 }, diagnosisDate: '2025-03-01' },
      true,
      'in_window',
    ],
    [
      '27+6 weeks → 不计入',
      { ...base, gestationalAge: { weeks: 27, days: 6 }, diagnosisDate: '2025-03-01' },
      false,
      'before_min_gestation',
    ],
    [
      'prenatal diagnosis at 24 weeks, born at 38 weeks → 计入',
      { ...base, gestationalAge: { weeks: 38, days: 0 }, diagnosisDate: '2024-12-01' },
      true,
      'in_window',
    ],
    [
      'diagnosed day 6 → 计入',
      { ...base, gestationalAge: { weeks: 40, days: 0 }, diagnosisDate: '2025-03-07' },
      true,
      'in_window',
    ],
    [
      'diagnosed day 7 → 不计入',
      { ...base, gestationalAge: { weeks: 40, days: 0 }, diagnosisDate: '2025-03-08' },
      false,
      'diagnosed_too_late',
    ],
    [
      'gestation unknown, 1000 g → 计入',
      { ...base, birthWeightG: 1000, diagnosisDate: '2025-03-01' },
      true,
      'in_window',
    ],
    [
      'gestation unknown, 980 g → 不计入',
      { ...base, birthWeightG: 980, diagnosisDate: '2025-03-01' },
      false,
      'before_min_gestation',
    ],
    ['neither gestation nor weight', { ...base, diagnosisDate: '2025-03-01' }, false, 'gestation_unknown'],
  ])('%s', (_t, input, inWindow, reason) => {
    expect(inBirthDefectSurveillanceWindow(input)).toEqual({ ok: true, inWindow, reason });
  });

  it('the day limit is configuration (days 0–7 variant)', () => {
    const v = deriveWomenRuleSet(
      BIRTH_DEFECT_WINDOW_NATIONAL,
      { maxDaysAfterBirth: 7 },
      { region: '53', version: '1' },
    );
    const r = inBirthDefectSurveillanceWindow(
      { birthDate: '2025-03-01', gestationalAge: { weeks: 40, days: 0 }, diagnosisDate: '2025-03-08' },
      v,
    );
    expect(r).toMatchObject({ inWindow: true });
    expect(BIRTH_DEFECT_WINDOW_NATIONAL.meta.status).toBe('to_confirm');
  });

  it('refuses bad dates', () => {
    expect(inBirthDefectSurveillanceWindow({ birthDate: '2025-03-01', diagnosisDate: '' })).toMatchObject({
      ok: false,
      code: 'INVALID_DATE',
    });
  });
});

describe('出生缺陷发生率 (1/万) = 缺陷儿 ÷ 围产儿数 × 10000 (REFERENCE §3, unit C)', () => {
  it.each([
    [12, 8000, 15],
    [0, 5000, 0],
    [1, 3, 3333.3333333333335],
    [7, 7, 10000],
  ])('%i / %i → %d per 10,000', (cases, births, rate) => {
    expect(birthDefectRatePer10000(cases, births)).toEqual({ ok: true, rate });
  });

  it.each([
    [1, 0],
    [-1, 100],
    [5, 4],
    [1.5, 100],
  ])('refuses %s / %s', (cases, births) => {
    expect(birthDefectRatePer10000(cases, births)).toMatchObject({ ok: false, code: 'INVALID_COUNT' });
  });
});

describe('defects suggested from a prenatal-diagnosis karyotype (ICD-10 chapter XVII Q90–Q99, ISCN notation)', () => {
  it.each<[string, string[]]>([
    ['47,XX,+21', ['Q90.9']],
    ['47,XY,+21', ['Q90.9']],
    ['mos 47,XY,+21[12]/46,XY[38]', ['Q90.1']],
    ['21三体高风险，羊水核型 47,XX,+21', ['Q90.9']],
    ['47,XY,+18', ['Q91.3']],
    ['47,XX,+13', ['Q91.7']],
    ['45,X', ['Q96.9']],
    ['47,XXY', ['Q98.0']],
    ['47,XXX', ['Q97.0']],
    ['47,XYY', ['Q98.5']],
    ['46,XX', []],
    ['46,XY', []],
    ['45,XX,der(13;14)(q10;q10)', []],
    ['46,XY,+21 未见异常？', ['Q90.9']],
    ['核型正常', []],
  ])('%s → %j', (result, codes) => {
    expect(suggestBirthDefectsFromKaryotype(result).map((d) => d.icd10)).toEqual(codes);
  });

  it('trisomy 21 falls in the monitored category 22 (唐氏综合征); trisomy 18 in other', () => {
    expect(suggestBirthDefectsFromKaryotype('47,XX,+21')[0]?.category).toBe('down_syndrome');
    expect(suggestBirthDefectsFromKaryotype('47,XX,+18')[0]).toMatchObject({
      category: 'other',
      descriptionZh: '18-三体综合征',
    });
    expect(suggestBirthDefectsFromKaryotype(null)).toEqual([]);
  });
});

describe('card consistency: diagnosis time, termination after prenatal diagnosis, death within 7 days', () => {
  const base: BirthDefectCardCheck = {
    birthDate: '2025-03-10',
    diagnosisDate: '2025-03-10',
    diagnosisTime: 'after_birth',
    outcome: 'live_birth',
  };
  it.each<[string, Partial<BirthDefectCardCheck>, string | null]>([
    ['diagnosed on the day of birth', {}, null],
    ['prenatal diagnosis 10 weeks before', { diagnosisTime: 'prenatal', diagnosisDate: '2024-12-30' }, null],
    ['prenatal diagnosis on the day of termination', { diagnosisTime: 'prenatal', outcome: 'termination' }, null],
    ['"prenatal" dated after the birth', { diagnosisTime: 'prenatal', diagnosisDate: '2025-03-11' }, 'diagnosisTime'],
    ['prenatal 41 weeks before', { diagnosisTime: 'prenatal', diagnosisDate: '2024-06-01' }, 'diagnosisDate'],
    ['"after birth" dated before it', { diagnosisDate: '2025-03-09' }, 'diagnosisTime'],
    ['a termination without prenatal diagnosis', { outcome: 'termination' }, 'outcome'],
    ['death on day 6', { outcome: 'early_neonatal_death', deathDate: '2025-03-16' }, null],
    ['death on day 7 (outside 0–6)', { outcome: 'early_neonatal_death', deathDate: '2025-03-17' }, 'deathDate'],
    ['an early death without its date', { outcome: 'early_neonatal_death' }, 'deathDate'],
    ['a death date on a live birth', { deathDate: '2025-03-12' }, 'deathDate'],
  ])('%s', (_t, patch, field) => {
    const r = checkBirthDefectCard({ ...base, ...patch });
    if (field === null) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, code: 'INCONSISTENT', field });
  });
});

describe('card due [L]: within 7 days of the birth', () => {
  it.each([
    ['2025-03-01', '2025-03-08'],
    ['2024-02-26', '2024-03-04'],
    ['2025-12-28', '2026-01-04'],
  ])('born %s → due %s', (birth, due) => {
    expect(birthDefectReportDue(birth)).toBe(due);
    expect(BIRTH_DEFECT_REPORTING_DEFAULT.meta.marker).toBe('L');
  });
});
