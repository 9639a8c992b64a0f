/** Key rotation: every ciphertext moves to the newest key version, values survive, and it is logged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Keyring, fieldAad } from '../../src/core/crypto/keyring.ts';
import { rotateKeys, countOldCiphertexts, verifyProcessingLog } from '../../src/data/index.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';

const material = Keyring.generateMaterial();
let t: TestStore;
let w: World;

beforeAll(async () => {
  t = await createTestStore({}, material);
  w = await insertWorld(t);
});
afterAll(async () => t.close());

describe('keys rotate', () => {
  it('re-encrypts every field under the new key version, keeps every value, and logs the work', async () => {
    expect((await countOldCiphertexts(t.store)).total).toBe(0);
    const next = new Keyring({ ...material, data: { ...material.data, '2': randomBytes(32).toString('base64') } });
    const rotated = await t.withKeyring(next);
    expect((await countOldCiphertexts(rotated)).total).toBe(5);
    const r = await rotateKeys(rotated);
    expect(r).toMatchObject({ currentVersion: 2, residents: 1, dataItems: 4, remainingOld: 0 });
    const [row] = await t.ownerSql('select value_cipher from data_item where id = $1', [w.items.careNeeds]);
    expect(Keyring.versionOf(row!.value_cipher as Uint8Array)).toBe(2);
    expect(next.decrypt(row!.value_cipher as Uint8Array, fieldAad('data_item', 'value_cipher', w.items.careNeeds))).toBe(w.values.careNeeds);
    // One entry per data subject per batch: the adult's BSN; the adult's two items; the child's two items.
    const logged = await t.ownerSql(`select count(*)::int as n from access_record where actor_role = 'system:key-rotation'`);
    expect(Number(logged[0]!.n)).toBe(3);
    expect((await verifyProcessingLog(rotated)).ok).toBe(true);
  });

  it('after rotation the old key alone can no longer read the fields', async () => {
    const [row] = await t.ownerSql('select value_cipher from data_item where id = $1', [w.items.careNeeds]);
    const oldOnly = new Keyring(material);
    expect(() => oldOnly.decrypt(row!.value_cipher as Uint8Array, fieldAad('data_item', 'value_cipher', w.items.careNeeds))).toThrow(/no data key for version 2/);
  });
});
