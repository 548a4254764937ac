import { describe, expect, it } from 'vitest';
import {
  findRiskItem,
  getRiskCatalogue,
  getScreeningCatalogue,
  NATIONAL_RISK_CATALOGUE_2017,
  NATIONAL_SCREENING_CATALOGUE_2017,
  RISK_CATALOGUES,
  ZHEJIANG_RISK_CATALOGUE_2018,
} from './risk-catalogue';
import type { PregnancyRiskInput, PregnancyRiskOptions, PregnancyScreeningInput } from './risk-grading';
import {
  assessPregnancyRisk,
  combineRiskColours,
  computeBmi,
  evaluateRiskRule,
  gradePregnancyRisk,
  pregnancyRiskInputSchema,
  screenPregnancyRisk,
} from './risk-grading';

const A2 = '国卫办妇幼发〔2017〕35号 附件2';
const A1 = '国卫办妇幼发〔2017〕35号 附件1';
const base: PregnancyRiskInput = { ageYears: 28 };

describe(`${A2}: computed items, one value at a time`, () => {
  it.each<[string, Partial<PregnancyRiskInput>, string, string | null]>([
    ['黄 1 年龄≤18: 16', { ageYears: 16 }, 'yellow', 'yellow.age'],
    ['黄 1 年龄≤18: 18', { ageYears: 18 }, 'yellow', 'yellow.age'],
    ['黄 1: 年龄19 is green', { ageYears: 19 }, 'green', null],
    ['黄 1: 年龄34 is green', { ageYears: 34 }, 'green', null],
    ['黄 1 年龄≥35: 35', { ageYears: 35 }, 'yellow', 'yellow.age'],
    ['黄 1 年龄≥35: 39', { ageYears: 39 }, 'yellow', 'yellow.age'],
    ['橙 1 年龄≥40: 40', { ageYears: 40 }, 'orange', 'orange.age'],
    ['橙 1 年龄≥40: 45', { ageYears: 45 }, 'orange', 'orange.age'],
    ['黄 1 BMI>25: 25.00 (160 cm, 64 kg) is green', { heightCm: 160, prePregnancyWeightKg: 64 }, 'green', null],
    ['黄 1 BMI>25: 25.04', { heightCm: 160, prePregnancyWeightKg: 64.1 }, 'yellow', 'yellow.bmi'],
    ['黄 1 BMI<18.5: 18.50 is green', { heightCm: 160, prePregnancyWeightKg: 47.36 }, 'green', null],
    ['黄 1 BMI<18.5: 18.36', { heightCm: 160, prePregnancyWeightKg: 47 }, 'yellow', 'yellow.bmi'],
    ['黄 1 BMI>25: 27.99', { heightCm: 160, prePregnancyWeightKg: 71.65 }, 'yellow', 'yellow.bmi'],
    ['橙 1 BMI≥28: 28.00', { heightCm: 160, prePregnancyWeightKg: 71.68 }, 'orange', 'orange.bmi'],
    ['橙 1 BMI≥28: 35.2', { heightCm: 155, prePregnancyWeightKg: 84.6 }, 'orange', 'orange.bmi'],
    ['黄 2.6 贫血 Hb 60–110: Hb 110 is not anaemia', { hbGL: 110 }, 'green', null],
    ['黄 2.6 贫血 Hb 60–110: Hb 109', { hbGL: 109 }, 'yellow', 'yellow.anaemia'],
    ['黄 2.6 贫血 Hb 60–110: Hb 61', { hbGL: 61 }, 'yellow', 'yellow.anaemia'],
    ['橙 2.6 重度贫血 Hb 40–60: Hb 60 (shared end → higher colour)', { hbGL: 60 }, 'orange', 'orange.severe_anaemia'],
    ['橙 2.6 重度贫血 Hb 40–60: Hb 41', { hbGL: 41 }, 'orange', 'orange.severe_anaemia'],
    ['红 1.6 Hb≤40: Hb 40', { hbGL: 40 }, 'red', 'red.severe_anaemia'],
    ['红 1.6 Hb≤40: Hb 30', { hbGL: 30 }, 'red', 'red.severe_anaemia'],
    ['黄 2.6 PLT 50–100: PLT 101 is green', { plateletsE9L: 101 }, 'green', null],
    ['黄 2.6 PLT 50–100: PLT 100', { plateletsE9L: 100 }, 'yellow', 'yellow.thrombocytopenia'],
    ['黄 2.6 PLT 50–100: PLT 51', { plateletsE9L: 51 }, 'yellow', 'yellow.thrombocytopenia'],
    [
      '橙 2.6 PLT 30–50: PLT 50 (shared end → higher colour)',
      { plateletsE9L: 50 },
      'orange',
      'orange.thrombocytopenia',
    ],
    ['橙 2.6 PLT 30–50: PLT 30', { plateletsE9L: 30 }, 'orange', 'orange.thrombocytopenia'],
    ['红 1.6 PLT<30: PLT 29', { plateletsE9L: 29 }, 'red', 'red.thrombocytopenia'],
    ['黄 3 双胎: 2 fetuses', { fetuses: 2 }, 'yellow', 'yellow.twins'],
    ['橙 3.1 三胎及以上: 3 fetuses', { fetuses: 3 }, 'orange', 'orange.triplets_or_more'],
    ['橙 3.1 三胎及以上: 4 fetuses', { fetuses: 4 }, 'orange', 'orange.triplets_or_more'],
    ['singleton is green', { fetuses: 1 }, 'green', null],
    [
      'BP ≥140/90 is a screening item, not an assessment colour',
      { systolicMmHg: 150, diastolicMmHg: 95 },
      'green',
      null,
    ],
    [
      'BP 170/115 alone (重度子痫前期 needs the diagnosis ticked)',
      { systolicMmHg: 170, diastolicMmHg: 115 },
      'green',
      null,
    ],
  ])('%s', (_title, patch, colour, code) => {
    const r = assessPregnancyRisk({ ...base, ...patch });
    expect(r.colour).toBe(colour);
    expect(r.purple).toBe(false);
    if (code === null) expect(r.matched).toEqual([]);
    else expect(r.matched.map((m) => m.code)).toContain(code);
  });

  it.each<[string, Partial<PregnancyRiskInput>, string[]]>([
    ['年龄 41: the orange item only', { ageYears: 41 }, ['orange.age']],
    ['BMI 30: the orange item only', { heightCm: 160, prePregnancyWeightKg: 76.8 }, ['orange.bmi']],
    ['Hb 35: the red item only', { hbGL: 35 }, ['red.severe_anaemia']],
    ['PLT 20: the red item only', { plateletsE9L: 20 }, ['red.thrombocytopenia']],
  ])('each measured value matches one colour band: %s', (_t, patch, codes) => {
    expect(assessPregnancyRisk({ ...base, ...patch }).matched.map((m) => m.code)).toEqual(codes);
  });
});

