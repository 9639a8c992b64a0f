/**
 * The development IdP's accounts: the demo personas (src/core/demo/personas.ts), no passwords.
 * Claims follow what a municipal staff IdP and a DigiD broker deliver:
 *
 * - staff: sub = the persona's oidc subject, name, organisation, roles (the persona's special roles,
 *   or the base role its organisation gives: professional or chain_partner), and amr/acr showing
 *   multi-factor authentication — so STAFF_OIDC_REQUIRED_AMR=mfa can be tried locally.
 * - residents: sub = a pseudonym (brokers do not use the BSN as subject), name, bsn.
 */
import { DEMO_ORGANISATIONS, PERSONAS, type Persona } from '../core/demo/personas.ts';

export type ClientKind = 'staff' | 'resident';

export const DEV_ACR = 'urn:zorgvuldig:dev:loa:substantial';
export const DEV_AMR = ['pwd', 'otp', 'mfa'];

export function personasFor(kind: ClientKind): Persona[] {
  return PERSONAS.filter((p) => p.kind === kind);
}

export function personaBySubject(sub: string): Persona | undefined {
  return PERSONAS.find((p) => p.oidcSubject === sub);
}

export function staffRolesClaim(p: Persona): string[] {
  if (p.roles.length > 0) return [...p.roles];
  const kind = DEMO_ORGANISATIONS.find((o) => o.key === p.organisationKey)?.kind;
  if (kind === 'chain_partner') return ['chain_partner'];
  if (kind === 'municipality' || kind === 'municipal_team') return ['professional'];
  return [];
}

export function claimsFor(p: Persona): Record<string, unknown> {
  if (p.kind === 'resident') return { sub: p.oidcSubject, name: p.displayName, bsn: p.bsn };
  return { sub: p.oidcSubject, name: p.displayName, organisation: p.organisationName, roles: staffRolesClaim(p) };
}
