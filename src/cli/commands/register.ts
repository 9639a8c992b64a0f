/**
 * `zorgvuldig register export` (issue 7 item 1): the register of processing activities (AVG art. 30)
 * with every version, as JSON (the LDV register shape) or CSV. Runs under the system context 'jobs'.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { registerCsv, registerExport } from '../../core/accountability/register-export.ts';
import { openStore, registerAsSystem } from '../../data/index.ts';

export function registerRegister(program: Command): void {
  const register = program.command('register').description('The register of processing activities (AVG art. 30)');
  register
    .command('export')
    .description('Export every processing activity with all its versions')
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { format: 'json' | 'csv'; out?: string }) => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      try {
        const reg = await registerAsSystem(store);
        const text = opts.format === 'csv' ? registerCsv(reg.activities) : `${JSON.stringify(registerExport(reg.activities, { controller: reg.controller, generatedAt: new Date(), catalogueVersion: reg.catalogueVersion }), null, 2)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, text);
          console.error(`register (${reg.activities.length} activities, catalogue ${reg.catalogueVersion}) written to ${opts.out}`);
        } else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
