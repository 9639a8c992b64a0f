/**
 * Conversation reports with consent (issue 5 item 3; R4.1), refusal and involuntary processing (item 4;
 * R4.2, R4.3), including the consultation on pseudonymised facts and the notice letter (JSON and PDF).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireProfessional } from '../../http/authenticate.ts';
import { noticePdf } from './notice-pdf.ts';
import { WORK_ACCESS as A } from './work.access.ts';
import {
  AdviceBody,
  ConsentView,
  ConsiderationsBody,
  ConsultationSummary,
  ConsultationView,
  ConsultBody,
  ConversationBody,
  ConversationView,
  DecisionBody,
  errors,
  ExplanationBody,
  IdParams,
  InvoluntaryView,
  LangQuery,
  NoticeView,
  RefusalBody,
  RefusalView,
} from './work.schemas.ts';

const TAG = 'werkplek: toestemming en weigering';

export const consentRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const work = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).work;

  app.post(
    '/api/help-requests/:id/conversations',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'Record a conversation report: which data for which follow-up step and purpose, with the consents given (explicit, ordinary, written no-objection; in writing or not)',
        description: accessDoc(A.conversationCreate),
        params: IdParams,
        body: ConversationBody,
        response: { 201: ConversationView, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await work(request).recordConversation(request.params.id, request.body)),
  );

  app.get(
    '/api/help-requests/:id/conversations',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Conversation reports and consents of a help request', description: accessDoc(A.conversationList), params: IdParams, response: { 200: Type.Object({ reports: Type.Array(ConversationView), consents: Type.Array(ConsentView) }), ...errors } } },
    async (request) => work(request).conversations(request.params.id),
  );

  app.post(
    '/api/consents/:id/withdraw',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Record that the resident withdrew a consent: the gate stops counting it at once', description: accessDoc(A.consentWithdraw), params: IdParams, response: { 200: ConsentView, ...errors } } },
    async (request) => work(request).withdrawConsent(request.params.id),
  );

  app.post(
    '/api/help-requests/:id/refusals',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'Record a refusal and the choice: stop, limit, or (health or safety only) involuntary processing',
        description: accessDoc(A.refusalCreate),
        params: IdParams,
        body: RefusalBody,
        response: { 201: RefusalView, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await work(request).recordRefusal(request.params.id, request.body)),
  );

  app.get(
    '/api/help-requests/:id/refusals',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'Refusals of a help request, with the state of any involuntary-processing record', description: accessDoc(A.refusalList), params: IdParams, response: { 200: Type.Object({ refusals: Type.Array(RefusalView) }), ...errors } } },
    async (request) => ({ refusals: await work(request).refusals(request.params.id) }),
  );

  app.get(
    '/api/involuntary/:id',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'An involuntary-processing record and what is still missing before a decision', description: accessDoc(A.involuntaryRead), params: IdParams, response: { 200: InvoluntaryView, ...errors } } },
    async (request) => work(request).involuntary(request.params.id),
  );

  app.post(
    '/api/involuntary/:id/explanation',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'That the importance of the help was explained to the resident', description: accessDoc(A.involuntaryUpdate), params: IdParams, body: ExplanationBody, response: { 200: InvoluntaryView, ...errors } } },
    async (request) => work(request).recordExplanation(request.params.id, request.body),
  );

  app.post(
    '/api/involuntary/:id/consultation',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'Consult a colleague or expert on pseudonymised facts (no name, BSN, address or birth date); they get an expert involvement',
        description: accessDoc(A.involuntaryUpdate),
        params: IdParams,
        body: ConsultBody,
        response: { 200: InvoluntaryView, ...errors },
      },
    },
    async (request) => work(request).consult(request.params.id, request.body),
  );

  app.get(
    '/api/involuntary/:id/consultation',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'For the consulted colleague or expert: the pseudonymised facts and the question', description: accessDoc(A.consultationRead), params: IdParams, response: { 200: ConsultationView, ...errors } } },
    async (request) => work(request).consultation(request.params.id),
  );

  app.post(
    '/api/involuntary/:id/advice',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The consulted colleague’s or expert’s advice', description: accessDoc(A.consultationAdvice), params: IdParams, body: AdviceBody, response: { 200: ConsultationView, ...errors } } },
    async (request) => work(request).giveAdvice(request.params.id, request.body),
  );

  app.post(
    '/api/involuntary/:id/considerations',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The considerations to take steps against the resident’s will', description: accessDoc(A.involuntaryUpdate), params: IdParams, body: ConsiderationsBody, response: { 200: InvoluntaryView, ...errors } } },
    async (request) => work(request).recordConsiderations(request.params.id, request.body),
  );

  app.post(
    '/api/involuntary/:id/decision',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'The decision by a second person (never the proposer); approval sends the notice to the resident',
        description: accessDoc(A.involuntaryDecide),
        params: IdParams,
        body: DecisionBody,
        response: { 200: InvoluntaryView, ...errors },
      },
    },
    async (request) => work(request).decideInvoluntary(request.params.id, request.body),
  );

  app.get(
    '/api/involuntary/:id/notice',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The notice to the resident: the decision and their rights', description: accessDoc(A.notice), params: IdParams, querystring: LangQuery, response: { 200: NoticeView, ...errors } } },
    async (request) => work(request).notice(request.params.id, request.query.lang ?? 'nl'),
  );

  app.get(
    '/api/involuntary/:id/notice.pdf',
    {
      preValidation: requireProfessional,
      schema: {
        tags: [TAG],
        summary: 'The notice to the resident as a PDF letter',
        description: accessDoc(A.notice),
        params: IdParams,
        querystring: LangQuery,
        produces: ['application/pdf'],
        response: { 200: Type.String({ description: 'A PDF document', contentMediaType: 'application/pdf' }), ...errors },
      },
    },
    async (request, reply) => {
      const notice = await work(request).notice(request.params.id, request.query.lang ?? 'nl');
      const pdf = await noticePdf(notice);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="besluit-${notice.reference}.pdf"`)
        .send(pdf as never);
    },
  );

  app.get(
    '/api/werkplek/consultations',
    { preValidation: requireProfessional, schema: { tags: [TAG], summary: 'The consultations I was asked for and can still answer', description: accessDoc(A.consultations), response: { 200: Type.Object({ consultations: Type.Array(ConsultationSummary) }), ...errors } } },
    async (request) => ({ consultations: await work(request).myConsultations() }),
  );
};
