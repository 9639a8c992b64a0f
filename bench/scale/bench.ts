/**
 * `npm run bench -- scale`: Zorgvuldig at the size of Enschede, on PostgreSQL (issue 8 item 1).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- scale            # full size
 *   DATABASE_URL=… SCALE_RESIDENTS=5000 SCALE_LOG_ENTRIES=200000 SCALE_SECONDS=3 npm run bench -- scale   # reduced
 *
 * 1. Generate: `zorgvuldig seed --residents 160000 --items-per-request 90` (the real command, timed), then
 *    the processing log up to 10M entries through the real writer (hash chains; it verifies).
 * 2. Measure: page-level routes over HTTP (the server in its own process, autocannon, many personas and
 *    sessions) at 50 and 200 concurrent users; "who viewed my data"; durable log appends with
 *    concurrent writers; `log verify`; the gated vs bare household read.
 * 3. Write bench/results/scale.json (via bench/run.ts) and bench/results/scale.md.
 *
 * Settings (environment): SCALE_RESIDENTS (160000), SCALE_ITEMS_PER_REQUEST (90: ≥ 1M data items at
 * 160k), SCALE_LOG_ENTRIES (10000000), SCALE_SECONDS per load run (10), SCALE_CONNECTIONS ("50,200":
 * closed loop, each connection sends again as soon as it has its answer), SCALE_USERS (200 paced users,
 * each waiting SCALE_THINK_SECONDS = 2 between requests; 0 for none; also the working day's users, of
 * whom MIX_RESIDENTS (a quarter) are residents: bench/scale/mix.ts),
 * SCALE_PERSONAS (200 professionals + 200 residents), SCALE_DB (zv_scale_<residents>), SCALE_REUSE=1
 * (keep the generated database and use it again next time), SCALE_PROFILE=0 (no CPU profile),
 * SCALE_APPEND_SECONDS (20 per append run), SCALE_SKIP_ROUTES (a regex of paths not to load),
 * SCALE_WORKERS (1: the server's worker processes, `start --workers`), SCALE_RESTART_DRILL=1 (restart the PostgreSQL server during load: disturbs everything else on that
 * server, so only on request).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { openSessions, openStore, verifyProcessingLog, type Store } from '../../src/data/index.ts';
import { pgPool } from '../../src/data/db.ts';
import type { DB } from '../../src/data/schema.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { buildApp } from '../../src/server/app.ts';
import { requireProfessional } from '../../src/server/http/authenticate.ts';
import { cookieNames } from '../../src/server/auth/cookies.ts';
import { bareHousehold } from '../read/bench.ts';
import { residentsOf, workingDay } from './mix.ts';
import { cpuProbe, databaseUrl, discoverRoutes, load, paced, serverEnv, startServer, summariseProfile, type LoadFigures, type RouteLoad } from './http.ts';
import { appendRate, fillLog, fillLogParallel, logWorld, whoViewedLatency, whoViewedResidents } from './log.ts';
import { renderMarkdown } from './report.ts';
import { benchPersonas, counts, shuffle } from './world.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
export const settings = {
  residents: num('SCALE_RESIDENTS', 160_000),
  itemsPerRequest: num('SCALE_ITEMS_PER_REQUEST', 90),
  logEntries: num('SCALE_LOG_ENTRIES', 10_000_000),
  seconds: num('SCALE_SECONDS', 10),
  connections: (process.env.SCALE_CONNECTIONS ?? '50,200').split(',').map(Number),
  /** Paced users (0: none): that many connections, each a user with SCALE_THINK_SECONDS between pages. */
  users: num('SCALE_USERS', 200),
  thinkSeconds: num('SCALE_THINK_SECONDS', 2),
  personas: num('SCALE_PERSONAS', 200),
  fillProcesses: num('SCALE_FILL_PROCESSES', 3),
  /**
   * Seconds per append run. Long enough to span PostgreSQL's checkpoints: a 6 s window measured 12.5k to
   * 24.4k entries/s on the same database depending on whether a checkpoint's full-page writes fell in it.
   */
  appendSeconds: num('SCALE_APPEND_SECONDS', 20),
  reuse: process.env.SCALE_REUSE === '1',
  profile: process.env.SCALE_PROFILE !== '0',
  restartDrill: process.env.SCALE_RESTART_DRILL === '1',
  skipRoutes: process.env.SCALE_SKIP_ROUTES ? new RegExp(process.env.SCALE_SKIP_ROUTES) : undefined,
  /** Worker processes of the server (`start --workers N`): 1 here, where PostgreSQL and the load share the 2 cores. */
  workers: num('SCALE_WORKERS', 1),
};

