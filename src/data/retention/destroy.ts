/**
 * Destroying a file whose retention period has passed (Archiefwet 1995 art. 5; Selectielijst 2020), in
 * the caller's gate transaction under the system context 'retention'. The unit is a help request with
 * everything recorded for it; a household (with its plan, members and residents) follows once it has no
 * help request left. Rows are deleted child-first; tables of other issues are included when they exist
 * (checked at run time). A row of another file that still points here (a complaint, a rights request, a
 * step plan reusing a datum) makes the delete fail: the whole unit is then kept and the run reports why.
 *
 * What was destroyed leaves a processing-log entry per data subject (categories, never values); the
 * processing log itself is never edited.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';

type Tx = Transaction<DB>;

/** Which tables exist in this database (issues 5 and 6 add some), cached per run. */
export class TablePresence {
  private readonly known = new Map<string, boolean>();
  async has(tx: Tx, table: string): Promise<boolean> {
    let v = this.known.get(table);
    if (v === undefined) {
      const r = await sql<{ t: string | null }>`select to_regclass(${`public.${table}`})::text as t`.execute(tx);
      v = r.rows[0]?.t != null;
      this.known.set(table, v);
    }
    return v;
  }
}

interface Step {
  table: string;
  /** Tables that must exist for this step to run (the table itself and those its condition names). */
  needs?: string[];
  where: (ids: { h: string; inv: string[]; subs: string[] }) => ReturnType<typeof sql>;
}

const uuidArray = (ids: string[]) => sql`cast(${ids} as uuid[])`;

/** Child-first order of the deletes for one help request. */
const HELP_REQUEST_STEPS: Step[] = [
  { table: 'step_plan_item', needs: ['step_plan'], where: ({ h }) => sql`step_plan_id in (select id from step_plan where help_request_id = ${h})` },
  { table: 'consent_withdrawal', where: ({ h }) => sql`consent_id in (select id from consent where help_request_id = ${h})` },
  { table: 'access_restriction_review', needs: ['access_restriction'], where: ({ h }) => sql`restriction_id in (select id from access_restriction where help_request_id = ${h})` },
  { table: 'access_restriction', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'involvement_notice', needs: ['involvement_match'], where: ({ inv }) => sql`match_id in (select id from involvement_match where involvement_a = any(${uuidArray(inv)}) or involvement_b = any(${uuidArray(inv)}))` },
  { table: 'involvement_match', where: ({ inv }) => sql`involvement_a = any(${uuidArray(inv)}) or involvement_b = any(${uuidArray(inv)})` },
  { table: 'involuntary_processing', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'consent', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'refusal', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'contact_attempt', needs: ['early_signal'], where: ({ h }) => sql`signal_id in (select id from early_signal where help_request_id = ${h})` },
  { table: 'early_signal', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'data_item', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'plan_goal', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'involvement', where: ({ inv }) => sql`id = any(${uuidArray(inv)})` },
  { table: 'sub_activity', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'step_plan', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'conversation_report', where: ({ h }) => sql`help_request_id = ${h}` },
  { table: 'help_request', where: ({ h }) => sql`id = ${h}` },
];

export interface Destroyed {
  /** Residents whose data went, with the categories (for one log entry each). */
  subjects: Map<string, Set<string>>;
  rows: Record<string, number>;
}

async function runSteps(tx: Tx, presence: TablePresence, steps: Step[], ids: { h: string; inv: string[]; subs: string[] }): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const step of steps) {
    let ok = await presence.has(tx, step.table);
    for (const t of step.needs ?? []) ok = ok && (await presence.has(tx, t));
    if (!ok) continue;
    const r = await sql`delete from ${sql.table(step.table)} where ${step.where(ids)}`.execute(tx);
    const n = Number(r.numAffectedRows ?? 0);
    if (n > 0) rows[step.table] = n;
  }
  return rows;
}

function add(map: Map<string, Set<string>>, resident: string | null, ...categories: string[]): void {
  if (!resident) return;
  const s = map.get(resident) ?? new Set<string>();
  for (const c of categories) s.add(c);
  map.set(resident, s);
}

