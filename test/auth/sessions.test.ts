/**
 * Sessions: hashed tokens, idle and absolute expiry, logout, CSRF on every state-changing request,
 * the language preference, and the page guard that sends people to sign-in.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ensurePersonaRows, signInAs } from '../support/session.ts';

const T0 = new Date('2026-10-05T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '10' });
    await ensurePersonaRows(t);
  });
  afterAll(async () => t?.close());

  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });

  it('GET /api/me names the actor, the CSRF token and the language, and is not cached', async () => {
    t.setNow(null);
    const s = await signInAs(t, 'demo-zorgaanbieder');
    const res = await me({ cookie: s.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      actor: { kind: 'professional', displayName: 'Ingrid Nijhuis', roles: ['chain_partner'], organisationName: 'Zorggroep Esrand' },
      csrfToken: s.csrfToken,
      language: 'nl',
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('the database keeps only the SHA-256 of the session token', async () => {
    const s = await signInAs(t, 'demo-wijkcoach');
    const rows = await t.ownerSql(`select * from session where token_hash = $1`, [createHash('sha256').update(s.token).digest()]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(s.token);
  });

  it('without a session cookie the API answers 401 AUTH.REQUIRED', async () => {
    const res = await me({});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH.REQUIRED');
  });

  it('a session idle for longer than SESSION_IDLE_MINUTES has expired: 401 AUTH.SESSION_EXPIRED and the cookie is cleared', async () => {
    t.setNow(T0);
    const s = await signInAs(t, 'demo-wijkcoach', { now: T0 });
    t.setNow(minutes(31));
    const res = await me({ cookie: s.cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH.SESSION_EXPIRED');
    expect(res.headers['set-cookie']).toMatch(/^zv_session=;/);
    t.setNow(minutes(32));
    expect((await me({ cookie: s.cookie })).json().error.code).toBe('AUTH.SESSION_EXPIRED');
  });

  it('using the session moves the idle expiry forward', async () => {
    t.setNow(T0);
    const s = await signInAs(t, 'demo-wijkcoach', { now: T0 });
    for (const m of [20, 40, 60, 80]) {
      t.setNow(minutes(m));
      expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    }
  });

  it('a session in use still ends at SESSION_ABSOLUTE_HOURS', async () => {
    t.setNow(T0);
    const s = await signInAs(t, 'demo-consulent', { now: T0 });
    let m = 0;
    for (; m < 10 * 60; m += 25) {
      t.setNow(minutes(m));
      expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    }
    t.setNow(minutes(10 * 60));
    expect((await me({ cookie: s.cookie })).json().error.code).toBe('AUTH.SESSION_EXPIRED');
  });

  it('a professional deactivated during a session loses it at the next request', async () => {
    t.setNow(null);
    const s = await signInAs(t, 'demo-vorige-consulent');
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    await t.ownerSql(`update professional set active = false where oidc_subject = 'demo-vorige-consulent'`);
    try {
      expect((await me({ cookie: s.cookie })).json().error.code).toBe('AUTH.SESSION_EXPIRED');
    } finally {
      await t.ownerSql(`update professional set active = true where oidc_subject = 'demo-vorige-consulent'`);
    }
  });

  it('logout deletes the session', async () => {
    t.setNow(null);
    const s = await signInAs(t, 'demo-inwoner');
    const out = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: s.headers });
    // No IdP configured for this app: straight back to the start page.
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ next: '/?uitgelogd=1' });
    expect(out.headers['set-cookie']).toMatch(/^zv_session=;/);
    const rows = await t.ownerSql(`select 1 from session where token_hash = $1`, [createHash('sha256').update(s.token).digest()]);
    expect(rows).toHaveLength(0);
    expect((await me({ cookie: s.cookie })).statusCode).toBe(401);
  });

  it('a state-changing request with a session cookie but no CSRF token is refused with 403 AUTH.CSRF', async () => {
    t.setNow(null);
    const s = await signInAs(t, 'demo-wijkcoach');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/auth/logout', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH.CSRF');
    }
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
  });

  it("another session's CSRF token does not fit", async () => {
    const a = await signInAs(t, 'demo-wijkcoach');
    const b = await signInAs(t, 'demo-consulent');
    const res = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: { cookie: a.cookie, 'x-csrf-token': b.csrfToken }, payload: { language: 'en' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.CSRF');
  });

  it('a state-changing request from another origin is refused even with the right token', async () => {
    const s = await signInAs(t, 'demo-wijkcoach');
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { ...s.headers, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.CSRF');
  });

  it('the language preference is kept in the session and in a readable cookie', async () => {
    const s = await signInAs(t, 'demo-inwoner');
    const put = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: s.headers, payload: { language: 'en' } });
    expect(put.statusCode).toBe(204);
    expect(put.headers['set-cookie']).toMatch(/^zv_lang=en;.*SameSite=Lax/);
    expect(put.headers['set-cookie']).not.toMatch(/HttpOnly/);
    expect((await me({ cookie: s.cookie })).json().language).toBe('en');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: s.headers, payload: { language: 'de' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('page guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePersonaRows(t);
  });
  afterAll(async () => t?.close());

  it('a workspace page without a session goes to staff sign-in and back to the page afterwards', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/werkplek/huishoudens/abc' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/auth/staff/login?terug=%2Fwerkplek%2Fhuishoudens%2Fabc');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a portal page without a session goes to DigiD sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/mijn' });
    expect(res.headers.location).toBe('/auth/resident/login?terug=%2Fmijn');
  });

  it('a page request with an expired session goes to the start page with a notice', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/werkplek', headers: { cookie: 'zv_session=no-such-session' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/?sessie=verlopen');
  });

  it('a resident who opens the workspace is sent to the portal, and a professional the other way', async () => {
    const resident = await signInAs(t, 'demo-inwoner');
    expect((await t.app.inject({ method: 'GET', url: '/werkplek', headers: { cookie: resident.cookie } })).headers.location).toBe('/mijn');
    const pro = await signInAs(t, 'demo-wijkcoach');
    expect((await t.app.inject({ method: 'GET', url: '/mijn', headers: { cookie: pro.cookie } })).headers.location).toBe('/werkplek');
  });

  it('the rights page of the portal is open without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/mijn/rechten' });
    expect(res.statusCode).not.toBe(302);
  });

  it('a resident cannot call the workspace API: 403 AUTH.ROLE_REQUIRED', async () => {
    const resident = await signInAs(t, 'demo-inwoner');
    const res = await t.app.inject({ method: 'GET', url: '/api/werkplek/households', headers: { cookie: resident.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.ROLE_REQUIRED');
  });
});
