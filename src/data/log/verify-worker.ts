/**
 * A `log verify` worker thread: verifies the chains it is given from binary COPY chunks that the main
 * thread reads (the main thread does the I/O, workers the hashing — an HMAC and a canonical build per
 * entry — so verification uses every core). Messages: chunk (a chain's next bytes), page-end (reply
 * with progress or the first failure), drop (forget a chain).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BinaryChainVerifier } from './copy-binary.ts';

export type ToWorker =
  | { type: 'chunk'; chainId: number; buf: ArrayBuffer; offset: number; length: number }
  | { type: 'page-end'; chainId: number }
  | { type: 'drop'; chainId: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'ack'; bytes: number }
  | {
      type: 'page';
      chainId: number;
      count: number;
      head: { seq: number; hash: string };
      failure: import('../../core/log/chain.ts').VerifyFailure | null;
      error: string | null;
    };

const port = parentPort!;
const logKey = new Uint8Array(workerData.logKey as ArrayBuffer);
const verifiers = new Map<number, BinaryChainVerifier>();
const errors = new Map<number, string>();

function verifier(chainId: number): BinaryChainVerifier {
  let v = verifiers.get(chainId);
  if (!v) {
    v = new BinaryChainVerifier(logKey, chainId);
    verifiers.set(chainId, v);
  }
  return v;
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'chunk') {
    try {
      if (!errors.has(m.chainId)) verifier(m.chainId).push(Buffer.from(m.buf, m.offset, m.length));
    } catch (err) {
      errors.set(m.chainId, err instanceof Error ? err.message : String(err));
    }
    port.postMessage({ type: 'ack', bytes: m.length } satisfies FromWorker);
  } else if (m.type === 'page-end') {
    const v = verifier(m.chainId);
    let error = errors.get(m.chainId) ?? null;
    try {
      if (!error) v.end();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    // The next page of this chain starts a new COPY stream (header and all).
    v.nextStream();
    port.postMessage({ type: 'page', chainId: m.chainId, count: v.count, head: v.head, failure: v.failure, error } satisfies FromWorker);
  } else {
    verifiers.delete(m.chainId);
    errors.delete(m.chainId);
  }
});

port.postMessage({ type: 'ready' });
