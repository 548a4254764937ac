import { describe, expect, it } from 'vitest';
import { fieldPath, mapFieldErrors } from './form-errors';

describe('fieldPath', () => {
  it.each([
    ['idNumber', ['idNumber']],
    ['babies.0.weightG', ['babies', 0, 'weightG']],
    ['a..b', ['a', 'b']],
  ])('%s → %j', (field, path) => {
    expect(fieldPath(field)).toEqual(path);
  });
});

describe('mapFieldErrors: server field problems under form fields', () => {
  const problems = [
    { field: 'idNumber', messageZh: '身份证号最后一位校验码不正确', messageEn: 'The check character is wrong' },
    { field: 'idNumber', messageZh: '身份证号最后一位校验码不正确', messageEn: 'The check character is wrong' },
    { field: 'phone', messageZh: '电话号码格式无效', messageEn: 'Invalid phone number' },
    { field: 'version', messageZh: '版本号无效', messageEn: 'Invalid version' },
  ];

  it('groups by field in Chinese, drops repeats, and returns what the form does not have', () => {
    const r = mapFieldErrors(problems, 'zh-CN', ['idNumber', 'phone', 'name']);
    expect(r.fields).toEqual([
      { name: ['idNumber'], errors: ['身份证号最后一位校验码不正确'] },
      { name: ['phone'], errors: ['电话号码格式无效'] },
    ]);
    expect(r.unmatched.map((p) => p.field)).toEqual(['version']);
  });

  it('uses English messages for en-US', () => {
    const r = mapFieldErrors(problems.slice(2, 3), 'en-US');
    expect(r.fields).toEqual([{ name: ['phone'], errors: ['Invalid phone number'] }]);
  });

  it('renames fields through aliases and keeps nested paths', () => {
    const r = mapFieldErrors(
      [
        { field: 'toResidenceRegionCode', messageZh: '区划代码不存在', messageEn: 'Unknown region' },
        { field: 'babies.1.weightG', messageZh: '体重无效', messageEn: 'Invalid weight' },
      ],
      'zh-CN',
      ['region', 'babies'],
      { toResidenceRegionCode: 'region' },
    );
    expect(r.fields).toEqual([
      { name: ['region'], errors: ['区划代码不存在'] },
      { name: ['babies', 1, 'weightG'], errors: ['体重无效'] },
    ]);
    expect(r.unmatched).toEqual([]);
  });

  it('reports a body-level problem as unmatched', () => {
    const r = mapFieldErrors([{ field: '', messageZh: '请求无效', messageEn: 'Bad request' }], 'zh-CN');
    expect(r.fields).toEqual([]);
    expect(r.unmatched).toHaveLength(1);
  });
});
