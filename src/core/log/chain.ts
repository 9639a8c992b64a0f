/**
 * Tamper evidence for the processing log (R6.2). Entries are spread over a fixed set of chains so that
 * concurrent requests do not queue behind one lock; within a chain each entry's hash is
 * HMAC-SHA256(logKey, prevHash ‖ canonical(entry)). An insider who edits, deletes, inserts or reorders
 * rows cannot recompute the chain without the key. Periodic checkpoints sign the heads of all chains
 * with a Merkle root (RFC 6962 hashing), so a truncated tail is detected too. See docs/processing-log.md.
 */
import { createHash, createHmac } from 'node:crypto';
import { canonical, type ChainedEntry, type LogEntry } from './entry.ts';

export const GENESIS = new Uint8Array(32);

export function chainHash(logKey: Uint8Array, prev: Uint8Array, chainId: number, seq: number, entry: LogEntry): Uint8Array {
  return createHmac('sha256', logKey).update(prev).update(canonical(chainId, seq, entry)).digest();
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** Extend a chain: returns the entries with seq, prev and hash, and the new head. */
export function extendChain(
  logKey: Uint8Array,
  chainId: number,
  head: { seq: number; hash: Uint8Array },
  entries: readonly LogEntry[],
): { chained: ChainedEntry[]; head: { seq: number; hash: Uint8Array } } {
  let seq = head.seq;
  let prev = head.hash;
  const chained: ChainedEntry[] = [];
  for (const e of entries) {
    seq += 1;
    const hash = chainHash(logKey, prev, chainId, seq, e);
    chained.push({ ...e, chainId, seq, prevHash: prev, hash });
    prev = hash;
  }
  return { chained, head: { seq, hash: prev } };
}

export interface VerifyFailure {
  chainId: number;
  seq: number;
  logId: number | null;
  reason: 'hash-mismatch' | 'prev-mismatch' | 'sequence-gap' | 'head-mismatch' | 'checkpoint-mismatch' | 'checkpoint-signature' | 'unchained-entries' | 'denial-index-mismatch';
}

/**
 * Verify one chain incrementally: feed entries in seq order; the first problem is reported with the
 * entry it was found at.
 */
export class ChainVerifier {
  private seq = 0;
  private prev: Uint8Array = GENESIS;
  count = 0;
  constructor(
    private readonly logKey: Uint8Array,
    readonly chainId: number,
  ) {}

  get head(): { seq: number; hash: Uint8Array } {
    return { seq: this.seq, hash: this.prev };
  }

  next(e: ChainedEntry & { id?: number }): VerifyFailure | null {
    const logId = e.id ?? null;
    if (e.seq !== this.seq + 1) return { chainId: this.chainId, seq: this.seq + 1, logId, reason: 'sequence-gap' };
    if (!sameBytes(e.prevHash, this.prev)) return { chainId: this.chainId, seq: e.seq, logId, reason: 'prev-mismatch' };
    const expect = chainHash(this.logKey, this.prev, this.chainId, e.seq, e);
    if (!sameBytes(expect, e.hash)) return { chainId: this.chainId, seq: e.seq, logId, reason: 'hash-mismatch' };
    this.seq = e.seq;
    this.prev = e.hash;
    this.count++;
    return null;
  }
}

// RFC 6962 Merkle tree hashing: leaf = H(0x00 ‖ data), node = H(0x01 ‖ left ‖ right).
function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.from([0])).update(data).digest();
}
function nodeHash(l: Uint8Array, r: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.from([1])).update(l).update(r).digest();
}

export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return createHash('sha256').digest();
  let level: Uint8Array[] = leaves.map(leafHash);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

export interface ChainHead {
  chainId: number;
  seq: number;
  hash: string;
}

/** The leaf for one chain head in a checkpoint. */
export function headLeaf(h: ChainHead): Uint8Array {
  return Buffer.from(`${h.chainId}:${h.seq}:${h.hash}`, 'utf8');
}

export function signCheckpoint(logKey: Uint8Array, entries: number, heads: readonly ChainHead[]): { root: Uint8Array; signature: Uint8Array } {
  const root = merkleRoot([...heads].sort((a, b) => a.chainId - b.chainId).map(headLeaf));
  const signature = createHmac('sha256', logKey).update(`checkpoint:v1:${entries}:`).update(root).digest();
  return { root, signature };
}
