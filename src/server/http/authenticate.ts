/**
 * Step 1 of every request (house style "The flow of one request"): who is acting?
 *
 * One way in: the only credential is the session cookie that sign-in (src/server/auth) sets after an
 * OIDC code flow. Headers such as x-user, x-actor, x-dev-user or `Authorization: Bearer …` are never
 * read; a request that carries only those is anonymous (test/auth/one-way-in.test.ts).
 *
 * The onRequest hook sets request.actor (or leaves it null) and checks CSRF for every state-changing
 * request in this one place. Routes opt in with a preValidation: requireActor, requireProfessional,
 * requireResident or requireStaffRole(...roles). A role never opens a dossier: the gate decides.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import type { Config } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import type { StaffRole } from '../../core/policy/actor.ts';
import { csrfTokenMatches, type SessionActor, type SessionRecord, type Sessions } from '../../data/index.ts';
import { cookieNames, publicUrl, sessionCookieOptions } from '../auth/cookies.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor, or null. Set by the authenticate hook; never from a header. */
    actor: SessionActor | null;
    /** The session record behind request.actor, or null. */
    session: SessionRecord | null;
    /** 'expired' when the request carried a session cookie that is no longer valid. */
    sessionStatus: 'valid' | 'expired' | 'none';
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** Requests that never need a session: hashed static files. */
function skipsSession(url: string): boolean {
  return url.startsWith('/assets/') || url === '/favicon.svg';
}

export interface AuthenticateOptions {
  config: Config;
  sessions: Sessions;
  now: () => Date;
}

export function registerAuthenticate(app: FastifyInstance, opts: AuthenticateOptions): void {
  const names = cookieNames(opts.config);
  const ownOrigin = new URL(publicUrl(opts.config)).origin;
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionStatus', 'none');

  app.addHook('onRequest', async (request, reply) => {
    request.actor = null;
    request.session = null;
    request.sessionStatus = 'none';
    if (skipsSession(request.url)) return;

    const token = request.cookies[names.session];
    if (STATE_CHANGING.has(request.method)) {
      // A cross-site page can make the browser send our cookie, but it cannot read the CSRF token
      // (GET /api/me) nor set a custom header without a CORS preflight we never grant.
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== ownOrigin) throw new AppError('AUTH.CSRF', { reason: 'origin' });
      if (token !== undefined) {
        const presented = request.headers[CSRF_HEADER];
        if (typeof presented !== 'string' || !csrfTokenMatches(token, presented)) {
          throw new AppError('AUTH.CSRF', { reason: presented === undefined ? 'missing' : 'mismatch' });
        }
      }
    }
    if (token === undefined) return;

    const found = await opts.sessions.resolve(token, opts.now());
    if (found.status === 'valid') {
      request.session = found.session;
      request.actor = found.session.actor;
      request.sessionStatus = 'valid';
      return;
    }
    // Unknown or expired: forget the cookie. An unknown token is reported as expired too, so that a
    // browser whose session was purged is sent back to sign-in the same way.
    request.sessionStatus = 'expired';
    void reply.clearCookie(names.session, sessionCookieOptions(opts.config));
  });
}

/** The session token of this request, for deriving its CSRF token (GET /api/me) and for logout. */
export function sessionToken(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[cookieNames(config).session];
}

function unauthenticated(request: FastifyRequest): AppError {
  return new AppError(request.sessionStatus === 'expired' ? 'AUTH.SESSION_EXPIRED' : 'AUTH.REQUIRED');
}

export const requireActor: preValidationAsyncHookHandler = async (request: FastifyRequest, _reply: FastifyReply) => {
  if (!request.actor) throw unauthenticated(request);
};

export const requireProfessional: preValidationAsyncHookHandler = async (request: FastifyRequest) => {
  if (!request.actor) throw unauthenticated(request);
  if (request.actor.kind !== 'professional') throw new AppError('AUTH.ROLE_REQUIRED');
};

export const requireResident: preValidationAsyncHookHandler = async (request: FastifyRequest) => {
  if (!request.actor) throw unauthenticated(request);
  if (request.actor.kind !== 'resident') throw new AppError('AUTH.ROLE_REQUIRED');
};

/** A professional holding at least one of these roles. */
export function requireStaffRole(...roles: StaffRole[]): preValidationAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const actor = request.actor;
    if (!actor) throw unauthenticated(request);
    if (actor.kind !== 'professional' || !roles.some((r) => actor.roles.includes(r))) {
      throw new AppError('AUTH.ROLE_REQUIRED', { required: roles });
    }
  };
}
