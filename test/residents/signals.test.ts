/**
 * My signals and involvement matches (R5, R7.2, R1.5): the resident sees the early signals matched to
 * them with who is accountable and why, and which professionals were told of each other's involvement.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
const signal = randomUUID();
const match = randomUUID();

beforeAll(async () => {
  rw = await residentsWorld();
  await rw.sql(
    `insert into early_signal (id, kind, status, received_at, creditor_kind, creditor_name, arrears_cents, arrears_since, contact_name, consult_reason, resident_id, accountable_id, recorded_by, picked_up_at, pickup_reason)
     values ($1, 'payment_arrears', 'picked_up', now() - interval '5 days', 'housing', 'Woonstichting Test', 145000, '2026-06-01', 'A. Testers', 'Huurachterstand boven de drempel', $2, $3, $3, now() - interval '4 days', 'Contact opnemen over hulp bij schulden')`,
    [signal, rw.residents.adult, rw.staff.director],
  );
  await rw.sql(`insert into contact_attempt (id, signal_id, kind, reached, attempted_on, recorded_by, recorded_at) values ($1, $2, 'telefoon', false, current_date - 3, $3, now())`, [randomUUID(), signal, rw.staff.director]);
  const invs = await rw.sql(`select id, professional_id from involvement where household_id = $1 and professional_id in ($2, $3) order by professional_id`, [rw.w.households.main, rw.staff.director, rw.staff.consulent]);
  const [a, b] = invs as Array<{ id: string; professional_id: string }>;
  await rw.sql(
    `insert into involvement_match (id, household_id, resident_id, professional_a, professional_b, involvement_a, involvement_b, matched_at) values ($1, $2, $3, $4, $5, $6, $7, now() - interval '2 days')`,
    [match, rw.w.households.main, rw.residents.adult, a!.professional_id, b!.professional_id, a!.id, b!.id],
  );
});
afterAll(async () => rw?.close());

describe('my signals and matches', () => {
  it('shows a payment-arrears signal with the creditor, the amount, why it was consulted, who is accountable and the contact attempts', async () => {
    const { status, body } = await rw.call('resident:adult', 'GET', '/api/mijn/signals');
    expect(status).toBe(200);
    expect(body.signals).toEqual([
      expect.objectContaining({
        id: signal,
        kind: 'payment_arrears',
        creditor: { kind: 'housing', name: 'Woonstichting Test' },
        arrearsCents: 145000,
        consultReason: 'Huurachterstand boven de drempel',
        accountable: { name: 'Regisseur Test', organisation: 'Sociaal Wijkteam Test' },
        contactAttempts: [expect.objectContaining({ kind: 'telefoon', reached: false })],
      }),
    ]);
  });

  it('shows which professionals were told of each other’s involvement with me', async () => {
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/signals');
    // The match inserted above, and those the matching job recorded for the world's partner (R1.5).
    const recorded = await rw.sql(`select count(*)::int as n from involvement_match where resident_id = $1`, [rw.residents.adult]);
    expect(body.matches).toHaveLength(recorded[0]!.n as number);
    const pairs = body.matches.map((m: { professionals: Array<{ name: string }> }) => m.professionals.map((p) => p.name).sort().join(' & '));
    expect(pairs).toContain('Consulent Test & Regisseur Test');
    expect(pairs).toContain('Begeleider Test & Consulent Test');
  });

  it('another resident sees none of it', async () => {
    const { body } = await rw.call('resident:stranger', 'GET', '/api/mijn/signals');
    expect(body).toEqual({ signals: [], matches: [] });
    expect((await rw.call('resident:adult', 'GET', `/api/mijn/signals?subject=${rw.residents.stranger}`)).status).toBe(404);
  });
});
