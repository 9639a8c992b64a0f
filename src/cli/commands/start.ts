import cluster from 'node:cluster';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { isEmptyDatabase, openStore, seedMunicipality, type Store } from '../../data/index.ts';
import { buildApp } from '../../server/app.ts';
import { publicUrl } from '../../server/auth/cookies.ts';
import type { DevIdp } from '../../dev-idp/index.ts';
import { runPrimary } from './cluster.ts';

function listenUrl(config: Config): string {
  return config.http.publicUrl ?? `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
}

/** Serve HTTP in this process until SIGINT/SIGTERM: one process, or one worker of several (cluster). */
async function serve(config: Config, opened?: Store, onClosed: () => Promise<void> = async () => {}): Promise<void> {
  const store = opened ?? (await openStore(config, { keyring: loadKeyring(config), migrate: false }));
  const app = await buildApp({ config, store });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await store.close();
    await onClosed();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // A worker whose primary is gone (killed, crashed) gets no more connections: it stops too.
  if (cluster.isWorker) process.once('disconnect', shutdown);
  await app.listen({ host: config.http.host, port: config.http.port });
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Run the platform: migrate, load the demo municipality on first start (--demo), serve HTTP')
    .option('--demo', 'seed the demo municipality with its personas when the database is empty')
    .option('--workers <n>', 'HTTP worker processes sharing the port (PostgreSQL only; default: WORKERS, or 1)')
    .action(async (opts: { demo?: boolean; workers?: string }) => {
      let config = loadConfig(opts.workers === undefined ? process.env : { ...process.env, WORKERS: opts.workers });
      if (cluster.isWorker) {
        // A worker of `start --workers N`: the primary has migrated, seeded and started the development
        // IdP (its issuer and clients arrive in the environment); this process only serves.
        await serve(config);
        return;
      }
      // No staff IdP configured outside production: the embedded development IdP with the demo
      // personas (docs/sign-in.md). In production the config already refused to load without one.
      let devIdp: DevIdp | undefined;
      if (!config.staffOidc.issuer && config.env !== 'production') {
        const { startDevIdp, withDevIdp } = await import('../../dev-idp/index.ts');
        const port = config.devIdp.port ?? (config.http.port === 0 ? 0 : config.http.port + 1);
        devIdp = await startDevIdp({ env: config.env, host: config.http.host, port, appUrl: publicUrl(config) });
        config = withDevIdp(config, devIdp);
      }
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      if (opts.demo && (await isEmptyDatabase(store))) {
        const t0 = performance.now();
        const summary = await seedMunicipality(store, { residents: config.demo.residents, seed: config.demo.seed });
        console.log(`Demo municipality loaded: ${summary.residents} residents in ${((performance.now() - t0) / 1000).toFixed(1)} s (demo personas: docs/demo-personas.md)`);
      }
      const where = `database: ${store.kind}${opts.demo ? ', demo' : ''}`;
      if (config.http.workers > 1) {
        await store.close();
        await runPrimary(config, devIdp);
        console.log(`Zorgvuldig is running on ${listenUrl(config)} (${where}, ${config.http.workers} workers)`);
      } else {
        await serve(config, store, async () => devIdp?.close());
        console.log(`Zorgvuldig is running on ${listenUrl(config)} (${where})`);
      }
      if (devIdp) {
        console.log(`Sign in: open ${listenUrl(config)} and choose "Inloggen als medewerker" or "Inloggen met DigiD (inwoner)";`);
        console.log(`the development IdP at ${devIdp.issuer} lists the demo personas (no password). Never used in production.`);
      }
    });
}
