/**
 * Appending to the processing log, inside the caller's transaction (R6.1: no log, no data).
 *
 * Concurrency: entries go to one of LOG_CHAINS hash chains. A transaction takes an unlocked chain head
 * (FOR UPDATE SKIP LOCKED) so concurrent requests never queue behind one global lock; the head row is
 * locked only from the append until commit. If every chain is busy it waits on one at random.
 */
import { sql, type Transaction } from 'kysely';
import { chainHash, GENESIS, toHex } from '../../core/log/chain.ts';
import type { LogEntry } from '../../core/log/entry.ts';
import type { DB } from '../schema.ts';

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
  // Ids almost always arrive in the database's own form: copy the entry only when one does not.
  if (!UPPER.test(e.processingActivityId) && !hasUpper(e.actorId) && !hasUpper(e.organisationId) && !hasUpper(e.purposeHelpRequestId) && !hasUpper(e.objectId)) return e;
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
const UPPER = /[A-Z]/;
const hasUpper = (v: string | null) => v !== null && UPPER.test(v);

/**
 * Which chains this process is appending to, and the head each chain had when this process last
 * committed to it. A transaction leases a chain no other request of this process is using; when the
 * cached head is still the chain's head, the append is one statement that moves the head only if it is
 * unchanged (`where seq = … and head = …`) and inserts the entries and their access records only if it
 * moved. Another process (or a rolled-back append) makes the cache stale: then the statement changes
 * nothing, the head is read under a row lock and the statement runs again. Either way the chain's row
 * lock is held from the append until commit, as before.
 */
export class ChainLeases {
  private readonly free: number[];
  private readonly heads = new Map<number, { seq: number; hash: Uint8Array }>();

  constructor(readonly chains: number) {
    this.free = Array.from({ length: chains }, (_, i) => chains - 1 - i);
  }

  take(): number | null {
    return this.free.pop() ?? null;
  }

  head(chainId: number): { seq: number; hash: Uint8Array } | null {
    return this.heads.get(chainId) ?? null;
  }

  /** Hand a chain back: with the head now committed, or null when the transaction did not commit. */
  give(chainId: number, head: { seq: number; hash: Uint8Array } | null): void {
    if (head) this.heads.set(chainId, head);
    else this.heads.delete(chainId);
    this.free.push(chainId);
  }
}

/** What the caller reports after its transaction: whether the append committed (keeps the lease's cache right). */
export interface AppendTicket {
  settle(committed: boolean): void;
}

const NO_TICKET: AppendTicket = { settle: () => {} };
const BATCH = 500;

/**
 * Append entries to one chain in the caller's transaction. With `leases` (one per store, see
 * ChainLeases) an append usually costs one statement; without, the chain head is first locked with
 * SKIP LOCKED. Call `settle()` on the ticket once the transaction has committed or rolled back.
 */
export async function appendEntries(
  tx: Transaction<DB>,
  logKey: Uint8Array,
  chains: number,
  entries: readonly LogEntry[],
  leases?: ChainLeases,
): Promise<AppendTicket> {
  if (entries.length === 0) return NO_TICKET;
  const leased = leases ? leases.take() : null;
  try {
    let chain: { id: number; seq: number; head: Uint8Array };
    if (leased === null) chain = await lockChain(tx, chains);
    else {
      const known = leases!.head(leased);
      chain = known ? { id: leased, seq: known.seq, head: known.hash } : await lockThisChain(tx, leased);
    }
    let head = { seq: chain.seq, hash: chain.head };
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      let rows = buildRows(logKey, chain.id, head, batch);
      if (!(await appendBatch(tx, chain.id, head, rows))) {
        // The cached head was stale (another process appended, or our last append rolled back).
        const fresh = await lockThisChain(tx, chain.id);
        head = { seq: fresh.seq, hash: fresh.head };
        rows = buildRows(logKey, chain.id, head, batch);
        if (!(await appendBatch(tx, chain.id, head, rows))) throw new Error('log chain head moved under its row lock');
      }
      head = rows.head;
    }
    if (leased === null) return NO_TICKET;
    let settled = false;
    return {
      settle: (committed) => {
        if (settled) return;
        settled = true;
        leases!.give(leased, committed ? head : null);
      },
    };
  } catch (err) {
    if (leased !== null) leases!.give(leased, null);
    throw new LogUnavailableError(err);
  }
}

async function lockThisChain(tx: Transaction<DB>, id: number): Promise<{ id: number; seq: number; head: Uint8Array }> {
  const row = await sql<{ id: number; seq: number; head: Uint8Array }>`select id, seq, head from log_chain where id = ${id} for update`.execute(tx);
  if (!row.rows[0]) throw new Error('log chain missing');
  return { id: row.rows[0].id, seq: Number(row.rows[0].seq), head: row.rows[0].head };
}

