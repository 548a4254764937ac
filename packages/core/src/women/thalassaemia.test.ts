import { describe, expect, it } from 'vitest';
import {
  THALASSAEMIA_RULES_DEFAULT,
  coupleThalassaemiaRisk,
  interpretThalassaemiaScreen,
  needsThalassaemiaRetest,
} from './thalassaemia';
import type {
  ThalassaemiaCarrierStatus,
  ThalassaemiaScreenNextStep,
  ThalassaemiaSuspicion,
  ThalassaemiaTestKind,
  ThalassaemiaTestRecord,
} from './thalassaemia';
import { deriveWomenRuleSet } from './rule-meta';

describe('地中海贫血筛查 血常规 + HbA2 [R] (MCV<80 fL 或 MCH<27 pg 阳性)', () => {
  it.each<[string, number, number, number | undefined, boolean, ThalassaemiaSuspicion, ThalassaemiaScreenNextStep]>([
    ['MCV 88, MCH 30 → 阴性', 88, 30, undefined, false, 'none', 'none'],
    ['MCV 80, MCH 27 at the cut-offs → 阴性', 80, 27, undefined, false, 'none', 'none'],
    ['MCV 79.9 → 阳性, 做血红蛋白分析', 79.9, 28, undefined, true, 'undetermined', 'hb_analysis'],
    ['MCH 26.9 → 阳性, 做血红蛋白分析', 85, 26.9, undefined, true, 'undetermined', 'hb_analysis'],
    ['HbA2 5.2% → 提示β地贫', 65, 20, 5.2, true, 'beta', 'beta_gene_test'],
    ['HbA2 3.6% → 提示β地贫', 70, 22, 3.6, true, 'beta', 'beta_gene_test'],
    [
      'HbA2 3.5% (not above) with low MCV → 未定, α基因+铁代谢',
      70,
      22,
      3.5,
      true,
      'undetermined',
      'alpha_gene_test_and_iron_studies',
    ],
    ['HbA2 2.4% with low MCV → 提示α地贫', 72, 23, 2.4, true, 'alpha', 'alpha_gene_test'],
    ['HbA2 2.5% with low MCV → 未定', 72, 23, 2.5, true, 'undetermined', 'alpha_gene_test_and_iron_studies'],
    ['HbA2 2.0% with normal indices → 阴性', 90, 30, 2.0, false, 'none', 'none'],
    ['HbA2 4.0% even with normal indices → β基因检测', 82, 28, 4.0, false, 'beta', 'beta_gene_test'],
  ])('%s', (_t, mcvFl, mchPg, hba2Pct, positive, suspicion, next) => {
    expect(interpretThalassaemiaScreen({ mcvFl, mchPg, ...(hba2Pct === undefined ? {} : { hba2Pct }) })).toEqual({
      ok: true,
      indicesPositive: positive,
      suspicion,
      next,
    });
  });

  it('refuses impossible values', () => {
    expect(interpretThalassaemiaScreen({ mcvFl: 0, mchPg: 27 })).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(interpretThalassaemiaScreen({ mcvFl: 80, mchPg: Number.NaN })).toMatchObject({ ok: false });
  });

  it('cut-offs are configuration and flagged', () => {
    const gx = deriveWomenRuleSet(THALASSAEMIA_RULES_DEFAULT, { mcvBelowFl: 82 }, { region: '45', version: '2020' });
    expect(interpretThalassaemiaScreen({ mcvFl: 81, mchPg: 28 }, gx)).toMatchObject({ indicesPositive: true });
    expect(THALASSAEMIA_RULES_DEFAULT.meta.confirmed).toBe(false);
  });
});

