import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config/config.ts';
import { Keyring } from '../src/core/crypto/keyring.ts';
import { openStore, verifyProcessingLog } from '../src/data/index.ts';
const material = JSON.parse(readFileSync('scratch/verify-keys.json', 'utf8'));
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/zv_scratch_verify` });
const store = await openStore(config, { keyring: new Keyring(material), migrate: false });
const threads = process.env.THREADS === undefined ? {} : { threads: Number(process.env.THREADS) };
for (let i = 0; i < 3; i++) { const r = await verifyProcessingLog(store, undefined, threads); console.log(r.ok, r.entries, Math.round(r.entries / r.seconds), r.threads); }
await store.close();
