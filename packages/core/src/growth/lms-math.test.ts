import { describe, expect, it } from 'vitest';
import { lmsValueAt, lmsZ, lmsZRestricted, roundAgeDays, roundHalfAway } from './lms-math';

// WHO weight-for-age, boys, birth (WHO table wfa_boys_0_5 month 0): L 0.3487, M 3.3464, S 0.14602;
// published SD lines (kg, 1 decimal): −3 2.1, −2 2.5, −1 2.9, 0 3.3, +1 3.9, +2 4.4, +3 5.0
const WFA_BOYS_0 = { L: 0.3487, M: 3.3464, S: 0.14602 };

describe('LMS formula (WHO Child Growth Standards 2006, chapter 7)', () => {
  it.each([
    [-3, 2.1],
    [-2, 2.5],
    [-1, 2.9],
    [0, 3.3],
    [1, 3.9],
    [2, 4.4],
    [3, 5.0],
  ])('WHO wfa_boys_0_5 month 0: the %s SD line is %s kg', (z, kg) => {
    expect(lmsValueAt(z, WFA_BOYS_0)).toBeCloseTo(kg, 1);
    expect(lmsZ(lmsValueAt(z, WFA_BOYS_0), WFA_BOYS_0)).toBeCloseTo(z, 10);
  });

  it('L = 0 uses ln(y/M)/S', () => {
    expect(lmsZ(Math.E * 10, { L: 0, M: 10, S: 0.5 })).toBeCloseTo(2, 12);
    expect(lmsValueAt(2, { L: 0, M: 10, S: 0.5 })).toBeCloseTo(Math.E * 10, 12);
  });

  it('y ≤ 0 gives NaN', () => {
    expect(lmsZ(0, WFA_BOYS_0)).toBeNaN();
    expect(lmsZRestricted(-1, WFA_BOYS_0)).toBeNaN();
  });
});

describe('WHO restricted application beyond ±3 SD (SOURCE.txt; values checked by an independent computation)', () => {
  it.each([
    // y, plain z, restricted z
    [5.5, 3.7153, 3.7678],
    [1.8, -3.8189, -3.7396],
    [1.2, -5.9048, -5.3227],
    [4.0, 1.2606, 1.2606],
  ])('boys birth WFA %s kg: plain %s, restricted %s', (y, plain, restricted) => {
    if (Math.abs(plain) <= 3) expect(lmsZRestricted(y, WFA_BOYS_0)).toBeCloseTo(plain, 3);
    expect(lmsZRestricted(y, WFA_BOYS_0)).toBeCloseTo(restricted, 3);
  });

  it('continuous at ±3', () => {
    const sd3 = lmsValueAt(3, WFA_BOYS_0);
    expect(lmsZRestricted(sd3 + 1e-9, WFA_BOYS_0)).toBeCloseTo(3, 6);
    const sd3n = lmsValueAt(-3, WFA_BOYS_0);
    expect(lmsZRestricted(sd3n - 1e-9, WFA_BOYS_0)).toBeCloseTo(-3, 6);
  });
});

describe('Rounding as WHO', () => {
  it.each([
    [1.234, 1.23],
    [1.236, 1.24],
    [-1.236, -1.24],
    [-0.001, -0],
    [2.5, 2.5],
  ])('z %s → %s', (x, r) => {
    expect(roundHalfAway(x)).toBe(r);
  });
  it.each([
    [730.4, 730],
    [730.5, 731],
    [0.49, 0],
  ])('age %s days → %s', (d, r) => {
    expect(roundAgeDays(d)).toBe(r);
  });
});
