/**
 * Involvements, support plans, goals and sub-activities of one household (R1.4, R1.5).
 *
 * - Every help request has a consulent (case_worker); some were handed over (an ended involvement
 *   and a current one), a few handovers are planned (an involvement that starts after asOf).
 * - Multi-problem households and some others get one plan with one director, a wijkcoach (policy 3.1);
 *   at most one plan per household is active. Goals only on the ZRM life domains the requests need:
 *   scoring all 13 by default is not necessary (AP z2016-11841).
 * - Services are sub-activities of a chain partner, with the data categories they need (R2.2); the
 *   partner's professional is involved only through that sub-activity.
 */
import { addDays, addDaysTs, after, between, dayMs, minIso, officeTime } from './dates.ts';
import type { HouseholdDraft } from './households.ts';
import type { StaffPools } from './organisations.ts';
import { organisation } from './organisations.ts';
import { GOAL_TEXT, PROFILES } from './profiles.ts';
import type { Rng } from './prng.ts';
import type { HouseholdCases, RequestDraft } from './requests.ts';
import type { InvolvementRow, PlanGoalRow, SubActivityRow, SupportPlanRow } from './types.ts';

export interface PlanRows {
  support_plan: SupportPlanRow[];
  plan_goal: PlanGoalRow[];
  sub_activity: SubActivityRow[];
  involvement: InvolvementRow[];
}

/** Case-worker involvements: who works on each help request, and when. */
export function caseWorkerInvolvements(rng: Rng, d: HouseholdDraft, cases: HouseholdCases, asOf: string, pools: StaffPools): InvolvementRow[] {
  const out: InvolvementRow[] = [];
  for (const r of cases.requests) {
    const max = r.task === 'jeugd-bescherming' ? 'geheim' : 'confidentieel';
    const team = pools[teamOf(r)];
    const base = { household_id: d.household.id, help_request_id: r.row.id, sub_activity_id: null, role: 'case_worker' as const, max_confidentiality: max, created_by: r.caseWorker, created_at: r.registered };
    const open = r.ended === null;
    const daysOpen = Math.floor((dayMs(asOf) - dayMs(r.registered)) / 86_400_000);
    if (open && daysOpen > 60 && rng.chance(0.08) && team.length > 1) {
      // Handed over to a colleague: the first involvement ended, so did that consulent's access (R2.1).
      const handover = officeTime(addDays(r.registered, rng.int(30, daysOpen - 10)), rng);
      const next = rng.pick(team.filter((p) => p !== r.caseWorker));
      out.push({ ...base, id: rng.uuid(), professional_id: r.caseWorker, valid_from: r.registered, valid_until: handover, reason: `Consulent voor hulpvraag ${r.row.reference}; overgedragen` });
      out.push({ ...base, id: rng.uuid(), professional_id: next, valid_from: handover, valid_until: null, reason: `Consulent voor hulpvraag ${r.row.reference} (overdracht)`, created_at: handover });
    } else if (open && rng.chance(0.03) && team.length > 1) {
      // A handover planned after asOf: the new consulent has no access yet.
      const planned = officeTime(addDays(asOf, rng.int(3, 30)), rng);
      const next = rng.pick(team.filter((p) => p !== r.caseWorker));
      out.push({ ...base, id: rng.uuid(), professional_id: r.caseWorker, valid_from: r.registered, valid_until: planned, reason: `Consulent voor hulpvraag ${r.row.reference}` });
      out.push({ ...base, id: rng.uuid(), professional_id: next, valid_from: planned, valid_until: null, reason: `Geplande overdracht hulpvraag ${r.row.reference}`, created_at: between(r.registered, addDays(asOf, -1), rng) });
    } else {
      out.push({ ...base, id: rng.uuid(), professional_id: r.caseWorker, valid_from: r.registered, valid_until: r.ended, reason: `Consulent voor hulpvraag ${r.row.reference}` });
    }
    // Child-protection cases are discussed with an expert, on pseudonymised facts (R4.3).
    if (r.task === 'jeugd-bescherming' && rng.chance(0.3) && r.row.triaged_at) {
      const from = officeTime(addDays(String(r.row.triaged_at), rng.int(1, 5)), rng);
      if (dayMs(from) < dayMs(asOf)) {
        out.push({ ...base, id: rng.uuid(), professional_id: rng.pick(pools['wijkteam-centrum']), role: 'expert', max_confidentiality: 'zaakvertrouwelijk', valid_from: from, valid_until: addDaysTs(from, 14), reason: 'Collegiale consultatie over een onvrijwillige stap', created_at: from });
      }
    }
  }
  return out;
}

function teamOf(r: RequestDraft) {
  return r.domain === 'wmo' ? 'team-wmo' : r.domain === 'jeugd' ? 'team-jeugd' : r.domain === 'werk_inkomen' ? 'team-werk-inkomen' : 'team-schuldhulp';
}

