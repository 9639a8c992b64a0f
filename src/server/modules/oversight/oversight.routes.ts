/**
 * Oversight (reverse queries, issue 3 item 4): who can see a data item; which residents a professional
 * can see. For the privacy officer; the gate decides (fg-oversight) and logs every question.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor, type RouteAccess } from '../../http/access-context.ts';
import { requireActor } from '../../http/authenticate.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { IdParams, Uuid } from '../workspace/workspace.schemas.ts';

export const OVERSIGHT_ACCESS = {
  whoCanSee: { action: 'read', purpose: 'oversight', who: 'the privacy officer; a resident for an item about themself' },
  visibleResidents: { action: 'read', purpose: 'oversight', who: 'the privacy officer (access reviews)' },
} satisfies Record<string, RouteAccess>;

const errors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 503: ErrorResponseSchema };

export const oversightRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/oversight/data-items/:id/viewers',
    {
      preValidation: requireActor,
      schema: {
        tags: ['oversight'],
        summary: 'Who can see this data item now, under which purpose and rules',
        description: accessDoc(OVERSIGHT_ACCESS.whoCanSee),
        params: IdParams,
        response: {
          200: Type.Object({
            dataItemId: Uuid,
            category: Type.String(),
            viewers: Type.Array(
              Type.Object({ professionalId: Uuid, displayName: Type.String(), organisationId: Uuid, role: Type.String(), purposeHelpRequestId: Uuid, rules: Type.Array(Type.String()) }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => repositoryFor(request, deps).whoCanSeeDataItem(request.params.id),
  );

  app.get(
    '/api/oversight/professionals/:id/visible-residents',
    {
      preValidation: requireActor,
      schema: {
        tags: ['oversight'],
        summary: 'Which residents this professional can see now, per category',
        description: accessDoc(OVERSIGHT_ACCESS.visibleResidents),
        params: IdParams,
        response: {
          200: Type.Object({
            residents: Type.Array(Type.Object({ residentId: Uuid, householdId: Uuid, categories: Type.Array(Type.String()), purposes: Type.Array(Uuid) })),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ residents: await repositoryFor(request, deps).residentsVisibleTo(request.params.id) }),
  );
};
