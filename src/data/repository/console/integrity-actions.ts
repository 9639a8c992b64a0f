/**
 * `zorgvuldig log verify` and `zorgvuldig log checkpoint` from the console (BIO2 8.15.05, 8.15.06):
 * store-level work (the verification reads the whole log outside a request transaction), recorded in
 * log_verification, the admin audit trail and the processing log afterwards.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../schema.ts';
import { may } from '../../../core/accountability/capabilities.ts';
import { AppError } from '../../../core/errors.ts';
import { GateSession, type GateRequest } from '../../gate/session.ts';
import { verifyProcessingLog, writeCheckpoint, type VerifyResult } from '../../log/verify.ts';
import { storeInternals, type Store } from '../../store-internals.ts';
import { audit, iso, logAction, requireCapability } from './common.ts';
import { status, type CheckpointView, type VerificationView } from './integrity.ts';

/** One row of the verification history (the console's and the command line's runs alike). */
export async function insertVerification(tx: Transaction<DB>, actorId: string | null, result: VerifyResult, started: Date, finished: Date): Promise<{ id: number | string }> {
  const cp = await tx.selectFrom('log_checkpoint').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return tx
    .insertInto('log_verification')
    .values({
      started_at: started,
      finished_at: finished,
      actor_id: actorId,
      ok: result.ok,
      entries: result.entries,
      chains: result.chains,
      checkpoints: result.checkpoints,
      last_checkpoint_id: cp ? Number(cp.id) : null,
      failure: result.failure ? sql`cast(${JSON.stringify(result.failure)} as jsonb)` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function sessionFor(store: Store, request: GateRequest): GateSession {
  return new GateSession(storeInternals(store).gateEnv, request);
}

function checkRole(request: GateRequest, capability: 'log.verify' | 'log.checkpoint'): void {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH.REQUIRED');
  if (actor.kind !== 'professional' || !may(actor.roles, capability)) throw new AppError('AUTH.ROLE_REQUIRED');
}

/** `zorgvuldig log verify`, from the console: recompute every chain and checkpoint, record the result. */
export async function verifyLogFromConsole(store: Store, request: GateRequest): Promise<{ verification: VerificationView; result: VerifyResult }> {
  checkRole(request, 'log.verify');
  const started = new Date();
  const result = await verifyProcessingLog(store);
  const finished = new Date();
  const session = sessionFor(store, request);
  const id = await session.run('processing_log.verify', 'read', async (work) => {
    const decision = requireCapability(work, 'log.verify');
    const row = await insertVerification(work.tx, work.actor?.kind === 'professional' ? work.actor.id : null, result, started, finished);
    await audit(work, { action: 'log.verify', objectType: 'processing_log', objectId: String(row.id), details: { ok: result.ok, entries: result.entries, reason: result.failure?.reason ?? null } });
    logAction(work, { type: 'processing_log', id: null }, decision);
    return Number(row.id);
  });
  const verification = await session.run('processing_log.integrity', 'read', async (work) => (await status(work)).verifications.find((v) => v.id === id)!);
  return { verification, result };
}

/** `zorgvuldig log checkpoint`, from the console. */
export async function checkpointFromConsole(store: Store, request: GateRequest): Promise<CheckpointView> {
  checkRole(request, 'log.checkpoint');
  const cp = await writeCheckpoint(store);
  const session = sessionFor(store, request);
  return session.run('processing_log.checkpoint', 'create', async (work) => {
    const decision = requireCapability(work, 'log.checkpoint');
    const row = await work.tx.selectFrom('log_checkpoint').select(['id', 'created_at', 'entries']).where('id', '=', cp.id).executeTakeFirstOrThrow();
    await audit(work, { action: 'log.checkpoint', objectType: 'log_checkpoint', objectId: String(cp.id), details: { entries: cp.entries, root: cp.root } });
    logAction(work, { type: 'log_checkpoint', id: null }, decision);
    return { id: Number(row.id), createdAt: iso(row.created_at)!, entries: Number(row.entries), root: cp.root };
  });
}
