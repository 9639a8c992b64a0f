/**
 * From an IdP's claims to what sign-in needs: pure functions, no I/O (docs/sign-in.md "Claims").
 *
 * Staff: the subject claim (STAFF_OIDC_SUBJECT_CLAIM, default `sub`) names the professional; the roles
 * claim (STAFF_OIDC_ROLES_CLAIM, default `roles`; `none` = take roles from the database only) lists the
 * roles the IdP grants. A required `acr` or `amr` (STAFF_OIDC_REQUIRED_ACR / _AMR, comma-separated:
 * any one of them suffices) proves multi-factor authentication (BIO2 5.17.01).
 *
 * Residents: the BSN claim (RESIDENT_OIDC_BSN_CLAIM, default `bsn`). Brokers deliver it bare
 * ("999900018") or with a sector prefix ("s00000000:999900018"); the part after the last colon counts.
 */
import { AppError } from '../../core/errors.ts';
import { normaliseBsn, isValidBsn } from '../../core/domain/bsn.ts';
import { STAFF_ROLES, type StaffRole } from '../../core/policy/actor.ts';

export type Claims = Record<string, unknown>;

export interface StaffClaimSettings {
  subjectClaim: string;
  rolesClaim: string;
  requiredAcr?: string;
  requiredAmr?: string;
}

/** Read a claim by name; a dotted name reads a nested claim (`realm_access.roles`). */
export function claimValue(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let cur: unknown = claims;
  for (const part of name.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function list(setting: string | undefined): string[] {
  return (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** BIO2 5.17.01: refuse a staff sign-in without the configured authentication strength. */
export function assertMultiFactor(claims: Claims, s: StaffClaimSettings): void {
  const acrs = list(s.requiredAcr);
  if (acrs.length > 0) {
    const acr = claims['acr'];
    if (typeof acr !== 'string' || !acrs.includes(acr)) throw new AppError('AUTH.MFA_REQUIRED', { claim: 'acr' });
  }
  const amrs = list(s.requiredAmr);
  if (amrs.length > 0) {
    const amr = stringList(claims['amr']);
    if (!amrs.some((m) => amr.includes(m))) throw new AppError('AUTH.MFA_REQUIRED', { claim: 'amr' });
  }
}

export function staffSubject(claims: Claims, s: StaffClaimSettings): string {
  const sub = claimValue(claims, s.subjectClaim);
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) {
    throw new AppError('AUTH.SIGNIN_FAILED', { reason: 'subject_missing' });
  }
  return sub;
}

/** The roles the IdP grants, or null when roles are configured to come from the database only. */
export function claimedRoles(claims: Claims, s: StaffClaimSettings): StaffRole[] | null {
  if (s.rolesClaim === 'none') return null;
  const known = new Set<string>(STAFF_ROLES);
  return stringList(claimValue(claims, s.rolesClaim)).filter((r): r is StaffRole => known.has(r));
}

/**
 * Effective roles: granted by the IdP AND registered in the database. The IdP alone cannot make
 * someone a privacy officer, and a role withdrawn in the IdP is gone at the next sign-in. Null claims
 * (rolesClaim = none) means the database decides alone.
 */
export function effectiveRoles(claimed: StaffRole[] | null, registered: readonly StaffRole[]): StaffRole[] {
  if (claimed === null) return [...registered];
  return registered.filter((r) => claimed.includes(r));
}

export function residentBsn(claims: Claims, bsnClaim: string): string {
  const raw = claimValue(claims, bsnClaim);
  if (typeof raw !== 'string' && typeof raw !== 'number') throw new AppError('AUTH.SIGNIN_FAILED', { reason: 'bsn_missing' });
  const text = String(raw);
  const bsn = normaliseBsn(text.slice(text.lastIndexOf(':') + 1));
  if (bsn === null || !isValidBsn(bsn)) throw new AppError('AUTH.SIGNIN_FAILED', { reason: 'bsn_invalid' });
  return bsn;
}
