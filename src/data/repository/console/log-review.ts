/**
 * Log review for the privacy officer (issue 7 item 3; BIO2 8.15.06, AVG art. 39(1)(b)): search the
 * processing log by resident (BSN through the blind index, or resident id → the keyed pseudonym the log
 * holds), by professional and by period; the views a privacy officer starts from — attempts outside
 * involvement, bursts of denials, involuntary steps —; and a resident's log in the LDV read format.
 *
 * The log's access metadata are personal data too: the gate decides every question (`fg-oversight`: the
 * privacy officer only) and every question is itself logged — for one resident with that resident as
 * data subject (so it shows in their own "who viewed my data"), otherwise as one entry without a subject
 * (the results carry pseudonyms, not identities).
 */
import { sql } from 'kysely';
import { denialBursts, type Burst } from '../../../core/accountability/bursts.ts';
import { toLdvReadItem, type LdvReadResult } from '../../../core/accountability/ldv-read.ts';
import { isValidBsn, normaliseBsn } from '../../../core/domain/bsn.ts';
import { isRealDate } from '../../../core/domain/dates.ts';
import { AppError } from '../../../core/errors.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { dayAfter, dayStart, decideOversight, iso, logAction, requireCapability } from './common.ts';

export interface LogQuery {
  bsn?: string;
  residentId?: string;
  professionalId?: string;
  /** ISO days, inclusive. */
  from?: string;
  to?: string;
  decision?: 'permit' | 'deny';
  limit?: number;
  offset?: number;
}

export interface LogEntryView {
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
  /** The first characters of the keyed pseudonym: enough to see that entries concern the same person. */
  subject: string | null;
  traceId: string;
}

export interface LogSearchResult {
  query: { resident: boolean; residentId: string | null; professionalId: string | null; from: string | null; to: string | null; decision: string | null };
  total: number;
  entries: LogEntryView[];
}

const MAX_LIMIT = 500;

type EntryRow = {
  id: number;
  start_time: Date | string;
  name: string;
  action: string;
  decision: 'permit' | 'deny';
  rule_ids: string[];
  rule_version: string;
  actor_kind: string;
  actor_id: string | null;
  actor_role: string;
  purpose_code: string;
  purpose_help_request_id: string | null;
  object_type: string;
  object_id: string | null;
  categories: string[];
  activity_code: string | null;
  activity_version: number | null;
  data_subject_id: string | null;
  trace_id: string;
  actor_name: string | null;
  organisation_name: string | null;
};

function entriesQuery(work: GateWork) {
  return work.tx
    .selectFrom('processing_log as l')
    .innerJoin('access_record as a', 'a.log_id', 'l.id')
    .leftJoin('processing_activity as pa', 'pa.id', 'l.processing_activity_id')
    .leftJoin('professional as p', 'p.id', 'a.actor_id')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id');
}

const entryColumns = [
  'l.id',
  'l.start_time',
  'l.name',
  'a.action',
  'a.decision',
  'a.rule_ids',
  'a.rule_version',
  'a.actor_kind',
  'a.actor_id',
  'a.actor_role',
  'a.purpose_code',
  'a.purpose_help_request_id',
  'a.object_type',
  'a.object_id',
  'a.categories',
  'pa.code as activity_code',
  'pa.version as activity_version',
  'l.data_subject_id',
  'l.trace_id',
  'p.display_name as actor_name',
  'o.name as organisation_name',
] as const;

export function entryView(r: EntryRow): LogEntryView {
  return {
    id: Number(r.id),
    startTime: iso(r.start_time)!,
    name: r.name,
    action: r.action,
    decision: r.decision,
    rule: r.rule_ids[0] ?? '',
    ruleIds: r.rule_ids,
    ruleVersion: r.rule_version,
    actor: { kind: r.actor_kind, id: r.actor_id, role: r.actor_role, displayName: r.actor_name, organisation: r.organisation_name },
    purpose: { code: r.purpose_code, helpRequestId: r.purpose_help_request_id },
    object: { type: r.object_type, id: r.object_id },
    categories: r.categories,
    activity: r.activity_code !== null && r.activity_version !== null ? { code: r.activity_code, version: r.activity_version } : null,
    subject: r.data_subject_id ? r.data_subject_id.slice(0, 12) : null,
    traceId: r.trace_id,
  };
}

