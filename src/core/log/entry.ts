/**
 * The processing-log entry: one Logboek Dataverwerkingen record (Logius LDV: trace_id, span_id,
 * parent_span_id, name, start/end, status, processing activity, pseudonymised data subject) plus the
 * linked access record (actor, role, organisation, purpose, action, object, categories, decision, rule
 * ids, catalogue version). An entry references data; it never copies it.
 */

/** LDV status codes. */
export const STATUS_UNSET = 0;
export const STATUS_OK = 1;
export const STATUS_ERROR = 2;

export interface LdvRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTime: Date;
  endTime: Date;
  statusCode: number;
  /** processing_activity.id of the register version in force. */
  processingActivityId: string;
  /** Keyed pseudonym of the data subject (LDV dpl.core.data_subject_id), or null for 0 subjects. */
  dataSubjectId: string | null;
  dataSubjectIdType: string | null;
}

export interface AccessFacts {
  actorKind: 'professional' | 'resident' | 'system';
  actorId: string | null;
  actorRole: string;
  organisationId: string | null;
  purposeHelpRequestId: string | null;
  /** 'help_request' when a help request is the purpose, or a registered purpose code (pa-portal, …). */
  purposeCode: string;
  action: string;
  objectType: string;
  objectId: string | null;
  categories: string[];
  decision: 'permit' | 'deny';
  ruleIds: string[];
  ruleVersion: string;
}

export interface LogEntry extends LdvRecord, AccessFacts {}

export interface ChainedEntry extends LogEntry {
  chainId: number;
  seq: number;
  prevHash: Uint8Array;
  hash: Uint8Array;
}

/** The data subject id type for our pseudonyms (an LDV URI naming the register and the key). */
export const SUBJECT_ID_TYPE = 'urn:zorgvuldig:resident-pseudonym:v1';

/**
 * Canonical serialisation that the chain hashes: a JSON array in a fixed field order, timestamps as
 * epoch milliseconds. Changing this breaks verification of existing logs: version it if it must change.
 */
export function canonical(chainId: number, seq: number, e: LogEntry): string {
  return JSON.stringify([
    1,
    chainId,
    seq,
    e.traceId,
    e.spanId,
    e.parentSpanId,
    e.name,
    e.startTime.getTime(),
    e.endTime.getTime(),
    e.statusCode,
    e.processingActivityId,
    e.dataSubjectId,
    e.dataSubjectIdType,
    e.actorKind,
    e.actorId,
    e.actorRole,
    e.organisationId,
    e.purposeHelpRequestId,
    e.purposeCode,
    e.action,
    e.objectType,
    e.objectId,
    e.categories,
    e.decision,
    e.ruleIds,
    e.ruleVersion,
  ]);
}
