/**
 * The Store's shape and its private internals (the database handle, keyring, policy), in a module of
 * their own so that data-layer modules can reach the internals without importing store.ts.
 */
import type { Config, DatabaseKind } from '../config/config.ts';
import type { Keyring } from '../core/crypto/keyring.ts';
import type { Database } from './db.ts';
import type { PolicyStore } from './gate/policy-store.ts';
import type { GateEnv, GateRequest } from './gate/session.ts';
import type { Repository } from './repository/index.ts';

export interface Store {
  readonly kind: DatabaseKind;
  readonly config: Config;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The gate-bound repository for one request: the only way from a route to personal data. */
  repository(request: GateRequest): Repository;
  /** Re-read the rules catalogue and the register in force (after a new version takes effect). */
  reloadPolicy(): Promise<string>;
}

export interface StoreInternals {
  database: Database;
  keyring: Keyring;
  config: Config;
  policy: PolicyStore;
  gateEnv: GateEnv;
}

const internals = new WeakMap<Store, StoreInternals>();

export function registerStore(store: Store, i: StoreInternals): void {
  internals.set(store, i);
}

/** For src/data modules only (the dependency rule keeps src/server and src/cli away from this file). */
export function storeInternals(store: Store): StoreInternals {
  const i = internals.get(store);
  if (!i) throw new Error('not a store');
  return i;
}

