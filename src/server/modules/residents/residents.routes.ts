/** The residents' side (issue 6): the portal routes and the staff routes that handle what residents file. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../deps.ts';
import { handlerRoutes } from './handlers.routes.ts';
import { residentPortalRoutes } from './portal.routes.ts';

export const residentsRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(residentPortalRoutes, { deps });
  await app.register(handlerRoutes, { deps });
};
