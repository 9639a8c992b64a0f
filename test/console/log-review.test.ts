/**
 * Log review (issue 7 item 3): search by resident (BSN through the blind index, or id → pseudonym), by
 * professional and by period; attempts outside involvement, bursts of denials, involuntary steps; the
 * integrity status and verification from the console; a resident's log in the LDV read format. Every
 * question is itself processing: decided by the gate (privacy officer only) and logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointFromConsole, newTrace, recordVerificationAsSystem, verifyLogFromConsole, verifyProcessingLog } from '../../src/data/index.ts';
import { consoleWorld, codeOf, day, type ConsoleWorld } from './helpers.ts';

let c: ConsoleWorld;
const today = day(new Date());
const officer = () => c.repo(c.actor(c.staff.officer)).console;

beforeAll(async () => {
  c = await consoleWorld();
  // Some ordinary work, and a colleague who looks for a file they are not involved with, six times.
  await c.repo(c.actor(c.w.professionals.consulent)).household(c.w.households.main);
  for (let i = 0; i < 6; i++) await c.repo(c.actor(c.w.professionals.stranger)).household(c.w.households.main).catch(() => undefined);
});
afterAll(async () => c.close());

describe('searching the processing log', () => {
  it('by BSN finds the entries about that resident (through the blind index and the pseudonym)', async () => {
    const r = await officer().searchLog({ bsn: c.w.adultBsn });
    expect(r.query.residentId).toBe(c.w.residents.adult);
    expect(r.total).toBeGreaterThan(0);
    expect(r.entries.every((e) => e.subject === r.entries[0]!.subject)).toBe(true);
    expect(r.entries.some((e) => e.actor.id === c.w.professionals.consulent && e.decision === 'permit')).toBe(true);
    // The refused attempts of a colleague outside the involvement are part of the resident's log too.
    expect(r.entries.some((e) => e.actor.id === c.w.professionals.stranger && e.decision === 'deny' && e.rule === 'involvement-required')).toBe(true);
  });

  it('the search is itself logged, with the resident as data subject', async () => {
    const before = await c.t.ownerSql(`select count(*)::int as n from processing_log where data_subject_id = $1`, [c.t.keyring.pseudonym(c.w.residents.adult)]);
    await officer().searchLog({ residentId: c.w.residents.adult });
    const after = await c.t.ownerSql(`select count(*)::int as n from processing_log where data_subject_id = $1`, [c.t.keyring.pseudonym(c.w.residents.adult)]);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
    const last = await c.t.ownerSql(`select a.actor_id, a.purpose_code, a.object_type, pa.code from processing_log l join access_record a on a.log_id = l.id join processing_activity pa on pa.id = l.processing_activity_id order by l.id desc limit 1`);
    expect(last[0]).toEqual({ actor_id: c.staff.officer, purpose_code: 'oversight', object_type: 'processing_log', code: 'pa-oversight' });
  });

  it('by professional and period finds their denials', async () => {
    const r = await officer().searchLog({ professionalId: c.w.professionals.stranger, from: today, to: today, decision: 'deny' });
    expect(r.total).toBeGreaterThanOrEqual(6);
    expect(r.entries[0]!.rule).toBe('involvement-required');
  });

  it('a BSN nobody has gives nothing, and an invalid one is refused', async () => {
    expect((await officer().searchLog({ bsn: '123456782' })).entries).toEqual([]);
    expect(await codeOf(officer().searchLog({ bsn: '123456789' }))).toBe('BSN.INVALID');
  });

  it('a search without a resident, professional or closed period is refused', async () => {
    expect(await codeOf(officer().searchLog({ from: today }))).toBe('LOG_REVIEW.QUERY_REQUIRED');
  });

  it('an impossible date is refused, not passed to the database', async () => {
    expect(await codeOf(officer().searchLog({ from: '2026-02-30', to: '2026-03-01' }))).toBe('DATE.INVALID');
    expect(await codeOf(officer().denialBursts({ from: '2026-01-01', to: '2026-13-01' }))).toBe('DATE.INVALID');
  });

  it('only the privacy officer reviews the log; a functional administrator is refused', async () => {
    expect(await codeOf(c.repo(c.actor(c.staff.admin)).console.searchLog({ residentId: c.w.residents.adult }))).toBe('AUTH.ROLE_REQUIRED');
    expect(await codeOf(c.repo(c.actor(c.w.professionals.director)).console.searchLog({ residentId: c.w.residents.adult }))).toBe('AUTH.ROLE_REQUIRED');
  });
});

describe('the review views', () => {
  it('attempts outside involvement: per professional, with the entries', async () => {
    const v = await officer().outsideInvolvement({ from: today, to: today });
    const stranger = v.actors.find((a) => a.actorId === c.w.professionals.stranger)!;
    expect(stranger.denials).toBeGreaterThanOrEqual(6);
    expect(stranger.displayName).toBe('Andere Consulent');
    expect(v.entries.every((e) => e.rule === 'involvement-required' && e.decision === 'deny')).toBe(true);
  });

  it('bursts of denials: six refusals in a few seconds are one burst', async () => {
    const v = await officer().denialBursts({ from: today, to: today });
    expect(v.bursts.map((b) => [b.actorId, b.count >= 6])).toContainEqual([c.w.professionals.stranger, true]);
  });

  it('involuntary steps: processing that rested on an approved record, and the records by status', async () => {
    const v = await officer().involuntarySteps({ from: today, to: today });
    expect(v.entries).toEqual([]);
    expect(Array.isArray(v.records)).toBe(true);
  });
});

describe('integrity', () => {
  it('verification from the console is recorded, audited and shown in the status', async () => {
    const request = { actor: c.actor(c.staff.officer), trace: newTrace(), now: new Date() };
    const cp = await checkpointFromConsole(c.t.store, request);
    expect(cp.root).toMatch(/^[0-9a-f]{64}$/);
    const { verification, result } = await verifyLogFromConsole(c.t.store, request);
    expect(result.ok).toBe(true);
    expect(verification).toMatchObject({ ok: true, lastCheckpointId: cp.id });
    const s = await officer().integrity();
    expect(s.lastVerification?.id).toBe(verification.id);
    expect(s.lastCheckpoint?.id).toBe(cp.id);
    expect(s.entries).toBeGreaterThan(s.lastCheckpoint!.entries - 1);
    const audit = await c.t.ownerSql(`select action from admin_audit where action like 'log.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['log.checkpoint', 'log.verify']);
  });

  it('`zorgvuldig log verify` on the command line joins the same history, as system work (no person), audited and logged', async () => {
    const logBefore = Number((await c.t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n);
    const started = new Date();
    const result = await verifyProcessingLog(c.t.store);
    const id = await recordVerificationAsSystem(c.t.store, result, started, new Date());
    const s = await officer().integrity();
    expect(s.lastVerification).toMatchObject({ id, by: null, ok: true, entries: result.entries });
    const audit = await c.t.ownerSql(`select actor_kind, action, details->>'via' as via from admin_audit where action = 'log.verify' order by id desc limit 1`);
    expect(audit[0]).toMatchObject({ actor_kind: 'system', via: 'command line' });
    const logged = await c.t.ownerSql(`select a.actor_role from processing_log l join access_record a on a.log_id = l.id where l.id > (select max(id) from processing_log) - 5 and a.object_type = 'processing_log'`);
    expect(logged.map((r) => r.actor_role)).toContain('system:jobs');
    expect(Number((await c.t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n)).toBeGreaterThan(logBefore);
  });

  it('a functional administrator may see the status and checkpoint, but not verify', async () => {
    expect((await c.repo(c.actor(c.staff.admin)).console.integrity()).chains).toBeGreaterThan(0);
    expect(await codeOf(verifyLogFromConsole(c.t.store, { actor: c.actor(c.staff.admin), trace: newTrace(), now: new Date() }))).toBe('AUTH.ROLE_REQUIRED');
  });

  it('a tampered entry shows as not intact, naming the entry', async () => {
    const t2 = await consoleWorld();
    try {
      await t2.repo(t2.actor(t2.w.professionals.consulent)).household(t2.w.households.main);
      const row = (await t2.t.ownerSql(`select id from processing_log order by id desc limit 1`))[0]!;
      await t2.t.ownerSql(`alter table access_record disable trigger access_record_append_only`);
      await t2.t.ownerSql(`update access_record set action = 'list' where log_id = $1`, [row.id]);
      const { result, verification } = await verifyLogFromConsole(t2.t.store, { actor: t2.actor(t2.staff.officer), trace: newTrace(), now: new Date() });
      expect(result.ok).toBe(false);
      expect(verification.failure).toMatchObject({ reason: 'hash-mismatch' });
    } finally {
      await t2.close();
    }
  });
});

describe("a resident's log in the LDV read format", () => {
  it('gives ProcessingActivity items with dpl.core attributes, no actor', async () => {
    const r = await officer().exportResidentLog({ bsn: c.w.adultBsn });
    expect(r.metadata.logbookId).toBe('urn:zorgvuldig:logboek');
    const item = r.processingActivities[0]!;
    expect(item.traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(item.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(['Unset', 'Ok', 'Error']).toContain(item.status);
    expect(item.attributes['dpl.core.data_subject_id']).toBe(c.t.keyring.pseudonym(c.w.residents.adult));
    expect(item.attributes['dpl.core.processing_activity_id']).toMatch(/^urn:zorgvuldig:verwerkingsactiviteit:pa-/);
    expect(JSON.stringify(item)).not.toContain(c.w.professionals.consulent);
  });
});
