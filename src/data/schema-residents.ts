/**
 * Table types of migration 0005 (the residents' side, issue 6), added to the DB interface by module
 * augmentation (docs/developing.md §1). Types follow the driver alignment in db.ts: date → 'YYYY-MM-DD'
 * string, bytea → Uint8Array.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

declare module './schema.ts' {
  interface DB {
    rights_notice: RightsNoticeTable;
    access_restriction: AccessRestrictionTable;
    access_restriction_review: AccessRestrictionReviewTable;
    rights_request: RightsRequestTable;
    complaint: ComplaintTable;
    consent_withdrawal: ConsentWithdrawalTable;
  }
}

export interface RightsNoticeTable {
  resident_id: string;
  text_version: string;
  shown_at: Timestamp;
}

export type RestrictionReasonCode = 'third_party_privacy' | 'safety_of_others' | 'vital_interest' | 'veilig_thuis_investigation' | 'child_interest';

export interface AccessRestrictionTable {
  id: string;
  resident_id: string;
  household_id: string;
  help_request_id: string;
  object_ids: Generated<string[]>;
  categories: Generated<string[]>;
  applies_to: 'all' | 'representatives';
  reason_code: RestrictionReasonCode;
  reason_cipher: Uint8Array;
  disclose_existence: boolean;
  decided_by: string;
  decided_at: Timestamp;
  review_on: string;
  ended_at: Timestamp | null;
  ended_by: string | null;
}

export interface AccessRestrictionReviewTable {
  id: string;
  restriction_id: string;
  reviewed_by: string;
  reviewed_at: Timestamp;
  outcome: 'continue' | 'end';
  next_review_on: string | null;
  note_cipher: Uint8Array | null;
}

export type RightsRequestKind = 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';
export type RightsRequestStatus = 'received' | 'in_progress' | 'decided' | 'withdrawn';
export type RightsRequestOutcome = 'granted' | 'partly_granted' | 'refused';

export interface RightsRequestTable {
  id: string;
  reference: string;
  resident_id: string;
  filed_by: string;
  kind: RightsRequestKind;
  help_request_id: string | null;
  categories: Generated<string[]>;
  text_cipher: Uint8Array;
  received_at: Timestamp;
  received_on: string;
  status: RightsRequestStatus;
  handler_id: string | null;
  extended_on: string | null;
  extension_reason_cipher: Uint8Array | null;
  decided_on: string | null;
  decided_by: string | null;
  outcome: RightsRequestOutcome | null;
  decision_cipher: Uint8Array | null;
  version: Generated<number>;
}

export type ComplaintTopic = 'viewed_without_need' | 'shared_without_basis' | 'incorrect_data' | 'no_answer' | 'treatment' | 'other';
export type ComplaintStatus = 'received' | 'acknowledged' | 'in_treatment' | 'decided' | 'not_handled' | 'withdrawn';
export type ComplaintOutcome = 'founded' | 'partly_founded' | 'unfounded' | 'not_handled';

export interface ComplaintTable {
  id: string;
  reference: string;
  resident_id: string;
  filed_by: string;
  household_id: string | null;
  help_request_id: string | null;
  topic: ComplaintTopic;
  text_cipher: Uint8Array;
  received_at: Timestamp;
  received_on: string;
  status: ComplaintStatus;
  handler_id: string | null;
  acknowledged_on: string | null;
  committee: Generated<boolean>;
  postponed_on: string | null;
  postponement_reason_cipher: Uint8Array | null;
  decided_on: string | null;
  outcome: ComplaintOutcome | null;
  findings_cipher: Uint8Array | null;
  version: Generated<number>;
}

export interface ConsentWithdrawalTable {
  consent_id: string;
  withdrawn_by: string;
  withdrawn_at: Timestamp;
}
