/**
 * A deterministic corpus for the gate (issue 3: differential test, property test and benchmark).
 *
 * generateCorpus({ seed, size }) builds a world from a seeded PRNG and then `size` requests
 * (actor, purpose, action, item) over it, each as the GateContext + action + GateItem that decide()
 * takes. The same seed gives the same corpus on every machine, so the test and the bench compare the
 * engines on identical inputs.
 *
 * The world:
 * - households of 1–5 residents, each with 1–4 help requests in the catalogue's tasks (the four
 *   laws: Wmo 2015, Jeugdwet, Participatiewet, Wgs) in every status, and a few with an unknown task;
 * - involvements of every role: a household-wide director, case workers per help request (some
 *   household-wide), consulted experts, providers per sub-activity (and some misconfigured: a
 *   dangling sub-activity, none at all), with periods that are current, ended, not yet started, and
 *   that start or end exactly at the decision time; confidentiality maxima at every level (and an
 *   unknown one);
 * - sub-activities with declared categories (ordinary, special, criminal, BSN), a ZRM life domain
 *   (or none), a served resident and a status;
 * - consents of every kind (explicit, ordinary, written no-objection) with and without source and
 *   target law, given in the past or the future, withdrawn or not;
 * - involuntary-processing records in each status, expired or not.
 *
 * The requests mix: no actor; system contexts; residents (own data, other members, their
 * household, other households, writes); oversight (access metadata) by the privacy officer,
 * residents and others; involved professionals acting for a covered, an uncovered or another
 * household's purpose, or none; uninvolved colleagues and staff roles; items of every object type
 * and category, from every source (incl. Suwinet, health insurer, payment signals), collected under
 * the same or another law, partner care records, plan goals per life domain, items with a secrecy
 * origin, and unknown categories, levels, sources, laws and tasks. A share of the items is aligned
 * with a consent or an involuntary record of the purpose so that the consent paths are exercised.
 */
import type { Actor } from '../../src/core/policy/actor.ts';
import { SYSTEM_CONTEXTS } from '../../src/core/policy/actor.ts';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import type { Action, GateContext, GateItem, HelpRequestFact, InvolvementFact, ObjectType, SubActivityFact } from '../../src/core/policy/decide.ts';
import { CONFIDENTIALITY_LEVELS } from '../../src/core/domain/confidentiality.ts';
import { createRng, type Rng } from './prng.ts';
import { CORPUS_AT, DAY, UNKNOWN, ZRM, generateWorld, view, type CatalogueView, type Household, type World } from './world.ts';

export { CORPUS_AT, UNKNOWN, generateWorld, type Household, type World } from './world.ts';

export interface GateRequest {
  context: GateContext;
  action: Action;
  item: GateItem;
  /** Which generator branch made it (for coverage reports). */
  scenario: string;
}

export interface Corpus {
  seed: number;
  world: World;
  requests: GateRequest[];
}

export interface CorpusOptions {
  seed: number;
  size: number;
  catalogue: Catalogue;
  /** Defaults to one household per 50 requests, at least 20. */
  households?: number;
}

const ACTIONS: readonly (readonly [Action, number])[] = [
  ['read', 50],
  ['list', 15],
  ['create', 14],
  ['update', 14],
  ['delete', 7],
];

interface ItemHints {
  purpose: HelpRequestFact | null;
  /** The acting provider's sub-activity: items lean towards what it declares. */
  sub?: SubActivityFact | undefined;
  /** Align the item with this consent or involuntary record (category, subject, source law). */
  alignWith?: { residentId: string; categories: readonly string[]; sourceLaw?: string | null } | undefined;
}

function pickLaw(rng: Rng, cv: CatalogueView, hh: Household, purpose: HelpRequestFact | null): string | null {
  return rng.weighted<string | null>([
    [purpose?.law ?? null, 45],
    [rng.pick(hh.helpRequests).law, 20],
    [rng.pick(cv.domainLaws), 15],
    [null, 18],
    [UNKNOWN.law, 1.5],
  ]);
}

function pickSource(rng: Rng): string | null {
  return rng.weighted<string | null>([
    [null, 18],
    ['resident', 20],
    ['own_observation', 14],
    ['brp', 8],
    ['provider', 10],
    ['suwi', 12],
    ['health_insurer', 8],
    ['payment_signal', 7],
    [UNKNOWN.source, 1.5],
  ]);
}

let itemSeq = 0;

