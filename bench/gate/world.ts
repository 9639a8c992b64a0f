/**
 * The generated world of the gate corpus (see corpus.ts): households and their members, help
 * requests in the catalogue's tasks, involvements of every role and period, sub-activities,
 * consents and involuntary-processing records, all from a seeded PRNG.
 */
import type { Actor, StaffRole } from '../../src/core/policy/actor.ts';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import type { ConsentFact, HelpRequestFact, InvolvementFact, InvoluntaryFact, SubActivityFact } from '../../src/core/policy/decide.ts';
import { ZRM_DOMAINS } from '../../src/core/domain/zrm.ts';
import type { Rng } from './prng.ts';

export const CORPUS_AT = new Date('2026-06-01T10:00:00Z');
export const DAY = 86_400_000;

/** Facts no catalogue knows: the gate must fail closed on each. */
export const UNKNOWN = {
  category: 'shoe_size',
  level: 'topsecret',
  source: 'twitter',
  law: 'onbekende-wet',
  task: 'unknown-task',
  secrecyOrigin: 'biechtgeheim',
} as const;

export interface Household {
  id: string;
  members: string[];
  helpRequests: HelpRequestFact[];
  subActivities: SubActivityFact[];
  involvements: InvolvementFact[];
  consents: ConsentFact[];
  involuntary: InvoluntaryFact[];
}

export type Professional = Extract<Actor, { kind: 'professional' }>;

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

export const ZRM = ZRM_DOMAINS.map((d) => d.code as string);

export interface CatalogueView {
  categories: string[];
  identifying: string[];
  defaultLevel: Map<string, string>;
  sources: string[];
  tasks: { code: string; law: string }[];
  laws: string[];
  domainLaws: string[];
  secrecyOrigins: string[];
}

export function view(catalogue: Catalogue): CatalogueView {
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

