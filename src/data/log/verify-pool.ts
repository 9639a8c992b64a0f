/**
 * Where `log verify` runs its chains: in worker threads with their own connections (PostgreSQL, more
 * than one core, a log large enough to pay for starting them, ~0.2 s), else in this thread. Either way
 * each chain is verified by verifyChain() (verify-chain.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChainHead, VerifyFailure } from '../../core/log/chain.ts';
import type { CopyOut } from '../pg.ts';
import { verifyChain, type ChainToVerify } from './verify-chain.ts';
import type { FromWorker, ToWorker, VerifyWorkerData } from './verify-worker.ts';

export interface Verifiers {
  /** Worker threads in use (0: this thread). */
  readonly threads: number;
  verify(chain: ChainToVerify, onEntries: (n: number) => void): Promise<VerifyFailure | ChainHead>;
  close(): Promise<void>;
}

function inThread(copyOut: CopyOut, logKey: Uint8Array): Verifiers {
  return { threads: 0, verify: (chain, onEntries) => verifyChain(copyOut, logKey, chain, onEntries), close: async () => {} };
}

class WorkerVerifiers implements Verifiers {
  private readonly waiting = new Map<number, { resolve: (o: VerifyFailure | ChainHead) => void; reject: (e: Error) => void; onEntries: (n: number) => void }>();
  private next = 0;

  constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') return;
        if (m.type === 'progress') return this.waiting.get(m.chainId)?.onEntries(m.entries);
        const job = this.waiting.get(m.chainId);
        this.waiting.delete(m.chainId);
        if (m.type === 'done') job?.resolve(m.outcome);
        else job?.reject(new Error(m.message));
      });
      w.on('error', (err) => {
        for (const job of this.waiting.values()) job.reject(err);
        this.waiting.clear();
      });
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  verify(chain: ChainToVerify, onEntries: (n: number) => void): Promise<VerifyFailure | ChainHead> {
    const w = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(chain.id, { resolve, reject, onEntries });
      w.postMessage({ type: 'chain', chain } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function started(w: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('verify worker did not start')), 15_000);
    w.once('message', (m: FromWorker) => {
      clearTimeout(timer);
      if (m.type === 'ready') resolve();
      else reject(new Error('verify worker: unexpected first message'));
    });
    w.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * `threads` given (tests, benchmarks) is used as asked, and a worker that cannot start is an error;
 * unset, a large PostgreSQL log gets one worker per core and falls back to this thread if they cannot
 * start. PGlite is one in-process database: its log is verified in this thread.
 */
export async function startVerifiers(
  copyOut: CopyOut,
  connection: { url: string; role: string | null } | undefined,
  logKey: Uint8Array,
  entries: number,
  parallel: number,
  threads?: number,
): Promise<Verifiers> {
  const n = connection ? (threads ?? (entries < 50_000 ? 0 : availableParallelism())) : 0;
  if (n < 1) return inThread(copyOut, logKey);
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const data: VerifyWorkerData = { logKey: new Uint8Array(logKey).buffer, connection: connection!, parallel: Math.ceil(parallel / n) };
      // The entry file registers tsx in the worker (Node 20 runs no TypeScript itself); no inherited flags.
      workers.push(new Worker(new URL('./verify-worker-entry.js', import.meta.url), { workerData: data, execArgv: [] }));
    }
    await Promise.all(workers.map(started));
    return new WorkerVerifiers(workers);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    if (threads !== undefined) throw err;
    return inThread(copyOut, logKey);
  }
}
