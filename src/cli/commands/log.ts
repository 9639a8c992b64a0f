import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { openStore, recordVerificationAsSystem, verifyProcessingLog, writeCheckpoint } from '../../data/index.ts';

export function registerLog(program: Command): void {
  const log = program.command('log').description('The processing log (R6): verify its integrity, write signed checkpoints');
  log
    .command('verify')
    .description('Recompute every hash chain and checkpoint; exit 0 with the count and heads when intact, 1 naming the first bad entry')
    .option('--json', 'print the result as JSON')
    .option('--no-progress', 'no progress bar')
    .option('--no-record', 'do not record the result in the console\'s verification history (log_verification)')
    .action(async (opts: { json?: boolean; progress?: boolean; record?: boolean }) => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      const bar = opts.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'verify [{bar}] {value}/{total} entries' }, cliProgress.Presets.shades_classic) : null;
      let started = false;
      const startedAt = new Date();
      const result = await verifyProcessingLog(store, (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      });
      bar?.stop();
      // The result joins the console's integrity history (BIO2 8.15.05), like a run from the console.
      if (opts.record !== false) await recordVerificationAsSystem(store, result, startedAt, new Date());
      await store.close();
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else if (result.ok) {
        const rate = result.seconds > 0 ? Math.round(result.entries / result.seconds) : result.entries;
        console.log(`log intact: ${result.entries} entries in ${result.chains} chains, ${result.checkpoints} checkpoints verified (${rate} entries/s${result.threads > 0 ? `, ${result.threads} worker threads` : ''})`);
        for (const h of result.heads.filter((x) => x.seq > 0)) console.log(`  chain ${h.chainId}: seq ${h.seq} head ${h.hash}`);
      } else {
        const f = result.failure!;
        console.error(`log NOT intact: first bad entry chain ${f.chainId} seq ${f.seq}${f.logId !== null ? ` (id ${f.logId})` : ''}: ${f.reason}`);
      }
      process.exitCode = result.ok ? 0 : 1;
    });
  log
    .command('checkpoint')
    .description('Write a signed checkpoint (Merkle root over all chain heads)')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      const cp = await writeCheckpoint(store);
      await store.close();
      console.log(`checkpoint ${cp.id}: ${cp.entries} entries, root ${cp.root}`);
    });
}
