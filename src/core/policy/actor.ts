/**
 * Who is acting. Roles come from the IdP's claims (issue 4); a role never opens a dossier by itself —
 * only an involvement does (R2.1), and the gate decides every access.
 */
export const STAFF_ROLES = [
  'professional',
  'chain_partner',
  'privacy_officer',
  'complaints_commissioner',
  'functional_admin',
  'archivist',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Named system contexts: system work runs under one of these and is logged like everyone else. */
export const SYSTEM_CONTEXTS = ['seed', 'signin', 'retention', 'key-rotation', 'jobs', 'migration'] as const;
export type SystemContext = (typeof SYSTEM_CONTEXTS)[number];

export type Actor =
  | {
      kind: 'professional';
      /** professional.id */
      id: string;
      organisationId: string;
      roles: StaffRole[];
      displayName: string;
    }
  | {
      kind: 'resident';
      /** resident.id */
      id: string;
      displayName: string;
    }
  | { kind: 'system'; context: SystemContext };

export function actorRoleLabel(actor: Actor): string {
  if (actor.kind === 'system') return `system:${actor.context}`;
  if (actor.kind === 'resident') return 'resident';
  return actor.roles[0] ?? 'professional';
}
