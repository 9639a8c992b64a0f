/**
 * decide(context, action, item): the gate's decision, pure and synchronous. It returns permit or deny
 * with the rules that decided (for permits AND denies) and the facts it used, so every decision can be
 * explained with article references (R2.6) and logged (R6).
 *
 * Deny by default: each check either passes (its rule id is added to `passed`) or denies with its rule
 * id. Anything unknown — no actor, no purpose, an unknown category, level or source — denies.
 * The checks, in order, for a professional:
 *   purpose named → purpose of this household → (writes) purpose open → a current involvement that
 *   covers the purpose → role profile → provider need-to-know (categories of the sub-activity, its own
 *   client, its own care records, the plan goals of its life domain) → DAT-only for others' care
 *   records → confidentiality ≤ the involvement's maximum → special categories / criminal data / BSN
 *   need the task's own basis → source scope (Suwinet) and sources needing explicit consent →
 *   sector-law reciprocity (both laws permit) → derived secrecy for partners.
 * With several involvements, the first that permits wins; otherwise the one that got furthest explains.
 */
import type { Actor } from './actor.ts';
import type { CompiledPolicy } from './compile.ts';
import { flowKey } from './compile.ts';
import { GENERIC_RULES as R } from './rule-ids.ts';
import { representativeMay, type RepresentationKind } from '../residents/age-rules.ts';
import { restrictionFor, type RestrictionFact } from '../residents/restrictions.ts';
import { dutchDate } from '../residents/calendar.ts';

export type { RestrictionFact } from '../residents/restrictions.ts';

export type Action = 'read' | 'list' | 'create' | 'update' | 'delete';

export function isWrite(action: Action): boolean {
  return action === 'create' || action === 'update' || action === 'delete';
}

export type ObjectType =
  | 'resident'
  | 'household'
  | 'help_request'
  | 'data_item'
  | 'plan'
  | 'plan_goal'
  | 'sub_activity'
  | 'involvement'
  | 'consent'
  /** Who can see an item / what a professional can see: metadata for oversight, never content. */
  | 'access_metadata'
  /** A resident's AVG rights request (art. 15–21) and a complaint about processing (Awb ch. 9). */
  | 'rights_request'
  | 'complaint'
  /** A resident's withdrawal of a consent (AVG 7(3)); the gate reads consent.withdrawn_at from then on. */
  | 'consent_withdrawal'
  /** That the resident was shown their rights and duties (R5.1). */
  | 'portal_notice'
  /** An access restriction record (Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41), written by an involved professional. */
  | 'restriction';

/** What a resident may create about themself (or someone they represent) from the portal. */
const RESIDENT_RIGHTS_OBJECTS: ReadonlySet<ObjectType> = new Set<ObjectType>(['rights_request', 'complaint', 'consent_withdrawal', 'portal_notice']);

export interface HelpRequestFact {
  id: string;
  householdId: string;
  residentId: string;
  taskCode: string;
  /** Law of the task's domain (wmo2015, jeugdwet, pw, wgs). */
  law: string;
  status: 'registered' | 'triaged' | 'in_progress' | 'closed' | 'withdrawn';
}

export interface InvolvementFact {
  id: string;
  professionalId: string;
  householdId: string;
  helpRequestId: string | null;
  subActivityId: string | null;
  role: 'director' | 'case_worker' | 'provider' | 'expert';
  maxConfidentiality: string;
  validFrom: Date;
  validUntil: Date | null;
}

export interface SubActivityFact {
  id: string;
  helpRequestId: string;
  organisationId: string;
  residentId: string;
  lifeDomain: string | null;
  dataCategories: readonly string[];
  status: 'proposed' | 'active' | 'completed' | 'stopped';
}

export interface ConsentFact {
  residentId: string;
  helpRequestId: string;
  kind: 'explicit' | 'ordinary' | 'written_no_objection';
  categories: readonly string[];
  sourceLaw: string | null;
  targetLaw: string | null;
  recipientOrganisationId: string | null;
  givenAt: Date;
  withdrawnAt: Date | null;
  /**
   * The consent was given in writing. Pw art. 65 lid 2 sub b needs a WRITTEN statement of no objection:
   * an explicit consent stands in for it only when it is in writing (a written_no_objection is written
   * by definition). Absent means not in writing (fail closed).
   */
  inWriting?: boolean;
}

