/**
 * Reverse queries from the same rules as decide(): "who can see this item" (for the privacy officer
 * and the resident's portal) and "which residents' data can this professional see, in which categories"
 * (access reviews). Both simply run decide() over the candidates the facts name, so they can never
 * disagree with the gate.
 */
import type { Actor, StaffRole } from './actor.ts';
import type { CompiledPolicy } from './compile.ts';
import {
  decide,
  type Action,
  type ConsentFact,
  type Decision,
  type GateItem,
  type HelpRequestFact,
  type InvolvementFact,
  type InvoluntaryFact,
  type SubActivityFact,
} from './decide.ts';

export interface ProfessionalFact {
  id: string;
  organisationId: string;
  displayName: string;
  roles: StaffRole[];
}

export interface HouseholdWorld {
  householdId: string;
  helpRequests: ReadonlyMap<string, HelpRequestFact>;
  /** All involvements with the household, of every professional. */
  involvements: readonly InvolvementFact[];
  subActivities: ReadonlyMap<string, SubActivityFact>;
  consents: readonly ConsentFact[];
  involuntary: readonly InvoluntaryFact[];
  professionals: ReadonlyMap<string, ProfessionalFact>;
}

export interface Viewer {
  professional: ProfessionalFact;
  involvementId: string;
  role: InvolvementFact['role'];
  purposeHelpRequestId: string;
  decision: Decision;
}

function purposesOf(world: HouseholdWorld, inv: InvolvementFact): HelpRequestFact[] {
  if (inv.subActivityId !== null) {
    const sub = world.subActivities.get(inv.subActivityId);
    const hr = sub ? world.helpRequests.get(sub.helpRequestId) : undefined;
    return hr ? [hr] : [];
  }
  if (inv.helpRequestId !== null) {
    const hr = world.helpRequests.get(inv.helpRequestId);
    return hr ? [hr] : [];
  }
  return [...world.helpRequests.values()];
}

/** Every professional who may perform `action` on `item` at `at`, with the purpose and the decision. */
export function whoCanSee(policy: CompiledPolicy, world: HouseholdWorld, item: GateItem, at: Date, action: Action = 'read'): Viewer[] {
  const out: Viewer[] = [];
  const seen = new Set<string>();
  const t = at.getTime();
  for (const inv of world.involvements) {
    if (inv.validFrom.getTime() > t || (inv.validUntil !== null && inv.validUntil.getTime() <= t)) continue;
    if (seen.has(inv.professionalId)) continue;
    const professional = world.professionals.get(inv.professionalId);
    if (!professional) continue;
    const actor: Actor = { kind: 'professional', id: professional.id, organisationId: professional.organisationId, roles: professional.roles, displayName: professional.displayName };
    const own = world.involvements.filter((i) => i.professionalId === professional.id);
    for (const purpose of purposesOf(world, inv)) {
      const decision = decide(policy, {
        actor,
        purpose,
        at,
        involvements: own,
        subActivities: world.subActivities,
        consents: world.consents,
        involuntary: world.involuntary,
      }, action, item);
      if (decision.permit) {
        out.push({ professional, involvementId: decision.involvementId ?? inv.id, role: inv.role, purposeHelpRequestId: purpose.id, decision });
        seen.add(professional.id);
        break;
      }
    }
  }
  return out;
}

export interface VisibleResident {
  residentId: string;
  householdId: string;
  categories: string[];
  purposes: string[];
}

/**
 * Which residents' data a professional can see now, per category: for each household world (the
 * professional's involvements), each candidate item (one per resident × category) is decided.
 */
export function visibleResidents(
  policy: CompiledPolicy,
  professional: ProfessionalFact,
  worlds: readonly HouseholdWorld[],
  candidates: (world: HouseholdWorld) => GateItem[],
  at: Date,
): VisibleResident[] {
  const out = new Map<string, VisibleResident>();
  const actor: Actor = { kind: 'professional', id: professional.id, organisationId: professional.organisationId, roles: professional.roles, displayName: professional.displayName };
  for (const world of worlds) {
    const own = world.involvements.filter((i) => i.professionalId === professional.id);
    const purposes = new Map<string, HelpRequestFact>();
    const t = at.getTime();
    for (const inv of own) {
      if (inv.validFrom.getTime() > t || (inv.validUntil !== null && inv.validUntil.getTime() <= t)) continue;
      for (const p of purposesOf(world, inv)) purposes.set(p.id, p);
    }
    if (purposes.size === 0) continue;
    for (const item of candidates(world)) {
      if (item.residentId === null) continue;
      for (const purpose of purposes.values()) {
        const d = decide(policy, { actor, purpose, at, involvements: own, subActivities: world.subActivities, consents: world.consents, involuntary: world.involuntary }, 'read', item);
        if (!d.permit) continue;
        const key = item.residentId;
        const v = out.get(key) ?? { residentId: key, householdId: world.householdId, categories: [], purposes: [] };
        if (!v.categories.includes(item.category)) v.categories.push(item.category);
        if (!v.purposes.includes(purpose.id)) v.purposes.push(purpose.id);
        out.set(key, v);
        break;
      }
    }
  }
  return [...out.values()];
}
