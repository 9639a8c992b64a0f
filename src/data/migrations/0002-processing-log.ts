/**
 * 0002 — the processing log (R6) and the application role.
 *
 * processing_log holds one Logboek Dataverwerkingen record per data subject (trace/span ids, name,
 * start/end, status, processing activity version, pseudonymised subject). access_record holds the
 * linked access facts (actor, role, organisation, purpose, rule ids, decision) that power the
 * resident's "who viewed my data". Both are append-only: triggers refuse UPDATE, DELETE and TRUNCATE
 * on every database, and on PostgreSQL the application role has no UPDATE/DELETE/TRUNCATE on them.
 * Entries are hash-chained per log_chain (HMAC-SHA256); see docs/processing-log.md.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function processingLogMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        create table log_chain (
          id smallint primary key,
          seq bigint not null default 0,
          head bytea not null
        );

        create table processing_log (
          id bigserial primary key,
          chain_id smallint not null references log_chain(id),
          seq bigint not null,
          trace_id text not null,
          span_id text not null,
          parent_span_id text,
          name text not null,
          start_time timestamptz not null,
          end_time timestamptz not null,
          status_code smallint not null,
          processing_activity_id uuid not null references processing_activity(id),
          data_subject_id text,
          data_subject_id_type text,
          prev_hash bytea not null,
          hash bytea not null,
          unique (chain_id, seq)
        );
        create index processing_log_subject on processing_log (data_subject_id, start_time);
        create index processing_log_trace on processing_log (trace_id);
        create index processing_log_start on processing_log (start_time);

        create table access_record (
          log_id bigint primary key references processing_log(id),
          actor_kind text not null,
          actor_id uuid,
          actor_role text not null,
          organisation_id uuid,
          purpose_help_request_id uuid,
          purpose_code text not null,
          action text not null,
          object_type text not null,
          object_id uuid,
          categories text[] not null,
          decision text not null check (decision in ('permit', 'deny')),
          rule_ids text[] not null,
          rule_version text not null
        );
        create index access_record_actor on access_record (actor_id);
        create index access_record_decision on access_record (decision) where decision = 'deny';

        -- Signed checkpoints over all chain heads: a Merkle root, HMAC-signed (docs/processing-log.md).
        create table log_checkpoint (
          id bigserial primary key,
          created_at timestamptz not null default now(),
          entries bigint not null,
          heads jsonb not null,
          merkle_root bytea not null,
          signature bytea not null
        );

        create function zv_refuse_log_change() returns trigger language plpgsql as $fn$
        begin
          raise exception 'the processing log is append-only (% on %)', tg_op, tg_table_name
            using errcode = 'insufficient_privilege';
        end
        $fn$;

        create trigger processing_log_append_only before update or delete on processing_log
          for each row execute function zv_refuse_log_change();
        create trigger processing_log_no_truncate before truncate on processing_log
          for each statement execute function zv_refuse_log_change();
        create trigger access_record_append_only before update or delete on access_record
          for each row execute function zv_refuse_log_change();
        create trigger access_record_no_truncate before truncate on access_record
          for each statement execute function zv_refuse_log_change();
        create trigger log_checkpoint_append_only before update or delete on log_checkpoint
          for each row execute function zv_refuse_log_change();

        -- A chain head only moves forward.
        create function zv_chain_forward_only() returns trigger language plpgsql as $fn$
        begin
          if tg_op = 'DELETE' or new.seq < old.seq or new.id <> old.id then
            raise exception 'a log chain head only moves forward' using errcode = 'insufficient_privilege';
          end if;
          return new;
        end
        $fn$;
        create trigger log_chain_forward_only before update or delete on log_chain
          for each row execute function zv_chain_forward_only();

        do $do$
        begin
          if not exists (select 1 from pg_roles where rolname = '${appRole}') then
            create role ${appRole} nologin;
          end if;
        end
        $do$;
        grant ${appRole} to current_user;
        grant usage on schema public to ${appRole};
        grant select, insert, update, delete on all tables in schema public to ${appRole};
        grant usage, select on all sequences in schema public to ${appRole};
        alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
        alter default privileges in schema public grant usage, select on sequences to ${appRole};
        revoke update, delete, truncate on processing_log, access_record, log_checkpoint from ${appRole};
        revoke delete, truncate on log_chain from ${appRole};
        `,
      );
    },
  };
}
