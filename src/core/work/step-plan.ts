/**
 * The step plan (stappenplan, policy §3.2; R3): before data are requested (uitvraag), recorded
 * (vastlegging) or shared (verstrekking) the professional goes through the steps IN ORDER:
 *   (1) the municipal task, (2) the purpose = the help request, (3) which data are necessary — per item,
 *   with the proportionality and subsidiarity questions; "useful", "handy" or "maybe later" is not
 *   necessary (§3.3) —, (4) the legal basis: (a) ground (AVG 6), (b) special categories (AVG 9/10),
 *   (c) BSN (UAVG 46), (d) transfer outside the EEA (AVG ch. V); and for an exchange, or reuse for
 *   another help request: (5) purpose binding (AVG 6(4), its five criteria) and (6) duties of
 *   confidentiality. "De volgorde … is zeker niet willekeurig" (§3.2): a later step cannot be saved
 *   before an earlier one, and saving an earlier step again reopens the steps after it.
 *
 * Pure: what the rules can check is checked by decide() in the repository; what needs judgement is
 * recorded here, with its arguments (R3.3, R3.4).
 */
import { AppError } from '../errors.ts';

export const STEP_PLAN_KINDS = ['request', 'record', 'share'] as const;
export type StepPlanKind = (typeof STEP_PLAN_KINDS)[number];

export const STEP_PLAN_STATUSES = ['draft', 'completed', 'withdrawn'] as const;
export type StepPlanStatus = (typeof STEP_PLAN_STATUSES)[number];

/** Step 3: the professional's own answer to "is it necessary?" — only 'necessary' counts (§3.3). */
export const NEEDS = ['necessary', 'useful', 'handy', 'maybe_later'] as const;
export type Need = (typeof NEEDS)[number];

/** AVG art. 6(1) grounds a public authority may use; (f) legitimate interest never (AVG 6(1) last sentence). */
export const GROUNDS = ['a', 'b', 'c', 'd', 'e'] as const;
export type Ground = (typeof GROUNDS)[number];

/** AVG ch. V: what makes a transfer outside the EEA lawful. */
export const TRANSFER_SAFEGUARDS = ['adequacy', 'safeguards', 'derogation'] as const;

export const COMPATIBILITY_CONCLUSIONS = ['compatible', 'consent', 'law', 'not_compatible'] as const;
export type CompatibilityConclusion = (typeof COMPATIBILITY_CONCLUSIONS)[number];

export const CONFIDENTIALITY_CONCLUSIONS = ['no_duty', 'duty_permits', 'consent', 'statutory_duty', 'not_permitted'] as const;
export type ConfidentialityConclusion = (typeof CONFIDENTIALITY_CONCLUSIONS)[number];

/** Minimum length of a recorded argument: a word or two is not an argument. */
export const MIN_ARGUMENT = 10;

export interface StepPlanState {
  kind: StepPlanKind;
  status: StepPlanStatus;
  stepsDone: number;
  /** Reuse of data given for another help request (once-only, R5.4): steps 5 and 6 apply too. */
  reuse: boolean;
}

/** Steps 5 and 6 apply to an exchange (share) and to reuse for another help request (§3.2). */
export function isExchange(p: Pick<StepPlanState, 'kind' | 'reuse'>): boolean {
  return p.kind === 'share' || p.reuse;
}

export function lastStep(p: Pick<StepPlanState, 'kind' | 'reuse'>): number {
  return isExchange(p) ? 6 : 4;
}

/** May step `step` be saved now? Refuses a later step before an earlier one with a stable code. */
export function assertStepAllowed(p: StepPlanState, step: number): void {
  if (p.status !== 'draft') throw new AppError('STEP_PLAN.CLOSED', { status: p.status });
  if (!Number.isInteger(step) || step < 1 || step > lastStep(p)) throw new AppError('STEP_PLAN.STEP_NOT_APPLICABLE', { step });
  if (step > p.stepsDone + 1) throw new AppError('STEP_PLAN.OUT_OF_ORDER', { step, next: p.stepsDone + 1 });
}

/**
 * After saving `step`, the steps done: saving an earlier step again reopens every later one, because
 * each step gives direction to the next (§3.2) — a changed purpose changes what is necessary.
 */
export function stepsDoneAfter(step: number): number {
  return step;
}

export function assertArgument(field: string, text: string | null | undefined): void {
  if (typeof text !== 'string' || text.trim().length < MIN_ARGUMENT) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field, min: MIN_ARGUMENT });
}

// ── Step 1 and 2 ──────────────────────────────────────────────────────────────────────────────────────

/** Step 1: the task must be the help request's own task (the help request names it; R1.2). */
export function assertTask(helpRequestTask: string, taskCode: string, taskNote: string): void {
  if (taskCode !== helpRequestTask) throw new AppError('STEP_PLAN.TASK_MISMATCH', { field: 'taskCode' });
  assertArgument('taskNote', taskNote);
}

