/**
 * My file (R5.2, AVG art. 15; Wmo 2015 art. 5.3.2; Jeugdwet art. 7.3.10): the help requests, the plan of
 * the household and the data about the resident per category, each with its source and the purpose it
 * was collected for — or, for a parent or other representative, the same for the person they represent,
 * as far as the age rules allow. Restricted parts are left out by the gate; where the restriction allows
 * saying so, the resident sees that something is withheld, why in general terms, and until when.
 */
import { sql } from 'kysely';
import { fieldAad } from '../../../core/crypto/keyring.ts';
import { displayName } from '../../../core/domain/names.ts';
import { restrictionActive } from '../../../core/residents/restrictions.ts';
import { ageBand, ageOn } from '../../../core/residents/age-rules.ts';
import type { RepresentationFact } from '../../../core/policy/decide.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { lawOfTask, type FactsOptions } from '../../gate/facts.ts';
import { DATA_ITEM_ROWS, dataItemsPageSize } from '../households.ts';
import { fillPage } from '../keyset.ts';
import { dataItemItem, helpRequestItem, planItem, residentItem, subActivityItem, RESIDENT_CATEGORIES } from '../items.ts';
import type { ResidentView } from '../views.ts';
import { loadRepresentation, portalPurpose, residentNames, subjectScope, today, type SubjectScope } from './common.ts';
import { categoryLabel, reasonLabel, retentionLabel, sourceLabel, taskLabel } from './labels.ts';
import type { FileItemView, MyFileView, RepresentedPerson, WithheldNotice } from './views.ts';

const residentColumns = [
  'id', 'given_names', 'surname_prefix', 'surname', 'partner_surname_prefix', 'partner_surname', 'name_usage', 'birth_date', 'gender',
  'street', 'house_number', 'house_letter', 'house_number_addition', 'postcode', 'city', 'phone', 'email', 'confidentiality', 'bsn_cipher',
] as const;

/**
 * The people the signed-in resident may act for now, by the gate's age rules (each decided and logged).
 * `loaded`: the resident's representation as the subject scope already read it (one statement fewer).
 */
export async function representedPeople(work: GateWork, loaded?: readonly RepresentationFact[]): Promise<RepresentedPerson[]> {
  const actor = work.actor!;
  if (actor.kind !== 'resident') return [];
  const reps = loaded ?? (await loadRepresentation(work, actor.id));
  const names = await residentNames(work, reps.map((r) => r.residentId));
  const out: RepresentedPerson[] = [];
  for (const r of reps) {
    const ctx = { actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [], representation: reps };
    const decision = work.decide(ctx, residentItem({ id: r.residentId, confidentiality: 'openbaar' }, '', 'identity'), 'read');
    if (!decision.permit) continue;
    work.processed(r.residentId, portalPurpose(work), { type: 'resident', id: r.residentId }, ['identity'], decision);
    const age = ageOn(r.birthDate, today(work));
    out.push({
      residentId: r.residentId,
      displayName: names.get(r.residentId)?.displayName ?? '',
      kind: r.kind,
      ageBand: age >= 18 ? 'adult' : ageBand(age),
      mayView: true,
    });
  }
  return out;
}

async function projectSubject(work: GateWork, scope: SubjectScope): Promise<MyFileView['me']> {
  const r = await work.tx.selectFrom('resident').select([...residentColumns]).where('id', '=', scope.subjectId).executeTakeFirst();
  const me: MyFileView['me'] = { id: scope.subjectId, relation: null, withheld: [], bsnMasked: null };
  if (!r) return me;
  const purpose = portalPurpose(work);
  for (const category of [...RESIDENT_CATEGORIES, 'bsn']) {
    const decision = scope.decide(residentItem(r, scope.homeHouseholdId, category));
    if (!decision.permit) {
      if (category !== 'bsn') me.withheld.push(category);
      continue;
    }
    if (category === 'bsn' && !r.bsn_cipher) continue;
    work.processed(r.id, purpose, { type: 'resident', id: r.id }, [category], decision);
    if (category === 'identity') {
      me.identity = {
        givenNames: r.given_names,
        surnamePrefix: r.surname_prefix,
        surname: r.surname,
        displayName: displayName({ givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname, partnerSurnamePrefix: r.partner_surname_prefix, partnerSurname: r.partner_surname, nameUsage: r.name_usage }),
        birthDate: r.birth_date,
        gender: r.gender,
      };
    } else if (category === 'address') {
      me.address = { street: r.street, houseNumber: r.house_number, houseLetter: r.house_letter, houseNumberAddition: r.house_number_addition, postcode: r.postcode, city: r.city };
    } else if (category === 'contact') {
      me.contact = { phone: r.phone, email: r.email };
    } else if (category === 'bsn') {
      const bsn = work.keyring.decrypt(r.bsn_cipher!, fieldAad('resident', 'bsn_cipher', r.id));
      me.bsnMasked = `*****${bsn.slice(-4)}`;
    }
  }
  return me;
}