export interface InvoluntaryFact {
  helpRequestId: string;
  residentId: string;
  categories: readonly string[];
  status: 'draft' | 'approved' | 'rejected' | 'ended';
  validUntil: Date | null;
}

export interface GateContext {
  actor: Actor | null;
  /** The help request named as purpose (resolved by the repository), or null when none was named. */
  purpose: HelpRequestFact | null;
  at: Date;
  /** The actor's involvements with the household concerned (the gate checks their periods itself). */
  involvements: readonly InvolvementFact[];
  subActivities: ReadonlyMap<string, SubActivityFact>;
  consents: readonly ConsentFact[];
  involuntary: readonly InvoluntaryFact[];
  /** For a resident actor: the households they are a current member of (their plan is theirs to see). */
  memberOf?: ReadonlySet<string>;
  /** For a resident actor: whom they legally represent (parents, guardians, curators, …), decided by the age rules. */
  representation?: readonly RepresentationFact[];
  /** For a resident actor: access restrictions on the data of the people concerned (withheld from the portal). */
  restrictions?: readonly RestrictionFact[];
}

export interface RepresentationFact {
  /** The represented resident. */
  residentId: string;
  kind: RepresentationKind;
  /** The represented resident's birth date (YYYY-MM-DD): the age rules are applied on the day of the decision. */
  birthDate: string;
  validFrom: Date;
  validUntil: Date | null;
}

export interface GateItem {
  type: ObjectType;
  id: string | null;
  householdId: string;
  /** The data subject, when the item concerns one resident. */
  residentId: string | null;
  category: string;
  /** Law of the help request the datum was collected for; null for generic data (BRP, the resident's own record). */
  collectedForLaw: string | null;
  source: string | null;
  confidentiality: string;
  secrecyOrigin: string | null;
  /** Set when the item is a chain partner's care record (its content stays with the partner, R2.3). */
  subActivityId: string | null;
  /** Organisation that recorded the item (for derived secrecy). */
  recordedByOrganisationId: string | null;
  /** For plan goals: the ZRM life domain. */
  lifeDomain?: string | null;
}

export interface Decision {
  permit: boolean;
  /** The deciding rule: the failing rule of a deny, or the last rule of a permit. */
  rule: string;
  /** Rules that passed, in order (for a permit: the whole chain of reasons). */
  passed: string[];
  /** Further rules the decision rests on (task bases, flow rules, source rules). */
  cited: string[];
  facts: Record<string, string | number | boolean | null>;
  involvementId: string | null;
  catalogueVersion: string;
}

function deny(policy: CompiledPolicy, rule: string, passed: string[], cited: string[], facts: Decision['facts'], involvementId: string | null = null): Decision {
  return { permit: false, rule, passed, cited, facts, involvementId, catalogueVersion: policy.version };
}

function permit(policy: CompiledPolicy, passed: string[], cited: string[], facts: Decision['facts'], involvementId: string | null = null): Decision {
  return { permit: true, rule: passed[passed.length - 1] ?? R.actorKnown, passed, cited, facts, involvementId, catalogueVersion: policy.version };
}

/**
 * Does the resident actor represent the item's data subject, and may they see (or act on) this category?
 * null when they do not represent the subject at all (then the usual rules apply).
 */
function representation(ctx: GateContext, item: GateItem): { may: boolean; rule: string; facts: Decision['facts'] } | null {
  if (!ctx.representation || item.residentId === null) return null;
  const at = ctx.at.getTime();
  const current = ctx.representation.filter(
    (r) => r.residentId === item.residentId && r.validFrom.getTime() <= at && (r.validUntil === null || at < r.validUntil.getTime()),
  );
  if (current.length === 0) return null;
  let denied: { may: boolean; rule: string; facts: Decision['facts'] } | null = null;
  for (const r of current) {
    const v = representativeMay(r.kind, r.birthDate, dutchDate(ctx.at), item.category);
    const facts = { representing: r.residentId, representationKind: r.kind, subjectAge: v.age, ageBand: v.band };
    if (v.may) return { may: true, rule: v.rule, facts };
    denied ??= { may: false, rule: v.rule, facts };
  }
  return denied;
}

