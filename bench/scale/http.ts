/**
 * Page-level HTTP load against the real server in its own process (`node bin/zorgvuldig.js start`), so
 * that the load generator (autocannon, in the benchmark's process) and the app do not share an event
 * loop. Routes are discovered from the server's own /openapi.json: every GET route that needs a session
 * and answers 200 for the personas' own objects is measured, so routes added later are measured too.
 * CPU time of the server, its PostgreSQL backends and the load generator is sampled per run, and the
 * server can run under --cpu-prof for a profile of where its time goes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type pg from 'pg';
import type { BenchPersona, ProObjects } from './world.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** The server in its own process; `cwd` another checkout of the code (bench/scale/ab.ts compares two). */
export async function startServer(env: Record<string, string>, opts: { profileDir?: string; cwd?: string } = {}): Promise<Server> {
  const port = await freePort();
  const args = [...(opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : []), 'bin/zorgvuldig.js', 'start'];
  const child = spawn(process.execPath, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...env, PORT: String(port), DEV_IDP_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const deadline = Date.now() + 120_000;
  while (!out.includes('Zorgvuldig is running')) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${out.slice(-800)}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out.slice(-800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export interface RouteLoad {
  name: string;
  path: string;
  kind: 'professional' | 'resident';
  /** Request paths with the cookie of the persona they belong to. */
  requests: Array<{ path: string; cookie: string }>;
}

const NAMES: Record<string, string> = {
  '/api/werkplek/households': 'caseload',
  '/api/households/{id}': 'household',
  '/api/help-requests/{id}': 'help request',
  '/api/search': 'search',
  '/api/mijn/overview': 'resident portal overview',
};

function kindOf(path: string, param: string): keyof ProObjects {
  const before = path.split(`{${param}}`)[0]!.split('/').filter(Boolean).pop() ?? '';
  const table: Array<[RegExp, keyof ProObjects]> = [
    [/household/i, 'household'],
    [/help-request|helpRequest/i, 'helpRequest'],
    [/data-item|item/i, 'dataItem'],
    [/professional/i, 'professional'],
    [/resident|member/i, 'resident'],
    [/sub-activit|subActivit/i, 'subActivity'],
    [/plan/i, 'plan'],
  ];
  for (const [re, kind] of table) if (re.test(before) || re.test(param)) return kind;
  return 'household';
}

type Op = { parameters?: Array<{ name: string; in: string; required?: boolean; schema?: { format?: string; enum?: string[] } }>; responses?: Record<string, unknown> };

/** Request paths of one persona for one route (its own objects), or [] when the route needs what it lacks. */
function pathsFor(path: string, op: Op, p: BenchPersona): string[] {
  const params = op.parameters ?? [];
  const query: string[] = [];
  for (const q of params.filter((x) => x.in === 'query')) {
    if (q.name === 'q' && p.surname) query.push(`q=${encodeURIComponent(p.surname.slice(0, 6))}`);
    else if (q.required) {
      if (q.schema?.enum?.length) query.push(`${q.name}=${encodeURIComponent(q.schema.enum[0]!)}`);
      else return [];
    }
  }
  if (path === '/api/search' && query.length === 0) return [];
  const qs = query.length ? `?${query.join('&')}` : '';
  const pathParams = params.filter((x) => x.in === 'path');
  if (pathParams.length === 0) return [`${path}${qs}`];
  const first = pathParams[0]!;
  const ids = p.objects[kindOf(path, first.name)] ?? [];
  return ids.slice(0, 8).map((id) => `${path.replace(/\{([^}]+)\}/g, (_, n: string) => (n === first.name ? id : (p.objects[kindOf(path, n)]?.[0] ?? id)))}${qs}`);
}

/** Discover the measurable page-level routes: GET, needs a session, answers 200 for most sampled requests. */
export async function discoverRoutes(url: string, personas: BenchPersona[], opts: { skip?: RegExp } = {}): Promise<{ routes: RouteLoad[]; skipped: Array<{ path: string; reason: string }> }> {
  const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Op>> };
  const routes: RouteLoad[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  for (const [path, item] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    const op = item.get;
    if (!op || !op.responses?.['401']) continue;
    if (opts.skip?.test(path)) {
      skipped.push({ path, reason: 'excluded (SCALE_SKIP_ROUTES)' });
      continue;
    }
    let chosen: RouteLoad | null = null;
    for (const kind of ['professional', 'resident'] as const) {
      const requests = personas.filter((p) => p.kind === kind).flatMap((p) => pathsFor(path, op, p).map((x) => ({ path: x, cookie: p.cookie })));
      if (requests.length === 0) continue;
      const sample = requests.filter((_, i) => i % Math.max(1, Math.floor(requests.length / 12)) === 0).slice(0, 12);
      const ok = (await Promise.all(sample.map(async (r) => (await fetch(`${url}${r.path}`, { headers: { cookie: r.cookie } })).status))).filter((s) => s === 200).length;
      if (ok / sample.length >= 0.75) {
        chosen = { name: NAMES[path] ?? path, path, kind, requests };
        break;
      }
    }
    if (chosen) routes.push(chosen);
    else skipped.push({ path, reason: 'no persona of the seeded municipality gets 200 from it without further input' });
  }
  return { routes, skipped };
}

// ---------------------------------------------------------------------------------------------
// Load and CPU
// ---------------------------------------------------------------------------------------------

export interface LoadFigures {
  connections: number;
  /**
   * Paced runs (users): the mean think time of each user between two pages. Absent for closed-loop
   * runs, where every connection sends its next request as soon as the answer is in (saturation).
   */
  thinkSeconds?: number;
  /** Paced runs: the request rate the users offer together (users ÷ think time). */
  offeredPerSecond?: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  /** Share of one core used during the run (1.0 = one core fully busy). */
  cpu: { server: number; postgres: number; loadGenerator: number };
  loadAverage: number;
}

/** CPU ticks of the backends now alive, less what they had at the start (new ones count from zero). */
function backendDelta(beforeTicks: Map<number, number>, pidsNow: readonly number[]): number {
  return pidsNow.reduce((n, p) => n + Math.max(0, ticks(p) - (beforeTicks.get(p) ?? 0)), 0);
}

/** Start measuring CPU; the function returned gives the shares of one core over `wall` seconds. */
async function cpuMeter(probe?: CpuProbe): Promise<(wall: number) => Promise<Pick<LoadFigures, 'cpu' | 'loadAverage'>>> {
  const pgBefore = new Map((probe ? await probe.backendPids() : []).map((p) => [p, ticks(p)] as const));
  const server = probe ? serverTicks(probe.serverPid) : 0;
  const self = process.cpuUsage();
  const la = loadavg()[0]!;
  return async (wall) => {
    const used = process.cpuUsage(self);
    const share = (t: number) => Math.round((t / 100 / wall) * 100) / 100;
    return {
      cpu: {
        server: probe ? share(serverTicks(probe.serverPid) - server) : 0,
        postgres: probe ? share(backendDelta(pgBefore, await probe.backendPids())) : 0,
        loadGenerator: Math.round(((used.user + used.system) / 1e6 / wall) * 100) / 100,
      },
      loadAverage: Math.round(la * 10) / 10,
    };
  };
}

/** CPU ticks of the server: its process and its children (the workers of `start --workers N`). */
function serverTicks(pid: number): number {
  let n = ticks(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(f[1]) === pid) n += Number(f[11]) + Number(f[12]);
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

function ticks(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

export interface CpuProbe {
  serverPid: number;
  /** PostgreSQL backend pids serving the app (refreshed per run). */
  backendPids: () => Promise<number[]>;
}

/** The server's process and its PostgreSQL backends on `dbName`, seen through `probeDb` (a connection of the benchmark's own). */
export function cpuProbe(probeDb: pg.Client, dbName: string, serverPid: number): CpuProbe {
  return {
    serverPid,
    backendPids: async () => (await probeDb.query(`select pid from pg_stat_activity where datname = $1 and application_name = 'zorgvuldig'`, [dbName])).rows.map((r: { pid: number }) => r.pid),
  };
}

/**
 * DATABASE_URL with another database name: the scale database on the same server, or with `name:port`
 * on another server of the same host (the sized copy of bench/scale/sized-postgres.sh, say).
 */
export function databaseUrl(name: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  const [db, port] = name.split(':');
  u.pathname = `/${db}`;
  if (port) u.port = port;
  return u.toString();
}

/** The database's own name in `name` or `name:port` (see databaseUrl). */
export const databaseName = (name: string): string => name.split(':')[0]!;

/** The environment of the measured server (and of the seed command) on the scale database `dbName`. */
export function serverEnv(dbName: string, keysFile: string): Record<string, string> {
  return { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', DATABASE_URL: databaseUrl(dbName), ZORGVULDIG_KEYS_FILE: keysFile, DATA_DIR: join(ROOT, '.tmp', 'scale-data') };
}

export async function load(url: string, requests: Array<{ path: string; cookie: string }>, connections: number, seconds: number, probe?: CpuProbe): Promise<LoadFigures> {
  let i = 0;
  const statuses: Record<string, number> = {};
  const meter = await cpuMeter(probe);
  const t0 = performance.now();
  const result = (await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const r = requests[i++ % requests.length]!;
          return { ...req, path: r.path, headers: { ...(req.headers as Record<string, string>), cookie: r.cookie } };
        },
        onResponse: (status: number) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  })) as unknown as { requests: { average: number; total: number }; latency: { p50: number; p90: number; p99: number; max: number }; non2xx: number; errors: number; timeouts: number };
  const wall = (performance.now() - t0) / 1000;
  return {
    connections,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    ...(await meter(wall)),
  };
}

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time of the server's CPU profile, grouped by where the code lives and by function. */
export function summariseProfile(dir: string): { processes: number; samples: number; byArea: Array<{ area: string; share: number }>; topFunctions: Array<{ fn: string; share: number }> } | null {
  // One profile per process: the server, and each of its workers when it runs several (summed).
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return null;
  const profiles = files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[] });
  const total = profiles.reduce((n, p) => n + p.samples.length, 0);
  const area = (n: ProfileNode): string => {
    const u = n.callFrame.url;
    const f = n.callFrame.functionName;
    if (f === '(idle)') return 'idle (waiting for I/O)';
    if (f === '(garbage collector)') return 'garbage collection';
    if (f === '(program)') return 'V8/native (program)';
    const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u);
    if (m) {
      const pkg = m[1]!;
      if (/^(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-)/.test(pkg)) return 'pg driver';
      if (/^kysely/.test(pkg)) return 'kysely';
      if (/fastify|find-my-way|light-my-request|avvio|fast-json-stringify|ajv|secure-json-parse|pino|@fastify/.test(pkg)) return 'fastify (routing, validation, serialisation, logging)';
      if (/autocannon/.test(pkg)) return 'autocannon';
      return `npm: ${pkg}`;
    }
    if (u.includes('/src/core/policy/')) return 'gate: decide (src/core/policy)';
    if (u.includes('/src/core/log/') || u.includes('/src/core/crypto/')) return 'log chain + crypto (src/core/log, crypto)';
    if (u.includes('/src/data/gate/')) return 'gate: session, facts (src/data/gate)';
    if (u.includes('/src/data/repository/')) return 'repositories (src/data/repository)';
    if (u.includes('/src/data/')) return 'data layer other (src/data)';
    if (u.includes('/src/server/')) return 'server modules (src/server)';
    if (u.startsWith('node:') || u === '') return 'Node.js core (net, http, crypto, streams, JSON)';
    return 'other';
  };
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const prof of profiles) {
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const counts = new Map<number, number>();
    for (const s of prof.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
    for (const [id, c] of counts) {
      const n = byId.get(id)!;
      const a = area(n);
      areas.set(a, (areas.get(a) ?? 0) + c);
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
      fns.set(key, (fns.get(key) ?? 0) + c);
    }
  }
  const pct = (c: number) => Math.round((c / total) * 1000) / 10;
  return {
    processes: files.length,
    samples: total,
    byArea: [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([a, c]) => ({ area: a, share: pct(c) })),
    topFunctions: [...fns.entries()]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, c]) => ({ fn, share: pct(c) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Paced users
// ---------------------------------------------------------------------------------------------

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

/** p50, p90, p99 and max of latencies in ms, sorted ascending. */
function latencyOf(sorted: readonly number[]): { p50: number; p90: number; p99: number; max: number } {
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: Math.round((sorted.at(-1) ?? 0) * 10) / 10 };
}

/**
 * `users` people, each with their own keep-alive connection, who wait a random think time (exponential,
 * mean `thinkSeconds`, so arrivals are not synchronised) before each page: an open workload, the way a
 * municipality's professionals use it. autocannon's overallRate sends its quota in bursts at the start
 * of each second, which measures a burst of 100 simultaneous requests rather than 200 users.
 */
export async function paced(url: string, requests: Array<{ path: string; cookie: string }>, users: number, thinkSeconds: number, seconds: number, probe?: CpuProbe): Promise<LoadFigures> {
  let i = 0;
  const { byRoute: _, ...figures } = await pacedBy(url, users, thinkSeconds, seconds, () => requests[i++ % requests.length]!, probe);
  return figures;
}

/** One page a paced user asks for: the path, whose session, and (for figures per route) the route's template. */
export interface PacedRequest {
  path: string;
  cookie: string;
  route?: string;
}

/** Latency of the pages of one route within a paced run of several routes. */
export interface RouteFigures {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
}

/**
 * Paced users as in `paced`, where `next(user, nth)` says which page user number `user` (0-based) asks for
 * as its `nth` page (1-based): one route for all, or a journey through several (mix.ts). Figures over all
 * pages, and per route where the requests name one.
 */
export async function pacedBy(
  url: string,
  users: number,
  thinkSeconds: number,
  seconds: number,
  next: (user: number, nth: number) => PacedRequest,
  probe?: CpuProbe,
): Promise<LoadFigures & { byRoute: Record<string, RouteFigures> }> {
  const { request, Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: users });
  const base = new URL(url);
  const latencies: number[] = [];
  const perRoute = new Map<string, { ms: number[]; non2xx: number }>();
  const statuses: Record<string, number> = {};
  let errors = 0;
  const meter = await cpuMeter(probe);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  // Exponential think time, cut at the end of the window (a user still thinking then sends nothing more).
  const think = () => new Promise<void>((r) => setTimeout(r, Math.min(-Math.log(1 - Math.random()) * thinkSeconds * 1000, Math.max(0, end - performance.now()))));
  const slow: Array<{ at: number; ms: number; nth: number; route?: string }> = [];
  const get = (r: PacedRequest, nth: number) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = request({ host: base.hostname, port: base.port, path: r.path, agent, headers: { cookie: r.cookie } }, (res) => {
        res.resume();
        res.on('end', () => {
          const ms = performance.now() - start;
          latencies.push(ms);
          if (ms > 100) slow.push({ at: Math.round(start - t0), ms: Math.round(ms), nth, route: r.route });
          statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
          if (r.route !== undefined) {
            const mine = perRoute.get(r.route) ?? { ms: [], non2xx: 0 };
            mine.ms.push(ms);
            if (res.statusCode! < 200 || res.statusCode! >= 300) mine.non2xx++;
            perRoute.set(r.route, mine);
          }
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      for (let nth = 1; ; nth++) {
        await think();
        if (performance.now() >= end) return;
        await get(next(user, nth), nth);
      }
    }),
  );
  agent.destroy();
  if (process.env.SCALE_DEBUG_SLOW) console.error(`slow (>100 ms): ${JSON.stringify(slow)}`);
  const wall = (performance.now() - t0) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((n, [s, c]) => n + (Number(s) >= 200 && Number(s) < 300 ? c : 0), 0);
  const byRoute: Record<string, RouteFigures> = {};
  for (const [route, { ms, non2xx }] of [...perRoute].sort(([a], [b]) => a.localeCompare(b))) {
    const xs = [...ms].sort((a, b) => a - b);
    byRoute[route] = { requests: xs.length, ...latencyOf(xs), non2xx };
  }
  return {
    connections: users,
    thinkSeconds,
    offeredPerSecond: Math.round(users / thinkSeconds),
    seconds,
    requestsPerSecond: Math.round(latencies.length / seconds),
    ...latencyOf(sorted),
    requests: latencies.length,
    non2xx: latencies.length - ok,
    errors,
    timeouts: 0,
    statuses,
    ...(await meter(wall)),
    byRoute,
  };
}
