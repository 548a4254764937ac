import type { Rng } from './prng';

/** The most common surnames with their approximate shares (per mille) of the population (2020 census). */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 74],
  ['李', 72],
  ['张', 69],
  ['刘', 54],
  ['陈', 46],
  ['杨', 33],
  ['黄', 24],
  ['赵', 23],
  ['吴', 21],
  ['周', 21],
  ['徐', 17],
  ['孙', 15],
  ['马', 15],
  ['朱', 14],
  ['胡', 13],
  ['郭', 12],
  ['何', 12],
  ['林', 12],
  ['高', 12],
  ['罗', 11],
  ['郑', 11],
  ['梁', 10],
  ['谢', 8],
  ['宋', 7],
  ['唐', 7],
  ['许', 7],
  ['韩', 7],
  ['邓', 7],
  ['冯', 7],
  ['曹', 6],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 5],
  ['董', 5],
  ['潘', 5],
  ['袁', 5],
  ['蔡', 5],
  ['蒋', 5],
  ['余', 5],
  ['于', 5],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['魏', 4],
  ['苏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['卢', 4],
  ['姚', 3],
  ['沈', 3],
  ['钟', 3],
  ['姜', 3],
  ['崔', 3],
  ['谭', 3],
  ['陆', 3],
  ['范', 3],
  ['汪', 3],
  ['廖', 3],
  ['石', 3],
  ['金', 3],
  ['韦', 3],
  ['贾', 3],
  ['夏', 2],
  ['方', 2],
  ['邹', 2],
  ['熊', 2],
  ['白', 2],
  ['孟', 2],
  ['秦', 2],
  ['邱', 2],
  ['侯', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['欧阳', 1],
  ['上官', 0.2],
];
const SURNAME_LIST = SURNAMES.map((s) => s[0]);
const SURNAME_WEIGHTS = SURNAMES.map((s) => s[1]);

/** Characters common in women's given names of the 1975–2005 birth cohorts. */
const FEMALE_CHARS = [...'丽娜敏静婷雪慧颖琳倩燕红霞芳玲萍洁艳梅莉娟英华兰凤佳欣怡涵雨桐琪晓晨璐瑶悦蕾薇妍彤嘉宁'];
/** Two-character given names popular for girls. */
const FEMALE_NAMES = [
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
  '雅婷',
  '梦瑶',
  '婷婷',
  '丹丹',
  '晶晶',
  '慧敏',
  '丽娟',
  '美玲',
  '雪梅',
  '晓红',
  '静怡',
  '文静',
  '佳琪',
  '思雨',
  '雨婷',
  '欣悦',
  '紫涵',
  '心怡',
];
/** Given names of children born in the 2020s. */
const CHILD_NAMES = {
  male: [
    '浩然',
    '宇轩',
    '子豪',
    '俊熙',
    '沐辰',
    '睿泽',
    '一鸣',
    '梓睿',
    '宇航',
    '思远',
    '皓轩',
    '子墨',
    '铭泽',
    '嘉佑',
    '奕辰',
  ],
  female: [
    '子涵',
    '欣怡',
    '梓萱',
    '一诺',
    '诗琪',
    '若汐',
    '语桐',
    '可欣',
    '依依',
    '思彤',
    '雨萱',
    '沐瑶',
    '芷若',
    '安然',
    '心悦',
  ],
} as const;

/** A surname drawn with the national frequencies. */
export function surname(rng: Rng): string {
  return rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
}

/** A plausible woman's name (surname and one or two given characters). */
export function womanName(rng: Rng): string {
  const s = surname(rng);
  const r = rng.next();
  if (r < 0.2) return s + rng.pick(FEMALE_CHARS);
  if (r < 0.55) return s + rng.pick(FEMALE_NAMES);
  return s + rng.pick(FEMALE_CHARS) + rng.pick(FEMALE_CHARS);
}

/** A child's name: the father's surname (or the mother's, one in ten) and a given name of the 2020s. */
export function childName(rng: Rng, motherName: string, sex: 'male' | 'female'): string {
  const s = rng.chance(0.1) ? motherSurname(motherName) : surname(rng);
  return s + rng.pick(CHILD_NAMES[sex]);
}

function motherSurname(name: string): string {
  return name.startsWith('欧阳') || name.startsWith('上官') ? name.slice(0, 2) : name.slice(0, 1);
}
