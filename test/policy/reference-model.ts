/**
 * A small, independent reference model of the gate's policy (issue 3 tests), written from
 * REQUIREMENTS.md R2 and the rule statements of the catalogue — deliberately not from decide.ts and
 * without its compiled tables: it reads the raw catalogue arrays and states each clause as one
 * boolean expression. It answers only permit/deny.
 *
 * Where the requirements say more than decide() does, the model can follow the requirement or the
 * implementation; `AS_IMPLEMENTED` selects decide()'s reading so that the agreement property holds,
 * and each former difference (all three now fixed in decide()) is kept as a regression test in property.test.ts:
 *
 * - unknownLaw: gate-unknown-fact refuses "an item with a category, confidentiality level, source
 *   or law that the catalogue does not know"; decide() checks category, level and source only.
 * - consentRecipient: consent-record says a consent records "which recipient"; a consent naming an
 *   organisation covers that organisation only, for every use of consent (fixed in decide()).
 * - targetLawFromTask: the purpose's law is the law of its task (R1.2, step 1: the task names its
 *   legal source); decide() takes `purpose.law` as given, so a help request whose law disagrees with
 *   its task's law in the catalogue is judged under the wrong law.
 */
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import type { Action, ConsentFact, GateContext, GateItem, InvolvementFact } from '../../src/core/policy/decide.ts';
import { CONFIDENTIALITY_LEVELS } from '../../src/core/domain/confidentiality.ts';

export interface ModelReading {
  unknownLaw: boolean;
  consentRecipient: boolean;
  targetLawFromTask: boolean;
}

/** The requirements' reading. */
export const REQUIREMENTS: ModelReading = { unknownLaw: true, consentRecipient: true, targetLawFromTask: true };
/** decide()'s reading where it differs (see the header). */
export const AS_IMPLEMENTED: ModelReading = { unknownLaw: true, consentRecipient: true, targetLawFromTask: true };

const WRITES: readonly Action[] = ['create', 'update', 'delete'];
/** What each named system context may do (system-context: "acts only within its declared scope"). */
const SYSTEM_SCOPE: Record<string, readonly Action[]> = {
  seed: ['create'],
  signin: ['read'],
  retention: ['read', 'list', 'delete'],
  'key-rotation': ['read', 'update'],
  jobs: ['read', 'list', 'create', 'update'],
  migration: [],
};

const rank = (level: string): number => (CONFIDENTIALITY_LEVELS as readonly string[]).indexOf(level);

