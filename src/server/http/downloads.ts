/**
 * Downloads are assembled a few at a time (issue 8). A download (a resident's full export, "who viewed my
 * data" as a file, the council report, the LDV export, a letter or notice as PDF) costs tens to hundreds
 * of times a page: the whole log of a resident, a PDF. Without a bound, a burst of them takes the
 * process's one core from everyone, and the pages answer late (docs/scale.md has the measurement).
 *
 * So each process assembles at most `DOWNLOADS_AT_ONCE` downloads at a time; the next ones wait their
 * turn in order, up to `DOWNLOADS_WAITING` of them; beyond that the answer is 503 SERVICE.UNAVAILABLE
 * with Retry-After: nothing was read, nothing was logged, try again shortly. Pages never wait here.
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { AppError } from '../../core/errors.ts';

/**
 * The routes that are downloads: a file, not a page (the same rule as the benchmark's report). HEAD too:
 * Fastify answers HEAD with the GET handler, so a HEAD assembles the whole file as well.
 */
export function isDownload(method: string | string[], url: string): boolean {
  const methods = Array.isArray(method) ? method : [method];
  return methods.some((m) => m === 'GET' || m === 'HEAD') && /\/(export|export-ldv|letter)$|\.(pdf|csv)$/.test(url);
}

export interface Limiter {
  /**
   * Run `work` in a slot. `stillWanted`, asked once the slot is there (at once, or after waiting), says
   * whether anyone still waits for the answer: a client that went away meanwhile gets nothing assembled.
   */
  run<T>(work: () => Promise<T>, stillWanted?: () => boolean): Promise<T>;
  /** Running and waiting now (the tests read them). */
  readonly active: number;
  readonly waiting: number;
}

/** At most `atOnce` running, at most `waiting` queued (first come, first served), the rest refused. */
export function limiter(atOnce: number, waiting: number): Limiter {
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run<T>(work: () => Promise<T>, stillWanted?: () => boolean): Promise<T> {
      if (active < atOnce) active++;
      else if (queue.length < waiting) await new Promise<void>((resolve) => queue.push(resolve));
      else throw new AppError('SERVICE.UNAVAILABLE');
      // The slot passes straight to the next in the queue on release, so `active` counts it already.
      try {
        if (stillWanted && !stillWanted()) throw new AppError('SERVICE.UNAVAILABLE');
        return await work();
      } finally {
        release();
      }
    },
  };
}

/** Wrap every download route's handler registered after this call in the process's limiter. */
export function limitDownloads(app: FastifyInstance, opts: { atOnce: number; waiting: number }): Limiter {
  const downloads = limiter(opts.atOnce, opts.waiting);
  app.addHook('onRoute', (route) => {
    if (!isDownload(route.method, route.url)) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function limited(request, reply) {
      // A client that closed its connection while its download waited (a closed tab, a load generator
      // that stopped) would still have it assembled and logged, taking the turn of the ones who wait.
      return downloads.run(async () => handler.call(this, request, reply), () => request.raw.socket?.destroyed !== true);
    };
  });
  return downloads;
}
