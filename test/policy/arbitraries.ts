/**
 * fast-check arbitraries for the gate: a small world (two households, a handful of help requests,
 * sub-activities, consents and involuntary records), one actor with its involvements, a purpose, an
 * action and an item. Values are drawn from the catalogue (plus facts it does not know), biased so
 * that a good share of the cases reach a permit and every check gets to decide some of them.
 */
import fc from 'fast-check';
import type { Actor, StaffRole } from '../../src/core/policy/actor.ts';
import { SYSTEM_CONTEXTS } from '../../src/core/policy/actor.ts';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import type {
  Action,
  ConsentFact,
  GateContext,
  GateItem,
  HelpRequestFact,
  InvolvementFact,
  InvoluntaryFact,
  ObjectType,
  SubActivityFact,
} from '../../src/core/policy/decide.ts';
import { CONFIDENTIALITY_LEVELS } from '../../src/core/domain/confidentiality.ts';

export const AT = new Date('2026-06-01T10:00:00Z');
const DAY = 86_400_000;
const H1 = 'h1';
const H2 = 'h2';
const MEMBERS: Record<string, string[]> = { [H1]: ['r1', 'r2'], [H2]: ['r3'] };
const ORGS = ['org-team', 'org-a', 'org-b'];
const DOMAINS = ['financien', 'huisvesting', 'instrumentele_adl'];

