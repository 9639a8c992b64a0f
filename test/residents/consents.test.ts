/**
 * My consents with withdrawal (R4.1, R5; AVG art. 7(3)): withdrawal from the portal takes effect at once
 * for the gate; someone else's consent is a logged 404 and nothing changes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldAad } from '../../src/core/crypto/keyring.ts';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
const item = randomUUID();
const consent = randomUUID();
const strangerConsent = randomUUID();
const VALUE = 'Psychische klachten, bekend bij het jeugdteam';

beforeAll(async () => {
  rw = await residentsWorld();
  // An item about the adult collected for the Jeugd help request, reused in the Wmo case only with her
  // explicit consent (Wmo 2015 art. 5.1.1 lid 4).
  const cipher = Buffer.from(rw.t.keyring.encrypt(VALUE, fieldAad('data_item', 'value_cipher', item)));
  await rw.sql(
    `insert into data_item (id, resident_id, household_id, help_request_id, category, source, legal_basis, confidentiality, retention_class, value_cipher, recorded_by, recorded_at)
     values ($1, $2, $3, $4, 'health_mental', 'resident', 'jw-7.4.0-scope', 'vertrouwelijk', 'jeugd', $5, $6, now() - interval '2 days')`,
    [item, rw.residents.adult, rw.w.households.main, rw.w.helpRequests.jeugd, cipher, rw.w.professionals.jeugdconsulent],
  );
  await rw.sql(
    `insert into consent (id, resident_id, help_request_id, kind, categories, source_law, target_law, purpose, given_by, given_at, recorded_by)
     values ($1, $2, $3, 'explicit', '{health_mental}', 'jeugdwet', 'wmo2015', 'Gegevens van het jeugdteam gebruiken voor het Wmo-onderzoek', $2, now() - interval '1 day', $4),
            ($5, $6, $7, 'ordinary', '{housing}', null, null, 'Woongegevens delen', $6, now() - interval '1 day', $8)`,
    [consent, rw.residents.adult, rw.w.helpRequests.wmo, rw.w.professionals.consulent, strangerConsent, rw.residents.stranger, rw.w.helpRequests.other, rw.w.professionals.stranger],
  );
});
afterAll(async () => rw?.close());

async function consulentSees(): Promise<boolean> {
  const { body } = await rw.call('consulent', 'GET', `/api/households/${rw.w.households.main}`);
  return (body.dataItems as Array<{ id: string }>).some((d) => d.id === item);
}

describe('my consents', () => {
  it('lists what I consented to: which data, for which help request, the purpose', async () => {
    const { status, body } = await rw.call('resident:adult', 'GET', '/api/mijn/consents');
    expect(status).toBe(200);
    expect(body.consents).toHaveLength(1);
    expect(body.consents[0]).toMatchObject({ id: consent, kind: 'explicit', helpRequestReference: 'HV-T-1', categories: [{ code: 'health_mental' }], sourceLaw: 'jeugdwet', targetLaw: 'wmo2015', withdrawnAt: null });
  });

  it('withdrawal takes effect at once: the consulent no longer sees the data the consent let through', async () => {
    expect(await consulentSees()).toBe(true);
    const { status, body } = await rw.call('resident:adult', 'POST', `/api/mijn/consents/${consent}/withdraw`);
    expect(status).toBe(200);
    expect(typeof body.withdrawnAt).toBe('string');
    expect(body.withdrawnInPortal).toBe(true);
    expect(await consulentSees()).toBe(false);
    expect(await rw.count('consent_withdrawal', 'consent_id = $1 and withdrawn_by = $2', [consent, rw.residents.adult])).toBe(1);
  });

  it('withdrawing twice is refused with CONSENT.ALREADY_WITHDRAWN', async () => {
    const { status, body } = await rw.call('resident:adult', 'POST', `/api/mijn/consents/${consent}/withdraw`);
    expect([status, body.error.code]).toEqual([409, 'CONSENT.ALREADY_WITHDRAWN']);
  });

  it('another resident’s consent cannot be withdrawn: 404, nothing written, the attempt logged', async () => {
    const denials = await rw.count('access_record', "decision = 'deny' and actor_id = $1", [rw.residents.adult]);
    const { status } = await rw.call('resident:adult', 'POST', `/api/mijn/consents/${strangerConsent}/withdraw`);
    expect(status).toBe(404);
    expect(await rw.count('consent', 'id = $1 and withdrawn_at is null', [strangerConsent])).toBe(1);
    expect(await rw.count('consent_withdrawal', 'consent_id = $1', [strangerConsent])).toBe(0);
    expect(await rw.count('access_record', "decision = 'deny' and actor_id = $1", [rw.residents.adult])).toBe(denials + 1);
  });

  it('a consent id that does not exist is 404 as well', async () => {
    const { status } = await rw.call('resident:adult', 'POST', `/api/mijn/consents/${randomUUID()}/withdraw`);
    expect(status).toBe(404);
  });
});
