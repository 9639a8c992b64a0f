/** Build the real app on a fresh test store. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { createTestStore, type TestStore } from './store.ts';

export interface TestApp extends TestStore {
  app: FastifyInstance;
  /** Move the app's clock (involvement validity, session expiry, deadlines). */
  setNow(d: Date | null): void;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const ts = await createTestStore(env);
  let fixed: Date | null = null;
  const app = await buildApp({ config: ts.config, store: ts.store, now: () => fixed ?? new Date() });
  await app.ready();
  return {
    ...ts,
    app,
    setNow: (d) => {
      fixed = d;
    },
    async close() {
      await app.close();
      await ts.close();
    },
  };
}
