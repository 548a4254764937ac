import { describe, expect, it } from 'vitest';
import { makeResidentId, residentIdCheckChar, validateResidentId } from './resident-id';
import { maskIdNumber, maskName, maskPhone, isValidPhone } from './masking';
import { checkPassword } from './password-policy';
import { ETHNICITIES } from './ethnicity';

describe('GB 11643-1999 居民身份证号码', () => {
  it.each([
    // GB 11643-1999 附录 example
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    // the standard's second published example
    ['440524188001010014', '1880-01-01', 'male', '440524'],
    ['330902199001011234'.slice(0, 17) + residentIdCheckChar('33090219900101123'), '1990-01-01', 'male', '330902'],
  ])('valid %s', (id, birthDate, sex, region) => {
    const r = validateResidentId(id, { today: '2026-11-22' });
    expect(r).toMatchObject({ valid: true, birthDate, sex, regionCode: region });
  });

  it('accepts lower-case x and normalises it', () => {
    expect(validateResidentId('11010519491231002x').normalized).toBe('11010519491231002X');
  });

  it.each([
    ['', 'empty'],
    ['1101051949123100', 'bad_length'],
    ['1101051949123100A2', 'bad_characters'],
    ['110105194912310021', 'bad_check_digit'],
    ['990105194912310021', 'bad_region'],
    ['110105194902300021', 'bad_birth_date'],
    ['110105194913310021', 'bad_birth_date'],
    ['110105203001010021', 'future_birth_date'],
  ])('invalid %s → %s', (id, reason) => {
    const r = validateResidentId(id, { today: '2026-11-22' });
    expect(r.valid).toBe(false);
    expect(r.reason).toBe(reason);
    expect(r.messageZh).toMatch(/身份证/);
  });

  it('GB 11643-1999: a 15-digit legacy number is upgraded with 19 and a check character', () => {
    const r = validateResidentId('110105491231002', { today: '2026-11-22' });
    expect(r).toMatchObject({ valid: true, upgradedFrom15: true, birthDate: '1949-12-31', sex: 'female' });
    expect(r.normalized).toBe('11010519491231002X');
  });

  it('uses a full region list when given', () => {
    const r = validateResidentId('11010519491231002X', { today: '2026-11-22', isKnownRegion: (c) => c === '330902' });
    expect(r.reason).toBe('bad_region');
  });

  it('makeResidentId builds valid numbers with the right sex', () => {
    for (let i = 0; i < 50; i++) {
      const sex = i % 2 ? 'male' : 'female';
      const id = makeResidentId('330902', '1995-06-15', i * 7, sex);
      expect(validateResidentId(id, { today: '2026-11-22' })).toMatchObject({
        valid: true,
        sex,
        birthDate: '1995-06-15',
      });
    }
  });
});

describe('masking', () => {
  it.each([
    ['330902199001011234', '330902********1234'],
    ['E12345678', 'E1*****78'],
    ['', ''],
  ])('ID %s → %s', (v, m) => expect(maskIdNumber(v)).toBe(m));
  it.each([
    ['13812345678', '138****5678'],
    ['0580-2021234', '********1234'],
  ])('phone %s → %s', (v, m) => expect(maskPhone(v)).toBe(m));
  it('names keep the first character', () => {
    expect(maskName('张丽')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
  it.each([
    ['13812345678', true],
    ['12812345678', false],
    ['0580-2021234', true],
    ['1381234567', false],
  ])('phone validity %s', (v, ok) => expect(isValidPhone(v)).toBe(ok));
});

describe('password policy', () => {
  it.each([
    ['Fuyou@2026', 'clinic', []],
    ['short1A!', 'clinic', ['too_short']],
    ['alllowercaseletters', 'clinic', ['too_few_classes']],
    ['Password123', 'clinic', ['common']],
    ['Clinic@2026x', 'clinic', ['contains_username']],
  ])('%s for %s → %j', (pw, user, problems) => expect(checkPassword(pw, user)).toEqual(problems));
});

describe('GB/T 3304 ethnicities', () => {
  it('has 56 groups plus two other codes, unique', () => {
    expect(ETHNICITIES).toHaveLength(58);
    expect(new Set(ETHNICITIES.map((e) => e.code)).size).toBe(58);
    expect(ETHNICITIES[0]).toEqual({ code: '01', zh: '汉族', en: 'Han' });
  });
});
