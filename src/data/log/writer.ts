/**
 * Appending to the processing log, inside the caller's transaction (R6.1: no log, no data).
 *
 * Concurrency: entries go to one of LOG_CHAINS hash chains. A transaction takes an unlocked chain head
 * (FOR UPDATE SKIP LOCKED) so concurrent requests never queue behind one global lock; the head row is
 * locked only from the append until commit. If every chain is busy it waits on one at random.
 */
import { sql, type Transaction } from 'kysely';
import { extendChain } from '../../core/log/chain.ts';
import type { LogEntry } from '../../core/log/entry.ts';
import type { DB } from '../schema.ts';
import { GENESIS } from '../../core/log/chain.ts';

export class LogUnavailableError extends Error {
  constructor(cause: unknown) {
    super('processing log unavailable', { cause });
    this.name = 'LogUnavailableError';
  }
}

export async function ensureChains(db: import('kysely').Kysely<DB>, chains: number): Promise<void> {
  const rows = Array.from({ length: chains }, (_, i) => ({ id: i, seq: 0, head: GENESIS }));
  await db.insertInto('log_chain').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
}

async function lockChain(tx: Transaction<DB>, chains: number): Promise<{ id: number; seq: number; head: Uint8Array }> {
  const candidates = Array.from({ length: chains }, (_, i) => i);
  const free = await sql<{ id: number; seq: number; head: Uint8Array }>`
    select id, seq, head from log_chain where id = any(${candidates}::smallint[])
    order by random() limit 1 for update skip locked`.execute(tx);
  if (free.rows[0]) return free.rows[0];
  const any = Math.floor(Math.random() * chains);
  const row = await sql<{ id: number; seq: number; head: Uint8Array }>`
    select id, seq, head from log_chain where id = ${any} for update`.execute(tx);
  if (!row.rows[0]) throw new Error('log chain missing');
  return row.rows[0];
}

/**
 * Hash what the database will hold: uuid columns come back lower-case, so an id that arrived in
 * upper case (a URL may carry one) is lower-cased before it is chained, or verification would fail.
 */
function asStored(e: LogEntry): LogEntry {
  const lower = (v: string | null) => (v === null ? null : v.toLowerCase());
  return {
    ...e,
    processingActivityId: e.processingActivityId.toLowerCase(),
    actorId: lower(e.actorId),
    organisationId: lower(e.organisationId),
    purposeHelpRequestId: lower(e.purposeHelpRequestId),
    objectId: lower(e.objectId),
  };
}

export async function appendEntries(tx: Transaction<DB>, logKey: Uint8Array, chains: number, entries: readonly LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    const chain = await lockChain(tx, chains);
    const { chained, head } = extendChain(logKey, chain.id, { seq: chain.seq, hash: chain.head }, entries.map(asStored));
    for (let i = 0; i < chained.length; i += 500) {
      const batch = chained.slice(i, i + 500);
      const ids = await tx
        .insertInto('processing_log')
        .values(
          batch.map((e) => ({
            chain_id: e.chainId,
            seq: e.seq,
            trace_id: e.traceId,
            span_id: e.spanId,
            parent_span_id: e.parentSpanId,
            name: e.name,
            start_time: e.startTime,
            end_time: e.endTime,
            status_code: e.statusCode,
            processing_activity_id: e.processingActivityId,
            data_subject_id: e.dataSubjectId,
            data_subject_id_type: e.dataSubjectIdType,
            prev_hash: e.prevHash,
            hash: e.hash,
          })),
        )
        .returning(['id', 'seq'])
        .execute();
      const idBySeq = new Map(ids.map((r) => [r.seq, r.id]));
      await tx
        .insertInto('access_record')
        .values(
          batch.map((e) => ({
            log_id: idBySeq.get(e.seq)!,
            actor_kind: e.actorKind,
            actor_id: e.actorId,
            actor_role: e.actorRole,
            organisation_id: e.organisationId,
            purpose_help_request_id: e.purposeHelpRequestId,
            purpose_code: e.purposeCode,
            action: e.action,
            object_type: e.objectType,
            object_id: e.objectId,
            categories: e.categories,
            decision: e.decision,
            rule_ids: e.ruleIds,
            rule_version: e.ruleVersion,
          })),
        )
        .execute();
    }
    await tx.updateTable('log_chain').set({ seq: head.seq, head: head.hash }).where('id', '=', chain.id).execute();
  } catch (err) {
    throw new LogUnavailableError(err);
  }
}
