/**
 * Retention (issue 7 item 5): the runs — a dry-run report first, the archivist's sign-off, then the
 * destruction of what the report lists and is still due — and legal holds.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { executeRetentionRun, retentionDryRun } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { repositoryFor } from '../../http/access-context.ts';
import { IdParams } from '../workspace/workspace.schemas.ts';
import { doc, errors, gateRequest, staffFor } from './console.access.ts';
import { HoldBody, Holds, RetentionRun, RetentionRunDetail, RetentionRuns, SignOffBody } from './console.schemas.ts';

export const retentionRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/console/retention/runs',
    { preValidation: staffFor('retention.read'), schema: { tags: ['console'], summary: 'Retention runs, newest first', description: doc('retentionRead'), response: { 200: RetentionRuns, ...errors } } },
    async (request) => ({ runs: await repositoryFor(request, deps).console.retentionRuns() }),
  );

  app.post(
    '/api/console/retention/runs',
    { preValidation: staffFor('retention.dry_run'), schema: { tags: ['console'], summary: 'Make a dry-run report: the files past their retention date, and legal holds', description: doc('retentionRun'), response: { 201: RetentionRun, ...errors } } },
    async (request, reply) => reply.code(201).send(await retentionDryRun(deps.store, gateRequest(request, deps))),
  );

  app.get(
    '/api/console/retention/runs/:id',
    { preValidation: staffFor('retention.read'), schema: { tags: ['console'], summary: 'One run with its files (references, classes, dates)', description: doc('retentionRead'), params: IdParams, response: { 200: RetentionRunDetail, ...errors } } },
    async (request) => repositoryFor(request, deps).console.retentionRun(request.params.id),
  );

  app.post(
    '/api/console/retention/runs/:id/sign-off',
    { preValidation: staffFor('retention.sign_off'), schema: { tags: ['console'], summary: "The archivist's sign-off (or rejection) of a dry-run report", description: doc('retentionRun'), params: IdParams, body: SignOffBody, response: { 200: RetentionRunDetail, ...errors } } },
    async (request) => {
      const repo = repositoryFor(request, deps).console;
      await repo.signOffRetentionRun(request.params.id, request.body);
      return repo.retentionRun(request.params.id);
    },
  );

  app.post(
    '/api/console/retention/runs/:id/execute',
    { preValidation: staffFor('retention.execute'), schema: { tags: ['console'], summary: 'Destroy what a signed-off report lists and is still due (never what is held)', description: doc('retentionRun'), params: IdParams, response: { 200: RetentionRun, ...errors } } },
    async (request) => executeRetentionRun(deps.store, gateRequest(request, deps), request.params.id),
  );

  app.get(
    '/api/console/retention/holds',
    { preValidation: staffFor('retention.read'), schema: { tags: ['console'], summary: 'Legal holds', description: doc('retentionRead'), response: { 200: Holds, ...errors } } },
    async (request) => ({ holds: await repositoryFor(request, deps).console.legalHolds() }),
  );

  app.post(
    '/api/console/retention/holds',
    { preValidation: staffFor('retention.hold'), schema: { tags: ['console'], summary: 'Place a legal hold on a resident, household or help request', description: doc('hold'), body: HoldBody, response: { 201: Type.Object({ id: Type.String() }), ...errors } } },
    async (request, reply) => reply.code(201).send({ id: await repositoryFor(request, deps).console.placeLegalHold(request.body) }),
  );

  app.post(
    '/api/console/retention/holds/:id/release',
    { preValidation: staffFor('retention.hold'), schema: { tags: ['console'], summary: 'Release a legal hold', description: doc('hold'), params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await repositoryFor(request, deps).console.releaseLegalHold(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
