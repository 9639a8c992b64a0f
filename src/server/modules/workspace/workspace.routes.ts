/**
 * The professional's workspace API: caseload, search, household and help-request views, recording a
 * data item. Handlers only translate HTTP to repository calls: no SQL, no policy here (habit 1).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { isValidBsn, normaliseBsn } from '../../../core/domain/bsn.ts';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor, type RouteAccess } from '../../http/access-context.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import {
  CaseloadPage,
  CaseloadQuery,
  CreatedDataItem,
  HouseholdQuery,
  HelpRequestQuery,
  HouseholdView,
  IdParams,
  NewDataItemBody,
  SearchHit,
  SearchQuery,
} from './workspace.schemas.ts';

/** Action and purpose per route (habit 4). */
export const WORKSPACE_ACCESS = {
  caseload: { action: 'list', purpose: 'help_request', who: 'professionals; the purpose of each row is a help request its involvement covers' },
  search: { action: 'list', purpose: 'help_request', who: 'professionals; only households with a current involvement are searched' },
  household: { action: 'read', purpose: 'help_request', who: 'professionals with a current involvement; ?purpose narrows to one help request' },
  helpRequest: { action: 'read', purpose: 'help_request', who: 'professionals whose involvement covers this help request' },
  createDataItem: { action: 'create', purpose: 'help_request', who: 'professionals whose involvement covers this help request and whose role may write' },
} satisfies Record<string, RouteAccess>;

/** The page of data items a household or help request query asks for. */
function itemsPage(q: { itemsAfter?: string; items?: string }) {
  return { after: q.itemsAfter, limit: q.items === undefined ? undefined : Number(q.items) };
}

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 503: ErrorResponseSchema };

export const workspaceRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/werkplek/households',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek'],
        summary: 'My households and help requests (caseload), a page at a time in reference order',
        description: accessDoc(WORKSPACE_ACCESS.caseload),
        querystring: CaseloadQuery,
        response: { 200: CaseloadPage, ...errors },
      },
    },
    async (request) => repositoryFor(request, deps).caseload({ after: request.query.after, limit: request.query.limit === undefined ? undefined : Number(request.query.limit) }),
  );

  app.get(
    '/api/search',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek'],
        summary: 'Search residents in the households I am involved with',
        description: accessDoc(WORKSPACE_ACCESS.search),
        querystring: SearchQuery,
        response: { 200: Type.Object({ hits: Type.Array(SearchHit) }), ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      if (!q.q && !q.bsn && !q.birthDate && !q.postcode) throw new AppError('REQUEST.INVALID', { fields: ['/q'], context: 'querystring' });
      let bsn: string | undefined;
      if (q.bsn !== undefined) {
        if (!isValidBsn(q.bsn)) throw new AppError('BSN.INVALID', { field: 'bsn' });
        bsn = normaliseBsn(q.bsn)!;
      }
      const hits = await repositoryFor(request, deps).search({ text: q.q, bsn, birthDate: q.birthDate, postcode: q.postcode });
      return { hits };
    },
  );

  app.get(
    '/api/households/:id',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek'],
        summary: 'One household: members, help requests, plan, DAT of partners, data items',
        description: accessDoc(WORKSPACE_ACCESS.household),
        params: IdParams,
        querystring: HouseholdQuery,
        response: { 200: HouseholdView, ...errors },
      },
    },
    async (request) => repositoryFor(request, deps).household(request.params.id, request.query.purpose ?? null, itemsPage(request.query)),
  );

  app.get(
    '/api/help-requests/:id',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek'],
        summary: 'One help request, with its household as this purpose allows',
        description: accessDoc(WORKSPACE_ACCESS.helpRequest),
        params: IdParams,
        querystring: HelpRequestQuery,
        response: { 200: Type.Object({ ...HouseholdView.properties, helpRequestId: Type.String() }), ...errors },
      },
    },
    async (request) => repositoryFor(request, deps).helpRequest(request.params.id, itemsPage(request.query)),
  );

  app.post(
    '/api/help-requests/:id/data-items',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek'],
        summary: 'Record a data item for this help request (the purpose)',
        description: accessDoc(WORKSPACE_ACCESS.createDataItem),
        params: IdParams,
        body: NewDataItemBody,
        response: { 201: CreatedDataItem, ...errors, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { explanation, ...item } = await repositoryFor(request, deps).createDataItem({ helpRequestId: request.params.id, ...request.body });
      return reply.code(201).send({ item, explanation });
    },
  );
};
