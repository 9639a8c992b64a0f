/**
 * Early signalling (vroegsignalering, R7; policy §4; GGM Vroegsignalering: Vroegsignaal,
 * Vroegsignaalzaak, Contactpoging). Signals come primarily from the professional's own observation;
 * automated payment-arrears signals (housing, energy, water, health insurers; Wgs art. 3(1)(b) and the
 * Besluit gemeentelijke schuldhulpverlening art. 2) carry ONLY contact details and the arrears amount,
 * are consulted only with a recorded reason, and signals under the threshold are not processed at all
 * (AP: proportionality). Every signal has one accountable professional (R7.2). Pure.
 */
import type { Actor } from '../policy/actor.ts';
import type { CompiledPolicy } from '../policy/compile.ts';
import type { Action, Decision } from '../policy/decide.ts';
import { AppError } from '../errors.ts';
import { MIN_ARGUMENT } from './step-plan.ts';

export const SIGNAL_KINDS = ['own_observation', 'payment_arrears'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_STATUSES = ['new', 'picked_up', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** The vaste-lastenpartners of the Bgs. */
export const CREDITOR_KINDS = ['housing', 'energy', 'water', 'health_insurer'] as const;

/** GGM Contactpoging.soort: Mail, Brief, SMS/Whatsapp, Telefoon, Huisbezoek, Kaartje, Administratief, Afspraak op locatie. */
export const CONTACT_ATTEMPT_KINDS = ['mail', 'brief', 'sms_whatsapp', 'telefoon', 'huisbezoek', 'kaartje', 'administratief', 'afspraak_op_locatie'] as const;
export const DAY_PARTS = ['ochtend', 'middag', 'avond'] as const;

/** GGM Vroegsignaalzaak.resultaat. */
export const SIGNAL_RESULTS = [
  'niet_opgepakt_herhaalde_melding',
  'niet_opgepakt_onterecht_signaal',
  'niet_opgepakt_andere_reden',
  'al_bekend_bij_shv',
  'definitief_geen_contact',
  'hoeft_geen_hulp',
  'zelf_al_geregeld',
  'budgetadvies_quick_fix',
  'vervolghulp_verwijzing_financieel',
] as const;
export type SignalResult = (typeof SIGNAL_RESULTS)[number];

/** What a payment-arrears signal may carry (Bgs art. 2): contact details and the arrears amount. */
export const PAYMENT_SIGNAL_CATEGORIES = ['identity', 'address', 'contact', 'payment_arrears'] as const;

/** Default threshold: the median municipalities use (research/legal.md signal-proportionality), in cents. */
export const DEFAULT_THRESHOLD_CENTS = 7500;

export function euroToCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Split incoming signals into those processed and the number dropped under the threshold (not stored). */
export function applyThreshold<T extends { arrearsCents: number }>(signals: readonly T[], thresholdCents: number): { kept: T[]; dropped: number } {
  const kept = signals.filter((s) => s.arrearsCents >= thresholdCents);
  return { kept, dropped: signals.length - kept.length };
}

export function assertConsultReason(reason: string | null | undefined): void {
  if (typeof reason !== 'string' || reason.trim().length < MIN_ARGUMENT) throw new AppError('SIGNAL.REASON_REQUIRED', { field: 'consultReason', min: MIN_ARGUMENT });
}

export interface SignalFacts {
  id: string | null;
  kind: SignalKind;
  accountableId: string | null;
  category: string;
}

const signalDecision = (policy: CompiledPolicy, permit: boolean, rule: string, passed: string[], cited: string[], facts: Decision['facts']): Decision => ({
  permit,
  rule,
  passed,
  cited,
  facts,
  involvementId: null,
  catalogueVersion: policy.version,
});

/**
 * The gate for signals (there is no help request yet, so decide()'s purpose chain does not apply):
 * a professional of the municipality may record a signal and becomes accountable for it; afterwards
 * only the accountable professional processes it. A payment-arrears signal holds only the categories
 * the Bgs allows (signal-bgs-2); its source may be used only for Wgs tasks (source payment_signal).
 */
export function decideSignal(
  policy: CompiledPolicy,
  actor: Actor | null,
  actorOrganisationKind: string | null,
  action: Action,
  s: SignalFacts,
): Decision {
  if (actor === null) return signalDecision(policy, false, 'gate-actor-known', [], [], { actor: null });
  const passed = ['gate-actor-known'];
  const facts: Decision['facts'] = { signal: s.id, kind: s.kind, category: s.category, action };
  if (actor.kind !== 'professional') return signalDecision(policy, false, 'signal-accountable', passed, [], facts);
  if (!policy.categories.has(s.category)) return signalDecision(policy, false, 'gate-unknown-fact', passed, [], facts);
  if (s.kind === 'payment_arrears' && !(PAYMENT_SIGNAL_CATEGORIES as readonly string[]).includes(s.category)) {
    return signalDecision(policy, false, 'signal-bgs-2', passed, ['signal-separate-purpose'], facts);
  }
  const cited = s.kind === 'payment_arrears' ? ['signal-bgs-2', 'signal-proportionality', 'signal-separate-purpose'] : ['signal-separate-purpose'];
  if (action === 'create') {
    // Receiving and recording signals is the municipality's task (Wgs 3(1)(b)); a chain partner does not.
    const municipal = actorOrganisationKind === 'municipality' || actorOrganisationKind === 'municipal_team';
    if (!municipal) return signalDecision(policy, false, 'signal-accountable', passed, cited, { ...facts, municipal });
    return signalDecision(policy, true, 'signal-accountable', [...passed, 'signal-accountable'], cited, facts);
  }
  if (s.accountableId !== actor.id) return signalDecision(policy, false, 'signal-accountable', passed, cited, { ...facts, accountable: false });
  return signalDecision(policy, true, 'signal-accountable', [...passed, 'signal-accountable'], cited, { ...facts, accountable: true });
}
