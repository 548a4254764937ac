import { describe, expect, it } from 'vitest';
import { classifyChildDeath, icd10Category } from './child-death-class';

const STAT = '妇幼健康统计调查制度 5岁以下儿童死亡 (新生儿 <28天, 婴儿 <1岁)';

describe(STAT, () => {
  it.each([
    ['day 0', '2024-01-10', 'early_neonatal', true, true],
    ['day 6', '2024-01-16', 'early_neonatal', true, true],
    ['day 7', '2024-01-17', 'late_neonatal', true, true],
    ['day 27', '2024-02-06', 'late_neonatal', true, true],
    ['day 28', '2024-02-07', 'post_neonatal', false, true],
    ['the day before the first birthday', '2025-01-09', 'post_neonatal', false, true],
    ['the first birthday', '2025-01-10', 'age_1_4', false, false],
    ['the day before the fifth birthday', '2029-01-09', 'age_1_4', false, false],
  ])('born 2024-01-10, died %s (%s) → %s', (_t, deathDate, group, neonatal, infant) => {
    const c = classifyChildDeath({ birthDate: '2024-01-10', deathDate });
    expect([c?.ageGroup, c?.neonatal, c?.infant, c?.under5]).toEqual([group, neonatal, infant, true]);
  });

  it('on the fifth birthday the death is no longer under 5', () => {
    expect(classifyChildDeath({ birthDate: '2024-01-10', deathDate: '2029-01-10' })).toMatchObject({
      under5: false,
      ageGroup: null,
    });
  });

  it('a death before birth or on a bad date is not classified', () => {
    expect(classifyChildDeath({ birthDate: '2024-01-10', deathDate: '2024-01-09' })).toBeNull();
    expect(classifyChildDeath({ birthDate: '2024-02-30', deathDate: '2024-03-09' })).toBeNull();
  });
});

describe('ICD-10 chapter of the underlying cause', () => {
  it.each([
    ['P07.3', 'perinatal'],
    ['Q24.9', 'congenital'],
    ['J18.9', 'respiratory'],
    ['A09', 'infectious'],
    ['W69', 'injury'],
    ['T71', 'injury'],
    ['R95', 'ill_defined'],
    ['pneumonia', null],
  ])('%s → %s', (code, cat) => {
    expect(icd10Category(code)).toBe(cat);
  });
});
