/**
 * One household, one plan, one director (issue 5 item 5; R1.4; policy §3.1, §4). A household has at
 * most one active support plan (a unique index; PLAN.ACTIVE_EXISTS) with one director (a household-wide
 * `director` involvement); goals only for the ZRM life domains its help requests need, each argued (AP
 * z2016-11841); sub-activities assigned to chain partners with their necessary categories — only through
 * a completed share step plan to that partner, which the covenant covers — and the partner's worker gets
 * a `provider` involvement: the gate then shows them only those categories, and the director only
 * DAT-information of the partner's care. A partner may record that it will not share (R8.2). Every
 * change names the plan version it was made on: two people editing one plan → PLAN.VERSION_CONFLICT.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { assertCanActivate, assertGoal, assertPlanTransition, type SubActivityStatus } from '../../../core/domain/support-plan.ts';
import type { Decision, HelpRequestFact } from '../../../core/policy/decide.ts';
import { checkCovenant } from '../../../core/policy/covenant.ts';
import { uncoveredShare } from '../../../core/work/step-plan.ts';
import { assertGoalNeeded } from '../../../core/work/zrm-need.ts';
import { contextFor, coveredPurposes, lawOfTask, loadHouseholdFacts, type HouseholdFacts } from '../../gate/facts.ts';
import { decideUnder, logPurpose } from '../../gate/purposes.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { goalItem, planItem, subActivityItem } from '../items.ts';
import { isMember, isUniqueViolation, notFound, professional, roleOf, today, type Professional } from './common.ts';
import { covenantFacts, organisationKind } from './covenants.ts';
import { recordMatches } from './matches.ts';
import { shareAuthorisation } from './step-plans.ts';
import type { PlanChange } from './views.ts';

interface HouseholdScope {
  actor: Professional;
  facts: HouseholdFacts;
  purposes: HelpRequestFact[];
}

async function householdScope(work: GateWork, householdId: string, object: { type: string; id: string | null }): Promise<HouseholdScope> {
  const actor = professional(work);
  const exists = await work.tx.selectFrom('household').select('id').where('id', '=', householdId).executeTakeFirst();
  if (!exists) return notFound(work, object);
  const facts = (await loadHouseholdFacts(work.tx, work.policy, actor, [householdId], work.now)).get(householdId)!;
  const purposes = coveredPurposes(facts, actor, work.now, null);
  if (purposes.length === 0) return notFound(work, object);
  return { actor, facts, purposes };
}

/** Decide a household-level write (the plan) under the purposes the actor may act for; log per member. */
function allowPlan(work: GateWork, s: HouseholdScope, item: Parameters<typeof decideUnder>[3], action: 'create' | 'update' | 'read', object: { type: string; id: string | null }, members: readonly string[]): { decision: Decision; purpose: HelpRequestFact | null } {
  const r = decideUnder(work, s.facts, s.purposes, item, action);
  const lp = logPurpose(work.policy, s.actor, r.purpose);
  if (!r.decision.permit) {
    for (const m of members.length ? members : [null]) work.denied(m, lp, object, item.category, r.decision);
    return work.failAfterCommit('GATE.DENIED', { rule: r.decision.rule });
  }
  return r;
}

function logPlan(work: GateWork, s: HouseholdScope, r: { decision: Decision; purpose: HelpRequestFact | null }, object: { type: string; id: string | null }, category: string, members: readonly string[]): void {
  const lp = logPurpose(work.policy, s.actor, r.purpose);
  for (const m of members) work.processed(m, lp, object, [category], r.decision);
}

