import { describe, expect, it } from 'vitest';
import { AnswerCache, jsonOnce } from './answer-cache';

/** A read that resolves when told to, counting how often it ran. */
function deferredRead<T>(value: T) {
  let release!: () => void;
  let runs = 0;
  const gate = new Promise<void>((r) => (release = r));
  return {
    read: async () => {
      runs++;
      await gate;
      return value;
    },
    release: () => release(),
    get runs() {
      return runs;
    },
  };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('AnswerCache: answers shared until a write of their counties or the freshness bound', () => {
  it('serves a second request from the cache, within the bound only', async () => {
    const c = clock();
    const cache = new AnswerCache(10_000, 100, c.now);
    let reads = 0;
    const read = async () => ++reads;
    expect(await cache.get('k', { counties: ['330902'] }, read)).toEqual({ value: 1, source: 'read' });
    expect(await cache.get('k', { counties: ['330902'] }, read)).toEqual({ value: 1, source: 'cached' });
    c.advance(10_000);
    expect(await cache.get('k', { counties: ['330902'] }, read)).toEqual({ value: 1, source: 'cached' });
    c.advance(1);
    expect(await cache.get('k', { counties: ['330902'] }, read)).toEqual({ value: 2, source: 'read' });
    expect(cache.stats).toEqual({ read: 2, joined: 0, cached: 2 });
  });

  it('drops the answers that read a county written, and keeps those of other counties', async () => {
    const cache = new AnswerCache(10_000);
    let reads = 0;
    const read = async () => ++reads;
    await cache.get('dh', { counties: ['330902'] }, read);
    await cache.get('pt', { counties: ['330903'] }, read);
    await cache.get('city', { counties: ['330902', '330903'] }, read);
    cache.invalidate(['330902']);
    expect((await cache.get('dh', { counties: ['330902'] }, read)).source).toBe('read');
    expect((await cache.get('pt', { counties: ['330903'] }, read)).source).toBe('cached');
    expect((await cache.get('city', { counties: ['330902', '330903'] }, read)).source).toBe('read');
    cache.invalidate();
    expect((await cache.get('pt', { counties: ['330903'] }, read)).source).toBe('read');
  });

  it('drops by list: a write of the child list keeps the maternal answers of the county, a write of any list not', async () => {
    const cache = new AnswerCache(10_000);
    let reads = 0;
    const read = async () => ++reads;
    const maternal = { counties: ['330902'], list: 'maternal' };
    const child = { counties: ['330902'], list: 'child' };
    await cache.get('m', maternal, read);
    await cache.get('c', child, read);
    cache.invalidate(['330902'], ['child']);
    expect((await cache.get('m', maternal, read)).source).toBe('cached');
    expect((await cache.get('c', child, read)).source).toBe('read');
    cache.invalidate(['330902'], ['child', 'maternal']);
    expect((await cache.get('m', maternal, read)).source).toBe('read');
    cache.invalidate(['330902']);
    expect((await cache.get('m', maternal, read)).source).toBe('read');
    expect((await cache.get('c', child, read)).source).toBe('read');
  });

  it('does not keep an answer whose read overlapped a committed write (its snapshot may predate the write)', async () => {
    const cache = new AnswerCache(10_000);
    const slow = deferredRead('before the write');
    const first = cache.get('k', { counties: ['330902'] }, slow.read);
    cache.invalidate(['330902']);
    slow.release();
    expect(await first).toEqual({ value: 'before the write', source: 'read' });
    expect(await cache.get('k', { counties: ['330902'] }, async () => 'after the write')).toEqual({
      value: 'after the write',
      source: 'read',
    });
  });

  it('lets requests join a read under way, but not once a write has committed since it began', async () => {
    const cache = new AnswerCache(10_000);
    const slow = deferredRead('shared');
    const a = cache.get('k', { counties: ['330902'] }, slow.read);
    const b = cache.get('k', { counties: ['330902'] }, slow.read);
    cache.invalidate(['330902']);
    const c = cache.get('k', { counties: ['330902'] }, async () => 'own read after the write');
    slow.release();
    expect(await a).toEqual({ value: 'shared', source: 'read' });
    expect(await b).toEqual({ value: 'shared', source: 'joined' });
    expect(await c).toEqual({ value: 'own read after the write', source: 'read' });
    expect(slow.runs).toBe(1);
    // the later read is the one kept
    expect(await cache.get('k', { counties: ['330902'] }, async () => 'not read')).toEqual({
      value: 'own read after the write',
      source: 'cached',
    });
  });

  it('keeps no failed read: its joiners get the error and the next request reads again', async () => {
    const cache = new AnswerCache(10_000);
    let fail = true;
    const read = async () => {
      await Promise.resolve();
      if (fail) throw new Error('database down');
      return 'ok';
    };
    const a = cache.get('k', { counties: ['330902'] }, read);
    const b = cache.get('k', { counties: ['330902'] }, read);
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    fail = false;
    expect(await cache.get('k', { counties: ['330902'] }, read)).toEqual({ value: 'ok', source: 'read' });
  });

  it('holds at most its weight, the least recently put going first, and lets expired answers go', async () => {
    const c = clock();
    const cache = new AnswerCache(10_000, 10, c.now);
    const read = async () => 'x';
    await cache.get('a', { counties: [] }, read, () => 4);
    await cache.get('b', { counties: [] }, read, () => 4);
    expect(cache.heldWeight).toBe(8);
    await cache.get('c', { counties: [] }, read, () => 4);
    expect(cache.size).toBe(2);
    expect(cache.heldWeight).toBe(8);
    expect((await cache.get('b', { counties: [] }, read, () => 4)).source).toBe('cached');
    expect((await cache.get('a', { counties: [] }, read, () => 4)).source).toBe('read');
    // an answer heavier than the whole bound is answered, not kept
    await cache.get('huge', { counties: [] }, read, () => 11);
    expect((await cache.get('huge', { counties: [] }, read, () => 11)).source).toBe('read');
    c.advance(10_001);
    await cache.get('d', { counties: [] }, read, () => 1);
    expect(cache.size).toBe(1);
    expect(cache.heldWeight).toBe(1);
  });

  it('reads every time when the bound is 0, and holds at most its number of answers', async () => {
    const off = new AnswerCache(0);
    let reads = 0;
    const read = async () => ++reads;
    await off.get('k', { counties: [] }, read);
    expect((await off.get('k', { counties: [] }, read)).source).toBe('read');
    expect(off.size).toBe(0);
    const small = new AnswerCache(10_000, 2);
    for (const k of ['a', 'b', 'c']) await small.get(k, { counties: [] }, read);
    expect(small.size).toBe(2);
    expect((await small.get('a', { counties: [] }, read)).source).toBe('read');
    expect((await small.get('c', { counties: [] }, read)).source).toBe('cached');
  });
});

describe('jsonOnce: the JSON text of a shared answer, made once', () => {
  it('gives the text of JSON.stringify, the same string for the same object, a new one for another', () => {
    const a = { today: '2026-12-04', items: [{ kind: 'visit_due', due: null }] };
    const text = jsonOnce(a);
    expect(text).toBe(JSON.stringify(a));
    expect(jsonOnce(a)).toBe(text);
    expect(jsonOnce({ ...a, today: '2026-12-05' })).toContain('2026-12-05');
  });
});
