/**
 * Where `log verify` runs its ranges: in worker threads with their own connections (PostgreSQL, more
 * than one core, a log large enough to pay for starting them, ~0.2 s), else in this thread. Either way
 * each range is verified by verifyRange() (verify-range.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChainSpan } from './copy-binary.ts';
import type { CopyOut } from '../pg.ts';
import { verifyRange, type ChainToVerify, type LogRange } from './verify-range.ts';
import type { FromWorker, ToWorker, VerifyWorkerData } from './verify-worker.ts';

export interface Verifiers {
  /** Worker threads in use (0: this thread). */
  readonly threads: number;
  verify(range: LogRange): Promise<RangeOutcome>;
  close(): Promise<void>;
}

export interface RangeOutcome {
  entries: number;
  spans: ChainSpan[];
}

function inThread(copyOut: CopyOut, logKey: Uint8Array, heads: ChainToVerify[]): Verifiers {
  return { threads: 0, verify: (range) => verifyRange(copyOut, logKey, heads, range), close: async () => {} };
}

class WorkerVerifiers implements Verifiers {
  private readonly waiting = new Map<number, { resolve: (o: RangeOutcome) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') return;
        const job = this.waiting.get(m.job);
        this.waiting.delete(m.job);
        if (m.type === 'done') job?.resolve({ entries: m.entries, spans: m.spans });
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

  verify(range: LogRange): Promise<RangeOutcome> {
    const job = this.next++;
    const w = this.workers[job % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(job, { resolve, reject });
      w.postMessage({ type: 'range', job, range } satisfies ToWorker);
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
  heads: ChainToVerify[],
  entries: number,
  parallel: number,
  threads?: number,
): Promise<Verifiers> {
  const n = connection ? (threads ?? (entries < 50_000 ? 0 : availableParallelism())) : 0;
  if (n < 1) return inThread(copyOut, logKey, heads);
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const data: VerifyWorkerData = { logKey: new Uint8Array(logKey).buffer, connection: connection!, heads, parallel: Math.ceil(parallel / n) };
      // The entry file registers tsx in the worker (Node 20 runs no TypeScript itself); no inherited flags.
      workers.push(new Worker(new URL('./verify-worker-entry.js', import.meta.url), { workerData: data, execArgv: [] }));
    }
    await Promise.all(workers.map(started));
    return new WorkerVerifiers(workers);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    if (threads !== undefined) throw err;
    return inThread(copyOut, logKey, heads);
  }
}
