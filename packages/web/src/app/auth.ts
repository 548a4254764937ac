import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchMe } from '../api/auth.api';
import type { MeDto } from '../api/types';

/** Query key of the logged-in user. */
export const ME_KEY = ['me'] as const;

/** The logged-in user (null when logged out), kept in the query cache. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The logged-in user inside guarded pages (the guard renders them only when there is one). */
export function useCurrentUser(): MeDto {
  const qc = useQueryClient();
  const me = qc.getQueryData<MeDto | null>(ME_KEY);
  const { data } = useMe();
  const user = data ?? me;
  if (!user) throw new Error('useCurrentUser() outside the auth guard');
  return user;
}

/** True when the user has `permission`. */
export function useHasPermission(permission: string): boolean {
  const { data } = useMe();
  return !!data?.permissions.includes(permission);
}

/** True when the session may only change its password or set up TOTP. */
export function isRestricted(me: MeDto): boolean {
  return me.mustChangePassword || me.totpSetupRequired;
}

/** Where a restricted session must go first. */
export function forcedPath(me: MeDto): string | undefined {
  if (me.mustChangePassword) return '/account/password';
  if (me.totpSetupRequired) return '/account/totp';
  return undefined;
}

/**
 * Starts or ends a session in the cache: sets the user (null = logged out) and drops every other cached query,
 * so that nothing of one user's data is shown to the next. The user's query itself is kept (not cleared) so that
 * the auth guard, which observes it, sees the change.
 */
export function resetSession(qc: QueryClient, me: MeDto | null): void {
  qc.setQueryData(ME_KEY, me);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}
