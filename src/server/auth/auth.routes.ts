/**
 * Sign-in, sign-out and "who am I" (docs/sign-in.md).
 *
 *   GET  /auth/staff/login         → 302 to the staff IdP (code + PKCE S256, state, nonce)
 *   GET  /auth/resident/login      → 302 to the DigiD/eHerkenning broker
 *   GET  /auth/callback/:kind      → code exchange, identity lookup, new session → 303 to the landing page
 *   POST /auth/logout              → deletes the session (CSRF-checked like every POST); answers where the
 *                                    browser goes next: the IdP's end-session page, or the start page
 *   GET  /auth/logged-out          → 303 to the start page (the IdP sends the browser back here)
 *   GET  /api/me                   → the actor, the CSRF token for state-changing calls, the language
 *   PUT  /api/me/language          → nl | en
 *
 * A failed sign-in sends the browser to the start page with the error code (/?fout=AUTH.…), never
 * with the IdP's message. Nothing is created for an unknown identity.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config/config.ts';
import { AppError, isAppError, type ErrorCode } from '../../core/errors.ts';
import type { Language, SignInKind } from '../../data/index.ts';
import { csrfTokenFor } from '../../data/index.ts';
import { requireActor, sessionToken } from '../http/authenticate.ts';
import { ErrorResponseSchema } from '../http/errors.ts';
import { signInRateLimit } from '../http/security.ts';
import { cookieNames, languageCookieOptions, publicUrl, sessionCookieOptions, signinCookieOptions } from './cookies.ts';
import { RelyingParty } from './oidc.ts';
import { signInResident, signInStaff, type SignInDeps } from './sign-in.ts';

export const LANDING: Record<SignInKind, '/werkplek' | '/mijn'> = { staff: '/werkplek', resident: '/mijn' };

/** The post-logout redirect URI to register at the IdPs, and the start page with its "signed out" notice. */
export const LOGGED_OUT = '/auth/logged-out';
const SIGNED_OUT_PAGE = '/?uitgelogd=1';

const LogoutResponse = Type.Object(
  { next: Type.String({ description: "Where the browser goes next: the IdP's end-session URL, or /?uitgelogd=1" }) },
  { additionalProperties: false },
);

export type RelyingParties = Partial<Record<SignInKind, RelyingParty>>;

/** Relying parties for the configured IdPs; a kind without issuer and client id is not offered. */
export function relyingParties(config: Config): RelyingParties {
  const base = publicUrl(config);
  const allowInsecureHttp = config.env !== 'production';
  const out: RelyingParties = {};
  const s = config.staffOidc;
  if (s.issuer && s.clientId) {
    out.staff = new RelyingParty({
      issuer: s.issuer,
      clientId: s.clientId,
      clientSecret: s.clientSecret,
      scopes: s.scopes,
      redirectUri: `${base}/auth/callback/staff`,
      acrValues: s.requiredAcr?.split(',').map((v) => v.trim()).filter(Boolean).join(' ') || undefined,
      allowInsecureHttp,
    });
  }
  const r = config.residentOidc;
  if (r.issuer && r.clientId) {
    out.resident = new RelyingParty({
      issuer: r.issuer,
      clientId: r.clientId,
      clientSecret: r.clientSecret,
      scopes: r.scopes,
      redirectUri: `${base}/auth/callback/resident`,
      allowInsecureHttp,
    });
  }
  return out;
}

/** The apps a kind of sign-in may return to: staff to the workspace or the console, residents to the portal. */
const RETURN_APPS: Record<SignInKind, readonly string[]> = { staff: ['/werkplek', '/toezicht'], resident: ['/mijn'] };

/** Only a path inside the kind's own apps; anything else (other hosts, //evil, /api/…) is dropped. */
export function safeReturnTo(kind: SignInKind, value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  if (!RETURN_APPS[kind].some((app) => value === app || value.startsWith(`${app}/`))) return null;
  if (!/^\/[A-Za-z0-9\-._~%/]*$/.test(value) || value.includes('//') || value.includes('/..')) return null;
  return value;
}

function languageOf(value: unknown): Language {
  return value === 'en' ? 'en' : 'nl';
}

const KindParam = Type.Object({ kind: Type.Union([Type.Literal('staff'), Type.Literal('resident')]) }, { additionalProperties: false });

