/**
 * One household, one plan, one director (issue 5 item 5; R1.4), the covenant (item 8; R8.1) and the
 * partner's view (R2.2, R2.3, R8.2): a plan per household, goals only for needed life domains, a
 * sub-activity only through a completed share step plan and a covenant in force, the partner sees only
 * its categories, the director only DAT-information, two people editing one plan → PLAN.VERSION_CONFLICT.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARG, item, walkPlan, workWorld, type WorkWorld } from './support.ts';

let ww: WorkWorld;
let household: string;
let helpRequest: string;
let resident: string;
let partnerWorker: string;

const BSN = '123456782';

beforeAll(async () => {
  ww = await workWorld();
  // A new household through intake, with the Wmo consulent as its case worker.
  const intake = await ww.call('consulent', 'POST', '/api/intake', {
    bsn: BSN, domain: 'wmo', task: 'wmo-maatwerkvoorziening', summary: 'Begeleiding thuis na ziekenhuisopname',
    resident: { givenNames: 'Piet', surname: 'Plan', birthDate: '1960-02-02', gender: 'M', street: 'Planweg', houseNumber: 4, postcode: '7500AA', city: 'Oosterveld', phone: '0611111111' },
  });
  expect(intake.status).toBe(201);
  ({ householdId: household, helpRequestId: helpRequest, residentId: resident } = intake.body);
  // The partner's worker, a colleague of the test provider.
  partnerWorker = randomUUID();
  await ww.t.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Begeleider Twee', 'Begeleider', '{chain_partner}')`, [partnerWorker, ww.w.organisations.provider]);
});
afterAll(async () => ww.close());

async function planOf(): Promise<{ id: string; version: number }> {
  const r = await ww.t.ownerSql(`select id, version from support_plan where household_id = $1 and status in ('draft', 'active')`, [household]);
  return { id: String(r[0]!.id), version: Number(r[0]!.version) };
}

describe('one household, one plan, one director', () => {
  it('the case worker starts the plan as its director (a director involvement) and activates it', async () => {
    const created = await ww.call('consulent', 'POST', `/api/households/${household}/plans`, {});
    expect(created.status).toBe(201);
    expect(await ww.count('involvement', "household_id = $1 and professional_id = $2 and role = 'director'", [household, ww.w.professionals.consulent])).toBe(1);
    const active = await ww.call('consulent', 'POST', `/api/plans/${created.body.planId}/activate`, { version: created.body.version });
    expect(active.status).toBe(200);
    expect(active.body.version).toBe(created.body.version + 1);
  });

  it('a second plan for the household is refused with PLAN.ACTIVE_EXISTS', async () => {
    const r = await ww.call('consulent', 'POST', `/api/households/${household}/plans`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('PLAN.ACTIVE_EXISTS');
  });

  it('activating a second plan while one is active is refused with PLAN.ACTIVE_EXISTS', async () => {
    const other = randomUUID();
    await ww.t.ownerSql(`insert into support_plan (id, household_id, status, director_id, created_at) values ($1, $2, 'draft', $3, now())`, [other, household, ww.w.professionals.consulent]);
    // The household page shows the plan in force, not the draft beside it.
    const page = await ww.call('consulent', 'GET', `/api/households/${household}`);
    const inForce = await ww.t.ownerSql(`select id from support_plan where household_id = $1 and status = 'active'`, [household]);
    expect(page.body.plan).toMatchObject({ id: String(inForce[0]!.id), status: 'active' });
    const r = await ww.call('consulent', 'POST', `/api/plans/${other}/activate`, { version: 1 });
    expect(r.body.error.code).toBe('PLAN.ACTIVE_EXISTS');
    await ww.t.ownerSql(`update support_plan set status = 'closed', closed_at = now() where id = $1`, [other]);
  });

  it('a chain partner cannot direct a plan', async () => {
    const p = await planOf();
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/director`, { version: p.version, directorId: partnerWorker });
    expect(r.body.error.code).toBe('PLAN.DIRECTOR_REQUIRED');
  });

  it('a stranger to the household cannot even see that the plan exists', async () => {
    const p = await planOf();
    const r = await ww.call('stranger', 'POST', `/api/plans/${p.id}/activate`, { version: p.version });
    expect(r.status).toBe(404);
  });
});

describe('goals only for the life domains the help request needs', () => {
  it('a goal on a domain the Wmo request needs, with its reason', async () => {
    const p = await planOf();
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/goals`, { version: p.version, helpRequestId: helpRequest, lifeDomain: 'instrumentele_adl', score: 2, targetScore: 4, description: 'Zelf het huishouden weer doen', needReason: 'Na de opname lukt koken en schoonmaken niet.' });
    expect(r.status).toBe(201);
  });

  it('a domain the help request does not need is refused (AP: never all 13 by default)', async () => {
    const p = await planOf();
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/goals`, { version: p.version, helpRequestId: helpRequest, lifeDomain: 'financien', score: null, targetScore: null, description: 'Geldzaken', needReason: 'Misschien later handig om te weten.' });
    expect(r.body.error).toMatchObject({ code: 'PLAN.DOMAIN_NOT_NEEDED', details: { rule: 'ap-zrm-necessity' } });
  });

  it('two people editing one plan: the second, on the old version, gets PLAN.VERSION_CONFLICT and nothing is written', async () => {
    const p = await planOf();
    const goals = await ww.count('plan_goal', 'plan_id = $1', [p.id]);
    const first = await ww.call('consulent', 'POST', `/api/plans/${p.id}/goals`, { version: p.version, helpRequestId: helpRequest, lifeDomain: 'sociaal_netwerk', score: 3, targetScore: 4, description: 'Contact met buren', needReason: 'Woont alleen en heeft weinig contact.' });
    expect(first.status).toBe(201);
    const second = await ww.call('consulent', 'POST', `/api/plans/${p.id}/goals`, { version: p.version, helpRequestId: helpRequest, lifeDomain: 'basale_adl', score: 3, targetScore: 4, description: 'Zelf douchen', needReason: 'Douchen lukt niet zonder hulp.' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('PLAN.VERSION_CONFLICT');
    expect(await ww.count('plan_goal', 'plan_id = $1', [p.id])).toBe(goals + 1);
  });
});

describe('sub-activities for chain partners: share step plan, covenant, need-to-know', () => {
  const categories = ['identity', 'address', 'contact', 'daily_functioning'];

  it('without a completed share step plan the sub-activity is refused with STEP_PLAN.REQUIRED', async () => {
    const p = await planOf();
    const draft = await walkPlan(ww, 'consulent', helpRequest, { kind: 'share', recipient: ww.w.organisations.provider, task: 'wmo-maatwerkvoorziening', items: categories.map((c) => item(resident, c)), complete: false });
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/sub-activities`, { version: p.version, stepPlanId: draft.id, residentId: resident, lifeDomain: 'instrumentele_adl', description: 'Begeleiding thuis', dataCategories: categories, professionalId: partnerWorker });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('STEP_PLAN.REQUIRED');
  });

  it('sharing a category the covenant does not cover is refused at completion (covenant-required), with the explanation', async () => {
    const plan = await walkPlan(ww, 'consulent', helpRequest, { kind: 'share', recipient: ww.w.organisations.provider, task: 'wmo-maatwerkvoorziening', items: [item(resident, 'identity'), item(resident, 'housing')], complete: false });
    const housing = plan.body.items.find((i: { category: string }) => i.category === 'housing');
    expect(housing.check).toMatchObject({ decision: 'deny', rule: 'covenant-required' });
    expect(housing.check.checks.find((c: { name: string }) => c.name === 'covenant').explanation.facts).toMatchObject({ miss: 'category' });
    const done = await ww.call('consulent', 'POST', `/api/step-plans/${plan.id}/complete`, { version: plan.body.version });
    expect(done.body.error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'covenant-required', category: 'housing' } });
  });

  it('with a completed share plan and a covenant in force the partner gets the sub-activity — and sees only its categories', async () => {
    const share = await walkPlan(ww, 'consulent', helpRequest, { kind: 'share', recipient: ww.w.organisations.provider, task: 'wmo-maatwerkvoorziening', items: categories.map((c) => item(resident, c)) });
    expect(share.body).toMatchObject({ status: 'completed' });
    expect(share.body.covenantId).toBe(ww.covenant);
    // More categories than the share plan covers are refused, naming the missing ones.
    let p = await planOf();
    const tooMuch = await ww.call('consulent', 'POST', `/api/plans/${p.id}/sub-activities`, { version: p.version, stepPlanId: share.id, residentId: resident, lifeDomain: 'instrumentele_adl', description: 'Begeleiding thuis', dataCategories: [...categories, 'income'], professionalId: partnerWorker });
    expect(tooMuch.body.error).toMatchObject({ code: 'STEP_PLAN.REQUIRED', details: { missing: ['income'] } });
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/sub-activities`, { version: p.version, stepPlanId: share.id, residentId: resident, lifeDomain: 'instrumentele_adl', description: 'Begeleiding thuis', dataCategories: categories, professionalId: partnerWorker });
    expect(r.status).toBe(201);

    // Record a data item the partner may not see (housing) and one it may (daily functioning).
    await walkPlan(ww, 'consulent', helpRequest, { task: 'wmo-maatwerkvoorziening', items: [item(resident, 'housing'), item(resident, 'daily_functioning')] });
    for (const [category, value] of [['housing', 'Tweede verdieping zonder lift'], ['daily_functioning', 'Kan niet zelf koken']]) {
      expect((await ww.call('consulent', 'POST', `/api/help-requests/${helpRequest}/data-items`, { residentId: resident, category, source: 'resident', value })).status).toBe(201);
    }
    // The partner's worker: the household through the gate.
    const { openSessions } = await import('../../src/data/index.ts');
    const s = await openSessions(ww.t.store, ww.t.config.session).create({ kind: 'professional', id: partnerWorker, organisationId: ww.w.organisations.provider, roles: ['chain_partner'], displayName: 'x' }, { now: new Date() });
    const res = await ww.t.app.inject({ method: 'GET', url: `/api/households/${household}`, headers: { cookie: `zv_session=${s.token}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dataItems.map((d: { category: string }) => d.category)).toEqual(['daily_functioning']);
    expect(res.body).not.toContain('Tweede verdieping');
    expect(body.members[0].identity.surname).toBe('Plan');
    expect(body.members[0].withheld).toEqual([]);
    expect(body.helpRequests).toEqual([]);
    p = await planOf();
    expect(p.version).toBeGreaterThan(1);
  });

  it('the director sees the partner as DAT-information (who, since when, status, how to reach) — and records nothing of its care', async () => {
    const res = await ww.call('consulent', 'GET', `/api/households/${household}`);
    const sub = res.body.plan.subActivities[0];
    expect(sub).toMatchObject({ organisation: { name: 'Begeleiding Test BV' }, status: 'active', dataCategories: ['identity', 'address', 'contact', 'daily_functioning'] });
  });

  it('the partner records that it will not share its care information (R8.2); the director sees that', async () => {
    const sub = (await ww.t.ownerSql('select id, version from sub_activity where resident_id = $1', [resident]))[0]!;
    const { openSessions } = await import('../../src/data/index.ts');
    const s = await openSessions(ww.t.store, ww.t.config.session).create({ kind: 'professional', id: partnerWorker, organisationId: ww.w.organisations.provider, roles: ['chain_partner'], displayName: 'x' }, { now: new Date() });
    const headers = { cookie: `zv_session=${s.token}`, 'x-csrf-token': s.csrfToken };
    const r = await ww.t.app.inject({ method: 'POST', url: `/api/sub-activities/${sub.id}/refusal`, headers, payload: { version: sub.version, reason: 'Ons beroepsgeheim staat delen van het verslag niet toe.' } });
    expect(r.statusCode).toBe(200);
    const dat = await ww.call('consulent', 'GET', `/api/households/${household}`);
    expect(dat.body.plan.subActivities[0].refusesToShare).toBe(true);
    // The partner may not end its own sub-activity: the director decides that.
    const stop = await ww.t.app.inject({ method: 'POST', url: `/api/sub-activities/${sub.id}/status`, headers, payload: { version: Number(sub.version) + 1, to: 'stopped' } });
    expect(stop.statusCode).toBe(403);
  });

  it('an expired covenant stops new sub-activities: GATE.DENIED with rule covenant-required', async () => {
    const share = await walkPlan(ww, 'consulent', helpRequest, { kind: 'share', recipient: ww.w.organisations.provider, task: 'wmo-maatwerkvoorziening', items: [item(resident, 'contact')] });
    expect(share.body.status).toBe('completed');
    await ww.t.ownerSql(`update covenant set valid_until = current_date where id = $1`, [ww.covenant]);
    const p = await planOf();
    const before = await ww.count('sub_activity');
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/sub-activities`, { version: p.version, stepPlanId: share.id, residentId: resident, lifeDomain: null, description: 'Telefonische check', dataCategories: ['contact'], professionalId: partnerWorker });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'covenant-required' } });
    expect(await ww.count('sub_activity')).toBe(before);
    await ww.t.ownerSql(`update covenant set valid_until = null where id = $1`, [ww.covenant]);
  });

  it('ending the sub-activity ends the partner’s access through it', async () => {
    const sub = (await ww.t.ownerSql('select id, version from sub_activity where resident_id = $1 order by created_at limit 1', [resident]))[0]!;
    const r = await ww.call('consulent', 'POST', `/api/sub-activities/${sub.id}/status`, { version: Number(sub.version), to: 'completed' });
    expect(r.status).toBe(200);
    expect(await ww.count('involvement', 'sub_activity_id = $1 and valid_until is null', [sub.id])).toBe(0);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown field', { version: 1, helpRequestId: '00000000-0000-4000-8000-000000000000', lifeDomain: 'financien', score: null, targetScore: null, description: 'x', needReason: ARG, extra: 1 }],
    ['a score of 6', { version: 1, helpRequestId: '00000000-0000-4000-8000-000000000000', lifeDomain: 'financien', score: 6, targetScore: null, description: 'x', needReason: ARG }],
    ['a missing version', { helpRequestId: '00000000-0000-4000-8000-000000000000', lifeDomain: 'financien', score: null, targetScore: null, description: 'x', needReason: ARG }],
  ])('%s is refused by the schema (REQUEST.INVALID)', async (_n, body) => {
    const p = await planOf();
    const r = await ww.call('consulent', 'POST', `/api/plans/${p.id}/goals`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REQUEST.INVALID');
  });
});