export interface GateCase {
  context: GateContext;
  action: Action;
  item: GateItem;
  /** The world's help requests (the purpose is one of them). */
  helpRequests: readonly HelpRequestFact[];
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const nullOr = <T>(arb: fc.Arbitrary<T>, nullWeight = 1, weight = 3) => fc.oneof(w(nullWeight, fc.constant(null)), w(weight, arb));
const offset = fc.constantFrom(-400, -30, -1, 0, 1, 30).map((d) => new Date(AT.getTime() + d * DAY));

/**
 * Generated cases: two thirds drawn freely, one sixth nudged onto a chain partner's need-to-know path
 * and one sixth onto a path where a consent decides (so that the metamorphic properties about
 * sub-activity categories and consents are put to the test, not only vacuously true).
 */
export function gateCaseArb(cat: Catalogue): fc.Arbitrary<GateCase> {
  const free = freeCaseArb(cat);
  return fc.oneof(w(4, free), w(1, free.map(providerFocus)), w(1, free.map((c) => consentFocus(cat, c))));
}

const current = { validFrom: new Date(AT.getTime() - 30 * DAY), validUntil: null };

/** The actor becomes the provider of the world's first sub-activity, acting for its help request. */
export function providerFocus(c: GateCase): GateCase {
  const sub = [...c.context.subActivities.values()][0];
  const purpose = sub && c.helpRequests.find((h) => h.id === sub.helpRequestId);
  if (!sub || !purpose) return c;
  const subActivities = new Map(c.context.subActivities);
  subActivities.set(sub.id, { ...sub, status: 'active' });
  const inv: InvolvementFact = { id: 'i-focus', professionalId: 'p1', householdId: purpose.householdId, helpRequestId: null, subActivityId: sub.id, role: 'provider', maxConfidentiality: 'geheim', ...current };
  return {
    ...c,
    context: { ...c.context, actor: { kind: 'professional', id: 'p1', organisationId: sub.organisationId, roles: ['chain_partner'], displayName: 'p1' }, purpose, involvements: [inv, ...c.context.involvements], subActivities },
    // Only the category (and perhaps a secrecy origin) left to decide: adding it to the sub-activity may open the item.
    item: {
      ...c.item,
      type: 'data_item',
      householdId: purpose.householdId,
      residentId: sub.residentId,
      collectedForLaw: purpose.law,
      source: c.item.source === 'provider' ? 'provider' : null,
      confidentiality: 'zaakvertrouwelijk',
      subActivityId: null,
    },
  };
}

/** A case worker of the purpose reads another law's datum that the first consent covers. */
export function consentFocus(cat: Catalogue, c: GateCase): GateCase {
  const purpose = c.context.purpose;
  const first = c.context.consents[0];
  if (!purpose || !first) return c;
  const flows = cat.flows.filter((f) => f.to === purpose.law && f.condition !== 'never' && f.condition !== 'none');
  const flow = flows[(c.item.category.length + first.categories.length) % Math.max(1, flows.length)];
  const ordinary = cat.categories.filter((x) => x.kind === 'ordinary').map((x) => x.code);
  const category = ordinary.includes(c.item.category) ? c.item.category : ordinary[c.item.category.length % ordinary.length]!;
  const residentId = c.item.residentId ?? purpose.residentId;
  const kind: ConsentFact['kind'] = flow?.condition === 'written_no_objection' && first.kind === 'written_no_objection' ? 'written_no_objection' : 'explicit';
  const consent: ConsentFact = { ...first, helpRequestId: purpose.id, residentId, kind, categories: [...first.categories, category], sourceLaw: null, targetLaw: null, givenAt: new Date(AT.getTime() - DAY), withdrawnAt: null, inWriting: true };
  const inv: InvolvementFact = { id: 'i-focus', professionalId: 'p1', householdId: purpose.householdId, helpRequestId: purpose.id, subActivityId: null, role: 'case_worker', maxConfidentiality: 'geheim', ...current };
  const useInsurer = !flow || c.item.source === 'health_insurer';
  return {
    ...c,
    action: 'read',
    context: { ...c.context, actor: { kind: 'professional', id: 'p1', organisationId: 'org-team', roles: ['professional'], displayName: 'p1' }, involvements: [inv, ...c.context.involvements], consents: [consent, ...c.context.consents.slice(1)] },
    item: {
      ...c.item,
      type: 'data_item',
      householdId: purpose.householdId,
      residentId,
      category,
      collectedForLaw: useInsurer ? purpose.law : flow.from,
      source: useInsurer ? 'health_insurer' : null,
      confidentiality: 'vertrouwelijk',
      secrecyOrigin: null,
      subActivityId: null,
    },
  };
}

function freeCaseArb(cat: Catalogue): fc.Arbitrary<GateCase> {
  const categories = cat.categories.map((c) => c.code);
  const sources = cat.sources.map((s) => s.code);
  const domainLaw = new Map(cat.domains.map((d) => [d.code, d.law]));
  const tasks = cat.tasks.map((t) => ({ code: t.code, law: domainLaw.get(t.domain) ?? t.law }));
  const laws = [...new Set(cat.domains.map((d) => d.law))];
  const levels = [...CONFIDENTIALITY_LEVELS] as string[];
  const someCategories = fc.uniqueArray(fc.constantFrom(...categories), { minLength: 1, maxLength: 6 });

  const helpRequest = (id: string, householdId: string) =>
    fc
      .record({
        task: fc.oneof(w(20, fc.constantFrom(...tasks)), w(1, fc.constant({ code: 'unknown-task', law: 'wmo2015' }))),
        residentId: fc.constantFrom(...MEMBERS[householdId]!),
        status: fc.constantFrom<HelpRequestFact['status']>('registered', 'triaged', 'in_progress', 'in_progress', 'closed', 'withdrawn'),
      })
      .map(({ task, residentId, status }): HelpRequestFact => ({ id, householdId, residentId, taskCode: task.code, law: task.law, status }));

  const world = fc.record({
    hrs: fc.tuple(helpRequest('hr1', H1), helpRequest('hr2', H1), helpRequest('hr3', H2)),
    subs: fc.array(
      fc.record({
        helpRequestId: fc.constantFrom('hr1', 'hr2', 'hr3'),
        organisationId: fc.constantFrom('org-a', 'org-b'),
        residentId: fc.constantFrom('r1', 'r2', 'r3'),
        lifeDomain: nullOr(fc.constantFrom(...DOMAINS), 1, 4),
        dataCategories: someCategories,
        status: fc.constantFrom<SubActivityFact['status']>('active', 'active', 'proposed', 'completed', 'stopped'),
      }),
      { maxLength: 2 },
    ),
  });

  return world.chain(({ hrs, subs }) => {
    const subFacts: SubActivityFact[] = subs.map((s, i) => ({ id: `sa${i}`, ...s }));
    const hrIds = hrs.map((h) => h.id);
    const subIds = subFacts.map((s) => s.id);
    /** One of the sub-activity ids, with the given weight; left out when there are none. */
    const subId = (weight: number): fc.WeightedArbitrary<string | null>[] => (subIds.length > 0 ? [w<string | null>(weight, fc.constantFrom(...subIds))] : []);
    const involvement = fc
      .record({
        householdId: fc.oneof(w(6, fc.constant(H1)), w(1, fc.constant(H2))),
        helpRequestId: nullOr(fc.constantFrom(...hrIds), 1, 3),
        subActivityId: fc.oneof(w<string | null>(3, fc.constant(null)), ...subId(3), w<string | null>(1, fc.constant('sa-missing'))),
        role: fc.constantFrom<InvolvementFact['role']>('director', 'case_worker', 'case_worker', 'provider', 'expert'),
        maxConfidentiality: fc.oneof(w(12, fc.constantFrom(...levels, 'vertrouwelijk', 'confidentieel')), w(1, fc.constant('topsecret'))),
        validFrom: fc.oneof(w(5, fc.constant(new Date(AT.getTime() - 30 * DAY))), w(2, offset)),
        validUntil: fc.oneof(w(5, fc.constant(null)), w(2, offset)),
      })
      .map((r): Omit<InvolvementFact, 'id' | 'professionalId'> => r);
    const consent = fc.record({
      residentId: fc.constantFrom('r1', 'r2', 'r3'),
      helpRequestId: fc.constantFrom(...hrIds),
      kind: fc.constantFrom<ConsentFact['kind']>('explicit', 'ordinary', 'written_no_objection'),
      categories: someCategories,
      sourceLaw: nullOr(fc.constantFrom(...laws, 'suwi')),
      targetLaw: nullOr(fc.constantFrom(...laws)),
      recipientOrganisationId: nullOr(fc.constantFrom('org-a', 'org-b')),
      givenAt: fc.oneof(w(5, fc.constant(new Date(AT.getTime() - DAY))), w(1, offset)),
      withdrawnAt: fc.oneof(w(4, fc.constant(null)), w(2, offset)),
      inWriting: fc.boolean(),
    });
    const involuntary = fc.record({
      helpRequestId: fc.constantFrom(...hrIds),
      residentId: fc.constantFrom('r1', 'r2', 'r3'),
      categories: someCategories,
      status: fc.constantFrom<InvoluntaryFact['status']>('draft', 'approved', 'approved', 'rejected', 'ended'),
      validUntil: fc.oneof(w(3, fc.constant(null)), w(1, offset)),
    });
    const actor: fc.Arbitrary<Actor | null> = fc.oneof(
      w(
        16,
        fc
          .subarray<StaffRole>(['professional', 'chain_partner', 'privacy_officer', 'functional_admin'], { minLength: 1 })
          .map((roles): Actor => ({ kind: 'professional', id: 'p1', organisationId: 'org-team', roles, displayName: 'p1' })),
      ),
      w(3, fc.constantFrom('r1', 'r2', 'r3').map((id): Actor => ({ kind: 'resident', id, displayName: id }))),
      w(1, fc.constantFrom(...SYSTEM_CONTEXTS).map((context): Actor => ({ kind: 'system', context }))),
      w(1, fc.constant(null)),
    );
    const item = fc
      .record({
        type: fc.oneof(
          w(10, fc.constant<ObjectType>('data_item')),
          w(4, fc.constantFrom<ObjectType>('resident', 'plan', 'plan_goal', 'sub_activity', 'help_request', 'household', 'involvement', 'consent')),
          w(1, fc.constant<ObjectType>('access_metadata')),
        ),
        id: fc.oneof(w<string | null>(1, fc.constant(null)), w<string | null>(1, fc.constant('it1')), ...subId(2)),
        householdId: fc.oneof(w(8, fc.constant(H1)), w(1, fc.constant(H2))),
        residentId: nullOr(fc.constantFrom('r1', 'r2', 'r3'), 1, 4),
        category: fc.oneof(w(30, fc.constantFrom(...categories)), w(1, fc.constant('shoe_size'))),
        collectedForLaw: fc.oneof(w(3, fc.constant(null)), w(12, fc.constantFrom(...laws)), w(1, fc.constant('onbekende-wet'))),
        source: fc.oneof(w(3, fc.constant(null)), w(12, fc.constantFrom(...sources)), w(1, fc.constant('twitter'))),
        confidentiality: fc.oneof(w(20, fc.constantFrom(...levels, 'zaakvertrouwelijk', 'vertrouwelijk')), w(1, fc.constant('topsecret'))),
        secrecyOrigin: fc.oneof(w(4, fc.constant(null)), w(2, fc.constantFrom(...cat.secrecyOrigins.map((s) => s.code))), w(1, fc.constant('biechtgeheim'))),
        subActivityId: fc.oneof(w<string | null>(6, fc.constant(null)), ...subId(2), w<string | null>(1, fc.constant('sa-elsewhere'))),
        recordedByOrganisationId: nullOr(fc.constantFrom(...ORGS), 1, 4),
        lifeDomain: nullOr(fc.constantFrom(...DOMAINS), 1, 4),
      })
      .map(({ lifeDomain, ...rest }): GateItem => (rest.type === 'plan_goal' ? { ...rest, lifeDomain } : rest));
    return fc
      .record({
        actor,
        purpose: fc.oneof(w(12, fc.constantFrom(...hrs)), w(1, fc.constant(null))),
        involvements: fc.array(involvement, { maxLength: 3 }),
        consents: fc.array(consent, { maxLength: 4 }),
        involuntary: fc.array(involuntary, { maxLength: 2 }),
        action: fc.oneof(w(5, fc.constant<Action>('read')), w(3, fc.constantFrom<Action>('list', 'create', 'update', 'delete'))),
        item,
      })
      .map(({ actor, purpose, involvements, consents, involuntary, action, item }): GateCase => {
        const context: GateContext = {
          actor,
          purpose,
          at: AT,
          involvements: involvements.map((inv, i) => ({ id: `i${i}`, professionalId: 'p1', ...inv })),
          subActivities: new Map(subFacts.map((s) => [s.id, s])),
          consents,
          involuntary,
        };
        if (actor?.kind === 'resident') context.memberOf = new Set(actor.id === 'r3' ? [H2] : [H1]);
        return { context, action, item, helpRequests: hrs };
      });
  });
}
