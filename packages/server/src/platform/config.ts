import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ANSWER_FRESH_MS } from './answer-cache';

/** Runtime configuration, read from the environment once at start. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Demo mode: demo accounts with a known password, TOTP offered but not forced. */
  demo: boolean;
  sessionIdleMinutes: number;
  /** How long (ms) a checked session is believed without asking the database again (0: ask every time). */
  sessionCheckCacheMs: number;
  sessionAbsoluteHours: number;
  /**
   * How long (ms) a worklist's answer is shared between the users who would get the same rows (0: read every
   * time); writes through this process drop it at once.
   */
  worklistCacheMs: number;
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  loginRateLimitPerMinute: number;
  /** Days between forced password changes; 0 = never. */
  passwordRotationDays: number;
  auditRetentionMonths: number;
  /** Directory of growth reference tables outside the repository (WHO 2007 etc.). */
  growthRefDir?: string;
  webDistDir: string;
  /** Require a secure cookie (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
}

/** Repository root (two levels above packages/server/src). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function num(v: string | undefined, d: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : d;
}

/** Loads configuration from `env` with sensible defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const sharedGrowth = resolve(REPO_ROOT, '../shared/domain/who-growth');
  return {
    port: num(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.FUYOU_DATA_DIR ?? resolve(REPO_ROOT, 'data')),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    demo: env.FUYOU_DEMO === '1' || env.FUYOU_DEMO === 'true',
    sessionIdleMinutes: num(env.FUYOU_SESSION_IDLE_MINUTES, 30),
    sessionCheckCacheMs: num(env.FUYOU_SESSION_CHECK_CACHE_MS, 2000),
    sessionAbsoluteHours: num(env.FUYOU_SESSION_ABSOLUTE_HOURS, 12),
    worklistCacheMs: num(env.FUYOU_WORKLIST_CACHE_MS, DEFAULT_ANSWER_FRESH_MS),
    lockout: {
      maxFailures: num(env.FUYOU_LOCKOUT_FAILURES, 5),
      windowMinutes: num(env.FUYOU_LOCKOUT_WINDOW_MINUTES, 15),
      lockMinutes: num(env.FUYOU_LOCKOUT_MINUTES, 15),
    },
    loginRateLimitPerMinute: num(env.FUYOU_LOGIN_RATE_LIMIT, 30),
    passwordRotationDays: num(env.FUYOU_PASSWORD_ROTATION_DAYS, 0),
    auditRetentionMonths: Math.max(6, num(env.FUYOU_AUDIT_RETENTION_MONTHS, 6)),
    ...(env.FUYOU_GROWTH_REF_DIR
      ? { growthRefDir: resolve(env.FUYOU_GROWTH_REF_DIR) }
      : existsSync(sharedGrowth)
        ? { growthRefDir: sharedGrowth }
        : {}),
    webDistDir: resolve(env.FUYOU_WEB_DIST ?? resolve(REPO_ROOT, 'packages/web/dist')),
    secureCookies: env.FUYOU_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    ...overrides,
  };
}
