/**
 * The professional's views of households: the caseload ("my households and help requests") and one
 * household with its members, help requests, plan, DAT of partners and data items. Lists are filtered
 * in SQL to the actor's current involvements; every row is then re-decided and projected; what the
 * actor may not know exists answers 404 (house style habit 5).
 */
import { sql, type Selectable } from 'kysely';
import type { DataItemTable } from '../schema.ts';
import { displayName } from '../../core/domain/names.ts';
import { fieldAad } from '../../core/crypto/keyring.ts';
import type { Decision, HelpRequestFact } from '../../core/policy/decide.ts';
import type { CompiledPolicy } from '../../core/policy/compile.ts';
import { coveredPurposes, lawOfTask, loadHelpRequestFacts, loadHouseholdFacts, RESIDENT_COLUMNS, type FactsOptions, type HelpRequestRow, type HouseholdFacts, type ResidentRow } from '../gate/facts.ts';
import { decideUnder, logPurpose } from '../gate/purposes.ts';
import type { GateSession, GateWork } from '../gate/session.ts';
import { dataItemItem, goalItem, helpRequestItem, planItem, residentItem, subActivityItem, RESIDENT_CATEGORIES } from './items.ts';
import { fillPage } from './keyset.ts';
import type { DataItemView, HelpRequestView, HouseholdView, PlanView, ResidentView, CaseloadEntry, CaseloadPage, SubActivityView } from './views.ts';

/** Project one resident: each category decided under the purposes; only permitted parts leave. */
export function projectResident(
  work: GateWork,
  facts: HouseholdFacts,
  purposes: readonly HelpRequestFact[],
  r: ResidentRow,
  relation: string | null,
  categories: readonly string[] = RESIDENT_CATEGORIES,
): ResidentView | null {
  const view: ResidentView = { id: r.id, relation, withheld: [] };
  let any = false;
  for (const category of categories) {
    const { decision, purpose } = decideUnder(work, facts, purposes, residentItem(r, facts.householdId, category));
    if (!decision.permit) {
      view.withheld.push(category);
      continue;
    }
    any = true;
    work.processed(r.id, logPurpose(work.policy, work.actor!, purpose), { type: 'resident', id: r.id }, [category], decision);
    if (category === 'identity') {
      view.identity = {
        givenNames: r.given_names,
        surnamePrefix: r.surname_prefix,
        surname: r.surname,
        displayName: displayName({
          givenNames: r.given_names,
          surnamePrefix: r.surname_prefix,
          surname: r.surname,
          partnerSurnamePrefix: r.partner_surname_prefix,
          partnerSurname: r.partner_surname,
          nameUsage: r.name_usage,
        }),
        birthDate: r.birth_date,
        gender: r.gender,
      };
    } else if (category === 'address') {
      view.address = {
        street: r.street,
        houseNumber: r.house_number,
        houseLetter: r.house_letter,
        houseNumberAddition: r.house_number_addition,
        postcode: r.postcode,
        city: r.city,
      };
    } else if (category === 'contact') {
      view.contact = { phone: r.phone, email: r.email };
    }
  }
  return any ? view : null;
}

const residentColumns = RESIDENT_COLUMNS.map((c) => `resident.${c}` as const);

export async function currentMembers(work: GateWork, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  const day = work.now.toISOString().slice(0, 10);
  return work.tx
    .selectFrom('household_member')
    .innerJoin('resident', 'resident.id', 'household_member.resident_id')
    .select([...residentColumns, 'household_member.household_id', 'household_member.relation'])
    .where('household_member.household_id', 'in', [...householdIds])
    .where('household_member.valid_from', '<=', day)
    .where((eb) => eb.or([eb('household_member.valid_until', 'is', null), eb('household_member.valid_until', '>', day)]))
    .orderBy('household_member.relation')
    .orderBy('resident.birth_date')
    .execute();
}

function projectHelpRequest(
  work: GateWork,
  facts: HouseholdFacts,
  purposes: readonly HelpRequestFact[],
  h: HelpRequestRow,
): HelpRequestView | null {
  const { decision, purpose } = decideUnder(work, facts, purposes, helpRequestItem(work.policy, h));
  if (!decision.permit) return null;
  work.processed(h.resident_id, logPurpose(work.policy, work.actor!, purpose), { type: 'help_request', id: h.id }, ['case'], decision);
  return helpRequestView(work.policy, h);
}

