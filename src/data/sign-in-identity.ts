/**
 * Who is signing in: the lookups behind src/server/auth/identity-port.ts (IdentityPort).
 *
 * - staff: the professional row whose oidc_subject is the IdP's subject; only active professionals.
 *   The roles returned are the roles the database registers for that person: the base role that
 *   follows from the organisation (municipality or municipal team → professional; chain partner →
 *   chain_partner; an external body → none) plus the roles in professional.roles. Sign-in intersects
 *   them with the IdP's role claim (docs/sign-in.md "Roles").
 * - residents: the resident row whose keyed blind index equals the index of the BSN the broker
 *   asserted. The BSN itself is never compared in the clear or stored.
 *
 * These are plain lookups for now; the gate (issue 3) will add processing-log entries to the
 * resident lookup behind the same interface (the lookup of a resident by BSN is a processing).
 * Nothing is ever created here: an unknown identity is refused.
 */
import type { Actor, StaffRole } from '../core/policy/actor.ts';
import { STAFF_ROLES } from '../core/policy/actor.ts';
import { displayName } from '../core/domain/names.ts';
import { storeInternals, type Store } from './store-internals.ts';

/** The role that membership of an organisation of this kind gives (an external body gives none). */
const BASE_ROLE: Record<string, StaffRole | undefined> = {
  municipality: 'professional',
  municipal_team: 'professional',
  chain_partner: 'chain_partner',
};

export interface SignInIdentity {
  professionalBySubject(sub: string): Promise<Actor | null>;
  residentByBsn(bsn: string): Promise<Actor | null>;
  organisationName(organisationId: string): Promise<string | null>;
}

export function signInIdentity(store: Store): SignInIdentity {
  const { database, keyring } = storeInternals(store);
  const db = database.db;
  return {
    async professionalBySubject(sub) {
      if (!sub) return null;
      const row = await db
        .selectFrom('professional')
        .innerJoin('organisation', 'organisation.id', 'professional.organisation_id')
        .select(['professional.id', 'professional.organisation_id', 'professional.display_name', 'professional.roles', 'organisation.kind'])
        .where('professional.oidc_subject', '=', sub)
        .where('professional.active', '=', true)
        .executeTakeFirst();
      if (!row) return null;
      const base = BASE_ROLE[row.kind];
      const registered = new Set<string>([...(base ? [base] : []), ...row.roles]);
      return {
        kind: 'professional',
        id: row.id,
        organisationId: row.organisation_id,
        roles: STAFF_ROLES.filter((r) => registered.has(r)),
        displayName: row.display_name,
      };
    },

    async residentByBsn(bsn) {
      const row = await db
        .selectFrom('resident')
        .select(['id', 'given_names', 'surname_prefix', 'surname', 'partner_surname_prefix', 'partner_surname', 'name_usage'])
        .where('bsn_index', '=', keyring.bsnIndex(bsn))
        .executeTakeFirst();
      if (!row) return null;
      return {
        kind: 'resident',
        id: row.id,
        displayName: displayName({
          givenNames: row.given_names,
          surnamePrefix: row.surname_prefix,
          surname: row.surname,
          partnerSurnamePrefix: row.partner_surname_prefix,
          partnerSurname: row.partner_surname,
          nameUsage: row.name_usage,
        }),
      };
    },

    async organisationName(organisationId) {
      const row = await db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirst();
      return row?.name ?? null;
    },
  };
}
