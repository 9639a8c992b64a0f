/**
 * A small, fixed world for the gate's decision tables: one household (an adult and a child), help
 * requests in the four domains, and one professional per kind of involvement. Shared by the decision
 * tables, the property-based tests and the Cedar differential test.
 */
import type { Actor } from './actor.ts';
import type { ConsentFact, GateContext, GateItem, HelpRequestFact, InvolvementFact, InvoluntaryFact, SubActivityFact } from './decide.ts';

export const AT = new Date('2026-06-01T10:00:00Z');
const DAY = 86_400_000;

export const H = 'h0000000-0000-4000-8000-000000000001';
export const H2 = 'h0000000-0000-4000-8000-000000000002';
export const ADULT = 'r0000000-0000-4000-8000-00000000000a';
export const CHILD = 'r0000000-0000-4000-8000-00000000000c';
export const ORG_TEAM = 'o0000000-0000-4000-8000-0000000000t1';
export const ORG_PROVIDER = 'o0000000-0000-4000-8000-0000000000p1';
export const ORG_OTHER_PROVIDER = 'o0000000-0000-4000-8000-0000000000p2';

export const HR: Record<'wmo' | 'wmoMaatwerk' | 'jeugd' | 'pw' | 'wgs' | 'closed' | 'other', HelpRequestFact> = {
  wmo: { id: 'hr-wmo', householdId: H, residentId: ADULT, taskCode: 'wmo-onderzoek', law: 'wmo2015', status: 'in_progress' },
  wmoMaatwerk: { id: 'hr-wmo-mw', householdId: H, residentId: ADULT, taskCode: 'wmo-maatwerkvoorziening', law: 'wmo2015', status: 'in_progress' },
  jeugd: { id: 'hr-jeugd', householdId: H, residentId: CHILD, taskCode: 'jeugd-hulp', law: 'jeugdwet', status: 'in_progress' },
  pw: { id: 'hr-pw', householdId: H, residentId: ADULT, taskCode: 'pw-levensonderhoud', law: 'pw', status: 'triaged' },
  wgs: { id: 'hr-wgs', householdId: H, residentId: ADULT, taskCode: 'wgs-schuldhulp', law: 'wgs', status: 'in_progress' },
  closed: { id: 'hr-closed', householdId: H, residentId: ADULT, taskCode: 'wmo-onderzoek', law: 'wmo2015', status: 'closed' },
  other: { id: 'hr-other', householdId: H2, residentId: 'r-other', taskCode: 'wmo-onderzoek', law: 'wmo2015', status: 'in_progress' },
};

export const SUB: SubActivityFact = {
  id: 'sa-begeleiding',
  helpRequestId: 'hr-wmo-mw',
  organisationId: ORG_PROVIDER,
  residentId: ADULT,
  lifeDomain: 'instrumentele_adl',
  dataCategories: ['identity', 'address', 'contact', 'daily_functioning', 'care_needs', 'care_record'],
  status: 'active',
};

function prof(id: string, organisationId: string, roles: Actor extends { roles: infer R } ? R : never = ['professional'] as never): Actor {
  return { kind: 'professional', id, organisationId, roles: roles as never, displayName: id };
}

export const ACTORS = {
  director: prof('p-director', ORG_TEAM),
  consulent: prof('p-consulent', ORG_TEAM),
  jeugdconsulent: prof('p-jeugd', ORG_TEAM),
  pwconsulent: prof('p-pw', ORG_TEAM),
  wgsconsulent: prof('p-wgs', ORG_TEAM),
  provider: prof('p-provider', ORG_PROVIDER, ['chain_partner'] as never),
  expert: prof('p-expert', ORG_TEAM),
  ended: prof('p-ended', ORG_TEAM),
  future: prof('p-future', ORG_TEAM),
  stranger: prof('p-stranger', ORG_TEAM),
  officer: prof('p-officer', ORG_TEAM, ['privacy_officer'] as never),
  restricted: prof('p-restricted', ORG_TEAM),
  adult: { kind: 'resident', id: ADULT, displayName: 'adult' } as Actor,
  child: { kind: 'resident', id: CHILD, displayName: 'child' } as Actor,
  seed: { kind: 'system', context: 'seed' } as Actor,
};

