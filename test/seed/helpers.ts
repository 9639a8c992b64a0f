/** Shared helpers of the seed tests: hashing generated rows and database rows. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../../src/data/reference.ts';
import { generateMunicipality, type GenerateOptions } from '../../src/data/seed/generate.ts';
import { emptyBatch, TABLE_ORDER, type SeedBatch } from '../../src/data/seed/types.ts';
import { storeInternals } from '../../src/data/store.ts';
import type { Store } from '../../src/data/index.ts';

/** All generated rows in one batch-like object (small municipalities only). */
export function generateAll(opts: GenerateOptions): SeedBatch {
  const all = emptyBatch();
  for (const batch of generateMunicipality(opts)) {
    for (const t of TABLE_ORDER) (all[t] as unknown[]).push(...batch[t]);
  }
  return all;
}

/** SHA-256 over every generated row, in generation order, secrets still in the clear. */
export function hashGenerated(opts: GenerateOptions): string {
  const h = createHash('sha256');
  for (const batch of generateMunicipality(opts)) {
    for (const t of TABLE_ORDER) for (const row of batch[t]) h.update(`${t}:${canonicalJson(row)}\n`);
  }
  return h.digest('hex');
}

/** Columns that differ per load by design: ciphertexts (random IV) and keyed blind indexes (per keyring). */
const VOLATILE = new Set(['bsn_cipher', 'bsn_index', 'value_cipher']);

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** SHA-256 over the seeded tables as stored, leaving out the volatile columns. */
export async function hashDatabase(store: Store): Promise<string> {
  const { db } = storeInternals(store).database;
  const h = createHash('sha256');
  for (const t of TABLE_ORDER) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by id`.execute(db);
    for (const row of rows) {
      const kept = Object.fromEntries(Object.entries(row).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, plain(v)]));
      h.update(`${t}:${canonicalJson(kept)}\n`);
    }
  }
  return h.digest('hex');
}
