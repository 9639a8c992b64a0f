/**
 * 0009 — denied entries indexed by data subject, so that "who viewed my data" counts without the
 * access records (issue 8: "who viewed" p99 < 50 ms at 10M entries).
 *
 * The resident's view lists permitted processing only: a denial means nobody saw anything. Its count
 * therefore had to join every entry of the period to its access record to read the decision — for a
 * resident with a heavy log about a thousand random reads (EXPLAIN at 10M entries: 23 ms, 1,001 buffers
 * read), which decided the query's p99. Denials are few. With them indexed apart, the count is the
 * entries of the period (an index-only walk of processing_log_subject) minus the denials of the period
 * (an index walk here); the access records are read only for the page shown.
 *
 * log_denial holds one row per denied entry: its id, subject and start time, copied from the entry by
 * the writer's one statement that inserts the entry. It is an index, not evidence: the count subtracts a
 * denial only where the entry and its (hashed) access record say so, so a row put in by hand lowers no
 * count; a row taken out would raise it. It is append-only like the log, and `log verify` reports an entry
 * it holds wrongly or misses (`denial-index-mismatch`). The rows already in the log are indexed here,
 * from the access records.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function logDenialsMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        create table log_denial (
          log_id bigint primary key,
          data_subject_id text,
          start_time timestamptz not null
        );

        insert into log_denial (log_id, data_subject_id, start_time)
        select l.id, l.data_subject_id, l.start_time
        from access_record a join processing_log l on l.id = a.log_id
        where a.decision = 'deny'
        order by l.id;

        create index log_denial_subject on log_denial (data_subject_id, start_time);

        create trigger log_denial_append_only before update or delete on log_denial
          for each row execute function zv_refuse_log_change();
        create trigger log_denial_no_truncate before truncate on log_denial
          for each statement execute function zv_refuse_log_change();
        grant select, insert on log_denial to ${appRole};
        revoke update, delete, truncate on log_denial from ${appRole};
        `,
      );
    },
  };
}
