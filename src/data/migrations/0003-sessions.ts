/**
 * 0003 — server-side sign-in sessions and sign-in transactions (issue 4; docs/sign-in.md).
 *
 * A session row holds only the SHA-256 of the random token the browser keeps in its cookie, so a copy
 * of the database does not let anyone take over a session. A sign-in transaction holds the OIDC state,
 * nonce and PKCE verifier between the redirect to the IdP and the callback; it is single-use and lives
 * ten minutes. Neither table is personal data beyond the display name shown in the header.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function sessionsMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        create table session (
          id uuid primary key,
          token_hash bytea not null unique,
          actor_kind text not null check (actor_kind in ('professional', 'resident')),
          actor_id uuid not null,
          organisation_id uuid,
          organisation_name text,
          roles text[] not null default '{}',
          display_name text not null,
          language text not null default 'nl' check (language in ('nl', 'en')),
          created_at timestamptz not null,
          last_seen_at timestamptz not null,
          idle_expires_at timestamptz not null,
          absolute_expires_at timestamptz not null
        );
        create index session_actor on session (actor_kind, actor_id);
        create index session_absolute_expiry on session (absolute_expires_at);

        create table signin_transaction (
          handle_hash bytea primary key,
          kind text not null check (kind in ('staff', 'resident')),
          state text not null,
          nonce text not null,
          code_verifier text not null,
          return_to text,
          created_at timestamptz not null,
          expires_at timestamptz not null
        );
        create index signin_transaction_expiry on signin_transaction (expires_at);

        grant select, insert, update, delete on session, signin_transaction to ${appRole};
        `,
      );
    },
  };
}
