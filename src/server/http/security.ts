/**
 * Security headers and sign-in rate limiting (issue 4 item 4; docs/sign-in.md "Headers").
 *
 * - Content-Security-Policy without 'unsafe-inline': the web apps are Vite bundles served from 'self';
 *   React sets no inline styles and the pages carry no inline script. Forms may post only to 'self'
 *   and the identity providers. No framing at all (frame-ancestors 'none': clickjacking).
 * - HSTS only when the public URL is https (a header over plain http would be ignored or, behind a
 *   misconfigured proxy, lock users out).
 * - Referrer-Policy no-referrer: URLs carry household and help-request ids; other sites never see them.
 * - Cache-Control: no-store on every API and sign-in response and on every HTML page, so personal data
 *   never lands in a shared or back-button cache; hashed static assets are immutable.
 * - The sign-in routes are rate limited per client address (SIGNIN_RATE_LIMIT_PER_MINUTE) and answer
 *   429 REQUEST.RATE_LIMITED.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import { isHttps } from '../auth/cookies.ts';

export interface SecurityOptions {
  config: Config;
  /** Origins of the identity providers that forms may be sent to (form-action). */
  idpOrigins: string[];
}

export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions): Promise<void> {
  const https = isHttps(opts.config);
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'", ...new Set(opts.idpOrigins)],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    if (url.startsWith('/assets/')) {
      if (reply.statusCode === 200) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (url.startsWith('/api/') || url.startsWith('/auth/') || type.startsWith('text/html') || reply.statusCode >= 300) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('REQUEST.RATE_LIMITED', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
}

/** Route config for the sign-in routes (login and callback). */
export function signInRateLimit(config: Config) {
  return { rateLimit: { max: config.signinRateLimitPerMinute, timeWindow: 60_000 } };
}
