/**
 * The app killed with SIGKILL during write load (issue 8 item 2): the real server (`node
 * bin/zorgvuldig.js start`) runs as a child process on its own database — a temporary DATA_DIR on
 * PGlite, a temporary database on PostgreSQL — takes concurrent writes over HTTP and is killed without
 * warning. After a restart every acknowledged write is there, none is there in part (each stored item
 * has the log entry of its creation), the processing log verifies, and the restarted app serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { Keyring, fieldAad } from '../../src/core/crypto/keyring.ts';
import { openStore, verifyProcessingLog } from '../../src/data/index.ts';
import { openPglite } from '../../src/data/db.ts';
import { buildApp } from '../../src/server/app.ts';
import { freePort } from '../support/net.ts';
import { databaseFromTemplate, onPostgres, type TestStore } from '../support/store.ts';
import { insertWorld } from '../support/world.ts';
import { findReads, findWrite, routesOf, worldPersonas, type FoundRead, type FoundWrite } from './support.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string;
let database: Awaited<ReturnType<typeof databaseFromTemplate>> | null = null;
let env: Record<string, string>;
let config: Config;
let keyring: Keyring;
let write: FoundWrite;
let read: FoundRead;

/** Open the database in this process (owner SQL + a store), run `fn`, close it again. */
async function withDatabase<T>(fn: (t: TestStore) => Promise<T>): Promise<T> {
  if (onPostgres) {
    const store = await openStore(config, { keyring, poolSize: 2 });
    const owner = new pg.Pool({ connectionString: config.database.url, max: 1 });
    // A later `drop database … with (force)` may meet a client still closing (57P01): not a failure.
    owner.on('error', () => {});
    owner.on('connect', (client) => client.on('error', () => {}));
    try {
      return await fn({ store, config, keyring, ownerSql: async (q, p) => (await owner.query(q, p as unknown[])).rows, withKeyring: async () => store, close: async () => {} });
    } finally {
      await store.close();
      await owner.end();
    }
  }
  const pglite = await openPglite(config.database.dataDir);
  const store = await openStore(config, { keyring, pglite, migrate: true });
  try {
    return await fn({ store, config, keyring, ownerSql: async (q, p) => (await pglite.query<Record<string, unknown>>(q, p as unknown[])).rows, withKeyring: async () => store, close: async () => {} });
  } finally {
    await store.close();
    if (!pglite.closed) await pglite.close();
  }
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/zorgvuldig.js', 'start'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), DEV_IDP_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!out.includes('Zorgvuldig is running')) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${out.slice(-500)}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${out.slice(-500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

async function stop(s: Server, signal: NodeJS.Signals): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill(signal);
  await exited;
}

async function post(server: Server, n: number): Promise<number> {
  try {
    const res = await fetch(`${server.url}${write.url}`, {
      method: 'POST',
      headers: { ...write.persona.headers, 'content-type': 'application/json' },
      body: JSON.stringify(write.body(n)),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0; // the connection died with the process
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zv-crash-'));
  const material = Keyring.generateMaterial();
  keyring = new Keyring(material);
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(material), { mode: 0o600 });
  env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ZORGVULDIG_KEYS_FILE: join(dir, 'keys.json'), DATA_DIR: join(dir, 'data') };
  if (onPostgres) {
    database = await databaseFromTemplate('zv_crash');
    env.DATABASE_URL = database.url;
  } else {
    env.DATABASE_URL = '';
  }
  config = loadConfig(env);
  // The world, the sessions and a write that succeeds, found with the app in this process.
  await withDatabase(async (t) => {
    const w = await insertWorld(t);
    const app = await buildApp({ config, store: t.store });
    await app.ready();
    try {
      const ops = await routesOf(app);
      const personas = await worldPersonas(t, w);
      write = await findWrite(app, ops, personas, w);
      read = (await findReads(app, ops, personas, w))[0]!;
    } finally {
      await app.close();
    }
  });
}, 300_000);

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the app killed with SIGKILL during write load', () => {
  it('after a restart every acknowledged write is there, nothing is there in part, the log verifies and the app serves', async () => {
    const server = await startServer();
    const outcomes: Array<{ n: number; status: number }> = [];
    let next = 1;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const n = next++;
        outcomes.push({ n, status: await post(server, n) });
      }
    };
    const killer = async () => {
      while (outcomes.filter((o) => o.status === 201).length < 30) {
        if (server.child.exitCode !== null) throw new Error(`the server died on its own: ${server.output().slice(-500)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      server.child.kill('SIGKILL');
      killed = true;
    };
    await Promise.all([worker(), worker(), worker(), worker(), worker(), worker(), killer()]);
    await stop(server, 'SIGKILL');
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.n);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 0)).toEqual([]);

    // Restart: the same database, a new process. It serves reads and takes writes again.
    const again = await startServer();
    try {
      const res = await fetch(`${again.url}${read.url}`, { headers: read.persona.headers });
      expect(res.status).toBe(200);
      expect(await post(again, 100_000)).toBe(201);
    } finally {
      await stop(again, 'SIGTERM');
    }

    // Every acknowledged write is stored; every stored one has the log entry of its creation.
    await withDatabase(async (t) => {
      const items = await t.ownerSql(`select id, value_text, value_cipher from data_item where recorded_at > now() - interval '1 hour'`);
      const values = new Set(items.map((i) => (i.value_text ? String(i.value_text) : keyring.decrypt(new Uint8Array(i.value_cipher as Uint8Array), fieldAad('data_item', 'value_cipher', String(i.id))))));
      for (const n of acknowledged) expect(values.has(write.marker(n)), `acknowledged write ${n}`).toBe(true);
      const orphans = await t.ownerSql(
        `select d.id from data_item d where d.recorded_at > now() - interval '1 hour' and not exists (select 1 from access_record a where a.object_id = d.id and a.action = 'create')`,
      );
      expect(orphans).toEqual([]);
      // The log of the killed and restarted app verifies (what `zorgvuldig log verify` runs).
      const verified = await verifyProcessingLog(t.store);
      expect(verified.failure).toBeUndefined();
      expect(verified.entries).toBeGreaterThan(acknowledged.length);
    });

  });
});

