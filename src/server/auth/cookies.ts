/**
 * Cookie names and flags (docs/sign-in.md "Cookies"). Under https the session cookie carries the
 * __Host- prefix: the browser then insists on Secure, path=/ and no Domain, so no sibling subdomain
 * can plant or read it.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../../config/config.ts';

export function publicUrl(config: Config): string {
  if (config.http.publicUrl) return config.http.publicUrl.replace(/\/+$/, '');
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
  return `http://${host}:${config.http.port}`;
}

export function isHttps(config: Config): boolean {
  return publicUrl(config).startsWith('https:');
}

export interface CookieNames {
  session: string;
  signin: string;
  language: string;
}

export function cookieNames(config: Config): CookieNames {
  const secure = isHttps(config);
  return {
    session: secure ? '__Host-zv_session' : 'zv_session',
    signin: secure ? '__Secure-zv_signin' : 'zv_signin',
    language: 'zv_lang',
  };
}

export function sessionCookieOptions(config: Config): CookieSerializeOptions {
  // No maxAge: a browser session cookie; the server enforces idle and absolute expiry.
  return { httpOnly: true, sameSite: 'lax', secure: isHttps(config), path: '/' };
}

/** The sign-in transaction cookie is sent only to the callback, and only for ten minutes. */
export function signinCookieOptions(config: Config): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure: isHttps(config), path: '/auth/callback', maxAge: 600 };
}

/** The language preference is not a secret: the start page reads it before anybody signs in. */
export function languageCookieOptions(config: Config): CookieSerializeOptions {
  return { httpOnly: false, sameSite: 'lax', secure: isHttps(config), path: '/', maxAge: 365 * 24 * 3600 };
}
