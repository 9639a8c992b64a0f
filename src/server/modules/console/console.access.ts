/**
 * Each console route's action, purpose and who may call it (house style habit 4), and the preValidation hook
 * that checks the staff role before the repository checks the capability again and the gate decides.
 */
import type { FastifyRequest } from 'fastify';
import { CAPABILITIES, type Capability } from '../../../core/accountability/capabilities.ts';
import type { StaffRole } from '../../../core/policy/actor.ts';
import type { GateRequest } from '../../../data/index.ts';
import type { AppDeps } from '../../deps.ts';
import { accessDoc, traceOf, type RouteAccess } from '../../http/access-context.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { requireStaffRole } from '../../http/authenticate.ts';

export const CONSOLE_ACCESS = {
  register: { action: 'read', purpose: 'oversight', who: 'privacy officer, functional administrator, archivist (the register holds no personal data)' },
  propose: { action: 'create', purpose: 'oversight', who: 'privacy officer or functional administrator; another one approves (four eyes)' },
  decide: { action: 'update', purpose: 'oversight', who: 'privacy officer or functional administrator, never the proposer; only the proposer withdraws' },
  policyRead: { action: 'read', purpose: 'oversight', who: 'privacy officer, functional administrator, archivist' },
  logReview: { action: 'read', purpose: 'oversight', who: 'the privacy officer (fg-oversight; BIO2 8.15.06); each question is logged, about the resident when it names one' },
  logStatus: { action: 'read', purpose: 'oversight', who: 'privacy officer and functional administrator' },
  logVerify: { action: 'read', purpose: 'oversight', who: 'the privacy officer (verification); privacy officer or functional administrator (checkpoint)' },
  review: { action: 'read', purpose: 'oversight', who: 'the privacy officer (BIO2 5.18.02, 8.02.01)' },
  reviewDecide: { action: 'update', purpose: 'oversight', who: 'the privacy officer, never about their own access; revoking ends the involvement now' },
  retentionRead: { action: 'read', purpose: 'oversight', who: 'privacy officer, functional administrator, archivist (references and dates only)' },
  retentionRun: { action: 'delete', purpose: 'oversight', who: 'dry run: functional administrator or archivist; sign-off and execution: an archivist who did not make the report' },
  hold: { action: 'create', purpose: 'oversight', who: 'privacy officer or archivist' },
  report: { action: 'read', purpose: 'oversight', who: 'privacy officer, functional administrator, archivist (aggregates; counts below 5 shown as "<5")' },
} satisfies Record<string, RouteAccess>;

export function doc(key: keyof typeof CONSOLE_ACCESS): string {
  return accessDoc(CONSOLE_ACCESS[key]);
}

/** The staff roles a capability needs, as a preValidation hook, so a role refusal comes before any schema check (the repository checks again). */
export function staffFor(capability: Capability) {
  return requireStaffRole(...(CAPABILITIES[capability].roles as readonly StaffRole[]));
}

/** For store-level work (verification, retention runs): the actor, trace and clock of this request. */
export function gateRequest(request: FastifyRequest, deps: AppDeps): GateRequest {
  return { actor: request.actor, trace: traceOf(request), now: deps.now ? deps.now() : new Date() };
}

/** Every error status a console route can answer, for its response schema. */
export const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  413: ErrorResponseSchema,
  501: ErrorResponseSchema,
  503: ErrorResponseSchema,
};
