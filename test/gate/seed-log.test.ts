/** Seeding is system work, logged like any other: one entry per resident per batch, and the log verifies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMunicipality, verifyProcessingLog } from '../../src/data/index.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

let t: TestStore;
beforeAll(async () => {
  t = await createTestStore();
  await seedMunicipality(t.store, { residents: 120, seed: 11 });
});
afterAll(async () => t.close());

describe('seeding under the system context', () => {
  it('writes one log entry per seeded resident, as system:seed, and the log verifies', async () => {
    const residents = Number((await t.ownerSql('select count(*)::int as n from resident'))[0]!.n);
    const entries = await t.ownerSql(`select count(*)::int as n, count(distinct l.data_subject_id)::int as subjects from processing_log l join access_record a on a.log_id = l.id where a.actor_role = 'system:seed'`);
    expect(Number(entries[0]!.subjects)).toBe(residents);
    // One per resident per batch: a small municipality fits in one batch.
    expect(Number(entries[0]!.n)).toBe(residents);
    expect((await verifyProcessingLog(t.store)).ok).toBe(true);
  });

  it('the entries name the categories written, not the values', async () => {
    const rows = await t.ownerSql(`select a.categories from access_record a where a.actor_role = 'system:seed' and 'identity' = any(a.categories) limit 1`);
    expect(rows[0]!.categories).toEqual(expect.arrayContaining(['identity', 'address']));
  });
});
