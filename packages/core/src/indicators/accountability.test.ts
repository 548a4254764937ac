import { describe, expect, it } from 'vitest';
import {
  ACTION_DUE_SOON_DAYS,
  actionState,
  rankLaggingUnits,
  summonsState,
  targetJudgesUnit,
  targetShortfall,
} from './accountability';
import { evaluateTarget } from './indicator-targets';

// Targets of seed 003 (Zhoushan 2019) and seed 002 (Naiman 2023); shortfall in the indicator's own unit
describe('targetShortfall', () => {
  it.each([
    // value, comparator, target, gap, relative
    [88, '>=', 93, 5, 5 / 93], // systematic management ≥93% (seeds 002, 003)
    [93, '>=', 93, null, null],
    [97.5, '>=', 93, null, null],
    [92, '>', 92, 0, 0], // equal to a strict target misses it by nothing
    [6.2, '<', 4.5, 1.7, 1.7 / 4.5], // infant mortality <4.5‰ (seed 003)
    [4.5, '<', 4.5, 0, 0],
    [4.4, '<', 4.5, null, null],
    [45, '<=', 43, 2, 2 / 43], // caesarean ≤43% (seed 003)
    [43, '<=', 43, null, null],
    [1, 'no_avoidable_maternal_death', 0, 1, 1], // no avoidable maternal death (seed 003)
    [2, 'no_avoidable_maternal_death', 0, 2, 2],
    [0, 'no_avoidable_maternal_death', 0, null, null],
    [null, '>=', 93, null, null],
    [Number.NaN, '>=', 93, null, null],
  ] as const)('%s against %s %s', (value, comparator, target, gap, relative) => {
    const r = targetShortfall(value, { comparator, value: target });
    if (gap === null) expect(r).toBeNull();
    else {
      expect(r!.gap).toBeCloseTo(gap, 10);
      expect(r!.relativeGap).toBeCloseTo(relative!, 10);
    }
  });

  it('misses exactly when the target evaluation is not met (close or not met)', () => {
    for (const [value, comparator, target] of [
      [92.5, '>=', 93],
      [80, '>=', 93],
      [4.6, '<', 4.5],
      [99, '>=', 99],
      [1, 'no_avoidable_maternal_death', 0],
    ] as const) {
      const e = evaluateTarget(value, {
        comparator,
        value: target,
        indicatorId: 'maternal_systematic_management_rate',
      });
      expect(targetShortfall(value, { comparator, value: target }) !== null).toBe(e !== 'met');
    }
  });
});

describe('targetJudgesUnit', () => {
  it.each([
    ['%', '>=', true, true], // systematic management ≥93% set by the city holds for each county (seed 003)
    ['‰', '<', true, true],
    ['count', '>=', true, false], // 208 echo diagnoses for the city is not each county's target (seed 003)
    ['count', '>=', false, true],
    ['count', 'no_avoidable_maternal_death', true, true], // no avoidable death holds everywhere
  ] as const)('%s %s inherited=%s → %s', (unit, comparator, inherited, judges) => {
    expect(targetJudgesUnit(unit, comparator, inherited)).toBe(judges);
  });
});

describe('rankLaggingUnits', () => {
  it('orders by the sum of relative gaps, then by the number of misses; leaves out units that miss nothing', () => {
    const r = rankLaggingUnits([
      { code: 'a', name: '甲县', misses: [{ relativeGap: 0.1 }] },
      { code: 'b', name: '乙县', misses: [{ relativeGap: 0.2 }, { relativeGap: 0.15 }] },
      { code: 'c', name: '丙县', misses: [] },
      { code: 'd', name: '丁县', misses: [{ relativeGap: 0.35 }] },
    ]);
    expect(r.map((u) => [u.code, u.rank])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 3],
    ]);
    expect(r[0]!.score).toBeCloseTo(0.35, 10);
  });

  it('equal score and count share a rank', () => {
    const r = rankLaggingUnits([
      { code: 'x', name: 'X', misses: [{ relativeGap: 0.1 }] },
      { code: 'y', name: 'Y', misses: [{ relativeGap: 0.1 }] },
      { code: 'z', name: 'Z', misses: [{ relativeGap: 0.05 }] },
    ]);
    expect(r.map((u) => u.rank)).toEqual([1, 1, 3]);
  });
});

describe('actionState and summonsState', () => {
  it.each([
    [{ dueOn: '2026-03-31', completedOn: '2026-03-31' }, '2026-05-01', 'done'],
    [{ dueOn: '2026-03-31', completedOn: '2026-04-02' }, '2026-05-01', 'done_late'],
    [{ dueOn: '2026-03-31', completedOn: null }, '2026-04-01', 'overdue'],
    [{ dueOn: '2026-03-31', completedOn: null }, '2026-03-31', 'due_soon'],
    [
      { dueOn: '2026-03-31', completedOn: null },
      `2026-03-${String(31 - ACTION_DUE_SOON_DAYS).padStart(2, '0')}`,
      'due_soon',
    ],
    [{ dueOn: '2026-03-31', completedOn: null }, '2026-03-01', 'pending'],
  ] as const)('%j on %s is %s', (a, today, state) => {
    expect(actionState(a, today)).toBe(state);
  });

  it.each([
    [[], 'done'],
    [[{ dueOn: '2026-03-31', completedOn: '2026-03-01' }], 'done'],
    [[{ dueOn: '2026-03-31', completedOn: '2026-04-05' }], 'done'],
    [[{ dueOn: '2026-06-30', completedOn: null }], 'open'],
    [
      [
        { dueOn: '2026-06-30', completedOn: null },
        { dueOn: '2026-03-31', completedOn: null },
      ],
      'overdue',
    ],
  ] as const)('%j on 2026-04-10 is %s', (actions, state) => {
    expect(summonsState(actions, '2026-04-10')).toBe(state);
  });
});
