import { makeResidentId } from '@fuyou/core';
import { withScope } from '@fuyou/db';
import { systemContext } from '../platform/context';
import type { Services } from '../services';
import { DEMO_COUNTIES } from './demo-institutions';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '邓',
  '冯',
  '韩',
  '曹',
  '曾',
];
const GIVEN = [
  '丽',
  '娜',
  '敏',
  '静',
  '婷',
  '雪',
  '慧',
  '颖',
  '琳',
  '倩',
  '佳怡',
  '欣怡',
  '梓涵',
  '雨桐',
  '思琪',
  '晓燕',
  '海燕',
  '春梅',
  '秀英',
  '玉兰',
  '诗涵',
  '可馨',
  '若曦',
  '雅婷',
  '梦瑶',
];

/** A small deterministic generator (mulberry32) so a seed gives the same people. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo population: women of child-bearing age in each county of 舟山市, with well-formed synthetic ID numbers
 * (valid region, date and check digit) marked is_synthetic. Modules add their records as they land.
 */
export async function seedDemoPopulation(
  services: Services,
  log: (m: string) => void,
  opts: { seed?: number; perCounty?: number } = {},
) {
  const rand = rng(opts.seed ?? 20261122);
  const perCounty = opts.perCounty ?? 60;
  let n = 0;
  for (const county of DEMO_COUNTIES) {
    const ctx = systemContext([county]);
    const towns = services.regions.children(county);
    await withScope(services.db, ctx, async (trx) => {
      for (let i = 0; i < perCounty; i++) {
        const age = 20 + Math.floor(rand() * 20);
        const y = 2026 - age;
        const m = 1 + Math.floor(rand() * 12);
        const d = 1 + Math.floor(rand() * 28);
        const birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const hukou = rand() < 0.15 ? '330106' : county;
        const town = towns[Math.floor(rand() * towns.length)]?.code ?? county;
        const name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!;
        const phone = `13${Math.floor(100000000 + rand() * 899999999)}`;
        await services.people.createInTx(
          trx,
          ctx,
          {
            name,
            sex: 'female',
            birthDate,
            idType: 'resident_id',
            idNumber: makeResidentId(hukou, birthDate, Math.floor(rand() * 499), 'female'),
            phone,
            ethnicity: '01',
            hukouRegionCode: hukou,
            residenceRegionCode: town,
            address: `${services.regions.get(town)?.name ?? ''}${1 + Math.floor(rand() * 200)}号`,
          },
          { synthetic: true },
        );
        n++;
      }
    });
  }
  log(`演示人口 demo people: ${n}`);
}
