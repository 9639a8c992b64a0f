import { randomBytes, randomUUID } from 'node:crypto';
import { extendChain } from '../src/core/log/chain.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../src/core/log/entry.ts';
const key = randomBytes(32);
const e = (i: number): LogEntry => ({ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), parentSpanId: randomBytes(8).toString('hex'), name: 'household.read', startTime: new Date(Date.UTC(2026, 0, 1) + i * 1000), endTime: new Date(Date.UTC(2026, 0, 1) + i * 1000 + 7), statusCode: STATUS_OK, processingActivityId: randomUUID(), dataSubjectId: randomBytes(16).toString('hex'), dataSubjectIdType: SUBJECT_ID_TYPE, actorKind: 'professional', actorId: randomUUID(), actorRole: 'professional', organisationId: randomUUID(), purposeHelpRequestId: randomUUID(), purposeCode: 'help_request', action: 'read', objectType: 'household', objectId: randomUUID(), categories: ['address', 'care_needs', 'identity'], decision: 'permit', ruleIds: ['gate-actor-known', 'purpose-specified', 'involvement-required', 'role-profile'], ruleVersion: '2026.1' });
const batches = Array.from({ length: 2000 }, (_, b) => Array.from({ length: 100 }, (_, k) => e(b * 100 + k)));
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
let head = { seq: 0, hash: new Uint8Array(32) };
const t0 = performance.now();
let total = 0;
for (const batch of batches) {
  const ext = extendChain(key, 0, head, batch);
  head = ext.head;
  const rows = JSON.stringify(ext.chained.map((e) => ({ seq: e.seq, trace_id: e.traceId, span_id: e.spanId, parent_span_id: e.parentSpanId, name: e.name, start_time: e.startTime.toISOString(), end_time: e.endTime.toISOString(), status_code: e.statusCode, processing_activity_id: e.processingActivityId, data_subject_id: e.dataSubjectId, data_subject_id_type: e.dataSubjectIdType, prev_hex: hex(e.prevHash), hash_hex: hex(e.hash), actor_kind: e.actorKind, actor_id: e.actorId, actor_role: e.actorRole, organisation_id: e.organisationId, purpose_help_request_id: e.purposeHelpRequestId, purpose_code: e.purposeCode, action: e.action, object_type: e.objectType, object_id: e.objectId, categories: e.categories, decision: e.decision, rule_ids: e.ruleIds, rule_version: e.ruleVersion })));
  total += rows.length;
}
console.log('µs/entry', ((performance.now() - t0) * 1000 / 200000).toFixed(2), total);
