/**
 * The server's background jobs (the console's activation of approved changes, the matching job): each
 * runs at start-up and every `intervalMs`, never two runs of one job at once, and a run in flight is
 * awaited when the server closes (so the store is not closed under it). A failure is logged by its
 * error's name only — a job's error may carry personal data — and the next tick tries again.
 */
import type { FastifyInstance } from 'fastify';

export function scheduleJob(app: FastifyInstance, what: string, intervalMs: number, run: () => Promise<unknown>): void {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = run()
      .then(
        () => undefined,
        (err: unknown) => void app.log.warn({ err: err instanceof Error ? err.name : 'error' }, `${what} failed`),
      )
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    tick();
    timer = setInterval(tick, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
