import { describe, expect, it } from 'vitest';
import { prefixUpperBound } from './person.repo';

// The upper end of a name search's index range (person.repo.ts, migration 0050): the least text above every text
// that starts with the prefix, in code-point order (UTF-8's byte order, which PostgreSQL's pattern operators use).
describe('prefixUpperBound', () => {
  it.each([
    ['王丽', '王举'], // 丽 U+4E3D → 举 U+4E3E
    ['a', 'b'],
    ['Zhang ', 'Zhang!'],
    ['\u{20000}', '\u{20001}'], // a rare character of a name (CJK extension B, outside the BMP): one code point
    ['王\u{2A6DF}', '王\u{2A6E0}'],
    ['\uD7FF', '\uE000'], // the surrogates are not characters: skipped
    ['\uFFFF', '\u{10000}'],
    ['王\u{10FFFF}', '玌'], // no character after U+10FFFF: the one before is raised (王 U+738B → U+738C)
    ['\u{10FFFF}\u{10FFFF}', null],
    ['', null],
  ])('%j → %j', (prefix, upper) => {
    expect(prefixUpperBound(prefix)).toBe(upper);
  });

  it('is above every text with the prefix and below every greater text without it (code-point order)', () => {
    const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const prefix = '李静';
    const upper = prefixUpperBound(prefix)!;
    for (const withPrefix of ['李静', '李静怡', '李静\u{10FFFF}\u{10FFFF}', '李静\u{20000}'])
      expect(byCodePoint(withPrefix, upper)).toBeLessThan(0);
    for (const above of ['李靚', '李靜', '李非', '李\u{20000}']) {
      expect(byCodePoint(above, prefix)).toBeGreaterThan(0);
      expect(byCodePoint(above, upper)).toBeGreaterThanOrEqual(0);
    }
  });
});