/** The full export reads the subject's items in batches of this many, all of them. */
const EXPORT_ITEM_ROWS = 1000;

/** A page of my file's data items: newest first, from the item after `after` (the `itemsNext` of the page before). */
export interface FileItemsPage {
  after?: string;
  limit?: number;
}

/**
 * The subject's data items, decided one by one, newest first. With `page`, one page of them (issue 8: a
 * resident with several help requests has hundreds of items, and a file that decided, opened and sent
 * every one on every visit was the portal's costliest page: 50 unless asked, at most 200, as a
 * household's); `next` is the id of the page's last item, or null when nothing the reader may see
 * follows. Without `page` (the full export), all of them.
 */
export async function fileItems(work: GateWork, scope: SubjectScope, page?: FileItemsPage): Promise<{ items: FileItemView[]; next: string | null }> {
  if (scope.householdIds.length === 0) return { items: [], next: null };
  const limit = page ? dataItemsPageSize(page.limit) : Number.POSITIVE_INFINITY;
  const q = work.tx
    .selectFrom('data_item')
    .innerJoin('help_request', 'help_request.id', 'data_item.help_request_id')
    .leftJoin('professional', 'professional.id', 'data_item.recorded_by')
    .leftJoin('organisation', 'organisation.id', 'professional.organisation_id')
    .select([
      'data_item.id', 'data_item.household_id', 'data_item.resident_id', 'data_item.help_request_id', 'data_item.sub_activity_id', 'data_item.category',
      'data_item.source', 'data_item.legal_basis', 'data_item.confidentiality', 'data_item.secrecy_origin', 'data_item.retention_class',
      'data_item.value_text', 'data_item.value_cipher', 'data_item.recorded_at', 'help_request.task_code', 'help_request.reference',
      'professional.organisation_id as recorded_by_organisation_id', 'organisation.name as organisation_name',
    ])
    .where('data_item.resident_id', '=', scope.subjectId);
  const out: FileItemView[] = [];
  const purpose = portalPurpose(work);
  const next = await fillPage(
    // Keyset on (recorded_at, id) of the item the page starts after, looked up among the subject's own
    // items: an id from elsewhere starts nothing (an empty page) and tells nothing about that item.
    (after, rows) =>
      (after === null
        ? q
        : q.where(sql<boolean>`(data_item.recorded_at, data_item.id) < (select c.recorded_at, c.id from data_item c where c.id = ${after} and c.resident_id = ${scope.subjectId})`)
      )
        .orderBy('data_item.recorded_at', 'desc')
        .orderBy('data_item.id', 'desc')
        .limit(rows)
        .execute(),
    { after: page?.after ?? null, limit, rows: page ? Math.max(DATA_ITEM_ROWS, limit + 1) : EXPORT_ITEM_ROWS },
    (d) => {
      const law = lawOfTask(work.policy, d.task_code);
      const decision = scope.decide(dataItemItem(d, law, d.recorded_by_organisation_id));
      return decision.permit ? { law, decision } : null;
    },
    (d, { law, decision }) => {
      work.processed(d.resident_id, purpose, { type: 'data_item', id: d.id }, [d.category], decision);
      const value = d.value_cipher ? work.keyring.decrypt(d.value_cipher, fieldAad('data_item', 'value_cipher', d.id)) : (d.value_text ?? '');
      out.push({
        id: d.id,
        category: categoryLabel(work.policy, d.category),
        value,
        source: sourceLabel(work.policy, d.source),
        recordedAt: new Date(d.recorded_at).toISOString(),
        purpose: {
          helpRequestId: d.help_request_id,
          reference: d.reference,
          task: taskLabel(work.policy, d.task_code),
          law,
          processingActivity: work.policy.tasks.get(d.task_code)?.processingActivity ?? null,
        },
        legalBasis: d.legal_basis,
        retention: retentionLabel(work.policy, d.retention_class),
        recordedBy: d.organisation_name ?? null,
      });
    },
  );
  return { items: out, next };
}

/** The restrictions the reader may be told about (disclose_existence), in general terms: read with the scope. */
function withheldNotices(work: GateWork, scope: SubjectScope): WithheldNotice[] {
  const out: WithheldNotice[] = [];
  for (const { fact, reasonCode, reviewOn } of scope.disclosed) {
    if (!restrictionActive(fact, work.now)) continue;
    if (fact.appliesTo === 'representatives' && scope.isSelf) continue;
    out.push({
      reason: reasonLabel(reasonCode),
      categories: fact.categories.map((c) => categoryLabel(work.policy, c)),
      records: fact.objectIds.length,
      since: fact.validFrom.toISOString().slice(0, 10),
      reviewOn,
    });
  }
  return out;
}

