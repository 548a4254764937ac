/**
 * The one way the SPA talks to the API: JSON over fetch with the session cookie, errors as {@link ApiError}.
 * A 401 from any endpoint but the login itself tells the app to go back to the login page; a 403 saying the
 * session must first change its password or set up TOTP tells the app to re-read the user (the guard redirects).
 */
import { isSessionRestricted, isUnauthenticated, networkError, parseErrorBody } from './api-error';

export { ApiError } from './api-error';
export type { FieldProblem } from './api-error';

/** Values accepted in a query string; empty and undefined values are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: QueryParams | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** Callbacks the app shell installs (see `app/app-root.tsx`). */
export interface ApiEvents {
  /** The session is gone (401): show the login page. */
  onUnauthenticated(): void;
  /** The session must change its password or set up TOTP first. */
  onSessionRestricted(): void;
}

let events: ApiEvents = { onUnauthenticated: () => undefined, onSessionRestricted: () => undefined };

/** Installs the app's reactions to 401 and to restricted sessions. */
export function setApiEvents(e: ApiEvents): void {
  events = e;
}

const API_PREFIX = '/api/v1';

/** Builds `/api/v1/<path>?<query>` leaving out empty parameters. */
export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_PREFIX}${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
}

let currentLanguage = 'zh-CN';

/** Sets the Accept-Language the client sends (the server's `message` follows it). */
export function setApiLanguage(lang: string): void {
  currentLanguage = lang;
}

/** Sends one request; resolves with the parsed JSON body or rejects with an {@link ApiError}. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage };
  const init: RequestInit = { method, headers, credentials: 'include', signal: opts.signal ?? null };
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!res.ok) {
    const err = parseErrorBody(res.status, body);
    if (isUnauthenticated(err) && !path.startsWith('/auth/login') && !path.startsWith('/auth/me')) {
      events.onUnauthenticated();
    } else if (isSessionRestricted(err)) {
      events.onSessionRestricted();
    }
    throw err;
  }
  return body as T;
}

/** Shorthands for the four verbs the API uses. */
export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** A client-generated UUID v4 (idempotent creates); works outside secure contexts too. */
export function newUuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
