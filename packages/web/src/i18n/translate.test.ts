import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { interpolate, parseLang, pick, translate } from './translate';
import { zhCN, type MessageKey } from './zh-CN';

describe('translate', () => {
  it.each([
    ['zh-CN', 'login.submit', undefined, '登录'],
    ['en-US', 'login.submit', undefined, 'Log in'],
    ['zh-CN', 'common.total', { n: 240 }, '共 240 条'],
    ['en-US', 'common.total', { n: 240 }, '240 in total'],
    [
      'zh-CN',
      'person.transferConfirm',
      { name: '林晓雯', place: '普陀区' },
      '确认将 林晓雯 转出到 普陀区？此操作将记入审计日志。',
    ],
  ] as const)('%s %s %j → %s', (lang, key, vars, text) => {
    expect(translate(lang, key, vars)).toBe(text);
  });

  it('leaves unknown placeholders alone', () => {
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('picks the language of a pair', () => {
    expect(pick('zh-CN', '女', 'Female')).toBe('女');
    expect(pick('en-US', '女', 'Female')).toBe('Female');
  });

  it.each([
    ['en-US', 'en-US'],
    ['zh-CN', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    [null, 'zh-CN'],
  ] as const)('stored language %s → %s', (stored, lang) => {
    expect(parseLang(stored)).toBe(lang);
  });
});

describe('dictionaries', () => {
  const keys = Object.keys(zhCN) as MessageKey[];
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(keys)('%s has an English text with the same placeholders', (key) => {
    expect(enUS[key].trim()).not.toBe('');
    expect(placeholders(enUS[key])).toEqual(placeholders(zhCN[key]));
  });

  it('has no English key that zh-CN lacks', () => {
    expect(Object.keys(enUS).filter((k) => !(k in zhCN))).toEqual([]);
  });
});
