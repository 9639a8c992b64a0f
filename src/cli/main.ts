/**
 * The `zorgvuldig` command line. Each command has --help; later capabilities add commands here.
 */
import { Command, CommanderError } from 'commander';
import { registerStart } from './commands/start.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerOpenapi } from './commands/openapi.ts';
import { registerLog } from './commands/log.ts';
import { registerKeys } from './commands/keys.ts';
import { registerSeed } from './commands/seed.ts';
import { registerRetention } from './commands/retention.ts';
import { registerReport } from './commands/report.ts';
import { registerRegister } from './commands/register.ts';

const program = new Command();
program
  .name('zorgvuldig')
  .description('Privacy-by-design regie platform for the social domain (see README.md)')
  .showHelpAfterError()
  .exitOverride();

registerStart(program);
registerMigrate(program);
registerOpenapi(program);
registerLog(program);
registerKeys(program);
registerSeed(program);
registerRetention(program);
registerReport(program);
registerRegister(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  // Print the class and message of configuration/usage errors; never dump objects that may hold data.
  console.error(`zorgvuldig: ${err instanceof Error ? `${err.name}: ${err.message}` : 'failed'}`);
  process.exit(1);
}
