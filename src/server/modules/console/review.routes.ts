/**
 * Access reviews (issue 7 item 4; BIO2 5.18.02 yearly, 8.02.01 quarterly for privileged accounts): the
 * schedule, one professional's involvements and what they can see (from the same decide() as the gate),
 * and the sign-off or revocation.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../deps.ts';
import { repositoryFor } from '../../http/access-context.ts';
import { doc, errors, staffFor } from './console.access.ts';
import { ProfessionalParams, ReviewDecision, ReviewDecisionBody, ReviewDetail, ReviewList } from './console.schemas.ts';

export const reviewRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/console/access-reviews',
    { preValidation: staffFor('access_review.read'), schema: { tags: ['console'], summary: 'The access-review schedule: every professional, overdue first', description: doc('review'), response: { 200: ReviewList, ...errors } } },
    async (request) => ({ professionals: await repositoryFor(request, deps).console.reviewSchedules() }),
  );

  app.get(
    '/api/console/access-reviews/:professionalId',
    {
      preValidation: staffFor('access_review.read'),
      schema: { tags: ['console'], summary: "One professional's current involvements, what they can see, and their reviews", description: doc('review'), params: ProfessionalParams, response: { 200: ReviewDetail, ...errors } },
    },
    async (request) => {
      const repo = repositoryFor(request, deps);
      const detail = await repo.console.reviewDetail(request.params.professionalId);
      const grants = await repo.residentsVisibleTo(request.params.professionalId);
      return { ...detail, grants };
    },
  );

  app.post(
    '/api/console/access-reviews/:professionalId',
    {
      preValidation: staffFor('access_review.decide'),
      schema: { tags: ['console'], summary: 'Sign off the access, or revoke involvements (they end now)', description: doc('reviewDecide'), params: ProfessionalParams, body: ReviewDecisionBody, response: { 200: ReviewDecision, ...errors } },
    },
    async (request) => repositoryFor(request, deps).console.decideReview(request.params.professionalId, request.body),
  );
};
