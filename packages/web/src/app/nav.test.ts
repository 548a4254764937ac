import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@fuyou/server/platform/context';
import { canUse, safeNext, selectedNavKey, visibleEntries, type NavEntry } from './nav';

const entries: NavEntry[] = [
  { key: 'home', path: '/' },
  { key: 'people', path: '/people', permission: 'person.read' },
  { key: 'person-register', path: '/people/new', permission: 'person.write' },
  { key: 'person-detail', path: '/people/:id', permission: 'person.read', nav: false },
  { key: 'institutions', path: '/admin/institutions', permission: 'institution.manage' },
  { key: 'users', path: '/admin/users', permission: 'user.manage' },
  { key: 'audit', path: '/audit', permission: 'audit.read' },
];

describe('visibleEntries: navigation shows only what the role may use', () => {
  it.each([
    ['clinician', ['home', 'people', 'person-register']],
    ['sysadmin', ['home', 'institutions']],
    ['secadmin', ['home', 'users']],
    ['auditor', ['home', 'audit']],
    ['statistician', ['home']],
  ])('%s sees %j', (role, keys) => {
    // the server's own role → permission table (what /auth/me reports for a user without extra grants)
    expect(visibleEntries(entries, ROLE_PERMISSIONS[role as keyof typeof ROLE_PERMISSIONS]).map((e) => e.key)).toEqual(
      keys,
    );
  });

  it('an entry without permission is for everyone logged in', () => {
    expect(canUse(undefined, [])).toBe(true);
    expect(canUse('audit.read', ['person.read'])).toBe(false);
  });
});

describe('selectedNavKey: the entry a URL belongs to', () => {
  it.each([
    ['/', 'home'],
    ['/people', 'people'],
    ['/people/new', 'person-register'],
    ['/people/8a1d6c3e-0000-4000-8000-000000000000', 'people'],
    ['/admin/users', 'users'],
    ['/audit', 'audit'],
    ['/account/password', undefined],
    ['/peoplex', undefined],
  ])('%s → %s', (path, key) => {
    expect(selectedNavKey(entries, path)).toBe(key);
  });
});

describe('safeNext: where to go after login', () => {
  it.each([
    ['/people?q=1', '/people?q=1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/login?next=/x', '/'],
  ])('%s → %s', (next, to) => {
    expect(safeNext(next)).toBe(to);
  });
});

describe('canUse: a list of permissions means any one of them', () => {
  it.each<[string | string[] | undefined, string[], boolean]>([
    [undefined, [], true],
    ['care.read', ['care.read'], true],
    ['care.read', ['setting.manage'], false],
    [['setting.manage', 'care.supervise'], ['care.supervise'], true],
    [['setting.manage', 'care.supervise'], ['setting.manage'], true],
    [['setting.manage', 'care.supervise'], ['care.read'], false],
  ])('%j with %j → %s', (need, have, ok) => {
    expect(canUse(need, have)).toBe(ok);
  });
});