describe(`${A2} 紫: infectious results coexist with any colour`, () => {
  it.each<[string, Partial<PregnancyRiskInput>, string, string[]]>([
    ['HIV阳性', { hivPositive: true }, 'green', ['purple.hiv']],
    ['梅毒阳性', { syphilisPositive: true }, 'green', ['purple.syphilis']],
    ['乙肝表面抗原阳性', { hbsagPositive: true }, 'green', ['purple.hepatitis_b']],
    [
      'all three',
      { hivPositive: true, syphilisPositive: true, hbsagPositive: true },
      'green',
      ['purple.hiv', 'purple.syphilis', 'purple.hepatitis_b'],
    ],
    ['age 40 with HIV: orange + purple', { ageYears: 40, hivPositive: true }, 'orange', ['orange.age', 'purple.hiv']],
    [
      'Hb 40 with syphilis: red + purple',
      { hbGL: 40, syphilisPositive: true },
      'red',
      ['red.severe_anaemia', 'purple.syphilis'],
    ],
  ])('%s', (_t, patch, colour, codes) => {
    const r = assessPregnancyRisk({ ...base, ...patch });
    expect(r.colour).toBe(colour);
    expect(r.purple).toBe(true);
    expect(r.matched.map((m) => m.code)).toEqual(codes);
  });

  it('negative results are not purple', () => {
    const r = assessPregnancyRisk({ ...base, hivPositive: false, syphilisPositive: false, hbsagPositive: false });
    expect(r).toEqual({ colour: 'green', purple: false, matched: [] });
  });
});

