/**
 * 0010 — the processing log partitioned by month (issue 8; docs/scale.md).
 *
 * Every log entry goes into `processing_log_subject` at the place of its data subject, so an append
 * touches a leaf of that index per person shown — 65 for a caseload page. In one table that index grows
 * with the whole log (823 MB at 10.8M entries, with 128 MB of shared buffers), and the leaves an append
 * needs are seldom in memory. Partitioned by the entry's start time, an append touches the indexes of
 * the current month only: a month of a city's log, small enough to stay cached. "Who viewed my data"
 * asks for a period, so it reads only the months of that period.
 *
 * - `processing_log` becomes a table partitioned by range of `start_time` (UTC months), with its
 *   indexes declared once on it (subject, trace, start) and the primary key `(id, start_time)`: a
 *   partitioned table's unique keys must hold its partition key. The ids still come from the one
 *   sequence, so an id names one entry.
 * - `(chain_id, seq)` stays unique within every partition. Across partitions the writer guarantees it:
 *   an append moves its chain's head from the seq it read to the seq after its entries under the head's
 *   row lock, and inserts only if the head moved; `log verify` reports a repeated or missing seq.
 * - The entries already in the log stay where they are: the table becomes the partition
 *   `processing_log_history`, for all times up to the end of the current month (or of the latest
 *   entry's month). An empty log has no history partition.
 * - `processing_log_default` takes an entry whose month has no partition, so no append ever fails for
 *   want of one (no log, no data: a failed append denies the access).
 * - `zv_ensure_log_partitions(from, months)` creates the month partitions from `from`'s month on, each
 *   with its unique chain index, the append-only trigger for TRUNCATE (row triggers are inherited from
 *   the parent, statement triggers are not) and no UPDATE/DELETE/TRUNCATE for the application role. It
 *   skips a month that is already covered or whose entries already went to the default partition, and
 *   waits at most a second for its lock (creating a partition locks the parent; the next run tries
 *   again). The server calls it at start and every few hours; it is SECURITY DEFINER so that the
 *   application role, which may not create tables, can call it.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function logByMonthMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        -- A partition's primary key must hold the partition key: (id) becomes (id, start_time).
        alter table processing_log drop constraint processing_log_pkey;
        alter table processing_log rename to processing_log_history;
        alter table processing_log_history add constraint processing_log_history_pkey primary key (id, start_time);
        alter index processing_log_subject rename to processing_log_history_subject;
        alter index processing_log_trace rename to processing_log_history_trace;
        alter index processing_log_start rename to processing_log_history_start;
        alter table processing_log_history rename constraint processing_log_chain_id_seq_key to processing_log_history_chain_seq;
        -- The parent's row trigger is cloned onto every partition, this one included.
        drop trigger processing_log_append_only on processing_log_history;

        create table processing_log (
          id bigint not null default nextval('processing_log_id_seq'),
          chain_id smallint not null,
          seq bigint not null,
          trace_id text not null,
          span_id text not null,
          parent_span_id text,
          name text not null,
          start_time timestamptz not null,
          end_time timestamptz not null,
          status_code smallint not null,
          processing_activity_id uuid not null,
          data_subject_id text,
          data_subject_id_type text,
          prev_hash bytea not null,
          hash bytea not null,
          primary key (id, start_time)
        ) partition by range (start_time);
        alter sequence processing_log_id_seq owned by processing_log.id;
        create index processing_log_subject on processing_log (data_subject_id, start_time);
        create index processing_log_trace on processing_log (trace_id);
        create index processing_log_start on processing_log (start_time);
        create trigger processing_log_append_only before update or delete on processing_log
          for each row execute function zv_refuse_log_change();
        create trigger processing_log_no_truncate before truncate on processing_log
          for each statement execute function zv_refuse_log_change();
        revoke update, delete, truncate on processing_log from ${appRole};

        -- What a partition needs beyond what it inherits.
        create function zv_log_partition_rules(part regclass) returns void language plpgsql set search_path = public, pg_temp as $fn$
        begin
          execute format('create unique index if not exists %s on %s (chain_id, seq)', (select relname from pg_class where oid = part) || '_chain_seq', part);
          execute format('create trigger processing_log_no_truncate before truncate on %s for each statement execute function zv_refuse_log_change()', part);
          execute format('revoke update, delete, truncate on %s from ${appRole}', part);
        end
        $fn$;
        revoke all on function zv_log_partition_rules(regclass) from public;

        do $do$
        declare
          upto timestamptz;
        begin
          if exists (select 1 from processing_log_history) then
            select greatest(date_trunc('month', now(), 'UTC'), date_trunc('month', max(start_time), 'UTC')) + interval '1 month'
              into upto from processing_log_history;
            execute format('alter table processing_log attach partition processing_log_history for values from (minvalue) to (%L)', upto);
            revoke update, delete, truncate on processing_log_history from ${appRole};
          else
            drop table processing_log_history;
          end if;
        end
        $do$;

        create table processing_log_default partition of processing_log default;
        select zv_log_partition_rules('processing_log_default');

        create function zv_ensure_log_partitions(since timestamptz, months int) returns int
        language plpgsql security definer set search_path = public, pg_temp set lock_timeout = '1s' as $fn$
        declare
          lo timestamptz;
          hi timestamptz;
          part text;
          made int := 0;
        begin
          for k in 0 .. greatest(months, 1) - 1 loop
            lo := date_trunc('month', since, 'UTC') + make_interval(months => k);
            hi := lo + interval '1 month';
            part := 'processing_log_m' || to_char(lo at time zone 'UTC', 'YYYYMM');
            continue when to_regclass(part) is not null;
            begin
              execute format('create table %I partition of processing_log for values from (%L) to (%L)', part, lo, hi);
              perform zv_log_partition_rules(part::regclass);
              made := made + 1;
            exception
              -- Already covered (the history partition reaches into this month), entries of this month
              -- already in the default partition, the lock not had within a second, or another process
              -- made it meanwhile: leave it.
              when invalid_object_definition or check_violation or lock_not_available or duplicate_table then null;
            end;
          end loop;
          return made;
        end
        $fn$;
        revoke all on function zv_ensure_log_partitions(timestamptz, int) from public;
        grant execute on function zv_ensure_log_partitions(timestamptz, int) to ${appRole};
        select zv_ensure_log_partitions(now(), 3);
        `,
      );
    },
  };
}
