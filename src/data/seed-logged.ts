/**
 * Seeding is system work and is logged like everyone else (issue 3 item 5): every batch of the seed
 * loader appends, in its own transaction, one processing-log entry per resident (with every category
 * written for them) under the named system context 'seed'. This wrapper is what the CLI and
 * `start --demo` use.
 */
import { systemLogHook } from './gate/system-log.ts';
import { seedMunicipality as seedUnlogged, type SeedOptions, type SeedSummary } from './seed/index.ts';
import type { Store } from './store-internals.ts';

export function seedMunicipality(store: Store, opts: SeedOptions): Promise<SeedSummary> {
  if (opts.onBatch) return seedUnlogged(store, opts);
  const hook = systemLogHook(store, 'seed');
  return seedUnlogged(store, { ...opts, onBatch: hook.record, onBatchEnd: hook.flush });
}
