/**
 * A request for the command line: a named system context instead of a person (the CLI has no sign-in).
 * Whatever it does is decided for that context and logged under it, like the seed and key rotation.
 */
import type { SystemContext } from '../../../core/policy/actor.ts';
import { newTrace, type GateRequest } from '../../gate/session.ts';

export function systemRequest(context: SystemContext, now: Date = new Date()): GateRequest {
  return { actor: { kind: 'system', context }, trace: newTrace(), now };
}
