/**
 * The console's work for the command line, which has no sign-in: it runs under a named system context
 * (`jobs`), decided for that context and logged under it, like the seed and key rotation.
 */
import type { CouncilCounts } from '../../../core/accountability/council-report.ts';
import type { SystemContext } from '../../../core/policy/actor.ts';
import { GateSession, newTrace, type GateRequest } from '../../gate/session.ts';
import { storeInternals, type Store } from '../../store-internals.ts';
import { checkReportPeriod, councilCounts } from './council-report.ts';
import type { VerifyResult } from '../../log/verify.ts';
import { audit, decideSystem } from './common.ts';
import { insertVerification } from './integrity-actions.ts';
import { registerViewOf, type RegisterView } from './register.ts';

export function systemRequest(context: SystemContext, now: Date = new Date()): GateRequest {
  return { actor: { kind: 'system', context }, trace: newTrace(), now };
}

function jobs(store: Store, now: Date): GateSession {
  return new GateSession(storeInternals(store).gateEnv, systemRequest('jobs', now));
}

const SYSTEM_PURPOSE = { helpRequestId: null, code: 'system:jobs', activity: 'pa-system' };

/** `zorgvuldig register export`. */
export async function registerAsSystem(store: Store, now: Date = new Date()): Promise<RegisterView> {
  return jobs(store, now).run('register.export', 'read', async (work) => {
    const rows = await work.tx.selectFrom('processing_activity').selectAll().execute();
    const counts = await work.tx.selectFrom('processing_log').select(['processing_activity_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('processing_activity_id').execute();
    const org = await work.tx.selectFrom('organisation').select('name').where('kind', '=', 'municipality').orderBy('created_at').limit(1).executeTakeFirst();
    work.processed(null, SYSTEM_PURPOSE, { type: 'processing_register_export', id: null }, [], decideSystem(work, 'read'));
    return registerViewOf(rows, new Map(counts.map((c) => [c.processing_activity_id, Number(c.n)])), work.now, work.policy.version, org?.name ?? 'Gemeente');
  });
}

/** `zorgvuldig report council`. */
export async function councilCountsAsSystem(store: Store, period: { from: string; to: string }, now: Date = new Date()): Promise<CouncilCounts> {
  checkReportPeriod(period.from, period.to);
  return jobs(store, now).run('council_report.read', 'read', async (work) => {
    const counts = await councilCounts(work, period.from, period.to);
    work.processed(null, SYSTEM_PURPOSE, { type: 'council_report', id: null }, [], decideSystem(work, 'read'));
    return counts;
  });
}

/**
 * `zorgvuldig log verify` on the command line: its result goes into log_verification like the console's
 * runs (no actor: the system context `jobs`), so the console's integrity status and the council report
 * see it too. Recorded after the verification, in its own transaction; the verification itself reads.
 */
export async function recordVerificationAsSystem(store: Store, result: VerifyResult, started: Date, finished: Date): Promise<number> {
  return jobs(store, finished).run('processing_log.verify', 'read', async (work) => {
    const row = await insertVerification(work.tx, null, result, started, finished);
    await audit(work, { action: 'log.verify', objectType: 'processing_log', objectId: String(row.id), details: { ok: result.ok, entries: result.entries, reason: result.failure?.reason ?? null, via: 'command line' } });
    work.processed(null, SYSTEM_PURPOSE, { type: 'processing_log', id: null }, [], decideSystem(work, 'read'));
    return Number(row.id);
  });
}