function isCurrent(inv: InvolvementFact, at: number): boolean {
  return inv.validFrom.getTime() <= at && (inv.validUntil === null || at < inv.validUntil.getTime());
}

function hasConsent(
  ctx: GateContext,
  kind: ConsentFact['kind'],
  residentId: string | null,
  purposeId: string,
  category: string,
  sourceLaw: string | null,
  targetLaw: string,
  inWriting = false,
): boolean {
  const at = ctx.at.getTime();
  // A consent that names a recipient covers that recipient only (AVG 7: specific per recipient).
  const recipient = ctx.actor?.kind === 'professional' ? ctx.actor.organisationId : null;
  for (const c of ctx.consents) {
    if (c.kind !== kind || c.helpRequestId !== purposeId) continue;
    if (inWriting && c.kind !== 'written_no_objection' && c.inWriting !== true) continue;
    if (c.recipientOrganisationId !== null && c.recipientOrganisationId !== recipient) continue;
    if (residentId !== null && c.residentId !== residentId) continue;
    if (c.givenAt.getTime() > at || (c.withdrawnAt !== null && c.withdrawnAt.getTime() <= at)) continue;
    if (!c.categories.includes(category)) continue;
    if (c.sourceLaw !== null && sourceLaw !== null && c.sourceLaw !== sourceLaw) continue;
    if (c.targetLaw !== null && c.targetLaw !== targetLaw) continue;
    return true;
  }
  return false;
}

function hasVitalRecord(ctx: GateContext, purposeId: string, residentId: string | null, category: string): boolean {
  const at = ctx.at.getTime();
  for (const v of ctx.involuntary) {
    if (v.status !== 'approved' || v.helpRequestId !== purposeId) continue;
    if (residentId !== null && v.residentId !== residentId) continue;
    if (v.validUntil !== null && v.validUntil.getTime() <= at) continue;
    if (v.categories.includes(category)) return true;
  }
  return false;
}

/** What each system context may do (named, audited system work; never a wildcard for people). */
const SYSTEM_SCOPE: Record<string, readonly Action[]> = {
  seed: ['create'],
  signin: ['read'],
  retention: ['read', 'list', 'delete'],
  'key-rotation': ['read', 'update'],
  jobs: ['read', 'list', 'create', 'update'],
  migration: [],
};

