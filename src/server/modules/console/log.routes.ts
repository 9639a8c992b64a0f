/**
 * Log review (issue 7 item 3): search the processing log (by resident — BSN or id —, professional,
 * period), the review views, the integrity status, `log verify` and a checkpoint on demand, and a
 * resident's log in the LDV read format. A BSN travels in a POST body, never in a URL.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkpointFromConsole, verifyLogFromConsole } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { repositoryFor } from '../../http/access-context.ts';
import { doc, errors, gateRequest, staffFor } from './console.access.ts';
import { BurstQuery, Bursts, Checkpoint, Integrity, Involuntary, LdvExportBody, LdvReadResult, LogSearchBody, LogSearchResult, OutsideInvolvement, Period, VerifyResponse } from './console.schemas.ts';

export const logRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/console/log/search',
    { preValidation: staffFor('log.review'), schema: { tags: ['console'], summary: 'Search the processing log by resident (BSN or id), professional and period', description: doc('logReview'), body: LogSearchBody, response: { 200: LogSearchResult, ...errors } } },
    async (request) => repositoryFor(request, deps).console.searchLog(request.body),
  );

  app.get(
    '/api/console/log/outside-involvement',
    { preValidation: staffFor('log.review'), schema: { tags: ['console'], summary: 'Attempts outside involvement (denials by involvement-required), per professional', description: doc('logReview'), querystring: Period, response: { 200: OutsideInvolvement, ...errors } } },
    async (request) => repositoryFor(request, deps).console.outsideInvolvement(request.query),
  );

  app.get(
    '/api/console/log/bursts',
    { preValidation: staffFor('log.review'), schema: { tags: ['console'], summary: 'Bursts of denials: one professional refused many times in a short window', description: doc('logReview'), querystring: BurstQuery, response: { 200: Bursts, ...errors } } },
    async (request) => repositoryFor(request, deps).console.denialBursts(request.query),
  );

  app.get(
    '/api/console/log/involuntary',
    { preValidation: staffFor('log.review'), schema: { tags: ['console'], summary: 'Involuntary steps: processing on an approved involuntary-processing record, and the records by status', description: doc('logReview'), querystring: Period, response: { 200: Involuntary, ...errors } } },
    async (request) => repositoryFor(request, deps).console.involuntarySteps(request.query),
  );

  app.get(
    '/api/console/log/integrity',
    { preValidation: staffFor('log.status'), schema: { tags: ['console'], summary: 'Integrity: the last signed checkpoint and the last verifications', description: doc('logStatus'), response: { 200: Integrity, ...errors } } },
    async (request) => repositoryFor(request, deps).console.integrity(),
  );

  app.post(
    '/api/console/log/verify',
    { preValidation: staffFor('log.verify'), schema: { tags: ['console'], summary: 'Verify every hash chain and checkpoint now (`zorgvuldig log verify`)', description: doc('logVerify'), response: { 200: VerifyResponse, ...errors } } },
    async (request) => ({ verification: (await verifyLogFromConsole(deps.store, gateRequest(request, deps))).verification }),
  );

  app.post(
    '/api/console/log/checkpoint',
    { preValidation: staffFor('log.checkpoint'), schema: { tags: ['console'], summary: 'Write a signed checkpoint (Merkle root over all chain heads)', description: doc('logVerify'), response: { 201: Checkpoint, ...errors } } },
    async (request, reply) => reply.code(201).send(await checkpointFromConsole(deps.store, gateRequest(request, deps))),
  );

  app.post(
    '/api/console/log/export-ldv',
    { preValidation: staffFor('log.review'), schema: { tags: ['console'], summary: "A resident's processing log in the LDV read format (Logius 'Lezen' result items)", description: doc('logReview'), body: LdvExportBody, response: { 200: LdvReadResult, ...errors } } },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="verwerkingen-ldv.json"');
      return repositoryFor(request, deps).console.exportResidentLog(request.body);
    },
  );
};
