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
import { ZRM_DOMAINS } from '../../src/core/domain/zrm.ts';
import { createRng, type Rng } from './prng.ts';

export const CORPUS_AT = new Date('2026-06-01T10:00:00Z');
const DAY = 86_400_000;

/** Facts no catalogue knows: the gate must fail closed on each. */
export const UNKNOWN = {
  category: 'shoe_size',
  level: 'topsecret',
  source: 'twitter',
  law: 'onbekende-wet',
  task: 'unknown-task',
  secrecyOrigin: 'biechtgeheim',
} as const;

export interface GateRequest {
  context: GateContext;
  action: Action;
  item: GateItem;
  /** Which generator branch made it (for coverage reports). */
  scenario: string;
}

export interface Household {
  id: string;
  members: string[];
  helpRequests: HelpRequestFact[];
  subActivities: SubActivityFact[];
  involvements: InvolvementFact[];
  consents: ConsentFact[];
  involuntary: InvoluntaryFact[];
}

type Professional = Extract<Actor, { kind: 'professional' }>;

export interface World {
  at: Date;
  households: Household[];
  householdById: Map<string, Household>;
  helpRequests: Map<string, HelpRequestFact>;
  subActivities: Map<string, SubActivityFact>;
  involvements: InvolvementFact[];
  involvementsByProfessional: Map<string, InvolvementFact[]>;
  professionals: Professional[];
  /** Resident id → household id. */
  residentHousehold: Map<string, string>;
  teamOrgs: string[];
  providerOrgs: string[];
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

const HR_STATUS: readonly (readonly [HelpRequestFact['status'], number])[] = [
  ['in_progress', 40],
  ['triaged', 15],
  ['registered', 15],
  ['closed', 20],
  ['withdrawn', 10],
];

const SUB_STATUS: readonly (readonly [SubActivityFact['status'], number])[] = [
  ['active', 60],
  ['proposed', 15],
  ['completed', 15],
  ['stopped', 10],
];

const ZRM = ZRM_DOMAINS.map((d) => d.code as string);

interface CatalogueView {
  categories: string[];
  identifying: string[];
  defaultLevel: Map<string, string>;
  sources: string[];
  tasks: { code: string; law: string }[];
  laws: string[];
  domainLaws: string[];
  secrecyOrigins: string[];
}

function view(catalogue: Catalogue): CatalogueView {
  const domainLaw = new Map(catalogue.domains.map((d) => [d.code, d.law]));
  return {
    categories: catalogue.categories.map((c) => c.code),
    identifying: catalogue.categories.filter((c) => c.identifying).map((c) => c.code),
    defaultLevel: new Map(catalogue.categories.map((c) => [c.code, c.defaultConfidentiality])),
    sources: catalogue.sources.map((s) => s.code),
    tasks: catalogue.tasks.map((t) => ({ code: t.code, law: domainLaw.get(t.domain) ?? t.law })),
    laws: catalogue.laws.map((l) => l.code),
    domainLaws: [...new Set(catalogue.domains.map((d) => d.law))],
    secrecyOrigins: catalogue.secrecyOrigins.map((s) => s.code),
  };
}

function period(rng: Rng, at: number): { validFrom: Date; validUntil: Date | null } {
  const past = (max: number) => at - (1 + rng.int(max)) * DAY - rng.int(DAY);
  const future = (max: number) => at + (1 + rng.int(max)) * DAY + rng.int(DAY);
  const kind = rng.weighted([
    ['open', 50],
    ['bounded', 15],
    ['ended', 12],
    ['ended-long-ago', 4],
    ['future', 8],
    ['ends-now', 4],
    ['starts-now', 4],
    ['ends-in-a-second', 3],
  ] as const);
  switch (kind) {
    case 'open':
      return { validFrom: new Date(past(400)), validUntil: null };
    case 'bounded':
      return { validFrom: new Date(past(200)), validUntil: new Date(future(60)) };
    case 'ended': {
      const until = past(20);
      return { validFrom: new Date(until - (1 + rng.int(200)) * DAY), validUntil: new Date(until) };
    }
    case 'ended-long-ago':
      return { validFrom: new Date(at - 900 * DAY), validUntil: new Date(at - 500 * DAY) };
    case 'future':
      return { validFrom: new Date(future(30)), validUntil: rng.chance(0.5) ? null : new Date(future(30) + 60 * DAY) };
    case 'ends-now':
      return { validFrom: new Date(past(100)), validUntil: new Date(at) };
    case 'starts-now':
      return { validFrom: new Date(at), validUntil: rng.chance(0.5) ? null : new Date(future(30)) };
    case 'ends-in-a-second':
      return { validFrom: new Date(past(100)), validUntil: new Date(at + 1000) };
  }
}

function maxLevel(rng: Rng): string {
  return rng.weighted<string>([
    ['vertrouwelijk', 40],
    ['confidentieel', 20],
    ['zaakvertrouwelijk', 12],
    ['geheim', 6],
    ['zeer_geheim', 4],
    ['intern', 5],
    ['beperkt_openbaar', 4],
    ['openbaar', 4],
    [UNKNOWN.level, 2],
  ]);
}

function professionals(): Professional[] {
  const out: Professional[] = [];
  const prof = (id: string, organisationId: string, roles: StaffRole[]) =>
    out.push({ kind: 'professional', id, organisationId, roles, displayName: id });
  for (let i = 0; i < 12; i++) prof(`p-dir-${i}`, `org-team-${i % 2}`, i === 0 ? ['professional', 'functional_admin'] : ['professional']);
  for (let i = 0; i < 40; i++) prof(`p-cw-${i}`, `org-team-${i % 2}`, ['professional']);
  for (let i = 0; i < 8; i++) prof(`p-exp-${i}`, `org-team-${i % 2}`, ['professional']);
  for (let o = 0; o < 5; o++) for (let i = 0; i < 4; i++) prof(`p-prov-${o}-${i}`, `org-prov-${o}`, ['chain_partner']);
  prof('p-fg-0', 'org-team-0', ['privacy_officer']);
  prof('p-fg-1', 'org-team-1', ['privacy_officer', 'professional']);
  prof('p-klacht-0', 'org-team-0', ['complaints_commissioner']);
  prof('p-admin-0', 'org-team-0', ['functional_admin']);
  prof('p-archief-0', 'org-team-0', ['archivist']);
  return out;
}

export function generateWorld(catalogue: Catalogue, rng: Rng, householdCount: number, at: Date = CORPUS_AT): World {
  const cv = view(catalogue);
  const now = at.getTime();
  const pros = professionals();
  const byPrefix = (p: string) => pros.filter((x) => x.id.startsWith(p));
  const directors = byPrefix('p-dir-');
  const caseWorkers = byPrefix('p-cw-');
  const experts = byPrefix('p-exp-');
  const staff = pros.filter((p) => p.id.startsWith('p-fg-') || p.id.startsWith('p-klacht') || p.id.startsWith('p-admin') || p.id.startsWith('p-archief'));
  const providerOrgs = [0, 1, 2, 3, 4].map((o) => `org-prov-${o}`);
  const providerStaff = (org: string) => pros.filter((p) => p.organisationId === org);

  const households: Household[] = [];
  const helpRequests = new Map<string, HelpRequestFact>();
  const subActivities = new Map<string, SubActivityFact>();
  const involvements: InvolvementFact[] = [];
  const residentHousehold = new Map<string, string>();
  let invSeq = 0;
  const addInv = (hh: Household, over: Omit<InvolvementFact, 'id' | 'householdId' | 'validFrom' | 'validUntil'>): void => {
    const inv: InvolvementFact = { id: `inv-${invSeq++}`, householdId: hh.id, ...period(rng, now), ...over };
    hh.involvements.push(inv);
    involvements.push(inv);
  };

  for (let h = 0; h < householdCount; h++) {
    const hh: Household = { id: `hh-${h}`, members: [], helpRequests: [], subActivities: [], involvements: [], consents: [], involuntary: [] };
    const size = 1 + rng.int(5);
    for (let m = 0; m < size; m++) {
      const id = `r-${h}-${m}`;
      hh.members.push(id);
      residentHousehold.set(id, hh.id);
    }
    const hrCount = 1 + rng.int(4);
    for (let k = 0; k < hrCount; k++) {
      const unknownTask = rng.chance(0.02);
      const task = unknownTask ? { code: UNKNOWN.task, law: 'wmo2015' } : rng.pick(cv.tasks);
      const hr: HelpRequestFact = {
        id: `hr-${h}-${k}`,
        householdId: hh.id,
        residentId: rng.pick(hh.members),
        taskCode: task.code,
        law: task.law,
        status: rng.weighted(HR_STATUS),
      };
      hh.helpRequests.push(hr);
      helpRequests.set(hr.id, hr);
    }

    // Involvements: a household-wide director, case workers and experts per help request.
    if (rng.chance(0.85)) addInv(hh, { professionalId: rng.pick(directors).id, helpRequestId: null, subActivityId: null, role: 'director', maxConfidentiality: rng.chance(0.5) ? 'confidentieel' : maxLevel(rng) });
    for (const hr of hh.helpRequests) {
      if (rng.chance(0.9)) addInv(hh, { professionalId: rng.pick(caseWorkers).id, helpRequestId: hr.id, subActivityId: null, role: 'case_worker', maxConfidentiality: maxLevel(rng) });
      if (rng.chance(0.2)) addInv(hh, { professionalId: rng.pick(caseWorkers).id, helpRequestId: hr.id, subActivityId: null, role: 'case_worker', maxConfidentiality: maxLevel(rng) });
      if (rng.chance(0.05)) addInv(hh, { professionalId: rng.pick(caseWorkers).id, helpRequestId: null, subActivityId: null, role: 'case_worker', maxConfidentiality: maxLevel(rng) });
      if (rng.chance(0.15)) addInv(hh, { professionalId: rng.pick(experts).id, helpRequestId: hr.id, subActivityId: null, role: 'expert', maxConfidentiality: maxLevel(rng) });
      // A staff member who is also involved (the role neither adds nor takes away).
      if (rng.chance(0.02)) addInv(hh, { professionalId: rng.pick(staff).id, helpRequestId: hr.id, subActivityId: null, role: 'case_worker', maxConfidentiality: maxLevel(rng) });

      // Sub-activities of the plan, carried out by chain partners.
      const subCount = hr.status === 'registered' ? 0 : rng.weighted([[0, 35], [1, 45], [2, 20]] as const);
      for (let s = 0; s < subCount; s++) {
        const declared = new Set<string>(rng.subset(cv.identifying, 0.6));
        for (const c of rng.subset(cv.categories, 0.2)) declared.add(c);
        if (rng.chance(0.5)) declared.add('care_record');
        if (rng.chance(0.3)) declared.add('plan');
        const sub: SubActivityFact = {
          id: `sa-${hr.id}-${s}`,
          helpRequestId: hr.id,
          organisationId: rng.pick(providerOrgs),
          residentId: rng.chance(0.75) ? hr.residentId : rng.pick(hh.members),
          lifeDomain: rng.chance(0.85) ? rng.pick(ZRM) : null,
          dataCategories: [...declared],
          status: rng.weighted(SUB_STATUS),
        };
        hh.subActivities.push(sub);
        subActivities.set(sub.id, sub);
        // The resident's consent to share with the partner (derived secrecy, Wmo 5.3.3 / Jeugdwet 7.3.11).
        if (rng.chance(0.35)) {
          hh.consents.push({
            residentId: sub.residentId,
            helpRequestId: hr.id,
            kind: rng.chance(0.6) ? 'ordinary' : 'explicit',
            categories: rng.subset(sub.dataCategories, 0.5),
            sourceLaw: null,
            targetLaw: rng.chance(0.5) ? null : hr.law,
            recipientOrganisationId: rng.chance(0.6) ? sub.organisationId : rng.chance(0.5) ? null : rng.pick(providerOrgs),
            givenAt: new Date(now - (1 + rng.int(100)) * DAY),
            withdrawnAt: rng.chance(0.85) ? null : new Date(now - rng.int(10) * DAY),
          });
        }
        if (rng.chance(0.9)) {
          addInv(hh, {
            professionalId: rng.pick(providerStaff(sub.organisationId)).id,
            helpRequestId: rng.chance(0.7) ? null : sub.helpRequestId,
            subActivityId: sub.id,
            role: 'provider',
            maxConfidentiality: maxLevel(rng),
          });
        }
      }
      // Misconfigured provider involvements: a sub-activity that does not exist, or none at all.
      if (rng.chance(0.03)) addInv(hh, { professionalId: rng.pick(providerStaff(rng.pick(providerOrgs))).id, helpRequestId: null, subActivityId: `sa-missing-${hr.id}`, role: 'provider', maxConfidentiality: maxLevel(rng) });
      if (rng.chance(0.02)) addInv(hh, { professionalId: rng.pick(providerStaff(rng.pick(providerOrgs))).id, helpRequestId: hr.id, subActivityId: null, role: 'provider', maxConfidentiality: maxLevel(rng) });

      // Consents and refusals recorded with the conversation report.
      const consentCount = rng.weighted([[0, 35], [1, 35], [2, 20], [3, 10]] as const);
      for (let c = 0; c < consentCount; c++) hh.consents.push(randomConsent(rng, cv, hh, hr, now, providerOrgs));
      if (rng.chance(0.4)) {
        hh.consents.push({
          residentId: hr.residentId,
          helpRequestId: hr.id,
          kind: rng.weighted([['explicit', 70], ['written_no_objection', 20], ['ordinary', 10]] as const),
          categories: rng.subset(cv.categories, 0.25),
          sourceLaw: rng.chance(0.3) ? null : rng.pick([...cv.domainLaws, 'suwi']),
          targetLaw: rng.chance(0.4) ? null : hr.law,
          recipientOrganisationId: rng.chance(0.7) ? null : rng.pick(providerOrgs),
          givenAt: new Date(now - (1 + rng.int(100)) * DAY),
          withdrawnAt: null,
        });
      }
      // Involuntary-processing records.
      if (rng.chance(0.25)) {
        const n = 1 + rng.int(2);
        for (let v = 0; v < n; v++) {
          hh.involuntary.push({
            helpRequestId: rng.chance(0.9) ? hr.id : rng.pick(hh.helpRequests).id,
            residentId: rng.chance(0.8) ? hr.residentId : rng.pick(hh.members),
            categories: rng.subset(cv.categories, 0.3),
            status: rng.weighted([['approved', 50], ['draft', 20], ['rejected', 15], ['ended', 15]] as const),
            validUntil: rng.weighted<Date | null>([
              [null, 50],
              [new Date(now + (1 + rng.int(60)) * DAY), 30],
              [new Date(now - (1 + rng.int(60)) * DAY), 15],
              [new Date(now), 5],
            ]),
          });
        }
      }
    }
    households.push(hh);
  }

  // Some case workers are also involved with a second household; some involvements name a help
  // request of another household (a data error the gate must not turn into access).
  for (let i = 0; i < Math.max(1, Math.floor(householdCount / 10)); i++) {
    const hh = rng.pick(households);
    const other = rng.pick(households);
    const inv: InvolvementFact = {
      id: `inv-${invSeq++}`,
      professionalId: rng.pick(caseWorkers).id,
      householdId: hh.id,
      helpRequestId: rng.pick(other.helpRequests).id,
      subActivityId: null,
      role: 'case_worker',
      maxConfidentiality: maxLevel(rng),
      ...period(rng, now),
    };
    hh.involvements.push(inv);
    involvements.push(inv);
  }

  const involvementsByProfessional = new Map<string, InvolvementFact[]>();
  for (const inv of involvements) {
    const list = involvementsByProfessional.get(inv.professionalId) ?? [];
    list.push(inv);
    involvementsByProfessional.set(inv.professionalId, list);
  }
  return {
    at,
    households,
    householdById: new Map(households.map((h) => [h.id, h])),
    helpRequests,
    subActivities,
    involvements,
    involvementsByProfessional,
    professionals: pros,
    residentHousehold,
    teamOrgs: ['org-team-0', 'org-team-1'],
    providerOrgs,
  };
}

function randomConsent(rng: Rng, cv: CatalogueView, hh: Household, hr: HelpRequestFact, now: number, providerOrgs: string[]): ConsentFact {
  return {
    residentId: rng.chance(0.75) ? hr.residentId : rng.pick(hh.members),
    helpRequestId: rng.chance(0.85) ? hr.id : rng.pick(hh.helpRequests).id,
    kind: rng.weighted([['explicit', 50], ['written_no_objection', 25], ['ordinary', 25]] as const),
    categories: rng.subset(cv.categories, 0.2),
    sourceLaw: rng.chance(0.3) ? null : rng.pick([...cv.domainLaws, 'suwi']),
    targetLaw: rng.weighted<string | null>([[null, 30], [hr.law, 50], [rng.pick(cv.domainLaws), 20]]),
    recipientOrganisationId: rng.chance(0.6) ? null : rng.pick(providerOrgs),
    givenAt: new Date(rng.chance(0.9) ? now - (1 + rng.int(200)) * DAY : now + (1 + rng.int(20)) * DAY),
    withdrawnAt: rng.weighted<Date | null>([
      [null, 70],
      [new Date(now - (1 + rng.int(30)) * DAY), 15],
      [new Date(now + (1 + rng.int(30)) * DAY), 10],
      [new Date(now), 5],
    ]),
  };
}

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
