/**
 * A resident's processing log in the read format of the Logboek Dataverwerkingen extension "Lezen"
 * (Logius, LDV lezen API 1.1.0, research/standards.md §1): result items `ProcessingActivity` with
 * traceId (a UUID string), spanId, status (Unset|Ok|Error), name, startTime, endTime, optional
 * parentSpanId, resource and attributes in the `dpl.core.` namespace. Only the LDV record is exported:
 * the access facts (who, which role) stay out, as the LDV decisions ask (no user data in the log line).
 * Pure.
 */

export interface LdvRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTime: Date;
  endTime: Date;
  statusCode: number;
  processingActivityId: string;
  /** code and version of the register entry the log line points at. */
  activityCode: string | null;
  activityVersion: number | null;
  dataSubjectId: string | null;
  dataSubjectIdType: string | null;
}

export interface LdvReadItem {
  traceId: string;
  spanId: string;
  status: 'Unset' | 'Ok' | 'Error';
  name: string;
  startTime: string;
  endTime: string;
  parentSpanId?: string;
  resource: { attributes: Record<string, string> };
  attributes: Record<string, string>;
}

export interface LdvReadResult {
  metadata: { logbookId: string; organizationName: string };
  processingActivities: LdvReadItem[];
}

const STATUS: Record<number, LdvReadItem['status']> = { 0: 'Unset', 1: 'Ok', 2: 'Error' };

/** 32 hex digits → the 8-4-4-4-12 UUID form the read API types traceId as. */
export function traceIdAsUuid(hex: string): string {
  const h = hex.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(h)) return hex;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A URI for a register version: the register keeps every version under its own identifier (LDV register). */
export function processingActivityUri(id: string, code: string | null, version: number | null): string {
  return code !== null && version !== null ? `urn:zorgvuldig:verwerkingsactiviteit:${code}:${version}` : `urn:uuid:${id}`;
}

export function toLdvReadItem(row: LdvRow, resource: Record<string, string>): LdvReadItem {
  const attributes: Record<string, string> = {
    'dpl.core.processing_activity_id': processingActivityUri(row.processingActivityId, row.activityCode, row.activityVersion),
  };
  if (row.dataSubjectId !== null) attributes['dpl.core.data_subject_id'] = row.dataSubjectId;
  if (row.dataSubjectIdType !== null) attributes['dpl.core.data_subject_id_type'] = row.dataSubjectIdType;
  return {
    traceId: traceIdAsUuid(row.traceId),
    spanId: row.spanId,
    status: STATUS[row.statusCode] ?? 'Unset',
    name: row.name,
    startTime: row.startTime.toISOString(),
    endTime: row.endTime.toISOString(),
    ...(row.parentSpanId ? { parentSpanId: row.parentSpanId } : {}),
    resource: { attributes: resource },
    attributes,
  };
}
