/**
 * The step plan through the gate (issue 5 item 2; R3; policy §3.2–3.3). One plan per intended request
 * (uitvraag), record (vastlegging) or share (verstrekking), tied to a help request. The steps are saved
 * in order (STEP_PLAN.OUT_OF_ORDER otherwise); the judgement is recorded with its arguments; what the
 * rules can check is checked per item by decide() — on the GateItem the request, record or share would
 * produce — and, for a share to a partner, by the recipient's own need-to-know and the covenant check.
 * Only a completed plan authorises: recording a data item needs a completed request/record plan naming
 * its resident and category (authoriseRecord), a sub-activity a completed share plan to its partner.
 *
 * Once-only (R5.4): reuseProposals looks for data the resident already gave for another help request
 * and asks the gate whether they may be reused for this one (purpose binding and reciprocity), saying
 * why when not; adopting a reuse makes the plan an exchange (steps 5 and 6 apply).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { Decision, GateItem, SubActivityFact } from '../../../core/policy/decide.ts';
import { explain, type Explanation } from '../../../core/policy/explain.ts';
import { checkCovenant } from '../../../core/policy/covenant.ts';
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
  consentHint,
  isExchange,
  lastStep,
  stepsDoneAfter,
  type BasisInput,
  type CompatibilityInput,
  type ConfidentialityInput,
  type ItemInput,
  type StepPlanKind,
} from '../../../core/work/step-plan.ts';
import { contextFor, lawOfTask } from '../../gate/facts.ts';
import type { LogPurpose } from '../../gate/purposes.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { Selectable } from 'kysely';
import type { StepPlanItemTable, StepPlanTable } from '../../schema-work.ts';
import { allow, caseItem, iso, isMember, notFound, professional, scopeFor, today, type Scope } from './common.ts';
import { covenantFacts, organisationKind } from './covenants.ts';
import type { ItemCheckView, ReuseProposalView, StepPlanSummary, StepPlanView } from './views.ts';

type PlanRow = Selectable<StepPlanTable>;
type ItemRow = Selectable<StepPlanItemTable>;

const json = (v: unknown) => JSON.stringify(v);
const parsed = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ── Checks per item ──────────────────────────────────────────────────────────────────────────────────

interface ItemCheck {
  decision: Decision;
  checks: Array<{ name: 'gate' | 'recipient' | 'covenant' | 'refusal'; decision: Decision }>;
}

function syntheticDecision(work: GateWork, permit: boolean, rule: string, facts: Decision['facts']): Decision {
  return { permit, rule, passed: permit ? [rule] : [], cited: [], facts, involvementId: null, catalogueVersion: work.policy.version };
}

/**
 * Everything the rules can check about one item of the plan: the gate on the processing the plan
 * would authorise; for a share, the recipient's view through a sub-activity declaring the plan's
 * categories and the covenant; a recorded refusal (unless an approved involuntary record covers it).
 */
