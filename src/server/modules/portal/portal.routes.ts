/** The residents' portal API ("Mijn gegevens"): the resident's own file, through the gate. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor, type RouteAccess } from '../../http/access-context.ts';
import { requireResident } from '../../http/authenticate.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { DataItemView, HelpRequestView, ResidentView } from '../workspace/workspace.schemas.ts';

export const PORTAL_ACCESS = {
  overview: { action: 'read', purpose: 'portal', who: 'the signed-in resident, about themself (AVG art. 15)' },
} satisfies Record<string, RouteAccess>;

const Overview = Type.Object({
  me: Type.Object({ ...ResidentView.properties, bsnMasked: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }),
  helpRequests: Type.Array(HelpRequestView),
  plans: Type.Array(
    Type.Object({
      id: Type.String(),
      householdId: Type.String(),
      status: Type.String(),
      director: Type.Union([Type.Object({ displayName: Type.String() }), Type.Null()]),
      goals: Type.Array(Type.Object({ lifeDomain: Type.String(), score: Type.Union([Type.Integer(), Type.Null()]), targetScore: Type.Union([Type.Integer(), Type.Null()]), description: Type.String() })),
      partners: Type.Array(Type.Object({ organisation: Type.String(), description: Type.String(), since: Type.String(), status: Type.String(), dataCategories: Type.Array(Type.String()) })),
    }),
  ),
  dataItems: Type.Array(DataItemView, { description: 'The newest data items about me: 50 of each household' }),
  dataItemsMore: Type.Boolean({ description: 'More data items than shown here: my file (/api/mijn/file) has them all, a page at a time' }),
});

export const portalRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/mijn/overview',
    {
      preValidation: requireResident,
      schema: {
        tags: ['mijn'],
        summary: 'My overview: my record, help requests, plan and the newest data about me',
        description: accessDoc(PORTAL_ACCESS.overview),
        response: { 200: Overview, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 503: ErrorResponseSchema },
      },
    },
    async (request) => repositoryFor(request, deps).portalOverview(),
  );
};
