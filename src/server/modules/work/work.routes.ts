/**
 * The professional's work (issue 5): one plugin that registers its route groups. Handlers only
 * translate HTTP to the gate-bound repository (repositoryFor(request).work); no SQL, no policy here.
 * docs/professional-work.md.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { recordDueMatches } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { scheduleJob } from '../../http/jobs.ts';
import { consentRoutes } from './consent.routes.ts';
import { intakeRoutes } from './intake.routes.ts';
import { networkRoutes } from './network.routes.ts';
import { planRoutes } from './plans.routes.ts';
import { signalRoutes } from './signals.routes.ts';
import { stepPlanRoutes } from './step-plans.routes.ts';

export { WORK_ACCESS } from './work.access.ts';

/** How often the matching job looks for involvements that became current without starting in the app. */
export const MATCH_INTERVAL_MS = 60_000;

export const workRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(intakeRoutes, { deps });
  await app.register(stepPlanRoutes, { deps });
  await app.register(consentRoutes, { deps });
  await app.register(planRoutes, { deps });
  await app.register(networkRoutes, { deps });
  await app.register(signalRoutes, { deps });

  // The matching job (R1.5): involvements that came another way — imported, or starting on a later
  // date — are matched at start-up and every minute, so the notices page only reads.
  scheduleJob(app, 'recording involvement matches', MATCH_INTERVAL_MS, () => recordDueMatches(deps.store, deps.now ? deps.now() : new Date()));
};
