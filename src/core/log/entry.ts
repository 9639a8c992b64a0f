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

/** The columns of one stored entry as text, the way `log verify` reads them (no Date or Buffer parsing). */
export interface StoredEntryText {
  chainId: number;
  seq: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startMs: number;
  endMs: number;
  statusCode: number;
  processingActivityId: string;
  dataSubjectId: string | null;
  dataSubjectIdType: string | null;
  actorKind: string | null;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  purposeHelpRequestId: string | null;
  purposeCode: string | null;
  action: string | null;
  objectType: string | null;
  objectId: string | null;
  /** JSON text of the categories array, as the database renders it (array_to_json). */
  categoriesJson: string | null;
  decision: string | null;
  /** JSON text of the rule-id array. */
  ruleIdsJson: string | null;
  ruleVersion: string | null;
}

const SIMPLE_ARRAY = /^\[(?:"[A-Za-z0-9_.:\-]*"(?:,"[A-Za-z0-9_.:\-]*")*)?\]$/;

/** A JSON array as JSON.stringify would render it: the database's text when it is plainly the same. */
function arrayJson(text: string | null): string {
  if (text === null) return '[]';
  return SIMPLE_ARRAY.test(text) ? text : JSON.stringify(JSON.parse(text) as unknown);
}

const j = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v));

/**
 * The same canonical string as canonical(), built from the stored text columns without creating
 * Dates, Buffers or arrays: the fast path of `log verify`. A test holds the two equal.
 * A missing access record yields values that cannot match, so its deletion is detected.
 */
export function canonicalFromText(e: StoredEntryText): string {
  return (
    `[1,${e.chainId},${e.seq},${j(e.traceId)},${j(e.spanId)},${j(e.parentSpanId)},${j(e.name)},${e.startMs},${e.endMs},${e.statusCode},` +
    `${j(e.processingActivityId)},${j(e.dataSubjectId)},${j(e.dataSubjectIdType)},${j(e.actorKind ?? 'missing')},${j(e.actorId)},${j(e.actorRole ?? '')},` +
    `${j(e.organisationId)},${j(e.purposeHelpRequestId)},${j(e.purposeCode ?? '')},${j(e.action ?? '')},${j(e.objectType ?? '')},${j(e.objectId)},` +
    `${arrayJson(e.categoriesJson)},${j(e.decision ?? 'deny')},${arrayJson(e.ruleIdsJson)},${j(e.ruleVersion ?? '')}]`
  );
}
