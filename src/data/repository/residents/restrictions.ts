/**
 * Access restrictions, the professional's side (R5.2; Wmo 2015 art. 5.3.2, Jeugdwet art. 7.3.10,
 * UAVG art. 41): an involved professional records that records or categories of a resident's file are
 * withheld from the resident (or only from their representatives, in the child's interest), why, whether
 * the resident may be told that something is withheld, and when it is reviewed. The record is written
 * under the purpose the professional's involvement covers, through the gate like any write. Reviews that
 * are due or overdue head the list of the professionals involved with the household.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { isRealDate } from '../../../core/domain/dates.ts';
import { addDays } from '../../../core/residents/calendar.ts';
import { deadlineState } from '../../../core/residents/deadlines.ts';
import type { RestrictionAudience, RestrictionReason } from '../../../core/residents/restrictions.ts';
import { cleanText, optionalText, TEXT_LIMITS } from '../../../core/residents/text.ts';
import { contextFor, coveredPurposes, lawOfTask, loadHouseholdFacts } from '../../gate/facts.ts';
import { logPurpose } from '../../gate/purposes.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { GateItem } from '../../../core/policy/decide.ts';
import { professional, residentNames, seal, today, unseal } from './common.ts';
import { categoryLabel, reasonLabel } from './labels.ts';
import type { RestrictionView } from './views.ts';

export interface NewRestriction {
  residentId: string;
  /** The help request (purpose) the professional acts for. */
  helpRequestId: string;
  objectIds: string[];
  categories: string[];
  appliesTo: RestrictionAudience;
  reasonCode: RestrictionReason;
  reason: string;
  discloseExistence: boolean;
  reviewOn: string;
}

/** A restriction is reviewed at least yearly (UAVG 41 asks for necessity and proportionality over time). */
export const MAX_REVIEW_DAYS = 366;

function restrictionItem(residentId: string, householdId: string, law: string | null, id: string | null): GateItem {
  return { type: 'restriction', id, householdId, residentId, category: 'case', collectedForLaw: law, source: null, confidentiality: 'vertrouwelijk', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
}

function checkReviewDate(work: GateWork, reviewOn: string): void {
  const day = today(work);
  if (!isRealDate(reviewOn) || reviewOn <= day || reviewOn > addDays(day, MAX_REVIEW_DAYS)) throw new AppError('RESTRICTION.INVALID_REVIEW_DATE', { field: 'reviewOn', maxDays: MAX_REVIEW_DAYS });
}

/** Decide a restriction write under the named purpose; 404 for a household the professional is not involved with. */
async function decideUnderPurpose(work: GateWork, householdId: string, residentId: string, helpRequestId: string, id: string | null, action: 'create' | 'update' | 'read') {
  const actor = professional(work);
  const facts = actor ? (await loadHouseholdFacts(work.tx, work.policy, actor, [householdId], work.now)).get(householdId) : undefined;
  const purpose = facts && actor ? coveredPurposes(facts, actor, work.now, helpRequestId)[0] : undefined;
  const item = restrictionItem(residentId, householdId, purpose ? lawOfTask(work.policy, purpose.taskCode) : null, id);
  const context = facts && actor ? contextFor(actor, facts, purpose ?? null, work.now) : { actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] };
  const decision = work.decide(context, item, action);
  const logAs = logPurpose(work.policy, work.actor!, purpose ?? null);
  if (!decision.permit) {
    work.denied(residentId, logAs, { type: 'restriction', id }, 'case', decision);
    return work.failAfterCommit(purpose ? 'GATE.DENIED' : 'GATE.NOT_FOUND', purpose ? { rule: decision.rule } : undefined);
  }
  return { decision, logAs };
}

