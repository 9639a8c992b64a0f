/**
 * Once-only (issue 5 item 9; R5.4; policy §4 "the resident need not give again what they gave"): for the
 * necessary items of a step plan, the data the resident already gave for ANOTHER help request, each with
 * the gate's answer to "may it be reused for this purpose?" — the datum decided under the new purpose, so
 * purpose binding and sector-law reciprocity decide — and the explanation when not (with the consent the
 * law would accept, if any). Adopting a reuse makes the plan an exchange: steps 5 and 6 then apply.
 */
import { AppError } from '../../../core/errors.ts';
import type { GateItem } from '../../../core/policy/decide.ts';
import { explain } from '../../../core/policy/explain.ts';
import { consentHint } from '../../../core/work/step-plan.ts';
import { contextFor, lawOfTask } from '../../gate/facts.ts';
import type { GateSession } from '../../gate/session.ts';
import { iso } from './common.ts';
import { itemsOf, loadPlan, view } from './step-plan-checks.ts';
import type { ReuseProposalView, StepPlanView } from './views.ts';

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

