/**
 * A `log verify` worker thread (PostgreSQL): it opens its own connections and verifies the ranges of the
 * log it is sent, so that reading, the canonical build and the HMAC of each entry run on every core, with
 * no hand-over of rows between threads. Messages: range (verify it) → done | failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChainSpan } from './copy-binary.ts';
import { pgCopyOut, pgPool } from '../pg.ts';
import { verifyRange, type ChainToVerify, type LogRange } from './verify-range.ts';

export interface VerifyWorkerData {
  logKey: ArrayBuffer;
  connection: { url: string; role: string | null };
  /** The chain heads of the snapshot being verified. */
  heads: ChainToVerify[];
  /** Ranges this worker verifies at the same time (one connection each). */
  parallel: number;
}

export type ToWorker = { type: 'range'; job: number; range: LogRange };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; job: number; entries: number; spans: ChainSpan[] }
  | { type: 'failed'; job: number; message: string };

const port = parentPort!;
const data = workerData as VerifyWorkerData;
const logKey = new Uint8Array(data.logKey);
const pool = pgPool(data.connection.url, data.connection.role, data.parallel);
const copyOut = pgCopyOut(pool);

port.on('message', (m: ToWorker) => {
  const post = (r: FromWorker) => port.postMessage(r);
  verifyRange(copyOut, logKey, data.heads, m.range).then(
    ({ entries, spans }) => post({ type: 'done', job: m.job, entries, spans }),
    (err: unknown) => post({ type: 'failed', job: m.job, message: err instanceof Error ? err.message : String(err) }),
  );
});

port.postMessage({ type: 'ready' } satisfies FromWorker);
