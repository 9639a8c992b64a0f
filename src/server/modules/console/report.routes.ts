/**
 * The council report (issue 7 item 6; R10.1): JSON for the console (which draws the charts as SVG), CSV
 * and PDF. Aggregates only; counts below 5 are shown as "<5" in every format.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildCouncilReport, councilReportCsv } from '../../../core/accountability/council-report.ts';
import type { AppDeps } from '../../deps.ts';
import { repositoryFor } from '../../http/access-context.ts';
import { doc, errors, staffFor } from './console.access.ts';
import { CouncilReport, ReportQuery } from './console.schemas.ts';
import { councilReportPdf } from './report-pdf.ts';

export const reportRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/console/report/council',
    { preValidation: staffFor('report.council'), schema: { tags: ['console'], summary: 'The council report for a period (aggregates; small counts suppressed)', description: doc('report'), querystring: ReportQuery, response: { 200: CouncilReport, ...errors } } },
    async (request) => {
      const { from, to, lang } = request.query;
      return buildCouncilReport(await repositoryFor(request, deps).console.councilCounts({ from, to }), lang ?? 'nl');
    },
  );

  app.get(
    '/api/console/report/council.csv',
    {
      preValidation: staffFor('report.council'),
      schema: { tags: ['console'], summary: 'The council report as CSV', description: doc('report'), querystring: ReportQuery, produces: ['text/csv'], response: { 200: Type.String({ description: 'CSV: section, row, column, value as shown', contentMediaType: 'text/csv' }), ...errors } },
    },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const report = buildCouncilReport(await repositoryFor(request, deps).console.councilCounts({ from, to }), lang ?? 'nl');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="raadsrapportage-${from}-${to}.csv"`)
        .send(councilReportCsv(report) as never);
    },
  );

  app.get(
    '/api/console/report/council.pdf',
    {
      preValidation: staffFor('report.council'),
      schema: { tags: ['console'], summary: 'The council report as PDF', description: doc('report'), querystring: ReportQuery, produces: ['application/pdf'], response: { 200: Type.String({ description: 'A PDF document', contentMediaType: 'application/pdf' }), ...errors } },
    },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const report = buildCouncilReport(await repositoryFor(request, deps).console.councilCounts({ from, to }), lang ?? 'nl');
      const pdf = await councilReportPdf(report, lang ?? 'nl');
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="raadsrapportage-${from}-${to}.pdf"`).send(pdf as never);
    },
  );
};