/** A help request row as the professional's and the resident's views show it (after the gate's decision). */
export function helpRequestView(policy: CompiledPolicy, h: HelpRequestRow): HelpRequestView {
  return {
    id: h.id,
    reference: h.reference,
    residentId: h.resident_id,
    domain: h.domain_code,
    task: h.task_code,
    law: lawOfTask(policy, h.task_code),
    status: h.status,
    complexity: h.complexity,
    triageReasoning: h.triage_reasoning,
    summary: h.summary,
    confidentiality: h.confidentiality,
    registeredAt: new Date(h.registered_at).toISOString(),
    closedAt: h.closed_at ? new Date(h.closed_at).toISOString() : null,
  };
}

/** A page of the caseload: households in reference order, from the one after `after`. */
export interface CaseloadPageQuery {
  after?: string;
  limit?: number;
}

export const CASELOAD_PAGE = 25;
export const CASELOAD_PAGE_MAX = 100;

/** Households per page: 25 unless asked, never more than 100 (the route's schema refuses more). */
export function caseloadPageSize(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.trunc(limit ?? CASELOAD_PAGE)), CASELOAD_PAGE_MAX);
}

/**
 * "My households and help requests": only households with a current involvement of the actor, a page at
 * a time (keyset on the household reference). Only the page's households are read and logged: at city
 * scale a professional's caseload holds hundreds of households, and reading (and logging) every member
 * of each on every visit to the start page cost seconds per request (issue 8). A row names only the
 * persons its help requests concern (below), which also halved the log entries of a visit.
 */
export async function caseload(session: GateSession, page: CaseloadPageQuery = {}): Promise<CaseloadPage> {
  return session.run('caseload.list', 'list', async (work) => {
    const actor = work.actor!;
    if (actor.kind !== 'professional') return { households: [], total: 0, next: null };
    const limit = caseloadPageSize(page.limit);
    // The page and the number of households in one statement (one round trip less per visit to the
    // start page, issue 8); the count row is there even when the page is empty.
    const after = page.after === undefined ? sql`true` : sql`reference > ${page.after}`;
    const result = await sql<{ id: string | null; reference: string | null; total: number }>`
      with mine as materialized (
        select distinct h.id, h.reference
        from involvement i join household h on h.id = i.household_id
        where i.professional_id = ${actor.id} and i.valid_from <= ${work.now} and (i.valid_until is null or i.valid_until > ${work.now})
      )
      select p.id, p.reference, t.total
      from (select count(*)::int as total from mine) t
      left join lateral (select id, reference from mine where ${after} order by reference limit ${limit + 1}) p on true
      order by p.reference`.execute(work.tx);
    const found = result.rows.filter((r): r is { id: string; reference: string; total: number } => r.id !== null);
    const households = found.slice(0, limit);
    const more = found.length > limit;
    const total = Number(result.rows[0]?.total ?? 0);
    const ids = households.map((h) => h.id);
    const factsBy = await loadHouseholdFacts(work.tx, work.policy, actor, ids, work.now, { members: true });
    const out: CaseloadEntry[] = [];
    for (const h of households) {
      const facts = factsBy.get(h.id)!;
      const purposes = coveredPurposes(facts, actor, work.now, null);
      if (purposes.length === 0) continue;
      const helpRequests = facts.helpRequestRows
        .map((r) => projectHelpRequest(work, facts, purposes, r))
        .filter((r): r is HelpRequestView => r !== null);
      // Only the persons the shown help requests concern, by name: the start page needs to say whose
      // request it is, not who else lives there (AVG art. 5(1)(c), 25(2)). The household page, one click
      // away, shows every member it may, and logs them then (docs/professional-work.md, "The workspace pages").
      const concerned = new Set(helpRequests.map((r) => r.residentId));
      const mem = facts
        .memberRows!.filter((m) => concerned.has(m.id))
        .map((m) => projectResident(work, facts, purposes, m, m.relation, ['identity']))
        .filter((m): m is ResidentView => m !== null);
      const t = work.now.getTime();
      const roles = [
        ...new Set(
          facts.involvements
            .filter((i) => i.validFrom.getTime() <= t && (i.validUntil === null || t < i.validUntil.getTime()))
            .map((i) => i.role),
        ),
      ];
      out.push({ householdId: h.id, reference: h.reference, myRoles: roles, members: mem, helpRequests });
    }
    return { households: out, total, next: more ? households[households.length - 1]!.reference : null };
  });
}

