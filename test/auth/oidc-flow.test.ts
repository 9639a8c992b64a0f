/**
 * The authorization code flow with PKCE against the development IdP, over plain HTTP with a cookie
 * jar: what a browser does, hop by hop (research/stack.md §4.6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/core/demo/personas.ts';
import { Browser, signInViaIdp, startStack, type Stack } from './stack.ts';

async function sessionCount(s: Stack): Promise<number> {
  const rows = await s.ownerSql('select count(*)::int as n from session');
  return Number(rows[0]!['n']);
}

describe('sign-in with the development IdP (authorization code + PKCE)', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => s?.close());

  it('the login route redirects to the IdP with PKCE S256, state, nonce and the callback as redirect_uri', async () => {
    const b = new Browser();
    const res = await b.request(`${s.url}/auth/staff/login`);
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.origin).toBe(new URL(s.idp.issuer).origin);
    expect(loc.searchParams.get('response_type')).toBe('code');
    expect(loc.searchParams.get('code_challenge_method')).toBe('S256');
    expect(loc.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(loc.searchParams.get('state')).toBeTruthy();
    expect(loc.searchParams.get('nonce')).toBeTruthy();
    expect(loc.searchParams.get('redirect_uri')).toBe(`${s.url}/auth/callback/staff`);
  });

  it('the sign-in transaction cookie is HttpOnly, SameSite=Lax, limited to the callback path and ten minutes', async () => {
    const res = await new Browser().request(`${s.url}/auth/resident/login`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zv_signin='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\/auth\/callback/);
    expect(cookie).toMatch(/; Max-Age=600/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('the wijkcoach signs in and lands on /werkplek with a session', async () => {
    const b = new Browser();
    const { landing } = await signInViaIdp(b, s, 'staff', 'demo-wijkcoach');
    expect(new URL(landing).pathname).toBe('/werkplek');
    const me = await b.request(`${s.url}/api/me`);
    expect(me.status).toBe(200);
    const body = (await me.json()) as { actor: unknown; csrfToken: string; language: string };
    expect(body.actor).toEqual({ kind: 'professional', displayName: 'Sanne de Vries', roles: ['professional'], organisationName: 'Sociaal Wijkteam Centrum' });
    expect(body.language).toBe('nl');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('the session cookie is HttpOnly, SameSite=Lax, path / and not Secure over plain http', async () => {
    const b = new Browser();
    let setCookie: string[] = [];
    const { res } = await signInViaIdp(b, s, 'staff', 'demo-consulent', {
      mutateCallback: async (cb) => {
        // Look at the callback's own response before following it.
        const r = await b.request(cb.href);
        setCookie = r.headers.getSetCookie();
        cb.searchParams.set('already', 'used');
      },
    });
    expect(res.status).toBeLessThan(500);
    const session = setCookie.find((c) => c.startsWith('zv_session='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\/(;|$)/);
    expect(session).not.toMatch(/; Secure/);
    expect(session).not.toMatch(/Max-Age|Expires/);
  });

  it('the resident signs in with DigiD (the broker delivers the BSN) and lands on /mijn', async () => {
    const b = new Browser();
    const { landing } = await signInViaIdp(b, s, 'resident', 'demo-inwoner');
    expect(new URL(landing).pathname).toBe('/mijn');
    const me = await (await b.request(`${s.url}/api/me`)).json();
    expect(me.actor).toEqual({ kind: 'resident', displayName: 'Linda ter Horst-Kamphuis', roles: [] });
  });

  it.each(PERSONAS.filter((p) => p.kind === 'staff').map((p) => [p.key, p.landingPage, p.roles] as const))(
    '%s signs in and lands on %s',
    async (key, landingPage, personaRoles) => {
      const b = new Browser();
      const { landing } = await signInViaIdp(b, s, 'staff', key);
      expect(new URL(landing).pathname).toBe(landingPage);
      const me = (await (await b.request(`${s.url}/api/me`)).json()) as { actor: { roles: string[] } };
      // Special roles (privacy officer, …) are granted by the IdP and registered in the database.
      for (const r of personaRoles) expect(me.actor.roles).toContain(r);
      expect(me.actor.roles.length).toBeGreaterThan(0);
    },
  );

  it('returns to the page asked for, but only inside its own app', async () => {
    const ok = await signInViaIdp(new Browser(), s, 'staff', 'demo-wijkcoach', { terug: '/werkplek/zoeken' });
    expect(new URL(ok.landing).pathname).toBe('/werkplek/zoeken');
    // Staff may also return to the console (its page guard sends them through sign-in with ?terug=/toezicht).
    const toConsole = await signInViaIdp(new Browser(), s, 'staff', 'demo-privacy-officer', { terug: '/toezicht/logboek' });
    expect(new URL(toConsole.landing).pathname).toBe('/toezicht/logboek');
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/mijn', '/api/me', '/werkplek/../api/me', '/toezichtx', '/toezicht//evil.example']) {
      const r = await signInViaIdp(new Browser(), s, 'staff', 'demo-wijkcoach', { terug: evil });
      expect(new URL(r.landing).pathname).toBe('/werkplek');
    }
  });

  it('a callback whose state does not match is refused and creates no session', async () => {
    const before = await sessionCount(s);
    const b = new Browser();
    const { landing } = await signInViaIdp(b, s, 'staff', 'demo-wijkcoach', { mutateCallback: (cb) => void cb.searchParams.set('state', 'forged-state') });
    expect(landing).toBe(`${s.url}/?fout=AUTH.SIGNIN_FAILED`);
    expect(b.cookie('127.0.0.1', 'zv_session')).toBeUndefined();
    expect(await sessionCount(s)).toBe(before);
  });

  it('a code exchanged with the wrong PKCE verifier is refused', async () => {
    const b = new Browser();
    const { landing } = await signInViaIdp(b, s, 'staff', 'demo-wijkcoach', {
      mutateCallback: async () => {
        await s.ownerSql(`update signin_transaction set code_verifier = $1`, ['x'.repeat(43)]);
      },
    });
    expect(landing).toBe(`${s.url}/?fout=AUTH.SIGNIN_FAILED`);
    expect(b.cookie('127.0.0.1', 'zv_session')).toBeUndefined();
  });

  it('a callback in a browser that did not start the sign-in is refused (no transaction cookie)', async () => {
    const { landing } = await signInViaIdp(new Browser(), s, 'staff', 'demo-wijkcoach', {
      mutateCallback: async (cb) => {
        const other = new Browser();
        const r = await other.request(cb.href);
        expect(r.status).toBe(303);
        expect(r.headers.get('location')).toBe('/?fout=AUTH.SIGNIN_FAILED');
        expect(r.headers.getSetCookie().some((c) => c.startsWith('zv_session=') && !c.startsWith('zv_session=;'))).toBe(false);
      },
    });
    expect(new URL(landing).pathname).toBe('/werkplek');
  });

  it('a callback cannot be replayed: the transaction is single-use', async () => {
    const b = new Browser();
    let callback = '';
    await signInViaIdp(b, s, 'staff', 'demo-wijkcoach', { mutateCallback: (cb) => void (callback = cb.href) });
    const again = await b.request(callback);
    expect(again.headers.get('location')).toBe('/?fout=AUTH.SIGNIN_FAILED');
  });

  it('an identity the IdP knows but Zorgvuldig does not is refused with AUTH.UNKNOWN_ACCOUNT and nothing is created', async () => {
    await s.ownerSql(`update professional set oidc_subject = null where oidc_subject = 'demo-beheerder'`);
    const before = await s.ownerSql('select (select count(*) from session)::int as s, (select count(*) from professional)::int as p');
    try {
      const b = new Browser();
      const { landing } = await signInViaIdp(b, s, 'staff', 'demo-beheerder');
      expect(landing).toBe(`${s.url}/?fout=AUTH.UNKNOWN_ACCOUNT`);
      expect(b.cookie('127.0.0.1', 'zv_session')).toBeUndefined();
      const after = await s.ownerSql('select (select count(*) from session)::int as s, (select count(*) from professional)::int as p');
      expect(after).toEqual(before);
    } finally {
      await s.ownerSql(`update professional set oidc_subject = 'demo-beheerder' where display_name = 'Joost Brinkhuis'`);
    }
  });

  it('a deactivated professional cannot sign in', async () => {
    await s.ownerSql(`update professional set active = false where oidc_subject = 'demo-collega'`);
    try {
      const { landing } = await signInViaIdp(new Browser(), s, 'staff', 'demo-collega');
      expect(landing).toBe(`${s.url}/?fout=AUTH.UNKNOWN_ACCOUNT`);
    } finally {
      await s.ownerSql(`update professional set active = true where oidc_subject = 'demo-collega'`);
    }
  });

  it('signing in again in the same browser ends the previous session', async () => {
    const b = new Browser();
    await signInViaIdp(b, s, 'staff', 'demo-wijkcoach');
    const first = b.cookie('127.0.0.1', 'zv_session')!;
    await signInViaIdp(b, s, 'staff', 'demo-consulent');
    const second = b.cookie('127.0.0.1', 'zv_session')!;
    expect(second).not.toBe(first);
    const old = await fetch(`${s.url}/api/me`, { headers: { cookie: `zv_session=${first}` } });
    expect(old.status).toBe(401);
  });

  it.each([
    ['resident', 'demo-inwoner', 'zorgvuldig-mijn'],
    ['staff', 'demo-wijkcoach', 'zorgvuldig-werkplek'],
  ] as const)("signing out (%s) ends the IdP's session too (RP-initiated logout) and comes back to the start page", async (kind, persona, clientId) => {
    const b = new Browser();
    await signInViaIdp(b, s, kind, persona);
    const me = (await (await b.request(`${s.url}/api/me`)).json()) as { csrfToken: string };
    const out = await b.request(`${s.url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    expect(out.status).toBe(200);
    expect((await b.request(`${s.url}/api/me`)).status).toBe(401);
    // The app's session is gone; the browser goes to the IdP's end-session endpoint, as this client,
    // with the registered way back — and without the ID token, which the app does not keep.
    const next = new URL(((await out.json()) as { next: string }).next);
    expect(next.origin).toBe(new URL(s.idp.issuer).origin);
    expect(next.searchParams.get('client_id')).toBe(clientId);
    expect(next.searchParams.get('post_logout_redirect_uri')).toBe(`${s.url}/auth/logged-out`);
    expect(next.searchParams.has('id_token_hint')).toBe(false);
    const confirm = await b.follow(next.href);
    expect(confirm.res.status).toBe(200);
    const html = await confirm.res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Ook uitloggen bij de inlogdienst?');
    const action = /<form[^>]*id="op\.logoutForm"[^>]*action="([^"]+)"|<form[^>]*action="([^"]+)"[^>]*id="op\.logoutForm"/.exec(html);
    const fields = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(m[1]!, m[2]!);
    fields.set('logout', 'yes');
    const back = await b.follow(new URL(action![1] ?? action![2]!, confirm.url).href, { method: 'POST', body: fields.toString() });
    expect(back.url).toBe(`${s.url}/?uitgelogd=1`);
    expect(back.hops).toContain(`${s.url}/auth/logged-out`);
    expect(back.res.status).toBe(200);
  });

  it('signing out without a session still answers where to go: the start page', async () => {
    const out = await new Browser().request(`${s.url}/auth/logout`, { method: 'POST' });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ next: '/?uitgelogd=1' });
  });

  it('the IdP page lists the staff personas for staff and only the resident for DigiD', async () => {
    const staffPage = await (await new Browser().follow(`${s.url}/auth/staff/login`)).res.text();
    expect(staffPage).toContain('data-persona="demo-wijkcoach"');
    expect(staffPage).not.toContain('data-persona="demo-inwoner"');
    expect(staffPage).toContain('<html lang="nl">');
    const residentPage = await (await new Browser().follow(`${s.url}/auth/resident/login`)).res.text();
    expect(residentPage).toContain('data-persona="demo-inwoner"');
    expect(residentPage).not.toContain('data-persona="demo-wijkcoach"');
  });
});

describe('multi-factor requirement on the staff IdP (BIO2 5.17.01)', () => {
  let strict: Stack;
  let satisfied: Stack;
  beforeAll(async () => {
    strict = await startStack({ STAFF_OIDC_REQUIRED_AMR: 'hwk' });
    satisfied = await startStack({ STAFF_OIDC_REQUIRED_AMR: 'mfa', STAFF_OIDC_REQUIRED_ACR: 'urn:zorgvuldig:dev:loa:substantial' });
  });
  afterAll(async () => {
    await strict?.close();
    await satisfied?.close();
  });

  it('a staff sign-in without the required authentication method is refused with AUTH.MFA_REQUIRED', async () => {
    const b = new Browser();
    const { landing } = await signInViaIdp(b, strict, 'staff', 'demo-wijkcoach');
    expect(landing).toBe(`${strict.url}/?fout=AUTH.MFA_REQUIRED`);
    expect(b.cookie('127.0.0.1', 'zv_session')).toBeUndefined();
  });

  it('a staff sign-in with the required amr and acr succeeds, and acr_values is asked for', async () => {
    const first = await new Browser().request(`${satisfied.url}/auth/staff/login`);
    expect(new URL(first.headers.get('location')!).searchParams.get('acr_values')).toBe('urn:zorgvuldig:dev:loa:substantial');
    const { landing } = await signInViaIdp(new Browser(), satisfied, 'staff', 'demo-wijkcoach');
    expect(new URL(landing).pathname).toBe('/werkplek');
  });
});

describe('sign-in behind https (PUBLIC_URL https, as behind a TLS proxy)', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({}, { https: true });
  });
  afterAll(async () => s?.close());

  it('the session cookie carries the __Host- prefix and Secure; the transaction cookie __Secure- and Secure', async () => {
    const b = new Browser({ [s.url]: s.listenUrl });
    const login = await b.request(`${s.url}/auth/staff/login`);
    const tx = login.headers.getSetCookie().find((c) => c.startsWith('__Secure-zv_signin='))!;
    expect(tx).toMatch(/; Secure/);
    let setCookie: string[] = [];
    await signInViaIdp(b, s, 'staff', 'demo-wijkcoach', {
      mutateCallback: async (cb) => {
        setCookie = (await b.request(cb.href)).headers.getSetCookie();
      },
    });
    const session = setCookie.find((c) => c.startsWith('__Host-zv_session='))!;
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; Path=\/(;|$)/);
    expect(session).not.toMatch(/Domain=/);
  });
});