/** A batch chained and ready to send: the rows as one JSON text, and the chain's head after them. */
export interface ChainedRows {
  json: string;
  count: number;
  head: { seq: number; hash: Uint8Array };
}

/**
 * Chain a batch onto `from` and render the rows the append statement inserts: one JSON text (one
 * JSON.stringify here, one parse in the database).
 */
export function buildRows(logKey: Uint8Array, chainId: number, from: { seq: number; hash: Uint8Array }, batch: readonly LogEntry[]): ChainedRows {
  // One pass, no intermediate entry objects: at 100 entries a transaction the copies (stored form,
  // chained form, row form) and their garbage cost more than the HMACs (bench scale, append).
  let seq = from.seq;
  let prev = from.hash;
  let prevHex = toHex(prev);
  const rows = new Array<object>(batch.length);
  for (let k = 0; k < batch.length; k++) {
    const e = asStored(batch[k]!);
    seq += 1;
    const hash = chainHash(logKey, prev, chainId, seq, e);
    const hashHex = toHex(hash);
    rows[k] = {
      seq,
      trace_id: e.traceId,
      span_id: e.spanId,
      parent_span_id: e.parentSpanId,
      name: e.name,
      start_time: e.startTime.toISOString(),
      end_time: e.endTime.toISOString(),
      status_code: e.statusCode,
      processing_activity_id: e.processingActivityId,
      data_subject_id: e.dataSubjectId,
      data_subject_id_type: e.dataSubjectIdType,
      prev_hex: prevHex,
      hash_hex: hashHex,
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
    };
    prev = hash;
    prevHex = hashHex;
  }
  return { json: JSON.stringify(rows), count: batch.length, head: { seq, hash: prev } };
}

/**
 * One statement: move the chain head from `from` to the last entry's hash — only if it is still `from` —
 * and, only then, insert the entries, their access records and the denials among them (log_denial).
 * True if the entries were written.
 */
async function appendBatch(tx: Transaction<DB>, chainId: number, from: { seq: number; hash: Uint8Array }, batch: ChainedRows): Promise<boolean> {
  const rows = batch.json;
  const last = batch.head;
  const res = await sql<{ log_id: number }>`
    with head as (
      update log_chain set seq = ${last.seq}, head = decode(${toHex(last.hash)}, 'hex')
      where id = ${chainId} and seq = ${from.seq} and head = decode(${toHex(from.hash)}, 'hex')
      returning id
    ), e as (
      select * from json_to_recordset(${rows}::json) as e(
        seq int8, trace_id text, span_id text, parent_span_id text, name text, start_time timestamptz, end_time timestamptz,
        status_code int2, processing_activity_id uuid, data_subject_id text, data_subject_id_type text, prev_hex text, hash_hex text,
        actor_kind text, actor_id uuid, actor_role text, organisation_id uuid, purpose_help_request_id uuid, purpose_code text,
        action text, object_type text, object_id uuid, categories text[], decision text, rule_ids text[], rule_version text)
    ), pl as (
      insert into processing_log (chain_id, seq, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code,
                                  processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash)
      select ${chainId}, e.seq, e.trace_id, e.span_id, e.parent_span_id, e.name, e.start_time, e.end_time, e.status_code,
             e.processing_activity_id, e.data_subject_id, e.data_subject_id_type, decode(e.prev_hex, 'hex'), decode(e.hash_hex, 'hex')
      from e where exists (select 1 from head)
      order by e.seq -- ids are drawn in seq order: within a chain, id order is seq order (log verify reads by id)
      returning id, seq
    ), ar as (
      insert into access_record (log_id, actor_kind, actor_id, actor_role, organisation_id, purpose_help_request_id, purpose_code, action,
                                 object_type, object_id, categories, decision, rule_ids, rule_version)
      select pl.id, e.actor_kind, e.actor_id, e.actor_role, e.organisation_id, e.purpose_help_request_id, e.purpose_code, e.action,
             e.object_type, e.object_id, e.categories, e.decision, e.rule_ids, e.rule_version
      from pl join e on e.seq = pl.seq
      returning log_id
    ), denied as (
      -- Denials indexed by subject (migration 0009): "who viewed" counts the period's entries minus these.
      insert into log_denial (log_id, data_subject_id, start_time)
      select pl.id, e.data_subject_id, e.start_time from pl join e on e.seq = pl.seq where e.decision = 'deny'
    )
    select log_id from ar`.execute(tx);
  if (res.rows.length === batch.count) return true;
  if (res.rows.length === 0) return false;
  throw new Error('log append wrote part of a batch');
}
