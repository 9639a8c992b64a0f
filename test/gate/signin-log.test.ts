/** Looking a resident up by BSN at sign-in is processing: it runs through the gate under system:signin and is logged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInIdentity } from '../../src/data/index.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';

let t: TestStore;
let w: World;
beforeAll(async () => {
  t = await createTestStore();
  w = await insertWorld(t);
});
afterAll(async () => t.close());

describe('resident sign-in lookup', () => {
  it('finds the resident by the blind index and logs the lookup against them under system:signin', async () => {
    const actor = await signInIdentity(t.store).residentByBsn(w.adultBsn);
    expect(actor).toMatchObject({ kind: 'resident', id: w.residents.adult });
    const rows = await t.ownerSql(
      `select l.data_subject_id, a.categories, a.purpose_code from processing_log l join access_record a on a.log_id = l.id where a.actor_role = 'system:signin'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data_subject_id).toBe(t.keyring.pseudonym(w.residents.adult));
    expect(rows[0]!.categories).toEqual(['bsn', 'identity']);
  });

  it('an unknown BSN finds nobody and processes nobody’s data', async () => {
    const before = await t.ownerSql(`select count(*)::int as n from processing_log`);
    expect(await signInIdentity(t.store).residentByBsn('123456782')).toBeNull();
    expect(await t.ownerSql(`select count(*)::int as n from processing_log`)).toEqual(before);
  });
});
