/**
 * The step plan's shared parts: loading a plan through the gate, the gate's checks per item — decide()
 * on the GateItem the request, record or share would produce; for a share also the recipient's own view
 * through a sub-activity declaring the plan's categories, and the covenant; a recorded refusal — and
 * the view with each check's explanation (R3.4: what the rules can check, the gate checks).
 */
import type { Selectable } from 'kysely';
import type { Decision, GateItem, SubActivityFact } from '../../../core/policy/decide.ts';
import { explain } from '../../../core/policy/explain.ts';
import { checkCovenant } from '../../../core/policy/covenant.ts';
import { consentHint, isExchange, lastStep, type BasisInput, type CompatibilityInput, type ConfidentialityInput } from '../../../core/work/step-plan.ts';
import { contextFor, lawOfTask } from '../../gate/facts.ts';
import type { GateWork } from '../../gate/session.ts';
import type { StepPlanItemTable, StepPlanTable } from '../../schema-work.ts';
import { allow, caseItem, iso, notFound, scopeFor, today, type Scope } from './common.ts';
import { covenantFacts, organisationKind } from './covenants.ts';
import type { ItemCheckView, StepPlanView } from './views.ts';

export type PlanRow = Selectable<StepPlanTable>;
export type ItemRow = Selectable<StepPlanItemTable>;

export const json = (v: unknown) => JSON.stringify(v);
export const parsed = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ── Checks per item ──────────────────────────────────────────────────────────────────────────────────

export interface ItemCheck {
  decision: Decision;
  checks: Array<{ name: 'gate' | 'recipient' | 'covenant' | 'refusal'; decision: Decision }>;
}

export function syntheticDecision(work: GateWork, permit: boolean, rule: string, facts: Decision['facts']): Decision {
  return { permit, rule, passed: permit ? [rule] : [], cited: [], facts, involvementId: null, catalogueVersion: work.policy.version };
}

/**
 * Everything the rules can check about one item of the plan: the gate on the processing the plan
 * would authorise; for a share, the recipient's view through a sub-activity declaring the plan's
 * categories and the covenant; a recorded refusal (unless an approved involuntary record covers it).
 */
export async function checkItems(work: GateWork, scope: Scope, plan: PlanRow, items: readonly ItemRow[]): Promise<Map<string, ItemCheck>> {
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

export async function storeChecks(work: GateWork, checks: Map<string, ItemCheck>): Promise<void> {
  for (const [id, c] of checks) {
    await work.tx
      .updateTable('step_plan_item')
      .set({ check_decision: c.decision.permit ? 'permit' : 'deny', check_rule: c.decision.rule, check_explanation: json(checkView(work, c, work.now)), checked_at: work.now })
      .where('id', '=', id)
      .execute();
  }
}

// ── Loading and the view ─────────────────────────────────────────────────────────────────────────────

export async function loadPlan(work: GateWork, planId: string, action: 'read' | 'update' | 'create'): Promise<{ plan: PlanRow; scope: Scope; decision: Decision; object: { type: string; id: string } }> {
  const object = { type: 'step_plan', id: planId };
  const plan = await work.tx.selectFrom('step_plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return notFound(work, object);
  const scope = await scopeFor(work, plan.help_request_id, object);
  const decision = allow(work, scope, caseItem(work, scope.hr), action, object);
  return { plan, scope, decision, object };
}

export async function itemsOf(work: GateWork, planId: string): Promise<ItemRow[]> {
  return work.tx.selectFrom('step_plan_item').selectAll().where('step_plan_id', '=', planId).orderBy('position').execute();
}

export async function view(work: GateWork, plan: PlanRow, scope: Scope): Promise<StepPlanView> {
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