describe(`${A2}: ticked items and precedence (§1.2 最高颜色)`, () => {
  it.each<[string, string[], string, boolean]>([
    ['红 1.1 肺动脉高压≥50mmHg', ['red.pulmonary_hypertension'], 'red', false],
    [
      '黄 1 骨盆狭小 + 橙 3.7 重度子痫前期 → orange',
      ['yellow.small_pelvis', 'orange.severe_preeclampsia'],
      'orange',
      false,
    ],
    ['黄 + 橙 + 红 → red', ['yellow.hyperemesis', 'orange.thrombophilia', 'red.acute_myocarditis'], 'red', false],
    ['紫 结核 with 黄 瘢痕子宫', ['purple.tuberculosis', 'yellow.scarred_uterus'], 'yellow', true],
    ['紫 only', ['purple.tuberculosis'], 'green', true],
    ['unknown codes are ignored', ['no.such.item'], 'green', false],
    ['a computed item may be ticked', ['orange.bmi'], 'orange', false],
  ])('%s', (_t, items, colour, purple) => {
    const r = assessPregnancyRisk({ ...base, items });
    expect(r.colour).toBe(colour);
    expect(r.purple).toBe(purple);
  });

  it('returns exactly { colour, purple, matched[{ code, colour, zh }] }, highest colour first', () => {
    const r = assessPregnancyRisk({
      ageYears: 36,
      hbsagPositive: true,
      items: ['red.pulmonary_hypertension', 'orange.thrombophilia'],
    });
    expect(Object.keys(r).sort()).toEqual(['colour', 'matched', 'purple']);
    expect(r.matched).toEqual([
      { code: 'red.pulmonary_hypertension', colour: 'red', zh: '各种原因引起的肺动脉高压（≥50mmHg）' },
      { code: 'orange.thrombophilia', colour: 'orange', zh: expect.stringContaining('易栓症') },
      { code: 'yellow.age', colour: 'yellow', zh: '年龄≥35岁或≤18岁' },
      { code: 'purple.hepatitis_b', colour: 'purple', zh: '病毒性肝炎：乙肝表面抗原阳性' },
    ]);
  });

  it.each<[string, Array<'green' | 'yellow' | 'orange' | 'red' | 'purple'>, string, boolean]>([
    ['none → green', [], 'green', false],
    ['yellow, orange → orange', ['yellow', 'orange'], 'orange', false],
    ['red, yellow → red', ['red', 'yellow'], 'red', false],
    ['purple alone → green + purple', ['purple'], 'green', true],
    ['purple, orange → orange + purple', ['purple', 'orange'], 'orange', true],
  ])('combineRiskColours: %s', (_t, colours, colour, purple) => {
    expect(combineRiskColours(colours)).toEqual({ colour, purple });
  });
});

