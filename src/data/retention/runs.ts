/**
 * Retention runs (issue 7 item 5; R10.3). `zorgvuldig retention run` (or the console) first makes a
 * DRY-RUN report: which closed files are past their retention date (Selectielijst 2020 and the sector
 * laws, the later date winning: src/core/accountability/retention.ts) and which of them are under a
 * legal hold. Nothing is destroyed until an archivist signs that report off (never the person who made
 * it). Executing a signed-off run destroys only files that were in the report, are still due and are
 * not held now; each file in its own transaction under the system context 'retention', each leaving a
 * processing-log entry per data subject, not the data. The processing log itself is never edited.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordDueDate, isDue, toDay, RETENTION_CLASS_BY_LAW, type DueDate } from '../../core/accountability/retention.ts';
import { may } from '../../core/accountability/capabilities.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { CompiledPolicy } from '../../core/policy/compile.ts';
import { GateSession, newTrace, type GateRequest, type GateWork } from '../gate/session.ts';
import { logPurpose } from '../gate/purposes.ts';
import { storeInternals, type Store } from '../store-internals.ts';
import type { CandidateOutcome } from '../schema-accountability.ts';
import { audit, decideSystem } from '../repository/console/common.ts';
import { runView, type RetentionRunView, type RunResult, type RunSummary } from './review.ts';
import { destroyHelpRequest, destroyHousehold, keptBecause, TablePresence } from './destroy.ts';

const RETENTION: Actor = { kind: 'system', context: 'retention' };

interface Candidate {
  helpRequestId: string;
  householdId: string;
  residentId: string;
  classes: string[];
  due: DueDate;
  held: boolean;
}

/** The files (help requests) due for destruction on `day`, with their legal holds. */
export async function findCandidates(work: GateWork, policy: CompiledPolicy, day: string, only?: readonly string[]): Promise<Candidate[]> {
  let q = work.tx
    .selectFrom('help_request as hr')
    .select((eb) => [
      'hr.id',
      'hr.household_id',
      'hr.resident_id',
      'hr.task_code',
      'hr.registered_at',
      'hr.triaged_at',
      'hr.closed_at',
      eb.selectFrom('data_item as d').select((e) => e.fn.max('d.recorded_at').as('m')).whereRef('d.help_request_id', '=', 'hr.id').as('last_item'),
      eb
        .selectFrom('consent as c')
        .select(sql<Date>`max(greatest(c.given_at, coalesce(c.withdrawn_at, c.given_at)))`.as('m'))
        .whereRef('c.help_request_id', '=', 'hr.id')
        .as('last_consent'),
      sql<string[] | null>`(select array_agg(distinct d.retention_class) from data_item d where d.help_request_id = hr.id)`.as('classes'),
      sql<boolean>`exists (select 1 from legal_hold lh where lh.released_at is null and (
        (lh.object_type = 'help_request' and lh.object_id = hr.id) or
        (lh.object_type = 'household' and lh.object_id = hr.household_id) or
        (lh.object_type = 'resident' and lh.object_id = hr.resident_id)))`.as('held'),
    ])
    // An open case is never due: only closed and withdrawn help requests are considered.
    .where('hr.status', 'in', ['closed', 'withdrawn']);
  if (only) q = only.length ? q.where('hr.id', 'in', [...only]) : q.where(sql<boolean>`false`);
  const rows = await q.execute();
  const out: Candidate[] = [];
  for (const r of rows) {
    const dates = [r.registered_at, r.triaged_at, r.closed_at, r.last_item, r.last_consent].filter((d): d is Date => d !== null && d !== undefined).map((d) => toDay(new Date(d)));
    const lastChange = dates.sort().at(-1)!;
    const law = policy.tasks.get(r.task_code)?.law;
    const fileClass = law ? RETENTION_CLASS_BY_LAW[law] : undefined;
    // A task the catalogue does not know keeps its file (fail closed): its class is unknown.
    const classes = [...new Set([fileClass ?? `unknown:${r.task_code}`, ...(r.classes ?? [])])].sort();
    const due = recordDueDate(classes, policy.catalogue.retentionClasses, {
      created: toDay(new Date(r.registered_at)),
      lastChange,
      caseEnd: r.closed_at ? laterOf(toDay(new Date(r.closed_at)), lastChange) : lastChange,
    });
    if (!isDue(due, day)) continue;
    out.push({ helpRequestId: r.id, householdId: r.household_id, residentId: r.resident_id, classes, due, held: Boolean(r.held) });
  }
  return out.sort((a, b) => a.due.due!.localeCompare(b.due.due!) || a.helpRequestId.localeCompare(b.helpRequestId));
}

function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

