/**
 * A small, fast, seeded pseudo-random generator (sfc32 seeded by splitmix32) with the draws the synthetic
 * population needs. The same seed gives the same sequence on every machine; streams for different counties and
 * years are derived from the seed with {@link deriveSeed}, so a county's rows do not depend on which counties
 * were generated before it.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An element of `items` drawn with the given weights (same length, non-negative, not all zero). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** A standard normal deviate (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A normal deviate with mean `mean` and standard deviation `sd`, clamped to [min, max]. */
  gauss(mean: number, sd: number, min = -Infinity, max = Infinity): number {
    return Math.min(max, Math.max(min, mean + sd * this.normal()));
  }

  /** A Poisson count with mean `lambda` (Knuth for small means, normal approximation above 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.gauss(lambda, Math.sqrt(lambda))));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }

  /** A version-4-shaped UUID drawn from this stream (deterministic, so reruns give the same ids). */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    return (
      hex8(a) +
      '-' +
      HEX4[b >>> 16] +
      '-4' +
      HEX4[b & 0xffff]!.slice(1) +
      '-' +
      HEX4[((c >>> 16) & 0x3fff) | 0x8000] +
      '-' +
      HEX4[c & 0xffff] +
      hex8(d)
    );
  }
}

const HEX4: string[] = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));
const hex8 = (n: number) => HEX4[n >>> 16]! + HEX4[n & 0xffff]!;

/** FNV-1a hash of a string (stable across platforms). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed of a sub-stream (e.g. one county and year) derived from the run's seed and a label. */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  let h = (seed ^ 0x5bd1e995) >>> 0;
  for (const l of labels) h = (Math.imul(h ^ hashString(String(l)), 0x9e3779b1) + 0x7f4a7c15) >>> 0;
  return h;
}
