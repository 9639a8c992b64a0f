import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { isEmptyDatabase, openStore, seedMunicipality } from '../../data/index.ts';
import { buildApp } from '../../server/app.ts';
import { publicUrl } from '../../server/auth/cookies.ts';
import type { DevIdp } from '../../dev-idp/index.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Run the platform: migrate, load the demo municipality on first start (--demo), serve HTTP')
    .option('--demo', 'seed the demo municipality with its personas when the database is empty')
    .action(async (opts: { demo?: boolean }) => {
      let config = loadConfig();
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
      const app = await buildApp({ config, store });
      const shutdown = async () => {
        await app.close();
        await store.close();
        await devIdp?.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ host: config.http.host, port: config.http.port });
      const url = config.http.publicUrl ?? `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
      console.log(`Zorgvuldig is running on ${url} (database: ${store.kind}${opts.demo ? ', demo' : ''})`);
      if (devIdp) {
        console.log(`Sign in: open ${url} and choose "Inloggen als medewerker" or "Inloggen met DigiD (inwoner)";`);
        console.log(`the development IdP at ${devIdp.issuer} lists the demo personas (no password). Never used in production.`);
      }
    });
}
