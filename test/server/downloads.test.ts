/**
 * Downloads are assembled a few at a time (src/server/http/downloads.ts; issue 8): at most
 * DOWNLOADS_AT_ONCE per process, DOWNLOADS_WAITING more wait their turn in order, and the rest are
 * answered 503 SERVICE.UNAVAILABLE with Retry-After — refused before anything is read or logged.
 * The limiter is held to a reference model (fast-check), and the app to it on a real export route.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.ts';
import { isDownload, limiter } from '../../src/server/http/downloads.ts';
import { residentsWorld, type ResidentsWorld } from '../residents/support.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('the limiter', () => {
  it('runs at most N at once, queues up to M in arrival order, refuses the rest, and passes a slot on when work ends or fails', async () => {
    const l = limiter(1, 2);
    const started: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred() };
    const run = (k: keyof typeof gates) =>
      l.run(async () => {
        started.push(k);
        await gates[k].promise;
        return k;
      });
    const a = run('a');
    const b = run('b');
    const c = run('c');
    const d = l.run(async () => 'd');
    await expect(d).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === 'SERVICE.UNAVAILABLE');
    await tick();
    expect(started).toEqual(['a']);
    expect([l.active, l.waiting]).toEqual([1, 2]);
    gates.a.reject(new Error('the export failed'));
    await expect(a).rejects.toThrow('the export failed');
    await tick();
    expect(started).toEqual(['a', 'b']);
    gates.b.resolve();
    expect(await b).toBe('b');
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gates.c.resolve();
    expect(await c).toBe('c');
    expect([l.active, l.waiting]).toEqual([0, 0]);
  });

  it('assembles nothing for a client that went away while it waited, and passes the slot on', async () => {
    const l = limiter(1, 5);
    const first = deferred();
    const a = l.run(() => first.promise);
    let gone = false;
    let ran = false;
    const b = l.run(async () => {
      ran = true;
    }, () => !gone);
    const c = l.run(async () => 'c');
    gone = true;
    first.resolve();
    await a;
    await expect(b).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === 'SERVICE.UNAVAILABLE');
    expect(ran).toBe(false);
    expect(await c).toBe('c');
    expect([l.active, l.waiting]).toEqual([0, 0]);
  });

  it('agrees with a reference model on any sequence of arrivals and completions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.array(fc.boolean(), { maxLength: 40 }), async (atOnce, waiting, steps) => {
        const l = limiter(atOnce, waiting);
        // The model: ids running, ids waiting (in order), ids refused.
        const model = { running: [] as number[], queue: [] as number[], refused: [] as number[] };
        const refused: number[] = [];
        const running = new Map<number, () => void>();
        let next = 0;
        for (const arrive of steps) {
          if (arrive) {
            const id = next++;
            if (model.running.length < atOnce) model.running.push(id);
            else if (model.queue.length < waiting) model.queue.push(id);
            else model.refused.push(id);
            const gate = deferred();
            l.run(async () => {
              running.set(id, gate.resolve);
              await gate.promise;
            }).catch(() => refused.push(id));
          } else if (model.running.length > 0) {
            const done = model.running.shift()!;
            model.running.push(...model.queue.splice(0, 1));
            running.get(done)!();
            running.delete(done);
          }
          for (let i = 0; i < 4; i++) await tick();
          expect([...running.keys()].sort((x, y) => x - y)).toEqual([...model.running].sort((x, y) => x - y));
          expect(l.waiting).toBe(model.queue.length);
          expect(refused).toEqual(model.refused);
        }
        for (const release of running.values()) release();
      }),
      { numRuns: 60 },
    );
  });

  it('knows the downloads from the pages', () => {
    const table: Array<[string, string, boolean]> = [
      ['GET', '/api/mijn/export', true],
      ['GET', '/api/mijn/access-log/export', true],
      ['GET', '/api/mijn/complaints/:id/letter', true],
      ['GET', '/api/console/log/export-ldv', true],
      ['GET', '/api/console/report/council.csv', true],
      ['GET', '/api/console/report/council.pdf', true],
      ['GET', '/api/console/register/export', true],
      ['GET', '/api/involuntary/:id/notice.pdf', true],
      ['GET', '/api/mijn/file', false],
      ['GET', '/api/mijn/access-log', false],
      ['GET', '/api/households/:id', false],
      ['HEAD', '/api/mijn/export', true],
      ['POST', '/api/mijn/export', false],
      ['GET', '/api/exporters', false],
    ];
    for (const [method, url, expected] of table) expect([method, url, isDownload(method, url)]).toEqual([method, url, expected]);
  });
});

describe('the app with one download at a time and none waiting', () => {
  let rw: ResidentsWorld;
  beforeAll(async () => {
    rw = await residentsWorld({ DOWNLOADS_AT_ONCE: '1', DOWNLOADS_WAITING: '0' });
  });
  afterAll(async () => rw?.close());

  it('answers a burst of exports with 200 or 503 SERVICE.UNAVAILABLE + Retry-After; a refused one read and logged nothing; pages never wait', async () => {
    const one = async () => rw.call('resident:adult', 'GET', '/api/mijn/export?format=json');
    const before = await rw.count('processing_log');
    expect((await one()).status).toBe(200);
    const perExport = (await rw.count('processing_log')) - before;
    expect(perExport).toBeGreaterThan(0);

    const start = await rw.count('processing_log');
    const burst = await Promise.all([one(), one(), one(), one(), one(), one(), rw.call('resident:adult', 'GET', '/api/mijn/file')]);
    const exports = burst.slice(0, 6);
    const ok = exports.filter((r) => r.status === 200);
    const refused = exports.filter((r) => r.status === 503);
    expect(ok.length + refused.length).toBe(6);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      expect(r.body).toEqual({ error: { code: 'SERVICE.UNAVAILABLE', message: expect.any(String) } });
      expect(r.headers['retry-after']).toBe('5');
    }
    // The page in the same burst is served, not limited.
    expect(burst[6]!.status).toBe(200);
    const pageEntries = (await rw.count('processing_log')) - start - ok.length * perExport;
    // Only the served exports (and the page) wrote log entries: a refused one never reached the gate.
    const alone = await rw.count('processing_log');
    expect((await rw.call('resident:adult', 'GET', '/api/mijn/file')).status).toBe(200);
    expect(pageEntries).toBe((await rw.count('processing_log')) - alone);

    // The slot is free again afterwards, also after a refused or failed export.
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/export?format=json&subject=${rw.residents.older}`)).status).toBe(404);
    expect((await one()).status).toBe(200);
  });

  it('limits HEAD like GET: a burst gets 200 or 503', async () => {
    const burst = await Promise.all(Array.from({ length: 6 }, () => rw.call('resident:adult', 'HEAD' as 'GET', '/api/mijn/export?format=json')));
    const statuses = burst.map((r) => r.status);
    expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
  });
});

describe('the app with one download at a time and ten waiting', () => {
  let rw: ResidentsWorld;
  beforeAll(async () => {
    rw = await residentsWorld({ DOWNLOADS_AT_ONCE: '1', DOWNLOADS_WAITING: '10' });
  });
  afterAll(async () => rw?.close());

  it('a HEAD of a download takes one slot, not two (Fastify answers HEAD with the GET handler)', async () => {
    const head = await Promise.race([
      rw.call('resident:adult', 'HEAD' as 'GET', '/api/mijn/export?format=json'),
      new Promise<{ status: number }>((r) => setTimeout(() => r({ status: -1 }), 20_000)),
    ]);
    expect(head.status).toBe(200);
    expect((await rw.call('resident:adult', 'GET', '/api/mijn/export?format=json')).status).toBe(200);
  });

  it('serves a burst of six exports in turn, all 200', async () => {
    const burst = await Promise.all(Array.from({ length: 6 }, () => rw.call('resident:adult', 'GET', '/api/mijn/export?format=json')));
    expect(burst.map((r) => r.status)).toEqual(Array(6).fill(200));
  });
});
