/**
 * The LMS arithmetic of the WHO Child Growth Standards (WHO Multicentre Growth Reference Study Group 2006,
 * chapter 7 "Computation of centiles and z-scores"): z-scores, WHO's restricted application beyond ±3 SD for the
 * weight-based indicators, measurements at a given z (the SD curves), and WHO's rounding.
 */
import type { Lms } from './growth-types';

/**
 * Plain LMS z-score: z = ((y/M)^L − 1) / (L·S), or ln(y/M)/S when L = 0. Returns NaN for y ≤ 0.
 */
export function lmsZ(y: number, { L, M, S }: Lms): number {
  if (!(y > 0)) return Number.NaN;
  if (L === 0) return Math.log(y / M) / S;
  return (Math.pow(y / M, L) - 1) / (L * S);
}

/** The measurement at z-score `z`: M·(1 + L·S·z)^(1/L), or M·exp(S·z) when L = 0. NaN where undefined. */
export function lmsValueAt(z: number, { L, M, S }: Lms): number {
  if (L === 0) return M * Math.exp(S * z);
  const base = 1 + L * S * z;
  if (!(base > 0)) return Number.NaN;
  return M * Math.pow(base, 1 / L);
}

/**
 * WHO's restricted application of the LMS method (weight-based indicators): inside ±3 the plain z; beyond, the
 * distance to the ±3 SD line in units of the distance between the ±2 and ±3 SD lines:
 * z* = 3 + (y − SD3pos)/(SD3pos − SD2pos) for z > 3, z* = −3 + (y − SD3neg)/(SD2neg − SD3neg) for z < −3.
 * The test on ±3 is done on the unrounded z, as WHO's anthro does.
 */
export function lmsZRestricted(y: number, lms: Lms): number {
  const z = lmsZ(y, lms);
  if (Number.isNaN(z)) return z;
  if (z > 3) {
    const sd3 = lmsValueAt(3, lms);
    const sd2 = lmsValueAt(2, lms);
    return 3 + (y - sd3) / (sd3 - sd2);
  }
  if (z < -3) {
    const sd3 = lmsValueAt(-3, lms);
    const sd2 = lmsValueAt(-2, lms);
    return -3 + (y - sd3) / (sd2 - sd3);
  }
  return z;
}

/** Rounds to `digits` decimals, halves away from zero (WHO's macros round z-scores to 2 decimals). */
export function roundHalfAway(x: number, digits = 2): number {
  const f = Math.pow(10, digits);
  const r = Math.round(Math.abs(x) * f) / f;
  return x < 0 ? -r : r;
}

/** WHO's rounding of the age in days to a whole day: below .5 down, from .5 up. */
export function roundAgeDays(ageDays: number): number {
  return Math.floor(ageDays + 0.5);
}