/** Plan, goals, sub-activities and the director and provider involvements, or nothing. */
export function generatePlan(rng: Rng, d: HouseholdDraft, cases: HouseholdCases, asOf: string, pools: StaffPools): PlanRows {
  const rows: PlanRows = { support_plan: [], plan_goal: [], sub_activity: [], involvement: [] };
  const inPlan = cases.requests.filter((r) => r.row.status !== 'withdrawn' && r.row.status !== 'registered');
  if (inPlan.length === 0) return rows;
  const planned = cases.multi || (inPlan.some((r) => r.row.status === 'in_progress') && rng.chance(0.35));
  if (!planned) return rows;

  const open = inPlan.some((r) => r.ended === null);
  const status: SupportPlanRow['status'] = open ? (rng.chance(0.05) ? 'draft' : 'active') : 'closed';
  const firstTriage = inPlan.map((r) => String(r.row.triaged_at)).sort()[0]!;
  const created = between(firstTriage, minIso(addDays(firstTriage, 10), addDays(asOf, -1)), rng);
  const activated = status === 'draft' ? null : between(created, minIso(addDays(created, 14), addDays(asOf, -1)), rng);
  const closed = status === 'closed' ? inPlan.map((r) => r.ended!).sort().at(-1)! : null;
  const director = inPlan.find((r) => cases.multi && r.row.triaged_by)?.row.triaged_by ?? rng.pick(pools['wijkteam-centrum']);
  const plan: SupportPlanRow = { id: rng.uuid(), household_id: d.household.id, status, director_id: director, created_at: created, activated_at: activated, closed_at: closed ? after(activated!, closed) : null };
  rows.support_plan.push(plan);
  rows.involvement.push({
    id: rng.uuid(),
    professional_id: director,
    household_id: d.household.id,
    help_request_id: null,
    sub_activity_id: null,
    role: 'director',
    max_confidentiality: 'confidentieel',
    valid_from: created,
    valid_until: plan.closed_at ? after(created, String(plan.closed_at)) : null,
    reason: 'Regisseur van het ondersteuningsplan (één huishouden, één plan, één regisseur)',
    created_by: director,
    created_at: created,
  });

  // Goals: the task's first life domain, sometimes one more, and the domain of every service.
  const services = inPlan.map((r) => {
    const profile = PROFILES[r.task];
    const service = (r.row.status === 'in_progress' || r.row.status === 'closed') && profile.services.length ? rng.pick(profile.services) : null;
    return { r, service };
  });
  const domains = new Map<string, RequestDraft>();
  for (const { r, service } of services) {
    const profile = PROFILES[r.task];
    const needed = [profile.goalDomains[0]!];
    if (rng.chance(0.35) && profile.goalDomains.length > 1) needed.push(rng.pick(profile.goalDomains.slice(1)));
    if (service) needed.push(service.lifeDomain);
    for (const dom of needed) if (!domains.has(dom)) domains.set(dom, r);
  }
  for (const [lifeDomain, r] of domains) {
    const score = cases.multi ? rng.int(1, 3) : rng.int(2, 3);
    rows.plan_goal.push({
      id: rng.uuid(),
      plan_id: plan.id,
      help_request_id: r.row.id,
      life_domain: lifeDomain,
      score,
      target_score: Math.min(5, score + rng.int(1, 2)),
      description: rng.pick(GOAL_TEXT[lifeDomain as keyof typeof GOAL_TEXT] ?? ['Doel afgesproken met het huishouden']),
      assessed_by: director,
      assessed_at: between(created, minIso(addDays(created, 7), addDays(asOf, -1)), rng),
    });
  }

  const start = activated ?? created;
  for (const { r, service } of services) {
    // No service for a request that ended (almost) before the plan started.
    if (!service || (r.ended && dayMs(r.ended) <= dayMs(addDaysTs(start, 7)))) continue;
    const org = organisation(rng.pick(service.organisations));
    let subStatus: SubActivityRow['status'];
    let since: string;
    let until: string | null = null;
    if (r.ended) {
      subStatus = rng.chance(0.85) ? 'completed' : 'stopped';
      since = between(start, minIso(addDays(start, 30), addDays(r.ended, -1)), rng);
      until = after(addDaysTs(since, 1), r.ended);
    } else if (status === 'draft' || rng.chance(0.15)) {
      // Not started yet: a sub-activity (and its provider's involvement) that begins after asOf.
      subStatus = 'proposed';
      since = officeTime(addDays(asOf, rng.int(1, 21)), rng);
    } else {
      subStatus = 'active';
      since = between(start, minIso(addDays(start, 30), addDays(asOf, -1)), rng);
    }
    const refuses = org.secrecyOrigin !== null && rng.chance(0.03);
    const sub: SubActivityRow = {
      id: rng.uuid(),
      plan_id: plan.id,
      help_request_id: r.row.id,
      organisation_id: org.id,
      resident_id: r.member.resident.id,
      life_domain: service.lifeDomain,
      description: `${service.name}, ${rng.pick(service.volumes)}`,
      status: subStatus,
      since: since.slice(0, 10),
      until: until ? until.slice(0, 10) : null,
      data_categories: [...service.categories],
      // R8.2: a partner may refuse to share its care content; it answers for that itself.
      refuses_to_share: refuses,
      refusal_reason: refuses ? 'Aanbieder deelt geen behandelinhoud, alleen start, einde en status (beroepsgeheim)' : null,
      created_at: created,
    };
    rows.sub_activity.push(sub);
    rows.involvement.push({
      id: rng.uuid(),
      professional_id: rng.pick(pools[org.key]),
      household_id: d.household.id,
      help_request_id: r.row.id,
      sub_activity_id: sub.id,
      role: 'provider',
      max_confidentiality: 'confidentieel',
      valid_from: since,
      valid_until: until,
      reason: `Uitvoering deelactiviteit: ${service.name}`,
      created_by: director,
      created_at: created,
    });
  }
  return rows;
}
