/**
 * `zorgvuldig retention run` (issue 7 item 5): a dry-run report first. Without a report that an
 * archivist signed off in the console (/toezicht/bewaartermijnen), it makes one and destroys nothing.
 * With a signed-off report it destroys what the report lists and is still due — never what is under a
 * legal hold — with a progress bar. Runs under the system context 'retention'; every destroyed file
 * leaves a processing-log entry per data subject, not the data.
 */
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { executeRetentionRun, latestRetentionRun, openStore, retentionDryRun, systemRequest, type RetentionRunView } from '../../data/index.ts';

function uuid(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new InvalidArgumentError('expected a run id (uuid)');
  return value.toLowerCase();
}

function printSummary(run: RetentionRunView): void {
  const s = run.summary;
  console.log(`retention run ${run.id} (${run.status}) as of ${s.asOf}, rules catalogue ${s.catalogueVersion}`);
  console.log(`  files past their retention date: ${s.candidates} in ${s.households} households; under a legal hold: ${s.held}`);
  for (const [cls, n] of Object.entries(s.perClass).sort()) console.log(`  ${cls.padEnd(22)} ${String(n).padStart(7)}`);
  if (s.oldestDue) console.log(`  oldest due date: ${s.oldestDue}`);
}

export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('Retention (Selectielijst 2020 and sector laws): dry-run reports, and destruction after an archivist\'s sign-off');
  retention
    .command('run')
    .description('Destroy what a signed-off dry-run report lists; without one, make the dry-run report first (nothing is destroyed)')
    .option('--dry-run', 'only make a dry-run report for an archivist to sign off')
    .option('--run <id>', 'execute this signed-off run (default: the newest one)', uuid)
    .option('--json', 'print the run as JSON')
    .option('--no-progress', 'no progress bar')
    .action(async (opts: { dryRun?: boolean; run?: string; json?: boolean; progress?: boolean }) => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      try {
        const latest = opts.run ? null : await latestRetentionRun(store);
        if (opts.dryRun || (!opts.run && latest?.status !== 'signed_off')) {
          const run = await retentionDryRun(store, systemRequest('retention'));
          if (opts.json) console.log(JSON.stringify(run, null, 2));
          else {
            printSummary(run);
            console.log('Nothing was destroyed. An archivist signs this report off in the console (/toezicht/bewaartermijnen); then run `zorgvuldig retention run` again.');
          }
          // 2: a report was made and waits for a sign-off (nothing destroyed); scripts can tell it from 0.
          process.exitCode = opts.dryRun ? 0 : 2;
          return;
        }
        const id = opts.run ?? latest!.id;
        const bar = opts.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'destroy [{bar}] {value}/{total} files', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
        let started = false;
        const done = await executeRetentionRun(store, systemRequest('retention'), id, (n, total) => {
          if (!bar) return;
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(n);
        });
        bar?.stop();
        if (opts.json) console.log(JSON.stringify(done, null, 2));
        else {
          const r = done.result!;
          console.log(`retention run ${done.id} executed: ${r.destroyed} files destroyed, ${r.households} households and ${r.residents} residents with them`);
          console.log(`  kept: ${r.keptHold} under a legal hold, ${r.keptNotDue} no longer due, ${r.keptError} still referenced`);
          for (const [why, n] of Object.entries(r.reasons)) console.log(`    ${why}: ${n}`);
          console.log('Every destroyed file left a processing-log entry per data subject (system:retention); the log itself is unchanged.');
        }
      } finally {
        await store.close();
      }
    });
}