/** A BSN (through the blind index) or a resident id → the resident id; a BSN nobody has → null. */
async function resolveResident(work: GateWork, q: { bsn?: string; residentId?: string }): Promise<string | null> {
  if (q.residentId) return q.residentId;
  if (!q.bsn) return null;
  const bsn = normaliseBsn(q.bsn);
  if (!bsn || !isValidBsn(bsn)) throw new AppError('BSN.INVALID', { field: 'bsn' });
  const row = await work.tx.selectFrom('resident').select('id').where('bsn_index', '=', Buffer.from(work.keyring.bsnIndex(bsn))).executeTakeFirst();
  return row?.id ?? null;
}

function checkPeriod(from?: string, to?: string): void {
  if (from && !isRealDate(from)) throw new AppError('DATE.INVALID', { field: 'from' });
  if (to && !isRealDate(to)) throw new AppError('DATE.INVALID', { field: 'to' });
  if (from && to && to < from) throw new AppError('DATE.INVALID', { field: 'to' });
}

/** The gate's decision on the question, logged; a denial is committed and answered 403. */
function decideQuestion(work: GateWork, residentId: string | null, object: { type: string; id: string | null }) {
  requireCapability(work, 'log.review');
  const decision = decideOversight(work, residentId, object.id);
  if (!decision.permit) {
    work.denied(null, { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' }, object, 'involvement', decision);
    return work.failAfterCommit('GATE.DENIED', { rule: decision.rule });
  }
  return decision;
}

export async function searchLog(session: GateSession, q: LogQuery): Promise<LogSearchResult> {
  return session.run('processing_log.search', 'list', async (work) => {
    checkPeriod(q.from, q.to);
    const byResident = Boolean(q.bsn || q.residentId);
    if (!byResident && !q.professionalId && !(q.from && q.to)) throw new AppError('LOG_REVIEW.QUERY_REQUIRED');
    const residentId = await resolveResident(work, q);
    const decision = decideQuestion(work, residentId, { type: 'processing_log', id: null });
    const limit = Math.min(Math.max(q.limit ?? 100, 1), MAX_LIMIT);
    const result: LogSearchResult = {
      query: { resident: byResident, residentId, professionalId: q.professionalId ?? null, from: q.from ?? null, to: q.to ?? null, decision: q.decision ?? null },
      total: 0,
      entries: [],
    };
    if (byResident && residentId === null) {
      // A BSN that nobody here has: nothing to show, but the question was asked and is logged.
      logAction(work, { type: 'processing_log', id: null }, decision, null, ['involvement']);
      return result;
    }
    let base = entriesQuery(work);
    if (residentId) base = base.where('l.data_subject_id', '=', work.keyring.pseudonym(residentId));
    if (q.professionalId) base = base.where('a.actor_id', '=', q.professionalId);
    if (q.from) base = base.where('l.start_time', '>=', dayStart(q.from));
    if (q.to) base = base.where('l.start_time', '<', dayAfter(q.to));
    if (q.decision) base = base.where('a.decision', '=', q.decision);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base.select([...entryColumns]).orderBy('l.start_time', 'desc').orderBy('l.id', 'desc').limit(limit).offset(q.offset ?? 0).execute();
    result.total = Number(total.n);
    result.entries = rows.map(entryView);
    logAction(work, { type: 'processing_log', id: null }, decision, residentId, ['involvement']);
    return result;
  });
}

export interface OutsideInvolvementView {
  actors: Array<{ actorId: string | null; displayName: string | null; organisation: string | null; denials: number; subjects: number; first: string; last: string }>;
  entries: LogEntryView[];
}

/** Denials decided by involvement-required: someone looked for a file they are not involved with. */
export async function outsideInvolvement(session: GateSession, period: { from: string; to: string }): Promise<OutsideInvolvementView> {
  return session.run('processing_log.outside_involvement', 'list', async (work) => {
    checkPeriod(period.from, period.to);
    const decision = decideQuestion(work, null, { type: 'processing_log', id: null });
    const where = <T extends ReturnType<typeof entriesQuery>>(qb: T) =>
      qb
        .where('a.decision', '=', 'deny')
        .where(sql<boolean>`a.rule_ids[1] = 'involvement-required'`)
        .where('l.start_time', '>=', dayStart(period.from))
        .where('l.start_time', '<', dayAfter(period.to)) as T;
    const actors = await where(entriesQuery(work))
      .select([
        'a.actor_id',
        (eb) => eb.fn.max('p.display_name').as('display_name'),
        (eb) => eb.fn.max('o.name').as('organisation'),
        (eb) => eb.fn.countAll<number>().as('denials'),
        sql<number>`count(distinct l.data_subject_id)`.as('subjects'),
        (eb) => eb.fn.min('l.start_time').as('first'),
        (eb) => eb.fn.max('l.start_time').as('last'),
      ])
      .groupBy('a.actor_id')
      .orderBy('denials', 'desc')
      .limit(100)
      .execute();
    const rows = await where(entriesQuery(work)).select([...entryColumns]).orderBy('l.start_time', 'desc').limit(200).execute();
    logAction(work, { type: 'processing_log', id: null }, decision, null, ['involvement']);
    return {
      actors: actors.map((a) => ({
        actorId: a.actor_id,
        displayName: a.display_name ?? null,
        organisation: a.organisation ?? null,
        denials: Number(a.denials),
        subjects: Number(a.subjects),
        first: iso(a.first as Date)!,
        last: iso(a.last as Date)!,
      })),
      entries: rows.map(entryView),
    };
  });
}

export interface BurstView extends Omit<Burst, 'from' | 'to'> {
  from: string;
  to: string;
  displayName: string | null;
}

export async function denialBurstsView(session: GateSession, q: { from: string; to: string; minCount?: number; windowMinutes?: number }): Promise<{ minCount: number; windowMinutes: number; bursts: BurstView[] }> {
  return session.run('processing_log.bursts', 'list', async (work) => {
    checkPeriod(q.from, q.to);
    const decision = decideQuestion(work, null, { type: 'processing_log', id: null });
    const minCount = q.minCount ?? 5;
    const windowMinutes = q.windowMinutes ?? 10;
    const rows = await work.tx
      .selectFrom('processing_log as l')
      .innerJoin('access_record as a', 'a.log_id', 'l.id')
      .select(['a.actor_id', 'l.start_time', sql<string>`a.rule_ids[1]`.as('rule')])
      .where('a.decision', '=', 'deny')
      .where('a.actor_kind', '=', 'professional')
      .where('l.start_time', '>=', dayStart(q.from))
      .where('l.start_time', '<', dayAfter(q.to))
      .orderBy('l.start_time')
      .limit(50_000)
      .execute();
    const bursts = denialBursts(
      rows.filter((r) => r.actor_id !== null).map((r) => ({ actorId: r.actor_id!, at: new Date(r.start_time), rule: r.rule ?? '' })),
      { minCount, windowMinutes },
    );
    const ids = [...new Set(bursts.map((b) => b.actorId))];
    const names = ids.length ? await work.tx.selectFrom('professional').select(['id', 'display_name']).where('id', 'in', ids).execute() : [];
    const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
    logAction(work, { type: 'processing_log', id: null }, decision, null, ['involvement']);
    return { minCount, windowMinutes, bursts: bursts.map((b) => ({ ...b, from: b.from.toISOString(), to: b.to.toISOString(), displayName: nameOf.get(b.actorId) ?? null })) };
  });
}

export interface InvoluntaryView {
  /** Processing that rested on an approved involuntary-processing record (rule inv-vital). */
  entries: LogEntryView[];
  /** Involuntary-processing records decided in the period, by ground and status (no content). */
  records: Array<{ ground: string; status: string; count: number }>;
}

export async function involuntarySteps(session: GateSession, period: { from: string; to: string }): Promise<InvoluntaryView> {
  return session.run('processing_log.involuntary', 'list', async (work) => {
    checkPeriod(period.from, period.to);
    const decision = decideQuestion(work, null, { type: 'processing_log', id: null });
    const rows = await entriesQuery(work)
      .select([...entryColumns])
      .where(sql<boolean>`'inv-vital' = any(a.rule_ids)`)
      .where('a.decision', '=', 'permit')
      .where('l.start_time', '>=', dayStart(period.from))
      .where('l.start_time', '<', dayAfter(period.to))
      .orderBy('l.start_time', 'desc')
      .limit(200)
      .execute();
    const records = await work.tx
      .selectFrom('involuntary_processing')
      .select(['ground', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', dayStart(period.from))
      .where('created_at', '<', dayAfter(period.to))
      .groupBy(['ground', 'status'])
      .orderBy('ground')
      .orderBy('status')
      .execute();
    logAction(work, { type: 'processing_log', id: null }, decision, null, ['involvement']);
    return { entries: rows.map(entryView), records: records.map((r) => ({ ground: r.ground, status: r.status, count: Number(r.n) })) };
  });
}

/** A resident's log in the LDV read format ("Lezen" extension: ProcessingActivity result items). */
export async function exportResidentLog(session: GateSession, q: { bsn?: string; residentId?: string; from?: string; to?: string }): Promise<LdvReadResult> {
  return session.run('processing_log.export_ldv', 'read', async (work) => {
    checkPeriod(q.from, q.to);
    if (!q.bsn && !q.residentId) throw new AppError('LOG_REVIEW.QUERY_REQUIRED');
    const residentId = await resolveResident(work, q);
    const decision = decideQuestion(work, residentId, { type: 'processing_log', id: null });
    const org = await work.tx.selectFrom('organisation').select('name').where('kind', '=', 'municipality').orderBy('created_at').limit(1).executeTakeFirst();
    const metadata = { logbookId: 'urn:zorgvuldig:logboek', organizationName: org?.name ?? 'Gemeente' };
    if (residentId === null) {
      logAction(work, { type: 'processing_log', id: null }, decision, null, ['involvement']);
      return { metadata, processingActivities: [] };
    }
    let qb = work.tx
      .selectFrom('processing_log as l')
      .leftJoin('processing_activity as pa', 'pa.id', 'l.processing_activity_id')
      .select(['l.trace_id', 'l.span_id', 'l.parent_span_id', 'l.name', 'l.start_time', 'l.end_time', 'l.status_code', 'l.processing_activity_id', 'pa.code', 'pa.version', 'l.data_subject_id', 'l.data_subject_id_type'])
      .where('l.data_subject_id', '=', work.keyring.pseudonym(residentId));
    if (q.from) qb = qb.where('l.start_time', '>=', dayStart(q.from));
    if (q.to) qb = qb.where('l.start_time', '<', dayAfter(q.to));
    const rows = await qb.orderBy('l.start_time').orderBy('l.id').limit(50_000).execute();
    const resource = { 'service.name': 'zorgvuldig', 'service.version': '0.1.0' };
    logAction(work, { type: 'processing_log', id: null }, decision, residentId, ['involvement']);
    return {
      metadata,
      processingActivities: rows.map((r) =>
        toLdvReadItem(
          {
            traceId: r.trace_id,
            spanId: r.span_id,
            parentSpanId: r.parent_span_id,
            name: r.name,
            startTime: new Date(r.start_time),
            endTime: new Date(r.end_time),
            statusCode: r.status_code,
            processingActivityId: r.processing_activity_id,
            activityCode: r.code,
            activityVersion: r.version,
            dataSubjectId: r.data_subject_id,
            dataSubjectIdType: r.data_subject_id_type,
          },
          resource,
        ),
      ),
    };
  });
}
