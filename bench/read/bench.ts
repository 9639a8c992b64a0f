/**
 * `npm run bench -- read`: a gated, projected, logged dossier read over HTTP (GET /api/households/:id
 * as a director) against the same read without gate and log (the same SQL, no decide, no projection,
 * no processing-log append), side by side in one run, on PGlite and on PostgreSQL (when DATABASE_URL is
 * set). Target: gated ≥ 0.6 × bare throughput. Writes bench/results/read.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { Keyring, fieldAad } from '../../src/core/crypto/keyring.ts';
import { openSessions, openStore, seedMunicipality, type Store } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { buildApp } from '../../src/server/app.ts';

const RESIDENTS = Number(process.env.BENCH_READ_RESIDENTS ?? 3000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 10);

/** The bare read: the same queries as the household view, without gate, projection or log. */
export async function bareHousehold(store: Store, householdId: string, now: Date) {
  const { database, keyring } = storeInternals(store);
  const db = database.db;
  const day = now.toISOString().slice(0, 10);
  const hh = await db.selectFrom('household').select(['id', 'reference']).where('id', '=', householdId).executeTakeFirst();
  if (!hh) return null;
  const invs = await db.selectFrom('involvement').selectAll().where('household_id', '=', householdId).execute();
  const members = await db
    .selectFrom('household_member')
    .innerJoin('resident', 'resident.id', 'household_member.resident_id')
    .selectAll('resident')
    .select(['household_member.relation'])
    .where('household_member.household_id', '=', householdId)
    .where('household_member.valid_from', '<=', day)
    .where((eb) => eb.or([eb('household_member.valid_until', 'is', null), eb('household_member.valid_until', '>', day)]))
    .execute();
  const helpRequests = await db.selectFrom('help_request').selectAll().where('household_id', '=', householdId).execute();
  const plan = await db.selectFrom('support_plan').selectAll().where('household_id', '=', householdId).where('status', 'in', ['active', 'draft']).limit(1).executeTakeFirst();
  const goals = plan ? await db.selectFrom('plan_goal').selectAll().where('plan_id', '=', plan.id).execute() : [];
  const subs = plan
    ? await db.selectFrom('sub_activity').innerJoin('organisation', 'organisation.id', 'sub_activity.organisation_id').selectAll('sub_activity').select(['organisation.name']).where('plan_id', '=', plan.id).execute()
    : [];
  const items = await db.selectFrom('data_item').selectAll().where('household_id', '=', householdId).orderBy('recorded_at', 'desc').limit(1000).execute();
  return {
    id: hh.id,
    reference: hh.reference,
    involvements: invs.length,
    members: members.map((m) => ({ id: m.id, surname: m.surname, givenNames: m.given_names, street: m.street, postcode: m.postcode })),
    helpRequests: helpRequests.map((h) => ({ id: h.id, status: h.status, task: h.task_code })),
    plan: plan ? { id: plan.id, goals: goals.map((g) => g.life_domain), subs: subs.map((s) => s.name) } : null,
    dataItems: items.map((d) => ({ id: d.id, category: d.category, value: d.value_cipher ? keyring.decrypt(d.value_cipher, fieldAad('data_item', 'value_cipher', d.id)) : d.value_text })),
  };
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function cannon(url: string, paths: string[], headers: Record<string, string>): Promise<Figures> {
  let i = 0;
  const statuses = new Map<number, number>();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }),
        onResponse: (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
      },
    ],
  });
  if (result.non2xx > 0) console.error(`non-2xx answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
  return { requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

async function measure(label: string, config: Config): Promise<object> {
  const store = await openStore(config, { keyring: new Keyring(Keyring.generateMaterial()), migrate: true });
  const t0 = performance.now();
  await seedMunicipality(store, { residents: RESIDENTS, seed: 7 });
  const seedSeconds = (performance.now() - t0) / 1000;
  const { database } = storeInternals(store);
  // The busiest director and the households they direct.
  const director = await sql<{ professional_id: string; organisation_id: string; n: number }>`
    select i.professional_id, p.organisation_id, count(*)::int as n from involvement i join professional p on p.id = i.professional_id
    where i.role = 'director' and i.valid_until is null group by 1, 2 order by n desc limit 1`.execute(database.db);
  const d = director.rows[0]!;
  const households = (await sql<{ household_id: string }>`select distinct household_id from involvement where professional_id = ${d.professional_id} and role = 'director' and valid_from <= now() and (valid_until is null or valid_until > now())`.execute(database.db)).rows.map((r) => r.household_id);
  const app = await buildApp({ config, store });
  app.get('/bench/bare/households/:id', async (request) => bareHousehold(store, (request.params as { id: string }).id, new Date()));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const session = await openSessions(store, config.session).create(
    { kind: 'professional', id: d.professional_id, organisationId: d.organisation_id, roles: ['professional'], displayName: 'bench' },
    { now: new Date() },
  );
  const headers = { cookie: `zv_session=${session.token}` };
  const bare = households.map((h) => `/bench/bare/households/${h}`);
  const gated = households.map((h) => `/api/households/${h}`);
  // Warm up both paths, then alternate so that drift on the shared machine hits both alike.
  await cannon(url, bare, headers);
  await cannon(url, gated, headers);
  const runs: { bare: Figures[]; gated: Figures[] } = { bare: [], gated: [] };
  for (let r = 0; r < 2; r++) {
    runs.bare.push(await cannon(url, bare, headers));
    runs.gated.push(await cannon(url, gated, headers));
  }
  const best = (xs: Figures[]) => xs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  const b = best(runs.bare);
  const g = best(runs.gated);
  const logEntries = Number((await sql<{ n: number }>`select count(*)::int8 as n from processing_log`.execute(database.db)).rows[0]!.n);
  await app.close();
  await store.close();
  const ratio = Math.round((g.requestsPerSecond / b.requestsPerSecond) * 100) / 100;
  console.log(`${label}: bare ${b.requestsPerSecond} req/s (p99 ${b.p99} ms), gated ${g.requestsPerSecond} req/s (p99 ${g.p99} ms), ratio ${ratio}`);
  return { residents: RESIDENTS, seedSeconds: Math.round(seedSeconds * 10) / 10, households: households.length, bare: b, gated: g, ratio, runs, logEntriesAfter: logEntries };
}

export async function run(): Promise<object> {
  const targets = (process.env.BENCH_TARGETS ?? 'pglite,postgresql').split(',');
  const results: Record<string, unknown> = {
    benchmark: 'gated vs bare household read over HTTP',
    target: 'gated >= 0.6 x bare',
    node: process.version,
    connections: CONNECTIONS,
    seconds: SECONDS,
  };
  if (targets.includes('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'zv-bench-read-'));
    try {
      results.pglite = await measure('pglite', loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (process.env.DATABASE_URL && targets.includes('postgresql')) {
    const name = `zv_bench_read_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      results.postgresql = await measure('postgresql', loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return results;
}
