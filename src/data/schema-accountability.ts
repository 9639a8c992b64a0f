/**
 * Table types of migration 0006 (accountability), added to the DB interface by module augmentation
 * (docs/developing.md §1). Types follow the driver alignment in db.ts.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

declare module './schema.ts' {
  interface DB {
    change_proposal: ChangeProposalTable;
    admin_audit: AdminAuditTable;
    log_verification: LogVerificationTable;
    access_review: AccessReviewTable;
    legal_hold: LegalHoldTable;
    retention_run: RetentionRunTable;
    retention_candidate: RetentionCandidateTable;
  }
}

export type ProposalKind = 'rule_catalogue' | 'covenant';
export type ProposalStatus = 'proposed' | 'approved' | 'in_force' | 'rejected' | 'withdrawn' | 'superseded';

export interface ChangeProposalTable {
  id: string;
  kind: ProposalKind;
  subject: string;
  base_version: string | null;
  proposed_version: string;
  payload: unknown;
  diff: unknown;
  reason: string;
  effective_from: string;
  status: ProposalStatus;
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  activated_at: Timestamp | null;
}

export interface AdminAuditTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: 'professional' | 'system';
  actor_id: string | null;
  actor_role: string;
  action: string;
  object_type: string;
  object_id: string | null;
  details: unknown;
  trace_id: string;
}

export interface LogVerificationTable {
  id: Generated<number>;
  started_at: Timestamp;
  finished_at: Timestamp;
  actor_id: string | null;
  ok: boolean;
  entries: number;
  chains: number;
  checkpoints: number;
  last_checkpoint_id: number | null;
  failure: unknown;
}

export interface AccessReviewTable {
  id: string;
  professional_id: string;
  cadence: 'yearly' | 'quarterly';
  reviewed_by: string;
  reviewed_at: Timestamp;
  outcome: 'signed_off' | 'revoked';
  involvements_kept: number;
  involvements_revoked: number;
  revoked_involvement_ids: string[];
  note: string | null;
}

export interface LegalHoldTable {
  id: string;
  object_type: 'resident' | 'household' | 'help_request';
  object_id: string;
  reason: string;
  placed_by: string;
  placed_at: Timestamp;
  released_by: string | null;
  released_at: Timestamp | null;
}

export type RetentionRunStatus = 'awaiting_sign_off' | 'signed_off' | 'rejected' | 'executed' | 'superseded';

export interface RetentionRunTable {
  id: string;
  created_at: Timestamp;
  created_by: string | null;
  as_of: string;
  catalogue_version: string;
  status: RetentionRunStatus;
  summary: unknown;
  signed_off_by: string | null;
  signed_off_at: Timestamp | null;
  sign_off_note: string | null;
  executed_at: Timestamp | null;
  result: unknown;
}

export type CandidateOutcome = 'pending' | 'destroyed' | 'kept_hold' | 'kept_not_due' | 'kept_error';

export interface RetentionCandidateTable {
  run_id: string;
  help_request_id: string;
  household_id: string;
  classes: string[];
  due: string;
  held: boolean;
  outcome: Generated<CandidateOutcome>;
}
