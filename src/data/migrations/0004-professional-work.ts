/**
 * 0004 — the professional's work (issue 5; R1.3–R1.5, R3, R4, R5.4, R7, R8): step plans with their
 * items, conversation reports with consent (in writing or not), refusals and the involuntary-processing
 * record's details, covenants, involvement matches with their notices, and early signals with their
 * contact attempts. docs/professional-work.md.
 *
 * Free text that may hold health or safety facts (a conversation report, the facts behind an
 * involuntary ground, the consultation, the considerations, an own observation) is stored only
 * encrypted (`*_cipher`, AES-256-GCM bound to its row). Runs on PGlite and PostgreSQL 15.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export function professionalWorkMigration(appRole: string) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await runScript(
        db,
        `
        -- R8.1: covenants with partner organisations: categories, purposes (task codes), legal basis
        -- (a rule id of the catalogue) and validity (days; until is exclusive).
        create table covenant (
          id uuid primary key,
          organisation_id uuid not null references organisation(id),
          title text not null,
          categories text[] not null,
          purposes text[] not null,
          legal_basis text not null,
          valid_from date not null,
          valid_until date,
          status text not null check (status in ('draft', 'active', 'ended')),
          created_by uuid references professional(id),
          created_at timestamptz not null default now(),
          version integer not null default 1,
          check (valid_until is null or valid_until > valid_from)
        );
        create index covenant_organisation on covenant (organisation_id);

        -- R3: the step plan per intended request (uitvraag), record (vastlegging) or share (verstrekking).
        create table step_plan (
          id uuid primary key,
          help_request_id uuid not null references help_request(id),
          household_id uuid not null references household(id),
          kind text not null check (kind in ('request', 'record', 'share')),
          status text not null check (status in ('draft', 'completed', 'withdrawn')),
          steps_done smallint not null default 0 check (steps_done between 0 and 6),
          recipient_organisation_id uuid references organisation(id),
          reuse_from_help_request_id uuid references help_request(id),
          task_code text,
          task_note text,
          purpose_note text,
          basis jsonb,
          compatibility jsonb,
          confidentiality jsonb,
          covenant_id uuid references covenant(id),
          created_by uuid not null references professional(id),
          created_at timestamptz not null,
          completed_by uuid references professional(id),
          completed_at timestamptz,
          version integer not null default 1,
          check ((kind = 'share') = (recipient_organisation_id is not null)),
          check (status <> 'completed' or completed_at is not null)
        );
        create index step_plan_help_request on step_plan (help_request_id);

        -- Step 3: the data, per item, with the necessity judgement and its arguments, and the gate's check.
        create table step_plan_item (
          id uuid primary key,
          step_plan_id uuid not null references step_plan(id),
          position smallint not null,
          resident_id uuid not null references resident(id),
          category text not null,
          source text not null,
          description text not null,
          need text not null check (need in ('necessary', 'useful', 'handy', 'maybe_later')),
          can_be_missed boolean not null,
          proportionality text not null,
          subsidiarity text not null,
          secrecy_origin text,
          included boolean not null,
          exclusion_rule text,
          -- Once-only (R5.4): the datum the resident already gave, reused instead of asked again.
          reuse_data_item_id uuid references data_item(id),
          check_decision text check (check_decision in ('permit', 'deny')),
          check_rule text,
          check_explanation jsonb,
          checked_at timestamptz,
          unique (step_plan_id, resident_id, category)
        );

        -- R4.1: the conversation report (gespreksverslag): which data, for which follow-up step and purpose.
        create table conversation_report (
          id uuid primary key,
          help_request_id uuid not null references help_request(id),
          resident_id uuid not null references resident(id),
          held_at timestamptz not null,
          summary_cipher bytea not null,
          follow_up jsonb not null,
          recorded_by uuid not null references professional(id),
          recorded_at timestamptz not null
        );
        create index conversation_report_help_request on conversation_report (help_request_id);

        -- Pw art. 65 lid 2 sub b needs the no-objection in writing: the gate reads in_writing.
        alter table consent add column in_writing boolean not null default false;
        alter table consent add column conversation_report_id uuid references conversation_report(id);
        alter table consent add column step_plan_id uuid references step_plan(id);

        -- R4.2: a refusal and the professional's choice: stop, limit, or (health/safety) involuntary.
        create table refusal (
          id uuid primary key,
          help_request_id uuid not null references help_request(id),
          resident_id uuid not null references resident(id),
          categories text[] not null,
          scope text not null,
          refused_at timestamptz not null,
          outcome text not null check (outcome in ('stop', 'limit', 'involuntary')),
          reason text not null,
          recorded_by uuid not null references professional(id),
          recorded_at timestamptz not null
        );
        create index refusal_help_request on refusal (help_request_id);

        -- R4.3: what involuntary processing needs before data flow, recorded on its record.
        alter table involuntary_processing add column refusal_id uuid references refusal(id);
        alter table involuntary_processing add column ground_facts_cipher bytea;
        alter table involuntary_processing add column explanation_given_cipher bytea;
        alter table involuntary_processing add column explanation_given_at timestamptz;
        alter table involuntary_processing add column consulted_professional_id uuid references professional(id);
        alter table involuntary_processing add column consultation_involvement_id uuid references involvement(id);
        alter table involuntary_processing add column consultation_facts_cipher bytea;
        alter table involuntary_processing add column consultation_question text;
        alter table involuntary_processing add column consulted_at timestamptz;
        alter table involuntary_processing add column consultation_advice_cipher bytea;
        alter table involuntary_processing add column advice_at timestamptz;
        alter table involuntary_processing add column considerations_cipher bytea;
        alter table involuntary_processing add column decision_note text;
        alter table involuntary_processing add column decided_at timestamptz;
        alter table involuntary_processing add column notice_sent_at timestamptz;
        alter table involuntary_processing add column version integer not null default 1;

        -- R1.4: the need for a goal's life domain, argued; the share step plan behind a sub-activity.
        alter table plan_goal add column need_reason text;
        alter table sub_activity add column step_plan_id uuid references step_plan(id);

        -- R1.5: involvement matches (Verwijsindex-like): who else is involved, never what.
        create table involvement_match (
          id uuid primary key,
          household_id uuid not null references household(id),
          resident_id uuid not null references resident(id),
          professional_a uuid not null references professional(id),
          professional_b uuid not null references professional(id),
          involvement_a uuid not null references involvement(id),
          involvement_b uuid not null references involvement(id),
          matched_at timestamptz not null,
          check (professional_a < professional_b),
          unique (resident_id, professional_a, professional_b)
        );
        create table involvement_notice (
          id uuid primary key,
          match_id uuid not null references involvement_match(id),
          recipient_id uuid not null references professional(id),
          other_professional_id uuid not null references professional(id),
          created_at timestamptz not null,
          seen_at timestamptz,
          unique (match_id, recipient_id)
        );
        create index involvement_notice_recipient on involvement_notice (recipient_id, created_at);

        -- R7: early signals (GGM Vroegsignaal / Vroegsignaalzaak / Contactpoging). A payment-arrears
        -- signal carries only contact details and the arrears (Bgs art. 2); the threshold is data.
        create table early_signal_setting (
          id smallint primary key check (id = 1),
          arrears_threshold_cents integer not null check (arrears_threshold_cents >= 0),
          changed_by uuid references professional(id),
          changed_at timestamptz not null,
          version integer not null default 1
        );
        insert into early_signal_setting (id, arrears_threshold_cents, changed_at) values (1, 7500, now());

        create table early_signal (
          id uuid primary key,
          kind text not null check (kind in ('own_observation', 'payment_arrears')),
          status text not null check (status in ('new', 'picked_up', 'closed')),
          received_at timestamptz not null,
          creditor_kind text check (creditor_kind in ('housing', 'energy', 'water', 'health_insurer')),
          creditor_name text,
          arrears_cents integer,
          arrears_since date,
          contact_name text not null,
          street text,
          house_number integer,
          house_letter text,
          postcode text,
          city text,
          phone text,
          email text,
          observation_cipher bytea,
          consult_reason text,
          resident_id uuid references resident(id),
          accountable_id uuid not null references professional(id),
          recorded_by uuid not null references professional(id),
          picked_up_at timestamptz,
          pickup_reason text,
          result text,
          result_note text,
          discussed_with_resident boolean,
          closed_at timestamptz,
          help_request_id uuid references help_request(id),
          version integer not null default 1,
          check ((kind = 'payment_arrears') = (arrears_cents is not null and creditor_kind is not null and consult_reason is not null)),
          check ((kind = 'own_observation') = (observation_cipher is not null)),
          check ((status = 'closed') = (closed_at is not null and result is not null))
        );
        create index early_signal_accountable on early_signal (accountable_id, status);

        create table contact_attempt (
          id uuid primary key,
          signal_id uuid not null references early_signal(id),
          kind text not null check (kind in ('mail', 'brief', 'sms_whatsapp', 'telefoon', 'huisbezoek', 'kaartje', 'administratief', 'afspraak_op_locatie')),
          reached boolean not null,
          day_part text check (day_part in ('ochtend', 'middag', 'avond')),
          attempted_on date not null,
          note text,
          recorded_by uuid not null references professional(id),
          recorded_at timestamptz not null
        );
        create index contact_attempt_signal on contact_attempt (signal_id);

        grant select, insert, update on covenant, step_plan, step_plan_item, conversation_report, refusal, involvement_match, involvement_notice, early_signal_setting, early_signal, contact_attempt to ${appRole};
        `,
      );
    },
  };
}
