/**
 * `zorgvuldig start --workers N` (WORKERS): several processes serve one port (issue 8, scale and
 * resilience). On PostgreSQL the real command runs as a child process with two workers: both serve, a
 * worker killed with SIGKILL is replaced while the other goes on serving, and SIGTERM stops every
 * process. On any database: more than one worker on the embedded database is refused with a clear
 * message, because a PGlite database belongs to the one process that opened it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { freePort } from '../support/net.ts';
import { databaseFromTemplate, onPostgres } from '../support/store.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string;
let database: Awaited<ReturnType<typeof databaseFromTemplate>> | null = null;
let env: Record<string, string>;

/** Pids of the direct children of `pid` (the workers of a primary). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === pid) out.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return out.sort((a, b) => a - b);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(extra: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['bin/zorgvuldig.js', 'start', ...args], { cwd: ROOT, env: { ...process.env, ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function statuses(url: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    // A new connection each time (no keep-alive), so that the requests are spread over the workers.
    const res = await fetch(`${url}/health`, { headers: { connection: 'close' } });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zv-workers-'));
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(Keyring.generateMaterial()), { mode: 0o600 });
  env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ZORGVULDIG_KEYS_FILE: join(dir, 'keys.json'), DATA_DIR: join(dir, 'data'), DEV_IDP_PORT: '0' };
  if (onPostgres) {
    database = await databaseFromTemplate('zv_workers');
    env.DATABASE_URL = database.url;
  }
});

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('more than one worker on the embedded database', () => {
  it('is refused by the configuration, naming WORKERS and DATABASE_URL (and so is a random port for several)', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', WORKERS: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', WORKERS: '2' })).toThrow(/WORKERS above 1 needs DATABASE_URL/);
    expect(loadConfig({ NODE_ENV: 'test', WORKERS: '2', DATABASE_URL: 'postgres://x@127.0.0.1/y' }).http.workers).toBe(2);
    expect(loadConfig({ NODE_ENV: 'test' }).http.workers).toBe(1);
    expect(() => loadConfig({ NODE_ENV: 'test', WORKERS: '0', DATABASE_URL: 'postgres://x@127.0.0.1/y' })).toThrow(/WORKERS/);
    // The workers share one port: a random one (PORT 0) cannot be shared, so it is refused too.
    expect(() => loadConfig({ NODE_ENV: 'test', WORKERS: '2', PORT: '0', DATABASE_URL: 'postgres://x@127.0.0.1/y' })).toThrow(/PORT 0 with WORKERS above 1/);
  });

  it('`start --workers 2` on PGlite stops with that message and no stack trace, before it listens', async () => {
    const s = start({ DATABASE_URL: '', PORT: String(await freePort()) }, ['--workers', '2']);
    const code = await new Promise<number | null>((r) => s.child.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(s.output()).toMatch(/WORKERS above 1 needs DATABASE_URL/);
    expect(s.output()).not.toMatch(/\n\s+at /);
    expect(s.output()).not.toMatch(/Zorgvuldig is running/);
  }, 60_000);
});

if (onPostgres) {
  describe('two workers on PostgreSQL', () => {
    it('two workers serve; a worker killed with SIGKILL is replaced while the other serves; SIGTERM stops every process', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const s = start({ PORT: String(port), WORKERS: '2' });
      try {
        await until('the primary says it runs', () => {
          if (s.child.exitCode !== null) throw new Error(`the server exited: ${s.output().slice(-800)}`);
          return /Zorgvuldig is running on .*2 workers/.test(s.output());
        });
        const primary = s.child.pid!;
        const first = childrenOf(primary);
        expect(first).toHaveLength(2);
        expect(await statuses(url, 10)).toEqual(Array(10).fill(200));

        // Kill one worker without warning: the other keeps serving, and the primary starts a new one.
        process.kill(first[0]!, 'SIGKILL');
        await until('the killed worker is gone', () => !alive(first[0]!));
        expect(await statuses(url, 5)).toEqual(Array(5).fill(200));
        await until('a new worker runs', () => {
          const now = childrenOf(primary);
          return now.length === 2 && !now.includes(first[0]!);
        });
        expect(s.output()).toMatch(new RegExp(`Worker ${first[0]} ended \\(SIGKILL\\); starting another`));
        const second = childrenOf(primary);
        expect(second).toContain(first[1]);
        // The new worker listens too: wait until it has taken its share of connections.
        await until('every request is answered', async () => (await statuses(url, 10)).every((x) => x === 200), 30_000);

        // SIGTERM: every worker stops, then the primary, with exit code 0.
        const exited = new Promise<number | null>((r) => s.child.once('exit', (c) => r(c)));
        s.child.kill('SIGTERM');
        expect(await exited).toBe(0);
        for (const pid of second) expect(alive(pid)).toBe(false);
      } finally {
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
        for (const pid of childrenOf(s.child.pid!)) process.kill(pid, 'SIGKILL');
      }
    }, 180_000);
  });
}
