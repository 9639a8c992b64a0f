/**
 * Kysely table types, kept by hand next to the migrations (src/data/migrations). Types follow the
 * driver alignment in db.ts: int8 → number, date → 'YYYY-MM-DD' string, bytea → Uint8Array.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface DomainTable {
  code: string;
  name_nl: string;
  name_en: string;
  law: string;
  active: Generated<boolean>;
  sort: Generated<number>;
}

export interface MunicipalTaskTable {
  code: string;
  domain_code: string;
  name_nl: string;
  name_en: string;
  law: string;
  legal_source: string;
  active: Generated<boolean>;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: 'municipality' | 'municipal_team' | 'chain_partner' | 'external_body';
  sector: string | null;
  agb_code: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  secrecy_origin: string | null;
  created_at: CreatedAt;
}

export interface ProfessionalTable {
  id: string;
  organisation_id: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  function_title: string;
  oidc_subject: string | null;
  roles: Generated<string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ResidentTable {
  id: string;
  bsn_cipher: Uint8Array | null;
  bsn_index: Uint8Array | null;
  given_names: string;
  surname_prefix: string | null;
  surname: string;
  partner_surname_prefix: string | null;
  partner_surname: string | null;
  name_usage: Generated<'E' | 'P' | 'V' | 'N'>;
  birth_date: string;
  gender: 'M' | 'V' | 'X' | 'O';
  street: string | null;
  house_number: number | null;
  house_letter: string | null;
  house_number_addition: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  confidentiality: Generated<string>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface HouseholdTable {
  id: string;
  reference: string;
  created_at: CreatedAt;
}

export interface HouseholdMemberTable {
  id: string;
  household_id: string;
  resident_id: string;
  relation: 'head' | 'partner' | 'child' | 'parent' | 'other';
  valid_from: string;
  valid_until: string | null;
}

export interface LegalRepresentativeTable {
  id: string;
  resident_id: string;
  representative_id: string;
  kind: 'parent_with_authority' | 'guardian' | 'curator' | 'mentor' | 'bewindvoerder';
  valid_from: string;
  valid_until: string | null;
}

export interface HelpRequestTable {
  id: string;
  reference: string;
  household_id: string;
  resident_id: string;
  domain_code: string;
  task_code: string;
  status: 'registered' | 'triaged' | 'in_progress' | 'closed' | 'withdrawn';
  complexity: 'single' | 'multi' | null;
  triage_reasoning: string | null;
  triaged_by: string | null;
  triaged_at: Timestamp | null;
  summary: string | null;
  confidentiality: Generated<string>;
  registered_at: Timestamp;
  registered_by: string | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
}

export interface SupportPlanTable {
  id: string;
  household_id: string;
  status: 'draft' | 'active' | 'closed';
  director_id: string;
  created_at: Timestamp;
  activated_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
}

export interface PlanGoalTable {
  id: string;
  plan_id: string;
  help_request_id: string | null;
  life_domain: string;
  score: number | null;
  target_score: number | null;
  description: string;
  assessed_by: string | null;
  assessed_at: Timestamp | null;
  zrm_version: Generated<string>;
}

export interface SubActivityTable {
  id: string;
  plan_id: string;
  help_request_id: string;
  organisation_id: string;
  resident_id: string;
  life_domain: string | null;
  description: string;
  status: 'proposed' | 'active' | 'completed' | 'stopped';
  since: string;
  until: string | null;
  data_categories: string[];
  refuses_to_share: Generated<boolean>;
  refusal_reason: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InvolvementTable {
  id: string;
  professional_id: string;
  household_id: string;
  help_request_id: string | null;
  sub_activity_id: string | null;
  role: 'director' | 'case_worker' | 'provider' | 'expert';
  max_confidentiality: Generated<string>;
  valid_from: Timestamp;
  valid_until: Timestamp | null;
  reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DataItemTable {
  id: string;
  resident_id: string;
  household_id: string;
  help_request_id: string;
  sub_activity_id: string | null;
  category: string;
  source: string;
  legal_basis: string;
  confidentiality: string;
  secrecy_origin: string | null;
  retention_class: string;
  value_text: string | null;
  value_cipher: Uint8Array | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface ConsentTable {
  id: string;
  resident_id: string;
  help_request_id: string;
  kind: 'explicit' | 'ordinary' | 'written_no_objection';
  categories: string[];
  source_law: string | null;
  target_law: string | null;
  recipient_organisation_id: string | null;
  purpose: string;
  given_by: string;
  given_at: Timestamp;
  recorded_by: string | null;
  withdrawn_at: Timestamp | null;
}

export interface InvoluntaryProcessingTable {
  id: string;
  help_request_id: string;
  resident_id: string;
  ground: 'health' | 'safety';
  categories: string[];
  status: 'draft' | 'approved' | 'rejected' | 'ended';
  proposed_by: string;
  approved_by: string | null;
  approved_at: Timestamp | null;
  valid_until: Timestamp | null;
  created_at: CreatedAt;
}

export interface ProcessingActivityTable {
  id: string;
  code: string;
  version: number;
  name: string;
  purpose: string;
  legal_basis: string;
  categories: string[];
  data_subjects: string[];
  recipients: string[];
  retention: string;
  measures: string;
  valid_from: Timestamp;
  created_at: CreatedAt;
}

export interface RuleCatalogueTable {
  version: string;
  effective_from: string;
  sha256: string;
  content: unknown;
  loaded_at: CreatedAt;
}

export interface LogChainTable {
  id: number;
  seq: number;
  head: Uint8Array;
}

export interface ProcessingLogTable {
  id: Generated<number>;
  chain_id: number;
  seq: number;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: Timestamp;
  end_time: Timestamp;
  status_code: number;
  processing_activity_id: string;
  data_subject_id: string | null;
  data_subject_id_type: string | null;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

export interface AccessRecordTable {
  log_id: number;
  actor_kind: string;
  actor_id: string | null;
  actor_role: string;
  organisation_id: string | null;
  purpose_help_request_id: string | null;
  purpose_code: string;
  action: string;
  object_type: string;
  object_id: string | null;
  categories: string[];
  decision: 'permit' | 'deny';
  rule_ids: string[];
  rule_version: string;
}

/** One row per denied log entry, by data subject (migration 0009): "who viewed" counts without the access records. */
export interface LogDenialTable {
  log_id: number;
  data_subject_id: string | null;
  start_time: Timestamp;
}

export interface LogCheckpointTable {
  id: Generated<number>;
  created_at: CreatedAt;
  entries: number;
  heads: unknown;
  merkle_root: Uint8Array;
  signature: Uint8Array;
}

export interface DB {
  domain: DomainTable;
  municipal_task: MunicipalTaskTable;
  organisation: OrganisationTable;
  professional: ProfessionalTable;
  resident: ResidentTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  legal_representative: LegalRepresentativeTable;
  help_request: HelpRequestTable;
  support_plan: SupportPlanTable;
  plan_goal: PlanGoalTable;
  sub_activity: SubActivityTable;
  involvement: InvolvementTable;
  data_item: DataItemTable;
  consent: ConsentTable;
  involuntary_processing: InvoluntaryProcessingTable;
  processing_activity: ProcessingActivityTable;
  rule_catalogue: RuleCatalogueTable;
  log_chain: LogChainTable;
  processing_log: ProcessingLogTable;
  access_record: AccessRecordTable;
  log_denial: LogDenialTable;
  log_checkpoint: LogCheckpointTable;
}
