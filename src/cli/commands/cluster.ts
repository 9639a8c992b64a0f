/**
 * `zorgvuldig start --workers N` (or WORKERS=N): N worker processes share the HTTP port (node:cluster),
 * so that a machine's cores all serve requests; one Node.js process uses one core. The primary migrates,
 * loads the demo data and runs the development IdP before it forks (src/cli/commands/start.ts); each
 * worker opens its own connection pool and takes its own processing-log chains (the chain leases are
 * per process, as for several machines). The background jobs run in every worker: they are idempotent
 * and safe side by side, as they must be when several machines serve one database.
 *
 * Resilience: a worker that dies (a crash, an out-of-memory kill) is replaced at once, while the others
 * go on serving; a worker whose primary is gone stops. More than RESTARTS_PER_WINDOW deaths within a
 * minute is not a passing fault: the primary stops everything and exits with an error, so that the
 * service manager (systemd, Kubernetes) sees it. SIGINT/SIGTERM stop the workers gracefully first.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../../config/config.ts';
import type { DevIdp } from '../../dev-idp/index.ts';

const RESTART_WINDOW_MS = 60_000;
const RESTARTS_PER_WINDOW = 10;
const STOP_GRACE_MS = 15_000;

/** Fork `config.http.workers` workers; resolves once every one of them listens. */
export async function runPrimary(config: Config, devIdp?: DevIdp): Promise<void> {
  const env: Record<string, string> = { WORKERS: String(config.http.workers) };
  if (devIdp) {
    // The workers use the primary's development IdP (its clients are made at its start).
    Object.assign(env, {
      STAFF_OIDC_ISSUER: config.staffOidc.issuer!,
      STAFF_OIDC_CLIENT_ID: config.staffOidc.clientId!,
      STAFF_OIDC_CLIENT_SECRET: config.staffOidc.clientSecret!,
      RESIDENT_OIDC_ISSUER: config.residentOidc.issuer!,
      RESIDENT_OIDC_CLIENT_ID: config.residentOidc.clientId!,
      RESIDENT_OIDC_CLIENT_SECRET: config.residentOidc.clientSecret!,
    });
  }
  let stopping = false;
  let started = false;
  const deaths: number[] = [];

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => w.process.kill('SIGKILL'), STOP_GRACE_MS);
            w.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await devIdp?.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  await new Promise<void>((resolve) => {
    const listening = new Set<number>();
    cluster.on('listening', (worker) => {
      listening.add(worker.id);
      if (!started && listening.size >= config.http.workers) {
        started = true;
        resolve();
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      const how = signal ?? `exit code ${code}`;
      if (!started) {
        // A worker that cannot start (a bad configuration, the database unreachable) will not start on a
        // second try either: stop, and say so (the worker has printed its own error).
        console.error(`A worker ended before it listened (${how}); stopping.`);
        void stop(1);
        return;
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && deaths[0]! < now - RESTART_WINDOW_MS) deaths.shift();
      if (deaths.length > RESTARTS_PER_WINDOW) {
        console.error(`Workers ended ${deaths.length} times within a minute (last: ${how}); stopping.`);
        void stop(1);
        return;
      }
      console.error(`Worker ${worker.process.pid} ended (${how}); starting another.`);
      cluster.fork(env);
    });
    for (let i = 0; i < config.http.workers; i++) cluster.fork(env);
  });
}
