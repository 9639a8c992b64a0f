/**
 * `zorgvuldig log verify` and checkpoints (R6.2). Verification recomputes every chain from its genesis
 * with the log key and reports the first bad entry: a modified field (hash mismatch), a deleted entry
 * (sequence gap), an inserted or reordered entry (prev/hash mismatch), a deleted access record (hash
 * mismatch: the access facts are part of the hash), a truncated tail (the chain head or a signed
 * checkpoint names more than is there). Checkpoints sign a Merkle root over all chain heads.
 */
import { sql, type Kysely } from 'kysely';
import { TextChainVerifier, signCheckpoint, sameBytes, toHex, type ChainHead, type VerifyFailure } from '../../core/log/chain.ts';
import type { DB } from '../schema.ts';
import { storeInternals, type Store } from '../store-internals.ts';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  chains: number;
  heads: ChainHead[];
  checkpoints: number;
  seconds: number;
  failure?: VerifyFailure;
}

const PAGE = 20_000;
/** Chains verified at the same time: the database reads pages while Node hashes another chain. */
const PARALLEL = 4;

interface TextRow {
  id: number;
  seq: number;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_ms: number;
  end_ms: number;
  status_code: number;
  processing_activity_id: string;
  data_subject_id: string | null;
  data_subject_id_type: string | null;
  prev_hex: string;
  hash_hex: string;
  actor_kind: string | null;
  actor_id: string | null;
  actor_role: string | null;
  organisation_id: string | null;
  purpose_help_request_id: string | null;
  purpose_code: string | null;
  action: string | null;
  object_type: string | null;
  object_id: string | null;
  categories_json: string | null;
  decision: string | null;
  rule_ids_json: string | null;
  rule_version: string | null;
}

/**
 * One page of a chain, as text: hashes in hex, times in epoch milliseconds, arrays as JSON text, so
 * that verifying costs a string build and an HMAC per entry, not the parsing of Dates and Buffers.
 */
async function page(db: Kysely<DB>, chainId: number, afterSeq: number, upToSeq: number): Promise<TextRow[]> {
  const res = await sql<TextRow>`
    select l.id, l.seq, l.trace_id, l.span_id, l.parent_span_id, l.name,
           (extract(epoch from l.start_time) * 1000)::int8 as start_ms, (extract(epoch from l.end_time) * 1000)::int8 as end_ms,
           l.status_code, l.processing_activity_id::text as processing_activity_id, l.data_subject_id, l.data_subject_id_type,
           encode(l.prev_hash, 'hex') as prev_hex, encode(l.hash, 'hex') as hash_hex,
           a.actor_kind, a.actor_id::text as actor_id, a.actor_role, a.organisation_id::text as organisation_id,
           a.purpose_help_request_id::text as purpose_help_request_id, a.purpose_code, a.action, a.object_type,
           a.object_id::text as object_id, array_to_json(a.categories)::text as categories_json, a.decision,
           array_to_json(a.rule_ids)::text as rule_ids_json, a.rule_version
    from processing_log l left join access_record a on a.log_id = l.id
    where l.chain_id = ${chainId} and l.seq > ${afterSeq} and l.seq <= ${upToSeq}
    order by l.seq limit ${PAGE}`.execute(db);
  return res.rows;
}

