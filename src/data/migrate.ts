/** Apply pending migrations (as the owner role). Used by `zorgvuldig migrate`, start-up and tests. */
import { Migrator, type MigrationResult } from 'kysely';
import type { Kysely } from 'kysely';
import { allMigrations } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>, appRole: string): Promise<MigrationResult[]> {
  const migrations = allMigrations(appRole);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}
