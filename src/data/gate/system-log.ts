/**
 * System work is logged like everyone else (issue 3 item 5): a hook for batch jobs (the seed loader)
 * that, inside the batch's own transaction, decides the write under the named system context and
 * appends one processing-log entry per data subject and table.
 */
import type { Transaction } from 'kysely';
import type { Actor, SystemContext } from '../../core/policy/actor.ts';
import type { DB } from '../schema.ts';
import { appendEntries } from '../log/writer.ts';
import { storeInternals, type Store } from '../store-internals.ts';
import { GateWork, newTrace } from './session.ts';
import { logPurpose } from './purposes.ts';

/** Categories a table's rows carry, for the log entry (the log references data, it never copies it). */
const TABLE_CATEGORIES: Record<string, string[]> = {
  resident: ['identity', 'address', 'contact', 'bsn'],
  household_member: ['household_composition'],
  legal_representative: ['household_composition'],
  help_request: ['case'],
  support_plan: ['plan'],
  plan_goal: ['plan'],
  sub_activity: ['involvement'],
  involvement: ['involvement'],
  consent: ['case'],
};

export function systemLogHook(store: Store, context: SystemContext): (tx: Transaction<DB>, info: { table: string; residentIds: string[]; categories?: string[] }) => Promise<void> {
  const internals = storeInternals(store);
  const actor: Actor = { kind: 'system', context };
  const trace = newTrace();
  return async (tx, info) => {
    const start = new Date();
    const policy = internals.policy.policy();
    const work = new GateWork(tx, policy, { actor, trace, now: start }, internals.keyring, 'create');
    const ids = [...new Set(info.residentIds)];
    // Data items: log the categories actually written for each resident (references, never values).
    const perResident = new Map<string, string[]>();
    if (info.table === 'data_item' && !info.categories) {
      const rows = await tx.selectFrom('data_item').select(['resident_id', 'category']).distinct().where('resident_id', 'in', ids).execute();
      for (const r of rows) perResident.set(r.resident_id, [...(perResident.get(r.resident_id) ?? []), r.category]);
    }
    for (const residentId of ids) {
      const categories = info.categories ?? perResident.get(residentId) ?? TABLE_CATEGORIES[info.table] ?? ['case'];
      const decision = work.decide(
        { actor, purpose: null, at: start, involvements: [], subActivities: new Map(), consents: [], involuntary: [] },
        { type: 'resident', id: residentId, householdId: '', residentId, category: categories[0] ?? 'identity', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
      );
      if (!decision.permit) throw new Error(`system context ${context} may not ${work.action} (${decision.rule})`);
      work.processed(residentId, logPurpose(policy, actor, null), { type: info.table, id: null }, categories, decision);
    }
    await appendEntries(tx, internals.keyring.logKey, internals.config.log.chains, work.entries(internals.gateEnv, `${context}.${info.table}`, start));
  };
}
