/**
 * Early signals (issue 5 item 7; R7): own observations, automated payment-arrears signals (only contact
 * details and the amount; the reason for consulting them; under the threshold dropped), contact
 * attempts, the outcome, the accountable professional.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional, requireStaffRole } from '../../http/authenticate.ts';
import { WORK_ACCESS as A } from './work.access.ts';
import {
  ArrearsBody,
  CloseSignalBody,
  ContactAttemptBody,
  errors,
  HandOverBody,
  IdParams,
  ObservationBody,
  PickUpBody,
  SignalIntakeResult,
  SignalView,
  ThresholdBody,
  ThresholdView,
} from './work.schemas.ts';

const TAG = 'werkplek: vroegsignalering';

export const signalRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const work = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).work;

  app.get(
    '/api/signals',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The signals I am accountable for', description: accessDoc(A.signalRead), response: { 200: Type.Object({ signals: Type.Array(SignalView) }), ...errors } } },
    async (request) => ({ signals: await work(request).signals() }),
  );

  app.post(
    '/api/signals/payment-arrears',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'Receive payment-arrears signals (Bgs art. 2: contact details and the amount only); under the threshold they are dropped',
        description: accessDoc(A.signalIntake),
        body: ArrearsBody,
        response: { 201: SignalIntakeResult, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await work(request).receiveArrearsSignals(request.body)),
  );

  app.post(
    '/api/signals/observations',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Record a signal from my own observation', description: accessDoc(A.signalObservation), body: ObservationBody, response: { 201: SignalView, ...errors } } },
    async (request, reply) => reply.code(201).send(await work(request).recordObservation(request.body)),
  );

  app.get(
    '/api/signals/settings',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The arrears threshold in force', description: accessDoc(A.signalRead), response: { 200: ThresholdView, ...errors } } },
    async (request) => work(request).signalThreshold(),
  );

  app.put(
    '/api/signals/settings',
    { preValidation: requireStaffRole('functional_admin'), schema: { tags: [TAG], summary: 'Set the arrears threshold (configuration)', description: accessDoc(A.signalSettings), body: ThresholdBody, response: { 200: ThresholdView, ...errors } } },
    async (request) => work(request).setSignalThreshold(request.body),
  );

  app.get(
    '/api/signals/:id',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'One signal with its contact attempts', description: accessDoc(A.signalRead), params: IdParams, response: { 200: SignalView, ...errors } } },
    async (request) => work(request).signal(request.params.id),
  );

  app.post(
    '/api/signals/:id/pick-up',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Pick the signal up, and why', description: accessDoc(A.signalUpdate), params: IdParams, body: PickUpBody, response: { 200: SignalView, ...errors } } },
    async (request) => work(request).pickUpSignal(request.params.id, request.body),
  );

  app.post(
    '/api/signals/:id/hand-over',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Hand the signal over to a colleague, who becomes accountable', description: accessDoc(A.signalUpdate), params: IdParams, body: HandOverBody, response: { 200: SignalView, ...errors } } },
    async (request) => work(request).handOverSignal(request.params.id, request.body),
  );

  app.post(
    '/api/signals/:id/contact-attempts',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Record a contact attempt (GGM Contactpoging)', description: accessDoc(A.signalUpdate), params: IdParams, body: ContactAttemptBody, response: { 201: SignalView, ...errors } } },
    async (request, reply) => reply.code(201).send(await work(request).addContactAttempt(request.params.id, request.body)),
  );

  app.post(
    '/api/signals/:id/close',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Close the signal with its outcome (GGM resultaat) and whether it was discussed with the resident', description: accessDoc(A.signalUpdate), params: IdParams, body: CloseSignalBody, response: { 200: SignalView, ...errors } } },
    async (request) => work(request).closeSignal(request.params.id, request.body),
  );
};
