/** Intake and triage (issue 5 item 1): register a help request, triage it, move its status. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { WORK_ACCESS as A } from './work.access.ts';
import { errors, HelpRequestState, IdParams, IntakeBody, IntakeResult, StatusBody, StatusResult, TriageBody, TriageResult } from './work.schemas.ts';

export const intakeRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/intake',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek: intake'],
        summary: 'Register a help request (intake) for a new or known resident; the BSN passes the 11-proef',
        description: `${accessDoc(A.intake)} A known BSN uses the resident's data as the BRP has them; an unknown one needs them (INTAKE.RESIDENT_DATA_REQUIRED).`,
        body: IntakeBody,
        response: { 201: IntakeResult, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await repositoryFor(request, deps).work.registerHelpRequest(request.body)),
  );

  app.put(
    '/api/help-requests/:id/triage',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek: intake'],
        summary: 'Triage: single-domain or multi-problem, with the reasoning (R1.3)',
        description: accessDoc(A.triage),
        params: IdParams,
        body: TriageBody,
        response: { 200: TriageResult, ...errors },
      },
    },
    async (request) => repositoryFor(request, deps).work.triage(request.params.id, request.body),
  );

  app.post(
    '/api/help-requests/:id/status',
    {
      preValidation: requireProfessional,
      schema: {
        tags: ['werkplek: intake'],
        summary: 'Move the help request to another status (through the transition table)',
        description: accessDoc(A.status),
        params: IdParams,
        body: StatusBody,
        response: { 200: StatusResult, ...errors },
      },
    },
    async (request) => repositoryFor(request, deps).work.setStatus(request.params.id, request.body),
  );

  app.get(
    '/api/help-requests/:id/state',
    {
      preValidation: requireProfessional,
      schema: { tags: ['werkplek: intake'], summary: 'The help request’s status, triage and version (for the work screens)', description: accessDoc(A.state), params: IdParams, response: { 200: HelpRequestState, ...errors } },
    },
    async (request) => repositoryFor(request, deps).work.helpRequestState(request.params.id),
  );
};
