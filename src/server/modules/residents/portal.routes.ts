/**
 * The residents' portal API, issue 6 (R5, R9): rights first, my file, who viewed my data (with export),
 * consents with withdrawal, AVG rights requests, complaints and the full access export. Every route acts
 * for the signed-in resident or — with ?subject= or subjectId — for a person they represent; the gate's
 * age rules decide, and anything else is a logged 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, repositoryFor } from '../../http/access-context.ts';
import { requireResident } from '../../http/authenticate.ts';
import { accessLogCsv } from './csv.ts';
import { exportPdf, letterPdf } from './pdf.ts';
import { RESIDENTS_ACCESS as A } from './residents.access.ts';
import {
  AccessLog,
  AccessLogExport,
  AccessLogExportQuery,
  AccessLogQuery,
  Complaint,
  Consent,
  errors,
  ExportQuery,
  FormatQuery,
  FullExport,
  IdParams,
  Letter,
  MyFile,
  NewComplaintBody,
  NewRightsRequestBody,
  RightsNotice,
  RightsRequest,
  SignalsAndMatches,
  SubjectQuery,
  FileQuery,
} from './residents.schemas.ts';

const TAG = 'mijn: inzage, verzoeken en klachten';
const PDF = Type.String({ description: 'A PDF document', contentMediaType: 'application/pdf' });

export const residentPortalRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const residents = (request: Parameters<typeof repositoryFor>[0]) => repositoryFor(request, deps).residents;
  const showNames = deps.config.accessLog.showNames;
  const pre = { preValidation: requireResident };

  app.get('/api/mijn/rights-notice', { ...pre, schema: { tags: [TAG], summary: 'Were my rights and duties shown to me (this version of the text)?', description: accessDoc(A.rightsNotice), response: { 200: RightsNotice, ...errors } } }, async (request) =>
    residents(request).rightsNotice(),
  );

  app.post('/api/mijn/rights-notice', { ...pre, schema: { tags: [TAG], summary: 'Remember that my rights and duties were shown to me (R5.1)', description: accessDoc(A.rightsShown), response: { 200: RightsNotice, ...errors } } }, async (request) =>
    residents(request).markRightsShown(),
  );

  app.get(
    '/api/mijn/file',
    { ...pre, schema: { tags: [TAG], summary: 'My file: help requests, plan, and the data about me per category with source and purpose; what is withheld', description: accessDoc(A.file), querystring: FileQuery, response: { 200: MyFile, ...errors } } },
    async (request) => {
      const q = request.query;
      return residents(request).file(q.subject ?? null, { after: q.itemsAfter, limit: q.items === undefined ? undefined : Number(q.items) });
    },
  );

  app.get(
    '/api/mijn/access-log',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'Who viewed my data: when, who (organisation, function; the name where the municipality shows names), for which purpose — per period, a page at a time',
        description: accessDoc(A.accessLog),
        querystring: AccessLogQuery,
        response: { 200: AccessLog, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return residents(request).accessLog({ subjectId: q.subject ?? null, from: q.from, to: q.to, page: q.page ? Number(q.page) : 1, pageSize: q.pageSize ? Number(q.pageSize) : 25 }, showNames);
    },
  );

  app.get(
    '/api/mijn/access-log/export',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'Who viewed my data, for the whole period, as a file (JSON or CSV)',
        description: accessDoc(A.accessLogExport),
        querystring: AccessLogExportQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: Type.Union([AccessLogExport, Type.String({ contentMediaType: 'text/csv' })]), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const log = await residents(request).accessLogExport({ subjectId: q.subject ?? null, from: q.from, to: q.to }, showNames);
      const name = `wie-bekeek-mijn-gegevens-${log.period.from}-${log.period.to}`;
      if (q.format === 'csv') {
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(accessLogCsv(log.entries) as never);
      }
      return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(log);
    },
  );

  app.get(
    '/api/mijn/export',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'Everything about me and the processing log about me: machine-readable (JSON) or readable (PDF) (AVG art. 15)',
        description: accessDoc(A.export),
        querystring: ExportQuery,
        produces: ['application/json', 'application/pdf'],
        response: { 200: Type.Union([FullExport, PDF]), ...errors },
      },
    },
    async (request, reply) => {
      const x = await residents(request).fullExport(request.query.subject ?? null, showNames);
      const name = `inzage-${x.generatedAt.slice(0, 10)}`;
      if (request.query.format === 'pdf') {
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send((await exportPdf(x)) as never);
      }
      return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(x);
    },
  );

  app.get('/api/mijn/consents', { ...pre, schema: { tags: [TAG], summary: 'My consents and written no-objections', description: accessDoc(A.consents), querystring: SubjectQuery, response: { 200: Type.Object({ consents: Type.Array(Consent) }), ...errors } } }, async (request) => ({
    consents: await residents(request).consents(request.query.subject ?? null),
  }));

  app.post(
    '/api/mijn/consents/:id/withdraw',
    { ...pre, schema: { tags: [TAG], summary: 'Withdraw a consent: it stops counting at once (AVG art. 7(3))', description: accessDoc(A.consentWithdraw), params: IdParams, response: { 200: Consent, ...errors } } },
    async (request) => residents(request).withdrawConsent(request.params.id),
  );

  app.get(
    '/api/mijn/signals',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'Early signals matched to me (who is accountable, why, contact attempts, outcome) and the professionals told of each other’s involvement with me',
        description: accessDoc(A.signals),
        querystring: SubjectQuery,
        response: { 200: SignalsAndMatches, ...errors },
      },
    },
    async (request) => residents(request).signals(request.query.subject ?? null, showNames),
  );

  app.get('/api/mijn/rights-requests', { ...pre, schema: { tags: [TAG], summary: 'My AVG requests with their status and deadline', description: accessDoc(A.rightsRequests), querystring: SubjectQuery, response: { 200: Type.Object({ requests: Type.Array(RightsRequest) }), ...errors } } }, async (request) => ({
    requests: await residents(request).rightsRequests(request.query.subject ?? null),
  }));

  app.post(
    '/api/mijn/rights-requests',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'File an AVG request: access, rectification, restriction, objection or erasure (answer within one month, AVG art. 12(3))',
        description: accessDoc(A.rightsRequestCreate),
        body: NewRightsRequestBody,
        response: { 201: RightsRequest, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await residents(request).fileRightsRequest(request.body)),
  );

  app.get('/api/mijn/rights-requests/:id', { ...pre, schema: { tags: [TAG], summary: 'One of my AVG requests', description: accessDoc(A.rightsRequest), params: IdParams, response: { 200: RightsRequest, ...errors } } }, async (request) =>
    residents(request).rightsRequest(request.params.id),
  );

  app.get('/api/mijn/complaints', { ...pre, schema: { tags: [TAG], summary: 'My complaints with their status and deadline', description: accessDoc(A.complaints), querystring: SubjectQuery, response: { 200: Type.Object({ complaints: Type.Array(Complaint) }), ...errors } } }, async (request) => ({
    complaints: await residents(request).complaints(request.query.subject ?? null),
  }));

  app.post(
    '/api/mijn/complaints',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'File a complaint about the processing of my data (Awb chapter 9: decided within six weeks, or ten with a committee)',
        description: accessDoc(A.complaintCreate),
        body: NewComplaintBody,
        response: { 201: Complaint, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await residents(request).fileComplaint(request.body)),
  );

  app.get('/api/mijn/complaints/:id', { ...pre, schema: { tags: [TAG], summary: 'One of my complaints', description: accessDoc(A.complaint), params: IdParams, response: { 200: Complaint, ...errors } } }, async (request) =>
    residents(request).complaint(request.params.id),
  );

  app.get(
    '/api/mijn/complaints/:id/letter',
    {
      ...pre,
      schema: {
        tags: [TAG],
        summary: 'The outcome letter of my complaint, naming the Nationale ombudsman and the term (Awb art. 9:12), as JSON or PDF',
        description: accessDoc(A.complaintLetter),
        params: IdParams,
        querystring: FormatQuery,
        produces: ['application/json', 'application/pdf'],
        response: { 200: Type.Union([Letter, PDF]), ...errors },
      },
    },
    async (request, reply) => {
      const letter = await residents(request).complaintLetter(request.params.id);
      if (request.query.format === 'pdf') {
        const ref = letter.title.split(' ').pop();
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="klacht-${ref}.pdf"`).send((await letterPdf(letter)) as never);
      }
      return letter;
    },
  );
};
