/**
 * Covenants (convenanten, policy §3.6; R8.1): with a partner organisation outside the municipality the
 * municipality agrees which data categories may go to it, for which purposes (municipal tasks), on which
 * legal basis and for which period. Sharing with such a partner that no valid covenant covers is refused,
 * with an explanation (rule `covenant-required`). Pure, like decide(): the repository loads the covenants
 * and the recipient, this decides, and the answer is a Decision that explain() can turn into text.
 *
 * Within the municipality (the college's own teams) no covenant is needed: it is one controller. The
 * gate's other rules (basis, special categories, reciprocity, need-to-know) apply to every share anyway.
 */
import type { CompiledPolicy } from './compile.ts';
import type { Decision } from './decide.ts';

export const COVENANT_RULE = 'covenant-required';

export const COVENANT_STATUSES = ['draft', 'active', 'ended'] as const;
export type CovenantStatus = (typeof COVENANT_STATUSES)[number];

export interface CovenantFact {
  id: string;
  organisationId: string;
  categories: readonly string[];
  /** Municipal task codes (the purposes the covenant covers). */
  purposes: readonly string[];
  /** The rule id of the legal basis the covenant rests on. */
  legalBasis: string;
  /** YYYY-MM-DD; valid from this day (inclusive) … */
  validFrom: string;
  /** … until this day (exclusive), or open-ended. */
  validUntil: string | null;
  status: CovenantStatus;
}

export type OrganisationKind = 'municipality' | 'municipal_team' | 'chain_partner' | 'external_body';

export interface ShareFacts {
  organisationId: string;
  organisationKind: OrganisationKind;
  category: string;
  /** The task of the help request the data are shared for. */
  taskCode: string;
  /** The day of the share, YYYY-MM-DD (covenants run per calendar day). */
  day: string;
}

/** Internal recipients (the college's own organisation and teams) need no covenant. */
export function needsCovenant(kind: OrganisationKind): boolean {
  return kind === 'chain_partner' || kind === 'external_body';
}

type Miss = 'not_active' | 'not_yet_valid' | 'expired' | 'category' | 'purpose' | 'unknown_basis';

/** Order of a near miss: the one that got furthest explains the denial best. */
const MISS_ORDER: readonly Miss[] = ['not_active', 'not_yet_valid', 'expired', 'unknown_basis', 'purpose', 'category'];

function missOf(policy: CompiledPolicy, c: CovenantFact, s: ShareFacts): Miss | null {
  if (c.status !== 'active') return 'not_active';
  if (s.day < c.validFrom) return 'not_yet_valid';
  if (c.validUntil !== null && s.day >= c.validUntil) return 'expired';
  if (!policy.rules.has(c.legalBasis)) return 'unknown_basis';
  if (!c.purposes.includes(s.taskCode)) return 'purpose';
  if (!c.categories.includes(s.category)) return 'category';
  return null;
}

/**
 * May data of `category` go to the organisation for the task? Permit when the recipient is internal, or
 * when an active covenant with the organisation, valid on the day, covers the task and the category and
 * rests on a legal basis the catalogue knows. Deny otherwise, naming the nearest miss in the facts.
 */
export function checkCovenant(policy: CompiledPolicy, covenants: readonly CovenantFact[], s: ShareFacts): Decision {
  const base = { organisation: s.organisationId, category: s.category, task: s.taskCode };
  const decision = (permit: boolean, cited: string[], facts: Decision['facts']): Decision => ({
    permit,
    rule: COVENANT_RULE,
    passed: permit ? [COVENANT_RULE] : [],
    cited,
    facts: { ...base, ...facts },
    involvementId: null,
    catalogueVersion: policy.version,
  });
  if (!needsCovenant(s.organisationKind)) return decision(true, [], { internal: true });
  let nearest: { c: CovenantFact; miss: Miss } | null = null;
  for (const c of covenants) {
    if (c.organisationId !== s.organisationId) continue;
    const miss = missOf(policy, c, s);
    if (miss === null) return decision(true, [c.legalBasis], { covenant: c.id });
    if (nearest === null || MISS_ORDER.indexOf(miss) > MISS_ORDER.indexOf(nearest.miss)) nearest = { c, miss };
  }
  if (nearest === null) return decision(false, [], { covenant: null, miss: 'none' });
  return decision(false, policy.rules.has(nearest.c.legalBasis) ? [nearest.c.legalBasis] : [], { covenant: nearest.c.id, miss: nearest.miss });
}
