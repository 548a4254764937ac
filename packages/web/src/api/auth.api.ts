import { api } from './client';
import { ApiError } from './api-error';
import type { MeDto } from './types';

/** POST /auth/login. */
export async function login(input: { username: string; password: string; otp?: string | undefined }): Promise<MeDto> {
  const r = await api.post<{ user: MeDto }>('/auth/login', input);
  return r.user;
}

/** GET /auth/me; null when not logged in. */
export async function fetchMe(): Promise<MeDto | null> {
  try {
    const r = await api.get<{ user: MeDto }>('/auth/me');
    return r.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** POST /auth/logout. */
export async function logout(): Promise<void> {
  await api.post('/auth/logout');
}

/** POST /auth/change-password (ends the user's other sessions; this one gets a fresh cookie). */
export async function changePassword(input: { oldPassword: string; newPassword: string }): Promise<void> {
  await api.post('/auth/change-password', input);
}

/** POST /auth/totp/setup: a new secret to enter into an authenticator app. */
export function totpSetup(): Promise<{ secret: string; otpauthUrl: string }> {
  return api.post('/auth/totp/setup');
}

/** POST /auth/totp/enable with a code from the authenticator. */
export async function totpEnable(code: string): Promise<void> {
  await api.post('/auth/totp/enable', { code });
}
