/**
 * AVG rights requests (R5.5; AVG art. 12(3)): filed from the portal, handled from the functional
 * administrator's queue, deadlines visible on both sides, overdue never dropped; the full access
 * export (JSON and PDF). Bad input answers a stable code and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dutchDate, onOrNextWorkingDay } from '../../src/core/residents/calendar.ts';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
beforeAll(async () => {
  rw = await residentsWorld();
});
afterAll(async () => rw?.close());

const today = () => dutchDate(new Date());
const file = (who: 'resident:adult' | 'resident:stranger', body: Record<string, unknown>) => rw.call(who, 'POST', '/api/mijn/rights-requests', body);

/** Move a request's receipt back in time, as if it came in `days` ago. */
async function receivedAgo(id: string, days: number): Promise<void> {
  const at = new Date(Date.now() - days * 86_400_000);
  await rw.sql(`update rights_request set received_at = $2, received_on = $3 where id = $1`, [id, at, dutchDate(at)]);
}

describe('filing a request', () => {
  it('an access request is received with a deadline one month on, and the resident sees it', async () => {
    const { status, body } = await file('resident:adult', { kind: 'access', text: 'Ik wil weten welke gegevens u van mij hebt, ook op papier.' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'access', status: 'received', receivedOn: today(), answerBy: onOrNextWorkingDay(addMonths(today(), 1)), deadline: 'open', filedBySelf: true });
    expect(body.reference).toMatch(/^AVG-\d{4}-[A-Z2-9]{6}$/);
    const list = await rw.call('resident:adult', 'GET', '/api/mijn/rights-requests');
    expect(list.body.requests.map((r: { id: string }) => r.id)).toContain(body.id);
  });

  it('an erasure request also shows the destruction deadline of three months (Wmo 5.3.5)', async () => {
    const { body } = await file('resident:adult', { kind: 'erasure', text: 'Verwijder mijn Wmo-gegevens.', helpRequestId: rw.w.helpRequests.wmo, categories: ['care_needs'] });
    expect(body).toMatchObject({ kind: 'erasure', helpRequestReference: 'HV-T-1', destroyBy: onOrNextWorkingDay(addMonths(today(), 3)), categories: [{ code: 'care_needs' }] });
  });

  it('a parent files a request for a child under 12', async () => {
    const { status, body } = await rw.call('resident:adult', 'POST', '/api/mijn/rights-requests', { kind: 'rectification', text: 'De geboortedatum van Saar klopt niet.', subjectId: rw.residents.young });
    expect(status).toBe(201);
    expect(body.residentId).toBe(rw.residents.young);
  });

  it('a parent cannot file for a young person of 16: 404, nothing written', async () => {
    const before = await rw.count('rights_request');
    const { status } = await rw.call('resident:adult', 'POST', '/api/mijn/rights-requests', { kind: 'access', text: 'Inzage', subjectId: rw.residents.older });
    expect(status).toBe(404);
    expect(await rw.count('rights_request')).toBe(before);
  });

  it('a help request of someone else cannot be named: 404, nothing written', async () => {
    const before = await rw.count('rights_request');
    const { status } = await file('resident:adult', { kind: 'objection', text: 'Bezwaar', helpRequestId: rw.w.helpRequests.other });
    expect(status).toBe(404);
    expect(await rw.count('rights_request')).toBe(before);
  });

  it.each([
    ['empty text', { kind: 'access', text: '   ' }, 400, 'TEXT.EMPTY'],
    ['text over 10,000 characters', { kind: 'access', text: 'a'.repeat(10_001) }, 400, 'TEXT.TOO_LONG'],
    ['a control character', { kind: 'access', text: 'Inzage\u0000graag' }, 400, 'TEXT.INVALID'],
    ['text that is not a string', { kind: 'access', text: 42 }, 400, 'REQUEST.INVALID'],
    ['an unknown kind', { kind: 'portability', text: 'Graag' }, 400, 'REQUEST.INVALID'],
    ['an unknown field', { kind: 'access', text: 'Graag', status: 'decided' }, 400, 'REQUEST.INVALID'],
    ['an unknown category', { kind: 'access', text: 'Graag', categories: ['shoe_size'] }, 400, 'DATA_ITEM.UNKNOWN_CATEGORY'],
  ])('%s is refused with %s… and nothing is written', async (_name, payload, status, code) => {
    const before = await rw.count('rights_request');
    const res = await file('resident:adult', payload as Record<string, unknown>);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await rw.count('rights_request')).toBe(before);
  });
});