async function checkItems(work: GateWork, scope: Scope, plan: PlanRow, items: readonly ItemRow[]): Promise<Map<string, ItemCheck>> {
  const { actor, facts, purpose } = scope;
  const policy = work.policy;
  const ctx = contextFor(actor, facts, purpose, work.now);
  const refusals = await work.tx.selectFrom('refusal').select(['id', 'resident_id', 'categories']).where('help_request_id', '=', plan.help_request_id).execute();
  const included = items.filter((i) => i.included);
  const reuseIds = included.map((i) => i.reuse_data_item_id).filter((x): x is string => x !== null);
  const reused = new Map(
    reuseIds.length === 0
      ? []
      : (
          await work.tx
            .selectFrom('data_item')
            .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
            .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
            .select(['data_item.id', 'data_item.household_id', 'data_item.resident_id', 'data_item.category', 'data_item.source', 'data_item.confidentiality', 'data_item.secrecy_origin', 'data_item.sub_activity_id', 'help_request.task_code', 'professional.organisation_id'])
            .where('data_item.id', 'in', reuseIds)
            .execute()
        ).map((d) => [d.id, d] as const),
  );
  let recipient: { kind: Awaited<ReturnType<typeof organisationKind>>; covenants: Awaited<ReturnType<typeof covenantFacts>> } | null = null;
  if (plan.kind === 'share' && plan.recipient_organisation_id) {
    recipient = { kind: await organisationKind(work.tx, plan.recipient_organisation_id), covenants: await covenantFacts(work.tx, plan.recipient_organisation_id) };
  }
  const out = new Map<string, ItemCheck>();
  for (const item of included) {
    const checks: ItemCheck['checks'] = [];
    const fresh: GateItem = {
      type: 'data_item',
      id: null,
      householdId: plan.household_id,
      residentId: item.resident_id,
      category: item.category,
      collectedForLaw: purpose.law,
      source: item.source,
      confidentiality: policy.categories.get(item.category)?.defaultConfidentiality ?? 'zeer_geheim',
      secrecyOrigin: item.secrecy_origin,
      subActivityId: null,
      recordedByOrganisationId: actor.organisationId,
    };
    const old = item.reuse_data_item_id ? reused.get(item.reuse_data_item_id) : undefined;
    const gateItem: GateItem = old
      ? { type: 'data_item', id: old.id, householdId: old.household_id, residentId: old.resident_id, category: old.category, collectedForLaw: lawOfTask(policy, old.task_code), source: old.source, confidentiality: old.confidentiality, secrecyOrigin: old.secrecy_origin, subActivityId: old.sub_activity_id, recordedByOrganisationId: old.organisation_id }
      : fresh;
    // A request or record creates the datum for this purpose; a share or reuse reads it under it.
    const action = old || plan.kind === 'share' ? 'read' : 'create';
    checks.push({ name: 'gate', decision: work.decide(ctx, gateItem, action) });
    if (plan.kind === 'share' && plan.recipient_organisation_id && recipient) {
      // The recipient as it will be: a partner through a sub-activity declaring the plan's categories.
      const sub: SubActivityFact = {
        id: `planned-${plan.id}`,
        helpRequestId: plan.help_request_id,
        organisationId: plan.recipient_organisation_id,
        residentId: item.resident_id,
        lifeDomain: null,
        dataCategories: included.filter((i) => i.resident_id === item.resident_id).map((i) => i.category),
        status: 'active',
      };
      const partner = { kind: 'professional' as const, id: `planned-${plan.recipient_organisation_id}`, organisationId: plan.recipient_organisation_id, roles: ['chain_partner' as const], displayName: 'recipient' };
      const rctx = {
        ...ctx,
        actor: partner,
        involvements: [{ id: `planned-${plan.id}`, professionalId: partner.id, householdId: plan.household_id, helpRequestId: null, subActivityId: sub.id, role: 'provider' as const, maxConfidentiality: 'vertrouwelijk', validFrom: new Date(work.now.getTime() - 1), validUntil: null }],
        subActivities: new Map([[sub.id, sub]]),
      };
      checks.push({ name: 'recipient', decision: work.decide(rctx, gateItem, 'read') });
      checks.push({ name: 'covenant', decision: checkCovenant(policy, recipient.covenants, { organisationId: plan.recipient_organisation_id, organisationKind: recipient.kind ?? 'external_body', category: item.category, taskCode: purpose.taskCode, day: today(work) }) });
    }
    const refused = refusals.find((r) => r.resident_id === item.resident_id && r.categories.includes(item.category));
    if (refused) {
      const vital = facts.involuntary.some((v) => v.status === 'approved' && v.helpRequestId === plan.help_request_id && v.residentId === item.resident_id && v.categories.includes(item.category) && (v.validUntil === null || v.validUntil.getTime() > work.now.getTime()));
      checks.push({ name: 'refusal', decision: vital ? syntheticDecision(work, true, 'inv-vital', { refusal: refused.id }) : syntheticDecision(work, false, 'consent-refusal', { refusal: refused.id, category: item.category }) });
    }
    const failed = checks.find((c) => !c.decision.permit);
    out.set(item.id, { decision: failed?.decision ?? checks[checks.length - 1]!.decision, checks });
  }
  return out;
}

function checkView(work: GateWork, c: ItemCheck, at: Date): ItemCheckView {
  return {
    decision: c.decision.permit ? 'permit' : 'deny',
    rule: c.decision.rule,
    checkedAt: at.toISOString(),
    checks: c.checks.map((x) => ({ name: x.name, explanation: explain(work.policy, x.decision) })),
    consentHint: consentHint(c.decision),
  };
}

async function storeChecks(work: GateWork, checks: Map<string, ItemCheck>): Promise<void> {
  for (const [id, c] of checks) {
    await work.tx
      .updateTable('step_plan_item')
      .set({ check_decision: c.decision.permit ? 'permit' : 'deny', check_rule: c.decision.rule, check_explanation: json(checkView(work, c, work.now)), checked_at: work.now })
      .where('id', '=', id)
      .execute();
  }
}

// ── Loading and the view ─────────────────────────────────────────────────────────────────────────────

