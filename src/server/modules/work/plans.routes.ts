/**
 * One household, one plan, one director (issue 5 item 5; R1.4): create and activate the plan, change
 * the director, goals for the needed life domains, sub-activities for chain partners (through a
 * completed share step plan), the partner's refusal to share (R8.2), ending a sub-activity.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { Uuid } from '../workspace/workspace.schemas.ts';
import { WORK_ACCESS as A } from './work.access.ts';
import { DirectorBody, errors, GoalBody, IdParams, NewPlanBody, PartnerRefusalBody, PlanChange, SubActivityBody, SubStatusBody, VersionBody } from './work.schemas.ts';

const TAG = 'werkplek: plan';

export const planRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const work = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).work;

  app.post(
    '/api/households/:id/plans',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Start the household’s support plan (a draft) with its one director', description: accessDoc(A.planCreate), params: IdParams, body: NewPlanBody, response: { 201: PlanChange, ...errors } } },
    async (request, reply) => reply.code(201).send(await work(request).createPlan(request.params.id, request.body)),
  );

  app.post(
    '/api/plans/:id/activate',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Activate the plan: one active plan per household (PLAN.ACTIVE_EXISTS)', description: accessDoc(A.planUpdate), params: IdParams, body: VersionBody, response: { 200: PlanChange, ...errors } } },
    async (request) => work(request).activatePlan(request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/director',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Change the director: the new one is involved, the previous one’s involvement ends', description: accessDoc(A.planUpdate), params: IdParams, body: DirectorBody, response: { 200: PlanChange, ...errors } } },
    async (request) => work(request).changeDirector(request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/goals',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Add a goal for a ZRM life domain a help request needs, with the reason', description: accessDoc(A.planUpdate), params: IdParams, body: GoalBody, response: { 201: PlanChange, ...errors } } },
    async (request, reply) => reply.code(201).send(await work(request).addGoal(request.params.id, request.body)),
  );

  app.post(
    '/api/plans/:id/sub-activities',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'Assign a sub-activity to a chain partner with its necessary categories (a completed share step plan and a covenant in force are required)',
        description: accessDoc(A.subActivityCreate),
        params: IdParams,
        body: SubActivityBody,
        response: { 201: PlanChange, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await work(request).assignSubActivity(request.params.id, request.body)),
  );

  app.post(
    '/api/sub-activities/:id/refusal',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The partner records that it will not share its care information (R8.2)', description: accessDoc(A.partnerRefusal), params: IdParams, body: PartnerRefusalBody, response: { 200: Type.Object({ id: Uuid, version: Type.Integer(), refusesToShare: Type.Boolean() }), ...errors } } },
    async (request) => work(request).partnerRefusesToShare(request.params.id, request.body),
  );

  app.post(
    '/api/sub-activities/:id/status',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Complete or stop a sub-activity; the partner’s access through it ends', description: accessDoc(A.subActivityStatus), params: IdParams, body: SubStatusBody, response: { 200: Type.Object({ id: Uuid, version: Type.Integer(), status: Type.String() }), ...errors } } },
    async (request) => work(request).setSubActivityStatus(request.params.id, request.body),
  );
};
