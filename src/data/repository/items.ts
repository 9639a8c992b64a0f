/**
 * How each kind of record is presented to the gate: its data subject, category, the law it was
 * collected under, source, confidentiality and provenance. One place, so every view decides alike.
 */
import type { CompiledPolicy } from '../../core/policy/compile.ts';
import type { GateItem } from '../../core/policy/decide.ts';
import { lawOfTask } from '../gate/facts.ts';

/** Resident record fields by category (projection: a field leaves only when its category is permitted). */
export const RESIDENT_CATEGORIES = ['identity', 'address', 'contact'] as const;

export function residentItem(
  r: { id: string; confidentiality: string },
  householdId: string,
  category: string,
): GateItem {
  return {
    type: 'resident',
    id: r.id,
    householdId,
    residentId: r.id,
    category,
    collectedForLaw: null,
    // Name, birth date and address come from the BRP; contact details from the resident.
    source: category === 'contact' ? 'resident' : 'brp',
    confidentiality: r.confidentiality,
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}

export function helpRequestItem(
  policy: CompiledPolicy,
  h: { id: string; household_id: string; resident_id: string; task_code: string; confidentiality: string },
): GateItem {
  return {
    type: 'help_request',
    id: h.id,
    householdId: h.household_id,
    residentId: h.resident_id,
    category: 'case',
    collectedForLaw: lawOfTask(policy, h.task_code),
    source: null,
    confidentiality: h.confidentiality,
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}

function defaultLevel(policy: CompiledPolicy, category: string): string {
  return policy.categories.get(category)?.defaultConfidentiality ?? 'zeer_geheim';
}

export function planItem(policy: CompiledPolicy, p: { id: string; household_id: string }): GateItem {
  return {
    type: 'plan',
    id: p.id,
    householdId: p.household_id,
    residentId: null,
    category: 'plan',
    collectedForLaw: null,
    source: null,
    confidentiality: defaultLevel(policy, 'plan'),
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}

export function goalItem(
  policy: CompiledPolicy,
  householdId: string,
  g: { id: string; life_domain: string; help_request_law: string | null },
): GateItem {
  return {
    type: 'plan_goal',
    id: g.id,
    householdId,
    residentId: null,
    category: 'plan',
    collectedForLaw: g.help_request_law,
    source: null,
    confidentiality: defaultLevel(policy, 'plan'),
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
    lifeDomain: g.life_domain,
  };
}

/** A sub-activity as DAT-information: partner, sub-activity, since, status — never care content (R2.3). */
export function subActivityItem(policy: CompiledPolicy, householdId: string, s: { id: string; resident_id: string }): GateItem {
  return {
    type: 'sub_activity',
    id: s.id,
    householdId,
    residentId: s.resident_id,
    category: 'involvement',
    collectedForLaw: null,
    source: null,
    confidentiality: defaultLevel(policy, 'involvement'),
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}

export function dataItemItem(
  d: {
    id: string;
    household_id: string;
    resident_id: string;
    category: string;
    source: string;
    confidentiality: string;
    secrecy_origin: string | null;
    sub_activity_id: string | null;
  },
  collectedForLaw: string,
  recordedByOrganisationId: string | null,
): GateItem {
  return {
    type: 'data_item',
    id: d.id,
    householdId: d.household_id,
    residentId: d.resident_id,
    category: d.category,
    collectedForLaw,
    source: d.source,
    confidentiality: d.confidentiality,
    secrecyOrigin: d.secrecy_origin,
    subActivityId: d.sub_activity_id,
    recordedByOrganisationId,
  };
}
