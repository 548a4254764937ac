import { describe, expect, it } from 'vitest';
import {
  FUNDED_PROGRAMMES,
  countsTowardProgramme,
  fundedProgramme,
  fundedProgrammeProgress,
  programmesCountedBy,
} from './programmes';
import type { FundedProgrammeId, ProgrammeServiceRecord } from './programmes';

describe('惠民项目 / 妇幼重大公卫项目 catalogue (seeds README G7)', () => {
  it('ids are unique and every programme has zh/en names and seeds', () => {
    expect(new Set(FUNDED_PROGRAMMES.map((p) => p.id)).size).toBe(FUNDED_PROGRAMMES.length);
    for (const p of FUNDED_PROGRAMMES) {
      expect(p.zh.length * p.en.length).toBeGreaterThan(0);
      expect(p.seeds.length).toBeGreaterThan(0);
      expect(p.capabilities).toContain('G7');
    }
  });

  it.each<[FundedProgrammeId, string, string]>([
    ['free_premarital_exam', '免费婚前医学检查', 'premaritalExam'],
    ['free_preconception_check', '国家免费孕前优生健康检查', 'preconceptionCheck'],
    ['cervical_cancer_screening', '适龄妇女宫颈癌筛查（两癌检查）', 'cancerScreening'],
    ['folic_acid_supplementation', '增补叶酸预防神经管缺陷', 'folicAcid'],
    ['newborn_chd_screening', '新生儿先天性心脏病筛查', 'newbornScreening'],
    ['thalassaemia_prevention', '地中海贫血防控', 'thalassaemiaTest'],
    ['pmtct', '预防艾滋病、梅毒和乙肝母婴传播', 'pmtct'],
  ])('%s (%s) counts %s records', (id, zh, type) => {
    expect(fundedProgramme(id)).toMatchObject({ zh, counts: { type } });
  });

  it.each<[string, FundedProgrammeId, number, 'percent' | 'count']>([
    ['seed 003: 完成心脏超声诊断 208 例以上', 'newborn_chd_screening', 208, 'count'],
    ['seed 003: 免费婚前检查率 ≥92%', 'free_premarital_exam', 92, 'percent'],
    ['seed 002: 农村牧区两癌筛查覆盖率 100%', 'breast_cancer_screening', 100, 'percent'],
  ])('%s', (_t, id, value, unit) => {
    expect(fundedProgramme(id)?.exampleTargets).toContainEqual(expect.objectContaining({ value, unit }));
  });
});

describe('which record counts toward completion', () => {
  it.each<[string, FundedProgrammeId, ProgrammeServiceRecord, boolean]>([
    ['completed premarital exam', 'free_premarital_exam', { type: 'premaritalExam', completed: true }, true],
    ['unfinished premarital exam', 'free_premarital_exam', { type: 'premaritalExam', completed: false }, false],
    [
      'cervical screening counts for cervical',
      'cervical_cancer_screening',
      { type: 'cancerScreening', kind: 'cervical', completed: true },
      true,
    ],
    [
      'breast screening does not count for cervical',
      'cervical_cancer_screening',
      { type: 'cancerScreening', kind: 'breast', completed: true },
      false,
    ],
    [
      'seed 003: CHD echo diagnosis counts',
      'newborn_chd_screening',
      { type: 'newbornScreening', kind: 'heart', step: 'echo', completed: true },
      true,
    ],
    [
      'CHD pulse-oximetry screen is not an echo diagnosis',
      'newborn_chd_screening',
      { type: 'newbornScreening', kind: 'heart', step: 'screen', completed: true },
      false,
    ],
    [
      'hearing screen counts for hearing',
      'newborn_hearing_screening',
      { type: 'newbornScreening', kind: 'hearing', completed: true },
      true,
    ],
    [
      'hearing screen does not count for metabolic',
      'newborn_metabolic_screening',
      { type: 'newbornScreening', kind: 'hearing', completed: true },
      false,
    ],
    [
      'kind missing where kinds are required',
      'newborn_metabolic_screening',
      { type: 'newbornScreening', completed: true },
      false,
    ],
  ])('%s', (_t, id, record, counts) => {
    expect(countsTowardProgramme(id, record)).toBe(counts);
  });

  it('a heart echo record counts toward the CHD programme only', () => {
    expect(programmesCountedBy({ type: 'newbornScreening', kind: 'heart', step: 'echo', completed: true })).toEqual([
      'newborn_chd_screening',
    ]);
  });
});

describe('progress toward a target', () => {
  it.each([
    [150, 208, false, 58],
    [208, 208, true, 0],
    [230, 208, true, 0],
    [0, 10, false, 10],
  ])('%i of %i → met %s, remaining %i', (done, target, met, remaining) => {
    const r = fundedProgrammeProgress(done, target);
    expect(r).toMatchObject({ ok: true, met, remaining });
    expect(r.ok && r.share).toBeCloseTo(done / target, 10);
  });

  it.each([
    [1, 0],
    [-1, 5],
    [1.2, 5],
  ])('refuses %s of %s', (done, target) => {
    expect(fundedProgrammeProgress(done, target)).toMatchObject({ ok: false, code: 'INVALID_COUNT' });
  });
});
