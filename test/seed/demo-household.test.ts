/**
 * The demo personas and their household (docs/demo-personas.md): the gate tests and the demo rely on
 * exactly these rows, ids and sign-in subjects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldAad } from '../../src/core/crypto/keyring.ts';
import { DEMO_IDS, DEMO_ORGANISATIONS, DEMO_RESIDENT_BSN, PERSONAS, persona } from '../../src/core/demo/personas.ts';
import { isValidBsn } from '../../src/core/domain/bsn.ts';
import { seedMunicipality, signInIdentity } from '../../src/data/index.ts';
import { DEMO_MEMBER_BSNS } from '../../src/data/seed/demo.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

describe('the persona table', () => {
  it('has unique keys, subjects and ids', () => {
    for (const field of ['key', 'oidcSubject', 'id'] as const) {
      expect(new Set(PERSONAS.map((p) => p[field])).size).toBe(PERSONAS.length);
    }
  });

  it('sends staff to /werkplek and the resident to /mijn', () => {
    expect(PERSONAS.every((p) => p.landingPage === (p.kind === 'staff' ? '/werkplek' : '/mijn'))).toBe(true);
  });

  it('gives the privacy officer, complaints commissioner and administrator their staff role only', () => {
    expect(persona('demo-privacy-officer')).toMatchObject({ roles: ['privacy_officer'], organisationName: 'Gemeente Oosterveld' });
    expect(persona('demo-klachtencommissaris').roles).toEqual(['complaints_commissioner']);
    expect(persona('demo-beheerder').roles).toEqual(['functional_admin']);
  });

  it('uses fictitious BSNs from the 9999 block that pass the 11-proef', () => {
    for (const bsn of [DEMO_RESIDENT_BSN, ...Object.values(DEMO_MEMBER_BSNS)]) {
      expect(bsn.startsWith('9999')).toBe(true);
      expect(isValidBsn(bsn)).toBe(true);
    }
  });
});

describe('the demo household in a seeded database', () => {
  let t: TestStore;
  const q = (text: string, params: unknown[] = []) => t.ownerSql(text, params);
  beforeAll(async () => {
    t = await createTestStore();
    await seedMunicipality(t.store, { residents: 200, seed: 5 });
  });
  afterAll(async () => t?.close());

  it('signs every staff persona in with its subject, organisation and roles', async () => {
    const identity = signInIdentity(t.store);
    for (const p of PERSONAS.filter((x) => x.kind === 'staff')) {
      const actor = await identity.professionalBySubject(p.oidcSubject);
      expect(actor).toMatchObject({ kind: 'professional', id: p.id, displayName: p.displayName });
      const org = DEMO_ORGANISATIONS.find((o) => o.key === p.organisationKey)!;
      expect(actor).toMatchObject({ organisationId: org.id });
      for (const role of p.roles) expect(actor!.kind === 'professional' && actor!.roles).toContain(role);
    }
  });

  it('finds the resident persona by her BSN through the blind index', async () => {
    const actor = await signInIdentity(t.store).residentByBsn(DEMO_RESIDENT_BSN);
    expect(actor).toMatchObject({ kind: 'resident', id: DEMO_IDS.residents.linda, displayName: 'Linda ter Horst-Kamphuis' });
    const [row] = await q('select bsn_cipher from resident where id = $1', [DEMO_IDS.residents.linda]);
    expect(t.keyring.decrypt(row!.bsn_cipher as Uint8Array, fieldAad('resident', 'bsn_cipher', DEMO_IDS.residents.linda))).toBe(DEMO_RESIDENT_BSN);
  });

  it('is a household of two partners and two children, one a teenager, with both parents holding authority', async () => {
    const members = await q(`select m.relation, extract(year from age(date '2026-11-01', r.birth_date))::int as age
                               from household_member m join resident r on r.id = m.resident_id where m.household_id = $1 order by r.birth_date`, [DEMO_IDS.household]);
    expect(members.map((m) => m.relation)).toEqual(['partner', 'head', 'child', 'child']);
    expect(members.filter((m) => m.relation === 'child' && Number(m.age) >= 13 && Number(m.age) < 18)).toHaveLength(1);
    const reps = await q('select count(*)::int as n from legal_representative where resident_id in ($1, $2)', [DEMO_IDS.residents.daan, DEMO_IDS.residents.noor]);
    expect(reps[0]!.n).toBe(4);
  });

  it('has help requests in Wmo, debt relief, youth care and social assistance, all triaged multi', async () => {
    const rows = await q('select domain_code, complexity from help_request where household_id = $1 order by domain_code', [DEMO_IDS.household]);
    expect(rows).toEqual([
      { domain_code: 'jeugd', complexity: 'multi' },
      { domain_code: 'schuldhulp', complexity: 'multi' },
      { domain_code: 'werk_inkomen', complexity: 'multi' },
      { domain_code: 'wmo', complexity: 'multi' },
    ]);
  });

  it('has one active plan with the wijkcoach as director, through a director involvement', async () => {
    const plans = await q("select id, director_id from support_plan where household_id = $1 and status = 'active'", [DEMO_IDS.household]);
    expect(plans).toEqual([{ id: DEMO_IDS.plan, director_id: persona('demo-wijkcoach').id }]);
    const [inv] = await q('select professional_id, role, valid_until from involvement where id = $1', [DEMO_IDS.involvements.director]);
    expect(inv).toEqual({ professional_id: persona('demo-wijkcoach').id, role: 'director', valid_until: null });
  });

  it('involves the consulent with the Wmo help request, and the previous consulent no longer', async () => {
    const rows = await q(`select professional_id, valid_until is null as current from involvement
                           where help_request_id = $1 and role = 'case_worker' order by valid_from`, [DEMO_IDS.helpRequests.wmo]);
    expect(rows).toEqual([
      { professional_id: persona('demo-vorige-consulent').id, current: false },
      { professional_id: persona('demo-consulent').id, current: true },
    ]);
  });

  it('involves the care provider only through a Wmo support sub-activity for Linda with five categories', async () => {
    const [row] = await q(`select s.resident_id, s.data_categories, o.name, o.secrecy_origin, i.role
                             from involvement i join sub_activity s on s.id = i.sub_activity_id join organisation o on o.id = s.organisation_id
                            where i.professional_id = $1 and i.household_id = $2`, [persona('demo-zorgaanbieder').id, DEMO_IDS.household]);
    expect(row).toEqual({
      resident_id: DEMO_IDS.residents.linda,
      data_categories: ['identity', 'address', 'contact', 'daily_functioning', 'care_needs'],
      name: 'Zorggroep Esrand',
      secrecy_origin: 'wmo',
      role: 'provider',
    });
  });

  it('holds special-category items encrypted and a Suwinet income item for the Participatiewet request', async () => {
    const special = await q("select value_text, value_cipher is not null as sealed from data_item where household_id = $1 and category = 'health_mental'", [DEMO_IDS.household]);
    expect(special).toEqual([{ value_text: null, sealed: true }]);
    const suwi = await q("select help_request_id, resident_id from data_item where household_id = $1 and source = 'suwi' and category = 'income'", [DEMO_IDS.household]);
    expect(suwi).toEqual([{ help_request_id: DEMO_IDS.helpRequests.pw, resident_id: DEMO_IDS.residents.erik }]);
  });

  it('keeps each partner’s own records with its sub-activity', async () => {
    const rows = await q('select sub_activity_id, source from data_item where household_id = $1 and sub_activity_id is not null order by sub_activity_id', [DEMO_IDS.household]);
    expect(rows.map((r) => r.sub_activity_id)).toEqual(Object.values(DEMO_IDS.subActivities).sort());
    expect(rows.every((r) => r.source === 'provider')).toBe(true);
  });
});
