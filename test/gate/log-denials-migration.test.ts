/**
 * Migration 0009 indexes the denials already in the log: on a database migrated up to 0008 with entries
 * written before it (permitted and denied, about residents and about nobody), the migration fills
 * log_denial with exactly the denied entries, each with its entry's subject and start time.
 */
import { randomUUID } from 'node:crypto';
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
  const names = Object.keys(all).sort();
  const kept = upTo === null ? all : Object.fromEntries(names.filter((n) => n <= upTo).map((n) => [n, all[n]!]));
  return new Migrator({ db, provider: { getMigrations: async () => kept }, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
}

describe('migration 0009: the denials already in the log are indexed', () => {
  it('log_denial holds exactly the denied entries written before it, with subject and start time', async () => {
    const before = await migrator('0008-log-without-row-locks').migrateToLatest();
    expect(before.error).toBeUndefined();
    const activity = randomUUID();
    await sql`insert into processing_activity (id, code, version, name, purpose, legal_basis, categories, data_subjects, recipients, retention, measures, valid_from)
      values (${activity}, 'pa-test', 1, 'test', 'test', 'test', '{}', '{}', '{}', 'test', 'test', now())`.execute(db);
    await sql`insert into log_chain (id, seq, head) values (0, 4, '\\x00')`.execute(db);
    const rows: Array<[number, string | null, string, 'permit' | 'deny']> = [
      [1, 'subject-a', '2025-01-02T10:00:00Z', 'permit'],
      [2, 'subject-a', '2025-01-03T11:00:00Z', 'deny'],
      [3, null, '2025-01-04T12:00:00Z', 'deny'],
      [4, 'subject-b', '2025-01-05T13:00:00Z', 'permit'],
    ];
    for (const [seq, subject, start, decision] of rows) {
      const id = await sql<{ id: number }>`
        insert into processing_log (chain_id, seq, trace_id, span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, prev_hash, hash)
        values (0, ${seq}, 't', 's', 'household.read', ${start}, ${start}, 1, ${activity}, ${subject}, '\\x00', '\\x00') returning id`.execute(db);
      await sql`insert into access_record (log_id, actor_kind, actor_role, purpose_code, action, object_type, categories, decision, rule_ids, rule_version)
        values (${id.rows[0]!.id}, 'professional', 'professional', 'help_request', 'read', 'household', '{}', ${decision}, '{}', '2026.1')`.execute(db);
    }
    const after = await migrator(null).migrateToLatest();
    expect(after.error).toBeUndefined();
    expect(after.results?.map((r) => r.migrationName)).toContain('0009-log-denials');
    const indexed = await sql<{ seq: number; data_subject_id: string | null; start_time: Date }>`
      select l.seq, d.data_subject_id, d.start_time from log_denial d join processing_log l on l.id = d.log_id order by l.seq`.execute(db);
    expect(indexed.rows.map((r) => [Number(r.seq), r.data_subject_id, new Date(r.start_time).toISOString()])).toEqual([
      [2, 'subject-a', '2025-01-03T11:00:00.000Z'],
      [3, null, '2025-01-04T12:00:00.000Z'],
    ]);
  });
});
