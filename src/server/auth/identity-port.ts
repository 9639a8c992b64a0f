/**
 * The sign-in side's view of identities: who is this subject or this BSN in our records?
 *
 * Implemented for now by src/data/sign-in-identity.ts with plain lookups. The gate (issue 3) will add
 * processing-log entries to the resident lookup behind this same interface: finding a resident by BSN
 * is a processing of personal data (UAVG art. 46) and must be logged like any other.
 */
import type { Actor } from '../../core/policy/actor.ts';

export interface IdentityPort {
  /**
   * The active professional whose professional.oidc_subject is `sub`, or null. Actor.roles are the
   * roles the database registers for this person (the base role from the organisation kind plus
   * professional.roles); sign-in intersects them with the IdP's role claim.
   */
  professionalBySubject(sub: string): Promise<Actor | null>;
  /** The resident whose BSN blind index matches, or null. The BSN has passed the 11-proef already. */
  residentByBsn(bsn: string): Promise<Actor | null>;
  /** The name of an organisation, for the header of the workspace. */
  organisationName(organisationId: string): Promise<string | null>;
}
