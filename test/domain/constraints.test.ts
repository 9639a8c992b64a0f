/**
 * The domain rules the database itself enforces (R1.4, R1.5, R2.4), checked on a seeded municipality:
 * whatever code writes, these cannot be broken.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, persona } from '../../src/core/demo/personas.ts';
import { seedMunicipality } from '../../src/data/index.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

/** The seed's reference date: "now" in the synthetic municipality. */
const AS_OF = '2026-11-01';
let t: TestStore;
beforeAll(async () => {
  t = await createTestStore();
  await seedMunicipality(t.store, { residents: 800, seed: 11 });
});
afterAll(async () => t?.close());

const wijkcoach = persona('demo-wijkcoach').id;
const consulent = persona('demo-consulent').id;

describe('one household, one plan, one director (R1.4)', () => {
  it('a second active plan for a household is refused', async () => {
    await expect(
      t.ownerSql(`insert into support_plan (id, household_id, status, director_id, created_at) values ($1, $2, 'active', $3, now())`, [randomUUID(), DEMO_IDS.household, wijkcoach]),
    ).rejects.toThrow(/support_plan_one_active|unique/);
  });

  it('a closed or draft plan next to the active one is allowed', async () => {
    await t.ownerSql(`insert into support_plan (id, household_id, status, director_id, created_at) values ($1, $2, 'closed', $3, now())`, [randomUUID(), DEMO_IDS.household, wijkcoach]);
  });

  it('every active plan has exactly one current director involvement, held by its director', async () => {
    const rows = await t.ownerSql(`
      select p.id, p.director_id,
             array_agg(i.professional_id) filter (where i.id is not null) as directors
        from support_plan p
        left join involvement i on i.household_id = p.household_id and i.role = 'director'
             and i.valid_from <= $1 and (i.valid_until is null or i.valid_until > $1)
       where p.status = 'active'
       group by p.id, p.director_id`, [AS_OF]);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.directors).toEqual([r.director_id]);
  });

  it('every director is a wijkcoach of a social neighbourhood team', async () => {
    const rows = await t.ownerSql(`
      select distinct pr.function_title, o.name from support_plan p
        join professional pr on pr.id = p.director_id join organisation o on o.id = pr.organisation_id`);
    expect(rows).toEqual([{ function_title: 'Wijkcoach', name: 'Sociaal Wijkteam Centrum' }]);
  });
});

describe('involvements (R1.5, R2.1)', () => {
  const base = () => [randomUUID(), consulent, DEMO_IDS.household, DEMO_IDS.helpRequests.wmo];

  it('an involvement that ends before it starts is refused', async () => {
    await expect(
      t.ownerSql(`insert into involvement (id, professional_id, household_id, help_request_id, role, valid_from, valid_until) values ($1, $2, $3, $4, 'case_worker', '2026-10-01', '2026-09-01')`, base()),
    ).rejects.toThrow(/check/);
  });

  it('an involvement that ends the moment it starts is refused (the period is half-open)', async () => {
    await expect(
      t.ownerSql(`insert into involvement (id, professional_id, household_id, help_request_id, role, valid_from, valid_until) values ($1, $2, $3, $4, 'case_worker', '2026-10-01', '2026-10-01')`, base()),
    ).rejects.toThrow(/check/);
  });

  it('a provider involvement without a sub-activity is refused', async () => {
    await expect(
      t.ownerSql(`insert into involvement (id, professional_id, household_id, help_request_id, role, valid_from) values ($1, $2, $3, $4, 'provider', now())`, base()),
    ).rejects.toThrow(/check/);
  });

  it('a case-worker involvement through a sub-activity is refused too', async () => {
    await expect(
      t.ownerSql(`insert into involvement (id, professional_id, household_id, help_request_id, sub_activity_id, role, valid_from) values ($1, $2, $3, $4, $5, 'case_worker', now())`, [...base(), DEMO_IDS.subActivities.wmoBegeleiding]),
    ).rejects.toThrow(/check/);
  });
});

describe('data items (R1.2, R2.4)', () => {
  it('an item with both a clear-text and an encrypted value is refused', async () => {
    await expect(
      t.ownerSql(
        `insert into data_item (id, resident_id, household_id, help_request_id, category, source, legal_basis, confidentiality, retention_class, value_text, value_cipher, recorded_at)
         values ($1, $2, $3, $4, 'contact', 'resident', 'wmo-5.1.1-scope', 'zaakvertrouwelijk', 'wmo', 'x', '\\x00', now())`,
        [randomUUID(), DEMO_IDS.residents.linda, DEMO_IDS.household, DEMO_IDS.helpRequests.wmo],
      ),
    ).rejects.toThrow(/check/);
  });

  it('an item without a help request (purpose) is refused', async () => {
    await expect(
      t.ownerSql(
        `insert into data_item (id, resident_id, household_id, help_request_id, category, source, legal_basis, confidentiality, retention_class, value_text, recorded_at)
         values ($1, $2, $3, null, 'contact', 'resident', 'wmo-5.1.1-scope', 'zaakvertrouwelijk', 'wmo', 'x', now())`,
        [randomUUID(), DEMO_IDS.residents.linda, DEMO_IDS.household],
      ),
    ).rejects.toThrow(/null/);
  });

  it('every seeded sealed category is stored only as ciphertext', async () => {
    const rows = await t.ownerSql(`
      select category, count(*)::int as n from data_item
       where category in ('bsn', 'criminal', 'care_needs', 'health_physical', 'health_mental', 'addiction', 'youth_care', 'care_record', 'religion', 'ethnicity')
         and (value_text is not null or value_cipher is null)
       group by category`);
    expect(rows).toEqual([]);
  });
});

describe('legal representation', () => {
  it('nobody represents themselves', async () => {
    await expect(
      t.ownerSql(`insert into legal_representative (id, resident_id, representative_id, kind, valid_from) values ($1, $2, $2, 'mentor', '2026-01-01')`, [randomUUID(), DEMO_IDS.residents.linda]),
    ).rejects.toThrow(/check/);
  });

  it('every seeded minor has a current representative', async () => {
    const rows = await t.ownerSql(`
      select r.id from resident r
       where r.birth_date > $1::date - interval '18 years'
         and not exists (select 1 from legal_representative l where l.resident_id = r.id
                         and l.valid_from <= $1::date and (l.valid_until is null or l.valid_until > $1::date))`, [AS_OF]);
    expect(rows).toEqual([]);
  });
});
