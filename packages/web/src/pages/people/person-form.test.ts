import { describe, expect, it } from 'vitest';
import { makeResidentId } from '@fuyou/core';
import type { PersonDto } from '../../api/types';
import { idNumberProblem, phoneProblem, residentIdFacts, toCreateInput, toUpdateInput } from './person-form';

const id = makeResidentId('330902', '1994-05-06', 123, 'female');
const badCheck = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

describe('idNumberProblem: the ID number checked against the form (GB 11643)', () => {
  it.each([
    ['a valid resident ID matching sex and birth date', 'resident_id', id, 'female', '1994-05-06', undefined],
    ['a valid resident ID with no sex or date yet', 'resident_id', id, undefined, undefined, undefined],
    ['sex "not stated" is not compared', 'resident_id', id, 'unknown', '1994-05-06', undefined],
    [
      'a wrong check character',
      'resident_id',
      badCheck,
      'female',
      '1994-05-06',
      '身份证号最后一位校验码不正确，请核对是否输错',
    ],
    ['a short number', 'resident_id', '33090219940506', undefined, undefined, '身份证号应为18位（或旧版15位）'],
    ['a sex that differs', 'resident_id', id, 'male', '1994-05-06', '身份证号显示性别为女，与所填性别不一致'],
    [
      'a birth date that differs',
      'resident_id',
      id,
      'female',
      '1994-05-07',
      '身份证号中的出生日期为 1994-05-06，与所填出生日期不一致',
    ],
    ['an empty number', 'resident_id', '', undefined, undefined, '请填写证件号码'],
    ['a passport number', 'passport', 'E12345678', 'female', undefined, undefined],
    ['a passport number with symbols', 'passport', 'E1234-5678', 'female', undefined, '证件号码应为5–20位字母或数字'],
    ['no document and no number', 'none', '', 'female', undefined, undefined],
    ['no document but a number', 'none', 'E12345678', 'female', undefined, '证件类型为"无证件"时不应填写证件号码'],
  ] as const)('%s', (_what, idType, idNumber, sex, birthDate, problem) => {
    expect(idNumberProblem({ idType, idNumber, sex, birthDate }, 'zh-CN')).toBe(problem);
  });

  it('an empty number is fine in edit forms (keep the stored one)', () => {
    expect(idNumberProblem({ idType: 'resident_id', idNumber: '' }, 'zh-CN', true)).toBeUndefined();
  });

  it('speaks English for en-US', () => {
    expect(idNumberProblem({ idType: 'resident_id', idNumber: badCheck }, 'en-US')).toBe(
      'The check character (last) is wrong; please check for a typing error',
    );
  });
});

describe('residentIdFacts', () => {
  it('reads sex and birth date, and normalises a lower-case x', () => {
    const withX = makeResidentId('110105', '1949-12-31', 1, 'female');
    expect(residentIdFacts(id)).toEqual({ normalized: id, sex: 'female', birthDate: '1994-05-06' });
    expect(residentIdFacts(withX.toLowerCase())?.normalized).toBe(withX.toUpperCase());
    expect(residentIdFacts('123')).toBeUndefined();
  });
});

describe('phoneProblem', () => {
  it.each([
    ['', undefined],
    ['13905801234', undefined],
    ['0580-2021234', undefined],
    ['1390580123', '电话号码格式无效（手机11位，或区号-号码）'],
    ['12345678901', '电话号码格式无效（手机11位，或区号-号码）'],
  ])('%s → %s', (phone, problem) => {
    expect(phoneProblem(phone, 'zh-CN')).toBe(problem);
  });
});

describe('toCreateInput', () => {
  it('trims, leaves out empty fields and keeps the idempotency id and mother', () => {
    expect(
      toCreateInput(
        {
          name: ' 林晓雯 ',
          sex: 'female',
          birthDate: '1994-05-06',
          idType: 'resident_id',
          idNumber: ` ${id.toLowerCase()} `,
          phone: ' ',
          ethnicity: '01',
          residenceRegionCode: '330902006',
          address: '',
        },
        { id: 'uuid-1', motherId: 'm-1' },
      ),
    ).toEqual({
      id: 'uuid-1',
      name: '林晓雯',
      sex: 'female',
      birthDate: '1994-05-06',
      idType: 'resident_id',
      idNumber: id.toUpperCase(),
      ethnicity: '01',
      residenceRegionCode: '330902006',
      motherId: 'm-1',
    });
  });

  it('sends no number for "no document"', () => {
    const body = toCreateInput({
      name: '新生儿',
      sex: 'male',
      birthDate: '2026-01-02',
      idType: 'none',
      idNumber: 'X',
      residenceRegionCode: '330902',
    });
    expect(body.idNumber).toBeUndefined();
  });
});

describe('toUpdateInput: only what changed, with the version read', () => {
  const original: PersonDto = {
    id: 'p-1',
    countyCode: '330902',
    countyName: '定海区',
    name: '林晓雯',
    sex: 'female',
    birthDate: '1994-05-06',
    idType: 'resident_id',
    idNumberMasked: '330902********2461',
    phoneMasked: '139****1234',
    ethnicity: '01',
    hukouRegionCode: null,
    residenceRegionCode: '330902006',
    residenceRegionName: '临城街道',
    address: null,
    isNonResident: false,
    motherId: null,
    isSynthetic: false,
    deceasedOn: null,
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const same = {
    name: '林晓雯',
    sex: 'female' as const,
    birthDate: '1994-05-06',
    idType: 'resident_id' as const,
    idNumber: '',
    phone: '',
    ethnicity: '01',
    residenceRegionCode: '330902006',
    address: '',
  };

  it.each([
    ['nothing', {}, { version: 3 }],
    ['the name', { name: '林晓文' }, { version: 3, name: '林晓文' }],
    ['the phone', { phone: '13800138000' }, { version: 3, phone: '13800138000' }],
    ['the address', { address: '临城街道1号' }, { version: 3, address: '临城街道1号' }],
    ['the township', { residenceRegionCode: '330902002' }, { version: 3, residenceRegionCode: '330902002' }],
    ['the document type to none', { idType: 'none' as const }, { version: 3, idType: 'none' }],
    ['the ID number', { idNumber: id.toLowerCase() }, { version: 3, idNumber: id.toUpperCase() }],
  ])('changing %s', (_what, change, body) => {
    expect(toUpdateInput(original, { ...same, ...change })).toEqual(body);
  });
});
