/**
 * Complaints about processing (R9.1; Awb chapter 9): filed in a few steps, the commissioner's queue with
 * the Awb deadlines (6 weeks, 10 with a committee, 4 more with a notice), the outcome letter naming the
 * Nationale ombudsman and its term, the status for the resident; bad input refused with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, dutchDate, onOrNextWorkingDay } from '../../src/core/residents/calendar.ts';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
beforeAll(async () => {
  rw = await residentsWorld();
});
afterAll(async () => rw?.close());

const today = () => dutchDate(new Date());
const complain = (body: Record<string, unknown>, who: 'resident:adult' | 'resident:stranger' = 'resident:adult') => rw.call(who, 'POST', '/api/mijn/complaints', body);

describe('filing a complaint', () => {
  it('is received with the six-week deadline, and the resident sees its status', async () => {
    const { status, body } = await complain({ topic: 'viewed_without_need', text: 'Een medewerker die niet bij mij betrokken is, heeft mijn dossier bekeken.', helpRequestId: rw.w.helpRequests.wmo });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'received', weeks: 6, decideBy: onOrNextWorkingDay(addDays(today(), 42)), helpRequestReference: 'HV-T-1', deadline: 'open' });
    expect(body.reference).toMatch(/^KL-\d{4}-[A-Z2-9]{6}$/);
    const list = await rw.call('resident:adult', 'GET', '/api/mijn/complaints');
    expect(list.body.complaints.map((c: { id: string }) => c.id)).toContain(body.id);
  });

  it.each([
    ['text over 10,000 characters', { topic: 'other', text: 'x'.repeat(10_001) }, 400, 'TEXT.TOO_LONG'],
    ['an empty text', { topic: 'other', text: '' }, 400, 'TEXT.EMPTY'],
    ['control characters', { topic: 'other', text: 'Klacht\u0007' }, 400, 'TEXT.INVALID'],
    ['a text that is not a string', { topic: 'other', text: ['klacht'] }, 400, 'REQUEST.INVALID'],
    ['an unknown topic', { topic: 'weather', text: 'Klacht' }, 400, 'REQUEST.INVALID'],
    ['no topic', { text: 'Klacht' }, 400, 'REQUEST.INVALID'],
  ])('%s is refused with a stable code and nothing is written', async (_name, payload, status, code) => {
    const before = await rw.count('complaint');
    const res = await complain(payload as Record<string, unknown>);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await rw.count('complaint')).toBe(before);
  });

  it('a body over the request limit is refused with REQUEST.TOO_LARGE', async () => {
    const before = await rw.count('complaint');
    const res = await complain({ topic: 'other', text: 'x'.repeat(300 * 1024) });
    expect([res.status, res.body.error.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    expect(await rw.count('complaint')).toBe(before);
  });

  it('malformed JSON is refused with REQUEST.INVALID', async () => {
    const res = await rw.t.app.inject({ method: 'POST', url: '/api/mijn/complaints', headers: { ...(await headers()), 'content-type': 'application/json' }, payload: '{"topic": "other", "text": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST.INVALID');
  });
});

describe('the commissioner handles it (Awb 9:6, 9:11, 9:12)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await complain({ topic: 'shared_without_basis', text: 'Mijn gegevens zijn zonder toestemming met de zorgaanbieder gedeeld.' })).body.id;
  });

  it('the complaint is in the commissioner’s queue with the requester and the deadline', async () => {
    const { status, body } = await rw.call('commissioner', 'GET', '/api/requests/complaints');
    expect(status).toBe(200);
    expect(body.complaints.find((c: { id: string }) => c.id === id)).toMatchObject({ subject: { displayName: 'Anna Testers' }, topic: 'shared_without_basis', mayPostpone: true });
  });

  it('a commissioner involved with the household does not see it (Awb 9:7), nor can open it', async () => {
    const { body } = await rw.call('involvedCommissioner', 'GET', '/api/requests/complaints');
    expect(body.complaints.some((c: { id: string }) => c.id === id)).toBe(false);
    expect((await rw.call('involvedCommissioner', 'GET', `/api/requests/complaints/${id}`)).status).toBe(404);
  });

  it('acknowledging, a committee (ten weeks) and a postponement (four more) move the deadline; the resident sees it', async () => {
    expect((await rw.call('commissioner', 'POST', `/api/requests/complaints/${id}/acknowledge`)).body).toMatchObject({ status: 'acknowledged', acknowledgedOn: today() });
    expect((await rw.call('commissioner', 'POST', `/api/requests/complaints/${id}/committee`, { committee: true })).body).toMatchObject({ weeks: 10, decideBy: onOrNextWorkingDay(addDays(today(), 70)) });
    const postponed = await rw.call('commissioner', 'POST', `/api/requests/complaints/${id}/postpone`, { reason: 'De commissie hoort eerst beide partijen.' });
    expect(postponed.body).toMatchObject({ weeks: 14, decideBy: onOrNextWorkingDay(addDays(today(), 98)), postponedOn: today(), mayPostpone: false });
    const again = await rw.call('commissioner', 'POST', `/api/requests/complaints/${id}/postpone`, { reason: 'Nog eens' });
    expect([again.status, again.body.error.code]).toEqual([409, 'COMPLAINT.POSTPONEMENT_NOT_ALLOWED']);
    const seen = await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${id}`);
    expect(seen.body).toMatchObject({ status: 'in_treatment', committee: true, postponementReason: 'De commissie hoort eerst beide partijen.', decideBy: postponed.body.decideBy });
  });

  it('no letter before the decision', async () => {
    const res = await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${id}/letter`);
    expect([res.status, res.body.error.code]).toEqual([409, 'COMPLAINT.NOT_DECIDED']);
  });

  it('the decision gives the resident an outcome letter naming the Nationale ombudsman and the term, also as PDF', async () => {
    const decided = await rw.call('commissioner', 'POST', `/api/requests/complaints/${id}/decide`, { outcome: 'partly_founded', findings: 'Het delen was nodig voor de begeleiding, maar u had beter moeten worden ingelicht.' });
    expect(decided.body).toMatchObject({ status: 'decided', outcome: 'partly_founded', deadline: 'met', ombudsmanUntil: addMonths(today(), 12) });
    const seen = await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${id}`);
    expect(seen.body).toMatchObject({ status: 'decided', findings: expect.stringContaining('beter moeten worden ingelicht') });
    const letter = await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${id}/letter`);
    expect(letter.status).toBe(200);
    expect(letter.body.ombudsman).toMatchObject({ name: 'Nationale ombudsman', until: addMonths(today(), 12) });
    expect(letter.body.paragraphs.join('\n')).toMatch(/Nationale ombudsman.*binnen 1 jaar/s);
    const pdf = await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${id}/letter?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await rw.call('commissioner', 'POST', `/api/requests/complaints/${id}/decide`, { outcome: 'unfounded', findings: 'Toch niet' });
    expect([again.status, again.body.error.code]).toEqual([409, 'COMPLAINT.ALREADY_DECIDED']);
  });
});

describe('deadlines and access', () => {
  it('a complaint past its deadline shows as overdue to the resident and first in the commissioner’s queue', async () => {
    const { body } = await complain({ topic: 'no_answer', text: 'Ik krijg geen antwoord.' }, 'resident:stranger');
    const at = new Date(Date.now() - 50 * 86_400_000);
    await rw.sql(`update complaint set received_at = $2, received_on = $3 where id = $1`, [body.id, at, dutchDate(at)]);
    expect((await rw.call('resident:stranger', 'GET', `/api/mijn/complaints/${body.id}`)).body.deadline).toBe('overdue');
    const queue = await rw.call('commissioner', 'GET', '/api/requests/complaints?filter=overdue');
    expect(queue.body.complaints.map((c: { id: string }) => c.id)).toContain(body.id);
    const open = await rw.call('commissioner', 'GET', '/api/requests/complaints');
    expect(open.body.complaints[0].deadline).toBe('overdue');
  });

  it('another resident’s complaint is 404, and so is its letter', async () => {
    const { body } = await complain({ topic: 'other', text: 'Van mij' }, 'resident:stranger');
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${body.id}`)).status).toBe(404);
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/complaints/${body.id}/letter?format=pdf`)).status).toBe(404);
  });

  it('only the complaints commissioner has the queue', async () => {
    expect((await rw.call('admin', 'GET', '/api/requests/complaints')).status).toBe(403);
    expect((await rw.call('resident:adult', 'GET', '/api/requests/complaints')).status).toBe(403);
  });
});

async function headers(): Promise<Record<string, string>> {
  const { openSessions } = await import('../../src/data/index.ts');
  const s = await openSessions(rw.t.store, rw.t.config.session).create({ kind: 'resident', id: rw.residents.adult, displayName: 'adult' }, { now: new Date() });
  return { cookie: `zv_session=${s.token}`, 'x-csrf-token': s.csrfToken };
}