/** Step 2: the purpose is the help request; the professional states the concrete purpose in it. */
export function assertPurpose(purposeNote: string): void {
  assertArgument('purposeNote', purposeNote);
}

// ── Step 3: necessity per item ────────────────────────────────────────────────────────────────────────

export interface ItemInput {
  residentId: string;
  category: string;
  source: string;
  description: string;
  need: Need;
  /** "Can it be missed?" — data that can be missed are not necessary (§3.3). */
  canBeMissed: boolean;
  /** Is processing a suitable means to the purpose, in proportion to it? */
  proportionality: string;
  /** Is there a less intrusive way (ask less, ask someone else, use what we have)? */
  subsidiarity: string;
  secrecyOrigin?: string | null;
}

export interface ItemAssessment {
  included: boolean;
  /** The rule that excluded it (minimisation), when excluded. */
  exclusionRule: string | null;
  exclusionReason: 'not_necessary' | 'can_be_missed' | null;
}

/**
 * The necessity test per item (R3.3): the arguments are required whatever the answer; only an item the
 * professional calls necessary AND that cannot be missed is included. "Useful", "handy" or "maybe
 * later" is recorded, with its arguments, and excluded — it authorises nothing (rule minimisation).
 */
export function assessItem(item: ItemInput): ItemAssessment {
  if (item.description.trim().length === 0) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'description' });
  assertArgument('proportionality', item.proportionality);
  assertArgument('subsidiarity', item.subsidiarity);
  if (item.need !== 'necessary') return { included: false, exclusionRule: 'minimisation', exclusionReason: 'not_necessary' };
  if (item.canBeMissed) return { included: false, exclusionRule: 'minimisation', exclusionReason: 'can_be_missed' };
  return { included: true, exclusionRule: null, exclusionReason: null };
}

/** Step 3 as a whole: at least one item, no duplicates (resident × category), at least one included. */
export function assertItems(items: readonly ItemInput[]): ItemAssessment[] {
  if (items.length === 0) throw new AppError('STEP_PLAN.NO_NECESSARY_DATA');
  const seen = new Set<string>();
  for (const i of items) {
    const key = `${i.residentId}|${i.category}`;
    if (seen.has(key)) throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'items', reason: 'duplicate' });
    seen.add(key);
  }
  const assessed = items.map(assessItem);
  if (!assessed.some((a) => a.included)) throw new AppError('STEP_PLAN.NO_NECESSARY_DATA');
  return assessed;
}

// ── Step 4: the legal basis ───────────────────────────────────────────────────────────────────────────

export interface BasisInput {
  ground: Ground;
  groundNote: string | null;
  specialNote: string | null;
  bsnUsed: boolean;
  bsnNote: string | null;
  transferOutsideEea: boolean;
  transferSafeguard: (typeof TRANSFER_SAFEGUARDS)[number] | null;
  transferNote: string | null;
}

/**
 * Step 4 (R3.1 4a–d). The task gives the ground (AVG 6(1)(c) or (e)); another ground needs an
 * argument, and consent (a) is for where a law asks it (consent-not-default). Special categories and
 * criminal data need a stated exception, the BSN a stated use, a transfer outside the EEA a safeguard.
 * Whether the task really gives a basis for each category is the gate's to check, per item.
 */
export function assertBasis(b: BasisInput, task: { avg6Ground: string }, itemKinds: readonly string[]): void {
  if (!(GROUNDS as readonly string[]).includes(b.ground)) throw new AppError('STEP_PLAN.GROUND_NOT_ALLOWED', { field: 'ground' });
  if (b.ground !== task.avg6Ground) assertArgument('groundNote', b.groundNote);
  if (itemKinds.some((k) => k === 'special' || k === 'criminal')) assertArgument('specialNote', b.specialNote);
  const usesBsn = itemKinds.includes('bsn');
  if (usesBsn !== b.bsnUsed) throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'bsnUsed' });
  if (b.bsnUsed) assertArgument('bsnNote', b.bsnNote);
  if (b.transferOutsideEea) {
    if (b.transferSafeguard === null) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'transferSafeguard' });
    assertArgument('transferNote', b.transferNote);
  } else if (b.transferSafeguard !== null) {
    throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'transferSafeguard' });
  }
}

// ── Steps 5 and 6 (exchange or reuse) ─────────────────────────────────────────────────────────────────

/** AVG art. 6(4): the five criteria of compatibility, each argued. */
export interface CompatibilityInput {
  link: string;
  context: string;
  nature: string;
  consequences: string;
  safeguards: string;
  conclusion: CompatibilityConclusion;
}

export function assertCompatibility(c: CompatibilityInput): void {
  for (const f of ['link', 'context', 'nature', 'consequences', 'safeguards'] as const) assertArgument(f, c[f]);
}

