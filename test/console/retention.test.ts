/**
 * Retention (issue 7 item 5): a dry-run report first; destruction only after an archivist signed it off
 * (never the person who made it); legal holds keep a file; a destroyed file leaves a processing-log
 * entry per data subject under the system context 'retention', not the data; the log is never edited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRetentionRun, newTrace, retentionDryRun, systemRequest, verifyProcessingLog } from '../../src/data/index.ts';
import { consoleWorld, codeOf, type ConsoleWorld } from './helpers.ts';

let c: ConsoleWorld;
const request = (id: string) => ({ actor: c.actor(id), trace: newTrace(), now: new Date() });
const archivist = () => c.repo(c.actor(c.staff.archivist)).console;

beforeAll(async () => {
  c = await consoleWorld();
  // The income-support file ended in 2010 (Participatiewet: 10 years after the end) …
  await c.t.ownerSql(`update help_request set status = 'closed', registered_at = '2008-01-01', closed_at = '2010-01-01' where id = $1`, [c.w.helpRequests.pw]);
  await c.t.ownerSql(`update data_item set recorded_at = '2009-06-01', retention_class = 'pw' where help_request_id = $1`, [c.w.helpRequests.pw]);
  // … and the other household's Wmo file in 2005 (15 years): both are past their date.
  await c.t.ownerSql(`update help_request set status = 'closed', registered_at = '2003-01-01', closed_at = '2005-01-01' where id = $1`, [c.w.helpRequests.other]);
  await c.t.ownerSql(`update data_item set recorded_at = '2004-06-01' where help_request_id = $1`, [c.w.helpRequests.other]);
});
afterAll(async () => c.close());

describe('the dry run and the sign-off', () => {
  let runId: string;
  let holdId: string;

  it('a legal hold keeps a file whatever its date', async () => {
    holdId = await archivist().placeLegalHold({ objectType: 'household', objectId: c.w.households.other, reason: 'Lopende klacht bij de ombudsman' });
    expect((await archivist().legalHolds())[0]).toMatchObject({ id: holdId, objectType: 'household', releasedAt: null });
  });

  it('a file under two classes is kept until the later date', async () => {
    const q = `update data_item set retention_class = $2 where help_request_id = $1`;
    await c.t.ownerSql(q, [c.w.helpRequests.pw, 'jeugd']);
    const run = await retentionDryRun(c.t.store, request(c.staff.admin));
    expect((await archivist().retentionRun(run.id)).candidates.map((x) => x.helpRequestId)).toEqual([c.w.helpRequests.other]);
    await c.t.ownerSql(q, [c.w.helpRequests.pw, 'pw']);
  });

  it('the dry run lists the due files, marks the held one, and destroys nothing', async () => {
    const residents = await c.t.ownerSql('select count(*)::int as n from help_request');
    const run = await retentionDryRun(c.t.store, request(c.staff.admin));
    runId = run.id;
    expect(run).toMatchObject({ status: 'awaiting_sign_off', createdBy: 'Beheerder Test' });
    expect(run.summary).toMatchObject({ candidates: 2, held: 1, perClass: { pw: 1, wmo: 1 } });
    const detail = await archivist().retentionRun(run.id);
    expect(detail.candidates.map((x) => [x.helpRequestId, x.held, x.due]).sort()).toEqual(
      [
        [c.w.helpRequests.other, true, '2020-01-01'],
        [c.w.helpRequests.pw, false, '2020-01-01'],
      ].sort(),
    );
    expect(await c.t.ownerSql('select count(*)::int as n from help_request')).toEqual(residents);
  });

  it('the scan is system work, logged per data subject under system:retention', async () => {
    const rows = await c.t.ownerSql(`select a.actor_role, a.action, count(*)::int as n from processing_log l join access_record a on a.log_id = l.id where a.actor_role = 'system:retention' group by 1, 2`);
    // One entry per candidate of each scan (one in the two-class scan above, two in this one).
    expect(rows).toEqual([{ actor_role: 'system:retention', action: 'list', n: 3 }]);
  });

  it('nothing is destroyed before an archivist signed the report off', async () => {
    expect(await codeOf(executeRetentionRun(c.t.store, request(c.staff.archivist), runId))).toBe('RETENTION.NOT_SIGNED_OFF');
    expect(await codeOf(c.repo(c.actor(c.staff.officer)).console.signOffRetentionRun(runId, { decision: 'sign_off' }))).toBe('AUTH.ROLE_REQUIRED');
  });

  it('the person who made the report cannot sign it off', async () => {
    const own = await retentionDryRun(c.t.store, request(c.staff.archivist));
    expect(await codeOf(archivist().signOffRetentionRun(own.id, { decision: 'sign_off' }))).toBe('RETENTION.SAME_PERSON');
    // A newer report supersedes the older one that was still waiting.
    expect((await archivist().retentionRun(runId)).status).toBe('superseded');
    runId = (await retentionDryRun(c.t.store, request(c.staff.admin))).id;
  });

  it('the archivist signs off; executing destroys the due file, keeps the held one, and leaves log entries, not data', async () => {
    await archivist().signOffRetentionRun(runId, { decision: 'sign_off', note: 'Gecontroleerd tegen de Selectielijst' });
    expect(await codeOf(archivist().signOffRetentionRun(runId, { decision: 'sign_off' }))).toBe('RETENTION.RUN_CLOSED');
    const progress: number[] = [];
    const done = await executeRetentionRun(c.t.store, request(c.staff.archivist), runId, (d) => progress.push(d));
    expect(progress.at(-1)).toBe(2);
    expect(done.status).toBe('executed');
    expect(done.result).toMatchObject({ destroyed: 1, keptHold: 1, keptError: 0 });
    expect(await c.t.ownerSql(`select id from help_request where id = $1`, [c.w.helpRequests.pw])).toEqual([]);
    expect(await c.t.ownerSql(`select id from data_item where id = $1`, [c.w.items.suwiIncome])).toEqual([]);
    expect((await c.t.ownerSql(`select id from help_request where id = $1`, [c.w.helpRequests.other])).length).toBe(1);
    // The household still has open help requests: it stays, and so do its residents.
    expect((await c.t.ownerSql(`select id from household where id = $1`, [c.w.households.main])).length).toBe(1);
    const logged = await c.t.ownerSql(
      `select a.action, a.categories, a.object_id from processing_log l join access_record a on a.log_id = l.id
       where a.actor_role = 'system:retention' and a.action = 'delete' and l.data_subject_id = $1`,
      [c.t.keyring.pseudonym(c.w.residents.adult)],
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'delete', object_id: c.w.helpRequests.pw });
    expect(logged[0]!.categories).toEqual(expect.arrayContaining(['case', 'income']));
    const v = await verifyProcessingLog(c.t.store);
    expect(v.ok).toBe(true);
  });

  it('a run is executed once', async () => {
    expect(await codeOf(executeRetentionRun(c.t.store, request(c.staff.archivist), runId))).toBe('RETENTION.NOT_SIGNED_OFF');
  });

  it('released, the held household goes with its only file — and its resident with nothing else here', async () => {
    await archivist().releaseLegalHold(holdId);
    const run = await retentionDryRun(c.t.store, systemRequest('retention'));
    expect(run.createdBy).toBeNull();
    await archivist().signOffRetentionRun(run.id, { decision: 'sign_off' });
    const done = await executeRetentionRun(c.t.store, systemRequest('retention'), run.id);
    expect(done.result).toMatchObject({ destroyed: 1, households: 1, residents: 1 });
    expect(await c.t.ownerSql(`select id from household where id = $1`, [c.w.households.other])).toEqual([]);
    expect(await c.t.ownerSql(`select id from resident where id = $1`, [c.w.residents.stranger])).toEqual([]);
    expect((await verifyProcessingLog(c.t.store)).ok).toBe(true);
    const audit = await c.t.ownerSql(`select action from admin_audit where action like 'retention.%' or action like 'legal_hold.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['legal_hold.place', 'retention.dry_run', 'retention.sign_off', 'retention.destroy', 'retention.execute', 'legal_hold.release', 'retention.destroy_household']));
  });

  it('the processing log itself is never edited: its rows cannot be deleted', async () => {
    await expect(c.t.ownerSql(`delete from processing_log`)).rejects.toThrow(/append-only/);
  });

  it('only an archivist or the functional administrator makes a dry run', async () => {
    expect(await codeOf(retentionDryRun(c.t.store, request(c.staff.officer)))).toBe('AUTH.ROLE_REQUIRED');
  });
});
