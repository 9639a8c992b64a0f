/**
 * The integrity of the processing log in the console (R6.2; BIO2 8.15.05, 8.15.06): the last signed
 * checkpoint, the last verification and how many entries were written since; and, on demand, the same
 * verification as `zorgvuldig log verify` and a new signed checkpoint. Each run is recorded
 * (log_verification), audited and logged. The checkpoint's Merkle root also goes into the council report,
 * which copies it outside the database (docs/processing-log.md: narrow the truncation window).
 */
import { toHex } from '../../../core/log/chain.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { iso, logAction, parseJson, requireCapability } from './common.ts';

export interface CheckpointView {
  id: number;
  createdAt: string;
  entries: number;
  root: string;
}

export interface VerificationView {
  id: number;
  startedAt: string;
  finishedAt: string;
  by: string | null;
  ok: boolean;
  entries: number;
  chains: number;
  checkpoints: number;
  lastCheckpointId: number | null;
  failure: { chainId: number; seq: number; logId: number | null; reason: string } | null;
}

export interface IntegrityStatus {
  entries: number;
  chains: number;
  lastCheckpoint: CheckpointView | null;
  entriesSinceCheckpoint: number;
  lastVerification: VerificationView | null;
  verifications: VerificationView[];
}

export async function status(work: GateWork): Promise<IntegrityStatus> {
  const heads = await work.tx.selectFrom('log_chain').select(['seq']).execute();
  const entries = heads.reduce((n, h) => n + Number(h.seq), 0);
  const cp = await work.tx.selectFrom('log_checkpoint').select(['id', 'created_at', 'entries', 'merkle_root']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const vs = await work.tx
    .selectFrom('log_verification')
    .leftJoin('professional', 'professional.id', 'log_verification.actor_id')
    .select(['log_verification.id', 'started_at', 'finished_at', 'professional.display_name', 'ok', 'entries', 'chains', 'checkpoints', 'last_checkpoint_id', 'failure'])
    .orderBy('log_verification.id', 'desc')
    .limit(10)
    .execute();
  const verifications: VerificationView[] = vs.map((v) => ({
    id: Number(v.id),
    startedAt: iso(v.started_at)!,
    finishedAt: iso(v.finished_at)!,
    by: v.display_name,
    ok: v.ok,
    entries: Number(v.entries),
    chains: v.chains,
    checkpoints: v.checkpoints,
    lastCheckpointId: v.last_checkpoint_id === null ? null : Number(v.last_checkpoint_id),
    failure: v.failure === null ? null : parseJson<VerificationView['failure']>(v.failure),
  }));
  const lastCheckpoint = cp ? { id: Number(cp.id), createdAt: iso(cp.created_at)!, entries: Number(cp.entries), root: toHex(cp.merkle_root) } : null;
  return {
    entries,
    chains: heads.length,
    lastCheckpoint,
    entriesSinceCheckpoint: entries - (lastCheckpoint?.entries ?? 0),
    lastVerification: verifications[0] ?? null,
    verifications,
  };
}

export async function integrityStatus(session: GateSession): Promise<IntegrityStatus> {
  return session.run('processing_log.integrity', 'read', async (work) => {
    const decision = requireCapability(work, 'log.status');
    const s = await status(work);
    logAction(work, { type: 'processing_log', id: null }, decision);
    return s;
  });
}
