import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { openStore, rotateKeys, countOldCiphertexts } from '../../data/index.ts';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Field-encryption keys (AES-256-GCM with key versions)');
  keys
    .command('status')
    .description('Show the current data-key version and how many ciphertexts still use older versions')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      const s = await countOldCiphertexts(store);
      await store.close();
      console.log(`current data-key version ${s.current}; ciphertexts under older versions: ${s.total}`);
    });
  keys
    .command('rotate')
    .description('Re-encrypt every field under the newest data key (add the new version to the key configuration first, or use --add-key with a key file)')
    .option('--add-key', 'add a new data-key version to the key file (ZORGVULDIG_KEYS_FILE or DATA_DIR/keys.json) before re-encrypting')
    .action(async (opts: { addKey?: boolean }) => {
      const config = loadConfig();
      if (opts.addKey) {
        if (config.keys.json) throw new Error('--add-key works with a key file; with ZORGVULDIG_KEYS add the new version to the variable');
        const file = config.keys.file ?? join(config.database.dataDir, 'keys.json');
        if (!existsSync(file)) loadKeyring(config);
        const material = JSON.parse(readFileSync(file, 'utf8')) as { data: Record<string, string> };
        const next = Math.max(...Object.keys(material.data).map(Number)) + 1;
        material.data[String(next)] = randomBytes(32).toString('base64');
        writeFileSync(file, JSON.stringify(material, null, 2), { mode: 0o600 });
        console.log(`added data-key version ${next} to ${file}`);
      }
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'rotate [{bar}] {value}/{total} fields' }, cliProgress.Presets.shades_classic) : null;
      let started = false;
      const result = await rotateKeys(store, (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      });
      bar?.stop();
      await store.close();
      console.log(`re-encrypted ${result.residents} BSNs and ${result.dataItems} data items under key version ${result.currentVersion}; ${result.remainingOld} left under older versions`);
      process.exitCode = result.remainingOld === 0 ? 0 : 1;
    });
}
