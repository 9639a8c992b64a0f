/**
 * Help request (hulpvraag): the purpose of processing (R1.2; policy 3.2 step 2). It names the
 * municipal task (step 1) and its legal source. Its status lifecycle is a pure transition table.
 */
import { AppError } from '../errors.ts';

export const HELP_REQUEST_STATUSES = ['registered', 'triaged', 'in_progress', 'closed', 'withdrawn'] as const;
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];

/** Triage outcome (R1.3; policy 1.2, 2.4): one domain and simple, or multi-problem (meervoudige problematiek). */
export const COMPLEXITIES = ['single', 'multi'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

const TRANSITIONS: Record<HelpRequestStatus, readonly HelpRequestStatus[]> = {
  registered: ['triaged', 'withdrawn'],
  triaged: ['in_progress', 'closed', 'withdrawn'],
  in_progress: ['closed', 'withdrawn'],
  closed: [],
  withdrawn: [],
};

export function canTransition(from: HelpRequestStatus, to: HelpRequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: HelpRequestStatus, to: HelpRequestStatus): void {
  if (from === 'closed' || from === 'withdrawn') throw new AppError('HELP_REQUEST.CLOSED');
  if (!canTransition(from, to)) {
    throw new AppError('HELP_REQUEST.INVALID_TRANSITION', { from, to });
  }
}

/** An open help request can still serve as the purpose for new processing. */
export function isOpen(status: HelpRequestStatus): boolean {
  return status !== 'closed' && status !== 'withdrawn';
}
