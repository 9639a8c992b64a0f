/**
 * Load key material from ZORGVULDIG_KEYS (JSON) or ZORGVULDIG_KEYS_FILE. In development and test,
 * when neither is set, a key file is created once in DATA_DIR (mode 0600) so that `npm start` needs
 * no setup; production refuses to start without configured keys (config.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring, type KeyMaterial } from '../core/crypto/keyring.ts';
import type { Config } from './config.ts';

export function loadKeyMaterial(config: Config): KeyMaterial {
  if (config.keys.json) return JSON.parse(config.keys.json) as KeyMaterial;
  const file = config.keys.file ?? join(config.database.dataDir, 'keys.json');
  if (!existsSync(file)) {
    if (config.env === 'production') throw new Error('key file not found');
    mkdirSync(config.database.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(Keyring.generateMaterial(), null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as KeyMaterial;
}

export function loadKeyring(config: Config): Keyring {
  return new Keyring(loadKeyMaterial(config));
}
