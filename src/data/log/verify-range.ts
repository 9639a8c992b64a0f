/**
 * Verify one range of the processing log (by id): read it as binary COPY rows, every chain interleaved
 * as it was written, and hand back what the range holds of each chain (BinaryRangeVerifier). The same
 * function runs in the main thread and in `log verify`'s worker threads (which open their own
 * connections); verify.ts stitches the ranges together per chain.
 */
import type { CopyOut } from '../pg.ts';
import { BINARY_ROW_SELECT, BinaryRangeVerifier, type ChainSpan } from './copy-binary.ts';

/** A chain's head as read at the start of verification: the snapshot that is verified. */
export interface ChainToVerify {
  id: number;
  seq: number;
}

/** A range of log ids, [lo, hi). */
export interface LogRange {
  lo: number;
  hi: number;
}

/**
 * A range is one merge join of primary-key walks (processing_log by id, access_record and log_denial by
 * log_id): the tables are append-only and written in id order, so every walk reads its pages in order. The
 * planner is held to that plan; per chain, a walk of the (chain_id, seq) index with an access-record
 * lookup per row cost about half as much again in the database.
 */
const MERGE_THE_KEYS = { enable_hashjoin: 'off', enable_nestloop: 'off', enable_bitmapscan: 'off', enable_seqscan: 'off', enable_sort: 'off' } as const;

export async function verifyRange(copyOut: CopyOut, logKey: Uint8Array, heads: readonly ChainToVerify[], range: LogRange): Promise<{ entries: number; spans: ChainSpan[] }> {
  const v = new BinaryRangeVerifier(logKey, heads);
  const lo = Math.trunc(range.lo);
  const hi = Math.trunc(range.hi);
  // The range is stated for both tables: a merge join does not carry it over to the inner side, whose
  // walk would otherwise start at the first access record for every range (quadratic in the log's size:
  // at 10M entries a range read five million access records to use 100,000).
  const page = copyOut(
    `select ${BINARY_ROW_SELECT} from processing_log l
     left join access_record a on a.log_id = l.id and a.log_id >= ${lo} and a.log_id < ${hi}
     left join log_denial d on d.log_id = l.id and d.log_id >= ${lo} and d.log_id < ${hi}
     where l.id >= ${lo} and l.id < ${hi} order by l.id`,
    MERGE_THE_KEYS,
  );
  // The stream is read to its end even after a chain failed: the other chains in it go on, and the
  // connection goes back to the pool instead of being discarded mid-COPY.
  for await (const chunk of page) v.push(chunk);
  v.end();
  return { entries: v.count, spans: v.spans() };
}
