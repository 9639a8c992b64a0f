/**
 * System work is logged like everyone else (issue 3 item 5): a hook for batch jobs (the seed loader)
 * that, inside the batch's own transaction, decides the write under the named system context and
 * appends one processing-log entry per data subject per batch (with every category written for them).
 *
 * record(tx, info) collects what each table call concerns; flush(tx) — at the end of the batch, still
 * inside its transaction — decides and appends. A batch that cannot be logged is not stored either.
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

export interface SystemLogHook {
  record(tx: Transaction<DB>, info: { table: string; residentIds: string[]; categories?: string[] }): Promise<void>;
  flush(tx: Transaction<DB>): Promise<void>;
}

export function systemLogHook(store: Store, context: SystemContext): SystemLogHook {
  const internals = storeInternals(store);
  const actor: Actor = { kind: 'system', context };
  const trace = newTrace();
  const pending = new WeakMap<Transaction<DB>, { start: Date; subjects: Map<string, { categories: Set<string>; tables: Set<string> }> }>();
  return {
    async record(tx, info) {
      let p = pending.get(tx);
      if (!p) pending.set(tx, (p = { start: new Date(), subjects: new Map() }));
      const ids = [...new Set(info.residentIds)];
      // Data items: log the categories actually written for each resident (references, never values).
      const perResident = new Map<string, string[]>();
      if (info.table === 'data_item' && !info.categories) {
        const rows = await tx.selectFrom('data_item').select(['resident_id', 'category']).distinct().where('resident_id', 'in', ids).execute();
        for (const r of rows) perResident.set(r.resident_id, [...(perResident.get(r.resident_id) ?? []), r.category]);
      }
      for (const id of ids) {
        const s = p.subjects.get(id) ?? { categories: new Set<string>(), tables: new Set<string>() };
        for (const c of info.categories ?? perResident.get(id) ?? TABLE_CATEGORIES[info.table] ?? ['case']) s.categories.add(c);
        s.tables.add(info.table);
        p.subjects.set(id, s);
      }
    },
    async flush(tx) {
      const p = pending.get(tx);
      if (!p) return;
      pending.delete(tx);
      const policy = internals.policy.policy();
      const work = new GateWork(tx, policy, { actor, trace, now: p.start }, internals.keyring, 'create');
      for (const [residentId, s] of p.subjects) {
        const decision = work.decide(
          { actor, purpose: null, at: p.start, involvements: [], subActivities: new Map(), consents: [], involuntary: [] },
          { type: 'resident', id: residentId, householdId: '', residentId, category: 'identity', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
        );
        if (!decision.permit) throw new Error(`system context ${context} may not ${work.action} (${decision.rule})`);
        work.processed(residentId, logPurpose(policy, actor, null), { type: s.tables.size === 1 ? [...s.tables][0]! : 'batch', id: null }, s.categories, decision);
      }
      await appendEntries(tx, internals.keyring.logKey, internals.config.log.chains, work.entries(internals.gateEnv, `${context}.batch`, p.start));
    },
  };
}
