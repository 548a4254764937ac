import { describe, expect, it } from 'vitest';
import { isDeclaredRead, loadPattern, PAGE_LOADS } from './page-loads';

describe('page-loads: which reads a page may make', () => {
  it.each([
    ['/programmes/progress?year={year}', '/programmes/progress', true],
    [
      '/indicators/values/maternal_systematic_management_rate',
      '/indicators/values/maternal_systematic_management_rate',
      true,
    ],
    ['/work-plans/:id', '/work-plans/8a1d6c3e-0000-4000-8000-000000000000', true],
    ['/work-plans', '/work-plans/my-tasks', false],
    ['/quality/home', '/quality/homes', false],
    ['/{region}/x', '/330902/x', true],
  ])('%s matches %s: %s', (declared, pathname, ok) => {
    expect(loadPattern(declared).test(pathname)).toBe(ok);
  });

  it('a page may use the shared pickers and the session, nothing else undeclared', () => {
    expect(isDeclaredRead('women-programmes', '/programmes/progress')).toBe(true);
    expect(isDeclaredRead('women-programmes', '/regions')).toBe(true);
    expect(isDeclaredRead('women-programmes', '/institutions')).toBe(true);
    expect(isDeclaredRead('women-programmes', '/auth/me')).toBe(true);
    expect(isDeclaredRead('women-programmes', '/quality/home')).toBe(false);
    expect(isDeclaredRead('no-such-page', '/programmes/progress')).toBe(false);
  });

  it('every declared read is a path under /api/v1 without the prefix', () => {
    const paths = Object.values(PAGE_LOADS).flatMap((l) => l.map((x) => x.path));
    expect(paths.filter((p) => !p.startsWith('/') || p.startsWith('/api'))).toEqual([]);
  });
});
