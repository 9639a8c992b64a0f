/**
 * Set-up for the professional's-work tests (issue 5): the test world (test/support/world.ts), a covenant
 * for its chain partner, HTTP sessions per professional, and small helpers to call the API and count rows.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, openSessions, type Repository } from '../../src/data/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertWorld, type World } from '../support/world.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };
export type Who = 'director' | 'consulent' | 'jeugdconsulent' | 'pwconsulent' | 'provider' | 'ended' | 'stranger' | 'officer';

export interface WorkWorld {
  t: TestApp;
  w: World;
  as: Record<Who, Headers>;
  actor: Record<Who, Actor>;
  covenant: string;
  /** Call the API as someone; returns status and parsed JSON (or null). */
  call(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  repo(who: Who): Repository;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

const ROLES: Record<Who, Array<'professional' | 'chain_partner' | 'privacy_officer'>> = {
  director: ['professional'],
  consulent: ['professional'],
  jeugdconsulent: ['professional'],
  pwconsulent: ['professional'],
  provider: ['chain_partner'],
  ended: ['professional'],
  stranger: ['professional'],
  officer: ['privacy_officer'],
};

export async function workWorld(): Promise<WorkWorld> {
  const t = await createTestApp();
  const w = await insertWorld(t);
  const as = {} as Record<Who, Headers>;
  const actor = {} as Record<Who, Actor>;
  for (const who of Object.keys(ROLES) as Who[]) {
    const org = who === 'provider' ? w.organisations.provider : w.organisations.team;
    const a = { kind: 'professional' as const, id: w.professionals[who], organisationId: org, roles: ROLES[who], displayName: who };
    actor[who] = a;
    const s = await openSessions(t.store, t.config.session).create(a, { now: new Date() });
    as[who] = { cookie: `zv_session=${s.token}`, 'x-csrf-token': s.csrfToken };
  }
  // The partner's covenant: the Wmo provision, the categories of its sub-activity (R8.1).
  const covenant = randomUUID();
  await t.ownerSql(
    `insert into covenant (id, organisation_id, title, categories, purposes, legal_basis, valid_from, valid_until, status)
     values ($1, $2, 'Convenant Begeleiding Test', $3, $4, 'wmo-5.2.1-recipients', '2026-01-01', null, 'active')`,
    [covenant, w.organisations.provider, ['identity', 'address', 'contact', 'daily_functioning', 'care_needs', 'involvement'], ['wmo-maatwerkvoorziening', 'wmo-onderzoek']],
  );
  // The adult has parental authority over the child (a consent for the child is given by the parent).
  await t.ownerSql(`insert into legal_representative (id, resident_id, representative_id, kind, valid_from) values ($1, $2, $3, 'parent_with_authority', '2014-09-09')`, [randomUUID(), w.residents.child, w.residents.adult]);
  return {
    t,
    w,
    as,
    actor,
    covenant,
    async call(who, method, url, payload) {
      const res = await t.app.inject({ method, url, headers: as[who], ...(payload === undefined ? {} : { payload: payload as object }) });
      let body: unknown = null;
      try {
        body = res.json();
      } catch {
        body = res.body;
      }
      return { status: res.statusCode, body };
    },
    repo(who) {
      return t.store.repository({ actor: actor[who], trace: newTrace(), now: new Date() });
    },
    async count(table, where = 'true', params = []) {
      return Number((await t.ownerSql(`select count(*)::int as n from ${table} where ${where}`, params))[0]!.n);
    },
    close: () => t.close(),
  };
}

export const ARG = 'Nodig om de hulpvraag goed te kunnen beantwoorden.';

/** Step 3 item with complete arguments. */
export function item(residentId: string, category: string, over: Record<string, unknown> = {}) {
  return { residentId, category, source: 'resident', description: `Gegevens: ${category}`, need: 'necessary', canBeMissed: false, proportionality: ARG, subsidiarity: ARG, ...over };
}

export const BASIS = { ground: 'e', groundNote: null, specialNote: ARG, bsnUsed: false, bsnNote: null, transferOutsideEea: false, transferSafeguard: null, transferNote: null };
export const COMPAT = { link: ARG, context: ARG, nature: ARG, consequences: ARG, safeguards: ARG, conclusion: 'compatible' };

/** Walk a step plan through its steps over HTTP; returns the last response. */
export async function walkPlan(
  ww: WorkWorld,
  who: Who,
  helpRequestId: string,
  opts: { kind?: 'request' | 'record' | 'share'; recipient?: string; task: string; items: unknown[]; exchange?: boolean; complete?: boolean; confidentiality?: unknown },
): Promise<{ status: number; body: any; id: string }> {
  const created = await ww.call(who, 'POST', `/api/help-requests/${helpRequestId}/step-plans`, { kind: opts.kind ?? 'record', ...(opts.recipient ? { recipientOrganisationId: opts.recipient } : {}) });
  if (created.status !== 201) return { ...created, id: '' };
  const id = created.body.id as string;
  let v = created.body.version as number;
  const steps: Array<[number, unknown]> = [
    [1, { taskCode: opts.task, taskNote: ARG }],
    [2, { purposeNote: ARG }],
    [3, { items: opts.items }],
    [4, BASIS],
  ];
  if (opts.exchange || opts.kind === 'share') steps.push([5, COMPAT], [6, opts.confidentiality ?? { duties: [], assessment: ARG, conclusion: 'no_duty' }]);
  let last = created;
  for (const [n, body] of steps) {
    last = await ww.call(who, 'PUT', `/api/step-plans/${id}/steps/${n}`, { version: v, ...(body as object) });
    if (last.status !== 200) return { ...last, id };
    v = last.body.version;
  }
  if (opts.complete === false) return { ...last, id };
  last = await ww.call(who, 'POST', `/api/step-plans/${id}/complete`, { version: v });
  return { ...last, id };
}
