/**
 * Who viewed my data (R5.3; policy 2.5; AVG art. 15 as read in CJEU C-579/21): from the processing log,
 * for a period, newest first, a page at a time — when, which organisation and function, for which
 * purpose (help request and its task, or a registered purpose), which categories; the professional's
 * name when the municipality's setting ACCESS_LOG_SHOW_NAMES says so (docs/residents.md).
 *
 * The log is found by the keyed pseudonym of the resident (processing_log.data_subject_id, indexed with
 * start_time), never by the id itself. Only permitted processing is listed (a denial means nobody saw
 * anything; the privacy officer reviews denials). Entries about records the resident may not see
 * (an access restriction) are left out, or shown without the withheld categories. Looking is itself
 * processing: it is decided by the gate and logged under pa-portal.
 */
import { addDays, dutchDate } from '../../../core/residents/calendar.ts';
import { sql, type Kysely } from 'kysely';
import { restrictionFor, withheldFrom, type Withheld } from '../../../core/residents/restrictions.ts';
import { AppError } from '../../../core/errors.ts';
import { isRealDate } from '../../../core/domain/dates.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { DB } from '../../schema.ts';
import { portalPurpose, recordItem, residentNames, subjectScope, type SubjectScope } from './common.ts';
import { categoryLabel, taskLabel } from './labels.ts';
import type { AccessLogEntryView, AccessLogView } from './views.ts';