/** The household's plan as the facts brought it (active, else the draft), decided item by item. */
function projectPlan(work: GateWork, facts: HouseholdFacts, purposes: readonly HelpRequestFact[], householdId: string): PlanView | null {
  const plan = facts.plan;
  if (!plan) return null;
  const planDecision = decideUnder(work, facts, purposes, planItem(work.policy, plan));
  const { goals, subs } = plan;
  const view: PlanView = {
    id: plan.id,
    status: plan.status,
    version: plan.version,
    director: planDecision.decision.permit ? { id: plan.director_id, displayName: plan.display_name } : null,
    goals: [],
    subActivities: [],
  };
  let anyVisible = planDecision.decision.permit;
  for (const g of goals) {
    const law = g.task_code ? lawOfTask(work.policy, g.task_code) : null;
    const { decision, purpose } = decideUnder(work, facts, purposes, goalItem(work.policy, householdId, { id: g.id, life_domain: g.life_domain, help_request_law: law }));
    if (!decision.permit) continue;
    anyVisible = true;
    recordHousehold(work, facts, purpose, { type: 'plan_goal', id: g.id }, 'plan', decision);
    view.goals.push({ id: g.id, lifeDomain: g.life_domain, score: g.score, targetScore: g.target_score, description: g.description, helpRequestId: g.help_request_id });
  }
  for (const s of subs) {
    const { decision, purpose } = decideUnder(work, facts, purposes, subActivityItem(work.policy, householdId, s));
    if (!decision.permit) continue;
    anyVisible = true;
    work.processed(s.resident_id, logPurpose(work.policy, work.actor!, purpose), { type: 'sub_activity', id: s.id }, ['involvement'], decision);
    view.subActivities.push({
      id: s.id,
      residentId: s.resident_id,
      helpRequestId: s.help_request_id,
      organisation: { id: s.organisation_id, name: s.organisation_name, email: s.contact_email, phone: s.contact_phone },
      description: s.description,
      status: s.status,
      since: s.since,
      until: s.until,
      lifeDomain: s.life_domain,
      dataCategories: s.data_categories,
      refusesToShare: s.refuses_to_share,
    });
  }
  if (planDecision.decision.permit) recordHousehold(work, facts, planDecision.purpose, { type: 'plan', id: plan.id }, 'plan', planDecision.decision);
  return anyVisible ? view : null;
}

/** Household-level data (the plan) concern every current member: one log entry each. */
function recordHousehold(work: GateWork, facts: HouseholdFacts, purpose: HelpRequestFact | null, object: { type: string; id: string }, category: string, decision: Decision): void {
  for (const m of facts.memberRows ?? []) work.processed(m.id, logPurpose(work.policy, work.actor!, purpose), object, [category], decision);
}

/** Data items per page of a household or help request: 50 unless asked, never more than 200 (issue 8). */
export const DATA_ITEMS_PAGE = 50;
export const DATA_ITEMS_PAGE_MAX = 200;

/** A page of data items, newest first: the ones after the item `after` (an id the previous page gave as `next`). */
export interface DataItemsPageQuery {
  after?: string;
  limit?: number;
}

/** Rows read per statement while a page is filled (at least): a purpose may leave many of a household's rows out. */
export const DATA_ITEM_ROWS = 200;

export function dataItemsPageSize(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.trunc(limit ?? DATA_ITEMS_PAGE)), DATA_ITEMS_PAGE_MAX);
}

/**
 * The data items the actor may see, newest first (recorded_at, then id), a page at a time: only the
 * page's items are opened, sent and logged. A household at city scale holds a hundred to three hundred
 * items, and a page that showed them all decided, opened and sent every one on every visit (issue 8);
 * the rest is a `next` away. Rows are read in batches (one more than the page, at least 200) until the
 * page is full, since the gate leaves out what the purpose does not cover; `next` is the id of the
 * page's last item, or null when nothing permitted follows.
 */
