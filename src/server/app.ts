/**
 * Composition root: register plugins and modules; no business logic here (house style).
 * The flow of one request is in docs/architecture.md: authenticate → validate → access context →
 * handler → service → gate-bound repository (decide, SQL, project, log, commit) → serialise.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from './deps.ts';
import { frameworkErrorHandler, registerErrorHandling } from './http/errors.ts';
import { limitDownloads } from './http/downloads.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { workspaceRoutes } from './modules/workspace/workspace.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { oversightRoutes } from './modules/oversight/oversight.routes.ts';
import { consoleRoutes } from './modules/console/index.ts';
import { residentsRoutes } from './modules/residents/residents.routes.ts';
import { workRoutes } from './modules/work/work.routes.ts';
import { registerAuth } from './auth/index.ts';
import { registerWeb } from './web/static.ts';

export type { AppDeps } from './deps.ts';

export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    // A malformed URL is answered with a stable code like every other error (issue 8 fuzzing).
    frameworkErrors: frameworkErrorHandler,
    // No coercion: a number where a string is declared is an error, not a string (bad input loses nothing).
    ajv: { customOptions: { removeAdditional: false, allErrors: false, coerceTypes: false } },
    logger: {
      level: deps.config.logLevel,
      // Structured logs without personal data: the route pattern, never the URL with ids or query text.
      serializers: {
        req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unknown', id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.bsn', '*.password'], censor: '[redacted]' },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  // The API speaks JSON only: plain text bodies are refused with 415, not parsed.
  app.removeContentTypeParser('text/plain');
  // Cookies, security headers, sign-in rate limit and the authenticate hook (request.actor, CSRF).
  const signIn = await registerAuth(app, deps);
  // Downloads are assembled a few at a time, so that a burst of them cannot take the pages' core.
  limitDownloads(app, deps.config.downloads);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zorgvuldig API',
        version: '0.1.0',
        description:
          'Privacy-by-design regie platform for the social domain. Every read and write of personal data passes the gate: ' +
          'it decides, explains, projects and logs in one transaction. Each operation names its action and purpose.',
      },
      components: {},
    },
  });

  await app.register(systemRoutes, { deps });
  await app.register(workspaceRoutes, { deps });
  await app.register(portalRoutes, { deps });
  await app.register(oversightRoutes, { deps });
  await app.register(consoleRoutes, { deps });
  await app.register(residentsRoutes, { deps });
  await app.register(workRoutes, { deps });
  await signIn.registerRoutes();

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The start page, /werkplek and /mijn (the Vite build in dist/); last, after every API route.
  await registerWeb(app);
  return app;
}