export async function createRestriction(session: GateSession, input: NewRestriction): Promise<RestrictionView> {
  const reason = cleanText(input.reason, 'reason', TEXT_LIMITS.reason);
  const categories = [...new Set(input.categories)];
  const objectIds = [...new Set(input.objectIds)];
  for (const c of categories) if (!session.policy.categories.has(c)) throw new AppError('RESTRICTION.INVALID_TARGET', { field: 'categories' });
  if (categories.length + objectIds.length === 0) throw new AppError('RESTRICTION.INVALID_TARGET', { field: 'objectIds' });
  return session.run('restriction.create', 'create', async (work) => {
    checkReviewDate(work, input.reviewOn);
    const hr = await work.tx.selectFrom('help_request').select(['id', 'household_id']).where('id', '=', input.helpRequestId).executeTakeFirst();
    const householdId = hr?.household_id ?? '';
    const id = randomUUID();
    const { decision, logAs } = await decideUnderPurpose(work, householdId, input.residentId, input.helpRequestId, id, 'create');
    // The resident must be a member of the household, and every record named must be theirs (or the household's plan).
    const member = await work.tx.selectFrom('household_member').select('id').where('household_id', '=', householdId).where('resident_id', '=', input.residentId).executeTakeFirst();
    if (!member) return work.failAfterCommit('RESTRICTION.INVALID_TARGET', { field: 'residentId' });
    if (objectIds.length > 0) {
      const items = await work.tx.selectFrom('data_item').select('id').where('id', 'in', objectIds).where('resident_id', '=', input.residentId).execute();
      const hrs = await work.tx.selectFrom('help_request').select('id').where('id', 'in', objectIds).where('resident_id', '=', input.residentId).execute();
      const plans = await work.tx.selectFrom('support_plan').select('id').where('id', 'in', objectIds).where('household_id', '=', householdId).execute();
      if (items.length + hrs.length + plans.length !== objectIds.length) return work.failAfterCommit('RESTRICTION.INVALID_TARGET', { field: 'objectIds' });
    }
    await work.tx
      .insertInto('access_restriction')
      .values({
        id,
        resident_id: input.residentId,
        household_id: householdId,
        help_request_id: input.helpRequestId,
        object_ids: objectIds,
        categories,
        applies_to: input.appliesTo,
        reason_code: input.reasonCode,
        reason_cipher: seal(work, 'access_restriction', 'reason_cipher', id, reason),
        disclose_existence: input.discloseExistence,
        decided_by: work.actor!.kind === 'professional' ? work.actor!.id : '',
        decided_at: work.now,
        review_on: input.reviewOn,
      })
      .execute();
    work.processed(input.residentId, logAs, { type: 'restriction', id }, ['case'], decision);
    return (await restrictionViews(work, [id]))[0]!;
  });
}

async function restrictionViews(work: GateWork, ids: string[]): Promise<RestrictionView[]> {
  if (ids.length === 0) return [];
  const rows = await work.tx
    .selectFrom('access_restriction')
    .innerJoin('professional', 'professional.id', 'access_restriction.decided_by')
    .selectAll('access_restriction')
    .select('professional.display_name')
    .where('access_restriction.id', 'in', ids)
    .execute();
  const names = await residentNames(work, rows.map((r) => r.resident_id));
  const day = today(work);
  return rows.map((r) => ({
    id: r.id,
    residentId: r.resident_id,
    residentName: names.get(r.resident_id)?.displayName ?? null,
    householdId: r.household_id,
    helpRequestId: r.help_request_id,
    objectIds: r.object_ids,
    categories: r.categories.map((c) => categoryLabel(work.policy, c)),
    appliesTo: r.applies_to,
    reason: reasonLabel(r.reason_code),
    reasoning: unseal(work, 'access_restriction', 'reason_cipher', r.id, r.reason_cipher) ?? '',
    discloseExistence: r.disclose_existence,
    decidedBy: r.display_name,
    decidedAt: new Date(r.decided_at).toISOString(),
    reviewOn: r.review_on,
    endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
    review: r.ended_at ? 'met' : deadlineState(r.review_on, day),
  }));
}

/**
 * The restrictions on the households the professional is currently involved with, each decided under a
 * purpose their involvement covers: active ones first, overdue reviews at the top.
 */
