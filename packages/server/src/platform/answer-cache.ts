/**
 * Answers of read-only lists shared between the users who would get the same rows (the worklists: the same
 * counties, day, filter and permissions), so that fifty clinicians opening or refreshing one clinic's list do not
 * each read and count the county's duties again (issue #7: worklists ≥ 1,000 requests/s at 50 clients).
 *
 * An answer is dropped as soon as a write that may change it has committed in this process: the audit writer
 * reports every committed write with the counties its transaction could touch (row-level security allows no
 * others) and the lists it changed (the database marks them, migration 0049), the job queue reports every job it
 * ran, and each county and each list of a county has a generation that such a report moves on.
 * An answer remembers the generations of its counties when its read began, and is served only while they are
 * unchanged, so a user always sees her own write at her next request, and a read that overlapped a write is never
 * kept. Writes made elsewhere (another server process, SQL by hand) show within the freshness bound, and so do the
 * duties that fall due with the clock (an answer is also keyed by its day).
 *
 * Requests for an answer that is being read join that read (if no write has committed since it began) instead of
 * starting their own: after a write, the fifty requests that follow share one read.
 */

/** Default freshness bound (ms); `FUYOU_WORKLIST_CACHE_MS` overrides it (0 turns the cache off). */
export const DEFAULT_ANSWER_FRESH_MS = 10_000;

interface Entry {
  stamp: string;
  expires: number;
  value: unknown;
  weight: number;
}

interface Flight {
  stamp: string;
  started: number;
  promise: Promise<unknown>;
}

/** How an answer was had: read now, shared with a read already under way, or taken from the cache. */
export type AnswerSource = 'read' | 'joined' | 'cached';

/** A bounded cache of answers invalidated by county. */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Flight>();
  private readonly generations = new Map<string, number>();
  private everything = 0;
  private weight = 0;
  /** Counters since the cache was made (benchmarks and tests read them). */
  readonly stats = { read: 0, joined: 0, cached: 0 };

  constructor(
    /** Freshness bound in ms; 0 or less reads every time. Mutable so a benchmark can measure both ways. */
    public freshMs: number = DEFAULT_ANSWER_FRESH_MS,
    /**
     * Most weight held (an answer weighs what its reader says: the worklists count their items, about 200 bytes
     * of JSON each, so the default holds some 40 MB of text and the objects it was made from).
     */
    private readonly maxWeight = 200_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Drops the answers of `lists` (every list when undefined) that read any of `counties`; every answer when
   * `counties` is undefined.
   */
  invalidate(counties?: readonly string[], lists?: readonly string[]): void {
    if (!counties) {
      this.everything++;
      this.entries.clear();
      this.weight = 0;
      return;
    }
    const bump = (g: string) => this.generations.set(g, (this.generations.get(g) ?? 0) + 1);
    for (const c of counties) {
      if (!lists) bump(c);
      else for (const l of lists) bump(`${l}:${c}`);
    }
  }

  /**
   * The answer of `key` (which must name everything the answer depends on besides the counties' data), reading
   * it with `read` when no answer of the current generations of `counties` is fresh. Callers share the value and
   * must not change it.
   */
  async get<T>(
    key: string,
    scope: {
      /** The counties whose rows the answer reads. */
      counties: readonly string[];
      /** The list the answer is of, when it is one of those the database marks as written (migration 0049). */
      list?: string;
    },
    read: () => Promise<T>,
    weigh: (value: T) => number = () => 1,
  ): Promise<{ value: T; source: AnswerSource }> {
    if (this.freshMs <= 0) {
      this.stats.read++;
      return { value: await read(), source: 'read' };
    }
    this.sweep();
    const stamp = this.stampOf(scope);
    const now = this.now();
    const e = this.entries.get(key);
    if (e && e.stamp === stamp && now <= e.expires) {
      this.stats.cached++;
      return { value: e.value as T, source: 'cached' };
    }
    const f = this.flights.get(key);
    if (f && f.stamp === stamp && now <= f.started + this.freshMs) {
      this.stats.joined++;
      return { value: (await f.promise) as T, source: 'joined' };
    }
    this.stats.read++;
    const promise = read();
    const flight: Flight = { stamp, started: now, promise };
    this.flights.set(key, flight);
    try {
      const value = await promise;
      // kept only if no write committed while it was read (the read's snapshot may predate it)
      if (this.stampOf(scope) === stamp)
        this.put(key, { stamp, expires: now + this.freshMs, value, weight: Math.max(1, weigh(value)) });
      return { value, source: 'read' };
    } finally {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    }
  }

  /**
   * The answer of one of the stored lists (the worklists): keyed by the list, the sorted counties and `parts`
   * (everything else the rows depend on: the day, the filter, the permissions that change them), weighed by its
   * items, dropped by the writes of that list in those counties.
   */
  async list<T extends { items: readonly unknown[] }>(
    list: 'maternal' | 'child',
    counties: readonly string[],
    parts: readonly unknown[],
    read: () => Promise<T>,
  ): Promise<T> {
    const sorted = [...counties].sort();
    const key = JSON.stringify([list, sorted, ...parts]);
    return (await this.get(key, { counties: sorted, list }, read, (v) => v.items.length + 1)).value;
  }

  /** Number of answers held. */
  get size(): number {
    return this.entries.size;
  }

  /** Total weight of the answers held. */
  get heldWeight(): number {
    return this.weight;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.weight -= e.weight;
  }

  private put(key: string, e: Entry): void {
    this.drop(key);
    if (e.weight > this.maxWeight) return;
    this.entries.set(key, e);
    this.weight += e.weight;
    // the oldest first (insertion order): over the bound, the least recently read go
    for (const oldest of this.entries.keys()) {
      if (this.weight <= this.maxWeight) break;
      this.drop(oldest);
    }
  }

  /** Drops the expired answers: they were put in time order with one bound, so they are the first of the map. */
  private sweep(): void {
    const now = this.now();
    for (const [key, e] of this.entries) {
      if (e.expires >= now) break;
      this.drop(key);
    }
  }

  private stampOf(scope: { counties: readonly string[]; list?: string }): string {
    let s = String(this.everything);
    for (const c of scope.counties) {
      s += `,${this.generations.get(c) ?? 0}`;
      if (scope.list) s += `.${this.generations.get(`${scope.list}:${c}`) ?? 0}`;
    }
    return s;
  }
}

const texts = new WeakMap<object, string>();

/**
 * The JSON text of an answer, made once per answer object: a cached answer is sent to every user who shares it,
 * and the maternal worklist's answer is about 110 kB of JSON (issue #7: writing it again for every request cost
 * more than reading it from the cache). Only for values that are never changed, as cached answers are not.
 */
export function jsonOnce(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}
