/**
 * The step plan (issue 5 item 2; R3): one per intended request, record or share; the six steps in order;
 * completion re-checks every item through the gate; once-only reuse proposals (R5.4).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { WORK_ACCESS as A } from './work.access.ts';
import {
  AdoptReuseBody,
  BasisStepBody,
  CompatibilityStepBody,
  ConfidentialityStepBody,
  DataStepBody,
  errors,
  IdParams,
  NewStepPlanBody,
  PurposeStepBody,
  ReuseProposal,
  StepPlanSummary,
  StepPlanView,
  TaskStepBody,
  VersionBody,
} from './work.schemas.ts';

const TAG = 'werkplek: stappenplan';

export const stepPlanRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const work = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).work;

  app.post(
    '/api/help-requests/:id/step-plans',
    {
      preValidation: requireProfessional,
      schema: { tags: [TAG], summary: 'Start a step plan for an intended request, record or share (to a named organisation)', description: accessDoc(A.stepPlanCreate), params: IdParams, body: NewStepPlanBody, response: { 201: StepPlanView, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await work(request).createStepPlan(request.params.id, request.body)),
  );

  app.get(
    '/api/help-requests/:id/step-plans',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The step plans of a help request', description: accessDoc(A.stepPlanList), params: IdParams, response: { 200: Type.Object({ stepPlans: Type.Array(StepPlanSummary) }), ...errors } } },
    async (request) => ({ stepPlans: await work(request).stepPlans(request.params.id) }),
  );

  app.get(
    '/api/step-plans/:id',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'One step plan with its steps, items and the gate’s checks per item', description: accessDoc(A.stepPlanRead), params: IdParams, response: { 200: StepPlanView, ...errors } } },
    async (request) => work(request).stepPlan(request.params.id),
  );

  const steps = [
    { n: 1, body: TaskStepBody, summary: 'Step 1: the municipal task (the help request’s own task) and the work it involves', save: (r: ReturnType<typeof work>, id: string, b: never) => r.saveTask(id, b) },
    { n: 2, body: PurposeStepBody, summary: 'Step 2: the purpose — the help request — stated concretely', save: (r: ReturnType<typeof work>, id: string, b: never) => r.savePurpose(id, b) },
    { n: 3, body: DataStepBody, summary: 'Step 3: which data are necessary, per item, with proportionality and subsidiarity (useful, handy or maybe later is not necessary)', save: (r: ReturnType<typeof work>, id: string, b: never) => r.saveItems(id, b) },
    { n: 4, body: BasisStepBody, summary: 'Step 4: the legal basis — ground, special categories, BSN, transfer outside the EEA; the gate checks each item', save: (r: ReturnType<typeof work>, id: string, b: never) => r.saveBasis(id, b) },
    { n: 5, body: CompatibilityStepBody, summary: 'Step 5 (share or reuse): purpose binding, the five criteria of AVG art. 6(4)', save: (r: ReturnType<typeof work>, id: string, b: never) => r.saveCompatibility(id, b) },
    { n: 6, body: ConfidentialityStepBody, summary: 'Step 6 (share or reuse): duties of confidentiality', save: (r: ReturnType<typeof work>, id: string, b: never) => r.saveConfidentiality(id, b) },
  ] as const;
  for (const s of steps) {
    app.put(
      `/api/step-plans/:id/steps/${s.n}`,
      { preValidation: requireProfessional, schema: { tags: [TAG], summary: s.summary, description: accessDoc(A.stepPlanStep), params: IdParams, body: s.body, response: { 200: StepPlanView, ...errors } } },
      async (request) => s.save(work(request), (request.params as { id: string }).id, request.body as never),
    );
  }

  app.post(
    '/api/step-plans/:id/complete',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Complete the plan: only a completed plan authorises the request, record or share', description: accessDoc(A.stepPlanComplete), params: IdParams, body: VersionBody, response: { 200: StepPlanView, ...errors } } },
    async (request) => work(request).completeStepPlan(request.params.id, request.body),
  );

  app.post(
    '/api/step-plans/:id/withdraw',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Withdraw the plan: it authorises nothing from now on', description: accessDoc(A.stepPlanStep), params: IdParams, body: VersionBody, response: { 200: StepPlanView, ...errors } } },
    async (request) => work(request).withdrawStepPlan(request.params.id, request.body),
  );

  app.get(
    '/api/step-plans/:id/reuse',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Once-only: data the resident already gave for another help request, and whether the gate lets them be reused here', description: accessDoc(A.stepPlanReuse), params: IdParams, response: { 200: Type.Object({ proposals: Type.Array(ReuseProposal) }), ...errors } } },
    async (request) => ({ proposals: await work(request).reuseProposals(request.params.id) }),
  );

  app.post(
    '/api/step-plans/:id/reuse',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Reuse a datum the resident already gave instead of asking again (steps 5 and 6 then apply)', description: accessDoc(A.stepPlanAdoptReuse), params: IdParams, body: AdoptReuseBody, response: { 200: StepPlanView, ...errors } } },
    async (request) => work(request).adoptReuse(request.params.id, request.body),
  );
};
