/**
 * The step plan through the gate (issue 5 item 2; R3; policy §3.2–3.3). One plan per intended request
 * (uitvraag), record (vastlegging) or share (verstrekking), tied to a help request. The steps are saved
 * in order (STEP_PLAN.OUT_OF_ORDER otherwise); the judgement is recorded with its arguments; what the
 * rules can check is checked per item (step-plan-checks.ts). Only a completed plan authorises:
 * recording a data item needs a completed request/record plan naming its resident and category
 * (authoriseRecord), a sub-activity a completed share plan to its partner (plans.ts). Once-only reuse
 * is in reuse.ts.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import {
  assertBasis,
  assertCompatibility,
  assertCompletable,
  assertConfidentiality,
  assertItems,
  assertPurpose,
  assertStepAllowed,
  assertTask,
  authorisingPlan,
  lastStep,
  stepsDoneAfter,
  type BasisInput,
  type CompatibilityInput,
  type ConfidentialityInput,
  type ItemInput,
  type StepPlanKind,
} from '../../../core/work/step-plan.ts';
import type { LogPurpose } from '../../gate/purposes.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { StepPlanTable } from '../../schema-work.ts';
import { allow, caseItem, iso, isMember, scopeFor, type Scope } from './common.ts';
import { organisationKind } from './covenants.ts';
import { checkItems, itemsOf, json, loadPlan, parsed, storeChecks, syntheticDecision, view, type PlanRow } from './step-plan-checks.ts';
import type { StepPlanSummary, StepPlanView } from './views.ts';

// ── Operations ───────────────────────────────────────────────────────────────────────────────────────

export async function createStepPlan(session: GateSession, helpRequestId: string, input: { kind: StepPlanKind; recipientOrganisationId?: string | null }): Promise<StepPlanView> {
  return session.run('step_plan.create', 'create', async (work) => {
    const object = { type: 'step_plan', id: null };
    const scope = await scopeFor(work, helpRequestId, object);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'create', object);
    const recipient = input.recipientOrganisationId ?? null;
    if ((input.kind === 'share') !== (recipient !== null)) throw new AppError('STEP_PLAN.RECIPIENT_REQUIRED', { field: 'recipientOrganisationId' });
    if (recipient !== null && (await organisationKind(work.tx, recipient)) === null) throw new AppError('STEP_PLAN.RECIPIENT_REQUIRED', { field: 'recipientOrganisationId', reason: 'unknown' });
    const id = randomUUID();
    await work.tx
      .insertInto('step_plan')
      .values({ id, help_request_id: helpRequestId, household_id: scope.hr.household_id, kind: input.kind, status: 'draft', steps_done: 0, recipient_organisation_id: recipient, reuse_from_help_request_id: null, task_code: null, task_note: null, purpose_note: null, basis: null, compatibility: null, confidentiality: null, covenant_id: null, created_by: scope.actor.id, created_at: work.now, completed_by: null, completed_at: null })
      .execute();
    work.processed(scope.hr.resident_id, scope.lp, { type: 'step_plan', id }, ['case'], decision);
    const plan = await work.tx.selectFrom('step_plan').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return view(work, plan, scope);
  });
}

export async function stepPlan(session: GateSession, planId: string): Promise<StepPlanView> {
  return session.run('step_plan.read', 'read', async (work) => {
    const { plan, scope, decision, object } = await loadPlan(work, planId, 'read');
    work.processed(scope.hr.resident_id, scope.lp, object, ['case'], decision);
    return view(work, plan, scope);
  });
}

export async function stepPlansOf(session: GateSession, helpRequestId: string): Promise<StepPlanSummary[]> {
  return session.run('step_plan.list', 'list', async (work) => {
    const scope = await scopeFor(work, helpRequestId);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'read', { type: 'step_plan', id: null });
    const rows = await work.tx
      .selectFrom('step_plan')
      .leftJoin('organisation', 'organisation.id', 'step_plan.recipient_organisation_id')
      .select(['step_plan.id', 'step_plan.kind', 'step_plan.status', 'step_plan.steps_done', 'step_plan.reuse_from_help_request_id', 'step_plan.created_at', 'step_plan.completed_at', 'step_plan.recipient_organisation_id', 'organisation.name as recipient_name'])
      .where('step_plan.help_request_id', '=', helpRequestId)
      .orderBy('step_plan.created_at', 'desc')
      .execute();
    const counts = rows.length === 0 ? [] : await work.tx.selectFrom('step_plan_item').select(['step_plan_id', 'category', 'included']).where('step_plan_id', 'in', rows.map((r) => r.id)).execute();
    work.processed(scope.hr.resident_id, scope.lp, { type: 'step_plan', id: null }, ['case'], decision);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      stepsDone: r.steps_done,
      lastStep: lastStep({ kind: r.kind, reuse: r.reuse_from_help_request_id !== null }),
      recipientName: r.recipient_name,
      recipientOrganisationId: r.recipient_organisation_id,
      categories: counts.filter((c) => c.step_plan_id === r.id && c.included).map((c) => c.category),
      createdAt: iso(r.created_at)!,
      completedAt: iso(r.completed_at),
    }));
  });
}

/** Save one step: in order, on the version the professional saw; an earlier step again reopens the later ones. */
async function saveStep(
  session: GateSession,
  planId: string,
  step: number,
  version: number,
  apply: (work: GateWork, plan: PlanRow, scope: Scope) => Promise<Partial<Record<keyof StepPlanTable, unknown>>>,
): Promise<StepPlanView> {
  return session.run(`step_plan.step${step}`, 'update', async (work) => {
    const { plan, scope, decision, object } = await loadPlan(work, planId, 'update');
    assertStepAllowed({ kind: plan.kind, status: plan.status, stepsDone: plan.steps_done, reuse: plan.reuse_from_help_request_id !== null }, step);
    const patch = await apply(work, plan, scope);
    const r = await work.tx
      .updateTable('step_plan')
      .set((eb) => ({ ...(patch as object), steps_done: stepsDoneAfter(step), version: eb('version', '+', 1) }))
      .where('id', '=', planId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(scope.hr.resident_id, scope.lp, object, ['case'], decision);
    return view(work, r, scope);
  });
}

export function saveTask(session: GateSession, planId: string, input: { version: number; taskCode: string; taskNote: string }) {
  return saveStep(session, planId, 1, input.version, async (_w, _p, scope) => {
    assertTask(scope.hr.task_code, input.taskCode, input.taskNote);
    return { task_code: input.taskCode, task_note: input.taskNote.trim() };
  });
}

export function savePurpose(session: GateSession, planId: string, input: { version: number; purposeNote: string }) {
  return saveStep(session, planId, 2, input.version, async () => {
    assertPurpose(input.purposeNote);
    return { purpose_note: input.purposeNote.trim() };
  });
}

export function saveItems(session: GateSession, planId: string, input: { version: number; items: ItemInput[] }) {
  return saveStep(session, planId, 3, input.version, async (work, plan) => {
    const policy = work.policy;
    for (const i of input.items) {
      if (!policy.categories.has(i.category)) throw new AppError('DATA_ITEM.UNKNOWN_CATEGORY', { field: 'category' });
      if (!policy.sources.has(i.source)) throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'source' });
      if (i.secrecyOrigin && !policy.catalogue.secrecyOrigins.some((s) => s.code === i.secrecyOrigin)) throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'secrecyOrigin' });
    }
    const assessed = assertItems(input.items);
    for (const r of new Set(input.items.map((i) => i.residentId))) {
      if (!(await isMember(work, plan.household_id, r))) throw new AppError('RESIDENT.NOT_FOUND', { field: 'residentId' });
    }
    // Keep a reuse chosen earlier for the same resident and category (once-only survives an edit).
    const before = await itemsOf(work, plan.id);
    await work.tx.deleteFrom('step_plan_item').where('step_plan_id', '=', plan.id).execute();
    await work.tx
      .insertInto('step_plan_item')
      .values(
        input.items.map((i, n) => ({
          id: randomUUID(),
          step_plan_id: plan.id,
          position: n,
          resident_id: i.residentId,
          category: i.category,
          source: i.source,
          description: i.description.trim(),
          need: i.need,
          can_be_missed: i.canBeMissed,
          proportionality: i.proportionality.trim(),
          subsidiarity: i.subsidiarity.trim(),
          secrecy_origin: i.secrecyOrigin ?? null,
          included: assessed[n]!.included,
          exclusion_rule: assessed[n]!.exclusionRule,
          reuse_data_item_id: before.find((b) => b.resident_id === i.residentId && b.category === i.category)?.reuse_data_item_id ?? null,
          check_decision: null,
          check_rule: null,
          check_explanation: null,
          checked_at: null,
        })),
      )
      .execute();
    const anyReuse = input.items.some((i) => before.some((b) => b.resident_id === i.residentId && b.category === i.category && b.reuse_data_item_id !== null));
    return anyReuse ? {} : { reuse_from_help_request_id: null };
  });
}

