/**
 * 0001 — the domain model (R1). Forward-only: never edit a migration that has shipped; add a new one.
 * Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15: nothing here needs 16+.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- Reference data: domains and municipal tasks are configurable (R1.1, R10.4).
    create table domain (
      code text primary key,
      name_nl text not null,
      name_en text not null,
      law text not null,
      active boolean not null default true,
      sort integer not null default 0
    );

    create table municipal_task (
      code text primary key,
      domain_code text not null references domain(code),
      name_nl text not null,
      name_en text not null,
      law text not null,
      legal_source text not null,
      active boolean not null default true
    );

    create table organisation (
      id uuid primary key,
      name text not null,
      kind text not null check (kind in ('municipality', 'municipal_team', 'chain_partner', 'external_body')),
      sector text,
      agb_code text,
      contact_email text,
      contact_phone text,
      -- The duty of confidentiality its professionals hold (beroepsgeheim); data it supplies keep it.
      secrecy_origin text,
      created_at timestamptz not null default now()
    );

    create table professional (
      id uuid primary key,
      organisation_id uuid not null references organisation(id),
      display_name text not null,
      email text,
      phone text,
      function_title text not null,
      oidc_subject text unique,
      -- Staff roles from the IdP (privacy_officer, complaints_commissioner, functional_admin, archivist).
      -- A role never opens a dossier: only an involvement does (R2.1).
      roles text[] not null default '{}',
      active boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table resident (
      id uuid primary key,
      -- BSN: AES-256-GCM ciphertext plus a keyed blind index; never stored in the clear (UAVG art. 46).
      bsn_cipher bytea,
      bsn_index bytea unique,
      given_names text not null,
      surname_prefix text,
      surname text not null,
      partner_surname_prefix text,
      partner_surname text,
      name_usage char(1) not null default 'E' check (name_usage in ('E', 'P', 'V', 'N')),
      birth_date date not null,
      gender text not null check (gender in ('M', 'V', 'X', 'O')),
      street text,
      house_number integer,
      house_letter text,
      house_number_addition text,
      postcode text,
      city text,
      phone text,
      email text,
      confidentiality text not null default 'vertrouwelijk',
      created_at timestamptz not null default now(),
      version integer not null default 1
    );

    create table household (
      id uuid primary key,
      reference text not null unique,
      created_at timestamptz not null default now()
    );

    create table household_member (
      id uuid primary key,
      household_id uuid not null references household(id),
      resident_id uuid not null references resident(id),
      relation text not null check (relation in ('head', 'partner', 'child', 'parent', 'other')),
      valid_from date not null,
      valid_until date,
      check (valid_until is null or valid_until > valid_from)
    );
    create index household_member_household on household_member (household_id);
    create index household_member_resident on household_member (resident_id);

    create table legal_representative (
      id uuid primary key,
      resident_id uuid not null references resident(id),
      representative_id uuid not null references resident(id),
      kind text not null check (kind in ('parent_with_authority', 'guardian', 'curator', 'mentor', 'bewindvoerder')),
      valid_from date not null,
      valid_until date,
      check (resident_id <> representative_id)
    );
    create index legal_representative_resident on legal_representative (resident_id);
    create index legal_representative_representative on legal_representative (representative_id);

    create table help_request (
      id uuid primary key,
      reference text not null unique,
      household_id uuid not null references household(id),
      resident_id uuid not null references resident(id),
      domain_code text not null references domain(code),
      task_code text not null references municipal_task(code),
      status text not null check (status in ('registered', 'triaged', 'in_progress', 'closed', 'withdrawn')),
      complexity text check (complexity in ('single', 'multi')),
      triage_reasoning text,
      triaged_by uuid references professional(id),
      triaged_at timestamptz,
      summary text,
      confidentiality text not null default 'vertrouwelijk',
      registered_at timestamptz not null,
      registered_by uuid references professional(id),
      closed_at timestamptz,
      version integer not null default 1
    );
    create index help_request_household on help_request (household_id);
    create index help_request_resident on help_request (resident_id);

    create table support_plan (
      id uuid primary key,
      household_id uuid not null references household(id),
      status text not null check (status in ('draft', 'active', 'closed')),
      director_id uuid not null references professional(id),
      created_at timestamptz not null,
      activated_at timestamptz,
      closed_at timestamptz,
      version integer not null default 1
    );
    -- One household, one plan, one director (R1.4): at most one active plan per household.
    create unique index support_plan_one_active on support_plan (household_id) where status = 'active';

    create table plan_goal (
      id uuid primary key,
      plan_id uuid not null references support_plan(id),
      help_request_id uuid references help_request(id),
      life_domain text not null,
      score smallint check (score between 1 and 5),
      target_score smallint check (target_score between 1 and 5),
      description text not null,
      assessed_by uuid references professional(id),
      assessed_at timestamptz,
      zrm_version text not null default 'ZRM-2017',
      unique (plan_id, life_domain)
    );

    create table sub_activity (
      id uuid primary key,
      plan_id uuid not null references support_plan(id),
      help_request_id uuid not null references help_request(id),
      organisation_id uuid not null references organisation(id),
      resident_id uuid not null references resident(id),
      life_domain text,
      description text not null,
      status text not null check (status in ('proposed', 'active', 'completed', 'stopped')),
      since date not null,
      until date,
      -- The data categories this sub-activity needs: the partner sees only these (R2.2).
      data_categories text[] not null,
      -- A partner may record that it will not share its care information (R8.2).
      refuses_to_share boolean not null default false,
      refusal_reason text,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index sub_activity_plan on sub_activity (plan_id);
    create index sub_activity_organisation on sub_activity (organisation_id);

    create table involvement (
      id uuid primary key,
      professional_id uuid not null references professional(id),
      household_id uuid not null references household(id),
      help_request_id uuid references help_request(id),
      sub_activity_id uuid references sub_activity(id),
      role text not null check (role in ('director', 'case_worker', 'provider', 'expert')),
      max_confidentiality text not null default 'vertrouwelijk',
      valid_from timestamptz not null,
      valid_until timestamptz,
      reason text,
      created_by uuid references professional(id),
      created_at timestamptz not null default now(),
      check (valid_until is null or valid_until > valid_from),
      check ((role = 'provider') = (sub_activity_id is not null))
    );
    create index involvement_professional on involvement (professional_id, valid_from);
    create index involvement_household on involvement (household_id);

    create table data_item (
      id uuid primary key,
      resident_id uuid not null references resident(id),
      household_id uuid not null references household(id),
      -- The purpose it was collected for (R1.2: no data without a help request).
      help_request_id uuid not null references help_request(id),
      -- Set when the item is a chain partner's own care record: the director sees only DAT of it (R2.3).
      sub_activity_id uuid references sub_activity(id),
      category text not null,
      source text not null,
      legal_basis text not null,
      confidentiality text not null,
      secrecy_origin text,
      retention_class text not null,
      -- Ordinary data in value_text; special categories, criminal data and BSN only in value_cipher.
      value_text text,
      value_cipher bytea,
      recorded_by uuid references professional(id),
      recorded_at timestamptz not null,
      check ((value_text is null) <> (value_cipher is null))
    );
    create index data_item_resident on data_item (resident_id);
    create index data_item_household on data_item (household_id);
    create index data_item_help_request on data_item (help_request_id);

    -- Consent and written no-objection records: inputs of the gate (Wmo 5.1.1 lid 4; Pw 65 lid 2 sub b).
    create table consent (
      id uuid primary key,
      resident_id uuid not null references resident(id),
      help_request_id uuid not null references help_request(id),
      kind text not null check (kind in ('explicit', 'ordinary', 'written_no_objection')),
      categories text[] not null,
      source_law text,
      target_law text,
      recipient_organisation_id uuid references organisation(id),
      purpose text not null,
      given_by uuid not null references resident(id),
      given_at timestamptz not null,
      recorded_by uuid references professional(id),
      withdrawn_at timestamptz
    );
    create index consent_resident on consent (resident_id);
    create index consent_help_request on consent (help_request_id);

    -- Involuntary processing (R4.3): only with an approved record on a health or safety ground.
    create table involuntary_processing (
      id uuid primary key,
      help_request_id uuid not null references help_request(id),
      resident_id uuid not null references resident(id),
      ground text not null check (ground in ('health', 'safety')),
      categories text[] not null,
      status text not null check (status in ('draft', 'approved', 'rejected', 'ended')),
      proposed_by uuid not null references professional(id),
      approved_by uuid references professional(id),
      approved_at timestamptz,
      valid_until timestamptz,
      created_at timestamptz not null default now(),
      check (approved_by is null or approved_by <> proposed_by)
    );
    create index involuntary_help_request on involuntary_processing (help_request_id);

    -- Register of processing activities (AVG art. 30; LDV register): every change is a new version,
    -- and every log entry points at the version in force.
    create table processing_activity (
      id uuid primary key,
      code text not null,
      version integer not null,
      name text not null,
      purpose text not null,
      legal_basis text not null,
      categories text[] not null,
      data_subjects text[] not null,
      recipients text[] not null,
      retention text not null,
      measures text not null,
      valid_from timestamptz not null,
      created_at timestamptz not null default now(),
      unique (code, version)
    );

    -- The rules catalogue as versioned data (R10.4); the gate names the version it used.
    create table rule_catalogue (
      version text primary key,
      effective_from date not null,
      sha256 text not null,
      content jsonb not null,
      loaded_at timestamptz not null default now()
    );
  `,
  );
}
