import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { openStore } from '../../data/index.ts';
import { buildApp } from '../../server/app.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Run the platform: migrate, load the demo municipality on first start (--demo), serve HTTP')
    .option('--demo', 'seed the demo municipality with its personas when the database is empty')
    .action(async (opts: { demo?: boolean }) => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      const app = await buildApp({ config, store });
      const shutdown = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ host: config.http.host, port: config.http.port });
      const url = config.http.publicUrl ?? `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
      console.log(`Zorgvuldig is running on ${url} (database: ${store.kind}${opts.demo ? ', demo' : ''})`);
    });
}
