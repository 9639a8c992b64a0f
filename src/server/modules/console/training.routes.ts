/**
 * The training sandbox (issue 7 item 7; R11): for every professional, in a separate fictitious
 * municipality (its own in-memory database, seeded on first use). No personal data of the real
 * municipality are read or written here, so the production gate and log are not involved; the exercise
 * decisions go to the sandbox's own processing log.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { trainingSandbox } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { errors } from './console.access.ts';
import { TrainingCases, TrainingChoiceBody, TrainingOutcome } from './console.schemas.ts';

const WHO = 'Every professional. A separate fictitious municipality (its own database): no real personal data, nothing in the production log; exercises are logged in the sandbox.';

export const trainingRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/training/cases',
    { preValidation: requireProfessional, schema: { tags: ['training'], summary: 'Fictitious cases to practise the step plan on, with the catalogue’s categories and sources', description: WHO, response: { 200: TrainingCases, ...errors } } },
    async () => {
      const sandbox = await trainingSandbox(deps.store);
      const policy = sandbox.policy();
      return {
        cases: await sandbox.cases(),
        categories: policy.catalogue.categories.map((c) => ({ code: c.code, nl: c.nl, en: c.en, kind: c.kind })),
        sources: policy.catalogue.sources.map((s) => ({ code: s.code, nl: s.nl, en: s.en })),
        catalogueVersion: policy.version,
      };
    },
  );

  app.post(
    '/api/training/decide',
    { preValidation: requireProfessional, schema: { tags: ['training'], summary: "The gate's decision and explanation for one choice, step by step", description: WHO, body: TrainingChoiceBody, response: { 200: TrainingOutcome, ...errors } } },
    async (request) => (await trainingSandbox(deps.store)).decide(request.body),
  );
};
