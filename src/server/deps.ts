/** What the composition root hands to every module. */
import type { Config } from '../config/config.ts';
import type { Store } from '../data/index.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  /** The clock, injectable so tests can move time (involvement validity, session expiry, deadlines). */
  now?: () => Date;
}
