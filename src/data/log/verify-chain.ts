/**
 * Verify one chain of the processing log: read it in pages of binary COPY rows and feed them, in seq
 * order, to a BinaryChainVerifier. The same function runs in the main thread and in `log verify`'s
 * worker threads (which open their own connections).
 */
import type { ChainHead, VerifyFailure } from '../../core/log/chain.ts';
import type { CopyOut } from '../pg.ts';
import { BINARY_ROW_SELECT, BinaryChainVerifier } from './copy-binary.ts';

/** A chain as read at the start of verification: the snapshot that is verified. */
export interface ChainToVerify {
  id: number;
  seq: number;
  headHex: string;
}

/** Rows per COPY: PostgreSQL streams them; PGlite hands each page over as one buffer. */
const COPY_PAGE = 100_000;

/**
 * A page is a walk of the (chain_id, seq) index with one access-record lookup per row: no sort, no hash
 * of the whole access_record table. Left to itself the planner picked a bitmap scan, a sort spilling to
 * disk and a hash join over every access record for each page (2× the cost at 200k entries; worse as
 * the log grows).
 */
const WALK_THE_INDEX = { enable_hashjoin: 'off', enable_mergejoin: 'off', enable_bitmapscan: 'off', enable_seqscan: 'off', enable_sort: 'off' } as const;

export async function verifyChain(copyOut: CopyOut, logKey: Uint8Array, chain: ChainToVerify, onEntries: (n: number) => void): Promise<VerifyFailure | ChainHead> {
  const v = new BinaryChainVerifier(logKey, chain.id);
  // Pages by seq range (seq is dense: a missing row shows as a sequence gap, not a shorter page).
  for (let after = 0; after < chain.seq; after += COPY_PAGE) {
    const upTo = Math.min(after + COPY_PAGE, chain.seq);
    const before = v.count;
    const page = copyOut(
      `select ${BINARY_ROW_SELECT} from processing_log l left join access_record a on a.log_id = l.id
       where l.chain_id = ${Number(chain.id)} and l.seq > ${after} and l.seq <= ${upTo} order by l.seq`,
      WALK_THE_INDEX,
    );
    // After a failure the verifier ignores the rest, but the stream is read to its end (the connection
    // then goes back to the pool instead of being discarded mid-COPY).
    for await (const chunk of page) v.push(chunk);
    if (v.failure) return v.failure;
    v.end();
    v.nextStream();
    onEntries(v.count - before);
  }
  // The head row must match what the chain actually holds: a deleted tail shows here.
  const head = v.head;
  if (head.seq !== chain.seq || head.hash !== chain.headHex) {
    return { chainId: chain.id, seq: Math.min(head.seq + 1, chain.seq), logId: null, reason: 'head-mismatch' };
  }
  return { chainId: chain.id, seq: head.seq, hash: head.hash };
}
