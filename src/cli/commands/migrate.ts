import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { openStore } from '../../data/index.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (forward-only, numbered) to PGlite or PostgreSQL')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      await store.close();
      console.log(`migrations applied (${store.kind})`);
    });
}