describe(`${A2}: extra computed inputs (second argument)`, () => {
  it.each<[string, PregnancyRiskOptions, string, string | null]>([
    ['红 1.1 紫绀型心脏病 SpO2<90%: 89', { spo2: 89 }, 'red', 'red.complex_or_cyanotic_heart_disease'],
    ['红 1.1 SpO2 90 is not <90', { spo2: 90 }, 'green', null],
    ['橙 2.4 肌酐超过正常上限: 84 (= ULN) is green', { creatinine: 84 }, 'green', null],
    ['橙 2.4 肌酐超过正常上限: 85', { creatinine: 85 }, 'orange', 'orange.renal_insufficiency_compensated'],
    ['橙 2.4: 126 = 1.5 × 84 stays orange', { creatinine: 126 }, 'orange', 'orange.renal_insufficiency_compensated'],
    ['红 1.4 肌酐>1.5倍上限: 127', { creatinine: 127 }, 'red', 'red.renal_severe'],
    [
      '红 1.4 with a configured ULN of 70: 106',
      { creatinine: 106, creatinineUpperLimit: 70 },
      'red',
      'red.renal_severe',
    ],
    ['黄 1 瘢痕子宫: 1 previous caesarean', { previousCaesareans: 1 }, 'yellow', 'yellow.scarred_uterus'],
    ['橙 3.5 子宫手术史≥2次: 2 caesareans', { previousCaesareans: 2 }, 'orange', 'orange.uterine_surgeries_ge2'],
    [
      '橙 3.5 子宫手术史≥2次: 1 caesarean + 1 myomectomy',
      { previousCaesareans: 1, previousUterineSurgeries: 2 },
      'orange',
      'orange.uterine_surgeries_ge2',
    ],
    ['橙 3.5: national 3 caesareans stay orange', { previousCaesareans: 3 }, 'orange', 'orange.uterine_surgeries_ge2'],
    ['橙 3.3 距末次子宫手术<18月: 17', { monthsSinceUterineSurgery: 17 }, 'orange', 'orange.scar_interval_lt18m'],
    ['橙 3.3: 18 months is not <18', { monthsSinceUterineSurgery: 18 }, 'green', null],
    ['BMI given directly: 28', { bmi: 28 }, 'orange', 'orange.bmi'],
  ])('%s', (_t, options, colour, code) => {
    const r = assessPregnancyRisk(base, options);
    expect(r.colour).toBe(colour);
    if (code === null) expect(r.matched).toEqual([]);
    else expect(r.matched.map((m) => m.code)).toContain(code);
  });
});

describe('浙江省孕产妇妊娠风险评估表(2018版) variant', () => {
  it.each<[string, PregnancyRiskInput, PregnancyRiskOptions, string, string, string | null]>([
    ['黄 身高≤145cm: 145', { ageYears: 28, heightCm: 145 }, {}, 'green', 'yellow', 'yellow.height_le145'],
    ['黄 身高≤145cm: 146', { ageYears: 28, heightCm: 146 }, {}, 'green', 'green', null],
    ['红 剖宫产≥3次', { ageYears: 28 }, { previousCaesareans: 3 }, 'orange', 'red', 'red.caesareans_ge3'],
    ['红 子宫破裂史 (ticked)', { ageYears: 28, items: ['red.uterine_rupture_history'] }, {}, 'green', 'red', null],
    [
      '黄 轻度智力障碍 (ticked)',
      { ageYears: 28, items: ['yellow.intellectual_disability_mild'] },
      {},
      'green',
      'yellow',
      'yellow.intellectual_disability_mild',
    ],
  ])('%s', (_t, input, options, national, zhejiang, code) => {
    expect(assessPregnancyRisk(input, options).colour).toBe(national);
    const r = assessPregnancyRisk(input, { ...options, region: '330902' });
    expect(r.colour).toBe(zhejiang);
    if (code !== null) expect(r.matched.map((m) => m.code)).toContain(code);
  });

  it('splits the national 智力障碍 item and confirms the items the province lists', () => {
    expect(findRiskItem('orange.intellectual_disability', ZHEJIANG_RISK_CATALOGUE_2018)).toBeUndefined();
    expect(findRiskItem('orange.intellectual_disability_moderate_severe', ZHEJIANG_RISK_CATALOGUE_2018)).toBeDefined();
    expect(findRiskItem('orange.scar_interval_lt18m', ZHEJIANG_RISK_CATALOGUE_2018)?.confirmed).toBe(true);
    expect(findRiskItem('orange.scar_interval_lt18m', NATIONAL_RISK_CATALOGUE_2017)?.confirmed).toBe(false);
    const g = gradePregnancyRisk(
      { ageYears: 28, items: ['orange.intellectual_disability'] },
      { catalogue: ZHEJIANG_RISK_CATALOGUE_2018 },
    );
    expect(g.unknownItems).toEqual(['orange.intellectual_disability']);
    expect(g.colour).toBe('green');
  });

  it.each([
    [undefined, undefined, 'risk-assessment-cn-2017'],
    ['330902', undefined, 'risk-assessment-zj-2018'],
    ['33', undefined, 'risk-assessment-zj-2018'],
    ['110105', undefined, 'risk-assessment-cn-2017'],
    ['330902', '2017.1', 'risk-assessment-cn-2017'],
  ])('region %s version %s → %s', (region, version, id) => {
    expect(getRiskCatalogue(region, version).id).toBe(id);
  });
});

