import { describe, expect, it } from 'vitest';
import {
  CERVICAL_HISTOLOGY,
  CERVICAL_INTERVALS_NATIONAL,
  CERVICAL_PATHWAY_NATIONAL,
  HPV_HIGH_RISK_TYPES,
  TBS_CATEGORIES,
  cervicalLesionGrade,
  cervicalNextStep,
  cervicalRoutineIntervalMonths,
  classifyHpvGenotyping,
  isAscUsOrWorse,
  nextStepAfterHpv,
} from './cervical-screening';
import type { CervicalHistology, CervicalNextStep, CervicalStage, TbsCategory } from './cervical-screening';
import { deriveWomenRuleSet } from './rule-meta';

describe('两癌筛查 宫颈癌 HPV 分型检测 (REFERENCE §9)', () => {
  it('lists 14 distinct high-risk types including 16 and 18 (§9 "14 types")', () => {
    expect(new Set(HPV_HIGH_RISK_TYPES).size).toBe(14);
    expect(HPV_HIGH_RISK_TYPES.slice(0, 2)).toEqual(['16', '18']);
  });

  it.each<[string, string[], string, CervicalNextStep]>([
    ['§9 step 2: HPV16 阳性 → 直接阴道镜', ['16'], 'hpv16_18', 'colposcopy'],
    ['§9 step 2: HPV18 阳性 → 直接阴道镜', ['HPV18'], 'hpv16_18', 'colposcopy'],
    ['§9 step 2: 16 合并 52 → 仍按16/18 直接阴道镜', ['52', '16'], 'hpv16_18', 'colposcopy'],
    ['§9 step 3: 其他高危型 (52) → 细胞学分流', ['52'], 'other_hr', 'cytology_triage'],
    ['§9 step 3: 其他高危型 (31, 58, 66) → 细胞学分流', ['31', 'hpv-58', '66'], 'other_hr', 'cytology_triage'],
    ['§9 intervals [R]: 阴性 → 常规再筛', [], 'negative', 'routine_rescreen'],
    ['低危型 6/11 不计入高危 → 按阴性', ['6', '11'], 'negative', 'routine_rescreen'],
  ])('%s', (_title, types, category, next) => {
    const d = nextStepAfterHpv(types);
    expect(d.ok && d.category).toBe(category);
    expect(d.ok && d.next).toBe(next);
  });

  it('normalises types and keeps low-risk ones apart', () => {
    const c = classifyHpvGenotyping(['HPV 52', '016', '6']);
    expect(c).toEqual({ ok: true, category: 'hpv16_18', highRiskTypes: ['16', '52'], otherTypes: ['6'] });
  });

  it('refuses an unreadable type as data', () => {
    const c = classifyHpvGenotyping(['16', 'positive']);
    expect(c.ok).toBe(false);
    expect(!c.ok && c.code).toBe('INVALID_HPV_TYPE');
    expect(!c.ok && c.messageZh).toContain('positive');
  });
});

describe('两癌筛查 宫颈癌 细胞学 TBS (REFERENCE §9)', () => {
  it.each<[TbsCategory, CervicalNextStep]>([
    ['NILM', 'repeat_in_12_months'],
    ['ASC-US', 'colposcopy'],
    ['ASC-H', 'colposcopy'],
    ['LSIL', 'colposcopy'],
    ['HSIL', 'colposcopy'],
    ['SCC', 'colposcopy'],
    ['AGC', 'colposcopy'],
    ['AGC-FN', 'colposcopy'],
    ['AIS', 'colposcopy'],
    ['ADENOCARCINOMA', 'colposcopy'],
    ['UNSATISFACTORY', 'repeat_sample'],
  ])('§9 step 3: 其他高危型HPV阳性后细胞学 %s → %s', (tbs, next) => {
    const d = cervicalNextStep('cytology_after_hpv', tbs);
    expect(d.ok && d.next).toBe(next);
  });

  it.each<[TbsCategory, CervicalNextStep]>([
    ['NILM', 'routine_rescreen'],
    ['ASC-US', 'colposcopy'],
    ['LSIL', 'colposcopy'],
    ['HSIL', 'colposcopy'],
    ['UNSATISFACTORY', 'repeat_sample'],
  ])('§9 alternatives [R]: 细胞学初筛 %s → %s', (tbs, next) => {
    const d = cervicalNextStep('cytology_primary', tbs);
    expect(d.ok && d.next).toBe(next);
  });

  it('marks NILM-after-hrHPV as recollection and ≥ASC-US → colposcopy as confirmed', () => {
    expect(CERVICAL_PATHWAY_NATIONAL.cytology_after_hpv.NILM.marker).toBe('R');
    expect(CERVICAL_PATHWAY_NATIONAL.cytology_after_hpv.HSIL.marker).toBe('C');
  });

  it('every TBS category has a rule in both cytology tables', () => {
    for (const t of TBS_CATEGORIES) {
      expect(cervicalNextStep('cytology_primary', t.code).ok).toBe(true);
      expect(cervicalNextStep('cytology_after_hpv', t.code).ok).toBe(true);
    }
  });

  it.each<[TbsCategory, boolean]>([
    ['NILM', false],
    ['UNSATISFACTORY', false],
    ['ASC-US', true],
    ['AGC', true],
  ])('≥ASC-US: %s → %s', (tbs, v) => expect(isAscUsOrWorse(tbs)).toBe(v));

  it('a province can send primary-cytology ASC-US to HPV triage instead', () => {
    const zj = deriveWomenRuleSet(
      CERVICAL_PATHWAY_NATIONAL,
      {
        cytology_primary: {
          ...CERVICAL_PATHWAY_NATIONAL.cytology_primary,
          'ASC-US': { next: 'hpv_triage', marker: 'L' },
        },
      },
      { region: '33', version: '2021-zj' },
    );
    const d = cervicalNextStep('cytology_primary', 'ASC-US', zj);
    expect(d.ok && d.next).toBe('hpv_triage');
    expect(zj.meta).toMatchObject({ region: '33', status: 'to_confirm', confirmed: false, id: 'cervical-pathway' });
    const national = cervicalNextStep('cytology_primary', 'ASC-US');
    expect(national.ok && national.next).toBe('colposcopy');
    expect(CERVICAL_PATHWAY_NATIONAL.meta.region).toBe('national');
  });
});

