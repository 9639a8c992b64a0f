import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { openStore } from '../../data/index.ts';
import { buildApp } from '../../server/app.ts';

export const OPENAPI_PATH = 'docs/openapi.json';

export function registerOpenapi(program: Command): void {
  program
    .command('openapi')
    .description(`Print the OpenAPI 3.1 document generated from the route schemas, or write it to ${OPENAPI_PATH}`)
    .option('--write', `write ${OPENAPI_PATH}`)
    .option('--check', `exit 1 when ${OPENAPI_PATH} differs from the generated document`)
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: '', DATA_DIR: '.tmp/openapi-db' });
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      const app = await buildApp({ config, store });
      await app.ready();
      const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
      await app.close();
      await store.close();
      if (opts.write) writeFileSync(OPENAPI_PATH, doc);
      else if (opts.check) {
        const committed = readFileSync(OPENAPI_PATH, 'utf8');
        if (committed !== doc) {
          console.error(`${OPENAPI_PATH} is out of date: run npm run openapi`);
          process.exit(1);
        }
      } else process.stdout.write(doc);
    });
}