describe('gradePregnancyRisk details', () => {
  it('reports BMI, creatinine ratio, unknown codes, items not evaluated, case opening and the catalogue', () => {
    const g = gradePregnancyRisk(
      { ageYears: 30, heightCm: 160, prePregnancyWeightKg: 72, items: ['x.unknown', 'x.unknown'] },
      { creatinine: 168 },
    );
    expect(g.bmi).toBe(28.13);
    expect(g.creatinineRatio).toBe(2);
    expect(g.colour).toBe('red');
    expect(g.unknownItems).toEqual(['x.unknown']);
    expect(g.notEvaluated).toContain('yellow.anaemia');
    expect(g.notEvaluated).toContain('purple.hiv');
    expect(g.notEvaluated).not.toContain('yellow.bmi');
    expect(g.highRiskCase).toBe(true);
    expect(g.includesUnconfirmed).toBe(true);
    expect(g.catalogue).toEqual({ id: 'risk-assessment-cn-2017', version: '2017.1', region: 'CN' });
    expect(g.matched.find((m) => m.code === 'red.renal_severe')).toMatchObject({ via: 'computed', confirmed: false });
  });

  it.each<[string, PregnancyRiskInput, boolean]>([
    ['green', { ageYears: 28 }, false],
    ['yellow', { ageYears: 36 }, false],
    ['orange', { ageYears: 41 }, true],
    ['purple with green', { ageYears: 28, hivPositive: true }, true],
  ])('高危专案管理 opens for %s: %s', (_t, input, open) => {
    expect(gradePregnancyRisk(input).highRiskCase).toBe(open);
  });

  it.each([
    [160, 64, 25],
    [160, 64.1, 25.04],
    [150, 45, 20],
    [0, 50, null],
    [160, undefined, null],
  ])('BMI %s cm %s kg → %s', (h, w, bmi) => {
    expect(computeBmi(h, w)).toBe(bmi);
  });

  it('evaluates rules in three values', () => {
    const rule = { op: 'any' as const, rules: [{ op: 'flag' as const, input: 'hivPositive' as const }] };
    expect(evaluateRiskRule(rule, {})).toBe('unknown');
    expect(evaluateRiskRule(rule, { hivPositive: false })).toBe('false');
    expect(evaluateRiskRule(rule, { hivPositive: true })).toBe('true');
    const both = {
      op: 'all' as const,
      rules: [
        { op: 'range' as const, input: 'hbGL' as const, max: { value: 110, inclusive: false } },
        { op: 'flag' as const, input: 'glucosuria' as const },
      ],
    };
    expect(evaluateRiskRule(both, { hbGL: 120 })).toBe('false');
    expect(evaluateRiskRule(both, { hbGL: 100 })).toBe('unknown');
    expect(evaluateRiskRule(both, { hbGL: 100, glucosuria: true })).toBe('true');
  });

  it('ignores non-finite and negative values', () => {
    expect(assessPregnancyRisk({ ageYears: 28, hbGL: Number.NaN, plateletsE9L: -5 })).toEqual({
      colour: 'green',
      purple: false,
      matched: [],
    });
  });
});