export function decide(policy: CompiledPolicy, ctx: GateContext, action: Action, item: GateItem): Decision {
  const actor = ctx.actor;
  if (actor === null) return deny(policy, R.actorKnown, [], [], { actor: null });
  const passed: string[] = [R.actorKnown];
  const category = policy.categories.get(item.category);
  if (
    !category ||
    !policy.levelRank.has(item.confidentiality) ||
    (item.source !== null && !policy.sources.has(item.source)) ||
    (item.collectedForLaw !== null && !policy.laws.has(item.collectedForLaw))
  ) {
    return deny(policy, R.unknownFact, passed, [], { category: item.category, level: item.confidentiality, source: item.source, law: item.collectedForLaw });
  }

  if (item.type === 'access_metadata') {
    // Oversight: the FG reviews access metadata; a resident may ask it about their own data (AVG 15).
    const facts = { action, oversight: true };
    if (action === 'read' && actor.kind === 'professional' && actor.roles.includes('privacy_officer')) {
      return permit(policy, [...passed, R.oversight], [], facts);
    }
    if (action === 'read' && actor.kind === 'resident' && item.residentId === actor.id) {
      return permit(policy, [...passed, R.residentOwnData], [], facts);
    }
    if (action === 'read' && actor.kind === 'resident') {
      // Who viewed a represented child's data: the representative asks it under the same age rules.
      const via = representation(ctx, item);
      if (via?.may) return permit(policy, [...passed, via.rule, R.residentOwnData], [], { ...facts, ...via.facts });
      if (via) return deny(policy, via.rule, passed, [], { ...facts, ...via.facts });
    }
    return deny(policy, R.oversight, passed, [], facts);
  }

  if (actor.kind === 'system') {
    const scope = SYSTEM_SCOPE[actor.context] ?? [];
    const facts = { systemContext: actor.context, action };
    return scope.includes(action) ? permit(policy, [...passed, R.systemContext], [], facts) : deny(policy, R.systemContext, passed, [], facts);
  }

  if (actor.kind === 'resident') {
    // AVG art. 15: the resident's own data, the plan of their household, and — as parent, guardian or
    // adult representative — the data of the person they represent, by the age rules. A resident never
    // writes dossier data; they may file requests and complaints and withdraw consents (AVG 7(3), 12(2)).
    const self = item.residentId === actor.id;
    const household = item.residentId === null && ctx.memberOf?.has(item.householdId) === true;
    const via = self || household ? null : representation(ctx, item);
    if (via && !via.may) return deny(policy, via.rule, passed, [], { ...via.facts, action });
    const own = self || household || via !== null;
    const rightsWrite = action === 'create' && RESIDENT_RIGHTS_OBJECTS.has(item.type);
    if (!own || (isWrite(action) && !rightsWrite)) {
      return deny(policy, R.residentOthers, passed, [], { subjectIsActor: self, action });
    }
    const chain = via ? [...passed, via.rule] : [...passed];
    const facts: Decision['facts'] = via ? { subjectIsActor: false, ...via.facts } : { subjectIsActor: self };
    if (rightsWrite) return permit(policy, [...chain, R.residentExercisesRights], [], facts);
    if (ctx.restrictions && ctx.restrictions.length > 0) {
      const r = restrictionFor(ctx.restrictions, ctx.at, { isSubject: self }, { id: item.id, subjectId: item.residentId, category: item.category });
      if (r) return deny(policy, R.accessRestricted, chain, [], { ...facts, restriction: r.id });
    }
    return permit(policy, [...chain, R.residentOwnData], [], facts);
  }

  if (item.type === 'rights_request' || item.type === 'complaint') return decideHandler(policy, ctx, action, item, actor, passed);

  // A professional: purpose first (AVG 5(1)(b)).
  const purpose = ctx.purpose;
  if (purpose === null) return deny(policy, R.purposeSpecified, passed, [], { purpose: null });
  passed.push(R.purposeSpecified);
  if (purpose.householdId !== item.householdId) {
    return deny(policy, R.purposeHousehold, passed, [], { purposeHelpRequest: purpose.id });
  }
  passed.push(R.purposeHousehold);
  if (isWrite(action)) {
    if (purpose.status === 'closed' || purpose.status === 'withdrawn') {
      return deny(policy, R.purposeOpen, passed, [], { purposeStatus: purpose.status });
    }
    passed.push(R.purposeOpen);
  }
  const task = policy.tasks.get(purpose.taskCode);
  if (!task) return deny(policy, R.unknownFact, passed, [], { task: purpose.taskCode });

  const at = ctx.at.getTime();
  let best: Decision | null = null;
  let anyForHousehold = false;
  for (const inv of ctx.involvements) {
    if (inv.householdId !== item.householdId || inv.professionalId !== actor.id) continue;
    anyForHousehold = true;
    if (!isCurrent(inv, at)) continue;
    let covers = inv.helpRequestId === null || inv.helpRequestId === purpose.id;
    let sub: SubActivityFact | undefined;
    if (inv.subActivityId !== null) {
      sub = ctx.subActivities.get(inv.subActivityId);
      covers = sub !== undefined && sub.helpRequestId === purpose.id;
    }
    if (!covers) continue;
    const d = decideForInvolvement(policy, ctx, action, item, inv, sub, purpose, task, [...passed, R.involvementRequired]);
    if (d.permit) return d;
    if (best === null || d.passed.length > best.passed.length) best = d;
  }
  if (best) return best;
  const facts: Decision['facts'] = { involvedWithHousehold: anyForHousehold, purposeHelpRequest: purpose.id };
  const cited = actor.roles.some((r) => r !== 'professional' && r !== 'chain_partner') ? [R.roleNoDossier] : [];
  return deny(policy, R.involvementRequired, passed, cited, facts);
}

/**
 * Staff who handle residents' rights requests and complaints: by their role, never through a dossier.
 * They see the request or complaint and who filed it; the file itself stays closed to them (role-no-dossier).
 */
