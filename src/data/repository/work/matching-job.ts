/**
 * The matching job (R1.5): involvements that came another way — seeded, imported, or starting on a
 * later date — are matched by the system context 'jobs' at start-up, every minute while the server
 * runs (src/server/modules/work/work.routes.ts) and at the end of seeding, so that the notices page
 * only reads. Not imported by the repositories (it opens its own gate sessions, like activation.ts).
 */
import type { Actor } from '../../../core/policy/actor.ts';
import { AppError } from '../../../core/errors.ts';
import { logPurpose } from '../../gate/purposes.ts';
import { GateSession, newTrace } from '../../gate/session.ts';
import { storeInternals, type Store } from '../../store-internals.ts';
import { decideSystem } from '../console/common.ts';
import { recordMatches, unmatchedHouseholds } from './matches.ts';

const JOBS: Actor = { kind: 'system', context: 'jobs' };
/** Households matched per transaction by the matching job. */
const MATCH_BATCH = 200;

export interface MatchRunResult {
  households: number;
  matches: number;
}

/**
 * The matching job: record the missing matches of every household (see unmatchedHouseholds), as the
 * system context 'jobs'. Each match recorded is logged for the resident it concerns (category
 * 'involvement'). Idempotent, and safe to run in several processes at once: a pair is matched once
 * (unique key), and only the process that records it writes its notices.
 */
export async function recordDueMatches(store: Store, now: Date = new Date()): Promise<MatchRunResult> {
  const internals = storeInternals(store);
  const session = () => new GateSession(internals.gateEnv, { actor: JOBS, trace: newTrace(), now });
  // Which households: ids only, read in a gate session like every read (nothing is shown, so nothing is logged).
  const households = await session().run('involvement_match.find', 'list', (work) => unmatchedHouseholds(work.tx, now));
  const result: MatchRunResult = { households: households.length, matches: 0 };
  for (let i = 0; i < households.length; i += MATCH_BATCH) {
    const batch = households.slice(i, i + MATCH_BATCH);
    result.matches += await session().run('involvement_match.record', 'create', async (work) => {
      let n = 0;
      for (const h of batch) {
        for (const m of await recordMatches(work, h)) {
          const decision = decideSystem(work, 'create', m.residentId);
          if (!decision.permit) throw new AppError('GATE.DENIED');
          work.processed(m.residentId, logPurpose(work.policy, JOBS, null), { type: 'involvement_match', id: m.id }, ['involvement'], decision);
          n++;
        }
      }
      return n;
    });
  }
  return result;
}