function inv(id: string, professionalId: string, over: Partial<InvolvementFact>): InvolvementFact {
  return {
    id,
    professionalId,
    householdId: H,
    helpRequestId: null,
    subActivityId: null,
    role: 'case_worker',
    maxConfidentiality: 'vertrouwelijk',
    validFrom: new Date(AT.getTime() - 30 * DAY),
    validUntil: null,
    ...over,
  };
}

export const INVOLVEMENTS: InvolvementFact[] = [
  inv('i-director', 'p-director', { role: 'director', maxConfidentiality: 'confidentieel' }),
  inv('i-consulent', 'p-consulent', { helpRequestId: 'hr-wmo' }),
  inv('i-consulent-mw', 'p-consulent', { helpRequestId: 'hr-wmo-mw' }),
  inv('i-consulent-closed', 'p-consulent', { helpRequestId: 'hr-closed' }),
  inv('i-jeugd', 'p-jeugd', { helpRequestId: 'hr-jeugd', maxConfidentiality: 'confidentieel' }),
  inv('i-pw', 'p-pw', { helpRequestId: 'hr-pw' }),
  inv('i-wgs', 'p-wgs', { helpRequestId: 'hr-wgs' }),
  inv('i-provider', 'p-provider', { role: 'provider', subActivityId: 'sa-begeleiding' }),
  inv('i-expert', 'p-expert', { role: 'expert', helpRequestId: 'hr-wmo' }),
  inv('i-ended', 'p-ended', { helpRequestId: 'hr-wmo', validFrom: new Date(AT.getTime() - 60 * DAY), validUntil: new Date(AT.getTime() - DAY) }),
  inv('i-future', 'p-future', { helpRequestId: 'hr-wmo', validFrom: new Date(AT.getTime() + DAY) }),
  inv('i-stranger', 'p-stranger', { householdId: H2, helpRequestId: 'hr-other' }),
  inv('i-restricted', 'p-restricted', { helpRequestId: 'hr-wmo', maxConfidentiality: 'zaakvertrouwelijk' }),
];

export interface WorldOptions {
  consents?: ConsentFact[];
  involuntary?: InvoluntaryFact[];
}

export function ctx(actor: Actor | null, purpose: HelpRequestFact | null, opts: WorldOptions = {}, at: Date = AT): GateContext {
  return {
    actor,
    purpose,
    at,
    involvements: INVOLVEMENTS,
    subActivities: new Map([[SUB.id, SUB]]),
    consents: opts.consents ?? [],
    involuntary: opts.involuntary ?? [],
    memberOf: actor?.kind === 'resident' ? new Set([H]) : undefined,
  };
}

export function dataItem(over: Partial<GateItem>): GateItem {
  return {
    type: 'data_item',
    id: 'di',
    householdId: H,
    residentId: ADULT,
    category: 'care_needs',
    collectedForLaw: 'wmo2015',
    source: 'resident',
    confidentiality: 'vertrouwelijk',
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: ORG_TEAM,
    ...over,
  };
}

export function residentField(category: string, residentId = ADULT): GateItem {
  return dataItem({ type: 'resident', id: residentId, residentId, category, collectedForLaw: null, source: category === 'contact' ? 'resident' : 'brp', confidentiality: 'zaakvertrouwelijk', recordedByOrganisationId: null });
}

export function consent(over: Partial<ConsentFact>): ConsentFact {
  return {
    residentId: ADULT,
    helpRequestId: 'hr-wmo',
    kind: 'explicit',
    categories: ['health_mental'],
    sourceLaw: 'jeugdwet',
    targetLaw: 'wmo2015',
    recipientOrganisationId: null,
    givenAt: new Date(AT.getTime() - DAY),
    withdrawnAt: null,
    ...over,
  };
}
