/**
 * The embedded development IdP (oidc-provider): the default for `npm start` when no staff IdP is
 * configured. It plays both the municipality's staff IdP and the residents' DigiD broker, with two
 * clients, and signs in the demo personas without a password (src/dev-idp/page.ts).
 *
 * It REFUSES to start when NODE_ENV=production (or when the app's config says production): a
 * password-less IdP must never reach a production environment (test/auth/dev-idp.test.ts).
 *
 * Every sign-in shows the persona list again (no single sign-on at the dev IdP: its session cookie is
 * ignored), so that one browser can switch personas after signing out.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Config } from '../config/config.ts';
import { DEV_ACR, DEV_AMR, claimsFor, personaBySubject, personasFor, type ClientKind } from './accounts.ts';
import { IDP_CSS, pickPersonaPage, signedOutPage, signOutPage } from './page.ts';

export class DevIdpRefused extends Error {
  constructor() {
    super('the development IdP refuses to run when NODE_ENV=production; configure STAFF_OIDC_ISSUER and RESIDENT_OIDC_ISSUER');
    this.name = 'DevIdpRefused';
  }
}

export interface DevIdpOptions {
  /** The app's environment; 'production' is refused. */
  env: Config['env'];
  /** Interface to listen on. */
  host: string;
  /** 0 = a random free port. */
  port: number;
  /** The app's public URL: the redirect URIs are <appUrl>/auth/callback/staff and …/resident. */
  appUrl: string;
}

export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
}

export interface DevIdp {
  issuer: string;
  staff: DevIdpClient;
  resident: DevIdpClient;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The few static files the sign-in page needs, served from node_modules (no build step). */
function staticFiles(): Record<string, { file: string; type: string }> {
  const utrecht = dirname(require.resolve('@utrecht/component-library-css/package.json'));
  const tokens = dirname(require.resolve('@utrecht/design-tokens/package.json'));
  const noto = dirname(require.resolve('@fontsource-variable/noto-sans/package.json'));
  return {
    '/static/utrecht.css': { file: join(utrecht, 'dist/index.css'), type: 'text/css' },
    '/static/tokens.css': { file: join(tokens, 'dist/index.css'), type: 'text/css' },
    '/static/noto/index.css': { file: join(noto, 'index.css'), type: 'text/css' },
    __noto_dir: { file: noto, type: '' },
  };
}

function withoutSessionCookies(header: string | undefined): string | undefined {
  if (!header) return header;
  return header
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith('_session'))
    .join('; ');
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  res.end(body);
}

export async function startDevIdp(opts: DevIdpOptions): Promise<DevIdp> {
  if (opts.env === 'production' || process.env.NODE_ENV === 'production') throw new DevIdpRefused();
  // Loaded only here, so a production process never even loads the password-less IdP.
  const { default: Provider } = await import('oidc-provider');

  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const appHost = new URL(opts.appUrl).hostname;
  const issuer = `http://${appHost}:${port}`;

  const clients: Record<ClientKind, DevIdpClient> = {
    staff: { clientId: 'zorgvuldig-werkplek', clientSecret: randomBytes(24).toString('base64url') },
    resident: { clientId: 'zorgvuldig-mijn', clientSecret: randomBytes(24).toString('base64url') },
  };
  const kindOfClient = (clientId: string | undefined): ClientKind | undefined =>
    clientId === clients.staff.clientId ? 'staff' : clientId === clients.resident.clientId ? 'resident' : undefined;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: (['staff', 'resident'] as const).map((kind) => ({
      client_id: clients[kind].clientId,
      client_secret: clients[kind].clientSecret,
      redirect_uris: [`${opts.appUrl}/auth/callback/${kind}`],
      // The app's LOGGED_OUT route (src/server/auth/auth.routes.ts): RP-initiated logout comes back there.
      post_logout_redirect_uris: [`${opts.appUrl}/auth/logged-out`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'dev-1' }] } as never,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    acrValues: [DEV_ACR],
    // acr, amr and auth_time ride on the openid scope so that the ID token always carries them.
    claims: { openid: ['sub', 'bsn', 'acr', 'amr', 'auth_time'], profile: ['name', 'organisation', 'roles'] } as never,
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      // RP-initiated logout: the app sends the browser here when someone signs out; the person confirms.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const p = personaBySubject(sub);
      if (!p) return undefined;
      return { accountId: sub, claims: async () => ({ ...claimsFor(p), sub }) };
    },
    // First-party clients: no consent screen; the grant covers what the client asked for.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope(String(oidc.params!.scope ?? 'openid'));
      grant.addOIDCClaims(['name', 'organisation', 'roles', 'bsn']);
      await grant.save();
      return grant;
    },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
  });

  const files = staticFiles();
  const callback = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      const path = url.pathname;
      const asset = files[path];
      if (req.method === 'GET' && asset) return send(res, 200, `${asset.type}; charset=utf-8`, await readFile(asset.file));
      if (req.method === 'GET' && path === '/static/idp.css') return send(res, 200, 'text/css; charset=utf-8', IDP_CSS);
      const font = /^\/static\/noto\/files\/([a-z0-9-]+\.woff2)$/.exec(path);
      if (req.method === 'GET' && font) return send(res, 200, 'font/woff2', await readFile(join(files['__noto_dir']!.file, 'files', font[1]!)));

      // No single sign-on at the dev IdP: every authorization request starts without an IdP session,
      // so the persona list shows every time and one browser can switch personas after signing out.
      if (path.startsWith('/auth')) req.headers.cookie = withoutSessionCookies(req.headers.cookie);
      const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/(login|abort))?$/.exec(path);
      if (!m) return callback(req, res);
      const details = await provider.interactionDetails(req, res);
      const kind = kindOfClient(details.params['client_id'] as string | undefined);
      if (!kind) return send(res, 400, 'text/plain; charset=utf-8', 'onbekende client\n');
      const personas = personasFor(kind);
      if (req.method === 'GET' && !m[2]) {
        return send(res, 200, 'text/html; charset=utf-8', pickPersonaPage(details.uid, kind, personas));
      }
      if (req.method === 'POST' && m[3] === 'abort') {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'cancelled' }, { mergeWithLastSubmission: false });
      }
      if (req.method === 'POST' && m[3] === 'login') {
        const key = (await readBody(req)).get('persona');
        const p = personas.find((x) => x.key === key);
        if (!p) return send(res, 400, 'text/html; charset=utf-8', pickPersonaPage(details.uid, kind, personas, 'Kies een van de personen in de lijst.'));
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: p.oidcSubject, acr: DEV_ACR, amr: DEV_AMR, remember: false } },
          { mergeWithLastSubmission: false },
        );
      }
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', `ontwikkel-inlogdienst: ${(err as Error)?.name ?? 'fout'}\n`);
    });
  });

  return {
    issuer,
    staff: clients.staff,
    resident: clients.resident,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app's config with the dev IdP as staff IdP and as residents' broker. */
export function withDevIdp(config: Config, idp: DevIdp): Config {
  return {
    ...config,
    staffOidc: { ...config.staffOidc, issuer: idp.issuer, clientId: idp.staff.clientId, clientSecret: idp.staff.clientSecret },
    residentOidc: { ...config.residentOidc, issuer: idp.issuer, clientId: idp.resident.clientId, clientSecret: idp.resident.clientSecret },
  };
}