describe(`${A2} catalogue data`, () => {
  it.each(RISK_CATALOGUES.map((c) => [c.id, c] as const))(
    '%s: codes unique, colour prefix, rules only on computed items',
    (_id, c) => {
      const codes = c.items.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const i of c.items) {
        expect(i.code.startsWith(`${i.colour}.`)).toBe(true);
        expect(i.kind === 'computed').toBe(i.rule !== undefined);
        expect(i.zh.length).toBeGreaterThan(0);
        expect(i.en.length).toBeGreaterThan(0);
        expect(i.source.length).toBeGreaterThan(0);
      }
      expect(c.status).toBe('to_confirm');
    },
  );

  it('flags the [R] items of REFERENCE §1.3 as unconfirmed and the [C] ones as confirmed', () => {
    const national = NATIONAL_RISK_CATALOGUE_2017;
    const red = national.items.filter((i) => i.colour === 'red');
    expect(red.filter((i) => i.confirmed).map((i) => i.code)).toEqual(['red.pulmonary_hypertension']);
    for (const code of ['yellow.age', 'yellow.anaemia', 'orange.age', 'orange.uterine_surgeries_ge2', 'purple.hiv']) {
      expect(findRiskItem(code)?.confirmed).toBe(true);
    }
    for (const code of [
      'yellow.drug_use_history',
      'yellow.twins',
      'orange.triplets_or_more',
      'orange.rh_incompatibility',
    ]) {
      expect(findRiskItem(code)?.confirmed).toBe(false);
    }
    expect(national.parameters.creatinineUpperLimitUmolL).toMatchObject({ value: 84, confirmed: false });
  });

  it('purple items are all confirmed (REFERENCE §1.3 紫 [C])', () => {
    const purple = NATIONAL_RISK_CATALOGUE_2017.items.filter((i) => i.colour === 'purple');
    expect(purple.length).toBeGreaterThanOrEqual(7);
    expect(purple.every((i) => i.confirmed)).toBe(true);
  });
});

describe('pregnancyRiskInputSchema', () => {
  it('accepts the documented input and rejects bad values', () => {
    expect(pregnancyRiskInputSchema.safeParse({ ageYears: 30, heightCm: 160, items: ['yellow.age'] }).success).toBe(
      true,
    );
    expect(pregnancyRiskInputSchema.safeParse({ ageYears: '30' }).success).toBe(false);
    expect(pregnancyRiskInputSchema.safeParse({ ageYears: 30, fetuses: 0 }).success).toBe(false);
    expect(pregnancyRiskInputSchema.safeParse({}).success).toBe(false);
  });
});

