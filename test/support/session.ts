/**
 * Act as a demo persona in API tests — through the real session code ("one way in", issue 4 item 6).
 *
 *   const t = await createTestApp();
 *   await ensurePersonaRows(t);                       // or load the demo municipality with the seed
 *   const wijkcoach = await signInAs(t, 'demo-wijkcoach');
 *   await t.app.inject({ method: 'GET', url: '/api/me', headers: wijkcoach.headers });
 *   await t.app.inject({ method: 'POST', url: '/api/…', headers: wijkcoach.headers, payload });
 *
 * signInAs builds the claims the development IdP would send for the persona and hands them to the
 * same signInStaff / signInResident that the OIDC callback uses (role intersection, MFA check, identity
 * lookup, session row with a hashed token). Only the OIDC redirect dance is skipped.
 */
import type { Config } from '../../src/config/config.ts';
import { fieldAad, type Keyring } from '../../src/core/crypto/keyring.ts';
import { DEMO_ORGANISATIONS, PERSONAS, persona, type PersonaKey } from '../../src/core/demo/personas.ts';
import { openSessions, signInIdentity, type Language, type SessionActor, type Store } from '../../src/data/index.ts';
import { DEV_ACR, DEV_AMR, claimsFor } from '../../src/dev-idp/accounts.ts';
import { cookieNames } from '../../src/server/auth/cookies.ts';
import { signInResident, signInStaff } from '../../src/server/auth/sign-in.ts';

export interface SessionTarget {
  store: Store;
  config: Config;
}

export interface PersonaSession {
  /** `name=value` for a Cookie header. */
  cookie: string;
  /** The session token itself (the cookie's value). */
  token: string;
  csrfToken: string;
  /** Headers for app.inject: the cookie and the CSRF header (needed on POST/PUT/PATCH/DELETE). */
  headers: { cookie: string; 'x-csrf-token': string };
  actor: SessionActor;
}

export async function signInAs(
  t: SessionTarget,
  key: PersonaKey,
  opts: { language?: Language; now?: Date; claims?: Record<string, unknown> } = {},
): Promise<PersonaSession> {
  const p = persona(key);
  const deps = {
    config: t.config,
    sessions: openSessions(t.store, t.config.session),
    identity: signInIdentity(t.store),
    now: () => opts.now ?? new Date(),
  };
  const claims = { ...claimsFor(p), acr: DEV_ACR, amr: DEV_AMR, ...opts.claims };
  const created = p.kind === 'staff' ? await signInStaff(deps, claims, opts.language) : await signInResident(deps, claims, opts.language);
  const cookie = `${cookieNames(t.config).session}=${created.token}`;
  return {
    cookie,
    token: created.token,
    csrfToken: created.csrfToken,
    headers: { cookie, 'x-csrf-token': created.csrfToken },
    actor: created.session.actor,
  };
}

type OwnerSql = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * Insert the personas' organisations, professionals and the demo resident — only what sign-in needs —
 * for tests that do not load the whole demo municipality. Idempotent (on conflict do nothing).
 */
export async function ensurePersonaRows(t: { ownerSql: OwnerSql; keyring: Keyring }): Promise<void> {
  for (const o of DEMO_ORGANISATIONS) {
    await t.ownerSql(
      `insert into organisation (id, name, kind, sector, agb_code, secrecy_origin) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
      [o.id, o.name, o.kind, o.sector, o.agbCode, o.secrecyOrigin],
    );
  }
  for (const p of PERSONAS) {
    if (p.kind === 'staff') {
      const org = DEMO_ORGANISATIONS.find((o) => o.key === p.organisationKey)!;
      await t.ownerSql(
        `insert into professional (id, organisation_id, display_name, function_title, oidc_subject, roles) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
        [p.id, org.id, p.displayName, p.functionTitle ?? 'Medewerker', p.oidcSubject, [...p.roles]],
      );
    } else {
      await t.ownerSql(
        `insert into resident (id, bsn_cipher, bsn_index, given_names, surname_prefix, surname, partner_surname, name_usage, birth_date, gender)
         values ($1, $2, $3, 'Linda', 'ter', 'Horst', 'Kamphuis', 'N', '1986-04-17', 'V') on conflict (id) do nothing`,
        [p.id, t.keyring.encrypt(p.bsn!, fieldAad('resident', 'bsn_cipher', p.id)), t.keyring.bsnIndex(p.bsn!)],
      );
    }
  }
}
