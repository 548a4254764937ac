/** Pure helpers behind the module registry: who sees what, and which entry a URL belongs to. */

/** The part of a registry entry these helpers need. */
export interface NavEntry {
  key: string;
  path: string;
  permission?: string | readonly string[] | undefined;
  nav?: boolean | undefined;
}

/**
 * True when a user with `permissions` may use an entry that needs `permission` (none = everyone logged in; a list =
 * any one of them).
 */
export function canUse(permission: string | readonly string[] | undefined, permissions: readonly string[]): boolean {
  if (!permission) return true;
  if (typeof permission === 'string') return permissions.includes(permission);
  return permission.length === 0 || permission.some((p) => permissions.includes(p));
}

/** The entries the side navigation shows to a user with `permissions`, in registry order. */
export function visibleEntries<T extends NavEntry>(entries: readonly T[], permissions: readonly string[]): T[] {
  return entries.filter((e) => e.nav !== false && canUse(e.permission, permissions));
}

function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped === '/' ? '/' : escaped}(/.*)?$`);
}

/**
 * The key of the navigation entry that `pathname` belongs to: the visible entry with the longest matching path
 * (so `/people/123` selects "people" and `/people/new` selects "register" when both are listed).
 */
export function selectedNavKey(entries: readonly NavEntry[], pathname: string): string | undefined {
  let best: NavEntry | undefined;
  for (const e of entries) {
    if (e.nav === false) continue;
    const matches = e.path === '/' ? pathname === '/' : pathPattern(e.path).test(pathname);
    if (matches && (!best || e.path.length > best.path.length)) best = e;
  }
  return best?.key;
}

/** A sanitised "next" location after login: only paths inside the app, never the login page itself. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
