/**
 * The workspace, portal and oversight API over HTTP: authentication, schema validation with stable
 * codes, 404 for what may not be known, and no partial writes on bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policy/actor.ts';
import { openSessions } from '../../src/data/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertWorld, type World } from '../support/world.ts';

let t: TestApp;
let w: World;
type Headers = { cookie: string; 'x-csrf-token': string };
const as: Record<string, Headers> = {};

async function session(actor: Extract<Actor, { kind: 'professional' | 'resident' }>): Promise<Headers> {
  const s = await openSessions(t.store, t.config.session).create(actor, { now: new Date() });
  return { cookie: `zv_session=${s.token}`, 'x-csrf-token': s.csrfToken };
}

async function dataItemCount(): Promise<number> {
  return Number((await t.ownerSql('select count(*)::int as n from data_item'))[0]!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await insertWorld(t);
  const p = (id: string, org: string, roles: Array<'professional' | 'chain_partner' | 'privacy_officer'> = ['professional']) =>
    session({ kind: 'professional', id, organisationId: org, roles, displayName: 'x' });
  as.director = await p(w.professionals.director, w.organisations.team);
  as.consulent = await p(w.professionals.consulent, w.organisations.team);
  as.provider = await p(w.professionals.provider, w.organisations.provider, ['chain_partner']);
  as.stranger = await p(w.professionals.stranger, w.organisations.team);
  as.officer = await p(w.professionals.officer, w.organisations.team, ['privacy_officer']);
  as.adult = await session({ kind: 'resident', id: w.residents.adult, displayName: 'Anna' });
});
afterAll(async () => t.close());

describe('reading through the gate over HTTP', () => {
  it('without a session the workspace answers 401 AUTH.REQUIRED', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/werkplek/households' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH.REQUIRED');
  });

  it('the director gets the household view; no undeclared field (ciphertext, blind index) leaves', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}`, headers: as.director });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const body = res.body;
    expect(body).toContain(w.values.careNeeds);
    expect(body).not.toMatch(/value_cipher|bsn_index|valueCipher|bsnCipher/);
    expect(body).not.toContain(w.adultBsn);
  });

  it('the caseload answers a page with the total and where the next page starts; a page of more than 100 is refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/werkplek/households?limit=1', headers: as.director });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, next: null, households: [{ householdId: w.households.main }] });
    const big = await t.app.inject({ method: 'GET', url: '/api/werkplek/households?limit=101', headers: as.director });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.code).toBe('REQUEST.INVALID');
    const after = await t.app.inject({ method: 'GET', url: `/api/werkplek/households?after=${encodeURIComponent(res.json().households[0].reference)}`, headers: as.director });
    expect(after.json()).toEqual({ households: [], total: 1, next: null });
  });

  it('a household and a help request answer a page of data items with where the next starts; a page of more than 200 or a cursor that is not an id is refused', async () => {
    const one = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}?items=1`, headers: as.director });
    expect(one.statusCode).toBe(200);
    const first = one.json();
    expect(first.dataItems).toHaveLength(1);
    expect(first.dataItemsNext).toBe(first.dataItems[0].id);
    const rest = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}?items=200&itemsAfter=${first.dataItemsNext}`, headers: as.director });
    expect(rest.json().dataItemsNext).toBeNull();
    expect(rest.json().dataItems.map((d: { id: string }) => d.id)).not.toContain(first.dataItems[0].id);
    const whole = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}`, headers: as.director });
    expect(whole.json().dataItems).toHaveLength(rest.json().dataItems.length + 1);
    expect(whole.json().dataItemsNext).toBeNull();
    for (const q of ['items=0', 'items=201', 'items=1.5', 'itemsAfter=1%27%20or%201=1', 'page=2']) {
      for (const path of [`/api/households/${w.households.main}`, `/api/help-requests/${w.helpRequests.wmo}`]) {
        const bad = await t.app.inject({ method: 'GET', url: `${path}?${q}`, headers: as.director });
        expect(bad.statusCode, `${path}?${q}`).toBe(400);
        expect(bad.json().error.code).toBe('REQUEST.INVALID');
      }
    }
  });

  it('a professional of another household gets 404 GATE.NOT_FOUND, without details', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}`, headers: as.stranger });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'GATE.NOT_FOUND', message: expect.any(String) } });
  });

  it('an id that is not a UUID is refused by the schema with REQUEST.INVALID', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/households/1%27%20or%201=1', headers: as.director });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST.INVALID');
  });

  it('an unknown query parameter is refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}?everything=true`, headers: as.director });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST.INVALID');
  });

  it('a resident cannot use the staff workspace', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}`, headers: as.adult });
    expect([401, 403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('Testers');
  });

  it('the resident’s portal shows their own file', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/mijn/overview', headers: as.adult });
    expect(res.statusCode).toBe(200);
    expect(res.json().me.identity.givenNames).toBe('Anna');
  });

  it('the privacy officer asks who can see an item; a director may not', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/api/oversight/data-items/${w.items.careNeeds}/viewers`, headers: as.officer });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().viewers.length).toBe(3);
    const no = await t.app.inject({ method: 'GET', url: `/api/oversight/data-items/${w.items.careNeeds}/viewers`, headers: as.director });
    expect(no.statusCode).toBe(404);
  });
});

describe('search input', () => {
  it.each([
    ['a BSN that fails the 11-proef', 'bsn=123456789', 'BSN.INVALID'],
    ['a BSN with letters', 'bsn=12345678a', 'REQUEST.INVALID'],
    ['an impossible date', 'birthDate=2025-02-30', 'REQUEST.INVALID'],
    ['no criterion at all', '', 'REQUEST.INVALID'],
    ['a one-letter name', 'q=a', 'REQUEST.INVALID'],
    ['an unknown parameter', 'q=Testers&all=1', 'REQUEST.INVALID'],
  ])('%s is refused with %s', async (_name, query, code) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/search?${query}`, headers: as.director });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
  });

  it('a valid BSN finds the resident through the blind index', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/search?bsn=${w.adultBsn}`, headers: as.consulent });
    expect(res.statusCode).toBe(200);
    expect(res.json().hits.map((h: { resident: { id: string } }) => h.resident.id)).toEqual([w.residents.adult]);
  });
});

describe('writing a data item', () => {
  const url = () => `/api/help-requests/${w.helpRequests.wmo}/data-items`;
  const good = () => ({ residentId: w.residents.adult, category: 'housing', source: 'resident', value: 'Huurwoning, tweede verdieping zonder lift' });

  it.each([
    ['an unknown field', () => ({ ...good(), sneaky: true }), 400, 'REQUEST.INVALID'],
    ['a missing field', () => ({ residentId: w.residents.adult, category: 'housing', source: 'resident' }), 400, 'REQUEST.INVALID'],
    ['a wrong type', () => ({ ...good(), value: 42 }), 400, 'REQUEST.INVALID'],
    ['a value that is too long', () => ({ ...good(), value: 'x'.repeat(4001) }), 400, 'REQUEST.INVALID'],
    ['an unknown category', () => ({ ...good(), category: 'shoe_size' }), 400, 'DATA_ITEM.UNKNOWN_CATEGORY'],
    ['an injection string as category', () => ({ ...good(), category: "x'; drop table data_item; --" }), 400, 'REQUEST.INVALID'],
    ['an unknown confidentiality level', () => ({ ...good(), confidentiality: 'topsecret' }), 400, 'DATA_ITEM.INVALID_LEVEL'],
  ])('%s is refused and nothing is written', async (_name, body, status, code) => {
    const before = await dataItemCount();
    const res = await t.app.inject({ method: 'POST', url: url(), headers: as.consulent, payload: body() });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(await dataItemCount()).toBe(before);
  });

  it('an oversize body is refused with 413 and nothing is written', async () => {
    const before = await dataItemCount();
    const res = await t.app.inject({ method: 'POST', url: url(), headers: { ...as.consulent, 'content-type': 'application/json' }, payload: JSON.stringify({ ...good(), value: 'x'.repeat(300_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('REQUEST.TOO_LARGE');
    expect(await dataItemCount()).toBe(before);
  });

  it('malformed JSON is refused with REQUEST.INVALID', async () => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: { ...as.consulent, 'content-type': 'application/json' }, payload: '{"residentId": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST.INVALID');
  });

  it('a body that is not JSON is refused with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: { ...as.consulent, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('without the CSRF token the write is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: { cookie: as.consulent!.cookie }, payload: good() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.CSRF');
  });

  it('a permitted write answers 201 with the item and the gate’s explanation', async () => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: as.consulent, payload: good() });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.item.legalBasis).toBe('wmo-5.1.1-scope');
    expect(body.explanation.decision).toBe('permit');
    expect(body.explanation.rules.some((r: { articles: Array<{ url: string | null }> }) => r.articles.some((a) => a.url?.startsWith('https://wetten.overheid.nl/jci1.3:c:')))).toBe(true);
  });

  it('a partner writing outside its declared categories gets 403 GATE.DENIED naming the rule', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/help-requests/${w.helpRequests.wmoMaatwerk}/data-items`,
      headers: as.provider,
      payload: { residentId: w.residents.adult, category: 'income', source: 'resident', value: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'need-to-know-sub-activity' } });
  });
});
