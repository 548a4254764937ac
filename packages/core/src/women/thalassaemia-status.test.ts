import { describe, expect, it } from 'vitest';
import type { ThalassaemiaResultOnFile } from './thalassaemia-status';
import { carrierStatusOfSuspicion, currentCarrierStatus, thalassaemiaCounsellingDue } from './thalassaemia-status';

describe('地贫携带状态（已有结果复用，seed 004 避免重复检查）', () => {
  it.each<[string, ThalassaemiaResultOnFile[], string, boolean]>([
    ['无结果 → 未检测', [], 'not_tested', false],
    [
      '血常规正常 (MCV 88, MCH 30) → 非携带者',
      [{ kind: 'blood_indices', date: '2024-01-01', mcvFl: 88, mchPg: 30 }],
      'none',
      false,
    ],
    [
      '血常规阳性未做Hb分析 → 类型未明',
      [{ kind: 'blood_indices', date: '2024-01-01', mcvFl: 70, mchPg: 22 }],
      'suspected_type_unknown',
      false,
    ],
    [
      'HbA2 5.2% → 疑似β',
      [{ kind: 'hb_analysis', date: '2024-01-01', mcvFl: 65, mchPg: 20, hba2Pct: 5.2 }],
      'suspected_beta',
      false,
    ],
    [
      'HbA2 2.0% 且指数阳性 → 疑似α',
      [{ kind: 'hb_analysis', date: '2024-01-01', mcvFl: 68, mchPg: 21, hba2Pct: 2.0 }],
      'suspected_alpha',
      false,
    ],
    [
      '基因检测确诊优先于较新的筛查',
      [
        { kind: 'gene_test', date: '2020-05-01', carrierStatus: 'alpha' },
        { kind: 'blood_indices', date: '2024-01-01', mcvFl: 88, mchPg: 30 },
      ],
      'alpha',
      true,
    ],
    [
      '两次基因检测取最近一次',
      [
        { kind: 'gene_test', date: '2019-05-01', carrierStatus: 'none' },
        { kind: 'gene_test', date: '2023-05-01', carrierStatus: 'beta' },
      ],
      'beta',
      true,
    ],
  ])('%s', (_t, results, status, confirmed) => {
    const r = currentCarrierStatus(results);
    expect(r.status).toBe(status);
    expect(r.confirmed).toBe(confirmed);
  });

  it.each([
    ['none', 'none'],
    ['alpha', 'suspected_alpha'],
    ['beta', 'suspected_beta'],
    ['undetermined', 'suspected_type_unknown'],
  ] as const)('suspicion %s → %s', (s, status) => {
    expect(carrierStatusOfSuspicion(s)).toBe(status);
  });
});

describe('genetic counselling of an at-risk couple is due within 14 days [L]', () => {
  it.each<['high' | 'low' | 'undetermined', string | null, string | null]>([
    ['high', null, '2025-03-15'],
    ['undetermined', null, '2025-03-15'],
    ['high', '2025-03-05', null],
    ['low', null, null],
  ])('risk %s, counselled %s → due %s', (risk, counsellingOn, due) => {
    expect(thalassaemiaCounsellingDue({ risk, assessedOn: '2025-03-01', counsellingOn })).toBe(due);
  });
});
