/**
 * Approved changes take effect on their date (R10.4). A system job (context 'jobs') looks for approved
 * proposals whose date has come: a catalogue version is loaded like a file in rules/ (rule_catalogue,
 * domains and tasks, a new register version for every changed processing activity) and the policy store
 * reloads, so the gate decides — and names — the new version from then on; a covenant version is written
 * to the covenant table. Each activation is in the admin audit trail and the processing log. Runs at
 * start-up, every minute while the server runs, and right after an approval.
 */
import type { Actor } from '../../../core/policy/actor.ts';
import type { Catalogue } from '../../../core/policy/catalogue.ts';
import { validateCatalogue } from '../../../core/policy/catalogue-validate.ts';
import { GateSession, newTrace } from '../../gate/session.ts';
import { loadReferenceData } from '../../reference.ts';
import { storeInternals, type Store } from '../../store-internals.ts';
import { applyCovenant, type CovenantInput } from './covenants.ts';
import { audit, decideSystem, logAction, parseJson } from './common.ts';

const JOBS: Actor = { kind: 'system', context: 'jobs' };

export interface ActivationResult {
  activated: Array<{ id: string; kind: string; version: string }>;
  failed: Array<{ id: string; kind: string; reason: string }>;
  catalogueVersion: string;
  /** Nothing was due here, but the catalogue in force changed (activated elsewhere) and was loaded. */
  reloaded?: boolean;
}

/** Activate every approved proposal whose date has come (at `now`), oldest first. */
export async function activateDueChanges(store: Store, now: Date = new Date()): Promise<ActivationResult> {
  const internals = storeInternals(store);
  const db = internals.database.db;
  const day = now.toISOString().slice(0, 10);
  const due = await db
    .selectFrom('change_proposal')
    .select(['id', 'kind', 'subject', 'base_version', 'proposed_version', 'payload', 'decided_by'])
    .where('status', '=', 'approved')
    .where('effective_from', '<=', day)
    .orderBy('effective_from')
    .orderBy('decided_at')
    .execute();
  const result: ActivationResult = { activated: [], failed: [], catalogueVersion: internals.policy.policy().version };
  if (due.length === 0) {
    // Another process (a worker of `start --workers`, another machine) may have activated a catalogue,
    // or a version loaded earlier may take effect today: every process takes the version in force.
    const before = result.catalogueVersion;
    result.catalogueVersion = (await internals.policy.reload(now)).version;
    if (result.catalogueVersion !== before) result.reloaded = true;
    return result;
  }
  const session = new GateSession(internals.gateEnv, { actor: JOBS, trace: newTrace(), now });
  let reload = false;
  for (const p of due) {
    try {
      if (p.kind === 'rule_catalogue') {
        const catalogue = validateCatalogue(parseJson<Catalogue>(p.payload));
        // Idempotent: a second activator finds the version loaded and the proposal already in force.
        const loaded = await loadReferenceData(store, catalogue);
        const marked = await session.run('change_proposal.activate', 'update', async (work) => {
          const row = await work.tx
            .updateTable('change_proposal')
            .set({ status: 'in_force', activated_at: now })
            .where('id', '=', p.id)
            .where('status', '=', 'approved')
            .returning('id')
            .executeTakeFirst();
          if (!row) return false;
          // Other proposals that started from the same version can no longer be approved as they are.
          await work.tx
            .updateTable('change_proposal')
            .set({ status: 'superseded' })
            .where('kind', '=', 'rule_catalogue')
            .where('status', '=', 'proposed')
            .where('base_version', '=', p.base_version)
            .execute();
          await audit(work, {
            action: 'catalogue.activate',
            objectType: 'rule_catalogue',
            objectId: catalogue.version,
            details: { proposal: p.id, sha256: loaded.sha256, registerVersionsInserted: loaded.processingActivities.inserted },
          });
          logAction(work, { type: 'rule_catalogue', id: null }, decideSystem(work, 'update'));
          return true;
        });
        reload = true;
        if (marked) result.activated.push({ id: p.id, kind: p.kind, version: catalogue.version });
      } else {
        const marked = await session.run('change_proposal.activate', 'update', async (work) => {
          const row = await work.tx
            .updateTable('change_proposal')
            .set({ status: 'in_force', activated_at: now })
            .where('id', '=', p.id)
            .where('status', '=', 'approved')
            .returning('id')
            .executeTakeFirst();
          if (!row) return false;
          const ok = await applyCovenant(work.tx, p.subject, p.base_version, parseJson<CovenantInput>(p.payload), p.decided_by, now);
          if (!ok) {
            // Someone changed the covenant after this proposal was made: it no longer applies as it is.
            await work.tx.updateTable('change_proposal').set({ status: 'superseded', activated_at: null }).where('id', '=', p.id).execute();
            await audit(work, { action: 'covenant.superseded', objectType: 'covenant', objectId: p.subject, details: { proposal: p.id, version: p.proposed_version } });
            return false;
          }
          await audit(work, { action: 'covenant.activate', objectType: 'covenant', objectId: p.subject, details: { proposal: p.id, version: p.proposed_version } });
          logAction(work, { type: 'covenant', id: p.subject }, decideSystem(work, 'update'));
          return true;
        });
        if (marked) result.activated.push({ id: p.id, kind: p.kind, version: p.proposed_version });
      }
    } catch (err) {
      // Leave it approved and say why; the officer sees it in the console (the next run tries again).
      result.failed.push({ id: p.id, kind: p.kind, reason: err instanceof Error ? err.message.slice(0, 200) : 'failed' });
    }
  }
  if (reload) result.catalogueVersion = (await internals.policy.reload(now)).version;
  return result;
}