async function memberIds(work: GateWork, householdId: string): Promise<string[]> {
  const day = today(work);
  const rows = await work.tx
    .selectFrom('household_member')
    .select('resident_id')
    .where('household_id', '=', householdId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', day)]))
    .execute();
  return rows.map((r) => r.resident_id);
}

/** The director is a professional of the municipality (the regisseur; a chain partner never directs). */
async function assertDirector(work: GateWork, professionalId: string): Promise<void> {
  const p = await work.tx.selectFrom('professional').innerJoin('organisation', 'organisation.id', 'professional.organisation_id').select(['professional.active', 'organisation.kind']).where('professional.id', '=', professionalId).executeTakeFirst();
  if (!p?.active || (p.kind !== 'municipality' && p.kind !== 'municipal_team')) throw new AppError('PLAN.DIRECTOR_REQUIRED', { field: 'directorId' });
}

async function ensureDirectorInvolvement(work: GateWork, householdId: string, directorId: string, by: string): Promise<void> {
  const current = await work.tx
    .selectFrom('involvement')
    .select('id')
    .where('household_id', '=', householdId)
    .where('professional_id', '=', directorId)
    .where('role', '=', 'director')
    .where('valid_from', '<=', work.now)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', work.now)]))
    .executeTakeFirst();
  if (current) return;
  await work.tx
    .insertInto('involvement')
    .values({ id: randomUUID(), professional_id: directorId, household_id: householdId, help_request_id: null, sub_activity_id: null, role: 'director', max_confidentiality: 'confidentieel', valid_from: work.now, valid_until: null, reason: 'Regisseur van het ondersteuningsplan', created_by: by })
    .execute();
}

/** Count the plan's version up, or refuse: someone else changed it since this person loaded it. */
async function bump(work: GateWork, planId: string, version: number): Promise<number> {
  const r = await work.tx.updateTable('support_plan').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', planId).where('version', '=', version).returning('version').executeTakeFirst();
  if (!r) throw new AppError('PLAN.VERSION_CONFLICT');
  return r.version;
}

async function loadPlan(work: GateWork, planId: string) {
  const object = { type: 'plan', id: planId };
  const plan = await work.tx.selectFrom('support_plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return notFound(work, object, 'plan');
  const s = await householdScope(work, plan.household_id, object);
  const members = await memberIds(work, plan.household_id);
  return { plan, s, members, object };
}

export async function createPlan(session: GateSession, householdId: string, input: { directorId?: string }): Promise<PlanChange> {
  return session.run('plan.create', 'create', async (work) => {
    const object = { type: 'plan', id: null };
    const s = await householdScope(work, householdId, object);
    const members = await memberIds(work, householdId);
    const id = randomUUID();
    const r = allowPlan(work, s, planItem(work.policy, { id, household_id: householdId }), 'create', object, members);
    const open = await work.tx.selectFrom('support_plan').select('id').where('household_id', '=', householdId).where('status', 'in', ['draft', 'active']).executeTakeFirst();
    if (open) throw new AppError('PLAN.ACTIVE_EXISTS');
    const directorId = input.directorId ?? s.actor.id;
    await assertDirector(work, directorId);
    await work.tx.insertInto('support_plan').values({ id, household_id: householdId, status: 'draft', director_id: directorId, created_at: work.now, activated_at: null, closed_at: null }).execute();
    await ensureDirectorInvolvement(work, householdId, directorId, s.actor.id);
    await recordMatches(work, householdId);
    logPlan(work, s, r, { type: 'plan', id }, 'plan', members);
    return { planId: id, version: 1, id };
  });
}

export async function activatePlan(session: GateSession, planId: string, input: { version: number }): Promise<PlanChange> {
  return session.run('plan.activate', 'update', async (work) => {
    const { plan, s, members, object } = await loadPlan(work, planId);
    const r = allowPlan(work, s, planItem(work.policy, plan), 'update', object, members);
    assertPlanTransition(plan.status, 'active');
    const others = await work.tx.selectFrom('support_plan').select('id').where('household_id', '=', plan.household_id).where('status', '=', 'active').execute();
    assertCanActivate({ id: plan.id, directorId: plan.director_id }, others.map((o) => o.id));
    let version: number;
    try {
      const u = await work.tx
        .updateTable('support_plan')
        .set((eb) => ({ status: 'active', activated_at: work.now, version: eb('version', '+', 1) }))
        .where('id', '=', planId)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!u) throw new AppError('PLAN.VERSION_CONFLICT');
      version = u.version;
    } catch (err) {
      // Two plans activated at once: the partial unique index decides, we answer in our terms.
      if (isUniqueViolation(err)) throw new AppError('PLAN.ACTIVE_EXISTS');
      throw err;
    }
    logPlan(work, s, r, object, 'plan', members);
    return { planId, version, id: planId };
  });
}

/** One director: the new one gets the director involvement, the previous one's ends now. */
export async function changeDirector(session: GateSession, planId: string, input: { version: number; directorId: string }): Promise<PlanChange> {
  return session.run('plan.director', 'update', async (work) => {
    const { plan, s, members, object } = await loadPlan(work, planId);
    const r = allowPlan(work, s, planItem(work.policy, plan), 'update', object, members);
    if (plan.status === 'closed') throw new AppError('PLAN.CLOSED');
    await assertDirector(work, input.directorId);
    const version = await bump(work, planId, input.version);
    if (input.directorId !== plan.director_id) {
      await work.tx.updateTable('support_plan').set({ director_id: input.directorId }).where('id', '=', planId).execute();
      await work.tx
        .updateTable('involvement')
        .set({ valid_until: work.now })
        .where('household_id', '=', plan.household_id)
        .where('professional_id', '=', plan.director_id)
        .where('role', '=', 'director')
        .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', work.now)]))
        .execute();
      await ensureDirectorInvolvement(work, plan.household_id, input.directorId, s.actor.id);
      await recordMatches(work, plan.household_id);
    }
    logPlan(work, s, r, object, 'plan', members);
    return { planId, version, id: planId };
  });
}

export interface GoalInput {
  version: number;
  helpRequestId: string;
  lifeDomain: string;
  score: number | null;
  targetScore: number | null;
  description: string;
  needReason: string;
}

export async function addGoal(session: GateSession, planId: string, input: GoalInput): Promise<PlanChange> {
  return session.run('plan_goal.create', 'create', async (work) => {
    const { plan, s, members, object } = await loadPlan(work, planId);
    if (plan.status === 'closed') throw new AppError('PLAN.CLOSED');
    const hr = s.facts.helpRequestRows.find((h) => h.id === input.helpRequestId);
    if (!hr) throw new AppError('HELP_REQUEST.NOT_FOUND', { field: 'helpRequestId' });
    assertGoal({ lifeDomain: input.lifeDomain, score: input.score, targetScore: input.targetScore });
    assertGoalNeeded(hr.domain_code, input.lifeDomain, input.needReason);
    const id = randomUUID();
    const r = allowPlan(work, s, goalItem(work.policy, plan.household_id, { id, life_domain: input.lifeDomain, help_request_law: lawOfTask(work.policy, hr.task_code) }), 'create', object, members);
    const exists = await work.tx.selectFrom('plan_goal').select('id').where('plan_id', '=', planId).where('life_domain', '=', input.lifeDomain).executeTakeFirst();
    if (exists) throw new AppError('PLAN.GOAL_EXISTS', { field: 'lifeDomain' });
    const version = await bump(work, planId, input.version);
    await work.tx
      .insertInto('plan_goal')
      .values({ id, plan_id: planId, help_request_id: hr.id, life_domain: input.lifeDomain, score: input.score, target_score: input.targetScore, description: input.description.trim(), assessed_by: input.score === null ? null : s.actor.id, assessed_at: input.score === null ? null : work.now, need_reason: input.needReason.trim() })
      .execute();
    logPlan(work, s, r, { type: 'plan_goal', id }, 'plan', members);
    return { planId, version, id };
  });
}

export interface SubActivityInput {
  version: number;
  stepPlanId: string;
  residentId: string;
  lifeDomain: string | null;
  description: string;
  dataCategories: string[];
  /** The partner's worker who carries it out (gets the provider involvement). */
  professionalId: string;
}

/**
 * Assign a sub-activity to a chain partner: only through a completed share step plan to that partner
 * for the help request, covering every category asked (STEP_PLAN.REQUIRED otherwise), and only while a
 * covenant covers them today (GATE.DENIED, rule covenant-required). The partner's worker is involved
 * through the sub-activity only: the gate shows them just these categories of this resident.
 */
export async function assignSubActivity(session: GateSession, planId: string, input: SubActivityInput): Promise<PlanChange> {
  return session.run('sub_activity.create', 'create', async (work) => {
    const { plan, s } = await loadPlan(work, planId);
    if (plan.status === 'closed') throw new AppError('PLAN.CLOSED');
    const auth = await shareAuthorisation(work, input.stepPlanId);
    if (!auth || auth.plan.household_id !== plan.household_id) throw new AppError('STEP_PLAN.REQUIRED', { field: 'stepPlanId' });
    const sp = auth.plan;
    if (sp.kind !== 'share' || sp.status !== 'completed' || !sp.recipient_organisation_id) throw new AppError('STEP_PLAN.REQUIRED', { field: 'stepPlanId', rule: 'step-plan-required' });
    const categories = [...new Set(input.dataCategories)];
    if (categories.length === 0 || categories.some((c) => !work.policy.categories.has(c))) throw new AppError('DATA_ITEM.UNKNOWN_CATEGORY', { field: 'dataCategories' });
    const missing = uncoveredShare({ id: sp.id, kind: sp.kind, status: sp.status, helpRequestId: sp.help_request_id, recipientOrganisationId: sp.recipient_organisation_id, items: auth.items.map((i) => ({ residentId: i.resident_id, category: i.category, included: i.included })) }, input.residentId, categories);
    if (missing.length > 0) throw new AppError('STEP_PLAN.REQUIRED', { field: 'dataCategories', missing, rule: 'step-plan-required' });
    if (!(await isMember(work, plan.household_id, input.residentId))) throw new AppError('RESIDENT.NOT_FOUND', { field: 'residentId' });
    const worker = await work.tx.selectFrom('professional').select(['id', 'organisation_id', 'active']).where('id', '=', input.professionalId).executeTakeFirst();
    if (!worker?.active || worker.organisation_id !== sp.recipient_organisation_id) throw new AppError('INVOLVEMENT.INVALID_TARGET', { field: 'professionalId' });
    if (input.lifeDomain !== null) {
      const goal = await work.tx.selectFrom('plan_goal').select('id').where('plan_id', '=', planId).where('life_domain', '=', input.lifeDomain).executeTakeFirst();
      if (!goal) throw new AppError('PLAN.DOMAIN_NOT_NEEDED', { field: 'lifeDomain' });
    }
    const hr = s.facts.helpRequests.get(sp.help_request_id);
    if (!hr) throw new AppError('HELP_REQUEST.NOT_FOUND', { field: 'stepPlanId' });
    const id = randomUUID();
    // The gate: the director or case worker may create it under the help request …
    const ctx = contextFor(s.actor, s.facts, hr, work.now);
    const lp = logPurpose(work.policy, s.actor, hr);
    const decision = work.decide(ctx, subActivityItem(work.policy, plan.household_id, { id, resident_id: input.residentId }), 'create');
    if (!decision.permit) {
      work.denied(input.residentId, lp, { type: 'sub_activity', id: null }, 'involvement', decision);
      return work.failAfterCommit('GATE.DENIED', { rule: decision.rule });
    }
    // … and a covenant covers each category today (R8.1), checked again at the moment of sharing.
    const kind = (await organisationKind(work.tx, sp.recipient_organisation_id)) ?? 'external_body';
    const covenants = await covenantFacts(work.tx, sp.recipient_organisation_id);
    for (const c of categories) {
      const cd = checkCovenant(work.policy, covenants, { organisationId: sp.recipient_organisation_id, organisationKind: kind, category: c, taskCode: hr.taskCode, day: today(work) });
      if (!cd.permit) {
        work.denied(input.residentId, lp, { type: 'sub_activity', id: null }, c, cd);
        return work.failAfterCommit('GATE.DENIED', { rule: cd.rule, category: c });
      }
    }
    const version = await bump(work, planId, input.version);
    await work.tx
      .insertInto('sub_activity')
      .values({ id, plan_id: planId, help_request_id: hr.id, organisation_id: sp.recipient_organisation_id, resident_id: input.residentId, life_domain: input.lifeDomain, description: input.description.trim(), status: 'active', since: today(work), until: null, data_categories: categories, refusal_reason: null, step_plan_id: sp.id })
      .execute();
    await work.tx
      .insertInto('involvement')
      .values({ id: randomUUID(), professional_id: worker.id, household_id: plan.household_id, help_request_id: null, sub_activity_id: id, role: 'provider', max_confidentiality: 'vertrouwelijk', valid_from: work.now, valid_until: null, reason: 'Deelactiviteit van het ondersteuningsplan', created_by: s.actor.id })
      .execute();
    await recordMatches(work, plan.household_id);
    work.processed(input.residentId, lp, { type: 'sub_activity', id }, ['involvement'], decision);
    return { planId, version, id };
  });
}

async function loadSub(work: GateWork, subId: string) {
  const object = { type: 'sub_activity', id: subId };
  const sub = await work.tx
    .selectFrom('sub_activity')
    .innerJoin('support_plan', 'support_plan.id', 'sub_activity.plan_id')
    .select(['sub_activity.id', 'sub_activity.resident_id', 'sub_activity.help_request_id', 'sub_activity.status', 'sub_activity.version', 'sub_activity.plan_id', 'support_plan.household_id'])
    .where('sub_activity.id', '=', subId)
    .executeTakeFirst();
  if (!sub) return notFound(work, object, 'involvement');
  const s = await householdScope(work, sub.household_id, object);
  return { sub, s, object };
}

/** R8.2: the partner records that it will not share its care information; it answers for that itself. */
export async function partnerRefusesToShare(session: GateSession, subId: string, input: { version?: number; reason: string }): Promise<{ id: string; version: number; refusesToShare: boolean }> {
  return session.run('sub_activity.refusal', 'update', async (work) => {
    const { sub, s, object } = await loadSub(work, subId);
    const t = work.now.getTime();
    const own = s.facts.involvements.some((i) => i.role === 'provider' && i.subActivityId === subId && i.validFrom.getTime() <= t && (i.validUntil === null || t < i.validUntil.getTime()));
    const hr = s.facts.helpRequests.get(sub.help_request_id)!;
    const lp = logPurpose(work.policy, s.actor, hr);
    const decision = work.decide(contextFor(s.actor, s.facts, hr, work.now), subActivityItem(work.policy, sub.household_id, sub), 'update');
    if (!own || !decision.permit) {
      work.denied(sub.resident_id, lp, object, 'involvement', decision);
      return work.failAfterCommit(own ? 'GATE.DENIED' : 'GATE.NOT_FOUND', own ? { rule: decision.rule } : undefined);
    }
    if (input.reason.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'reason' });
    const r = await work.tx
      .updateTable('sub_activity')
      .set((eb) => ({ refuses_to_share: true, refusal_reason: input.reason.trim(), version: eb('version', '+', 1) }))
      .where('id', '=', subId)
      .where('version', '=', input.version ?? sub.version)
      .returning('version')
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(sub.resident_id, lp, object, ['involvement'], decision);
    return { id: subId, version: r.version, refusesToShare: true };
  });
}