describe('地贫 夫妇风险: 同型携带 (α+α, β+β) 为高风险夫妇 → 遗传咨询 + 产前诊断', () => {
  it.each<[ThalassaemiaCarrierStatus, ThalassaemiaCarrierStatus, string, string | null, string[]]>([
    ['alpha', 'alpha', 'high', 'alpha', ['genetic_counselling', 'prenatal_diagnosis']],
    ['beta', 'beta', 'high', 'beta', ['genetic_counselling', 'prenatal_diagnosis']],
    ['alpha_and_beta', 'beta', 'high', 'beta', ['genetic_counselling', 'prenatal_diagnosis']],
    ['alpha', 'beta', 'low', null, []],
    ['alpha', 'none', 'low', null, []],
    ['none', 'not_tested', 'low', null, []],
    ['beta', 'not_tested', 'undetermined', null, ['partner_screening']],
    ['not_tested', 'not_tested', 'undetermined', null, ['partner_screening']],
    ['suspected_alpha', 'alpha', 'undetermined', 'alpha', ['gene_test']],
    ['suspected_beta', 'suspected_beta', 'undetermined', 'beta', ['gene_test']],
    ['suspected_type_unknown', 'beta', 'undetermined', 'beta', ['gene_test']],
    ['suspected_type_unknown', 'suspected_type_unknown', 'undetermined', null, ['gene_test']],
    ['suspected_alpha', 'beta', 'low', null, []],
  ])('%s × %s → %s', (a, b, risk, sharedType, actions) => {
    expect(coupleThalassaemiaRisk(a, b)).toEqual({ risk, sharedType, actions });
    expect(coupleThalassaemiaRisk(b, a).risk).toBe(risk);
  });
});

describe('地贫 结果复用, 避免重复检查 (seed 004)', () => {
  const gene: ThalassaemiaTestRecord = { kind: 'gene_test', date: '2012-04-01', source: 'premarital' };
  const indicesOld: ThalassaemiaTestRecord = { kind: 'blood_indices', date: '2023-01-10', source: 'preconception' };
  const indicesNew: ThalassaemiaTestRecord = { kind: 'blood_indices', date: '2024-06-10', source: 'antenatal' };
  const hb: ThalassaemiaTestRecord = { kind: 'hb_analysis', date: '2019-03-03' };

  it.each<
    [string, ThalassaemiaTestRecord[], ThalassaemiaTestKind, string, boolean, string, ThalassaemiaTestRecord | null]
  >([
    ['nothing on file → test', [], 'blood_indices', '2025-01-01', true, 'none_on_file', null],
    ['基因检测终身有效 → reuse', [gene], 'gene_test', '2025-01-01', false, 'valid_result_on_file', gene],
    [
      '基因检测 answers indices → reuse',
      [gene],
      'blood_indices',
      '2025-01-01',
      false,
      'superseded_by_valid_result',
      gene,
    ],
    [
      'indices 11 months old → reuse',
      [indicesNew],
      'blood_indices',
      '2025-05-09',
      false,
      'valid_result_on_file',
      indicesNew,
    ],
    ['indices exactly 12 months old → expired', [indicesNew], 'blood_indices', '2025-06-10', true, 'expired', null],
    [
      'newest valid indices are reused',
      [indicesOld, indicesNew],
      'blood_indices',
      '2024-12-01',
      false,
      'valid_result_on_file',
      indicesNew,
    ],
    ['HbA2 analysis lifelong [L]', [hb], 'hb_analysis', '2025-01-01', false, 'valid_result_on_file', hb],
    ['indices do not answer a gene test', [indicesNew], 'gene_test', '2025-01-01', true, 'none_on_file', null],
    [
      'a result dated after the request is ignored',
      [indicesNew],
      'blood_indices',
      '2024-06-01',
      true,
      'none_on_file',
      null,
    ],
  ])('%s', (_t, existing, kind, date, retest, reason, reuse) => {
    expect(needsThalassaemiaRetest(existing, kind, date)).toEqual({ ok: true, retest, reason, reuse });
  });

  it('validity is configuration: indices valid 6 months in a variant', () => {
    const cfg = deriveWomenRuleSet(
      THALASSAEMIA_RULES_DEFAULT,
      { validityMonths: { ...THALASSAEMIA_RULES_DEFAULT.validityMonths, blood_indices: 6 } },
      { region: '53', version: '2020' },
    );
    expect(needsThalassaemiaRetest([indicesNew], 'blood_indices', '2025-01-01', cfg)).toMatchObject({
      retest: true,
      reason: 'expired',
    });
  });

  it('refuses a bad date', () => {
    expect(needsThalassaemiaRetest([], 'gene_test', 'tomorrow')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });
});