function systemSession(store: Store, now: Date, traceParent?: GateRequest['trace']): GateSession {
  return new GateSession(storeInternals(store).gateEnv, { actor: RETENTION, trace: traceParent ? newTrace({ traceId: traceParent.traceId, spanId: traceParent.spanId }) : newTrace(), now });
}

function checkPerson(request: GateRequest, capability: 'retention.dry_run' | 'retention.execute'): string | null {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH.REQUIRED');
  if (actor.kind === 'system') return null;
  if (actor.kind !== 'professional' || !may(actor.roles, capability)) throw new AppError('AUTH.ROLE_REQUIRED');
  return actor.id;
}

/**
 * Make the dry-run report: find the due files, store them as the run's candidates, supersede older
 * reports still waiting for a sign-off. The scan is system work ('retention', logged per data subject);
 * who asked for it is in the run and the audit trail.
 */
export async function retentionDryRun(store: Store, request: GateRequest): Promise<RetentionRunView> {
  const by = checkPerson(request, 'retention.dry_run');
  const now = request.now;
  const day = toDay(now);
  const id = randomUUID();
  await systemSession(store, now, request.trace).run('retention.dry_run', 'list', async (work) => {
    const candidates = await findCandidates(work, work.policy, day);
    const perClass: Record<string, number> = {};
    for (const c of candidates) perClass[c.due.decidingClass ?? 'unknown'] = (perClass[c.due.decidingClass ?? 'unknown'] ?? 0) + 1;
    const summary: RunSummary = {
      asOf: day,
      catalogueVersion: work.policy.version,
      candidates: candidates.length,
      held: candidates.filter((c) => c.held).length,
      households: new Set(candidates.map((c) => c.householdId)).size,
      perClass,
      oldestDue: candidates[0]?.due.due ?? null,
    };
    await work.tx.updateTable('retention_run').set({ status: 'superseded' }).where('status', '=', 'awaiting_sign_off').execute();
    await work.tx
      .insertInto('retention_run')
      .values({ id, created_at: now, created_by: by, as_of: day, catalogue_version: work.policy.version, status: 'awaiting_sign_off', summary: sql`cast(${JSON.stringify(summary)} as jsonb)` })
      .execute();
    for (let i = 0; i < candidates.length; i += 500) {
      await work.tx
        .insertInto('retention_candidate')
        .values(candidates.slice(i, i + 500).map((c) => ({ run_id: id, help_request_id: c.helpRequestId, household_id: c.householdId, classes: c.classes, due: c.due.due!, held: c.held })))
        .execute();
    }
    const decision = decideSystem(work, 'list');
    const lp = logPurpose(work.policy, RETENTION, null);
    for (const c of candidates) work.processed(c.residentId, lp, { type: 'help_request', id: c.helpRequestId }, ['case'], decision);
    if (candidates.length === 0) work.processed(null, lp, { type: 'retention_run', id }, [], decision);
    await audit(work, { action: 'retention.dry_run', objectType: 'retention_run', objectId: id, details: { ...summary, requestedBy: by } });
  });
  return (await readRun(store, id))!;
}

