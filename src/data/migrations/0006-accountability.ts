/**
 * 0006 — accountability (issue 7; docs/console.md): four-eyes change proposals for the rules catalogue
 * and covenants, the admin audit trail, log verifications, access reviews, legal holds and retention
 * runs with their candidates. Nothing here references the tables of issues 5 and 6: a covenant
 * proposal names its covenant by id, so this migration runs with or without them.
 *
 * Append-only (triggers on every database, no UPDATE/DELETE/TRUNCATE for the application role on
 * PostgreSQL): admin_audit, log_verification, access_review. A proposal and a retention run change
 * status, so they are updated; a database check keeps the proposer from approving their own proposal
 * and a run from being executed without an archivist's sign-off.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function accountabilityMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        -- A proposed new version of the rules catalogue or of a covenant (R10.4): the full proposed text,
        -- the structured difference with the version it starts from, and the four-eyes decision.
        create table change_proposal (
          id uuid primary key,
          kind text not null check (kind in ('rule_catalogue', 'covenant')),
          -- The catalogue version ('2026.2') or the covenant id the proposal is about.
          subject text not null,
          -- The version the change starts from (catalogue version, covenant version); null for a new one.
          base_version text,
          proposed_version text not null,
          payload jsonb not null,
          diff jsonb not null,
          reason text not null,
          effective_from date not null,
          status text not null check (status in ('proposed', 'approved', 'in_force', 'rejected', 'withdrawn', 'superseded')),
          proposed_by uuid not null references professional(id),
          proposed_at timestamptz not null,
          decided_by uuid references professional(id),
          decided_at timestamptz,
          decision_note text,
          activated_at timestamptz,
          -- Four eyes: whoever approves (or rejects) is not the proposer; withdrawing is the proposer's own.
          check (decided_by is null or status = 'withdrawn' or decided_by <> proposed_by),
          check ((status in ('proposed', 'superseded')) or decided_by is not null)
        );
        create index change_proposal_status on change_proposal (kind, status);

        -- The admin audit trail: every change to configuration and every console action, by whom, when,
        -- and which object — references only (ids, versions, counts), never personal data.
        create table admin_audit (
          id bigserial primary key,
          at timestamptz not null,
          actor_kind text not null check (actor_kind in ('professional', 'system')),
          actor_id uuid,
          actor_role text not null,
          action text not null,
          object_type text not null,
          object_id text,
          details jsonb not null default '{}',
          trace_id text not null
        );
        create index admin_audit_at on admin_audit (at);
        create index admin_audit_object on admin_audit (object_type, object_id);

        -- Every verification of the processing log run from the console (BIO2 8.15.06).
        create table log_verification (
          id bigserial primary key,
          started_at timestamptz not null,
          finished_at timestamptz not null,
          actor_id uuid references professional(id),
          ok boolean not null,
          entries bigint not null,
          chains integer not null,
          checkpoints integer not null,
          last_checkpoint_id bigint,
          failure jsonb
        );

        -- Access reviews (BIO2 5.18.02 yearly; 8.02.01 quarterly for privileged accounts).
        create table access_review (
          id uuid primary key,
          professional_id uuid not null references professional(id),
          cadence text not null check (cadence in ('yearly', 'quarterly')),
          reviewed_by uuid not null references professional(id),
          reviewed_at timestamptz not null,
          outcome text not null check (outcome in ('signed_off', 'revoked')),
          involvements_kept integer not null,
          involvements_revoked integer not null,
          revoked_involvement_ids uuid[] not null default '{}',
          note text,
          -- Nobody reviews their own access.
          check (reviewed_by <> professional_id)
        );
        create index access_review_professional on access_review (professional_id, reviewed_at);

        -- Legal holds: a file under a hold is never destroyed, whatever its retention date.
        create table legal_hold (
          id uuid primary key,
          object_type text not null check (object_type in ('resident', 'household', 'help_request')),
          object_id uuid not null,
          reason text not null,
          placed_by uuid not null references professional(id),
          placed_at timestamptz not null,
          released_by uuid references professional(id),
          released_at timestamptz,
          check ((released_by is null) = (released_at is null))
        );
        create index legal_hold_object on legal_hold (object_type, object_id);

        -- A retention run: a dry-run report first; destruction only after an archivist signed it off.
        create table retention_run (
          id uuid primary key,
          created_at timestamptz not null,
          created_by uuid references professional(id),
          as_of date not null,
          catalogue_version text not null,
          status text not null check (status in ('awaiting_sign_off', 'signed_off', 'rejected', 'executed', 'superseded')),
          summary jsonb not null,
          signed_off_by uuid references professional(id),
          signed_off_at timestamptz,
          sign_off_note text,
          executed_at timestamptz,
          result jsonb,
          check (status not in ('signed_off', 'executed') or signed_off_by is not null),
          check (signed_off_by is null or created_by is null or signed_off_by <> created_by)
        );
        create index retention_run_status on retention_run (status, created_at);

        -- The files a run found due: references and dates only.
        create table retention_candidate (
          run_id uuid not null references retention_run(id),
          help_request_id uuid not null,
          household_id uuid not null,
          classes text[] not null,
          due date not null,
          held boolean not null,
          outcome text not null default 'pending' check (outcome in ('pending', 'destroyed', 'kept_hold', 'kept_not_due', 'kept_error')),
          primary key (run_id, help_request_id)
        );

        create trigger admin_audit_append_only before update or delete on admin_audit
          for each row execute function zv_refuse_log_change();
        create trigger admin_audit_no_truncate before truncate on admin_audit
          for each statement execute function zv_refuse_log_change();
        create trigger log_verification_append_only before update or delete on log_verification
          for each row execute function zv_refuse_log_change();
        create trigger access_review_append_only before update or delete on access_review
          for each row execute function zv_refuse_log_change();

        grant select, insert, update, delete on change_proposal, legal_hold, retention_run, retention_candidate to ${appRole};
        grant select, insert on admin_audit, log_verification, access_review to ${appRole};
        grant usage, select on all sequences in schema public to ${appRole};
        revoke update, delete, truncate on admin_audit, log_verification, access_review from ${appRole};
        `,
      );
    },
  };
}