export async function restrictionsForProfessional(session: GateSession): Promise<RestrictionView[]> {
  return session.run('restriction.list', 'list', async (work) => {
    const actor = professional(work);
    if (!actor) return [];
    const rows = await work.tx
      .selectFrom('access_restriction')
      .innerJoin('involvement', 'involvement.household_id', 'access_restriction.household_id')
      .select(['access_restriction.id', 'access_restriction.household_id', 'access_restriction.resident_id', 'access_restriction.help_request_id'])
      .distinct()
      .where('involvement.professional_id', '=', actor.id)
      .where('involvement.valid_from', '<=', work.now)
      .where((eb) => eb.or([eb('involvement.valid_until', 'is', null), eb('involvement.valid_until', '>', work.now)]))
      .limit(1000)
      .execute();
    const householdIds = [...new Set(rows.map((r) => r.household_id))];
    const factsBy = await loadHouseholdFacts(work.tx, work.policy, actor, householdIds, work.now);
    const visible: string[] = [];
    for (const r of rows) {
      const facts = factsBy.get(r.household_id)!;
      const purpose = coveredPurposes(facts, actor, work.now, r.help_request_id)[0] ?? coveredPurposes(facts, actor, work.now, null)[0];
      if (!purpose) continue;
      const decision = work.decide(contextFor(actor, facts, purpose, work.now), restrictionItem(r.resident_id, r.household_id, lawOfTask(work.policy, purpose.taskCode), r.id), 'read');
      if (!decision.permit) continue;
      work.processed(r.resident_id, logPurpose(work.policy, actor, purpose), { type: 'restriction', id: r.id }, ['case'], decision);
      visible.push(r.id);
    }
    const views = await restrictionViews(work, visible);
    const rank = (v: RestrictionView) => (v.endedAt ? 3 : v.review === 'overdue' ? 0 : v.review === 'due_soon' ? 1 : 2);
    return views.sort((a, b) => rank(a) - rank(b) || a.reviewOn.localeCompare(b.reviewOn));
  });
}

export interface RestrictionReview {
  outcome: 'continue' | 'end';
  nextReviewOn?: string | null;
  note?: string | null;
}

export async function reviewRestriction(session: GateSession, id: string, input: RestrictionReview): Promise<RestrictionView> {
  const note = optionalText(input.note, 'note', TEXT_LIMITS.reason);
  return session.run('restriction.review', 'update', async (work) => {
    const r = await work.tx.selectFrom('access_restriction').select(['id', 'household_id', 'resident_id', 'help_request_id', 'ended_at']).where('id', '=', id).executeTakeFirst();
    if (!r) {
      const d = work.decide({ actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, restrictionItem('', '', null, id), 'update');
      work.denied(null, logPurpose(work.policy, work.actor!, null), { type: 'restriction', id }, 'case', d);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    const { decision, logAs } = await decideUnderPurpose(work, r.household_id, r.resident_id, r.help_request_id, r.id, 'update');
    if (r.ended_at !== null) return work.failAfterCommit('RESTRICTION.ENDED');
    if (input.outcome === 'continue') checkReviewDate(work, input.nextReviewOn ?? '');
    const actor = professional(work)!;
    const reviewId = randomUUID();
    await work.tx
      .insertInto('access_restriction_review')
      .values({
        id: reviewId,
        restriction_id: r.id,
        reviewed_by: actor.id,
        reviewed_at: work.now,
        outcome: input.outcome,
        next_review_on: input.outcome === 'continue' ? input.nextReviewOn! : null,
        note_cipher: note === null ? null : seal(work, 'access_restriction_review', 'note_cipher', reviewId, note),
      })
      .execute();
    if (input.outcome === 'continue') await work.tx.updateTable('access_restriction').set({ review_on: input.nextReviewOn! }).where('id', '=', r.id).execute();
    else await work.tx.updateTable('access_restriction').set({ ended_at: work.now, ended_by: actor.id }).where('id', '=', r.id).execute();
    work.processed(r.resident_id, logAs, { type: 'restriction', id: r.id }, ['case'], decision);
    return (await restrictionViews(work, [r.id]))[0]!;
  });
}
