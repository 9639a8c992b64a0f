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
import { ChainLeases, ensureChains } from './log/writer.ts';
import { PolicyStore } from './gate/policy-store.ts';
import { GateSession, type GateEnv, type GateRequest } from './gate/session.ts';
import { Repository } from './repository/index.ts';
import { loadReferenceData } from './reference.ts';

export interface StoreOptions {
  keyring: Keyring;
  /** Run pending migrations first (as the owner role). */
  migrate?: boolean;
  poolSize?: number;
  /** Load the policy in force at open (default true); false for tools that load reference data first. */
  loadPolicy?: boolean;
  /** An already opened PGlite (tests load a migrated template into memory). */
  pglite?: import('@electric-sql/pglite').PGlite;
}

export { storeInternals, type Store, type StoreInternals } from './store-internals.ts';
import { registerStore, type Store } from './store-internals.ts';

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
  await ensureChains(database.db, config.log.chains);
  const policy = new PolicyStore(database.db);
  const gateEnv: GateEnv = {
    database,
    keyring: opts.keyring,
    policy: () => policy.policy(),
    chains: config.log.chains,
    leases: new ChainLeases(config.log.chains),
    activityId: (code) => policy.activityId(code),
  };
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
    repository: (request) => new Repository(new GateSession(gateEnv, request)),
    reloadPolicy: async () => (await policy.reload()).version,
  };
  registerStore(store, { database, keyring: opts.keyring, config, policy, gateEnv });
  // The shipped rules catalogue (rules/) and the register derived from it are loaded by migrate/start,
  // and into any database that has none yet.
  const hasCatalogue = await database.db.selectFrom('rule_catalogue').select('version').limit(1).executeTakeFirst();
  if (opts.migrate || !hasCatalogue) await loadReferenceData(store);
  if (opts.loadPolicy !== false) await policy.reload();
  return store;
}
