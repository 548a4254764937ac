/**
 * Interpolation of LMS parameters between the rows of a published table: piecewise-linear, or a natural cubic
 * spline through the rows in a power-transformed axis (t = x^p), evaluated piece by piece.
 */
import type { Lms } from './growth-types';

/** One table row: [x, L, M, S]. */
export type LmsKnot = readonly [number, number, number, number];

/** How one piece of a curve is interpolated. */
export type LmsInterpolationMethod = 'linear' | 'natural-cubic';

/** One piece of a piecewise LMS curve: the rows it goes through and the x range it serves (both ends inclusive). */
export interface LmsPieceSpec {
  from: number;
  to: number;
  method: LmsInterpolationMethod;
  /** Exponent p of the axis transform t = x^p (1 = no transform). */
  power: number;
  /** Rows sorted by x, at least two. x values outside the knots are extrapolated linearly. */
  knots: readonly LmsKnot[];
}

type Interpolant = (t: number) => number;

function linearInterpolant(ts: readonly number[], ys: readonly number[]): Interpolant {
  const n = ts.length;
  return (t) => {
    let i = 0;
    while (i < n - 2 && t > (ts[i + 1] as number)) i++;
    const t0 = ts[i] as number;
    const t1 = ts[i + 1] as number;
    const y0 = ys[i] as number;
    const y1 = ys[i + 1] as number;
    return y0 + ((t - t0) / (t1 - t0)) * (y1 - y0);
  };
}

/** Natural cubic spline (second derivative 0 at both ends); linear extrapolation outside the knots. */
function naturalCubicInterpolant(ts: readonly number[], ys: readonly number[]): Interpolant {
  const n = ts.length;
  if (n < 3) return linearInterpolant(ts, ys);
  const at = (a: readonly number[], i: number) => a[i] as number;
  const h: number[] = [];
  for (let i = 0; i < n - 1; i++) h.push(at(ts, i + 1) - at(ts, i));
  // Solve the tridiagonal system for the second-derivative coefficients c (c[0] = c[n-1] = 0).
  const l: number[] = new Array<number>(n).fill(1);
  const mu: number[] = new Array<number>(n).fill(0);
  const zz: number[] = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const alpha = (3 / at(h, i)) * (at(ys, i + 1) - at(ys, i)) - (3 / at(h, i - 1)) * (at(ys, i) - at(ys, i - 1));
    l[i] = 2 * (at(ts, i + 1) - at(ts, i - 1)) - at(h, i - 1) * at(mu, i - 1);
    mu[i] = at(h, i) / at(l, i);
    zz[i] = (alpha - at(h, i - 1) * at(zz, i - 1)) / at(l, i);
  }
  const c: number[] = new Array<number>(n).fill(0);
  const b: number[] = new Array<number>(n - 1).fill(0);
  const d: number[] = new Array<number>(n - 1).fill(0);
  for (let j = n - 2; j >= 0; j--) {
    c[j] = at(zz, j) - at(mu, j) * at(c, j + 1);
    b[j] = (at(ys, j + 1) - at(ys, j)) / at(h, j) - (at(h, j) * (at(c, j + 1) + 2 * at(c, j))) / 3;
    d[j] = (at(c, j + 1) - at(c, j)) / (3 * at(h, j));
  }
  const tFirst = at(ts, 0);
  const tLast = at(ts, n - 1);
  const slopeLast = at(b, n - 2) + 2 * at(c, n - 2) * at(h, n - 2) + 3 * at(d, n - 2) * at(h, n - 2) ** 2;
  return (t) => {
    if (t < tFirst) return at(ys, 0) + at(b, 0) * (t - tFirst);
    if (t > tLast) return at(ys, n - 1) + slopeLast * (t - tLast);
    let i = 0;
    while (i < n - 2 && t > at(ts, i + 1)) i++;
    const dt = t - at(ts, i);
    return at(ys, i) + at(b, i) * dt + at(c, i) * dt * dt + at(d, i) * dt * dt * dt;
  };
}

interface BuiltPiece {
  spec: LmsPieceSpec;
  L: Interpolant;
  M: Interpolant;
  S: Interpolant;
}

function buildPiece(spec: LmsPieceSpec): BuiltPiece {
  const ts = spec.knots.map((k) => Math.pow(k[0], spec.power));
  const make = spec.method === 'linear' ? linearInterpolant : naturalCubicInterpolant;
  return {
    spec,
    L: make(
      ts,
      spec.knots.map((k) => k[1]),
    ),
    M: make(
      ts,
      spec.knots.map((k) => k[2]),
    ),
    S: make(
      ts,
      spec.knots.map((k) => k[3]),
    ),
  };
}

/**
 * Builds an LMS curve from pieces. The returned function gives the LMS at `x`, from the first piece whose range
 * holds `x`, or undefined when no piece does. Spline coefficients are computed once, on first use.
 */
export function createLmsCurve(pieces: readonly LmsPieceSpec[]): (x: number) => Lms | undefined {
  let built: BuiltPiece[] | undefined;
  return (x) => {
    if (!Number.isFinite(x)) return undefined;
    built ??= pieces.map(buildPiece);
    const piece = built.find((p) => x >= p.spec.from && x <= p.spec.to);
    if (!piece) return undefined;
    const t = Math.pow(x, piece.spec.power);
    return { L: piece.L(t), M: piece.M(t), S: piece.S(t) };
  };
}

/**
 * LMS from table rows, linear between the two rows around `x` (exact row values when `x` is on a row, within
 * 1e-6). On WHO's 0.1 cm weight-for-length/height rows this is what WHO's anthro does (low = trunc(x·10)/10,
 * linear to the next row); on WHO's daily rows, looked up at whole days, it is the row itself. Rows must be sorted
 * by x; undefined outside them.
 */
export function lmsLinearFromRows(rows: readonly LmsKnot[], x: number): Lms | undefined {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const tol = 1e-6;
  if (!first || !last || !Number.isFinite(x) || x < first[0] - tol || x > last[0] + tol) return undefined;
  let lo = 0;
  let hi = rows.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as LmsKnot)[0] <= x + tol) lo = mid;
    else hi = mid;
  }
  const a = rows[lo] as LmsKnot;
  const b = rows[hi] as LmsKnot;
  if (Math.abs(x - a[0]) <= tol || lo === hi) return { L: a[1], M: a[2], S: a[3] };
  if (Math.abs(x - b[0]) <= tol) return { L: b[1], M: b[2], S: b[3] };
  const f = (x - a[0]) / (b[0] - a[0]);
  return { L: a[1] + f * (b[1] - a[1]), M: a[2] + f * (b[2] - a[2]), S: a[3] + f * (b[3] - a[3]) };
}
