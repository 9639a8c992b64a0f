/**
 * 0007 — an index for the involvement matches by household (issue 8: measured at Enschede scale). The
 * notices read asks "is a current involvement of another organisation in my households not yet matched
 * with me?" before it records anything; without this index that question scans every match.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export const matchIndexMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runScript(db, `create index involvement_match_household on involvement_match (household_id, professional_a, professional_b);`);
  },
};
