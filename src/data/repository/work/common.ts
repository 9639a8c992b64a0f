/**
 * Shared steps of the professional's work (issue 5): resolve a help request as the purpose the actor's
 * involvement covers (or answer 404 and log the attempt), decide an item and refuse with a logged
 * denial, field encryption of free text, optimistic concurrency. Every write module uses these, so
 * every write is decided by the gate BEFORE anything is written (a denial commits only its log entry).
 */
import '../../schema-work.ts';
import type { Actor } from '../../../core/policy/actor.ts';
import type { Action, Decision, GateItem, HelpRequestFact } from '../../../core/policy/decide.ts';
import { AppError, type ErrorCode } from '../../../core/errors.ts';
import { fieldAad } from '../../../core/crypto/keyring.ts';
import { contextFor, coveredPurposes, loadHouseholdFacts, lawOfTask, type HelpRequestRow, type HouseholdFacts } from '../../gate/facts.ts';
import { logPurpose, type LogPurpose } from '../../gate/purposes.ts';
import type { GateWork } from '../../gate/session.ts';

export type Professional = Extract<Actor, { kind: 'professional' }>;

export function professional(work: GateWork): Professional {
  const a = work.actor;
  if (!a || a.kind !== 'professional') throw new AppError('AUTH.ROLE_REQUIRED');
  return a;
}

export interface Scope {
  actor: Professional;
  hr: HelpRequestRow;
  facts: HouseholdFacts;
  purpose: HelpRequestFact;
  lp: LogPurpose;
}

const NO_FACTS = { involvements: [], subActivities: new Map(), consents: [], involuntary: [] };

/** Log an attempt at something the actor may not know exists, then answer 404 (house style habit 5). */
export function notFound(work: GateWork, object: { type: string; id: string | null }, category = 'case', subject: string | null = null): never {
  const actor = work.actor!;
  const probe = work.decide(
    { actor, purpose: null, at: work.now, ...NO_FACTS },
    { type: 'help_request', id: object.id, householdId: '', residentId: subject, category, collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
  );
  work.denied(subject, logPurpose(work.policy, actor, null), object, category, probe);
  return work.failAfterCommit('GATE.NOT_FOUND');
}

/**
 * The help request as purpose: it exists and a current involvement of the actor covers it; otherwise
 * the attempt is logged and answered 404. The facts (involvements, consents, involuntary records) are
 * those decide() needs for this household.
 */
export async function scopeFor(work: GateWork, helpRequestId: string, object: { type: string; id: string | null } = { type: 'help_request', id: helpRequestId }): Promise<Scope> {
  const actor = work.actor!;
  if (actor.kind !== 'professional') return notFound(work, object);
  const row = await work.tx.selectFrom('help_request').select('household_id').where('id', '=', helpRequestId).executeTakeFirst();
  if (!row) return notFound(work, object);
  const facts = (await loadHouseholdFacts(work.tx, work.policy, actor, [row.household_id], work.now)).get(row.household_id)!;
  const [purpose] = coveredPurposes(facts, actor, work.now, helpRequestId);
  const hr = facts.helpRequestRows.find((h) => h.id === helpRequestId)!;
  if (!purpose) {
    const probe = work.decide(contextFor(actor, facts, facts.helpRequests.get(helpRequestId) ?? null, work.now), caseItem(work, hr));
    work.denied(hr.resident_id, logPurpose(work.policy, actor, null), object, 'case', probe);
    return work.failAfterCommit('GATE.NOT_FOUND');
  }
  return { actor, hr, facts, purpose, lp: logPurpose(work.policy, actor, purpose) };
}

/** The help request's own file (its case data, step plans, consents, refusals) as the gate sees it. */
export function caseItem(work: GateWork, hr: { id: string; household_id: string; resident_id: string; task_code: string; confidentiality: string }, residentId: string = hr.resident_id): GateItem {
  return {
    type: 'help_request',
    id: hr.id,
    householdId: hr.household_id,
    residentId,
    category: 'case',
    collectedForLaw: lawOfTask(work.policy, hr.task_code),
    source: null,
    confidentiality: hr.confidentiality,
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}

/** Decide under the scope's purpose; a denial is logged and committed, then answered 403 with its rule. */
export function allow(
  work: GateWork,
  scope: Scope,
  item: GateItem,
  action: Action,
  object: { type: string; id: string | null },
  code: ErrorCode = 'GATE.DENIED',
): Decision {
  const decision = work.decide(contextFor(scope.actor, scope.facts, scope.purpose, work.now), item, action);
  if (!decision.permit) {
    work.denied(item.residentId, scope.lp, object, item.category, decision);
    return work.failAfterCommit(code, { rule: decision.rule });
  }
  return decision;
}

/** The role of the involvement that carried a permit (experts see pseudonymised facts only). */
export function roleOf(decision: Decision): string | null {
  const r = decision.facts['role'];
  return typeof r === 'string' ? r : null;
}

export function seal(work: GateWork, table: string, column: string, id: string, text: string): Uint8Array {
  return work.keyring.encrypt(text, fieldAad(table, column, id));
}

export function open(work: GateWork, table: string, column: string, id: string, blob: Uint8Array | null): string | null {
  return blob === null ? null : work.keyring.decrypt(blob, fieldAad(table, column, id));
}

/** Is this person a current member of the household? */
export async function isMember(work: GateWork, householdId: string, residentId: string): Promise<boolean> {
  const day = work.now.toISOString().slice(0, 10);
  const row = await work.tx
    .selectFrom('household_member')
    .select('resident_id')
    .where('household_id', '=', householdId)
    .where('resident_id', '=', residentId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', day)]))
    .executeTakeFirst();
  return row !== undefined;
}

export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

export function today(work: GateWork): string {
  return work.now.toISOString().slice(0, 10);
}

/** PostgreSQL's unique_violation, as both drivers report it. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
