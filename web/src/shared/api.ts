/**
 * The one way the web app talks to the server. Same-origin cookies carry the
 * session; every state-changing request carries a CSRF token fetched once and
 * refreshed when the server says it no longer matches. Errors arrive as
 * `{ error: { code, message } }` with the message already in Bahasa Indonesia,
 * and are rethrown as ApiError so pages can show that message as is.
 */
import { t } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What the app shell does when the server says the session is gone or a password change is due. */
export interface SessionHooks {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
}

let hooks: SessionHooks = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

export function setSessionHooks(next: SessionHooks) {
  hooks = next;
}

let csrfToken: Promise<string> | null = null;

function getCsrf(refresh = false): Promise<string> {
  if (!csrfToken || refresh) {
    csrfToken = fetch('/api/v1/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw await toError(res);
        return ((await res.json()) as { token: string }).token;
      })
      .catch((err: unknown) => {
        csrfToken = null;
        throw err;
      });
  }
  return csrfToken;
}

/** Forget the CSRF token (the session it was bound to changed). */
export function resetCsrf() {
  csrfToken = null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  query?: Record<string, string | number | null | undefined>;
  signal?: AbortSignal;
  /** Login and the session probe handle 401 themselves instead of redirecting. */
  quietAuth?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const url = withQuery(path, opts.query);
  const send = async (refreshCsrf: boolean): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) {
      body = opts.body;
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (UNSAFE.has(method)) headers['x-csrf-token'] = await getCsrf(refreshCsrf);
    return fetch(url, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  };

  let res: Response;
  try {
    res = await send(false);
    if (res.status === 403 && UNSAFE.has(method)) {
      const err = await toError(res.clone());
      if (err.code === 'CSRF') res = await send(true);
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', t.errors.network);
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('application/json') ? await res.json() : await res.text()) as T;
  }

  const err = await toError(res);
  if (res.status === 401 && !opts.quietAuth) {
    resetCsrf();
    hooks.onUnauthenticated();
  } else if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') {
    hooks.onPasswordChangeRequired();
  }
  throw err;
}

async function toError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message: string = t.errors.http(res.status);
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      details = body.error.details;
    }
  } catch {
    // Not JSON (a proxy error page): keep the generic message.
  }
  return new ApiError(res.status, code, message, details);
}

/** The message to show a person for anything a call threw. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return t.errors.unknown;
}

/**
 * Multipart upload with upload progress (fetch cannot report it; a Dukcapil
 * snapshot can be hundreds of megabytes). Same CSRF, error and session rules as api().
 */
export async function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  const attempt = (token: string) =>
    new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('x-csrf-token', token);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
      };
      xhr.onload = () =>
        resolve({ status: xhr.status, body: xhr.responseText, type: xhr.getResponseHeader('content-type') ?? '' });
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', t.errors.network));
      xhr.send(form);
    });

  let res = await attempt(await getCsrf());
  let err = res.status >= 400 ? toErrorFromText(res.status, res.body) : null;
  if (err?.status === 403 && err.code === 'CSRF') {
    res = await attempt(await getCsrf(true));
    err = res.status >= 400 ? toErrorFromText(res.status, res.body) : null;
  }
  if (!err) return (res.type.includes('application/json') ? JSON.parse(res.body) : res.body) as T;
  if (err.status === 401) {
    resetCsrf();
    hooks.onUnauthenticated();
  } else if (err.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') {
    hooks.onPasswordChangeRequired();
  }
  throw err;
}

function toErrorFromText(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error)
      return new ApiError(
        status,
        body.error.code ?? `HTTP_${status}`,
        body.error.message ?? t.errors.http(status),
        body.error.details,
      );
  } catch {
    // Not JSON.
  }
  return new ApiError(status, `HTTP_${status}`, t.errors.http(status));
}