const SUB_TRANSITIONS: Record<SubActivityStatus, readonly SubActivityStatus[]> = { proposed: ['active', 'stopped'], active: ['completed', 'stopped'], completed: [], stopped: [] };

/** The director ends a sub-activity: the partner's access through it ends with it (the gate reads the status). */
export async function setSubActivityStatus(session: GateSession, subId: string, input: { version?: number; to: SubActivityStatus }): Promise<{ id: string; version: number; status: string }> {
  return session.run('sub_activity.status', 'update', async (work) => {
    const { sub, s, object } = await loadSub(work, subId);
    const hr = s.facts.helpRequests.get(sub.help_request_id)!;
    const lp = logPurpose(work.policy, s.actor, hr);
    const decision = work.decide(contextFor(s.actor, s.facts, hr, work.now), subActivityItem(work.policy, sub.household_id, sub), 'update');
    // The partner sees its own assignment, but the plan's director or case worker decides about it.
    if (!decision.permit || roleOf(decision) === 'provider') {
      work.denied(sub.resident_id, lp, object, 'involvement', decision);
      return work.failAfterCommit('GATE.DENIED', { rule: decision.permit ? 'role-profile' : decision.rule });
    }
    if (!SUB_TRANSITIONS[sub.status].includes(input.to)) throw new AppError('PLAN.INVALID_TRANSITION', { from: sub.status, to: input.to });
    const ends = input.to === 'completed' || input.to === 'stopped';
    const r = await work.tx
      .updateTable('sub_activity')
      .set((eb) => ({ status: input.to, until: ends ? today(work) : null, version: eb('version', '+', 1) }))
      .where('id', '=', subId)
      .where('version', '=', input.version ?? sub.version)
      .returning('version')
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    if (ends) await work.tx.updateTable('involvement').set({ valid_until: work.now }).where('sub_activity_id', '=', subId).where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', work.now)])).execute();
    work.processed(sub.resident_id, lp, object, ['involvement'], decision);
    return { id: subId, version: r.version, status: input.to };
  });
}
