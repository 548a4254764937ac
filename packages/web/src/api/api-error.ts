/** A problem with one input field, as the server reports it. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `idNumber` or `babies.0.weightG`. */
  field: string;
  messageZh: string;
  messageEn: string;
}

/** Any failure of an API call: the server's error body, or a network failure turned into the same shape. */
export class ApiError extends Error {
  constructor(
    /** Stable code, e.g. `INVALID_CREDENTIALS`, `STALE_VERSION`, `NETWORK`. */
    readonly code: string,
    /** HTTP status (0 when the server could not be reached). */
    readonly status: number,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fields: FieldProblem[] = [],
    /** Any further properties of the error body (e.g. `personId`, `lockedUntil`, `requestId`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'ApiError';
  }

  /** The message in the given language. */
  messageIn(lang: 'zh-CN' | 'en-US'): string {
    return lang === 'en-US' ? this.messageEn : this.messageZh;
  }
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function asFields(v: unknown): FieldProblem[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    .map((f) => ({
      field: asString(f.field) ?? '',
      messageZh: asString(f.messageZh) ?? asString(f.messageEn) ?? '',
      messageEn: asString(f.messageEn) ?? asString(f.messageZh) ?? '',
    }));
}

/**
 * Turns an error response into an {@link ApiError}. Understands the platform's body
 * `{ error: { code, message, messageZh, messageEn, fields, requestId, ...details } }` and falls back to a generic
 * error for anything else (a proxy's HTML page, Fastify's plain errors).
 */
export function parseErrorBody(status: number, body: unknown): ApiError {
  const err =
    typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'object'
      ? ((body as { error: Record<string, unknown> }).error ?? {})
      : undefined;
  if (err && asString(err.code)) {
    const { code, message, messageZh, messageEn, fields, ...details } = err;
    const zh = asString(messageZh) ?? asString(message) ?? asString(messageEn) ?? String(code);
    const en = asString(messageEn) ?? asString(message) ?? zh;
    return new ApiError(String(code), status, zh, en, asFields(fields), details);
  }
  return new ApiError(
    `HTTP_${status}`,
    status,
    `请求失败（HTTP ${status}），请稍后重试`,
    `The request failed (HTTP ${status}); please try again`,
  );
}

/** The error thrown when the server cannot be reached at all. */
export function networkError(): ApiError {
  return new ApiError('NETWORK', 0, '无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network');
}

/** True for errors that mean "log in again". */
export function isUnauthenticated(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401 && e.code === 'UNAUTHENTICATED';
}

/** True for errors that mean "this session must first change its password or set up TOTP". */
export function isSessionRestricted(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'PASSWORD_CHANGE_REQUIRED' || e.code === 'TOTP_SETUP_REQUIRED');
}
