/** What the console API returns (docs/openapi.json), as the console uses it. */
export interface RegisterVersionT {
  id: string;
  code: string;
  version: number;
  name: string;
  purpose: string;
  legalBasis: string;
  categories: string[];
  dataSubjects: string[];
  recipients: string[];
  retention: string;
  measures: string;
  validFrom: string;
  createdAt: string;
  state: 'in_force' | 'scheduled' | 'superseded';
}

export interface RegisterT {
  catalogueVersion: string;
  controller: string;
  activities: Array<{ code: string; current: RegisterVersionT | null; versions: RegisterVersionT[]; logEntries: Record<string, number> }>;
}

export interface DiffT {
  from: string | null;
  to: string;
  changes: Array<{ section: string; key: string; kind: 'added' | 'removed' | 'changed'; fields: Array<{ field: string; before: unknown; after: unknown }> }>;
  summary: Record<string, Record<string, number>>;
}

export interface ProposalT {
  id: string;
  kind: 'rule_catalogue' | 'covenant';
  subject: string;
  baseVersion: string | null;
  proposedVersion: string;
  reason: string;
  effectiveFrom: string;
  status: string;
  proposedBy: { id: string; displayName: string };
  proposedAt: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  activatedAt: string | null;
  diff: DiffT;
  mayApprove: boolean;
  mayReject: boolean;
  mayWithdraw: boolean;
}

export interface CovenantT {
  id: string;
  organisationId: string;
  organisationName: string;
  title: string;
  categories: string[];
  purposes: string[];
  legalBasis: string;
  validFrom: string;
  validUntil: string | null;
  status: 'draft' | 'active' | 'ended';
  version: number;
  current: boolean;
}

export interface LogEntryT {
  id: number;
  startTime: string;
  name: string;
  action: string;
  decision: 'permit' | 'deny';
  rule: string;
  ruleIds: string[];
  ruleVersion: string;
  actor: { kind: string; id: string | null; role: string; displayName: string | null; organisation: string | null };
  purpose: { code: string; helpRequestId: string | null };
  object: { type: string; id: string | null };
  categories: string[];
  activity: { code: string; version: number } | null;
  subject: string | null;
  traceId: string;
}

export interface VerificationT {
  id: number;
  startedAt: string;
  finishedAt: string;
  by: string | null;
  ok: boolean;
  entries: number;
  chains: number;
  checkpoints: number;
  lastCheckpointId: number | null;
  failure: { chainId: number; seq: number; logId: number | null; reason: string } | null;
}

export interface IntegrityT {
  entries: number;
  chains: number;
  lastCheckpoint: { id: number; createdAt: string; entries: number; root: string } | null;
  entriesSinceCheckpoint: number;
  lastVerification: VerificationT | null;
  verifications: VerificationT[];
}

export interface ScheduleT {
  cadence: 'yearly' | 'quarterly';
  lastReviewed: string | null;
  due: string;
  status: 'ok' | 'due_soon' | 'overdue';
  rule: string;
}

export interface ReviewRowT {
  professionalId: string;
  displayName: string;
  functionTitle: string;
  organisation: string;
  roles: string[];
  currentInvolvements: number;
  schedule: ScheduleT;
}

export interface RunT {
  id: string;
  createdAt: string;
  createdBy: string | null;
  asOf: string;
  catalogueVersion: string;
  status: 'awaiting_sign_off' | 'signed_off' | 'rejected' | 'executed' | 'superseded';
  summary: { asOf: string; catalogueVersion: string; candidates: number; held: number; households: number; perClass: Record<string, number>; oldestDue: string | null };
  signedOffBy: string | null;
  signedOffAt: string | null;
  signOffNote: string | null;
  executedAt: string | null;
  result: { destroyed: number; keptHold: number; keptNotDue: number; keptError: number; households: number; residents: number; reasons: Record<string, number> } | null;
}

export interface ShownT {
  value: number | null;
  label: string;
  suppressed: boolean;
}

export interface ReportT {
  title: string;
  period: { from: string; to: string };
  generatedAt: string;
  municipality: string;
  catalogueVersion: string;
  intro: string;
  sections: Array<{
    key: string;
    title: string;
    status: 'ok' | 'not_recorded';
    note?: string;
    columns: Array<{ key: string; label: string }>;
    rows: Array<{ key: string; label: string; cells: Array<{ column: string; shown: ShownT }> }>;
    chart?: string;
  }>;
  integrity: { lines: string[] };
}

export interface ExplainedRuleT {
  id: string;
  outcome: string;
  statement: string;
  statementNl: string;
  confidence: string;
  articles: Array<{ label: string; jci: string | null; url: string | null }>;
  lawOverPolicy?: string;
}
