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
 * Looking a resident up by BSN is a processing of the BSN and the name: it runs through the gate under
 * the named system context 'signin' (register entry pa-signin) and is logged like any other access,
 * in the same transaction. Nothing is ever created here: an unknown identity is refused.
 */
import type { Actor, StaffRole } from '../core/policy/actor.ts';
import { STAFF_ROLES } from '../core/policy/actor.ts';
import { displayName } from '../core/domain/names.ts';
import { storeInternals, type Store } from './store-internals.ts';
import { GateSession, newTrace } from './gate/session.ts';
import { logPurpose } from './gate/purposes.ts';

const SIGNIN: Actor = { kind: 'system', context: 'signin' };

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
      const session = new GateSession(storeInternals(store).gateEnv, { actor: SIGNIN, trace: newTrace(), now: new Date() });
      const row = await session.run('signin.resident', 'read', async (work) => {
        const r = await work.tx
          .selectFrom('resident')
          .select(['id', 'given_names', 'surname_prefix', 'surname', 'partner_surname_prefix', 'partner_surname', 'name_usage'])
          .where('bsn_index', '=', keyring.bsnIndex(bsn))
          .executeTakeFirst();
        if (!r) return null;
        const item = { type: 'resident' as const, id: r.id, householdId: '', residentId: r.id, collectedForLaw: null, source: 'brp', confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
        const ctx = { actor: SIGNIN, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] };
        const decision = work.decide(ctx, { ...item, category: 'bsn' });
        if (!decision.permit) return null;
        work.processed(r.id, logPurpose(work.policy, SIGNIN, null), { type: 'resident', id: r.id }, ['bsn', 'identity'], decision);
        return r;
      });
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
