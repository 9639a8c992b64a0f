/**
 * 0005 — the residents' side (issue 6; R5, R9): that the rights were shown, access restrictions with
 * their reviews, AVG rights requests with their deadlines, complaints with the Awb chapter 9 deadlines,
 * and the residents' own withdrawals of consent. docs/residents.md.
 *
 * Free text a person typed (a request, a complaint, a decision, a reason to withhold) may hold anything,
 * health data included: it is stored only encrypted (AES-256-GCM, `*_cipher`), like special categories.
 * Deadlines are not stored: they follow from the dates by the pure rules in src/core/residents.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function residentsMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        -- R5.1: the rights and duties were shown to this resident (once per version of the text).
        create table rights_notice (
          resident_id uuid not null references resident(id),
          text_version text not null,
          shown_at timestamptz not null,
          primary key (resident_id, text_version)
        );

        -- R5.2: parts of a file withheld from the resident or their representatives (Wmo 5.3.2,
        -- Jeugdwet 7.3.10, UAVG 41), with reason, who decided and when it is reviewed.
        create table access_restriction (
          id uuid primary key,
          resident_id uuid not null references resident(id),
          household_id uuid not null references household(id),
          -- The purpose under which the professional decided (their involvement covers it).
          help_request_id uuid not null references help_request(id),
          object_ids uuid[] not null default '{}',
          categories text[] not null default '{}',
          applies_to text not null check (applies_to in ('all', 'representatives')),
          reason_code text not null check (reason_code in ('third_party_privacy', 'safety_of_others', 'vital_interest', 'veilig_thuis_investigation', 'child_interest')),
          reason_cipher bytea not null,
          -- May the resident see THAT something is withheld? Not when saying so would itself cause the harm.
          disclose_existence boolean not null,
          decided_by uuid not null references professional(id),
          decided_at timestamptz not null,
          review_on date not null,
          ended_at timestamptz,
          ended_by uuid references professional(id),
          check (cardinality(object_ids) + cardinality(categories) > 0),
          check (ended_at is null or ended_at >= decided_at)
        );
        create index access_restriction_resident on access_restriction (resident_id);
        create index access_restriction_due on access_restriction (review_on) where ended_at is null;

        create table access_restriction_review (
          id uuid primary key,
          restriction_id uuid not null references access_restriction(id),
          reviewed_by uuid not null references professional(id),
          reviewed_at timestamptz not null,
          outcome text not null check (outcome in ('continue', 'end')),
          next_review_on date,
          note_cipher bytea,
          check ((outcome = 'continue') = (next_review_on is not null))
        );
        create index access_restriction_review_restriction on access_restriction_review (restriction_id);

        -- R5.5: AVG rights requests (art. 15–18, 21); deadlines per art. 12(3).
        create table rights_request (
          id uuid primary key,
          reference text not null unique,
          -- The data subject, and who filed it (the subject or their representative).
          resident_id uuid not null references resident(id),
          filed_by uuid not null references resident(id),
          kind text not null check (kind in ('access', 'rectification', 'restriction', 'objection', 'erasure')),
          help_request_id uuid references help_request(id),
          categories text[] not null default '{}',
          text_cipher bytea not null,
          received_at timestamptz not null,
          received_on date not null,
          status text not null check (status in ('received', 'in_progress', 'decided', 'withdrawn')),
          handler_id uuid references professional(id),
          extended_on date,
          extension_reason_cipher bytea,
          decided_on date,
          decided_by uuid references professional(id),
          outcome text check (outcome in ('granted', 'partly_granted', 'refused')),
          decision_cipher bytea,
          version integer not null default 1,
          check ((status = 'decided') = (decided_on is not null and outcome is not null and decision_cipher is not null))
        );
        create index rights_request_resident on rights_request (resident_id, received_at);
        create index rights_request_open on rights_request (received_on) where status in ('received', 'in_progress');

        -- R9.1: complaints about the processing of personal data (Awb chapter 9).
        create table complaint (
          id uuid primary key,
          reference text not null unique,
          resident_id uuid not null references resident(id),
          filed_by uuid not null references resident(id),
          household_id uuid references household(id),
          help_request_id uuid references help_request(id),
          topic text not null check (topic in ('viewed_without_need', 'shared_without_basis', 'incorrect_data', 'no_answer', 'treatment', 'other')),
          text_cipher bytea not null,
          received_at timestamptz not null,
          received_on date not null,
          status text not null check (status in ('received', 'acknowledged', 'in_treatment', 'decided', 'not_handled', 'withdrawn')),
          handler_id uuid references professional(id),
          acknowledged_on date,
          -- Afdeling 9.1.3 Awb: an advisory committee handles it (ten weeks instead of six).
          committee boolean not null default false,
          postponed_on date,
          postponement_reason_cipher bytea,
          decided_on date,
          outcome text check (outcome in ('founded', 'partly_founded', 'unfounded', 'not_handled')),
          findings_cipher bytea,
          version integer not null default 1,
          check ((status in ('decided', 'not_handled')) = (decided_on is not null and outcome is not null and findings_cipher is not null))
        );
        create index complaint_resident on complaint (resident_id, received_at);
        create index complaint_open on complaint (received_on) where status in ('received', 'acknowledged', 'in_treatment');

        -- AVG 7(3): a consent withdrawn from the portal (consent.withdrawn_at is set in the same transaction).
        create table consent_withdrawal (
          consent_id uuid primary key references consent(id),
          withdrawn_by uuid not null references resident(id),
          withdrawn_at timestamptz not null
        );

        grant select, insert, update on rights_notice, access_restriction, access_restriction_review, rights_request, complaint, consent_withdrawal to ${appRole};
        `,
      );
    },
  };
}
