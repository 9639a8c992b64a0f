/**
 * The step plan through the gate (issue 5 item 2; R3): the order, necessity per item, the gate's checks
 * per item with their explanations, completion, what a completed plan authorises, and bad input that
 * writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARG, BASIS, item, walkPlan, workWorld, type WorkWorld } from './support.ts';

let ww: WorkWorld;
beforeAll(async () => {
  ww = await workWorld();
});
afterAll(async () => ww.close());

const hr = () => ww.w.helpRequests.wmo;
const adult = () => ww.w.residents.adult;

async function newPlan(kind = 'record') {
  const r = await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/step-plans`, { kind });
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
}

describe('the order of the steps', () => {
  it('a later step before an earlier one is refused with STEP_PLAN.OUT_OF_ORDER and nothing is written', async () => {
    const p = await newPlan();
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/3`, { version: p.version, items: [item(adult(), 'housing')] });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'STEP_PLAN.OUT_OF_ORDER', details: { step: 3, next: 1 } });
    expect(await ww.count('step_plan_item', 'step_plan_id = $1', [p.id])).toBe(0);
    expect(Number((await ww.t.ownerSql('select steps_done from step_plan where id = $1', [p.id]))[0]!.steps_done)).toBe(0);
  });

  it('steps 5 and 6 do not apply to recording data for the help request itself', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'housing')], complete: false });
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/5`, { version: p.body.version, link: ARG, context: ARG, nature: ARG, consequences: ARG, safeguards: ARG, conclusion: 'compatible' });
    expect(r.body.error.code).toBe('STEP_PLAN.STEP_NOT_APPLICABLE');
  });

  it('saving step 1 again reopens the later steps', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'housing')], complete: false });
    expect(p.body.stepsDone).toBe(4);
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/1`, { version: p.body.version, taskCode: 'wmo-onderzoek', taskNote: `${ARG} Aangepast.` });
    expect(r.body.stepsDone).toBe(1);
    const done = await ww.call('consulent', 'POST', `/api/step-plans/${p.id}/complete`, { version: r.body.version });
    expect(done.body.error.code).toBe('STEP_PLAN.INCOMPLETE');
  });

  it('step 1 names the help request’s own task', async () => {
    const p = await newPlan();
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/1`, { version: p.version, taskCode: 'jeugd-hulp', taskNote: ARG });
    expect(r.body.error.code).toBe('STEP_PLAN.TASK_MISMATCH');
  });

  it('a stale version is refused with CONFLICT.VERSION', async () => {
    const p = await newPlan();
    await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/1`, { version: p.version, taskCode: 'wmo-onderzoek', taskNote: ARG });
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/1`, { version: p.version, taskCode: 'wmo-onderzoek', taskNote: ARG });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CONFLICT.VERSION');
  });
});

describe('necessity per item and the gate’s checks', () => {
  it('useful, handy and maybe-later items are recorded with their arguments but excluded (rule minimisation)', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), {
      task: 'wmo-onderzoek',
      items: [item(adult(), 'housing'), item(adult(), 'income', { need: 'useful' }), item(adult(), 'work_education', { need: 'maybe_later' }), item(adult(), 'contact', { canBeMissed: true })],
      complete: false,
    });
    const byCat = Object.fromEntries(p.body.items.map((i: { category: string; included: boolean; exclusionRule: string | null }) => [i.category, i]));
    expect(byCat.housing).toMatchObject({ included: true, exclusionRule: null });
    for (const c of ['income', 'work_education', 'contact']) expect(byCat[c]).toMatchObject({ included: false, exclusionRule: 'minimisation' });
  });

  it('an item without its subsidiarity argument is refused with STEP_PLAN.ARGUMENT_REQUIRED', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'housing', { subsidiarity: 'nee' })], complete: false });
    expect(p.status).toBe(400);
    expect(p.body.error).toMatchObject({ code: 'STEP_PLAN.ARGUMENT_REQUIRED', details: { field: 'subsidiarity' } });
    expect(await ww.count('step_plan_item', 'step_plan_id = $1', [p.id])).toBe(0);
  });

  it('step 4 has the gate check each item and shows its explanation: religion has no basis in a Wmo task', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'housing'), item(adult(), 'religion')], complete: false });
    const religion = p.body.items.find((i: { category: string }) => i.category === 'religion');
    expect(religion.check).toMatchObject({ decision: 'deny', rule: 'special-category-basis' });
    const failed = religion.check.checks[0].explanation.rules.find((r: { outcome: string }) => r.outcome === 'failed');
    expect(failed.statementNl.length).toBeGreaterThan(10);
    expect(p.body.items.find((i: { category: string }) => i.category === 'housing').check.decision).toBe('permit');
    const done = await ww.call('consulent', 'POST', `/api/step-plans/${p.id}/complete`, { version: p.body.version });
    expect(done.status).toBe(403);
    expect(done.body.error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'special-category-basis', category: 'religion' } });
    expect((await ww.t.ownerSql('select status from step_plan where id = $1', [p.id]))[0]!.status).toBe('draft');
  });

  it('Suwinet data asked for a Wmo task are refused by source scope (Wet SUWI 62)', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'income', { source: 'suwi' })], complete: false });
    expect(p.body.items[0].check).toMatchObject({ decision: 'deny', rule: 'source-scope' });
  });

  it('a BSN named in step 3 must be declared in step 4', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'bsn', { source: 'brp' })], complete: false });
    expect(p.body.error.code).toBe('STEP_PLAN.INCONSISTENT');
    const ok = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/4`, { ...BASIS, version: Number((await ww.t.ownerSql('select version from step_plan where id = $1', [p.id]))[0]!.version), bsnUsed: true, bsnNote: ARG });
    expect(ok.status).toBe(200);
    expect(ok.body.items[0].check).toMatchObject({ decision: 'permit' });
  });
});

describe('what a completed plan authorises (the plan comes before the record)', () => {
  it('recording a category no completed plan names is refused with STEP_PLAN.REQUIRED and logged; nothing is written', async () => {
    const before = await ww.count('data_item');
    const logBefore = await ww.count('access_record', "decision = 'deny' and $1 = any(rule_ids)", ['step-plan-required']);
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/data-items`, { residentId: adult(), category: 'daily_functioning', source: 'resident', value: 'Kan niet zelf koken' });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'STEP_PLAN.REQUIRED', details: { rule: 'step-plan-required' } });
    expect(await ww.count('data_item')).toBe(before);
    expect(await ww.count('access_record', "decision = 'deny' and $1 = any(rule_ids)", ['step-plan-required'])).toBe(logBefore + 1);
  });

  it('after a completed record plan naming it, the same record is permitted', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'daily_functioning')] });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ status: 'completed' });
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/data-items`, { residentId: adult(), category: 'daily_functioning', source: 'resident', value: 'Kan niet zelf koken' });
    expect(r.status).toBe(201);
  });

  it('a draft plan authorises nothing, nor an item excluded as merely useful', async () => {
    await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'family_situation')], complete: false });
    await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'housing'), item(adult(), 'assets', { need: 'handy' })] });
    for (const category of ['family_situation', 'assets']) {
      const r = await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/data-items`, { residentId: adult(), category, source: 'resident', value: 'x' });
      expect(r.body.error.code, category).toBe('STEP_PLAN.REQUIRED');
    }
  });

  it('a withdrawn plan no longer authorises', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'safety')] });
    const w = await ww.call('consulent', 'POST', `/api/step-plans/${p.id}/withdraw`, { version: p.body.version });
    expect(w.body.status).toBe('withdrawn');
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/data-items`, { residentId: adult(), category: 'safety', source: 'resident', value: 'x' });
    expect(r.body.error.code).toBe('STEP_PLAN.REQUIRED');
  });

  it('a completed plan cannot change any more', async () => {
    const p = await walkPlan(ww, 'consulent', hr(), { task: 'wmo-onderzoek', items: [item(adult(), 'contact')] });
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${p.id}/steps/2`, { version: p.body.version, purposeNote: ARG });
    expect(r.body.error.code).toBe('STEP_PLAN.CLOSED');
  });
});

describe('who may work on a step plan', () => {
  it('a professional not involved with the help request gets 404 and the attempt is logged', async () => {
    const logBefore = await ww.count('access_record', "decision = 'deny'");
    const r = await ww.call('stranger', 'POST', `/api/help-requests/${hr()}/step-plans`, { kind: 'record' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('GATE.NOT_FOUND');
    expect(await ww.count('access_record', "decision = 'deny'")).toBeGreaterThan(logBefore);
  });

  it('a share plan must name its recipient, and only a share plan may', async () => {
    expect((await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/step-plans`, { kind: 'share' })).body.error.code).toBe('STEP_PLAN.RECIPIENT_REQUIRED');
    expect((await ww.call('consulent', 'POST', `/api/help-requests/${hr()}/step-plans`, { kind: 'record', recipientOrganisationId: ww.w.organisations.provider })).body.error.code).toBe('STEP_PLAN.RECIPIENT_REQUIRED');
  });
});
