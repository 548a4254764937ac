import { describe, expect, it } from 'vitest';
import { deriveChildRuleSet } from './child-config';
import {
  DEVELOPMENTAL_WARNING_SIGN_TABLE,
  evaluateWarningSigns,
  NATIONAL_WARNING_SIGN_CONFIG,
  warningSignsForAge,
} from './warning-signs';

const WS = '儿童心理行为发育问题预警征象 (REFERENCE §5.5) [C]';

describe(`${WS}: the table`, () => {
  it('11 ages × 4 signs, unique codes, zh and en for each', () => {
    expect(DEVELOPMENTAL_WARNING_SIGN_TABLE.map((a) => a.ageMonths)).toEqual([3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72]);
    const codes = DEVELOPMENTAL_WARNING_SIGN_TABLE.flatMap((a) => a.signs.map((s) => s.code));
    expect(codes).toHaveLength(44);
    expect(new Set(codes).size).toBe(44);
    for (const a of DEVELOPMENTAL_WARNING_SIGN_TABLE)
      for (const s of a.signs) expect(s.label.zh.length > 0 && s.label.en.length > 0).toBe(true);
  });

  it.each([
    ['3月 1', 'ws3_1', '对很大声音没有反应'],
    ['3月 4', 'ws3_4', '俯卧时不会抬头'],
    ['6月 3', 'ws6_3', '紧握拳松不开'],
    ['8月 4', 'ws8_4', '不会独坐'],
    ['12月 3', 'ws12_3', '不会用拇食指对捏小物品'],
    ['18月 3', 'ws18_3', '与人无目光交流'],
    ['24月 1', 'ws24_1', '不会说3个物品的名称'],
    ['30月 2', 'ws30_2', '兴趣单一、刻板'],
    ['36月 4', 'ws36_4', '不会双脚跳'],
    ['4岁 4', 'ws48_4', '不会单脚站立'],
    ['5岁 3', 'ws60_3', '不会用筷子吃饭'],
    ['6岁 3', 'ws72_3', '不会画方形'],
  ])('%s: %s = %s', (_t, code, zh) => {
    const sign = DEVELOPMENTAL_WARNING_SIGN_TABLE.flatMap((a) => a.signs).find((s) => s.code === code);
    expect(sign?.label.zh).toBe(zh);
  });
});

describe(`${WS}: which table age applies (latest listed age ≤ age [L])`, () => {
  it.each([
    [2, null],
    [3, 3],
    [5, 3],
    [6, 6],
    [7, 6],
    [8, 8],
    [11, 8],
    [12, 12],
    [17, 12],
    [23, 18],
    [35, 30],
    [47, 36],
    [48, 48],
    [71, 60],
    [72, 72],
    [83, 72],
    [84, null],
    [-1, null],
    [Number.NaN, null],
  ])('age %s months → table %s', (ageMonths, table) => {
    expect(warningSignsForAge(ageMonths)?.ageMonths ?? null).toBe(table);
  });

  it.each([
    [5, 6],
    [4, 3],
    [10, 8],
    [2, null],
  ])('a region choosing the nearest age: %s months → %s', (ageMonths, table) => {
    const cfg = deriveChildRuleSet(
      NATIONAL_WARNING_SIGN_CONFIG,
      { selection: 'nearest' },
      { region: '33', version: 't' },
    );
    expect(warningSignsForAge(ageMonths, cfg)?.ageMonths ?? null).toBe(table);
  });
});

describe(`${WS}: any sign at the age, or regression at any age, is positive → refer`, () => {
  it.each([
    ['12 months, no sign', 12, [], false, []],
    ['12 months, no response to name', 12, ['ws12_1'], true, ['呼唤名字无反应']],
    ['24 months, two signs', 24, ['ws24_1', 'ws24_4'], true, ['不会说3个物品的名称', '不会扶栏上楼梯/台阶']],
    ['36 months, language regression only', 36, ['regression_language'], true, ['任何年龄出现语言能力倒退']],
    ['1 month (no checklist) but social regression', 1, ['regression_social'], true, ['任何年龄出现社交能力倒退']],
    ['18 months, a 12-month code does not count', 18, ['ws12_1'], false, []],
  ] as const)('%s', (_t, ageMonths, codes, positive, reasonsZh) => {
    const r = evaluateWarningSigns({ ageMonths, presentCodes: codes });
    expect([r.positive, r.refer]).toEqual([positive, positive]);
    expect(r.reasons.map((x) => x.zh)).toEqual(reasonsZh);
  });

  it('reports codes of other ages as unknown and lists the 4 items of the age', () => {
    const r = evaluateWarningSigns({ ageMonths: 18, presentCodes: ['ws12_1', 'ws18_4'] });
    expect(r.unknownCodes).toEqual(['ws12_1']);
    expect(r.tableAgeMonths).toBe(18);
    expect(r.items.map((i) => [i.code, i.present])).toEqual([
      ['ws18_1', false],
      ['ws18_2', false],
      ['ws18_3', false],
      ['ws18_4', true],
    ]);
  });
});
