import { describe, expect, it } from 'vitest';
import type { CloseMargin, IndicatorTarget, TargetEvaluation } from './indicator-targets';
import {
  evaluateTarget,
  inheritanceChain,
  NATIONAL_REGION_CODE,
  regionCodeDepth,
  resolveIndicatorVersion,
  resolveTarget,
  resolveTargetsForRegion,
} from './indicator-targets';

function target(
  indicatorId: string,
  comparator: IndicatorTarget['comparator'],
  value: number,
  regionCode = '330900',
  year = 2019,
): IndicatorTarget {
  return { regionCode, year, indicatorId, comparator, value, source: 'test' };
}

describe('evaluateTarget', () => {
  it.each<[string, number | null | undefined, IndicatorTarget, TargetEvaluation]>([
    // ≥ targets in percent: close = within 2 percentage points
    ['舟山 孕产妇系统管理率 ≥93%: 93 meets', 93, target('maternal_systematic_management_rate', '>=', 93), 'met'],
    ['舟山 孕产妇系统管理率 ≥93%: 95.2 meets', 95.2, target('maternal_systematic_management_rate', '>=', 93), 'met'],
    [
      '舟山 孕产妇系统管理率 ≥93%: 91 is close (2 pp)',
      91,
      target('maternal_systematic_management_rate', '>=', 93),
      'close',
    ],
    [
      '舟山 孕产妇系统管理率 ≥93%: 90.9 is not met',
      90.9,
      target('maternal_systematic_management_rate', '>=', 93),
      'not_met',
    ],
    [
      'computed 92.99999999999999 meets ≥93 (float noise)',
      92.99999999999999,
      target('gyn_survey_rate', '>=', 93),
      'met',
    ],
    // strict < targets in ‰: close = within 10% of the target value
    ['舟山 婴儿死亡率 <4.5‰: 4.49 meets', 4.49, target('infant_mortality_rate', '<', 4.5), 'met'],
    ['舟山 婴儿死亡率 <4.5‰: 4.5 is not below, but close', 4.5, target('infant_mortality_rate', '<', 4.5), 'close'],
    ['舟山 婴儿死亡率 <4.5‰: 4.95 is close (10%)', 4.95, target('infant_mortality_rate', '<', 4.5), 'close'],
    ['舟山 婴儿死亡率 <4.5‰: 5.0 is not met', 5.0, target('infant_mortality_rate', '<', 4.5), 'not_met'],
    // ≤ targets
    ['奈曼 婴儿死亡率 ≤5‰: 5 meets', 5, target('infant_mortality_rate', '<=', 5, '150525', 2023), 'met'],
    ['奈曼 孕产妇死亡率 ≤14.5/10万: 15.9 is close', 15.9, target('maternal_mortality_ratio', '<=', 14.5), 'close'],
    ['奈曼 孕产妇死亡率 ≤14.5/10万: 16 is not met', 16, target('maternal_mortality_ratio', '<=', 14.5), 'not_met'],
    ['舟山 剖宫产率 ≤43%: 44.5 is close', 44.5, target('caesarean_rate', '<=', 43), 'close'],
    ['舟山 剖宫产率 ≤43%: 45.5 is not met', 45.5, target('caesarean_rate', '<=', 43), 'not_met'],
    // strict >
    ['> 90: 90 is not met but close', 90, target('gyn_survey_rate', '>', 90), 'close'],
    ['> 90: 90.1 meets', 90.1, target('gyn_survey_rate', '>', 90), 'met'],
    // counts: 10% relative
    ['舟山 心脏超声诊断 ≥208例: 190 is close', 190, target('chd_echo_diagnoses', '>=', 208), 'close'],
    ['舟山 心脏超声诊断 ≥208例: 180 is not met', 180, target('chd_echo_diagnoses', '>=', 208), 'not_met'],
    // no avoidable maternal death
    [
      '舟山 无因保健工作不到位的孕产妇死亡: 0 deaths meets',
      0,
      target('avoidable_maternal_deaths', 'no_avoidable_maternal_death', 0),
      'met',
    ],
    [
      '舟山 无因保健工作不到位的孕产妇死亡: 1 death is not met (never close)',
      1,
      target('avoidable_maternal_deaths', 'no_avoidable_maternal_death', 0),
      'not_met',
    ],
    [
      'a negative death count is no data',
      -1,
      target('avoidable_maternal_deaths', 'no_avoidable_maternal_death', 0),
      'no_data',
    ],
    // no data
    ['null is no data', null, target('hospital_delivery_rate', '>=', 99), 'no_data'],
    ['undefined is no data', undefined, target('hospital_delivery_rate', '>=', 99), 'no_data'],
    ['NaN is no data', Number.NaN, target('hospital_delivery_rate', '>=', 99), 'no_data'],
    // unknown indicator: 10% relative
    ['unknown indicator uses 10% relative: 91 vs ≥100 is close', 91, target('custom_local_rate', '>=', 100), 'close'],
  ])('%s', (_label, value, t, expected) => {
    expect(evaluateTarget(value, t)).toBe(expected);
  });

  it.each<[string, number, CloseMargin, TargetEvaluation]>([
    ['5 pp margin: 88.5 vs ≥93 is close', 88.5, { absolute: 5 }, 'close'],
    ['1 pp margin: 91.5 vs ≥93 is not met', 91.5, { absolute: 1 }, 'not_met'],
    ['5% relative margin (4.65): 88.5 vs ≥93 is close', 88.5, { relative: 0.05 }, 'close'],
    ['5% relative margin (4.65): 88 vs ≥93 is not met', 88, { relative: 0.05 }, 'not_met'],
    ['the wider of absolute and relative applies (relative wins)', 88.5, { absolute: 1, relative: 0.05 }, 'close'],
    ['the wider of absolute and relative applies (absolute wins)', 88.5, { absolute: 5, relative: 0.01 }, 'close'],
    ['a zero margin never gives close', 92.99, { absolute: 0 }, 'not_met'],
  ])('custom margin: %s', (_label, value, margin, expected) => {
    expect(evaluateTarget(value, target('maternal_systematic_management_rate', '>=', 93), margin)).toBe(expected);
  });
});

