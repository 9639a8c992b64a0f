/**
 * Measure again on the database a full `bench scale` run kept (SCALE_REUSE=1), without generating or
 * running the whole benchmark: page routes (optionally two checkouts of the code, or two copies of the
 * database, side by side in alternating order), "who viewed my data", or durable appends, and a copy of the database for a second arm. The figures of
 * docs/scale.md's A/B comparisons and remeasurements come from this. It prints JSON and writes nothing
 * to bench/results.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/scale/ab.ts pages '<path regex>'
 *   AB_TREES="base=/path/to/other/checkout,new=." … pages '^/api/werkplek/households$'
 *   AB_TREES="one=.@zv_scale_160000,months=.@zv_scale_160000_months" … pages …   (a database per arm)
 *   AB_TREES="defaults=.,sized=.@zv_scale_160000:5433" … pages …   (a database on another server: port)
 *   … mix              a working day: professionals and residents going through their pages at once (mix.ts)
 *   … who              "who viewed" as bench scale measures it, twice (a first pass and a second)
 *   … appends          durable appends, 8 × 100 and 32 × 10, as bench scale measures them
 *   … copy <name>      a copy of the kept database (same keys) named zv_scale_<residents>_…, e.g. to migrate
 *                      one of two arms with `zorgvuldig migrate` (DATABASE_URL of the copy, the kept keys)
 *
 * Settings: AB_ROUNDS (2), AB_SECONDS (10), AB_USERS (200, think time 2 s), AB_CLOSED (connections of a
 * closed-loop run before the users; 0: none), AB_PROFILE (a directory: CPU profiles of the servers),
 * SCALE_RESIDENTS (160000: which kept database), AB_DATABASES ("label=db,…": the databases of `who`
 * and `appends`, in alternating order; default the kept one).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { openStore } from '../../src/data/index.ts';
import { pgPool } from '../../src/data/db.ts';
import type { DB } from '../../src/data/schema.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { cpuProbe, databaseName, databaseUrl, discoverRoutes, load, paced, serverEnv, startServer, type LoadFigures } from './http.ts';
import { appendRate, logWorld, whoViewedLatency, whoViewedResidents, type LogWorld } from './log.ts';
import { benchPersonas } from './world.ts';
import { residentsOf, workingDay, type WorkingDay } from './mix.ts';

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
const keyring = new Keyring(state.keys);
/** The server's environment and the store's configuration on one database (the kept one or a copy of it). */
const envOf = (db: string) => serverEnv(db, keysFile);
const configOf = (db: string) => loadConfig({ ...envOf(db), LOG_LEVEL: 'silent' });

/** "label=value,…" of an AB_ setting. */
function labelled(setting: string | undefined, fallback: string): Array<{ label: string; value: string }> {
  return (setting ?? fallback).split(',').map((s) => {
    const [label, value] = s.split('=');
    return { label: label!, value: value! };
  });
}

/** The arms of AB_TREES: a checkout and the database it runs on. */
function treesOf() {
  return labelled(process.env.AB_TREES, `this=${ROOT}`).map(({ label, value }) => {
    const [dir, db] = value.split('@');
    return { label, dir: resolve(dir!), db: db || dbName };
  });
}

/** The measurable page routes matching `pattern` on each arm's database (sessions live in the database: each gets its own personas). */
async function routesFor(trees: ReturnType<typeof treesOf>, pattern: RegExp) {
  const routesOf = new Map<string, Awaited<ReturnType<typeof discoverRoutes>>['routes']>();
  for (const tree of trees) {
    if (routesOf.has(tree.db)) continue;
    const config = configOf(tree.db);
    const store = await openStore(config, { keyring, poolSize: 4 });
    const personas = await benchPersonas(storeInternals(store).database.db, store, config, 200);
    await store.close();
    const first = await startServer(envOf(tree.db), { cwd: tree.dir });
    const { routes } = await discoverRoutes(first.url, personas, { skip: new RegExp(`^(?!(?:${pattern.source}))`) });
    await first.stop();
    if (routes.length === 0) throw new Error(`no measurable page route matches ${pattern.source} on ${tree.db}`);
    routesOf.set(tree.db, routes);
  }
  return routesOf;
}

/** A connection of the benchmark's own to each arm's server, to find the backends whose CPU is counted. */
async function probesFor(trees: ReturnType<typeof treesOf>) {
  const probes = new Map<string, pg.Client>();
  for (const tree of trees) {
    if (probes.has(tree.db)) continue;
    const client = new pg.Client({ connectionString: databaseUrl(tree.db) });
    await client.connect();
    probes.set(tree.db, client);
  }
  return probes;
}

