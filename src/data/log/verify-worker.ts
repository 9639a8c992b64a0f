/**
 * A `log verify` worker thread (PostgreSQL): it opens its own connections and verifies the chains it is
 * sent, so that reading, the canonical build and the HMAC of each entry run on every core, with no
 * hand-over of rows between threads. Messages: chain (verify it) → progress…, done | failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChainHead, VerifyFailure } from '../../core/log/chain.ts';
import { pgCopyOut, pgPool } from '../pg.ts';
import { verifyChain, type ChainToVerify } from './verify-chain.ts';

export interface VerifyWorkerData {
  logKey: ArrayBuffer;
  connection: { url: string; role: string | null };
  /** Chains this worker verifies at the same time (one connection each). */
  parallel: number;
}

export type ToWorker = { type: 'chain'; chain: ChainToVerify };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; chainId: number; entries: number }
  | { type: 'done'; chainId: number; outcome: VerifyFailure | ChainHead }
  | { type: 'failed'; chainId: number; message: string };

const port = parentPort!;
const data = workerData as VerifyWorkerData;
const logKey = new Uint8Array(data.logKey);
const pool = pgPool(data.connection.url, data.connection.role, data.parallel);
const copyOut = pgCopyOut(pool);

port.on('message', (m: ToWorker) => {
  const post = (r: FromWorker) => port.postMessage(r);
  verifyChain(copyOut, logKey, m.chain, (entries) => post({ type: 'progress', chainId: m.chain.id, entries })).then(
    (outcome) => post({ type: 'done', chainId: m.chain.id, outcome }),
    (err: unknown) => post({ type: 'failed', chainId: m.chain.id, message: err instanceof Error ? err.message : String(err) }),
  );
});

port.postMessage({ type: 'ready' } satisfies FromWorker);