export function saveBasis(session: GateSession, planId: string, input: BasisInput & { version: number }) {
  return saveStep(session, planId, 4, input.version, async (work, plan, scope) => {
    const task = work.policy.tasks.get(scope.hr.task_code)!;
    const items = await itemsOf(work, plan.id);
    const kinds = items.filter((i) => i.included).map((i) => work.policy.categories.get(i.category)?.kind ?? 'ordinary');
    const { version: _v, ...basis } = input;
    assertBasis(basis, task, kinds);
    // What the rules can check, the gate checks now, per item; the explanations are shown with the plan.
    await storeChecks(work, await checkItems(work, scope, plan, items));
    return { basis: json(basis) };
  });
}

export function saveCompatibility(session: GateSession, planId: string, input: CompatibilityInput & { version: number }) {
  return saveStep(session, planId, 5, input.version, async () => {
    const { version: _v, ...c } = input;
    assertCompatibility(c);
    return { compatibility: json({ ...c, link: c.link.trim(), context: c.context.trim(), nature: c.nature.trim(), consequences: c.consequences.trim(), safeguards: c.safeguards.trim() }) };
  });
}

export function saveConfidentiality(session: GateSession, planId: string, input: ConfidentialityInput & { version: number }) {
  return saveStep(session, planId, 6, input.version, async (work) => {
    const { version: _v, ...c } = input;
    assertConfidentiality(c, work.policy.catalogue.secrecyOrigins.map((s) => s.code));
    return { confidentiality: json({ ...c, assessment: c.assessment.trim() }) };
  });
}

