import { describe, expect, it } from 'vitest';
import { deriveChildRuleSet } from './child-config';
import {
  congenitalSyphilisStatus,
  NATIONAL_CONGENITAL_SYPHILIS_RULES,
  type CongenitalSyphilisStatus,
  type SyphilisExposedInfantFindings,
} from './congenital-syphilis';

const SRC = '预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版） [R]';

type F = Partial<SyphilisExposedInfantFindings>;
const f = (x: F): SyphilisExposedInfantFindings => ({ nonTreponemal: [], treponemal: [], ...x });
const birth = (titre: number) => ({ ageMonths: 0, result: 'positive' as const, titre, atBirth: true });
const nt = (ageMonths: number, titre: number | null) =>
  titre === null ? { ageMonths, result: 'negative' as const } : { ageMonths, result: 'positive' as const, titre };
const tp = (ageMonths: number, result: 'positive' | 'negative' | 'indeterminate') => ({ ageMonths, result });

describe(`${SRC}: congenital syphilis when any criterion holds`, () => {
  it.each<[string, F, string[]]>([
    ['darkfield/PCR positive lesions or body fluids', { darkfieldOrPcr: 'positive' }, ['darkfield_pcr_positive']],
    [
      'birth titre 1:16 vs mother 1:4 at delivery (= 4×)',
      { motherTitreAtDelivery: 4, nonTreponemal: [birth(16)] },
      ['birth_titre_4x_mother'],
    ],
    [
      'birth titre 1:32 vs mother 1:4 (8×)',
      { motherTitreAtDelivery: 4, nonTreponemal: [birth(32)] },
      ['birth_titre_4x_mother'],
    ],
    ['treponemal IgM positive', { treponemalIgm: 'positive' }, ['treponemal_igm_positive']],
    ['titre rises 1:2 at 3 months → 1:8 at 6 months (4×)', { nonTreponemal: [nt(3, 2), nt(6, 8)] }, ['titre_rise_4x']],
    [
      'titre falls 1:8 → 1:1 then rises to 1:4 (4× the lowest earlier)',
      { nonTreponemal: [nt(3, 8), nt(6, 1), nt(9, 4)] },
      ['titre_rise_4x'],
    ],
    [
      'treponemal test still positive at 18 months',
      { treponemal: [tp(18.1, 'positive')] },
      ['treponemal_positive_18m'],
    ],
    [
      'treponemal positive 5 days before 18 months (within the duty window) counts',
      { treponemal: [tp(17.85, 'positive')] },
      ['treponemal_positive_18m'],
    ],
    [
      'several criteria together are all reported',
      { treponemalIgm: 'positive', motherTitreAtDelivery: 2, nonTreponemal: [birth(8)] },
      ['birth_titre_4x_mother', 'treponemal_igm_positive'],
    ],
    [
      'a criterion of infection wins over a negative 18-month treponemal test',
      { darkfieldOrPcr: 'positive', nonTreponemal: [nt(18, null)], treponemal: [tp(18, 'negative')] },
      ['darkfield_pcr_positive'],
    ],
  ])('%s → infected', (_name, x, codes) => {
    const r = congenitalSyphilisStatus(f(x));
    expect(r.status).toBe('infected');
    expect(r.reasons.map((c) => c.code)).toEqual(codes);
    expect(r.reasons.every((c) => c.evidence === 'R')).toBe(true);
  });
});

describe(`${SRC}: not infected when non-treponemal negative and, at 18 months, treponemal negative; else pending`, () => {
  it.each<[string, F, CongenitalSyphilisStatus]>([
    [
      'non-treponemal negative at 6 months and treponemal negative at 18 months',
      { nonTreponemal: [birth(2), nt(3, 1), nt(6, null)], treponemal: [tp(18, 'negative')] },
      'not_infected',
    ],
    ['nothing recorded', {}, 'pending'],
    [
      'birth titre 1:8 vs mother 1:4 (2×, below 4×)',
      { motherTitreAtDelivery: 4, nonTreponemal: [birth(8)] },
      'pending',
    ],
    ['birth titre without the mother’s titre cannot be compared', { nonTreponemal: [birth(64)] }, 'pending'],
    ['titre rises 1:2 → 1:4 (2×)', { nonTreponemal: [nt(3, 2), nt(6, 4)] }, 'pending'],
    ['IgM negative', { treponemalIgm: 'negative' }, 'pending'],
    [
      'non-treponemal negative, treponemal test not yet at 18 months',
      { nonTreponemal: [nt(6, null)], treponemal: [tp(12, 'negative')] },
      'pending',
    ],
    [
      'treponemal negative at 18 months, but the latest non-treponemal test still positive',
      { nonTreponemal: [nt(6, null), nt(18, 1)], treponemal: [tp(18, 'negative')] },
      'pending',
    ],
    ['treponemal negative at 18 months, no non-treponemal test', { treponemal: [tp(18, 'negative')] }, 'pending'],
    [
      'treponemal indeterminate at 18 months',
      { nonTreponemal: [nt(9, null)], treponemal: [tp(18, 'indeterminate')] },
      'pending',
    ],
  ])('%s → %s', (_name, x, status) => {
    expect(congenitalSyphilisStatus(f(x)).status).toBe(status);
  });

  it('pending says what is still needed', () => {
    const r = congenitalSyphilisStatus(f({ nonTreponemal: [nt(6, null)] }));
    expect(r.needed.map((n) => n.zh)).toEqual(['18月龄梅毒螺旋体抗原血清学试验结果']);
    expect(r.reasons.map((c) => c.code)).toEqual(['nontreponemal_negative']);
  });
});

describe(`${SRC}: the criteria are versioned configuration, to confirm`, () => {
  it('is marked [R] and to confirm', () => {
    expect(NATIONAL_CONGENITAL_SYPHILIS_RULES.meta).toMatchObject({
      id: 'congenital-syphilis-cn',
      evidence: 'R',
      status: 'to_confirm',
      sources: ['预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版）'],
    });
  });

  it('a regional variant may accept any negative non-treponemal test for the exclusion', () => {
    const x = f({ nonTreponemal: [nt(6, null), nt(18, 1)], treponemal: [tp(18, 'negative')] });
    const variant = deriveChildRuleSet(
      NATIONAL_CONGENITAL_SYPHILIS_RULES,
      { exclusionNeedsLatestNonTreponemalNegative: false },
      { region: '33', version: '2020.zj' },
    );
    expect(congenitalSyphilisStatus(x).status).toBe('pending');
    expect(congenitalSyphilisStatus(x, variant)).toMatchObject({
      status: 'not_infected',
      config: { id: 'congenital-syphilis-cn', version: '2020.zj' },
    });
  });
});