export function modelPermits(cat: Catalogue, ctx: GateContext, action: Action, item: GateItem, reading: ModelReading = AS_IMPLEMENTED): boolean {
  const actor = ctx.actor;
  const at = ctx.at.getTime();
  const write = WRITES.includes(action);

  // gate-actor-known
  if (actor === null) return false;
  // gate-unknown-fact
  const category = cat.categories.find((c) => c.code === item.category);
  const source = item.source === null ? null : cat.sources.find((s) => s.code === item.source);
  const known =
    category !== undefined &&
    rank(item.confidentiality) >= 0 &&
    source !== undefined &&
    (!reading.unknownLaw || item.collectedForLaw === null || cat.laws.some((l) => l.code === item.collectedForLaw));
  if (!known) return false;

  // fg-oversight: access metadata for the FG; AVG 15 for the data subject.
  if (item.type === 'access_metadata') {
    return (
      action === 'read' &&
      ((actor.kind === 'professional' && actor.roles.includes('privacy_officer')) || (actor.kind === 'resident' && item.residentId === actor.id))
    );
  }
  // system-context
  if (actor.kind === 'system') return (SYSTEM_SCOPE[actor.context] ?? []).includes(action);
  // resident-own-data / resident-not-others: own data, or the household's data without a subject; never writes.
  if (actor.kind === 'resident') {
    const aboutMe = item.residentId === actor.id;
    const myHousehold = item.residentId === null && (ctx.memberOf?.has(item.householdId) ?? false);
    return !write && (aboutMe || myHousehold);
  }

  // A professional. purpose-specified, purpose-household, purpose-open.
  const purpose = ctx.purpose;
  if (purpose === null) return false;
  if (purpose.householdId !== item.householdId) return false;
  if (write && (purpose.status === 'closed' || purpose.status === 'withdrawn')) return false;
  const task = cat.tasks.find((t) => t.code === purpose.taskCode);
  if (!task) return false;
  const taskLaw = cat.domains.find((d) => d.code === task.domain)?.law ?? task.law;
  const targetLaw = reading.targetLawFromTask ? taskLaw : purpose.law;

  // AVG 9 / 10 / UAVG 46: the task's own basis for special categories, criminal data and the BSN.
  const basis =
    (category.kind !== 'special' || task.specialCategories.some((s) => s.category === item.category)) &&
    (category.kind !== 'criminal' || task.criminalRule !== undefined) &&
    (category.kind !== 'bsn' || task.bsnRule !== undefined);

  // consent-record: a consent that names a recipient covers only that recipient — whoever relies on it.
  const actingOrganisation = actor.kind === 'professional' ? actor.organisationId : undefined;
  const consented = (kinds: readonly ConsentFact['kind'][], fromLaw: string | undefined, recipient: string | undefined = actingOrganisation, written = false): boolean =>
    ctx.consents.some(
      (c) =>
        kinds.includes(c.kind) &&
        (!written || c.kind === 'written_no_objection' || c.inWriting === true) &&
        c.helpRequestId === purpose.id &&
        (item.residentId === null || c.residentId === item.residentId) &&
        c.givenAt.getTime() <= at &&
        (c.withdrawnAt === null || at < c.withdrawnAt.getTime()) &&
        c.categories.includes(item.category) &&
        (c.targetLaw === null || c.targetLaw === targetLaw) &&
        (fromLaw === undefined || c.sourceLaw === null || c.sourceLaw === fromLaw) &&
        (!reading.consentRecipient || recipient === undefined || c.recipientOrganisationId === null || c.recipientOrganisationId === recipient),
    );
  const approvedInvoluntary = ctx.involuntary.some(
    (v) =>
      v.status === 'approved' &&
      v.helpRequestId === purpose.id &&
      (item.residentId === null || v.residentId === item.residentId) &&
      (v.validUntil === null || at < v.validUntil.getTime()) &&
      v.categories.includes(item.category),
  );

  // source-scope (Wet SUWI 62, Bgs 2) and sources that need explicit consent (Wmo 5.1.1 lid 5).
  const sourceAllowed =
    source === null ||
    ((source.onlyForLaws === undefined || source.onlyForLaws.includes(targetLaw)) &&
      (source.explicitConsentFor ?? []).every((need) => !need.laws.includes(targetLaw) || consented(['explicit'], undefined)));

  // cross-law-both-permit: the law governing the datum lets it out and the target law lets it in.
  const governingLaw = source?.law ?? item.collectedForLaw;
  const flow = governingLaw === null ? undefined : cat.flows.find((f) => f.from === governingLaw && f.to === targetLaw);
  const flowConditionMet =
    flow !== undefined &&
    ((flow.condition === 'none') ||
      (flow.condition === 'explicit_consent' && consented(['explicit'], governingLaw!)) ||
      // Pw 65 lid 2 sub b: the no-objection must be in writing; an explicit consent serves only when written.
      (flow.condition === 'written_no_objection' && consented(['written_no_objection', 'explicit'], governingLaw!, actingOrganisation, true)) ||
      (flow.condition === 'explicit_consent_and_written_no_objection' &&
        consented(['explicit'], governingLaw!) &&
        consented(['written_no_objection', 'explicit'], governingLaw!, actingOrganisation, true)));
  const reciprocity =
    governingLaw === null ||
    governingLaw === targetLaw ||
    (flow !== undefined && flow.condition !== 'never' && (flowConditionMet || (flow.vitalInterestOverride && approvedInvoluntary)));

  // involvement-required and everything an involvement grants, per involvement.
  const through = (inv: InvolvementFact): boolean => {
    const mine = inv.professionalId === actor.id && inv.householdId === item.householdId;
    const current = inv.validFrom.getTime() <= at && (inv.validUntil === null || at < inv.validUntil.getTime());
    const sub = inv.subActivityId === null ? undefined : ctx.subActivities.get(inv.subActivityId);
    const covers = inv.subActivityId !== null ? sub !== undefined && sub.helpRequestId === purpose.id : inv.helpRequestId === null || inv.helpRequestId === purpose.id;
    const profile = cat.roles.find((r) => r.role === inv.role);
    const hidden =
      profile !== undefined &&
      (profile.hiddenCategories.includes(item.category) || (profile.hideIdentifying === true && category.identifying === true));
    const roleAllows = profile !== undefined && (!write || profile.mayWrite) && !hidden;
    const isProvider = inv.role === 'provider';
    // need-to-know-sub-activity, provider-own-client (R2.2)
    const ownAssignment =
      sub !== undefined &&
      ((item.type === 'sub_activity' && item.id === sub.id) || (item.type === 'plan_goal' && sub.lifeDomain !== null && item.lifeDomain === sub.lifeDomain));
    const needToKnow =
      !isProvider ||
      (sub !== undefined &&
        (sub.status === 'active' || sub.status === 'proposed') &&
        (ownAssignment || sub.dataCategories.includes(item.category)) &&
        (item.subActivityId === null || item.subActivityId === sub.id) &&
        (item.type !== 'plan_goal' || (item.lifeDomain ?? null) === sub.lifeDomain) &&
        (item.residentId === null || item.residentId === sub.residentId));
    // dat-only-director (R2.3)
    const datOnly = isProvider || item.subActivityId === null;
    // confidentiality-max (ZGW, inclusive)
    const level = rank(inv.maxConfidentiality) >= 0 && rank(item.confidentiality) <= rank(inv.maxConfidentiality);
    // conf-derived: secrecy-holder data reach a partner outside the holder only with consent.
    const outsideHolder = isProvider && item.secrecyOrigin !== null && item.recordedByOrganisationId !== sub?.organisationId;
    const secrecy = !outsideHolder || consented(['explicit', 'ordinary'], undefined, sub?.organisationId);
    return mine && current && covers && roleAllows && needToKnow && datOnly && level && basis && sourceAllowed && reciprocity && secrecy;
  };
  return ctx.involvements.some(through);
}
