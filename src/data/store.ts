/**
 * The Store: one per process. It owns the database and the keyring and is the factory of gate-bound
 * repositories (src/data/repository). Nothing outside src/data receives the database handle: the
 * handle lives in a module-private WeakMap that only src/data modules can read (storeInternals).
 */
import { sql } from 'kysely';
import type { Config, DatabaseKind } from '../config/config.ts';
import type { Keyring } from '../core/crypto/keyring.ts';
import { openDatabase, type Database } from './db.ts';
import { migrateToLatest } from './migrate.ts';

export interface StoreOptions {
  keyring: Keyring;
  /** Run pending migrations first (as the owner role). */
  migrate?: boolean;
  poolSize?: number;
  /** An already opened PGlite (tests load a migrated template into memory). */
  pglite?: import('@electric-sql/pglite').PGlite;
}

export interface Store {
  readonly kind: DatabaseKind;
  readonly config: Config;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreInternals {
  database: Database;
  keyring: Keyring;
  config: Config;
}

const internals = new WeakMap<Store, StoreInternals>();

/** For src/data modules only (the dependency rule keeps src/server and src/cli away from this file). */
export function storeInternals(store: Store): StoreInternals {
  const i = internals.get(store);
  if (!i) throw new Error('not a store');
  return i;
}

export async function openStore(config: Config, opts: StoreOptions): Promise<Store> {
  if (opts.migrate && config.database.kind === 'postgresql') {
    const owner = await openDatabase(config, { mode: 'owner', poolSize: 1 });
    try {
      await migrateToLatest(owner.db, config.database.appRole);
    } finally {
      await owner.close();
    }
  }
  const database = await openDatabase(config, { mode: 'app', poolSize: opts.poolSize, pglite: opts.pglite });
  if (opts.migrate && config.database.kind === 'pglite') await migrateToLatest(database.db, config.database.appRole);
  const store: Store = {
    kind: database.kind,
    config,
    async ping() {
      try {
        await sql`select 1`.execute(database.db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => database.close(),
  };
  internals.set(store, { database, keyring: opts.keyring, config });
  return store;
}
