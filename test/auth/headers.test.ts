/** Security headers and the sign-in rate limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ensurePersonaRows, signInAs } from '../support/session.ts';

function csp(header: unknown): Record<string, string> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]),
  );
}

describe('security headers over http', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureWebBuild({ quiet: true });
    t = await createTestApp({ STAFF_OIDC_ISSUER: 'https://login.oosterveld.example', STAFF_OIDC_CLIENT_ID: 'zorgvuldig' });
    await ensurePersonaRows(t);
  });
  afterAll(async () => t?.close());

  it('the CSP allows only own scripts and styles, no inline code, and no framing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['default-src']).toBe("'self'");
    expect(policy['script-src']).toBe("'self'");
    expect(policy['style-src']).toBe("'self'");
    expect(policy['img-src']).toBe("'self' data:");
    expect(policy['font-src']).toBe("'self'");
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['form-action']).toBe("'self' https://login.oosterveld.example");
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
  });

  it('API responses, errors included, carry the same headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('no HSTS over plain http', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('every API response and every page is no-store; hashed assets are immutable', async () => {
    const s = await signInAs(t, 'demo-wijkcoach');
    for (const url of ['/api/me', '/werkplek', '/', '/mijn/rechten']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const html = (await t.app.inject({ method: 'GET', url: '/' })).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await t.app.inject({ method: 'GET', url: asset });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the pages load no inline script or style (the CSP would block them)', async () => {
    for (const url of ['/', '/mijn/rechten']) {
      const html = (await t.app.inject({ method: 'GET', url })).body;
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle="/);
    }
  });
});

describe('security headers under https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://zorgvuldig.oosterveld.example' });
    await ensurePersonaRows(t);
  });
  afterAll(async () => t?.close());

  it('HSTS is sent for a year including subdomains', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('the session cookie is called __Host-zv_session and sessions work under it', async () => {
    const s = await signInAs(t, 'demo-wijkcoach');
    expect(s.cookie.startsWith('__Host-zv_session=')).toBe(true);
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: s.headers });
    expect(out.headers['set-cookie']).toMatch(/^__Host-zv_session=;.*Secure/);
  });
});

describe('rate limit on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SIGNIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => t?.close());

  it('more sign-in attempts per minute than SIGNIN_RATE_LIMIT_PER_MINUTE get 429 REQUEST.RATE_LIMITED', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await t.app.inject({ method: 'GET', url: '/auth/staff/login' });
      expect(ok.statusCode).not.toBe(429);
    }
    const res = await t.app.inject({ method: 'GET', url: '/auth/staff/login' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('REQUEST.RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the callback is rate limited too', async () => {
    let last = 0;
    for (let i = 0; i < 4; i++) last = (await t.app.inject({ method: 'GET', url: '/auth/callback/staff?code=x&state=y' })).statusCode;
    expect(last).toBe(429);
  });

  it('other routes are not limited by it', async () => {
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});
