/**
 * The council report's counts from the database (issue 7 item 6) and the training sandbox (item 7): a
 * separate fictitious municipality, never the production database, where a professional sees the gate's
 * decision and explanation for each choice, laid out along the step plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncilReport } from '../../src/core/accountability/council-report.ts';
import { closeTrainingSandbox, trainingSandbox, type TrainingSandbox } from '../../src/data/index.ts';
import { consoleWorld, codeOf, day, type ConsoleWorld } from './helpers.ts';

let c: ConsoleWorld;
let sandbox: TrainingSandbox;
beforeAll(async () => {
  c = await consoleWorld();
  await c.repo(c.actor(c.w.professionals.consulent)).household(c.w.households.main);
  for (let i = 0; i < 6; i++) await c.repo(c.actor(c.w.professionals.stranger)).household(c.w.households.main).catch(() => undefined);
  // The training municipality is created on first use (a PGlite initdb, slow on a busy machine).
  sandbox = await trainingSandbox(c.t.store);
}, 300_000);
afterAll(async () => {
  await closeTrainingSandbox(c.t.store);
  await c.close();
});

describe('the council report counts', () => {
  it('counts help requests per domain, refusals by the gate and findings; small counts suppressed in the report', async () => {
    const counts = await c.repo(c.actor(c.staff.admin)).console.councilCounts({ from: day(new Date(), -60), to: day(new Date()) });
    expect(counts.helpRequests.find((h) => h.domain === 'wmo')).toMatchObject({ registered: 3 });
    expect(counts.denials.find((d) => d.rule === 'involvement-required')!.count).toBeGreaterThanOrEqual(6);
    expect(counts.findings.professionals).toBe(1);
    const report = buildCouncilReport(counts);
    const wmo = report.sections[0]!.rows.find((r) => r.key === 'wmo')!;
    expect(wmo.cells[0]!.shown.label).toBe('<5');
  });

  it('asking is logged once, without a data subject', async () => {
    const before = await c.logCount();
    await c.repo(c.actor(c.staff.archivist)).console.councilCounts({ from: day(new Date(), -10), to: day(new Date()) });
    expect(await c.logCount()).toBe(before + 1);
  });

  it('an impossible period is refused', async () => {
    expect(await codeOf(c.repo(c.actor(c.staff.admin)).console.councilCounts({ from: '2026-02-30', to: '2026-03-01' }))).toBe('REPORT.INVALID_PERIOD');
    expect(await codeOf(c.repo(c.actor(c.staff.admin)).console.councilCounts({ from: '2026-03-02', to: '2026-03-01' }))).toBe('REPORT.INVALID_PERIOD');
  });

  it('a professional without a console role gets no report', async () => {
    expect(await codeOf(c.repo(c.actor(c.w.professionals.director)).console.councilCounts({ from: '2026-01-01', to: '2026-01-31' }))).toBe('AUTH.ROLE_REQUIRED');
  });
});

describe('the training sandbox', () => {
  it('is a separate, fictitious municipality: none of the production residents or households is in it', async () => {
    const cases = await sandbox.cases();
    expect(cases.length).toBeGreaterThan(3);
    const ids = new Set(cases.flatMap((x) => [x.householdId, ...x.members.map((m) => m.residentId)]));
    for (const id of [c.w.households.main, c.w.residents.adult, c.w.residents.child]) expect(ids.has(id)).toBe(false);
    expect(sandbox.store).not.toBe(c.t.store);
  });

  it('an exercise never writes to the production database', async () => {
    const before = await c.logCount();
    const [kase] = await sandbox.cases();
    await sandbox.decide({ householdId: kase!.householdId, purposeHelpRequestId: kase!.helpRequests[0]!.id, role: 'director', action: 'read', residentId: kase!.helpRequests[0]!.residentId, category: 'identity', source: 'brp' });
    expect(await c.logCount()).toBe(before);
  });

  it('a director reading the address for a help request of the household: permitted, with the rules step by step', async () => {
    const [kase] = await sandbox.cases();
    const hr = kase!.helpRequests[0]!;
    const o = await sandbox.decide({ householdId: kase!.householdId, purposeHelpRequestId: hr.id, role: 'director', action: 'read', residentId: hr.residentId, category: 'address', source: 'brp' });
    expect(o.decision).toBe('permit');
    expect(o.steps.find((s) => s.step === 2)!.outcome).toBe('passed');
    expect(o.explanation.rules.every((r) => r.statementNl.length > 0)).toBe(true);
    expect(o.logged).toMatchObject({ name: 'training.decide', decision: 'permit' });
  });

  it('without an involvement the same read is refused at the purpose step, and explained', async () => {
    const [kase] = await sandbox.cases();
    const hr = kase!.helpRequests[0]!;
    const o = await sandbox.decide({ householdId: kase!.householdId, purposeHelpRequestId: hr.id, role: 'not_involved', action: 'read', residentId: hr.residentId, category: 'address', source: 'brp' });
    expect(o).toMatchObject({ decision: 'deny', rule: 'involvement-required' });
    expect(o.steps.find((s) => s.step === 2)!.outcome).toBe('failed');
    expect(o.steps.find((s) => s.step === 4)!.outcome).toBe('not_reached');
  });

  it('Suwinet data for a Wmo purpose are refused (source scope), religion everywhere (no basis)', async () => {
    const kase = (await sandbox.cases()).find((k) => k.helpRequests.some((h) => h.law === 'wmo2015'))!;
    const hr = kase.helpRequests.find((h) => h.law === 'wmo2015')!;
    const suwi = await sandbox.decide({ householdId: kase.householdId, purposeHelpRequestId: hr.id, role: 'director', action: 'read', residentId: hr.residentId, category: 'income', source: 'suwi' });
    expect(suwi).toMatchObject({ decision: 'deny', rule: 'source-scope' });
    const religion = await sandbox.decide({ householdId: kase.householdId, purposeHelpRequestId: hr.id, role: 'director', action: 'create', residentId: hr.residentId, category: 'religion', source: 'resident' });
    expect(religion).toMatchObject({ decision: 'deny', rule: 'special-category-basis' });
  });

  it('a choice that does not fit the case is refused', async () => {
    const [kase] = await sandbox.cases();
    expect(await codeOf(sandbox.decide({ householdId: kase!.householdId, purposeHelpRequestId: null, role: 'director', action: 'read', category: 'nonsense' }))).toBe('TRAINING.INVALID_CHOICE');
    expect(await codeOf(sandbox.decide({ householdId: c.w.households.main, purposeHelpRequestId: null, role: 'director', action: 'read', category: 'identity' }))).toBe('TRAINING.UNKNOWN_CASE');
  });
});
