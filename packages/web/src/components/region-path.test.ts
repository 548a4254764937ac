import { describe, expect, it } from 'vitest';
import type { RegionDto } from '../api/types';
import { isLeafLevel, levelWithin, regionPath } from './region-path';

const ancestors: RegionDto[] = [
  { code: '000000', name: '中华人民共和国', level: 'country', parentCode: null },
  { code: '330000', name: '浙江省', level: 'province', parentCode: '000000' },
  { code: '330900', name: '舟山市', level: 'city', parentCode: '330000' },
  { code: '330902', name: '定海区', level: 'county', parentCode: '330900' },
];

describe('regionPath: the cascader path of a region', () => {
  it.each([
    ['from the provinces', undefined, ['330000', '330900', '330902', '330902006']],
    ['from the user’s counties', ['330902', '330903'], ['330902', '330902006']],
    ['outside the user’s counties', ['330903'], undefined],
  ])('%s', (_what, roots, path) => {
    expect(regionPath({ code: '330902006' }, ancestors, roots)).toEqual(path);
  });

  it('a root itself is a path of one', () => {
    expect(regionPath({ code: '330902' }, ancestors.slice(0, 3), ['330902'])).toEqual(['330902']);
  });
});

describe('levels', () => {
  it.each([
    ['county', 'county', true],
    ['city', 'county', false],
    ['township', 'county', true],
    ['province', 'township', false],
  ] as const)('%s is a leaf under max %s: %s', (level, max, leaf) => {
    expect(isLeafLevel(level, max)).toBe(leaf);
  });

  it.each([
    ['city', 'county', true],
    ['township', 'county', false],
  ] as const)('%s within %s: %s', (level, max, within) => {
    expect(levelWithin(level, max)).toBe(within);
  });
});
