/**
 * 0008 — the processing log without foreign keys, the register of processing activities append-only.
 *
 * A foreign key check runs for every inserted row and takes a FOR KEY SHARE lock on the row it points at.
 * Every log entry pointed at one of a handful of register rows (and at its chain's head row, and every
 * access record at its entry), so concurrent writers kept share-locking the same few rows: PostgreSQL
 * keeps such shared locks as multixacts. Measured with 32 writers × 10 entries per transaction: 12.4k
 * entries/s with the three keys, 15.5k/s without (database CPU 79 → 57 µs per entry; issue 8's durable
 * append rate).
 *
 * What the keys guaranteed is kept another way:
 * - an entry's chain exists: the writer moves the chain's head and inserts its entries in one statement,
 *   and `log verify` reports rows in a chain without a head row as `unchained-entries`;
 * - an access record belongs to its entry: both are inserted by that same statement, and the access
 *   facts are part of the entry's hash (a changed or deleted access record is a `hash-mismatch`; an
 *   access record without an entry is shown nowhere — "who viewed" joins the entries);
 * - an entry's processing activity exists: the writer takes the id from the register, the id is part of
 *   the entry's hash, and the register itself becomes append-only here (a change is a new version, as
 *   the register already worked: reference.ts only inserts), so no version an entry points at can go.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function logWithoutRowLocksMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        alter table processing_log drop constraint processing_log_chain_id_fkey;
        alter table processing_log drop constraint processing_log_processing_activity_id_fkey;
        alter table access_record drop constraint access_record_log_id_fkey;

        create function zv_refuse_register_change() returns trigger language plpgsql as $fn$
        begin
          raise exception 'the register of processing activities is versioned: add a version, never change or remove one (% on %)', tg_op, tg_table_name
            using errcode = 'insufficient_privilege';
        end
        $fn$;
        create trigger processing_activity_append_only before update or delete on processing_activity
          for each row execute function zv_refuse_register_change();
        create trigger processing_activity_no_truncate before truncate on processing_activity
          for each statement execute function zv_refuse_register_change();
        revoke update, delete, truncate on processing_activity from ${appRole};
        `,
      );
    },
  };
}
