/**
 * The register of processing activities and the rules and covenants administration (issue 7 items 1–2):
 * read and export the register; see catalogue versions; propose a new catalogue version, a register
 * change or a covenant version; approve, reject or withdraw (four eyes). An approval whose date has come
 * takes effect at once (activateDueChanges); later ones on their date.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { registerCsv, registerExport } from '../../../core/accountability/register-export.ts';
import { activateDueChanges } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { repositoryFor } from '../../http/access-context.ts';
import { IdParams } from '../workspace/workspace.schemas.ts';
import { doc, errors, staffFor } from './console.access.ts';
import {
  CatalogueProposalBody,
  CatalogueVersionParams,
  CatalogueVersions,
  CovenantBody,
  CovenantList,
  DecisionBody,
  ProposalQuery,
  ProposalView,
  RegisterChangeBody,
  RegisterExportJson,
  RegisterExportQuery,
  RegisterView,
} from './console.schemas.ts';

/** A catalogue is larger than an ordinary request (the shipped one is ~120 KiB). */
const CATALOGUE_BODY_LIMIT = 1024 * 1024;

export const policyRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const now = () => (deps.now ? deps.now() : new Date());

  app.get(
    '/api/console/register',
    { preValidation: staffFor('register.read'), schema: { tags: ['console'], summary: 'The register of processing activities (AVG art. 30), every version', description: doc('register'), response: { 200: RegisterView, ...errors } } },
    async (request) => repositoryFor(request, deps).console.register(),
  );

  app.get(
    '/api/console/register/export',
    {
      preValidation: staffFor('register.read'),
      schema: {
        tags: ['console'],
        summary: 'Export the register: JSON (LDV register shape) or CSV (?format=csv)',
        description: doc('register'),
        querystring: RegisterExportQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: Type.Union([RegisterExportJson, Type.String({ description: 'CSV, one row per version', contentMediaType: 'text/csv' })]), ...errors },
      },
    },
    async (request, reply) => {
      const reg = await repositoryFor(request, deps).console.register('export');
      const stamp = now().toISOString().slice(0, 10);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="verwerkingsregister-${stamp}.csv"`)
          .send(registerCsv(reg.activities) as never);
      }
      reply.header('content-disposition', `attachment; filename="verwerkingsregister-${stamp}.json"`);
      return registerExport(reg.activities, { controller: reg.controller, generatedAt: now(), catalogueVersion: reg.catalogueVersion });
    },
  );

  app.post(
    '/api/console/register/proposals',
    { preValidation: staffFor('policy.propose'), schema: { tags: ['console'], summary: 'Propose a change to one register entry (a new catalogue version, four eyes)', description: doc('propose'), body: RegisterChangeBody, response: { 201: ProposalView, ...errors } } },
    async (request, reply) => reply.code(201).send(await repositoryFor(request, deps).console.proposeRegisterChange(request.body)),
  );

  app.get(
    '/api/console/catalogue/versions',
    { preValidation: staffFor('policy.read'), schema: { tags: ['console'], summary: 'The rules catalogue versions loaded, and which one is in force', description: doc('policyRead'), response: { 200: CatalogueVersions, ...errors } } },
    async (request) => ({ versions: await repositoryFor(request, deps).console.catalogueVersions() }),
  );

  app.get(
    '/api/console/catalogue/versions/:version',
    {
      preValidation: staffFor('policy.read'),
      schema: { tags: ['console'], summary: 'The full text of a catalogue version (loaded or proposed), as JSON', description: doc('policyRead'), params: CatalogueVersionParams, response: { 200: Type.Object({}, { additionalProperties: true }), ...errors } },
    },
    async (request, reply) => {
      const text = await repositoryFor(request, deps).console.catalogueText(request.params.version);
      reply.header('content-disposition', `attachment; filename="catalogue-${request.params.version}.json"`);
      return text as Record<string, unknown>;
    },
  );

  app.get(
    '/api/console/proposals',
    { preValidation: staffFor('policy.read'), schema: { tags: ['console'], summary: 'Proposed changes to the rules catalogue and covenants', description: doc('policyRead'), querystring: ProposalQuery, response: { 200: Type.Object({ proposals: Type.Array(ProposalView) }), ...errors } } },
    async (request) => ({ proposals: await repositoryFor(request, deps).console.proposals(request.query) }),
  );

  app.get(
    '/api/console/proposals/:id',
    { preValidation: staffFor('policy.read'), schema: { tags: ['console'], summary: 'One proposal with its structured difference', description: doc('policyRead'), params: IdParams, response: { 200: ProposalView, ...errors } } },
    async (request) => repositoryFor(request, deps).console.proposal(request.params.id),
  );

  app.post(
    '/api/console/proposals/catalogue',
    {
      preValidation: staffFor('policy.propose'),
      bodyLimit: CATALOGUE_BODY_LIMIT,
      schema: { tags: ['console'], summary: 'Propose a new version of the rules catalogue (validated like a file in rules/)', description: doc('propose'), body: CatalogueProposalBody, response: { 201: ProposalView, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await repositoryFor(request, deps).console.proposeCatalogue(request.body)),
  );

  app.post(
    '/api/console/proposals/covenant',
    { preValidation: staffFor('policy.propose'), schema: { tags: ['console'], summary: 'Propose a new covenant or a new version of one', description: doc('propose'), body: CovenantBody, response: { 201: ProposalView, ...errors } } },
    async (request, reply) => reply.code(201).send(await repositoryFor(request, deps).console.proposeCovenant(request.body)),
  );

  app.post(
    '/api/console/proposals/:id/decision',
    { preValidation: staffFor('policy.propose'), schema: { tags: ['console'], summary: 'Approve, reject or withdraw a proposal (four eyes)', description: doc('decide'), params: IdParams, body: DecisionBody, response: { 200: ProposalView, ...errors } } },
    async (request) => {
      const repo = repositoryFor(request, deps).console;
      const p = await repo.decideProposal(request.params.id, request.body);
      // Whatever is due takes effect now (the gate names the new version from the next request on).
      if (p.status === 'approved') {
        await activateDueChanges(deps.store, now());
        return repo.proposal(p.id);
      }
      return p;
    },
  );

  app.get(
    '/api/console/covenants',
    { preValidation: staffFor('policy.read'), schema: { tags: ['console'], summary: 'Covenants with partner organisations (R8.1)', description: doc('policyRead'), response: { 200: CovenantList, ...errors } } },
    async (request) => repositoryFor(request, deps).console.covenants(),
  );
};
