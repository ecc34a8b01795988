import { ApiError } from '../../shared/api';
import { t } from '../../shared/i18n';

let csrf: string | null = null;

async function csrfToken(refresh = false): Promise<string> {
  if (csrf && !refresh) return csrf;
  const res = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw await errorOf(res);
  csrf = ((await res.json()) as { token: string }).token;
  return csrf;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error)
      return new ApiError(
        res.status,
        body.error.code ?? `HTTP_${res.status}`,
        body.error.message ?? t.errors.http(res.status),
      );
  } catch {
    // not JSON
  }
  return new ApiError(res.status, `HTTP_${res.status}`, t.errors.http(res.status));
}

function fileNameOf(res: Response, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ?? fallback;
}

/**
 * Fetches a PDF (GET, or POST with a JSON body and the CSRF token) and hands
 * it to the browser as a download; the server's message is thrown on refusal.
 */
export async function downloadPdf(url: string, body?: unknown, fallbackName = 'kartu.pdf'): Promise<void> {
  const send = async (refresh: boolean) =>
    fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/pdf' }
          : { accept: 'application/pdf', 'content-type': 'application/json', 'x-csrf-token': await csrfToken(refresh) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let res: Response;
  try {
    res = await send(false);
    if (res.status === 403 && body !== undefined) {
      const err = await errorOf(res.clone());
      if (err.code === 'CSRF') res = await send(true);
    }
  } catch {
    throw new ApiError(0, 'NETWORK', t.errors.network);
  }
  if (!res.ok) throw await errorOf(res);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
