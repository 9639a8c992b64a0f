/**
 * Triage (R1.3; policy §1.2, §2.4): is the help request single-domain and simple, or multi-problem
 * (meervoudige problematiek)? The professional decides and records why; the system never decides it
 * (AVG 22: no solely automated decisions — rule auto-decision). Pure.
 */
import { AppError } from '../errors.ts';
import { assertTransition, type Complexity, type HelpRequestStatus } from '../domain/help-request.ts';

export const MIN_REASONING = 10;

export function assertTriage(t: { complexity: Complexity; reasoning: string }): void {
  if (t.reasoning.trim().length < MIN_REASONING) throw new AppError('TRIAGE.REASONING_REQUIRED', { field: 'reasoning', min: MIN_REASONING });
}

/**
 * The status after a triage: a registered help request becomes triaged (through the transition table);
 * a triaged or running one keeps its status and gets the new reasoning; a closed one refuses.
 */
export function statusAfterTriage(status: HelpRequestStatus): HelpRequestStatus {
  if (status === 'registered') {
    assertTransition(status, 'triaged');
    return 'triaged';
  }
  if (status === 'triaged' || status === 'in_progress') return status;
  throw new AppError('HELP_REQUEST.CLOSED');
}

/**
 * A hint, never a decision: the household has open help requests in more than one domain. The
 * professional still chooses and argues the complexity.
 */
export function multiDomainHint(openDomains: readonly string[]): boolean {
  return new Set(openDomains).size > 1;
}
