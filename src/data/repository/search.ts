/**
 * Search, limited to what the gate allows (issue 4): the SQL only looks in households the actor has a
 * current involvement with, so a search can never find a stranger; every hit is then decided and
 * projected. A BSN search uses the keyed blind index (the BSN itself is never compared in the clear)
 * and needs the BSN basis of the purpose's task (UAVG 46).
 */
import { sql } from 'kysely';
import type { GateSession } from '../gate/session.ts';
import { coveredPurposes, loadHouseholdFacts } from '../gate/facts.ts';
import { decideUnder, logPurpose } from '../gate/purposes.ts';
import { residentItem } from './items.ts';
import { projectResident } from './households.ts';
import type { ResidentView } from './views.ts';

export interface SearchQuery {
  text?: string;
  bsn?: string;
  birthDate?: string;
  postcode?: string;
}

export interface SearchHit {
  householdId: string;
  resident: ResidentView;
}

export async function searchResidents(session: GateSession, q: SearchQuery): Promise<SearchHit[]> {
  return session.run('resident.search', 'list', async (work) => {
    const actor = work.actor!;
    if (actor.kind !== 'professional') return [];
    const day = work.now.toISOString().slice(0, 10);
    let query = work.tx
      .selectFrom('household_member')
      .innerJoin('resident', 'resident.id', 'household_member.resident_id')
      .select([
        'resident.id',
        'resident.given_names',
        'resident.surname_prefix',
        'resident.surname',
        'resident.partner_surname_prefix',
        'resident.partner_surname',
        'resident.name_usage',
        'resident.birth_date',
        'resident.gender',
        'resident.street',
        'resident.house_number',
        'resident.house_letter',
        'resident.house_number_addition',
        'resident.postcode',
        'resident.city',
        'resident.phone',
        'resident.email',
        'resident.confidentiality',
        'household_member.household_id',
        'household_member.relation',
      ])
      .where('household_member.valid_from', '<=', day)
      .where((eb) => eb.or([eb('household_member.valid_until', 'is', null), eb('household_member.valid_until', '>', day)]))
      // The policy predicate in WHERE: only households with a current involvement of this actor.
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('involvement')
            .select(sql`1`.as('one'))
            .whereRef('involvement.household_id', '=', 'household_member.household_id')
            .where('involvement.professional_id', '=', actor.id)
            .where('involvement.valid_from', '<=', work.now)
            .where((eb) => eb.or([eb('involvement.valid_until', 'is', null), eb('involvement.valid_until', '>', work.now)])),
        ),
      );
    if (q.text) {
      const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb('resident.surname', 'ilike', like), eb('resident.given_names', 'ilike', like), eb('resident.partner_surname', 'ilike', like)]),
      );
    }
    if (q.birthDate) query = query.where('resident.birth_date', '=', q.birthDate);
    if (q.postcode) query = query.where('resident.postcode', '=', q.postcode.replace(/\s+/g, '').toUpperCase());
    if (q.bsn) query = query.where('resident.bsn_index', '=', Buffer.from(work.keyring.bsnIndex(q.bsn)));
    const rows = await query.orderBy('resident.surname').limit(50).execute();
    const factsBy = await loadHouseholdFacts(work.tx, work.policy, actor, [...new Set(rows.map((r) => r.household_id))], work.now);
    const hits: SearchHit[] = [];
    for (const r of rows) {
      const facts = factsBy.get(r.household_id)!;
      const purposes = coveredPurposes(facts, actor, work.now, null);
      if (q.bsn) {
        // Searching by BSN processes the BSN: it needs its own basis (UAVG 46).
        const { decision, purpose } = decideUnder(work, facts, purposes, residentItem(r, r.household_id, 'bsn'));
        if (!decision.permit) {
          work.denied(r.id, logPurpose(work.policy, actor, purpose), { type: 'resident', id: r.id }, 'bsn', decision);
          continue;
        }
        work.processed(r.id, logPurpose(work.policy, actor, purpose), { type: 'resident', id: r.id }, ['bsn'], decision);
      }
      const view = projectResident(work, facts, purposes, r, r.relation, ['identity', 'address']);
      if (view) hits.push({ householdId: r.household_id, resident: view });
    }
    return hits;
  });
}
