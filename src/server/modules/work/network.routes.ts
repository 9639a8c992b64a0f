/** Involvement notices (issue 5 item 6; R1.5), covenants (item 8; R8.1) and the directory of organisations. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { WORK_ACCESS as A } from './work.access.ts';
import { CovenantItem, errors, IdParams, NoticeItem, NoticeQuery, OrganisationItem, WorkReference } from './work.schemas.ts';

export const networkRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const work = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).work;

  app.get(
    '/api/werkplek/involvement-notices',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek: betrokkenheid'],
        summary: 'Who else is involved with the residents I work with, and how to reach them — never what they do; newest first, a page at a time',
        description: accessDoc(A.notices),
        querystring: NoticeQuery,
        response: { 200: Type.Object({ notices: Type.Array(NoticeItem), next: Type.Union([Type.String(), Type.Null()], { description: 'Ask `before` this for the next (older) page; null on the last page' }) }), ...errors },
      },
    },
    async (request) => work(request).notices({ before: request.query.before, limit: request.query.limit === undefined ? undefined : Number(request.query.limit) }),
  );

  app.post(
    '/api/werkplek/involvement-notices/:id/seen',
    { preValidation: requireProfessional, schema: { tags: ['werkplek: betrokkenheid'], summary: 'Mark a notice as seen', description: accessDoc(A.notices), params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await work(request).markNoticeSeen(request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/covenants',
    { preValidation: requireProfessional, schema: { tags: ['werkplek: convenanten'], summary: 'Covenants with partner organisations: categories, purposes, legal basis, validity', description: accessDoc(A.covenants), response: { 200: Type.Object({ covenants: Type.Array(CovenantItem) }), ...errors } } },
    async (request) => ({ covenants: await work(request).covenants() }),
  );

  app.get(
    '/api/organisations',
    { preValidation: requireProfessional, schema: { tags: ['werkplek: convenanten'], summary: 'Organisations and their professionals (work contact details; for choosing partners, experts, directors)', description: accessDoc(A.organisations), response: { 200: Type.Object({ organisations: Type.Array(OrganisationItem) }), ...errors } } },
    async (request) => ({ organisations: await work(request).organisations() }),
  );

  app.get(
    '/api/werkplek/reference',
    { preValidation: requireProfessional, schema: { tags: ['werkplek: convenanten'], summary: 'The vocabulary of the forms: categories, sources, secrecy origins, domains and tasks, and the life domains each domain can need', description: accessDoc(A.reference), response: { 200: WorkReference, ...errors } } },
    async (request) => work(request).reference(),
  );
};
