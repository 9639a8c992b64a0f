/**
 * The whole sign-in stack for HTTP and browser tests: a fresh test database with the demo personas,
 * the development IdP on a random port, and the app listening on another random port with the dev
 * IdP as its staff IdP and residents' broker. Also a small cookie-jar HTTP client that follows the
 * OIDC redirects like a browser (research/stack.md §4.6).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config/config.ts';
import { startDevIdp, withDevIdp, type DevIdp } from '../../src/dev-idp/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { seedMunicipality } from '../../src/data/index.ts';
import { ensurePersonaRows } from '../support/session.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

export interface Stack extends TestStore {
  app: FastifyInstance;
  idp: DevIdp;
  /** The app's public base URL (PUBLIC_URL), e.g. http://127.0.0.1:41234 */
  url: string;
  /** Where the app really listens (differs from url when PUBLIC_URL is https, as behind a TLS proxy). */
  listenUrl: string;
  config: Config;
  setNow(d: Date | null): void;
  close(): Promise<void>;
}

import { freePort } from '../support/net.ts';

export { freePort };

export interface StackOptions {
  /** Insert the personas' rows (default true). */
  personas?: boolean;
  /** Load the demo municipality with the seed (personas, the demo household, a few residents). */
  seed?: boolean;
  /** PUBLIC_URL is https (the app itself listens on plain http, as behind a TLS proxy). */
  https?: boolean;
}

export async function startStack(env: Record<string, string> = {}, opts: StackOptions = {}): Promise<Stack> {
  const port = await freePort();
  const listenUrl = `http://127.0.0.1:${port}`;
  const url = opts.https ? `https://127.0.0.1:${port}` : listenUrl;
  // Many sign-ins per minute from one address: the rate limit has its own test (headers.test.ts).
  const ts = await createTestStore({ PUBLIC_URL: url, HOST: '127.0.0.1', PORT: String(port), SIGNIN_RATE_LIMIT_PER_MINUTE: '10000', ...env });
  if (opts.seed) {
    try {
      await seedMunicipality(ts.store, { residents: 20, seed: 2015 });
    } catch (err) {
      // The pages still render (empty caseload, "not found" views); sign-in needs only the personas.
      console.warn(`startStack: the demo seed failed (${(err as Error).message}); using the persona fixture`);
      await ensurePersonaRows(ts);
    }
  } else if (opts.personas !== false) await ensurePersonaRows(ts);
  const idp = await startDevIdp({ env: ts.config.env, host: '127.0.0.1', port: 0, appUrl: url });
  const config = withDevIdp(ts.config, idp);
  let fixed: Date | null = null;
  const app = await buildApp({ config, store: ts.store, now: () => fixed ?? new Date() });
  await app.listen({ host: '127.0.0.1', port });
  return {
    ...ts,
    config,
    app,
    idp,
    url,
    listenUrl,
    setNow: (d) => {
      fixed = d;
    },
    async close() {
      await app.close();
      await idp.close();
      await ts.close();
    },
  };
}

interface StoredCookie {
  value: string;
  path: string;
}

/**
 * A browser-like HTTP client: one cookie jar per host (browsers do not separate cookies by port),
 * honouring Path and Max-Age=0, following redirects by hand so tests can look at each hop.
 */
export class Browser {
  readonly jar = new Map<string, Map<string, StoredCookie>>();

  /** Origins to reach at another address (a public https URL served by a plain-http test server). */
  constructor(private readonly rewrites: Record<string, string> = {}) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name)?.value;
  }

  private cookieHeader(url: URL): string {
    const cookies = this.jar.get(url.hostname);
    if (!cookies) return '';
    return [...cookies.entries()]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map(([n, c]) => `${n}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = '/';
      let remove = value === '';
      for (const a of attrs) {
        const [k, v] = a.split('=');
        if (k!.toLowerCase() === 'path' && v) path = v;
        if (k!.toLowerCase() === 'max-age' && Number(v) <= 0) remove = true;
        if (k!.toLowerCase() === 'expires' && v && new Date(v).getTime() < Date.now()) remove = true;
      }
      const cookies = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
      this.jar.set(url.hostname, cookies);
      if (remove) cookies.delete(name);
      else cookies.set(name, { value, path });
    }
  }

  /** One request, no redirect following. */
  async request(href: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(href);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers['cookie'] = cookie;
    if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
    const target = this.rewrites[url.origin] ? new URL(url.pathname + url.search, this.rewrites[url.origin]) : url;
    const res = await fetch(target, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    this.store(url, res);
    return res;
  }

  /** Follow redirects (GET after 302/303) until a non-redirect; returns the hops and the last response. */
  async follow(href: string, init: { method?: string; body?: string } = {}): Promise<{ res: Response; url: string; hops: string[] }> {
    let current = href;
    let res = await this.request(current, init);
    const hops = [current];
    for (let i = 0; i < 15 && res.status >= 300 && res.status < 400; i++) {
      current = new URL(res.headers.get('location')!, current).href;
      hops.push(current);
      res = await this.request(current);
    }
    return { res, url: current, hops };
  }
}

/** Sign in through the dev IdP's persona page; returns the final landing URL. */
export async function signInViaIdp(
  browser: Browser,
  stack: Stack,
  kind: 'staff' | 'resident',
  personaKey: string,
  opts: { mutateCallback?: (callbackUrl: URL) => void | Promise<void>; terug?: string } = {},
): Promise<{ landing: string; res: Response }> {
  const start = `${stack.url}/auth/${kind}/login${opts.terug ? `?terug=${encodeURIComponent(opts.terug)}` : ''}`;
  const toIdp = await browser.follow(start);
  if (toIdp.res.status !== 200) throw new Error(`persona page answered ${toIdp.res.status} at ${toIdp.url}`);
  const html = await toIdp.res.text();
  const action = /action="(\/interaction\/[^"]+\/login)"/.exec(html)?.[1];
  if (!action) throw new Error('no persona form on the IdP page');
  // Post the persona choice; follow the IdP's own redirects up to the app's callback.
  let res = await browser.request(new URL(action, toIdp.url).href, { method: 'POST', body: new URLSearchParams({ persona: personaKey }).toString() });
  let current = new URL(action, toIdp.url).href;
  for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
    const next = new URL(res.headers.get('location')!, current);
    if (next.origin === stack.url && next.pathname.startsWith('/auth/callback/')) {
      await opts.mutateCallback?.(next);
      const final = await browser.follow(next.href);
      return { landing: final.url, res: final.res };
    }
    current = next.href;
    res = await browser.request(current);
  }
  throw new Error(`the IdP did not redirect to the callback (status ${res.status})`);
}
