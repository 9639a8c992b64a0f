/**
 * Access restrictions, the professional's side (R5.2; Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41): recorded by
 * an involved professional under a purpose their involvement covers, with reason and review date; due
 * and overdue reviews head the list; a review continues or ends the restriction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutchDate } from '../../src/core/residents/calendar.ts';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
beforeAll(async () => {
  rw = await residentsWorld();
});
afterAll(async () => rw?.close());

const inDays = (n: number) => addDays(dutchDate(new Date()), n);
const body = (over: Record<string, unknown> = {}): Record<string, unknown> & { objectIds: string[] } => ({
  residentId: rw.residents.adult,
  helpRequestId: rw.w.helpRequests.wmo,
  objectIds: [rw.w.items.careNeeds],
  categories: [],
  appliesTo: 'all',
  reasonCode: 'third_party_privacy',
  reason: 'Bevat gegevens van een derde.',
  discloseExistence: true,
  reviewOn: inDays(60),
  ...over,
});

describe('recording a restriction', () => {
  it('an involved professional records it; the reasoning is stored only encrypted', async () => {
    const res = await rw.call('consulent', 'POST', '/api/restrictions', body({ reason: 'Melding-van-buurvrouw-Jansen' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentName: 'Anna Testers', decidedBy: 'Consulent Test', reviewOn: inDays(60), review: 'open', reason: { code: 'third_party_privacy' } });
    const rows = await rw.sql(`select reason_cipher::text as t from access_restriction where id = $1`, [res.body.id]);
    expect(String(rows[0]!.t)).not.toContain('Jansen');
  });

  it('a professional not involved with the household gets 404, and nothing is written', async () => {
    const before = await rw.count('access_restriction');
    const res = await rw.call('stranger', 'POST', '/api/restrictions', body());
    expect([res.status, res.body.error.code]).toEqual([404, 'GATE.NOT_FOUND']);
    expect(await rw.count('access_restriction')).toBe(before);
  });

  it('a chain partner cannot record one (need-to-know): refused, nothing written', async () => {
    const before = await rw.count('access_restriction');
    const res = await rw.call('provider', 'POST', '/api/restrictions', body({ helpRequestId: rw.w.helpRequests.wmoMaatwerk }));
    expect(res.status).toBe(403);
    expect(await rw.count('access_restriction')).toBe(before);
  });

  it.each([
    ['a review date in the past', { reviewOn: inDays(-1) }, 'RESTRICTION.INVALID_REVIEW_DATE'],
    ['a review date more than a year away', { reviewOn: inDays(400) }, 'RESTRICTION.INVALID_REVIEW_DATE'],
    ['a record of another resident', { objectIds: ['<the stranger’s item>'] }, 'RESTRICTION.INVALID_TARGET'],
    ['nothing to withhold', { objectIds: [], categories: [] }, 'RESTRICTION.INVALID_TARGET'],
    ['an unknown category', { objectIds: [], categories: ['shoe_size'] }, 'RESTRICTION.INVALID_TARGET'],
  ])('%s is refused (%s) and nothing is written', async (_name, over, code) => {
    const before = await rw.count('access_restriction');
    const payload = body(over);
    if (payload.objectIds.includes('<the stranger’s item>')) payload.objectIds = [rw.w.items.strangerItem];
    const res = await rw.call('consulent', 'POST', '/api/restrictions', payload);
    expect([res.status, res.body.error.code]).toEqual([400, code]);
    expect(await rw.count('access_restriction')).toBe(before);
  });
});

describe('reviews', () => {
  it('an overdue review heads the list of the professionals involved with the household', async () => {
    const made = await rw.call('director', 'POST', '/api/restrictions', body({ categories: ['housing'], objectIds: [] }));
    await rw.sql(`update access_restriction set review_on = $2 where id = $1`, [made.body.id, inDays(-3)]);
    const list = await rw.call('director', 'GET', '/api/restrictions');
    expect(list.status).toBe(200);
    expect(list.body.restrictions[0]).toMatchObject({ id: made.body.id, review: 'overdue' });
    // Someone not involved with the household does not see it.
    expect((await rw.call('stranger', 'GET', '/api/restrictions')).body.restrictions).toEqual([]);
  });

  it('continuing sets the next review date; ending lifts the restriction for the resident at once', async () => {
    const made = await rw.call('director', 'POST', '/api/restrictions', body({ objectIds: [rw.w.items.suwiIncome], helpRequestId: rw.w.helpRequests.wmo }));
    const seenBefore = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    expect(JSON.stringify(seenBefore.body)).not.toContain(rw.w.values.suwiIncome);
    const cont = await rw.call('director', 'POST', `/api/restrictions/${made.body.id}/review`, { outcome: 'continue', nextReviewOn: inDays(120), note: 'Nog steeds nodig.' });
    expect(cont.body).toMatchObject({ reviewOn: inDays(120), endedAt: null });
    const ended = await rw.call('director', 'POST', `/api/restrictions/${made.body.id}/review`, { outcome: 'end' });
    expect(ended.body.endedAt).not.toBeNull();
    expect(await rw.count('access_restriction_review', 'restriction_id = $1', [made.body.id])).toBe(2);
    const seenAfter = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    expect(JSON.stringify(seenAfter.body)).toContain(rw.w.values.suwiIncome);
    const again = await rw.call('director', 'POST', `/api/restrictions/${made.body.id}/review`, { outcome: 'end' });
    expect([again.status, again.body.error.code]).toEqual([409, 'RESTRICTION.ENDED']);
  });

  it('continuing without a valid next review date is refused', async () => {
    const made = await rw.call('director', 'POST', '/api/restrictions', body({ categories: ['contact'], objectIds: [] }));
    const res = await rw.call('director', 'POST', `/api/restrictions/${made.body.id}/review`, { outcome: 'continue' });
    expect([res.status, res.body.error.code]).toEqual([400, 'RESTRICTION.INVALID_REVIEW_DATE']);
  });

  it('a restriction id that does not exist is 404', async () => {
    expect((await rw.call('director', 'POST', '/api/restrictions/00000000-0000-4000-8000-000000000000/review', { outcome: 'end' })).status).toBe(404);
  });
});
