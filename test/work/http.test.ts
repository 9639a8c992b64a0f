/**
 * The work API over HTTP (issue 5, bad input): every route refuses unknown fields and wrong types with
 * REQUEST.INVALID before any handler runs; state-changing routes need the CSRF token; a resident cannot
 * use them; ids of what one may not know answer 404; nothing is half-written. The OpenAPI document
 * declares every route with its access declaration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessions } from '../../src/data/index.ts';
import { ARG, workWorld, type WorkWorld } from './support.ts';

let ww: WorkWorld;
let resident: { cookie: string; 'x-csrf-token': string };
beforeAll(async () => {
  ww = await workWorld();
  const s = await openSessions(ww.t.store, ww.t.config.session).create({ kind: 'resident', id: ww.w.residents.adult, displayName: 'Anna' }, { now: new Date() });
  resident = { cookie: `zv_session=${s.token}`, 'x-csrf-token': s.csrfToken };
});
afterAll(async () => ww.close());

const Z = '00000000-0000-4000-8000-000000000000';

/** Routes with a valid-looking body; the id is filled in per test. */
const WRITES: Array<[string, 'POST' | 'PUT', (id: string) => string, Record<string, unknown>]> = [
  ['intake', 'POST', () => '/api/intake', { bsn: '100023757', domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om hulp' }],
  ['triage', 'PUT', (id) => `/api/help-requests/${id}/triage`, { complexity: 'single', reasoning: ARG, version: 1 }],
  ['status', 'POST', (id) => `/api/help-requests/${id}/status`, { to: 'closed', version: 1 }],
  ['step plan', 'POST', (id) => `/api/help-requests/${id}/step-plans`, { kind: 'record' }],
  ['step 1', 'PUT', (id) => `/api/step-plans/${id}/steps/1`, { version: 1, taskCode: 'wmo-onderzoek', taskNote: ARG }],
  ['step 2', 'PUT', (id) => `/api/step-plans/${id}/steps/2`, { version: 1, purposeNote: ARG }],
  ['complete', 'POST', (id) => `/api/step-plans/${id}/complete`, { version: 1 }],
  ['conversation', 'POST', (id) => `/api/help-requests/${id}/conversations`, { residentId: Z, heldAt: '2026-01-01T10:00:00Z', summary: 'x', followUp: [], consents: [] }],
  ['refusal', 'POST', (id) => `/api/help-requests/${id}/refusals`, { residentId: Z, categories: ['income'], scope: 'x', refusedAt: '2026-01-01T10:00:00Z', outcome: 'limit', reason: ARG }],
  ['considerations', 'POST', (id) => `/api/involuntary/${id}/considerations`, { version: 1, considerations: ARG }],
  ['decision', 'POST', (id) => `/api/involuntary/${id}/decision`, { version: 1, decision: 'approve', note: ARG }],
  ['plan', 'POST', (id) => `/api/households/${id}/plans`, {}],
  ['activate', 'POST', (id) => `/api/plans/${id}/activate`, { version: 1 }],
  ['signal observation', 'POST', () => '/api/signals/observations', { contact: { name: 'X Y' }, observation: ARG }],
  ['contact attempt', 'POST', (id) => `/api/signals/${id}/contact-attempts`, { version: 1, kind: 'telefoon', reached: false, dayPart: null, on: '2026-01-01' }],
];

describe('bad input is refused before any handler runs', () => {
  it.each(WRITES)('%s: an unknown field → REQUEST.INVALID', async (_n, method, url, body) => {
    const r = await ww.call('consulent', method, url(ww.w.helpRequests.wmo), { ...body, sneaky: true });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REQUEST.INVALID');
  });

  it.each(WRITES.filter(([, , , b]) => 'version' in b))('%s: a version that is a string → REQUEST.INVALID (no coercion)', async (_n, method, url, body) => {
    const r = await ww.call('consulent', method, url(ww.w.helpRequests.wmo), { ...body, version: '1' });
    expect(r.body.error.code).toBe('REQUEST.INVALID');
  });

  it.each(WRITES)('%s: without the CSRF token → AUTH.CSRF', async (_n, method, url, body) => {
    const res = await ww.t.app.inject({ method, url: url(ww.w.helpRequests.wmo), headers: { cookie: ww.as.consulent.cookie }, payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.CSRF');
  });

  it.each(WRITES)('%s: a resident cannot use it', async (_n, method, url, body) => {
    const res = await ww.t.app.inject({ method, url: url(ww.w.helpRequests.wmo), headers: resident, payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.ROLE_REQUIRED');
  });

  it('an id that is not a UUID is refused by the schema', async () => {
    const r = await ww.call('consulent', 'GET', '/api/step-plans/1%27%20or%201=1');
    expect(r.body.error.code).toBe('REQUEST.INVALID');
  });

  it('a step that does not exist is no route', async () => {
    const r = await ww.call('consulent', 'PUT', `/api/step-plans/${Z}/steps/7`, { version: 1 });
    expect(r.status).toBe(404);
  });
});

describe('what one may not know exists answers 404, and is logged', () => {
  it.each([
    ['a step plan', `/api/step-plans/${Z}`],
    ['an involuntary record', `/api/involuntary/${Z}`],
    ['a consultation', `/api/involuntary/${Z}/consultation`],
    ['a signal', `/api/signals/${Z}`],
    ['the help request of another household', () => `/api/help-requests/${ww.w.helpRequests.other}/state`],
  ] as Array<[string, string | (() => string)]>)('%s', async (_n, url) => {
    const r = await ww.call('consulent', 'GET', typeof url === 'string' ? url : url());
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: 'GATE.NOT_FOUND', message: expect.any(String) } });
  });
});

describe('one transaction per operation: nothing half-written', () => {
  it('a conversation report whose second consent is invalid writes neither the report nor the first consent', async () => {
    const before = [await ww.count('conversation_report'), await ww.count('consent')];
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, {
      residentId: ww.w.residents.adult, heldAt: new Date(Date.now() - 60_000).toISOString(), summary: 'Gesprek', followUp: [],
      consents: [
        { kind: 'explicit', categories: ['income'], purpose: 'Inkomen voor de Wmo', inWriting: true },
        { kind: 'explicit', categories: ['shoe_size'], purpose: 'Schoenmaat', inWriting: true },
      ],
    });
    expect(r.body.error.code).toBe('CONSENT.INVALID');
    expect([await ww.count('conversation_report'), await ww.count('consent')]).toEqual(before);
  });

  it('an intake refused for its BRP data writes no resident, household, help request or involvement', async () => {
    const before = await Promise.all(['resident', 'household', 'help_request', 'involvement'].map((t) => ww.count(t)));
    const r = await ww.call('consulent', 'POST', '/api/intake', { bsn: '100023757', domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag', resident: { givenNames: 'A', surname: 'B', birthDate: '2099-01-01', gender: 'V' } });
    expect(r.body.error.code).toBe('DATE.INVALID');
    expect(await Promise.all(['resident', 'household', 'help_request', 'involvement'].map((t) => ww.count(t)))).toEqual(before);
  });
});

describe('the OpenAPI document', () => {
  it('declares every work route with its gate access declaration', async () => {
    const res = await ww.t.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { description?: string }>> };
    const work = Object.entries(doc.paths).filter(([p]) => /step-plans|intake|involuntary|conversations|refusals|signals|covenants|involvement-notices|\/plans|sub-activities|triage/.test(p));
    expect(work.length).toBeGreaterThan(25);
    for (const [p, ops] of work) for (const [m, op] of Object.entries(ops)) expect(op.description, `${m} ${p}`).toMatch(/^Gate: action `/);
  });
});
