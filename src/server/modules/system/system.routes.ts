/** Health and the API description. No personal data is processed here, so the gate is not involved. */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';

const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  },
  { additionalProperties: false },
);

export const systemRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_request, reply) => {
      const ok = await deps.store.ping();
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: deps.store.kind });
    },
  );
};
