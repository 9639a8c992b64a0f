/**
 * The database connection: Kysely over PostgreSQL (pg) when DATABASE_URL is set, otherwise an embedded,
 * file-backed PGlite in DATA_DIR. Only src/data may import this file or the drivers (dependency rule).
 *
 * Driver type differences are aligned here so that the rest of the code sees one set of types
 * (research/stack.md gotcha 8): int8 → number, interval → string, date → 'YYYY-MM-DD' string,
 * bytea → Uint8Array (pg's Buffer is one), timestamptz → Date, numeric → string, jsonb → object.
 *
 * On PostgreSQL the running application assumes a role without UPDATE/DELETE/TRUNCATE on the
 * processing-log tables (migration 0002); migrations run as the connecting (owner) role.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Config, DatabaseKind } from '../config/config.ts';
import type { DB } from './schema.ts';

const OID_INT8 = 20;
const OID_DATE = 1082;
const OID_INTERVAL = 1186;

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /**
   * Stream the rows of `COPY (query) TO STDOUT WITH (FORMAT binary)` as raw chunks: the fast bulk read
   * of `log verify`. `query` is a SELECT built by the caller from constants and numbers only; `settings`
   * (planner settings, constants) apply to this statement only (SET LOCAL in its own transaction).
   */
  copyOutBinary(query: string, settings?: Readonly<Record<string, string>>): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

export type DatabaseMode = 'app' | 'owner';

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
    if (oid === OID_INT8) return (v: string) => Number(v);
    if (oid === OID_DATE) return (v: string) => v;
    if (oid === OID_INTERVAL) return (v: string) => v;
    return pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown;
  },
};

const pgliteParsers = {
  [pgliteTypes.INT8]: (v: string) => Number(v),
  [pgliteTypes.DATE]: (v: string) => v,
  [pgliteTypes.INTERVAL]: (v: string) => v,
};

/** Open the embedded database. Always the single-object constructor form (stack.md gotcha 7). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const instance = new PGlite({ dataDir, parsers: pgliteParsers, loadDataDir });
  await instance.waitReady;
  return instance;
}

export function pgPool(url: string, role: string | null, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: pgTypes,
    // The application role is taken at connection start, so every query of the app runs under it.
    // JIT off: short OLTP queries whose row estimates cross jit_above_cost pay for compiling (measured
    // on the 10M-entry log: a 20k-row verify page took 228 ms with JIT, 95 ms without).
    options: role ? `-c role=${role} -c jit=off` : '-c jit=off',
    application_name: role ? 'zorgvuldig' : 'zorgvuldig-owner',
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one: pg emits 'error' on a client whose connection dies between queries, and
  // the pool listens only while the client is idle. The query in flight is rejected anyway (→ 503
  // SERVICE.UNAVAILABLE), and the pool discards the broken client when it is released (issue 8).
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

/** SET LOCAL statements for planner settings given by code (names and values are checked, not quoted). */
function setLocal(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([k, v]) => {
      if (!/^[a-z_]+$/.test(k) || !/^[a-z0-9_]+$/.test(v)) throw new Error(`bad setting ${k}`);
      return `set local ${k} = ${v};`;
    })
    .join(' ');
}

export interface OpenOptions {
  mode?: DatabaseMode;
  /** Use an already open PGlite (tests, the template copy). */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  const mode = opts.mode ?? 'app';
  if (config.database.kind === 'postgresql') {
    const pool = pgPool(config.database.url!, mode === 'app' ? config.database.appRole : null, opts.poolSize ?? 10);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    async function* copyOutBinary(query: string, settings: Readonly<Record<string, string>> = {}): AsyncIterable<Buffer> {
      const client = await pool.connect();
      let finished = false;
      try {
        await client.query(`begin; ${setLocal(settings)}`);
        const stream = client.query(copyTo(`copy (${query}) to stdout with (format binary)`));
        for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
        await client.query('commit');
        finished = true;
      } finally {
        // A stream left before its end (an error, or the reader stopped) leaves the connection mid-COPY:
        // discard it rather than hand it back to the pool.
        client.release(finished ? undefined : true);
      }
    }
    return { db, kind: 'postgresql', copyOutBinary, close: () => db.destroy() };
  }
  const pglite = opts.pglite ?? (await openPglite(config.database.dataDir));
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  async function* copyOutBinary(query: string, settings: Readonly<Record<string, string>> = {}): AsyncIterable<Buffer> {
    const blob = await pglite.transaction(async (tx) => {
      if (Object.keys(settings).length > 0) await tx.exec(setLocal(settings));
      return (await tx.query(`copy (${query}) to '/dev/blob' with (format binary)`)).blob;
    });
    if (blob) yield Buffer.from(await blob.arrayBuffer());
  }
  return {
    db,
    kind: 'pglite',
    copyOutBinary,
    close: async () => {
      await db.destroy();
      if (!opts.pglite && !pglite.closed) await pglite.close();
    },
  };
}