describe('两癌筛查 宫颈癌 VIA/VILI, 阴道镜, 组织病理 (REFERENCE §9)', () => {
  it.each<[CervicalStage, string, CervicalNextStep, boolean]>([
    ['via_vili', 'negative', 'routine_rescreen', false],
    ['via_vili', 'positive', 'colposcopy', false],
    ['via_vili', 'suspected_cancer', 'colposcopy', false],
    ['colposcopy', 'normal', 'repeat_in_12_months', false],
    ['colposcopy', 'abnormal', 'biopsy', false],
    ['colposcopy', 'suspected_cancer', 'biopsy', false],
    ['histopathology', 'normal', 'repeat_in_12_months', false],
    ['histopathology', 'CIN1', 'repeat_in_12_months', false],
    ['histopathology', 'CIN2', 'treatment', true],
    ['histopathology', 'CIN3', 'treatment', true],
    ['histopathology', 'AIS', 'treatment', true],
    ['histopathology', 'squamous_carcinoma', 'treatment', true],
    ['histopathology', 'adenocarcinoma', 'treatment', true],
  ])('§9 step 4 / CIN2+ 治疗: %s %s → %s', (stage, result, next, treat) => {
    const d = cervicalNextStep(stage, result);
    expect(d.ok && d.next).toBe(next);
    expect(d.ok && d.treatmentNeeded).toBe(treat);
  });

  it.each<[CervicalHistology, string]>([
    ['normal', 'none'],
    ['CIN1', 'low_grade'],
    ['CIN2', 'precancer'],
    ['CIN3', 'precancer'],
    ['AIS', 'precancer'],
    ['squamous_carcinoma', 'cancer'],
    ['adenocarcinoma', 'cancer'],
  ])('行动计划 2023–2030 癌前病变/癌: %s → %s', (h, grade) => expect(cervicalLesionGrade(h)).toBe(grade));

  it('every histology is labelled in zh and en', () => {
    for (const h of CERVICAL_HISTOLOGY) expect(h.zh.length * h.en.length).toBeGreaterThan(0);
  });

  it('refuses an unknown result as data', () => {
    const d = cervicalNextStep('histopathology', 'CIN4');
    expect(d).toMatchObject({ ok: false, code: 'UNKNOWN_RESULT' });
    expect(cervicalNextStep('hpv', 'toString')).toMatchObject({ ok: false, code: 'UNKNOWN_RESULT' });
  });
});

describe('两癌筛查 宫颈癌 筛查间隔 [R] (REFERENCE §9 intervals)', () => {
  it.each([
    ['hpv', 60],
    ['cytology', 36],
    ['co_test', 60],
    ['via_vili', 36],
  ] as const)('§9: 阴性 %s → %i 个月', (method, months) => {
    expect(cervicalRoutineIntervalMonths(method)).toBe(months);
  });

  it('§9 "some cities use a 3-year programme cycle": the cycle replaces the method interval', () => {
    const city = deriveWomenRuleSet(
      CERVICAL_INTERVALS_NATIONAL,
      { programmeCycleMonths: 36 },
      {
        region: '330900',
        version: '2019',
      },
    );
    expect(cervicalRoutineIntervalMonths('hpv', city)).toBe(36);
    expect(CERVICAL_INTERVALS_NATIONAL.meta).toMatchObject({ status: 'to_confirm', confirmed: false, marker: 'R' });
  });
});
