import { describe, expect, it } from 'vitest';
import type { AsqDomainScore } from './child-screening';
import {
  childScreeningItemsAt,
  childScreeningResult,
  classifyAsq,
  classifyDevelopmentalQuotient,
} from './child-screening';

describe('0～6岁儿童眼保健及视力检查服务规范(2021), DDH, 孤独症筛查: results and actions', () => {
  it.each([
    ['红光反射 normal', 'red_reflex', 'normal', 'none'],
    ['红光反射 abnormal → refer', 'red_reflex', 'abnormal', 'refer'],
    ['髋关节 suspect → ultrasound referral [L]', 'hip_ddh', 'suspect', 'refer'],
    ['孤独症筛查 positive → diagnostic assessment [R]', 'autism', 'positive', 'refer'],
    ['发育筛查 close to the cut-off → monitor', 'developmental', 'monitor', 'monitor'],
  ])('%s', (_t, item, result, action) => {
    const r = childScreeningResult(item, result);
    expect(r.ok && r.value.action).toBe(action);
  });

  it.each([
    ['unknown item', 'vision', 'normal', 'item'],
    ['unknown result', 'autism', 'abnormal', 'result'],
  ])('fails: %s', (_t, item, result, field) => {
    const r = childScreeningResult(item, result);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['unknown_code', field]);
  });

  it.each([
    [0, ['red_reflex', 'hip_ddh']],
    [18, ['autism', 'developmental']],
    [24, ['autism', 'developmental']],
    [8, []],
  ])('items at %s months', (age, codes) => {
    expect(childScreeningItemsAt(age).map((i) => i.code)).toEqual(codes);
  });
});

describe('WS/T 580-2017 儿心量表-II: developmental quotient bands [R]', () => {
  it.each([
    [130, 'excellent', 'none'],
    [129, 'good', 'none'],
    [110, 'good', 'none'],
    [109, 'average', 'none'],
    [80, 'average', 'none'],
    [79, 'borderline_low', 'monitor'],
    [70, 'borderline_low', 'monitor'],
    [69, 'disability', 'refer'],
    [40, 'disability', 'refer'],
  ])('DQ %s → %s (%s)', (dq, code, action) => {
    const r = classifyDevelopmentalQuotient(dq);
    expect(r.ok && [r.value.code, r.value.action]).toEqual([code, action]);
  });

  it('DQ −5 fails', () => {
    const r = classifyDevelopmentalQuotient(-5);
    expect(r.ok ? null : r.error.code).toBe('invalid_number');
  });
});

describe('ASQ-3: below the cut-off refer, monitoring zone monitor [L]', () => {
  const d = (domain: AsqDomainScore['domain'], score: number): AsqDomainScore => ({
    domain,
    score,
    cutoff: 25.2,
    monitorBelow: 35,
  });
  it.each<[string, AsqDomainScore[], string, string[]]>([
    [
      'all above the monitoring zone',
      [d('communication', 50), d('gross_motor', 45)],
      'typical',
      ['typical', 'typical'],
    ],
    [
      'one domain in the monitoring zone',
      [d('communication', 30), d('gross_motor', 45)],
      'monitor',
      ['monitor', 'typical'],
    ],
    ['one domain below the cut-off', [d('fine_motor', 20), d('personal_social', 30)], 'refer', ['refer', 'monitor']],
    ['at the cut-off is not below it', [d('problem_solving', 25.2)], 'monitor', ['monitor']],
  ])('%s', (_t, scores, overall, categories) => {
    const r = classifyAsq(scores);
    expect(r.ok && [r.value.overall, r.value.domains.map((x) => x.category)]).toEqual([overall, categories]);
  });

  it('a score of 65 fails', () => {
    const r = classifyAsq([d('communication', 65)]);
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['invalid_number', 'scores[0].score']);
  });
});