async function loadPlan(work: GateWork, planId: string, action: 'read' | 'update' | 'create'): Promise<{ plan: PlanRow; scope: Scope; decision: Decision; object: { type: string; id: string } }> {
  const object = { type: 'step_plan', id: planId };
  const plan = await work.tx.selectFrom('step_plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return notFound(work, object);
  const scope = await scopeFor(work, plan.help_request_id, object);
  const decision = allow(work, scope, caseItem(work, scope.hr), action, object);
  return { plan, scope, decision, object };
}

async function itemsOf(work: GateWork, planId: string): Promise<ItemRow[]> {
  return work.tx.selectFrom('step_plan_item').selectAll().where('step_plan_id', '=', planId).orderBy('position').execute();
}

async function view(work: GateWork, plan: PlanRow, scope: Scope): Promise<StepPlanView> {
  const items = await itemsOf(work, plan.id);
  const recipient = plan.recipient_organisation_id
    ? await work.tx.selectFrom('organisation').select(['id', 'name', 'kind']).where('id', '=', plan.recipient_organisation_id).executeTakeFirst()
    : undefined;
  const p = { kind: plan.kind, reuse: plan.reuse_from_help_request_id !== null };
  const done = plan.steps_done;
  return {
    id: plan.id,
    helpRequest: { id: scope.hr.id, reference: scope.hr.reference, task: scope.hr.task_code, law: scope.purpose.law, domain: scope.hr.domain_code, status: scope.hr.status },
    householdId: plan.household_id,
    kind: plan.kind,
    status: plan.status,
    stepsDone: done,
    lastStep: lastStep(p),
    exchange: isExchange(p),
    recipient: recipient ? { id: recipient.id, name: recipient.name, kind: recipient.kind } : null,
    reuseFromHelpRequestId: plan.reuse_from_help_request_id,
    task: plan.task_code ? { taskCode: plan.task_code, taskNote: plan.task_note ?? '', done: done >= 1 } : null,
    purpose: plan.purpose_note ? { purposeNote: plan.purpose_note, done: done >= 2 } : null,
    items: items.map((i) => ({
      id: i.id,
      residentId: i.resident_id,
      category: i.category,
      source: i.source,
      description: i.description,
      need: i.need,
      canBeMissed: i.can_be_missed,
      proportionality: i.proportionality,
      subsidiarity: i.subsidiarity,
      secrecyOrigin: i.secrecy_origin,
      included: i.included,
      exclusionRule: i.exclusion_rule,
      reuseDataItemId: i.reuse_data_item_id,
      check: parsed<ItemCheckView>(i.check_explanation),
    })),
    itemsDone: done >= 3,
    basis: plan.basis ? { ...parsed<BasisInput>(plan.basis)!, done: done >= 4 } : null,
    compatibility: plan.compatibility ? { ...parsed<CompatibilityInput>(plan.compatibility)!, done: done >= 5 } : null,
    confidentiality: plan.confidentiality ? { ...parsed<ConfidentialityInput>(plan.confidentiality)!, done: done >= 6 } : null,
    covenantId: plan.covenant_id,
    createdAt: iso(plan.created_at)!,
    completedAt: iso(plan.completed_at),
    version: plan.version,
  };
}

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
      .select(['step_plan.id', 'step_plan.kind', 'step_plan.status', 'step_plan.steps_done', 'step_plan.reuse_from_help_request_id', 'step_plan.created_at', 'step_plan.completed_at', 'organisation.name as recipient_name'])
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

// ── Once-only (R5.4) ─────────────────────────────────────────────────────────────────────────────────

/**
 * For every necessary item of step 3, the data the resident already gave for ANOTHER help request of
 * the household, each with the gate's answer to "may it be reused for this purpose?" — the datum under
 * the new purpose, so purpose binding and sector-law reciprocity decide — and why not when not. The
 * value itself is not shown here; a permitted one is visible in the file, a refused one stays closed.
 */
export async function reuseProposals(session: GateSession, planId: string): Promise<ReuseProposalView[]> {
  return session.run('step_plan.reuse', 'read', async (work) => {
    const { plan, scope, decision, object } = await loadPlan(work, planId, 'read');
    work.processed(scope.hr.resident_id, scope.lp, object, ['case'], decision);
    const items = (await itemsOf(work, plan.id)).filter((i) => i.included);
    if (items.length === 0) return [];
    const rows = await work.tx
      .selectFrom('data_item')
      .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
      .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
      .select(['data_item.id', 'data_item.household_id', 'data_item.resident_id', 'data_item.category', 'data_item.source', 'data_item.confidentiality', 'data_item.secrecy_origin', 'data_item.sub_activity_id', 'data_item.recorded_at', 'data_item.help_request_id', 'help_request.task_code', 'help_request.reference', 'professional.organisation_id'])
      .where('data_item.household_id', '=', plan.household_id)
      .where('data_item.help_request_id', '<>', plan.help_request_id)
      .where('data_item.resident_id', 'in', [...new Set(items.map((i) => i.resident_id))])
      .where('data_item.category', 'in', [...new Set(items.map((i) => i.category))])
      .orderBy('data_item.recorded_at', 'desc')
      .limit(200)
      .execute();
    const ctx = contextFor(scope.actor, scope.facts, scope.purpose, work.now);
    const out: ReuseProposalView[] = [];
    for (const d of rows) {
      const item = items.find((i) => i.resident_id === d.resident_id && i.category === d.category);
      if (!item) continue;
      const law = lawOfTask(work.policy, d.task_code);
      const g: GateItem = { type: 'data_item', id: d.id, householdId: d.household_id, residentId: d.resident_id, category: d.category, collectedForLaw: law, source: d.source, confidentiality: d.confidentiality, secrecyOrigin: d.secrecy_origin, subActivityId: d.sub_activity_id, recordedByOrganisationId: d.organisation_id };
      const dec = work.decide(ctx, g, 'read');
      if (dec.permit) work.processed(d.resident_id, scope.lp, { type: 'data_item', id: d.id }, [d.category], dec);
      else work.denied(d.resident_id, scope.lp, { type: 'data_item', id: d.id }, d.category, dec);
      out.push({
        planItemId: item.id,
        dataItemId: d.id,
        category: d.category,
        residentId: d.resident_id,
        collectedFor: { law, task: d.task_code, reference: dec.permit ? d.reference : null },
        recordedAt: iso(d.recorded_at)!,
        reusable: dec.permit,
        adopted: item.reuse_data_item_id === d.id,
        explanation: explain(work.policy, dec),
        consentHint: consentHint(dec),
      });
    }
    return out;
  });
}

/** Adopt a reuse: the datum the resident gave is used instead of asked again; steps 5 and 6 apply. */
export async function adoptReuse(session: GateSession, planId: string, input: { version: number; planItemId: string; dataItemId: string }): Promise<StepPlanView> {
  return session.run('step_plan.reuse.adopt', 'update', async (work) => {
    const { plan, scope, decision, object } = await loadPlan(work, planId, 'update');
    if (plan.status !== 'draft') throw new AppError('STEP_PLAN.CLOSED', { status: plan.status });
    if (plan.steps_done < 3) throw new AppError('STEP_PLAN.OUT_OF_ORDER', { step: 3, next: plan.steps_done + 1 });
    if (plan.kind === 'share') throw new AppError('STEP_PLAN.STEP_NOT_APPLICABLE', { field: 'kind' });
    const item = await work.tx.selectFrom('step_plan_item').selectAll().where('id', '=', input.planItemId).where('step_plan_id', '=', plan.id).executeTakeFirst();
    const d = await work.tx
      .selectFrom('data_item')
      .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
      .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
      .select(['data_item.id', 'data_item.household_id', 'data_item.resident_id', 'data_item.category', 'data_item.source', 'data_item.confidentiality', 'data_item.secrecy_origin', 'data_item.sub_activity_id', 'data_item.help_request_id', 'help_request.task_code', 'professional.organisation_id'])
      .where('data_item.id', '=', input.dataItemId)
      .executeTakeFirst();
    if (!item || !item.included || !d || d.household_id !== plan.household_id || d.help_request_id === plan.help_request_id || d.resident_id !== item.resident_id || d.category !== item.category) {
      throw new AppError('STEP_PLAN.INCONSISTENT', { field: 'dataItemId' });
    }
    const g: GateItem = { type: 'data_item', id: d.id, householdId: d.household_id, residentId: d.resident_id, category: d.category, collectedForLaw: lawOfTask(work.policy, d.task_code), source: d.source, confidentiality: d.confidentiality, secrecyOrigin: d.secrecy_origin, subActivityId: d.sub_activity_id, recordedByOrganisationId: d.organisation_id };
    const dec = work.decide(contextFor(scope.actor, scope.facts, scope.purpose, work.now), g, 'read');
    if (!dec.permit) {
      work.denied(d.resident_id, scope.lp, { type: 'data_item', id: d.id }, d.category, dec);
      return work.failAfterCommit('GATE.DENIED', { rule: dec.rule, category: d.category });
    }
    await work.tx.updateTable('step_plan_item').set({ reuse_data_item_id: d.id, check_decision: null, check_rule: null, check_explanation: null, checked_at: null }).where('id', '=', item.id).execute();
    // Reuse for another purpose is an exchange: purpose binding (5) and confidentiality (6) follow step 3.
    const r = await work.tx
      .updateTable('step_plan')
      .set((eb) => ({ reuse_from_help_request_id: d.help_request_id, steps_done: Math.min(plan.steps_done, 3), version: eb('version', '+', 1) }))
      .where('id', '=', planId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(scope.hr.resident_id, scope.lp, object, ['case'], decision);
    work.processed(d.resident_id, scope.lp, { type: 'data_item', id: d.id }, [d.category], dec);
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
