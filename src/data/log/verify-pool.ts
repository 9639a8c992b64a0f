/**
 * Where `log verify` hashes: in worker threads when the machine has more than one core and the log is
 * large enough to pay for starting them, else in this thread. Either way a chain is verified by one
 * BinaryChainVerifier fed its binary COPY pages in order; a sink hides which thread it runs in.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerifyFailure } from '../../core/log/chain.ts';
import { BinaryChainVerifier } from './copy-binary.ts';
import type { FromWorker, ToWorker } from './verify-worker.ts';

export interface PageOutcome {
  count: number;
  head: { seq: number; hash: string };
  failure: VerifyFailure | null;
}

export interface ChainSink {
  push(chunk: Buffer): void | Promise<void>;
  /** The current COPY page has ended: progress so far, or the first failure. */
  pageEnd(): Promise<PageOutcome>;
  close(): void;
}

export interface Hashers {
  sink(chainId: number): ChainSink;
  close(): Promise<void>;
  readonly threads: number;
}

/** Verify in this thread. */
export function inThread(logKey: Uint8Array): Hashers {
  return {
    threads: 0,
    sink(chainId) {
      const v = new BinaryChainVerifier(logKey, chainId);
      return {
        push: (chunk) => v.push(chunk),
        pageEnd: async () => {
          if (!v.failure) v.end();
          v.nextStream();
          return { count: v.count, head: v.head, failure: v.failure };
        },
        close: () => {},
      };
    },
    close: async () => {},
  };
}

/** Bytes handed to one worker and not yet hashed, before the reader waits (bounded memory). */
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

class WorkerHashers implements Hashers {
  private readonly inFlight: number[];
  private readonly drained: Array<Array<() => void>>;
  private readonly pages = new Map<number, { resolve: (o: PageOutcome) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;

  constructor(private readonly workers: Worker[]) {
    this.inFlight = workers.map(() => 0);
    this.drained = workers.map(() => []);
    workers.forEach((w, i) => {
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ack') {
          this.inFlight[i]! -= m.bytes;
          if (this.inFlight[i]! <= MAX_IN_FLIGHT) for (const go of this.drained[i]!.splice(0)) go();
        } else if (m.type === 'page') {
          const p = this.pages.get(m.chainId);
          this.pages.delete(m.chainId);
          if (!p) return;
          if (m.error) p.reject(new Error(m.error));
          else p.resolve({ count: m.count, head: m.head, failure: m.failure });
        }
      });
      w.on('error', (err) => this.fail(err));
    });
  }

  get threads(): number {
    return this.workers.length;
  }

  private fail(err: Error): void {
    this.failed = err;
    for (const p of this.pages.values()) p.reject(err);
    this.pages.clear();
    for (const list of this.drained) for (const go of list.splice(0)) go();
  }

  sink(chainId: number): ChainSink {
    const i = chainId % this.workers.length;
    const w = this.workers[i]!;
    const post = (m: ToWorker, transfer?: ArrayBuffer[]) => w.postMessage(m, transfer);
    return {
      push: async (chunk) => {
        if (this.failed) throw this.failed;
        // The chunk may share its memory with the driver's buffers: hand over a copy.
        const copy = new Uint8Array(chunk.length);
        copy.set(chunk);
        this.inFlight[i]! += chunk.length;
        post({ type: 'chunk', chainId, buf: copy.buffer, offset: 0, length: chunk.length }, [copy.buffer]);
        while (this.inFlight[i]! > MAX_IN_FLIGHT && !this.failed) await new Promise<void>((go) => this.drained[i]!.push(go));
        if (this.failed) throw this.failed;
      },
      pageEnd: () =>
        new Promise<PageOutcome>((resolve, reject) => {
          if (this.failed) return reject(this.failed);
          this.pages.set(chainId, { resolve, reject });
          post({ type: 'page-end', chainId });
        }),
      close: () => post({ type: 'drop', chainId }),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Start one hashing worker per core (the main thread only reads). Falls back to this thread when a
 * worker cannot start (its loader, a sandbox) or there is one core.
 */
export async function startHashers(logKey: Uint8Array, entries: number, threads?: number): Promise<Hashers> {
  // Explicit threads (tests, the command line) win; else one per core for a log worth the start-up (~0.2 s).
  const cores = threads ?? (entries < 50_000 ? 0 : availableParallelism());
  if (cores < 1) return inThread(logKey);
  const started: Worker[] = [];
  try {
    for (let i = 0; i < cores; i++) {
      const key = new Uint8Array(logKey).buffer;
      const w = new Worker(new URL('./verify-worker-entry.js', import.meta.url), { workerData: { logKey: key }, execArgv: [] });
      started.push(w);
    }
    await Promise.all(
      started.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
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
          }),
      ),
    );
    return new WorkerHashers(started);
  } catch (err) {
    await Promise.all(started.map((w) => w.terminate()));
    if (threads !== undefined) throw err;
    return inThread(logKey);
  }
}