/** The file's reading of the households' facts: with their plans, in the same statement (issue 8). */
export const FILE_FACTS: FactsOptions = { plan: true };

/** The plans in force of the subject's households, as the facts brought them (`FILE_FACTS`); a draft is not shown. */
function plansOf(work: GateWork, scope: SubjectScope): MyFileView['plans'] {
  const purpose = portalPurpose(work);
  const plans: MyFileView['plans'] = [];
  for (const householdId of scope.householdIds) {
    const facts = scope.factsBy.get(householdId);
    if (facts?.plan === undefined) throw new Error('the file reads the households with their plans (FILE_FACTS)');
    const plan = facts.plan;
    if (!plan || plan.status !== 'active') continue;
    const decision = scope.decide(planItem(work.policy, plan));
    if (!decision.permit) continue;
    work.processed(scope.subjectId, purpose, { type: 'plan', id: plan.id }, ['plan'], decision);
    const partners: MyFileView['plans'][number]['partners'] = [];
    for (const s of plan.subs) {
      const d = scope.decide(subActivityItem(work.policy, householdId, s));
      if (!d.permit) continue;
      work.processed(s.resident_id, purpose, { type: 'sub_activity', id: s.id }, ['involvement'], d);
      partners.push({ organisation: s.organisation_name, description: s.description, since: s.since, status: s.status, dataCategories: s.data_categories.map((c) => categoryLabel(work.policy, c)) });
    }
    const visibleGoals = plan.goals.filter((g) => scope.decide({ ...planItem(work.policy, plan), type: 'plan_goal', id: g.id }).permit);
    plans.push({
      id: plan.id,
      status: plan.status,
      director: { displayName: plan.display_name },
      goals: visibleGoals.map((g) => ({ lifeDomain: g.life_domain, score: g.score, targetScore: g.target_score, description: g.description })),
      partners,
    });
  }
  return plans;
}

/** My file, with a page of its data items (`page`: the `itemsNext` of the page before). */
export async function myFile(session: GateSession, subjectId: string | null, page: FileItemsPage = {}): Promise<MyFileView> {
  return session.run('portal.file', 'read', async (work) => buildFile(work, await subjectScope(work, subjectId, undefined, FILE_FACTS), page));
}

/**
 * The file of the subject in scope, inside a gated unit of work: with `page`, one page of its data items
 * (the portal's page); without, all of them (the full export).
 */
export async function buildFile(work: GateWork, scope: SubjectScope, page?: FileItemsPage): Promise<MyFileView> {
  const represents = await representedPeople(work, scope.representation);
  const me = await projectSubject(work, scope);
  const purpose = portalPurpose(work);
  const hrs = await work.tx.selectFrom('help_request').selectAll().where('resident_id', '=', scope.subjectId).orderBy('registered_at').execute();
  const helpRequests: MyFileView['helpRequests'] = [];
  for (const h of hrs) {
    const decision = scope.decide(helpRequestItem(work.policy, h));
    if (!decision.permit) continue;
    work.processed(h.resident_id, purpose, { type: 'help_request', id: h.id }, ['case'], decision);
    helpRequests.push({
      id: h.id,
      reference: h.reference,
      domain: h.domain_code,
      task: taskLabel(work.policy, h.task_code),
      law: lawOfTask(work.policy, h.task_code),
      status: h.status,
      summary: h.summary,
      registeredAt: new Date(h.registered_at).toISOString(),
      closedAt: h.closed_at ? new Date(h.closed_at).toISOString() : null,
    });
  }
  const plans = plansOf(work, scope);
  const { items, next: itemsNext } = await fileItems(work, scope, page);
  const byCategory = new Map<string, FileItemView[]>();
  for (const i of items) byCategory.set(i.category.code, [...(byCategory.get(i.category.code) ?? []), i]);
  // Categories in the catalogue's order (identity first, special categories after ordinary ones).
  const order = [...work.policy.categories.keys()];
  const categories = [...byCategory.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([code, list]) => ({ category: categoryLabel(work.policy, code), items: list }));
  const withheld = withheldNotices(work, scope);
  return {
    subject: { residentId: scope.subjectId, isSelf: scope.isSelf, displayName: me.identity?.displayName ?? null },
    me: me as ResidentView & { bsnMasked: string | null },
    represents,
    helpRequests,
    plans,
    categories,
    itemsNext,
    withheld,
  };
}