export async function loadDataItemsPage(
  work: GateWork,
  facts: HouseholdFacts,
  purposes: readonly HelpRequestFact[],
  filter: { householdId: string; helpRequestId?: string; residentId?: string },
  page: { after?: string; limit: number },
): Promise<{ items: DataItemView[]; next: string | null }> {
  const actor = work.actor!;
  let q = work.tx
    .selectFrom('data_item')
    .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
    .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
    .select([
      'data_item.id',
      'data_item.household_id',
      'data_item.resident_id',
      'data_item.help_request_id',
      'data_item.sub_activity_id',
      'data_item.category',
      'data_item.source',
      'data_item.legal_basis',
      'data_item.confidentiality',
      'data_item.secrecy_origin',
      'data_item.retention_class',
      'data_item.value_text',
      'data_item.value_cipher',
      'data_item.recorded_at',
      'help_request.task_code',
      'professional.organisation_id as recorded_by_organisation_id',
    ])
    .where('data_item.household_id', '=', filter.householdId);
  if (filter.helpRequestId) q = q.where('data_item.help_request_id', '=', filter.helpRequestId);
  if (filter.residentId) q = q.where('data_item.resident_id', '=', filter.residentId);
  if (actor.kind === 'resident') q = q.where('data_item.resident_id', '=', actor.id);
  if (actor.kind === 'professional') {
    // Filter in SQL (habit 5): a partner whose every covering involvement is a sub-activity only gets
    // rows of the residents it serves in the categories those sub-activities declare.
    const t = work.now.getTime();
    const current = facts.involvements.filter((i) => i.validFrom.getTime() <= t && (i.validUntil === null || t < i.validUntil.getTime()));
    if (current.length > 0 && current.every((i) => i.role === 'provider')) {
      const pairs = current
        .map((i) => facts.subActivities.get(i.subActivityId!))
        .filter((s) => s !== undefined)
        .flatMap((s) => s!.dataCategories.map((c) => `${s!.residentId}|${c}`));
      if (pairs.length === 0) return { items: [], next: null };
      q = q.where(sql<boolean>`(data_item.resident_id::text || '|' || data_item.category) = any(${pairs}::text[])`);
    }
  }
  const out: DataItemView[] = [];
  const next = await fillPage(
    // Keyset on (recorded_at, id) of the item after which the page starts, looked up in this household:
    // an id from elsewhere starts nothing (an empty page), it tells nothing about that item.
    (after, rows) =>
      (after === null
        ? q
        : q.where(sql<boolean>`(data_item.recorded_at, data_item.id) < (select c.recorded_at, c.id from data_item c where c.id = ${after} and c.household_id = ${filter.householdId})`)
      )
        .orderBy('data_item.recorded_at', 'desc')
        .orderBy('data_item.id', 'desc')
        .limit(rows)
        .execute(),
    { after: page.after ?? null, limit: page.limit, rows: Math.max(DATA_ITEM_ROWS, page.limit + 1) },
    (d) => {
      const decided = decideUnder(work, facts, purposes, dataItemItem(d, lawOfTask(work.policy, d.task_code), d.recorded_by_organisation_id));
      return decided.decision.permit ? decided : null;
    },
    (d, { decision, purpose }) => {
      const value = d.value_cipher ? work.keyring.decrypt(d.value_cipher, fieldAad('data_item', 'value_cipher', d.id)) : d.value_text;
      work.processed(d.resident_id, logPurpose(work.policy, actor, purpose), { type: 'data_item', id: d.id }, [d.category], decision);
      out.push(dataItemView(d, value ?? '', purpose?.id ?? null));
    },
  );
  return { items: out, next };
}

/** A data item row as the views show it: its value already opened, the purpose it is shown under. */
export function dataItemView(
  d: Pick<
    Selectable<DataItemTable>,
    'id' | 'resident_id' | 'help_request_id' | 'sub_activity_id' | 'category' | 'source' | 'legal_basis' | 'confidentiality' | 'secrecy_origin' | 'retention_class' | 'recorded_at'
  >,
  value: string,
  purposeHelpRequestId: string | null,
): DataItemView {
  return {
    id: d.id,
    residentId: d.resident_id,
    helpRequestId: d.help_request_id,
    subActivityId: d.sub_activity_id,
    category: d.category,
    source: d.source,
    legalBasis: d.legal_basis,
    confidentiality: d.confidentiality,
    secrecyOrigin: d.secrecy_origin,
    retentionClass: d.retention_class,
    recordedAt: new Date(d.recorded_at).toISOString(),
    value,
    purposeHelpRequestId,
  };
}

/**
 * Deny and log: the actor asked for a household it has no current involvement with. Logged against
 * every member (the privacy officer reviews attempts outside involvement), then answered 404. `facts`:
 * the household's, read with its members (`HOUSEHOLD_PAGE`), when it exists.
 */
