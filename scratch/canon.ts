import { randomBytes, randomUUID, createHmac } from 'node:crypto';
import { canonical, STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../src/core/log/entry.ts';
const e = (i: number): LogEntry => ({ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), parentSpanId: randomBytes(8).toString('hex'), name: 'household.read', startTime: new Date(Date.UTC(2026, 0, 1) + i * 1000), endTime: new Date(Date.UTC(2026, 0, 1) + i * 1000 + 7), statusCode: STATUS_OK, processingActivityId: randomUUID(), dataSubjectId: randomBytes(16).toString('hex'), dataSubjectIdType: SUBJECT_ID_TYPE, actorKind: 'professional', actorId: randomUUID(), actorRole: 'professional', organisationId: randomUUID(), purposeHelpRequestId: randomUUID(), purposeCode: 'help_request', action: 'read', objectType: 'household', objectId: randomUUID(), categories: ['address', 'care_needs', 'identity'], decision: 'permit', ruleIds: ['gate-actor-known', 'purpose-specified', 'involvement-required', 'role-profile'], ruleVersion: '2026.1' });
const list = Array.from({ length: 100000 }, (_, i) => e(i));
const S = JSON.stringify;
const n = (v: string | null) => (v === null ? 'null' : S(v));
const arr = (a: readonly string[]) => { let o = '['; for (let i = 0; i < a.length; i++) o += (i ? ',' : '') + S(a[i]); return o + ']'; };
function canon2(c: number, seq: number, x: LogEntry): string {
  return '[1,' + c + ',' + seq + ',' + S(x.traceId) + ',' + S(x.spanId) + ',' + n(x.parentSpanId) + ',' + S(x.name) + ',' + x.startTime.getTime() + ',' + x.endTime.getTime() + ',' + x.statusCode + ',' + S(x.processingActivityId) + ',' + n(x.dataSubjectId) + ',' + n(x.dataSubjectIdType) + ',' + S(x.actorKind) + ',' + n(x.actorId) + ',' + S(x.actorRole) + ',' + n(x.organisationId) + ',' + n(x.purposeHelpRequestId) + ',' + S(x.purposeCode) + ',' + S(x.action) + ',' + S(x.objectType) + ',' + n(x.objectId) + ',' + arr(x.categories) + ',' + S(x.decision) + ',' + arr(x.ruleIds) + ',' + S(x.ruleVersion) + ']';
}
for (const x of list.slice(0, 1000)) if (canon2(3, 7, x) !== canonical(3, 7, x)) throw new Error('differs');
for (const [name, f] of [['json', canonical], ['concat', canon2], ['json', canonical], ['concat', canon2]] as const) {
  const t0 = performance.now(); let k = 0;
  for (let i = 0; i < list.length; i++) k += (f as typeof canonical)(3, i, list[i]!).length;
  console.log(name, ((performance.now() - t0) * 1000 / list.length).toFixed(2), 'µs');
}
const key = randomBytes(32);
let t0 = performance.now(); for (const x of list) createHmac('sha256', key).update(randomBytes(0)).update(canonical(1, 1, x)).digest(); console.log('hmac+canon', ((performance.now() - t0) * 1000 / list.length).toFixed(2));
