/**
 * From verified claims to a session: the one path by which anybody becomes an actor ("one way in").
 * The OIDC callback calls these after the code exchange; the test helper test/support/session.ts
 * calls the same functions with a persona's claims, so API tests exercise the real session code.
 *
 * Nothing is created for an unknown identity: no professional, no resident, no session.
 */
import type { Config } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import type { Language, NewSession, Sessions } from '../../data/index.ts';
import { assertMultiFactor, claimedRoles, effectiveRoles, residentBsn, staffSubject, type Claims } from './claims.ts';
import type { IdentityPort } from './identity-port.ts';

export interface SignInDeps {
  config: Config;
  sessions: Sessions;
  identity: IdentityPort;
  now: () => Date;
}

export async function signInStaff(deps: SignInDeps, claims: Claims, language: Language = 'nl'): Promise<NewSession> {
  const settings = deps.config.staffOidc;
  assertMultiFactor(claims, settings);
  const subject = staffSubject(claims, settings);
  const actor = await deps.identity.professionalBySubject(subject);
  if (!actor || actor.kind !== 'professional') throw new AppError('AUTH.UNKNOWN_ACCOUNT');
  const roles = effectiveRoles(claimedRoles(claims, settings), actor.roles);
  if (roles.length === 0) throw new AppError('AUTH.NO_ROLE');
  const organisationName = await deps.identity.organisationName(actor.organisationId);
  return deps.sessions.create({ ...actor, roles }, { now: deps.now(), language, organisationName });
}

export async function signInResident(deps: SignInDeps, claims: Claims, language: Language = 'nl'): Promise<NewSession> {
  const bsn = residentBsn(claims, deps.config.residentOidc.bsnClaim);
  const actor = await deps.identity.residentByBsn(bsn);
  if (!actor || actor.kind !== 'resident') throw new AppError('AUTH.UNKNOWN_ACCOUNT');
  return deps.sessions.create(actor, { now: deps.now(), language });
}