/** Destroy one help request and everything recorded for it. */
export async function destroyHelpRequest(tx: Tx, presence: TablePresence, helpRequestId: string): Promise<Destroyed> {
  const subjects = new Map<string, Set<string>>();
  const hr = await tx.selectFrom('help_request').select(['id', 'resident_id']).where('id', '=', helpRequestId).executeTakeFirst();
  if (!hr) return { subjects, rows: {} };
  add(subjects, hr.resident_id, 'case');
  const items = await tx.selectFrom('data_item').select(['resident_id', 'category']).distinct().where('help_request_id', '=', helpRequestId).execute();
  for (const i of items) add(subjects, i.resident_id, i.category);
  const subs = await tx.selectFrom('sub_activity').select(['id', 'resident_id']).where('help_request_id', '=', helpRequestId).execute();
  for (const s of subs) add(subjects, s.resident_id, 'involvement', 'plan');
  const consents = await tx.selectFrom('consent').select(['resident_id']).distinct().where('help_request_id', '=', helpRequestId).execute();
  for (const c of consents) add(subjects, c.resident_id, 'case');
  const subIds = subs.map((s) => s.id);
  const inv = await tx
    .selectFrom('involvement')
    .select('id')
    .where((eb) => eb.or([eb('help_request_id', '=', helpRequestId), ...(subIds.length ? [eb('sub_activity_id', 'in', subIds)] : [])]))
    .execute();
  const rows = await runSteps(tx, presence, HELP_REQUEST_STEPS, { h: helpRequestId, inv: inv.map((i) => i.id), subs: subIds });
  return { subjects, rows };
}

/**
 * Destroy a household that has no help request left: its plan, involvements, members, and the residents
 * who have nothing else here (no help request, no other household, no consent they gave for someone else).
 * Returns null when the household still has a help request.
 */
export async function destroyHousehold(tx: Tx, presence: TablePresence, householdId: string): Promise<Destroyed | null> {
  const left = await tx.selectFrom('help_request').select('id').where('household_id', '=', householdId).limit(1).executeTakeFirst();
  if (left) return null;
  const subjects = new Map<string, Set<string>>();
  const members = await tx.selectFrom('household_member').select('resident_id').distinct().where('household_id', '=', householdId).execute();
  const memberIds = members.map((m) => m.resident_id);
  const residents: string[] = [];
  for (const id of memberIds) {
    add(subjects, id, 'household_composition');
    const elsewhere = await tx.selectFrom('household_member').select('id').where('resident_id', '=', id).where('household_id', '<>', householdId).limit(1).executeTakeFirst();
    const request = await tx.selectFrom('help_request').select('id').where('resident_id', '=', id).limit(1).executeTakeFirst();
    const gave = await tx.selectFrom('consent').select('id').where('given_by', '=', id).limit(1).executeTakeFirst();
    if (!elsewhere && !request && !gave) {
      residents.push(id);
      add(subjects, id, 'identity', 'address', 'contact', 'bsn');
    }
  }
  const plans = (await tx.selectFrom('support_plan').select('id').where('household_id', '=', householdId).execute()).map((p) => p.id);
  const inv = (await tx.selectFrom('involvement').select('id').where('household_id', '=', householdId).execute()).map((i) => i.id);
  const r = residents;
  const steps: Step[] = [
    { table: 'involvement_notice', needs: ['involvement_match'], where: () => sql`match_id in (select id from involvement_match where household_id = ${householdId} or involvement_a = any(${uuidArray(inv)}) or involvement_b = any(${uuidArray(inv)}))` },
    { table: 'involvement_match', where: () => sql`household_id = ${householdId} or involvement_a = any(${uuidArray(inv)}) or involvement_b = any(${uuidArray(inv)})` },
    { table: 'plan_goal', where: () => sql`plan_id = any(${uuidArray(plans)})` },
    { table: 'involvement', where: () => sql`household_id = ${householdId}` },
    { table: 'sub_activity', where: () => sql`plan_id = any(${uuidArray(plans)})` },
    { table: 'support_plan', where: () => sql`household_id = ${householdId}` },
    { table: 'access_restriction_review', needs: ['access_restriction'], where: () => sql`restriction_id in (select id from access_restriction where household_id = ${householdId})` },
    { table: 'access_restriction', where: () => sql`household_id = ${householdId}` },
    { table: 'legal_representative', where: () => sql`resident_id = any(${uuidArray(r)}) or representative_id = any(${uuidArray(r)})` },
    { table: 'rights_notice', where: () => sql`resident_id = any(${uuidArray(r)})` },
    { table: 'household_member', where: () => sql`household_id = ${householdId}` },
    { table: 'resident', where: () => sql`id = any(${uuidArray(r)})` },
    { table: 'household', where: () => sql`id = ${householdId}` },
  ];
  const rows = await runSteps(tx, presence, steps, { h: householdId, inv, subs: [] });
  return { subjects, rows };
}

/** The name of the constraint or table that kept a unit, from a database error (no data in it). */
export function keptBecause(err: unknown): string {
  const e = err as { constraint?: string; table?: string; code?: string; message?: string };
  if (e?.constraint) return e.constraint;
  const m = /foreign key constraint "([^"]+)"/.exec(e?.message ?? '');
  if (m) return m[1]!;
  return e?.code ?? 'error';
}
