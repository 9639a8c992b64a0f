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
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../src/data/schema.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { Keyring, fieldAad } from '../../src/core/crypto/keyring.ts';
import { openSessions, openStore, seedMunicipality, type Store } from '../../src/data/index.ts';
import { DATA_ITEM_ROWS, DATA_ITEMS_PAGE, dataItemView, helpRequestView } from '../../src/data/repository/households.ts';
import { lawOfTask, loadHouseholdFacts } from '../../src/data/gate/facts.ts';
import type { Actor } from '../../src/core/policy/actor.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { buildApp } from '../../src/server/app.ts';
import { requireProfessional } from '../../src/server/http/authenticate.ts';

const RESIDENTS = Number(process.env.BENCH_READ_RESIDENTS ?? 3000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 10);

/**
 * The bare read: the same queries as the household view (its facts statement with the members and the
 * plan, and the first batch of its data items; two statements since the tenth session, as the view) and
 * the same response shape, without a transaction, without decide, projection or explanation, and without
 * the processing-log append. Authentication is the same (the session cookie is checked for both routes):
 * it is not part of what the gate adds.
 */
export async function bareHousehold(store: Store, householdId: string, professionalId: string, now: Date) {
  const { database, keyring, policy: policyStore } = storeInternals(store);
  const policy = policyStore.policy();
  const db = database.db;
  // The household page's own statement: the household, its help requests, the director's involvements,
  // the members and the plan (and the consents and involuntary-processing records the gate would decide on).
  const actor: Actor = { kind: 'professional', id: professionalId, organisationId: '', roles: ['professional'], displayName: '' };
  // The loader takes the gate's transaction; the bare read runs its statement without one (no begin/commit).
  const facts = (await loadHouseholdFacts(db as unknown as Transaction<DB>, policy, actor, [householdId], now, { members: true, plan: true })).get(householdId)!;
  if (facts.reference === null) return null;
  // The page's first batch of data items, as the gated page reads it (it shows the first 50).
  const items = await db
    .selectFrom('data_item')
    .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
    .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
    .selectAll('data_item')
    .select(['help_request.task_code', 'professional.organisation_id as recorded_by_organisation_id'])
    .where('data_item.household_id', '=', householdId)
    .orderBy('data_item.recorded_at', 'desc')
    .orderBy('data_item.id', 'desc')
    .limit(Math.max(DATA_ITEM_ROWS, DATA_ITEMS_PAGE + 1))
    .execute();
  const page = items.slice(0, DATA_ITEMS_PAGE);
  const plan = facts.plan ?? null;
  return {
    id: householdId,
    reference: facts.reference,
    purposes: facts.helpRequestRows.map((h) => ({ helpRequestId: h.id, task: h.task_code, law: lawOfTask(policy, h.task_code), status: h.status })),
    myInvolvements: facts.involvements.map((i) => ({ id: i.id, role: i.role, helpRequestId: i.helpRequestId, subActivityId: i.subActivityId, validFrom: i.validFrom.toISOString(), validUntil: i.validUntil?.toISOString() ?? null })),
    members: (facts.memberRows ?? []).map((m) => ({
      id: m.id,
      relation: m.relation,
      identity: { givenNames: m.given_names, surnamePrefix: m.surname_prefix, surname: m.surname, displayName: `${m.given_names} ${m.surname}`, birthDate: m.birth_date, gender: m.gender },
      address: { street: m.street, houseNumber: m.house_number, houseLetter: m.house_letter, houseNumberAddition: m.house_number_addition, postcode: m.postcode, city: m.city },
      contact: { phone: m.phone, email: m.email },
      withheld: [],
    })),
    helpRequests: facts.helpRequestRows.map((h) => helpRequestView(policy, h)),
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          version: plan.version,
          director: { id: plan.director_id, displayName: plan.display_name },
          goals: plan.goals.map((g) => ({ id: g.id, lifeDomain: g.life_domain, score: g.score, targetScore: g.target_score, description: g.description, helpRequestId: g.help_request_id })),
          subActivities: plan.subs.map((s) => ({
            id: s.id,
            residentId: s.resident_id,
            helpRequestId: s.help_request_id,
            organisation: { id: s.organisation_id, name: s.organisation_name, email: s.contact_email, phone: s.contact_phone },
            description: s.description,
            status: s.status,
            since: s.since,
            until: s.until,
            lifeDomain: s.life_domain,
            dataCategories: s.data_categories,
            refusesToShare: s.refuses_to_share,
          })),
        }
      : null,
    dataItems: page.map((d) => dataItemView(d, (d.value_cipher ? keyring.decrypt(d.value_cipher, fieldAad('data_item', 'value_cipher', d.id)) : d.value_text) ?? '', d.help_request_id)),
    dataItemsNext: items.length > DATA_ITEMS_PAGE ? page[page.length - 1]!.id : null,
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
  // The same authentication as the gated route (the session is resolved for both): what differs is gate and log.
  app.get('/bench/bare/households/:id', { preValidation: requireProfessional }, async (request) =>
    bareHousehold(store, (request.params as { id: string }).id, request.actor!.id, new Date()),
  );
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
