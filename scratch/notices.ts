import { readFileSync } from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { Keyring } from '../src/core/crypto/keyring.ts';
import { newTrace, openStore } from '../src/data/index.ts';
import { storeInternals } from '../src/data/store-internals.ts';
const state = JSON.parse(readFileSync('.tmp/scale-zv_scale_160000.json', 'utf8'));
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zv_scale_160000' });
const store = await openStore(config, { keyring: new Keyring(state.keys), migrate: false });
const { database } = storeInternals(store);
const rows = (await sql<{ id: string; organisation_id: string; n: number }>`select p.id, p.organisation_id, count(distinct i.household_id)::int n from involvement i join professional p on p.id = i.professional_id where i.valid_until is null group by 1,2 order by n desc limit 3`.execute(database.db)).rows;
const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
const original = proto.query;
const times = new Map<string, number[]>();
proto.query = function (this: unknown, ...a: unknown[]) {
  const t0 = performance.now();
  const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text: string }).text;
  const k = String(text).replace(/\s+/g, ' ').slice(0, 90);
  const r = original.apply(this, a) as Promise<unknown>;
  return r.then((x) => { const e = times.get(k) ?? [0, 0]; e[0]++; e[1] += performance.now() - t0; times.set(k, e); return x; });
};
for (const p of rows) {
  const actor = { kind: 'professional' as const, id: p.id, organisationId: p.organisation_id, roles: ['professional' as const], displayName: 'x' };
  for (const what of ['notices', 'caseload'] as const) {
    for (let i = 0; i < 3; i++) {
      const repo = store.repository({ actor, trace: newTrace(), now: new Date() });
      const t0 = performance.now();
      const r = what === 'notices' ? await repo.work.notices() : await repo.caseload();
      console.log(p.n, what, (performance.now() - t0).toFixed(1), 'ms', Array.isArray(r) ? r.length : r.households.length);
    }
  }
}
for (const [k, [n, t]] of [...times].sort((a, b) => b[1][1] - a[1][1]).slice(0, 12)) console.log(n, (t / n).toFixed(2), k);
await store.close();
