/**
 * One process of the bulk log fill (bench/scale/log.ts fillLogParallel): appends FILL_COUNT entries
 * through the real writer, numbered from FILL_OFFSET, to the database of DATABASE_URL with the keys of
 * ZORGVULDIG_KEYS_FILE. Several run side by side: chains are taken with SKIP LOCKED, so they never wait
 * for each other, and hashing runs on more than one core.
 */
import { loadConfig } from '../../src/config/config.ts';
import { loadKeyring } from '../../src/config/keys.ts';
import { openStore } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { appendEntries } from '../../src/data/log/writer.ts';
import { logWorld, makeEntry } from './log.ts';

const count = Number(process.env.FILL_COUNT);
const offset = Number(process.env.FILL_OFFSET);
const config = loadConfig();
const keyring = loadKeyring(config);
const store = await openStore(config, { keyring, poolSize: 2 });
const { database, gateEnv } = storeInternals(store);
const world = await logWorld(database.db, (c) => gateEnv.activityId(c));
const now = Date.now();
const batch = 2000;
let done = 0;
let next = 0;
await Promise.all(
  Array.from({ length: 2 }, async () => {
    while (next < count) {
      const from = next;
      const size = Math.min(batch, count - from);
      next += size;
      const entries = Array.from({ length: size }, (_, k) => makeEntry(world, keyring, offset + from + k, now));
      await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, config.log.chains, entries));
      done += size;
      if (done % 100_000 < batch) process.stdout.write(`${done}\n`);
    }
  }),
);
await store.close();