export const TARGETS = { pageP99Ms: 100, whoViewedP99Ms: 50, appendPerSecond: 20_000 };

function log(msg: string) {
  console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

interface State {
  keys: ReturnType<typeof Keyring.generateMaterial>;
  seed?: { seconds: number; wallSeconds: number; residents: number; itemsPerRequest: number; output: string };
  logFill?: Array<{ added: number; seconds: number; perSecond: number; writerSeconds?: number; indexesRebuilt?: string[]; indexSeconds?: number; processes?: number; note?: string }>;
  vacuumAnalyzeSeconds?: number;
  droppedIndexes?: Array<{ name: string; definition: string }>;
  indexRebuildSeconds?: number;
}

/**
 * The operating system's page cache in GiB (Linux), or null. Read before measuring: "who viewed" reads
 * pages of the log that PostgreSQL's own buffers do not hold, and whether the kernel still has them
 * decided its figures more than the code did (the seventh session's instance kept 6.2 GiB of a 9.3 GB
 * database cached, with 17 GiB of memory free; the first call for a resident took 25–50 ms, the second
 * 1–3 ms).
 */
function pageCacheGiB(): number | null {
  try {
    const kb = /^Cached:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
    return kb ? Math.round((Number(kb) / 2 ** 20) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** `zorgvuldig seed` as a child process: the documented command, timed. */
async function seedWithCli(env: Record<string, string>): Promise<NonNullable<State['seed']>> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/zorgvuldig.js', 'seed', '--residents', String(settings.residents), '--seed', '2015', '--items-per-request', String(settings.itemsPerRequest)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  if (code !== 0) throw new Error(`zorgvuldig seed failed (${code}): ${out.slice(-500)}`);
  const m = /(\d+) residents in ([\d.]+) s/.exec(out);
  return { seconds: m ? Number(m[2]) : 0, wallSeconds: Math.round((performance.now() - t0) / 100) / 10, residents: settings.residents, itemsPerRequest: settings.itemsPerRequest, output: out.trim() };
}

async function pgSettings(db: Kysely<DB>) {
  const show = async (name: string) => (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db)).rows[0]!.v;
  return {
    version: await show('server_version'),
    shared_buffers: await show('shared_buffers'),
    synchronous_commit: await show('synchronous_commit'),
    fsync: await show('fsync'),
    wal_level: await show('wal_level'),
    autovacuum: await show('autovacuum'),
    max_connections: await show('max_connections'),
    max_wal_size: await show('max_wal_size'),
    wal_compression: await show('wal_compression'),
    checkpoint_timeout: await show('checkpoint_timeout'),
  };
}

export async function run(): Promise<object> {
  if (!process.env.DATABASE_URL) throw new Error('the scale benchmark runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const started = performance.now();
  const dbName = process.env.SCALE_DB ?? `zv_scale_${settings.residents}`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const stateFile = join(ROOT, '.tmp', `scale-${dbName}.json`);
  const keysFile = join(ROOT, '.tmp', `scale-${dbName}-keys.json`);
  const exists = await admin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1);
  const reusing = settings.reuse && exists && existsSync(stateFile);
  let state: State;
  if (reusing) {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
    log(`reusing database ${dbName}`);
  } else {
    await admin(async (c) => {
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.query(`create database ${dbName}`);
    });
    state = { keys: Keyring.generateMaterial() };
  }
  writeFileSync(keysFile, JSON.stringify(state.keys), { mode: 0o600 });
  const env = serverEnv(dbName, keysFile);
  const config: Config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const keyring = new Keyring(state.keys);
  const results: Record<string, unknown> = {
    benchmark: 'Enschede scale on PostgreSQL',
    targets: TARGETS,
    settings: { ...settings, skipRoutes: settings.skipRoutes?.source ?? null, database: dbName, reused: reusing },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  };
  try {
    // ---- 1. Generate ------------------------------------------------------------------------------
    if (!state.seed) {
      log(`seeding ${settings.residents} residents (${settings.itemsPerRequest} items per help request) with zorgvuldig seed …`);
      state.seed = await seedWithCli(env);
      writeFileSync(stateFile, JSON.stringify(state));
      log(`seeded in ${state.seed.seconds} s`);
    }
    let store: Store = await openStore(config, { keyring, migrate: true, poolSize: 8 });
    let { database, gateEnv } = storeInternals(store);
    const world = await logWorld(database.db, (c) => gateEnv.activityId(c));
    log(`log world: ${world.cases.length} residents with a case, ${world.residents.length} residents`);
    const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pgPool(config.database.url!, null, 2) }) });
    const have = Number((await sql<{ n: number }>`select count(*)::int8 as n from processing_log`.execute(owner)).rows[0]!.n);
    let reported = 0;
    const progress = (done: number, total: number) => {
      if (done - reported >= 500_000) {
        reported = done;
        log(`log fill ${done}/${total}`);
      }
    };
    const fill =
      settings.logEntries - have >= 1_000_000 || (state.droppedIndexes?.length ?? 0) > 0
        ? await fillLogParallel(owner, settings.logEntries, settings.fillProcesses, env, {
            dropped: state.droppedIndexes,
            save: (d) => {
              state.droppedIndexes = d;
              writeFileSync(stateFile, JSON.stringify(state));
            },
          }, progress)
        : await fillLog(database.db, keyring, config.log.chains, world, settings.logEntries, { writers: 4, owner, onProgress: progress });
    if (fill.added > 0 || ('indexesRebuilt' in fill && fill.indexesRebuilt.length > 0)) {
      if (fill.added > 0) state.logFill = [...(state.logFill ?? []), fill];
      else if ('indexSeconds' in fill) state.indexRebuildSeconds = fill.indexSeconds;
      // VACUUM as well as ANALYZE: what autovacuum does on a deployment, done here because a server may
      // run with it off (this machine's CI configuration does). Without it an insert-only table never gets
      // its visibility map, and an index-only walk ("who viewed" counts that way) reads the heap after all.
      const t0 = performance.now();
      await sql`vacuum (analyze)`.execute(owner);
      state.vacuumAnalyzeSeconds = Math.round((performance.now() - t0) / 100) / 10;
      writeFileSync(stateFile, JSON.stringify(state));
    }
    // A reused database holds what the last runs appended (about a million log entries per full run, and
    // more from anything run against it since). With autovacuum off, nothing has vacuumed those: the
    // sixth session's second run on such a database measured "who viewed" for any resident at p99 408 ms
    // and appends at 16.9k/s, where the first run, right after the generation's vacuum, measured 13 ms
    // and 24.3k/s. Vacuum first, as a deployment's autovacuum would have.
    let vacuumBeforeMeasuringSeconds: number | null = null;
    if (reusing && fill.added === 0 && (await sql<{ v: string }>`select current_setting('autovacuum') as v`.execute(owner)).rows[0]!.v === 'off') {
      const t0 = performance.now();
      await sql`vacuum (analyze)`.execute(owner);
      vacuumBeforeMeasuringSeconds = Math.round((performance.now() - t0) / 100) / 10;
      log(`vacuum (analyze) of the reused database (autovacuum is off): ${vacuumBeforeMeasuringSeconds} s`);
    }
    await owner.destroy();
    results.generation = { seed: state.seed, logFill: state.logFill ?? [], indexRebuildSeconds: state.indexRebuildSeconds ?? null, vacuumAnalyzeSeconds: state.vacuumAnalyzeSeconds ?? null, vacuumBeforeMeasuringSeconds };
    results.counts = await counts(database.db, dbName);
    results.postgresql = await pgSettings(database.db);
    (results.machine as Record<string, unknown>).pageCacheGiBBeforeMeasuring = pageCacheGiB();
    checkpoint(results);
    log(`counts ${JSON.stringify(results.counts)}`);

    // ---- 2a. "Who viewed my data" — the query itself, at this log size -------------------------------
    const { withACase: caseResidents, any: anyResidents } = whoViewedResidents(world);
    await whoViewedLatency(database.db, keyring, caseResidents.slice(0, 50), 4); // warm-up
    results.whoViewedQuery = {
      note: 'queryAccessLog of src/data/repository/residents/access-log.ts (count up to 1,000 + newest 50 with joins, last 12 months), run directly on the database',
      residentsWithACase: { sequential: await whoViewedLatency(database.db, keyring, caseResidents, 1), concurrent8: await whoViewedLatency(database.db, keyring, caseResidents, 8) },
      anyResident: await whoViewedLatency(database.db, keyring, anyResidents, 1),
    };
    log(`who viewed ${JSON.stringify(results.whoViewedQuery)}`);
    checkpoint(results);

    // ---- 2b. Durable appends under concurrent writers ------------------------------------------------
    const writerPool = pgPool(config.database.url!, config.database.appRole, 40);
    const writerDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: writerPool }) });
    const appendRuns = [];
    for (const [writers, perTx] of [
      [1, 1],
      [8, 1],
      [32, 1],
      [8, 10],
      [32, 10],
      [8, 100],
    ] as const) {
      appendRuns.push(await appendRate(writerDb, keyring, config.log.chains, world, writers, perTx, settings.appendSeconds));
      log(`append ${JSON.stringify(appendRuns.at(-1))}`);
    }
    await writerDb.destroy();
    results.append = { durability: `synchronous_commit=${(results.postgresql as { synchronous_commit: string }).synchronous_commit}`, runs: appendRuns };
    checkpoint(results);

    // ---- 2d. Page-level routes over HTTP ------------------------------------------------------------
    const personas = await benchPersonas(database.db, store, config, settings.personas);
    results.personas = { professionals: personas.filter((p) => p.kind === 'professional').length, residents: personas.filter((p) => p.kind === 'resident').length };
    await store.close();
    const profileDir = settings.profile ? mkdtempSync(join(tmpdir(), 'zv-scale-prof-')) : undefined;
    const server = await startServer({ ...env, WORKERS: String(settings.workers) }, { profileDir });
    const probeDb = new pg.Client({ connectionString: databaseUrl(dbName) });
    probeDb.on('error', () => {});
    await probeDb.connect();
    const probe = cpuProbe(probeDb, dbName, server.child.pid!);
    const http: Array<{ name: string; path: string; kind: string; personas: number; distinctRequests: number; runs: LoadFigures[] }> = [];
    let routes: RouteLoad[] = [];
    try {
      const found = await discoverRoutes(server.url, personas, { skip: settings.skipRoutes });
      routes = found.routes;
      results.routesSkipped = found.skipped;
      log(`routes: ${routes.map((r) => r.path).join(', ')}`);
      for (const r of routes) {
        await load(server.url, r.requests, 20, Math.min(3, settings.seconds)); // warm-up
        const runs: LoadFigures[] = [];
        for (const c of settings.connections) {
          runs.push(await load(server.url, r.requests, c, settings.seconds, probe));
          log(`${r.name} @${c}: ${JSON.stringify(runs.at(-1))}`);
        }
        if (settings.users > 0) {
          // Let the server finish what the closed-loop run left in flight (at 200 connections up to a
          // second of queued work), or the users' first pages would measure that backlog.
          await new Promise((r) => setTimeout(r, 3000));
          // 200 users who each wait SCALE_THINK_SECONDS on average between pages (a professional clicks far
          // less often): an open workload, next to the closed-loop saturation runs above.
          runs.push(await paced(server.url, r.requests, settings.users, settings.thinkSeconds, settings.seconds, probe));
          log(`${r.name} @${settings.users} users: ${JSON.stringify(runs.at(-1))}`);
        }
        http.push({ name: r.name, path: r.path, kind: r.kind, personas: new Set(r.requests.map((x) => x.cookie)).size, distinctRequests: r.requests.length, runs });
        results.http = http;
        checkpoint(results);
      }
      if (settings.users > 0 && routes.length > 0) {
        // A working day (mix.ts): the same number of users, professionals and residents going through the
        // pages of their tasks at once, three times as long as a route's run.
        await new Promise((r) => setTimeout(r, 3000));
        const day = await workingDay(server.url, routes, { users: settings.users, residents: residentsOf(settings.users), thinkSeconds: settings.thinkSeconds, seconds: settings.seconds * 3 }, probe);
        results.workingDay = day;
        log(`working day: ${JSON.stringify({ ...day.figures, byRoute: day.byRoute })}`);
        checkpoint(results);
      }
      if (settings.restartDrill && routes.length > 0) results.restartDrill = await restartDrill(server.url, routes.find((r) => r.path === '/api/households/{id}') ?? routes[0]!);
    } finally {
      await probeDb.end().catch(() => {});
      await server.stop();
    }
    results.http = http;
    if (profileDir) {
      results.serverProfile = summariseProfile(profileDir);
      rmSync(profileDir, { recursive: true, force: true });
    }

    // ---- 2e. Gated vs bare household read (in one process, as bench/read) -----------------------------
    store = await openStore(config, { keyring, poolSize: 10 });
    ({ database, gateEnv } = storeInternals(store));
    results.gatedVsBare = await gatedVsBare(store, config, database.db);
    checkpoint(results);
    // ---- 2f. log verify (last: the longest) -------------------------------------------------------------------------
    log('log verify …');
    const verified = await verifyProcessingLog(store);
    if (!verified.ok) throw new Error(`the generated log does not verify: ${JSON.stringify(verified.failure)}`);
    results.verify = { entries: verified.entries, chains: verified.chains, seconds: Math.round(verified.seconds * 10) / 10, entriesPerSecond: Math.round(verified.entries / verified.seconds) };
    log(`verify ${JSON.stringify(results.verify)}`);

    if (settings.restartDrill) (results.restartDrill as Record<string, unknown>).logVerifiesAfter = true;
    await store.close();
  } finally {
    results.totalMinutes = Math.round((performance.now() - started) / 6000) / 10;
    if (!settings.reuse) await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    writeFileSync(join(ROOT, 'bench', 'results', 'scale.md'), renderMarkdown(results));
    if (!settings.reuse) rmSync(stateFile, { force: true });
    rmSync(keysFile, { force: true });
  }
  return results;
}

