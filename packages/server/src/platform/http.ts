import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MeDto } from './auth.service';
import type { AuthContext } from './context';
import { errors } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    sessionToken: string | null;
    me: MeDto | null;
    sessionFlags: { mustChangePassword: boolean; totpSetupRequired: boolean } | null;
  }
}

export const SESSION_COOKIE = 'fuyou_session';

/** The caller's context, or 401. */
export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw errors.unauthenticated();
  return req.auth;
}

/** The caller's context if it has `permission`, else 403. */
export function requirePermission(req: FastifyRequest, permission: string): AuthContext {
  const ctx = requireAuth(req);
  if (!ctx.permissions.has(permission)) throw errors.forbidden();
  return ctx;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
