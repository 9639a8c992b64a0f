/**
 * Reverse queries for oversight (issue 3 item 4): who can see a data item, and which residents' data a
 * professional can see. The answers come from the same decide() (src/core/policy/reverse.ts). Asking is
 * itself processing: the privacy officer (or the resident, for their own item) is decided and logged.
 */
import { whoCanSee, visibleResidents, type HouseholdWorld, type ProfessionalFact } from '../../core/policy/reverse.ts';
import type { GateItem, InvolvementFact } from '../../core/policy/decide.ts';
import type { StaffRole } from '../../core/policy/actor.ts';
import type { GateSession, GateWork } from '../gate/session.ts';
import { involvementFact, lawOfTask, loadHouseholdFacts, subActivityFact } from '../gate/facts.ts';
import { dataItemItem, residentItem, RESIDENT_CATEGORIES } from './items.ts';
import { currentMembers } from './households.ts';

const OVERSIGHT = { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' };

function metadataItem(householdId: string, residentId: string | null, id: string): GateItem {
  return { type: 'access_metadata', id, householdId, residentId, category: 'involvement', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
}

async function householdWorld(work: GateWork, householdId: string): Promise<HouseholdWorld> {
  const system = { kind: 'professional' as const, id: '00000000-0000-0000-0000-000000000000', organisationId: '', roles: [], displayName: '' };
  const base = (await loadHouseholdFacts(work.tx, work.policy, system, [householdId], work.now)).get(householdId)!;
  const invs = await work.tx.selectFrom('involvement').selectAll().where('household_id', '=', householdId).execute();
  const involvements: InvolvementFact[] = invs.map(involvementFact);
  const subs = await work.tx
    .selectFrom('sub_activity')
    .innerJoin('support_plan', 'support_plan.id', 'sub_activity.plan_id')
    .select(['sub_activity.id', 'sub_activity.help_request_id', 'sub_activity.organisation_id', 'sub_activity.resident_id', 'sub_activity.life_domain', 'sub_activity.data_categories', 'sub_activity.status'])
    .where('support_plan.household_id', '=', householdId)
    .execute();
  const profIds = [...new Set(involvements.map((i) => i.professionalId))];
  const profs = profIds.length
    ? await work.tx.selectFrom('professional').select(['id', 'organisation_id', 'display_name', 'roles']).where('id', 'in', profIds).execute()
    : [];
  return {
    householdId,
    helpRequests: base.helpRequests,
    involvements,
    subActivities: new Map(subs.map((s) => [s.id, subActivityFact(s)])),
    consents: base.consents,
    involuntary: base.involuntary,
    professionals: new Map(profs.map((p) => [p.id, { id: p.id, organisationId: p.organisation_id, displayName: p.display_name, roles: p.roles as StaffRole[] }])),
  };
}

export interface ViewerView {
  professionalId: string;
  displayName: string;
  organisationId: string;
  role: string;
  purposeHelpRequestId: string;
  rules: string[];
}

export async function whoCanSeeDataItem(session: GateSession, dataItemId: string): Promise<{ dataItemId: string; category: string; viewers: ViewerView[] }> {
  return session.run('data_item.who_can_see', 'read', async (work) => {
    const d = await work.tx
      .selectFrom('data_item')
      .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
      .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
      .select(['data_item.id', 'data_item.household_id', 'data_item.resident_id', 'data_item.category', 'data_item.source', 'data_item.confidentiality', 'data_item.secrecy_origin', 'data_item.sub_activity_id', 'help_request.task_code', 'professional.organisation_id as recorded_by_organisation_id'])
      .where('data_item.id', '=', dataItemId)
      .executeTakeFirst();
    const meta = metadataItem(d?.household_id ?? '', d?.resident_id ?? null, dataItemId);
    const access = work.decide({ actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, meta);
    if (!d || !access.permit) {
      work.denied(d && access.permit ? d.resident_id : null, OVERSIGHT, { type: 'data_item', id: dataItemId }, 'involvement', access);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    const world = await householdWorld(work, d.household_id);
    const item = dataItemItem(d, lawOfTask(work.policy, d.task_code), d.recorded_by_organisation_id);
    const viewers = whoCanSee(work.policy, world, item, work.now);
    work.processed(d.resident_id, OVERSIGHT, { type: 'data_item', id: d.id }, ['involvement'], access);
    return {
      dataItemId: d.id,
      category: d.category,
      viewers: viewers.map((v) => ({
        professionalId: v.professional.id,
        displayName: v.professional.displayName,
        organisationId: v.professional.organisationId,
        role: v.role,
        purposeHelpRequestId: v.purposeHelpRequestId,
        rules: v.decision.passed,
      })),
    };
  });
}

export async function residentsVisibleTo(session: GateSession, professionalId: string): Promise<Array<{ residentId: string; householdId: string; categories: string[]; purposes: string[] }>> {
  return session.run('professional.visible_residents', 'read', async (work) => {
    const access = work.decide({ actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, metadataItem('', null, professionalId));
    const prof = await work.tx.selectFrom('professional').select(['id', 'organisation_id', 'display_name', 'roles']).where('id', '=', professionalId).executeTakeFirst();
    if (!access.permit || !prof) {
      work.denied(null, OVERSIGHT, { type: 'professional', id: professionalId }, 'involvement', access);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    const professional: ProfessionalFact = { id: prof.id, organisationId: prof.organisation_id, displayName: prof.display_name, roles: prof.roles as StaffRole[] };
    const hh = await work.tx.selectFrom('involvement').select('household_id').distinct().where('professional_id', '=', professionalId).execute();
    const worlds: HouseholdWorld[] = [];
    for (const h of hh) worlds.push(await householdWorld(work, h.household_id));
    const members = await currentMembers(work, worlds.map((w) => w.householdId));
    const visible = visibleResidents(
      work.policy,
      professional,
      worlds,
      (world) =>
        members
          .filter((m) => m.household_id === world.householdId)
          .flatMap((m) => [...RESIDENT_CATEGORIES, 'bsn'].map((c) => residentItem(m, world.householdId, c))),
      work.now,
    );
    for (const v of visible) work.processed(v.residentId, OVERSIGHT, { type: 'professional', id: professionalId }, ['involvement'], access);
    return visible;
  });
}
