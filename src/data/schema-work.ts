/**
 * Table types of migration 0004 (the professional's work, issue 5), added to the DB interface by module
 * augmentation (docs/developing.md §1), and the columns 0004 adds to tables of 0001. Types follow the
 * driver alignment in db.ts: date → 'YYYY-MM-DD' string, bytea → Uint8Array, jsonb → unknown.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

declare module './schema.ts' {
  interface DB {
    covenant: CovenantTable;
    step_plan: StepPlanTable;
    step_plan_item: StepPlanItemTable;
    conversation_report: ConversationReportTable;
    refusal: RefusalTable;
    involvement_match: InvolvementMatchTable;
    involvement_notice: InvolvementNoticeTable;
    early_signal_setting: EarlySignalSettingTable;
    early_signal: EarlySignalTable;
    contact_attempt: ContactAttemptTable;
  }
  interface ConsentTable {
    in_writing: Generated<boolean>;
    conversation_report_id: string | null;
    step_plan_id: string | null;
  }
  interface InvoluntaryProcessingTable {
    refusal_id: string | null;
    ground_facts_cipher: Uint8Array | null;
    explanation_given_cipher: Uint8Array | null;
    explanation_given_at: Timestamp | null;
    consulted_professional_id: string | null;
    consultation_involvement_id: string | null;
    consultation_facts_cipher: Uint8Array | null;
    consultation_question: string | null;
    consulted_at: Timestamp | null;
    consultation_advice_cipher: Uint8Array | null;
    advice_at: Timestamp | null;
    considerations_cipher: Uint8Array | null;
    decision_note: string | null;
    decided_at: Timestamp | null;
    notice_sent_at: Timestamp | null;
    version: Generated<number>;
  }
  interface PlanGoalTable {
    need_reason: string | null;
  }
  interface SubActivityTable {
    step_plan_id: string | null;
  }
}

export interface CovenantTable {
  id: string;
  organisation_id: string;
  title: string;
  categories: string[];
  purposes: string[];
  legal_basis: string;
  valid_from: string;
  valid_until: string | null;
  status: 'draft' | 'active' | 'ended';
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface StepPlanTable {
  id: string;
  help_request_id: string;
  household_id: string;
  kind: 'request' | 'record' | 'share';
  status: 'draft' | 'completed' | 'withdrawn';
  steps_done: Generated<number>;
  recipient_organisation_id: string | null;
  reuse_from_help_request_id: string | null;
  task_code: string | null;
  task_note: string | null;
  purpose_note: string | null;
  basis: Json | null;
  compatibility: Json | null;
  confidentiality: Json | null;
  covenant_id: string | null;
  created_by: string;
  created_at: Timestamp;
  completed_by: string | null;
  completed_at: Timestamp | null;
  version: Generated<number>;
}

export interface StepPlanItemTable {
  id: string;
  step_plan_id: string;
  position: number;
  resident_id: string;
  category: string;
  source: string;
  description: string;
  need: 'necessary' | 'useful' | 'handy' | 'maybe_later';
  can_be_missed: boolean;
  proportionality: string;
  subsidiarity: string;
  secrecy_origin: string | null;
  included: boolean;
  exclusion_rule: string | null;
  reuse_data_item_id: string | null;
  check_decision: 'permit' | 'deny' | null;
  check_rule: string | null;
  check_explanation: Json | null;
  checked_at: Timestamp | null;
}

export interface ConversationReportTable {
  id: string;
  help_request_id: string;
  resident_id: string;
  held_at: Timestamp;
  summary_cipher: Uint8Array;
  follow_up: Json;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface RefusalTable {
  id: string;
  help_request_id: string;
  resident_id: string;
  categories: string[];
  scope: string;
  refused_at: Timestamp;
  outcome: 'stop' | 'limit' | 'involuntary';
  reason: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface InvolvementMatchTable {
  id: string;
  household_id: string;
  resident_id: string;
  professional_a: string;
  professional_b: string;
  involvement_a: string;
  involvement_b: string;
  matched_at: Timestamp;
}

export interface InvolvementNoticeTable {
  id: string;
  match_id: string;
  recipient_id: string;
  other_professional_id: string;
  created_at: Timestamp;
  seen_at: Timestamp | null;
}

export interface EarlySignalSettingTable {
  id: number;
  arrears_threshold_cents: number;
  changed_by: string | null;
  changed_at: Timestamp;
  version: Generated<number>;
}

export interface EarlySignalTable {
  id: string;
  kind: 'own_observation' | 'payment_arrears';
  status: 'new' | 'picked_up' | 'closed';
  received_at: Timestamp;
  creditor_kind: 'housing' | 'energy' | 'water' | 'health_insurer' | null;
  creditor_name: string | null;
  arrears_cents: number | null;
  arrears_since: string | null;
  contact_name: string;
  street: string | null;
  house_number: number | null;
  house_letter: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  observation_cipher: Uint8Array | null;
  consult_reason: string | null;
  resident_id: string | null;
  accountable_id: string;
  recorded_by: string;
  picked_up_at: Timestamp | null;
  pickup_reason: string | null;
  result: string | null;
  result_note: string | null;
  discussed_with_resident: boolean | null;
  closed_at: Timestamp | null;
  help_request_id: string | null;
  version: Generated<number>;
}

export interface ContactAttemptTable {
  id: string;
  signal_id: string;
  kind: string;
  reached: boolean;
  day_part: 'ochtend' | 'middag' | 'avond' | null;
  attempted_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}
