/**
 * A fresh, migrated, isolated Store for one test file, on PGlite (default) or on PostgreSQL when
 * DATABASE_URL is set — the same test files run on both (research/stack.md gotcha 9).
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { openStore, type Store } from '../../src/data/index.ts';
import { openPglite } from '../../src/data/db.ts';
import { TEMPLATE_DB, TEMPLATE_FILE, adminUrl } from './paths.ts';

export interface TestStore {
  store: Store;
  config: Config;
  keyring: Keyring;
  /** Owner-level SQL for test set-up and tamper tests (never available to application code). */
  ownerSql(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** A second store on the same database with another keyring (key rotation); closed with the first. */
  withKeyring(keyring: Keyring): Promise<Store>;
  close(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** A PostgreSQL database of its own, copied from this run's migrated template; `drop()` removes it. */
export async function databaseFromTemplate(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function createTestStore(env: Record<string, string> = {}, material = Keyring.generateMaterial()): Promise<TestStore> {
  const keyring = new Keyring(material);
  const extra: Store[] = [];
  if (process.env.DATABASE_URL) {
    const db = await databaseFromTemplate('zv_t');
    const url = new URL(db.url);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url.toString(), ...env });
    const store = await openStore(config, { keyring, poolSize: 4 });
    const owner = new pg.Pool({ connectionString: url.toString(), max: 1 });
    // pool.end() resolves before its client's socket has closed; the `drop database … with (force)` in
    // close() can then terminate that backend (57P01) and the ending client emits 'error'. Expected: ignore.
    owner.on('error', () => {});
    owner.on('connect', (client) => client.on('error', () => {}));
    return {
      store,
      config,
      keyring,
      ownerSql: async (text, params) => (await owner.query(text, params as unknown[])).rows,
      async withKeyring(k) {
        const s2 = await openStore(config, { keyring: k, poolSize: 2 });
        extra.push(s2);
        return s2;
      },
      async close() {
        for (const s2 of extra) await s2.close();
        await store.close();
        await owner.end();
        await db.drop();
      },
    };
  }
  const blob = new Blob([readFileSync(TEMPLATE_FILE)]);
  const pglite = await openPglite(undefined, blob);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: '', ...env });
  const store = await openStore(config, { keyring, pglite });
  return {
    store,
    config,
    keyring,
    ownerSql: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params as unknown[])).rows,
    // A second Kysely over the same PGlite; it is not closed separately (closing would close the PGlite).
    withKeyring: (k) => openStore(config, { keyring: k, pglite }),
    close: () => store.close(),
  };
}
