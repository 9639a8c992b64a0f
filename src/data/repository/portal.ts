/**
 * The resident's own file (R5.2, AVG art. 15): my record, my help requests, my household's plan and
 * the data about me per category with source and purpose — decided by the same gate (a resident sees
 * data about themself, and the plan of a household they belong to), and logged like any access.
 */
import { fieldAad } from '../../core/crypto/keyring.ts';
import type { GateSession } from '../gate/session.ts';
import { loadHouseholdFacts } from '../gate/facts.ts';
import { decideUnder, logPurpose } from '../gate/purposes.ts';
import { DATA_ITEMS_PAGE, helpRequestView, loadDataItemsPage, projectResident } from './households.ts';
import { helpRequestItem, planItem, residentItem, subActivityItem } from './items.ts';
import type { DataItemView, HelpRequestView, ResidentView } from './views.ts';

export interface PortalOverview {
  me: ResidentView & { bsnMasked: string | null };
  helpRequests: HelpRequestView[];
  plans: Array<{
    id: string;
    householdId: string;
    status: string;
    director: { displayName: string } | null;
    goals: Array<{ lifeDomain: string; score: number | null; targetScore: number | null; description: string }>;
    partners: Array<{ organisation: string; description: string; since: string; status: string; dataCategories: string[] }>;
  }>;
  /** The newest data items about me, a page of each household's (issue 8); the rest are in my file. */
  dataItems: DataItemView[];
  /** More data items than shown: my file (`/api/mijn/file`) has them all, a page at a time. */
  dataItemsMore: boolean;
}

export async function portalOverview(session: GateSession): Promise<PortalOverview> {
  return session.run('portal.overview', 'read', async (work) => {
    const actor = work.actor!;
    if (actor.kind !== 'resident') return work.failAfterCommit('GATE.NOT_FOUND');
    const day = work.now.toISOString().slice(0, 10);
    const memberships = await work.tx
      .selectFrom('household_member')
      .select(['household_id'])
      .where('resident_id', '=', actor.id)
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', day)]))
      .execute();
    const householdIds = memberships.map((m) => m.household_id);
    // The facts with the households' members and plans in one statement (issue 8).
    const factsBy = await loadHouseholdFacts(work.tx, work.policy, actor, householdIds, work.now, { members: true, plan: true });
    const members = [...factsBy.values()].flatMap((f) => f.memberRows ?? []);
    const meRow = members.find((m) => m.id === actor.id);
    const homeFacts = meRow ? factsBy.get(meRow.household_id)! : undefined;
    let me: PortalOverview['me'] = { id: actor.id, relation: null, withheld: [], bsnMasked: null };
    if (meRow && homeFacts) {
      me = { ...(projectResident(work, homeFacts, [], meRow, meRow.relation) ?? me), bsnMasked: null };
      const bsnRow = await work.tx.selectFrom('resident').select(['bsn_cipher']).where('id', '=', actor.id).executeTakeFirst();
      const { decision, purpose } = decideUnder(work, homeFacts, [], residentItem(meRow, meRow.household_id, 'bsn'));
      if (decision.permit && bsnRow?.bsn_cipher) {
        const bsn = work.keyring.decrypt(bsnRow.bsn_cipher, fieldAad('resident', 'bsn_cipher', actor.id));
        me.bsnMasked = `*****${bsn.slice(-4)}`;
        work.processed(actor.id, logPurpose(work.policy, actor, purpose), { type: 'resident', id: actor.id }, ['bsn'], decision);
      }
    }
    const hrs = householdIds.length
      ? await work.tx.selectFrom('help_request').selectAll().where('resident_id', '=', actor.id).orderBy('registered_at').execute()
      : [];
    const helpRequests: HelpRequestView[] = [];
    for (const h of hrs) {
      const facts = factsBy.get(h.household_id) ?? homeFacts;
      if (!facts) continue;
      const { decision, purpose } = decideUnder(work, facts, [], helpRequestItem(work.policy, h));
      if (!decision.permit) continue;
      work.processed(actor.id, logPurpose(work.policy, actor, purpose), { type: 'help_request', id: h.id }, ['case'], decision);
      helpRequests.push(helpRequestView(work.policy, h));
    }
    const plans: PortalOverview['plans'] = [];
    for (const householdId of householdIds) {
      const facts = factsBy.get(householdId)!;
      // A resident sees the plan in force, not a draft.
      const plan = facts.plan;
      if (!plan || plan.status !== 'active') continue;
      const { decision, purpose } = decideUnder(work, facts, [], planItem(work.policy, plan));
      if (!decision.permit) continue;
      work.processed(actor.id, logPurpose(work.policy, actor, purpose), { type: 'plan', id: plan.id }, ['plan'], decision);
      const { goals, subs } = plan;
      const partners: PortalOverview['plans'][number]['partners'] = [];
      for (const s of subs) {
        const d = decideUnder(work, facts, [], subActivityItem(work.policy, householdId, s));
        if (!d.decision.permit) continue;
        partners.push({ organisation: s.organisation_name, description: s.description, since: s.since, status: s.status, dataCategories: s.data_categories });
      }
      plans.push({
        id: plan.id,
        householdId,
        status: plan.status,
        director: { displayName: plan.display_name },
        goals: goals.map((g) => ({ lifeDomain: g.life_domain, score: g.score, targetScore: g.target_score, description: g.description })),
        partners,
      });
    }
    // A page of the newest data items per household, not all of them: a resident with several help
    // requests has hundreds, and the overview decided, opened and sent every one on every visit (issue 8).
    const dataItems: DataItemView[] = [];
    let dataItemsMore = false;
    for (const householdId of householdIds) {
      const page = await loadDataItemsPage(work, factsBy.get(householdId)!, [], { householdId, residentId: actor.id }, { limit: DATA_ITEMS_PAGE });
      dataItems.push(...page.items);
      if (page.next !== null) dataItemsMore = true;
    }
    return { me, helpRequests, plans, dataItems, dataItemsMore };
  });
}