function denyHousehold(work: GateWork, householdId: string, facts: HouseholdFacts | undefined): never {
  const members = facts?.memberRows ?? [];
  const probe = work.decide(
    // Decide under one of the household's own help requests, so the denial names the missing involvement.
    { actor: work.actor, purpose: facts ? ([...facts.helpRequests.values()][0] ?? null) : null, at: work.now, involvements: facts?.involvements ?? [], subActivities: new Map(), consents: [], involuntary: [] },
    { type: 'household', id: householdId, householdId, residentId: null, category: 'household_composition', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
  );
  const purpose = logPurpose(work.policy, work.actor!, null);
  if (members.length === 0) work.denied(null, purpose, { type: 'household', id: householdId }, 'household_composition', probe);
  for (const m of members) work.denied(m.id, purpose, { type: 'household', id: householdId }, 'household_composition', probe);
  return work.failAfterCommit('GATE.NOT_FOUND');
}

/** What a household page reads with the gate's facts: its members and its plan (one statement, issue 8). */
const HOUSEHOLD_PAGE: FactsOptions = { members: true, plan: true };

async function householdInWork(work: GateWork, requestedId: string, namedPurpose: string | null, items: DataItemsPageQuery): Promise<HouseholdView> {
  const actor = work.actor!;
  // The database's form of the id (a URL may carry upper case): the facts are keyed by it.
  const householdId = requestedId.toLowerCase();
  if (actor.kind !== 'professional') return denyHousehold(work, householdId, undefined);
  const facts = (await loadHouseholdFacts(work.tx, work.policy, actor, [householdId], work.now, HOUSEHOLD_PAGE)).get(householdId)!;
  return householdFromFacts(work, facts, namedPurpose, items);
}

async function householdFromFacts(work: GateWork, facts: HouseholdFacts, namedPurpose: string | null, items: DataItemsPageQuery): Promise<HouseholdView> {
  const actor = work.actor!;
  if (actor.kind !== 'professional' || facts.reference === null) return denyHousehold(work, facts.householdId, undefined);
  const hh = { id: facts.householdId, reference: facts.reference };
  const purposes = coveredPurposes(facts, actor, work.now, namedPurpose);
  if (purposes.length === 0) return denyHousehold(work, hh.id, facts);
  const memberViews = facts.memberRows!.map((m) => projectResident(work, facts, purposes, m, m.relation)).filter((m): m is ResidentView => m !== null);
  const helpRequests = facts.helpRequestRows.map((h) => projectHelpRequest(work, facts, purposes, h)).filter((h): h is HelpRequestView => h !== null);
  const plan = projectPlan(work, facts, purposes, hh.id);
  const dataItems = await loadDataItemsPage(work, facts, purposes, { householdId: hh.id }, { after: items.after?.toLowerCase(), limit: dataItemsPageSize(items.limit) });
  const t = work.now.getTime();
  return {
    id: hh.id,
    reference: hh.reference,
    purposes: purposes.map((p) => ({ helpRequestId: p.id, task: p.taskCode, law: p.law, status: p.status })),
    myInvolvements: facts.involvements
      .filter((i) => i.validFrom.getTime() <= t && (i.validUntil === null || t < i.validUntil.getTime()))
      .map((i) => ({ id: i.id, role: i.role, helpRequestId: i.helpRequestId, subActivityId: i.subActivityId, validFrom: i.validFrom.toISOString(), validUntil: i.validUntil?.toISOString() ?? null })),
    members: memberViews,
    helpRequests,
    plan,
    dataItems: dataItems.items,
    dataItemsNext: dataItems.next,
  };
}

/** One household as the actor may see it, for the named purpose or every purpose its involvements cover; a page of its data items. */
export async function household(session: GateSession, householdId: string, namedPurpose: string | null, items: DataItemsPageQuery = {}): Promise<HouseholdView> {
  return session.run('household.read', 'read', (work) => householdInWork(work, householdId, namedPurpose, items));
}

/** One help request, as the purpose itself: 404 unless the actor's involvement covers it. */
export async function helpRequestDetail(session: GateSession, helpRequestId: string, items: DataItemsPageQuery = {}): Promise<HouseholdView & { helpRequestId: string }> {
  return session.run('help_request.read', 'read', async (work) => {
    // The help request's household and its facts, members and plan in one statement.
    const facts = await loadHelpRequestFacts(work.tx, work.policy, work.actor!, helpRequestId, work.now, HOUSEHOLD_PAGE);
    if (!facts) {
      const purpose = logPurpose(work.policy, work.actor!, null);
      const probe = work.decide(
        { actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] },
        { type: 'help_request', id: helpRequestId, householdId: '', residentId: null, category: 'case', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
      );
      work.denied(null, purpose, { type: 'help_request', id: helpRequestId }, 'case', probe);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    const view = await householdFromFacts(work, facts, helpRequestId, items);
    return { ...view, helpRequestId };
  });
}
