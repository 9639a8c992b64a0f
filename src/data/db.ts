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
import { pgCopyOut, pgPool, setLocal, type CopyOut } from './pg.ts';
import type { Config, DatabaseKind } from '../config/config.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /**
   * Stream the rows of `COPY (query) TO STDOUT WITH (FORMAT binary)` as raw chunks: the fast bulk read
   * of `log verify`. `query` is a SELECT built by the caller from constants and numbers only; `settings`
   * (planner settings, constants) apply to this statement only (SET LOCAL in its own transaction).
   */
  copyOutBinary: CopyOut;
  /** PostgreSQL only: how to open more connections as this one does (worker threads of `log verify`). */
  connection?: { url: string; role: string | null };
  close(): Promise<void>;
}

export type DatabaseMode = 'app' | 'owner';
export { pgPool, type CopyOut };

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

export interface OpenOptions {
  mode?: DatabaseMode;
  /** Use an already open PGlite (tests, the template copy). */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  const mode = opts.mode ?? 'app';
  if (config.database.kind === 'postgresql') {
    const connection = { url: config.database.url!, role: mode === 'app' ? config.database.appRole : null };
    const pool = pgPool(connection.url, connection.role, opts.poolSize ?? config.database.poolSize);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', copyOutBinary: pgCopyOut(pool), connection, close: () => db.destroy() };
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
