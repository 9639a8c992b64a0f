/**
 * The retention runs and legal holds as people see and decide them in the console: the reports, the
 * archivist's sign-off (never by the person who made the report), and legal holds. The runs themselves
 * (dry run, execution) are store-level system work: runs.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { GateSession, GateWork } from '../gate/session.ts';
import { audit, iso, parseJson, requireCapability, staffActor } from '../repository/console/common.ts';
import type { CandidateOutcome, RetentionRunStatus } from '../schema-accountability.ts';

export interface RunSummary {
  asOf: string;
  catalogueVersion: string;
  candidates: number;
  held: number;
  households: number;
  /** Candidates per deciding retention class. */
  perClass: Record<string, number>;
  oldestDue: string | null;
}

export interface RunResult {
  destroyed: number;
  keptHold: number;
  keptNotDue: number;
  keptError: number;
  households: number;
  residents: number;
  /** Why files were kept (the constraint that still points at them), with counts. */
  reasons: Record<string, number>;
}

export interface RetentionRunView {
  id: string;
  createdAt: string;
  createdBy: string | null;
  asOf: string;
  catalogueVersion: string;
  status: RetentionRunStatus;
  summary: RunSummary;
  signedOffBy: string | null;
  signedOffAt: string | null;
  signOffNote: string | null;
  executedAt: string | null;
  result: RunResult | null;
}

export interface CandidateView {
  helpRequestId: string;
  helpRequestReference: string | null;
  householdId: string;
  classes: string[];
  due: string;
  held: boolean;
  outcome: CandidateOutcome;
}

export function runView(r: {
  id: string;
  created_at: Date | string;
  creator: string | null;
  as_of: string;
  catalogue_version: string;
  status: RetentionRunStatus;
  summary: unknown;
  signer: string | null;
  signed_off_at: Date | string | null;
  sign_off_note: string | null;
  executed_at: Date | string | null;
  result: unknown;
}): RetentionRunView {
  return {
    id: r.id,
    createdAt: iso(r.created_at)!,
    createdBy: r.creator,
    asOf: r.as_of,
    catalogueVersion: r.catalogue_version,
    status: r.status,
    summary: parseJson<RunSummary>(r.summary),
    signedOffBy: r.signer,
    signedOffAt: iso(r.signed_off_at),
    signOffNote: r.sign_off_note,
    executedAt: iso(r.executed_at),
    result: r.result === null ? null : parseJson<RunResult>(r.result),
  };
}

export function runsQuery(work: GateWork) {
  return work.tx
    .selectFrom('retention_run as r')
    .leftJoin('professional as c', 'c.id', 'r.created_by')
    .leftJoin('professional as s', 's.id', 'r.signed_off_by')
    .select(['r.id', 'r.created_at', 'c.display_name as creator', 'r.as_of', 'r.catalogue_version', 'r.status', 'r.summary', 's.display_name as signer', 'r.signed_off_at', 'r.sign_off_note', 'r.executed_at', 'r.result']);
}

export async function listRuns(session: GateSession): Promise<RetentionRunView[]> {
  return session.run('retention_run.list', 'list', async (work) => {
    requireCapability(work, 'retention.read');
    const rows = await runsQuery(work).orderBy('r.created_at', 'desc').limit(50).execute();
    return rows.map(runView);
  });
}

