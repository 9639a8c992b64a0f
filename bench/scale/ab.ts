/**
 * Measure again on the database a full `bench scale` run kept (SCALE_REUSE=1), without generating or
 * running the whole benchmark: page routes (optionally two checkouts of the code side by side, in
 * alternating order), or "who viewed my data". The figures of docs/scale.md's A/B comparisons and
 * remeasurements come from this. It prints JSON and writes nothing to bench/results.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/scale/ab.ts pages '<path regex>'
 *   AB_TREES="base=/path/to/other/checkout,new=." … pages '^/api/werkplek/households$'
 *   … who          "who viewed" as bench scale measures it, twice (a first pass and a second)
 *
 * Settings: AB_ROUNDS (2), AB_SECONDS (10), AB_USERS (200, think time 2 s), AB_CLOSED (connections of a
 * closed-loop run before the users; 0: none), AB_PROFILE (a directory: CPU profiles of the servers),
 * SCALE_RESIDENTS (160000: which kept database).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { openStore } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { cpuProbe, discoverRoutes, load, paced, serverEnv, startServer, type LoadFigures } from './http.ts';
import { logWorld, whoViewedLatency, whoViewedResidents } from './log.ts';
import { benchPersonas } from './world.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to the server that holds the kept scale database');
const dbName = `zv_scale_${num('SCALE_RESIDENTS', 160_000)}`;
const stateFile = resolve(ROOT, '.tmp', `scale-${dbName}.json`);
let state: { keys: ReturnType<typeof Keyring.generateMaterial> };
try {
  state = JSON.parse(readFileSync(stateFile, 'utf8')) as typeof state;
} catch {
  throw new Error(`no kept scale database: run \`SCALE_REUSE=1 npm run bench -- scale\` first (${stateFile} is missing)`);
}
const keysFile = resolve(ROOT, '.tmp', `ab-${dbName}-keys.json`);
writeFileSync(keysFile, JSON.stringify(state.keys), { mode: 0o600 });
const env = serverEnv(dbName, keysFile);
const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
const keyring = new Keyring(state.keys);

async function pages(pattern: RegExp) {
  const trees = (process.env.AB_TREES ?? `this=${ROOT}`).split(',').map((s) => {
    const [label, dir] = s.split('=');
    return { label: label!, dir: resolve(dir!) };
  });
  const rounds = num('AB_ROUNDS', 2);
  const seconds = num('AB_SECONDS', 10);
  const users = num('AB_USERS', 200);
  const closed = num('AB_CLOSED', 0);
  const store = await openStore(config, { keyring, poolSize: 4 });
  const personas = await benchPersonas(storeInternals(store).database.db, store, config, 200);
  await store.close();
  const first = await startServer(env, { cwd: trees[0]!.dir });
  const { routes } = await discoverRoutes(first.url, personas, { skip: new RegExp(`^(?!(?:${pattern.source}))`) });
  await first.stop();
  if (routes.length === 0) throw new Error(`no measurable page route matches ${pattern.source}`);
  const probeDb = new pg.Client({ connectionString: env.DATABASE_URL });
  await probeDb.connect();
  const runs: Array<{ round: number; label: string; route: string; closedLoop?: LoadFigures; users: LoadFigures }> = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      // Alternate the order, so that neither checkout always runs on the warmer cache.
      for (const tree of round % 2 === 1 ? trees : [...trees].reverse()) {
        const profileDir = process.env.AB_PROFILE ? resolve(process.env.AB_PROFILE, tree.label) : undefined;
        if (profileDir) mkdirSync(profileDir, { recursive: true });
        const server = await startServer(env, { cwd: tree.dir, profileDir });
        const probe = cpuProbe(probeDb, dbName, server.child.pid!);
        try {
          for (const r of routes) {
            await load(server.url, r.requests, 20, 3); // warm-up
            const closedLoop = closed > 0 ? await load(server.url, r.requests, closed, seconds, probe) : undefined;
            if (closedLoop) await new Promise((res) => setTimeout(res, 3000)); // let the backlog drain
            const u = await paced(server.url, r.requests, users, 2, seconds, probe);
            runs.push({ round, label: tree.label, route: r.path, closedLoop, users: u });
            console.error(`${round} ${tree.label} ${r.path}: ${closedLoop ? `closed ${closedLoop.requestsPerSecond}/s, ` : ''}users p50 ${u.p50} p99 ${u.p99} ms`);
          }
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await probeDb.end();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = routes.flatMap((r) =>
    trees.map((t) => {
      const mine = runs.filter((x) => x.route === r.path && x.label === t.label);
      return {
        route: r.path,
        label: t.label,
        p99AtUsers: mine.map((x) => x.users.p99),
        medianP50: median(mine.map((x) => x.users.p50)),
        medianP99: median(mine.map((x) => x.users.p99)),
        closedLoopPerSecond: mine.flatMap((x) => (x.closedLoop ? [x.closedLoop.requestsPerSecond] : [])),
      };
    }),
  );
  return { database: dbName, trees, rounds, seconds, users, thinkSeconds: 2, closedLoopConnections: closed || null, summary, runs };
}

async function who() {
  const store = await openStore(config, { keyring, poolSize: 8 });
  try {
    const { database, gateEnv } = storeInternals(store);
    const world = await logWorld(database.db, (c) => gateEnv.activityId(c));
    const { withACase: caseResidents, any: anyResidents } = whoViewedResidents(world);
    const passes = [];
    for (let pass = 1; pass <= 2; pass++) {
      passes.push({
        pass,
        sequential: await whoViewedLatency(database.db, keyring, caseResidents, 1),
        concurrent8: await whoViewedLatency(database.db, keyring, caseResidents, 8),
        anyResident: await whoViewedLatency(database.db, keyring, anyResidents, 1),
      });
      console.error(`pass ${pass}: ${JSON.stringify(passes.at(-1))}`);
    }
    const entries = (await sql<{ n: number }>`select count(*)::int8 as n from processing_log`.execute(database.db)).rows[0]!.n;
    return { database: dbName, logEntries: Number(entries), passes };
  } finally {
    await store.close();
  }
}

const [what, pattern] = process.argv.slice(2);
const result = what === 'pages' && pattern ? await pages(new RegExp(pattern)) : what === 'who' ? await who() : null;
if (!result) {
  console.error("usage: node --import tsx bench/scale/ab.ts pages '<path regex>' | who");
  process.exitCode = 2;
} else console.log(JSON.stringify(result, null, 2));
