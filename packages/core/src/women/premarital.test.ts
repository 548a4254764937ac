import { describe, expect, it } from 'vitest';
import {
  PREMARITAL_DISEASE_CATEGORIES,
  PREMARITAL_EXAM_ITEMS_NATIONAL,
  PREMARITAL_OPINIONS_NATIONAL,
  premaritalExamItemsFor,
  premaritalOpinionLabel,
  suggestPremaritalOpinion,
} from './premarital';
import type { PremaritalFinding, PremaritalOpinion } from './premarital';

describe('婚前保健工作规范（修订） 婚前医学检查证明 医学意见', () => {
  it.each<[PremaritalOpinion, string]>([
    ['no_contraindication', '未发现医学上不宜结婚的情形'],
    ['not_advised_to_marry', '建议不宜结婚'],
    ['postpone_marriage', '建议暂缓结婚'],
    ['not_advised_to_bear_children', '建议不宜生育'],
    ['medical_measures_respect_wishes', '建议采取医学措施，尊重受检者意愿'],
  ])('规范 category %s is written “%s”', (code, zh) => {
    expect(premaritalOpinionLabel(code)?.zh).toBe(zh);
  });

  it('has exactly five opinions with unique codes and English labels', () => {
    const codes = PREMARITAL_OPINIONS_NATIONAL.opinions.map((o) => o.code);
    expect(new Set(codes).size).toBe(5);
    for (const o of PREMARITAL_OPINIONS_NATIONAL.opinions) expect(o.en.length).toBeGreaterThan(0);
    expect(premaritalOpinionLabel('approved')).toBeUndefined();
  });

  it.each<[string, PremaritalFinding[], PremaritalOpinion, PremaritalOpinion[]]>([
    ['规范: 无异常 → 未发现医学上不宜结婚的情形', [], 'no_contraindication', ['no_contraindication']],
    [
      '规范: 直系血亲、三代以内旁系血亲 → 建议不宜结婚',
      ['consanguinity'],
      'not_advised_to_marry',
      ['not_advised_to_marry'],
    ],
    [
      '规范: 重度智力低下不具有婚姻意识能力 → 建议不宜结婚',
      ['severe_intellectual_disability'],
      'not_advised_to_marry',
      ['not_advised_to_marry'],
    ],
    [
      '规范: 重型精神病发作期有攻击危害行为 → 建议不宜结婚',
      ['severe_mental_illness_no_capacity'],
      'not_advised_to_marry',
      ['not_advised_to_marry'],
    ],
    [
      '规范: 指定传染病在传染期内 → 建议暂缓结婚',
      ['designated_infectious_in_infective_period'],
      'postpone_marriage',
      ['postpone_marriage'],
    ],
    [
      '规范: 有关精神病在发病期内 → 建议暂缓结婚',
      ['relevant_mental_illness_in_attack'],
      'postpone_marriage',
      ['postpone_marriage'],
    ],
    [
      '规范: 不宜生育的严重遗传性疾病 → 建议不宜生育',
      ['severe_genetic_disease_unfit_for_childbearing'],
      'not_advised_to_bear_children',
      ['not_advised_to_bear_children'],
    ],
    [
      '规范: 重要脏器疾病 → 建议不宜生育',
      ['serious_organ_disease_unfit_for_childbearing'],
      'not_advised_to_bear_children',
      ['not_advised_to_bear_children'],
    ],
    [
      '规范 [R]: 终生传染的病原体携带者 → 建议采取医学措施，尊重受检者意愿',
      ['lifelong_infectious_not_in_attack'],
      'medical_measures_respect_wishes',
      ['medical_measures_respect_wishes'],
    ],
    [
      '[L] several findings: the most restrictive is primary, all are listed',
      [
        'lifelong_infectious_not_in_attack',
        'severe_genetic_disease_unfit_for_childbearing',
        'designated_infectious_in_infective_period',
      ],
      'postpone_marriage',
      ['postpone_marriage', 'not_advised_to_bear_children', 'medical_measures_respect_wishes'],
    ],
  ])('%s', (_t, findings, primary, all) => {
    expect(suggestPremaritalOpinion(findings)).toEqual({ primary, all });
  });

  it('is flagged to confirm', () => {
    expect(PREMARITAL_OPINIONS_NATIONAL.meta).toMatchObject({ status: 'to_confirm', confirmed: false });
  });
});

describe('母婴保健法 第八条/第三十八条 婚前医学检查疾病', () => {
  it.each([
    ['designated_infectious', '指定传染病', ['hiv', 'syphilis', 'gonorrhoea', 'leprosy']],
    ['severe_genetic', '严重遗传性疾病', ['monogenic']],
    ['relevant_mental', '有关精神病', ['schizophrenia', 'bipolar']],
    ['reproductive_system', '生殖系统疾病', ['genital_malformation']],
  ])('%s (%s) includes %j', (code, zh, examples) => {
    const c = PREMARITAL_DISEASE_CATEGORIES.find((x) => x.code === code);
    expect(c?.zh).toBe(zh);
    expect(c?.examples.map((e) => e.code)).toEqual(expect.arrayContaining(examples));
  });

  it('the three statutory groups are confirmed, the split of the fourth is not', () => {
    const markers = Object.fromEntries(PREMARITAL_DISEASE_CATEGORIES.map((c) => [c.code, c.marker]));
    expect(markers).toEqual({
      designated_infectious: 'C',
      severe_genetic: 'C',
      relevant_mental: 'C',
      reproductive_system: 'R',
      internal_medicine: 'R',
    });
  });
});

describe('婚前保健工作规范 检查项目', () => {
  it.each([
    ['female', ['chest_xray', 'blood_routine', 'urine_routine', 'syphilis', 'alt', 'hbsag', 'vaginal_discharge']],
    ['male', ['chest_xray', 'blood_routine', 'urine_routine', 'syphilis', 'alt', 'hbsag']],
  ] as const)('常规辅助检查 for %s', (sex, codes) => {
    expect(premaritalExamItemsFor(sex, 'routine_lab').map((i) => i.code)).toEqual(codes);
  });

  it('semen analysis is for men only, breast exam for women only', () => {
    expect(premaritalExamItemsFor('female').some((i) => i.code === 'semen')).toBe(false);
    expect(premaritalExamItemsFor('male').some((i) => i.code === 'semen')).toBe(true);
    expect(premaritalExamItemsFor('male').some((i) => i.code === 'breast')).toBe(false);
    expect(new Set(PREMARITAL_EXAM_ITEMS_NATIONAL.items.map((i) => i.code)).size).toBe(
      PREMARITAL_EXAM_ITEMS_NATIONAL.items.length,
    );
  });
});