describe('region inheritance', () => {
  // 浙江省 330000 → 舟山市 330900 → 定海区 330902 → 环南街道 330902001
  const targets: IndicatorTarget[] = [
    target('maternal_systematic_management_rate', '>=', 90, NATIONAL_REGION_CODE),
    target('maternal_systematic_management_rate', '>=', 92, '330000'),
    target('maternal_systematic_management_rate', '>=', 93, '330900'),
    target('maternal_systematic_management_rate', '>=', 96, '330902'),
    target('caesarean_rate', '<=', 43, '330900'),
    target('hiv_mtct_rate', '<', 3, NATIONAL_REGION_CODE),
    target('hospital_delivery_rate', '>=', 99, '330900', 2020),
  ];
  const chainOfDinghai = ['000000', '330000', '330900'];

  it.each<[string, string, string[], string, string | undefined]>([
    ['定海区 overrides 舟山', '330902', chainOfDinghai, 'maternal_systematic_management_rate', '330902'],
    ['普陀区 330903 inherits 舟山', '330903', chainOfDinghai, 'maternal_systematic_management_rate', '330900'],
    ['舟山 keeps its own', '330900', ['000000', '330000'], 'maternal_systematic_management_rate', '330900'],
    ['杭州 330100 inherits 浙江', '330100', ['000000', '330000'], 'maternal_systematic_management_rate', '330000'],
    [
      '奈曼旗 150525 inherits the nation',
      '150525',
      ['000000', '150000', '150500'],
      'maternal_systematic_management_rate',
      '000000',
    ],
    [
      'a township inherits its county',
      '330902001',
      [...chainOfDinghai, '330902'],
      'maternal_systematic_management_rate',
      '330902',
    ],
    [
      'the county caesarean target of 舟山 applies to each county',
      '330921',
      chainOfDinghai,
      'caesarean_rate',
      '330900',
    ],
    ['national targets apply even when the root is not listed', '150525', ['150000'], 'hiv_mtct_rate', '000000'],
    ['no target anywhere', '330902', chainOfDinghai, 'gyn_survey_rate', undefined],
    ['a target of another year does not apply', '330902', chainOfDinghai, 'hospital_delivery_rate', undefined],
  ])('%s', (_label, region, ancestors, indicatorId, expectedFrom) => {
    expect(resolveTarget(targets, region, ancestors, 2019, indicatorId)?.regionCode).toBe(expectedFrom);
  });

  it('ancestors may be listed root-first or nearest-first', () => {
    const a = resolveTarget(
      targets,
      '330903',
      ['000000', '330000', '330900'],
      2019,
      'maternal_systematic_management_rate',
    );
    const b = resolveTarget(
      targets,
      '330903',
      ['330900', '330000', '000000'],
      2019,
      'maternal_systematic_management_rate',
    );
    expect(a?.value).toBe(93);
    expect(b).toBe(a);
  });

  it('inheritanceChain orders the region, its ancestors by depth, then the nation', () => {
    expect(inheritanceChain('330902001', ['000000', '330000', '330900', '330902'])).toEqual([
      '330902001',
      '330902',
      '330900',
      '330000',
      '000000',
    ]);
    expect(inheritanceChain('150525', [])).toEqual(['150525', '000000']);
  });

  it.each([
    ['000000', 0],
    ['330000', 2],
    ['330900', 4],
    ['330902', 6],
    ['330902001', 9],
    ['330902001001', 12],
    ['330902001000', 9],
    ['CN', -1],
    ['3309', -1],
  ])('regionCodeDepth(%s) = %d (GB/T 2260 levels)', (code, depth) => {
    expect(regionCodeDepth(code)).toBe(depth);
  });

  it('resolveTargetsForRegion gives one target per indicator', () => {
    const all = resolveTargetsForRegion(targets, '330903', chainOfDinghai, 2019);
    expect(all.map((t) => [t.indicatorId, t.regionCode, t.value])).toEqual([
      ['maternal_systematic_management_rate', '330900', 93],
      ['caesarean_rate', '330900', 43],
      ['hiv_mtct_rate', '000000', 3],
    ]);
  });
});

describe('indicator version choice is inherited like targets', () => {
  const choices = [
    { regionCode: '330900', indicatorId: 'caesarean_rate', version: 'facility_calendar_year', source: 'test' },
    {
      regionCode: '330000',
      indicatorId: 'maternal_systematic_management_rate',
      version: 'postpartum_42d',
      source: 'test',
    },
  ];

  it.each<[string, string, string[], string, string | null, string]>([
    [
      '舟山 district uses the city choice',
      '330902',
      ['000000', '330000', '330900'],
      'caesarean_rate',
      'facility_calendar_year',
      '330900',
    ],
    [
      '舟山 inherits 浙江 42-day choice',
      '330900',
      ['000000', '330000'],
      'maternal_systematic_management_rate',
      'postpartum_42d',
      '330000',
    ],
    [
      '奈曼旗 falls back to the default',
      '150525',
      ['000000', '150000', '150500'],
      'caesarean_rate',
      'per_deliveries',
      'default',
    ],
    ['an indicator without versions has none', '150525', [], 'infant_mortality_rate', null, 'default'],
  ])('%s', (_label, region, ancestors, indicatorId, version, from) => {
    expect(resolveIndicatorVersion(choices, region, ancestors, indicatorId)).toEqual({ version, from });
  });
});