async function pages(pattern: RegExp) {
  const trees = treesOf();
  const rounds = num('AB_ROUNDS', 2);
  const seconds = num('AB_SECONDS', 10);
  const users = num('AB_USERS', 200);
  const closed = num('AB_CLOSED', 0);
  const routesOf = await routesFor(trees, pattern);
  const paths = [...new Set([...routesOf.values()].flatMap((rs) => rs.map((r) => r.path)))];
  const probes = await probesFor(trees);
  const runs: Array<{ round: number; label: string; route: string; closedLoop?: LoadFigures; users: LoadFigures }> = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      // Alternate the order, so that neither checkout always runs on the warmer cache.
      for (const tree of round % 2 === 1 ? trees : [...trees].reverse()) {
        const profileDir = process.env.AB_PROFILE ? resolve(process.env.AB_PROFILE, tree.label) : undefined;
        if (profileDir) mkdirSync(profileDir, { recursive: true });
        const server = await startServer(envOf(tree.db), { cwd: tree.dir, profileDir });
        const probe = cpuProbe(probes.get(tree.db)!, databaseName(tree.db), server.child.pid!);
        try {
          for (const r of routesOf.get(tree.db)!) {
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
    for (const client of probes.values()) await client.end();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = paths.flatMap((path) =>
    trees.map((t) => {
      const mine = runs.filter((x) => x.route === path && x.label === t.label);
      return {
        route: path,
        label: t.label,
        p99AtUsers: mine.map((x) => x.users.p99),
        medianP50: median(mine.map((x) => x.users.p50)),
        medianP99: median(mine.map((x) => x.users.p99)),
        closedLoopPerSecond: mine.flatMap((x) => (x.closedLoop ? [x.closedLoop.requestsPerSecond] : [])),
      };
    }),
  );
  return { trees, rounds, seconds, users, thinkSeconds: 2, closedLoopConnections: closed || null, summary, runs };
}

/**
 * A working day (mix.ts): 200 users, professionals and residents, each going through the pages of a
 * task, on each arm in alternating order. AB_USERS (200), MIX_RESIDENTS (50 of them), AB_SECONDS
 * (30 here), AB_ROUNDS (2).
 */
async function mix() {
  const trees = treesOf();
  const rounds = num('AB_ROUNDS', 2);
  const seconds = num('AB_SECONDS', 30);
  const users = num('AB_USERS', 200);
  const residents = residentsOf(users);
  const routesOf = await routesFor(trees, /.*/);
  const probes = await probesFor(trees);
  const runs: Array<{ round: number; label: string } & WorkingDay> = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const tree of round % 2 === 1 ? trees : [...trees].reverse()) {
        const server = await startServer(envOf(tree.db), { cwd: tree.dir });
        const probe = cpuProbe(probes.get(tree.db)!, databaseName(tree.db), server.child.pid!);
        try {
          const routes = routesOf.get(tree.db)!;
          // Warm-up: a short working day of its own, not counted.
          await workingDay(server.url, routes, { users, residents, thinkSeconds: 2, seconds: 5 });
          const day = await workingDay(server.url, routes, { users, residents, thinkSeconds: 2, seconds }, probe);
          runs.push({ round, label: tree.label, ...day });
          console.error(`${round} ${tree.label} working day: ${day.figures.requestsPerSecond}/s, p50 ${day.figures.p50} p99 ${day.figures.p99} ms; ${Object.entries(day.byRoute).map(([r, f]) => `${r} ${f.p99}`).join(', ')}`);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    for (const client of probes.values()) await client.end();
  }
  return { trees, rounds, seconds, runs };
}

async function who() {
  const out = [];
  for (const { label, value: db } of labelled(process.env.AB_DATABASES, `kept=${dbName}`)) {
    const store = await openStore(configOf(db), { keyring, poolSize: 8 });
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
        console.error(`${label} pass ${pass}: ${JSON.stringify(passes.at(-1))}`);
      }
      const entries = (await sql<{ n: number }>`select count(*)::int8 as n from processing_log`.execute(database.db)).rows[0]!.n;
      out.push({ label, database: db, logEntries: Number(entries), passes });
    } finally {
      await store.close();
    }
  }
  return out;
}

/** Durable appends as bench scale measures them (8 × 100 and 32 × 10), the databases in alternating order. */
async function appends() {
  const dbs = labelled(process.env.AB_DATABASES, `kept=${dbName}`);
  const rounds = num('AB_ROUNDS', 2);
  const seconds = num('AB_SECONDS', 10);
  // Who and what the entries are about, read once per database.
  const worlds = new Map<string, LogWorld>();
  for (const { value: db } of dbs) {
    const store = await openStore(configOf(db), { keyring, poolSize: 2 });
    const { database, gateEnv } = storeInternals(store);
    worlds.set(db, await logWorld(database.db, (c) => gateEnv.activityId(c)));
    await store.close();
  }
  const runs = [];
  for (let round = 1; round <= rounds; round++) {
    for (const { label, value: db } of round % 2 === 1 ? dbs : [...dbs].reverse()) {
      const config = configOf(db);
      const writers = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pgPool(config.database.url!, config.database.appRole, 40) }) });
      try {
        for (const [w, perTx] of [[8, 100], [32, 10]] as const) {
          const r = await appendRate(writers, keyring, config.log.chains, worlds.get(db)!, w, perTx, seconds);
          runs.push({ round, label, ...r });
          console.error(`${round} ${label} ${w} x ${perTx}: ${r.entriesPerSecond}/s, p99 ${r.p99Ms} ms`);
        }
      } finally {
        await writers.destroy();
      }
    }
  }
  return { seconds, runs };
}

/** A copy of the kept database under another name (a file copy: no connection may be open to it). */
async function copy(name: string) {
  // The copy is dropped first if it exists: only a name of the kept database's family, never the kept one.
  if (!/^[a-z0-9_]+$/.test(name) || !name.startsWith(`${dbName}_`)) throw new Error(`a copy's name starts with ${dbName}_ and has lower-case letters, digits and _ only`);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const t0 = performance.now();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name} template ${dbName} strategy file_copy`);
    return { from: dbName, to: name, seconds: Math.round((performance.now() - t0) / 100) / 10 };
  } finally {
    await admin.end();
  }
}

const [what, arg] = process.argv.slice(2);
const result =
  what === 'pages' && arg ? await pages(new RegExp(arg))
  : what === 'mix' ? await mix()
  : what === 'who' ? await who()
  : what === 'appends' ? await appends()
  : what === 'copy' && arg ? await copy(arg)
  : null;
if (!result) {
  console.error("usage: node --import tsx bench/scale/ab.ts pages '<path regex>' | mix | who | appends | copy <name>");
  process.exitCode = 2;
} else console.log(JSON.stringify(result, null, 2));