export interface ConfidentialityInput {
  /** Secrecy origins (catalogue codes) that apply to the data, or none. */
  duties: string[];
  assessment: string;
  conclusion: ConfidentialityConclusion;
}

export function assertConfidentiality(c: ConfidentialityInput, knownDuties: readonly string[]): void {
  for (const d of c.duties) if (!knownDuties.includes(d)) throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'duties' });
  if (c.duties.length === 0 && c.conclusion !== 'no_duty') throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'conclusion' });
  if (c.duties.length > 0 && c.conclusion === 'no_duty') throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'conclusion' });
  assertArgument('assessment', c.assessment);
}

// ── Completion ────────────────────────────────────────────────────────────────────────────────────────

/** Judgement-based blocks to completion (the gate's own checks come on top, per item). */
export function assertCompletable(
  p: StepPlanState,
  judgement: { compatibility: CompatibilityConclusion | null; confidentiality: ConfidentialityConclusion | null },
  includedItems: number,
): void {
  if (p.status !== 'draft') throw new AppError('STEP_PLAN.CLOSED', { status: p.status });
  if (p.stepsDone < lastStep(p)) throw new AppError('STEP_PLAN.INCOMPLETE', { next: p.stepsDone + 1 });
  if (includedItems === 0) throw new AppError('STEP_PLAN.NO_NECESSARY_DATA');
  if (isExchange(p) && judgement.compatibility === 'not_compatible') throw new AppError('STEP_PLAN.NOT_COMPATIBLE', { rule: 'compat-6-4' });
  if (isExchange(p) && judgement.confidentiality === 'not_permitted') throw new AppError('STEP_PLAN.SECRECY', { rule: 'conf-break' });
}

// ── What a completed plan authorises ──────────────────────────────────────────────────────────────────

export interface AuthorisingPlan {
  id: string;
  kind: StepPlanKind;
  status: StepPlanStatus;
  helpRequestId: string;
  recipientOrganisationId: string | null;
  items: ReadonlyArray<{ residentId: string; category: string; included: boolean }>;
}

/**
 * The completed plan that authorises a use, or null. Recording (and requesting) a datum of a category
 * for a resident needs a completed request or record plan of the same help request with that item
 * included; sharing with an organisation needs a completed share plan to that organisation.
 */
export function authorisingPlan(
  plans: readonly AuthorisingPlan[],
  use: { kind: 'record' | 'share'; helpRequestId: string; residentId: string; category: string; organisationId?: string | null },
): AuthorisingPlan | null {
  for (const p of plans) {
    if (p.status !== 'completed' || p.helpRequestId !== use.helpRequestId) continue;
    if (use.kind === 'record' && p.kind === 'share') continue;
    if (use.kind === 'share' && (p.kind !== 'share' || p.recipientOrganisationId !== (use.organisationId ?? null))) continue;
    if (p.items.some((i) => i.included && i.residentId === use.residentId && i.category === use.category)) return p;
  }
  return null;
}

/** Categories of `wanted` that no completed share plan to the organisation covers for the resident. */
export function uncoveredShare(
  plan: AuthorisingPlan,
  residentId: string,
  wanted: readonly string[],
): string[] {
  const covered = new Set(plan.items.filter((i) => i.included && i.residentId === residentId).map((i) => i.category));
  return wanted.filter((c) => !covered.has(c));
}

// ── What the gate's denial asks of the professional ───────────────────────────────────────────────────

export interface ConsentHint {
  kind: 'explicit' | 'written_no_objection';
  /** Pw art. 65 lid 2 sub b: the statement must be in writing. */
  inWriting: boolean;
  sourceLaw: string | null;
  targetLaw: string | null;
}

/**
 * When the gate denied an item for want of consent (a sector-law flow, or a source that needs explicit
 * consent), say which consent the law asks for, so the professional can ask it in the conversation
 * (R4.1) instead of asking the data again. Null when consent would not help.
 */
export function consentHint(d: { permit: boolean; rule: string; facts: Record<string, string | number | boolean | null> }): ConsentHint | null {
  if (d.permit) return null;
  const f = d.facts;
  if (d.rule === 'consent-record' && f['consent'] === 'explicit') return { kind: 'explicit', inWriting: false, sourceLaw: null, targetLaw: null };
  if (d.rule !== 'cross-law-both-permit') return null;
  const condition = f['condition'];
  const sourceLaw = typeof f['sourceLaw'] === 'string' ? f['sourceLaw'] : null;
  const targetLaw = typeof f['targetLaw'] === 'string' ? f['targetLaw'] : null;
  if (condition === 'explicit_consent') return { kind: 'explicit', inWriting: false, sourceLaw, targetLaw };
  if (condition === 'written_no_objection') return { kind: 'written_no_objection', inWriting: true, sourceLaw, targetLaw };
  if (condition === 'explicit_consent_and_written_no_objection') return { kind: 'explicit', inWriting: true, sourceLaw, targetLaw };
  return null;
}
