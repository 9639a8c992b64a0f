/**
 * Talking to the API from the browser. The session cookie goes along by itself (same origin);
 * state-changing requests carry the CSRF token from GET /api/me in the x-csrf-token header.
 * A 401 means the session is gone: the browser is sent back to sign-in.
 */
import { useEffect, useState } from 'react';

export type Lang = 'nl' | 'en';

export interface Me {
  actor: { kind: 'professional' | 'resident'; displayName: string; roles: string[]; organisationName?: string };
  csrfToken: string;
  language: Lang;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

export function rememberCsrfToken(token: string): void {
  csrfToken = token;
}

let leaving = false;

/**
 * The first 401 decides where the browser goes. The answer to it also clears the session cookie, so a
 * request that starts after it carries no session and gets AUTH.REQUIRED: without this, that later
 * answer could send the browser to the plain start page and the resident or professional would not be
 * told that they were signed out for being idle.
 */
function sessionGone(code: string): void {
  if (leaving) return;
  leaving = true;
  window.location.assign(code === 'AUTH.SESSION_EXPIRED' ? '/?sessie=verlopen' : '/');
}

async function handle(res: Response, redirectOn401: boolean): Promise<unknown> {
  if (res.status === 204) return null;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const code = (body as { error?: { code?: string } } | null)?.error?.code ?? 'INTERNAL';
    if (res.status === 401 && redirectOn401) sessionGone(code);
    throw new ApiError(res.status, code);
  }
  return body;
}

export async function apiGet<T>(path: string, opts: { redirectOn401?: boolean } = {}): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  return (await handle(res, opts.redirectOn401 ?? true)) as T;
}

export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  return (await handle(res, true)) as T;
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'error'; status: number; code: string };

/** Load a GET endpoint; reloads when the path changes. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setResult({ state: 'loading' });
    apiGet<T>(path)
      .then((data) => live && setResult({ state: 'ok', data }))
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError) setResult({ state: 'error', status: err.status, code: err.code });
        else setResult({ state: 'error', status: 0, code: 'NETWORK' });
      });
    return () => {
      live = false;
    };
  }, [path]);
  return result;
}

/**
 * Sign out: the session ends here, then the browser goes where the server says — the IdP's sign-out
 * page (so that the IdP's own session ends too: on a shared computer nobody signs in after you without
 * a password), which sends it back to the start page; or straight to the start page.
 */
export async function signOut(): Promise<void> {
  let next = '/?uitgelogd=1';
  try {
    const answer = await apiSend<{ next?: unknown }>('POST', '/auth/logout');
    if (typeof answer?.next === 'string' && /^(https?:\/\/|\/(?!\/))/.test(answer.next)) next = answer.next;
  } finally {
    window.location.assign(next);
  }
}

export function cookieLanguage(): Lang {
  return /(?:^|;\s*)zv_lang=en(?:;|$)/.test(document.cookie) ? 'en' : 'nl';
}

export function setCookieLanguage(lang: Lang): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `zv_lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
