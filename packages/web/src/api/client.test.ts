import { describe, expect, it } from 'vitest';
import { buildUrl, newUuid } from './client';

describe('buildUrl', () => {
  it.each([
    ['/people', undefined, '/api/v1/people'],
    ['people', { q: '' }, '/api/v1/people'],
    ['/people', { q: '张', page: 2, pageSize: 20 }, '/api/v1/people?q=%E5%BC%A0&page=2&pageSize=20'],
    ['/institutions', { active: 'true', type: undefined, countyCode: null }, '/api/v1/institutions?active=true'],
  ])('%s %j → %s', (path, query, url) => {
    expect(buildUrl(path, query)).toBe(url);
  });
});

describe('newUuid', () => {
  it('makes RFC 4122 version-4 ids that differ', () => {
    const a = newUuid();
    const b = newUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