async function readRun(store: Store, id: string): Promise<RetentionRunView | null> {
  const db = storeInternals(store).database.db;
  const row = await db
    .selectFrom('retention_run as r')
    .leftJoin('professional as c', 'c.id', 'r.created_by')
    .leftJoin('professional as s', 's.id', 'r.signed_off_by')
    .select(['r.id', 'r.created_at', 'c.display_name as creator', 'r.as_of', 'r.catalogue_version', 'r.status', 'r.summary', 's.display_name as signer', 'r.signed_off_at', 'r.sign_off_note', 'r.executed_at', 'r.result'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row ? runView(row) : null;
}

/** The newest run waiting for a sign-off or signed off (the CLI uses it). */
export async function latestRun(store: Store): Promise<RetentionRunView | null> {
  const db = storeInternals(store).database.db;
  const row = await db.selectFrom('retention_run').select('id').where('status', 'in', ['awaiting_sign_off', 'signed_off']).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row ? readRun(store, row.id) : null;
}

/**
 * Execute a signed-off run: destroy what it lists, if still due and not held. Claims the run first, so
 * it is executed once. `onProgress(done, total)` drives the CLI's progress bar.
 */
export async function executeRun(store: Store, request: GateRequest, id: string, onProgress?: (done: number, total: number) => void): Promise<RetentionRunView> {
  const by = checkPerson(request, 'retention.execute');
  const internals = storeInternals(store);
  const now = request.now;
  const day = toDay(now);
  const claimed = await internals.database.db
    .updateTable('retention_run')
    .set({ status: 'executed', executed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'signed_off')
    .returning('id')
    .executeTakeFirst();
  if (!claimed) {
    const exists = await readRun(store, id);
    if (!exists) throw new AppError('RETENTION.RUN_NOT_FOUND');
    throw new AppError('RETENTION.NOT_SIGNED_OFF', { status: exists.status });
  }
  const pending = await internals.database.db.selectFrom('retention_candidate').select(['help_request_id', 'household_id']).where('run_id', '=', id).where('outcome', '=', 'pending').orderBy('due').execute();
  const session = systemSession(store, now, request.trace);
  const presence = new TablePresence();
  const result: RunResult = { destroyed: 0, keptHold: 0, keptNotDue: 0, keptError: 0, households: 0, residents: 0, reasons: {} };
  const households = new Set<string>();
  const setOutcome = (helpRequestId: string, outcome: CandidateOutcome) =>
    internals.database.db.updateTable('retention_candidate').set({ outcome }).where('run_id', '=', id).where('help_request_id', '=', helpRequestId).execute();
  let done = 0;
  onProgress?.(0, pending.length);
  for (const c of pending) {
    try {
      const outcome = await session.run('retention.destroy', 'delete', async (work) => {
        // Re-check now: still due under the catalogue in force, and no legal hold placed since the report.
        const [still] = await findCandidates(work, work.policy, day, [c.help_request_id]);
        let out: CandidateOutcome;
        if (!still) out = 'kept_not_due';
        else if (still.held) out = 'kept_hold';
        else {
          const destroyed = await destroyHelpRequest(work.tx, presence, c.help_request_id);
          const lp = logPurpose(work.policy, RETENTION, null);
          for (const [resident, categories] of destroyed.subjects) {
            work.processed(resident, lp, { type: 'help_request', id: c.help_request_id }, [...categories], decideSystem(work, 'delete', resident));
          }
          await audit(work, { action: 'retention.destroy', objectType: 'help_request', objectId: c.help_request_id, details: { run: id, classes: still.classes, due: still.due.due, rows: destroyed.rows } });
          out = 'destroyed';
        }
        await work.tx.updateTable('retention_candidate').set({ outcome: out }).where('run_id', '=', id).where('help_request_id', '=', c.help_request_id).execute();
        return out;
      });
      if (outcome === 'destroyed') {
        result.destroyed++;
        households.add(c.household_id);
      } else if (outcome === 'kept_hold') result.keptHold++;
      else result.keptNotDue++;
    } catch (err) {
      result.keptError++;
      const why = keptBecause(err);
      result.reasons[why] = (result.reasons[why] ?? 0) + 1;
      await setOutcome(c.help_request_id, 'kept_error');
    }
    onProgress?.(++done, pending.length);
  }
  // A household without help requests (and without a hold) goes too, with the residents who have nothing else here.
  for (const h of households) {
    try {
      await session.run('retention.destroy_household', 'delete', async (work) => {
        const held = await work.tx
          .selectFrom('legal_hold')
          .select('id')
          .where('released_at', 'is', null)
          .where((eb) =>
            eb.or([
              eb.and([eb('object_type', '=', 'household'), eb('object_id', '=', h)]),
              eb.and([eb('object_type', '=', 'resident'), eb('object_id', 'in', eb.selectFrom('household_member').select('resident_id').where('household_id', '=', h))]),
            ]),
          )
          .limit(1)
          .executeTakeFirst();
        if (held) return;
        const destroyed = await destroyHousehold(work.tx, presence, h);
        if (!destroyed) return;
        const lp = logPurpose(work.policy, RETENTION, null);
        for (const [resident, categories] of destroyed.subjects) {
          work.processed(resident, lp, { type: 'household', id: h }, [...categories], decideSystem(work, 'delete', resident));
        }
        await audit(work, { action: 'retention.destroy_household', objectType: 'household', objectId: h, details: { run: id, rows: destroyed.rows } });
        result.households++;
        result.residents += destroyed.rows['resident'] ?? 0;
      });
    } catch (err) {
      const why = keptBecause(err);
      result.reasons[`household:${why}`] = (result.reasons[`household:${why}`] ?? 0) + 1;
    }
  }
  await session.run('retention.execute', 'delete', async (work) => {
    await work.tx.updateTable('retention_run').set({ result: sql`cast(${JSON.stringify(result)} as jsonb)` }).where('id', '=', id).execute();
    await audit(work, { action: 'retention.execute', objectType: 'retention_run', objectId: id, details: { ...result, executedBy: by } });
    work.processed(null, logPurpose(work.policy, RETENTION, null), { type: 'retention_run', id }, [], decideSystem(work, 'delete'));
  });
  return (await readRun(store, id))!;
}
