/**
 * Server-side sessions (issue 4; docs/sign-in.md "Sessions").
 *
 * - The browser holds a random 256-bit token; the database holds only its SHA-256 (token_hash), so a
 *   database copy or backup does not let anyone take over a session.
 * - Idle expiry (SESSION_IDLE_MINUTES) moves forward as the session is used; the absolute expiry
 *   (SESSION_ABSOLUTE_HOURS) never moves (BIO2 5.17/8.5: re-authenticate after a fixed time).
 * - The CSRF token is derived from the session token (SHA-256 with a domain label): it is per session,
 *   needs no storage, and knowing it does not reveal the session token.
 * - A professional whose row is deactivated loses every session at the next request.
 *
 * The clock is passed in (`now`) so tests move time instead of waiting.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, StaffRole } from '../core/policy/actor.ts';
import type { DB } from './schema.ts';
import { storeInternals, type Store } from './store-internals.ts';

export type Language = 'nl' | 'en';
export type SessionActor = Extract<Actor, { kind: 'professional' | 'resident' }>;
export type SignInKind = 'staff' | 'resident';

export interface SessionRecord {
  id: string;
  actor: SessionActor;
  organisationName: string | null;
  language: Language;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export type SessionLookup =
  | { status: 'valid'; session: SessionRecord }
  | { status: 'expired' }
  | { status: 'none' };

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  session: SessionRecord;
}

export interface SigninTransaction {
  kind: SignInKind;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
}

export interface Sessions {
  create(actor: SessionActor, opts: { now: Date; language?: Language; organisationName?: string | null }): Promise<NewSession>;
  /** Find the session for a cookie token; expired sessions are deleted and reported as expired. */
  resolve(token: string, now: Date): Promise<SessionLookup>;
  setLanguage(sessionId: string, language: Language): Promise<void>;
  /** Delete the session of this token (logout). Unknown tokens are ignored. */
  destroy(token: string): Promise<void>;
  /** Delete every session past its idle or absolute expiry; returns how many. */
  purgeExpired(now: Date): Promise<number>;
  /** Keep a sign-in transaction for ten minutes; returns the random handle for the browser's cookie. */
  saveTransaction(tx: SigninTransaction, now: Date): Promise<string>;
  /** Take (read and delete) a sign-in transaction: single use. Null when unknown or expired. */
  takeTransaction(handle: string, now: Date): Promise<SigninTransaction | null>;
}

/** How long a sign-in may take between the redirect to the IdP and the callback. */
export const SIGNIN_TRANSACTION_MINUTES = 10;
/** The idle expiry is written at most this often per session (one UPDATE per request would double the load). */
export const TOUCH_INTERVAL_MS = 30_000;

interface SessionTable {
  id: string;
  token_hash: Uint8Array;
  actor_kind: 'professional' | 'resident';
  actor_id: string;
  organisation_id: string | null;
  organisation_name: string | null;
  roles: string[];
  display_name: string;
  language: Language;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
}

interface SigninTransactionTable {
  handle_hash: Uint8Array;
  kind: SignInKind;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  created_at: Date;
  expires_at: Date;
}

type SessionTables = {
  session: SessionTable;
  signin_transaction: SigninTransactionTable;
};

export function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The CSRF token of a session: SHA-256 over a domain label and the session token, base64url. */
export function csrfTokenFor(token: string): string {
  return createHash('sha256').update('zorgvuldig-csrf\u0000', 'utf8').update(token, 'utf8').digest('base64url');
}

/** Constant-time check of a presented CSRF token against the session token. */
export function csrfTokenMatches(token: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(token), 'utf8');
  const given = Buffer.from(presented, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function toRecord(row: SessionTable): SessionRecord {
  const actor: SessionActor =
    row.actor_kind === 'professional'
      ? {
          kind: 'professional',
          id: row.actor_id,
          organisationId: row.organisation_id ?? '',
          roles: row.roles as StaffRole[],
          displayName: row.display_name,
        }
      : { kind: 'resident', id: row.actor_id, displayName: row.display_name };
  return {
    id: row.id,
    actor,
    organisationName: row.organisation_name,
    language: row.language,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}

export function openSessions(store: Store, policy: SessionPolicy): Sessions {
  const db = (storeInternals(store).database.db as Kysely<DB>).withTables<SessionTables>();

  return {
    async create(actor, { now, language = 'nl', organisationName = null }) {
      const token = newToken();
      const absolute = addMinutes(now, policy.absoluteHours * 60);
      const row: SessionTable = {
        id: randomUUID(),
        token_hash: hashToken(token),
        actor_kind: actor.kind,
        actor_id: actor.id,
        organisation_id: actor.kind === 'professional' ? actor.organisationId : null,
        organisation_name: actor.kind === 'professional' ? organisationName : null,
        roles: actor.kind === 'professional' ? [...actor.roles] : [],
        display_name: actor.displayName,
        language,
        created_at: now,
        last_seen_at: now,
        idle_expires_at: earlier(addMinutes(now, policy.idleMinutes), absolute),
        absolute_expires_at: absolute,
      };
      await db.insertInto('session').values(row).execute();
      return { token, csrfToken: csrfTokenFor(token), session: toRecord(row) };
    },

    async resolve(token, now) {
      if (!token) return { status: 'none' };
      const row = await db
        .selectFrom('session')
        .leftJoin('professional', (j) =>
          j.onRef('professional.id', '=', 'session.actor_id').on('session.actor_kind', '=', 'professional'),
        )
        .selectAll('session')
        .select('professional.active as professional_active')
        .where('session.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!row) return { status: 'none' };
      const { professional_active, ...session } = row;
      const deactivated = session.actor_kind === 'professional' && professional_active !== true;
      if (deactivated || session.idle_expires_at <= now || session.absolute_expires_at <= now) {
        await db.deleteFrom('session').where('id', '=', session.id).execute();
        return { status: 'expired' };
      }
      if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
        session.last_seen_at = now;
        session.idle_expires_at = earlier(addMinutes(now, policy.idleMinutes), session.absolute_expires_at);
        await db
          .updateTable('session')
          .set({ last_seen_at: session.last_seen_at, idle_expires_at: session.idle_expires_at })
          .where('id', '=', session.id)
          .execute();
      }
      return { status: 'valid', session: toRecord(session) };
    },

    async setLanguage(sessionId, language) {
      await db.updateTable('session').set({ language }).where('id', '=', sessionId).execute();
    },

    async destroy(token) {
      if (!token) return;
      await db.deleteFrom('session').where('token_hash', '=', hashToken(token)).execute();
    },

    async purgeExpired(now) {
      const result = await db
        .deleteFrom('session')
        .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
        .executeTakeFirst();
      await db.deleteFrom('signin_transaction').where('expires_at', '<=', now).execute();
      return Number(result.numDeletedRows);
    },

    async saveTransaction(tx, now) {
      const handle = newToken();
      await db
        .insertInto('signin_transaction')
        .values({
          handle_hash: hashToken(handle),
          kind: tx.kind,
          state: tx.state,
          nonce: tx.nonce,
          code_verifier: tx.codeVerifier,
          return_to: tx.returnTo,
          created_at: now,
          expires_at: addMinutes(now, SIGNIN_TRANSACTION_MINUTES),
        })
        .execute();
      return handle;
    },

    async takeTransaction(handle, now) {
      if (!handle) return null;
      const row = await db
        .deleteFrom('signin_transaction')
        .where('handle_hash', '=', hashToken(handle))
        .returningAll()
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return null;
      return { kind: row.kind, state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
    },
  };
}