/** Write what is known so far (bench/results/scale.md and .tmp/scale-partial.json): a long run that is stopped keeps its figures. */
function checkpoint(results: Record<string, unknown>): void {
  writeFileSync(join(ROOT, 'bench', 'results', 'scale.md'), renderMarkdown(results));
  writeFileSync(join(ROOT, '.tmp', 'scale-partial.json'), JSON.stringify(results, null, 2));
}

/** The gated household read against the same queries without gate, projection and log (bench/read), at scale. */
async function gatedVsBare(store: Store, config: Config, db: Kysely<DB>) {
  const directors = (
    await sql<{ professional_id: string; organisation_id: string; household_id: string }>`
      select i.professional_id, p.organisation_id, i.household_id from involvement i join professional p on p.id = i.professional_id
      where i.role = 'director' and i.valid_from <= now() and (i.valid_until is null or i.valid_until > now())`.execute(db)
  ).rows;
  const app = await buildApp({ config, store });
  app.get('/bench/bare/households/:id', { preValidation: requireProfessional }, async (request) =>
    bareHousehold(store, (request.params as { id: string }).id, request.actor!.id, new Date()),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const sessions = openSessions(store, config.session);
  const cookie = cookieNames(config).session;
  const tokens = new Map<string, string>();
  const gated: Array<{ path: string; cookie: string }> = [];
  const bare: Array<{ path: string; cookie: string }> = [];
  for (const d of shuffle(directors, 3).slice(0, 2000)) {
    if (!tokens.has(d.professional_id)) {
      const s = await sessions.create({ kind: 'professional', id: d.professional_id, organisationId: d.organisation_id, roles: ['professional'], displayName: 'bench' }, { now: new Date() });
      tokens.set(d.professional_id, `${cookie}=${s.token}`);
    }
    gated.push({ path: `/api/households/${d.household_id}`, cookie: tokens.get(d.professional_id)! });
    bare.push({ path: `/bench/bare/households/${d.household_id}`, cookie: tokens.get(d.professional_id)! });
  }
  // Round trips to the database per request: count pg queries during one request of each kind.
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let queries = 0;
  proto.query = function (this: unknown, ...a: unknown[]) {
    queries++;
    return original.apply(this, a);
  };
  const perRequest = async (list: Array<{ path: string; cookie: string }>) => {
    const sample = list.slice(0, 50);
    queries = 0;
    for (const r of sample) await (await fetch(`${url}${r.path}`, { headers: { cookie: r.cookie } })).arrayBuffer();
    return Math.round((queries / sample.length) * 10) / 10;
  };
  let queriesPerRequest: { bare: number; gated: number };
  try {
    queriesPerRequest = { bare: await perRequest(bare), gated: await perRequest(gated) };
  } finally {
    proto.query = original;
  }
  try {
    await load(url, bare, 10, 2);
    await load(url, gated, 10, 2);
    const runs = { bare: [] as LoadFigures[], gated: [] as LoadFigures[] };
    for (let i = 0; i < 2; i++) {
      runs.bare.push(await load(url, bare, 10, settings.seconds));
      runs.gated.push(await load(url, gated, 10, settings.seconds));
    }
    const best = (xs: LoadFigures[]) => xs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const b = best(runs.bare);
    const g = best(runs.gated);
    return { connections: 10, households: gated.length, directors: tokens.size, queriesPerRequest, bare: b, gated: g, ratio: Math.round((g.requestsPerSecond / b.requestsPerSecond) * 100) / 100 };
  } finally {
    await app.close();
  }
}

/**
 * The PostgreSQL server restarted under load (opt-in: it disturbs every database on the server). The app
 * keeps running; answers during the outage must be 503 with a code, and it must serve again afterwards.
 */
async function restartDrill(url: string, route: RouteLoad) {
  const version = execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0]!;
  const timeline: Array<{ second: number; statuses: Record<string, number> }> = [];
  const codes: Record<string, number> = {};
  const t0 = Date.now();
  let stop = false;
  let restartedAt = 0;
  let restartSeconds = 0;
  const worker = async (k: number) => {
    let i = k;
    while (!stop) {
      const r = route.requests[i++ % route.requests.length]!;
      const second = Math.floor((Date.now() - t0) / 1000);
      let status = 0;
      try {
        const res = await fetch(`${url}${r.path}`, { headers: { cookie: r.cookie } });
        status = res.status;
        const body = await res.text();
        if (status >= 500) {
          const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? 'none';
          codes[`${status} ${code}`] = (codes[`${status} ${code}`] ?? 0) + 1;
        }
      } catch {
        status = 0;
      }
      while (timeline.length <= second) timeline.push({ second: timeline.length, statuses: {} });
      timeline[second]!.statuses[status] = (timeline[second]!.statuses[status] ?? 0) + 1;
    }
  };
  const restarter = async () => {
    await new Promise((r) => setTimeout(r, 3000));
    restartedAt = (Date.now() - t0) / 1000;
    const s = performance.now();
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
    restartSeconds = (performance.now() - s) / 1000;
    await new Promise((r) => setTimeout(r, 6000));
    stop = true;
  };
  await Promise.all([...Array.from({ length: 20 }, (_, k) => worker(k)), restarter()]);
  const firstOkAfter = timeline.find((t) => t.second > restartedAt + restartSeconds && (t.statuses[200] ?? 0) > 0)?.second ?? null;
  const other = Object.entries(codes).filter(([k]) => !/^503 (SERVICE\.UNAVAILABLE|GATE\.LOG_UNAVAILABLE)$/.test(k));
  return { restartedAtSecond: Math.round(restartedAt * 10) / 10, restartSeconds: Math.round(restartSeconds * 10) / 10, errorCodes: codes, unexpected: other, firstSecondServingAgain: firstOkAfter, timeline };
}
