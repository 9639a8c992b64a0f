/**
 * Runs once per `vitest run`: prepares a migrated template database so each test file gets a fresh,
 * isolated database in about a second instead of paying initdb + migrations every time
 * (research/stack.md gotcha 12). PGlite: a dumped data dir; PostgreSQL: a TEMPLATE database.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { migrateToLatest } from '../../src/data/migrate.ts';
// This run's id, inherited by the test workers, which derive the template names from it (paths.ts).
process.env.ZV_TEST_RUN ??= String(process.pid);
const { TEMPLATE_DB, TEMPLATE_FILE, adminUrl, APP_ROLE } = await import('./paths.ts');

export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync('.tmp', { recursive: true });
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${TEMPLATE_DB}`;
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });
    await migrateToLatest(db, APP_ROLE);
    await db.destroy();
    return async () => {
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
      await a.end();
    };
  }
  const pglite = new PGlite({});
  await pglite.waitReady;
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db, APP_ROLE);
  const dump = await pglite.dumpDataDir('none');
  // Write then rename, so a reader never sees half a file.
  writeFileSync(`${TEMPLATE_FILE}.part`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${TEMPLATE_FILE}.part`, TEMPLATE_FILE);
  await db.destroy();
  return async () => rmSync(TEMPLATE_FILE, { force: true });
}