/** A run with its candidates: references, classes and dates, no content. */
export async function runDetail(session: GateSession, id: string): Promise<RetentionRunView & { candidates: CandidateView[] }> {
  return session.run('retention_run.read', 'read', async (work) => {
    const decision = requireCapability(work, 'retention.read');
    const row = await runsQuery(work).where('r.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('RETENTION.RUN_NOT_FOUND');
    const cs = await work.tx
      .selectFrom('retention_candidate as c')
      .leftJoin('help_request as hr', 'hr.id', 'c.help_request_id')
      .select(['c.help_request_id', 'hr.reference', 'c.household_id', 'c.classes', 'c.due', 'c.held', 'c.outcome'])
      .where('c.run_id', '=', id)
      .orderBy('c.due')
      .limit(1000)
      .execute();
    work.processed(null, { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' }, { type: 'retention_run', id }, [], decision);
    return {
      ...runView(row),
      candidates: cs.map((c) => ({ helpRequestId: c.help_request_id, helpRequestReference: c.reference, householdId: c.household_id, classes: c.classes, due: c.due, held: c.held, outcome: c.outcome })),
    };
  });
}

/** The archivist's sign-off (or rejection) of a dry-run report. Never the person who made it. */
export async function signOffRun(session: GateSession, id: string, input: { decision: 'sign_off' | 'reject'; note?: string | null }): Promise<void> {
  await session.run('retention_run.sign_off', 'update', async (work) => {
    const decision = requireCapability(work, 'retention.sign_off');
    const actor = staffActor(work);
    const run = await work.tx.selectFrom('retention_run').select(['id', 'status', 'created_by']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!run) throw new AppError('RETENTION.RUN_NOT_FOUND');
    if (run.status !== 'awaiting_sign_off') throw new AppError('RETENTION.RUN_CLOSED', { status: run.status });
    if (run.created_by === actor.id) throw new AppError('RETENTION.SAME_PERSON');
    await work.tx
      .updateTable('retention_run')
      .set({ status: input.decision === 'sign_off' ? 'signed_off' : 'rejected', signed_off_by: input.decision === 'sign_off' ? actor.id : null, signed_off_at: work.now, sign_off_note: input.note?.trim() || null })
      .where('id', '=', id)
      .execute();
    await audit(work, { action: `retention.${input.decision}`, objectType: 'retention_run', objectId: id });
    work.processed(null, { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' }, { type: 'retention_run', id }, [], decision);
  });
}

export interface LegalHoldView {
  id: string;
  objectType: 'resident' | 'household' | 'help_request';
  objectId: string;
  reason: string;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
}

export async function listHolds(session: GateSession): Promise<LegalHoldView[]> {
  return session.run('legal_hold.list', 'list', async (work) => {
    requireCapability(work, 'retention.read');
    const rows = await work.tx
      .selectFrom('legal_hold as h')
      .innerJoin('professional as p', 'p.id', 'h.placed_by')
      .leftJoin('professional as r', 'r.id', 'h.released_by')
      .select(['h.id', 'h.object_type', 'h.object_id', 'h.reason', 'p.display_name as placed_by', 'h.placed_at', 'r.display_name as released_by', 'h.released_at'])
      .orderBy('h.placed_at', 'desc')
      .limit(500)
      .execute();
    return rows.map((h) => ({ id: h.id, objectType: h.object_type, objectId: h.object_id, reason: h.reason, placedBy: h.placed_by, placedAt: iso(h.placed_at)!, releasedBy: h.released_by, releasedAt: iso(h.released_at) }));
  });
}

/** Place a legal hold (a complaint, a court case, an AVG request pending): the file is kept whatever its date. */
export async function placeHold(session: GateSession, input: { objectType: 'resident' | 'household' | 'help_request'; objectId: string; reason: string }): Promise<string> {
  return session.run('legal_hold.place', 'create', async (work) => {
    const decision = requireCapability(work, 'retention.hold');
    const actor = staffActor(work);
    if (input.reason.trim().length < 3) throw new AppError('REQUEST.INVALID', { fields: ['/reason'] });
    const table = input.objectType;
    const exists = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} where id = ${input.objectId}`.execute(work.tx);
    if (exists.rows.length === 0) throw new AppError('LEGAL_HOLD.UNKNOWN_OBJECT');
    const id = randomUUID();
    await work.tx.insertInto('legal_hold').values({ id, object_type: input.objectType, object_id: input.objectId, reason: input.reason.trim(), placed_by: actor.id, placed_at: work.now }).execute();
    await audit(work, { action: 'legal_hold.place', objectType: input.objectType, objectId: input.objectId, details: { hold: id } });
    work.processed(input.objectType === 'resident' ? input.objectId : null, { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' }, { type: 'legal_hold', id }, [], decision);
    return id;
  });
}

export async function releaseHold(session: GateSession, id: string): Promise<void> {
  await session.run('legal_hold.release', 'update', async (work) => {
    const decision = requireCapability(work, 'retention.hold');
    const actor = staffActor(work);
    const r = await work.tx.updateTable('legal_hold').set({ released_by: actor.id, released_at: work.now }).where('id', '=', id).where('released_at', 'is', null).returning(['object_type', 'object_id']).executeTakeFirst();
    if (!r) throw new AppError('LEGAL_HOLD.NOT_FOUND');
    await audit(work, { action: 'legal_hold.release', objectType: r.object_type, objectId: r.object_id, details: { hold: id } });
    work.processed(r.object_type === 'resident' ? r.object_id : null, { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' }, { type: 'legal_hold', id }, [], decision);
  });
}
