/**
 * Sign-in, wired into the app (src/server/app.ts): cookies, security headers and rate limiting, the
 * authenticate hook (request.actor), and the sign-in routes. Everything here is registered on the
 * root instance so that every module's routes see request.actor and the CSRF check.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { openSessions, signInIdentity, type Sessions } from '../../data/index.ts';
import type { AppDeps } from '../deps.ts';
import { registerAuthenticate } from '../http/authenticate.ts';
import { registerSecurity } from '../http/security.ts';
import { authRoutes, relyingParties } from './auth.routes.ts';
import type { IdentityPort } from './identity-port.ts';

/** Expired sessions and abandoned sign-ins are removed this often. */
const PURGE_INTERVAL_MS = 10 * 60_000;

export interface SignInWiring {
  sessions: Sessions;
  /** Registers the sign-in routes; call after the OpenAPI plugin so /api/me is documented. */
  registerRoutes(): Promise<void>;
}

/** Cookies, headers, rate limiting and the authenticate hook: call before any route is registered. */
export async function registerAuth(app: FastifyInstance, deps: AppDeps): Promise<SignInWiring> {
  const config = deps.config;
  const now = deps.now ?? (() => new Date());
  const sessions = openSessions(deps.store, config.session);
  const identity: IdentityPort = signInIdentity(deps.store);
  const parties = relyingParties(config);

  await app.register(cookie);
  await registerSecurity(app, { config, idpOrigins: Object.values(parties).map((p) => p.issuerOrigin) });
  registerAuthenticate(app, { config, sessions, now });

  const timer = setInterval(() => {
    sessions.purgeExpired(now()).catch(() => {});
  }, PURGE_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  return {
    sessions,
    registerRoutes: async () => {
      await app.register(authRoutes, { config, sessions, identity, now, parties });
    },
  };
}

export { requireActor, requireProfessional, requireResident, requireStaffRole } from '../http/authenticate.ts';