function makeItem(rng: Rng, cv: CatalogueView, world: World, hh: Household, hints: ItemHints): GateItem {
  const type = rng.weighted<ObjectType>([
    ['data_item', 58],
    ['resident', 14],
    ['plan', 4],
    ['plan_goal', 8],
    ['sub_activity', 8],
    ['help_request', 3],
    ['household', 2],
    ['involvement', 2],
    ['consent', 1],
  ]);
  const member = () => rng.pick(hh.members);
  const sub = hints.sub;
  const category = (): string => {
    if (hints.alignWith && hints.alignWith.categories.length > 0 && rng.chance(0.85)) return rng.pick(hints.alignWith.categories);
    if (sub && sub.dataCategories.length > 0 && rng.chance(0.6)) return rng.pick(sub.dataCategories);
    return rng.pick(cv.categories);
  };
  const level = (cat: string): string =>
    rng.weighted<string>([
      [cv.defaultLevel.get(cat) ?? 'vertrouwelijk', 60],
      [rng.pick(CONFIDENTIALITY_LEVELS), 38],
      [UNKNOWN.level, 1.5],
    ]);
  const base: GateItem = {
    type,
    id: `it-${itemSeq++}`,
    householdId: hh.id,
    residentId: null,
    category: 'case',
    collectedForLaw: null,
    source: null,
    confidentiality: 'zaakvertrouwelijk',
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
  switch (type) {
    case 'resident': {
      const rid = sub && rng.chance(0.5) ? sub.residentId : member();
      const cat = rng.chance(0.8) ? rng.pick([...cv.identifying, 'household_composition']) : category();
      return { ...base, id: rid, residentId: rid, category: cat, source: rng.weighted<string | null>([['brp', 60], ['resident', 30], [null, 10]]), confidentiality: rng.chance(0.8) ? 'zaakvertrouwelijk' : level(cat) };
    }
    case 'plan':
      return { ...base, category: 'plan', confidentiality: rng.chance(0.85) ? 'zaakvertrouwelijk' : level('plan'), recordedByOrganisationId: rng.pick(world.teamOrgs) };
    case 'plan_goal':
      return {
        ...base,
        category: 'plan',
        lifeDomain: sub?.lifeDomain && rng.chance(0.5) ? sub.lifeDomain : rng.pick(ZRM),
        confidentiality: rng.chance(0.85) ? 'zaakvertrouwelijk' : level('plan'),
        recordedByOrganisationId: rng.pick(world.teamOrgs),
      };
    case 'sub_activity': {
      const target = sub && rng.chance(0.5) ? sub : hh.subActivities.length > 0 && rng.chance(0.8) ? rng.pick(hh.subActivities) : undefined;
      return {
        ...base,
        id: target?.id ?? `sa-unknown-${itemSeq}`,
        residentId: target && rng.chance(0.7) ? target.residentId : null,
        category: rng.chance(0.9) ? 'involvement' : category(),
        // A sub-activity record is DAT-information; a few carry their own id as care record.
        subActivityId: target && rng.chance(0.1) ? target.id : null,
        confidentiality: rng.chance(0.85) ? 'zaakvertrouwelijk' : level('involvement'),
        recordedByOrganisationId: rng.pick(world.teamOrgs),
      };
    }
    case 'help_request':
      return { ...base, residentId: hints.purpose?.residentId ?? member(), category: 'case', confidentiality: level('case') };
    case 'household':
      return { ...base, category: 'household_composition', source: rng.chance(0.5) ? 'brp' : null, confidentiality: level('household_composition') };
    case 'involvement':
      return { ...base, category: 'involvement', confidentiality: level('involvement') };
    case 'consent':
      return { ...base, residentId: member(), category: 'case', confidentiality: level('case') };
    case 'data_item':
    case 'access_metadata':
      break;
  }
  // A data item: the bulk of the dossier.
  const align = hints.alignWith;
  const cat = rng.chance(0.015) ? UNKNOWN.category : category();
  let residentId: string | null = align && rng.chance(0.8) ? align.residentId : sub && rng.chance(0.5) ? sub.residentId : rng.chance(0.85) ? member() : null;
  let collectedForLaw = pickLaw(rng, cv, hh, hints.purpose);
  let source = pickSource(rng);
  if (align && rng.chance(0.9)) {
    // Another law's datum, so that the flow (and its consent or involuntary record) decides.
    const others = cv.domainLaws.filter((l) => l !== hints.purpose?.law);
    collectedForLaw = align.sourceLaw ?? rng.pick(others);
    if (rng.chance(0.7)) source = rng.pick([null, 'resident', 'own_observation']);
  }
  let subActivityId: string | null = null;
  let recordedBy: string | null = rng.weighted<string | null>([
    [rng.pick(world.teamOrgs), 50],
    [rng.pick(world.providerOrgs), 30],
    [sub?.organisationId ?? null, 10],
    [null, 10],
  ]);
  let category2 = cat;
  // A chain partner's care record (R2.3).
  const care = rng.chance(0.15) && hh.subActivities.length > 0 ? (sub && rng.chance(0.5) ? sub : rng.pick(hh.subActivities)) : undefined;
  if (care) {
    subActivityId = care.id;
    if (rng.chance(0.6)) category2 = 'care_record';
    source = rng.chance(0.8) ? 'provider' : source;
    recordedBy = rng.chance(0.8) ? care.organisationId : rng.pick(world.providerOrgs);
    if (rng.chance(0.6)) residentId = care.residentId;
  } else if (rng.chance(0.02)) {
    subActivityId = `sa-elsewhere-${itemSeq}`;
  }
  const secrecyOrigin = rng.weighted<string | null>([
    [null, 72],
    [rng.pick(cv.secrecyOrigins), 26],
    [UNKNOWN.secrecyOrigin, 2],
  ]);
  return {
    ...base,
    residentId,
    category: category2,
    collectedForLaw,
    source,
    confidentiality: level(category2),
    secrecyOrigin,
    subActivityId,
    recordedByOrganisationId: recordedBy,
  };
}

/** The facts a gate-bound repository would load for one request. */
export function contextFor(world: World, actor: Actor | null, purpose: HelpRequestFact | null, item: GateItem, at: Date): GateContext {
  const involvements: InvolvementFact[] = [];
  if (actor?.kind === 'professional') {
    for (const inv of world.involvementsByProfessional.get(actor.id) ?? []) {
      if (inv.householdId === item.householdId || (purpose !== null && inv.householdId === purpose.householdId)) involvements.push(inv);
    }
  }
  const hh = world.householdById.get(item.householdId);
  const phh = purpose ? world.householdById.get(purpose.householdId) : undefined;
  const consents = phh && phh !== hh ? [...(hh?.consents ?? []), ...phh.consents] : (hh?.consents ?? []);
  const involuntary = phh && phh !== hh ? [...(hh?.involuntary ?? []), ...phh.involuntary] : (hh?.involuntary ?? []);
  const ctx: GateContext = { actor, purpose, at, involvements, subActivities: world.subActivities, consents, involuntary };
  if (actor?.kind === 'resident') {
    const own = world.residentHousehold.get(actor.id);
    ctx.memberOf = new Set(own ? [own] : []);
  }
  return ctx;
}

function requestAt(rng: Rng, at: Date): Date {
  if (rng.chance(0.85)) return at;
  return new Date(at.getTime() + (rng.int(61) - 30) * DAY + rng.int(DAY));
}

function purposeFor(world: World, inv: InvolvementFact): HelpRequestFact | null {
  if (inv.subActivityId !== null) {
    const sub = world.subActivities.get(inv.subActivityId);
    return sub ? (world.helpRequests.get(sub.helpRequestId) ?? null) : null;
  }
  if (inv.helpRequestId !== null) return world.helpRequests.get(inv.helpRequestId) ?? null;
  return null;
}

export function generateRequests(catalogue: Catalogue, world: World, rng: Rng, size: number): GateRequest[] {
  const cv = view(catalogue);
  const out: GateRequest[] = [];
  const residents = [...world.residentHousehold.keys()];
  const officers = world.professionals.filter((p) => p.roles.includes('privacy_officer'));
  const professionalById = new Map(world.professionals.map((p) => [p.id, p]));
  const providerInvolvements = world.involvements.filter((i) => i.role === 'provider' && i.subActivityId !== null && world.subActivities.has(i.subActivityId));
  const vitalFlowsInto = (law: string) => catalogue.flows.filter((f) => f.vitalInterestOverride && f.to === law).map((f) => f.from);
  const approvedRecords = world.households.flatMap((hh) =>
    hh.involuntary.filter((v) => v.status === 'approved' && v.categories.length > 0 && (v.validUntil === null || v.validUntil > world.at)).map((v) => ({ hh, v })),
  );
  for (let n = 0; n < size; n++) {
    let scenario = rng.weighted<string>([
      ['no-actor', 2],
      ['system', 6],
      ['resident', 12],
      ['oversight', 5],
      ['involved', 51],
      ['consent', 8],
      ['secrecy', 4],
      ['colleague', 9],
      ['unknown-fact', 3],
      ['vital', 3],
    ]);
    if (scenario === 'vital' && approvedRecords.length === 0) scenario = 'involved';
    const at = requestAt(rng, world.at);
    const action = rng.weighted(ACTIONS);
    const hh = rng.pick(world.households);
    let actor: Actor | null = null;
    let purpose: HelpRequestFact | null = null;
    let item: GateItem;
    switch (scenario) {
      case 'no-actor':
        purpose = rng.pick(hh.helpRequests);
        item = makeItem(rng, cv, world, hh, { purpose });
        break;
      case 'system':
        actor = { kind: 'system', context: rng.pick(SYSTEM_CONTEXTS) };
        item = makeItem(rng, cv, world, hh, { purpose: null });
        break;
      case 'resident': {
        const rid = rng.pick(residents);
        actor = { kind: 'resident', id: rid, displayName: rid };
        const home = world.householdById.get(world.residentHousehold.get(rid)!)!;
        const target = rng.chance(0.75) ? home : hh;
        item = makeItem(rng, cv, world, target, { purpose: null });
        if (target === home && item.residentId !== null && rng.chance(0.4)) item = { ...item, residentId: rid, ...(item.type === 'resident' ? { id: rid } : {}) };
        break;
      }
      case 'oversight': {
        actor = rng.weighted<Actor>([
          [rng.pick(officers), 35],
          [{ kind: 'resident', id: rng.pick(hh.members), displayName: 'r' }, 35],
          [rng.pick(world.professionals), 20],
          [{ kind: 'system', context: rng.pick(SYSTEM_CONTEXTS) }, 10],
        ]);
        const base = makeItem(rng, cv, world, hh, { purpose: null });
        item = { ...base, type: 'access_metadata', category: rng.chance(0.9) ? 'involvement' : base.category };
        if (actor.kind === 'resident' && rng.chance(0.6)) item = { ...item, residentId: actor.id };
        if (rng.chance(0.3)) purpose = rng.pick(hh.helpRequests);
        break;
      }
      case 'involved':
      case 'consent':
      case 'unknown-fact': {
        const inv = rng.pick(world.involvements);
        actor = professionalById.get(inv.professionalId) ?? null;
        const home = world.householdById.get(inv.householdId)!;
        const covered = purposeFor(world, inv);
        purpose = rng.weighted<HelpRequestFact | null>([
          [covered ?? rng.pick(home.helpRequests), 82],
          [rng.pick(home.helpRequests), 10],
          [rng.pick(hh.helpRequests), 5],
          [null, 3],
        ]);
        const itemHh = purpose && rng.chance(0.95) ? world.householdById.get(purpose.householdId)! : home;
        const sub = inv.subActivityId ? world.subActivities.get(inv.subActivityId) : undefined;
        let alignWith: ItemHints['alignWith'];
        if (scenario === 'consent' && purpose) {
          const own = world.householdById.get(purpose.householdId)!;
          const consents = own.consents.filter((c) => c.helpRequestId === purpose!.id);
          const records = own.involuntary.filter((v) => v.helpRequestId === purpose!.id);
          const fromConsents: NonNullable<ItemHints['alignWith']>[] = consents.map((c) => ({ residentId: c.residentId, categories: c.categories, sourceLaw: c.sourceLaw }));
          const fromRecords: NonNullable<ItemHints['alignWith']>[] = records.map((v) => ({ residentId: v.residentId, categories: v.categories }));
          const pool = fromRecords.length > 0 && (fromConsents.length === 0 || rng.chance(0.4)) ? fromRecords : fromConsents;
          if (pool.length > 0) alignWith = rng.pick(pool);
        }
        item = makeItem(rng, cv, world, itemHh, { purpose, sub, alignWith });
        if (scenario === 'unknown-fact') {
          const which = rng.pick(['category', 'level', 'source', 'law', 'secrecy'] as const);
          if (which === 'category') item = { ...item, category: UNKNOWN.category };
          if (which === 'level') item = { ...item, confidentiality: UNKNOWN.level };
          if (which === 'source') item = { ...item, source: UNKNOWN.source };
          if (which === 'law') item = { ...item, collectedForLaw: UNKNOWN.law };
          if (which === 'secrecy') item = { ...item, secrecyOrigin: UNKNOWN.secrecyOrigin };
        }
        break;
      }
      case 'vital': {
        // Another law's datum without consent, where an approved involuntary-processing record may stand in (inv-vital).
        const { hh: own, v } = rng.pick(approvedRecords);
        purpose = world.helpRequests.get(v.helpRequestId)!;
        const hrId = purpose.id;
        const covering = own.involvements.filter((i) => (i.role === 'case_worker' || i.role === 'director') && (i.helpRequestId === null || i.helpRequestId === hrId));
        actor = covering.length > 0 ? (professionalById.get(rng.pick(covering).professionalId) ?? null) : rng.pick(world.professionals);
        const from = vitalFlowsInto(purpose.law);
        const base = makeItem(rng, cv, world, own, { purpose });
        const category = rng.pick(v.categories);
        item = {
          ...base,
          type: 'data_item',
          category,
          residentId: rng.chance(0.9) ? v.residentId : base.residentId,
          collectedForLaw: from.length > 0 && rng.chance(0.85) ? rng.pick(from) : base.collectedForLaw,
          source: rng.pick([null, 'resident', 'own_observation']),
          confidentiality: rng.chance(0.8) ? (cv.defaultLevel.get(category) ?? 'vertrouwelijk') : base.confidentiality,
          secrecyOrigin: null,
          subActivityId: null,
        };
        delete item.lifeDomain;
        break;
      }
      case 'secrecy': {
        // A chain partner receives data that came from a secrecy holder (conf-derived).
        const inv = rng.pick(providerInvolvements);
        const sub = world.subActivities.get(inv.subActivityId!)!;
        actor = professionalById.get(inv.professionalId) ?? null;
        purpose = world.helpRequests.get(sub.helpRequestId)!;
        const own = world.householdById.get(purpose.householdId)!;
        const consents = own.consents.filter((c) => c.helpRequestId === purpose!.id && c.kind !== 'written_no_objection');
        const consent = consents.length > 0 && rng.chance(0.7) ? rng.pick(consents) : undefined;
        const base = makeItem(rng, cv, world, own, { purpose, sub });
        const category = consent && consent.categories.length > 0 && rng.chance(0.8) ? rng.pick(consent.categories) : sub.dataCategories.length > 0 ? rng.pick(sub.dataCategories) : base.category;
        item = {
          ...base,
          type: 'data_item',
          category,
          residentId: rng.chance(0.8) ? sub.residentId : base.residentId,
          collectedForLaw: rng.chance(0.7) ? purpose.law : null,
          source: rng.pick([null, 'provider', 'resident']),
          secrecyOrigin: rng.pick(cv.secrecyOrigins),
          subActivityId: null,
          recordedByOrganisationId: rng.chance(0.8) ? rng.pick(world.providerOrgs) : null,
          confidentiality: rng.chance(0.7) ? 'zaakvertrouwelijk' : base.confidentiality,
        };
        delete item.lifeDomain;
        break;
      }
      default: {
        // An uninvolved (or differently involved) colleague, or a staff role.
        actor = rng.pick(world.professionals);
        purpose = rng.chance(0.95) ? rng.pick(hh.helpRequests) : null;
        item = makeItem(rng, cv, world, hh, { purpose });
      }
    }
    out.push({ context: contextFor(world, actor, purpose, item, at), action, item, scenario });
  }
  return out;
}

export function generateCorpus(opts: CorpusOptions): Corpus {
  const rng = createRng(opts.seed);
  const households = opts.households ?? Math.max(20, Math.ceil(opts.size / 50));
  itemSeq = 0;
  const world = generateWorld(opts.catalogue, rng, households);
  const requests = generateRequests(opts.catalogue, world, rng, opts.size);
  return { seed: opts.seed, world, requests };
}

/** Rule ids a corpus must make decide() deny with, so that every generic check is exercised. */
export const DENY_RULES_EXERCISED = [
  'gate-actor-known',
  'gate-unknown-fact',
  'fg-oversight',
  'system-context',
  'resident-not-others',
  'purpose-specified',
  'purpose-household',
  'purpose-open',
  'involvement-required',
  'role-read-only',
  'expert-pseudonymised',
  'need-to-know-sub-activity',
  'provider-own-client',
  'dat-only-director',
  'confidentiality-max',
  'special-category-basis',
  'criminal-data-basis',
  'source-scope',
  'consent-record',
  'cross-law-both-permit',
  'conf-derived',
] as const;

/** Rule ids that must appear among the passed rules of some permit. */
export const PERMIT_RULES_EXERCISED = [
  'fg-oversight',
  'system-context',
  'resident-own-data',
  'purpose-open',
  'involvement-required',
  'need-to-know-sub-activity',
  'provider-own-client',
  'confidentiality-max',
  'special-category-basis',
  'criminal-data-basis',
  'bsn-use',
  'source-scope',
  'consent-record',
  'cross-law-both-permit',
  'inv-vital',
  'conf-derived',
] as const;
