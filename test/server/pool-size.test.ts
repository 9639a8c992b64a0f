/**
 * DATABASE_POOL_SIZE: the connections to PostgreSQL one process holds (issue 8). Every request holds one
 * for its transaction, so the pool bounds how many transactions of a process run at once; the setting is
 * checked when the configuration loads, and on PostgreSQL the store keeps to it.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ConfigError, POOL_SIZE_DEFAULT, loadConfig } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { openStore, type Store } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { databaseFromTemplate, onPostgres } from '../support/store.ts';

describe('DATABASE_POOL_SIZE', () => {
  it('defaults to POOL_SIZE_DEFAULT, takes 1 to 200, and refuses anything else naming the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).database.poolSize).toBe(POOL_SIZE_DEFAULT);
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: '3' }).database.poolSize).toBe(3);
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: '200' }).database.poolSize).toBe(200);
    for (const bad of ['0', '201', '2.5', 'many', '-1']) {
      expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: bad }), bad).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  // Defined only on PostgreSQL (the embedded database has no pool), so nothing is reported as skipped.
  if (onPostgres) describe('on PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof databaseFromTemplate>> | null = null;
    let store: Store | null = null;
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it('a store opened with a pool of 2 runs at most two statements at once', async () => {
      database = await databaseFromTemplate('zv_pool');
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '2' });
      store = await openStore(config, { keyring: new Keyring(Keyring.generateMaterial()) });
      const { db } = storeInternals(store).database;
      const t0 = performance.now();
      // Six statements of 0.25 s: two at a time they take at least three turns (a pool of ten: one).
      await Promise.all(Array.from({ length: 6 }, () => sql`select pg_sleep(0.25)`.execute(db)));
      expect(performance.now() - t0).toBeGreaterThanOrEqual(700);
    });
  });
});