describe(`${A1}: screening (one positive item → 筛查阳性)`, () => {
  it.each<[string, PregnancyScreeningInput, string | null]>([
    ['1 年龄≥35: 35', { ageYears: 35 }, 'screen.age'],
    ['1 年龄: 30 negative', { ageYears: 30 }, null],
    ['1 身高≤145cm: 145', { heightCm: 145 }, 'screen.height_or_disability'],
    ['1 身高: 146 negative', { heightCm: 146 }, null],
    ['1 BMI<18.5', { heightCm: 160, prePregnancyWeightKg: 45 }, 'screen.bmi'],
    ['1 Rh阴性', { rhNegative: true }, 'screen.rh_negative'],
    ['2 生育间隔<18月: 17', { monthsSinceLastBirth: 17 }, 'screen.birth_interval'],
    ['2 生育间隔: 18 negative', { monthsSinceLastBirth: 18 }, null],
    ['2 生育间隔: 60 negative', { monthsSinceLastBirth: 60 }, null],
    ['2 生育间隔>5年: 61', { monthsSinceLastBirth: 61 }, 'screen.birth_interval'],
    ['2 剖宫产史', { previousCaesareans: 1 }, 'screen.caesarean_history'],
    ['2 本次妊娠异常: 多胎', { fetuses: 2 }, 'screen.current_pregnancy_abnormal'],
    ['6* Hb<110: 110 negative', { hbGL: 110 }, null],
    ['6* Hb<110: 109', { hbGL: 109 }, 'screen.hb_lt110'],
    ['6* PLT≤100: 100', { plateletsE9L: 100 }, 'screen.plt_le100'],
    ['6* PLT≤100: 101 negative', { plateletsE9L: 101 }, null],
    ['6* 梅毒筛查阳性', { syphilisPositive: true }, 'screen.syphilis_positive'],
    ['6* HIV筛查阳性', { hivPositive: true }, 'screen.hiv_positive'],
    ['7.1 BP≥140/90: 140/80', { systolicMmHg: 140, diastolicMmHg: 80 }, 'screen.bp_ge140_90'],
    ['7.1 BP≥140/90: 120/90', { systolicMmHg: 120, diastolicMmHg: 90 }, 'screen.bp_ge140_90'],
    ['7.1 BP: 139/89 negative', { systolicMmHg: 139, diastolicMmHg: 89 }, null],
    [
      '4 高血压家族史且血压≥140/90',
      { familyHypertension: true, systolicMmHg: 142, diastolicMmHg: 88 },
      'screen.family_hypertension_bp',
    ],
    [
      '6* 尿糖阳性且空腹血糖≥7.0 (<24周)',
      { glucosuria: true, fastingGlucoseMmolL: 7.0, gestationalWeeks: 20 },
      'screen.glucosuria_fasting_glucose',
    ],
    [
      '6* 空腹血糖 6.9 at 20 weeks negative',
      { glucosuria: true, fastingGlucoseMmolL: 6.9, gestationalWeeks: 20 },
      null,
    ],
    [
      '6* 尿糖阳性且空腹血糖≥5.1 (≥24周)',
      { glucosuria: true, fastingGlucoseMmolL: 5.1, gestationalWeeks: 24 },
      'screen.glucosuria_fasting_glucose',
    ],
    [
      '6* 空腹血糖 5.0 at 24 weeks negative',
      { glucosuria: true, fastingGlucoseMmolL: 5.0, gestationalWeeks: 24 },
      null,
    ],
    ['6* 尿糖阴性: glucose alone negative', { glucosuria: false, fastingGlucoseMmolL: 8, gestationalWeeks: 30 }, null],
    ['6* 铁蛋白<20: 19', { ferritinUgL: 19 }, 'screen.ferritin_lt20'],
    ['6* 铁蛋白: 20 negative', { ferritinUgL: 20 }, null],
    ['3 宫/腹腔镜手术史 (ticked)', { items: ['screen.hysteroscopy_laparoscopy'] }, 'screen.hysteroscopy_laparoscopy'],
  ])('%s', (_t, input, code) => {
    const r = screenPregnancyRisk(input);
    if (code === null) {
      expect(r.positive).toBe(false);
      expect(r.matched).toEqual([]);
    } else {
      expect(r.positive).toBe(true);
      expect(r.matched.map((m) => m.code)).toContain(code);
    }
  });

  it('marks the auxiliary examinations as 建议 items and the rest as 必选', () => {
    const r = screenPregnancyRisk({ ageYears: 36, hbGL: 100 });
    expect(r.matched).toEqual([
      expect.objectContaining({ code: 'screen.age', section: 1, required: true, via: 'computed' }),
      expect.objectContaining({ code: 'screen.hb_lt110', section: 6, required: false }),
    ]);
    expect(NATIONAL_SCREENING_CATALOGUE_2017.items.filter((i) => !i.required).every((i) => i.section === 6)).toBe(true);
    expect(getScreeningCatalogue('330902').id).toBe('risk-screening-cn-2017');
  });

  it('reports unknown ticked codes', () => {
    expect(screenPregnancyRisk({ items: ['yellow.age'] }).unknownItems).toEqual(['yellow.age']);
  });
});
