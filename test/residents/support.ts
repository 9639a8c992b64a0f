/**
 * Set-up for the residents'-side tests (issue 6): the test world (test/support/world.ts) plus three
 * children of the adult with birth dates relative to today (8, 14 and 16½ years old) whom she represents
 * as parent with authority, the staff who handle requests and complaints, and HTTP sessions minted
 * through the real session code.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, openSessions, type Repository, type SessionActor } from '../../src/data/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertWorld, type World } from '../support/world.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };
export type Staff = 'director' | 'consulent' | 'provider' | 'stranger' | 'officer' | 'admin' | 'commissioner' | 'involvedCommissioner';
export type Resident = 'adult' | 'young' | 'teen' | 'older' | 'stranger';
export type Who = Staff | `resident:${Resident}`;

export interface ResidentsWorld {
  t: TestApp;
  w: World;
  residents: Record<Resident, string>;
  staff: Record<Staff, string>;
  call(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: string; bytes: Buffer }>;
  repo(who: Who): Repository;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  sql(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const YEAR = 365.25 * 86_400_000;

function birthDate(years: number): string {
  return new Date(Date.now() - years * YEAR).toISOString().slice(0, 10);
}

export async function residentsWorld(env: Record<string, string> = {}): Promise<ResidentsWorld> {
  const t = await createTestApp(env);
  const w = await insertWorld(t);
  const q = (text: string, params: unknown[] = []) => t.ownerSql(text, params);
  const residents: Record<Resident, string> = { adult: w.residents.adult, young: randomUUID(), teen: randomUUID(), older: randomUUID(), stranger: w.residents.stranger };
  for (const [key, years, name] of [['young', 8, 'Saar'], ['teen', 14, 'Tim'], ['older', 16.5, 'Olaf']] as const) {
    await q(`insert into resident (id, given_names, surname, birth_date, gender, confidentiality) values ($1, $2, 'Testers', $3, 'X', 'zaakvertrouwelijk')`, [residents[key], name, birthDate(years)]);
    await q(`insert into household_member (id, household_id, resident_id, relation, valid_from) values ($1, $2, $3, 'child', '2010-01-01')`, [randomUUID(), w.households.main, residents[key]]);
    await q(`insert into legal_representative (id, resident_id, representative_id, kind, valid_from) values ($1, $2, $3, 'parent_with_authority', '2008-01-01')`, [randomUUID(), residents[key], w.residents.adult]);
  }
  // A youth-care item about each child, under the Jeugd help request.
  for (const key of ['young', 'teen', 'older'] as const) {
    await q(
      `insert into data_item (id, resident_id, household_id, help_request_id, category, source, legal_basis, confidentiality, retention_class, value_text, recorded_by, recorded_at)
       values ($1, $2, $3, $4, 'family_situation', 'resident', 'jw-7.4.0-scope', 'vertrouwelijk', 'jeugd', $5, $6, now() - interval '3 days')`,
      [randomUUID(), residents[key], w.households.main, w.helpRequests.jeugd, `Gezinssituatie van ${key}`, w.professionals.jeugdconsulent],
    );
  }
  const staff: Record<Staff, string> = {
    director: w.professionals.director,
    consulent: w.professionals.consulent,
    provider: w.professionals.provider,
    stranger: w.professionals.stranger,
    officer: w.professionals.officer,
    admin: randomUUID(),
    commissioner: randomUUID(),
    involvedCommissioner: randomUUID(),
  };
  await q(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Beheerder Test', 'Functioneel beheerder', $3)`, [staff.admin, w.organisations.team, ['functional_admin']]);
  await q(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Commissaris Test', 'Klachtencommissaris', $3)`, [staff.commissioner, w.organisations.team, ['complaints_commissioner']]);
  await q(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Commissaris Betrokken', 'Klachtencommissaris', $3)`, [staff.involvedCommissioner, w.organisations.team, ['complaints_commissioner', 'professional']]);
  await q(`insert into involvement (id, professional_id, household_id, help_request_id, role, valid_from) values ($1, $2, $3, $4, 'case_worker', now() - interval '10 days')`, [randomUUID(), staff.involvedCommissioner, w.households.main, w.helpRequests.wmo]);

  const actors = {} as Record<Who, SessionActor>;
  const roles: Record<Staff, string[]> = {
    director: ['professional'],
    consulent: ['professional'],
    provider: ['chain_partner'],
    stranger: ['professional'],
    officer: ['privacy_officer'],
    admin: ['functional_admin'],
    commissioner: ['complaints_commissioner'],
    involvedCommissioner: ['complaints_commissioner', 'professional'],
  };
  for (const s of Object.keys(staff) as Staff[]) {
    actors[s] = { kind: 'professional', id: staff[s], organisationId: s === 'provider' ? w.organisations.provider : w.organisations.team, roles: roles[s] as never, displayName: s };
  }
  for (const r of Object.keys(residents) as Resident[]) actors[`resident:${r}`] = { kind: 'resident', id: residents[r], displayName: r };
  const headers = {} as Record<Who, Headers>;
  const sessions = openSessions(t.store, t.config.session);
  for (const who of Object.keys(actors) as Who[]) {
    const s = await sessions.create(actors[who], { now: new Date() });
    headers[who] = { cookie: `zv_session=${s.token}`, 'x-csrf-token': s.csrfToken };
  }
  return {
    t,
    w,
    residents,
    staff,
    async call(who, method, url, payload) {
      const res = await t.app.inject({ method, url, headers: headers[who], ...(payload === undefined ? {} : { payload: payload as object }) });
      let body: unknown = null;
      try {
        body = res.json();
      } catch {
        body = res.body;
      }
      return { status: res.statusCode, body, headers: res.headers, raw: res.body, bytes: res.rawPayload };
    },
    repo(who) {
      return t.store.repository({ actor: actors[who] as Actor, trace: newTrace(), now: new Date() });
    },
    async count(table, where = 'true', params = []) {
      return Number((await t.ownerSql(`select count(*)::int as n from ${table} where ${where}`, params))[0]!.n);
    },
    sql: (text, params) => t.ownerSql(text, params),
    close: () => t.close(),
  };
}