describe('the handler’s queue (functional administrator)', () => {
  it('shows the request with the requester and the deadline; the privacy officer may read it, a case worker may not', async () => {
    const { body: made } = await file('resident:stranger', { kind: 'objection', text: 'Ik maak bezwaar tegen het delen van mijn gegevens.' });
    const admin = await rw.call('admin', 'GET', '/api/requests/rights');
    expect(admin.status).toBe(200);
    const mine = admin.body.requests.find((r: { id: string }) => r.id === made.id);
    expect(mine).toMatchObject({ subject: { displayName: 'Carla Vreemd' }, kind: 'objection', text: 'Ik maak bezwaar tegen het delen van mijn gegevens.', mayExtend: true });
    expect((await rw.call('officer', 'GET', '/api/requests/rights')).status).toBe(200);
    const caseWorker = await rw.call('consulent', 'GET', '/api/requests/rights');
    expect([caseWorker.status, caseWorker.body.error.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
  });

  it('the privacy officer may not decide a request (AVG 38(6)): 403 and nothing changes', async () => {
    const { body: made } = await file('resident:stranger', { kind: 'access', text: 'Inzage graag' });
    const res = await rw.call('officer', 'POST', `/api/requests/rights/${made.id}/decide`, { outcome: 'granted', decision: 'Akkoord' });
    expect([res.status, res.body.error.code]).toEqual([403, 'GATE.DENIED']);
    expect(await rw.count('rights_request', "id = $1 and status = 'received'", [made.id])).toBe(1);
  });

  it('an extension within the first month moves the deadline to three months, and the resident sees why', async () => {
    const { body: made } = await file('resident:adult', { kind: 'rectification', text: 'Mijn adres klopt niet.' });
    const ext = await rw.call('admin', 'POST', `/api/requests/rights/${made.id}/extend`, { reason: 'Wij moeten dit navragen bij drie organisaties.' });
    expect(ext.status).toBe(200);
    expect(ext.body).toMatchObject({ extendedOn: today(), answerBy: onOrNextWorkingDay(addMonths(today(), 3)), mayExtend: false });
    const seen = await rw.call('resident:adult', 'GET', `/api/mijn/rights-requests/${made.id}`);
    expect(seen.body).toMatchObject({ extensionReason: 'Wij moeten dit navragen bij drie organisaties.', answerBy: ext.body.answerBy });
    const again = await rw.call('admin', 'POST', `/api/requests/rights/${made.id}/extend`, { reason: 'Nog langer' });
    expect([again.status, again.body.error.code]).toEqual([409, 'RIGHTS_REQUEST.EXTENSION_NOT_ALLOWED']);
  });

  it('an extension after the first month is refused', async () => {
    const { body: made } = await file('resident:adult', { kind: 'restriction', text: 'Gebruik mijn gegevens even niet.' });
    await receivedAgo(made.id, 40);
    const res = await rw.call('admin', 'POST', `/api/requests/rights/${made.id}/extend`, { reason: 'Te laat' });
    expect([res.status, res.body.error.code]).toEqual([409, 'RIGHTS_REQUEST.EXTENSION_NOT_ALLOWED']);
  });

  it('a request past its deadline shows as overdue to the resident and the handler, first in the open queue', async () => {
    const { body: made } = await file('resident:adult', { kind: 'objection', text: 'Bezwaar tegen gebruik.' });
    await receivedAgo(made.id, 45);
    const resident = await rw.call('resident:adult', 'GET', `/api/mijn/rights-requests/${made.id}`);
    expect(resident.body.deadline).toBe('overdue');
    const open = await rw.call('admin', 'GET', '/api/requests/rights?filter=open');
    expect(open.body.requests[0].deadline).toBe('overdue');
    expect(open.body.requests.map((r: { id: string }) => r.id)).toContain(made.id);
    const overdue = await rw.call('admin', 'GET', '/api/requests/rights?filter=overdue');
    expect(overdue.body.requests.every((r: { deadline: string }) => r.deadline === 'overdue')).toBe(true);
    expect(overdue.body.requests.map((r: { id: string }) => r.id)).toContain(made.id);
  });

  it('deciding records the outcome; the resident sees it; deciding again is refused', async () => {
    const { body: made } = await file('resident:adult', { kind: 'rectification', text: 'Mijn telefoonnummer is veranderd.' });
    await rw.call('admin', 'POST', `/api/requests/rights/${made.id}/start`);
    const decided = await rw.call('admin', 'POST', `/api/requests/rights/${made.id}/decide`, { outcome: 'granted', decision: 'Wij hebben uw telefoonnummer verbeterd.' });
    expect(decided.body).toMatchObject({ status: 'decided', outcome: 'granted', decidedOn: today(), deadline: 'met', handler: 'Beheerder Test' });
    const seen = await rw.call('resident:adult', 'GET', `/api/mijn/rights-requests/${made.id}`);
    expect(seen.body).toMatchObject({ status: 'decided', decision: 'Wij hebben uw telefoonnummer verbeterd.' });
    const again = await rw.call('admin', 'POST', `/api/requests/rights/${made.id}/decide`, { outcome: 'refused', decision: 'Toch niet' });
    expect([again.status, again.body.error.code]).toEqual([409, 'RIGHTS_REQUEST.ALREADY_DECIDED']);
  });

  it('the request text is stored only encrypted', async () => {
    const { body: made } = await file('resident:adult', { kind: 'access', text: 'Geheim-woord-xyz in mijn verzoek' });
    const rows = await rw.sql(`select text_cipher::text as t from rights_request where id = $1`, [made.id]);
    expect(String(rows[0]!.t)).not.toContain('Geheim-woord-xyz');
  });
});

describe('another resident’s request', () => {
  it('is 404 by id guessing, for the resident and for the handler when the id does not exist', async () => {
    const { body: made } = await file('resident:stranger', { kind: 'access', text: 'Van mij' });
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/rights-requests/${made.id}`)).status).toBe(404);
    expect((await rw.call('admin', 'GET', '/api/requests/rights/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('the full access export (AVG art. 15)', () => {
  it('JSON holds my file, my consents, requests, complaints, the processing log about me and the AVG 15(1) information', async () => {
    await rw.call('director', 'GET', `/api/households/${rw.w.households.main}`);
    const res = await rw.call('resident:adult', 'GET', '/api/mijn/export?format=json');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="inzage-\d{4}-\d{2}-\d{2}\.json"/);
    expect(res.body).toMatchObject({ format: 'zorgvuldig-inzage/1', subject: { residentId: rw.residents.adult } });
    expect(res.body.file.categories.length).toBeGreaterThan(0);
    expect(res.body.file.plans.map((p: { id: string }) => p.id)).toEqual([rw.w.plan]);
    expect(res.body.rightsRequests.length).toBeGreaterThan(0);
    expect(res.body.accessLog.entries.some((e: { actor: { name: string | null } }) => e.actor.name === 'Regisseur Test')).toBe(true);
    expect(res.body.processing.map((p: { activity: string }) => p.activity)).toContain('pa-portal');
    expect(res.body.controller).toMatch(/^College van burgemeester en wethouders/);
  });

  it('PDF is a readable document', async () => {
    const res = await rw.call('resident:adult', 'GET', '/api/mijn/export?format=pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.bytes.length).toBeGreaterThan(2000);
  });

  it('another resident’s export by id guessing is 404, JSON and PDF alike', async () => {
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/export?format=json&subject=${rw.residents.stranger}`)).status).toBe(404);
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/export?format=pdf&subject=${rw.residents.stranger}`)).status).toBe(404);
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/export?format=json&subject=${rw.residents.older}`)).status).toBe(404);
  });

  it('a parent exports the file of a child under 12', async () => {
    const res = await rw.call('resident:adult', 'GET', `/api/mijn/export?format=json&subject=${rw.residents.young}`);
    expect(res.status).toBe(200);
    expect(res.body.subject.residentId).toBe(rw.residents.young);
  });
});
