/**
 * What every part of the console shares: the oversight purpose (register entry pa-oversight), the
 * capability check, the admin audit trail, and the decision the log records for work that is not
 * personal data (configuration, aggregates). Personal data in the console are decided by decide()
 * itself, on an access-metadata item (`fg-oversight`).
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { capabilityDecision, may, CAPABILITIES, type Capability } from '../../../core/accountability/capabilities.ts';
import { AppError } from '../../../core/errors.ts';
import { actorRoleLabel, type Actor } from '../../../core/policy/actor.ts';
import type { Decision, GateItem } from '../../../core/policy/decide.ts';
import type { DB } from '../../schema.ts';
import type { GateWork } from '../../gate/session.ts';
import type { LogPurpose } from '../../gate/purposes.ts';
import '../../schema-accountability.ts';

/** Console work is logged under the oversight purpose (register: pa-oversight). */
export const OVERSIGHT: LogPurpose = { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' };

export type StaffActor = Extract<Actor, { kind: 'professional' }>;

/** The console is for staff; a resident or a system context never reaches it through a session. */
export function staffActor(work: GateWork): StaffActor {
  const actor = work.actor;
  if (!actor || actor.kind !== 'professional') throw new AppError('AUTH.ROLE_REQUIRED');
  return actor;
}

/** Check a console capability (defence in depth behind the route's requireStaffRole) and return the decision to log. */
export function requireCapability(work: GateWork, capability: Capability): Decision {
  const actor = staffActor(work);
  if (!may(actor.roles, capability)) throw new AppError('AUTH.ROLE_REQUIRED', { required: [...CAPABILITIES[capability].roles] });
  return capabilityDecision(work.policy.version, actor.roles, capability);
}

/** An item that stands for access metadata (who did what), for decide(): only the FG may read it. */
export function accessMetadataItem(residentId: string | null, id: string | null, householdId = ''): GateItem {
  return { type: 'access_metadata', id, householdId, residentId, category: 'involvement', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
}

/** decide() on access metadata: the privacy officer may read it (fg-oversight); nobody else by role. */
export function decideOversight(work: GateWork, residentId: string | null, objectId: string | null): Decision {
  // Looking at access metadata is reading it, whatever the unit of work does with what it learns.
  return work.decide({ actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, accessMetadataItem(residentId, objectId), 'read');
}

/** decide() for a named system context (retention, jobs): its declared scope, nothing more. */
export function decideSystem(work: GateWork, action: 'read' | 'list' | 'create' | 'update' | 'delete', residentId: string | null = null): Decision {
  return work.decide(
    { actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] },
    { type: 'help_request', id: null, householdId: '', residentId, category: 'case', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
    action,
  );
}

/** Record a console action in the processing log (one entry; `subject` when it concerns one resident). */
export function logAction(work: GateWork, object: { type: string; id: string | null }, decision: Decision, subject: string | null = null, categories: string[] = []): void {
  work.processed(subject, OVERSIGHT, object, categories, decision);
}

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | null;
  /** References only: versions, counts, codes, ids — never personal data. */
  details?: Record<string, unknown>;
}

/** Append to the admin audit trail in the work's transaction. */
export async function audit(work: GateWork, entry: AuditEntry): Promise<void> {
  await auditIn(work.tx, work.actor, work.request.trace.traceId, work.now, entry);
}

export async function auditIn(tx: Transaction<DB>, actor: Actor | null, traceId: string, at: Date, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('admin_audit')
    .values({
      at,
      actor_kind: actor?.kind === 'professional' ? 'professional' : 'system',
      actor_id: actor?.kind === 'professional' ? actor.id : null,
      actor_role: actor ? actorRoleLabel(actor) : 'system',
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      details: sql`cast(${JSON.stringify(entry.details ?? {})} as jsonb)`,
      trace_id: traceId,
    })
    .execute();
}

/** Whether a table exists (tables of issues 5 and 6 may not yet): to_regclass, no error. */
export async function tableExists(tx: Transaction<DB>, name: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${`public.${name}`})::text as t`.execute(tx);
  return r.rows[0]?.t != null;
}

/** Columns of a table (to read tables whose shape another issue owns without failing when it differs). */
export async function tableColumns(tx: Transaction<DB>, name: string): Promise<Set<string>> {
  const r = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${name}`.execute(tx);
  return new Set(r.rows.map((x) => x.column_name));
}

export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return (typeof d === 'string' ? new Date(d) : d).toISOString();
}

/** An ISO day (YYYY-MM-DD) → the start of that day in UTC; `end` → the start of the next day. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dayAfter(day: string): Date {
  return new Date(dayStart(day).getTime() + 86_400_000);
}

export function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
