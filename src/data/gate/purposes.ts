/**
 * Deciding an item under the purposes an actor may act for, and the log's purpose record for each.
 * A professional acts for a help request (its task names the register entry); a resident for their
 * portal (pa-portal); a system context for its own register entry (pa-system, pa-signin).
 */
import type { Actor } from '../../core/policy/actor.ts';
import type { CompiledPolicy } from '../../core/policy/compile.ts';
import type { Action, Decision, GateItem, HelpRequestFact } from '../../core/policy/decide.ts';
import { contextFor, type HouseholdFacts } from './facts.ts';
import type { GateWork } from './session.ts';

export interface LogPurpose {
  helpRequestId: string | null;
  code: string;
  activity: string;
}

/** Register entry for processing that no purpose covers (denials before a purpose is established). */
export const ACCESS_CONTROL_ACTIVITY = 'pa-access-control';

export function logPurpose(policy: CompiledPolicy, actor: Actor, purpose: HelpRequestFact | null): LogPurpose {
  if (actor.kind === 'resident') return { helpRequestId: null, code: 'portal', activity: 'pa-portal' };
  if (actor.kind === 'system') return { helpRequestId: null, code: `system:${actor.context}`, activity: actor.context === 'signin' ? 'pa-signin' : 'pa-system' };
  if (!purpose) return { helpRequestId: null, code: 'none', activity: ACCESS_CONTROL_ACTIVITY };
  const activity = policy.tasks.get(purpose.taskCode)?.processingActivity ?? ACCESS_CONTROL_ACTIVITY;
  return { helpRequestId: purpose.id, code: 'help_request', activity };
}

export interface PurposeDecision {
  decision: Decision;
  purpose: HelpRequestFact | null;
}

/** First purpose under which the item is permitted; otherwise the denial that got furthest. */
export function decideUnder(
  work: GateWork,
  facts: HouseholdFacts,
  purposes: readonly HelpRequestFact[],
  item: GateItem,
  action?: Action,
): PurposeDecision {
  const actor = work.actor!;
  if (actor.kind !== 'professional' || purposes.length === 0) {
    const decision = work.decide(contextFor(actor, facts, null, work.now), item, action);
    return { decision, purpose: null };
  }
  let best: PurposeDecision | null = null;
  for (const p of purposes) {
    const decision = work.decide(contextFor(actor, facts, p, work.now), item, action);
    if (decision.permit) return { decision, purpose: p };
    if (!best || decision.passed.length > best.decision.passed.length) best = { decision, purpose: p };
  }
  return best!;
}