function decideHandler(policy: CompiledPolicy, ctx: GateContext, action: Action, item: GateItem, actor: Extract<Actor, { kind: 'professional' }>, passed: string[]): Decision {
  const facts: Decision['facts'] = { action, handles: item.type };
  if (item.type === 'rights_request') {
    const handler = actor.roles.includes('functional_admin') && (action === 'read' || action === 'list' || action === 'update');
    const monitor = actor.roles.includes('privacy_officer') && (action === 'read' || action === 'list');
    if (handler || monitor) return permit(policy, [...passed, R.rightsRequestHandler], [], { ...facts, monitorOnly: !handler });
    return deny(policy, R.rightsRequestHandler, passed, [], facts);
  }
  if (!actor.roles.includes('complaints_commissioner') || !(action === 'read' || action === 'list' || action === 'update')) {
    return deny(policy, R.complaintHandler, passed, [], facts);
  }
  // Awb 9:7: not handled by someone involved in the conduct complained about.
  const at = ctx.at.getTime();
  const involved = ctx.involvements.some((i) => i.professionalId === actor.id && i.householdId === item.householdId && isCurrent(i, at));
  if (involved) return deny(policy, R.complaintHandler, passed, [], { ...facts, involvedWithHousehold: true });
  return permit(policy, [...passed, R.complaintHandler], [], facts);
}

