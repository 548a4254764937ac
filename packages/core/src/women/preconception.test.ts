import { describe, expect, it } from 'vitest';
import {
  FOLIC_ACID_NATIONAL,
  PRECONCEPTION_RISK_DEFAULT,
  PRECONCEPTION_SERVICE_ITEMS_NATIONAL,
  assessPreconceptionRisk,
  classifyFolicAcidAdherence,
  folicAcidSchedule,
  preconceptionItemsFor,
} from './preconception';
import type { PreconceptionCheckValues, PreconceptionItemGroup, PreconceptionRiskFactor } from './preconception';
import { deriveWomenRuleSet } from './rule-meta';

describe('国家免费孕前优生健康检查 19 项基本服务', () => {
  it('has 19 items numbered 1–19 with unique codes', () => {
    const items = PRECONCEPTION_SERVICE_ITEMS_NATIONAL.items;
    expect(items.map((i) => i.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(new Set(items.map((i) => i.code)).size).toBe(19);
  });

  it.each<[PreconceptionItemGroup, number]>([
    ['education', 1],
    ['questionnaire', 1],
    ['exam', 2],
    ['lab', 13],
    ['assessment', 1],
    ['follow_up', 1],
  ])('group %s has %i items', (group, n) => {
    expect(preconceptionItemsFor('female', group)).toHaveLength(n);
  });

  it.each([
    [1, '优生健康教育'],
    [14, '风疹病毒IgG抗体测定'],
    [17, '妇科超声常规检查'],
    [19, '早孕和妊娠结局跟踪随访'],
  ])('item %i is %s', (no, zh) => {
    expect(PRECONCEPTION_SERVICE_ITEMS_NATIONAL.items.find((i) => i.no === no)?.zh).toBe(zh);
  });

  it('[R] the man receives 11 items, without TORCH, TSH or gynaecological ultrasound', () => {
    const male = preconceptionItemsFor('male').map((i) => i.code);
    expect(male).toHaveLength(11);
    expect(male).not.toContain('rubella_igg');
    expect(male).not.toContain('gyn_ultrasound');
    expect(male).toEqual(expect.arrayContaining(['syphilis', 'hbv_five', 'creatinine', 'alt', 'blood_group']));
  });
});

describe('孕前优生健康检查 风险评估 (一般人群 / 高风险人群)', () => {
  it.each<[string, PreconceptionCheckValues, 'low' | 'high', PreconceptionRiskFactor[]]>([
    [
      'all normal → 一般人群',
      {
        sex: 'female',
        ageYears: 28,
        rubellaIgG: 'positive',
        cmvIgM: 'negative',
        toxoplasmaIgM: 'negative',
        syphilis: 'negative',
        hbsag: 'negative',
        haemoglobinGPerL: 125,
        fastingGlucoseMmolPerL: 5.0,
        tshMIUPerL: 2.0,
        altUPerL: 20,
        creatinineUmolPerL: 60,
        rh: 'positive',
        bmi: 21,
        systolicMmHg: 118,
        diastolicMmHg: 76,
      },
      'low',
      [],
    ],
    ['风疹IgG阴性 → 风疹易感', { sex: 'female', rubellaIgG: 'negative' }, 'high', ['rubella_susceptible']],
    ['rubella is not assessed for the man', { sex: 'male', rubellaIgG: 'negative' }, 'low', []],
    ['CMV IgM 阳性 → 近期感染', { sex: 'female', cmvIgM: 'positive' }, 'high', ['cmv_recent_infection']],
    ['弓形体 IgM 阳性', { sex: 'female', toxoplasmaIgM: 'positive' }, 'high', ['toxoplasma_recent_infection']],
    [
      '梅毒与乙肝',
      { sex: 'male', syphilis: 'positive', hbsag: 'positive' },
      'high',
      ['syphilis_positive', 'hbv_infection'],
    ],
    ['沙眼衣原体阳性', { sex: 'female', chlamydia: 'positive' }, 'high', ['genital_tract_infection']],
    ['Hb 109 g/L (women <110) → 贫血', { sex: 'female', haemoglobinGPerL: 109 }, 'high', ['anaemia']],
    ['Hb 110 g/L → not anaemic', { sex: 'female', haemoglobinGPerL: 110 }, 'low', []],
    ['Hb 115 g/L in a man (<120) → 贫血', { sex: 'male', haemoglobinGPerL: 115 }, 'high', ['anaemia']],
    ['空腹血糖 7.0 → 升高', { sex: 'female', fastingGlucoseMmolPerL: 7.0 }, 'high', ['hyperglycaemia']],
    ['TSH 5.1 → 甲状腺功能异常', { sex: 'female', tshMIUPerL: 5.1 }, 'high', ['thyroid_abnormal']],
    ['TSH 0.1 → 甲状腺功能异常', { sex: 'female', tshMIUPerL: 0.1 }, 'high', ['thyroid_abnormal']],
    ['ALT 41 → 肝功能异常', { sex: 'male', altUPerL: 41 }, 'high', ['liver_function_abnormal']],
    ['肌酐 100 in a woman (>97)', { sex: 'female', creatinineUmolPerL: 100 }, 'high', ['kidney_function_abnormal']],
    ['肌酐 100 in a man (≤106)', { sex: 'male', creatinineUmolPerL: 100 }, 'low', []],
    ['Rh 阴性', { sex: 'female', rh: 'negative' }, 'high', ['rh_negative']],
    ['BMI 18.4 → 消瘦', { sex: 'female', bmi: 18.4 }, 'high', ['bmi_abnormal']],
    ['BMI 28 → 肥胖', { sex: 'female', bmi: 28 }, 'high', ['bmi_abnormal']],
    ['血压 120/90 → 升高', { sex: 'male', systolicMmHg: 120, diastolicMmHg: 90 }, 'high', ['hypertension']],
    ['女方 35 岁 → 高龄', { sex: 'female', ageYears: 35 }, 'high', ['advanced_maternal_age']],
    ['女方 34 岁', { sex: 'female', ageYears: 34 }, 'low', []],
    [
      '问卷: 吸烟与不良孕产史 plus 妇科超声异常',
      { sex: 'female', gynUltrasoundAbnormal: true, reported: ['smoking', 'adverse_pregnancy_history'] },
      'high',
      ['gyn_ultrasound_abnormal', 'adverse_pregnancy_history', 'smoking'],
    ],
  ])('%s', (_t, values, level, factors) => {
    expect(assessPreconceptionRisk(values)).toEqual({ level, factors });
  });

  it('cut-offs are configuration (a lab with TSH upper limit 5.5)', () => {
    const lab = deriveWomenRuleSet(
      PRECONCEPTION_RISK_DEFAULT,
      { tshRangeMIUPerL: [0.35, 5.5] },
      {
        region: '530900',
        version: 'lab-2024',
      },
    );
    expect(assessPreconceptionRisk({ sex: 'female', tshMIUPerL: 5.1 }, lab).level).toBe('low');
    expect(PRECONCEPTION_RISK_DEFAULT.meta.status).toBe('to_confirm');
  });
});

describe('增补叶酸预防神经管缺陷: 孕前3个月至孕早期3个月, 每日 0.4 mg', () => {
  it.each([
    ['2025-06-01', '2025-03-01', '2025-08-31', 184, 6],
    ['2024-05-31', '2024-02-29', '2024-08-30', 184, 6],
    ['2025-01-15', '2024-10-15', '2025-04-14', 182, 6],
  ])('pregnancy from %s → %s to %s, %i days, %i bottles of 31', (start, from, to, days, packs) => {
    expect(folicAcidSchedule(start)).toEqual({
      ok: true,
      startDate: from,
      endDate: to,
      days,
      dailyDoseMg: 0.4,
      tabletsNeeded: days,
      packsNeeded: packs,
    });
  });

  it('a 0.8 mg dose with 0.4 mg tablets needs two tablets a day', () => {
    const cfg = deriveWomenRuleSet(FOLIC_ACID_NATIONAL, { dailyDoseMg: 0.8 }, { region: '44', version: 'x' });
    const s = folicAcidSchedule('2025-06-01', cfg);
    expect(s.ok && s.tabletsNeeded).toBe(368);
    expect(s.ok && s.packsNeeded).toBe(12);
  });

  it('refuses a bad date', () => {
    expect(folicAcidSchedule('2025-06-31')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });

  it.each([
    [0, 90, 'not_taken'],
    [71, 90, 'non_adherent'],
    [72, 90, 'adherent'],
    [90, 90, 'adherent'],
    [1, 100, 'non_adherent'],
  ] as const)('[L] 服用 %i / %i 天 → %s (≥80%% 按要求服用)', (taken, expected, adherence) => {
    const r = classifyFolicAcidAdherence({ daysTaken: taken, daysExpected: expected });
    expect(r.ok && r.adherence).toBe(adherence);
  });

  it.each([
    [-1, 90],
    [91, 90],
    [10, 0],
    [1.5, 90],
  ])('refuses %s of %s days', (taken, expected) => {
    expect(classifyFolicAcidAdherence({ daysTaken: taken, daysExpected: expected })).toMatchObject({
      ok: false,
      code: 'INVALID_COUNT',
    });
  });
});