/**
 * Complete the plan: every step done, the judgement does not block, and the gate permits every item
 * NOW (consents are checked as they are today). A denial is logged and answered 403 with its rule;
 * nothing else is written then.
 */
export async function completeStepPlan(session: GateSession, planId: string, input: { version: number }): Promise<StepPlanView> {
  return session.run('step_plan.complete', 'update', async (work) => {
    const { plan, scope, decision, object } = await loadPlan(work, planId, 'update');
    const items = await itemsOf(work, plan.id);
    const included = items.filter((i) => i.included);
    assertCompletable(
      { kind: plan.kind, status: plan.status, stepsDone: plan.steps_done, reuse: plan.reuse_from_help_request_id !== null },
      { compatibility: parsed<CompatibilityInput>(plan.compatibility)?.conclusion ?? null, confidentiality: parsed<ConfidentialityInput>(plan.confidentiality)?.conclusion ?? null },
      included.length,
    );
    if (plan.version !== input.version) throw new AppError('CONFLICT.VERSION');
    const checks = await checkItems(work, scope, plan, items);
    for (const item of included) {
      const c = checks.get(item.id)!;
      if (!c.decision.permit) {
        work.denied(item.resident_id, scope.lp, { type: 'step_plan', id: plan.id }, item.category, c.decision);
        return work.failAfterCommit('GATE.DENIED', { rule: c.decision.rule, category: item.category });
      }
    }
    await storeChecks(work, checks);
    const covenant = plan.kind === 'share' ? ([...checks.values()].flatMap((c) => c.checks).find((c) => c.name === 'covenant')?.decision.facts['covenant'] ?? null) : null;
    const r = await work.tx
      .updateTable('step_plan')
      .set((eb) => ({ status: 'completed', completed_at: work.now, completed_by: scope.actor.id, covenant_id: typeof covenant === 'string' ? covenant : null, version: eb('version', '+', 1) }))
      .where('id', '=', planId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(scope.hr.resident_id, scope.lp, object, ['case'], decision);
    return view(work, r, scope);
  });
}

export async function withdrawStepPlan(session: GateSession, planId: string, input: { version: number }): Promise<StepPlanView> {
  return session.run('step_plan.withdraw', 'update', async (work) => {
    const { plan, scope, decision, object } = await loadPlan(work, planId, 'update');
    if (plan.status === 'withdrawn') throw new AppError('STEP_PLAN.CLOSED', { status: plan.status });
    const r = await work.tx
      .updateTable('step_plan')
      .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
      .where('id', '=', planId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(scope.hr.resident_id, scope.lp, object, ['case'], decision);
    return view(work, r, scope);
  });
}

// ── Authorisation of records and shares ──────────────────────────────────────────────────────────────

async function completedPlans(work: GateWork, helpRequestId: string) {
  const plans = await work.tx
    .selectFrom('step_plan')
    .select(['id', 'kind', 'status', 'help_request_id', 'recipient_organisation_id'])
    .where('help_request_id', '=', helpRequestId)
    .where('status', '=', 'completed')
    .execute();
  const items = plans.length === 0 ? [] : await work.tx.selectFrom('step_plan_item').select(['step_plan_id', 'resident_id', 'category', 'included']).where('step_plan_id', 'in', plans.map((p) => p.id)).execute();
  return plans.map((p) => ({
    id: p.id,
    kind: p.kind,
    status: p.status,
    helpRequestId: p.help_request_id,
    recipientOrganisationId: p.recipient_organisation_id,
    items: items.filter((i) => i.step_plan_id === p.id).map((i) => ({ residentId: i.resident_id, category: i.category, included: i.included })),
  }));
}

/**
 * Recording a data item (R3.1: the plan comes BEFORE the record): a completed request or record plan
 * of the help request must name the resident and the category as necessary. A chain partner recording
 * its own care under its sub-activity is authorised by the sub-activity, which a completed share plan
 * created. Otherwise the attempt is logged and refused with STEP_PLAN.REQUIRED. Returns the plan's id.
 */
export async function authoriseRecord(
  work: GateWork,
  use: { helpRequestId: string; residentId: string; category: string; providerSubActivityId: string | null; lp: LogPurpose },
): Promise<string | null> {
  if (use.providerSubActivityId !== null) return null;
  const plan = authorisingPlan(await completedPlans(work, use.helpRequestId), { kind: 'record', helpRequestId: use.helpRequestId, residentId: use.residentId, category: use.category });
  if (plan) return plan.id;
  const d = syntheticDecision(work, false, 'step-plan-required', { helpRequestId: use.helpRequestId, category: use.category });
  work.denied(use.residentId, use.lp, { type: 'data_item', id: null }, use.category, d);
  return work.failAfterCommit('STEP_PLAN.REQUIRED', { rule: 'step-plan-required', category: use.category });
}

export async function shareAuthorisation(work: GateWork, stepPlanId: string) {
  const plan = await work.tx.selectFrom('step_plan').selectAll().where('id', '=', stepPlanId).executeTakeFirst();
  if (!plan) return null;
  const items = await itemsOf(work, plan.id);
  return { plan, items };
}

