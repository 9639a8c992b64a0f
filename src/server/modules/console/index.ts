/**
 * The privacy officer's console API (issue 7; docs/console.md) and the training sandbox. Also runs the
 * job that lets approved changes take effect on their date: at start-up and every minute.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { capabilitiesOf, CONSOLE_ROLES } from '../../../core/accountability/capabilities.ts';
import type { StaffRole } from '../../../core/policy/actor.ts';
import { activateDueChanges, closeTrainingSandbox } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireStaffRole } from '../../http/authenticate.ts';
import { scheduleJob } from '../../http/jobs.ts';
import { errors } from './console.access.ts';
import { Capabilities } from './console.schemas.ts';
import { logRoutes } from './log.routes.ts';
import { policyRoutes } from './policy.routes.ts';
import { reportRoutes } from './report.routes.ts';
import { retentionRoutes } from './retention.routes.ts';
import { reviewRoutes } from './review.routes.ts';
import { trainingRoutes } from './training.routes.ts';

export const ACTIVATION_INTERVAL_MS = 60_000;

export const consoleRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/console/me',
    {
      preValidation: requireStaffRole(...(CONSOLE_ROLES as StaffRole[])),
      schema: { tags: ['console'], summary: 'What the signed-in staff member may do in the console', description: 'Staff with the role privacy_officer, functional_admin or archivist. No personal data.', response: { 200: Capabilities, ...errors } },
    },
    async (request) => {
      const roles = request.actor?.kind === 'professional' ? request.actor.roles : [];
      return { roles, capabilities: capabilitiesOf(roles) };
    },
  );

  await app.register(policyRoutes, { deps });
  await app.register(logRoutes, { deps });
  await app.register(reviewRoutes, { deps });
  await app.register(retentionRoutes, { deps });
  await app.register(reportRoutes, { deps });
  await app.register(trainingRoutes, { deps });

  // Approved changes take effect on their date, also when nobody is in the console that day.
  scheduleJob(app, 'activating approved changes', ACTIVATION_INTERVAL_MS, () => activateDueChanges(deps.store, deps.now ? deps.now() : new Date()));
  app.addHook('onClose', async () => {
    await closeTrainingSandbox(deps.store);
  });
};