export async function verifyProcessingLog(store: Store, onProgress?: (entries: number, total: number) => void): Promise<VerifyResult> {
  const started = performance.now();
  const { database, keyring } = storeInternals(store);
  const db = database.db;
  // The heads at the start are the snapshot verified: entries appended while verification runs (a live
  // system keeps logging) come after them and are verified next time, not mistaken for tampering.
  const chains = await db.selectFrom('log_chain').select(['id', 'seq', 'head']).orderBy('id').execute();
  const total = chains.reduce((n, c) => n + c.seq, 0);
  let entries = 0;
  const heads: ChainHead[] = [];
  const result = (failure?: VerifyFailure): VerifyResult => ({
    ok: !failure,
    entries,
    chains: chains.length,
    heads,
    checkpoints,
    seconds: (performance.now() - started) / 1000,
    ...(failure ? { failure } : {}),
  });
  let checkpoints = 0;
  const verifyChain = async (chain: { id: number; seq: number; head: Uint8Array }): Promise<VerifyFailure | ChainHead> => {
    const v = new TextChainVerifier(keyring.logKey, chain.id);
    let after = 0;
    for (;;) {
      const rows = await page(db, chain.id, after, chain.seq);
      for (const r of rows) {
        const failure = v.next({
          id: Number(r.id),
          chainId: chain.id,
          seq: Number(r.seq),
          traceId: r.trace_id,
          spanId: r.span_id,
          parentSpanId: r.parent_span_id,
          name: r.name,
          startMs: Number(r.start_ms),
          endMs: Number(r.end_ms),
          statusCode: r.status_code,
          processingActivityId: r.processing_activity_id,
          dataSubjectId: r.data_subject_id,
          dataSubjectIdType: r.data_subject_id_type,
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          actorRole: r.actor_role,
          organisationId: r.organisation_id,
          purposeHelpRequestId: r.purpose_help_request_id,
          purposeCode: r.purpose_code,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          categoriesJson: r.categories_json,
          decision: r.decision,
          ruleIdsJson: r.rule_ids_json,
          ruleVersion: r.rule_version,
          prevHex: r.prev_hex,
          hashHex: r.hash_hex,
        });
        if (failure) return failure;
      }
      entries += rows.length;
      onProgress?.(entries, total);
      if (rows.length < PAGE) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    // The head row must match what the chain actually holds: a deleted tail shows here.
    if (v.head.seq !== chain.seq || v.head.hash !== toHex(chain.head)) {
      return { chainId: chain.id, seq: Math.min(v.head.seq + 1, chain.seq), logId: null, reason: 'head-mismatch' };
    }
    return { chainId: chain.id, seq: v.head.seq, hash: v.head.hash };
  };
  const outcomes: Array<VerifyFailure | ChainHead> = new Array(chains.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, chains.length) }, async () => {
      while (next < chains.length) {
        const i = next++;
        outcomes[i] = await verifyChain(chains[i]!);
      }
    }),
  );
  // Report the first failure in chain order, so the answer does not depend on timing.
  for (const o of outcomes) {
    if ('reason' in o) return result(o);
    heads.push(o);
  }
  // Every row must belong to a chain and lie at or below its head. Read in one statement (one snapshot)
  // with the heads as they are now, so that entries appended meanwhile — which moved their head — count
  // as chained; a row beyond its head, or in a chain without a head row, was put there by hand.
  const beyond = await sql<{ id: number; seq: number; max_seq: number | null }>`
    select c.id, c.seq, (select max(p.seq) from processing_log p where p.chain_id = c.id) as max_seq
    from log_chain c order by c.id`.execute(db);
  for (const c of beyond.rows) {
    if (c.max_seq !== null && Number(c.max_seq) > Number(c.seq)) return result({ chainId: c.id, seq: Number(c.seq) + 1, logId: null, reason: 'unchained-entries' });
  }
  const known = beyond.rows.map((c) => c.id).sort((a, b) => a - b);
  const span = await sql<{ lo: number | null; hi: number | null }>`select min(chain_id) as lo, max(chain_id) as hi from processing_log`.execute(db);
  const { lo, hi } = span.rows[0]!;
  if (lo !== null && hi !== null) {
    if (known.length === 0 || lo < known[0]! || hi > known[known.length - 1]!) return result({ chainId: -1, seq: 0, logId: null, reason: 'unchained-entries' });
    // Chain ids are normally 0..n-1; any id missing between them must hold no rows either.
    for (let id = known[0]!; id <= known[known.length - 1]!; id++) {
      if (known.includes(id)) continue;
      const orphan = await db.selectFrom('processing_log').select('id').where('chain_id', '=', id).limit(1).executeTakeFirst();
      if (orphan) return result({ chainId: id, seq: 0, logId: Number(orphan.id), reason: 'unchained-entries' });
    }
  }
  // Signed checkpoints: each must verify, and every head it names must still be in its chain.
  const cps = await db.selectFrom('log_checkpoint').select(['id', 'entries', 'heads', 'merkle_root', 'signature']).orderBy('id').execute();
  for (const cp of cps) {
    const cpHeads = (typeof cp.heads === 'string' ? JSON.parse(cp.heads) : cp.heads) as ChainHead[];
    const { root, signature } = signCheckpoint(keyring.logKey, cp.entries, cpHeads);
    if (!sameBytes(root, cp.merkle_root) || !sameBytes(signature, cp.signature)) {
      return result({ chainId: -1, seq: 0, logId: cp.id, reason: 'checkpoint-signature' });
    }
    for (const h of cpHeads) {
      if (h.seq === 0) continue;
      const row = await db.selectFrom('processing_log').select(['hash']).where('chain_id', '=', h.chainId).where('seq', '=', h.seq).executeTakeFirst();
      if (!row || toHex(row.hash) !== h.hash) return result({ chainId: h.chainId, seq: h.seq, logId: null, reason: 'checkpoint-mismatch' });
    }
    checkpoints++;
  }
  return result();
}

/** Write a signed checkpoint over the current heads of all chains (a consistent snapshot). */
export async function writeCheckpoint(store: Store): Promise<{ id: number; entries: number; root: string }> {
  const { database, keyring } = storeInternals(store);
  return database.db.transaction().execute(async (tx) => {
    // Lock every chain head briefly so the snapshot is consistent.
    const chains = await sql<{ id: number; seq: number; head: Uint8Array }>`select id, seq, head from log_chain order by id for share`.execute(tx);
    const heads: ChainHead[] = chains.rows.map((c) => ({ chainId: c.id, seq: c.seq, hash: toHex(c.head) }));
    const entries = heads.reduce((n, h) => n + h.seq, 0);
    const { root, signature } = signCheckpoint(keyring.logKey, entries, heads);
    const row = await tx
      .insertInto('log_checkpoint')
      .values({ entries, heads: JSON.stringify(heads), merkle_root: root, signature })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, entries, root: toHex(root) };
  });
}
