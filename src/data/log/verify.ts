/**
 * `zorgvuldig log verify` and checkpoints (R6.2). Verification recomputes every chain from its genesis
 * with the log key and reports the first bad entry: a modified field (hash mismatch), a deleted entry
 * (sequence gap), an inserted or reordered entry (prev/hash mismatch), a deleted access record (hash
 * mismatch: the access facts are part of the hash), a truncated tail (the chain head or a signed
 * checkpoint names more than is there), an entry the denials index holds wrongly or misses.
 * Checkpoints sign a Merkle root over all chain heads.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { signCheckpoint, sameBytes, toHex, type ChainHead, type VerifyFailure } from '../../core/log/chain.ts';
import { storeInternals, type Store } from '../store-internals.ts';
import type { ChainSpan } from './copy-binary.ts';
import { startVerifiers, type RangeOutcome } from './verify-pool.ts';
import type { LogRange } from './verify-range.ts';

const ZERO_HEX = '0'.repeat(64);

export interface VerifyResult {
  ok: boolean;
  entries: number;
  chains: number;
  heads: ChainHead[];
  checkpoints: number;
  seconds: number;
  /** Worker threads that verified the chains (0: the main thread). */
  threads: number;
  failure?: VerifyFailure;
}

/** Ranges verified at the same time: the database reads one while Node hashes another. */
const PARALLEL = 4;
/** Log ids per range: one binary COPY each. */
const RANGE = 100_000;

/**
 * One chain over the ranges, in order: where each range picks the chain up (its first entry's seq and
 * stored prev_hash) must be where the one before left it — genesis (seq 0, zero hash) before the first.
 * The failures are those a single pass over the chain would report (ChainVerifier); at the end the chain
 * must hold exactly its head row's seq and hash, or its tail was deleted.
 */
function stitch(chain: { id: number; seq: number; headHex: string }, ranges: ReadonlyArray<ReadonlyMap<number, ChainSpan>>): VerifyFailure | ChainHead {
  let seq = 0;
  let hash = ZERO_HEX;
  for (const r of ranges) {
    const s = r.get(chain.id);
    if (!s) continue;
    if (s.first.seq !== seq + 1) return { chainId: chain.id, seq: seq + 1, logId: s.first.logId, reason: 'sequence-gap' };
    if (s.first.prevHex !== hash) return { chainId: chain.id, seq: s.first.seq, logId: s.first.logId, reason: 'prev-mismatch' };
    if (s.failure) return s.failure;
    seq = s.last!.seq;
    hash = s.last!.hashHex;
  }
  if (seq !== chain.seq || hash !== chain.headHex) return { chainId: chain.id, seq: Math.min(seq + 1, chain.seq), logId: null, reason: 'head-mismatch' };
  return { chainId: chain.id, seq, hash };
}

/**
 * Ranges of `size` ids from `lo` to `hi`, each starting at an id that exists: ids are dense as the writer
 * draws them, but a row put in by hand with an id far beyond the rest must not turn into billions of
 * empty ranges. One index probe per range finds where the next one starts.
 */
async function rangesOf(db: Kysely<DB>, lo: number, hi: number, size: number): Promise<LogRange[]> {
  const out: LogRange[] = [];
  let start: number | null = lo;
  while (start !== null) {
    const end = Math.min(start + size, hi + 1);
    out.push({ lo: start, hi: end });
    if (end > hi) break;
    const next = await sql<{ id: number | null }>`select min(id) as id from processing_log where id >= ${end} and id <= ${hi}`.execute(db);
    const id = next.rows[0]?.id;
    start = id === null || id === undefined ? null : Number(id);
  }
  return out;
}

export interface VerifyOptions {
  /** Worker threads (PostgreSQL only): 0 verifies in this thread; unset picks one per core for a large log. */
  threads?: number;
  /** Log ids per range (default 100,000); tests set it small so that chains cross many range boundaries. */
  rangeIds?: number;
}

export async function verifyProcessingLog(store: Store, onProgress?: (entries: number, total: number) => void, options: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  const { database, keyring } = storeInternals(store);
  const db = database.db;
  // The heads at the start are the snapshot verified, read in one statement with the id range that holds
  // every entry committed by then: entries appended while verification runs (a live system keeps logging)
  // come after them and are verified next time, not mistaken for tampering.
  const snapshot = await sql<{ id: number; seq: number; head: Uint8Array; lo: number | null; hi: number | null }>`
    select c.id, c.seq, c.head, b.lo, b.hi from log_chain c cross join (select min(id) as lo, max(id) as hi from processing_log) b
    order by c.id`.execute(db);
  const chains = snapshot.rows.map((c) => ({ id: c.id, seq: Number(c.seq), headHex: toHex(c.head) }));
  const first = snapshot.rows[0];
  const ranges = first && first.lo !== null && first.hi !== null ? await rangesOf(db, Number(first.lo), Number(first.hi), Math.max(1, Math.trunc(options.rangeIds ?? RANGE))) : [];
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
    threads: verifiers.threads,
    ...(failure ? { failure } : {}),
  });
  let checkpoints = 0;
  const verifiers = await startVerifiers(database.copyOutBinary, database.connection, keyring.logKey, chains.map((c) => ({ id: c.id, seq: c.seq })), total, PARALLEL, options.threads);
  const outcomes: RangeOutcome[] = new Array(ranges.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, ranges.length) }, async () => {
        while (next < ranges.length) {
          const i = next++;
          outcomes[i] = await verifiers.verify(ranges[i]!);
          entries += outcomes[i]!.entries;
          onProgress?.(entries, total);
        }
      }),
    );
  } finally {
    await verifiers.close();
  }
  // Stitch each chain's spans in range order: a range must pick a chain up where the previous one left it.
  // The first failure is reported in chain order, so the answer does not depend on timing.
  const spans = outcomes.map((o) => new Map(o.spans.map((s) => [s.chainId, s])));
  let counted = 0;
  for (const chain of chains) {
    const outcome = stitch(chain, spans);
    if ('reason' in outcome) return result(outcome);
    heads.push(outcome);
    counted += outcome.seq;
  }
  entries = counted;
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
