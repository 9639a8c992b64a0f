/**
 * Loading the synthetic municipality into a real database (PGlite, or PostgreSQL with DATABASE_URL):
 * reproducible apart from ciphertexts, BSNs and sealed values never in the clear (R2.4, R10.3),
 * batches that cannot be logged are not stored (R6.1), and only an empty database is seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldAad } from '../../src/core/crypto/keyring.ts';
import { isValidBsn } from '../../src/core/domain/bsn.ts';
import { isEmptyDatabase, seedMunicipality, SeedError } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { generateAll, hashDatabase } from './helpers.ts';

const OPTS = { residents: 600, seed: 7 };
const generated = generateAll(OPTS);

describe('seeding a database', () => {
  let a: TestStore;
  let b: TestStore;
  const batches: { table: string; residentIds: string[]; inTransaction: boolean }[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestStore(), createTestStore()]);
    expect(await isEmptyDatabase(a.store)).toBe(true);
    await seedMunicipality(a.store, {
      ...OPTS,
      onBatch: async (tx, info) => {
        // Inside the batch transaction the rows just inserted are visible.
        const seen = await tx.selectFrom('resident').select('id').where('id', '=', info.residentIds[0]!).executeTakeFirst();
        batches.push({ ...info, inTransaction: seen !== undefined });
      },
    });
    await seedMunicipality(b.store, OPTS);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('stores the same municipality twice, apart from ciphertexts and keyed indexes', async () => {
    expect(await hashDatabase(a.store)).toBe(await hashDatabase(b.store));
  });

  it('stores every BSN encrypted, bound to its row, with the blind index of the keyring', async () => {
    const rows = await a.ownerSql('select id, bsn_cipher, bsn_index from resident');
    expect(rows).toHaveLength(OPTS.residents);
    const expected = new Map(generated.resident.map((r) => [r.id, r.bsn]));
    for (const row of rows) {
      const bsn = a.keyring.decrypt(row.bsn_cipher as Uint8Array, fieldAad('resident', 'bsn_cipher', String(row.id)));
      expect(isValidBsn(bsn)).toBe(true);
      expect(bsn).toBe(expected.get(String(row.id)));
      expect(Buffer.from(row.bsn_index as Uint8Array).equals(Buffer.from(a.keyring.bsnIndex(bsn)))).toBe(true);
    }
  });

  it('stores special-category, criminal and BSN items only as ciphertext', async () => {
    const rows = await a.ownerSql('select id, category, value_text, value_cipher from data_item');
    const expected = new Map(generated.data_item.map((i) => [i.id, i]));
    for (const row of rows) {
      const item = expected.get(String(row.id))!;
      if (item.sealed) {
        expect(row.value_text).toBeNull();
        expect(a.keyring.decrypt(row.value_cipher as Uint8Array, fieldAad('data_item', 'value_cipher', item.id))).toBe(item.value);
      } else {
        expect(row.value_cipher).toBeNull();
        expect(row.value_text).toBe(item.value);
      }
    }
  });

  it('a dump of the resident and data_item tables holds no clear-text BSN or special-category value', async () => {
    const secrets = [...generated.resident.map((r) => r.bsn), ...generated.data_item.filter((i) => i.sealed).map((i) => i.value)];
    // Long enough to be meaningful: a short BSN-item value is a BSN, which is already in the list.
    const needles = [...new Set(secrets)].filter((s) => s.length >= 9);
    for (const table of ['resident', 'data_item']) {
      const text = (await a.ownerSql(`select t::text as row from ${table} t`)).map((r) => String(r.row)).join('\n');
      const raw = Buffer.concat((await a.ownerSql(`select * from ${table}`)).flatMap((r) => Object.values(r).map((v) => (v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(String(v))))));
      for (const needle of needles) {
        expect(text.includes(needle), `${table} shows a secret in its text dump`).toBe(false);
        expect(raw.includes(Buffer.from(needle)), `${table} holds a secret in its raw bytes`).toBe(false);
      }
    }
  });

  it('calls onBatch inside each batch transaction with the residents the rows concern', () => {
    expect(batches.every((x) => x.inTransaction)).toBe(true);
    const tables = new Set(batches.map((x) => x.table));
    for (const t of ['resident', 'household', 'household_member', 'help_request', 'involvement', 'data_item']) expect(tables.has(t)).toBe(true);
    expect(tables.has('organisation')).toBe(false);
    const logged = new Set(batches.filter((x) => x.table === 'resident').flatMap((x) => x.residentIds));
    expect(logged.size).toBe(OPTS.residents);
  });

  it('refuses to seed a database that already holds residents', async () => {
    expect(await isEmptyDatabase(a.store)).toBe(false);
    await expect(seedMunicipality(a.store, OPTS)).rejects.toMatchObject({ code: 'SEED.NOT_EMPTY' });
  });
});

describe('a batch that cannot be logged', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(async () => t?.close());

  it('is not stored either (fail closed)', async () => {
    const failing = seedMunicipality(t.store, {
      residents: 300,
      seed: 1,
      onBatch: async (_tx, info) => {
        if (info.table === 'data_item') throw new Error('log unavailable');
      },
    });
    await expect(failing).rejects.toThrow('log unavailable');
    const { db } = storeInternals(t.store).database;
    // The first batch (organisations, staff, demo household) rolled back as a whole.
    expect(await db.selectFrom('resident').select('id').execute()).toHaveLength(0);
    expect(await db.selectFrom('organisation').select('id').execute()).toHaveLength(0);
  });

});

describe('seeding without reference data', () => {
  it('is refused: help requests must name a municipal task', async () => {
    const t = await createTestStore();
    try {
      await t.ownerSql('delete from municipal_task');
      const attempt = seedMunicipality(t.store, { residents: 50, seed: 1 });
      await expect(attempt).rejects.toBeInstanceOf(SeedError);
      await expect(attempt).rejects.toMatchObject({ code: 'SEED.NO_REFERENCE_DATA' });
    } finally {
      await t.close();
    }
  });
});
