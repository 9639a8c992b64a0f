import { readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { Keyring } from '../src/core/crypto/keyring.ts';
import { openSessions, openStore, seedMunicipality } from '../src/data/index.ts';
import { storeInternals } from '../src/data/store-internals.ts';
import { buildApp } from '../src/server/app.ts';
import { requireProfessional } from '../src/server/http/authenticate.ts';
import { bareHousehold } from '../bench/read/bench.ts';
function pgCpu(): number {
  let t = 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try { const comm = readFileSync(`/proc/${p}/comm`, 'utf8').trim(); if (!comm.startsWith('postgres')) continue;
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' '); t += Number(f[11]) + Number(f[12]); } catch {}
  }
  return t / 100;
}
const name = 'zv_scratch_read';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await admin.connect();
if (!process.env.REUSE) { await admin.query(`drop database if exists ${name} with (force)`); await admin.query(`create database ${name}`); }
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` });
const material = process.env.REUSE ? JSON.parse(readFileSync('scratch/read-keys.json', 'utf8')) : Keyring.generateMaterial();
if (!process.env.REUSE) (await import('node:fs')).writeFileSync('scratch/read-keys.json', JSON.stringify(material));
const store = await openStore(config, { keyring: new Keyring(material), migrate: !process.env.REUSE });
if (!process.env.REUSE) await seedMunicipality(store, { residents: 3000, seed: 7 });
const { database } = storeInternals(store);
const d = (await sql<{ professional_id: string; organisation_id: string }>`select i.professional_id, p.organisation_id, count(*)::int as n from involvement i join professional p on p.id = i.professional_id where i.role = 'director' and i.valid_until is null group by 1, 2 order by n desc limit 1`.execute(database.db)).rows[0]!;
const households = (await sql<{ household_id: string }>`select distinct household_id from involvement where professional_id = ${d.professional_id} and role = 'director' and valid_from <= now() and (valid_until is null or valid_until > now())`.execute(database.db)).rows.map((r) => r.household_id);
const app = await buildApp({ config, store });
app.get('/bench/bare/households/:id', { preValidation: requireProfessional }, async (request) => bareHousehold(store, (request.params as { id: string }).id, request.actor!.id, new Date()));
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const session = await openSessions(store, config.session).create({ kind: 'professional', id: d.professional_id, organisationId: d.organisation_id, roles: ['professional'], displayName: 'bench' }, { now: new Date() });
const headers = { cookie: `zv_session=${session.token}` };
async function run(paths: string[], label: string) {
  let i = 0;
  const c0 = process.cpuUsage(); const p0 = pgCpu(); const t0 = performance.now();
  const r = await autocannon({ url, connections: Number(process.env.CONN ?? 10), duration: Number(process.env.SECS ?? 8), headers, requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }] });
  const c = process.cpuUsage(c0); const p = pgCpu() - p0; const s = (performance.now() - t0) / 1000;
  const n = r.requests.total;
  console.log(label, Math.round(n / s), 'req/s', 'node ms/req', ((c.user + c.system) / 1000 / n).toFixed(2), 'pg ms/req', (p * 1000 / n).toFixed(2), 'non2xx', r.non2xx);
}
const which = process.env.WHICH ?? 'both';
for (let k = 0; k < 2; k++) {
  if (which !== 'gated') await run(households.map((h) => `/bench/bare/households/${h}`), 'bare ');
  if (which !== 'bare') await run(households.map((h) => `/api/households/${h}`), 'gated');
}

const g = globalThis as unknown as { zvTimes?: Map<string, number[]> };
if (g.zvTimes) for (const [k, [n, t]] of [...g.zvTimes].sort((a, b) => b[1][1] - a[1][1]).slice(0, 20)) console.log(n, (t / n).toFixed(3), k);
if (process.env.SIZES) {
  const app2 = await buildApp({ config, store });
  app2.get('/bench/bare/households/:id', { preValidation: requireProfessional }, async (request) => bareHousehold(store, (request.params as { id: string }).id, request.actor!.id, new Date()));
  for (const p of [`/bench/bare/households/${households[0]}`, `/api/households/${households[0]}`]) {
    const r = await app2.inject({ method: 'GET', url: p, headers });
    console.log(p.slice(0, 20), r.statusCode, r.body.length, Object.keys(r.json()).join(','));
    console.log(JSON.stringify(r.headers).slice(0, 1500));
  }
  await app2.close();
}
await app.close(); await store.close(); await admin.end();