const MeResponse = Type.Object(
  {
    actor: Type.Object(
      {
        kind: Type.Union([Type.Literal('professional'), Type.Literal('resident')]),
        displayName: Type.String(),
        roles: Type.Array(Type.String()),
        organisationName: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    csrfToken: Type.String(),
    language: Type.Union([Type.Literal('nl'), Type.Literal('en')]),
  },
  { additionalProperties: false },
);

const LanguageBody = Type.Object({ language: Type.Union([Type.Literal('nl'), Type.Literal('en')]) }, { additionalProperties: false });

export interface AuthRoutesOptions extends SignInDeps {
  parties: RelyingParties;
}

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, opts) => {
  const { config, sessions } = opts;
  const names = cookieNames(config);

  const fail = (request: FastifyRequest, reply: FastifyReply, err: unknown) => {
    const code: ErrorCode = isAppError(err) ? err.code : 'AUTH.SIGNIN_FAILED';
    const reason = isAppError(err) ? err.details?.['reason'] : undefined;
    request.log.warn({ code, reason, errName: isAppError(err) ? undefined : (err as Error)?.name }, 'sign-in refused');
    void reply.clearCookie(names.signin, signinCookieOptions(config));
    return reply.redirect(`/?fout=${encodeURIComponent(code)}`, 303);
  };

  for (const kind of ['staff', 'resident'] as const) {
    app.get(
      `/auth/${kind}/login`,
      {
        config: signInRateLimit(config),
        schema: {
          hide: true,
          querystring: Type.Object({ terug: Type.Optional(Type.String({ maxLength: 300 })) }),
        },
      },
      async (request, reply) => {
        const party = opts.parties[kind];
        if (!party) return fail(request, reply, new AppError('AUTH.PROVIDER_UNAVAILABLE'));
        try {
          const req = RelyingParty.newRequest();
          const url = await party.authorizationUrl(req);
          const returnTo = safeReturnTo(kind, (request.query as { terug?: string }).terug);
          const handle = await sessions.saveTransaction({ kind, ...req, returnTo }, opts.now());
          void reply.setCookie(names.signin, handle, signinCookieOptions(config));
          return reply.redirect(url.href, 302);
        } catch (err) {
          return fail(request, reply, err);
        }
      },
    );
  }

  app.get(
    '/auth/callback/:kind',
    { config: signInRateLimit(config), schema: { hide: true, params: KindParam } },
    async (request, reply) => {
      const { kind } = request.params as { kind: SignInKind };
      try {
        const party = opts.parties[kind];
        if (!party) throw new AppError('AUTH.PROVIDER_UNAVAILABLE');
        const tx = await sessions.takeTransaction(request.cookies[names.signin] ?? '', opts.now());
        if (!tx || tx.kind !== kind) throw new AppError('AUTH.SIGNIN_FAILED', { reason: 'no_transaction' });
        const claims = await party.exchange(new URL(request.url, publicUrl(config)), tx);
        const language = languageOf(request.cookies[names.language]);
        // A previous session in this browser ends here: never two identities in one browser.
        const previous = sessionToken(request, config);
        if (previous) await sessions.destroy(previous);
        const created = kind === 'staff' ? await signInStaff(opts, claims, language) : await signInResident(opts, claims, language);
        void reply.clearCookie(names.signin, signinCookieOptions(config));
        void reply.setCookie(names.session, created.token, sessionCookieOptions(config));
        request.log.info({ actorKind: created.session.actor.kind }, 'signed in');
        return reply.redirect(tx.returnTo ?? LANDING[kind], 303);
      } catch (err) {
        return fail(request, reply, err);
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Sign out: deletes the session and says where the browser goes next — the IdP's end-session page (so that the IdP's own session ends too, e.g. DigiD on a shared computer), or the start page. Needs the x-csrf-token header when a session cookie is sent.",
        response: { 200: LogoutResponse, 403: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const token = sessionToken(request, config);
      const actor = request.actor;
      if (token) await sessions.destroy(token);
      void reply.clearCookie(names.session, sessionCookieOptions(config));
      const kind: SignInKind | null = actor?.kind === 'professional' ? 'staff' : actor?.kind === 'resident' ? 'resident' : null;
      const party = kind ? opts.parties[kind] : undefined;
      const idp = party ? await party.endSessionUrl(`${publicUrl(config)}${LOGGED_OUT}`) : null;
      if (actor) request.log.info({ actorKind: actor.kind, idpLogout: idp !== null }, 'signed out');
      return { next: idp?.href ?? SIGNED_OUT_PAGE };
    },
  );

  app.get(
    LOGGED_OUT,
    { schema: { tags: ['auth'], summary: 'Where the IdP sends the browser after its own sign-out: on to the start page', response: { 303: Type.Null() } } },
    async (_request, reply) => reply.redirect(SIGNED_OUT_PAGE, 303),
  );

  app.get(
    '/api/me',
    {
      preValidation: requireActor,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in actor, the CSRF token for state-changing requests, and the language',
        response: { 200: MeResponse, 401: ErrorResponseSchema },
      },
    },
    async (request) => {
      const session = request.session!;
      const actor = session.actor;
      return {
        actor: {
          kind: actor.kind,
          displayName: actor.displayName,
          roles: actor.kind === 'professional' ? actor.roles : [],
          ...(session.organisationName ? { organisationName: session.organisationName } : {}),
        },
        csrfToken: csrfTokenFor(sessionToken(request, config)!),
        language: session.language,
      };
    },
  );

  app.put(
    '/api/me/language',
    {
      preValidation: requireActor,
      schema: {
        tags: ['auth'],
        summary: 'Choose the language of the interface (nl or en)',
        body: LanguageBody,
        response: { 204: Type.Null(), 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { language } = request.body as { language: Language };
      await sessions.setLanguage(request.session!.id, language);
      void reply.setCookie(names.language, language, languageCookieOptions(config));
      return reply.code(204).send();
    },
  );
};