function decideForInvolvement(
  policy: CompiledPolicy,
  ctx: GateContext,
  action: Action,
  item: GateItem,
  inv: InvolvementFact,
  sub: SubActivityFact | undefined,
  purpose: HelpRequestFact,
  task: NonNullable<ReturnType<CompiledPolicy['tasks']['get']>>,
  passed: string[],
): Decision {
  const facts: Decision['facts'] = { involvement: inv.id, role: inv.role, task: task.code, category: item.category };
  const cited: string[] = [];
  const role = policy.roles.get(inv.role);
  if (!role) return deny(policy, R.unknownFact, passed, cited, facts, inv.id);
  if (isWrite(action) && !role.mayWrite) return deny(policy, R.roleMayNotWrite, passed, cited, facts, inv.id);
  if (role.hidden.has(item.category)) {
    return deny(policy, inv.role === 'expert' ? R.expertPseudonymised : R.roleProfile, passed, cited, facts, inv.id);
  }
  passed.push(R.roleProfile);

  if (inv.role === 'provider') {
    // R2.2: only the categories the sub-activity declares, only for the resident it serves. Its own
    // assignment (the sub-activity record itself) is always the partner's to see.
    const ownAssignment =
      sub !== undefined &&
      ((item.type === 'sub_activity' && item.id === sub.id) ||
        (item.type === 'plan_goal' && sub.lifeDomain !== null && item.lifeDomain === sub.lifeDomain));
    if (!sub || sub.status === 'stopped' || sub.status === 'completed' || (!ownAssignment && !sub.dataCategories.includes(item.category))) {
      return deny(policy, R.needToKnowSubActivity, passed, cited, { ...facts, subActivity: sub?.id ?? null }, inv.id);
    }
    if (item.subActivityId !== null && item.subActivityId !== sub.id) {
      return deny(policy, R.needToKnowSubActivity, passed, cited, { ...facts, otherPartnersCare: true }, inv.id);
    }
    if (item.type === 'plan_goal' && item.lifeDomain !== sub.lifeDomain) {
      return deny(policy, R.needToKnowSubActivity, passed, cited, { ...facts, lifeDomain: item.lifeDomain ?? null }, inv.id);
    }
    passed.push(R.needToKnowSubActivity);
    if (item.residentId !== null && item.residentId !== sub.residentId) {
      return deny(policy, R.providerOwnClient, passed, cited, facts, inv.id);
    }
    passed.push(R.providerOwnClient);
  } else if (item.subActivityId !== null) {
    // R2.3: a partner's care record: the director and colleagues see DAT-information only.
    return deny(policy, R.datOnly, passed, cited, { ...facts, subActivity: item.subActivityId }, inv.id);
  }

  const rank = policy.levelRank.get(item.confidentiality)!;
  const max = policy.levelRank.get(inv.maxConfidentiality);
  if (max === undefined || rank > max) {
    return deny(policy, R.confidentialityMax, passed, cited, { ...facts, level: item.confidentiality, max: inv.maxConfidentiality }, inv.id);
  }
  passed.push(R.confidentialityMax);

  const kind = policy.categories.get(item.category)!.kind;
  if (kind === 'special') {
    const rule = task.special.get(item.category);
    if (!rule) return deny(policy, R.specialCategoryBasis, passed, cited, facts, inv.id);
    passed.push(R.specialCategoryBasis);
    cited.push(rule);
  } else if (kind === 'criminal') {
    if (!task.criminalRule) return deny(policy, R.criminalDataBasis, passed, cited, facts, inv.id);
    passed.push(R.criminalDataBasis);
    cited.push(task.criminalRule);
  } else if (kind === 'bsn') {
    if (!task.bsnRule) return deny(policy, R.bsnUse, passed, cited, facts, inv.id);
    passed.push(R.bsnUse);
    cited.push(task.bsnRule);
  }

  // The purpose's law is the law of its task in the catalogue (step 1 names the task and its legal
  // source), never a label the help request carries.
  const targetLaw = task.law;
  if (item.source !== null) {
    const source = policy.sources.get(item.source)!;
    if (source.onlyForLaws && !source.onlyForLaws.includes(targetLaw)) {
      if (source.rule) cited.push(source.rule);
      return deny(policy, R.sourceScope, passed, cited, { ...facts, source: source.code, targetLaw }, inv.id);
    }
    if (source.explicitConsentFor) {
      for (const need of source.explicitConsentFor) {
        if (!need.laws.includes(targetLaw)) continue;
        cited.push(need.rule);
        if (!hasConsent(ctx, 'explicit', item.residentId, purpose.id, item.category, null, targetLaw)) {
          return deny(policy, R.consentPresent, passed, cited, { ...facts, source: source.code, consent: 'explicit' }, inv.id);
        }
        passed.push(R.consentPresent);
      }
    }
    passed.push(R.sourceScope);
  }

  const sourceLaw = item.source !== null ? (policy.sources.get(item.source)!.law ?? item.collectedForLaw) : item.collectedForLaw;
  if (sourceLaw !== null && sourceLaw !== targetLaw) {
    const flow = policy.flows.get(flowKey(sourceLaw, targetLaw));
    const flowFacts = { ...facts, sourceLaw, targetLaw, condition: flow?.condition ?? 'never' };
    if (!flow || flow.condition === 'never') {
      if (flow) cited.push(...flow.rules);
      return deny(policy, R.crossLaw, passed, cited, flowFacts, inv.id);
    }
    cited.push(...flow.rules);
    const needExplicit = flow.condition === 'explicit_consent' || flow.condition === 'explicit_consent_and_written_no_objection';
    const needNoObjection = flow.condition === 'written_no_objection' || flow.condition === 'explicit_consent_and_written_no_objection';
    const explicitOk = !needExplicit || hasConsent(ctx, 'explicit', item.residentId, purpose.id, item.category, sourceLaw, targetLaw);
    const noObjectionOk = !needNoObjection || hasConsent(ctx, 'written_no_objection', item.residentId, purpose.id, item.category, sourceLaw, targetLaw) || hasConsent(ctx, 'explicit', item.residentId, purpose.id, item.category, sourceLaw, targetLaw, true);
    if (!(explicitOk && noObjectionOk)) {
      if (flow.vitalInterestOverride && hasVitalRecord(ctx, purpose.id, item.residentId, item.category)) {
        passed.push(R.crossLaw, R.vitalInterest);
      } else {
        return deny(policy, R.crossLaw, passed, cited, { ...flowFacts, consentPresent: false }, inv.id);
      }
    } else {
      if (flow.condition !== 'none') passed.push(R.consentPresent);
      passed.push(R.crossLaw);
    }
  }

  if (item.secrecyOrigin !== null && inv.role === 'provider' && item.recordedByOrganisationId !== sub?.organisationId) {
    // Data from a secrecy holder keep a derived duty of confidentiality: a partner outside the holder
    // receives them only with the resident's consent (Wmo 5.3.3; Jeugdwet 7.3.11; Pw 65).
    const ok =
      hasConsent(ctx, 'explicit', item.residentId, purpose.id, item.category, null, targetLaw) ||
      hasConsent(ctx, 'ordinary', item.residentId, purpose.id, item.category, null, targetLaw);
    if (!ok) return deny(policy, R.derivedSecrecy, passed, cited, { ...facts, secrecyOrigin: item.secrecyOrigin }, inv.id);
    passed.push(R.derivedSecrecy);
  }

  return permit(policy, passed, cited, facts, inv.id);
}
