/**
 * The staff side of issue 6: the functional administrator's queue of AVG rights requests (the FG reads
 * it), the complaints commissioner's queue (Awb chapter 9), and the involved professional's access
 * restrictions with their reviews. Roles are checked at the door; the gate decides every record.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional, requireStaffRole } from '../../http/authenticate.ts';
import { RESIDENTS_ACCESS as A } from './residents.access.ts';
import {
  CommitteeBody,
  DecideComplaintBody,
  DecideRightsBody,
  errors,
  ExtendBody,
  HandlerComplaint,
  HandlerRightsRequest,
  IdParams,
  NewRestrictionBody,
  PostponeBody,
  QueueQuery,
  Restriction,
  ReviewBody,
} from './residents.schemas.ts';

const RIGHTS = 'verzoeken: AVG-rechten (behandelaar)';
const COMPLAINTS = 'verzoeken: klachten (klachtencommissaris)';
const RESTRICTIONS = 'werkplek: inzagebeperkingen';

export const handlerRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const residents = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).residents;
  const rightsStaff = { preValidation: requireStaffRole('functional_admin', 'privacy_officer') };
  const commissioner = { preValidation: requireStaffRole('complaints_commissioner') };

  // ── AVG rights requests ──
  app.get(
    '/api/requests/rights',
    { ...rightsStaff, schema: { tags: [RIGHTS], summary: 'The queue of AVG requests with their deadlines: overdue first, never dropped', description: accessDoc(A.rightsQueue), querystring: QueueQuery, response: { 200: Type.Object({ requests: Type.Array(HandlerRightsRequest) }), ...errors } } },
    async (request) => ({ requests: await residents(request).rightsQueue(request.query.filter ?? 'open') }),
  );
  app.get('/api/requests/rights/:id', { ...rightsStaff, schema: { tags: [RIGHTS], summary: 'One AVG request', description: accessDoc(A.rightsRead), params: IdParams, response: { 200: HandlerRightsRequest, ...errors } } }, async (request) =>
    residents(request).rightsRequestForHandler(request.params.id),
  );
  app.post('/api/requests/rights/:id/start', { ...rightsStaff, schema: { tags: [RIGHTS], summary: 'Take the request in hand', description: accessDoc(A.rightsHandle), params: IdParams, response: { 200: HandlerRightsRequest, ...errors } } }, async (request) =>
    residents(request).handleRightsRequest(request.params.id, { action: 'start' }),
  );
  app.post(
    '/api/requests/rights/:id/extend',
    { ...rightsStaff, schema: { tags: [RIGHTS], summary: 'Extend by two months, with the reason sent to the resident — only within the first month (AVG art. 12(3))', description: accessDoc(A.rightsHandle), params: IdParams, body: ExtendBody, response: { 200: HandlerRightsRequest, ...errors } } },
    async (request) => residents(request).handleRightsRequest(request.params.id, { action: 'extend', reason: request.body.reason }),
  );
  app.post(
    '/api/requests/rights/:id/decide',
    { ...rightsStaff, schema: { tags: [RIGHTS], summary: 'Decide the request and record the answer sent to the resident', description: accessDoc(A.rightsHandle), params: IdParams, body: DecideRightsBody, response: { 200: HandlerRightsRequest, ...errors } } },
    async (request) => residents(request).handleRightsRequest(request.params.id, { action: 'decide', outcome: request.body.outcome, decision: request.body.decision }),
  );

  // ── Complaints ──
  app.get(
    '/api/requests/complaints',
    { ...commissioner, schema: { tags: [COMPLAINTS], summary: 'The complaints queue with the Awb deadlines: overdue first', description: accessDoc(A.complaintQueue), querystring: QueueQuery, response: { 200: Type.Object({ complaints: Type.Array(HandlerComplaint) }), ...errors } } },
    async (request) => ({ complaints: await residents(request).complaintQueue(request.query.filter ?? 'open') }),
  );
  app.get('/api/requests/complaints/:id', { ...commissioner, schema: { tags: [COMPLAINTS], summary: 'One complaint', description: accessDoc(A.complaintRead), params: IdParams, response: { 200: HandlerComplaint, ...errors } } }, async (request) =>
    residents(request).complaintForHandler(request.params.id),
  );
  app.post('/api/requests/complaints/:id/acknowledge', { ...commissioner, schema: { tags: [COMPLAINTS], summary: 'Record the written acknowledgement (Awb art. 9:6)', description: accessDoc(A.complaintHandle), params: IdParams, response: { 200: HandlerComplaint, ...errors } } }, async (request) =>
    residents(request).handleComplaint(request.params.id, { action: 'acknowledge' }),
  );
  app.post(
    '/api/requests/complaints/:id/committee',
    { ...commissioner, schema: { tags: [COMPLAINTS], summary: 'An advisory committee handles it: ten weeks instead of six (Awb afdeling 9.1.3)', description: accessDoc(A.complaintHandle), params: IdParams, body: CommitteeBody, response: { 200: HandlerComplaint, ...errors } } },
    async (request) => residents(request).handleComplaint(request.params.id, { action: 'committee', committee: request.body.committee }),
  );
  app.post(
    '/api/requests/complaints/:id/postpone',
    { ...commissioner, schema: { tags: [COMPLAINTS], summary: 'Postpone once by four weeks, with written notice, before the deadline (Awb art. 9:11(2))', description: accessDoc(A.complaintHandle), params: IdParams, body: PostponeBody, response: { 200: HandlerComplaint, ...errors } } },
    async (request) => residents(request).handleComplaint(request.params.id, { action: 'postpone', reason: request.body.reason }),
  );
  app.post(
    '/api/requests/complaints/:id/decide',
    { ...commissioner, schema: { tags: [COMPLAINTS], summary: 'Record the findings and the outcome; the resident gets the letter naming the Nationale ombudsman (Awb art. 9:12)', description: accessDoc(A.complaintHandle), params: IdParams, body: DecideComplaintBody, response: { 200: HandlerComplaint, ...errors } } },
    async (request) => residents(request).handleComplaint(request.params.id, { action: 'decide', outcome: request.body.outcome, findings: request.body.findings }),
  );

  // ── Access restrictions (the involved professional) ──
  app.get('/api/restrictions', { preValidation: requireProfessional, schema: { tags: [RESTRICTIONS], summary: 'Access restrictions on the households I am involved with; due and overdue reviews first', description: accessDoc(A.restrictionList), response: { 200: Type.Object({ restrictions: Type.Array(Restriction) }), ...errors } } }, async (request) => ({
    restrictions: await residents(request).restrictions(),
  }));
  app.post(
    '/api/restrictions',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [RESTRICTIONS],
        summary: 'Withhold records or categories from the resident (or only from their representatives), with reason and review date (Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41)',
        description: accessDoc(A.restrictionCreate),
        body: NewRestrictionBody,
        response: { 201: Restriction, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await residents(request).createRestriction(request.body)),
  );
  app.post(
    '/api/restrictions/:id/review',
    { preValidation: requireProfessional, schema: { tags: [RESTRICTIONS], summary: 'Review a restriction: continue until a next review date, or end it', description: accessDoc(A.restrictionReview), params: IdParams, body: ReviewBody, response: { 200: Restriction, ...errors } } },
    async (request) => residents(request).reviewRestriction(request.params.id, request.body),
  );
};
