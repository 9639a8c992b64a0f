/**
 * Every index on the log tables costs every append (issue 8: durable appends are the log's throughput),
 * so the log keeps only the indexes a query of the product reads by. Migration 0011 dropped the one on
 * trace_id, which no query used. A new index here needs the query that uses it, and a new lookup needs
 * its index: this test names the set, so that neither changes unnoticed.
 */
import { Kysely, Migrator, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/data/db.ts';
import { allMigrations } from '../../src/data/migrations/index.ts';

const pglite = await openPglite(undefined);
const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
afterAll(async () => db.destroy());

function migrator(upTo: string | null): Migrator {
  const all = allMigrations('zorgvuldig_app');
  const kept = upTo === null ? all : Object.fromEntries(Object.keys(all).filter((n) => n <= upTo).map((n) => [n, all[n]!]));
  return new Migrator({ db, provider: { getMigrations: async () => kept }, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
}

async function logIndexes(): Promise<string[]> {
  const rows = await sql<{ indexdef: string }>`
    select indexdef from pg_indexes where tablename in ('processing_log', 'access_record', 'log_denial') order by indexname`.execute(db);
  // The definition without the schema, e.g. "processing_log_subject ON processing_log (data_subject_id, start_time)".
  return rows.rows.map((r) => r.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, '$1').replace(/ USING btree/, '').replace(/public\./g, ''));
}

describe('the log tables keep only the indexes a query reads by', () => {
  it('before 0011 the log had an index on trace_id; after it, only these', async () => {
    expect((await migrator('0010-notice-page-index').migrateToLatest()).error).toBeUndefined();
    expect((await logIndexes()).some((d) => d.includes('(trace_id)'))).toBe(true);
    const after = await migrator(null).migrateToLatest();
    expect(after.error).toBeUndefined();
    expect(after.results?.map((r) => r.migrationName)).toEqual(['0011-log-without-trace-index']);
    expect(await logIndexes()).toEqual([
      // access_record: its entry; the actor (the privacy officer's review by professional); the denials.
      'access_record_actor ON access_record (actor_id)',
      "access_record_decision ON access_record (decision) WHERE (decision = 'deny'::text)",
      'UNIQUE access_record_pkey ON access_record (log_id)',
      // log_denial: "who viewed" subtracts a period's denials per subject (migration 0009).
      'UNIQUE log_denial_pkey ON log_denial (log_id)',
      'log_denial_subject ON log_denial (data_subject_id, start_time)',
      // processing_log: one place per chain (verify); by id (verify, joins); by subject ("who viewed",
      // the LDV export, the review by resident); by period (the review, the council report).
      'UNIQUE processing_log_chain_id_seq_key ON processing_log (chain_id, seq)',
      'UNIQUE processing_log_pkey ON processing_log (id)',
      'processing_log_start ON processing_log (start_time)',
      'processing_log_subject ON processing_log (data_subject_id, start_time)',
    ]);
  });
});
