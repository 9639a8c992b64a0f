/**
 * Step 3 of the flow of one request: build the access context — the actor (from the session, never a
 * header), the trace (W3C Trace Context `traceparent` is accepted, as LDV requires), the clock — and
 * hand out the request's gate-bound repository. Routes declare their action and purpose in a table
 * next to the route (house style habit 4); the table feeds the OpenAPI description too.
 */
import type { FastifyRequest } from 'fastify';
import { newTrace, type Repository } from '../../data/index.ts';
import type { AppDeps } from '../deps.ts';

export type Purpose =
  /** A help request named in the path or derived per row from the actor's involvements. */
  | 'help_request'
  /** The resident's own portal (pa-portal). */
  | 'portal'
  /** The privacy officer's oversight (pa-oversight). */
  | 'oversight';

export interface RouteAccess {
  action: 'read' | 'list' | 'create' | 'update' | 'delete';
  purpose: Purpose;
  /** Who may call it; the gate still decides every record. */
  who: string;
}

/** Describe the access declaration for the API documentation. */
export function accessDoc(a: RouteAccess): string {
  return `Gate: action \`${a.action}\`, purpose \`${a.purpose}\`; ${a.who}. Every record is decided, projected and logged by the gate.`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export function traceOf(request: FastifyRequest) {
  const header = request.headers['traceparent'];
  const m = typeof header === 'string' ? TRACEPARENT.exec(header) : null;
  return newTrace(m ? { traceId: m[1]!, spanId: m[2]! } : null);
}

export function repositoryFor(request: FastifyRequest, deps: AppDeps): Repository {
  return deps.store.repository({ actor: request.actor, trace: traceOf(request), now: deps.now ? deps.now() : new Date() });
}
