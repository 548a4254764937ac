/**
 * How the count statement's branches are dealt over connections (`splitBranches`): branches reading one shared row
 * set stay in one statement, the statements' costs come out even, and nothing is lost or counted twice.
 */
import { describe, expect, it } from 'vitest';
import { splitBranches } from './engine';

const b = (index: number, weight: number, shared: string[] = []) => ({ index, weight, shared });
const indexes = (parts: { index: number }[][]) => parts.map((p) => p.map((x) => x.index));

describe('splitBranches', () => {
  it('one way: every branch in one statement, in order', () => {
    expect(indexes(splitBranches([b(0, 5), b(1, 1, ['x']), b(2, 9)], 1))).toEqual([[0, 1, 2]]);
  });

  it('the county bench: the three check-up bases and their shared rows against the rest, about even', () => {
    // delivered 130, births 80, cancer_interval 40, two small ones; children 90, under5_measured 65 and
    // infant_feeding 20 read the period's check-ups (85 more)
    const branches = [
      b(0, 130),
      b(1, 90, ['period_checkups_region']),
      b(2, 80),
      b(3, 65, ['period_checkups_region']),
      b(4, 40),
      b(5, 20, ['period_checkups_region']),
      b(6, 1),
      b(7, 1),
    ];
    const parts = splitBranches(branches, 2);
    expect(indexes(parts).sort()).toEqual([
      [0, 2, 4, 6, 7],
      [1, 3, 5],
    ]);
  });

  it('row sets shared in a chain keep all their readers together', () => {
    const parts = splitBranches([b(0, 10, ['x']), b(1, 10, ['x', 'y']), b(2, 10, ['y']), b(3, 10), b(4, 10)], 3);
    expect(indexes(parts).find((p) => p.includes(1))).toEqual([0, 1, 2]);
    expect(indexes(parts).flat().sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('more ways than groups: no empty statement, every branch once', () => {
    const parts = splitBranches([b(0, 3), b(1, 2, ['x']), b(2, 1, ['x'])], 4);
    expect(indexes(parts).sort()).toEqual([[0], [1, 2]]);
  });

  it('heaviest first to the lightest statement so far', () => {
    const parts = splitBranches([b(0, 1), b(1, 7), b(2, 4), b(3, 4), b(4, 2)], 2);
    // 7 → A (7); 4 → B (4); 4 → B (8); 2 → A (9); 1 → B (9)
    expect(indexes(parts).sort()).toEqual([
      [0, 2, 3],
      [1, 4],
    ]);
  });
});
