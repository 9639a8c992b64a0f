/**
 * The professional's work (issue 5): one plugin that registers its route groups. Handlers only
 * translate HTTP to the gate-bound repository (repositoryFor(request).work); no SQL, no policy here.
 * docs/professional-work.md.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../deps.ts';
import { consentRoutes } from './consent.routes.ts';
import { intakeRoutes } from './intake.routes.ts';
import { networkRoutes } from './network.routes.ts';
import { planRoutes } from './plans.routes.ts';
import { signalRoutes } from './signals.routes.ts';
import { stepPlanRoutes } from './step-plans.routes.ts';

export { WORK_ACCESS } from './work.access.ts';

export const workRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(intakeRoutes, { deps });
  await app.register(stepPlanRoutes, { deps });
  await app.register(consentRoutes, { deps });
  await app.register(planRoutes, { deps });
  await app.register(networkRoutes, { deps });
  await app.register(signalRoutes, { deps });
};