export interface AccessLogQuery {
  subjectId: string | null;
  /** Dutch calendar days, inclusive; default: the last twelve months. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const ACCESS_LOG_MAX_PAGE_SIZE = 100;
/** An export holds at most this many entries; a longer period is exported in parts. */
export const ACCESS_LOG_EXPORT_MAX = 10_000;

/** Midnight at the start of a Dutch calendar day, as an instant (Europe/Amsterdam, DST-aware). */
function startOfDutchDay(day: string): Date {
  // Start at 00:00 UTC of that day and step back to the instant the Dutch date begins (UTC+1 or +2).
  for (const offset of [2, 1, 0]) {
    const t = new Date(`${day}T00:00:00Z`);
    t.setUTCHours(t.getUTCHours() - offset);
    if (dutchDate(t) === day) return t;
  }
  return new Date(`${day}T00:00:00Z`);
}

export function accessLogPeriod(now: Date, from?: string, to?: string): { from: string; to: string; start: Date; end: Date } {
  const today = dutchDate(now);
  const f = from ?? addDays(today, -365);
  const t = to ?? today;
  if (!isRealDate(f) || !isRealDate(t) || f > t) throw new AppError('PERIOD.INVALID', { fields: ['from', 'to'] });
  return { from: f, to: t, start: startOfDutchDay(f), end: startOfDutchDay(addDays(t, 1)) };
}

export interface AccessLogRow {
  id: number;
  start_time: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  purpose_code: string;
  purpose_help_request_id: string | null;
  object_type: string;
  object_id: string | null;
  categories: string[];
  display_name: string | null;
  function_title: string | null;
  organisation_name: string | null;
  activity_name: string | null;
  hr_reference: string | null;
  hr_task: string | null;
  hr_resident: string | null;
}

/**
 * The page view counts at most this many entries: counting a whole year for a resident whose log holds
 * thousands of entries cost more than the page itself (issue 8: "who viewed" p99 at 10M entries). Beyond
 * it the view says "more than 1,000" and the resident narrows the period to count them all.
 */
export const ACCESS_LOG_COUNT_MAX = 1000;

/**
 * Count the permitted entries about `pseudonym` in [start, end), up to countMax + 1 (enough to know
 * whether there are more than countMax).
 *
 * Without withheld records or categories, only the denials' access records are read: the count is the
 * period's entries (an index-only walk of processing_log_subject) minus its denials (log_denial,
 * migration 0009). A denial counts only where its entry and access record say so, so a row put in that
 * index by hand cannot lower anyone's count; one taken out would raise it, and `log verify` finds that.
 * The walk stops at countMax + 1 + denials entries, so a count that reaches the cap still means more than
 * countMax permitted ones. With a restriction, what it withholds is read from each entry's access record,
 * as the page below does.
 */
async function countPermitted(db: Kysely<DB>, pseudonym: string, withheld: Withheld, start: Date, end: Date, countMax: number): Promise<number> {
  if (withheld.objectIds.length === 0 && withheld.categories.length === 0) {
    const res = await sql<{ n: string }>`
      with denied as (
        select count(*) as n from log_denial d
        join processing_log l on l.id = d.log_id and l.data_subject_id = d.data_subject_id and l.start_time = d.start_time
        join access_record a on a.log_id = d.log_id and a.decision = 'deny'
        where d.data_subject_id = ${pseudonym} and d.start_time >= ${start} and d.start_time < ${end}
      )
      select (select count(*) from (
                select 1 from processing_log
                where data_subject_id = ${pseudonym} and start_time >= ${start} and start_time < ${end}
                limit (select n from denied) + ${countMax + 1}) entries
             ) - (select n from denied) as n`.execute(db);
    return Number(res.rows[0]?.n ?? 0);
  }
  const count = await db
    .selectFrom(permittedEntries(db, pseudonym, withheld, start, end).select('processing_log.id').limit(countMax + 1).as('counted'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(count?.n ?? 0);
}

/** The permitted entries about `pseudonym` in [start, end) with their access records, less what is withheld. */
function permittedEntries(db: Kysely<DB>, pseudonym: string, withheld: Withheld, start: Date, end: Date) {
  let base = db
    .selectFrom('processing_log')
    .innerJoin('access_record', 'access_record.log_id', 'processing_log.id')
    .where('processing_log.data_subject_id', '=', pseudonym)
    .where('processing_log.start_time', '>=', start)
    .where('processing_log.start_time', '<', end)
    .where('access_record.decision', '=', 'permit');
  // What a restriction withholds is left out here, before counting and paging (entryView() checks again):
  // an entry about a withheld record, or whose every category is withheld.
  if (withheld.objectIds.length > 0) {
    base = base.where((eb) => eb.or([eb('access_record.object_id', 'is', null), sql<boolean>`access_record.object_id <> all(${withheld.objectIds}::uuid[])`]));
  }
  if (withheld.categories.length > 0) {
    base = base.where(sql<boolean>`(cardinality(access_record.categories) = 0 or not (access_record.categories <@ ${withheld.categories}::text[]))`);
  }
  return base;
}

/**
 * The query of "who viewed my data": how many permitted entries about `pseudonym` the period holds (up to
 * countMax) and one page of them, newest first, with who, which organisation and which purpose. Exported
 * for `bench scale`, which runs this same query at 10M entries.
 */
export async function queryAccessLog(
  db: Kysely<DB>,
  pseudonym: string,
  withheld: Withheld,
  start: Date,
  end: Date,
  limit: number,
  offset: number,
  countMax: number,
): Promise<{ rows: AccessLogRow[]; total: number; totalCapped: boolean }> {
  const n = await countPermitted(db, pseudonym, withheld, start, end, countMax);
  const base = permittedEntries(db, pseudonym, withheld, start, end);
  const rows = await base
    .leftJoin('professional', (j) => j.onRef('professional.id', '=', 'access_record.actor_id').on('access_record.actor_kind', '=', 'professional'))
    .leftJoin('organisation', 'organisation.id', 'access_record.organisation_id')
    .leftJoin('processing_activity', 'processing_activity.id', 'processing_log.processing_activity_id')
    .leftJoin('help_request', 'help_request.id', 'access_record.purpose_help_request_id')
    .select([
      'processing_log.id',
      'processing_log.start_time',
      'access_record.actor_kind',
      'access_record.actor_id',
      'access_record.action',
      'access_record.purpose_code',
      'access_record.purpose_help_request_id',
      'access_record.object_type',
      'access_record.object_id',
      'access_record.categories',
      'professional.display_name',
      'professional.function_title',
      'organisation.name as organisation_name',
      'processing_activity.name as activity_name',
      'help_request.reference as hr_reference',
      'help_request.task_code as hr_task',
      'help_request.resident_id as hr_resident',
    ])
    .orderBy('processing_log.start_time', 'desc')
    .orderBy('processing_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows: rows as AccessLogRow[], total: Math.min(n, countMax), totalCapped: n > countMax };
}

function entryView(work: GateWork, scope: SubjectScope, r: AccessLogRow, showNames: boolean, residents: Map<string, { displayName: string }>): AccessLogEntryView | null {
  // Leave out what a restriction withholds from this reader: records by id, categories of the subject.
  let categories = r.categories;
  if (scope.restrictions.length > 0) {
    const reader = { isSubject: scope.isSelf };
    if (r.object_id !== null && restrictionFor(scope.restrictions, work.now, reader, { id: r.object_id, subjectId: null, category: '' })) return null;
    categories = categories.filter((c) => !restrictionFor(scope.restrictions, work.now, reader, { id: null, subjectId: scope.subjectId, category: c }));
    if (categories.length === 0 && r.categories.length > 0) return null;
  }
  const actorId = r.actor_id;
  let actor: AccessLogEntryView['actor'];
  if (r.actor_kind === 'professional') {
    actor = { kind: 'professional', name: showNames ? r.display_name : null, functionTitle: r.function_title, organisation: r.organisation_name, isViewer: false };
  } else if (r.actor_kind === 'resident') {
    const viewer = work.actor!.kind === 'resident' ? work.actor!.id : null;
    const isSubject = actorId === scope.subjectId;
    actor = {
      kind: isSubject ? 'subject' : 'representative',
      name: isSubject || actorId === viewer ? null : (residents.get(actorId ?? '')?.displayName ?? null),
      functionTitle: null,
      organisation: null,
      isViewer: actorId === viewer,
    };
  } else {
    actor = { kind: 'system', name: null, functionTitle: null, organisation: null, isViewer: false };
  }
  const kind: AccessLogEntryView['purpose']['kind'] =
    r.purpose_code === 'help_request' ? 'help_request' : r.purpose_code === 'portal' ? 'portal' : r.purpose_code === 'oversight' ? 'oversight' : r.purpose_code.startsWith('system:') ? 'system' : 'none';
  return {
    id: Number(r.id),
    at: new Date(r.start_time).toISOString(),
    action: r.action,
    actor,
    purpose: {
      kind,
      // The reference of a help request about someone else (another member) is not the resident's to know; its task is.
      helpRequestReference: r.hr_resident === scope.subjectId ? r.hr_reference : null,
      task: r.hr_task ? taskLabel(work.policy, r.hr_task) : null,
      activity: r.activity_name,
    },
    categories: categories.map((c) => categoryLabel(work.policy, c)),
    objectType: r.object_type,
  };
}

async function readLog(work: GateWork, scope: SubjectScope, start: Date, end: Date, limit: number, offset: number, showNames: boolean, countMax: number) {
  const withheld = withheldFrom(scope.restrictions, work.now, { isSubject: scope.isSelf }, scope.subjectId);
  const { rows, total, totalCapped } = await queryAccessLog(work.tx, work.keyring.pseudonym(scope.subjectId), withheld, start, end, limit, offset, countMax);
  const residentActors = [...new Set(rows.filter((r) => r.actor_kind === 'resident' && r.actor_id !== null && r.actor_id !== scope.subjectId).map((r) => r.actor_id!))];
  const names = await residentNames(work, residentActors);
  const entries = rows.map((r) => entryView(work, scope, r, showNames, names)).filter((e): e is AccessLogEntryView => e !== null);
  return { entries, total, totalCapped };
}

/** Decide and log the question itself: access metadata about the subject (AVG 15, pa-portal). */
async function askLog(work: GateWork, subjectId: string | null): Promise<SubjectScope> {
  const scope = await subjectScope(work, subjectId, { type: 'access_metadata', id: null });
  const item = recordItem('access_metadata', null, scope.homeHouseholdId, scope.subjectId, 'involvement');
  const decision = scope.decide(item);
  if (!decision.permit) {
    work.denied(scope.subjectId, portalPurpose(work), { type: 'access_metadata', id: null }, 'involvement', decision);
    return work.failAfterCommit('GATE.NOT_FOUND');
  }
  work.processed(scope.subjectId, portalPurpose(work), { type: 'access_metadata', id: null }, ['involvement'], decision);
  return scope;
}

export async function accessLog(session: GateSession, q: AccessLogQuery, showNames: boolean): Promise<AccessLogView> {
  const period = accessLogPeriod(session.request.now, q.from, q.to);
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(ACCESS_LOG_MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? 25)));
  return session.run('portal.access_log', 'read', async (work) => {
    const scope = await askLog(work, q.subjectId);
    const { entries, total, totalCapped } = await readLog(work, scope, period.start, period.end, pageSize, (page - 1) * pageSize, showNames, ACCESS_LOG_COUNT_MAX);
    return { subject: { residentId: scope.subjectId, isSelf: scope.isSelf }, period: { from: period.from, to: period.to }, page, pageSize, total, totalCapped, showsNames: showNames, entries };
  });
}

/** The whole period (up to ACCESS_LOG_EXPORT_MAX entries), for the JSON and CSV exports. */
export async function accessLogExport(session: GateSession, q: AccessLogQuery, showNames: boolean): Promise<AccessLogView & { truncated: boolean }> {
  const period = accessLogPeriod(session.request.now, q.from, q.to);
  return session.run('portal.access_log.export', 'read', async (work) => {
    const scope = await askLog(work, q.subjectId);
    const { entries, total, totalCapped } = await readLog(work, scope, period.start, period.end, ACCESS_LOG_EXPORT_MAX, 0, showNames, ACCESS_LOG_EXPORT_MAX);
    return {
      subject: { residentId: scope.subjectId, isSelf: scope.isSelf },
      period: { from: period.from, to: period.to },
      page: 1,
      pageSize: ACCESS_LOG_EXPORT_MAX,
      total,
      totalCapped,
      showsNames: showNames,
      entries,
      truncated: totalCapped,
    };
  });
}

/** For the full AVG export (export.ts): the log about the subject within the scope already decided. */
export async function logForExport(work: GateWork, scope: SubjectScope, showNames: boolean, since: Date): Promise<{ entries: AccessLogEntryView[]; total: number; totalCapped: boolean }> {
  return readLog(work, scope, since, new Date(work.now.getTime() + 1), ACCESS_LOG_EXPORT_MAX, 0, showNames, ACCESS_LOG_EXPORT_MAX);
}
