/**
 * Intake and triage (issue 5 item 1; R1.2, R1.3), involvement matches (item 6; R1.5) and early signals
 * (item 7; R7): the BSN, the BRP's data, the registering professional's involvement, the transition
 * table; who else is involved, without content; only the fields the Bgs allows, the threshold, the
 * accountable professional.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workWorld, type WorkWorld } from './support.ts';

let ww: WorkWorld;
beforeAll(async () => {
  ww = await workWorld();
});
afterAll(async () => ww.close());

const NEW = { givenNames: 'Noa', surname: 'Nieuw', birthDate: '1990-05-05', gender: 'V', street: 'Nieuwstraat', houseNumber: 1, postcode: '7501 AB', city: 'Oosterveld' };

describe('intake', () => {
  it('a BSN that fails the 11-proef is refused by the schema or the 11-proef; nothing is written', async () => {
    const before = await ww.count('help_request');
    const r = await ww.call('consulent', 'POST', '/api/intake', { bsn: '123456789', domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om hulp', resident: NEW });
    expect(r.body.error.code).toBe('BSN.INVALID');
    expect(await ww.count('help_request')).toBe(before);
  });

  it('an unknown BSN without the BRP data is refused with INTAKE.RESIDENT_DATA_REQUIRED; nothing is written', async () => {
    const before = [await ww.count('help_request'), await ww.count('resident')];
    const r = await ww.call('consulent', 'POST', '/api/intake', { bsn: '100023757', domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om hulp' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INTAKE.RESIDENT_DATA_REQUIRED');
    expect([await ww.count('help_request'), await ww.count('resident')]).toEqual(before);
  });

  it('a chain partner cannot register help requests (the college’s task); nothing is written', async () => {
    const before = await ww.count('help_request');
    const r = await ww.call('provider', 'POST', '/api/intake', { bsn: ww.w.adultBsn, domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om hulp' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('AUTH.ROLE_REQUIRED');
    expect(await ww.count('help_request')).toBe(before);
  });

  it('a task that is not of the domain is refused with HELP_REQUEST.UNKNOWN_TASK', async () => {
    const r = await ww.call('consulent', 'POST', '/api/intake', { bsn: '100023757', domain: 'wmo', task: 'jeugd-hulp', summary: 'Vraag om hulp', resident: NEW });
    expect(r.body.error.code).toBe('HELP_REQUEST.UNKNOWN_TASK');
  });

  it('a new resident: resident, household and help request are created, the BSN only encrypted, the registrar involved as case worker', async () => {
    const r = await ww.call('jeugdconsulent', 'POST', '/api/intake', { bsn: '100023757', domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om huishoudelijke hulp', resident: NEW });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ residentSource: 'entered', status: 'registered' });
    const dump = JSON.stringify(await ww.t.ownerSql('select * from resident where id = $1', [r.body.residentId]));
    expect(dump).not.toContain('100023757');
    expect(await ww.count('involvement', "help_request_id = $1 and professional_id = $2 and role = 'case_worker'", [r.body.helpRequestId, ww.w.professionals.jeugdconsulent])).toBe(1);
    const view = await ww.call('jeugdconsulent', 'GET', `/api/help-requests/${r.body.helpRequestId}`);
    expect(view.status).toBe(200);
    expect(view.body.members[0].identity).toMatchObject({ givenNames: 'Noa', surname: 'Nieuw' });
    expect(view.body.members[0].address.postcode).toBe('7501AB');
  });

  it('a known BSN uses the data the BRP has: what was typed is not used', async () => {
    const r = await ww.call('pwconsulent', 'POST', '/api/intake', { bsn: ww.w.adultBsn, domain: 'schuldhulp', task: 'wgs-schuldhulp', summary: 'Betalingsachterstanden', resident: { ...NEW, givenNames: 'Verkeerd', surname: 'Getypt' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ residentSource: 'brp', residentId: ww.w.residents.adult, householdId: ww.w.households.main });
    expect((await ww.t.ownerSql('select given_names from resident where id = $1', [ww.w.residents.adult]))[0]!.given_names).toBe('Anna');
  });

  it('triage records the complexity and the reasoning and moves registered → triaged; a stale version is refused', async () => {
    const r = await ww.call('consulent', 'POST', '/api/intake', { bsn: '100039595', domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om hulp', resident: NEW });
    expect(r.status).toBe(201);
    const id = r.body.helpRequestId;
    const noReason = await ww.call('consulent', 'PUT', `/api/help-requests/${id}/triage`, { complexity: 'multi', reasoning: 'ja', version: 1 });
    expect(noReason.body.error.code).toBe('TRIAGE.REASONING_REQUIRED');
    const t = await ww.call('consulent', 'PUT', `/api/help-requests/${id}/triage`, { complexity: 'multi', reasoning: 'Schulden en zorg hangen met elkaar samen.', version: 1 });
    expect(t.body).toMatchObject({ status: 'triaged', complexity: 'multi', version: 2 });
    expect((await ww.call('consulent', 'PUT', `/api/help-requests/${id}/triage`, { complexity: 'single', reasoning: 'Toch alleen een Wmo-vraag.', version: 1 })).body.error.code).toBe('CONFLICT.VERSION');
    // The transition table: triaged → closed is allowed, triaged → registered is not; a closed purpose takes no writes.
    expect((await ww.call('consulent', 'POST', `/api/help-requests/${id}/status`, { to: 'registered', version: 2 })).body.error.code).toBe('HELP_REQUEST.INVALID_TRANSITION');
    expect((await ww.call('consulent', 'POST', `/api/help-requests/${id}/status`, { to: 'closed', version: 2 })).body.status).toBe('closed');
    expect((await ww.call('consulent', 'POST', `/api/help-requests/${id}/status`, { to: 'in_progress', version: 3 })).body.error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'purpose-open' } });
  });
});

describe('involvement matches (R1.5)', () => {
  it('professionals of different organisations with the same resident are told of each other — who and how, no content', async () => {
    const provider = await ww.call('consulent', 'GET', '/api/werkplek/involvement-notices');
    expect(provider.status).toBe(200);
    // The consulent (team) and the provider (partner) are both involved with the adult.
    const aboutProvider = provider.body.notices.find((n: { other: { id: string } }) => n.other.id === ww.w.professionals.provider);
    expect(aboutProvider).toMatchObject({ residentId: ww.w.residents.adult, residentName: 'Anna Testers', other: { name: 'Begeleider Test', organisation: 'Begeleiding Test BV' } });
    expect(Object.keys(aboutProvider.other).sort()).toEqual(['email', 'functionTitle', 'id', 'name', 'organisation', 'phone']);
    // Colleagues of the same organisation are no match.
    expect(provider.body.notices.some((n: { other: { id: string } }) => n.other.id === ww.w.professionals.director)).toBe(false);
  });

  it('a partner is told only while its sub-activity lets it see DAT-information of the resident', async () => {
    const r = await ww.call('provider', 'GET', '/api/werkplek/involvement-notices');
    expect(r.body.notices).toEqual([]);
    await ww.t.ownerSql(`update sub_activity set data_categories = array_append(data_categories, 'involvement') where id = $1`, [ww.w.subActivity]);
    const again = await ww.call('provider', 'GET', '/api/werkplek/involvement-notices');
    expect(again.body.notices.map((n: { other: { id: string } }) => n.other.id)).toContain(ww.w.professionals.consulent);
  });

  it('a notice can be marked seen only by its recipient', async () => {
    const r = await ww.call('consulent', 'GET', '/api/werkplek/involvement-notices');
    const id = r.body.notices[0].id;
    expect((await ww.call('stranger', 'POST', `/api/werkplek/involvement-notices/${id}/seen`)).status).toBe(404);
    expect((await ww.call('consulent', 'POST', `/api/werkplek/involvement-notices/${id}/seen`)).status).toBe(204);
  });
});

describe('early signals (R7)', () => {
  const signal = (amount: number, extra: object = {}) => ({
    creditorKind: 'housing', creditorName: 'Woonstichting Oost', arrearsAmount: amount, arrearsSince: '2026-09-01',
    contact: { name: 'Anna Testers', street: 'Teststraat', houseNumber: 12, postcode: '7511AB', city: 'Oosterveld' }, ...extra,
  });

  it('a field the Bgs does not allow (a health remark) is refused by the schema; nothing is stored', async () => {
    const before = await ww.count('early_signal');
    const r = await ww.call('pwconsulent', 'POST', '/api/signals/payment-arrears', { consultReason: 'Maandelijkse levering van de woningcorporatie.', signals: [signal(300, { remark: 'heeft een verslaving' })] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REQUEST.INVALID');
    expect(await ww.count('early_signal')).toBe(before);
  });

  it('the reason for consulting automated sources is required', async () => {
    const r = await ww.call('pwconsulent', 'POST', '/api/signals/payment-arrears', { consultReason: 'x', signals: [signal(300)] });
    expect(r.body.error.code).toBe('SIGNAL.REASON_REQUIRED');
  });

  it('signals under the threshold are dropped, the rest kept, matched, with the receiver accountable', async () => {
    const r = await ww.call('pwconsulent', 'POST', '/api/signals/payment-arrears', { consultReason: 'Maandelijkse levering van de woningcorporatie.', signals: [signal(40), signal(312.5)] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ received: 2, dropped: 1, thresholdEuros: 75, signals: [{ matched: true }] });
    const list = await ww.call('pwconsulent', 'GET', '/api/signals');
    expect(list.body.signals[0]).toMatchObject({ arrearsEuros: 312.5, consultReason: 'Maandelijkse levering van de woningcorporatie.', accountable: { id: ww.w.professionals.pwconsulent }, residentId: ww.w.residents.adult });
    expect(await ww.count('early_signal', 'arrears_cents = 4000')).toBe(0);
  });

  it('only the accountable professional sees the signal', async () => {
    const list = await ww.call('pwconsulent', 'GET', '/api/signals');
    const id = list.body.signals[0].id;
    expect((await ww.call('consulent', 'GET', `/api/signals/${id}`)).status).toBe(404);
    expect((await ww.call('consulent', 'GET', '/api/signals')).body.signals).toEqual([]);
  });

  it('a chain partner cannot receive signals', async () => {
    const r = await ww.call('provider', 'POST', '/api/signals/payment-arrears', { consultReason: 'Maandelijkse levering van de woningcorporatie.', signals: [signal(300)] });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'signal-accountable' } });
  });

  it('contact attempts (GGM Contactpoging), hand-over and the outcome (GGM resultaat) are recorded; a closed signal stays closed', async () => {
    let s = (await ww.call('pwconsulent', 'GET', '/api/signals')).body.signals[0];
    s = (await ww.call('pwconsulent', 'POST', `/api/signals/${s.id}/contact-attempts`, { version: s.version, kind: 'huisbezoek', reached: false, dayPart: 'middag', on: '2026-10-01' })).body;
    expect(s).toMatchObject({ status: 'picked_up', contactAttempts: [{ kind: 'huisbezoek', reached: false, dayPart: 'middag' }] });
    s = (await ww.call('pwconsulent', 'POST', `/api/signals/${s.id}/close`, { version: s.version, result: 'vervolghulp_verwijzing_financieel', note: 'Aangemeld voor schuldhulpverlening.', discussedWithResident: true })).body;
    expect(s).toMatchObject({ status: 'closed', result: 'vervolghulp_verwijzing_financieel', discussedWithResident: true });
    expect((await ww.call('pwconsulent', 'POST', `/api/signals/${s.id}/pick-up`, { version: s.version, reason: 'Toch nog eens bekijken.' })).body.error.code).toBe('SIGNAL.CLOSED');
  });

  it('an own observation is stored with the observation encrypted; the observer is accountable', async () => {
    const r = await ww.call('director', 'POST', '/api/signals/observations', { contact: { name: 'Buurman Zorg', street: 'Dorpsweg', houseNumber: 8, postcode: '7500 ZZ' }, observation: 'Brievenbus puilt uit, gordijnen al weken dicht.' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'own_observation', accountable: { id: ww.w.professionals.director }, observation: 'Brievenbus puilt uit, gordijnen al weken dicht.' });
    expect(JSON.stringify(await ww.t.ownerSql('select * from early_signal where id = $1', [r.body.id]))).not.toContain('Brievenbus');
  });

  it('the threshold is configuration a functional administrator sets', async () => {
    expect((await ww.call('pwconsulent', 'PUT', '/api/signals/settings', { thresholdEuros: 10, version: 1 })).status).toBe(403);
  });
});
