/**
 * 0007 — an index for the involvement matches by household (issue 8, Enschede scale): the matches of a
 * household are looked up by it (recording them, and destroying a household's files at the end of their
 * retention, whose foreign key would otherwise scan every match).
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export const matchIndexMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runScript(db, `create index involvement_match_household on involvement_match (household_id, professional_a, professional_b);`);
  },
};
